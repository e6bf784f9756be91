//! The Jacobian of f: ℝᴺ → ℝᴹ written on `SVector`, as an `SMatrix`.

use nalgebra::{SMatrix, SVector, Scalar};
use num_traits::Float;

use crate::Dual;
use crate::number::seed::seeded;

/// The M × N Jacobian `J[(i, j)]` = ∂fᵢ/∂xⱼ of f: ℝᴺ → ℝᴹ as an
/// `SMatrix<T, M, N>`, exact to rounding, from one evaluation of `f` on an
/// `SVector` of `Dual<T, N>`. Row `i` is the gradient of output `i`.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::{Matrix2x3, Vector2, Vector3};
///
/// let f = |x: &Vector3<_>| Vector2::new(x[0] * x[1], x[1] + x[2] * x[2]);
/// let j = linalg::jacobian(f, &Vector3::new(2.0, 3.0, 4.0));
/// assert_eq!(j, Matrix2x3::new(3.0, 2.0, 0.0, 0.0, 1.0, 8.0));
/// ```
#[inline]
#[must_use]
pub fn jacobian<T, F, const N: usize, const M: usize>(f: F, x: &SVector<T, N>) -> SMatrix<T, M, N>
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<T, N>, N>) -> SVector<Dual<T, N>, M>,
{
    value_and_jacobian(f, x).1
}

/// The value f(x) and the Jacobian from one evaluation.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::{Matrix2, Vector2};
///
/// // A linear map: f(x) = Ax has Jacobian A.
/// let a = Matrix2::new(1.0, 2.0, 3.0, 4.0);
/// let x = Vector2::new(1.0, 1.0);
/// let (v, j) = linalg::value_and_jacobian(|v| a.map(dualgrad::Dual::constant) * v, &x);
/// assert_eq!((v, j), (a * x, a));
/// ```
#[inline]
#[must_use]
pub fn value_and_jacobian<T, F, const N: usize, const M: usize>(
    f: F,
    x: &SVector<T, N>,
) -> (SVector<T, M>, SMatrix<T, M, N>)
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<T, N>, N>) -> SVector<Dual<T, N>, M>,
{
    let y = f(&SVector::from(seeded(&(*x).into())));
    (
        y.map(|yi| yi.value()),
        SMatrix::from_fn(|i, j| y[i].partials()[j]),
    )
}
