//! ∇f(x) of a scalar function of N variables, in one pass of `Dual<T, N>`.

use num_traits::Float;

use crate::Dual;
use crate::number::seed::seeded;

/// The gradient ∇f(x) = [∂f/∂x₁, …, ∂f/∂x_N] of f: ℝᴺ → ℝ, exact to
/// rounding, from one evaluation of `f` on `Dual<T, N>`.
///
/// In *Mathematics for Machine Learning* (Deisenroth, Faisal and Ong,
/// §5.2, eq. 5.40) the gradient is a row vector; it is returned as an array.
///
/// ```
/// use dualgrad::gradient;
/// use num_traits::Float;
///
/// // Example 5.7 of that book: f(x₁, x₂) = x₁²x₂ + x₁x₂³, ∇f = [2x₁x₂ + x₂³, x₁² + 3x₁x₂²].
/// fn f<S: Float>(x: &[S]) -> S {
///     x[0] * x[0] * x[1] + x[0] * x[1].powi(3)
/// }
/// assert_eq!(gradient(f, [1.0, 2.0]), [12.0, 13.0]);
/// ```
#[inline]
#[must_use]
pub fn gradient<T: Float, F: Fn(&[Dual<T, N>]) -> Dual<T, N>, const N: usize>(
    f: F,
    x: [T; N],
) -> [T; N] {
    value_and_gradient(f, x).1
}

/// The value f(x) and the gradient ∇f(x) from one evaluation.
///
/// ```
/// use dualgrad::value_and_gradient;
/// let (v, g) = value_and_gradient(|x| x[0] * x[1], [3.0, 4.0]);
/// assert_eq!((v, g), (12.0, [4.0, 3.0]));
/// ```
#[inline]
#[must_use]
pub fn value_and_gradient<T: Float, F: Fn(&[Dual<T, N>]) -> Dual<T, N>, const N: usize>(
    f: F,
    x: [T; N],
) -> (T, [T; N]) {
    let y = f(&seeded(&x));
    (y.value(), *y.partials())
}
