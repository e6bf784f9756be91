//! Drivers for `DVector` inputs of run-time length n, in chunk-mode passes.
//!
//! As in [`crate::chunk`], the input is differentiated C coordinates at a
//! time ([`DEFAULT_CHUNK`] unless a config names another C): each pass
//! seeds the next C coordinates of one `DVector` of duals and leaves the
//! others constant, so a gradient or Jacobian takes ⌈n / C⌉ evaluations of
//! f. A Hessian runs chunk mode's passes on `Dual2<T, C>` (one for n ≤ C,
//! else one per pair of chunks of C/2, see
//! [`chunk::hessian`](crate::chunk::hessian)). The `_with` forms take chunk mode's configs
//! ([`GradientConfig`], [`JacobianConfig`], [`HessianConfig`]) and
//! allocate nothing on repeat.
//!
//! Each function here is its `chunk` namesake with f handed a `DVector`
//! around the buffer chunk mode seeds (no copy: the `Vec` and the
//! `DVector` share one allocation), and the results wrapped or written as
//! `DVector` and `DMatrix`.
//!
//! ```
//! use dualgrad::linalg::dynamic;
//! use nalgebra::DVector;
//!
//! // f(x) = ‖x‖² for 20 inputs: ⌈20 / DEFAULT_CHUNK⌉ = 2 passes of 12 partials.
//! let x = DVector::from_fn(20, |i, _| i as f64);
//! let g = dynamic::gradient(|x| x.norm_squared(), &x);
//! assert_eq!(g, &x * 2.0);
//! ```

use core::ops::Range;

use nalgebra::{DMatrix, DVector, Scalar};
use num_traits::Float;

use crate::chunk::{
    DEFAULT_CHUNK, GradientConfig, HessianConfig, JacobianConfig, along, gradient_with_on,
    hessian_vector_product_on, hessian_with_on, jacobian_with_on, value_and_jacobian_on,
};
use crate::number::seed::variable;
use crate::{DimensionError, Dual, Dual2};

/// The gradient of f: ℝⁿ → ℝ for a `DVector` of run-time length n, in
/// ⌈n / [`DEFAULT_CHUNK`]⌉ passes. The gradient of *Mathematics for Machine
/// Learning* (§5.2) is a row vector; it is returned as a column `DVector`,
/// the shape a step x − α∇f needs.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// let x = DVector::from_vec(vec![1.0, 2.0, 3.0]);
/// let g = dynamic::gradient(|x| x.product(), &x);
/// assert_eq!(g, DVector::from_vec(vec![6.0, 3.0, 2.0]));
/// ```
#[must_use]
pub fn gradient<T, F>(f: F, x: &DVector<T>) -> DVector<T>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, DEFAULT_CHUNK>>) -> Dual<T, DEFAULT_CHUNK>,
{
    value_and_gradient(f, x).1
}

/// The value f(x) and the gradient, as [`gradient`]. For an empty `x`, f is
/// called once on the empty vector for its value.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// let (v, g) = dynamic::value_and_gradient(|x| x.sum(), &DVector::from_element(10, 0.5));
/// assert_eq!((v, g), (5.0, DVector::from_element(10, 1.0)));
/// ```
#[must_use]
pub fn value_and_gradient<T, F>(f: F, x: &DVector<T>) -> (T, DVector<T>)
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, DEFAULT_CHUNK>>) -> Dual<T, DEFAULT_CHUNK>,
{
    let mut gradient = DVector::from_element(x.len(), T::zero());
    let value = gradient_with_on(
        &mut GradientConfig::new(x.len()),
        f,
        x.as_slice(),
        gradient.as_mut_slice(),
    );
    (value, gradient)
}

/// The gradient into `out`, on the work buffer of `config` (chunk mode's,
/// whose C sets the partials per pass): allocates nothing. Returns f(x).
///
/// # Errors
///
/// A [`DimensionError`] if `x` does not have the length the config was made
/// for, or `out` does not have the length of `x`.
///
/// ```
/// use dualgrad::chunk::GradientConfig;
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// let mut config = GradientConfig::<f64, 4>::new(3);
/// let mut g = DVector::zeros(3);
/// let x = DVector::from_vec(vec![1.0, 2.0, 3.0]);
/// let value = dynamic::gradient_with(&mut config, |x| x.norm_squared(), &x, &mut g).unwrap();
/// assert_eq!((value, g), (14.0, &x * 2.0));
/// ```
pub fn gradient_with<T, F, const C: usize>(
    config: &mut GradientConfig<T, C>,
    f: F,
    x: &DVector<T>,
    out: &mut DVector<T>,
) -> Result<T, DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, C>>) -> Dual<T, C>,
{
    config.check_input_and_gradient(x.as_slice(), out.as_slice())?;
    Ok(gradient_with_on(
        config,
        f,
        x.as_slice(),
        out.as_mut_slice(),
    ))
}

/// The m × n Jacobian of f: ℝⁿ → ℝᵐ for `DVector`s of run-time lengths,
/// in ⌈n / [`DEFAULT_CHUNK`]⌉ passes. Row `i` is the gradient of output `i`.
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::{DMatrix, DVector};
///
/// let f = |x: &DVector<_>| DVector::from_vec(vec![x[0] * x[1], x[0] + x[1]]);
/// let j = dynamic::jacobian(f, &DVector::from_vec(vec![3.0, 4.0])).unwrap();
/// assert_eq!(j, DMatrix::from_row_slice(2, 2, &[4.0, 3.0, 1.0, 1.0]));
/// ```
pub fn jacobian<T, F>(f: F, x: &DVector<T>) -> Result<DMatrix<T>, DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, DEFAULT_CHUNK>>) -> DVector<Dual<T, DEFAULT_CHUNK>>,
{
    value_and_jacobian(f, x).map(|(_, j)| j)
}

/// The value f(x) and the Jacobian, as [`jacobian`]. For an empty `x`, f is
/// called once for its value, and the Jacobian is m × 0.
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// // An output whose length depends on the pass is reported, not a panic.
/// let x = DVector::from_element(dualgrad::chunk::DEFAULT_CHUNK + 1, 1.0); // two passes
/// let grows = |x: &DVector<dualgrad::Dual<f64, { dualgrad::chunk::DEFAULT_CHUNK }>>| {
///     let m = if x[0].is_constant() { 2 } else { 1 };
///     DVector::from_element(m, x[0])
/// };
/// let err = dynamic::value_and_jacobian(grows, &x).unwrap_err();
/// assert_eq!((err.expected(), err.found()), (1, 2));
/// ```
pub fn value_and_jacobian<T, F>(
    f: F,
    x: &DVector<T>,
) -> Result<(DVector<T>, DMatrix<T>), DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, DEFAULT_CHUNK>>) -> DVector<Dual<T, DEFAULT_CHUNK>>,
{
    let n = x.len();
    let (values, jacobian) = value_and_jacobian_on(
        |v: &DVector<_>| f(v).data.into(),
        x.as_slice(),
        |m| DMatrix::zeros(m, n),
        |jacobian, y, chunk| read_columns(y, chunk, jacobian),
    )?;
    Ok((DVector::from_vec(values), jacobian))
}

/// The Jacobian into `out` (m × n), for an f that writes its m outputs
/// into a `DVector`, on the work buffers of `config` (chunk mode's):
/// allocates nothing. Every output is the constant 0 when f is called.
///
/// # Errors
///
/// A [`DimensionError`] if `x` does not have n entries or `out` is not
/// m × n (its rows, then its columns).
///
/// ```
/// use dualgrad::chunk::JacobianConfig;
/// use dualgrad::linalg::dynamic;
/// use nalgebra::{DMatrix, DVector};
///
/// let mut config = JacobianConfig::<f64>::new(2, 2);
/// let mut j = DMatrix::zeros(2, 2);
/// let f = |x: &DVector<_>, y: &mut DVector<_>| {
///     y[0] = x[0] * x[1];
///     y[1] = x[0] + x[1];
/// };
/// dynamic::jacobian_with(&mut config, f, &DVector::from_vec(vec![3.0, 4.0]), &mut j).unwrap();
/// assert_eq!(j, DMatrix::from_row_slice(2, 2, &[4.0, 3.0, 1.0, 1.0]));
/// ```
pub fn jacobian_with<T, F, const C: usize>(
    config: &mut JacobianConfig<T, C>,
    f: F,
    x: &DVector<T>,
    out: &mut DMatrix<T>,
) -> Result<(), DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, C>>, &mut DVector<Dual<T, C>>),
{
    let (n, m) = (config.inputs(), config.outputs());
    config.check_input(x.as_slice())?;
    DimensionError::check("Jacobian matrix's rows", m, out.nrows(), "one per output")?;
    DimensionError::check("Jacobian matrix's columns", n, out.ncols(), "one per input")?;
    jacobian_with_on(config, f, x.as_slice(), |y, chunk| {
        read_columns(y, chunk, out);
    });
    Ok(())
}

/// The n × n Hessian of f: ℝⁿ → ℝ for a `DVector` of run-time length n, on
/// `Dual2<T, C>` with C = [`DEFAULT_CHUNK`], in the passes of
/// [`chunk::hessian`](crate::chunk::hessian): one for n ≤ C, else one per
/// pair of chunks of C/2.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::{DMatrix, DVector};
///
/// // f(x) = Σ xᵢ³ has Hessian diag(6xᵢ).
/// let x = DVector::from_fn(11, |i, _| i as f64);
/// let h = dynamic::hessian(|x| x.iter().map(|v| v.powi(3)).sum(), &x);
/// assert_eq!(h, DMatrix::from_diagonal(&(&x * 6.0)));
/// ```
#[must_use]
pub fn hessian<T, F>(f: F, x: &DVector<T>) -> DMatrix<T>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual2<T, DEFAULT_CHUNK>>) -> Dual2<T, DEFAULT_CHUNK>,
{
    value_gradient_hessian(f, x).2
}

/// The value f(x), the gradient and the Hessian, as [`hessian`].
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::{DMatrix, DVector};
///
/// // f(x) = (Σ xᵢ)²: gradient 2Σxᵢ everywhere, Hessian all 2s.
/// let x = DVector::from_element(9, 1.0);
/// let (v, g, h) = dynamic::value_gradient_hessian(|x| x.sum().powi(2), &x);
/// assert_eq!(v, 81.0);
/// assert_eq!(g, DVector::from_element(9, 18.0));
/// assert_eq!(h, DMatrix::from_element(9, 9, 2.0));
/// ```
#[must_use]
pub fn value_gradient_hessian<T, F>(f: F, x: &DVector<T>) -> (T, DVector<T>, DMatrix<T>)
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual2<T, DEFAULT_CHUNK>>) -> Dual2<T, DEFAULT_CHUNK>,
{
    let n = x.len();
    let mut gradient = DVector::from_element(n, T::zero());
    let mut hessian = DMatrix::from_element(n, n, T::zero());
    let value = hessian_with_on(
        &mut HessianConfig::new(n),
        f,
        x.as_slice(),
        gradient.as_mut_slice(),
        hessian.as_mut_slice(),
    );
    (value, gradient, hessian)
}

/// f(x), with the gradient into `gradient` and the Hessian into `hessian`,
/// on the work buffer of `config` (chunk mode's): allocates nothing.
///
/// # Errors
///
/// A [`DimensionError`] if `x` or `gradient` does not have n entries, or
/// `hessian` is not n × n.
///
/// ```
/// use dualgrad::chunk::HessianConfig;
/// use dualgrad::linalg::dynamic;
/// use nalgebra::{DMatrix, DVector};
///
/// let mut config = HessianConfig::<f64, 2>::new(3);
/// let (mut g, mut h) = (DVector::zeros(3), DMatrix::zeros(3, 3));
/// let x = DVector::from_vec(vec![1.0, 2.0, 3.0]);
/// let v = dynamic::hessian_with(&mut config, |x| x.norm_squared(), &x, &mut g, &mut h).unwrap();
/// assert_eq!((v, g, h), (14.0, &x * 2.0, DMatrix::identity(3, 3) * 2.0));
/// ```
pub fn hessian_with<T, F, const C: usize>(
    config: &mut HessianConfig<T, C>,
    f: F,
    x: &DVector<T>,
    gradient: &mut DVector<T>,
    hessian: &mut DMatrix<T>,
) -> Result<T, DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual2<T, C>>) -> Dual2<T, C>,
{
    let n = config.len();
    config.check_input_and_gradient(x.as_slice(), gradient.as_slice())?;
    DimensionError::check("Hessian matrix's rows", n, hessian.nrows(), "one per input")?;
    DimensionError::check(
        "Hessian matrix's columns",
        n,
        hessian.ncols(),
        "one per input",
    )?;
    Ok(hessian_with_on(
        config,
        f,
        x.as_slice(),
        gradient.as_mut_slice(),
        hessian.as_mut_slice(),
    ))
}

/// The Hessian-vector product ∇²f(x)·v, without forming the Hessian:
/// ⌈n / [`DEFAULT_CHUNK`]⌉ passes on `Dual<Dual<T, C>, 1>` (forward over
/// forward).
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// // f(x) = ‖x‖⁴: H = 4‖x‖²I + 8xxᵀ.
/// let x = DVector::from_vec(vec![1.0, 2.0]);
/// let v = DVector::from_vec(vec![1.0, 0.0]);
/// let hv = dynamic::hessian_vector_product(|x| x.norm_squared().powi(2), &x, &v).unwrap();
/// assert_eq!(hv, DVector::from_vec(vec![28.0, 16.0]));
/// ```
pub fn hessian_vector_product<T, F>(
    f: F,
    x: &DVector<T>,
    v: &DVector<T>,
) -> Result<DVector<T>, DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<Dual<T, DEFAULT_CHUNK>, 1>>) -> Dual<Dual<T, DEFAULT_CHUNK>, 1>,
{
    let mut out = DVector::from_element(x.len(), T::zero());
    hessian_vector_product_on(f, x.as_slice(), v.as_slice(), out.as_mut_slice())?;
    Ok(out)
}

/// The directional derivative ∇f(x)·v along `v`, from one evaluation on
/// `Dual<T, 1>`.
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// let x = DVector::from_vec(vec![3.0, 4.0]);
/// let v = DVector::from_vec(vec![1.0, 2.0]);
/// assert_eq!(dynamic::directional_derivative(|x| x[0] * x[1], &x, &v), Ok(10.0));
/// ```
pub fn directional_derivative<T, F>(
    f: F,
    x: &DVector<T>,
    v: &DVector<T>,
) -> Result<T, DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, 1>>) -> Dual<T, 1>,
{
    Ok(f(&inputs_along(x, v)?).partials()[0])
}

/// The Jacobian-vector product J(x)·v, from one evaluation on
/// `Dual<T, 1>`.
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// let f = |x: &DVector<dualgrad::Dual<f64, 1>>| x.map(|v| v * v);
/// let (x, v) = (DVector::from_vec(vec![1.0, 2.0]), DVector::from_vec(vec![1.0, 1.0]));
/// assert_eq!(dynamic::jacobian_vector_product(f, &x, &v), Ok(DVector::from_vec(vec![2.0, 4.0])));
/// ```
pub fn jacobian_vector_product<T, F>(
    f: F,
    x: &DVector<T>,
    v: &DVector<T>,
) -> Result<DVector<T>, DimensionError>
where
    T: Float + Scalar,
    F: Fn(&DVector<Dual<T, 1>>) -> DVector<Dual<T, 1>>,
{
    Ok(f(&inputs_along(x, v)?).map(|y| y.partials()[0]))
}

/// The derivative f′(t) of a curve f: ℝ → ℝᵐ returned as a `DVector`,
/// from one evaluation on `Dual<T, 1>`.
///
/// ```
/// use dualgrad::linalg::dynamic;
/// use nalgebra::DVector;
///
/// let helix = |t: dualgrad::Dual<f64, 1>| DVector::from_vec(vec![t.cos(), t.sin(), t]);
/// assert_eq!(dynamic::vector_derivative(helix, 0.0), DVector::from_vec(vec![0.0, 1.0, 1.0]));
/// ```
#[must_use]
pub fn vector_derivative<T, F>(f: F, t: T) -> DVector<T>
where
    T: Float + Scalar,
    F: Fn(Dual<T, 1>) -> DVector<Dual<T, 1>>,
{
    f(variable(t)).map(|y| y.partials()[0])
}

/// Writes the partials of the outputs `y` along `chunk` into columns
/// `chunk` of the Jacobian `out`.
fn read_columns<T: Float + Scalar, const C: usize>(
    y: &[Dual<T, C>],
    chunk: Range<usize>,
    out: &mut DMatrix<T>,
) {
    for (k, j) in chunk.enumerate() {
        for (i, yi) in y.iter().enumerate() {
            out[(i, j)] = yi.partials()[k];
        }
    }
}

/// The inputs `xᵢ + vᵢε` of one pass along v.
fn inputs_along<T: Float + Scalar>(
    x: &DVector<T>,
    v: &DVector<T>,
) -> Result<DVector<Dual<T, 1>>, DimensionError> {
    along(x.as_slice(), v.as_slice()).map(DVector::from_vec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hessian_chunks_cover_every_pair_once_and_mirror() {
        // f(x) = Σᵢⱼ cᵢⱼ xᵢxⱼ with distinct cᵢⱼ: H = C + Cᵀ, across chunk
        // boundaries (n = 19 gives four chunks of 4 or 5, six passes).
        let n = 19;
        let c = DMatrix::from_fn(n, n, |i, j| (i * n + j) as f64);
        let x = DVector::from_fn(n, |i, _| 1.0 + i as f64); // integers: exact sums
        let f = |v: &DVector<Dual2<f64, DEFAULT_CHUNK>>| {
            let mut s = Dual2::constant(0.0);
            for i in 0..n {
                for j in 0..n {
                    s += v[i] * v[j] * c[(i, j)];
                }
            }
            s
        };
        let (value, gradient, hessian) = value_gradient_hessian(f, &x);
        let expected = &c + c.transpose();
        assert_eq!(hessian, expected);
        assert_eq!(gradient, &expected * &x);
        assert_eq!(value, x.dot(&(&c * &x)));
    }

    #[test]
    fn empty_input_calls_f_once_for_the_value() {
        let x = DVector::<f64>::zeros(0);
        assert_eq!(value_and_gradient(|_| Dual::constant(3.0), &x).0, 3.0);
        let (v, j) =
            value_and_jacobian(|_| DVector::from_element(2, Dual::constant(1.0)), &x).unwrap();
        assert_eq!((v.len(), j.shape()), (2, (2, 0)));
        assert_eq!(value_gradient_hessian(|_| Dual2::constant(4.0), &x).0, 4.0);
    }
}
