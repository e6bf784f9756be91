//! The Jacobian ∂f/∂x of f: ℝᴺ → ℝᴹ, in one pass of `Dual<T, N>`.

use core::array;

use num_traits::Float;

use crate::Dual;
use crate::number::seed::seeded;

/// The M × N Jacobian of f: ℝᴺ → ℝᴹ, exact to rounding: row `i` is the
/// gradient of output `i` (`J[i][j]` = ∂fᵢ/∂xⱼ), as in *Mathematics for Machine
/// Learning* (§5.3, eq. 5.58), from one evaluation of `f` on `Dual<T, N>`.
///
/// ```
/// use dualgrad::jacobian;
/// use num_traits::Float;
///
/// // Polar to Cartesian: (r, θ) ↦ (r cos θ, r sin θ).
/// fn polar<S: Float>(p: &[S]) -> [S; 2] {
///     [p[0] * p[1].cos(), p[0] * p[1].sin()]
/// }
/// let j = jacobian(polar, [2.0, 0.0]);
/// assert_eq!(j, [[1.0, 0.0], [0.0, 2.0]]);
/// ```
#[inline]
#[must_use]
pub fn jacobian<
    T: Float,
    F: Fn(&[Dual<T, N>]) -> [Dual<T, N>; M],
    const N: usize,
    const M: usize,
>(
    f: F,
    x: [T; N],
) -> [[T; N]; M] {
    value_and_jacobian(f, x).1
}

/// The value f(x) and the Jacobian from one evaluation.
///
/// ```
/// use dualgrad::value_and_jacobian;
/// let (v, j) = value_and_jacobian(|x| [x[0] * x[1], x[0] + x[1]], [3.0, 4.0]);
/// assert_eq!(v, [12.0, 7.0]);
/// assert_eq!(j, [[4.0, 3.0], [1.0, 1.0]]);
/// ```
#[inline]
#[must_use]
pub fn value_and_jacobian<
    T: Float,
    F: Fn(&[Dual<T, N>]) -> [Dual<T, N>; M],
    const N: usize,
    const M: usize,
>(
    f: F,
    x: [T; N],
) -> ([T; M], [[T; N]; M]) {
    let y = f(&seeded(&x));
    (
        array::from_fn(|i| y[i].value()),
        array::from_fn(|i| *y[i].partials()),
    )
}
