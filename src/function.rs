//! Functions written once for every number type ([`Real`]).
//!
//! A closure has one concrete argument type, so the same closure cannot be
//! evaluated on `f64` and on `Dual<f64, 4>`, nor on duals of two widths. A
//! type implementing [`ScalarFn`] or [`VectorFn`] can: its `eval` is generic.
//! Drivers that need several number types take these traits (for instance
//! [`chunk::gradient_of`](crate::chunk::gradient_of), which picks the dual
//! width from the input length). A struct implementing them carries the
//! user's data; [`scalar_fn!`](crate::scalar_fn) and
//! [`vector_fn!`](crate::vector_fn) turn a generic `fn` into one.

use crate::Real;

/// A scalar function written once for every number type ([`Real`]).
///
/// ```
/// use dualgrad::{Real, ScalarFn};
///
/// /// Σ wᵢ·xᵢ², with the weights as data.
/// struct Weighted(Vec<f64>);
///
/// impl ScalarFn for Weighted {
///     fn eval<S: Real>(&self, x: &[S]) -> S {
///         x.iter()
///             .zip(&self.0)
///             .fold(S::zero(), |s, (&v, &w)| s + S::from(w).unwrap() * v * v)
///     }
/// }
///
/// let f = Weighted(vec![1.0, 2.0, 3.0]);
/// assert_eq!(f.eval(&[1.0, 1.0, 1.0]), 6.0);
/// let g = dualgrad::chunk::gradient_of(&f, &[1.0, 1.0, 1.0]);
/// assert_eq!(g, [2.0, 4.0, 6.0]);
/// ```
///
/// `eval` is generic over `S: Real`: besides `Float`'s methods it can call
/// the special functions (feature `special`), [`Real::logistic`],
/// [`Real::softplus`] and rules of your own written with
/// [`Real::chain_rule`], and every driver that takes a `ScalarFn` accepts
/// it. An `eval<S: Float>` written before `Real` existed still implements
/// the trait (a method may ask less of `S` than the trait does). Constants
/// come from `S::from(c).unwrap()`.
///
/// ```
/// # #[cfg(feature = "special")] {
/// use dualgrad::{Real, ScalarFn};
///
/// /// Σ softplus(xᵢ) + ln Γ(x₀): special functions (feature `special`) and
/// /// `Real`'s own.
/// struct Smooth;
/// impl ScalarFn for Smooth {
///     fn eval<S: Real>(&self, x: &[S]) -> S {
///         x.iter().map(|&v| v.softplus()).sum::<S>() + x[0].ln_gamma_fn()
///     }
/// }
/// let g = dualgrad::chunk::gradient_of(&Smooth, &[2.0, -1.0]);
/// let sigma = |t: f64| 1.0 / (1.0 + (-t).exp());
/// let digamma_2 = 1.0 - 0.577_215_664_901_532_9; // ψ(2) = 1 − γ
/// assert!((g[0] - (sigma(2.0) + digamma_2)).abs() < 1e-14);
/// assert!((g[1] - sigma(-1.0)).abs() < 1e-15);
/// # }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `ScalarFn`: it cannot be evaluated on several number types",
    note = "wrap a generic `fn f<S: Real>(x: &[S]) -> S` as `dualgrad::scalar_fn!(f)`, or implement `ScalarFn` on a struct that holds your data",
    note = "a closure has one argument type, so it cannot be a `ScalarFn`; the drivers that take closures are `chunk::gradient` and friends"
)]
pub trait ScalarFn {
    /// f(x).
    fn eval<S: Real>(&self, x: &[S]) -> S;
}

/// A vector function written once for every number type ([`Real`]); writes
/// `outputs(x.len())` values.
///
/// ```
/// use dualgrad::{Real, VectorFn};
///
/// /// (x₀·x₁, x₀ + x₁).
/// struct ProductAndSum;
///
/// impl VectorFn for ProductAndSum {
///     fn outputs(&self, _inputs: usize) -> usize {
///         2
///     }
///     fn eval<S: Real>(&self, x: &[S], out: &mut [S]) {
///         out[0] = x[0] * x[1];
///         out[1] = x[0] + x[1];
///     }
/// }
///
/// let mut out = [0.0; 2];
/// ProductAndSum.eval(&[3.0, 4.0], &mut out);
/// assert_eq!(out, [12.0, 7.0]);
/// ```
///
/// [`chunk::jacobian_of`](crate::chunk::jacobian_of) differentiates it
/// with a chunk size chosen from n. The `_with` drivers take it as the
/// closure `|x, out| f.eval(x, out)`; the allocating ones (`chunk::jacobian`)
/// want a closure that returns a `Vec`: `|x| { let mut out = vec![Zero::zero();
/// f.outputs(x.len())]; f.eval(x, &mut out); out }`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `VectorFn`: it cannot be evaluated on several number types",
    note = "wrap a generic `fn f<S: Real>(x: &[S], out: &mut [S])` as `dualgrad::vector_fn!(f, outputs)`, or implement `VectorFn` on a struct"
)]
pub trait VectorFn {
    /// The number of outputs for `inputs` inputs.
    fn outputs(&self, inputs: usize) -> usize;
    /// Writes f(x) into `out`, which has `outputs(x.len())` entries.
    fn eval<S: Real>(&self, x: &[S], out: &mut [S]);
}

/// A [`ScalarFn`] from a generic function `fn f<S: Real>(x: &[S]) -> S`,
/// in one line.
///
/// ```
/// use dualgrad::{Real, ScalarFn, scalar_fn};
///
/// fn norm_squared<S: Real>(x: &[S]) -> S {
///     x.iter().fold(S::zero(), |s, &v| s + v * v)
/// }
///
/// let f = scalar_fn!(norm_squared);
/// assert_eq!(f.eval(&[3.0, 4.0]), 25.0);
/// assert_eq!(dualgrad::chunk::gradient_of(&f, &[3.0, 4.0]), [6.0, 8.0]);
/// ```
///
/// The function must be generic over the number type: a `fn(&[f64]) -> f64`
/// (or `f::<f64>`) is rejected with "expected fn pointer `fn(&[S]) -> S`".
/// A closure is rejected with a message saying so.
#[macro_export]
macro_rules! scalar_fn {
    (|$($closure:tt)*) => {
        compile_error!(
            "scalar_fn! takes the name of a generic function `fn f<S: Real>(x: &[S]) -> S`, \
             not a closure: a closure has one argument type"
        )
    };
    ($f:path) => {{
        struct GenericScalarFn;
        impl $crate::ScalarFn for GenericScalarFn {
            fn eval<S: $crate::Real>(&self, x: &[S]) -> S {
                let f: fn(&[S]) -> S = $f;
                f(x)
            }
        }
        GenericScalarFn
    }};
}

/// A [`VectorFn`] from a generic function
/// `fn f<S: Real>(x: &[S], out: &mut [S])` and its output count (a number,
/// or a closure of the input count).
///
/// ```
/// use dualgrad::{Real, VectorFn, vector_fn};
///
/// fn squares<S: Real>(x: &[S], out: &mut [S]) {
///     for (o, &v) in out.iter_mut().zip(x) {
///         *o = v * v;
///     }
/// }
///
/// let f = vector_fn!(squares, |n| n);
/// assert_eq!(f.outputs(3), 3);
/// let mut out = [0.0; 3];
/// f.eval(&[1.0, 2.0, 3.0], &mut out);
/// assert_eq!(out, [1.0, 4.0, 9.0]);
/// ```
#[macro_export]
macro_rules! vector_fn {
    ($f:path, |$n:ident| $outputs:expr) => {{
        struct GenericVectorFn;
        impl $crate::VectorFn for GenericVectorFn {
            fn outputs(&self, $n: usize) -> usize {
                $outputs
            }
            fn eval<S: $crate::Real>(&self, x: &[S], out: &mut [S]) {
                let f: fn(&[S], &mut [S]) = $f;
                f(x, out)
            }
        }
        GenericVectorFn
    }};
    ($f:path, |_| $outputs:expr) => {
        $crate::vector_fn!($f, |_inputs| $outputs)
    };
    ($f:path, $outputs:expr) => {
        $crate::vector_fn!($f, |_inputs| $outputs)
    };
}
