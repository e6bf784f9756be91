//! The edge cases where other dual-number crates break (num-dual 0.15, for
//! one, panics on `%` and on nalgebra's `floor`, and gives NaN slopes for
//! `atan2(y, 0)` and for `sqrt` of a constant 0), one test per row of the
//! "Semantics at non-differentiable and singular points" table in the
//! crate docs: the documented slope, never a NaN where a finite slope is
//! promised, and never a panic.

use std::f64::consts::PI;

use crate::common::{AWKWARD, assert_rel, assert_same_f64};
use dualgrad::Dual;
use num_traits::Float;

type D3 = Dual<f64, 3>;

/// The rules with the zero-partials guard: their derivative is ±∞ or NaN at
/// a finite argument. Every other rule is plain IEEE arithmetic on the
/// partials (the crate docs' semantics table).
const SINGULAR: [&str; 11] = [
    "sqrt", "cbrt", "recip", "ln", "log2", "log10", "ln_1p", "asin", "acos", "atanh", "acosh",
];

/// Asserts every partial is exactly 0 (either sign), naming the culprit.
#[track_caller]
fn assert_zero_partials<const N: usize>(d: Dual<f64, N>, what: &str) {
    assert!(
        d.partials().iter().all(|&p| p == 0.0),
        "{what}: partials {:?}, want all 0",
        d.partials()
    );
}

// --- Row: functions of a constant 0 ------------------------------------------

#[test]
fn sqrt_cbrt_ln_recip_and_powf_half_of_a_constant_zero_have_zero_partials() {
    fn via_float<S: Float>(x: S) -> [S; 5] {
        let half = S::from(0.5).unwrap();
        [x.sqrt(), x.cbrt(), x.ln(), x.recip(), x.powf(half)]
    }
    for zero in [0.0_f64, -0.0] {
        let c = D3::constant(zero);
        let plain = [
            zero.sqrt(),
            zero.cbrt(),
            zero.ln(),
            zero.recip(),
            zero.powf(0.5),
        ];
        let inherent = [
            c.sqrt(),
            c.cbrt(),
            c.ln(),
            c.recip(),
            c.powf(D3::constant(0.5)),
        ];
        let names = ["sqrt", "cbrt", "ln", "recip", "powf(·, 0.5)"];
        for (((name, d), g), p) in names.iter().zip(inherent).zip(via_float(c)).zip(plain) {
            let what = format!("{name}(constant {zero:?})");
            assert_same_f64(d.value(), p, &what);
            assert_zero_partials(d, &what);
            assert_same_f64(g.value(), p, &format!("{what} via Float"));
            assert_zero_partials(g, &format!("{what} via Float"));
        }
    }
}

#[test]
fn every_function_of_a_constant_at_its_singular_point_has_zero_partials() {
    // Points where f′ is ±∞ or NaN: the constant's zero partials must survive.
    let cases: [(&str, D3, f64); 14] = {
        let c = D3::constant;
        [
            ("log2(0)", c(0.0).log2(), 0.0_f64.log2()),
            ("log10(0)", c(0.0).log10(), 0.0_f64.log10()),
            ("ln_1p(-1)", c(-1.0).ln_1p(), (-1.0_f64).ln_1p()),
            ("asin(1)", c(1.0).asin(), 1.0_f64.asin()),
            ("acos(-1)", c(-1.0).acos(), (-1.0_f64).acos()),
            ("atanh(1)", c(1.0).atanh(), 1.0_f64.atanh()),
            ("acosh(1)", c(1.0).acosh(), 1.0_f64.acosh()),
            ("powf(0, -1)", c(0.0).powf(c(-1.0)), 0.0_f64.powf(-1.0)),
            ("powi(0, -2)", c(0.0).powi(-2), 0.0_f64.powi(-2)),
            ("log(0, 2)", c(0.0).log(c(2.0)), 0.0_f64.log(2.0)),
            ("log(2, 1)", c(2.0).log(c(1.0)), 2.0_f64.log(1.0)),
            ("1 / 0", c(1.0) / c(0.0), 1.0 / 0.0),
            ("atan2(0, 0)", c(0.0).atan2(c(0.0)), 0.0_f64.atan2(0.0)),
            ("hypot(0, 0)", c(0.0).hypot(c(0.0)), 0.0_f64.hypot(0.0)),
        ]
    };
    for (what, d, plain) in cases {
        assert_same_f64(d.value(), plain, what);
        assert_zero_partials(d, what);
    }
}

// --- Row: sqrt of a variable at 0 --------------------------------------------

#[test]
fn sqrt_of_a_variable_at_zero_has_infinite_slope_in_the_seeded_direction_only() {
    fn via_float<S: Float>(x: S) -> S {
        x.sqrt()
    }
    let x = D3::variable(0.0, 1);
    for y in [x.sqrt(), via_float(x)] {
        assert_same_f64(y.value(), 0.0, "sqrt(0)");
        assert_eq!(y.partials(), &[0.0, f64::INFINITY, 0.0]);
    }
    // A direction with mixed signs: ±∞ where seeded, 0 where not.
    let y = D3::new(0.0, [2.0, 0.0, -3.0]).sqrt();
    assert_eq!(y.partials(), &[f64::INFINITY, 0.0, f64::NEG_INFINITY]);
}

#[test]
fn powf_half_and_cbrt_of_a_variable_at_zero_have_infinite_slope_too() {
    let x = D3::variable(0.0, 0);
    let y = x.powf(D3::constant(0.5));
    assert_eq!(y.partials(), &[f64::INFINITY, 0.0, 0.0]);
    let y = x.cbrt();
    assert_eq!(y.partials(), &[f64::INFINITY, 0.0, 0.0]);
}

#[test]
fn sqrt_of_a_variable_at_negative_zero_has_positive_infinite_slope() {
    let y = D3::variable(-0.0, 0).sqrt();
    assert_eq!(y.partials(), &[f64::INFINITY, 0.0, 0.0]);
}

// --- Row: atan2 on the axes ----------------------------------------------------

#[test]
fn atan2_on_the_y_axis_has_finite_closed_form_slopes() {
    // atan2(y, 0): ∂/∂y = 0/(0 + y²) = 0, ∂/∂x = −y/y² = −1/y.
    for y0 in [1.0_f64, -2.0, 0.5, 1e-3] {
        let y = D3::variable(y0, 0);
        let x = D3::variable(0.0, 1);
        let t = y.atan2(x);
        assert_same_f64(t.value(), y0.atan2(0.0), "value");
        assert_eq!(t.partial(0), 0.0, "∂/∂y at ({y0}, 0)");
        assert_rel(
            t.partial(1),
            -1.0 / y0,
            1e-15,
            &format!("∂/∂x at ({y0}, 0)"),
        );
        assert_eq!(t.partial(2), 0.0);
    }
}

#[test]
fn atan2_on_the_x_axis_has_finite_closed_form_slopes() {
    // atan2(0, x): ∂/∂y = x/x² = 1/x, ∂/∂x = −0/x² = 0, on both half-axes.
    for x0 in [3.0_f64, -2.0, 0.25] {
        for zero in [0.0_f64, -0.0] {
            let y = D3::variable(zero, 0);
            let x = D3::variable(x0, 1);
            let t = y.atan2(x);
            assert_same_f64(t.value(), zero.atan2(x0), "value");
            assert_rel(
                t.partial(0),
                1.0 / x0,
                1e-15,
                &format!("∂/∂y at ({zero}, {x0})"),
            );
            assert_eq!(t.partial(1), 0.0, "∂/∂x at ({zero}, {x0})");
        }
    }
}

#[test]
fn atan2_and_hypot_at_the_origin_have_zero_slopes() {
    let y = D3::variable(0.0, 0);
    let x = D3::variable(0.0, 1);
    let t = y.atan2(x);
    assert_same_f64(t.value(), 0.0_f64.atan2(0.0), "atan2(0, 0)");
    assert_zero_partials(t, "atan2(0, 0)");
    let t = y.atan2(-x);
    assert_same_f64(t.value(), 0.0_f64.atan2(-0.0), "atan2(0, -0)");
    assert_zero_partials(t, "atan2(0, -0)");
    let h = x.hypot(y);
    assert_same_f64(h.value(), 0.0, "hypot(0, 0)");
    assert_zero_partials(h, "hypot(0, 0)");
}

// --- Row: powf with a negative base and an integer-valued constant exponent ---

#[test]
fn powf_of_a_negative_base_with_integer_constant_exponent_follows_powi() {
    for (a, n) in [
        (-2.0_f64, 2.0_f64),
        (-2.0, 3.0),
        (-1.5, -2.0),
        (-0.5, 5.0),
        (-3.0, 1.0),
    ] {
        let y = D3::variable(a, 0).powf(D3::constant(n));
        let what = format!("powf({a}, {n})");
        assert_same_f64(y.value(), a.powf(n), &what);
        assert_rel(y.partial(0), n * a.powi(n as i32 - 1), 1e-15, &what);
        assert_eq!(&y.partials()[1..], &[0.0, 0.0], "{what}: no NaN from ln(a)");
    }
    let square = D3::variable(-2.0, 0).powf(D3::constant(2.0));
    assert_eq!((square.value(), square.partial(0)), (4.0, -4.0));
    let cube = D3::variable(-2.0, 0).powf(D3::constant(3.0));
    assert_eq!((cube.value(), cube.partial(0)), (-8.0, 12.0));
}

#[test]
fn powi_and_powf_with_exponent_zero_are_one_with_slope_zero() {
    for a in [0.0_f64, -0.0, -3.0, 2.5] {
        let x = D3::variable(a, 0);
        let y = x.powi(0);
        assert_eq!((y.value(), *y.partials()), (1.0, [0.0; 3]), "powi({a}, 0)");
        let y = x.powf(D3::constant(0.0));
        assert_eq!((y.value(), *y.partials()), (1.0, [0.0; 3]), "powf({a}, 0)");
    }
}

#[test]
fn powf_of_zero_base_has_zero_slope_in_a_positive_exponent() {
    for n0 in [0.5_f64, 1.0, 2.0, 3.5] {
        let x = D3::variable(0.0, 0);
        let n = D3::variable(n0, 1);
        let y = x.powf(n);
        assert_same_f64(y.value(), 0.0_f64.powf(n0), "value");
        assert_eq!(y.partial(1), 0.0, "∂/∂n of 0^{n0}");
        // ∂/∂x of xⁿ at 0: +∞ below 1, 1 at 1, 0 above.
        let want = if n0 < 1.0 {
            f64::INFINITY
        } else if n0 == 1.0 {
            1.0
        } else {
            0.0
        };
        assert_eq!(y.partial(0), want, "∂/∂x of 0^{n0}");
    }
}

#[test]
fn powf_slope_is_right_where_the_power_underflows() {
    // xⁿ underflows to 0 or a subnormal while n·xⁿ⁻¹ is a normal number.
    for (a, n) in [(1e-200_f64, 2.0_f64), (1e-160, 2.0), (1e-110, 3.0)] {
        let y = D3::variable(a, 0).powf(D3::constant(n));
        let want = n * a.powi(n as i32 - 1);
        assert_rel(y.partial(0), want, 1e-14, &format!("d/dx powf({a:e}, {n})"));
        // The same function through powi and through multiplication agrees.
        let via_powi = D3::variable(a, 0).powi(n as i32);
        assert_rel(via_powi.partial(0), want, 1e-14, "powi");
    }
}

// --- Row: piecewise-constant functions and fract ----------------------------

#[test]
fn floor_ceil_round_trunc_and_signum_have_slope_zero_even_at_jumps() {
    fn via_float<S: Float>(x: S) -> [S; 5] {
        [x.floor(), x.ceil(), x.round(), x.trunc(), x.signum()]
    }
    for a in [-2.5_f64, -1.0, -0.5, -0.0, 0.0, 0.5, 1.0, 2.5, 3.7, 1e300] {
        let x = D3::variable(a, 0);
        let plain = [a.floor(), a.ceil(), a.round(), a.trunc(), a.signum()];
        let inherent = [x.floor(), x.ceil(), x.round(), x.trunc(), x.signum()];
        let names = ["floor", "ceil", "round", "trunc", "signum"];
        for (((name, d), g), p) in names.iter().zip(inherent).zip(via_float(x)).zip(plain) {
            let what = format!("{name}({a})");
            assert_same_f64(d.value(), p, &what);
            assert_eq!(d.partials(), &[0.0; 3], "{what}");
            assert_eq!(g.partials(), &[0.0; 3], "{what} via Float");
        }
    }
}

#[test]
fn fract_has_slope_one_even_at_integers() {
    for a in [-2.5_f64, -1.0, -0.0, 0.0, 1.0, 2.75, 1e10 + 0.5] {
        let y = D3::variable(a, 0).fract();
        assert_same_f64(y.value(), a.fract(), &format!("fract({a})"));
        assert_eq!(y.partials(), &[1.0, 0.0, 0.0], "fract({a})");
    }
}

// --- Row: the remainder a % b ------------------------------------------------

#[test]
fn rem_slopes_are_one_and_minus_truncated_quotient_with_any_signs() {
    for (a, b) in [
        (7.5_f64, 2.0_f64),
        (-7.5, 2.0),
        (7.5, -2.0),
        (-7.5, -2.0),
        (0.75, 2.0),
        (-0.75, 2.0),
        (6.0, 2.0),
        (-6.0, 4.0),
        (1e6 + 0.25, 7.0),
    ] {
        let what = format!("{a} % {b}");
        let x = D3::variable(a, 0);
        let y = D3::variable(b, 1);
        let r = x % y;
        assert_same_f64(r.value(), a % b, &what);
        assert_eq!(r.partials(), &[1.0, -(a / b).trunc(), 0.0], "{what}");
        // Every ownership form and the scalar forms agree.
        #[allow(clippy::op_ref)] // the by-reference form is what is under test
        let by_reference = &x % &y;
        assert_eq!(by_reference.partials(), r.partials(), "{what} by reference");
        assert_eq!((x % b).partials(), &[1.0, 0.0, 0.0], "{what}, constant b");
        assert_eq!(
            (a % y).partials(),
            &[0.0, -(a / b).trunc(), 0.0],
            "{what}, constant a"
        );
        let mut z = x;
        z %= y;
        assert_eq!(z.partials(), r.partials(), "{what} via %=");
    }
}

#[test]
fn rem_slope_uses_the_quotient_behind_the_remainder_where_division_rounds() {
    // 1.0 / 0.1 rounds to 10, but 0.1 (as f64) is slightly above 1/10, so
    // 1.0 % 0.1 = 1.0 − 9·0.1 ≈ 0.09999999999999995: locally a − 9b.
    let r = D3::variable(1.0, 0) % D3::variable(0.1, 1);
    assert_same_f64(r.value(), 1.0 % 0.1, "value");
    assert!(
        r.value() > 0.09,
        "the remainder is about 0.1, so the quotient is 9"
    );
    assert_eq!(r.partials(), &[1.0, -9.0, 0.0]);
}

#[test]
fn rem_by_zero_or_infinity_returns_ieee_values_without_panicking() {
    let x = D3::variable(5.0, 0);
    let r = x % D3::variable(0.0, 1);
    assert!(r.value().is_nan());
    let r = x % 0.0;
    assert!(r.value().is_nan());
    let r = 5.0 % D3::variable(0.0, 1);
    assert!(r.value().is_nan());
    // a % ∞ = a for finite a: slopes 1 and −trunc(a/∞) = 0.
    let r = x % D3::variable(f64::INFINITY, 1);
    assert_eq!(r.value(), 5.0);
    assert_eq!(r.partials(), &[1.0, 0.0, 0.0]);
    let r = D3::variable(f64::INFINITY, 0) % D3::variable(2.0, 1);
    assert!(r.value().is_nan());
}

// --- Row: kinks: abs at 0, max/min/clamp at a tie ----------------------------

#[test]
fn abs_and_copysign_at_zero_have_slope_zero() {
    for zero in [0.0_f64, -0.0] {
        let x = D3::variable(zero, 0);
        let y = x.abs();
        assert_same_f64(y.value(), zero.abs(), "abs value");
        assert_zero_partials(y, &format!("abs({zero:?})"));
        for sign in [1.0_f64, -1.0] {
            let y = x.copysign(D3::variable(sign, 1));
            assert_same_f64(y.value(), zero.copysign(sign), "copysign value");
            assert_zero_partials(y, &format!("copysign({zero:?}, {sign})"));
        }
    }
}

#[test]
fn max_min_and_clamp_at_a_tie_average_the_tied_slopes() {
    let x = D3::new(1.0, [1.0, 0.0, 4.0]);
    let y = D3::new(1.0, [0.0, 3.0, -2.0]);
    assert_eq!(x.max(y).value(), 1.0);
    assert_eq!(x.max(y).partials(), &[0.5, 1.5, 1.0]);
    assert_eq!(x.min(y).partials(), &[0.5, 1.5, 1.0]);
    assert_eq!(y.max(x).partials(), &[0.5, 1.5, 1.0]);
    // clamp at x = lo and at x = hi.
    let lo = D3::new(1.0, [0.0, 2.0, 0.0]);
    let hi = D3::new(3.0, [0.0, 0.0, 6.0]);
    let at_lo = D3::variable(1.0, 0).clamp(lo, hi);
    assert_eq!((at_lo.value(), *at_lo.partials()), (1.0, [0.5, 1.0, 0.0]));
    let at_hi = D3::variable(3.0, 0).clamp(lo, hi);
    assert_eq!((at_hi.value(), *at_hi.partials()), (3.0, [0.5, 0.0, 3.0]));
    // abs_sub at a tie: half of dx − dy.
    #[allow(deprecated)]
    let d = x.abs_sub(y);
    assert_eq!((d.value(), *d.partials()), (0.0, [0.5, -1.5, 3.0]));
}

#[test]
fn max_and_min_with_a_nan_argument_return_the_other_one() {
    let x = D3::variable(2.0, 0);
    let nan = D3::new(f64::NAN, [0.0, 1.0, 0.0]);
    for d in [x.max(nan), nan.max(x), x.min(nan), nan.min(x)] {
        assert_eq!((d.value(), *d.partials()), (2.0, [1.0, 0.0, 0.0]));
    }
}

#[test]
fn clamp_with_reversed_bounds_follows_the_documented_rule_without_panicking() {
    // min > max: min for x < min, max otherwise (slope 0: constant bounds);
    // a NaN x is returned as is.
    let lo = D3::constant(2.0);
    let hi = D3::constant(1.0);
    for (a, value) in [(0.0_f64, 2.0), (1.5, 2.0), (3.0, 1.0)] {
        let y = D3::variable(a, 0).clamp(lo, hi);
        assert_eq!(
            (y.value(), *y.partials()),
            (value, [0.0; 3]),
            "clamp({a}, 2, 1)"
        );
    }
    let y = D3::variable(f64::NAN, 0).clamp(lo, hi);
    assert!(y.value().is_nan() && y.partial(0) == 1.0, "{y:?}");
    // A NaN bound does not panic either.
    for a in [0.0_f64, 1.5, 3.0, f64::NAN] {
        let _ = D3::variable(a, 0).clamp(D3::constant(f64::NAN), hi);
    }
}

// --- Row: NaN and ±∞ inputs -----------------------------------------------------

type Unary = (&'static str, fn(D3) -> D3, fn(f64) -> f64);

/// Every one-argument `Float` method, on duals and on plain f64.
fn unary_functions() -> Vec<Unary> {
    macro_rules! table {
        ($($name:ident),+) => {
            vec![$((
                stringify!($name),
                (|x: D3| x.$name()) as fn(D3) -> D3,
                (|x: f64| x.$name()) as fn(f64) -> f64,
            )),+]
        };
    }
    table!(
        sqrt, cbrt, recip, exp, exp2, exp_m1, ln, log2, log10, ln_1p, sin, cos, tan, asin, acos,
        atan, sinh, cosh, tanh, asinh, acosh, atanh, to_degrees, to_radians, abs, signum, floor,
        ceil, round, trunc, fract
    )
}

type Binary = (&'static str, fn(D3, D3) -> D3, fn(f64, f64) -> f64);

/// Every two-argument `Float` method and operator, on duals and on plain f64.
fn binary_functions() -> Vec<Binary> {
    vec![
        ("powf", |x, y| x.powf(y), f64::powf),
        ("log", |x, y| x.log(y), f64::log),
        ("hypot", |x, y| x.hypot(y), f64::hypot),
        ("atan2", |x, y| x.atan2(y), f64::atan2),
        ("max", |x, y| x.max(y), f64::max),
        ("min", |x, y| x.min(y), f64::min),
        (
            "abs_sub",
            |x, y| {
                #[allow(deprecated)]
                x.abs_sub(y)
            },
            |x, y| {
                #[allow(deprecated)]
                Float::abs_sub(x, y)
            },
        ),
        ("copysign", |x, y| x.copysign(y), f64::copysign),
        ("+", |x, y| x + y, |x, y| x + y),
        ("-", |x, y| x - y, |x, y| x - y),
        ("*", |x, y| x * y, |x, y| x * y),
        ("/", |x, y| x / y, |x, y| x / y),
        ("%", |x, y| x % y, |x, y| x % y),
        ("powi(·, 3)", |x, _| x.powi(3), |x, _| x.powi(3)),
        ("powi(·, -2)", |x, _| x.powi(-2), |x, _| x.powi(-2)),
        (
            "mul_add(·, ·, 1)",
            |x, y| x.mul_add(y, D3::constant(1.0)),
            |x, y| x.mul_add(y, 1.0),
        ),
        (
            "clamp(·, -1, 1)",
            |x, _| x.clamp(D3::constant(-1.0), D3::constant(1.0)),
            |x, _| x.clamp(-1.0, 1.0),
        ),
    ]
}

const SPECIAL: [f64; 5] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0];

#[test]
fn nan_and_infinite_inputs_give_ieee_values_in_every_unary_function() {
    for (name, dual, plain) in unary_functions() {
        for a in SPECIAL {
            for input in [D3::variable(a, 0), D3::constant(a)] {
                let y = dual(input);
                assert_same_f64(y.value(), plain(a), &format!("{name}({a})"));
            }
        }
    }
}

#[test]
fn nan_and_infinite_inputs_give_ieee_values_in_every_binary_function() {
    let others = [
        1.5_f64,
        -2.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
    ];
    for (name, dual, plain) in binary_functions() {
        for a in SPECIAL {
            for b in others {
                for (x, y) in [(a, b), (b, a)] {
                    let z = dual(D3::variable(x, 0), D3::variable(y, 1));
                    assert_same_f64(z.value(), plain(x, y), &format!("{name}({x}, {y})"));
                }
            }
        }
    }
}

#[test]
fn nan_input_gives_nan_slope_in_smooth_functions() {
    for (name, dual, _) in unary_functions() {
        if [
            "to_degrees",
            "to_radians",
            "signum",
            "floor",
            "ceil",
            "round",
            "trunc",
            "fract",
        ]
        .contains(&name)
        {
            continue; // constant slopes: 180/π, 0, 1 whatever the value
        }
        let y = dual(D3::variable(f64::NAN, 0));
        assert!(y.partial(0).is_nan(), "{name}(NaN): slope {}", y.partial(0));
        let unseeded = &y.partials()[1..];
        if SINGULAR.contains(&name) {
            // Guarded: NaN·0 stays 0.
            assert_eq!(unseeded, &[0.0, 0.0], "{name}(NaN): unseeded slots");
        } else {
            // Plain IEEE arithmetic: NaN·0 = NaN.
            assert!(
                unseeded.iter().all(|p| p.is_nan()),
                "{name}(NaN): unseeded slots {unseeded:?}, want NaN (NaN·0, IEEE)"
            );
        }
    }
}

#[test]
fn infinite_inputs_give_the_limiting_slopes() {
    let inf = f64::INFINITY;
    let at = |a: f64| D3::variable(a, 0);
    // (function, input, value, slope)
    let cases: [(&str, D3, f64, f64); 12] = [
        ("exp(-∞)", at(-inf).exp(), 0.0, 0.0),
        ("exp(∞)", at(inf).exp(), inf, inf),
        ("atan(∞)", at(inf).atan(), PI / 2.0, 0.0),
        ("atan(-∞)", at(-inf).atan(), -PI / 2.0, 0.0),
        ("tanh(∞)", at(inf).tanh(), 1.0, 0.0),
        ("tanh(-∞)", at(-inf).tanh(), -1.0, 0.0),
        ("sqrt(∞)", at(inf).sqrt(), inf, 0.0),
        ("ln(∞)", at(inf).ln(), inf, 0.0),
        ("recip(∞)", at(inf).recip(), 0.0, 0.0),
        ("recip(-∞)", at(-inf).recip(), -0.0, 0.0),
        ("abs(-∞)", at(-inf).abs(), inf, -1.0),
        ("exp2(-∞)", at(-inf).exp2(), 0.0, 0.0),
    ];
    for (what, y, value, slope) in cases {
        assert_same_f64(y.value(), value, what);
        assert_eq!(y.partial(0), slope, "{what}");
        if what == "exp(∞)" {
            // A smooth rule with an infinite coefficient: ∞·0 = NaN (IEEE).
            assert!(y.partials()[1..].iter().all(|p| p.is_nan()), "{what}");
        } else {
            assert_eq!(&y.partials()[1..], &[0.0, 0.0], "{what}");
        }
    }
}

// --- Overflow ------------------------------------------------------------------

#[test]
fn overflow_gives_infinite_value_and_slope() {
    // Smooth rules are plain IEEE arithmetic: the overflowing coefficient
    // times the unseeded zeros is NaN (the semantics table's IEEE row).
    let ieee = |y: D3, what: &str| {
        assert_eq!(
            (y.value(), y.partial(0)),
            (f64::INFINITY, f64::INFINITY),
            "{what}"
        );
        assert!(
            y.partials()[1..].iter().all(|p| p.is_nan()),
            "{what}: {y:?}"
        );
    };
    ieee(D3::variable(1000.0, 0).exp(), "exp(1000)");
    ieee(D3::variable(1000.0, 0).cosh(), "cosh(1000)");
    ieee(D3::variable(10.0, 0).powi(400), "powi(10, 400)");
    let y = D3::variable(-1000.0, 0).exp();
    assert_eq!((y.value(), *y.partials()), (0.0, [0.0, 0.0, 0.0]));
    let y = D3::variable(10.0, 0).powf(D3::constant(400.0));
    assert_eq!(
        (y.value(), *y.partials()),
        (f64::INFINITY, [f64::INFINITY, 0.0, 0.0])
    );
    // x·x at 1e200: the value overflows, the slope 2x = 2e200 does not.
    let x = D3::variable(1e200, 0);
    let y = x * x;
    assert_eq!(
        (y.value(), *y.partials()),
        (f64::INFINITY, [2e200, 0.0, 0.0])
    );
}

#[test]
fn powi_with_the_most_negative_exponent_does_not_panic() {
    let y = D3::variable(1.0, 0).powi(i32::MIN);
    assert_eq!(y.value(), 1.0);
    assert_eq!(y.partial(0), f64::from(i32::MIN));
    let y = D3::variable(2.0, 0).powi(i32::MIN);
    assert_eq!(y.value(), 0.0);
    assert_eq!(y.partial(0), 0.0);
}

// --- Row: constant ∞ in arithmetic --------------------------------------------------

#[test]
fn constant_infinity_in_division_gives_no_nan_partials() {
    let inf = D3::constant(f64::INFINITY);
    let two = D3::constant(2.0);
    let zero = D3::constant(0.0);
    let cases: [(&str, D3); 9] = [
        ("∞/∞", inf / inf),
        ("∞/0", inf / zero),
        ("2/0", two / zero),
        ("0/0", zero / zero),
        ("∞ − ∞", inf - inf),
        ("∞/0 scalar", inf / 0.0),
        ("2.0/0", 2.0 / zero),
        ("∞ % 0", inf % zero),
        ("2 % 0", two % 0.0),
    ];
    for (what, d) in cases {
        assert_zero_partials(d, what);
    }
}

#[test]
fn constant_infinity_in_products_follows_ieee() {
    // The product rule is plain arithmetic: b·da + a·db with a = ∞ and
    // db = 0 is ∞·0 = NaN, as the semantics table says.
    let inf = D3::constant(f64::INFINITY);
    let two = D3::constant(2.0);
    for (what, d) in [("∞·2", inf * two), ("2·∞", two * inf)] {
        assert!(d.partials().iter().all(|p| p.is_nan()), "{what}: {d:?}");
    }
    // A plain scalar factor is the finite coefficient itself: exact zeros.
    assert_zero_partials(inf * 2.0, "∞·2.0");
    assert_zero_partials(2.0 * inf, "2.0·∞");
    // Finite constants are exact, whatever their size.
    assert_zero_partials(D3::constant(1e308) * two, "1e308·2");
}

#[test]
fn variable_times_constant_infinity_follows_ieee_and_division_by_zero_is_guarded() {
    let x = D3::variable(3.0, 1);
    let inf = D3::constant(f64::INFINITY);
    // Plain IEEE arithmetic: the seeded slot is ∞, the others ∞·0 = NaN.
    for y in [x * inf, inf * x, x * f64::INFINITY, f64::INFINITY * x] {
        assert_eq!(y.partial(1), f64::INFINITY);
        assert!(y.partial(0).is_nan() && y.partial(2).is_nan(), "{y:?}");
    }
    // Division by a constant 0 is guarded: ∞ in the seeded slot only.
    let y = x / 0.0;
    assert_eq!(y.partials(), &[0.0, f64::INFINITY, 0.0]);
    let y = x / D3::constant(0.0);
    assert_eq!(y.partials(), &[0.0, f64::INFINITY, 0.0]);
}

// --- Row: powf/powi with zero and negative bases ------------------------------------

#[test]
fn powi_of_zero_and_negative_bases_has_slope_n_x_to_n_minus_one() {
    // (base, n, value, slope)
    let inf = f64::INFINITY;
    let cases: [(f64, i32, f64, f64); 10] = [
        (0.0, 1, 0.0, 1.0),
        (0.0, 2, 0.0, 0.0),
        (0.0, 3, 0.0, 0.0),
        (0.0, -1, inf, -inf),
        (0.0, -2, inf, -inf),
        (-0.0, -1, -inf, -inf),
        (-2.0, 2, 4.0, -4.0),
        (-2.0, 3, -8.0, 12.0),
        (-2.0, -1, -0.5, -0.25),
        (-2.0, -2, 0.25, 0.25),
    ];
    for (a, n, value, slope) in cases {
        let y = D3::variable(a, 0).powi(n);
        let what = format!("powi({a:?}, {n})");
        assert_same_f64(y.value(), value, &what);
        assert_eq!(y.partial(0), slope, "{what}");
        assert_eq!(&y.partials()[1..], &[0.0, 0.0], "{what}: unseeded slots");
        assert_same_f64(y.value(), a.powi(n), &format!("{what} against f64"));
    }
}

#[test]
fn powf_of_a_negative_base_with_a_non_integer_exponent_is_nan_without_panicking() {
    let y = D3::variable(-2.0, 0).powf(D3::constant(0.5));
    assert!(y.value().is_nan());
    let y = D3::variable(-2.0, 0).powf(D3::variable(1.5, 1));
    assert!(y.value().is_nan());
}

#[test]
fn powf_of_a_negative_base_with_a_variable_exponent_has_nan_slope_in_the_exponent_only() {
    // xⁿ for x < 0 is real only at integer n: there is no slope in n, and
    // the slope in x is the powi one.
    let y = D3::variable(-2.0, 0).powf(D3::variable(2.0, 1));
    assert_eq!(y.value(), 4.0);
    assert_eq!(y.partial(0), -4.0);
    assert!(y.partial(1).is_nan(), "∂/∂n of (−2)ⁿ: {}", y.partial(1));
    assert_eq!(y.partial(2), 0.0);
}

// --- Row: constants never leak NaN partials, at any nesting level -------------------

#[test]
fn constants_never_leak_nan_partials_through_singular_functions() {
    // Singular rules at every awkward input; the other rules wherever their
    // value is finite (an infinite or NaN value follows IEEE arithmetic).
    for (name, dual, plain) in unary_functions() {
        for a in AWKWARD {
            if SINGULAR.contains(&name) || plain(a).is_finite() {
                assert_zero_partials(dual(D3::constant(a)), &format!("{name}(constant {a:e})"));
            }
        }
    }
    for (name, dual, plain) in binary_functions() {
        for a in AWKWARD {
            for b in AWKWARD {
                if ["powf", "log", "atan2", "hypot"].contains(&name)
                    || (a.is_finite() && b.is_finite() && plain(a, b).is_finite())
                {
                    let d = dual(D3::constant(a), D3::constant(b));
                    assert_zero_partials(d, &format!("{name}(constant {a:e}, constant {b:e})"));
                }
            }
        }
    }
}

#[test]
fn nested_constants_never_leak_nan_partials_at_either_level() {
    type Nested = Dual<Dual<f64, 2>, 2>;
    fn assert_all_zero(d: Nested, what: &str) {
        let (inner, outer) = d.into_parts();
        assert!(
            inner.partials().iter().all(|&p| p == 0.0)
                && outer
                    .iter()
                    .all(|o| o.value() == 0.0 && o.partials().iter().all(|&p| p == 0.0)),
            "{what}: {d:?}"
        );
    }
    let c = |a: f64| Nested::constant(Dual::constant(a));
    for a in AWKWARD {
        let x = c(a);
        let results = [
            ("sqrt", x.sqrt()),
            ("cbrt", x.cbrt()),
            ("ln", x.ln()),
            ("recip", x.recip()),
            ("asin", x.asin()),
            ("acosh", x.acosh()),
            ("atanh", x.atanh()),
            ("tanh", x.tanh()),
            ("powf(·, 0.5)", x.powf(c(0.5))),
            ("powi(·, -2)", x.powi(-2)),
            ("log(·, 0)", x.log(c(0.0))),
            ("atan2(·, 0)", x.atan2(c(0.0))),
            ("hypot(·, 0)", x.hypot(c(0.0))),
            ("1 / ·", c(1.0) / x),
        ];
        for (name, d) in results {
            // tanh is a smooth rule: IEEE for a non-finite input.
            if a.is_finite() || name != "tanh" {
                assert_all_zero(d, &format!("{name}(nested constant {a:e})"));
            }
        }
    }
}

// --- Found by the fuzzer (tests/it/fuzz/): second derivatives and nesting ------------

/// The second-order dual (x + δ) + (1 + 0δ)ε: value, f′ and f″ in one.
fn second_order(x: f64) -> Dual<Dual<f64, 1>, 1> {
    Dual::new(Dual::variable(x, 0), [Dual::constant(1.0)])
}

#[test]
fn tanh_second_derivative_is_finite_where_cosh_squared_overflows() {
    // The rule 1/cosh²x overflowed cosh² past |x| ≈ 355, and the nested
    // dual's reciprocal turned its infinite slope into 0·∞ = NaN:
    // hessian(tanh, [400]) was [[NaN]].
    for x in [300.0_f64, 355.0, 400.0, -400.0, 710.0, 800.0, -1e6] {
        let y = second_order(x).tanh();
        let (value, first, second) = (
            y.value().value(),
            y.value().partial(0),
            y.partial(0).partial(0),
        );
        assert_same_f64(value, x.tanh(), &format!("tanh({x})"));
        // f″ = −2·tanh x·sech²x, which underflows to ∓0 past |x| ≈ 373.
        let sech2 = 4.0 * (-2.0 * x.abs()).exp() / (1.0 + (-2.0 * x.abs()).exp()).powi(2);
        assert_rel(first, sech2, 1e-12, &format!("tanh′({x})"));
        assert_rel(
            second,
            -2.0 * x.tanh() * sech2,
            1e-12,
            &format!("tanh″({x})"),
        );
        assert_eq!(dualgrad::hessian(|v| v[0].tanh(), [x]), [[second]]);
    }
}

#[test]
fn log_with_a_zero_or_infinite_base_has_finite_second_derivative() {
    // log_b x = ln x / ln b ≡ ∓0 for b = 0 or ∞; the rule 1/(x·ln b) gave
    // the nested dual 0·∞ = NaN in its second derivative.
    for base in [0.0_f64, -0.0, f64::INFINITY] {
        let b = Dual::constant(Dual::constant(base));
        let y = second_order(2.0).log(b);
        assert_same_f64(
            y.value().value(),
            2.0_f64.log(base),
            &format!("log(2, {base})"),
        );
        assert_eq!(y.value().partial(0), 0.0, "d/dx log(x, {base})");
        assert_eq!(y.partial(0).partial(0), 0.0, "d²/dx² log(x, {base})");
    }
    let h = dualgrad::hessian(|v| v[0].log(v[1] - v[1]), [2.0, 3.0]);
    assert!(h.iter().flatten().all(|p| !p.is_nan()), "{h:?}");
}

#[test]
fn log_of_x_in_base_x_has_slope_exactly_zero() {
    // ∂/∂x and ∂/∂b of log_b x are written alike, so log(x, x) ≡ 1 has slope
    // 0, not a rounding residue that powf(negative, ·) would turn into NaN.
    for a in [0.1_f64, 0.2166806479157944, 0.5, 2.0, 3.7, 1e3, 1e-300] {
        let x = D3::variable(a, 0);
        let y = x.log(x);
        assert_eq!(y.value(), a.log(a), "log({a}, {a})");
        assert_eq!(y.partials(), &[0.0; 3], "log({a}, {a})");
        let z = D3::constant(-2.0).powf(y);
        assert!(!z.partial(0).is_nan(), "powf(-2, log({a}, {a}))");
    }
}

#[test]
fn clamp_at_a_tie_averages_slopes_at_every_nesting_level() {
    // The nested dual used to keep the unaveraged inner slope: the gradient
    // from value_gradient_hessian was 1 where gradient() said 0.5.
    fn f<S: Float>(x: &[S]) -> S {
        x[0].clamp(S::zero(), S::one()) + x[1].clamp(-S::one(), S::zero())
    }
    for point in [[0.0, 0.0], [1.0, -1.0], [0.0, -1.0], [-0.0, -0.0]] {
        let g = dualgrad::gradient(f, point);
        let (v, g2, h) = dualgrad::value_gradient_hessian(f, point);
        assert_eq!(g, [0.5, 0.5], "gradient at {point:?}");
        assert_eq!(g2, g, "value_gradient_hessian at {point:?}");
        assert_eq!(h, [[0.0; 2]; 2]);
        assert_same_f64(v, f(&point), &format!("value at {point:?}"));
    }
    // The value is f64's clamp, bit for bit, zeros' signs included.
    for (a, lo, hi) in [(-0.0, 0.0, 1.0), (0.0, -0.0, 1.0), (1.0, 0.0, 1.0)] {
        let y = second_order(a).clamp(
            Dual::constant(Dual::constant(lo)),
            Dual::constant(Dual::constant(hi)),
        );
        assert_same_f64(
            y.value().value(),
            a.clamp(lo, hi),
            &format!("clamp({a:?}, {lo:?}, {hi})"),
        );
        assert_eq!(y.value().partial(0), 0.5);
        assert_eq!(y.partial(0).value(), 0.5);
    }
}

#[test]
fn copysign_at_zero_has_slope_zero_at_every_nesting_level() {
    // x = 0 by value but with a nonzero inner slope: `is_zero` (structural
    // on a dual) said "not zero", so the outer level took slope ±1 while
    // the inner level took the kink's 0.
    for sign in [1.0, -1.0, 0.0, -0.0] {
        let s = Dual::constant(Dual::constant(sign));
        let y = second_order(0.0).copysign(s);
        assert_same_f64(y.value().value(), 0.0_f64.copysign(sign), "value");
        assert_eq!(y.value().partial(0), 0.0, "inner slope, sign {sign}");
        assert_eq!(y.partial(0).value(), 0.0, "outer slope, sign {sign}");
        // A derivative of a derivative sees the same first derivative.
        let f = |t: Dual<Dual<f64, 1>, 1>| t.copysign(s);
        let (first, _) = dualgrad::value_and_derivative(|x| dualgrad::derivative(f, x), 0.0);
        assert_eq!(
            first,
            dualgrad::derivative(|t| t.copysign(Dual::constant(sign)), 0.0)
        );
    }
}
