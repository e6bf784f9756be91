//! The chunk-mode gradient: ⌈n / C⌉ passes of `Dual<T, C>`.

use num_traits::Float;

use super::{DEFAULT_CHUNK, GradientConfig, blocks, seed};
use crate::{DimensionError, Dual};

/// The gradient of f: ℝⁿ → ℝ for an input of run-time length n, in
/// ⌈n / [`DEFAULT_CHUNK`]⌉ passes. Allocates the result and one work
/// buffer; see [`gradient_with`] for the allocation-free form.
///
/// ```
/// use dualgrad::chunk;
/// let g = chunk::gradient(|x| x.iter().map(|v| *v * *v).sum(), &[1.0, 2.0, 3.0]);
/// assert_eq!(g, vec![2.0, 4.0, 6.0]);
/// ```
#[must_use]
pub fn gradient<T, F>(f: F, x: &[T]) -> Vec<T>
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Dual<T, DEFAULT_CHUNK>,
{
    value_and_gradient(f, x).1
}

/// The value f(x) and the gradient, as [`gradient`]. For an empty `x`, f is
/// called once on the empty slice for its value.
///
/// ```
/// use dualgrad::chunk;
/// let (v, g) = chunk::value_and_gradient(|x| x[0] * x[1], &[3.0, 4.0]);
/// assert_eq!((v, g), (12.0, vec![4.0, 3.0]));
/// ```
#[must_use]
pub fn value_and_gradient<T, F>(f: F, x: &[T]) -> (T, Vec<T>)
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Dual<T, DEFAULT_CHUNK>,
{
    let mut config = GradientConfig::new(x.len());
    let mut out = vec![T::zero(); x.len()];
    let value = run(&mut config, f, x, &mut out);
    (value, out)
}

/// The gradient into `out`, with the work buffer of `config`: allocates
/// nothing. Returns f(x).
///
/// # Errors
///
/// A [`DimensionError`] if `x` does not have the length the config was made
/// for, or `out` does not have the length of `x`.
///
/// ```
/// use dualgrad::chunk::{GradientConfig, gradient_with};
/// let mut config = GradientConfig::<f64, 2>::new(3);
/// let mut out = [0.0; 3];
/// let value = gradient_with(&mut config, |x| x[0] * x[1] * x[2], &[1.0, 2.0, 3.0], &mut out).unwrap();
/// assert_eq!((value, out), (6.0, [6.0, 3.0, 2.0]));
/// ```
pub fn gradient_with<T, F, const C: usize>(
    config: &mut GradientConfig<T, C>,
    f: F,
    x: &[T],
    out: &mut [T],
) -> Result<T, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, C>]) -> Dual<T, C>,
{
    DimensionError::check(
        "input x",
        config.len(),
        x.len(),
        "the length the config was made for",
    )?;
    DimensionError::check("gradient buffer", x.len(), out.len(), "one entry per input")?;
    Ok(run(config, f, x, out))
}

/// The passes, lengths already checked.
fn run<T, F, const C: usize>(config: &mut GradientConfig<T, C>, f: F, x: &[T], out: &mut [T]) -> T
where
    T: Float,
    F: Fn(&[Dual<T, C>]) -> Dual<T, C>,
{
    let inputs = &mut config.inputs;
    for (input, &xi) in inputs.iter_mut().zip(x) {
        *input = Dual::constant(xi);
    }
    if x.is_empty() {
        return f(inputs).value();
    }
    let mut value = T::nan();
    for block in blocks(x.len(), C) {
        seed(&mut inputs[block.clone()], &x[block.clone()], true);
        let y = f(inputs);
        out[block.clone()].copy_from_slice(&y.partials()[..block.len()]);
        value = y.value();
        seed(&mut inputs[block.clone()], &x[block], false);
    }
    value
}
