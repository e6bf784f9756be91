//! Optional integrations with other crates, one module per feature:
//! `approx`, `argmin`, `nalgebra` (simba's scalar traits), `serde`.
//!
//! Each adds trait implementations only (on `Dual` and `Dual2`, and for
//! `serde` also on the gradient checker's reports and `DimensionError`),
//! except `argmin`, whose problem wrappers are public as `crate::argmin`.
//! The nalgebra-typed drivers are in `crate::linalg`.

#[cfg(feature = "approx")]
mod approx;
#[cfg(feature = "argmin")]
pub mod argmin;
#[cfg(feature = "nalgebra")]
mod nalgebra;
#[cfg(feature = "serde")]
mod serde;
