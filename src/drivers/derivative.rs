//! d/dx f(x) of a function of one variable.

use num_traits::Float;

use crate::Dual;

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
    let y = f(Dual::variable(x, 0));
    (y.value(), y.partials()[0])
}
