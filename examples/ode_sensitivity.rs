//! Parameter sensitivities of an ODE solution in one run: the Lotka–Volterra
//! predator–prey model
//!
//! ```text
//! x′ = αx − βxy      (prey)
//! y′ = δxy − γy      (predators)
//! ```
//!
//! integrated by a fixed-step fourth-order Runge–Kutta scheme written once
//! over `Float`. Run on `Dual<f64, 4>` parameters, the same integrator
//! carries ∂x(t)/∂p and ∂y(t)/∂p for all four parameters p = (α, β, δ, γ)
//! along the whole trajectory — the exact derivatives of the discrete
//! solution. They are compared with central finite differences of the whole
//! simulation (two more runs per parameter).
//!
//! Run it with `cargo run --release --example ode_sensitivity`. It exits with
//! status 1 if the two disagree by more than 1e-6 relative.

mod common;

use std::array;

use common::plot::{Axis, Chart, Corner, GREY, PALETTE};
use common::{Checks, write_plot};
use dualgrad::gradcheck::{Scheme, numeric_jacobian};
use dualgrad::{Dual, jacobian};
use num_traits::Float;

/// α, β, δ, γ: prey growth, predation, predator growth per prey, predator death.
const PARAMETERS: [f64; 4] = [1.1, 0.4, 0.1, 0.4];
const NAMES: [&str; 4] = ["α", "β", "δ", "γ"];
/// Prey and predators at t = 0.
const INITIAL: [f64; 2] = [6.0, 4.0];
const STEP: f64 = 0.01;
const STEPS: usize = 3_000;
/// How far AD and finite differences may differ, relative to the largest
/// value of each sensitivity curve.
const AGREEMENT: f64 = 1e-6;

/// The right-hand side of the Lotka–Volterra equations.
fn lotka_volterra<S: Float>(p: &[S], u: &[S; 2]) -> [S; 2] {
    let [x, y] = *u;
    [p[0] * x - p[1] * x * y, p[2] * x * y - p[3] * y]
}

/// One classical Runge–Kutta step of u′ = f(u).
fn rk4_step<S: Float, const D: usize>(f: impl Fn(&[S; D]) -> [S; D], u: &[S; D], h: S) -> [S; D] {
    let two = S::one() + S::one();
    let shifted = |k: &[S; D], scale: S| array::from_fn(|i| u[i] + scale * k[i]);
    let k1 = f(u);
    let k2 = f(&shifted(&k1, h / two));
    let k3 = f(&shifted(&k2, h / two));
    let k4 = f(&shifted(&k3, h));
    let six = two + two + two;
    array::from_fn(|i| u[i] + h / six * (k1[i] + two * (k2[i] + k3[i]) + k4[i]))
}

/// The whole trajectory u(0), u(h), …, u(STEPS·h) for parameters `p`.
fn simulate<S: Float>(p: &[S]) -> Vec<[S; 2]> {
    let h = S::from(STEP).unwrap();
    let mut u = INITIAL.map(|v| S::from(v).unwrap());
    let mut trajectory = vec![u];
    for _ in 0..STEPS {
        u = rk4_step(|u| lotka_volterra(p, u), &u, h);
        trajectory.push(u);
    }
    trajectory
}

/// ∂u_c(t_k)/∂p_i, indexed [k][c][i].
type Sensitivities = Vec<[[f64; 4]; 2]>;

fn main() {
    println!("Lotka–Volterra, x′ = αx − βxy, y′ = δxy − γy, from (x, y) = {INITIAL:?},");
    println!(
        "(α, β, δ, γ) = {PARAMETERS:?}, RK4 with h = {STEP} for {STEPS} steps (t = 0 … {}).",
        STEP * STEPS as f64
    );

    // One run on dual numbers: every parameter seeded with its own partial.
    let seeded: [Dual<f64, 4>; 4] = array::from_fn(|i| Dual::variable(PARAMETERS[i], i));
    let dual_run = simulate(&seeded);
    let trajectory: Vec<[f64; 2]> = dual_run.iter().map(|u| u.map(|v| v.value())).collect();
    let ad: Sensitivities = dual_run.iter().map(|u| u.map(|v| *v.partials())).collect();

    // Finite differences of the whole simulation, all outputs at once.
    let differences = numeric_jacobian(|p| simulate(p).concat(), &PARAMETERS, Scheme::Central);
    let fd: Sensitivities = (0..=STEPS)
        .map(|k| array::from_fn(|c| array::from_fn(|i| differences[2 * k + c][i])))
        .collect();

    let mut checks = Checks::default();
    print_final_state(&trajectory, &ad, &fd);
    compare(&mut checks, &ad, &fd);

    // The jacobian driver gives the final state's row of the same numbers.
    let at_end = jacobian(|p| simulate(p)[STEPS], PARAMETERS);
    checks.check(
        at_end == ad[STEPS],
        "dualgrad::jacobian of the final state equals the dual run's last partials, bit for bit",
    );
    write_plot(
        &mut checks,
        "ode_sensitivity",
        (520, 440),
        3,
        &charts(&trajectory, &ad, &fd),
    );
    checks.finish();
}

fn print_final_state(trajectory: &[[f64; 2]], ad: &Sensitivities, fd: &Sensitivities) {
    let t = STEP * STEPS as f64;
    println!("\nAt t = {t}:");
    for (c, name) in ["x (prey)", "y (predators)"].iter().enumerate() {
        println!("  {name} = {:.10}", trajectory[STEPS][c]);
        println!(
            "    {:<8} {:>22} {:>22}",
            "", "dual numbers", "central difference"
        );
        for i in 0..4 {
            println!(
                "    ∂/∂{:<5} {:>22.14e} {:>22.14e}",
                NAMES[i], ad[STEPS][c][i], fd[STEPS][c][i]
            );
        }
    }
}

/// For each sensitivity curve, max over t of |AD − FD| / max over t of |AD|.
fn compare(checks: &mut Checks, ad: &Sensitivities, fd: &Sensitivities) {
    println!("\nAgreement over the whole trajectory, max |AD − FD| / max |AD| per curve:");
    println!(
        "  {:<14} {:>10} {:>10} {:>10} {:>10}",
        "", "∂/∂α", "∂/∂β", "∂/∂δ", "∂/∂γ"
    );
    let mut worst: f64 = 0.0;
    for (c, name) in ["x (prey)", "y (predators)"].iter().enumerate() {
        let errors: [f64; 4] = array::from_fn(|i| {
            let scale = ad.iter().map(|s| s[c][i].abs()).fold(0.0, f64::max);
            let difference = ad
                .iter()
                .zip(fd)
                .map(|(a, f)| (a[c][i] - f[c][i]).abs())
                .fold(0.0, f64::max);
            difference / scale
        });
        worst = errors
            .iter()
            .copied()
            .fold(worst, |w, e| if e.is_nan() { e } else { w.max(e) });
        println!(
            "  {name:<14} {:>10.1e} {:>10.1e} {:>10.1e} {:>10.1e}",
            errors[0], errors[1], errors[2], errors[3]
        );
    }
    checks.check(
        worst <= AGREEMENT,
        format!(
            "dual-number sensitivities agree with central differences of the whole simulation to {worst:.1e} (≤ {AGREEMENT:e}) relative"
        ),
    );
}

/// The trajectory, and the relative sensitivities pᵢ·∂u/∂pᵢ (the change of u
/// per relative change of pᵢ, so that the four curves share a scale), AD as
/// lines and finite differences as dots.
/// Every fifth step is plenty for a smooth line on screen.
const DRAW_EVERY: usize = 5;

fn charts(trajectory: &[[f64; 2]], ad: &Sensitivities, fd: &Sensitivities) -> Vec<Chart> {
    let time = |k: usize| k as f64 * STEP;
    let end = time(STEPS);
    let mut charts = vec![
        Chart::new(
            "Lotka–Volterra populations (RK4)",
            Axis::linear("t", 0.0, end),
            Axis::linear("population", 0.0, 10.0),
        )
        .legend(Corner::UpperRight)
        .line(
            "prey x",
            PALETTE[0],
            trajectory
                .iter()
                .enumerate()
                .step_by(DRAW_EVERY)
                .map(|(k, u)| (time(k), u[0])),
        )
        .line(
            "predators y",
            PALETTE[1],
            trajectory
                .iter()
                .enumerate()
                .step_by(DRAW_EVERY)
                .map(|(k, u)| (time(k), u[1])),
        ),
    ];
    for (c, name) in ["prey", "predators"].iter().enumerate() {
        let largest = ad
            .iter()
            .flat_map(|s| (0..4).map(move |i| (PARAMETERS[i] * s[c][i]).abs()))
            .fold(0.0, f64::max);
        let bound = (largest * 1.1 / 10.0).ceil() * 10.0;
        let mut chart = Chart::new(
            &format!("sensitivities of the {name}, pᵢ·∂/∂pᵢ"),
            Axis::linear("t", 0.0, end),
            Axis::linear("pᵢ·∂u/∂pᵢ", -bound, bound),
        )
        .legend(Corner::LowerLeft);
        for i in 0..4 {
            let scaled = |s: &[[f64; 4]; 2]| PARAMETERS[i] * s[c][i];
            chart = chart
                .line(
                    &format!("∂/∂{} (dual numbers)", NAMES[i]),
                    PALETTE[i],
                    ad.iter()
                        .enumerate()
                        .step_by(DRAW_EVERY)
                        .map(|(k, s)| (time(k), scaled(s))),
                )
                .points(
                    "",
                    PALETTE[i],
                    3,
                    fd.iter()
                        .enumerate()
                        .step_by(60)
                        .map(|(k, s)| (time(k), scaled(s))),
                );
        }
        charts.push(chart.points("finite differences", GREY, 2, []));
    }
    charts
}
