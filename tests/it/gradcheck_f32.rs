//! Gradient checks in f32, and at points given as nalgebra vectors: the
//! defaults pass right f32 gradients and catch wrong ones.

use dualgrad::gradcheck::{CheckKind, GradCheck, GradCheckError, Position, Scheme};
use dualgrad::{gradient, scalar_fn, vector_fn};
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
