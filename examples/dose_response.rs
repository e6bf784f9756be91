//! Second order where it matters: a logistic dose–response model fitted by
//! Newton's method with the exact Hessian, and its Laplace approximation
//! (the inverse Hessian at the optimum as the covariance of the estimates).
//!
//! The data are Bliss's (1935) beetle mortality after five hours' exposure
//! to gaseous carbon disulphide: at dose xᵢ (log₁₀ CS₂ mg/l), yᵢ of nᵢ
//! beetles died. The model is yᵢ ~ Binomial(nᵢ, pᵢ) with
//! logit pᵢ = β₀ + β₁xᵢ, and the negative log-likelihood
//!
//! ```text
//! ℓ(β) = Σᵢ nᵢ·log(1 + exp ηᵢ) − yᵢ·ηᵢ,   ηᵢ = β₀ + β₁xᵢ
//! ```
//!
//! is written once over `Float`. `value_gradient_hessian` gives ℓ, ∇ℓ and
//! ∇²ℓ in one evaluation on `Dual2`; Newton's step solves ∇²ℓ·δ = −∇ℓ.
//! The estimates and their standard errors are checked against the values
//! published for these data (Dobson and Barnett, *An Introduction to
//! Generalized Linear Models*, 3rd ed., §7.3: β₀ = −60.72 (5.18),
//! β₁ = 34.27 (2.91)), the Hessian against its closed form Σ nᵢpᵢ(1 − pᵢ)uᵢuᵢᵀ
//! with uᵢ = (1, xᵢ), and the Hessian-vector product against ∇²ℓ·v.
//!
//! Run it with `cargo run --release --example dose_response`. It exits with
//! status 1 if any check fails, and draws the fit with a 95% band from the
//! Laplace approximation.

mod common;

use common::plot::{Axis, Chart, Corner, PALETTE};
use common::{Checks, write_plot};
use dualgrad::{gradient, hessian_vector_product, value_gradient_hessian};
use num_traits::Float;

/// Bliss (1935): dose (log₁₀ CS₂ mg/l), beetles exposed, beetles killed.
const DATA: [(f64, f64, f64); 8] = [
    (1.6907, 59.0, 6.0),
    (1.7242, 60.0, 13.0),
    (1.7552, 62.0, 18.0),
    (1.7842, 56.0, 28.0),
    (1.8113, 63.0, 52.0),
    (1.8369, 59.0, 53.0),
    (1.8610, 62.0, 61.0),
    (1.8839, 60.0, 60.0),
];

/// The negative log-likelihood ℓ(β), for any `Float`: `f64` to print it,
/// `Dual2` for its gradient and Hessian.
fn negative_log_likelihood<S: Float>(beta: &[S]) -> S {
    DATA.iter().fold(S::zero(), |sum, &(x, n, y)| {
        let eta = beta[0] + beta[1] * S::from(x).unwrap();
        sum + S::from(n).unwrap() * softplus(eta) - S::from(y).unwrap() * eta
    })
}

/// log(1 + eᵗ) without overflow, by two branches that are each smooth.
/// (The one-line max(t, 0) + log(1 + e^−|t|) has the right value but a
/// kink in each term at t = 0, where dual numbers differentiate the code as
/// written: its second derivative there would be 0, not 1/4, and Newton's
/// first step from β = 0, where every ηᵢ is 0, would divide by zero.)
fn softplus<S: Float>(t: S) -> S {
    if t > S::zero() {
        t + (-t).exp().ln_1p()
    } else {
        t.exp().ln_1p()
    }
}

/// The dose at which half the beetles die: η = 0 at x = −β₀/β₁.
fn ld50<S: Float>(beta: &[S]) -> S {
    -beta[0] / beta[1]
}

/// The logistic function.
fn logistic(t: f64) -> f64 {
    1.0 / (1.0 + (-t).exp())
}

/// The observed information in closed form: Σ nᵢpᵢ(1 − pᵢ)uᵢuᵢᵀ.
fn closed_form_hessian(beta: [f64; 2]) -> [[f64; 2]; 2] {
    let mut h = [[0.0; 2]; 2];
    for (x, n, _) in DATA {
        let p = logistic(beta[0] + beta[1] * x);
        let w = n * p * (1.0 - p);
        let u = [1.0, x];
        for i in 0..2 {
            for j in 0..2 {
                h[i][j] += w * u[i] * u[j];
            }
        }
    }
    h
}

/// The inverse of a symmetric 2 × 2 matrix.
fn inverse(h: [[f64; 2]; 2]) -> [[f64; 2]; 2] {
    let det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
    [
        [h[1][1] / det, -h[0][1] / det],
        [-h[1][0] / det, h[0][0] / det],
    ]
}

fn times(m: [[f64; 2]; 2], v: [f64; 2]) -> [f64; 2] {
    [
        m[0][0] * v[0] + m[0][1] * v[1],
        m[1][0] * v[0] + m[1][1] * v[1],
    ]
}

fn norm(v: [f64; 2]) -> f64 {
    v[0].hypot(v[1])
}

fn main() {
    let mut checks = Checks::default();

    println!("Newton's method on the negative log-likelihood, exact Hessian from Dual2:\n");
    println!(" k        ℓ(β)              β₀             β₁          ‖∇ℓ‖");
    let mut beta = [0.0, 0.0];
    let mut norms = Vec::new();
    let mut steps = 0;
    loop {
        let (value, g, h) = value_gradient_hessian(negative_log_likelihood, beta);
        norms.push(norm(g));
        println!(
            "{steps:2}  {value:16.10}  {:14.8}  {:13.8}  {:10.3e}",
            beta[0],
            beta[1],
            norm(g)
        );
        if norm(g) < 1e-9 || steps == 50 {
            break;
        }
        let step = times(inverse(h), g);
        beta = [beta[0] - step[0], beta[1] - step[1]];
        steps += 1;
    }
    checks.check(
        norms.last().is_some_and(|&g| g < 1e-9),
        format!(
            "Newton converged in {steps} steps (‖∇ℓ‖ = {:.1e})",
            norms[norms.len() - 1]
        ),
    );
    // Quadratic convergence: each of the last ‖∇ℓ‖ within a constant of
    // the square of the one before.
    let tail: Vec<f64> = norms.iter().rev().take(3).rev().copied().collect();
    checks.check(
        tail.len() == 3 && tail[2] < 1e3 * tail[1] * tail[1],
        format!(
            "quadratic convergence: the last ‖∇ℓ‖ are {:.1e}, {:.1e}, {:.1e}",
            tail[0], tail[1], tail[2]
        ),
    );

    let (_, g, h) = value_gradient_hessian(negative_log_likelihood, beta);
    let covariance = inverse(h);
    let se = [covariance[0][0].sqrt(), covariance[1][1].sqrt()];
    println!("\nestimates (standard error from the Laplace approximation, √diag H⁻¹):");
    println!(
        "  β₀ = {:9.4} ({:.4})   published −60.72 (5.18)",
        beta[0], se[0]
    );
    println!(
        "  β₁ = {:9.4} ({:.4})   published  34.27 (2.91)",
        beta[1], se[1]
    );
    checks.check(
        (beta[0] + 60.72).abs() < 0.005 && (beta[1] - 34.27).abs() < 0.005,
        format!(
            "β = ({:.4}, {:.4}) rounds to the published (−60.72, 34.27)",
            beta[0], beta[1]
        ),
    );
    checks.check(
        (se[0] - 5.18).abs() < 0.005 && (se[1] - 2.91).abs() < 0.005,
        format!(
            "standard errors ({:.4}, {:.4}) round to the published (5.18, 2.91)",
            se[0], se[1]
        ),
    );

    let exact = closed_form_hessian(beta);
    let worst = (0..2)
        .flat_map(|i| (0..2).map(move |j| (i, j)))
        .map(|(i, j)| (h[i][j] - exact[i][j]).abs() / exact[i][j].abs())
        .fold(0.0, f64::max);
    checks.check(
        worst < 1e-12,
        format!("Dual2 Hessian = Σ nᵢpᵢ(1 − pᵢ)uᵢuᵢᵀ to a relative {worst:.1e}"),
    );
    let v = [1.0, -0.5];
    let hv = hessian_vector_product(negative_log_likelihood, beta, v);
    let want = times(h, v);
    let hv_error = norm([hv[0] - want[0], hv[1] - want[1]]) / norm(want);
    checks.check(
        hv_error < 1e-12,
        format!("hessian_vector_product = ∇²ℓ·v to a relative {hv_error:.1e}"),
    );
    checks.check(norm(g) < 1e-9, "the gradient vanishes at the estimate");

    // The LD50 and its standard error by the delta method: Var = ∇ᵀ Σ ∇.
    let dose50 = ld50(&beta);
    let d = gradient(ld50, beta);
    let closed = [-1.0 / beta[1], beta[0] / (beta[1] * beta[1])];
    let se50 = d[0] * times(covariance, d)[0] + d[1] * times(covariance, d)[1];
    let se50 = se50.sqrt();
    println!(
        "\nLD50 = {dose50:.5} log₁₀ mg/l ({:.2} mg/l), standard error {se50:.5}",
        10f64.powf(dose50)
    );
    checks.check(
        (d[0] - closed[0]).abs() <= 1e-15 * closed[0].abs()
            && (d[1] - closed[1]).abs() <= 1e-15 * closed[1].abs(),
        "∇ LD50 = (−1/β₁, β₀/β₁²) exactly",
    );

    // The fit with a pointwise 95% band: η(x) ± 1.96·√(uᵀΣu), through the
    // logistic function.
    let xs: Vec<f64> = (0..=200)
        .map(|k| 1.67 + 0.23 * f64::from(k) / 200.0)
        .collect();
    let band = |sign: f64| {
        xs.iter()
            .map(|&x| {
                let u = [1.0, x];
                let var = u[0] * times(covariance, u)[0] + u[1] * times(covariance, u)[1];
                (
                    x,
                    logistic(beta[0] + beta[1] * x + sign * 1.96 * var.sqrt()),
                )
            })
            .collect::<Vec<_>>()
    };
    let chart = Chart::new(
        "Beetle mortality (Bliss 1935): logistic fit, 95% Laplace band",
        Axis::linear("dose, log₁₀ CS₂ mg/l", 1.67, 1.90),
        Axis::linear("proportion killed", 0.0, 1.0),
    )
    .legend(Corner::UpperLeft)
    .line(
        "fit, Newton with the Dual2 Hessian",
        PALETTE[0],
        xs.iter().map(|&x| (x, logistic(beta[0] + beta[1] * x))),
    )
    .dashed("95% band (Laplace approximation)", PALETTE[2], band(1.0))
    .dashed("", PALETTE[2], band(-1.0))
    .points(
        "observed y/n",
        PALETTE[1],
        4,
        DATA.iter().map(|&(x, n, y)| (x, y / n)),
    )
    .markers("LD50", PALETTE[3], [(dose50, 0.5)]);
    write_plot(&mut checks, "dose_response", (720, 480), 1, &[chart]);

    checks.finish();
}
