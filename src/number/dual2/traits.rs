//! The `num-traits` implementations for [`Dual2`]: `Float` and everything
//! it needs, from the same macro as `Dual`'s (`num_traits_for!` in `number/macros.rs`).
//!
//! Every differentiable method forwards to the inherent method of the same
//! name (in `elementary.rs`), where its rule and docs live. Predicates and
//! classifications look at the value; constants have zero gradient and
//! Hessian.

use super::Dual2;

num_traits_for!(Dual2, parts: "the gradient and the Hessian");
