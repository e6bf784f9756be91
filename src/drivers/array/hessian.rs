//! The Hessian ∇²f(x) on the second-order number `Dual2`, and
//! Hessian-vector products by forward over forward.

use num_traits::Float;

use crate::number::seed::{seeded_along, seeded_second_order};
use crate::{Dual, Dual2};

/// The N × N Hessian `H[i][j]` = ∂²f/∂xᵢ∂xⱼ of f: ℝᴺ → ℝ, exact to rounding,
/// from one evaluation of `f` on [`Dual2<T, N>`](Dual2), which carries the
/// value, the gradient and the Hessian and computes each pair i ≤ j once.
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
///
/// Nested duals `Dual<Dual<T, N>, N>` give the same Hessian and stay
/// available for code that nests by hand; `Dual2` is faster (see
/// BENCHMARKS.md).
///
/// Everything stays on the stack, and a `Dual2<f64, N>` is 8·(1 + N + N²)
/// bytes: above N ≈ 30 (less in a debug build or on a test thread's 2 MiB
/// stack) use [`chunk::hessian`](crate::chunk::hessian), which works in
/// chunks on the heap.
#[inline]
#[must_use]
pub fn hessian<T: Float, F: Fn(&[Dual2<T, N>]) -> Dual2<T, N>, const N: usize>(
    f: F,
    x: [T; N],
) -> [[T; N]; N] {
    value_gradient_hessian(f, x).2
}

/// The value f(x), the gradient ∇f(x) and the Hessian ∇²f(x) from one
/// evaluation on [`Dual2`].
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
    let y = f(&seeded_second_order(&x));
    (y.value(), *y.gradient(), y.hessian())
}

/// The Hessian-vector product ∇²f(x)·v, without forming the Hessian: one
/// evaluation on `Dual<Dual<T, N>, 1>`, the gradient's N partials inside a
/// derivative along v (forward over forward). It costs a few gradients,
/// not N of them.
///
/// ```
/// use dualgrad::{hessian, hessian_vector_product};
/// use num_traits::Float;
///
/// fn f<S: Float>(x: &[S]) -> S {
///     x[0] * x[0] * x[1] + x[1].sin()
/// }
/// let (x, v) = ([1.0, 2.0], [3.0, -1.0]);
/// let h = hessian(f, x);
/// let hv = hessian_vector_product(f, x, v);
/// assert_eq!(hv, [h[0][0] * 3.0 - h[0][1], h[1][0] * 3.0 - h[1][1]]);
/// ```
#[inline]
#[must_use]
pub fn hessian_vector_product<
    T: Float,
    F: Fn(&[Dual<Dual<T, N>, 1>]) -> Dual<Dual<T, N>, 1>,
    const N: usize,
>(
    f: F,
    x: [T; N],
    v: [T; N],
) -> [T; N] {
    *f(&seeded_along(&x, &v)).partials()[0].partials()
}
