//! Chunk mode as a user calls it: run-time lengths, reusable configs.

use dualgrad::Dual;
use dualgrad::chunk::{self, JacobianConfig};

/// `jacobian_with` must not return the previous call's derivatives for an
/// output that f leaves unwritten: every output starts each pass as the
/// constant 0.
#[test]
fn jacobian_with_resets_outputs_that_f_does_not_write() {
    let x = [1.0, 2.0];
    let mut config = JacobianConfig::<f64, 2>::new(2, 3);
    let mut out = [0.0; 6];
    // First f writes every output: rows (x₁, x₀), (3, 0), (0, 4).
    let every = |v: &[Dual<f64, 2>], y: &mut [Dual<f64, 2>]| {
        y[0] = v[0] * v[1];
        y[1] = v[0] * 3.0;
        y[2] = v[1] * 4.0;
    };
    chunk::jacobian_with(&mut config, every, &x, &mut out).unwrap();
    assert_eq!(out, [2.0, 1.0, 3.0, 0.0, 0.0, 4.0]);
    // Second f writes output 0 only: the other rows are the derivative of
    // the constant 0, not the first call's 3 and 4.
    let first_only = |v: &[Dual<f64, 2>], y: &mut [Dual<f64, 2>]| {
        y[0] = v[0] + v[1];
    };
    chunk::jacobian_with(&mut config, first_only, &x, &mut out).unwrap();
    assert_eq!(out, [1.0, 1.0, 0.0, 0.0, 0.0, 0.0]);
}

/// Within one call too: with a chunk of 1, f runs once per input, and an
/// output it writes only in the first pass must not carry that pass's slope
/// into the second.
#[test]
fn jacobian_with_resets_outputs_between_passes() {
    let x = [1.0, 2.0];
    let mut config = JacobianConfig::<f64, 1>::new(2, 2);
    let mut out = [0.0; 4];
    // Writes output 1 only while input 0 is the seeded one.
    let f = |v: &[Dual<f64, 1>], y: &mut [Dual<f64, 1>]| {
        y[0] = v[0] * v[1];
        if v[0].partial(0) == 1.0 {
            y[1] = v[0] * 5.0;
        }
    };
    chunk::jacobian_with(&mut config, f, &x, &mut out).unwrap();
    assert_eq!(out, [2.0, 1.0, 5.0, 0.0]);
}

fn chained<S: num_traits::Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    for i in 0..x.len() {
        let b = S::one() - x[i];
        sum = sum + b * b * S::from(i + 1).unwrap();
        if i + 1 < x.len() {
            let a = x[i + 1] - x[i] * x[i];
            sum = sum + S::from(100.0).unwrap() * a * a;
        }
    }
    sum
}

/// The width-choosing driver gives the same gradient, bit for bit, as the
/// fixed-width one at every length from 0 to 40 (widths 1 to 12, one to
/// four passes), and the same value as f on f64.
#[test]
fn gradient_of_agrees_with_the_fixed_width_driver_at_every_length() {
    let f = dualgrad::scalar_fn!(chained);
    for n in 0..=40 {
        let x: Vec<f64> = (0..n).map(|i| 0.3 + 0.7 * (i as f64 * 1.3).sin()).collect();
        let (value, g) = chunk::value_and_gradient_of(&f, &x);
        let (fixed_value, fixed) = chunk::value_and_gradient(chained, &x);
        assert_eq!(g.len(), n);
        assert_eq!(g, fixed, "n = {n}");
        assert_eq!(value.to_bits(), chained::<f64>(&x).to_bits(), "n = {n}");
        assert_eq!(value.to_bits(), fixed_value.to_bits(), "n = {n}");
    }
}

/// The width-choosing Hessian agrees with the fixed-width one at every
/// length from 0 to 30 (widths 1 to 12, one to three blocks): the value bit
/// for bit, the gradient and Hessian to rounding (an entry of a diagonal
/// block is read from either of its two mirrored lanes).
#[test]
fn hessian_of_agrees_with_the_fixed_width_driver_at_every_length() {
    let f = dualgrad::scalar_fn!(chained);
    for n in 0..=30 {
        let x: Vec<f64> = (0..n).map(|i| 0.3 + 0.7 * (i as f64 * 1.3).sin()).collect();
        let (value, g, h) = chunk::value_gradient_hessian_of(&f, &x);
        let (fixed_value, fixed_g, fixed_h) = chunk::value_gradient_hessian(chained, &x);
        assert_eq!(value.to_bits(), chained::<f64>(&x).to_bits(), "n = {n}");
        assert_eq!(value.to_bits(), fixed_value.to_bits(), "n = {n}");
        assert_eq!((g.len(), h.len()), (n, n));
        for i in 0..n {
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-13 * b.abs().max(1.0);
            assert!(close(g[i], fixed_g[i]), "n = {n}, gradient entry {i}");
            for j in 0..n {
                assert!(close(h[i][j], fixed_h[i][j]), "n = {n}, entry ({i}, {j})");
                assert_eq!(
                    h[i][j].to_bits(),
                    h[j][i].to_bits(),
                    "n = {n}: not symmetric"
                );
            }
        }
        assert_eq!(chunk::hessian_of(&f, &x), h);
    }
}

/// A struct carrying data, differentiated with the width the length needs.
#[test]
fn gradient_of_a_struct_with_data_matches_the_closed_form() {
    struct Weighted(Vec<f64>);
    impl dualgrad::ScalarFn for Weighted {
        fn eval<S: num_traits::Float>(&self, x: &[S]) -> S {
            x.iter()
                .zip(&self.0)
                .fold(S::zero(), |s, (&v, &w)| s + S::from(w).unwrap() * v * v)
        }
    }
    let w: Vec<f64> = (0..25).map(|i| i as f64).collect();
    let x: Vec<f64> = (0..25).map(|i| 1.0 - i as f64 / 10.0).collect();
    let g = chunk::gradient_of(&Weighted(w.clone()), &x);
    let expected: Vec<f64> = w.iter().zip(&x).map(|(w, x)| 2.0 * w * x).collect();
    assert_eq!(g, expected);
}

/// The configs report their size and the number of evaluations of f they
/// will make: ⌈n / C⌉ for a gradient, b(b + 1)/2 pairs of b blocks for a
/// Hessian.
#[test]
fn configs_report_their_length_and_passes() {
    use dualgrad::chunk::{GradientConfig, HessianConfig};
    for n in [0usize, 1, 4, 5, 12, 13, 100] {
        let g = GradientConfig::<f64, 4>::new(n);
        assert_eq!(
            (g.len(), g.is_empty(), g.passes()),
            (n, n == 0, n.div_ceil(4))
        );
        let h = HessianConfig::<f64, 4>::new(n);
        let b = n.div_ceil(4);
        assert_eq!(
            (h.len(), h.is_empty(), h.passes()),
            (n, n == 0, b * (b + 1) / 2)
        );
    }
    // Counted, not just computed: f is called exactly `passes()` times.
    let calls = std::cell::Cell::new(0);
    let x = [1.0; 9];
    let mut config = HessianConfig::<f64, 4>::new(9);
    let (mut g, mut h) = ([0.0; 9], [0.0; 81]);
    chunk::hessian_with(
        &mut config,
        |v| {
            calls.set(calls.get() + 1);
            v[0] * v[8]
        },
        &x,
        &mut g,
        &mut h,
    )
    .unwrap();
    assert_eq!(calls.get(), config.passes());
    assert_eq!((h[8], h[72]), (1.0, 1.0));
}
