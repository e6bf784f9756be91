//! The chunk-mode Jacobian: ⌈n / C⌉ passes of `Dual<T, C>`.

use num_traits::Float;

use super::{DEFAULT_CHUNK, JacobianConfig, blocks, seed};
use crate::{DimensionError, Dual};

/// The m × n Jacobian of f: ℝⁿ → ℝᵐ for run-time n and m (rows are
/// outputs), in ⌈n / [`DEFAULT_CHUNK`]⌉ passes.
///
/// For an empty `x`, f is called once on the empty slice and the result
/// has one empty row per output.
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
///
/// ```
/// use dualgrad::chunk;
/// let j = chunk::jacobian(|x| vec![x[0] * x[1], x[0] + x[1]], &[3.0, 4.0]).unwrap();
/// assert_eq!(j, vec![vec![4.0, 3.0], vec![1.0, 1.0]]);
/// ```
pub fn jacobian<T, F>(f: F, x: &[T]) -> Result<Vec<Vec<T>>, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Vec<Dual<T, DEFAULT_CHUNK>>,
{
    let mut inputs: Vec<Dual<T, DEFAULT_CHUNK>> = x.iter().map(|&v| Dual::constant(v)).collect();
    if x.is_empty() {
        // No pass to run, but f still says how many (empty) rows there are.
        return Ok(vec![Vec::new(); f(&inputs).len()]);
    }
    let mut rows: Vec<Vec<T>> = Vec::new();
    for block in blocks(x.len(), DEFAULT_CHUNK) {
        let (start, end) = (block.start, block.end);
        seed(&mut inputs[start..end], &x[start..end], true);
        let y = f(&inputs);
        if start == 0 {
            rows = vec![vec![T::zero(); x.len()]; y.len()];
        }
        DimensionError::check(
            "output of f",
            rows.len(),
            y.len(),
            "the length of its first output",
        )?;
        for (row, yi) in rows.iter_mut().zip(&y) {
            row[start..end].copy_from_slice(&yi.partials()[..end - start]);
        }
        seed(&mut inputs[start..end], &x[start..end], false);
    }
    Ok(rows)
}

/// The Jacobian into `out` (row-major: `J[i][j]` at `out[i·n + j]`), for an
/// f that writes its m outputs into a slice, with the work buffers of
/// `config`: allocates nothing. Every output is the constant 0 when f is
/// called, so an output f does not write has a zero row.
///
/// # Errors
///
/// A [`DimensionError`] if `x` or `out` does not have the length the config
/// implies (n, and m·n).
///
/// ```
/// use dualgrad::chunk::{JacobianConfig, jacobian_with};
/// let mut config = JacobianConfig::<f64>::new(2, 2);
/// let mut out = [0.0; 4];
/// let f = |x: &[_], y: &mut [_]| {
///     y[0] = x[0] * x[1];
///     y[1] = x[0] + x[1];
/// };
/// jacobian_with(&mut config, f, &[3.0, 4.0], &mut out).unwrap();
/// assert_eq!(out, [4.0, 3.0, 1.0, 1.0]);
/// ```
pub fn jacobian_with<T, F, const C: usize>(
    config: &mut JacobianConfig<T, C>,
    f: F,
    x: &[T],
    out: &mut [T],
) -> Result<(), DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, C>], &mut [Dual<T, C>]),
{
    let (n, m) = (config.inputs(), config.outputs());
    DimensionError::check("input x", n, x.len(), "the length the config was made for")?;
    DimensionError::check(
        "Jacobian buffer",
        m * n,
        out.len(),
        "outputs × inputs, row-major",
    )?;
    let inputs = &mut config.gradient.inputs;
    for (input, &xi) in inputs.iter_mut().zip(x) {
        *input = Dual::constant(xi);
    }
    for block in blocks(n, C) {
        let (start, end) = (block.start, block.end);
        seed(&mut inputs[start..end], &x[start..end], true);
        // An output f leaves unwritten is the constant 0, not what the last
        // pass or the last call left there.
        config.outputs.fill(Dual::constant(T::zero()));
        f(inputs, &mut config.outputs);
        for (row, yi) in out.chunks_exact_mut(n).zip(&config.outputs) {
            row[start..end].copy_from_slice(&yi.partials()[..end - start]);
        }
        seed(&mut inputs[start..end], &x[start..end], false);
    }
    Ok(())
}
