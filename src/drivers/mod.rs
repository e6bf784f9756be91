//! The drivers: seed the inputs, call the function once, read the result.
//!
//! One file per driver, as a user looks for them. All take the function
//! first, so a generic `fn f<S: Float>(x: &[S]) -> S` is passed by name.

mod derivative;
mod directional;
mod gradient;
mod hessian;
mod jacobian;

pub use derivative::{derivative, value_and_derivative};
pub use directional::{directional_derivative, jacobian_vector_product};
pub use gradient::{gradient, value_and_gradient};
pub use hessian::{hessian, value_gradient_hessian};
pub use jacobian::{jacobian, value_and_jacobian};

use core::array;

use num_traits::Float;

use crate::Dual;

/// The inputs `xᵢ + εᵢ`: variable `i` seeded in partial slot `i`.
#[inline]
pub(crate) fn seed<T: Float, const N: usize>(x: &[T; N]) -> [Dual<T, N>; N] {
    array::from_fn(|i| Dual::variable(x[i], i))
}

/// Input `xᵢ` of a second-order dual: `(xᵢ + δᵢ) + (1 + 0δ)εᵢ`, inner and
/// outer perturbations both seeded in slot `i`.
#[inline]
pub(crate) fn seed_second_order<T: Float, const N: usize>(xi: T, i: usize) -> Dual<Dual<T, N>, N> {
    Dual::new(Dual::variable(xi, i), crate::partials::unit(i))
}
