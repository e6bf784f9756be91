//! Directional derivatives and Jacobian-vector products: one `Dual<T, 1>`
//! pass along a direction v, whatever N is.

use core::array;

use num_traits::Float;

use crate::Dual;
use crate::number::seed::along;

/// The directional derivative ∇f(x)·v of f: ℝᴺ → ℝ along `v`, from one
/// evaluation with a single partial (cheaper than the full gradient for
/// large N).
///
/// ```
/// use dualgrad::directional_derivative;
/// // f = x₀x₁, ∇f(3, 4) = [4, 3]; along v = [1, 2]: 4 + 6 = 10.
/// assert_eq!(directional_derivative(|x| x[0] * x[1], [3.0, 4.0], [1.0, 2.0]), 10.0);
/// ```
#[inline]
#[must_use]
pub fn directional_derivative<T: Float, F: Fn(&[Dual<T, 1>]) -> Dual<T, 1>, const N: usize>(
    f: F,
    x: [T; N],
    v: [T; N],
) -> T {
    let along = along();
    f(&array::from_fn::<Dual<T, 1>, N, _>(|i| along(x[i], v[i]))).partials()[0]
}

/// The Jacobian-vector product J(x)·v of f: ℝᴺ → ℝᴹ, from one evaluation
/// with a single partial.
///
/// ```
/// use dualgrad::jacobian_vector_product;
/// let jv = jacobian_vector_product(|x| [x[0] * x[1], x[0] + x[1]], [3.0, 4.0], [1.0, 0.0]);
/// assert_eq!(jv, [4.0, 1.0]);
/// ```
#[inline]
#[must_use]
pub fn jacobian_vector_product<
    T: Float,
    F: Fn(&[Dual<T, 1>]) -> [Dual<T, 1>; M],
    const N: usize,
    const M: usize,
>(
    f: F,
    x: [T; N],
    v: [T; N],
) -> [T; M] {
    let along = along();
    let y = f(&array::from_fn::<Dual<T, 1>, N, _>(|i| along(x[i], v[i])));
    array::from_fn(|i| y[i].partials()[0])
}
