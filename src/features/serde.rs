//! serde's `Serialize` and `Deserialize` for `Dual`: a struct with a
//! `value` and a sequence of exactly `N` `partials`.
//!
//! Written by hand rather than derived because serde implements arrays only
//! up to length 32: here any `N` works (0, 40, …), and a sequence of the
//! wrong length is an error naming both lengths.
//!
//! The other public types that hold data get the derived form through
//! private mirrors, destructured exhaustively so that a field added to the
//! type is a compile error here rather than silently dropped: the
//! gradient checker's [`Scheme`], [`Position`], [`Estimate`],
//! [`SweepPoint`] and [`EntryReport`] both ways; [`Report`] and
//! [`DimensionError`], whose `&'static str` fields cannot be read back,
//! serialize only.

use core::fmt;
use core::marker::PhantomData;

use ::serde::de::{Deserializer, SeqAccess, Visitor};
use ::serde::{Deserialize, Serialize, Serializer};
use num_traits::Float;

use crate::gradcheck::{EntryReport, Estimate, Position, Report, Scheme, SweepPoint};
use crate::{DimensionError, Dual};

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
        super::serde_dual2::exactly(seq, &self, |seq, _| seq.next_element()).map(Partials)
    }
}

/// `Serialize` and `Deserialize` for a public struct of `Copy` fields,
/// through a private mirror with the same fields.
macro_rules! mirrored_struct {
    ($(#[doc = $doc:literal])+ $name:literal, $ty:ident as $mirror:ident { $($field:ident: $t:ty),+ $(,)? }) => {
        #[derive(Serialize, Deserialize)]
        #[serde(rename = $name, deny_unknown_fields)]
        struct $mirror {
            $($field: $t),+
        }

        $(#[doc = $doc])+
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let $ty { $($field),+ } = *self;
                $mirror { $($field),+ }.serialize(serializer)
            }
        }

        /// As `Serialize` writes it; unknown or missing fields are errors.
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let $mirror { $($field),+ } = $mirror::deserialize(deserializer)?;
                Ok($ty { $($field),+ })
            }
        }
    };
}

mirrored_struct! {
    /// A struct `Estimate` with fields `value`, `error`, `step`.
    ///
    /// ```
    /// use dualgrad::gradcheck::Estimate;
    /// let e = Estimate { value: 2.0, error: 1e-12, step: 0.25 };
    /// let json = serde_json::to_string(&e).unwrap();
    /// assert_eq!(json, r#"{"value":2.0,"error":1e-12,"step":0.25}"#);
    /// assert_eq!(serde_json::from_str::<Estimate>(&json).unwrap(), e);
    /// ```
    "Estimate", Estimate as EstimateMirror { value: f64, error: f64, step: f64 }
}

mirrored_struct! {
    /// A struct `SweepPoint` with fields `step`, `forward`, `central`,
    /// `five_point`.
    ///
    /// ```
    /// use dualgrad::gradcheck::{SweepPoint, step_sweep};
    /// let point = step_sweep(|x| x * x, 1.0, 2.0, [0.5])[0];
    /// let json = serde_json::to_string(&point).unwrap();
    /// assert_eq!(json, r#"{"step":0.5,"forward":0.5,"central":0.0,"five_point":0.0}"#);
    /// assert_eq!(serde_json::from_str::<SweepPoint>(&json).unwrap(), point);
    /// ```
    "SweepPoint", SweepPoint as SweepPointMirror { step: f64, forward: f64, central: f64, five_point: f64 }
}

mirrored_struct! {
    /// A struct `EntryReport` with the fields of the type, the position as
    /// an externally tagged enum.
    ///
    /// ```
    /// use dualgrad::gradcheck::{EntryReport, GradCheck};
    /// let report = GradCheck::default().gradient(|x| x[0] * x[0], |x| vec![2.0 * x[0]], &[3.0]).unwrap();
    /// let json = serde_json::to_string(&report.entries[0]).unwrap();
    /// assert!(json.starts_with(r#"{"position":{"Entry":0},"computed":6.0,"#));
    /// let back: EntryReport = serde_json::from_str(&json).unwrap();
    /// assert_eq!((back.position, back.computed, back.passed), (report.entries[0].position, 6.0, true));
    /// ```
    "EntryReport", EntryReport as EntryReportMirror {
        position: Position,
        computed: f64,
        numeric: f64,
        abs_error: f64,
        rel_error: f64,
        error_estimate: f64,
        step: f64,
        tolerance: f64,
        passed: bool,
    }
}

/// The variants of [`Scheme`], for serde's remote derive (which matches them
/// exhaustively).
#[derive(Serialize, Deserialize)]
#[serde(remote = "Scheme")]
enum SchemeMirror {
    Forward,
    Central,
    FivePoint,
    Richardson,
}

/// A unit variant by name: `"Central"`, `"FivePoint"`, ….
///
/// ```
/// use dualgrad::gradcheck::Scheme;
/// assert_eq!(serde_json::to_string(&Scheme::FivePoint).unwrap(), r#""FivePoint""#);
/// assert_eq!(serde_json::from_str::<Scheme>(r#""Richardson""#).unwrap(), Scheme::Richardson);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Scheme {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SchemeMirror::serialize(self, serializer)
    }
}

/// A unit variant by name, as [`Serialize`] writes it.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Scheme {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SchemeMirror::deserialize(deserializer)
    }
}

/// The variants of [`Position`], for serde's remote derive.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Position")]
enum PositionMirror {
    Entry(usize),
    Jacobian { row: usize, column: usize },
    Hessian { row: usize, column: usize },
    Directional,
}

/// An externally tagged enum: `{"Entry":3}`, `{"Jacobian":{"row":1,"column":2}}`,
/// `"Directional"`.
///
/// ```
/// use dualgrad::gradcheck::Position;
/// let p = Position::Jacobian { row: 1, column: 2 };
/// let json = serde_json::to_string(&p).unwrap();
/// assert_eq!(json, r#"{"Jacobian":{"row":1,"column":2}}"#);
/// assert_eq!(serde_json::from_str::<Position>(&json).unwrap(), p);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Position {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PositionMirror::serialize(self, serializer)
    }
}

/// As [`Serialize`] writes it.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PositionMirror::deserialize(deserializer)
    }
}

/// What a [`Report`] serializes as.
#[derive(Serialize)]
#[serde(rename = "Report")]
struct ReportRef<'a> {
    kind: &'a str,
    scheme: Scheme,
    rtol: f64,
    atol: f64,
    estimate_factor: f64,
    entries: &'a [EntryReport],
    worst: usize,
    relative_error: f64,
    passed: bool,
}

/// A struct `Report` with every field, entries in input order (for logs and
/// dashboards; its `kind: &'static str` cannot be deserialized).
///
/// ```
/// use dualgrad::gradcheck::GradCheck;
/// let report = GradCheck::default()
///     .gradient(|x| x[0] * x[1], |x| vec![x[1], x[0]], &[3.0, 4.0])
///     .unwrap();
/// let json: serde_json::Value = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["kind"], "gradient");
/// assert_eq!(json["scheme"], "Central");
/// assert_eq!(json["entries"].as_array().unwrap().len(), 2);
/// assert_eq!(json["passed"], true);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Report {
            kind,
            scheme,
            rtol,
            atol,
            estimate_factor,
            entries,
            worst,
            relative_error,
            passed,
        } = self;
        ReportRef {
            kind,
            scheme: *scheme,
            rtol: *rtol,
            atol: *atol,
            estimate_factor: *estimate_factor,
            entries,
            worst: *worst,
            relative_error: *relative_error,
            passed: *passed,
        }
        .serialize(serializer)
    }
}

/// What a [`DimensionError`] serializes as.
#[derive(Serialize)]
#[serde(rename = "DimensionError")]
struct DimensionErrorRef<'a> {
    what: &'a str,
    expected: usize,
    found: usize,
    because: &'a str,
}

/// A struct `DimensionError` with every field (serialize only: its
/// `&'static str` fields cannot be read back).
///
/// ```
/// use dualgrad::chunk::{GradientConfig, gradient_with};
/// let mut config = GradientConfig::<f64>::new(3);
/// let err = gradient_with(&mut config, |x| x[0], &[1.0, 2.0, 3.0], &mut [0.0; 2]).unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&err).unwrap(),
///     r#"{"what":"gradient buffer","expected":3,"found":2,"because":"one entry per input"}"#
/// );
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for DimensionError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let DimensionError {
            what,
            expected,
            found,
            because,
        } = *self;
        DimensionErrorRef {
            what,
            expected,
            found,
            because,
        }
        .serialize(serializer)
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
