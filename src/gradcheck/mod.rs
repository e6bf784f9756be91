//! Checking gradients and Jacobians against finite differences.
//!
//! The usual advice to check an implemented gradient against finite
//! differences (as in *Mathematics for Machine Learning* §5.2), made into a
//! tool: compare a computed derivative (a hand-written one, or this crate's
//! AD) with finite differences built from the definition of the derivative,
//! and say which entry is wrong, by how much, and how sure the difference
//! is.
//!
//! * The difference engine ([`Scheme`], [`numeric_gradient`],
//!   [`numeric_jacobian`]): forward, central, five-point stencils with
//!   steps scaled to each coordinate, and Richardson extrapolation by
//!   Ridders' method (`Scheme::Richardson`), each with
//!   an error estimate.
//! * The check ([`GradCheck`]): a builder with tolerances, returning a
//!   [`Report`] of every entry, or a [`GradCheckError`] naming the worst
//!   entry. Gradients, Jacobians, Hessians (differences of the gradient), a
//!   fast directional check, and [`check_ad`](GradCheck::check_ad) for this
//!   crate's own AD of a [`ScalarFn`](crate::ScalarFn). In f64 or f32
//!   ([`CheckFloat`]), at a point given as a slice, array, `Vec` or
//!   nalgebra vector.
//! * [`assert_gradient!`](crate::assert_gradient) and
//!   [`assert_jacobian!`](crate::assert_jacobian) for unit tests.
//! * [`steps`]: error against step size, the V where truncation meets
//!   rounding.
//!
//! ```
//! use dualgrad::gradcheck::{GradCheck, GradCheckError, Position};
//!
//! let f = |x: &[f64]| x[0] * x[0] * x[1] + x[0] * x[1].powi(3);
//! // A planted bug: 3x₁x₂² written as 3x₁x₂.
//! let buggy = |x: &[f64]| vec![2.0 * x[0] * x[1] + x[1].powi(3), x[0] * x[0] + 3.0 * x[0] * x[1]];
//! match GradCheck::default().gradient(f, buggy, &[1.0, 2.0]) {
//!     Err(GradCheckError::Mismatch(report)) => {
//!         assert_eq!(report.worst_entry().map(|e| e.position()), Some(Position::Entry(1)));
//!     }
//!     other => panic!("the bug went unnoticed: {other:?}"),
//! }
//! ```

mod assert;
mod check;
mod differences;
mod error;
mod precision;
mod report;
pub mod steps;

pub use check::GradCheck;
pub use differences::{
    Estimate, Scheme, numeric_gradient, numeric_gradient_with_errors, numeric_jacobian,
    numeric_jacobian_with_errors,
};
pub use error::GradCheckError;
pub use precision::CheckFloat;
pub use report::{CheckKind, EntryReport, Position, Report};
