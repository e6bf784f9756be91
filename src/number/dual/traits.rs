//! The `num-traits` implementations: `Float` and everything it needs.
//!
//! Every differentiable method forwards to the inherent method of the same
//! name (in `elementary.rs`, `binary.rs`, `piecewise.rs`), where its derivative rule and docs live. Predicates
//! and classifications look at the value; constants have zero partials.
//!
//! Written once, as the macro `num_traits_for!`, for [`Dual`] here and for
//! [`Dual2`](crate::Dual2) in `number/dual2/traits.rs`.

use crate::Dual;

num_traits_for!(Dual, parts: "every partial");
