//! Maximum-likelihood fit of a gamma distribution, with ln Γ, ψ and ψ₁
//! differentiated exactly (`dualgrad::special`).
//!
//! For a sample x₁ … xₙ and the gamma density with shape k and scale θ,
//! the negative log-likelihood is
//!
//! ```text
//! ℓ(k, θ) = Σᵢ −(k − 1)·ln xᵢ + xᵢ/θ + ln Γ(k) + k·ln θ
//! ```
//!
//! written once over `S: SpecialFloat`. Its gradient (which holds ψ(k)) and
//! Hessian (which holds ψ₁(k)) come from one evaluation on `Dual2`, and
//! Newton's method solves ∇ℓ = 0. The classical solution is checked
//! against it: θ = x̄/k eliminates θ, leaving ln k − ψ(k) = ln x̄ − mean(ln x),
//! solved by Minka's (2002, "Estimating a Gamma distribution") generalised
//! Newton iteration on plain `f64`. The standard errors are √diag(∇²ℓ)⁻¹,
//! checked against the closed-form information n·[[ψ₁(k), 1/θ], [1/θ, k/θ²]].
//!
//! The data are a generated sample (n = 400, k = 2.5, θ = 1.8, seed 15;
//! SplitMix64 and Marsaglia and Tsang's gamma sampler, both below), so the
//! true parameters are known and the fit can be checked against them.
//!
//! Run it with `cargo run --release --example gamma_fit`. It exits with
//! status 1 if any check fails, and draws the histogram with the fitted
//! density to `target/plots/gamma_fit.svg`.

mod common;

use common::plot::{Axis, Chart, Corner, PALETTE};
use common::{Checks, write_plot};
use dualgrad::special::SpecialFloat;
use dualgrad::value_gradient_hessian;

const SEED: u64 = 15;
const SIZE: usize = 400;
const TRUE_SHAPE: f64 = 2.5;
const TRUE_SCALE: f64 = 1.8;

/// SplitMix64 (Steele, Lea and Flood 2014): a small generator with a seed,
/// enough for a reproducible sample.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Standard normal, by Box and Muller.
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// Gamma(k, θ) for k ≥ 1, by Marsaglia and Tsang (2000).
    fn gamma(&mut self, k: f64, theta: f64) -> f64 {
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let z = self.normal();
            let v = (1.0 + c * z).powi(3);
            if v > 0.0 && self.uniform().ln() < 0.5 * z * z + d - d * v + d * v.ln() {
                return d * v * theta;
            }
        }
    }
}

/// The sample: SIZE draws of Gamma(TRUE_SHAPE, TRUE_SCALE) from SEED.
fn sample() -> Vec<f64> {
    let mut rng = SplitMix64(SEED);
    (0..SIZE)
        .map(|_| rng.gamma(TRUE_SHAPE, TRUE_SCALE))
        .collect()
}

/// The sufficient statistics: n, Σ xᵢ and Σ ln xᵢ.
struct Summary {
    n: f64,
    sum: f64,
    sum_ln: f64,
}

/// ℓ(k, θ) from the sufficient statistics, for any `SpecialFloat`:
/// `f64` to print it, `Dual2` for its gradient and Hessian.
fn negative_log_likelihood<S: SpecialFloat>(data: &Summary, p: &[S]) -> S {
    let (k, theta) = (p[0], p[1]);
    let c = |v: f64| S::from(v).unwrap();
    -(k - S::one()) * c(data.sum_ln)
        + c(data.sum) / theta
        + c(data.n) * (k.ln_gamma_fn() + k * theta.ln())
}

/// The classical solution: ln k − ψ(k) = s with s = ln x̄ − mean(ln x), by
/// Minka's generalised Newton iteration 1/k ← 1/k + (ln k − ψ(k) − s) /
/// (k²·(1/k − ψ₁(k))) from his closed-form start, then θ = x̄/k.
fn fixed_point(data: &Summary) -> ([f64; 2], usize) {
    let mean = data.sum / data.n;
    let s = mean.ln() - data.sum_ln / data.n;
    let mut k = (3.0 - s + ((s - 3.0).powi(2) + 24.0 * s).sqrt()) / (12.0 * s);
    let mut rounds = 0;
    for round in 1..=50 {
        let next =
            1.0 / (1.0 / k + (k.ln() - k.digamma() - s) / (k * k * (1.0 / k - k.trigamma())));
        let done = (next - k).abs() <= 1e-15 * k;
        k = next;
        rounds = round;
        if done {
            break;
        }
    }
    ([k, mean / k], rounds)
}

/// The inverse of a symmetric 2 × 2 matrix.
fn inverse(h: [[f64; 2]; 2]) -> [[f64; 2]; 2] {
    let det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
    [
        [h[1][1] / det, -h[0][1] / det],
        [-h[1][0] / det, h[0][0] / det],
    ]
}

fn main() {
    let mut checks = Checks::default();
    let xs = sample();
    let data = Summary {
        n: xs.len() as f64,
        sum: xs.iter().sum(),
        sum_ln: xs.iter().map(|x| x.ln()).sum(),
    };
    let mean = data.sum / data.n;
    let variance = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (data.n - 1.0);
    println!(
        "sample: n = {SIZE}, Gamma(k = {TRUE_SHAPE}, θ = {TRUE_SCALE}), seed {SEED}; mean {mean:.4}, variance {variance:.4}\n"
    );

    // Newton's method from the moment estimates, with the exact Hessian.
    let f = |p: &[_]| negative_log_likelihood(&data, p);
    let mut p = [mean * mean / variance, variance / mean];
    println!(" step        ℓ(k, θ)          k            θ          ‖∇ℓ‖");
    let mut steps = 0;
    let (mut value, mut g, mut h) = value_gradient_hessian(f, p);
    loop {
        let norm = g[0].hypot(g[1]);
        println!(
            "{steps:4}  {value:16.10}  {:11.8}  {:11.8}  {norm:10.3e}",
            p[0], p[1]
        );
        if norm < 1e-10 * data.n || steps == 50 {
            break;
        }
        let inv = inverse(h);
        let step = [
            inv[0][0] * g[0] + inv[0][1] * g[1],
            inv[1][0] * g[0] + inv[1][1] * g[1],
        ];
        // Halve the step until both parameters stay positive.
        let mut t = 1.0;
        while p[0] - t * step[0] <= 0.0 || p[1] - t * step[1] <= 0.0 {
            t /= 2.0;
        }
        p = [p[0] - t * step[0], p[1] - t * step[1]];
        steps += 1;
        (value, g, h) = value_gradient_hessian(f, p);
    }
    checks.check(
        g[0].hypot(g[1]) < 1e-10 * data.n && steps <= 8,
        format!("Newton with the Dual2 Hessian converged in {steps} steps"),
    );

    let (classical, rounds) = fixed_point(&data);
    println!(
        "\nclassical solution (ln k − ψ(k) = ln x̄ − mean ln x, {rounds} rounds): k = {:.10}, θ = {:.10}",
        classical[0], classical[1]
    );
    let agreement = ((p[0] - classical[0]) / classical[0])
        .abs()
        .max(((p[1] - classical[1]) / classical[1]).abs());
    checks.check(
        agreement < 1e-12,
        format!("Newton and the classical solution agree to a relative {agreement:.1e}"),
    );

    // Standard errors from the inverse Hessian (observed information).
    let covariance = inverse(h);
    let se = [covariance[0][0].sqrt(), covariance[1][1].sqrt()];
    println!("\nestimates (standard error, √diag of the inverse Hessian):");
    println!("  k = {:.5} ({:.5})   true {TRUE_SHAPE}", p[0], se[0]);
    println!("  θ = {:.5} ({:.5})   true {TRUE_SCALE}", p[1], se[1]);
    let (k, theta, n) = (p[0], p[1], data.n);
    let closed = [
        [n * k.trigamma(), n / theta],
        [n / theta, n * k / (theta * theta)],
    ];
    let worst = (0..2)
        .flat_map(|i| (0..2).map(move |j| (i, j)))
        .map(|(i, j)| ((h[i][j] - closed[i][j]) / closed[i][j]).abs())
        .fold(0.0, f64::max);
    checks.check(
        worst < 1e-10,
        format!("Dual2 Hessian = n·[[ψ₁(k), 1/θ], [1/θ, k/θ²]] to a relative {worst:.1e}"),
    );
    let z = [(p[0] - TRUE_SHAPE) / se[0], (p[1] - TRUE_SCALE) / se[1]];
    checks.check(
        z[0].abs() < 3.0 && z[1].abs() < 3.0,
        format!(
            "the true parameters lie within 3 standard errors (z = {:.2}, {:.2})",
            z[0], z[1]
        ),
    );

    // Histogram (density scale) with the fitted and the true density.
    let bins = 24;
    let top = xs.iter().copied().fold(0.0, f64::max);
    let width = top / bins as f64;
    let mut counts = vec![0.0; bins];
    for &x in &xs {
        counts[((x / width) as usize).min(bins - 1)] += 1.0;
    }
    let mut outline = vec![(0.0, 0.0)];
    for (i, c) in counts.iter().enumerate() {
        let height = c / (data.n * width);
        outline.push((i as f64 * width, height));
        outline.push(((i + 1) as f64 * width, height));
    }
    outline.push((top, 0.0));
    let density = |k: f64, theta: f64| {
        move |x: f64| ((k - 1.0) * x.ln() - x / theta - k.ln_gamma_fn() - k * theta.ln()).exp()
    };
    let grid: Vec<f64> = (1..=300).map(|i| top * f64::from(i) / 300.0).collect();
    let fitted = density(k, theta);
    let truth = density(TRUE_SHAPE, TRUE_SCALE);
    let peak = outline.iter().map(|p| p.1).fold(0.0, f64::max) * 1.1;
    let chart = Chart::new(
        "Gamma fit: Newton with the Dual2 Hessian (ψ, ψ₁ exact)",
        Axis::linear("x", 0.0, top),
        Axis::linear("density", 0.0, peak),
    )
    .legend(Corner::UpperRight)
    .thin_line(
        &format!("sample, n = {SIZE} (seed {SEED})"),
        PALETTE[1],
        outline,
    )
    .line(
        &format!("fitted: k = {k:.3}, θ = {theta:.3}"),
        PALETTE[0],
        grid.iter().map(|&x| (x, fitted(x))),
    )
    .dashed(
        &format!("true: k = {TRUE_SHAPE}, θ = {TRUE_SCALE}"),
        PALETTE[2],
        grid.iter().map(|&x| (x, truth(x))),
    );
    write_plot(&mut checks, "gamma_fit", (720, 480), 1, &[chart]);

    checks.finish();
}
