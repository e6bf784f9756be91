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
        // Up to 4 inputs in one pass, else one per pair of blocks of 2.
        let h = HessianConfig::<f64, 4>::new(n);
        let b = n.div_ceil(2);
        let passes = if n <= 4 { 1 } else { b * (b - 1) / 2 };
        assert_eq!((h.len(), h.is_empty(), h.passes()), (n, n == 0, passes));
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

/// A dense coupling with a closed-form Hessian:
/// f(x) = Σᵢ (i + 1)·xᵢ³ + (Σᵢ xᵢ)²·e^(x₀), and 7 for no inputs.
fn dense<S: num_traits::Float>(x: &[S]) -> S {
    let mut cubes = S::zero();
    let mut sum = S::zero();
    for (i, &v) in x.iter().enumerate() {
        cubes = cubes + S::from(i + 1).unwrap() * v * v * v;
        sum = sum + v;
    }
    match x.first() {
        Some(&first) => cubes + sum * sum * first.exp(),
        None => S::from(7.0).unwrap(),
    }
}

/// The Hessian of [`dense`] by hand: with s = Σxᵢ and E = e^(x₀),
/// ∂²/∂xᵢ∂xⱼ (s²E) = 2E + [i = 0]·2sE + [j = 0]·2sE + [i = j = 0]·s²E,
/// plus 6(i + 1)xᵢ on the diagonal.
fn dense_hessian(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let s: f64 = x.iter().sum();
    let e = x[0].exp();
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let mut h = 2.0 * e;
                    if i == 0 {
                        h += 2.0 * s * e;
                    }
                    if j == 0 {
                        h += 2.0 * s * e;
                    }
                    if i == 0 && j == 0 {
                        h += s * s * e;
                    }
                    if i == j {
                        h += 6.0 * (i + 1) as f64 * x[i];
                    }
                    h
                })
                .collect()
        })
        .collect()
}

fn assert_rows_close(found: &[Vec<f64>], expected: &[Vec<f64>], tolerance: f64, what: &str) {
    assert_eq!(found.len(), expected.len(), "{what}: rows");
    for (i, (a, b)) in found.iter().zip(expected).enumerate() {
        assert_eq!(a.len(), b.len(), "{what}: row {i}");
        for (j, (&a, &b)) in a.iter().zip(b).enumerate() {
            assert!(
                (a - b).abs() <= tolerance * b.abs().max(1.0),
                "{what}, entry ({i}, {j}): {a} vs {b}"
            );
        }
    }
}

/// Every run-time Hessian against the closed form, at lengths that fill no
/// whole number of blocks (n = 1, 7, 13, 23, 41), so that blocks of
/// different lengths meet in one pass.
#[test]
fn run_time_hessians_match_the_closed_form_at_awkward_lengths() {
    use dualgrad::chunk::HessianConfig;
    let f = dualgrad::scalar_fn!(dense);
    for n in [1usize, 2, 7, 13, 23, 41] {
        let x: Vec<f64> = (0..n).map(|i| 0.2 + 0.5 * (i as f64 * 0.9).cos()).collect();
        let want = dense_hessian(&x);
        let what = |driver: &str| format!("{driver}, n = {n}");
        assert_rows_close(
            &chunk::hessian_of(&f, &x),
            &want,
            1e-13,
            &what("hessian_of"),
        );
        assert_rows_close(&chunk::hessian(dense, &x), &want, 1e-13, &what("hessian"));
        // Width 4: blocks of 2, one pass per pair, a block of 1 at odd n.
        let mut config = HessianConfig::<f64, 4>::new(n);
        let (mut g, mut h) = (vec![0.0; n], vec![0.0; n * n]);
        let value = chunk::hessian_with(&mut config, dense, &x, &mut g, &mut h).unwrap();
        assert_eq!(value.to_bits(), dense::<f64>(&x).to_bits());
        let rows: Vec<Vec<f64>> = h.chunks(n).map(<[f64]>::to_vec).collect();
        assert_rows_close(&rows, &want, 1e-13, &what("hessian_with, C = 4"));
        // Odd width 5: blocks of 2, one slot unused in every pair pass.
        let mut odd = HessianConfig::<f64, 5>::new(n);
        chunk::hessian_with(&mut odd, dense, &x, &mut g, &mut h).unwrap();
        let rows: Vec<Vec<f64>> = h.chunks(n).map(<[f64]>::to_vec).collect();
        assert_rows_close(&rows, &want, 1e-13, &what("hessian_with, C = 5"));
    }
}

/// No inputs: f is called once for its value, and the derivatives are
/// empty.
#[test]
fn run_time_hessians_of_no_inputs_are_empty() {
    let f = dualgrad::scalar_fn!(dense);
    let empty: &[f64] = &[];
    assert_eq!(
        chunk::value_gradient_hessian_of(&f, empty),
        (7.0, vec![], vec![])
    );
    assert_eq!(
        chunk::value_gradient_hessian(dense, empty),
        (7.0, vec![], vec![])
    );
    assert!(chunk::hessian_of(&f, empty).is_empty());
    let mut config = chunk::HessianConfig::<f64, 4>::new(0);
    let value = chunk::hessian_with(&mut config, dense, empty, &mut [], &mut []).unwrap();
    assert_eq!((value, config.passes()), (7.0, 1));
}

/// The same `Dual2` rules as the array driver, so the same numbers: bit for
/// bit where the passes seed every input at once (n ≤ 12), and to 1e-14
/// across pairs of blocks (where a pass's constant inputs skip terms the
/// array driver adds as zeros).
#[test]
fn run_time_hessians_equal_the_array_hessian() {
    let f = dualgrad::scalar_fn!(dense);
    let x7: [f64; 7] = std::array::from_fn(|i| 0.4 - 0.3 * i as f64);
    let array = dualgrad::hessian(dense, x7);
    let array: Vec<Vec<f64>> = array.iter().map(|r| r.to_vec()).collect();
    assert_eq!(chunk::hessian_of(&f, &x7), array);
    assert_eq!(chunk::hessian(dense, &x7), array);
    let x23: [f64; 23] = std::array::from_fn(|i| 0.1 * (i as f64).sin());
    let array = dualgrad::hessian(dense, x23);
    let array: Vec<Vec<f64>> = array.iter().map(|r| r.to_vec()).collect();
    assert_rows_close(
        &chunk::hessian_of(&f, &x23),
        &array,
        1e-14,
        "hessian_of, n = 23",
    );
    assert_rows_close(
        &chunk::hessian(dense, &x23),
        &array,
        1e-14,
        "hessian, n = 23",
    );
}

/// Kinks and singular points give what the array driver gives: |xᵢ| at 0,
/// max at a tie, √ of an input at 0 (singular: its own entries are not
/// finite), and √ of a constant 0 in a pass where that input is not seeded,
/// which must stay out of every other entry.
fn awkward<S: num_traits::Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    for i in 0..x.len() {
        sum = sum + x[i].abs() * x[(i + 1) % x.len()] + x[i].max(x[(i + 3) % x.len()]) * x[i];
    }
    sum + x[4].sqrt() * x[9] + (x[0] * x[1]).sqrt()
}

#[test]
fn run_time_hessians_at_kinks_and_singular_points_match_the_array_driver() {
    let f = dualgrad::scalar_fn!(awkward);
    // x₂ = 0 (the kink of |x|), x₃ = x₆ (a max tie), x₄ = 0 (√ singular),
    // x₀·x₁ = 0 (√ of a product that is zero).
    let x: [f64; 15] = std::array::from_fn(|i| match i {
        0 | 2 | 4 => 0.0,
        3 | 6 => 0.5,
        _ => 0.1 * i as f64 - 0.6,
    });
    let array = dualgrad::hessian(awkward, x);
    for (found, what) in [
        (chunk::hessian_of(&f, &x), "hessian_of"),
        (chunk::hessian(awkward, &x), "hessian"),
    ] {
        for i in 0..15 {
            for j in 0..15 {
                let (a, b) = (found[i][j], array[i][j]);
                assert!(
                    a == b || (a.is_nan() && b.is_nan()),
                    "{what}, entry ({i}, {j}): {a} vs {b}"
                );
            }
        }
    }
    // The non-finite entries are the singular inputs' own, not spread.
    let singular = [0, 1, 4];
    for (i, row) in array.iter().enumerate() {
        for (j, entry) in row.iter().enumerate() {
            if !singular.contains(&i) && !singular.contains(&j) {
                assert!(entry.is_finite(), "entry ({i}, {j})");
            }
        }
    }
}
