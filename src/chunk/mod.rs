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

mod config;
mod gradient;
mod jacobian;
#[cfg(feature = "rayon")]
mod parallel;

pub use config::{GradientConfig, JacobianConfig};
pub use gradient::{gradient, gradient_with, value_and_gradient};
pub use jacobian::{jacobian, jacobian_with};
#[cfg(feature = "rayon")]
pub use parallel::par_gradient;

/// The chunk size of the allocating drivers and of configs that do not
/// name one: the number of partials each pass carries. 12, as in
/// ForwardDiff.jl: in this crate's chunk benchmarks (BENCHMARKS.md) 12 and
/// 16 were fastest at n = 100 and n = 10 000, and 12 keeps the per-pass
/// dual numbers small for short inputs.
///
/// ```
/// assert!(dualgrad::chunk::DEFAULT_CHUNK >= 1);
/// ```
pub const DEFAULT_CHUNK: usize = 12;
