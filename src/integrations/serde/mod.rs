//! serde's `Serialize` and `Deserialize` for `Dual`: a struct with a
//! `value` and a sequence of exactly `N` `partials`.
//!
//! Written by hand rather than derived because serde implements arrays only
//! up to length 32: here any `N` works (0, 40, …), and a sequence of the
//! wrong length is an error naming both lengths.
//!
//! The other public types that hold data derive serde's traits in place,
//! next to their definitions (`#[cfg_attr(feature = "serde", derive(..))]`):
//! the gradient checker's `Scheme`, `Position`, `CheckKind`, `Estimate`,
//! `SweepPoint`, `EntryReport` and `Report` both ways, and
//! `DimensionError`, whose `&'static str` fields cannot be read back,
//! serialize only.

mod dual2;

use core::fmt;
use core::marker::PhantomData;

use ::serde::de::{self, Deserializer, Expected, IgnoredAny, SeqAccess, Visitor};
use ::serde::{Deserialize, Serialize, Serializer};
use num_traits::Float;

use crate::Dual;

/// What a `Dual` serializes as, by reference.
#[derive(Serialize)]
#[serde(rename = "Dual")]
struct DualRef<'a, T> {
    value: &'a T,
    partials: &'a [T],
}

/// What a `Dual` deserializes from.
#[derive(Deserialize)]
#[serde(rename = "Dual", deny_unknown_fields)]
struct DualRepr<T, const N: usize> {
    value: T,
    partials: Partials<T, N>,
}

/// Exactly `N` partials, read from a sequence.
struct Partials<T, const N: usize>([T; N]);

/// Serializes as `{"value": a, "partials": [b₀, …, b_N₋₁]}` (a struct
/// `Dual` of two fields, in formats that name them).
///
/// ```
/// use dualgrad::Dual;
/// let d = Dual::new(1.5, [2.0, -1.0]);
/// let json = serde_json::to_string(&d).unwrap();
/// assert_eq!(json, r#"{"value":1.5,"partials":[2.0,-1.0]}"#);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<T: Float + Serialize, const N: usize> Serialize for Dual<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DualRef {
            value: &self.value(),
            partials: self.partials(),
        }
        .serialize(serializer)
    }
}

/// Deserializes the form [`Serialize`] writes; exactly `N` partials are
/// required.
///
/// ```
/// use dualgrad::Dual;
/// let d: Dual<f64, 2> = serde_json::from_str(r#"{"value":1.5,"partials":[2.0,-1.0]}"#).unwrap();
/// assert_eq!(d.into_parts(), (1.5, [2.0, -1.0]));
///
/// let short = serde_json::from_str::<Dual<f64, 3>>(r#"{"value":1.5,"partials":[2.0]}"#);
/// let message = short.unwrap_err().to_string();
/// assert!(message.starts_with("invalid length 1, expected a sequence of exactly 3 partial derivatives"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de, T: Float + Deserialize<'de>, const N: usize> Deserialize<'de> for Dual<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let DualRepr { value, partials } = DualRepr::<T, N>::deserialize(deserializer)?;
        Ok(Dual::new(value, partials.0))
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Partials<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(PartialsVisitor(PhantomData))
    }
}

/// Reads a sequence of exactly `N` elements (by `exactly`, shared with
/// `Dual2`'s gradient and Hessian rows), so that a wrong length is an error
/// naming it.
struct PartialsVisitor<T, const N: usize>(PhantomData<T>);

impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for PartialsVisitor<T, N> {
    type Value = Partials<T, N>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a sequence of exactly {N} partial derivatives")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        exactly(seq, &self, |seq, _| seq.next_element()).map(Partials)
    }
}

/// Reads exactly `N` elements of `seq`, the `i`-th by `element(seq, i)`;
/// when the sequence is longer, counts the rest (without reading them) so
/// that the error names the whole length.
fn exactly<'de, A, E, const N: usize>(
    mut seq: A,
    expected: &dyn Expected,
    mut element: impl FnMut(&mut A, usize) -> Result<Option<E>, A::Error>,
) -> Result<[E; N], A::Error>
where
    A: SeqAccess<'de>,
{
    let mut read = Vec::with_capacity(N);
    while read.len() < N {
        match element(&mut seq, read.len())? {
            Some(e) => read.push(e),
            None => return Err(de::Error::invalid_length(read.len(), expected)),
        }
    }
    let mut extra = 0;
    while seq.next_element::<IgnoredAny>()?.is_some() {
        extra += 1;
    }
    if extra > 0 {
        return Err(de::Error::invalid_length(N + extra, expected));
    }
    match <[E; N]>::try_from(read) {
        Ok(elements) => Ok(elements),
        // Unreachable: exactly N elements were read.
        Err(read) => Err(de::Error::invalid_length(read.len(), expected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_partials_name_the_whole_length() {
        let err = serde_json::from_str::<Dual<f64, 1>>(r#"{"value":0.0,"partials":[1.0,2.0,3.0]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("invalid length 3, expected a sequence of exactly 1 partial"));
    }

    #[test]
    fn unknown_and_missing_fields_are_errors() {
        assert!(serde_json::from_str::<Dual<f64, 1>>(r#"{"value":0.0}"#).is_err());
        assert!(
            serde_json::from_str::<Dual<f64, 0>>(r#"{"value":0.0,"partials":[],"x":1}"#).is_err()
        );
    }

    #[test]
    fn sequence_form_is_accepted() {
        let d: Dual<f64, 2> = serde_json::from_str("[1.0,[2.0,3.0]]").unwrap();
        assert_eq!(d.into_parts(), (1.0, [2.0, 3.0]));
    }
}
