//! d/dx f(x) of a function of one variable.

use num_traits::Float;

use crate::number::seed::{second_order_variable, variable};
use crate::{Dual, Dual2};

/// The derivative f′(x) of a function of one variable, exact to rounding.
///
/// `f` receives `x + ε` and returns `f(x) + f′(x)ε`; write it generically
/// over `Float` and pass it by name, or as a closure over `Dual<T, 1>`.
///
/// ```
/// use dualgrad::derivative;
/// use num_traits::Float;
///
/// fn f<S: Float>(x: S) -> S {
///     x.sin() * x
/// }
/// let d = derivative(f, 2.0);
/// assert!((d - (2.0_f64.cos() * 2.0 + 2.0_f64.sin())).abs() < 1e-15);
/// ```
#[inline]
#[must_use]
pub fn derivative<T: Float, F: Fn(Dual<T, 1>) -> Dual<T, 1>>(f: F, x: T) -> T {
    value_and_derivative(f, x).1
}

/// The value f(x) and the derivative f′(x) from one evaluation.
///
/// ```
/// use dualgrad::value_and_derivative;
/// let (v, d) = value_and_derivative(|x| x * x * x, 2.0);
/// assert_eq!((v, d), (8.0, 12.0));
/// ```
#[inline]
#[must_use]
pub fn value_and_derivative<T: Float, F: Fn(Dual<T, 1>) -> Dual<T, 1>>(f: F, x: T) -> (T, T) {
    let y = f(variable(x));
    (y.value(), y.partials()[0])
}

/// The derivative f′(t) of a curve f: ℝ → ℝᴹ (a trajectory, a
/// parametrised shape), from one evaluation on `Dual<T, 1>`: output i's
/// partial is dfᵢ/dt.
///
/// ```
/// use dualgrad::vector_derivative;
/// // The helix (cos t, sin t, t) at t = 0 moves along (0, 1, 1).
/// let d = vector_derivative(|t| [t.cos(), t.sin(), t], 0.0);
/// assert_eq!(d, [0.0, 1.0, 1.0]);
/// ```
#[inline]
#[must_use]
pub fn vector_derivative<T: Float, F: Fn(Dual<T, 1>) -> [Dual<T, 1>; M], const M: usize>(
    f: F,
    t: T,
) -> [T; M] {
    value_and_vector_derivative(f, t).1
}

/// The value f(t) and the derivative f′(t) of a curve f: ℝ → ℝᴹ, from one
/// evaluation.
///
/// ```
/// use dualgrad::value_and_vector_derivative;
/// let (y, d) = value_and_vector_derivative(|t| [t * t, t * t * t], 2.0);
/// assert_eq!((y, d), ([4.0, 8.0], [4.0, 12.0]));
/// ```
#[inline]
#[must_use]
pub fn value_and_vector_derivative<
    T: Float,
    F: Fn(Dual<T, 1>) -> [Dual<T, 1>; M],
    const M: usize,
>(
    f: F,
    t: T,
) -> ([T; M], [T; M]) {
    let y = f(variable(t));
    (y.map(|yi| yi.value()), y.map(|yi| yi.partials()[0]))
}

/// The second derivative f″(x) of a function of one variable, exact to
/// rounding, from one evaluation on [`Dual2<T, 1>`](Dual2).
///
/// ```
/// use dualgrad::second_derivative;
/// use num_traits::Float;
///
/// fn f<S: Float>(x: S) -> S {
///     x.powi(4)
/// }
/// assert_eq!(second_derivative(f, 2.0), 48.0); // 12x²
/// ```
#[inline]
#[must_use]
pub fn second_derivative<T: Float, F: Fn(Dual2<T, 1>) -> Dual2<T, 1>>(f: F, x: T) -> T {
    value_derivative_second_derivative(f, x).2
}

/// f(x), f′(x) and f″(x) from one evaluation on [`Dual2<T, 1>`](Dual2): the
/// one-variable form of [`value_gradient_hessian`](crate::value_gradient_hessian).
///
/// ```
/// use dualgrad::value_derivative_second_derivative;
/// // f = x·eˣ: f′ = (x + 1)eˣ, f″ = (x + 2)eˣ.
/// let (v, d1, d2) = value_derivative_second_derivative(|x| x * x.exp(), 0.0);
/// assert_eq!((v, d1, d2), (0.0, 1.0, 2.0));
/// ```
#[inline]
#[must_use]
pub fn value_derivative_second_derivative<T: Float, F: Fn(Dual2<T, 1>) -> Dual2<T, 1>>(
    f: F,
    x: T,
) -> (T, T, T) {
    let y = f(second_order_variable(x));
    (y.value(), y.gradient()[0], y.hessian_entry(0, 0))
}

/// f(x), f′(x) and f″(x): renamed
/// [`value_derivative_second_derivative`], since this name differed from
/// [`value_and_derivative`] (f and f′ only) by one letter.
///
/// ```
/// # #![allow(deprecated)]
/// use dualgrad::value_and_derivatives;
/// assert_eq!(value_and_derivatives(|x| x * x, 3.0), (9.0, 6.0, 2.0));
/// ```
#[deprecated(
    note = "renamed `value_derivative_second_derivative`: it returns f, f′ and f″, where `value_and_derivative` returns f and f′"
)]
#[inline]
#[must_use]
pub fn value_and_derivatives<T: Float, F: Fn(Dual2<T, 1>) -> Dual2<T, 1>>(f: F, x: T) -> (T, T, T) {
    value_derivative_second_derivative(f, x)
}
