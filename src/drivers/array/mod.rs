//! The drivers: seed the inputs, call the function once, read the result.
//!
//! One file per driver, as a user looks for them. All take the function
//! first, so a generic `fn f<S: Float>(x: &[S]) -> S` is passed by name.

mod derivative;
mod directional;
mod gradient;
mod hessian;
mod jacobian;

#[allow(deprecated)]
pub use derivative::value_and_derivatives;
pub use derivative::{
    derivative, second_derivative, value_and_derivative, value_and_vector_derivative,
    value_derivative_second_derivative, vector_derivative,
};
pub use directional::{directional_derivative, jacobian_vector_product};
pub use gradient::{gradient, value_and_gradient};
pub use hessian::{hessian, hessian_vector_product, value_gradient_hessian};
pub use jacobian::{jacobian, value_and_jacobian};
