//! One direction at a time on `SVector`: directional derivatives,
//! Jacobian-vector products, and derivatives of curves ℝ → ℝᴹ.

use nalgebra::{SVector, Scalar};
use num_traits::Float;

use crate::Dual;
use crate::number::seed::{along, variable};

/// The directional derivative ∇f(x)·v along `v`, from one evaluation on
/// `Dual<T, 1>` whatever N is.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::Vector2;
///
/// // f(x) = ‖x‖², ∇f = 2x; along v = (1, 0) at (3, 4): 6.
/// let d = linalg::directional_derivative(|x| x.norm_squared(), &Vector2::new(3.0, 4.0), &Vector2::x());
/// assert_eq!(d, 6.0);
/// ```
#[inline]
#[must_use]
pub fn directional_derivative<T, F, const N: usize>(f: F, x: &SVector<T, N>, v: &SVector<T, N>) -> T
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<T, 1>, N>) -> Dual<T, 1>,
{
    f(&x.zip_map(v, along())).partials()[0]
}

/// The Jacobian-vector product J(x)·v of f: ℝᴺ → ℝᴹ, from one evaluation
/// on `Dual<T, 1>`.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::Vector2;
///
/// let f = |x: &Vector2<dualgrad::Dual<f64, 1>>| Vector2::new(x[0] * x[1], x[0] + x[1]);
/// let jv = linalg::jacobian_vector_product(f, &Vector2::new(3.0, 4.0), &Vector2::new(1.0, 0.0));
/// assert_eq!(jv, Vector2::new(4.0, 1.0));
/// ```
#[inline]
#[must_use]
pub fn jacobian_vector_product<T, F, const N: usize, const M: usize>(
    f: F,
    x: &SVector<T, N>,
    v: &SVector<T, N>,
) -> SVector<T, M>
where
    T: Float + Scalar,
    F: Fn(&SVector<Dual<T, 1>, N>) -> SVector<Dual<T, 1>, M>,
{
    f(&x.zip_map(v, along())).map(|y| y.partials()[0])
}

/// The derivative f′(t) of a curve f: ℝ → ℝᴹ written on `SVector`, from
/// one evaluation on `Dual<T, 1>`.
///
/// ```
/// use dualgrad::linalg;
/// use nalgebra::Vector2;
///
/// let circle = |t: dualgrad::Dual<f64, 1>| Vector2::new(t.cos(), t.sin());
/// assert_eq!(linalg::vector_derivative(circle, 0.0), Vector2::new(0.0, 1.0));
/// ```
#[inline]
#[must_use]
pub fn vector_derivative<T, F, const M: usize>(f: F, t: T) -> SVector<T, M>
where
    T: Float + Scalar,
    F: Fn(Dual<T, 1>) -> SVector<Dual<T, 1>, M>,
{
    f(variable(t)).map(|y| y.partials()[0])
}
