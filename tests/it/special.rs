//! The special functions against mpmath: values, first and second
//! derivatives at every point of `tests/data/special/*.txt` (written by
//! `generate.py` there), on `f64`, `Dual<f64, N>` and `Dual2<f64, N>`, and
//! Dual2 against nested duals. Each function has its worst errors written
//! down below (the figures of the accuracy table in the `special` module
//! docs); a test fails if one gets worse. Print the table with
//! `cargo test --test it special::accuracy -- --nocapture`.

// `!(error <= limit)` on purpose: a NaN error must count as a failure.
#![allow(clippy::neg_cmp_op_on_partial_ord)]
// Columns k of value, f′, f″ are indexed together in several arrays.
#![allow(clippy::needless_range_loop)]

use std::fs;
use std::path::Path;

use dualgrad::special::SpecialFloat;
use dualgrad::{Dual, Dual2};

/// One table line: the arguments, then the reference value and
/// derivatives.
struct Point {
    args: Vec<f64>,
    reference: Vec<f64>,
}

fn table(name: &str) -> Vec<Point> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/special")
        .join(format!("{name}.txt"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let arity = match name {
        "polygamma" | "bessel_jn" | "bessel_yn" | "beta" | "ln_beta" | "gamma_p" | "gamma_q" => 2,
        _ => 1,
    };
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let numbers: Vec<f64> = line
                .split_whitespace()
                .map(|t| t.parse().unwrap_or_else(|e| panic!("{name}: {t}: {e}")))
                .collect();
            Point {
                args: numbers[..arity].to_vec(),
                reference: numbers[arity..].to_vec(),
            }
        })
        .collect()
}

/// The largest errors of one quantity over a table: relative where the
/// reference is at least `floor` in size, absolute below.
#[derive(Default, Clone, Copy, Debug)]
struct Worst {
    relative: f64,
    relative_at: f64,
    absolute: f64,
    absolute_at: f64,
}

impl Worst {
    fn add(&mut self, got: f64, want: f64, floor: f64, at: f64) {
        if got == want || (got.is_nan() && want.is_nan()) {
            return;
        }
        if !want.is_finite() {
            // A pole: any infinity of the right sign or NaN is the float
            // function's answer; a finite number is a miss.
            if got.is_finite() {
                self.relative = f64::INFINITY;
                self.relative_at = at;
            }
            return;
        }
        let error = (got - want).abs();
        // Subnormal references are measured absolutely: the source crates
        // may flush them to 0.
        if want.abs() >= floor.max(f64::MIN_POSITIVE) {
            let rel = error / want.abs();
            if !(rel <= self.relative) {
                self.relative = rel;
                self.relative_at = at;
            }
        } else if !(error <= self.absolute) {
            self.absolute = error;
            self.absolute_at = at;
        }
    }
}

/// What a function gives at a point: value, first derivative, second
/// derivative (in the tables' variable), and the nested dual's second
/// derivative.
type Evaluate = fn(&[f64]) -> [f64; 4];

struct Case {
    name: &'static str,
    evaluate: Evaluate,
    /// Below this |reference|, absolute error is the measure.
    floor: f64,
    /// Points kept for the derivative figures (some tables include points
    /// where only the value is meaningful).
    limits: [f64; 3],
}

fn one<F>(x: f64, f: F) -> [f64; 4]
where
    F: Fn(Dual2<f64, 1>) -> Dual2<f64, 1>,
{
    let y = f(Dual2::variable(x, 0));
    [y.value(), y.gradient()[0], y.hessian_entry(0, 0), f64::NAN]
}

macro_rules! unary_case {
    ($name:ident) => {
        |p: &[f64]| {
            let x = p[0];
            let [v, d1, d2, _] = one(x, |t| t.$name());
            let plain = x.$name();
            let first = Dual::<f64, 1>::variable(x, 0).$name();
            let nested =
                Dual::<Dual<f64, 1>, 1>::new(Dual::variable(x, 0), [Dual::constant(1.0)]).$name();
            assert_same(v, plain, stringify!($name), x);
            assert_same(first.value(), plain, stringify!($name), x);
            assert_same(
                first.partial(0),
                d1,
                concat!(stringify!($name), " Dual vs Dual2 slope"),
                x,
            );
            [v, d1, d2, nested.partial(0).partial(0)]
        }
    };
}

macro_rules! order_case {
    ($name:ident, $ty:ty) => {
        |p: &[f64]| {
            let (n, x) = (p[0] as $ty, p[1]);
            let [v, d1, d2, _] = one(x, |t| t.$name(n));
            let nested =
                Dual::<Dual<f64, 1>, 1>::new(Dual::variable(x, 0), [Dual::constant(1.0)]).$name(n);
            assert_same(v, x.$name(n), stringify!($name), x);
            assert_same(
                Dual::<f64, 1>::variable(x, 0).$name(n).partial(0),
                d1,
                stringify!($name),
                x,
            );
            [v, d1, d2, nested.partial(0).partial(0)]
        }
    };
}

fn assert_same(got: f64, want: f64, what: &str, x: f64) {
    assert!(
        got == want || (got.is_nan() && want.is_nan()),
        "{what} at {x}: {got:e} vs {want:e}"
    );
}

/// B and ln B: gradient in (a, b) and ∂²/∂a²; the tables' columns are
/// f, ∂/∂a, ∂/∂b, ∂²/∂a².
fn beta_like(p: &[f64], f: fn(Dual2<f64, 2>, Dual2<f64, 2>) -> Dual2<f64, 2>) -> [f64; 5] {
    let y = f(Dual2::variable(p[0], 0), Dual2::variable(p[1], 1));
    [
        y.value(),
        y.gradient()[0],
        y.gradient()[1],
        y.hessian_entry(0, 0),
        0.0,
    ]
}

/// P and Q in x, a constant.
fn incomplete(p: &[f64], f: fn(Dual2<f64, 1>, Dual2<f64, 1>) -> Dual2<f64, 1>) -> [f64; 4] {
    let y = f(Dual2::constant(p[0]), Dual2::variable(p[1], 0));
    let first = f(Dual2::variable(p[0], 0), Dual2::constant(p[1]));
    assert!(
        first.gradient()[0].is_nan() || first.value().is_nan(),
        "∂/∂a must be NaN"
    );
    [y.value(), y.gradient()[0], y.hessian_entry(0, 0), f64::NAN]
}

/// The functions of one argument, each with its floor (absolute error
/// below) and its limits: worst relative error of value, first and second
/// derivative allowed (measured, rounded up).
fn unary_cases() -> Vec<Case> {
    vec![
        Case {
            name: "erf",
            evaluate: unary_case!(erf_fn),
            floor: 0.0,
            limits: [2e-16, 4e-15, 4e-15],
        },
        Case {
            name: "erfc",
            evaluate: unary_case!(erfc_fn),
            floor: 0.0,
            limits: [3e-16, 6e-15, 6e-15],
        },
        Case {
            name: "erf_inv",
            evaluate: unary_case!(erf_inv),
            floor: 0.0,
            limits: [1e-15, 7e-15, 1.5e-14],
        },
        Case {
            name: "gamma",
            evaluate: unary_case!(gamma_fn),
            floor: 0.0,
            limits: [1e-15, 2e-14, 2e-15],
        },
        Case {
            name: "ln_gamma",
            evaluate: unary_case!(ln_gamma_fn),
            floor: 1e-2,
            limits: [1.5e-14, 2e-15, 3e-15],
        },
        Case {
            name: "digamma",
            evaluate: unary_case!(digamma),
            floor: 1e-2,
            limits: [1e-14, 2e-15, 1e-15],
        },
        Case {
            name: "trigamma",
            evaluate: unary_case!(trigamma),
            floor: 0.0,
            limits: [2e-15, 1e-15, 1e-15],
        },
        Case {
            name: "bessel_j0",
            evaluate: unary_case!(bessel_j0),
            floor: 1e-2,
            limits: [1e-15, 1e-15, 1e-15],
        },
        Case {
            name: "bessel_j1",
            evaluate: unary_case!(bessel_j1),
            floor: 1e-2,
            limits: [1e-15, 1e-15, 1e-15],
        },
        Case {
            name: "bessel_y0",
            evaluate: unary_case!(bessel_y0),
            floor: 1e-2,
            limits: [1e-15, 1e-15, 1e-15],
        },
        Case {
            name: "bessel_y1",
            evaluate: unary_case!(bessel_y1),
            floor: 1e-2,
            limits: [1e-15, 1e-15, 1e-15],
        },
        Case {
            name: "polygamma",
            evaluate: order_case!(polygamma, u32),
            floor: 0.0,
            limits: [2e-15, 2e-15, 2e-15],
        },
        Case {
            name: "bessel_jn",
            evaluate: order_case!(bessel_jn, i32),
            floor: 1e-2,
            limits: [2e-15, 3e-15, 1.5e-14],
        },
        Case {
            name: "bessel_yn",
            evaluate: order_case!(bessel_yn, i32),
            floor: 1e-2,
            limits: [1e-14, 5e-15, 6e-15],
        },
        Case {
            name: "gamma_p",
            evaluate: |p| incomplete(p, |a, x| a.gamma_p(x)),
            floor: 0.0,
            limits: [8e-13, 2e-13, 2e-13],
        },
        Case {
            name: "gamma_q",
            evaluate: |p| incomplete(p, |a, x| a.gamma_q(x)),
            floor: 0.0,
            limits: [1e-12, 2e-13, 2e-13],
        },
    ]
}

/// The worst errors of value, first and second derivative, and the
/// largest Dual2-vs-nested difference, for one table.
fn measure(case: &Case) -> ([Worst; 3], f64, usize) {
    let points = table(case.name);
    let mut worst = [Worst::default(); 3];
    let mut nested_gap = 0.0_f64;
    for point in &points {
        let got = (case.evaluate)(&point.args);
        let at = *point.args.last().unwrap();
        for k in 0..3 {
            worst[k].add(got[k], point.reference[k], case.floor, at);
        }
        if !got[3].is_nan() && got[2].is_finite() && got[2] != got[3] {
            let gap = (got[2] - got[3]).abs() / got[2].abs().max(1.0);
            nested_gap = nested_gap.max(gap);
        }
    }
    (worst, nested_gap, points.len())
}

/// The largest absolute error allowed where the reference is below the
/// floor (near zeros) or subnormal.
const ABSOLUTE_LIMIT: f64 = 1e-15;

#[test]
fn accuracy_table() {
    println!(
        "| function | points | value rel | value abs (|f| < floor) | f′ rel | f′ abs | f″ rel | f″ abs | Dual2 vs nested |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut failures = Vec::new();
    for case in unary_cases() {
        let (worst, nested_gap, count) = measure(&case);
        println!(
            "| {} | {count} | {:.1e} | {:.1e} | {:.1e} | {:.1e} | {:.1e} | {:.1e} | {:.1e} |",
            case.name,
            worst[0].relative,
            worst[0].absolute,
            worst[1].relative,
            worst[1].absolute,
            worst[2].relative,
            worst[2].absolute,
            nested_gap
        );
        for k in 0..3 {
            if !(worst[k].absolute <= ABSOLUTE_LIMIT) {
                failures.push(format!(
                    "{} derivative {k}: absolute error {:e} at {} (limit {ABSOLUTE_LIMIT:e})",
                    case.name, worst[k].absolute, worst[k].absolute_at
                ));
            }
            if !(worst[k].relative <= case.limits[k]) {
                failures.push(format!(
                    "{} derivative {k}: relative error {:e} at {} (limit {:e})",
                    case.name, worst[k].relative, worst[k].relative_at, case.limits[k]
                ));
            }
        }
        if nested_gap > 1e-12 {
            failures.push(format!("{}: Dual2 vs nested {nested_gap:e}", case.name));
        }
    }
    for (name, f) in [
        (
            "beta",
            (|a, b| a.beta(b)) as fn(Dual2<f64, 2>, Dual2<f64, 2>) -> Dual2<f64, 2>,
        ),
        ("ln_beta", |a, b| a.ln_beta(b)),
    ] {
        let mut worst = [Worst::default(); 4];
        for point in table(name) {
            let got = beta_like(&point.args, f);
            for k in 0..4 {
                worst[k].add(got[k], point.reference[k], 1e-2, point.args[0]);
            }
        }
        println!(
            "| {name} | | {:.1e} | {:.1e} | {:.1e} (∂a), {:.1e} (∂b) | {:.1e} | {:.1e} | {:.1e} | |",
            worst[0].relative,
            worst[0].absolute,
            worst[1].relative,
            worst[2].relative,
            worst[1].absolute.max(worst[2].absolute),
            worst[3].relative,
            worst[3].absolute
        );
        let limits = if name == "beta" {
            [3e-14, 3e-14, 3e-14, 2e-14]
        } else {
            [2.5e-13, 5e-14, 5e-14, 1e-14]
        };
        for (k, limit) in limits.into_iter().enumerate() {
            if !(worst[k].relative <= limit) {
                failures.push(format!(
                    "{name} column {k}: relative error {:e} at a = {} (limit {limit:e})",
                    worst[k].relative, worst[k].relative_at
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Third derivatives by nesting three deep: the rules stay in the family
/// (ψₙ′ = ψₙ₊₁), so d³/dx³ ln Γ = ψ₂ and d³/dx³ ψ = ψ₃.
#[test]
fn third_derivatives_by_nesting_follow_the_polygamma_ladder() {
    type Third = Dual<Dual<Dual<f64, 1>, 1>, 1>;
    let seed = |x: f64| -> Third {
        Dual::new(
            Dual::new(Dual::variable(x, 0), [Dual::constant(1.0)]),
            [Dual::constant(Dual::constant(1.0))],
        )
    };
    for x in [0.3, 1.0, 2.5, 17.0, -0.5] {
        let third = |y: Third| y.partials()[0].partials()[0].partials()[0];
        let lg = third(seed(x).ln_gamma_fn());
        let psi = third(seed(x).digamma());
        assert!(
            (lg - x.polygamma(2)).abs() <= 1e-14 * lg.abs(),
            "ln Γ‴({x})"
        );
        assert!((psi - x.polygamma(3)).abs() <= 1e-14 * psi.abs(), "ψ‴({x})");
    }
}

/// At a pole a constant keeps zero partials (Dual and Dual2), and a
/// variable gets the float function's non-finite value, never a panic.
#[test]
fn constants_keep_zero_partials_at_poles() {
    type D = Dual<f64, 2>;
    type D2 = Dual2<f64, 2>;
    type Case = (&'static str, fn(D) -> D, fn(D2) -> D2, f64);
    let unary: [Case; 9] = [
        ("gamma at 0", |x| x.gamma_fn(), |x| x.gamma_fn(), 0.0),
        ("gamma at -2", |x| x.gamma_fn(), |x| x.gamma_fn(), -2.0),
        (
            "ln_gamma at -3",
            |x| x.ln_gamma_fn(),
            |x| x.ln_gamma_fn(),
            -3.0,
        ),
        ("digamma at -1", |x| x.digamma(), |x| x.digamma(), -1.0),
        ("trigamma at 0", |x| x.trigamma(), |x| x.trigamma(), 0.0),
        (
            "polygamma(4) at -2",
            |x| x.polygamma(4),
            |x| x.polygamma(4),
            -2.0,
        ),
        ("erf_inv at 1", |x| x.erf_inv(), |x| x.erf_inv(), 1.0),
        ("bessel_y0 at 0", |x| x.bessel_y0(), |x| x.bessel_y0(), 0.0),
        (
            "bessel_yn(3) at 0",
            |x| x.bessel_yn(3),
            |x| x.bessel_yn(3),
            0.0,
        ),
    ];
    for (what, f, f2, at) in unary {
        let y = f(D::constant(at));
        assert_eq!(y.partials(), &[0.0, 0.0], "{what}: Dual");
        let y2 = f2(D2::constant(at));
        assert!(y2.is_constant(), "{what}: Dual2 {y2:?}");
        let v = f(D::variable(at, 0));
        assert!(
            !v.value().is_finite() || !v.partial(0).is_finite(),
            "{what}: {v:?}"
        );
        assert_eq!(v.partial(1), 0.0, "{what}: the other direction");
    }
    // β at a pole of Γ(a) with b constant, P with a constant shape.
    let b = D::constant(-1.0).beta(D::constant(2.5));
    assert_eq!(b.partials(), &[0.0, 0.0]);
    let p = D::constant(2.0).gamma_p(D::variable(0.0, 1));
    assert_eq!((p.value(), p.partials()), (0.0, &[0.0, 0.0]));
}

#[test]
fn the_shape_derivative_of_the_incomplete_gamma_function_is_nan() {
    let a = Dual::<f64, 2>::variable(2.0, 0);
    let x = Dual::<f64, 2>::variable(3.0, 1);
    for y in [a.gamma_p(x), a.gamma_q(x)] {
        assert!(y.partial(0).is_nan());
        assert!(y.partial(1).is_finite());
    }
    let h = Dual2::<f64, 2>::variable(2.0, 0).gamma_p(Dual2::variable(3.0, 1));
    assert!(h.hessian_entry(0, 0).is_nan() && h.hessian_entry(0, 1).is_nan());
    assert!(h.hessian_entry(1, 1).is_finite());
}

/// f32 agrees with f64 to single precision at the table points where the
/// f64 value is a normal f32 of size ≥ 1e−2 (relative 1e−5; libm's f32
/// Bessel functions lose more near their zeros: absolute 1e−6 there).
#[test]
fn f32_agrees_with_f64_to_single_precision() {
    macro_rules! check {
        ($name:ident, $table:literal $(, $n:expr)?) => {
            for point in table($table) {
                let x = *point.args.last().unwrap();
                if (x as f32) as f64 != x {
                    continue; // compare at the same argument only
                }
                let want = x.$name($($n)?);
                let got = f64::from((x as f32).$name($($n)?));
                if want.is_finite() && want.abs() < 1e30 && want.abs() > 1e-30 {
                    let ok = (got - want).abs() <= 1e-5 * want.abs().max(0.1);
                    assert!(ok, "{} at {x}: f32 {got:e} vs f64 {want:e}", $table);
                }
            }
        };
    }
    check!(erf_fn, "erf");
    check!(erfc_fn, "erfc");
    check!(erf_inv, "erf_inv");
    check!(gamma_fn, "gamma");
    check!(ln_gamma_fn, "ln_gamma");
    check!(digamma, "digamma");
    check!(trigamma, "trigamma");
    check!(bessel_j0, "bessel_j0");
    check!(bessel_j1, "bessel_j1");
    check!(bessel_y0, "bessel_y0");
    check!(bessel_y1, "bessel_y1");
}

/// Generic code over `S: SpecialFloat` differentiates through the drivers:
/// the gamma log-likelihood's gradient and Hessian in (k, θ) against their
/// closed forms in ψ and ψ₁.
#[test]
fn gamma_log_likelihood_gradient_and_hessian_match_closed_forms() {
    use dualgrad::{gradient, hessian};
    const DATA: [f64; 5] = [0.8, 1.7, 2.2, 3.9, 0.4];
    fn loglik<S: SpecialFloat>(p: &[S]) -> S {
        let (k, theta) = (p[0], p[1]);
        DATA.iter().fold(S::zero(), |sum, &x| {
            let x = S::from(x).unwrap();
            sum + (k - S::one()) * x.ln() - x / theta - k.ln_gamma_fn() - k * theta.ln()
        })
    }
    let (k, theta) = (2.3, 1.1);
    let n = DATA.len() as f64;
    let sum_ln: f64 = DATA.iter().map(|x| x.ln()).sum();
    let sum: f64 = DATA.iter().sum();
    let g = gradient(loglik, [k, theta]);
    let want_g = [
        sum_ln - n * k.digamma() - n * theta.ln(),
        sum / (theta * theta) - n * k / theta,
    ];
    let h = hessian(loglik, [k, theta]);
    let want_h = [
        [-n * k.trigamma(), -n / theta],
        [
            -n / theta,
            -2.0 * sum / theta.powi(3) + n * k / (theta * theta),
        ],
    ];
    for i in 0..2 {
        assert!(
            (g[i] - want_g[i]).abs() <= 1e-13 * want_g[i].abs().max(1.0),
            "g[{i}]"
        );
        for j in 0..2 {
            let w = want_h[i][j];
            assert!(
                (h[i][j] - w).abs() <= 1e-13 * w.abs().max(1.0),
                "h[{i}][{j}]"
            );
        }
    }
}

/// ψₙ for large n against mpmath values (n = 60, 100, 200: n! overflows
/// past 170, so the last goes through logarithms).
#[test]
fn polygamma_of_high_order() {
    // mpmath: psi(n, x) at 60 digits.
    for (n, x, want) in [
        (60_u32, 3.5_f64, -5.395407353586721e48_f64),
        (100, 10.0, -9.333237300479084e56),
        (200, 50.0, -2.5829713930705358e33),
    ] {
        let got = x.polygamma(n);
        assert!(
            (got - want).abs() <= 1e-13 * want.abs(),
            "ψ_{n}({x}) = {got:e}, want {want:e}"
        );
    }
}

/// `Dual<f32, N>` and `Dual2<f32, N>` differentiate through the f32 values:
/// (ln Γ)′(2) = 1 − γ and (ln Γ)″(2) = π²/6 − 1 to single precision.
#[test]
fn single_precision_duals_differentiate() {
    let euler_gamma = 0.577_215_7_f32;
    let y = Dual::<f32, 1>::variable(2.0, 0).ln_gamma_fn();
    assert!((y.partial(0) - (1.0 - euler_gamma)).abs() < 1e-6);
    let h = Dual2::<f32, 1>::variable(2.0, 0).ln_gamma_fn();
    let want = std::f32::consts::PI.powi(2) / 6.0 - 1.0;
    assert!((h.hessian_entry(0, 0) - want).abs() < 1e-6);
    let j = Dual::<f32, 1>::variable(2.0, 0).bessel_j0();
    assert!((j.partial(0) + 2.0_f32.bessel_j1()).abs() < 1e-7);
}

/// P(a, x) near x = 0: P′ = x^(a−1)e^(−x)/Γ(a) and P″ = P′·((a − 1)/x − 1)
/// have the limits 0 (a > 2), 1 (a = 2) and +∞ (1 < a < 2) at x = 0, on a
/// variable x (found by a user trial: they were NaN), and Q's are their
/// negatives. (For a < 1, P′(0) itself is +∞, and P″(0) is NaN.) Where the
/// value is NaN (a > 10¹⁰) so is the slope.
#[test]
fn the_incomplete_gamma_function_has_its_limits_at_zero() {
    let second = |a: f64| dualgrad::second_derivative(|z| Dual2::constant(a).gamma_p(z), 0.0);
    assert_eq!(second(3.0), 0.0);
    assert_eq!(second(2.0), 1.0);
    assert_eq!(second(1.5), f64::INFINITY);
    let q = dualgrad::second_derivative(|z| Dual2::constant(2.0).gamma_q(z), 0.0);
    assert_eq!(q, -1.0);
    // Away from 0 the second derivative is P′·((a − 1)/x − 1).
    let (a, x) = (2.5_f64, 0.7_f64);
    let density = x.powf(a - 1.0) * (-x).exp() / a.gamma_fn();
    let want = density * ((a - 1.0) / x - 1.0);
    let got = dualgrad::second_derivative(|z| Dual2::constant(a).gamma_p(z), x);
    assert!((got - want).abs() <= 1e-14 * want.abs(), "{got} vs {want}");
    let huge = Dual::<f64, 1>::constant(2e10).gamma_p(Dual::variable(2e10, 0));
    assert!(huge.value().is_nan() && huge.partial(0).is_nan());
}
