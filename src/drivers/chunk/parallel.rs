//! Chunk passes in parallel on rayon's thread pool (feature `rayon`).

use num_traits::Float;

use super::DEFAULT_CHUNK;
use crate::drivers::passes::{par_first_order, read_chunk};
use crate::{DimensionError, Dual};

/// The gradient of f: ℝⁿ → ℝ in ⌈n / [`DEFAULT_CHUNK`]⌉ passes run in
/// parallel on rayon's global pool. Each rayon job makes its own buffer of
/// n dual inputs (rayon starts one job per piece of work it splits off, so
/// there are at most as many buffers as passes); the passes are
/// independent, so the result is bit-identical to
/// [`gradient`](super::gradient).
///
/// Whether it pays depends on the cost of one evaluation of f: see the
/// README's measurements.
///
/// ```
/// use dualgrad::chunk;
/// let x: Vec<f64> = (0..50).map(f64::from).collect();
/// let f = |x: &[_]| x.iter().fold(dualgrad::Dual::constant(0.0), |s, &v| s + v * v);
/// assert_eq!(chunk::par_gradient(f, &x), chunk::gradient(f, &x));
/// ```
#[must_use]
pub fn par_gradient<T, F>(f: F, x: &[T]) -> Vec<T>
where
    T: Float + Send + Sync,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Dual<T, DEFAULT_CHUNK> + Sync,
{
    let mut out = vec![T::zero(); x.len()];
    for (chunk, partials) in par_first_order(x, |inputs, _| *f(inputs).partials()) {
        let len = chunk.len();
        out[chunk].copy_from_slice(&partials[..len]);
    }
    out
}

/// The m × n Jacobian of f: ℝⁿ → ℝᵐ in ⌈n / [`DEFAULT_CHUNK`]⌉ passes run
/// in parallel on rayon's global pool, as [`par_gradient`]; the result is
/// bit-identical to [`jacobian`](super::jacobian).
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
///
/// ```
/// use dualgrad::chunk;
/// let x: Vec<f64> = (0..30).map(f64::from).collect();
/// // yᵢ = xᵢ·xᵢ₊₁: a bidiagonal Jacobian.
/// let f = |x: &[dualgrad::Dual<f64, 12>]| x.windows(2).map(|w| w[0] * w[1]).collect();
/// assert_eq!(chunk::par_jacobian(f, &x), chunk::jacobian(f, &x));
/// ```
pub fn par_jacobian<T, F>(f: F, x: &[T]) -> Result<Vec<Vec<T>>, DimensionError>
where
    T: Float + Send + Sync,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Vec<Dual<T, DEFAULT_CHUNK>> + Sync,
{
    if x.is_empty() {
        return super::jacobian(f, x);
    }
    let passes = par_first_order(x, |inputs, _| f(inputs));
    let m = passes.first().map_or(0, |(_, y)| y.len());
    let mut rows = vec![vec![T::zero(); x.len()]; m];
    for (chunk, y) in passes {
        DimensionError::check("output of f", m, y.len(), "the length of its first output")?;
        for (row, yi) in rows.iter_mut().zip(&y) {
            read_chunk(yi, chunk.clone(), row);
        }
    }
    Ok(rows)
}
