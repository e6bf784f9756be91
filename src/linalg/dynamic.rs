//! Drivers for `DVector` inputs of run-time length n, in chunk-mode passes.
//!
//! As in [`crate::chunk`], the input is differentiated
//! [`DEFAULT_CHUNK`] coordinates at a time: each pass seeds the next C
//! coordinates of one `DVector` of duals and leaves the others constant,
//! so a gradient or Jacobian takes ⌈n / C⌉ evaluations of f, and a Hessian
//! ⌈n / C⌉·(⌈n / C⌉ + 1)/2 (one per pair of blocks, using its symmetry).
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
use num_traits::{Float, One, Zero};

use crate::chunk::{self, DEFAULT_CHUNK};
use crate::{DimensionError, Dual};

/// A dual of one chunk of partials.
type ChunkDual<T> = Dual<T, DEFAULT_CHUNK>;

/// A second-order dual of one chunk of partials in each order.
type ChunkDual2<T> = Dual<Dual<T, DEFAULT_CHUNK>, DEFAULT_CHUNK>;

/// The gradient of f: ℝⁿ → ℝ for a `DVector` of run-time length n, in
/// ⌈n / [`DEFAULT_CHUNK`]⌉ passes. By the seed's convention the gradient is
/// a row; it is returned as a column `DVector`.
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
    F: Fn(&DVector<ChunkDual<T>>) -> ChunkDual<T>,
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
    F: Fn(&DVector<ChunkDual<T>>) -> ChunkDual<T>,
{
    let mut inputs = x.map(Dual::constant);
    let mut out = DVector::from_element(x.len(), T::zero());
    if x.is_empty() {
        return (f(&inputs).value(), out);
    }
    let mut value = T::nan();
    for block in blocks(x.len()) {
        seed(&mut inputs, x, block.clone(), true);
        let y = f(&inputs);
        for (k, i) in block.clone().enumerate() {
            out[i] = y.partials()[k];
        }
        value = y.value();
        seed(&mut inputs, x, block, false);
    }
    (value, out)
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
    F: Fn(&DVector<ChunkDual<T>>) -> DVector<ChunkDual<T>>,
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
    F: Fn(&DVector<ChunkDual<T>>) -> DVector<ChunkDual<T>>,
{
    let n = x.len();
    let mut inputs = x.map(Dual::constant);
    if n == 0 {
        let y = f(&inputs);
        return Ok((y.map(|yi| yi.value()), DMatrix::zeros(y.len(), 0)));
    }
    let mut values = DVector::zeros(0);
    let mut out = DMatrix::zeros(0, n);
    for block in blocks(n) {
        seed(&mut inputs, x, block.clone(), true);
        let y = f(&inputs);
        if block.start == 0 {
            values = y.map(|yi| yi.value());
            out = DMatrix::zeros(y.len(), n);
        }
        DimensionError::check(
            "output of f",
            out.nrows(),
            y.len(),
            "the length of its first output",
        )?;
        for (k, j) in block.clone().enumerate() {
            for (i, yi) in y.iter().enumerate() {
                out[(i, j)] = yi.partials()[k];
            }
        }
        seed(&mut inputs, x, block, false);
    }
    Ok((values, out))
}

/// The n × n Hessian of f: ℝⁿ → ℝ for a `DVector` of run-time length n, on
/// nested duals `Dual<Dual<T, C>, C>` with C = [`DEFAULT_CHUNK`]: one pass
/// per pair of blocks of C coordinates, ⌈n / C⌉·(⌈n / C⌉ + 1)/2 in all.
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
    F: Fn(&DVector<ChunkDual2<T>>) -> ChunkDual2<T>,
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
    F: Fn(&DVector<ChunkDual2<T>>) -> ChunkDual2<T>,
{
    let n = x.len();
    let constant = |v: T| Dual::constant(Dual::constant(v));
    let mut inputs = x.map(constant);
    let mut gradient = DVector::from_element(n, T::zero());
    let mut hessian = DMatrix::from_element(n, n, T::zero());
    if n == 0 {
        return (f(&inputs).value().value(), gradient, hessian);
    }
    let mut value = T::nan();
    for inner in blocks(n) {
        for outer in blocks(n).filter(|outer| outer.start >= inner.start) {
            for (k, i) in inner.clone().enumerate() {
                inputs[i] = Dual::new(Dual::variable(x[i], k), *inputs[i].partials());
            }
            for (l, i) in outer.clone().enumerate() {
                let mut slopes = [Dual::zero(); DEFAULT_CHUNK];
                slopes[l] = Dual::one();
                inputs[i] = Dual::new(inputs[i].value(), slopes);
            }
            let y = f(&inputs);
            let (first, second) = y.into_parts();
            if inner == outer {
                for (k, i) in inner.clone().enumerate() {
                    gradient[i] = first.partials()[k];
                }
                value = first.value();
            }
            for (l, i) in outer.clone().enumerate() {
                for (k, j) in inner.clone().enumerate() {
                    let entry = second[l].partials()[k];
                    hessian[(i, j)] = entry;
                    hessian[(j, i)] = entry;
                }
            }
            for i in inner.clone().chain(outer) {
                inputs[i] = constant(x[i]);
            }
        }
    }
    (value, gradient, hessian)
}

/// The passes: blocks of at most [`DEFAULT_CHUNK`] coordinates of 0..n.
fn blocks(n: usize) -> impl Iterator<Item = Range<usize>> {
    chunk::blocks(n, DEFAULT_CHUNK)
}

/// Seeds the coordinates of `block` as variables 0, 1, … of the chunk, or
/// makes them constants again: chunk mode's seeding on the vector's slice.
fn seed<T: Float + Scalar>(
    inputs: &mut DVector<ChunkDual<T>>,
    x: &DVector<T>,
    block: Range<usize>,
    variable: bool,
) {
    chunk::seed(
        &mut inputs.as_mut_slice()[block.clone()],
        &x.as_slice()[block],
        variable,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hessian_blocks_cover_every_pair_once_and_mirror() {
        // f(x) = Σᵢⱼ cᵢⱼ xᵢxⱼ with distinct cᵢⱼ: H = C + Cᵀ, across block
        // boundaries (n = 19 gives blocks 0..12 and 12..19).
        let n = 19;
        let c = DMatrix::from_fn(n, n, |i, j| (i * n + j) as f64);
        let x = DVector::from_fn(n, |i, _| 1.0 + i as f64); // integers: exact sums
        let f = |v: &DVector<ChunkDual2<f64>>| {
            let mut s = Dual::zero();
            for i in 0..n {
                for j in 0..n {
                    s += v[i] * v[j] * Dual::constant(Dual::constant(c[(i, j)]));
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
        assert_eq!(
            value_gradient_hessian(|_| Dual::constant(Dual::constant(4.0)), &x).0,
            4.0
        );
    }
}
