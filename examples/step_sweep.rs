//! The finite-difference check of *Mathematics for Machine Learning* §5.2
//! in one picture: how good is a finite difference with step h? Against the exact dual-number derivative, the error of the
//! forward, central and five-point differences falls with h while truncation
//! dominates (as h, h², h⁴) and rises again as rounding takes over (as ε/h):
//! a V whose bottom sits near ε^(1/2), ε^(1/3), ε^(1/5). The book's
//! h = 1e-4 is marked.
//!
//! Two functions of the book's §5.2 are swept: Example 5.7's gradient, and
//! Example 5.8's df/dt. Example 5.7 is a cubic, which the five-point stencil
//! differentiates exactly (its error is rounding alone, with no V), so the
//! non-polynomial Example 5.8 shows all three V's.
//!
//! Run it with `cargo run --release --example step_sweep`. It checks that the
//! measured optimal steps lie within a factor 100 of those predictions and
//! exits with status 1 if not.

mod common;

use common::plot::{Axis, Chart, Corner, GREY, PALETTE};
use common::{Checks, write_plot};
use dualgrad::gradcheck::Scheme;
use dualgrad::gradcheck::steps::{SweepPoint, log_spaced_steps, step_sweep};
use dualgrad::{derivative, gradient};
use num_traits::Float;

/// Example 5.7: f(x₁, x₂) = x₁²x₂ + x₁x₂³.
fn example_5_7<S: Float>(x: &[S]) -> S {
    x[0] * x[0] * x[1] + x[0] * x[1].powi(3)
}

/// Example 5.8: f(x₁(t), x₂(t)) = sin²t + 2 cos t.
fn example_5_8<S: Float>(t: S) -> S {
    t.sin().powi(2) + (S::one() + S::one()) * t.cos()
}

/// Where Example 5.7 is swept. At round points like (1, 2) some
/// differences come out exact by luck (error 0, which a log axis cannot
/// show); non-round coordinates show the typical error.
const POINT: [f64; 2] = [1.1, 2.3];
/// The step the book suggests.
const BOOK_STEP: f64 = 1e-4;
/// Sweep from h = 1e-1 down to 1e-14, twenty steps a decade.
const STEPS: (f64, f64, usize) = (1e-1, 1e-14, 261);
/// How far a measured optimum may sit from ε^(1/(p+1)).
const OPTIMUM_FACTOR: f64 = 100.0;

/// The three stencils with their order p: the optimal step is ε^(1/(p+1)).
const SCHEMES: [(Scheme, i32); 3] = [
    (Scheme::Forward, 1),
    (Scheme::Central, 2),
    (Scheme::FivePoint, 4),
];

/// A sweep of one derivative: relative error against h for each scheme.
struct Sweep {
    title: String,
    points: Vec<SweepPoint>,
}

fn main() {
    let steps = log_spaced_steps(STEPS.0, STEPS.1, STEPS.2);
    let sweeps = [
        Sweep {
            title: format!(
                "Example 5.7: ∇(x₁²x₂ + x₁x₂³) at ({}, {})",
                POINT[0], POINT[1]
            ),
            points: gradient_sweep(example_5_7, &POINT, &gradient(example_5_7, POINT), &steps),
        },
        Sweep {
            title: "Example 5.8: d/dt (sin²t + 2 cos t) at t = 1".into(),
            points: relative(
                step_sweep(example_5_8, 1.0, derivative(example_5_8, 1.0), steps),
                derivative(example_5_8, 1.0).abs(),
            ),
        },
    ];

    println!("Finite differences against the exact dual-number derivative,");
    println!("relative error ‖g̃ − g‖/‖g‖ as the step h shrinks:");
    sweeps.iter().for_each(print_table);
    print_optima(&sweeps);

    let mut checks = Checks::default();
    check_optima(&mut checks, &sweeps);
    let charts: Vec<Chart> = sweeps.iter().map(chart).collect();
    write_plot(&mut checks, "step_sweep", (620, 480), 2, &charts);
    checks.finish();
}

/// The error of each scheme on the whole gradient of `f` at `x`,
/// ‖g̃ − g‖/‖g‖, sweeping one coordinate at a time.
fn gradient_sweep(
    f: impl Fn(&[f64]) -> f64,
    x: &[f64],
    exact: &[f64],
    steps: &[f64],
) -> Vec<SweepPoint> {
    let per_coordinate: Vec<Vec<SweepPoint>> = (0..x.len())
        .map(|j| {
            let along = |t: f64| {
                let mut moved = x.to_vec();
                moved[j] = t;
                f(&moved)
            };
            step_sweep(along, x[j], exact[j], steps.iter().copied())
        })
        .collect();
    let norm = |values: &mut dyn Iterator<Item = f64>| values.map(|v| v * v).sum::<f64>().sqrt();
    let points = steps
        .iter()
        .enumerate()
        .map(|(i, &step)| {
            let combined = |error: fn(&SweepPoint) -> f64| {
                norm(&mut per_coordinate.iter().map(|sweep| error(&sweep[i])))
            };
            SweepPoint {
                step,
                forward: combined(|p| p.forward),
                central: combined(|p| p.central),
                five_point: combined(|p| p.five_point),
            }
        })
        .collect();
    relative(points, norm(&mut exact.iter().copied()))
}

/// Absolute errors divided by the size of the exact derivative.
fn relative(points: Vec<SweepPoint>, scale: f64) -> Vec<SweepPoint> {
    points
        .into_iter()
        .map(|p| SweepPoint {
            step: p.step,
            forward: p.forward / scale,
            central: p.central / scale,
            five_point: p.five_point / scale,
        })
        .collect()
}

fn error(point: &SweepPoint, scheme: Scheme) -> f64 {
    match scheme {
        Scheme::Forward => point.forward,
        Scheme::Central => point.central,
        _ => point.five_point,
    }
}

/// ε^(1/(p+1)): where truncation (∝ hᵖ) and rounding (∝ ε/h) balance.
fn predicted_optimum(order: i32) -> f64 {
    f64::EPSILON.powf(1.0 / f64::from(order + 1))
}

/// The step with the smallest error, and that error.
fn measured_optimum(sweep: &Sweep, scheme: Scheme) -> (f64, f64) {
    sweep
        .points
        .iter()
        .map(|p| (p.step, error(p, scheme)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((f64::NAN, f64::NAN))
}

/// True when the truncation error of `scheme` vanishes on this function
/// (the five-point stencil is exact for the cubic of Example 5.7): then the
/// error is rounding alone and has no V.
fn exact_stencil(sweep: &Sweep, scheme: Scheme) -> bool {
    sweep
        .points
        .iter()
        .filter(|p| p.step >= 1e-3)
        .all(|p| error(p, scheme) < 1e-11)
}

fn print_table(sweep: &Sweep) {
    println!("\n{}", sweep.title);
    println!(
        "  {:>7}  {:>10} {:>10} {:>10}",
        "h", "forward", "central", "five-point"
    );
    for p in sweep.points.iter().step_by(20) {
        let mark = if (p.step / BOOK_STEP - 1.0).abs() < 1e-6 {
            "  ← the book's h"
        } else {
            ""
        };
        println!(
            "  {:>7.0e}  {:>10.1e} {:>10.1e} {:>10.1e}{mark}",
            p.step, p.forward, p.central, p.five_point
        );
    }
}

fn print_optima(sweeps: &[Sweep]) {
    println!("\nOptimal steps, measured against the prediction ε^(1/(p+1)):");
    println!(
        "  {:<11} {:>16}  {:>20}  {:>20}",
        "scheme", "ε^(1/(p+1))", "Example 5.7: h, err", "Example 5.8: h, err"
    );
    for (scheme, order) in SCHEMES {
        let columns: Vec<String> = sweeps
            .iter()
            .map(|sweep| {
                if exact_stencil(sweep, scheme) {
                    return "exact (f is cubic)".to_string();
                }
                let (h, e) = measured_optimum(sweep, scheme);
                format!("{h:.1e}, {e:.1e}")
            })
            .collect();
        println!(
            "  {:<11} {:>16.1e}  {:>20}  {:>20}",
            scheme.name(),
            predicted_optimum(order),
            columns[0],
            columns[1]
        );
    }
    println!("  The five-point stencil is exact for polynomials of degree ≤ 4, so on");
    println!("  Example 5.7 it has rounding error only; Example 5.8 shows its V.");
}

fn check_optima(checks: &mut Checks, sweeps: &[Sweep]) {
    for sweep in sweeps {
        for (scheme, order) in SCHEMES {
            let name = sweep.title.split(':').next().unwrap_or_default();
            if exact_stencil(sweep, scheme) {
                checks.check(
                    scheme == Scheme::FivePoint,
                    format!(
                        "{name}, {}: exact for this polynomial (error < 1e-11 for h ≥ 1e-3)",
                        scheme.name()
                    ),
                );
                continue;
            }
            let (h, _) = measured_optimum(sweep, scheme);
            let predicted = predicted_optimum(order);
            let ratio = (h / predicted).max(predicted / h);
            checks.check(
                ratio <= OPTIMUM_FACTOR,
                format!(
                    "{name}, {}: optimal h = {h:.1e} is a factor {ratio:.1} (≤ {OPTIMUM_FACTOR}) from ε^(1/{}) = {predicted:.1e}",
                    scheme.name(),
                    order + 1
                ),
            );
        }
    }
}

fn chart(sweep: &Sweep) -> Chart {
    let mut chart = Chart::new(
        &sweep.title,
        Axis::log("step h", STEPS.1, STEPS.0),
        Axis::log("relative error", 1e-17, 1e1),
    )
    .legend(Corner::LowerLeft)
    .dashed(
        "h = 1e-4 (the book's)",
        GREY,
        [(BOOK_STEP, 1e-17), (BOOK_STEP, 1e1)],
    );
    for (i, (scheme, _)) in SCHEMES.into_iter().enumerate() {
        let color = PALETTE[i];
        chart = chart.line(
            scheme.name(),
            color,
            sweep.points.iter().map(|p| (p.step, error(p, scheme))),
        );
        if !exact_stencil(sweep, scheme) {
            chart = chart.markers("", color, [measured_optimum(sweep, scheme)]);
        }
    }
    chart
}
