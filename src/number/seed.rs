//! Seeding: the inputs of one driver call made variables, every one
//! tagged with the call's fresh [`Tag`] so that its perturbations never
//! mix with another call's.
//!
//! These are the one-evaluation seedings (arrays, `SVector`, functions of
//! one variable, one direction), which the number types' `variables`
//! constructors share with the drivers; the run-time drivers seed chunk by
//! chunk in `drivers/passes`.

use num_traits::Float;

use super::tag::Tag;
use crate::{Dual, Dual2};

/// The inputs of the one-pass drivers (arrays, `SVector`): input i is
/// `xᵢ + εᵢ`, variable i seeded in partial slot i.
#[inline]
pub(crate) fn seeded<T: Float, const N: usize>(x: &[T; N]) -> [Dual<T, N>; N] {
    let tag = Tag::fresh();
    core::array::from_fn(|i| Dual::variable(x[i], i).tagged(tag))
}

/// The inputs of the array second-order drivers: input i is xᵢ with
/// gradient eᵢ and Hessian 0.
#[inline]
pub(crate) fn seeded_second_order<T: Float, const N: usize>(x: &[T; N]) -> [Dual2<T, N>; N] {
    let tag = Tag::fresh();
    core::array::from_fn(|i| Dual2::variable(x[i], i).tagged(tag))
}

/// The input of a second-derivative driver of one variable.
#[inline]
pub(crate) fn second_order_variable<T: Float>(t: T) -> Dual2<T, 1> {
    Dual2::variable(t, 0).tagged(Tag::fresh())
}

/// The inputs of the array Hessian-vector product: input i is
/// `(xᵢ + δᵢ) + vᵢε`, the gradient's perturbations δ inside and the
/// direction ε outside, so f's result has H·v in its outer partial's inner
/// partials.
#[inline]
pub(crate) fn seeded_along<T: Float, const N: usize>(
    x: &[T; N],
    v: &[T; N],
) -> [Dual<Dual<T, N>, 1>; N] {
    let tag = Tag::fresh();
    core::array::from_fn(|i| {
        Dual::new(Dual::variable(x[i], i).tagged(tag), [Dual::constant(v[i])]).tagged(tag)
    })
}

/// The input of a driver of one variable: `t + ε`.
#[inline]
pub(crate) fn variable<T: Float>(t: T) -> Dual<T, 1> {
    Dual::variable(t, 0).tagged(Tag::fresh())
}

/// The seeding of one one-direction driver call: maps (xᵢ, vᵢ) to the
/// input `xᵢ + vᵢε`.
#[inline]
pub(crate) fn along<T: Float>() -> impl Fn(T, T) -> Dual<T, 1> + Copy {
    let tag = Tag::fresh();
    move |xi, vi| Dual::new(xi, [vi]).tagged(tag)
}
