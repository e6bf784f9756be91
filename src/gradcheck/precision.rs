//! The floating-point types a check runs in: `f64` and `f32`.

use crate::Real;

use super::differences::Precision;

/// A floating-point type a [`GradCheck`](super::GradCheck) runs in: `f64`
/// (the default) or `f32`.
///
/// The type fixes how the finite differences of a function on it are
/// taken: each step is scaled with the type's ε (h = ε^(1/(p+1))·max(|x|, 1)
/// for a scheme of order p), sample points are rounded to the type so that
/// the function sees exactly x ± h, and the rounding-noise term of every
/// error estimate uses the type's ε. Results (values, errors, tolerances)
/// are reported as `f64`, which holds every `f32` exactly. The default
/// relative tolerance is 1e-6 for `f64` and 1e-3 for `f32`.
///
/// Implemented for `f64` and `f32` only (the trait is sealed).
///
/// ```
/// use dualgrad::gradcheck::GradCheck;
/// // The same call shape in f32: the closures take &[f32].
/// let report = GradCheck::<f32>::new()
///     .gradient(|x| x[0].sin() * x[1], |x| [x[0].cos() * x[1], x[0].sin()], &[0.5, 2.0])
///     .unwrap();
/// assert_eq!(report.rtol(), 1e-3);
/// ```
pub trait CheckFloat: Real + sealed::Sealed {}

impl CheckFloat for f64 {}
impl CheckFloat for f32 {}

pub(crate) mod sealed {
    use super::Precision;

    /// What the check needs of its number type; not nameable outside the
    /// crate, so `CheckFloat` cannot be implemented elsewhere.
    pub trait Sealed: Copy {
        /// The type's ε and its rounding of f64 sample points.
        const PRECISION: Precision;
        /// The default relative tolerance of a check in this type.
        const DEFAULT_RTOL: f64;
        /// Exact conversion to f64.
        fn widen(self) -> f64;
        /// Calls `f` on `x` in this type (no copy for f64).
        fn on_slice<R>(x: &[f64], f: impl FnOnce(&[Self]) -> R) -> R;
    }

    impl Sealed for f64 {
        const PRECISION: Precision = super::super::differences::DOUBLE;
        const DEFAULT_RTOL: f64 = 1e-6;
        fn widen(self) -> f64 {
            self
        }
        fn on_slice<R>(x: &[f64], f: impl FnOnce(&[Self]) -> R) -> R {
            f(x)
        }
    }

    impl Sealed for f32 {
        const PRECISION: Precision = Precision {
            epsilon: f32::EPSILON as f64,
            round: |x| f64::from(x as f32),
        };
        // f32 differences are accurate to about ε^(2/3) ≈ 2e-5 (central),
        // and an f32 gradient to a few hundred ulps after a long sum.
        const DEFAULT_RTOL: f64 = 1e-3;
        fn widen(self) -> f64 {
            f64::from(self)
        }
        fn on_slice<R>(x: &[f64], f: impl FnOnce(&[Self]) -> R) -> R {
            // Exact along a coordinate, whose steps are rounded so that x ± h
            // is an f32 (`PRECISION`); along a direction (x + t·v) this is
            // where the point is rounded.
            let narrow: Vec<f32> = x.iter().map(|&v| v as f32).collect();
            f(&narrow)
        }
    }
}
