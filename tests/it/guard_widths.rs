//! The zero-partials guard of the singular rules (√, ln, 1/x, division, …)
//! has two implementations: up to three partials every lane is masked
//! without a branch, beyond that one test of the coefficient picks the plain
//! loop or the masked one. Both must give the same partials, lane for lane,
//! at every awkward input: here the same directions are differentiated at
//! width 3 and, repeated three times, at width 9, and every lane compared.

use crate::common::AWKWARD;
use dualgrad::Dual;
use num_traits::Float;

/// The shared awkward inputs, and a few ordinary and subnormal ones.
fn awkward() -> impl Iterator<Item = f64> {
    AWKWARD
        .into_iter()
        .chain([0.5, -2.0, 3.0, 1e-310, -1e-310, 1e300, f64::MAX])
}

/// Partial patterns: a constant, one seeded lane, mixed signs, an infinite one.
const PATTERNS: [[f64; 3]; 5] = [
    [0.0, 0.0, 0.0],
    [1.0, 0.0, 0.0],
    [0.0, -2.0, 0.5],
    [0.0, 0.0, f64::INFINITY],
    [-0.0, 1e-300, 0.0],
];

/// A dual of width N whose partial i is `pattern[i % 3]`.
fn dual<const N: usize>(value: f64, pattern: [f64; 3]) -> Dual<f64, N> {
    Dual::new(value, std::array::from_fn(|i| pattern[i % 3]))
}

/// Equal as slopes: the same number (either sign of zero), or both NaN.
fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

#[track_caller]
fn assert_same_lanes(narrow: Dual<f64, 3>, wide: Dual<f64, 9>, what: &str) {
    assert!(
        same(narrow.value(), wide.value()),
        "{what}: values {} and {}",
        narrow.value(),
        wide.value()
    );
    for i in 0..9 {
        assert!(
            same(narrow.partial(i % 3), wide.partial(i)),
            "{what}: lane {i} is {} at width 9, {} at width 3",
            wide.partial(i),
            narrow.partial(i % 3)
        );
    }
}

/// Every one-argument function, generic over the number type.
fn unary<S: Float>(name: &str, x: S) -> S {
    match name {
        "sqrt" => x.sqrt(),
        "cbrt" => x.cbrt(),
        "ln" => x.ln(),
        "log2" => x.log2(),
        "log10" => x.log10(),
        "ln_1p" => x.ln_1p(),
        "recip" => x.recip(),
        "asin" => x.asin(),
        "acos" => x.acos(),
        "atanh" => x.atanh(),
        "acosh" => x.acosh(),
        "asinh" => x.asinh(),
        "atan" => x.atan(),
        "exp" => x.exp(),
        "exp_m1" => x.exp_m1(),
        "sin" => x.sin(),
        "tan" => x.tan(),
        "tanh" => x.tanh(),
        "cosh" => x.cosh(),
        "abs" => x.abs(),
        "powi(-2)" => x.powi(-2),
        "powi(-1)" => x.powi(-1),
        "powi(3)" => x.powi(3),
        "powf(0.5)" => x.powf(S::from(0.5).unwrap()),
        "powf(-1.5)" => x.powf(S::from(-1.5).unwrap()),
        _ => unreachable!("{name}"),
    }
}

const UNARY: [&str; 25] = [
    "sqrt",
    "cbrt",
    "ln",
    "log2",
    "log10",
    "ln_1p",
    "recip",
    "asin",
    "acos",
    "atanh",
    "acosh",
    "asinh",
    "atan",
    "exp",
    "exp_m1",
    "sin",
    "tan",
    "tanh",
    "cosh",
    "abs",
    "powi(-2)",
    "powi(-1)",
    "powi(3)",
    "powf(0.5)",
    "powf(-1.5)",
];

/// Every two-argument function and operator, generic over the number type.
fn binary<S: Float>(name: &str, x: S, y: S) -> S {
    match name {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => x / y,
        "%" => x % y,
        "powf" => x.powf(y),
        "log" => x.log(y),
        "atan2" => x.atan2(y),
        "hypot" => x.hypot(y),
        "max" => x.max(y),
        _ => unreachable!("{name}"),
    }
}

const BINARY: [&str; 10] = [
    "+", "-", "*", "/", "%", "powf", "log", "atan2", "hypot", "max",
];

#[test]
fn masked_and_branching_guards_agree_on_every_one_argument_function() {
    let mut cases = 0;
    for name in UNARY {
        for a in awkward() {
            for pattern in PATTERNS {
                let what = format!("{name}({a:e} with partials {pattern:?})");
                assert_same_lanes(
                    unary(name, dual::<3>(a, pattern)),
                    unary(name, dual::<9>(a, pattern)),
                    &what,
                );
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 25 * 20 * 5);
}

#[test]
fn masked_and_branching_guards_agree_on_every_two_argument_function() {
    for name in BINARY {
        for a in awkward() {
            for b in awkward() {
                for p in PATTERNS {
                    for q in [PATTERNS[0], PATTERNS[1], PATTERNS[2]] {
                        let what = format!("{name}({a:e} {p:?}, {b:e} {q:?})");
                        assert_same_lanes(
                            binary(name, dual::<3>(a, p), dual::<3>(b, q)),
                            binary(name, dual::<9>(a, p), dual::<9>(b, q)),
                            &what,
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn constants_keep_zero_partials_at_singular_points_at_every_width() {
    fn check<const N: usize>() {
        let c = |v: f64| Dual::<f64, N>::constant(v);
        let cases = [
            ("sqrt(0)", c(0.0).sqrt()),
            ("ln(0)", c(0.0).ln()),
            ("recip(0)", c(0.0).recip()),
            ("1 / 0", c(1.0) / c(0.0)),
            ("0 / 0", c(0.0) / c(0.0)),
            ("asin(1)", c(1.0).asin()),
            ("acosh(1)", c(1.0).acosh()),
            ("powi(0, -2)", c(0.0).powi(-2)),
        ];
        for (what, d) in cases {
            assert!(
                d.partials().iter().all(|&p| p == 0.0),
                "{what} at width {N}: {:?}",
                d.partials()
            );
        }
        // A variable at the same point: infinite where seeded, 0 elsewhere.
        let s = Dual::<f64, N>::variable(0.0, N - 1).sqrt();
        assert_eq!(s.partial(N - 1), f64::INFINITY, "width {N}");
        assert!(s.partials()[..N - 1].iter().all(|&p| p == 0.0), "width {N}");
    }
    check::<1>();
    check::<2>();
    check::<3>();
    check::<4>();
    check::<8>();
    check::<17>();
}
