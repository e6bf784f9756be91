//! The differentiation rules, one `Float` method at a time.
//!
//! Every elementary function is checked at several points of its domain
//! against (a) an independent closed-form derivative, to 1e-12 relative, and
//! (b) a Ridders-extrapolated central difference of the plain `f64` function,
//! to 1e-8. Its value must be bit-identical to the `f64` evaluation, and the
//! inherent method must agree bit for bit with the same method called through
//! `num_traits::Float` from generic code. The sum, product, quotient and chain
//! rules are property-tested on random inputs.

// Index loops over parallel arrays (got[i] vs want[i]) read like the math.
#![allow(clippy::needless_range_loop)]

use std::f64::consts::{LN_2, LOG2_E, LOG10_E, PI};

use crate::common::{
    assert_close, assert_rel, assert_same_f64, numeric_derivative, proptest_config,
};
use dualgrad::Dual;
use num_traits::Float;
use proptest::prelude::*;

type D = Dual<f64, 2>;

/// Closed-form slopes must match to this relative error.
const ANALYTIC: f64 = 1e-12;
/// Finite-difference slopes must match to this relative error…
const NUMERIC: f64 = 1e-8;
/// …or this absolute one (for slopes at or near 0).
const NUMERIC_ABS: f64 = 1e-10;

/// Asserts that two duals have the same bits in the value and every partial.
#[track_caller]
fn assert_same_dual<const N: usize>(got: Dual<f64, N>, want: Dual<f64, N>, what: &str) {
    assert_same_f64(got.value(), want.value(), &format!("{what}: value"));
    for i in 0..N {
        assert_same_f64(
            got.partial(i),
            want.partial(i),
            &format!("{what}: partial {i}"),
        );
    }
}

/// One test per smooth or piecewise one-argument function: at each point `a`,
/// seeds `a` in slot 0 of a `Dual<f64, 2>` and checks the value bits, the
/// untouched slot 1, the closed-form slope `$slope`, and a Ridders difference.
macro_rules! unary_rule_test {
    ($test:ident, $name:ident, |$a:ident| $slope:expr, [$($point:expr),+ $(,)?]) => {
        #[test]
        fn $test() {
            fn via_float<S: Float>(x: S) -> S {
                x.$name()
            }
            let points: &[f64] = &[$($point),+];
            for &$a in points {
                let what = format!("{}({:e})", stringify!($name), $a);
                let x = D::variable($a, 0);
                let inherent = x.$name();
                assert_same_dual(via_float(x), inherent, &format!("{what} via Float"));
                assert_same_f64(inherent.value(), $a.$name(), &format!("{what}: value"));
                assert_eq!(inherent.partial(1), 0.0, "{what}: unseeded slot");
                let slope: f64 = $slope;
                assert_rel(inherent.partial(0), slope, ANALYTIC, &format!("{what}: closed form"));
                let numeric = numeric_derivative(|t: f64| t.$name(), $a);
                assert_close(
                    inherent.partial(0),
                    numeric,
                    NUMERIC,
                    NUMERIC_ABS,
                    &format!("{what}: Ridders difference"),
                );
            }
        }
    };
}

unary_rule_test!(
    sqrt_slope_is_half_over_root,
    sqrt,
    |a| 0.5 * a.powf(-0.5),
    [0.1, 0.25, 2.0, 1e6]
);
unary_rule_test!(
    cbrt_slope_is_third_over_cube_root_squared,
    cbrt,
    |a| a.abs().powf(-2.0 / 3.0) / 3.0,
    [-8.0, -0.3, 0.2, 5.0, 1e3]
);
unary_rule_test!(
    recip_slope_is_minus_inverse_square,
    recip,
    |a| -a.powi(-2),
    [-3.0, -0.5, 0.25, 4.0]
);
unary_rule_test!(
    exp_slope_is_exp,
    exp,
    |a| a.exp(),
    [-20.0, -1.0, 0.0, 0.7, 10.0]
);
unary_rule_test!(
    exp2_slope_is_exp2_times_ln2,
    exp2,
    |a| a.exp2() * LN_2,
    [-3.0, 0.0, 1.5, 10.0]
);
unary_rule_test!(
    exp_m1_slope_is_exp,
    exp_m1,
    |a| a.exp(),
    [-2.0, -1e-3, 0.0, 1e-8, 1.0, 5.0]
);
unary_rule_test!(ln_slope_is_inverse, ln, |a| 1.0 / a, [0.1, 1.0, 2.5, 1e3]);
unary_rule_test!(
    log2_slope_is_log2e_over_x,
    log2,
    |a| LOG2_E / a,
    [0.1, 3.0, 1024.0]
);
unary_rule_test!(
    log10_slope_is_log10e_over_x,
    log10,
    |a| LOG10_E / a,
    [0.1, 3.0, 1e5]
);
unary_rule_test!(
    ln_1p_slope_is_inverse_of_one_plus_x,
    ln_1p,
    |a| 1.0 / (1.0 + a),
    [-0.5, -1e-3, 0.0, 1e-3, 3.0]
);
unary_rule_test!(
    sin_slope_is_cos,
    sin,
    |a| a.cos(),
    [-2.5, -1.0, 0.0, 0.5, 3.0]
);
unary_rule_test!(
    cos_slope_is_minus_sin,
    cos,
    |a| -a.sin(),
    [-2.5, -1.0, 0.0, 0.5, 3.0]
);
unary_rule_test!(
    tan_slope_is_inverse_cos_squared,
    tan,
    |a| 1.0 / a.cos().powi(2),
    [-1.2, -0.3, 0.0, 0.5, 1.4]
);
unary_rule_test!(
    asin_slope_is_inverse_root_of_one_minus_square,
    asin,
    |a| 1.0 / ((1.0 - a) * (1.0 + a)).sqrt(),
    [-0.95, -0.5, 0.0, 0.3, 0.9]
);
unary_rule_test!(
    acos_slope_is_minus_inverse_root_of_one_minus_square,
    acos,
    |a| -1.0 / ((1.0 - a) * (1.0 + a)).sqrt(),
    [-0.95, -0.5, 0.0, 0.3, 0.9]
);
unary_rule_test!(
    atan_slope_is_inverse_of_one_plus_square,
    atan,
    |a| 1.0 / (1.0 + a * a),
    [-10.0, -1.0, 0.0, 0.5, 3.0]
);
unary_rule_test!(
    sinh_slope_is_cosh,
    sinh,
    |a| (a.exp() + (-a).exp()) / 2.0,
    [-3.0, -0.5, 0.0, 0.5, 2.0]
);
unary_rule_test!(
    cosh_slope_is_sinh,
    cosh,
    |a| (a.exp() - (-a).exp()) / 2.0,
    [-3.0, -0.5, 0.5, 2.0]
);
unary_rule_test!(
    tanh_slope_is_inverse_cosh_squared,
    tanh,
    |a| 1.0 / a.cosh().powi(2),
    [-3.0, -0.5, 0.0, 0.5, 2.0]
);
unary_rule_test!(
    asinh_slope_is_inverse_root_of_square_plus_one,
    asinh,
    |a| 1.0 / (a * a + 1.0).sqrt(),
    [-100.0, -1.0, 0.0, 0.5, 1e3]
);
unary_rule_test!(
    acosh_slope_is_inverse_root_of_square_minus_one,
    acosh,
    |a| 1.0 / (a * a - 1.0).sqrt(),
    [1.05, 1.5, 10.0, 1e3]
);
unary_rule_test!(
    atanh_slope_is_inverse_of_one_minus_square,
    atanh,
    |a| 1.0 / (1.0 - a * a),
    [-0.9, -0.5, 0.0, 0.3, 0.95]
);
unary_rule_test!(
    to_degrees_slope_is_180_over_pi,
    to_degrees,
    |_a| 180.0 / PI,
    [-1.0, 0.5, 3.0]
);
unary_rule_test!(
    to_radians_slope_is_pi_over_180,
    to_radians,
    |_a| PI / 180.0,
    [-90.0, 0.5, 30.0]
);
unary_rule_test!(
    abs_slope_is_sign_away_from_zero,
    abs,
    |a| a.signum(),
    [-3.0, -0.5, 0.5, 2.0]
);
unary_rule_test!(
    signum_slope_is_zero,
    signum,
    |_a| 0.0,
    [-2.3, -0.7, 0.4, 1.6, 3.2]
);
unary_rule_test!(
    floor_slope_is_zero,
    floor,
    |_a| 0.0,
    [-2.3, -0.7, 0.4, 1.6, 3.2]
);
unary_rule_test!(
    ceil_slope_is_zero,
    ceil,
    |_a| 0.0,
    [-2.3, -0.7, 0.4, 1.6, 3.2]
);
unary_rule_test!(
    round_slope_is_zero,
    round,
    |_a| 0.0,
    [-2.3, -0.7, 0.4, 1.6, 3.2]
);
unary_rule_test!(
    trunc_slope_is_zero,
    trunc,
    |_a| 0.0,
    [-2.3, -0.7, 0.4, 1.6, 3.2]
);
unary_rule_test!(
    fract_slope_is_one,
    fract,
    |_a| 1.0,
    [-2.3, -0.7, 0.4, 1.6, 3.2]
);

/// Tail accuracy: the rules should stay exact to rounding where the
/// derivative is small, not only where it is O(1).
mod tails {
    use super::*;

    #[test]
    fn exp_m1_slope_is_exact_for_large_negative_arguments() {
        for a in [-20.0_f64, -30.0, -40.0] {
            let y = D::variable(a, 0).exp_m1();
            assert_rel(y.partial(0), a.exp(), ANALYTIC, &format!("exp_m1({a})"));
        }
    }

    #[test]
    fn tanh_slope_is_exact_for_large_arguments() {
        for a in [10.0_f64, -15.0, 30.0] {
            let y = D::variable(a, 0).tanh();
            let want = 1.0 / a.cosh().powi(2);
            assert_rel(y.partial(0), want, ANALYTIC, &format!("tanh({a})"));
        }
    }

    #[test]
    fn asin_and_acos_slopes_are_exact_near_one() {
        for a in [1.0 - 1e-6, -(1.0 - 3e-7), 0.999_999_999] {
            let want = 1.0 / ((1.0 - a) * (1.0 + a)).sqrt();
            let x = D::variable(a, 0);
            assert_rel(x.asin().partial(0), want, ANALYTIC, &format!("asin({a})"));
            assert_rel(x.acos().partial(0), -want, ANALYTIC, &format!("acos({a})"));
        }
    }

    #[test]
    fn asinh_and_acosh_slopes_are_exact_for_huge_arguments() {
        // 1/√(x² ± 1) ≈ 1/|x| where x² overflows.
        for a in [1e200_f64, 1e300] {
            let x = D::variable(a, 0);
            assert_rel(
                x.asinh().partial(0),
                1.0 / a,
                ANALYTIC,
                &format!("asinh({a})"),
            );
            assert_rel(
                x.acosh().partial(0),
                1.0 / a,
                ANALYTIC,
                &format!("acosh({a})"),
            );
            assert_rel((-x).asinh().partial(0), -1.0 / a, ANALYTIC, "asinh(-x)");
        }
    }

    #[test]
    fn hypot_slopes_do_not_overflow_for_huge_arguments() {
        let x = D::variable(3e200, 0);
        let y = D::variable(4e200, 1);
        let h = x.hypot(y);
        assert_rel(h.partial(0), 0.6, ANALYTIC, "∂hypot/∂x");
        assert_rel(h.partial(1), 0.8, ANALYTIC, "∂hypot/∂y");
    }

    #[test]
    fn atan2_slopes_do_not_underflow_or_overflow() {
        // ∂/∂y = x/(x² + y²): x² overflows at 1e200 and underflows at 1e-200.
        for scale in [1e-200_f64, 1e200] {
            let y = D::variable(3.0 * scale, 0);
            let x = D::variable(4.0 * scale, 1);
            let t = y.atan2(x);
            assert_rel(t.partial(0), 0.16 / scale, ANALYTIC, "∂atan2/∂y");
            assert_rel(t.partial(1), -0.12 / scale, ANALYTIC, "∂atan2/∂x");
        }
    }
}

/// Checks a two-argument function at each point: value bits against `plain`,
/// the Float-generic form against the inherent one bit for bit, both partials
/// against `slopes` and against Ridders differences in each argument.
fn check_binary(
    name: &str,
    inherent: impl Fn(D, D) -> D,
    generic: impl Fn(D, D) -> D,
    plain: impl Fn(f64, f64) -> f64,
    slopes: impl Fn(f64, f64) -> [f64; 2],
    points: &[(f64, f64)],
) {
    for &(a, b) in points {
        let what = format!("{name}({a:e}, {b:e})");
        let (x, y) = (D::variable(a, 0), D::variable(b, 1));
        let z = inherent(x, y);
        assert_same_dual(generic(x, y), z, &format!("{what} via Float"));
        assert_same_f64(z.value(), plain(a, b), &format!("{what}: value"));
        let [da, db] = slopes(a, b);
        assert_rel(
            z.partial(0),
            da,
            ANALYTIC,
            &format!("{what}: ∂/∂x closed form"),
        );
        assert_rel(
            z.partial(1),
            db,
            ANALYTIC,
            &format!("{what}: ∂/∂y closed form"),
        );
        let numeric_a = numeric_derivative(|t| plain(t, b), a);
        let numeric_b = numeric_derivative(|t| plain(a, t), b);
        assert_close(
            z.partial(0),
            numeric_a,
            NUMERIC,
            NUMERIC_ABS,
            &format!("{what}: ∂/∂x Ridders"),
        );
        assert_close(
            z.partial(1),
            numeric_b,
            NUMERIC,
            NUMERIC_ABS,
            &format!("{what}: ∂/∂y Ridders"),
        );
    }
}

#[test]
fn powf_slopes_are_n_x_to_n_minus_one_and_x_to_n_ln_x() {
    fn via_float<S: Float>(x: S, n: S) -> S {
        x.powf(n)
    }
    check_binary(
        "powf",
        |x, n| x.powf(n),
        via_float,
        f64::powf,
        |x, n| [n * x.powf(n - 1.0), x.powf(n) * x.ln()],
        &[
            (2.0, 3.0),
            (0.5, -1.5),
            (3.7, 0.3),
            (10.0, 2.5),
            (1.5, -0.25),
            (0.8, 7.0),
        ],
    );
}

#[test]
fn powf_with_a_constant_exponent_has_only_the_base_slope() {
    for (a, c) in [(2.0_f64, 3.0), (0.3, 0.5), (5.0, -1.25), (1.7, 1.0)] {
        let y = D::variable(a, 0).powf(D::constant(c));
        assert_same_f64(y.value(), a.powf(c), "value");
        assert_rel(
            y.partial(0),
            c * a.powf(c - 1.0),
            ANALYTIC,
            &format!("d/dx {a}^{c}"),
        );
        assert_eq!(y.partial(1), 0.0);
        let numeric = numeric_derivative(|t| t.powf(c), a);
        assert_close(y.partial(0), numeric, NUMERIC, NUMERIC_ABS, "Ridders");
    }
}

#[test]
fn powi_slope_is_n_x_to_n_minus_one() {
    fn via_float<S: Float>(x: S, n: i32) -> S {
        x.powi(n)
    }
    for n in [-3, -1, 0, 1, 2, 5, 11] {
        for a in [-1.7_f64, 0.5, 2.3] {
            let what = format!("powi({a}, {n})");
            let x = D::variable(a, 0);
            let y = x.powi(n);
            assert_same_dual(via_float(x, n), y, &what);
            assert_same_f64(y.value(), a.powi(n), &what);
            let slope = f64::from(n) * a.powf(f64::from(n - 1));
            assert_rel(y.partial(0), slope, ANALYTIC, &what);
            let numeric = numeric_derivative(|t| t.powi(n), a);
            assert_close(y.partial(0), numeric, NUMERIC, NUMERIC_ABS, &what);
        }
    }
}

#[test]
fn log_slopes_in_argument_and_base() {
    fn via_float<S: Float>(x: S, b: S) -> S {
        x.log(b)
    }
    check_binary(
        "log",
        |x, b| x.log(b),
        via_float,
        f64::log,
        |x, b| [1.0 / (x * b.ln()), -x.ln() / (b * b.ln() * b.ln())],
        &[(8.0, 2.0), (0.5, 10.0), (100.0, 0.3), (3.0, 7.0)],
    );
}

#[test]
fn hypot_slopes_are_coordinates_over_norm() {
    fn via_float<S: Float>(x: S, y: S) -> S {
        x.hypot(y)
    }
    check_binary(
        "hypot",
        |x, y| x.hypot(y),
        via_float,
        f64::hypot,
        |x, y| {
            let r = (x * x + y * y).sqrt();
            [x / r, y / r]
        },
        &[
            (3.0, 4.0),
            (-1.5, 0.2),
            (0.0, -2.0),
            (0.25, -0.6),
            (-7.0, -24.0),
        ],
    );
}

#[test]
fn atan2_slopes_are_x_and_minus_y_over_squared_norm() {
    fn via_float<S: Float>(y: S, x: S) -> S {
        y.atan2(x)
    }
    check_binary(
        "atan2",
        |y, x| y.atan2(x),
        via_float,
        f64::atan2,
        |y, x| {
            let r2 = x * x + y * y;
            [x / r2, -y / r2]
        },
        &[
            (1.0, 2.0),
            (-1.0, -0.5),
            (2.0, -3.0),
            (0.5, 1e-3),
            (-3.0, 1e-3),
        ],
    );
}

#[test]
fn max_and_min_take_the_slope_of_the_selected_argument() {
    fn max_via_float<S: Float>(x: S, y: S) -> S {
        x.max(y)
    }
    fn min_via_float<S: Float>(x: S, y: S) -> S {
        x.min(y)
    }
    let points = [(1.0, 2.0), (3.0, -1.0), (-2.5, -2.4)];
    check_binary(
        "max",
        |x, y| x.max(y),
        max_via_float,
        f64::max,
        |x, y| if x > y { [1.0, 0.0] } else { [0.0, 1.0] },
        &points,
    );
    check_binary(
        "min",
        |x, y| x.min(y),
        min_via_float,
        f64::min,
        |x, y| if x < y { [1.0, 0.0] } else { [0.0, 1.0] },
        &points,
    );
}

#[test]
fn abs_sub_slopes_are_one_and_minus_one_above_and_zero_below() {
    fn via_float<S: Float>(x: S, y: S) -> S {
        #[allow(deprecated)]
        Float::abs_sub(x, y)
    }
    // The positive difference, written out: independent of std's fdim.
    fn positive_difference(x: f64, y: f64) -> f64 {
        if x > y { x - y } else { 0.0 }
    }
    check_binary(
        "abs_sub",
        |x, y| {
            #[allow(deprecated)]
            x.abs_sub(y)
        },
        via_float,
        positive_difference,
        |x, y| if x > y { [1.0, -1.0] } else { [0.0, 0.0] },
        &[(3.0, 1.0), (1.0, 3.0), (-1.0, -4.0), (-4.0, -1.0)],
    );
}

#[test]
fn copysign_slope_is_plus_or_minus_one_and_zero_in_sign() {
    fn via_float<S: Float>(x: S, s: S) -> S {
        x.copysign(s)
    }
    check_binary(
        "copysign",
        |x, s| x.copysign(s),
        via_float,
        f64::copysign,
        |x, s| [x.signum() * s.signum(), 0.0],
        &[(3.0, -1.0), (-2.0, -5.0), (2.5, 4.0), (-2.0, 3.0)],
    );
}

#[test]
fn rem_slopes_are_one_and_minus_truncated_quotient() {
    fn via_float<S: Float>(x: S, y: S) -> S {
        x % y
    }
    check_binary(
        "%",
        |x, y| x % y,
        via_float,
        |x, y| x % y,
        |x, y| [1.0, -(x / y).trunc()],
        &[
            (7.5, 2.0),
            (-7.5, 2.0),
            (7.5, -2.0),
            (5.3, 1.1),
            (-0.3, 2.0),
            (100.25, -3.0),
        ],
    );
}

#[test]
fn rem_with_scalar_operands_has_the_same_slopes() {
    for (a, b) in [(7.5_f64, 2.0_f64), (-7.5, 2.0), (5.3, -1.1)] {
        let x = D::variable(a, 0);
        let left = x % b;
        assert_same_f64(left.value(), a % b, "x % c");
        assert_eq!(left.partials(), &[1.0, 0.0], "x % c");
        let y = D::variable(b, 1);
        let right = a % y;
        assert_same_f64(right.value(), a % b, "c % y");
        assert_eq!(right.partials(), &[0.0, -(a / b).trunc()], "c % y");
    }
}

#[test]
fn mul_add_slopes_are_a_x_and_one() {
    fn via_float<S: Float>(x: S, a: S, b: S) -> S {
        x.mul_add(a, b)
    }
    for (x0, a0, b0) in [(2.0_f64, 3.0, 4.0), (-1.5, 0.25, 7.0), (1e8, 1e-8, -1.0)] {
        let x = Dual::<f64, 3>::variable(x0, 0);
        let a = Dual::<f64, 3>::variable(a0, 1);
        let b = Dual::<f64, 3>::variable(b0, 2);
        let y = x.mul_add(a, b);
        assert_same_dual(via_float(x, a, b), y, "mul_add via Float");
        assert_same_f64(y.value(), x0.mul_add(a0, b0), "mul_add value");
        assert_eq!(y.partials(), &[a0, x0, 1.0]);
        let numeric = [
            numeric_derivative(|t| t.mul_add(a0, b0), x0),
            numeric_derivative(|t| x0.mul_add(t, b0), a0),
            numeric_derivative(|t| x0.mul_add(a0, t), b0),
        ];
        for i in 0..3 {
            assert_close(
                y.partial(i),
                numeric[i],
                NUMERIC,
                NUMERIC_ABS,
                "mul_add Ridders",
            );
        }
    }
}

#[test]
fn clamp_takes_the_slope_of_the_returned_argument() {
    fn via_float<S: Float>(x: S, lo: S, hi: S) -> S {
        x.clamp(lo, hi)
    }
    let (lo0, hi0) = (-1.0_f64, 2.0_f64);
    for (x0, want) in [
        (0.5_f64, [1.0, 0.0, 0.0]),
        (-3.0, [0.0, 1.0, 0.0]),
        (5.0, [0.0, 0.0, 1.0]),
    ] {
        let x = Dual::<f64, 3>::variable(x0, 0);
        let lo = Dual::<f64, 3>::variable(lo0, 1);
        let hi = Dual::<f64, 3>::variable(hi0, 2);
        let y = x.clamp(lo, hi);
        assert_same_dual(via_float(x, lo, hi), y, "clamp via Float");
        assert_same_f64(y.value(), x0.clamp(lo0, hi0), "clamp value");
        assert_eq!(y.partials(), &want, "clamp({x0}, {lo0}, {hi0})");
        let numeric = [
            numeric_derivative(|t| t.clamp(lo0, hi0), x0),
            numeric_derivative(|t| x0.clamp(t, hi0), lo0),
            numeric_derivative(|t| x0.clamp(lo0, t), hi0),
        ];
        for i in 0..3 {
            assert_close(
                y.partial(i),
                numeric[i],
                NUMERIC,
                NUMERIC_ABS,
                "clamp Ridders",
            );
        }
    }
}

#[test]
fn sin_cos_slopes_are_cos_and_minus_sin() {
    fn via_float<S: Float>(x: S) -> (S, S) {
        x.sin_cos()
    }
    for a in [-2.5_f64, 0.0, 0.5, 3.0] {
        let x = D::variable(a, 0);
        let (s, c) = x.sin_cos();
        let (gs, gc) = via_float(x);
        assert_same_dual(gs, s, "sin via Float::sin_cos");
        assert_same_dual(gc, c, "cos via Float::sin_cos");
        let (plain_s, plain_c) = a.sin_cos();
        assert_same_f64(s.value(), plain_s, "sin value");
        assert_same_f64(c.value(), plain_c, "cos value");
        assert_rel(s.partial(0), a.cos(), ANALYTIC, "d sin");
        assert_rel(c.partial(0), -a.sin(), ANALYTIC, "d cos");
        let numeric_s = numeric_derivative(f64::sin, a);
        let numeric_c = numeric_derivative(f64::cos, a);
        assert_close(s.partial(0), numeric_s, NUMERIC, NUMERIC_ABS, "sin Ridders");
        assert_close(c.partial(0), numeric_c, NUMERIC, NUMERIC_ABS, "cos Ridders");
    }
}

#[test]
fn negation_flips_value_and_every_partial() {
    let x = D::new(1.5, [2.0, -0.25]);
    let y = -x;
    assert_same_f64(y.value(), -1.5, "value");
    assert_eq!(y.partials(), &[-2.0, 0.25]);
    assert_eq!((-&x).partials(), &[-2.0, 0.25]);
}

/// A finite, moderately sized number.
fn moderate() -> impl Strategy<Value = f64> {
    -1e3..1e3_f64
}

/// A number with 0.01 ≤ |b| < 1e3 (a safe divisor).
fn divisor() -> impl Strategy<Value = f64> {
    (0.01..1e3_f64, any::<bool>()).prop_map(|(m, negative)| if negative { -m } else { m })
}

/// |got − want| ≤ 8ε · scale: a rule combining terms of total size `scale`.
fn within_rounding(got: f64, want: f64, scale: f64) -> bool {
    (got - want).abs() <= 8.0 * f64::EPSILON * scale
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn sum_and_difference_rules_add_partials_exactly(
        a in moderate(), b in moderate(),
        da in prop::array::uniform2(moderate()), db in prop::array::uniform2(moderate()),
    ) {
        let (x, y) = (D::new(a, da), D::new(b, db));
        let s = x + y;
        let d = x - y;
        prop_assert_eq!(s.value().to_bits(), (a + b).to_bits());
        prop_assert_eq!(d.value().to_bits(), (a - b).to_bits());
        for i in 0..2 {
            prop_assert_eq!(s.partial(i), da[i] + db[i]);
            prop_assert_eq!(d.partial(i), da[i] - db[i]);
        }
        // With a plain number on either side, only the dual's partials pass through.
        prop_assert_eq!((x + b).into_parts().1, da);
        prop_assert_eq!((b + x).into_parts().1, da);
        prop_assert_eq!((x - b).into_parts().1, da);
        prop_assert_eq!((b - x).into_parts().1, [-da[0], -da[1]]);
    }

    #[test]
    fn product_rule_matches_closed_form(
        a in moderate(), b in moderate(),
        da in prop::array::uniform2(moderate()), db in prop::array::uniform2(moderate()),
    ) {
        let p = D::new(a, da) * D::new(b, db);
        prop_assert_eq!(p.value().to_bits(), (a * b).to_bits());
        for i in 0..2 {
            let want = b * da[i] + a * db[i];
            let scale = (b * da[i]).abs() + (a * db[i]).abs();
            prop_assert!(within_rounding(p.partial(i), want, scale), "partial {}: {} vs {}", i, p.partial(i), want);
        }
        // c·x and x·c scale the partials by c.
        let (left, right) = (b * D::new(a, da), D::new(a, da) * b);
        for i in 0..2 {
            prop_assert!(within_rounding(left.partial(i), b * da[i], (b * da[i]).abs()));
            prop_assert!(within_rounding(right.partial(i), b * da[i], (b * da[i]).abs()));
        }
    }

    #[test]
    fn quotient_rule_matches_closed_form(
        a in moderate(), b in divisor(),
        da in prop::array::uniform2(moderate()), db in prop::array::uniform2(moderate()),
    ) {
        let q = D::new(a, da) / D::new(b, db);
        prop_assert_eq!(q.value().to_bits(), (a / b).to_bits());
        for i in 0..2 {
            let want = (da[i] * b - a * db[i]) / (b * b);
            let scale = (da[i] / b).abs() + (a * db[i] / (b * b)).abs();
            prop_assert!(within_rounding(q.partial(i), want, scale), "partial {}: {} vs {}", i, q.partial(i), want);
        }
        // x/c and c/y.
        let over_constant = D::new(a, da) / b;
        let constant_over = a / D::new(b, db);
        prop_assert_eq!(over_constant.value().to_bits(), (a / b).to_bits());
        prop_assert_eq!(constant_over.value().to_bits(), (a / b).to_bits());
        for i in 0..2 {
            prop_assert!(within_rounding(over_constant.partial(i), da[i] / b, (da[i] / b).abs()));
            let want = -a * db[i] / (b * b);
            prop_assert!(within_rounding(constant_over.partial(i), want, want.abs()));
        }
    }

    #[test]
    fn chain_rule_matches_closed_form_and_finite_differences(x0 in -3.0..3.0_f64, y0 in -3.0..3.0_f64) {
        // f(x, y) = sin(x·y) + exp(x / (1 + y²)).
        fn f<S: Float>(x: S, y: S) -> S {
            (x * y).sin() + (x / (S::one() + y * y)).exp()
        }
        let z = f(D::variable(x0, 0), D::variable(y0, 1));
        prop_assert_eq!(z.value().to_bits(), f(x0, y0).to_bits());
        let w = 1.0 + y0 * y0;
        let e = (x0 / w).exp();
        let c = (x0 * y0).cos();
        let want = [y0 * c + e / w, x0 * c - e * 2.0 * x0 * y0 / (w * w)];
        for i in 0..2 {
            let scale = (y0 * c).abs().max((x0 * c).abs()) + e + 1.0;
            prop_assert!((z.partial(i) - want[i]).abs() <= 1e-13 * scale, "∂{}: {} vs {}", i, z.partial(i), want[i]);
        }
        let numeric = [
            numeric_derivative(|t| f(t, y0), x0),
            numeric_derivative(|t| f(x0, t), y0),
        ];
        for i in 0..2 {
            prop_assert!((z.partial(i) - numeric[i]).abs() <= 1e-8 * (numeric[i].abs() + 1.0));
        }
    }

    #[test]
    fn chain_rule_composes_through_nested_elementary_functions(a in 0.1..5.0_f64) {
        // g(x) = ln(1 + sqrt(x)·cosh(x)), g′ = (cosh x/(2√x) + √x sinh x) / (1 + √x cosh x).
        let x = D::variable(a, 0);
        let g = (x.sqrt() * x.cosh()).ln_1p();
        prop_assert_eq!(g.value().to_bits(), (a.sqrt() * a.cosh()).ln_1p().to_bits());
        let root = a.sqrt();
        let want = (a.cosh() / (2.0 * root) + root * a.sinh()) / (1.0 + root * a.cosh());
        prop_assert!((g.partial(0) - want).abs() <= 1e-13 * want.abs(), "{} vs {}", g.partial(0), want);
        prop_assert_eq!(g.partial(1), 0.0);
    }
}
