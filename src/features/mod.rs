//! Optional integrations, one file per feature: `approx`, `nalgebra`
//! (simba's scalar traits), `serde`.
//!
//! Each adds trait implementations only (on `Dual`, and for `serde` also on
//! the gradient checker's reports and `DimensionError`); none adds public
//! items of its own. The nalgebra-typed drivers are in `crate::linalg`.

#[cfg(feature = "approx")]
mod approx;
#[cfg(feature = "nalgebra")]
mod nalgebra;
#[cfg(feature = "serde")]
mod serde;
