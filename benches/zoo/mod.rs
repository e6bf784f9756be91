//! The shape zoo, shared by the criterion suite (`benches/suite`) and the
//! plain-timing check (`benches/zoo_check.rs`): the shapes, the floor dual,
//! and one gradient runner per competitor.

pub mod ad_trait_shapes;
pub mod floor;
pub mod fresh;
pub mod num_dual_shapes;
pub mod shapes;

use std::hint::black_box;

use dualgrad::Dual;
use nalgebra::{SMatrix, SVector};

/// The widths every shape is measured at.
pub const WIDTHS: [usize; 9] = [1, 2, 3, 4, 6, 8, 12, 16, 32];

/// Every shape's name, in the order of [`for_each_shape!`].
pub const SHAPES: [&str; 16] = [
    "rosenbrock",
    "poly_mean",
    "neighbours",
    "rational",
    "pair_potential",
    "norm_log",
    "log_sum_exp",
    "tanh_layer",
    "trig",
    "variance",
    "hinge",
    "ackley",
    "moments",
    "quadform",
    "gauss_loglik",
    "lj_pairs",
];

/// The shapes whose cost is partial arithmetic only (no library calls):
/// where the issue asks for ≤ 0.5× num-dual at N ≥ 8.
pub const ARITHMETIC: [&str; 5] = [
    "rosenbrock",
    "poly_mean",
    "neighbours",
    "rational",
    "variance",
];

/// Calls `$callback!(name, generic_shape, num_dual_shape, ad_trait_shape)`
/// once per shape.
#[macro_export]
macro_rules! for_each_shape {
    ($callback:ident) => {
        $callback!(
            "rosenbrock",
            zoo::shapes::rosenbrock,
            zoo::num_dual_shapes::rosenbrock,
            zoo::ad_trait_shapes::rosenbrock
        );
        $callback!(
            "poly_mean",
            zoo::shapes::poly_mean,
            zoo::num_dual_shapes::poly_mean,
            zoo::ad_trait_shapes::poly_mean
        );
        $callback!(
            "neighbours",
            zoo::shapes::neighbours,
            zoo::num_dual_shapes::neighbours,
            zoo::ad_trait_shapes::neighbours
        );
        $callback!(
            "rational",
            zoo::shapes::rational,
            zoo::num_dual_shapes::rational,
            zoo::ad_trait_shapes::rational
        );
        $callback!(
            "pair_potential",
            zoo::shapes::pair_potential,
            zoo::num_dual_shapes::pair_potential,
            zoo::ad_trait_shapes::pair_potential
        );
        $callback!(
            "norm_log",
            zoo::shapes::norm_log,
            zoo::num_dual_shapes::norm_log,
            zoo::ad_trait_shapes::norm_log
        );
        $callback!(
            "log_sum_exp",
            zoo::shapes::log_sum_exp,
            zoo::num_dual_shapes::log_sum_exp,
            zoo::ad_trait_shapes::log_sum_exp
        );
        $callback!(
            "tanh_layer",
            zoo::shapes::tanh_layer,
            zoo::num_dual_shapes::tanh_layer,
            zoo::ad_trait_shapes::tanh_layer
        );
        $callback!(
            "trig",
            zoo::shapes::trig,
            zoo::num_dual_shapes::trig,
            zoo::ad_trait_shapes::trig
        );
        $callback!(
            "variance",
            zoo::shapes::variance,
            zoo::num_dual_shapes::variance,
            zoo::ad_trait_shapes::variance
        );
        $callback!(
            "hinge",
            zoo::shapes::hinge,
            zoo::num_dual_shapes::hinge,
            zoo::ad_trait_shapes::hinge
        );
        $callback!(
            "ackley",
            zoo::shapes::ackley,
            zoo::num_dual_shapes::ackley,
            zoo::ad_trait_shapes::ackley
        );
        $callback!(
            "moments",
            zoo::shapes::moments,
            zoo::num_dual_shapes::moments,
            zoo::ad_trait_shapes::moments
        );
        $callback!(
            "quadform",
            zoo::shapes::quadform,
            zoo::num_dual_shapes::quadform,
            zoo::ad_trait_shapes::quadform
        );
        $callback!(
            "gauss_loglik",
            zoo::shapes::gauss_loglik,
            zoo::num_dual_shapes::gauss_loglik,
            zoo::ad_trait_shapes::gauss_loglik
        );
        $callback!(
            "lj_pairs",
            zoo::shapes::lj_pairs,
            zoo::num_dual_shapes::lj_pairs,
            zoo::ad_trait_shapes::lj_pairs
        );
    };
}

/// The point every shape is evaluated at: a spread of coordinates in
/// [−0.4, 1.0], away from every kink of `hinge`.
pub fn point<const N: usize>() -> [f64; N] {
    std::array::from_fn(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
}

/// num-dual's gradient of `f` at `x`, whole output black-boxed by the caller.
pub fn num_dual_gradient<const N: usize>(
    f: impl Fn(&[num_dual::DualSVec64<N>]) -> num_dual::DualSVec64<N>,
    x: &SVector<f64, N>,
) -> (f64, SVector<f64, N>) {
    num_dual::gradient(|v| f(v.as_slice()), black_box(x))
}

/// num-dual's value, gradient and Hessian of `f` at `x` (num-dual's
/// second-order number `Dual2Vec`, a full N × N Hessian).
pub fn num_dual_hessian<const N: usize>(
    f: impl Fn(&[num_dual::Dual2SVec64<N>]) -> num_dual::Dual2SVec64<N>,
    x: &SVector<f64, N>,
) -> (f64, SVector<f64, N>, SMatrix<f64, N, N>) {
    num_dual::hessian(|v| f(v.as_slice()), x)
}

/// A second-order nested dual of width N in each order: what
/// `dualgrad::hessian` evaluated on before `Dual2`.
pub type Nested<const N: usize> = Dual<Dual<f64, N>, N>;

/// The Hessian on nested duals seeded by hand, as a user who nests writes
/// it and as `dualgrad::hessian` computed it before `Dual2`: input i is
/// `(xᵢ + δᵢ) + εᵢ`, and H[i][j] is the inner partial j of the outer
/// partial i. Every entry is computed, both triangles.
pub fn nested_hessian<const N: usize>(
    f: impl Fn(&[Nested<N>]) -> Nested<N>,
    x: [f64; N],
) -> [[f64; N]; N] {
    let seeded: [Nested<N>; N] = std::array::from_fn(|i| {
        let outer = std::array::from_fn(|j| Dual::constant(if i == j { 1.0 } else { 0.0 }));
        Dual::new(Dual::variable(x[i], i), outer)
    });
    let y = f(&seeded);
    std::array::from_fn(|i| *y.partials()[i].partials())
}

/// Checks that Dual2's Hessian agrees with the nested duals' and with
/// num-dual's (column-major, the same for a symmetric matrix) to rounding,
/// before any of them is timed.
pub fn assert_hessians_agree<const N: usize>(
    name: &str,
    dual2: &[[f64; N]; N],
    nested: &[[f64; N]; N],
    num_dual: &[f64],
) {
    for i in 0..N {
        for j in 0..N {
            let (a, b, c) = (dual2[i][j], nested[i][j], num_dual[j * N + i]);
            let scale = b.abs().max(1.0);
            assert!(
                (a - b).abs() <= 1e-10 * scale && (a - c).abs() <= 1e-10 * scale,
                "{name} N={N} Hessian ({i}, {j}): Dual2 {a}, nested {b}, num-dual {c}"
            );
        }
    }
}

/// Checks that the four dual gradients agree with each other before any
/// of them is timed, so that a fast wrong answer cannot pass.
pub fn assert_agree<const N: usize>(
    name: &str,
    ours: &[f64; N],
    floor: &[f64; N],
    num_dual: &[f64],
    ad_trait: &[f64; N],
) {
    for i in 0..N {
        let (a, b, c, d) = (ours[i], floor[i], num_dual[i], ad_trait[i]);
        let scale = b.abs().max(1.0);
        assert!(
            [a, c, d].iter().all(|v| (v - b).abs() <= 1e-12 * scale),
            "{name} N={N} entry {i}: ours {a}, floor {b}, num-dual {c}, ad_trait {d}"
        );
    }
}
