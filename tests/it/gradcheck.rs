//! The gradient checker as a user calls it: accuracy of every scheme over
//! many random points, bugs it must catch, and bad input it must report;
//! in f64 and f32 (whose defaults pass right f32 gradients and catch wrong
//! ones), on this crate's own gradients (`check_ad`), and at points given
//! as nalgebra vectors.

use dualgrad::gradcheck::steps::step_sweep;
use dualgrad::gradcheck::{
    CheckKind, GradCheck, GradCheckError, Position, Scheme, numeric_gradient,
    numeric_gradient_with_errors, numeric_jacobian,
};
use dualgrad::{assert_gradient, gradient, hessian, jacobian, scalar_fn, vector_fn};
use num_traits::Float;

/// A deterministic stream of points in [lo, hi].
struct Points(u64);

impl Points {
    fn next(&mut self, lo: f64, hi: f64) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let unit = (self.0 >> 11) as f64 / (1u64 << 53) as f64;
        lo + (hi - lo) * unit
    }
}

fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    (0..x.len() - 1)
        .map(|i| hundred * (x[i + 1] - x[i] * x[i]).powi(2) + (S::one() - x[i]).powi(2))
        .fold(S::zero(), |a, b| a + b)
}

fn wave<S: Float>(x: &[S]) -> S {
    x[0].sin() * x[1].exp() + (x[0] * x[1]).cos() / (S::one() + x[2] * x[2])
}

fn log_sum_exp<S: Float>(x: &[S]) -> S {
    x.iter().map(|v| v.exp()).fold(S::zero(), |a, b| a + b).ln()
}

/// The worst error over `points` random points in [lo, hi]³, relative to the
/// largest gradient entry, with the exact gradient from AD.
fn worst_relative_error(scheme: Scheme, lo: f64, hi: f64, points: usize) -> f64 {
    let mut rng = Points(42);
    let mut worst: f64 = 0.0;
    for _ in 0..points {
        let x = [rng.next(lo, hi), rng.next(lo, hi), rng.next(lo, hi)];
        for (f64_f, exact) in [
            (
                rosenbrock::<f64> as fn(&[f64]) -> f64,
                gradient(rosenbrock, x),
            ),
            (wave::<f64>, gradient(wave, x)),
            (log_sum_exp::<f64>, gradient(log_sum_exp, x)),
        ] {
            let numeric = numeric_gradient(f64_f, &x, scheme);
            let scale = exact.iter().fold(0.0_f64, |m, g| m.max(g.abs()));
            for (n, e) in numeric.iter().zip(exact) {
                worst = worst.max((n - e).abs() / scale);
            }
        }
    }
    worst
}

#[test]
fn forward_differences_are_accurate_to_1e_6() {
    let worst = worst_relative_error(Scheme::Forward, -2.0, 2.0, 200);
    assert!(worst <= 1e-6, "{worst:e}");
}

#[test]
fn central_differences_are_accurate_to_1e_8() {
    let worst = worst_relative_error(Scheme::Central, -2.0, 2.0, 200);
    assert!(worst <= 1e-8, "{worst:e}");
}

#[test]
fn five_point_differences_are_accurate_to_1e_10() {
    let worst = worst_relative_error(Scheme::FivePoint, -2.0, 2.0, 200);
    assert!(worst <= 1e-10, "{worst:e}");
}

#[test]
fn richardson_is_accurate_to_1e_11() {
    let worst = worst_relative_error(Scheme::Richardson, -2.0, 2.0, 200);
    assert!(worst <= 1e-11, "{worst:e}");
}

#[test]
fn large_and_tiny_coordinates_stay_accurate() {
    let square = |x: &[f64]| x[0] * x[0] + x[1] * x[1];
    for scheme in [Scheme::Central, Scheme::FivePoint, Scheme::Richardson] {
        let g = numeric_gradient(square, &[1e6, 1e-3], scheme);
        assert!((g[0] - 2e6).abs() / 2e6 < 1e-8, "{scheme:?} {g:?}");
        assert!((g[1] - 2e-3).abs() / 2e6 < 1e-8, "{scheme:?} {g:?}");
    }
    // An unscaled step would return 0 for d(x²)/dx at 1e12.
    let g = numeric_gradient(|x| x[0] * x[0], &[1e12], Scheme::Central);
    assert!((g[0] - 2e12).abs() / 2e12 < 1e-8, "{g:?}");
}

#[test]
fn richardson_error_estimate_is_within_a_small_factor_of_the_truth() {
    let x = [0.3, -1.2, 0.8];
    let exact = gradient(wave, x);
    let estimates = numeric_gradient_with_errors(wave::<f64>, &x, Scheme::Richardson, None);
    assert_eq!(estimates.len(), x.len(), "one estimate per coordinate");
    for (e, truth) in estimates.iter().zip(exact) {
        let actual = (e.value - truth).abs();
        // Not optimistic: the estimate covers the actual error.
        assert!(
            actual <= 5.0 * e.error,
            "actual {actual:e}, estimate {:e}",
            e.error
        );
        // Not pessimistic either: within 50× of the actual error, or of one
        // rounding of the derivative where the result happens to be exact
        // (measured: 3–22× here).
        let floor = f64::EPSILON * truth.abs().max(1.0);
        assert!(
            e.error <= 50.0 * actual.max(floor),
            "estimate {:e} far above the actual error {actual:e}",
            e.error
        );
    }
}

/// [`wave`] on top of a large constant: the samples' rounding noise,
/// ε·10⁸/h, dominates the error, and the estimate must include it.
fn wave_on_a_plateau<S: Float>(v: &[S]) -> S {
    S::from(1e8).unwrap() + wave(v)
}

#[test]
fn richardson_error_estimate_covers_the_rounding_noise_of_large_values() {
    let x = [0.3, -1.2, 0.8];
    let exact = gradient(wave, x);
    let estimates =
        numeric_gradient_with_errors(wave_on_a_plateau::<f64>, &x, Scheme::Richardson, None);
    assert_eq!(estimates.len(), x.len());
    for (e, truth) in estimates.iter().zip(exact) {
        let actual = (e.value - truth).abs();
        assert!(
            actual <= 5.0 * e.error,
            "actual {actual:e}, estimate {:e}",
            e.error
        );
        let floor = f64::EPSILON * truth.abs().max(1.0);
        assert!(
            e.error <= 50.0 * actual.max(floor),
            "estimate {:e} far above the actual error {actual:e}",
            e.error
        );
    }
}

#[test]
fn right_gradients_pass_with_every_scheme() {
    let x = [0.5, 1.5, -0.7];
    for scheme in [
        Scheme::Forward,
        Scheme::Central,
        Scheme::FivePoint,
        Scheme::Richardson,
    ] {
        let report = GradCheck::default()
            .scheme(scheme)
            .gradient(wave, |x| gradient(wave, [x[0], x[1], x[2]]), &x)
            .unwrap();
        assert!(report.passed() && report.relative_error() < 1e-6);
    }
}

#[test]
fn a_relative_error_of_1e_5_in_one_entry_fails_and_is_named() {
    let x = [0.5, 1.5, -0.7];
    let planted = |x: &[f64]| {
        let mut g = gradient(wave, [x[0], x[1], x[2]]);
        g[2] *= 1.0 + 1e-5;
        g
    };
    let err = GradCheck::default()
        .gradient(wave, planted, &x)
        .unwrap_err();
    let GradCheckError::Mismatch(report) = &err else {
        panic!("expected a mismatch, got {err}");
    };
    assert_eq!(
        report.worst_entry().map(|e| e.position()),
        Some(Position::Entry(2))
    );
    let passed: Vec<bool> = report.entries().iter().map(|e| e.passed()).collect();
    assert_eq!(passed, [true, true, false]);
    assert!(err.to_string().contains("entry 2"), "{err}");
}

#[test]
fn a_relative_error_of_1e_7_is_caught_by_richardson_at_rtol_1e_9() {
    let x = [0.5, 1.5, -0.7];
    let planted = |x: &[f64]| {
        let mut g = gradient(wave, [x[0], x[1], x[2]]);
        g[1] *= 1.0 + 1e-7;
        g
    };
    let check = GradCheck::default().scheme(Scheme::Richardson).rtol(1e-9);
    let err = check.gradient(wave, planted, &x).unwrap_err();
    assert!(err.to_string().contains("entry 1"), "{err}");
    // …and the right gradient passes the same strict check.
    assert!(
        check
            .gradient(wave, |x| gradient(wave, [x[0], x[1], x[2]]), &x)
            .is_ok()
    );
}

#[test]
fn a_sign_error_is_a_mismatch() {
    let err = GradCheck::default()
        .gradient(|x| x[0] * x[1], |x| vec![x[1], -x[0]], &[3.0, 4.0])
        .unwrap_err();
    assert!(matches!(err, GradCheckError::Mismatch(_)));
}

#[test]
fn a_nan_in_the_gradient_is_named() {
    let err = GradCheck::default()
        .gradient(|x| x[0] + x[1], |_| vec![1.0, f64::NAN], &[1.0, 2.0])
        .unwrap_err();
    assert!(
        matches!(
            err,
            GradCheckError::NonFiniteDerivative { position: Position::Entry(1), value } if value.is_nan()
        ),
        "{err}"
    );
    assert!(err.to_string().contains("entry 1"), "{err}");
}

#[test]
fn a_nan_value_of_f_is_reported() {
    let err = GradCheck::default()
        .gradient(|x| x[0].ln(), |x| vec![1.0 / x[0]], &[-1.0])
        .unwrap_err();
    assert!(
        matches!(err, GradCheckError::NonFiniteFunction { output: 0, .. }),
        "{err}"
    );
}

#[test]
fn a_difference_across_the_domain_edge_is_reported() {
    // sqrt at 1e-12: the central step crosses 0, where sqrt is NaN.
    let err = GradCheck::default()
        .gradient(|x| x[0].sqrt(), |x| vec![0.5 / x[0].sqrt()], &[1e-12])
        .unwrap_err();
    assert!(
        matches!(
            err,
            GradCheckError::NonFiniteDifference {
                position: Position::Entry(0),
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_wrong_length_names_both_lengths() {
    let err = GradCheck::default()
        .gradient(|x| x[0] + x[1], |_| vec![1.0], &[1.0, 2.0])
        .unwrap_err();
    let GradCheckError::WrongLength { dimension, row } = &err else {
        panic!("expected a wrong length, got {err}");
    };
    assert_eq!(
        (
            dimension.what(),
            dimension.expected(),
            dimension.found(),
            *row
        ),
        ("gradient", 2, 1, None)
    );
    assert_eq!(
        err.to_string(),
        "the gradient has length 1, expected 2 (one entry per input)"
    );
    let source = std::error::Error::source(&err).expect("a DimensionError");
    assert_eq!(source.to_string(), err.to_string());
    assert!(std::error::Error::source(&GradCheckError::EmptyInput).is_none());
    let err = GradCheck::default()
        .jacobian(
            |x| vec![x[0], x[1]],
            |_| vec![vec![1.0, 0.0], vec![0.0]],
            &[1.0, 2.0],
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("row 1 of the Jacobian has length 1, expected 2"),
        "{err}"
    );
}

#[test]
fn an_empty_input_is_an_error() {
    let err = GradCheck::default()
        .gradient(|_| 0.0, |_| Vec::<f64>::new(), &[])
        .unwrap_err();
    assert_eq!(err, GradCheckError::EmptyInput);
    assert!(numeric_gradient(|_| 0.0, &[], Scheme::Central).is_empty());
}

#[test]
fn non_finite_input_is_an_error_not_a_panic() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let err = GradCheck::default()
            .gradient(|x| x[0] + x[1], |_| vec![1.0, 1.0], &[1.0, bad])
            .unwrap_err();
        assert!(
            matches!(err, GradCheckError::NonFiniteInput { index: 1, .. }),
            "{err}"
        );
    }
}

#[test]
fn jacobian_mismatch_names_the_entry() {
    let f = |x: &[f64]| [x[0] * x[1], x[0].sin()];
    let wrong = |x: &[f64]| [[x[1], x[0]], [x[0].cos(), 0.5]];
    let err = GradCheck::default()
        .jacobian(f, wrong, &[1.0, 2.0])
        .unwrap_err();
    assert!(err.to_string().contains("J[1][1]"), "{err}");
    let right = |x: &[f64]| jacobian(|x| [x[0] * x[1], x[0].sin()], [x[0], x[1]]);
    assert!(GradCheck::default().jacobian(f, right, &[1.0, 2.0]).is_ok());
}

#[test]
fn hessian_check_catches_a_wrong_second_derivative() {
    let x = [0.4, -0.3, 1.1];
    let grad = |x: &[f64]| gradient(wave, [x[0], x[1], x[2]]);
    let right = |x: &[f64]| hessian(wave, [x[0], x[1], x[2]]);
    assert!(GradCheck::default().hessian(grad, right, &x).is_ok());
    let wrong = |x: &[f64]| {
        let mut h = hessian(wave, [x[0], x[1], x[2]]);
        h[2][0] += 1e-3;
        h
    };
    let err = GradCheck::default().hessian(grad, wrong, &x).unwrap_err();
    assert!(err.to_string().contains("H[2][0]"), "{err}");
}

#[test]
fn directional_check_catches_a_bug_in_a_large_gradient() {
    let n = 2000;
    let x: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin()).collect();
    let f = |x: &[f64]| rosenbrock(x);
    let right = |x: &[f64]| {
        let mut g = vec![0.0; x.len()];
        for i in 0..x.len() - 1 {
            let t = x[i + 1] - x[i] * x[i];
            g[i] += -400.0 * t * x[i] - 2.0 * (1.0 - x[i]);
            g[i + 1] += 200.0 * t;
        }
        g
    };
    assert!(GradCheck::default().directional(f, right, &x).is_ok());
    let wrong = |x: &[f64]| {
        let mut g = right(x);
        g[1234] += 1.0;
        g
    };
    assert!(GradCheck::default().directional(f, wrong, &x).is_err());
}

#[test]
fn assert_gradient_passes_right_gradients() {
    assert_gradient!(
        wave,
        |x: &[f64]| gradient(wave, [x[0], x[1], x[2]]),
        &[0.1, 0.2, 0.3]
    );
}

#[test]
#[should_panic(expected = "gradient check failed at entry 0")]
fn assert_gradient_panics_with_the_report() {
    assert_gradient!(|x: &[f64]| x[0].exp(), |x: &[f64]| [x[0]], &[1.0]);
}

#[test]
fn report_prints_the_worst_entry_first() {
    let err = GradCheck::default()
        .gradient(|x| x[0] + 2.0 * x[1], |_| vec![1.0, 2.5], &[1.0, 1.0])
        .unwrap_err();
    let text = err.to_string();
    let first_row = text.lines().find(|l| l.starts_with("entry")).unwrap();
    assert!(
        first_row.starts_with("entry 1") && first_row.ends_with("← worst"),
        "{text}"
    );
}

#[test]
fn numeric_jacobian_rows_are_outputs() {
    let j = numeric_jacobian(
        |x| vec![x[0], 3.0 * x[1], x[0] * x[1]],
        &[2.0, 5.0],
        Scheme::FivePoint,
    );
    let expected = [[1.0, 0.0], [0.0, 3.0], [5.0, 2.0]];
    // One row per output, one column per input: a transposed result would
    // pass the entry-wise comparison below, which zips to the shorter side.
    assert_eq!(j.len(), 3, "rows = outputs");
    assert!(
        j.iter().all(|row| row.len() == 2),
        "columns = inputs: {j:?}"
    );
    for (row, e) in j.iter().zip(expected) {
        for (a, b) in row.iter().zip(e) {
            assert!((a - b).abs() < 1e-10);
        }
    }
}

#[test]
fn step_sweep_shows_the_v_of_truncation_and_rounding() {
    let steps: Vec<f64> = (1..=14).map(|k| 10f64.powi(-k)).collect();
    let sweep = step_sweep(f64::exp, 1.0, 1.0_f64.exp(), steps);
    let best = sweep
        .iter()
        .min_by(|a, b| a.central.total_cmp(&b.central))
        .unwrap();
    assert!(best.step >= 1e-7 && best.step <= 1e-4, "{best:?}");
    // Both arms of the V are higher than its bottom.
    assert!(sweep[0].central > 100.0 * best.central);
    assert!(sweep[13].central > 100.0 * best.central);
}

#[test]
fn severity_is_the_error_as_a_fraction_of_the_tolerance() {
    // g = 1.5 against d/dx x = 1: |g − g̃| = 0.5 under atol 2, or 0.25.
    for (atol, severity) in [(2.0, 0.25), (0.25, 2.0)] {
        let result = GradCheck::default()
            .atol(atol)
            .gradient(|x| x[0], |_| [1.5], &[1.0]);
        let report = match result {
            Ok(report) => report,
            Err(GradCheckError::Mismatch(report)) => *report,
            Err(other) => panic!("{other}"),
        };
        let e = report.entries()[0];
        assert_eq!(e.tolerance(), atol);
        assert!((e.severity() - severity).abs() < 1e-9, "{report}");
        assert_eq!(e.passed(), severity <= 1.0);
    }
    // An exact match has severity 0, even at zero tolerance.
    let report = GradCheck::default()
        .step(0.5)
        .gradient(|x| 2.0 * x[0], |_| [2.0], &[1.0])
        .unwrap();
    assert_eq!(report.entries()[0].severity(), 0.0);
}

#[test]
fn the_worst_entry_is_the_one_furthest_past_its_tolerance() {
    // Entry 0 is off by 1 on a large value (rtol·|g| = 1e-3), entry 1 by
    // 0.1 on a small one (rtol·|g| = 1e-6): entry 1 is worse.
    let f = |x: &[f64]| 1000.0 * x[0] + x[1];
    let wrong = |_: &[f64]| [1001.0, 1.1];
    let Err(GradCheckError::Mismatch(report)) =
        GradCheck::default().gradient(f, wrong, &[1.0, 1.0])
    else {
        panic!("the wrong gradient passed");
    };
    assert_eq!(
        report.worst_entry().map(|e| e.position()),
        Some(Position::Entry(1))
    );
    assert!(report.entries()[0].absolute_error() > report.entries()[1].absolute_error());
}

/// Counts the evaluations of f by Ridders' method at x = 1 on exp.
fn ridders_evaluations_on_exp() -> (usize, f64) {
    let count = std::cell::Cell::new(0);
    let e = numeric_gradient_with_errors(
        |x| {
            count.set(count.get() + 1);
            x[0].exp()
        },
        &[1.0],
        Scheme::Richardson,
        None,
    )[0];
    (count.get(), (e.value - 1.0_f64.exp()).abs())
}

#[test]
fn richardson_stops_once_its_extrapolations_diverge() {
    // f(x), then two samples per level: 10 levels would be 21 evaluations.
    // A smooth function settles after a few levels (measured: 6), once a
    // new level is twice as far off as the best estimate so far, but not at
    // the first.
    let (evaluations, error) = ridders_evaluations_on_exp();
    assert!((7..=17).contains(&evaluations), "{evaluations} evaluations");
    assert!(error < 1e-13, "{error:e}");
}

#[test]
fn richardson_estimate_of_an_exact_difference_is_its_rounding_term() {
    // f(x) = 2x at 0: every central difference is exactly 2, so the
    // tableau's own error is 0 and the estimate is the rounding noise
    // alone, ε·max|f|/h + ε·|f′|. Ridders settles at the second level,
    // h = 0.1/1.4, having sampled max|f| = 0.2: ε·(2.8 + 2) = 4.8ε.
    let e = numeric_gradient_with_errors(|x| 2.0 * x[0], &[0.0], Scheme::Richardson, None)[0];
    assert_eq!(e.value, 2.0);
    assert!((e.step - 0.1 / 1.4).abs() < 1e-15, "{e:?}");
    let in_epsilons = e.error / f64::EPSILON;
    assert!((in_epsilons - 4.8).abs() < 1e-6, "{in_epsilons} ε");
}

#[test]
fn stencil_truncation_estimate_is_exact_for_the_leading_error_term() {
    // A difference of order p is off by c·hᵖ for the monomial x^(p+1) at 0
    // (derivative 0), and D(2h) − D(h) = (2ᵖ − 1)·c·hᵖ recovers it exactly.
    let h = 0.5;
    for (scheme, power) in [
        (Scheme::Forward, 2),
        (Scheme::Central, 3),
        (Scheme::FivePoint, 5),
    ] {
        let e = numeric_gradient_with_errors(|x| x[0].powi(power), &[0.0], scheme, Some(h))[0];
        let actual = e.value.abs();
        assert!(actual > 1e-3, "{scheme}: {e:?}");
        assert!(
            (e.error - actual).abs() <= 1e-12 * actual,
            "{scheme}: estimate {:e}, actual error {actual:e}",
            e.error
        );
    }
    // The report carries the same estimate.
    let report = GradCheck::default()
        .step(h)
        .atol(1.0)
        .gradient(|x| x[0].powi(3), |_| [0.0], &[0.0])
        .unwrap();
    let entry = report.entries()[0];
    assert!((entry.error_estimate() - h * h).abs() < 1e-12, "{report}");
    assert!((entry.tolerance() - 4.0 * h * h).abs() < 1e-12, "{report}");
}

#[test]
fn richardson_tries_a_unit_first_step_far_from_the_origin() {
    // At x = 1e4 a first step scaled to |x| (1e3) is useless for sin; the
    // fixed first step 0.1 rescues it.
    let g = numeric_gradient(|x| x[0].sin(), &[1e4], Scheme::Richardson);
    assert!(
        (g[0] - 1e4_f64.cos()).abs() < 1e-10,
        "{}",
        g[0] - 1e4_f64.cos()
    );
    // A step forced by the caller is used alone.
    let e = numeric_gradient_with_errors(|x| x[0].sin(), &[1e4], Scheme::Richardson, Some(1e3))[0];
    assert!((e.value - 1e4_f64.cos()).abs() > 1e-3, "{e:?}");
}

#[test]
fn stencil_estimate_of_an_exact_difference_is_its_rounding_term() {
    // f(x) = x at 0 with h = 0.5: the central difference is exactly 1 at h
    // and 2h, so the estimate is ε·Σ|wₖ|·max|f|/(d·h) + ε·|f′| with
    // Σ|wₖ| = 2, d = 2, max|f| = 0.5: ε·(1 + 1) = 2ε.
    let e = numeric_gradient_with_errors(|x| x[0], &[0.0], Scheme::Central, Some(0.5))[0];
    assert_eq!(e.value, 1.0);
    assert!((e.error / f64::EPSILON - 2.0).abs() < 1e-9, "{e:?}");
    // Five-point: Σ|wₖ| = 18, d = 12, max|f| = 2h = 1: ε·(18/6 + 1) = 4ε.
    let e = numeric_gradient_with_errors(|x| x[0], &[0.0], Scheme::FivePoint, Some(0.5))[0];
    assert_eq!(e.value, 1.0);
    assert!((e.error / f64::EPSILON - 4.0).abs() < 1e-9, "{e:?}");
}

/// f(x) = Σ 2ʲ·xⱼ over 10 inputs: vᵀ∇f = Σ 2ʲ·vⱼ spells out the signs of
/// the direction v bit by bit.
fn powers_of_two(x: &[f64]) -> f64 {
    x.iter()
        .enumerate()
        .map(|(j, v)| f64::from(1u32 << j) * v)
        .sum()
}

fn powers_of_two_gradient(x: &[f64]) -> Vec<f64> {
    (0..x.len()).map(|j| f64::from(1u32 << j)).collect()
}

#[test]
fn directional_directions_are_reproducible_for_a_random_state() {
    // The direction comes from SplitMix64: its sign pattern for a given
    // state is the same on every run and platform (each sign is + for an
    // even output, − for an odd one), so these sums are fixed.
    let x = [0.0; 10];
    for (check, expected) in [
        (GradCheck::default(), 905.0),
        (GradCheck::default().random_state(0), 341.0),
    ] {
        let report = check
            .directional(powers_of_two, powers_of_two_gradient, &x)
            .unwrap();
        assert_eq!(
            report.kind(),
            dualgrad::gradcheck::CheckKind::DirectionalDerivative
        );
        let e = report.entries()[0];
        assert_eq!(e.position(), Position::Directional);
        assert_eq!(e.computed(), expected);
        assert!((e.numeric() - expected).abs() < 1e-6, "{report}");
    }
    // Other states give other directions, with both signs.
    let sums: std::collections::BTreeSet<i64> = (0..32)
        .map(|state| {
            let report = GradCheck::default()
                .random_state(state)
                .directional(powers_of_two, powers_of_two_gradient, &x)
                .unwrap();
            report.entries()[0].computed() as i64
        })
        .collect();
    assert!(sums.len() > 20, "{sums:?}");
}

#[test]
fn directional_direction_entries_are_scaled_to_the_coordinates() {
    // With ∇f = eⱼ, vᵀ∇f = vⱼ = ±max(|xⱼ|, 1).
    let x = [3.0, -0.5, -40.0];
    for j in 0..3 {
        let f = |x: &[f64]| x[j];
        let grad = |x: &[f64]| {
            let mut g = vec![0.0; x.len()];
            g[j] = 1.0;
            g
        };
        let report = GradCheck::default().directional(f, grad, &x).unwrap();
        let v = report.entries()[0].computed();
        assert_eq!(v.abs(), x[j].abs().max(1.0), "v[{j}] = {v}");
    }
}

#[test]
fn directional_catches_a_bug_whatever_its_sign_pattern() {
    // A bug that an all-positive direction cannot see: +1 in entry 0, −1 in
    // entry 1. A direction with mixed signs sees it.
    let x = [0.0; 10];
    let wrong = |x: &[f64]| {
        let mut g = powers_of_two_gradient(x);
        g[0] += 1.0;
        g[1] -= 1.0;
        g
    };
    // The default state's direction starts (−1, −1, …): blind to this bug.
    assert!(
        GradCheck::default()
            .directional(powers_of_two, wrong, &x)
            .is_ok()
    );
    // State 0's starts (−1, +1, …).
    assert!(
        GradCheck::default()
            .random_state(0)
            .directional(powers_of_two, wrong, &x)
            .is_err()
    );
}

#[test]
fn scheme_steps_names_and_display() {
    let epsilon = f64::EPSILON;
    assert_eq!(Scheme::Forward.step(1e-3), epsilon.sqrt());
    assert_eq!(Scheme::Central.step(1e6), epsilon.cbrt() * 1e6);
    assert_eq!(Scheme::FivePoint.step(-2.0), epsilon.powf(0.2) * 2.0);
    assert_eq!(Scheme::Richardson.step(-5.0), 0.5);
    for (scheme, name) in [
        (Scheme::Forward, "forward"),
        (Scheme::Central, "central"),
        (Scheme::FivePoint, "five-point"),
        (Scheme::Richardson, "Richardson"),
    ] {
        assert_eq!(scheme.name(), name);
        assert_eq!(scheme.to_string(), name);
        let report = GradCheck::default()
            .scheme(scheme)
            .gradient(|x| x[0], |_| [1.0], &[1.0])
            .unwrap();
        assert!(
            report
                .to_string()
                .contains(&format!(", {name} differences, ")),
            "{report}"
        );
    }
}

#[test]
fn report_accessors_return_what_was_checked() {
    // g = 1.5 against d/dx x = 1, under atol 0.75: |g − g̃| = 0.5.
    let report = GradCheck::default()
        .scheme(Scheme::FivePoint)
        .rtol(1e-7)
        .atol(0.75)
        .gradient(|x| x[0], |_| [1.5], &[2.0])
        .unwrap();
    assert_eq!(report.kind(), dualgrad::gradcheck::CheckKind::Gradient);
    assert_eq!(report.scheme(), Scheme::FivePoint);
    assert_eq!((report.rtol(), report.atol()), (1e-7, 0.75));
    assert_eq!(report.estimate_factor(), 4.0);
    assert_eq!(
        report.rule(),
        "|g − g̃| ≤ max(rtol·max(|g|, |g̃|), atol, k·error estimate) with rtol = 1e-7, atol = 7.5e-1, k = 4"
    );
    // ‖g − g̃‖/(‖g‖ + ‖g̃‖) = 0.5/(1.5 + 1).
    assert!((report.relative_error() - 0.2).abs() < 1e-9);
    let e = report.entries()[0];
    assert!((e.absolute_error() - 0.5).abs() < 1e-9);
    // |g − g̃| / max(|g|, |g̃|) = 0.5/1.5.
    assert!((e.relative_error() - 1.0 / 3.0).abs() < 1e-9);
    assert!(e.error_estimate() >= 0.0 && e.error_estimate() < 1e-9);
}

#[test]
fn zero_against_zero_has_zero_relative_error() {
    let report = GradCheck::default()
        .gradient(|_| 1.0, |_| [0.0, 0.0], &[1.0, 2.0])
        .unwrap();
    for e in report.entries() {
        assert_eq!(
            (e.numeric(), e.relative_error(), e.severity()),
            (0.0, 0.0, 0.0)
        );
    }
    assert_eq!(report.relative_error(), 0.0);
}

#[test]
fn the_worst_of_equally_bad_entries_is_the_first() {
    // Both entries off by exactly 0.5 against atol 1: equal severities.
    let report = GradCheck::default()
        .atol(1.0)
        .gradient(|x| x[0] + x[1], |_| [1.5, 1.5], &[1.0, 1.0])
        .unwrap();
    let [a, b] = [report.entries()[0], report.entries()[1]];
    assert_eq!(a.severity(), b.severity());
    assert_eq!(
        report.worst_entry().map(|e| e.position()),
        Some(Position::Entry(0))
    );
    let text = report.to_string();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("entry")).collect();
    assert!(
        rows[0].starts_with("entry 0") && rows[0].ends_with("← worst"),
        "{text}"
    );
    assert!(!rows[1].contains('←') && !rows[1].contains('✗'), "{text}");
}

#[test]
fn log_spaced_steps_are_even_in_log_h() {
    use dualgrad::gradcheck::steps::log_spaced_steps;
    let h = log_spaced_steps(1.0, 1e-4, 5);
    for (k, step) in h.iter().enumerate() {
        let expected = 10f64.powi(-(k as i32));
        assert!((step / expected - 1.0).abs() < 1e-12, "{h:?}");
    }
    let h = log_spaced_steps(1e-2, 1e2, 3);
    assert!(
        (h[0] - 1e-2).abs() < 1e-16 && (h[1] - 1.0).abs() < 1e-14 && (h[2] - 1e2).abs() < 1e-12,
        "{h:?}"
    );
    assert!(log_spaced_steps(1e-1, 1e-5, 0).is_empty());
    assert_eq!(log_spaced_steps(1e-3, 1e-5, 1), [1e-3]);
}

// --- f32, check_ad and nalgebra points ------------------------------------------

type Function = fn(&[f32]) -> f32;

const FUNCTIONS: [(&str, Function); 3] = [
    ("rosenbrock", rosenbrock::<f32>),
    ("wave", wave::<f32>),
    ("log_sum_exp", log_sum_exp::<f32>),
];

/// The f32 AD gradient of one of [`FUNCTIONS`].
fn ad_gradient(name: &str, x: &[f32]) -> [f32; 3] {
    let x = [x[0], x[1], x[2]];
    match name {
        "rosenbrock" => gradient(rosenbrock, x),
        "wave" => gradient(wave, x),
        _ => gradient(log_sum_exp, x),
    }
}

fn random_points(count: usize) -> Vec<[f32; 3]> {
    let mut rng = Points(7);
    (0..count)
        .map(|_| core::array::from_fn(|_| rng.next(-2.0, 2.0) as f32))
        .collect()
}

/// The f32 default rtol, 1e-3, is the tightest power of ten this passes at
/// (measured: at 1e-4 and 3e-4 forward differences of `log_sum_exp` fail
/// right gradients, their error estimate being optimistic in f32).
#[test]
fn right_f32_gradients_pass_the_default_f32_check_with_every_scheme() {
    for scheme in [
        Scheme::Forward,
        Scheme::Central,
        Scheme::FivePoint,
        Scheme::Richardson,
    ] {
        let check = GradCheck::<f32>::new().scheme(scheme);
        for x in random_points(200) {
            for (name, f) in FUNCTIONS {
                let result = check.gradient(f, |x| ad_gradient(name, x), &x);
                assert!(result.is_ok(), "{name} at {x:?} with {scheme}: {result:?}");
            }
        }
    }
}

#[test]
fn a_relative_error_of_1e_2_in_an_f32_gradient_is_caught_and_named() {
    for x in random_points(200) {
        for (name, f) in FUNCTIONS {
            let planted = |x: &[f32]| {
                let mut g = ad_gradient(name, x);
                // Entries near 0 are swamped by the difference noise
                // whatever the bug; plant it in the largest.
                let largest = (0..3)
                    .max_by(|&a, &b| g[a].abs().total_cmp(&g[b].abs()))
                    .unwrap();
                g[largest] *= 1.01;
                g
            };
            let err = GradCheck::<f32>::new()
                .gradient(f, planted, &x)
                .expect_err(name);
            let GradCheckError::Mismatch(report) = &err else {
                panic!("{name} at {x:?}: {err}");
            };
            let worst = report.worst_entry().unwrap();
            assert!(!worst.passed(), "{report}");
        }
    }
}

#[test]
fn f32_differences_use_f32_steps() {
    let report = GradCheck::<f32>::new()
        .gradient(|x| x[0] * x[0], |x| [2.0 * x[0]], &[1.0])
        .unwrap();
    let step = report.entries()[0].step();
    // ε₃₂^(1/3) ≈ 4.9e-3, rounded so that 1 + h is an f32.
    assert!(
        (step - f64::from(f32::EPSILON).cbrt()).abs() < 1e-6,
        "{step}"
    );
    assert_eq!(f64::from((1.0 + step) as f32) - 1.0, step);
    assert_eq!(report.rtol(), 1e-3);
    assert_eq!(
        GradCheck::default()
            .rtol(0.5)
            .gradient(|x| x[0], |_| [1.0], &[1.0])
            .unwrap()
            .rtol(),
        0.5
    );
}

#[test]
fn check_ad_in_f32_compares_with_f64_differences() {
    let f = scalar_fn!(rosenbrock);
    for x in random_points(50) {
        let report = GradCheck::<f32>::new().check_ad(&f, &x).unwrap();
        assert_eq!(report.kind(), CheckKind::Gradient);
        // f64 differences: the error estimates are f64-sized.
        for e in report.entries() {
            assert!(
                e.error_estimate() < 1e-6 * e.numeric().abs().max(1.0),
                "{report}"
            );
        }
    }
}

#[test]
fn check_ad_passes_this_crates_gradients_at_many_points() {
    let functions = [
        (
            "rosenbrock",
            GradCheck::default().check_ad(&scalar_fn!(rosenbrock), &[0.5, -1.0, 2.0]),
        ),
        (
            "wave",
            GradCheck::default().check_ad(&scalar_fn!(wave), &[0.5, -1.0, 2.0]),
        ),
    ];
    for (name, result) in functions {
        let report = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.entries().len(), 3);
        assert!(report.relative_error() < 1e-9, "{name}: {report}");
    }
    for x in random_points(100) {
        let x = x.map(f64::from);
        let check = GradCheck::default().scheme(Scheme::Richardson).rtol(1e-9);
        assert!(check.check_ad(&scalar_fn!(wave), &x).is_ok());
        assert!(check.check_ad(&scalar_fn!(log_sum_exp), &x).is_ok());
        assert!(check.check_ad(&scalar_fn!(rosenbrock), &x).is_ok());
    }
}

#[test]
fn check_ad_reports_bad_input_like_gradient() {
    let f = scalar_fn!(log_sum_exp);
    let empty: [f64; 0] = [];
    assert_eq!(
        GradCheck::default().check_ad(&f, &empty).unwrap_err(),
        GradCheckError::EmptyInput
    );
    assert!(matches!(
        GradCheck::default().check_ad(&f, &[1.0, f64::NAN]),
        Err(GradCheckError::NonFiniteInput { index: 1, .. })
    ));
    fn log<S: Float>(x: &[S]) -> S {
        x[0].ln()
    }
    assert!(matches!(
        GradCheck::default().check_ad(&scalar_fn!(log), &[-1.0]),
        Err(GradCheckError::NonFiniteFunction { output: 0, .. })
    ));
}

fn polar<S: Float>(p: &[S], out: &mut [S]) {
    out[0] = p[0] * p[1].cos();
    out[1] = p[0] * p[1].sin();
    out[2] = p[0] * p[0];
}

#[test]
fn check_ad_jacobian_checks_a_vector_function() {
    let f = vector_fn!(polar, 3);
    let report = GradCheck::default()
        .check_ad_jacobian(&f, &[2.0, 0.5])
        .unwrap();
    assert_eq!(report.kind(), CheckKind::Jacobian);
    assert_eq!(report.entries().len(), 6);
    assert_eq!(
        report.entries()[5].position(),
        Position::Jacobian { row: 2, column: 1 }
    );
    assert_eq!(report.entries()[4].computed(), 4.0); // ∂(r²)/∂r at r = 2
    assert!(
        GradCheck::<f32>::new()
            .check_ad_jacobian(&f, &[2.0, 0.5])
            .is_ok()
    );
    // Past the dual width of 12 inputs: several passes.
    fn spread<S: Float>(x: &[S], out: &mut [S]) {
        for (i, o) in out.iter_mut().enumerate() {
            *o = x.iter().enumerate().fold(S::zero(), |s, (j, &v)| {
                s + (v * S::from(i + j + 1).unwrap()).sin()
            });
        }
    }
    let x: Vec<f64> = (0..30).map(|i| f64::from(i) / 10.0).collect();
    let report = GradCheck::default()
        .check_ad_jacobian(&vector_fn!(spread, 5), &x)
        .unwrap();
    assert_eq!(report.entries().len(), 150);
}

#[test]
fn check_ad_jacobian_with_no_outputs_is_a_wrong_length() {
    fn nothing<S: Float>(_: &[S], _: &mut [S]) {}
    let err = GradCheck::default()
        .check_ad_jacobian(&vector_fn!(nothing, 0), &[1.0])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the output of f has length 0, expected 1 (a check needs at least one output)"
    );
    // A function claiming more outputs than memory holds: an error with
    // the limit, about 2⁵⁶ entries in all (1 000 inputs here).
    let x = vec![1.0; 1000];
    let err = GradCheck::default()
        .check_ad_jacobian(&vector_fn!(nothing, usize::MAX), &x)
        .unwrap_err();
    let GradCheckError::WrongLength {
        dimension,
        row: None,
    } = &err
    else {
        panic!("{err}");
    };
    let entries = dimension.expected() * x.len();
    assert!(
        (1 << 55..=isize::MAX as usize / 8).contains(&entries),
        "{err}"
    );
    assert_eq!(dimension.found(), usize::MAX);
    // The point is checked first, whatever f claims.
    let empty: [f64; 0] = [];
    let err = GradCheck::default()
        .check_ad_jacobian(&vector_fn!(nothing, usize::MAX), &empty)
        .unwrap_err();
    assert_eq!(err, GradCheckError::EmptyInput);
    let err = GradCheck::default()
        .check_ad_jacobian(&vector_fn!(nothing, 1), &[f64::INFINITY])
        .unwrap_err();
    assert!(
        matches!(err, GradCheckError::NonFiniteInput { index: 0, .. }),
        "{err}"
    );
}

#[cfg(feature = "nalgebra")]
#[test]
fn points_and_gradients_may_be_nalgebra_vectors() {
    use nalgebra::{DVector, SVector, Vector3};
    let grad = |x: &[f64]| DVector::from_column_slice(&gradient(wave, [x[0], x[1], x[2]]));
    let dynamic = DVector::from_vec(vec![0.3, -0.4, 1.2]);
    assert!(GradCheck::default().gradient(wave, grad, &dynamic).is_ok());
    let fixed: SVector<f64, 3> = Vector3::new(0.3, -0.4, 1.2);
    let grad = |x: &[f64]| Vector3::from(gradient(wave, [x[0], x[1], x[2]]));
    assert!(GradCheck::default().gradient(wave, grad, &fixed).is_ok());
    assert!(
        GradCheck::default()
            .check_ad(&scalar_fn!(wave), &fixed)
            .is_ok()
    );
    assert!(GradCheck::default().directional(wave, grad, &fixed).is_ok());
    let single = Vector3::new(0.3_f32, -0.4, 1.2);
    assert!(
        GradCheck::<f32>::new()
            .check_ad(&scalar_fn!(wave), &single)
            .is_ok()
    );
}
