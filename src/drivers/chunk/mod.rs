//! Chunk mode: derivatives of functions on slices whose length is known
//! only at run time.
//!
//! A `Dual<T, C>` carries C partials, so an input of n coordinates is
//! differentiated in ⌈n / C⌉ passes, each seeding the next C coordinates
//! and treating the others as constants. The function is a closure or
//! generic `fn` on `&[Dual<T, C>]`. A Hessian runs on the second-order
//! number `Dual2<T, C>` (f takes `&[Dual2<T, C>]`, as for the array
//! [`hessian`](crate::hessian)): one pass for n ≤ C, else one per pair of
//! chunks of C/2.
//!
//! | derivative | allocating | into buffers, allocation-free | written once ([`ScalarFn`](crate::ScalarFn), [`VectorFn`](crate::VectorFn)) |
//! |---|---|---|---|
//! | ∇f, f: ℝⁿ → ℝ | [`gradient`], [`value_and_gradient`] | [`gradient_with`] + [`GradientConfig`] | [`gradient_of`], [`value_and_gradient_of`] |
//! | J, f: ℝⁿ → ℝᵐ | [`jacobian`], [`value_and_jacobian`] | [`jacobian_with`], [`value_and_jacobian_with`] + [`JacobianConfig`] | [`jacobian_of`], [`value_and_jacobian_of`] |
//! | ∇²f | [`hessian`], [`value_gradient_hessian`] | [`hessian_with`] + [`HessianConfig`] | [`hessian_of`], [`value_gradient_hessian_of`] |
//! | ∇²f·v | [`hessian_vector_product`] | | |
//! | ∇f·v, J·v | [`directional_derivative`], [`jacobian_vector_product`] | (one pass of `Dual<T, 1>`) | |
//! | f′(t), f: ℝ → ℝᵐ | [`vector_derivative`], [`value_and_vector_derivative`] | | |
//! | in parallel (feature `rayon`) | `par_gradient`, `par_jacobian` | | |
//!
//! The allocating closure drivers use C = [`DEFAULT_CHUNK`]; a config
//! chooses another (`GradientConfig::<f64, 4>::new(n)`); the `_of` drivers
//! choose it from n. **Errors:** a driver returns a `Result` exactly when
//! lengths can disagree: a buffer or direction of the wrong length, or a
//! closure whose output length changes between passes. Each is a
//! [`DimensionError`](crate::DimensionError) naming what and which
//! lengths, never a panic. The `_of` drivers know m from
//! [`VectorFn::outputs`](crate::VectorFn::outputs) and cannot fail.
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

pub(crate) mod chunk_size;
mod config;
mod directional;
mod gradient;
mod hessian;
mod jacobian;
#[cfg(feature = "rayon")]
mod parallel;

pub use config::{GradientConfig, HessianConfig, JacobianConfig};
pub use directional::{
    directional_derivative, jacobian_vector_product, value_and_vector_derivative, vector_derivative,
};
pub use gradient::{
    gradient, gradient_of, gradient_with, value_and_gradient, value_and_gradient_of,
};
#[cfg(feature = "argmin")]
pub(crate) use hessian::{AnyInputs, value_gradient_hessian_into};
pub use hessian::{
    hessian, hessian_of, hessian_vector_product, hessian_with, value_gradient_hessian,
    value_gradient_hessian_of,
};
pub use jacobian::{
    jacobian, jacobian_of, jacobian_with, value_and_jacobian, value_and_jacobian_of,
    value_and_jacobian_with,
};
// What `linalg::dynamic` adapts: the drivers above with f reading its
// inputs as a `DVector`.
#[cfg(feature = "rayon")]
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub use parallel::{par_gradient, par_jacobian};
#[cfg(feature = "nalgebra")]
pub(crate) use {
    directional::along,
    gradient::gradient_with_on,
    hessian::{hessian_vector_product_on, hessian_with_on},
    jacobian::{jacobian_with_on, value_and_jacobian_on},
};

/// The chunk size of the allocating drivers and of configs that do not
/// name one: the number of partials each pass carries. ForwardDiff.jl uses
/// 12 as a threshold (at most 12 partials, fewer for small inputs); here it
/// is the fixed chunk size of the closure drivers, because a closure has
/// one argument type. The `_of` drivers, which take a function written for
/// every `Float` type, pick a chunk size up to 12 from n as ForwardDiff.jl
/// does.
///
/// Why 12: fewer partials mean more passes, each evaluating f on all n
/// inputs again, and more mean longer partials for every operation to
/// carry; around 12 the passes' shared work is spread over enough partials
/// that a larger chunk saves little (BENCHMARKS.md, "Chunk mode").
///
/// ```
/// assert!(dualgrad::chunk::DEFAULT_CHUNK >= 1);
/// ```
pub const DEFAULT_CHUNK: usize = 12;
