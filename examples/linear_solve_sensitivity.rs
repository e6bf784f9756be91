//! The sensitivity of a linear solve: how x(θ) = A(θ)⁻¹b(θ) moves with
//! the parameters θ, by running nalgebra's LU decomposition on a matrix of
//! dual numbers.
//!
//! A small heat-conduction model: three nodes in a row, conductances θ₀
//! (between nodes 0 and 1) and θ₁ (between nodes 1 and 2), each node also
//! leaking to the ambient through a fixed conductance, with heat sources b.
//! The temperatures x solve A(θ)x = b(θ). Differentiating A x = b gives
//! the closed form
//!
//!     ∂x/∂θₖ = −A⁻¹(∂A/∂θₖ · x − ∂b/∂θₖ),
//!
//! which the example computes in plain f64 and compares with the partials
//! of the dual solve (both parameters from one LU factorisation of a
//! `Matrix3<Dual<f64, 2>>`). It exits non-zero if they disagree.
//!
//! Run with `cargo run --release --example linear_solve_sensitivity`.

use std::process::ExitCode;

use dualgrad::Dual;
use nalgebra::{Matrix3, RealField, Vector3};

/// The conductance matrix for any scalar: node leaks 1, 2, 1 to ambient.
fn conductance<S: RealField + Copy>(theta: [S; 2]) -> Matrix3<S> {
    let [t0, t1] = theta;
    let c = |v: f64| nalgebra::convert::<f64, S>(v);
    let zero = S::zero();
    Matrix3::new(
        c(1.0) + t0,
        -t0,
        zero, //
        -t0,
        c(2.0) + t0 + t1,
        -t1, //
        zero,
        -t1,
        c(1.0) + t1,
    )
}

/// Heat sources: node 0 is heated by 10, node 2 by 2θ₁ (a source that
/// depends on a parameter, so that ∂b/∂θ ≠ 0).
fn sources<S: RealField + Copy>(theta: [S; 2]) -> Vector3<S> {
    let c = |v: f64| nalgebra::convert::<f64, S>(v);
    Vector3::new(c(10.0), S::zero(), c(2.0) * theta[1])
}

fn main() -> ExitCode {
    let theta = [3.0, 0.5];

    // The dual solve: θₖ seeded in partial slot k.
    let seeded = [
        Dual::<f64, 2>::variable(theta[0], 0),
        Dual::variable(theta[1], 1),
    ];
    let Some(x_dual) = conductance(seeded).lu().solve(&sources(seeded)) else {
        eprintln!("error: singular conductance matrix");
        return ExitCode::FAILURE;
    };

    // The closed form in plain f64.
    let a = conductance(theta);
    let lu = a.lu();
    let x = lu.solve(&sources(theta)).expect("invertible");
    // ∂A/∂θ₀, ∂A/∂θ₁ and ∂b/∂θ₀, ∂b/∂θ₁ by hand.
    let d_a = [
        Matrix3::new(1.0, -1.0, 0.0, -1.0, 1.0, 0.0, 0.0, 0.0, 0.0),
        Matrix3::new(0.0, 0.0, 0.0, 0.0, 1.0, -1.0, 0.0, -1.0, 1.0),
    ];
    let d_b = [Vector3::zeros(), Vector3::new(0.0, 0.0, 2.0)];

    println!(
        "Temperatures x(θ) = A(θ)⁻¹b(θ) at θ = ({}, {}):",
        theta[0], theta[1]
    );
    println!("  x = [{:.12}, {:.12}, {:.12}]\n", x[0], x[1], x[2]);
    let mut worst: f64 = 0.0;
    for k in 0..2 {
        let closed_form = -lu.solve(&(d_a[k] * x - d_b[k])).expect("invertible");
        let from_duals = x_dual.map(|xi| xi.partial(k));
        let error = (from_duals - closed_form).norm() / closed_form.norm();
        worst = worst.max(error);
        println!("∂x/∂θ{k}:");
        println!(
            "  dual LU      [{:+.15}, {:+.15}, {:+.15}]",
            from_duals[0], from_duals[1], from_duals[2]
        );
        println!(
            "  closed form  [{:+.15}, {:+.15}, {:+.15}]",
            closed_form[0], closed_form[1], closed_form[2]
        );
        println!("  relative difference {error:.1e}\n");
    }
    let value_error = (x_dual.map(|xi| xi.value()) - x).norm();
    println!("value of the dual solve vs the f64 solve: difference {value_error:.1e}");

    if worst > 1e-14 || value_error != 0.0 {
        eprintln!("error: the dual solve disagrees with the closed form");
        return ExitCode::FAILURE;
    }
    println!("ok: derivatives through nalgebra's LU match −A⁻¹(∂A·x − ∂b)");
    ExitCode::SUCCESS
}
