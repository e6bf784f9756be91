//! The integration tests, in one binary: one module per concern, the
//! feature-gated ones compiled with their feature. Run one concern with a
//! name filter, e.g. `cargo test --test it fuzz::`.
//!
//! The binary's global allocator counts allocations per thread (`counting`),
//! for the tests that prove a driver allocates nothing.

mod common;
mod counting;

mod allocations;
#[cfg(feature = "approx")]
mod approx;
#[cfg(feature = "argmin")]
mod argmin;
mod chunk;
mod drivers;
mod dual2;
mod edge_cases;
mod f32;
#[cfg(feature = "nalgebra")]
mod families;
mod fuzz;
mod gradcheck;
mod guard_widths;
#[cfg(feature = "nalgebra")]
mod method_resolution;
#[cfg(feature = "nalgebra")]
mod nalgebra;
mod nested;
mod no_panic;
mod perturbation;
mod properties;
mod real;
mod rules;
#[cfg(feature = "serde")]
mod serde;
#[cfg(feature = "sparse")]
mod sparse;
#[cfg(feature = "special")]
mod special;
#[cfg(feature = "special")]
mod special_names;
mod textbook_examples;
mod traits;
