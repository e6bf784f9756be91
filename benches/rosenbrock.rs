//! The cost of a `dualgrad` gradient, on the chained Rosenbrock function at
//! N = 2, 8 and 32: against one plain `f64` evaluation of the same generic
//! function, and against a hand-written analytic gradient.
//!
//! Run with `cargo bench --bench rosenbrock`.

use std::array;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use dualgrad::gradient;
use num_traits::Float;

/// The chained Rosenbrock function
/// f(x) = Σᵢ₌₀ᴺ⁻² (1 − xᵢ)² + 100 (xᵢ₊₁ − xᵢ²)², written once for any `Float`.
fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    x.windows(2).fold(S::zero(), |sum, pair| {
        let (a, b) = (pair[0], pair[1]);
        sum + (S::one() - a).powi(2) + hundred * (b - a * a).powi(2)
    })
}

/// ∂f/∂xᵢ = −2(1 − xᵢ) − 400 xᵢ (xᵢ₊₁ − xᵢ²)  [i < N − 1]
///        + 200 (xᵢ − xᵢ₋₁²)                  [i > 0], by hand.
fn rosenbrock_gradient<const N: usize>(x: &[f64; N]) -> [f64; N] {
    let mut g = [0.0; N];
    for i in 0..N.saturating_sub(1) {
        let (a, b) = (x[i], x[i + 1]);
        let inner = b - a * a;
        g[i] += -2.0 * (1.0 - a) - 400.0 * a * inner;
        g[i + 1] += 200.0 * inner;
    }
    g
}

/// The classic starting point (−1.2, 1, −1.2, 1, …), shared by all three.
fn start<const N: usize>() -> [f64; N] {
    array::from_fn(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
}

fn bench_dimension<const N: usize>(c: &mut Criterion) {
    let x = start::<N>();
    let (automatic, by_hand) = (gradient(rosenbrock, x), rosenbrock_gradient(&x));
    // The two round differently (x·x·100 against 400·x), so agree to rounding.
    let agree = automatic
        .iter()
        .zip(&by_hand)
        .all(|(a, b)| (a - b).abs() <= 1e-12 * a.abs().max(1.0));
    assert!(
        agree,
        "dualgrad {automatic:?} and the hand-written gradient {by_hand:?} disagree at N = {N}"
    );

    let mut group = c.benchmark_group(format!("rosenbrock/N={N}"));
    group.bench_function("f64", |b| b.iter(|| rosenbrock(black_box(&x))));
    group.bench_function("dualgrad::gradient", |b| {
        b.iter(|| gradient(rosenbrock, black_box(x)))
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| rosenbrock_gradient(black_box(&x)))
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_dimension::<2>, bench_dimension::<8>, bench_dimension::<32>
}
criterion_main!(benches);
