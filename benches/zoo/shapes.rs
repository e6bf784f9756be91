//! The shape zoo: functions written the way users write them. Generic over
//! `Float`, no `#[inline]`, loops over `0..x.len()`, constants from
//! `S::from(..)`, products written out (`h * a * a`), one helper taking
//! `&mut` accumulators. The same code runs on f64, dualgrad's `Dual` and the
//! floor dual; `num_dual_shapes.rs` has the same operations on num-dual's
//! `DualNum` (num-dual has no `Float`).

// Index loops on purpose: that is how the users the zoo stands for write them.
#![allow(clippy::needless_range_loop)]

use num_traits::Float;

fn c<S: Float>(v: f64) -> S {
    S::from(v).unwrap()
}

/// Chained Rosenbrock, Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², written with products.
pub fn rosenbrock<S: Float>(x: &[S]) -> S {
    let h: S = c(100.0);
    let mut sum = S::zero();
    for i in 0..x.len() {
        let b = S::one() - x[i];
        sum = sum + b * b;
        if i + 1 < x.len() {
            let a = x[i + 1] - x[i] * x[i];
            sum = sum + h * a * a;
        }
    }
    sum
}

/// A quartic polynomial of the mean m = Σxᵢ/n.
pub fn poly_mean<S: Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    for i in 0..x.len() {
        sum = sum + x[i];
    }
    let m = sum / c(x.len() as f64);
    c::<S>(1.0) + c::<S>(2.0) * m - c::<S>(3.0) * m * m + c::<S>(0.5) * m * m * m + m * m * m * m
}

/// Products of neighbours: Σ xᵢxᵢ₊₁ + 0.5·xᵢ².
pub fn neighbours<S: Float>(x: &[S]) -> S {
    let half: S = c(0.5);
    let mut sum = S::zero();
    for i in 0..x.len() {
        sum = sum + half * x[i] * x[i];
        if i + 1 < x.len() {
            sum = sum + x[i] * x[i + 1];
        }
    }
    sum
}

/// A rational function on the cycle: Σ (xᵢ − xⱼ)/(1 + xᵢ² + xⱼ²), j = i + 1 mod n.
pub fn rational<S: Float>(x: &[S]) -> S {
    let n = x.len();
    let mut sum = S::zero();
    for i in 0..n {
        let j = (i + 1) % n;
        sum = sum + (x[i] - x[j]) / (S::one() + x[i] * x[i] + x[j] * x[j]);
    }
    sum
}

/// A soft pair potential: Σᵢ<ⱼ 1/√(1 + (xᵢ − xⱼ)²).
pub fn pair_potential<S: Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let d = x[i] - x[j];
            sum = sum + S::one() / (S::one() + d * d).sqrt();
        }
    }
    sum
}

/// Euclidean norm plus a log barrier: √(Σxᵢ²) − Σ ln(2 + xᵢ).
pub fn norm_log<S: Float>(x: &[S]) -> S {
    let two: S = c(2.0);
    let mut squares = S::zero();
    let mut logs = S::zero();
    for i in 0..x.len() {
        squares = squares + x[i] * x[i];
        logs = logs + (two + x[i]).ln();
    }
    squares.sqrt() - logs
}

/// log Σ exp(1.5·xᵢ).
pub fn log_sum_exp<S: Float>(x: &[S]) -> S {
    let k: S = c(1.5);
    let mut sum = S::zero();
    for i in 0..x.len() {
        sum = sum + (k * x[i]).exp();
    }
    sum.ln()
}

/// Σₖ tanh(Σᵢ wₖᵢxᵢ + bₖ), four units, weights from a formula.
pub fn tanh_layer<S: Float>(x: &[S]) -> S {
    let mut out = S::zero();
    for k in 0..4 {
        let mut z: S = c(0.1 * k as f64 - 0.15);
        for i in 0..x.len() {
            let w: S = c(0.5 * ((k * 7 + i) as f64 * 0.37).sin());
            z = z + w * x[i];
        }
        out = out + z.tanh();
    }
    out
}

/// Σ sin xᵢ · cos xᵢ₊₁ on the cycle.
pub fn trig<S: Float>(x: &[S]) -> S {
    let n = x.len();
    let mut sum = S::zero();
    for i in 0..n {
        sum = sum + x[i].sin() * x[(i + 1) % n].cos();
    }
    sum
}

/// Adds `v` to a running sum and sum of squares: the helper of [`variance`].
fn accumulate<S: Float>(v: S, sum: &mut S, squares: &mut S) {
    *sum = *sum + v;
    *squares = *squares + v * v;
}

/// The variance of the xᵢ plus their mean, through a helper with `&mut`
/// accumulators.
pub fn variance<S: Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    let mut squares = S::zero();
    for i in 0..x.len() {
        accumulate(x[i], &mut sum, &mut squares);
    }
    let n: S = c(x.len() as f64);
    let mean = sum / n;
    squares / n - mean * mean + mean
}

/// A hinge loss with an absolute-value penalty, by comparisons:
/// Σ max(0, 1 − yᵢxᵢ) + 0.1·|xᵢ − 0.5|, yᵢ = ±1 alternating.
pub fn hinge<S: Float>(x: &[S]) -> S {
    let tenth: S = c(0.1);
    let half: S = c(0.5);
    let mut sum = S::zero();
    for i in 0..x.len() {
        let y: S = if i % 2 == 0 { S::one() } else { -S::one() };
        sum = sum + (S::one() - y * x[i]).max(S::zero()) + tenth * (x[i] - half).abs();
    }
    sum
}

/// Ackley: 20 + e − 20·exp(−0.2·√(Σxᵢ²/n)) − exp(Σcos(2πxᵢ)/n).
pub fn ackley<S: Float>(x: &[S]) -> S {
    let n: S = c(x.len() as f64);
    let tau: S = c(std::f64::consts::TAU);
    let twenty: S = c(20.0);
    let fifth: S = c(0.2);
    let mut squares = S::zero();
    let mut cosines = S::zero();
    for i in 0..x.len() {
        squares = squares + x[i] * x[i];
        cosines = cosines + (tau * x[i]).cos();
    }
    twenty + c(std::f64::consts::E)
        - twenty * (-fifth * (squares / n).sqrt()).exp()
        - (cosines / n).exp()
}

/// The gradient of [`rosenbrock`] by hand, as a user would write it.
pub fn rosenbrock_gradient<const N: usize>(x: &[f64; N]) -> [f64; N] {
    let mut g = [0.0; N];
    for i in 0..N {
        g[i] -= 2.0 * (1.0 - x[i]);
        if i + 1 < N {
            let a = x[i + 1] - x[i] * x[i];
            g[i] -= 400.0 * x[i] * a;
            g[i + 1] += 200.0 * a;
        }
    }
    g
}

/// The first four moments of an affine transform, vᵢ·0.7 + 0.1, from
/// accumulators started at zero: many constants meet duals.
pub fn moments<S: Float>(x: &[S]) -> S {
    let (scale, shift): (S, S) = (c(0.7), c(0.1));
    let mut m = [S::zero(); 4];
    for i in 0..x.len() {
        let t = x[i] * scale + shift;
        let mut power = t;
        for k in 0..4 {
            m[k] = m[k] + power;
            power = power * t;
        }
    }
    let n: S = c(x.len() as f64);
    let mean = m[0] / n;
    m[1] / n - mean * mean + c::<S>(0.25) * m[2] / n - c::<S>(0.125) * m[3] / n
}

/// A quadratic form ½ xᵀAx + bᵀx with A and b from formulas, every entry a
/// constant dual.
pub fn quadform<S: Float>(x: &[S]) -> S {
    let n = x.len();
    let mut sum = S::zero();
    for i in 0..n {
        let mut row = S::zero();
        for j in 0..n {
            let a: S = c(1.0 / (1.0 + (i as f64 - j as f64).abs()));
            row = row + a * x[j];
        }
        let b: S = c(0.1 * i as f64 - 0.3);
        sum = sum + c::<S>(0.5) * x[i] * row + b * x[i];
    }
    sum
}

/// A Gaussian negative log-likelihood of the xᵢ as means of fixed data
/// yᵢ, with one shared σ = 0.8: Σ (yᵢ − xᵢ)²/(2σ²) + n·ln σ.
pub fn gauss_loglik<S: Float>(x: &[S]) -> S {
    let sigma: S = c(0.8);
    let two: S = c(2.0);
    let mut sum = S::zero();
    for i in 0..x.len() {
        let y: S = c((i as f64 * 0.9).cos());
        let r = y - x[i];
        sum = sum + r * r / (two * sigma * sigma);
    }
    sum + c::<S>(x.len() as f64) * sigma.ln()
}

/// A Lennard-Jones-like energy of points on a line at positions i + xᵢ:
/// Σᵢ<ⱼ 4ε((σ/r)¹² − (σ/r)⁶), constants ε = 0.3 and σ = 0.9.
pub fn lj_pairs<S: Float>(x: &[S]) -> S {
    let epsilon: S = c(0.3);
    let sigma: S = c(0.9);
    let four: S = c(4.0);
    let mut sum = S::zero();
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let r = c::<S>((j - i) as f64) + x[j] - x[i];
            let s2 = (sigma / r) * (sigma / r);
            let s6 = s2 * s2 * s2;
            sum = sum + four * epsilon * (s6 * s6 - s6);
        }
    }
    sum
}
