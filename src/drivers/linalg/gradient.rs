//! ∇f(x) of f: ℝᴺ → ℝ written on `SVector`, as an `SVector`.

use nalgebra::{SVector, Scalar};
use num_traits::Float;

use crate::Dual;
use crate::number::seed::seeded;

/// The gradient ∇f(x) of f: ℝᴺ → ℝ, exact to rounding, from one
/// evaluation of `f` on an `SVector` of `Dual<T, N>`.
///
/// In *Mathematics for Machine Learning* (§5.2, eq. 5.40) the
/// gradient is a row vector, the 1 × N Jacobian of f. It is returned as a
/// column `SVector`, the shape a step `x − α∇f` needs; `.transpose()` gives
/// the row.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::{Matrix2, Vector2};
///
/// // f(x) = xᵀAx, ∇f = (A + Aᵀ)x.
/// let a = Matrix2::new(1.0, 2.0, 0.0, 3.0);
/// let x = Vector2::new(1.0, -1.0);
/// let g = linalg::gradient(|v| v.dot(&(a.map(dualgrad::Dual::constant) * v)), &x);
/// assert_eq!(g, (a + a.transpose()) * x);
/// ```
#[inline]
#[must_use]
pub fn gradient<T, F, const N: usize>(f: F, x: &SVector<T, N>) -> SVector<T, N>
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<T, N>, N>) -> Dual<T, N>,
{
    value_and_gradient(f, x).1
}

/// The value f(x) and the gradient ∇f(x) (as a column `SVector`) from one
/// evaluation.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::Vector3;
///
/// let (v, g) = linalg::value_and_gradient(|x| x.norm_squared(), &Vector3::new(1.0, 2.0, 2.0));
/// assert_eq!(v, 9.0);
/// assert_eq!(g, Vector3::new(2.0, 4.0, 4.0));
/// ```
#[inline]
#[must_use]
pub fn value_and_gradient<T, F, const N: usize>(f: F, x: &SVector<T, N>) -> (T, SVector<T, N>)
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<T, N>, N>) -> Dual<T, N>,
{
    let y = f(&SVector::from(seeded(&(*x).into())));
    (y.value(), SVector::from(*y.partials()))
}
