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

/// `match_chunk_size!(c, |C| body; 1, 2, 3; else 4)` evaluates `body`
/// with the constant `C` set to `c` when `c` is one of the listed chunk
/// sizes, and to the `else` size otherwise: the run-time choice of a chunk
/// size among the compiled ones (`chunk`'s balanced sizes, `sparse`'s
/// colour counts).
macro_rules! match_chunk_size {
    ($size:expr, |$c:ident| $body:expr; $($listed:literal),+; else $last:literal) => {
        match $size {
            $($listed => {
                const $c: usize = $listed;
                $body
            })+
            _ => {
                const $c: usize = $last;
                $body
            }
        }
    };
}

pub(crate) mod array;
pub mod chunk;
#[cfg(feature = "nalgebra")]
pub mod linalg;
pub(crate) mod passes;
#[cfg(feature = "sparse")]
pub mod sparse;
