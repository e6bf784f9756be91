//! The chained Rosenbrock function in n = 100 dimensions, minimised by
//! argmin's L-BFGS twice: with dualgrad's exact gradient
//! ([`dualgrad::argmin::ScalarProblem`]) and with the `finitediff` crate's
//! central differences, the usual way to get an argmin gradient without
//! writing one. Each run is timed several times; the table gives the
//! medians and their ratio.
//!
//! Then a solver that uses the Hessian: argmin's trust-region method with
//! the Steihaug (truncated conjugate gradient) subproblem, the Hessian from
//! the same `ScalarProblem`. From the classic start it converges to the
//! chained function's other local minimum (f ≈ 3.99 near x₀ = −1; the
//! function has it for n ≥ 4), which the example checks and says. argmin's
//! `Newton` and `Dogleg` need a matrix inverse that argmin-math's `Vec`
//! backend does not have; Newton-CG runs but creeps on this problem (as it
//! does with a hand-written Hessian, see `tests/it/argmin.rs`).
//!
//! Run it with `cargo run --release --features argmin --example argmin_lbfgs`.
//! It exits with status 1 unless both L-BFGS runs converge to the minimum
//! x* = 1 and the trust region to the local minimum.

mod common;

use std::time::{Duration, Instant};

use argmin::core::{CostFunction, Error, Executor, Gradient, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use argmin::solver::trustregion::{Steihaug, TrustRegion};
use common::Checks;
use dualgrad::argmin::ScalarProblem;
use dualgrad::{ScalarFn, scalar_fn};
use num_traits::Float;

/// The chained Rosenbrock function Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², minimum
/// 0 at x = (1, …, 1).
fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    x.windows(2)
        .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
        .fold(S::zero(), |a, b| a + b)
}

const N: usize = 100;

/// The classic start (−1.2, 1, −1.2, 1, …).
fn start() -> Vec<f64> {
    (0..N)
        .map(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
        .collect()
}

/// The same problem for argmin with the gradient from `finitediff`'s central
/// differences: 2n evaluations of f per gradient, each entry
/// (f(x + hεᵢ) − f(x − hεᵢ)) / 2h.
struct CentralDifferences;

impl CostFunction for CentralDifferences {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, x: &Vec<f64>) -> Result<f64, Error> {
        Ok(rosenbrock(x))
    }
}

impl Gradient for CentralDifferences {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;
    fn gradient(&self, x: &Vec<f64>) -> Result<Vec<f64>, Error> {
        finitediff::vec::central_diff(&|x: &Vec<f64>| Ok(rosenbrock(x)))(x)
    }
}

/// What one solver run reached.
struct Run {
    iterations: u64,
    value: f64,
    gradient_norm: f64,
    /// argmin's count of gradient (and Hessian) evaluations.
    counts: String,
    best: Vec<f64>,
    time: Duration,
}

/// ‖∇f(x)‖, from dualgrad whichever gradient the solver used, so that both
/// runs are judged the same way.
fn exact_gradient_norm(x: &[f64]) -> f64 {
    let g = dualgrad::chunk::gradient_of(&scalar_fn!(rosenbrock), x);
    g.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// L-BFGS (memory 7, Moré–Thuente line search) from [`start`].
fn lbfgs<P>(problem: P) -> Result<Run, Error>
where
    P: CostFunction<Param = Vec<f64>, Output = f64>
        + Gradient<Param = Vec<f64>, Gradient = Vec<f64>>,
{
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7).with_tolerance_grad(1e-6)?;
    let began = Instant::now();
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(start()).max_iters(2_000).counting(true))
        .run()?;
    let time = began.elapsed();
    summarise(result.state(), time)
}

/// The trust-region method with the Steihaug subproblem from [`start`],
/// 500 iterations.
fn trust_region_steihaug() -> Result<Run, Error> {
    let problem = ScalarProblem::new(scalar_fn!(rosenbrock), N);
    let subproblem = Steihaug::new().with_max_iters(N as u64);
    let began = Instant::now();
    // argmin's trust region has no stopping test of its own: it runs to
    // max_iters, and converges here within about 400.
    let result = Executor::new(problem, TrustRegion::new(subproblem))
        .configure(|state| state.param(start()).max_iters(500).counting(true))
        .run()?;
    let time = began.elapsed();
    summarise(result.state(), time)
}

fn summarise<S: State<Param = Vec<f64>, Float = f64>>(
    state: &S,
    time: Duration,
) -> Result<Run, Error> {
    let best = state
        .get_best_param()
        .ok_or_else(|| Error::msg("no best parameter"))?
        .clone();
    let mut counts: Vec<_> = state
        .get_func_counts()
        .iter()
        .filter(|(name, _)| name.contains("gradient") || name.contains("hessian"))
        .map(|(name, count)| format!("{count} {}", name.trim_end_matches("_count")))
        .collect();
    counts.sort();
    Ok(Run {
        iterations: state.get_iter(),
        value: rosenbrock(&best),
        gradient_norm: exact_gradient_norm(&best),
        counts: counts.join(", "),
        best,
        time,
    })
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The largest |xᵢ − 1|.
fn distance_from_minimum(x: &[f64]) -> f64 {
    x.iter().map(|v| (v - 1.0).abs()).fold(0.0, f64::max)
}

fn main() -> Result<(), Error> {
    // A debug build is some 30× slower; three timings still give a median.
    let repeats = if cfg!(debug_assertions) { 3 } else { 9 };
    let mut ad_times = Vec::new();
    let mut fd_times = Vec::new();
    let (mut ad, mut fd) = (None, None);
    // Alternating, so that a slow spell on a shared machine hits both.
    for _ in 0..repeats {
        let run = lbfgs(ScalarProblem::new(scalar_fn!(rosenbrock), N))?;
        ad_times.push(run.time);
        ad = Some(run);
        let run = lbfgs(CentralDifferences)?;
        fd_times.push(run.time);
        fd = Some(run);
    }
    let (ad, fd) = (ad.expect("repeats > 0"), fd.expect("repeats > 0"));
    let (ad_median, fd_median) = (median(ad_times), median(fd_times));
    let tr = trust_region_steihaug()?;

    println!("Chained Rosenbrock, n = {N}, from (−1.2, 1, −1.2, 1, …); f(x*) = 0 at x* = 1.\n");
    println!(
        "{:<38} {:>6} {:>10} {:>10} {:>22} {:>12}",
        "solver, derivatives", "iters", "f", "‖∇f‖", "evaluations", "median time"
    );
    let row = |name: &str, run: &Run, time: Duration| {
        println!(
            "{:<38} {:>6} {:>10.2e} {:>10.2e} {:>22} {:>9.2} ms",
            name,
            run.iterations,
            run.value,
            run.gradient_norm,
            run.counts,
            time.as_secs_f64() * 1e3,
        );
    };
    row("L-BFGS, dualgrad gradient", &ad, ad_median);
    row("L-BFGS, finitediff central differences", &fd, fd_median);
    row("trust region (Steihaug), dualgrad ∇²f", &tr, tr.time);
    let ratio = fd_median.as_secs_f64() / ad_median.as_secs_f64();
    if cfg!(debug_assertions) {
        println!("\n(A debug build: the times say nothing about speed; run with --release.)");
    }
    println!(
        "\nL-BFGS wall time, median of {repeats}: finitediff / dualgrad = {ratio:.1}× \
         (per gradient: 2n = {} evaluations of f on f64 against ⌈n/12⌉ = {} on Dual<f64, 12>)",
        2 * N,
        N.div_ceil(dualgrad::chunk::DEFAULT_CHUNK),
    );
    println!(
        "The Hessian-based argmin solver: TrustRegion with Steihaug, {} iterations (it has no \
         stopping test of its own); a Hessian is {} evaluations of f on Dual2 (pairs of blocks of 5 inputs).\n\
         From this start it reaches the chained function's other local minimum, \
         f = {:.4} at x₀ = {:.4} (x₁.. ≈ 1), where L-BFGS reached the global one.",
        tr.iterations,
        {
            let b = N.div_ceil(5);
            if N <= 12 { 1 } else { b * (b - 1) / 2 }
        },
        tr.value,
        tr.best[0],
    );

    let mut checks = Checks::default();
    for (name, run, tolerance) in [
        ("L-BFGS with dualgrad", &ad, 1e-6),
        ("L-BFGS with finitediff", &fd, 1e-4),
    ] {
        let distance = distance_from_minimum(&run.best);
        checks.check(
            distance < tolerance && run.gradient_norm < 1e-5,
            format!(
                "{name} converges to x* = 1: max |xᵢ − 1| = {distance:.1e} < {tolerance:.0e}, \
                 ‖∇f‖ = {:.1e} < 1e-5",
                run.gradient_norm
            ),
        );
    }
    let other_minimum =
        distance_from_minimum(&tr.best[1..]) < 0.1 && (tr.best[0] + 1.0).abs() < 0.1;
    checks.check(
        tr.gradient_norm < 1e-8 && other_minimum && (tr.value - 3.99).abs() < 0.01,
        format!(
            "trust region with dualgrad's Hessian converges to the local minimum near \
             (−1, 1, …, 1): ‖∇f‖ = {:.1e} < 1e-8, f = {:.4}",
            tr.gradient_norm, tr.value
        ),
    );
    checks.check(
        rosenbrock(&[1.0; N]) == 0.0 && scalar_fn!(rosenbrock).eval(&[1.0; N]) == 0.0,
        "f(1, …, 1) = 0",
    );
    checks.finish();
    Ok(())
}
