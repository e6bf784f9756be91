//! Optional integrations, one file per feature: `approx`, `argmin`,
//! `nalgebra` (simba's scalar traits), `serde`.
//!
//! Each adds trait implementations only (on `Dual` and `Dual2`, and for
//! `serde` also on the gradient checker's reports and `DimensionError`;
//! `serde_dual2.rs` is `Dual2`'s serde), except `argmin`, whose problem wrappers
//! are public as `crate::argmin`. The nalgebra-typed drivers are in
//! `crate::linalg`. `parts.rs` is not a feature: it lists the numbers a
//! `Dual` or `Dual2` carries, for the `approx` and `nalgebra` impls.

#[cfg(feature = "approx")]
mod approx;
#[cfg(feature = "argmin")]
pub mod argmin;
#[cfg(feature = "nalgebra")]
mod nalgebra;
// `nalgebra` enables `approx`.
#[cfg(feature = "approx")]
mod parts;
#[cfg(feature = "serde")]
mod serde;
#[cfg(feature = "serde")]
mod serde_dual2;
