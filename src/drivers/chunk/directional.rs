//! One direction at a time on slices: directional derivatives,
//! Jacobian-vector products, and derivatives of curves ℝ → ℝᵐ.

use num_traits::Float;

use crate::{DimensionError, Dual};

/// The directional derivative ∇f(x)·v of f: ℝⁿ → ℝ along `v`, from one
/// evaluation on `Dual<T, 1>` whatever n is: input i is `xᵢ + vᵢε`.
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
///
/// ```
/// use dualgrad::chunk;
/// // f = x₀x₁x₂, ∇f(1, 2, 3) = [6, 3, 2]; along v = [1, 1, 1]: 11.
/// let d = chunk::directional_derivative(|x| x[0] * x[1] * x[2], &[1.0, 2.0, 3.0], &[1.0; 3]);
/// assert_eq!(d, Ok(11.0));
/// ```
pub fn directional_derivative<T, F>(f: F, x: &[T], v: &[T]) -> Result<T, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, 1>]) -> Dual<T, 1>,
{
    Ok(f(&along(x, v)?).partials()[0])
}

/// The Jacobian-vector product J(x)·v of f: ℝⁿ → ℝᵐ, from one evaluation
/// on `Dual<T, 1>`.
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
///
/// ```
/// use dualgrad::chunk;
/// let f = |x: &[dualgrad::Dual<f64, 1>]| vec![x[0] * x[1], x[0] + x[1]];
/// assert_eq!(chunk::jacobian_vector_product(f, &[3.0, 4.0], &[1.0, 0.0]), Ok(vec![4.0, 1.0]));
/// ```
pub fn jacobian_vector_product<T, F>(f: F, x: &[T], v: &[T]) -> Result<Vec<T>, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, 1>]) -> Vec<Dual<T, 1>>,
{
    Ok(f(&along(x, v)?).iter().map(|y| y.partials()[0]).collect())
}

/// The derivative f′(t) of a curve f: ℝ → ℝᵐ of run-time length m (a
/// trajectory, a parametrised shape), from one evaluation on `Dual<T, 1>`.
///
/// ```
/// use dualgrad::chunk;
/// // The unit circle: f(t) = (cos t, sin t), f′(0) = (0, 1).
/// assert_eq!(chunk::vector_derivative(|t| vec![t.cos(), t.sin()], 0.0), [0.0, 1.0]);
/// ```
#[must_use]
pub fn vector_derivative<T, F>(f: F, t: T) -> Vec<T>
where
    T: Float,
    F: Fn(Dual<T, 1>) -> Vec<Dual<T, 1>>,
{
    value_and_vector_derivative(f, t).1
}

/// f(t) and f′(t) of a curve f: ℝ → ℝᵐ, as [`vector_derivative`].
///
/// ```
/// use dualgrad::chunk;
/// let (y, d) = chunk::value_and_vector_derivative(|t| vec![t * t, t * t * t], 2.0);
/// assert_eq!((y, d), (vec![4.0, 8.0], vec![4.0, 12.0]));
/// ```
#[must_use]
pub fn value_and_vector_derivative<T, F>(f: F, t: T) -> (Vec<T>, Vec<T>)
where
    T: Float,
    F: Fn(Dual<T, 1>) -> Vec<Dual<T, 1>>,
{
    f(crate::number::seed::variable(t))
        .iter()
        .map(|y| (y.value(), y.partials()[0]))
        .unzip()
}

/// The inputs `xᵢ + vᵢε` of one pass along v.
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
pub(crate) fn along<T: Float>(x: &[T], v: &[T]) -> Result<Vec<Dual<T, 1>>, DimensionError> {
    DimensionError::check("direction v", x.len(), v.len(), "one entry per input")?;
    let seed = crate::number::seed::along();
    Ok(x.iter().zip(v).map(|(&xi, &vi)| seed(xi, vi)).collect())
}
