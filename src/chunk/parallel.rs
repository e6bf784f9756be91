//! Chunk passes in parallel on rayon's thread pool (feature `rayon`).

use num_traits::Float;
use rayon::prelude::*;

use super::{DEFAULT_CHUNK, seed};
use crate::Dual;

/// The gradient of f: ℝⁿ → ℝ in ⌈n / [`DEFAULT_CHUNK`]⌉ passes run in
/// parallel on rayon's global pool: each pass writes its own slice of the
/// gradient. Each worker allocates one buffer of n dual inputs; the passes
/// are independent, so the result is bit-identical to
/// [`gradient`](super::gradient).
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
    let constants =
        || -> Vec<Dual<T, DEFAULT_CHUNK>> { x.iter().map(|&v| Dual::constant(v)).collect() };
    out.par_chunks_mut(DEFAULT_CHUNK).enumerate().for_each_init(
        constants,
        |inputs, (pass, slice)| {
            let start = pass * DEFAULT_CHUNK;
            let end = start + slice.len();
            seed(&mut inputs[start..end], &x[start..end], true);
            let y = f(inputs);
            slice.copy_from_slice(&y.partials()[..slice.len()]);
            seed(&mut inputs[start..end], &x[start..end], false);
        },
    );
    out
}
