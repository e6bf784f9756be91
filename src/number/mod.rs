//! The number types and what they share.
//!
//! * `partials.rs`: the kernel, arithmetic on the `[T; N]` partials that
//!   every type carries, with the zero-partials guard of the singular rules;
//! * `functions/`: the function table, every elementary function written
//!   once (name, class, rule, doc line, test oracle), and the selection
//!   rules of `max`, `min`, `clamp` and `abs_sub`;
//! * `macros.rs`: the trait and operator forwarding, written once for every
//!   type;
//! * `real.rs`: [`Real`], the trait all of them implement;
//! * `tag.rs`: the perturbation tag of debug builds;
//! * `seed.rs`: seeding inputs as variables, for the types and the drivers;
//! * one folder per type: `dual/` ([`Dual`]: value and gradient), `dual2/`
//!   ([`Dual2`]: value, gradient and Hessian), `tracer/` (the sparsity
//!   tracer, feature `sparse`);
//! * `parts.rs`: a `Dual` or `Dual2` as one list of numbers, for the
//!   integrations that compare or convert every number.

#[macro_use]
mod macros;
#[macro_use]
pub(crate) mod functions;

mod dual;
mod dual2;
pub(crate) mod partials;
#[cfg(feature = "approx")]
pub(crate) mod parts;
mod real;
pub(crate) mod seed;
pub(crate) mod tag;
#[cfg(feature = "sparse")]
pub(crate) mod tracer;

pub use dual::Dual;
pub use dual2::Dual2;
pub use real::Real;
#[cfg(feature = "sparse")]
pub(crate) use real::check_derivatives;
