//! Chunk mode: gradients and Jacobians of inputs whose length is known only
//! at run time.
//!
//! A `Dual<T, C>` carries C partials, so an input of n coordinates is
//! differentiated in ⌈n / C⌉ passes, each seeding the next C coordinates
//! and treating the others as constants. C is a const generic: the
//! allocating drivers use [`DEFAULT_CHUNK`]; a config chooses another
//! (`GradientConfig::<f64, 4>::new(n)`).
//!
//! With a reusable config ([`GradientConfig`], [`JacobianConfig`]) and the
//! `_with` drivers, repeated gradients allocate nothing. Lengths that do not
//! fit give a [`DimensionError`](crate::DimensionError), never a panic.
//!
//! ```
//! use dualgrad::chunk;
//! use num_traits::Float;
//!
//! // The chained Rosenbrock function, for any n.
//! fn rosenbrock<S: Float>(x: &[S]) -> S {
//!     let hundred = S::from(100.0).unwrap();
//!     x.windows(2)
//!         .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
//!         .fold(S::zero(), |a, b| a + b)
//! }
//!
//! let x = vec![1.0; 100];
//! let g = chunk::gradient(rosenbrock, &x);
//! assert_eq!(g, vec![0.0; 100]);
//!
//! // Allocation-free in a loop: one config, one output buffer.
//! let mut config = chunk::GradientConfig::<f64>::new(x.len());
//! let mut out = vec![0.0; x.len()];
//! for _ in 0..3 {
//!     let value = chunk::gradient_with(&mut config, rosenbrock, &x, &mut out).unwrap();
//!     assert_eq!(value, 0.0);
//! }
//! ```

use num_traits::Float;

use crate::Dual;

mod config;
mod gradient;
mod jacobian;
#[cfg(feature = "rayon")]
mod parallel;

pub use config::{GradientConfig, JacobianConfig};
pub use gradient::{
    gradient, gradient_of, gradient_with, value_and_gradient, value_and_gradient_of,
};
pub use jacobian::{jacobian, jacobian_with};
#[cfg(feature = "rayon")]
pub use parallel::par_gradient;

/// The chunk size of the allocating drivers and of configs that do not
/// name one: the number of partials each pass carries. 12, as in
/// ForwardDiff.jl: in this crate's chunk benchmarks (BENCHMARKS.md) chunks
/// of 8, 12 and 16 were within run-to-run noise of each other, and a chunk
/// of 1 was 3–4× slower.
///
/// ```
/// assert!(dualgrad::chunk::DEFAULT_CHUNK >= 1);
/// ```
pub const DEFAULT_CHUNK: usize = 12;

/// The passes: ⌈n / chunk⌉ consecutive blocks of 0..n whose lengths differ
/// by at most one, as ForwardDiff.jl splits them: n = 13 with chunk 12 is
/// two passes of 7 and 6, not 12 and 1. With a fixed-width `Dual<T, C>` a
/// pass costs the same whatever its length, so the split changes no timing
/// today; it keeps every pass's seeding and read-out the same size.
pub(crate) fn blocks(n: usize, chunk: usize) -> impl Iterator<Item = core::ops::Range<usize>> {
    let chunk = chunk.max(1);
    let passes = n.div_ceil(chunk);
    let base = n.checked_div(passes).unwrap_or(0);
    let longer = n.checked_rem(passes).unwrap_or(0);
    (0..passes).map(move |k| {
        // The first `longer` blocks have base + 1 coordinates.
        let start = k * base + k.min(longer);
        start..start + base + usize::from(k < longer)
    })
}

/// Seeds inputs as variables 0, 1, … of the chunk, or resets them to constants.
pub(crate) fn seed<T: Float, const C: usize>(inputs: &mut [Dual<T, C>], x: &[T], variable: bool) {
    for (k, (input, &xi)) in inputs.iter_mut().zip(x).enumerate() {
        *input = if variable {
            Dual::variable(xi, k)
        } else {
            Dual::constant(xi)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::blocks;

    fn lengths(n: usize, chunk: usize) -> Vec<usize> {
        blocks(n, chunk).map(|b| b.len()).collect()
    }

    #[test]
    fn blocks_split_evenly_and_cover_every_coordinate_once() {
        assert_eq!(lengths(13, 12), [7, 6]);
        assert_eq!(lengths(25, 12), [9, 8, 8]);
        assert_eq!(lengths(12, 12), [12]);
        assert_eq!(lengths(3, 12), [3]);
        assert_eq!(lengths(0, 12), Vec::<usize>::new());
        for n in 0..200 {
            for chunk in [1, 4, 7, 12] {
                let b: Vec<_> = blocks(n, chunk).collect();
                assert_eq!(b.len(), n.div_ceil(chunk), "n = {n}, chunk = {chunk}");
                assert!(b.iter().all(|r| r.len() <= chunk && !r.is_empty()));
                let covered: Vec<usize> = b.into_iter().flatten().collect();
                assert_eq!(covered, (0..n).collect::<Vec<_>>());
            }
        }
    }
}
