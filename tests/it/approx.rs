//! approx's comparisons on `Dual` and `Dual2` see the derivatives: on
//! `Dual` every partial, on `Dual2` the value, every gradient entry and
//! every Hessian entry. `assert_relative_eq!` is a test of first (and
//! second) derivatives, not only of values. `Dual2`'s defaults and
//! semantics are `Dual`'s.

use approx::{
    AbsDiffEq, RelativeEq, UlpsEq, abs_diff_eq, assert_abs_diff_eq, assert_relative_eq,
    assert_relative_ne, assert_ulps_eq, relative_eq, ulps_eq,
};
use dualgrad::{Dual, Dual2};

// --- Dual: the value and every partial ------------------------------------------

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

// --- Dual2: the value, the gradient and the Hessian ----------------------------

type H3 = Dual2<f64, 3>;

/// f(x, y, z) = x²y + yz³ at (3, 2, −1), computed, and its exact value,
/// gradient and Hessian:
/// ∇f = (2xy, x² + z³, 3yz²), ∇² = [[2y, 2x, 0], [2x, 0, 3z²], [0, 3z², 6yz]].
fn f_and_exact() -> (H3, H3) {
    let (x, y, z) = (
        H3::variable(3.0, 0),
        H3::variable(2.0, 1),
        H3::variable(-1.0, 2),
    );
    let computed = x * x * y + y * z * z * z;
    let exact = Dual2::new(
        16.0,
        [12.0, 8.0, 6.0],
        [[4.0, 6.0, 0.0], [6.0, 0.0, 3.0], [0.0, 3.0, -12.0]],
    );
    (computed, exact)
}

#[test]
fn all_three_comparisons_accept_matching_value_gradient_and_hessian() {
    let (computed, exact) = f_and_exact();
    assert_relative_eq!(computed, exact);
    assert_abs_diff_eq!(computed, exact);
    assert_ulps_eq!(computed, exact);
}

#[test]
#[should_panic(expected = "assert_relative_eq!(computed, wrong_curvature)")]
fn relative_eq_rejects_equal_values_and_gradients_with_a_different_hessian() {
    let (computed, exact) = f_and_exact();
    let mut hessian = exact.hessian();
    hessian[2][2] += 1e-6;
    let wrong_curvature = Dual2::new(exact.value(), *exact.gradient(), hessian);
    // `==` compares values only, so it cannot see the mistake …
    assert_eq!(computed, wrong_curvature);
    // … but approx does.
    assert_relative_eq!(computed, wrong_curvature);
}

#[test]
fn every_comparison_sees_each_hessian_entry_of_the_upper_triangle() {
    let (computed, exact) = f_and_exact();
    for i in 0..3 {
        for j in i..3 {
            let mut hessian = exact.hessian();
            // `Dual2::new` keeps the upper triangle: entry (i, j), i ≤ j.
            hessian[i][j] += 1e-6;
            let off = Dual2::new(exact.value(), *exact.gradient(), hessian);
            assert!(
                !relative_eq!(computed, off),
                "relative_eq missed H[{i}][{j}]"
            );
            assert!(
                !abs_diff_eq!(computed, off),
                "abs_diff_eq missed H[{i}][{j}]"
            );
            assert!(!ulps_eq!(computed, off), "ulps_eq missed H[{i}][{j}]");
        }
    }
}

#[test]
fn every_comparison_sees_the_value_and_each_gradient_entry() {
    let (computed, exact) = f_and_exact();
    for k in 0..3 {
        let mut gradient = *exact.gradient();
        gradient[k] += 1e-6;
        let off = Dual2::new(exact.value(), gradient, exact.hessian());
        assert!(!relative_eq!(computed, off), "relative_eq missed ∂{k}");
        assert!(!abs_diff_eq!(computed, off), "abs_diff_eq missed ∂{k}");
        assert!(!ulps_eq!(computed, off), "ulps_eq missed ∂{k}");
    }
    let value_off = Dual2::new(16.0 + 1e-6, *exact.gradient(), exact.hessian());
    assert_relative_ne!(computed, value_off);
}

#[test]
fn the_lower_triangle_passed_to_new_does_not_matter() {
    // A Hessian is symmetric: the entries below the diagonal given to `new`
    // are not kept, so two numbers that differ only there are equal.
    let upper = Dual2::new(1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]);
    let other_lower = Dual2::new(1.0, [2.0, 3.0], [[4.0, 5.0], [-9.0, 6.0]]);
    assert_ulps_eq!(upper, other_lower, max_ulps = 0);
}

#[test]
fn tolerances_are_given_as_constant_dual2s_and_only_their_value_counts() {
    let a = Dual2::<f64, 1>::new(1.0, [2.0], [[3.0]]);
    let b = Dual2::<f64, 1>::new(1.0, [2.0], [[3.0 + 1e-9]]);
    assert_relative_ne!(a, b);
    assert_relative_eq!(a, b, epsilon = Dual2::constant(1e-8));
    assert_relative_eq!(a, b, max_relative = 1e-8.into());
    assert_abs_diff_eq!(a, b, epsilon = 1e-8.into());
    assert_ulps_eq!(a, b, epsilon = Dual2::constant(1e-8));
    assert!(!ulps_eq!(a, b, max_ulps = 4));
    // The epsilon's gradient and Hessian are ignored.
    let odd_epsilon = Dual2::new(1e-8, [-5.0], [[7.0]]);
    assert!(a.abs_diff_eq(&b, odd_epsilon));
    assert!(!a.abs_diff_eq(&b, Dual2::new(1e-10, [1.0], [[1.0]])));
}

#[test]
fn default_tolerances_are_those_of_the_scalar_type_as_constants() {
    type D = Dual2<f64, 2>;
    let max_relative = D::default_max_relative();
    assert_eq!(max_relative.value(), f64::EPSILON);
    assert!(max_relative.is_constant());
    let epsilon = D::default_epsilon();
    assert_eq!(epsilon.value(), f64::EPSILON);
    assert!(epsilon.is_constant());
    assert_eq!(<D as UlpsEq>::default_max_ulps(), f64::default_max_ulps());
    assert_eq!(<D as UlpsEq>::default_max_ulps(), 4);
    assert_eq!(
        <Dual2<f32, 1> as RelativeEq>::default_max_relative().value(),
        f32::EPSILON
    );
    assert_eq!(
        <Dual2<f32, 1> as AbsDiffEq>::default_epsilon().value(),
        f32::EPSILON
    );
    // The same defaults as `Dual`'s.
    assert_eq!(
        D::default_max_relative().value(),
        Dual::<f64, 2>::default_max_relative().value()
    );
    assert_eq!(
        <D as UlpsEq>::default_max_ulps(),
        <Dual<f64, 2> as UlpsEq>::default_max_ulps()
    );
}

#[test]
fn default_relative_comparison_allows_one_rounding_of_a_large_hessian_entry() {
    // 1e10 and the next f64 differ by 2e-6 absolutely, far above the default
    // epsilon, but by ε relatively: equal under the default max_relative.
    let big = 1e10_f64;
    let next = f64::from_bits(big.to_bits() + 1);
    let a = Dual2::<f64, 1>::new(1.0, [1.0], [[big]]);
    let b = Dual2::<f64, 1>::new(1.0, [1.0], [[next]]);
    assert!(relative_eq!(a, b));
    assert!(!abs_diff_eq!(a, b));
    let far = Dual2::<f64, 1>::new(1.0, [1.0], [[big * (1.0 + 4.0 * f64::EPSILON)]]);
    assert!(!relative_eq!(a, far));
}

#[test]
fn default_ulps_comparison_allows_four_ulps_in_the_hessian_and_no_more() {
    let step = |x: f64, ulps: u64| f64::from_bits(x.to_bits() + ulps);
    let a = Dual2::<f64, 2>::new(1.0, [2.0, 3.0], [[1e10, 3e10], [3e10, 5.0]]);
    let four = Dual2::new(1.0, [2.0, 3.0], [[1e10, step(3e10, 4)], [0.0, 5.0]]);
    let five = Dual2::new(1.0, [2.0, 3.0], [[1e10, step(3e10, 5)], [0.0, 5.0]]);
    assert!(ulps_eq!(a, four));
    assert!(!ulps_eq!(a, five));
}

#[test]
fn nan_in_the_hessian_compares_unequal() {
    let a = Dual2::<f64, 1>::new(1.0, [1.0], [[f64::NAN]]);
    assert!(!a.abs_diff_eq(&a, Dual2::default_epsilon()));
    assert!(!relative_eq!(a, a));
    assert!(!ulps_eq!(a, a));
}

#[test]
fn dual2_agrees_with_nested_duals_under_the_same_comparison() {
    // x³·sin x at x = 2, by Dual2 and by a nested dual seeded twice.
    let x = Dual2::<f64, 1>::variable(2.0, 0);
    let second = x * x * x * x.sin();
    let n = Dual::<Dual<f64, 1>, 1>::new(Dual::variable(2.0, 0), [Dual::constant(1.0)]);
    let nested = n * n * n * n.sin();
    let from_nested = Dual2::new(
        nested.value().value(),
        [nested.value().partial(0)],
        [[nested.partial(0).partial(0)]],
    );
    assert_relative_eq!(second, from_nested, max_relative = 1e-14.into());
    let off = Dual2::new(from_nested.value(), *from_nested.gradient(), [[0.0]]);
    assert_relative_ne!(second, off);
}

#[test]
fn f32_dual2_uses_f32_epsilons() {
    let a = Dual2::<f32, 1>::new(1.0, [1.0], [[0.1 + 0.2]]);
    assert_relative_eq!(a, Dual2::new(1.0, [1.0], [[0.3]]));
    assert_relative_ne!(a, Dual2::new(1.0, [1.0], [[0.3001]]));
}

#[test]
fn dual2_with_zero_variables_compares_the_value() {
    let a = Dual2::<f64, 0>::constant(1.0);
    assert_relative_eq!(a, Dual2::constant(1.0));
    assert_relative_ne!(a, Dual2::constant(1.1));
}

#[cfg(feature = "nalgebra")]
#[test]
fn matrices_of_dual2_compare_entry_hessians() {
    use nalgebra::Matrix2;
    // A(t) = [[1, t], [t, 1]]: (A⁻¹)₁₁ = 1/(1 − t²) with
    // d/dt = 2t/(1 − t²)², d²/dt² = (2 + 6t²)/(1 − t²)³.
    let t = Dual2::<f64, 1>::variable(0.5, 0);
    let one = Dual2::constant(1.0);
    let inverse = Matrix2::new(one, t, t, one).try_inverse().unwrap();
    let d = 1.0 - 0.25;
    let diag = Dual2::new(1.0 / d, [1.0 / (d * d)], [[3.5 / (d * d * d)]]);
    assert_relative_eq!(inverse[(0, 0)], diag, epsilon = 1e-14.into());
    let mut copy = inverse;
    copy[(0, 0)] = Dual2::new(diag.value(), *diag.gradient(), [[0.0]]);
    assert_relative_ne!(inverse, copy, epsilon = 1e-14.into());
}
