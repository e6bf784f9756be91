//! The Hessian ∇²f(x), by nesting: `Dual<Dual<T, N>, N>`.

use core::array;

use num_traits::Float;

use crate::Dual;
use crate::passes::second_order_seeded;

/// A second-order dual number: value, gradient and Hessian in one.
type Dual2<T, const N: usize> = Dual<Dual<T, N>, N>;

/// The N × N Hessian `H[i][j]` = ∂²f/∂xᵢ∂xⱼ of f: ℝᴺ → ℝ, exact to rounding,
/// from one evaluation of `f` on nested duals `Dual<Dual<T, N>, N>`.
///
/// Input `xᵢ` is seeded as `(xᵢ + δᵢ) + (1 + 0δ)εᵢ`: the inner perturbations
/// δ and the outer ε are distinct types, so they cannot be confused.
///
/// ```
/// use dualgrad::hessian;
/// use num_traits::Float;
///
/// // Example 5.6 of *Mathematics for Machine Learning*: f(x, y) = (x + 2y³)².
/// fn f<S: Float>(v: &[S]) -> S {
///     let two = S::from(2.0).unwrap();
///     (v[0] + two * v[1].powi(3)).powi(2)
/// }
/// let (x, y) = (1.0, 2.0);
/// let h = hessian(f, [x, y]);
/// let u: f64 = x + 2.0 * y * y * y;
/// assert_eq!(h[0], [2.0, 12.0 * y * y]);
/// assert_eq!(h[1], [12.0 * y * y, 72.0 * y.powi(4) + 24.0 * u * y]);
/// ```
#[inline]
#[must_use]
pub fn hessian<T: Float, F: Fn(&[Dual2<T, N>]) -> Dual2<T, N>, const N: usize>(
    f: F,
    x: [T; N],
) -> [[T; N]; N] {
    value_gradient_hessian(f, x).2
}

/// The value f(x), the gradient ∇f(x) and the Hessian ∇²f(x) from one
/// evaluation on nested duals.
///
/// ```
/// use dualgrad::value_gradient_hessian;
/// let (v, g, h) = value_gradient_hessian(|x| x[0] * x[0] * x[1], [3.0, 2.0]);
/// assert_eq!(v, 18.0);
/// assert_eq!(g, [12.0, 9.0]);
/// assert_eq!(h, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[inline]
#[must_use]
pub fn value_gradient_hessian<T: Float, F: Fn(&[Dual2<T, N>]) -> Dual2<T, N>, const N: usize>(
    f: F,
    x: [T; N],
) -> (T, [T; N], [[T; N]; N]) {
    let seeded: [Dual2<T, N>; N] = second_order_seeded(|i| x[i]);
    let y = f(&seeded);
    let (inner, outer) = y.into_parts();
    (
        inner.value(),
        *inner.partials(),
        array::from_fn(|i| *outer[i].partials()),
    )
}
