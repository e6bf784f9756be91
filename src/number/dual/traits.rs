//! The `num-traits` implementations: `Float` and everything it needs.
//!
//! Every differentiable method forwards to the inherent method of the same
//! name (in `rules/`), where its derivative rule and docs live. Predicates
//! and classifications look at the value; constants have zero partials.
//!
//! Written once, as the macro `num_traits_for!`, for [`Dual`] here and for
//! [`Dual2`](crate::Dual2) in `dual2/num_traits_impls.rs`.

use crate::Dual;

num_traits_for!(Dual, parts: "every partial");
