//! A nonlinear least-squares fit checked against certified answers: NIST's
//! StRD problem Rat43 (Ratkowsky 1983, onion bulb dry weight against growing
//! time, "higher level of difficulty"), the model
//!
//! ```text
//! y = b₁ / (1 + exp(b₂ − b₃x))^(1/b₄)
//! ```
//!
//! fitted by Levenberg–Marquardt from both of NIST's starting points. The
//! residuals are written once over `Float`; their 15 × 4 Jacobian comes from
//! one call of `dualgrad::jacobian`, exact to rounding, so the fit converges
//! to the certified values rather than to a finite-difference approximation
//! of them.
//!
//! Run it with `cargo run --release --example curve_fit`. It exits with
//! status 1 unless, from both starts, the parameters and the residual sum of
//! squares agree with NIST's certified values to at least 6 significant
//! digits.

mod common;

use std::array;

use common::plot::{Axis, Chart, Corner, PALETTE};
use common::{Checks, write_plot};
use dualgrad::jacobian;
use nalgebra::{DMatrix, DVector};
use num_traits::Float;

// NIST StRD, Rat43: public-domain reference data, copied from the NIST
// Statistical Reference Datasets (nonlinear regression).

/// The observations (x, y): growing time, dry weight.
const DATA: [(f64, f64); 15] = [
    (1.0, 16.08),
    (2.0, 33.83),
    (3.0, 65.80),
    (4.0, 97.20),
    (5.0, 191.55),
    (6.0, 326.20),
    (7.0, 386.87),
    (8.0, 520.53),
    (9.0, 590.03),
    (10.0, 651.92),
    (11.0, 724.93),
    (12.0, 699.56),
    (13.0, 689.96),
    (14.0, 637.56),
    (15.0, 717.41),
];
/// NIST's two starting points.
const STARTS: [[f64; 4]; 2] = [[100.0, 10.0, 1.0, 1.0], [700.0, 5.0, 0.75, 1.3]];
/// The certified parameters and their standard deviations.
const CERTIFIED: [f64; 4] = [
    6.9964151270E+02,
    5.2771253025E+00,
    7.5962938329E-01,
    1.2792483859E+00,
];
const CERTIFIED_STANDARD_DEVIATION: [f64; 4] = [
    1.6302297817E+01,
    2.0828735829E+00,
    1.9566123451E-01,
    6.8761936385E-01,
];
/// The certified residual sum of squares.
const CERTIFIED_RSS: f64 = 8.7864049080E+03;
/// Degrees of freedom: 15 observations less 4 parameters.
const DEGREES_OF_FREEDOM: f64 = 11.0;

/// Significant digits that must agree with NIST.
const DIGITS_REQUIRED: f64 = 6.0;

/// The Rat43 model y(x; b).
fn rat43<S: Float>(b: &[S], x: f64) -> S {
    let x = S::from(x).unwrap();
    b[0] / (S::one() + (b[1] - b[2] * x).exp()).powf(b[3].recip())
}

/// The residuals rᵢ = yᵢ − y(xᵢ; b), the function whose Jacobian LM needs.
fn residuals<S: Float>(b: &[S]) -> [S; 15] {
    array::from_fn(|i| S::from(DATA[i].1).unwrap() - rat43(b, DATA[i].0))
}

fn sum_of_squares(r: &[f64]) -> f64 {
    r.iter().map(|v| v * v).sum()
}

/// The outcome of one fit.
struct Fit {
    start: [f64; 4],
    parameters: [f64; 4],
    rss: f64,
    standard_deviation: [f64; 4],
    iterations: usize,
    evaluations: usize,
    converged: bool,
}

/// Levenberg–Marquardt stops when no parameter moves by more than this,
/// relative to its size. (A test on the decrease of the sum of squares
/// would stop earlier: along Rat43's flattest direction the RSS changes
/// only in its 16th digit while b₂ still moves in its 9th.)
const STEP_TOLERANCE: f64 = 1e-12;
const MAX_ITERATIONS: usize = 500;
/// A damping so large that the step has vanished: nothing left to try.
const GIVE_UP_LAMBDA: f64 = 1e20;

fn main() {
    println!("NIST StRD Rat43: y = b₁ / (1 + exp(b₂ − b₃x))^(1/b₄), 15 observations,");
    println!("fitted by Levenberg–Marquardt with the Jacobian from dualgrad::jacobian.");
    let fits = STARTS.map(levenberg_marquardt);

    let mut checks = Checks::default();
    for (k, fit) in fits.iter().enumerate() {
        print_fit(k + 1, fit);
        check_fit(&mut checks, k + 1, fit);
    }
    println!(
        "\nNIST certifies 11 significant digits; \"digits\" is −log₁₀ of the relative difference."
    );
    write_plot(&mut checks, "curve_fit", (760, 500), 1, &[chart(&fits)]);
    checks.finish();
}

/// Minimises ‖r(b)‖² from `start`. Each iteration solves the damped
/// least-squares problem min ‖J·δ + r‖² + λ‖D·δ‖², D = diag of J's column
/// norms (Marquardt's scaling, kept at their largest so far), by QR of the
/// stacked matrix [J; √λ·D], and updates λ by Nielsen's rule from the ratio
/// ρ of actual to predicted decrease.
fn levenberg_marquardt(start: [f64; 4]) -> Fit {
    let mut b = start;
    let mut r = residuals(&b);
    let mut rss = sum_of_squares(&r);
    let (mut lambda, mut growth) = (1e-3, 2.0);
    let mut scale = [0.0_f64; 4];
    let mut evaluations = 1;
    let mut iterations = 0;
    let mut converged = false;
    while iterations < MAX_ITERATIONS && !converged {
        iterations += 1;
        let j = jacobian(residuals, b);
        for (k, d) in scale.iter_mut().enumerate() {
            *d = d.max(j.iter().map(|row| row[k] * row[k]).sum::<f64>().sqrt());
        }
        // Shrink the step (raise λ) until it decreases the sum of squares.
        loop {
            let Some(step) = damped_step(&j, &r, &scale, lambda) else {
                if lambda > GIVE_UP_LAMBDA {
                    break;
                }
                lambda *= growth;
                growth *= 2.0;
                continue;
            };
            let trial: [f64; 4] = array::from_fn(|k| b[k] + step[k]);
            let trial_r = residuals(&trial);
            let trial_rss = sum_of_squares(&trial_r);
            evaluations += 1;
            let linearised: Vec<f64> = (0..r.len())
                .map(|i| r[i] + (0..4).map(|k| j[i][k] * step[k]).sum::<f64>())
                .collect();
            let predicted = rss - sum_of_squares(&linearised);
            let actual = rss - trial_rss;
            let rho = actual / predicted;
            let small_step = (0..4).all(|k| step[k].abs() <= STEP_TOLERANCE * b[k].abs());
            if trial_rss.is_finite() && rho > 0.0 {
                lambda *= (1.0 - (2.0 * rho - 1.0).powi(3)).max(1.0 / 3.0);
                growth = 2.0;
                converged = small_step;
                (b, r, rss) = (trial, trial_r, trial_rss);
                break;
            }
            if small_step || lambda > GIVE_UP_LAMBDA {
                // No decrease even from a vanishing step: b is a minimum to rounding.
                converged = small_step;
                break;
            }
            lambda *= growth;
            growth *= 2.0;
        }
        if lambda > GIVE_UP_LAMBDA {
            break;
        }
    }
    Fit {
        start,
        parameters: b,
        rss,
        standard_deviation: standard_deviations(&jacobian(residuals, b), rss),
        iterations,
        evaluations,
        converged,
    }
}

/// The LM step δ minimising ‖J·δ + r‖² + λ‖D·δ‖², or None if the stacked
/// matrix is singular.
fn damped_step(
    j: &[[f64; 4]; 15],
    r: &[f64; 15],
    scale: &[f64; 4],
    lambda: f64,
) -> Option<[f64; 4]> {
    let (m, n) = (r.len(), scale.len());
    let stacked = DMatrix::from_fn(m + n, n, |i, k| match i {
        i if i < m => j[i][k],
        i if i - m == k => lambda.sqrt() * scale[k],
        _ => 0.0,
    });
    let rhs = DVector::from_fn(m + n, |i, _| if i < m { -r[i] } else { 0.0 });
    let qr = stacked.qr();
    let step = qr.r().solve_upper_triangular(&(qr.q().transpose() * rhs))?;
    let step: [f64; 4] = array::from_fn(|k| step[k]);
    step.iter().all(|s| s.is_finite()).then_some(step)
}

/// The standard deviations of the parameters, √(s²·[(JᵀJ)⁻¹]ₖₖ) with
/// s² = RSS / (degrees of freedom), the way NIST certifies them.
fn standard_deviations(j: &[[f64; 4]; 15], rss: f64) -> [f64; 4] {
    let jm = DMatrix::from_fn(15, 4, |i, k| j[i][k]);
    let covariance = (jm.transpose() * &jm)
        .try_inverse()
        .unwrap_or_else(|| DMatrix::from_element(4, 4, f64::NAN));
    let s2 = rss / DEGREES_OF_FREEDOM;
    array::from_fn(|k| (s2 * covariance[(k, k)]).sqrt())
}

/// How many leading significant digits of `value` agree with `certified`:
/// −log₁₀ of the relative difference (16 for an exact match).
fn matching_digits(value: f64, certified: f64) -> f64 {
    let relative = ((value - certified) / certified).abs();
    if relative == 0.0 {
        16.0
    } else {
        -relative.log10()
    }
}

fn print_fit(number: usize, fit: &Fit) {
    println!(
        "\nStart {number}: b = {:?}: {} after {} iterations ({} evaluations of the residuals)",
        fit.start,
        if fit.converged {
            "converged"
        } else {
            "NOT converged"
        },
        fit.iterations,
        fit.evaluations
    );
    println!(
        "  {:<4} {:>21} {:>17} {:>6}   {:>17} {:>17} {:>6}",
        "", "fitted", "NIST certified", "digits", "std. deviation", "NIST certified", "digits"
    );
    let names = ["b₁", "b₂", "b₃", "b₄"];
    for k in 0..4 {
        println!(
            "  {:<4} {:>21.14e} {:>17.10e} {:>6.1}   {:>17.10e} {:>17.10e} {:>6.1}",
            names[k],
            fit.parameters[k],
            CERTIFIED[k],
            matching_digits(fit.parameters[k], CERTIFIED[k]),
            fit.standard_deviation[k],
            CERTIFIED_STANDARD_DEVIATION[k],
            matching_digits(fit.standard_deviation[k], CERTIFIED_STANDARD_DEVIATION[k]),
        );
    }
    println!(
        "  {:<4} {:>21.14e} {:>17.10e} {:>6.1}",
        "RSS",
        fit.rss,
        CERTIFIED_RSS,
        matching_digits(fit.rss, CERTIFIED_RSS)
    );
}

fn check_fit(checks: &mut Checks, number: usize, fit: &Fit) {
    let digits = fit
        .parameters
        .iter()
        .zip(CERTIFIED)
        .map(|(b, c)| matching_digits(*b, c))
        .fold(f64::INFINITY, f64::min);
    checks.check(
        fit.converged && digits >= DIGITS_REQUIRED,
        format!("start {number}: every parameter matches NIST to {digits:.1} significant digits (≥ {DIGITS_REQUIRED})"),
    );
    let digits = matching_digits(fit.rss, CERTIFIED_RSS);
    checks.check(
        digits >= DIGITS_REQUIRED,
        format!("start {number}: the residual sum of squares matches NIST to {digits:.1} digits (≥ {DIGITS_REQUIRED})"),
    );
    let digits = fit
        .standard_deviation
        .iter()
        .zip(CERTIFIED_STANDARD_DEVIATION)
        .map(|(s, c)| matching_digits(*s, c))
        .fold(f64::INFINITY, f64::min);
    checks.check(
        digits >= DIGITS_REQUIRED,
        format!("start {number}: the standard deviations from (JᵀJ)⁻¹ match NIST to {digits:.1} digits (≥ {DIGITS_REQUIRED})"),
    );
}

fn chart(fits: &[Fit; 2]) -> Chart {
    let curve = |b: [f64; 4]| {
        (0..=160).map(move |i| {
            let x = f64::from(i) / 10.0;
            (x, rat43(&b, x))
        })
    };
    Chart::new(
        "NIST Rat43: data, starting curves and the Levenberg–Marquardt fit",
        Axis::linear("growing time x", 0.0, 16.0),
        Axis::linear("dry weight y", 0.0, 800.0),
    )
    .legend(Corner::UpperLeft)
    .dashed(
        "start 1: b = (100, 10, 1, 1)",
        PALETTE[3],
        curve(fits[0].start),
    )
    .dashed(
        "start 2: b = (700, 5, 0.75, 1.3)",
        PALETTE[4],
        curve(fits[1].start),
    )
    .line(
        "fit (from either start)",
        PALETTE[0],
        curve(fits[1].parameters),
    )
    .points("observations", PALETTE[1], 4, DATA)
}
