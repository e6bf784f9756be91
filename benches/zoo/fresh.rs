//! Shapes outside the zoo: functions written afresh, after the kernel was
//! tuned on the zoo, the way users write them (generic over `Float`, no
//! `#[inline]`, slice loops, constants by `from`). `zoo_check` times them
//! against the floor dual only, as a check that the speed holds on code
//! nobody tuned for; they have no num-dual versions and no targets of
//! their own.

// Index loops on purpose, as in `shapes.rs`; only `zoo_check` uses these,
// the criterion suite that shares the module does not.
#![allow(clippy::needless_range_loop, dead_code)]

use num_traits::Float;

fn k<S: Float>(v: f64) -> S {
    S::from(v).unwrap()
}

/// Logistic loss of a linear model on six fixed samples.
pub fn logistic<S: Float>(w: &[S]) -> S {
    let mut loss = S::zero();
    for s in 0..6 {
        let mut z = S::zero();
        for i in 0..w.len() {
            let xi: S = k(((s * 3 + i) as f64 * 0.71).cos());
            z = z + w[i] * xi;
        }
        let y: S = if s % 2 == 0 { S::one() } else { -S::one() };
        loss = loss + (S::one() + (-y * z).exp()).ln();
    }
    loss
}

/// A chain of springs with rest length 0.3, by `abs`.
pub fn springs<S: Float>(x: &[S]) -> S {
    let rest: S = k(0.3);
    let mut e = S::zero();
    for i in 0..x.len() {
        let next = if i + 1 < x.len() { x[i + 1] } else { k(2.0) };
        let d = (next - x[i]).abs() - rest;
        e = e + k::<S>(0.5) * d * d;
    }
    e
}

/// A Gaussian negative log-likelihood with σ = exp(p₀).
pub fn gauss_nll<S: Float>(p: &[S]) -> S {
    let sigma = p[0].exp();
    let mut nll = S::zero();
    for i in 0..p.len() {
        let d: S = k(0.1 * i as f64);
        let r = (d - p[i]) / sigma;
        nll = nll + r * r / k(2.0) + sigma.ln();
    }
    nll
}

/// Softmax cross-entropy of class 0, shifted by the `max`.
pub fn softmax_ce<S: Float>(x: &[S]) -> S {
    let mut m = x[0];
    for i in 1..x.len() {
        m = m.max(x[i]);
    }
    let mut s = S::zero();
    for i in 0..x.len() {
        s = s + (x[i] - m).exp();
    }
    m + s.ln() - x[0]
}

/// Σ (xᵢ² + 1)^1.5 by `powf` with a constant exponent.
pub fn powf_sum<S: Float>(x: &[S]) -> S {
    let e: S = k(1.5);
    let mut s = S::zero();
    for i in 0..x.len() {
        s = s + (x[i] * x[i] + S::one()).powf(e);
    }
    s
}

/// Σ max(xᵢ − 0.2, 0)².
pub fn relu2<S: Float>(x: &[S]) -> S {
    let mut s = S::zero();
    for i in 0..x.len() {
        let r = (x[i] - k(0.2)).max(S::zero());
        s = s + r * r;
    }
    s
}

/// Σ xᵢ / (1 + xᵢ²).
pub fn div_sum<S: Float>(x: &[S]) -> S {
    let mut s = S::zero();
    for i in 0..x.len() {
        s = s + x[i] / (S::one() + x[i] * x[i]);
    }
    s
}

/// Σ hypot(xᵢ, xᵢ₊₁) + √|xᵢ·xᵢ₊₁ + 1| by `mul_add`, on the cycle.
pub fn hypot_chain<S: Float>(x: &[S]) -> S {
    let mut s = S::zero();
    for i in 0..x.len() {
        let j = if i + 1 < x.len() { i + 1 } else { 0 };
        s = s + x[i].hypot(x[j]) + x[i].mul_add(x[j], S::one()).abs().sqrt();
    }
    s
}

/// The square of Σ xᵢ tⁱ at t = 0.7, by Horner's rule.
pub fn horner<S: Float>(x: &[S]) -> S {
    // p(t) = Σ xᵢ tⁱ at t = 0.7, and its square
    let t: S = k(0.7);
    let mut acc = S::zero();
    for i in (0..x.len()).rev() {
        acc = acc * t + x[i];
    }
    acc * acc
}

/// tanh of the mean plus ln √(mean of sin² + 1).
pub fn mixed<S: Float>(x: &[S]) -> S {
    let n: S = k(x.len() as f64);
    let mut s = S::zero();
    let mut q = S::zero();
    for i in 0..x.len() {
        s = s + x[i];
        q = q + x[i].sin() * x[i].sin();
    }
    (s / n).tanh() + (q / n + k(1.0)).sqrt().ln()
}

/// Chained Himmelblau terms by `powi`: Σ (xᵢ² + xᵢ₊₁ − 11)² + (xᵢ + xᵢ₊₁² − 7)²
/// over neighbours, plus 0.01·xᵢ⁴ so that N = 1 has a term.
pub fn himmelblau<S: Float>(x: &[S]) -> S {
    let (eleven, seven, small): (S, S, S) = (k(11.0), k(7.0), k(0.01));
    let mut sum = S::zero();
    for i in 0..x.len() {
        sum = sum + small * x[i].powi(4);
        if i + 1 < x.len() {
            sum = sum
                + (x[i].powi(2) + x[i + 1] - eleven).powi(2)
                + (x[i] + x[i + 1].powi(2) - seven).powi(2);
        }
    }
    sum
}
