//! Newton's method on a small nonlinear system, with the Jacobian from
//! dual numbers and the step from nalgebra's LU decomposition.
//!
//! Where do the circle x² + y² = 4 and the parabola y = x² − 1 meet?
//! Newton's iteration solves J(vₖ)·δ = −r(vₖ), vₖ₊₁ = vₖ + δ, for the
//! residual r(x, y) = (x² + y² − 4, x² − 1 − y). With an exact Jacobian it
//! converges quadratically: ‖rₖ₊₁‖ ≈ C·‖rₖ‖², the number of correct digits
//! doubling each step. The example checks that the ratio ‖rₖ₊₁‖/‖rₖ‖² stays
//! bounded and that the iterate reaches the known root
//! x = √((1 + √13)/2), y = (√13 − 1)/2, and exits non-zero otherwise.
//!
//! Run with `cargo run --release --example newton`.

use std::process::ExitCode;

use dualgrad::linalg;
use nalgebra::{RealField, Vector2};

/// The residual of the system, written once for any nalgebra scalar: `f64`
/// for the values, `Dual<f64, 2>` for the Jacobian.
fn residual<S: RealField + Copy>(v: &Vector2<S>) -> Vector2<S> {
    let (x, y) = (v[0], v[1]);
    let (one, four) = (S::one(), nalgebra::convert::<f64, S>(4.0));
    Vector2::new(x * x + y * y - four, x * x - one - y)
}

fn main() -> ExitCode {
    let root = Vector2::new(
        ((1.0 + 13f64.sqrt()) / 2.0).sqrt(),
        (13f64.sqrt() - 1.0) / 2.0,
    );
    println!("Newton's method: circle x² + y² = 4 meets parabola y = x² − 1");
    println!("Jacobian by dualgrad::linalg::value_and_jacobian, step by nalgebra's LU\n");
    println!(" k  x                   y                   ‖rₖ‖         ‖rₖ‖/‖rₖ₋₁‖²");

    let mut v = Vector2::new(1.0, 1.0);
    let mut previous_norm: Option<f64> = None;
    let mut largest_ratio: f64 = 0.0;
    for k in 0..20 {
        let (r, j) = linalg::value_and_jacobian(residual, &v);
        let norm = r.norm();
        // The ratio is meaningful until ‖rₖ₋₁‖² reaches rounding level.
        let ratio = match previous_norm {
            Some(p) if p > 1e-7 => {
                let q = norm / (p * p);
                largest_ratio = largest_ratio.max(q);
                format!("{q:.3}")
            }
            Some(_) => "(rounding level)".to_string(),
            None => String::new(),
        };
        let norm_text = format!("{norm:.3e}");
        println!(
            "{k:2}  {:.16}  {:.16}  {norm_text:<11}  {ratio}",
            v[0], v[1]
        );
        if norm <= 4.0 * f64::EPSILON {
            break;
        }
        let Some(step) = j.lu().solve(&-r) else {
            eprintln!("error: singular Jacobian at iteration {k}");
            return ExitCode::FAILURE;
        };
        v += step;
        previous_norm = Some(norm);
    }

    let error = (v - root).norm();
    println!("\nroot found:   ({:.16}, {:.16})", v[0], v[1]);
    println!("closed form:  ({:.16}, {:.16})", root[0], root[1]);
    println!("error {error:.1e}; largest ‖rₖ‖/‖rₖ₋₁‖² before rounding level: {largest_ratio:.3}");

    // Quadratic convergence: the ratio stays bounded (its limit is a
    // constant of the problem, ≈ 0.08 here); a wrong Jacobian would make
    // the convergence linear and the ratio blow up.
    if error > 1e-15 || !(largest_ratio > 0.0 && largest_ratio < 2.0) {
        eprintln!("error: Newton's method did not converge quadratically to the root");
        return ExitCode::FAILURE;
    }
    println!("ok: quadratic convergence to the known root");
    ExitCode::SUCCESS
}
