//! The Hessian of f: ℝᴺ → ℝ written on `SVector`, on `Dual2`, and
//! Hessian-vector products.

use nalgebra::{SMatrix, SVector, Scalar};
use num_traits::Float;

use crate::number::seed::{seeded_along, seeded_second_order};
use crate::{Dual, Dual2};

/// The N × N Hessian `H[(i, j)]` = ∂²f/∂xᵢ∂xⱼ of f: ℝᴺ → ℝ as an
/// `SMatrix<T, N, N>`, exact to rounding, from one evaluation of `f` on an
/// `SVector` of [`Dual2<T, N>`](Dual2) (value, gradient and Hessian in one).
///
/// `Dual2` is a nalgebra `RealField`, so `f` may call nalgebra's
/// algorithms (LU, Cholesky, …).
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::{Matrix2, RealField, Vector2};
///
/// // f(x) = ½xᵀAx with A symmetric, written for any nalgebra scalar: the
/// // Hessian is A.
/// fn f<S: RealField + Copy>(x: &Vector2<S>) -> S {
///     let a = Matrix2::new(2.0, 1.0, 1.0, 3.0).cast::<S>();
///     x.dot(&(a * x)) * nalgebra::convert::<f64, S>(0.5)
/// }
/// let h = linalg::hessian(f, &Vector2::new(0.3, -0.7));
/// assert_eq!(h, Matrix2::new(2.0, 1.0, 1.0, 3.0));
/// ```
#[inline]
#[must_use]
pub fn hessian<T, F, const N: usize>(f: F, x: &SVector<T, N>) -> SMatrix<T, N, N>
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual2<T, N>, N>) -> Dual2<T, N>,
{
    value_gradient_hessian(f, x).2
}

/// The value f(x), the gradient ∇f(x) and the Hessian ∇²f(x) from one
/// evaluation on [`Dual2`].
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::{Matrix2, Vector2};
///
/// // f(x) = ‖x‖: ∇f = x/‖x‖, ∇²f = (I − x xᵀ/‖x‖²)/‖x‖.
/// let x = Vector2::new(3.0, 4.0);
/// let (v, g, h) = linalg::value_gradient_hessian(|x| x.norm(), &x);
/// assert_eq!(v, 5.0);
/// approx::assert_relative_eq!(g, x / 5.0);
/// let expected = (Matrix2::identity() - x * x.transpose() / 25.0) / 5.0;
/// approx::assert_relative_eq!(h, expected, epsilon = 1e-16);
/// ```
#[inline]
#[must_use]
pub fn value_gradient_hessian<T, F, const N: usize>(
    f: F,
    x: &SVector<T, N>,
) -> (T, SVector<T, N>, SMatrix<T, N, N>)
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual2<T, N>, N>) -> Dual2<T, N>,
{
    let y = f(&SVector::from(seeded_second_order(&(*x).into())));
    let h = y.hessian();
    (
        y.value(),
        SVector::from(*y.gradient()),
        SMatrix::from_fn(|i, j| h[i][j]),
    )
}

/// The Hessian-vector product ∇²f(x)·v of f written on `SVector`, without
/// forming the Hessian: one evaluation on `Dual<Dual<T, N>, 1>` (forward
/// over forward).
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::Vector2;
///
/// // f(x) = ‖x‖⁴: H = 4‖x‖²I + 8xxᵀ.
/// let hv = linalg::hessian_vector_product(
///     |x| x.norm_squared().powi(2),
///     &Vector2::new(1.0, 2.0),
///     &Vector2::new(1.0, 0.0),
/// );
/// assert_eq!(hv, Vector2::new(28.0, 16.0));
/// ```
#[inline]
#[must_use]
pub fn hessian_vector_product<T, F, const N: usize>(
    f: F,
    x: &SVector<T, N>,
    v: &SVector<T, N>,
) -> SVector<T, N>
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<Dual<T, N>, 1>, N>) -> Dual<Dual<T, N>, 1>,
{
    let seeded = SVector::from(seeded_along(&(*x).into(), &(*v).into()));
    SVector::from(*f(&seeded).partials()[0].partials())
}
