//! The benchmarked functions, written the way users write them: generic
//! over `Float`, no `#[inline]`, slice loops, constants from `S::from`.

use std::sync::LazyLock;

use num_traits::Float;

/// The largest input length any case uses.
pub const MAX_INPUTS: usize = 100;

/// The logistic regression's number of observations.
pub const SAMPLES: usize = 60;

/// Features `aₖⱼ` (row-major, [`MAX_INPUTS`] per row) and labels yₖ ∈ {0, 1}
/// of the logistic regression, fixed pseudo-random numbers.
pub static DATA: LazyLock<(Vec<f64>, Vec<f64>)> = LazyLock::new(|| {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let features = (0..SAMPLES * MAX_INPUTS)
        .map(|_| next() * 2.0 - 1.0)
        .collect();
    let labels = (0..SAMPLES)
        .map(|_| f64::from(u8::from(next() < 0.5)))
        .collect();
    (features, labels)
});

/// The chained Rosenbrock function Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
pub fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    let mut sum = S::zero();
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i + 1] - x[i] * x[i];
        let b = S::one() - x[i];
        sum = sum + hundred * a * a + b * b;
    }
    sum
}

/// The logistic regression's negative log-likelihood with a ridge penalty:
/// Σₖ ln(1 + e^zₖ) − yₖzₖ + ½λ‖w‖², zₖ = Σⱼ aₖⱼwⱼ.
pub fn logistic_loss<S: Float>(w: &[S]) -> S {
    let (features, labels) = &*DATA;
    let mut loss = S::zero();
    for (k, &y) in labels.iter().enumerate() {
        let row = &features[k * MAX_INPUTS..];
        let mut z = S::zero();
        for j in 0..w.len() {
            z = z + S::from(row[j]).unwrap() * w[j];
        }
        loss = loss + (S::one() + z.exp()).ln() - S::from(y).unwrap() * z;
    }
    let mut norm = S::zero();
    for &v in w {
        norm = norm + v * v;
    }
    loss + S::from(0.05).unwrap() * norm
}

/// Transcendental functions on every coordinate and its neighbour:
/// Σ exp(sin xᵢ · cos xᵢ₊₁) + ln(1 + xᵢ²) + atan(xᵢ·x₀).
pub fn transcendental<S: Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    for i in 0..x.len() {
        let next = x[(i + 1) % x.len()];
        sum = sum + (x[i].sin() * next.cos()).exp() + (S::one() + x[i] * x[i]).ln();
        sum = sum + (x[i] * x[0]).atan();
    }
    sum
}

/// The point of every case: coordinates spread over (−0.4, 1.0).
pub fn point(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
        .collect()
}
