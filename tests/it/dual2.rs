//! `Dual2` against nested duals `Dual<Dual<f64, 3>, 3>`, the crate's
//! second-order reference: value, gradient and Hessian of every `Float`
//! method and operator, applied to expressions of three variables whose
//! Hessians have every kind of entry (u = x₀x₁ + x₂ has ∂²u/∂x₀∂x₁ = 1 and
//! zeros elsewhere, a zero gradient entry where x₀ or x₁ is 0), at random
//! points and at the edge points of the crate docs' semantics table (the
//! functions' singular points).
//!
//! Agreement: the value bit for bit (or both NaN), the gradient to rounding
//! (it is `Dual`'s rule), and each Hessian entry (i, j) within 4 ulp or
//! relative 1e-14 of the nested dual's entry (i, j) or (j, i): nested
//! duals compute both, and at singular points they can differ (one NaN, the
//! other 0 or ∞: see the crate's semantics table); `Dual2` computes one.
//! NaN matches only NaN, ±∞ only itself, and an exact 0 only 0.

#![allow(clippy::op_ref)] // the by-reference operator forms are under test
#![allow(clippy::needless_range_loop)] // (i, j) index the Hessian and its mirror

use crate::common;

use dualgrad::{Dual, Dual2};
use num_traits::{Float, FloatConst, Inv, Num, NumCast, One, Signed, ToPrimitive, Zero};
use proptest::prelude::*;

type D2 = Dual2<f64, 3>;
type Nested = Dual<Dual<f64, 3>, 3>;

/// Input i of a nested Hessian pass: (xᵢ + δᵢ) + (1 + 0δ)εᵢ.
fn nested_inputs(x: [f64; 3]) -> [Nested; 3] {
    core::array::from_fn(|i| {
        let mut outer = [Dual::constant(0.0); 3];
        outer[i] = Dual::constant(1.0);
        Dual::new(Dual::variable(x[i], i), outer)
    })
}

fn dual2_inputs(x: [f64; 3]) -> [D2; 3] {
    core::array::from_fn(|i| D2::variable(x[i], i))
}

/// Within 4 ulp, or within 1e-14 relative to `scale`; NaN with NaN;
/// infinities exactly.
fn close(a: f64, b: f64, scale: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a == b {
        return true;
    }
    if !a.is_finite() || !b.is_finite() {
        return false;
    }
    let ulps = (a.to_bits() as i64).abs_diff(b.to_bits() as i64);
    (a.signum() == b.signum() && ulps <= 4) || (a - b).abs() <= 1e-14 * scale
}

/// Both are ±∞ or NaN, but not ∞ against −∞: how nested duals and
/// `Dual2` may differ where g′ or g″ is not finite (see the module docs).
fn both_non_finite(a: f64, b: f64) -> bool {
    let opposite_infinities = a.is_infinite() && b.is_infinite() && a != b;
    !a.is_finite() && !b.is_finite() && !opposite_infinities
}

/// The operands' structure at (i, j): every ∂ᵢa·∂ⱼb and ∂ᵢⱼa is zero, so no
/// term of any rule reaches the entry and it must be exactly 0.
fn structurally_zero(operands: &[D2], i: usize, j: usize) -> bool {
    operands.iter().all(|a| {
        a.hessian_entry(i, j) == 0.0
            && operands.iter().all(|b| {
                a.gradient()[i] * b.gradient()[j] == 0.0 && a.gradient()[j] * b.gradient()[i] == 0.0
            })
    })
}

/// The comparison described in the module docs; returns a message on
/// disagreement. `first` is the first-order `Dual` result, whose partials
/// the gradient must equal bit for bit; `operands` are the arguments.
fn disagreement(
    ours: &D2,
    nested: &Nested,
    first: &Dual<f64, 3>,
    operands: &[D2],
    hessian_too: bool,
) -> Option<String> {
    let same = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()) || a == b;
    if !same(ours.value(), nested.value().value()) {
        return Some(format!(
            "value {} vs {}",
            ours.value(),
            nested.value().value()
        ));
    }
    let scale = (0..3)
        .flat_map(|i| (0..3).map(move |j| nested.partials()[i].partials()[j].abs()))
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max);
    for i in 0..3 {
        let (g, f) = (ours.gradient()[i], first.partials()[i]);
        if !same(g, f) {
            return Some(format!("gradient[{i}] {g:e} vs Dual's {f:e}"));
        }
        if !hessian_too {
            continue;
        }
        for j in i..3 {
            let h = ours.hessian_entry(i, j);
            let (n1, n2) = (
                nested.partials()[i].partials()[j],
                nested.partials()[j].partials()[i],
            );
            if structurally_zero(operands, i, j) && n1 == 0.0 && n2 == 0.0 {
                if h != 0.0 {
                    return Some(format!("hessian[{i}][{j}] {h:e} where 0 is structural"));
                }
                continue;
            }
            let agrees = close(h, n1, scale)
                || close(h, n2, scale)
                || both_non_finite(h, n1)
                || both_non_finite(h, n2);
            if !agrees {
                return Some(format!("hessian[{i}][{j}] {h:e} vs nested {n1:e} / {n2:e}"));
            }
        }
    }
    None
}

/// One-argument `Float` methods (through the trait, generically), with
/// `neg` and the two halves of `sin_cos`.
const UNARY: &[&str] = &[
    "sqrt",
    "cbrt",
    "recip",
    "exp",
    "exp2",
    "exp_m1",
    "ln",
    "log2",
    "log10",
    "ln_1p",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "to_degrees",
    "to_radians",
    "abs",
    "signum",
    "floor",
    "ceil",
    "round",
    "trunc",
    "fract",
    "neg",
    "sin_cos.0",
    "sin_cos.1",
    "powi-3",
    "powi-1",
    "powi0",
    "powi1",
    "powi2",
    "powi3",
    "powi7",
    "inv",
];

fn unary<S: Float + Inv<Output = S>>(name: &str, x: S) -> S {
    match name {
        "sqrt" => x.sqrt(),
        "cbrt" => x.cbrt(),
        "recip" => x.recip(),
        "exp" => x.exp(),
        "exp2" => x.exp2(),
        "exp_m1" => x.exp_m1(),
        "ln" => x.ln(),
        "log2" => x.log2(),
        "log10" => x.log10(),
        "ln_1p" => x.ln_1p(),
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "asin" => x.asin(),
        "acos" => x.acos(),
        "atan" => x.atan(),
        "sinh" => x.sinh(),
        "cosh" => x.cosh(),
        "tanh" => x.tanh(),
        "asinh" => x.asinh(),
        "acosh" => x.acosh(),
        "atanh" => x.atanh(),
        "to_degrees" => x.to_degrees(),
        "to_radians" => x.to_radians(),
        "abs" => x.abs(),
        "signum" => x.signum(),
        "floor" => x.floor(),
        "ceil" => x.ceil(),
        "round" => x.round(),
        "trunc" => x.trunc(),
        "fract" => x.fract(),
        "neg" => -x,
        "sin_cos.0" => x.sin_cos().0,
        "sin_cos.1" => x.sin_cos().1,
        "inv" => x.inv(),
        _ => match name.strip_prefix("powi") {
            Some(n) => x.powi(n.parse().unwrap()),
            None => panic!("unknown {name}"),
        },
    }
}

/// Two-argument `Float` methods and operators.
const BINARY: &[&str] = &[
    "add",
    "sub",
    "mul",
    "div",
    "rem",
    "powf",
    "log",
    "atan2",
    "hypot",
    "max",
    "min",
    "abs_sub",
    "copysign",
    "signed_abs_sub",
];

#[allow(deprecated)]
fn binary<S: Float + Signed>(name: &str, x: S, y: S) -> S {
    match name {
        "add" => x + y,
        "sub" => x - y,
        "mul" => x * y,
        "div" => x / y,
        "rem" => x % y,
        "powf" => x.powf(y),
        "log" => x.log(y),
        "atan2" => x.atan2(y),
        "hypot" => x.hypot(y),
        "max" => x.max(y),
        "min" => x.min(y),
        "abs_sub" => Float::abs_sub(x, y),
        "signed_abs_sub" => Signed::abs_sub(&x, &y),
        "copysign" => x.copysign(y),
        _ => panic!("unknown {name}"),
    }
}

/// Three-argument `Float` methods.
const TERNARY: &[&str] = &["mul_add", "clamp"];

fn ternary<S: Float>(name: &str, x: S, y: S, z: S) -> S {
    match name {
        "mul_add" => x.mul_add(y, z),
        "clamp" => x.clamp(y, z),
        _ => panic!("unknown {name}"),
    }
}

/// The operands: u = x₀x₁ + x₂ (∂²u/∂x₀∂x₁ = 1), w = x₁x₂ − x₀ and
/// v = x₂·x₂ + x₀ (∂²v/∂x₂² = 2), and constants.
fn operands<S: Float>(x: [S; 3]) -> [S; 3] {
    [x[0] * x[1] + x[2], x[1] * x[2] - x[0], x[2] * x[2] + x[0]]
}

/// Every method on (u), (u, w), (w, u), (u, c), (c, u), (u, w, v), … at
/// point `x`, with constants `c` from `constants`; returns the
/// disagreements.
fn sweep(x: [f64; 3], constants: &[f64], hessian_too: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let [u2, w2, v2] = operands(dual2_inputs(x));
    let [un, wn, vn] = operands(nested_inputs(x));
    let [u1, w1, v1] = operands(core::array::from_fn(|i| Dual::<f64, 3>::variable(x[i], i)));
    let all = [u2, w2, v2];
    let mut check = |what: String, ours: D2, nested: Nested, first: Dual<f64, 3>| {
        if let Some(message) = disagreement(&ours, &nested, &first, &all, hessian_too) {
            failures.push(format!("{what} at x = {x:?}: {message}"));
        }
    };
    let k = |c: f64| {
        (
            D2::constant(c),
            Nested::constant(Dual::constant(c)),
            Dual::constant(c),
        )
    };
    for name in UNARY {
        check(
            format!("{name}(u)"),
            unary(name, u2),
            unary(name, un),
            unary(name, u1),
        );
        check(
            format!("{name}(w)"),
            unary(name, w2),
            unary(name, wn),
            unary(name, w1),
        );
    }
    for name in BINARY {
        check(
            format!("{name}(u, w)"),
            binary(name, u2, w2),
            binary(name, un, wn),
            binary(name, u1, w1),
        );
        check(
            format!("{name}(w, u)"),
            binary(name, w2, u2),
            binary(name, wn, un),
            binary(name, w1, u1),
        );
        // log_u(u) ≡ 1: nested duals cancel its second-order terms exactly
        // (`Dual::log`'s rule is written for that); `Dual2`'s terms, each
        // of size 1/(ln u)², cancel to their rounding (see
        // `log_of_a_number_in_its_own_base_has_a_negligible_hessian`).
        if *name != "log" {
            check(
                format!("{name}(u, u)"),
                binary(name, u2, u2),
                binary(name, un, un),
                binary(name, u1, u1),
            );
        }
        for &c in constants {
            let (c2, cn, c1) = k(c);
            check(
                format!("{name}(u, {c})"),
                binary(name, u2, c2),
                binary(name, un, cn),
                binary(name, u1, c1),
            );
            check(
                format!("{name}({c}, u)"),
                binary(name, c2, u2),
                binary(name, cn, un),
                binary(name, c1, u1),
            );
        }
    }
    for name in TERNARY {
        let t = |a: (D2, D2, D2),
                 b: (Nested, Nested, Nested),
                 c: (Dual<f64, 3>, Dual<f64, 3>, Dual<f64, 3>)| {
            (
                ternary(name, a.0, a.1, a.2),
                ternary(name, b.0, b.1, b.2),
                ternary(name, c.0, c.1, c.2),
            )
        };
        let (a, b, c) = t((u2, w2, v2), (un, wn, vn), (u1, w1, v1));
        check(format!("{name}(u, w, v)"), a, b, c);
        let (a, b, c) = t((u2, v2, w2), (un, vn, wn), (u1, v1, w1));
        check(format!("{name}(u, v, w)"), a, b, c);
        let (a, b, c) = t((w2, u2, u2), (wn, un, un), (w1, u1, u1));
        check(format!("{name}(w, u, u)"), a, b, c);
        for &q in constants {
            let (q2, qn, q1) = k(q);
            let (a, b, c) = t((u2, q2, w2), (un, qn, wn), (u1, q1, w1));
            check(format!("{name}(u, {q}, w)"), a, b, c);
            let (a, b, c) = t((u2, w2, q2), (un, wn, qn), (u1, w1, q1));
            check(format!("{name}(u, w, {q})"), a, b, c);
        }
    }
    // The scalar forms, against nested duals' operators with a constant
    // and `Dual`'s scalar forms.
    for &c in constants {
        let cn = Nested::constant(Dual::constant(c));
        check(format!("u + {c}"), u2 + c, un + cn, u1 + c);
        check(format!("u - {c}"), u2 - c, un - cn, u1 - c);
        check(format!("u * {c}"), u2 * c, un * cn, u1 * c);
        check(format!("u / {c}"), u2 / c, un / cn, u1 / c);
        check(format!("u % {c}"), u2 % c, un % cn, u1 % c);
        check(format!("{c} + u"), c + u2, cn + un, c + u1);
        check(format!("{c} - u"), c - u2, cn - un, c - u1);
        check(format!("{c} * u"), c * u2, cn * un, c * u1);
        check(format!("{c} / u"), c / u2, cn / un, c / u1);
        check(format!("{c} % u"), c % u2, cn % un, c % u1);
    }
    failures
}

/// The edge values at which the Hessian is compared (those of the crate
/// docs' "Semantics at non-differentiable and singular points"), given to
/// x₂ (so that u, w and v take them), with x₀, x₁ making zero and non-zero
/// gradient entries: the singular points of the functions (0, ±1, π/2, …)
/// and ordinary values.
const EDGES: [f64; 13] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    -0.5,
    2.0,
    -2.0,
    3.0,
    0.75,
    -2.5,
    core::f64::consts::FRAC_PI_2,
    1e-3,
];

/// Extreme values (±∞, NaN, overflow and underflow): the value and the
/// gradient are compared, not the Hessian. There nested duals multiply
/// infinite values by zero partials that `Dual2` does not form (e.g.
/// `u * 3` with u = ∞ is NaN in every Hessian entry of nested duals, whose
/// "scalar" is a dual constant), and second-order terms over- or underflow
/// in a different order (g_ww·∂ᵢw·∂ⱼw at |w| ~ 1e300): where the nested
/// dual's entry is finite the two can differ.
const EXTREMES: [f64; 10] = [
    1e300,
    -1e300,
    1e-300,
    5e-324,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    710.0,
    -745.5,
    1e16,
];

const CONSTANTS: [f64; 13] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    2.0,
    -2.0,
    0.5,
    3.0,
    -2.5,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    1e-300,
];

const X0_X1: [(f64, f64); 6] = [
    (0.0, 0.0),
    (1.0, 0.5),
    (0.0, 1.0),
    (-1.0, 2.0),
    (1.0, 1.0),
    (2.0, -0.0),
];

fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} disagreements, the first 40:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn every_method_matches_nested_duals_at_the_edge_points() {
    let finite: Vec<f64> = CONSTANTS
        .into_iter()
        .filter(|c| c.is_finite() && c.abs() > 1e-10)
        .collect();
    let mut failures = Vec::new();
    for x2 in EDGES {
        for (x0, x1) in X0_X1 {
            failures.extend(sweep([x0, x1, x2], &finite, true));
        }
    }
    // Ties (u = w), the origin of atan2 and hypot, and the points where
    // u = ±1 for asin, acos and atanh.
    for x in [
        [1.0, 1.0, 1.0],
        [0.0, 0.0, 0.0],
        [0.5, 0.0, 1.0],
        [-1.0, 1.0, 0.0],
        [2.0, 0.5, 0.0],
    ] {
        failures.extend(sweep(x, &finite, true));
    }
    report(failures);
}

#[test]
fn value_and_gradient_match_at_extreme_points_and_constants() {
    let mut failures = Vec::new();
    for x2 in EDGES.into_iter().chain(EXTREMES) {
        for (x0, x1) in X0_X1 {
            failures.extend(sweep([x0, x1, x2], &CONSTANTS, false));
        }
    }
    report(failures);
}

fn random_config() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: 48,
        ..common::proptest_config()
    }
}

proptest! {
    #![proptest_config(random_config())]

    #[test]
    fn every_method_matches_nested_duals_at_random_points(
        x in proptest::array::uniform3(-2.0..2.0_f64),
        c in -3.0..3.0_f64,
    ) {
        let failures = sweep(x, &[c], true);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_method_matches_nested_duals_at_random_positive_points(
        x in proptest::array::uniform3(0.05..3.0_f64),
        c in 0.1..4.0_f64,
    ) {
        let failures = sweep(x, &[c], true);
        prop_assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

// --- Constants and structure -------------------------------------------------------------

#[test]
fn singular_functions_of_constants_have_zero_gradient_and_hessian() {
    for a in [0.0, -0.0, 1.0, -1.0, f64::INFINITY, 1e-310] {
        let c = D2::constant(a);
        for name in [
            "sqrt", "cbrt", "recip", "ln", "log2", "log10", "ln_1p", "asin", "acos", "acosh",
            "atanh", "powi-3", "inv",
        ] {
            assert!(unary(name, c).is_constant(), "{name}({a})");
        }
        for name in ["div", "rem", "powf", "log", "atan2", "hypot"] {
            for b in [0.0, -0.0, 0.5, f64::INFINITY] {
                let y = binary(name, c, D2::constant(b));
                assert!(y.is_constant(), "{name}({a}, {b}): {y:?}");
            }
        }
        assert!((1.0 / c).is_constant() && (c / 0.0).is_constant() && (2.0 % c).is_constant());
    }
}

#[test]
fn sqrt_of_a_constant_zero_times_a_variable_has_zero_hessian_not_nan() {
    let x = D2::variable(2.0, 0);
    let y = D2::constant(0.0).sqrt() * x;
    assert_eq!(y.into_parts(), (0.0, [0.0; 3], [[0.0; 3]; 3]));
}

#[test]
fn hessian_is_symmetric_and_entry_reads_either_order() {
    let [x, y, z] = dual2_inputs([0.3, -1.2, 2.0]);
    let f = (x * y).sin() * z.exp() + (y / z).powf(x);
    let h = f.hessian();
    for i in 0..3 {
        for j in 0..3 {
            assert_eq!(h[i][j].to_bits(), h[j][i].to_bits());
            assert_eq!(f.hessian_entry(i, j).to_bits(), h[i][j].to_bits());
        }
    }
}

#[test]
fn value_and_gradient_are_bit_identical_to_dual() {
    let x = [0.3, -1.2, 2.0];
    let first: [Dual<f64, 3>; 3] = core::array::from_fn(|i| Dual::variable(x[i], i));
    let second = dual2_inputs(x);
    fn f<S: Float>(v: [S; 3]) -> S {
        (v[0] * v[1]).sin() * v[2].exp() + (v[1] / v[2]).powf(v[0]).sqrt() - v[0].atan2(v[1])
    }
    let (a, b) = (f(first), f(second));
    assert_eq!(a.value().to_bits(), b.value().to_bits());
    for i in 0..3 {
        assert_eq!(a.partials()[i].to_bits(), b.gradient()[i].to_bits());
    }
}

// --- Every ownership form, and the traits --------------------------------------------------

#[test]
fn every_ownership_form_of_every_operator_agrees() {
    let [x, y, _] = dual2_inputs([1.5, -0.75, 0.0]);
    macro_rules! forms {
        ($op:tt, $op_assign:tt) => {{
            let want = (x $op y).into_parts();
            assert_eq!((&x $op y).into_parts(), want);
            assert_eq!((x $op &y).into_parts(), want);
            assert_eq!((&x $op &y).into_parts(), want);
            let mut z = x;
            z $op_assign y;
            assert_eq!(z.into_parts(), want);
            let mut z = x;
            z $op_assign &y;
            assert_eq!(z.into_parts(), want);
            let want = (x $op 2.5).into_parts();
            assert_eq!((&x $op 2.5).into_parts(), want);
            let mut z = x;
            z $op_assign 2.5;
            assert_eq!(z.into_parts(), want);
            assert_eq!((2.5 $op &x).into_parts(), (2.5 $op x).into_parts());
        }};
    }
    forms!(+, +=);
    forms!(-, -=);
    forms!(*, *=);
    forms!(/, /=);
    forms!(%, %=);
    assert_eq!((-&x).into_parts(), (-x).into_parts());
    let f = Dual2::<f32, 2>::variable(2.0, 0);
    assert_eq!((2.0_f32 * f).hessian(), [[0.0; 2]; 2]);
    assert_eq!((1.0_f32 / f).hessian(), [[0.25, 0.0], [0.0, 0.0]]);
}

#[test]
fn traits_behave_as_for_dual() {
    let x = D2::variable(2.0, 0);
    assert!(!x.is_zero() && D2::zero().is_zero() && D2::one().is_one() && !(x / 2.0).is_one());
    assert_eq!(D2::from_str_radix("1.5", 10).unwrap().value(), 1.5);
    assert!(D2::from_str_radix("1", 99).is_err());
    assert_eq!(<D2 as NumCast>::from(3_u8).unwrap().value(), 3.0);
    assert_eq!(x.to_i32(), Some(2));
    assert_eq!(D2::PI().value(), core::f64::consts::PI);
    assert!(D2::PI().is_constant() && D2::nan().value().is_nan());
    assert_eq!(Signed::abs(&-x).gradient(), &[1.0, 0.0, 0.0]);
    assert!(x.is_positive() && (-x).is_negative());
    assert_eq!(x.inv().hessian_entry(0, 0), 0.25);
    assert_eq!(
        format!("{}", D2::constant(1.0)),
        "1 + [0, 0, 0]ε + ½[[0, 0, 0], [0, 0, 0], [0, 0, 0]]ε²"
    );
    assert!(format!("{x:?}").starts_with("Dual2 { value: 2.0, gradient: [1.0, 0.0, 0.0]"));
    let items = [x, D2::constant(3.0), x];
    let s: D2 = items.iter().sum();
    let p: D2 = items.iter().product();
    assert_eq!(s.into_parts(), items.into_iter().sum::<D2>().into_parts());
    assert_eq!(p.hessian_entry(0, 0), 6.0);
    assert_eq!(
        p.into_parts(),
        items.into_iter().product::<D2>().into_parts()
    );
}

#[test]
fn log_of_a_number_in_its_own_base_has_a_negligible_hessian() {
    for x in [[1.0, 1.0, 0.001], [0.5, 0.5, 1.0], [2.0, 3.0, -1.0]] {
        let [u, _, _] = operands(dual2_inputs(x));
        let y = u.log(u);
        assert_eq!(y.value(), 1.0);
        assert_eq!(y.gradient(), &[0.0; 3]);
        let terms = 1.0 / u.value().ln().powi(2) * 4.0; // |∇u|² ≤ 4 here
        for row in y.hessian() {
            for h in row {
                assert!(h.abs() <= 1e-14 * terms, "{h:e} at {x:?}");
            }
        }
    }
}
