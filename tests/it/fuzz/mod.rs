//! A differential fuzzer: random expression trees over the whole function
//! set, differentiated by dual numbers and checked against Ridders
//! differences of the plain `f64` evaluation (first derivatives) and of the
//! dual first derivative (second derivatives, by nested duals), with every
//! value bit-identical to the `f64` evaluation.
//!
//! * `fuzz_ten_thousand_random_expressions` runs in every CI pass (in release:
//!   `cargo test --release --test it fuzz:: -- --nocapture` prints the
//!   counts).
//! * `fuzz_one_million_random_expressions` is the long run:
//!   `cargo test --release --test it fuzz:: -- --ignored --nocapture`.
//!
//! `DUALGRAD_FUZZ_SEED` (decimal or 0x-hex) explores another stream;
//! `DUALGRAD_FUZZ_CASE=n` rechecks expression n alone and prints it.
//!
//! The generator, the guards and the comparison rule are in the submodules
//! `expr` and `check`.

mod check;
mod expr;

use check::{Counts, Disagreement, Verdict, run_parallel, sample, verdict};
use dualgrad::Dual;
use expr::{Binary, Expr, Form, Side, Trace, Unary};

use crate::common::ridders_estimate;

/// The stream of the CI run.
const SEED: u64 = 0x00D1_FF5E_ED00_0006;

fn seed() -> u64 {
    match std::env::var("DUALGRAD_FUZZ_SEED") {
        Ok(text) => {
            let text = text.trim();
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("DUALGRAD_FUZZ_SEED={text} is not a u64"))
        }
        Err(_) => SEED,
    }
}

/// Runs `count` expressions, prints the counts, and fails listing the first
/// disagreements if there are any.
fn fuzz(count: u64) -> Counts {
    let seed = seed();
    let start = std::time::Instant::now();
    let (counts, found) = run_parallel(seed, count);
    let elapsed = start.elapsed();
    println!("fuzz seed {seed:#x}: {count} expressions in {elapsed:.2?}");
    println!("{counts}");
    assert_no_disagreements(&counts, &found);
    counts
}

#[track_caller]
fn assert_no_disagreements(counts: &Counts, found: &[Disagreement]) {
    if !found.is_empty() {
        let shown: Vec<String> = found.iter().take(25).map(ToString::to_string).collect();
        panic!(
            "{} disagreements (first {} shown):\n{}\n{counts}",
            found.len(),
            shown.len(),
            shown.join("\n")
        );
    }
}

#[test]
fn fuzz_ten_thousand_random_expressions() {
    if let Ok(case) = std::env::var("DUALGRAD_FUZZ_CASE") {
        let index: u64 = case.trim().parse().expect("DUALGRAD_FUZZ_CASE is an index");
        let (expr, x, v) = sample(seed(), index);
        println!("#{index}: f = {expr}\n x = {x:?}, v = {v:?}");
        check::explain(&expr, x, v, 0);
        let mut counts = Counts::default();
        let mut found = Vec::new();
        check::check(index, &expr, x, v, &mut counts, &mut found);
        println!("{counts}");
        assert_no_disagreements(&counts, &found);
        return;
    }
    let counts = fuzz(10_000);
    // The run must mean something: most samples compared, and every
    // operation exercised.
    assert!(
        counts.evaluated >= 7_000,
        "only {} of {} expressions passed the guards",
        counts.evaluated,
        counts.generated
    );
    let inconclusive = counts.first_inconclusive + counts.second_inconclusive;
    let compared = counts.first_compared + counts.second_compared;
    assert!(
        inconclusive * 50 <= compared,
        "{inconclusive} of {compared} comparisons were inconclusive"
    );
    let names = Unary::ALL
        .iter()
        .map(|u| u.name())
        .chain(Binary::ALL.iter().map(|b| b.name()))
        .chain([
            "+", "-", "*", "/", "%", "powi", "mul_add", "clamp", "Sum", "Product",
        ]);
    for name in names {
        let uses = counts.uses.get(name).copied().unwrap_or(0);
        assert!(uses >= 20, "{name} was evaluated only {uses} times");
    }
}

#[test]
#[ignore = "the long run: cargo test --release --test it fuzz:: -- --ignored --nocapture"]
fn fuzz_one_million_random_expressions() {
    fuzz(1_000_000);
}

// --- The fuzzer's own checks ------------------------------------------------------------

#[test]
fn every_ownership_form_and_scalar_side_evaluates_alike_on_f64() {
    // The operator forms are the same function: a generator bug here would
    // make every derivative check of `%`, `/`, … meaningless.
    let x = [1.75, -0.5, 2.25];
    for op in expr::Arith::ALL {
        let base = Expr::Arith(
            *op,
            Form::Value,
            Box::new(Expr::Var(0)),
            Box::new(Expr::Var(2)),
        );
        let want = base.eval(&x, &mut Trace::new());
        for form in Form::ALL {
            let e = Expr::Arith(*op, *form, Box::new(Expr::Var(0)), Box::new(Expr::Var(2)));
            assert_eq!(
                e.eval(&x, &mut Trace::new()).to_bits(),
                want.to_bits(),
                "{e}"
            );
        }
        let right = Expr::Arith(
            *op,
            Form::Value,
            Box::new(Expr::Var(0)),
            Box::new(Expr::Const(1.25)),
        );
        let left = Expr::Arith(
            *op,
            Form::Value,
            Box::new(Expr::Const(1.25)),
            Box::new(Expr::Var(0)),
        );
        for side in Side::ALL {
            let e = Expr::WithScalar(*op, *side, Box::new(Expr::Var(0)), 1.25);
            let want = if *side == Side::Left { &left } else { &right };
            let want = want.eval(&x, &mut Trace::new());
            for d in [
                e.eval(&[Dual::<f64, 2>::constant(1.75); 3], &mut Trace::new())
                    .value(),
                e.eval(&x, &mut Trace::new()),
            ] {
                assert_eq!(d.to_bits(), want.to_bits(), "{e}");
            }
        }
    }
}

#[test]
fn a_slope_off_by_one_part_in_a_hundred_thousand_is_a_disagreement() {
    // The comparison rule is tight enough to catch a subtly wrong rule: the
    // true slope of sin at 0.7 passes, the slope scaled by 1 + 1e-5 fails.
    let estimate = ridders_estimate(f64::sin, 0.7, 0.05);
    let right = 0.7_f64.cos();
    assert!(matches!(
        verdict(right, estimate, 1.0).0,
        Verdict::Agree(r) if r < 1e-12
    ));
    assert_eq!(
        verdict(right * (1.0 + 1e-5), estimate, 1.0).0,
        Verdict::Disagree
    );
}

#[test]
fn samples_reproduce_from_their_index() {
    let (a, xa, va) = sample(SEED, 1234);
    let (b, xb, vb) = sample(SEED, 1234);
    assert_eq!(a.to_string(), b.to_string());
    assert_eq!((xa, va), (xb, vb));
}

// --- Replays of the disagreements the fuzzer found (fixed in the library) --------------

/// Checks one hand-built sample through the whole harness: it must agree
/// every way, and be compared against differences unless it sits at a kink
/// (where only the cross-type and cross-nesting comparisons apply).
fn replay(expr: Expr, x: [f64; 3], v: [f64; 3], at_a_kink: bool) {
    let mut counts = Counts::default();
    let mut found = Vec::new();
    check::check(0, &expr, x, v, &mut counts, &mut found);
    assert_no_disagreements(&counts, &found);
    if at_a_kink {
        assert!(
            counts.bitwise_compared > 0,
            "{expr} was not compared: {counts}"
        );
    } else {
        assert_eq!(counts.evaluated, 1, "{expr} was skipped: {counts}");
    }
}

fn var(i: usize) -> Box<Expr> {
    Box::new(Expr::Var(i))
}

#[test]
fn fuzz_case_tanh_of_a_large_argument_has_a_finite_second_derivative() {
    // Found as #865: tanh(powi(x1, −3)) at x1 ≈ 0.0697, i.e. tanh(2950).
    // The rule 1/cosh²x overflowed; the nested dual's slope was NaN.
    let expr = Expr::Unary(Unary::Tanh, Box::new(Expr::Powi(var(1), -3)));
    replay(
        expr,
        [-1.2346361888097381, 0.06972590664842304, -1.067279783910516],
        [
            -0.7202185544025943,
            -0.8450228467988092,
            -0.5880927855843465,
        ],
        false,
    );
}

#[test]
fn fuzz_case_log_in_base_zero_has_a_finite_second_derivative() {
    // Found as #1782: log(abs_sub(x1, x0), trunc(x2)) with trunc(x2) = 0.
    let expr = Expr::Binary(
        Binary::Log,
        Box::new(Expr::Binary(Binary::AbsSub, var(1), var(0))),
        Box::new(Expr::Unary(Unary::Trunc, var(2))),
    );
    replay(
        expr,
        [-2.06770477555515, -1.782672659552433, 0.9249861379468367],
        [
            -0.028444268798233807,
            -0.626257257573738,
            -0.5018759242859596,
        ],
        false,
    );
}

#[test]
fn fuzz_case_clamp_at_a_tie_averages_slopes_in_the_nested_dual_too() {
    // Found as #256879: exp_m1 of a large negative number is exactly −1,
    // the upper bound of the clamp; the nested dual kept the full slope.
    let inner = Expr::Arith(
        expr::Arith::Add,
        Form::Value,
        var(2),
        Box::new(Expr::Powi(Box::new(Expr::Const(-3.951095548274898)), 3)),
    );
    let expr = Expr::Clamp(
        Box::new(Expr::Unary(Unary::ExpM1, Box::new(inner))),
        -3.3589989173342802,
        -1.0,
    );
    replay(
        expr,
        [2.435206392163739, -1.8261647978041171, -1.989991888839137],
        [
            -0.20035434813204023,
            -0.13288182393031067,
            0.514446876987595,
        ],
        true,
    );
}

#[test]
fn fuzz_case_copysign_at_zero_has_the_same_slope_at_every_nesting_level() {
    // Found as #988843 of seed 0xBADC0FFEE: log2(tanh(27.26)) is exactly 0
    // with a tiny slope; copysign's structural zero test made the nested
    // dual's outer slope ±1 where its inner slope was 0.
    let expr = Expr::Binary(
        Binary::Copysign,
        Box::new(Expr::Unary(
            Unary::Log2,
            Box::new(Expr::Unary(Unary::Tanh, var(2))),
        )),
        Box::new(Expr::Binary(
            Binary::SignedAbsSub,
            Box::new(Expr::Powi(var(2), 2)),
            Box::new(Expr::Arith(
                expr::Arith::Div,
                Form::ValueRef,
                var(1),
                var(2),
            )),
        )),
    );
    replay(
        expr,
        [9.776273885792154, -14.541843413656846, 27.258861299527666],
        [-0.6651085890358761, -0.6679042973154918, 0.5448437861940172],
        true,
    );
}
