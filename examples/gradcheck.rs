//! The advice of *Mathematics for Machine Learning* §5.2 on "verifying the
//! correctness of a gradient implementation" with finite differences, made
//! concrete with `dualgrad::gradcheck`:
//!
//! 1. the book's own recipe, a difference with h = 1e-4, on its Example 5.7;
//! 2. better differences: the five-point stencil and Ridders' extrapolation,
//!    with the full report;
//! 3. a hand-written gradient with a planted bug, caught and named;
//! 4. a subtler bug (π typed as 3.14159) that only a tight check catches;
//! 5. the crate's own AD gradient of a `Float`-generic function, checked in
//!    one line.
//!
//! Run it with `cargo run --release --example gradcheck`. It exits with
//! status 1 if a right gradient fails its check or a planted bug is missed.

mod common;

use std::f64::consts::PI;

use common::Checks;
use dualgrad::assert_gradient;
use dualgrad::gradcheck::{GradCheck, GradCheckError, Position, Report, Scheme};
use dualgrad::{gradient, scalar_fn};
use num_traits::Float;

/// Example 5.7: f(x₁, x₂) = x₁²x₂ + x₁x₂³.
fn example_5_7<S: Float>(x: &[S]) -> S {
    x[0] * x[0] * x[1] + x[0] * x[1].powi(3)
}

/// Example 5.7's gradient by hand: [2x₁x₂ + x₂³, x₁² + 3x₁x₂²].
fn example_5_7_gradient(x: &[f64]) -> [f64; 2] {
    [
        2.0 * x[0] * x[1] + x[1].powi(3),
        x[0] * x[0] + 3.0 * x[0] * x[1] * x[1],
    ]
}

/// The same with a planted bug: 3x₁x₂² written as 3x₁x₂.
fn example_5_7_gradient_with_bug(x: &[f64]) -> [f64; 2] {
    [
        2.0 * x[0] * x[1] + x[1].powi(3),
        x[0] * x[0] + 3.0 * x[0] * x[1],
    ]
}

/// A Gaussian wave packet f(x₁, x₂) = exp(−x₁²/2)·sin(πx₂).
fn wave<S: Float>(x: &[S]) -> S {
    let pi = S::from(PI).unwrap();
    (-(x[0] * x[0]) / (S::one() + S::one())).exp() * (pi * x[1]).sin()
}

/// Its gradient by hand, with π typed as 3.14159 in ∂f/∂x₂: off by 8.4e-7
/// relative, a bug the size of a truncated constant.
#[allow(clippy::approx_constant)] // the planted bug
fn wave_gradient_with_typo(x: &[f64]) -> [f64; 2] {
    let envelope = (-x[0] * x[0] / 2.0).exp();
    [
        -x[0] * envelope * (PI * x[1]).sin(),
        envelope * 3.14159 * (PI * x[1]).cos(),
    ]
}

const X: [f64; 2] = [1.0, 2.0];
const WAVE_AT: [f64; 2] = [0.3, 0.2];

fn main() {
    let mut checks = Checks::default();

    section("1. The book's recipe: a difference with h = 1e-4, Example 5.7 at (1, 2)");
    let remark = GradCheck::default().step(1e-4);
    passes(
        &mut checks,
        "the book's h = 1e-4 check",
        remark.gradient(example_5_7, example_5_7_gradient, &X),
    );
    println!("A central difference with h = 1e-4 is off by h²·f‴/6 ≈ 1e-8: good enough to pass a");
    println!("right gradient at rtol 1e-6, but a bug smaller than that would pass too.");

    section("2. Better differences: steps scaled to ε^(1/5), and Ridders' extrapolation");
    for (scheme, rtol) in [(Scheme::FivePoint, 1e-9), (Scheme::Richardson, 1e-11)] {
        let check = GradCheck::default().scheme(scheme).rtol(rtol);
        let what = format!(
            "the hand-written gradient, {} differences, rtol {rtol:e}",
            scheme.name()
        );
        passes(
            &mut checks,
            &what,
            check.gradient(example_5_7, example_5_7_gradient, &X),
        );
    }

    section("3. A planted bug: ∂f/∂x₂ = x₁² + 3x₁x₂ (the square on x₂ forgotten)");
    let outcome = GradCheck::default().gradient(example_5_7, example_5_7_gradient_with_bug, &X);
    caught(
        &mut checks,
        "the forgotten square",
        outcome,
        Position::Entry(1),
    );

    section("4. A subtler bug: π typed as 3.14159 in ∂/∂x₂ of exp(−x₁²/2)·sin(πx₂)");
    let loose = GradCheck::default().gradient(wave, wave_gradient_with_typo, &WAVE_AT);
    println!(
        "Default check (central, rtol 1e-6): {}",
        match &loose {
            Ok(report) => format!(
                "passed, relative error {:.1e}: the bug is below rtol",
                report.relative_error()
            ),
            Err(error) => format!(
                "failed: {}",
                error.to_string().lines().next().unwrap_or_default()
            ),
        }
    );
    let tight = GradCheck::default().scheme(Scheme::Richardson).rtol(1e-9);
    caught(
        &mut checks,
        "π as 3.14159",
        tight.gradient(wave, wave_gradient_with_typo, &WAVE_AT),
        Position::Entry(1),
    );

    section("5. dualgrad's own gradient of a Float-generic function, in one line");
    println!("GradCheck::default().scheme(Scheme::Richardson).rtol(1e-10)");
    println!("    .check_ad(&scalar_fn!(wave), &WAVE_AT)");
    let ad = GradCheck::default().scheme(Scheme::Richardson).rtol(1e-10);
    passes(
        &mut checks,
        "dualgrad's AD gradient of wave",
        ad.check_ad(&scalar_fn!(wave), &WAVE_AT),
    );
    // The same as a test assertion: panics with the report if it fails.
    assert_gradient!(
        example_5_7,
        |x: &[f64]| gradient(example_5_7, [x[0], x[1]]),
        &X,
        scheme = Scheme::Richardson,
        rtol = 1e-10
    );
    println!(
        "assert_gradient!(example_5_7, |x| gradient(example_5_7, [x[0], x[1]]), &X, …) holds."
    );

    checks.finish();
}

fn section(title: &str) {
    println!("\n{title}\n");
}

/// Prints the report of a check that should pass, and records whether it did.
fn passes(checks: &mut Checks, what: &str, outcome: Result<Report, GradCheckError>) {
    match outcome {
        Ok(report) => {
            print!("{report}");
            checks.check(
                true,
                format!(
                    "{what} passes (relative error {:.1e})",
                    report.relative_error()
                ),
            );
        }
        Err(error) => {
            println!("{error}");
            checks.check(false, format!("{what} passes: it failed"));
        }
    }
}

/// Prints the error of a check that should fail at `entry`, and records
/// whether it did.
fn caught(
    checks: &mut Checks,
    bug: &str,
    outcome: Result<Report, GradCheckError>,
    entry: Position,
) {
    match outcome {
        Err(GradCheckError::Mismatch(report)) => {
            print!("Caught:\n{}", GradCheckError::Mismatch(report.clone()));
            let position = report.worst_entry().map(|e| e.position());
            checks.check(
                position == Some(entry),
                format!(
                    "the bug ({bug}) is caught and named: {}",
                    position.map_or("no entry".into(), |p| p.to_string())
                ),
            );
        }
        Err(error) => {
            println!("{error}");
            checks.check(
                false,
                format!("the bug ({bug}) is caught as a mismatch, not as: {error}"),
            );
        }
        Ok(report) => {
            print!("{report}");
            checks.check(
                false,
                format!("the bug ({bug}) is caught: the check passed it"),
            );
        }
    }
}
