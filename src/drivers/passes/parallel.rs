//! The dense first-order passes on rayon's pool (feature `rayon`).

use core::ops::Range;

use num_traits::Float;

use super::chunks;
use crate::Dual;
use crate::number::tag::Tag;

/// Runs the first-order passes on rayon's pool, one job per chunk, each on
/// a buffer of constant inputs of its own (rayon makes one per job it
/// splits off, not one per thread). `pass` returns what the chunk
/// contributes; the results come back in chunk order.
pub(crate) fn par_first_order<T, R, const C: usize>(
    x: &[T],
    pass: impl Fn(&[Dual<T, C>], Range<usize>) -> R + Sync,
) -> Vec<(Range<usize>, R)>
where
    T: Float + Send + Sync,
    R: Send,
{
    use rayon::prelude::*;

    let chunks: Vec<Range<usize>> = chunks(x.len(), C).collect();
    let tag = Tag::fresh();
    let fresh = || -> Vec<Dual<T, C>> { x.iter().map(|&v| Dual::constant(v)).collect() };
    chunks
        .into_par_iter()
        .map_init(fresh, |inputs, chunk| {
            for (k, i) in chunk.clone().enumerate() {
                inputs[i] = Dual::variable(x[i], k).tagged(tag);
            }
            let found = pass(inputs, chunk.clone());
            for i in chunk.clone() {
                inputs[i] = Dual::constant(x[i]);
            }
            (chunk, found)
        })
        .collect()
}
