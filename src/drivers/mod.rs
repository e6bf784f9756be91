//! The drivers, by family: seed the inputs, call the function, read the
//! derivatives.
//!
//! * `array/`: inputs of compile-time length (`[T; N]`), one evaluation on
//!   `Dual<T, N>` or `Dual2<T, N>`; re-exported at the crate root;
//! * `passes/`: the one pass engine under every run-time-length family:
//!   the chunk split and the loops at first and second order, dense,
//!   grouped (sparse) and parallel;
//! * `chunk/`: slices of run-time length, in chunks of C partials
//!   (`dualgrad::chunk`);
//! * `linalg/`: nalgebra's `SVector` (one evaluation) and `DVector` (an
//!   adapter over chunk mode) (`dualgrad::linalg`, feature `nalgebra`);
//! * `sparse/`: sparsity detection, colouring and compressed evaluation
//!   (`dualgrad::sparse`, feature `sparse`).

pub(crate) mod array;
pub mod chunk;
#[cfg(feature = "nalgebra")]
pub mod linalg;
pub(crate) mod passes;
#[cfg(feature = "sparse")]
pub mod sparse;
