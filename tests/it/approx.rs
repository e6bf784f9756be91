//! approx's comparisons on `Dual` see the partials: `assert_relative_eq!`
//! is a test of derivatives, not only of values.

use approx::{
    abs_diff_eq, assert_abs_diff_eq, assert_relative_eq, assert_relative_ne, assert_ulps_eq,
    relative_eq, ulps_eq,
};
use dualgrad::Dual;

type D2 = Dual<f64, 2>;

/// f(x, y) = x²y and its exact value and gradient at (3, 2).
fn f_at_3_2() -> (D2, D2) {
    let (x, y) = (D2::variable(3.0, 0), D2::variable(2.0, 1));
    (x * x * y, Dual::new(18.0, [12.0, 9.0]))
}

#[test]
fn relative_eq_accepts_matching_values_and_partials() {
    let (computed, expected) = f_at_3_2();
    assert_relative_eq!(computed, expected);
    assert_abs_diff_eq!(computed, expected);
    assert_ulps_eq!(computed, expected);
}

#[test]
#[should_panic(expected = "assert_relative_eq!(computed, wrong_slope)")]
fn relative_eq_rejects_equal_values_with_different_partials() {
    let (computed, expected) = f_at_3_2();
    let wrong_slope = Dual::new(expected.value(), [12.0, 9.5]);
    // `==` compares values only, so it cannot see the mistake …
    assert_eq!(computed, wrong_slope);
    // … but approx does.
    assert_relative_eq!(computed, wrong_slope);
}

#[test]
fn every_comparison_sees_each_partial() {
    let (computed, expected) = f_at_3_2();
    for k in 0..2 {
        let mut partials = *expected.partials();
        partials[k] += 1e-6;
        let off = Dual::new(expected.value(), partials);
        assert!(
            !relative_eq!(computed, off),
            "relative_eq missed partial {k}"
        );
        assert!(
            !abs_diff_eq!(computed, off),
            "abs_diff_eq missed partial {k}"
        );
        assert!(!ulps_eq!(computed, off), "ulps_eq missed partial {k}");
    }
    let value_off = Dual::new(18.0 + 1e-6, *expected.partials());
    assert_relative_ne!(computed, value_off);
}

#[test]
fn tolerances_are_given_as_constant_duals() {
    let a = Dual::<f64, 1>::new(1.0, [2.0]);
    let b = Dual::<f64, 1>::new(1.0 + 1e-9, [2.0 - 1e-9]);
    assert_relative_ne!(a, b);
    assert_relative_eq!(a, b, epsilon = Dual::constant(1e-8));
    assert_relative_eq!(a, b, max_relative = 1e-8.into());
    assert_abs_diff_eq!(a, b, epsilon = 1e-8.into());
    assert_ulps_eq!(a, b, epsilon = Dual::constant(1e-8));
    assert!(!ulps_eq!(a, b, max_ulps = 4));
}

#[test]
fn nested_duals_compare_second_derivatives() {
    type D = Dual<Dual<f64, 1>, 1>;
    // f(x) = x³ at x = 2 seeded twice: f = 8, f′ = 12 (in both slots), f″ = 12.
    let x = D::new(Dual::variable(2.0, 0), [Dual::constant(1.0)]);
    let y = x * x * x;
    let exact = D::new(Dual::new(8.0, [12.0]), [Dual::new(12.0, [12.0])]);
    assert_relative_eq!(y, exact);
    let wrong_curvature = D::new(Dual::new(8.0, [12.0]), [Dual::new(12.0, [12.5])]);
    assert_relative_ne!(y, wrong_curvature);
}

#[test]
fn f32_duals_use_f32_epsilons() {
    let a = Dual::<f32, 1>::new(1.0, [0.1 + 0.2]);
    assert_relative_eq!(a, Dual::new(1.0, [0.3]));
    assert_relative_ne!(a, Dual::new(1.0, [0.3001]));
}

#[cfg(feature = "nalgebra")]
#[test]
fn matrices_of_duals_compare_entry_partials() {
    use nalgebra::Matrix2;
    let t = Dual::<f64, 1>::variable(0.5, 0);
    let c = Dual::constant;
    // A(t) = [[1, t], [t, 1]]: A⁻¹ = [[1, −t], [−t, 1]]/(1 − t²).
    let a = Matrix2::new(c(1.0), t, t, c(1.0));
    let inverse = a.try_inverse().unwrap();
    let d = 1.0 - 0.25;
    // d/dt 1/(1 − t²) = 2t/(1 − t²)², d/dt −t/(1 − t²) = −(1 + t²)/(1 − t²)².
    let diag = Dual::new(1.0 / d, [1.0 / (d * d)]);
    let off = Dual::new(-0.5 / d, [-(1.25) / (d * d)]);
    assert_relative_eq!(
        inverse,
        Matrix2::new(diag, off, off, diag),
        epsilon = 1e-15.into()
    );
    let wrong = Matrix2::new(diag, off, Dual::new(off.value(), [0.0]), diag);
    assert_relative_ne!(inverse, wrong, epsilon = 1e-15.into());
}

#[test]
fn default_tolerances_are_those_of_the_scalar_type() {
    use approx::{AbsDiffEq, RelativeEq, UlpsEq};
    type D = Dual<f64, 2>;
    let max_relative = D::default_max_relative();
    assert_eq!(max_relative.value(), f64::EPSILON);
    assert_eq!(*max_relative.partials(), [0.0, 0.0]);
    assert_eq!(D::default_epsilon().value(), f64::EPSILON);
    assert_eq!(<D as UlpsEq>::default_max_ulps(), 4);
    assert_eq!(<Dual<f32, 1> as UlpsEq>::default_max_ulps(), 4);
    assert_eq!(
        <Dual<f32, 1> as RelativeEq>::default_max_relative().value(),
        f32::EPSILON
    );
}

#[test]
fn default_relative_comparison_allows_one_rounding_of_large_values() {
    // 1e10 and the next f64 differ by 2e-6 absolutely, far above the default
    // epsilon, but by ε relatively: equal under the default max_relative.
    let big = 1e10_f64;
    let next = f64::from_bits(big.to_bits() + 1);
    let a = Dual::<f64, 1>::new(big, [big]);
    let b = Dual::<f64, 1>::new(next, [next]);
    assert!(relative_eq!(a, b));
    assert!(!abs_diff_eq!(a, b));
    // Two roundings apart relative to a tiny epsilon: not equal.
    let far = Dual::<f64, 1>::new(big * (1.0 + 4.0 * f64::EPSILON), [big]);
    assert!(!relative_eq!(a, far));
}

#[test]
fn default_ulps_comparison_allows_four_ulps_and_no_more() {
    let step = |x: f64, ulps: u64| f64::from_bits(x.to_bits() + ulps);
    let a = Dual::<f64, 1>::new(1e10, [3e10]);
    let four = Dual::<f64, 1>::new(step(1e10, 4), [step(3e10, 4)]);
    let five = Dual::<f64, 1>::new(1e10, [step(3e10, 5)]);
    assert!(ulps_eq!(a, four));
    assert!(!ulps_eq!(a, five));
}
