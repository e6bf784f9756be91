//! Property tests (proptest, fixed seed, no persistence files): the
//! differentiation rules of *Mathematics for Machine Learning* (5.46–5.48)
//! on random functions and points, identities whose derivatives are known,
//! every elementary function against a Ridders difference over random points
//! of its domain, Jacobians of random affine maps, and Hessians of random
//! functions (symmetric, and equal to differences of the gradient).
//!
//! The `rules` module checks each rule at fixed points and the operators'
//! closed forms; here the points, functions and maps are random.

// Index loops over parallel arrays (h[i][j] vs h[j][i]) read like the math.
#![allow(clippy::needless_range_loop)]

use std::f64::consts::{FRAC_PI_2, PI};

use crate::common::{proptest_config, ridders_estimate};
use dualgrad::{Dual, chunk, derivative, gradient, hessian, jacobian, value_gradient_hessian};
use num_traits::Float;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

type D = Dual<f64, 2>;

/// A difference agrees when |d − fd| ≤ RELATIVE·max(1, |d|) + 4·(its error
/// estimate + rounding noise).
const RELATIVE: f64 = 1e-9;

/// The Ridders derivative of `f` at `a`, first step `h0`, and its error
/// estimate with the rounding noise of the samples added.
fn richardson(f: impl Fn(f64) -> f64, a: f64, h0: f64) -> (f64, f64) {
    let e = ridders_estimate(&f, a, h0);
    let noise = 8.0 * f64::EPSILON * f(a).abs().max(1.0) / e.step;
    (e.value, e.error + noise)
}

/// Asserts that `dual` is the derivative of `f` at `a`, with a first step
/// that stays a quarter of `margin` away from any kink or domain edge.
fn agrees_with_richardson(
    what: &str,
    dual: f64,
    f: impl Fn(f64) -> f64,
    a: f64,
    margin: f64,
) -> Result<(), TestCaseError> {
    let h0 = (0.01 * a.abs().max(1.0)).min(margin / 4.0);
    let (fd, error) = richardson(f, a, h0);
    let tolerance = RELATIVE * dual.abs().max(1.0) + 4.0 * error;
    prop_assert!(
        (dual - fd).abs() <= tolerance,
        "{}: dual {:e}, Ridders {:e} ± {:e} (|difference| {:e} > {:e})",
        what,
        dual,
        fd,
        error,
        (dual - fd).abs(),
        tolerance
    );
    Ok(())
}

/// |got − want| ≤ `ulps`·ε·`scale`: equal up to the rounding of terms of
/// total size `scale`.
fn within_rounding(got: f64, want: f64, scale: f64, ulps: f64) -> bool {
    (got - want).abs() <= ulps * f64::EPSILON * scale.max(f64::MIN_POSITIVE)
}

// --- Random smooth functions with known derivatives -------------------------------

/// A smooth function of one variable on all of ℝ, with its derivative in
/// closed form: the building blocks of the random compositions below.
#[derive(Clone, Copy, Debug)]
enum Smooth {
    Sin,
    Cos,
    Exp,
    Atan,
    Tanh,
    Square,
    Cube,
    Asinh,
    Softplus,
}

const SMOOTH: [Smooth; 9] = [
    Smooth::Sin,
    Smooth::Cos,
    Smooth::Exp,
    Smooth::Atan,
    Smooth::Tanh,
    Smooth::Square,
    Smooth::Cube,
    Smooth::Asinh,
    Smooth::Softplus,
];

impl Smooth {
    fn apply<S: Float>(self, x: S) -> S {
        match self {
            Smooth::Sin => x.sin(),
            Smooth::Cos => x.cos(),
            Smooth::Exp => x.exp(),
            Smooth::Atan => x.atan(),
            Smooth::Tanh => x.tanh(),
            Smooth::Square => x * x,
            Smooth::Cube => x.powi(3),
            Smooth::Asinh => x.asinh(),
            Smooth::Softplus => x.exp().ln_1p(),
        }
    }

    /// The derivative, written independently of the rules under test.
    fn slope(self, x: f64) -> f64 {
        match self {
            Smooth::Sin => x.cos(),
            Smooth::Cos => -x.sin(),
            Smooth::Exp => x.exp(),
            Smooth::Atan => 1.0 / (1.0 + x * x),
            Smooth::Tanh => 1.0 / x.cosh().powi(2),
            Smooth::Square => 2.0 * x,
            Smooth::Cube => 3.0 * x * x,
            Smooth::Asinh => 1.0 / (x * x + 1.0).sqrt(),
            Smooth::Softplus => 1.0 / (1.0 + (-x).exp()),
        }
    }
}

fn smooth() -> impl Strategy<Value = Smooth> {
    prop::sample::select(SMOOTH.to_vec())
}

fn slope_of(f: Smooth, a: f64) -> f64 {
    derivative(|x| f.apply(x), a)
}

proptest! {
    #![proptest_config(proptest_config())]

    /// (5.46) (f + g)′ = f′ + g′ and (5.47) (f·g)′ = f′g + fg′, with f′ and
    /// g′ from the crate's own single-function derivatives.
    #[test]
    fn sum_and_product_rules_hold_for_random_function_pairs(
        f in smooth(), g in smooth(), a in -2.0..2.0_f64,
    ) {
        let (fa, ga) = (f.apply(a), g.apply(a));
        let (df, dg) = (slope_of(f, a), slope_of(g, a));
        let sum = derivative(|x| f.apply(x) + g.apply(x), a);
        prop_assert!(within_rounding(sum, df + dg, df.abs() + dg.abs(), 2.0), "{sum} vs {}", df + dg);
        let product = derivative(|x| f.apply(x) * g.apply(x), a);
        let want = df * ga + fa * dg;
        prop_assert!(
            within_rounding(product, want, (df * ga).abs() + (fa * dg).abs(), 4.0),
            "{} vs {}", product, want
        );
        // And both against the closed forms, to 1e-12.
        let closed = f.slope(a) * ga + fa * g.slope(a);
        prop_assert!((product - closed).abs() <= 1e-12 * (closed.abs() + 1.0), "{product} vs {closed}");
    }

    /// (5.48) (g ∘ f)′(x) = g′(f(x))·f′(x), three levels deep.
    #[test]
    fn chain_rule_holds_for_random_compositions(
        f in smooth(), g in smooth(), h in smooth(), a in -1.5..1.5_f64,
    ) {
        let inner = f.apply(a);
        prop_assume!(inner.abs() < 3.0);
        let middle = g.apply(inner);
        prop_assume!(middle.abs() < 3.0);
        let composed = derivative(|x| h.apply(g.apply(f.apply(x))), a);
        let by_chain = slope_of(h, middle) * slope_of(g, inner) * slope_of(f, a);
        prop_assert!(
            within_rounding(composed, by_chain, by_chain.abs(), 8.0),
            "{} vs {}", composed, by_chain
        );
        let closed = h.slope(middle) * g.slope(inner) * f.slope(a);
        prop_assert!((composed - closed).abs() <= 1e-12 * (closed.abs() + 1.0));
        agrees_with_richardson(
            "h(g(f(x)))",
            composed,
            |t| h.apply(g.apply(f.apply(t))),
            a,
            1.0,
        )?;
    }

    /// The quotient rule as the product rule with a reciprocal:
    /// (f/g)′ = (f′g − fg′)/g².
    #[test]
    fn quotient_rule_holds_for_random_function_pairs(
        f in smooth(), g in smooth(), a in -2.0..2.0_f64,
    ) {
        let ga = g.apply(a);
        prop_assume!(ga.abs() > 0.1);
        let fa = f.apply(a);
        let quotient = derivative(|x| f.apply(x) / g.apply(x), a);
        let want = (f.slope(a) * ga - fa * g.slope(a)) / (ga * ga);
        prop_assert!((quotient - want).abs() <= 1e-12 * (want.abs() + 1.0) / ga.abs(), "{quotient} vs {want}");
    }
}

// --- Identities with known derivatives --------------------------------------------

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn sin_squared_plus_cos_squared_has_slope_and_curvature_zero(a in -1e3..1e3_f64) {
        fn f<S: Float>(x: S) -> S {
            let (s, c) = x.sin_cos();
            s * s + c * c
        }
        let d = derivative(f, a);
        // 2 sin cos − 2 cos sin: cancels to rounding of terms of size ≤ 2.
        prop_assert!(d.abs() <= 4.0 * f64::EPSILON, "slope {d:e}");
        let h = hessian(|x| f(x[0]), [a]);
        prop_assert!(h[0][0].abs() <= 16.0 * f64::EPSILON, "curvature {:e}", h[0][0]);
    }

    #[test]
    fn exp_of_ln_and_ln_of_exp_have_slope_one(a in 1e-3..1e3_f64, b in -30.0..30.0_f64) {
        let d = derivative(|x| x.ln().exp(), a);
        prop_assert!((d - 1.0).abs() <= 4.0 * f64::EPSILON, "exp(ln x)′ at {a}: {d}");
        let d = derivative(|x| x.exp().ln(), b);
        prop_assert!((d - 1.0).abs() <= 4.0 * f64::EPSILON, "ln(exp x)′ at {b}: {d}");
        let h = hessian(|x| x[0].ln().exp(), [a]);
        prop_assert!(h[0][0].abs() <= 8.0 * f64::EPSILON / a, "exp(ln x)″ at {a}: {:e}", h[0][0]);
    }

    #[test]
    fn product_over_a_factor_has_slope_one_in_the_other(
        x in -1e3..1e3_f64,
        y in prop_oneof![-1e3..-1e-2_f64, 1e-2..1e3_f64],
    ) {
        let g = gradient(|v| (v[0] * v[1]) / v[1], [x, y]);
        prop_assert!((g[0] - 1.0).abs() <= 4.0 * f64::EPSILON, "∂/∂x = {}", g[0]);
        // ∂/∂y = x/y − x·y/y² = 0 up to rounding of terms of size |x/y|.
        prop_assert!(g[1].abs() <= 4.0 * f64::EPSILON * (x / y).abs(), "∂/∂y = {:e}", g[1]);
    }

    #[test]
    fn atan2_of_sin_and_cos_has_slope_one(t in -PI + 1e-6..PI - 1e-6) {
        let (v, d) = dualgrad::value_and_derivative(|x| x.sin().atan2(x.cos()), t);
        prop_assert!((v - t).abs() <= 4.0 * f64::EPSILON * t.abs().max(1.0), "value {v} at {t}");
        prop_assert!((d - 1.0).abs() <= 4.0 * f64::EPSILON, "slope {d} at {t}");
        // Scaling both arguments changes neither.
        let d = derivative(|x| (x.sin() * 1e200).atan2(x.cos() * 1e200), t);
        prop_assert!((d - 1.0).abs() <= 4.0 * f64::EPSILON, "scaled: slope {d} at {t}");
    }

    #[test]
    fn hypot_squared_is_the_sum_of_squares_with_matching_slopes(
        x in -1e3..1e3_f64, y in -1e3..1e3_f64,
    ) {
        prop_assume!(x.hypot(y) > 1e-3);
        let (v, g) = dualgrad::value_and_gradient(|p| p[0].hypot(p[1]).powi(2), [x, y]);
        let (w, k) = dualgrad::value_and_gradient(|p| p[0] * p[0] + p[1] * p[1], [x, y]);
        let scale = x * x + y * y;
        prop_assert!(within_rounding(v, w, scale, 4.0), "{v} vs {w}");
        for i in 0..2 {
            prop_assert!(within_rounding(g[i], k[i], 2.0 * x.hypot(y), 4.0), "∂{i}: {} vs {}", g[i], k[i]);
        }
        prop_assert_eq!(k, [2.0 * x, 2.0 * y]);
    }

    #[test]
    fn inverse_function_pairs_have_slope_one(
        a in -0.99..0.99_f64, b in 1.01..1e3_f64, c in -1e2..1e2_f64, t in -FRAC_PI_2 + 1e-3..FRAC_PI_2 - 1e-3,
    ) {
        // (name, slope of f⁻¹(f(x)) or f(f⁻¹(x)))
        let slopes = [
            ("tan(atan x)", derivative(|x| x.atan().tan(), c)),
            ("sinh(asinh x)", derivative(|x| x.asinh().sinh(), c)),
            ("tanh(atanh x)", derivative(|x| x.atanh().tanh(), a)),
            ("sin(asin x)", derivative(|x| x.asin().sin(), a)),
            ("cos(acos x)", derivative(|x| x.acos().cos(), a)),
            ("asin(sin t)", derivative(|x| x.sin().asin(), t)),
            ("cosh(acosh x)", derivative(|x| x.acosh().cosh(), b)),
            ("sqrt(x)²", derivative(|x| x.sqrt().powi(2), b)),
            ("cbrt(x)³", derivative(|x| x.cbrt().powi(3), c)),
            ("exp2(log2 x)", derivative(|x| x.log2().exp2(), b)),
            ("10^log10 x", derivative(|x| Dual::constant(10.0).powf(x.log10()), b)),
            ("exp_m1(ln_1p x)", derivative(|x| x.ln_1p().exp_m1(), a)),
            ("recip(recip x)", derivative(|x| x.recip().recip(), b)),
            ("to_radians(to_degrees x)", derivative(|x| x.to_degrees().to_radians(), c)),
            ("log(x^1.5, x)", derivative(|x| x.powf(Dual::constant(1.5)).log(x), b)),
        ];
        for (name, slope) in slopes {
            let expected = if name == "log(x^1.5, x)" { 0.0 } else { 1.0 };
            prop_assert!((slope - expected).abs() <= 1e-12, "{name}: slope {slope}");
        }
    }

    #[test]
    fn equivalent_forms_have_equal_slopes(
        x in -10.0..10.0_f64, y in -10.0..10.0_f64, z in -10.0..10.0_f64, n in -6..8_i32,
    ) {
        // mul_add(x, y, z) = x·y + z; x.powi(n) = x·x·…; powf(x, 2) = x²;
        // exp(x + y) = exp(x)·exp(y).
        let g = gradient(|p| p[0].mul_add(p[1], p[2]), [x, y, z]);
        prop_assert_eq!(g, [y, x, 1.0]);
        prop_assume!(x.abs() > 0.1);
        let by_powi = derivative(|t| t.powi(n), x);
        let by_product = derivative(
            |t| {
                let m = (0..n.unsigned_abs()).fold(Dual::constant(1.0), |p, _| p * t);
                if n < 0 { m.recip() } else { m }
            },
            x,
        );
        prop_assert!(within_rounding(by_powi, by_product, by_product.abs(), 16.0 + 4.0 * f64::from(n.abs())), "powi {n}: {by_powi} vs {by_product}");
        let square = derivative(|t| t.powf(Dual::constant(2.0)), x);
        // n·xⁿ/x: two roundings from 2x.
        prop_assert!(within_rounding(square, 2.0 * x, 2.0 * x.abs(), 2.0), "{square} vs {}", 2.0 * x);
        let (a, b) = (x / 10.0, y / 10.0);
        let g = gradient(|p| (p[0] + p[1]).exp(), [a, b]);
        let k = gradient(|p| p[0].exp() * p[1].exp(), [a, b]);
        for i in 0..2 {
            prop_assert!(within_rounding(g[i], k[i], k[i].abs(), 8.0), "{} vs {}", g[i], k[i]);
        }
    }
}

// --- Every elementary function against Richardson, over its domain ---------------

/// A point at least `gap` from the nearest integer, in (−r, r).
fn off_integers(r: f64, gap: f64) -> impl Strategy<Value = f64> {
    (-(r as i64)..(r as i64), gap..1.0 - gap).prop_map(|(n, u)| n as f64 + u)
}

/// A nonzero number with magnitude in [lo, hi).
fn magnitude(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    (lo..hi, any::<bool>()).prop_map(|(m, negative)| if negative { -m } else { m })
}

/// One proptest per function: the slope at a random point of the domain
/// matches a Ridders difference kept `margin` away from the domain's edge.
macro_rules! unary_against_richardson {
    ($($test:ident: $name:ident over $domain:expr, margin |$a:ident| $margin:expr;)+) => {
        proptest! {
            #![proptest_config(proptest_config())]
            $(
                #[test]
                fn $test($a in $domain) {
                    let y = D::variable($a, 0).$name();
                    prop_assert_eq!(y.value().to_bits(), $a.$name().to_bits());
                    prop_assert_eq!(y.partial(1), 0.0);
                    let margin: f64 = $margin;
                    agrees_with_richardson(stringify!($name), y.partial(0), |t: f64| t.$name(), $a, margin)?;
                }
            )+
        }
    };
}

unary_against_richardson! {
    sqrt_matches_richardson: sqrt over 1e-3..1e6_f64, margin |a| a;
    cbrt_matches_richardson: cbrt over magnitude(1e-3, 1e6), margin |a| a.abs();
    recip_matches_richardson: recip over magnitude(1e-2, 1e4), margin |a| a.abs();
    exp_matches_richardson: exp over -50.0..50.0_f64, margin |_a| 1.0;
    exp2_matches_richardson: exp2 over -60.0..60.0_f64, margin |_a| 1.0;
    exp_m1_matches_richardson: exp_m1 over -30.0..30.0_f64, margin |_a| 1.0;
    ln_matches_richardson: ln over 1e-3..1e6_f64, margin |a| a;
    log2_matches_richardson: log2 over 1e-3..1e6_f64, margin |a| a;
    log10_matches_richardson: log10 over 1e-3..1e6_f64, margin |a| a;
    ln_1p_matches_richardson: ln_1p over -0.999..1e4_f64, margin |a| a + 1.0;
    sin_matches_richardson: sin over -1e3..1e3_f64, margin |_a| 1.0;
    cos_matches_richardson: cos over -1e3..1e3_f64, margin |_a| 1.0;
    tan_matches_richardson: tan over -1.5..1.5_f64, margin |a| FRAC_PI_2 - a.abs();
    asin_matches_richardson: asin over -0.999..0.999_f64, margin |a| 1.0 - a.abs();
    acos_matches_richardson: acos over -0.999..0.999_f64, margin |a| 1.0 - a.abs();
    atan_matches_richardson: atan over -1e4..1e4_f64, margin |_a| 1.0;
    sinh_matches_richardson: sinh over -30.0..30.0_f64, margin |_a| 1.0;
    cosh_matches_richardson: cosh over -30.0..30.0_f64, margin |_a| 1.0;
    tanh_matches_richardson: tanh over -30.0..30.0_f64, margin |_a| 1.0;
    asinh_matches_richardson: asinh over -1e4..1e4_f64, margin |_a| 1.0;
    acosh_matches_richardson: acosh over 1.001..1e4_f64, margin |a| a - 1.0;
    atanh_matches_richardson: atanh over -0.999..0.999_f64, margin |a| 1.0 - a.abs();
    to_degrees_matches_richardson: to_degrees over -1e3..1e3_f64, margin |_a| 1.0;
    to_radians_matches_richardson: to_radians over -1e5..1e5_f64, margin |_a| 1.0;
    abs_matches_richardson: abs over magnitude(1e-3, 1e6), margin |a| a.abs();
    signum_matches_richardson: signum over magnitude(1e-3, 1e6), margin |a| a.abs();
    floor_matches_richardson: floor over off_integers(1e3, 0.01), margin |a| (a - a.round()).abs();
    ceil_matches_richardson: ceil over off_integers(1e3, 0.01), margin |a| (a - a.round()).abs();
    trunc_matches_richardson: trunc over off_integers(1e3, 0.01), margin |a| (a - a.round()).abs();
    fract_matches_richardson: fract over off_integers(1e3, 0.01), margin |a| (a - a.round()).abs();
    round_matches_richardson: round over off_integers(1e3, 0.01).prop_map(|a| a + 0.5), margin |a| (a - a.floor() - 0.5).abs();
}

/// Both partials of a two-argument function at (a, b) against Ridders
/// differences in each argument, kept `margin` from the nearest kink.
fn binary_agrees(
    what: &str,
    dual: impl Fn(D, D) -> D,
    plain: impl Fn(f64, f64) -> f64,
    (a, b): (f64, f64),
    margin: f64,
) -> Result<(), TestCaseError> {
    let y = dual(D::variable(a, 0), D::variable(b, 1));
    let value = plain(a, b);
    prop_assert!(
        y.value().to_bits() == value.to_bits(),
        "{}({}, {}): value {} vs {}",
        what,
        a,
        b,
        y.value(),
        value
    );
    agrees_with_richardson(
        &format!("∂{what}/∂a"),
        y.partial(0),
        |t| plain(t, b),
        a,
        margin,
    )?;
    agrees_with_richardson(
        &format!("∂{what}/∂b"),
        y.partial(1),
        |t| plain(a, t),
        b,
        margin,
    )
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn powf_matches_richardson_in_base_and_exponent(x in 1e-2..10.0_f64, n in -3.0..3.0_f64) {
        binary_agrees("powf", D::powf, f64::powf, (x, n), x)?;
    }

    #[test]
    fn powi_matches_richardson(x in magnitude(1e-2, 10.0), n in -6..7_i32) {
        let y = D::variable(x, 0).powi(n);
        prop_assert_eq!(y.value().to_bits(), x.powi(n).to_bits());
        agrees_with_richardson("powi", y.partial(0), |t| t.powi(n), x, x.abs())?;
    }

    #[test]
    fn atan2_matches_richardson_off_the_cut(y in -1e2..1e2_f64, x in -1e2..1e2_f64) {
        let r = x.hypot(y);
        prop_assume!(r > 1e-2 && (x > 0.0 || y.abs() > 1e-2));
        let margin = if x < 0.0 { y.abs() } else { r };
        binary_agrees("atan2", D::atan2, f64::atan2, (y, x), margin)?;
    }

    #[test]
    fn hypot_matches_richardson_off_the_origin(x in -1e3..1e3_f64, y in -1e3..1e3_f64) {
        prop_assume!(x.hypot(y) > 1e-2);
        binary_agrees("hypot", D::hypot, f64::hypot, (x, y), x.hypot(y))?;
    }

    #[test]
    fn log_matches_richardson_in_argument_and_base(
        x in 1e-2..1e3_f64,
        b in prop_oneof![5e-2..0.9_f64, 1.1..1e2_f64],
    ) {
        binary_agrees("log", D::log, f64::log, (x, b), x.min(b).min((b - 1.0).abs()))?;
    }

    #[test]
    fn max_min_abs_sub_match_richardson_off_ties(a in -1e3..1e3_f64, b in -1e3..1e3_f64) {
        let gap = (a - b).abs();
        prop_assume!(gap > 1e-3);
        binary_agrees("max", D::max, f64::max, (a, b), gap)?;
        binary_agrees("min", D::min, f64::min, (a, b), gap)?;
        #[allow(deprecated)]
        {
            binary_agrees("abs_sub", D::abs_sub, Float::abs_sub, (a, b), gap)?;
        }
    }

    #[test]
    fn copysign_matches_richardson_off_zero(x in magnitude(1e-3, 1e3), s in magnitude(1e-3, 1e3)) {
        binary_agrees("copysign", D::copysign, f64::copysign, (x, s), x.abs().min(s.abs()))?;
    }

    #[test]
    fn arithmetic_operators_match_richardson(a in -1e3..1e3_f64, b in magnitude(1e-2, 1e3)) {
        binary_agrees("+", |x, y| x + y, |x, y| x + y, (a, b), 1.0)?;
        binary_agrees("-", |x, y| x - y, |x, y| x - y, (a, b), 1.0)?;
        binary_agrees("*", |x, y| x * y, |x, y| x * y, (a, b), 1.0)?;
        binary_agrees("/", |x, y| x / y, |x, y| x / y, (a, b), b.abs())?;
        // % jumps where the remainder reaches 0 or ±b.
        let r = (a % b).abs();
        prop_assume!(r.min(b.abs() - r) > 1e-6 * b.abs());
        let margin = r.min(b.abs() - r) / (1.0 + (a / b).abs());
        binary_agrees("%", |x, y| x % y, |x, y| x % y, (a, b), margin)?;
    }

    #[test]
    fn mul_add_matches_richardson_in_each_argument(x in -1e2..1e2_f64, a in -1e2..1e2_f64, b in -1e2..1e2_f64) {
        let y = Dual::<f64, 3>::variable(x, 0).mul_add(Dual::variable(a, 1), Dual::variable(b, 2));
        prop_assert_eq!(y.value().to_bits(), x.mul_add(a, b).to_bits());
        agrees_with_richardson("∂/∂x", y.partial(0), |t| t.mul_add(a, b), x, 1.0)?;
        agrees_with_richardson("∂/∂a", y.partial(1), |t| x.mul_add(t, b), a, 1.0)?;
        agrees_with_richardson("∂/∂b", y.partial(2), |t| x.mul_add(a, t), b, 1.0)?;
    }
}

// --- Jacobians of random affine maps ----------------------------------------------

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn jacobian_of_a_random_affine_map_is_its_matrix(
        a in prop::array::uniform3(prop::array::uniform4(-1e3..1e3_f64)),
        b in prop::array::uniform3(-1e3..1e3_f64),
        x in prop::array::uniform4(-1e3..1e3_f64),
    ) {
        let map = |v: &[Dual<f64, 4>]| -> [Dual<f64, 4>; 3] {
            std::array::from_fn(|i| (0..4).fold(Dual::constant(b[i]), |s, j| s + a[i][j] * v[j]))
        };
        let j = jacobian(map, x);
        prop_assert_eq!(j, a);
        // The value is the map evaluated on f64, bit for bit.
        let (value, _) = dualgrad::value_and_jacobian(map, x);
        for i in 0..3 {
            let plain = (0..4).fold(b[i], |s, k| s + a[i][k] * x[k]);
            prop_assert_eq!(value[i].to_bits(), plain.to_bits());
        }
    }

    #[test]
    fn chunk_jacobian_of_a_random_affine_map_is_its_matrix(
        (n, m, entries, x) in (1..20_usize, 1..6_usize).prop_flat_map(|(n, m)| (
            Just(n),
            Just(m),
            prop::collection::vec(-1e3..1e3_f64, n * m),
            prop::collection::vec(-1e3..1e3_f64, n),
        )),
    ) {
        let matrix: Vec<Vec<f64>> = entries.chunks(n).map(<[f64]>::to_vec).collect();
        let j = chunk::jacobian(
            |v| matrix.iter().map(|row| row.iter().zip(v).fold(Dual::constant(1.0), |s, (a, x)| s + *a * *x)).collect(),
            &x,
        )
        .unwrap();
        prop_assert_eq!(&j, &matrix);
        // The allocation-free form, with a chunk size that does not divide n.
        let mut config = chunk::JacobianConfig::<f64, 3>::new(n, m);
        let mut out = vec![0.0; n * m];
        chunk::jacobian_with(
            &mut config,
            |v, y| {
                for (yi, row) in y.iter_mut().zip(&matrix) {
                    *yi = row.iter().zip(v).fold(Dual::constant(0.0), |s, (a, x)| s + *a * *x);
                }
            },
            &x,
            &mut out,
        )
        .unwrap();
        prop_assert_eq!(out, entries);
        // Each row is the gradient of its output.
        for (i, row) in matrix.iter().enumerate() {
            let g = chunk::gradient(|v| row.iter().zip(v).fold(Dual::constant(0.0), |s, (a, x)| s + *a * *x), &x);
            prop_assert_eq!(&g, &matrix[i]);
        }
    }
}

// --- Hessians of random functions ---------------------------------------------------

/// f(x) = Σᵢⱼ qᵢⱼ xᵢxⱼ + Σᵢ cᵢ·sᵢ(xᵢ·x₍ᵢ₊₁₎ mod 3) + exp(w·x / 4): a random
/// quadratic form plus random smooth couplings.
#[derive(Clone, Debug)]
struct RandomFunction {
    q: [[f64; 3]; 3],
    c: [f64; 3],
    s: [Smooth; 3],
    w: [f64; 3],
}

impl RandomFunction {
    fn eval<S: Float>(&self, x: &[S]) -> S {
        let k = |v: f64| S::from(v).unwrap();
        let mut total = S::zero();
        for i in 0..3 {
            for j in 0..3 {
                total = total + k(self.q[i][j]) * x[i] * x[j];
            }
            total = total + k(self.c[i]) * self.s[i].apply(x[i] * x[(i + 1) % 3]);
        }
        let linear = (0..3).fold(S::zero(), |s, i| s + k(self.w[i]) * x[i]);
        total + (linear / k(4.0)).exp()
    }
}

fn random_function() -> impl Strategy<Value = RandomFunction> {
    (
        prop::array::uniform3(prop::array::uniform3(-5.0..5.0_f64)),
        prop::array::uniform3(-5.0..5.0_f64),
        prop::array::uniform3(smooth()),
        prop::array::uniform3(-1.0..1.0_f64),
    )
        .prop_map(|(q, c, s, w)| RandomFunction { q, c, s, w })
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn hessians_of_random_functions_are_symmetric_and_match_differences_of_the_gradient(
        f in random_function(),
        x in prop::array::uniform3(-1.5..1.5_f64),
    ) {
        let (value, g, h) = value_gradient_hessian(|v| f.eval(v), x);
        prop_assert_eq!(value.to_bits(), f.eval(&x).to_bits());
        // The gradient from the second-order pass is the first-order one, bit for bit.
        let first = gradient(|v| f.eval(v), x);
        prop_assert_eq!(g, first);
        let scale = h.iter().flatten().fold(1.0_f64, |m, v| m.max(v.abs()));
        for i in 0..3 {
            for j in 0..3 {
                prop_assert!(
                    (h[i][j] - h[j][i]).abs() <= 1e-13 * scale,
                    "H[{}][{}] = {:e} but H[{}][{}] = {:e}", i, j, h[i][j], j, i, h[j][i]
                );
                // Column j of row i: d/dxⱼ of ∂f/∂xᵢ, by Ridders on the AD gradient.
                let along = |t: f64| {
                    let mut p = x;
                    p[j] = t;
                    gradient(|v| f.eval(v), p)[i]
                };
                agrees_with_richardson(&format!("H[{i}][{j}]"), h[i][j], along, x[j], 1.0)?;
            }
        }
        // The quadratic part alone has Hessian Q + Qᵀ exactly.
        let quadratic = |v: &[dualgrad::Dual2<f64, 3>]| {
            let mut total = dualgrad::Dual2::constant(0.0);
            for i in 0..3 {
                for j in 0..3 {
                    total += v[i] * v[j] * f.q[i][j];
                }
            }
            total
        };
        let hq = hessian(quadratic, x);
        for i in 0..3 {
            for j in 0..3 {
                let want = f.q[i][j] + f.q[j][i];
                prop_assert!(within_rounding(hq[i][j], want, f.q[i][j].abs() + f.q[j][i].abs(), 2.0), "{} vs {}", hq[i][j], want);
            }
        }
    }
}
