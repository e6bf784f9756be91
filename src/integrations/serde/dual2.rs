//! serde's `Serialize` and `Deserialize` for `Dual2`: a struct with a
//! `value`, a `gradient` of exactly `N` entries and a `hessian` of exactly
//! `N` rows of `N` entries.
//!
//! Written by hand, as `Dual`'s are (`mod.rs`), because serde implements
//! arrays only up to length 32: here any `N` works, and a sequence of the
//! wrong length is an error naming both lengths (and the row, for a row of
//! the Hessian).
//!
//! The Hessian is written in full (symmetric), so that a reader needs no
//! convention about triangles. On input it must be symmetric: an entry
//! (i, j) that differs from (j, i) is an error naming both, rather than one
//! of them silently dropped (`Dual2::new` keeps the upper triangle). Two
//! NaNs count as equal. The comparison is `T`'s `==`, which for a `Dual`
//! part (`Dual2<Dual<f64, M>, N>`) looks at its value only. A Hessian from
//! elsewhere with rounding asymmetry (nested duals compute (i, j) and
//! (j, i) separately) should be symmetrized, e.g. to (H + Hᵀ)/2, first.
//!
//! The gradient, each Hessian row and the rows are read by `exactly`
//! (in `mod.rs`), which also reads `Dual`'s partials.

use core::fmt;
use core::marker::PhantomData;

use ::serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};

use super::exactly;
use ::serde::{Deserialize, Serialize, Serializer};
use num_traits::Float;

use crate::Dual2;

/// What a `Dual2` serializes as, by reference.
#[derive(Serialize)]
#[serde(rename = "Dual2")]
struct Dual2Ref<'a, T, const N: usize> {
    value: &'a T,
    gradient: &'a [T],
    hessian: Rows<'a, T, N>,
}

/// The rows of a full Hessian, each as a sequence (serde's arrays stop at
/// 32; slices do not).
struct Rows<'a, T, const N: usize>(&'a [[T; N]; N]);

impl<T: Serialize, const N: usize> Serialize for Rows<'_, T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|row| &row[..]))
    }
}

/// What a `Dual2` deserializes from.
#[derive(Deserialize)]
#[serde(rename = "Dual2", deny_unknown_fields)]
struct Dual2Repr<T, const N: usize> {
    value: T,
    gradient: Gradient<T, N>,
    hessian: Hessian<T, N>,
}

/// Exactly `N` gradient entries, read from a sequence.
struct Gradient<T, const N: usize>([T; N]);

/// Exactly `N` rows of exactly `N` entries, read from a sequence of
/// sequences.
struct Hessian<T, const N: usize>([[T; N]; N]);

/// Serializes as `{"value": a, "gradient": [g₀, …], "hessian": [[h₀₀, …],
/// …]}` (a struct `Dual2` of three fields, in formats that name them), with
/// the full symmetric Hessian.
///
/// ```
/// use dualgrad::Dual2;
/// let x = Dual2::<f64, 2>::variable(3.0, 0);
/// let y = Dual2::<f64, 2>::variable(2.0, 1);
/// let json = serde_json::to_string(&(x * x * y)).unwrap();
/// assert_eq!(
///     json,
///     r#"{"value":18.0,"gradient":[12.0,9.0],"hessian":[[4.0,6.0],[6.0,0.0]]}"#
/// );
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<T: Float + Serialize, const N: usize> Serialize for Dual2<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Dual2Ref {
            value: &self.value(),
            gradient: self.gradient(),
            hessian: Rows(&self.hessian()),
        }
        .serialize(serializer)
    }
}

/// Deserializes the form [`Serialize`] writes: exactly `N` gradient
/// entries and `N` rows of `N` Hessian entries, the Hessian symmetric
/// (see the module docs); unknown fields are errors.
///
/// ```
/// use dualgrad::Dual2;
/// let json = r#"{"value":18.0,"gradient":[12.0,9.0],"hessian":[[4.0,6.0],[6.0,0.0]]}"#;
/// let d: Dual2<f64, 2> = serde_json::from_str(json).unwrap();
/// assert_eq!(d.into_parts(), (18.0, [12.0, 9.0], [[4.0, 6.0], [6.0, 0.0]]));
///
/// let short_row = r#"{"value":1.0,"gradient":[0.0,0.0],"hessian":[[1.0,2.0],[2.0]]}"#;
/// let message = serde_json::from_str::<Dual2<f64, 2>>(short_row).unwrap_err().to_string();
/// assert!(message.starts_with("invalid length 1, expected row 1 of the Hessian: a sequence of exactly 2 entries"));
///
/// let asymmetric = r#"{"value":1.0,"gradient":[0.0,0.0],"hessian":[[1.0,2.0],[3.0,4.0]]}"#;
/// let message = serde_json::from_str::<Dual2<f64, 2>>(asymmetric).unwrap_err().to_string();
/// assert!(message.starts_with("asymmetric Hessian: entry (0, 1) is 2 but entry (1, 0) is 3"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de, T: Float + Deserialize<'de>, const N: usize> Deserialize<'de> for Dual2<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Dual2Repr {
            value,
            gradient,
            hessian,
        } = Dual2Repr::<T, N>::deserialize(deserializer)?;
        match first_asymmetry(&hessian.0) {
            None => Ok(Dual2::new(value, gradient.0, hessian.0)),
            Some((i, j)) => Err(de::Error::custom(format_args!(
                "asymmetric Hessian: entry ({i}, {j}) is {} but entry ({j}, {i}) is {}; \
                 a Hessian is symmetric (symmetrize it, e.g. to (H + Hᵀ)/2, before reading it \
                 as a Dual2)",
                shown(hessian.0[i][j]),
                shown(hessian.0[j][i]),
            ))),
        }
    }
}

/// The first (i, j), i < j, row by row, where H[i][j] ≠ H[j][i] (two NaNs
/// are equal).
fn first_asymmetry<T: Float, const N: usize>(h: &[[T; N]; N]) -> Option<(usize, usize)> {
    (0..N)
        .flat_map(|i| (i + 1..N).map(move |j| (i, j)))
        .find(|&(i, j)| {
            let (upper, lower) = (h[i][j], h[j][i]);
            upper != lower && !(upper.is_nan() && lower.is_nan())
        })
}

/// `x` for an error message, through `f64` (`T` need not be `Display`).
fn shown<T: Float>(x: T) -> f64 {
    x.to_f64().unwrap_or(f64::NAN)
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Gradient<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_seq(RowVisitor::<T, N>::gradient())
            .map(Gradient)
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Hessian<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_seq(HessianVisitor::<T, N>(PhantomData))
            .map(Hessian)
    }
}

/// Reads `N` numbers: the gradient (`row: None`) or row `i` of the Hessian
/// (`row: Some(i)`, so that an error names the row).
struct RowVisitor<T, const N: usize> {
    row: Option<usize>,
    numbers: PhantomData<T>,
}

impl<T, const N: usize> RowVisitor<T, N> {
    fn gradient() -> Self {
        Self {
            row: None,
            numbers: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for RowVisitor<T, N> {
    type Value = [T; N];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            None => write!(f, "a sequence of exactly {N} gradient entries"),
            Some(i) => write!(
                f,
                "row {i} of the Hessian: a sequence of exactly {N} entries"
            ),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<[T; N], A::Error> {
        exactly(seq, &self, |seq, _| seq.next_element())
    }
}

/// Row `i` of the Hessian, as a seed that knows its index.
impl<'de, T: Deserialize<'de>, const N: usize> DeserializeSeed<'de> for RowVisitor<T, N> {
    type Value = [T; N];

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<[T; N], D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// Reads `N` rows, each by a [`RowVisitor`] that knows its index.
struct HessianVisitor<T, const N: usize>(PhantomData<T>);

impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for HessianVisitor<T, N> {
    type Value = [[T; N]; N];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a Hessian: a sequence of exactly {N} rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<[[T; N]; N], A::Error> {
        exactly(seq, &self, |seq, i| {
            seq.next_element_seed(RowVisitor::<T, N> {
                row: Some(i),
                numbers: PhantomData,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_nans_are_symmetric_and_a_nan_against_a_number_is_not() {
        let nan = f64::NAN;
        assert_eq!(first_asymmetry(&[[1.0, nan], [nan, 2.0]]), None);
        assert_eq!(first_asymmetry(&[[1.0, nan], [0.0, 2.0]]), Some((0, 1)));
        assert_eq!(
            first_asymmetry(&[[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [2.0, 4.0, 0.0]]),
            Some((1, 2))
        );
        // Diagonal NaNs are not compared with anything.
        assert_eq!(first_asymmetry(&[[nan]]), None);
    }

    #[test]
    fn signed_zeros_are_symmetric() {
        assert_eq!(first_asymmetry(&[[0.0, -0.0], [0.0, 0.0]]), None);
    }
}
