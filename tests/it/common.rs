//! Independent oracles shared by the integration tests: finite-difference
//! stencils on plain `f64` functions and comparison helpers that print both
//! sides. Nothing here calls `dualgrad`, so a test comparing a dual-number
//! result against these can fail.

// Each feature set compiles a different subset of the tests, using a
// different subset of the helpers.
#![allow(dead_code)]

/// Ridders' extrapolation of central differences (Numerical Recipes `dfridr`):
/// the derivative of `f` at `x` and an estimate of its error.
///
/// Starts at step `h0` and shrinks it by 1.4 per round, extrapolating the
/// tableau of central differences to step 0; stops when the error starts to
/// grow. Typically accurate to 1e-13 relative on smooth functions.
pub fn ridders(f: impl Fn(f64) -> f64, x: f64, h0: f64) -> (f64, f64) {
    let estimate = ridders_estimate(f, x, h0);
    (estimate.value, estimate.error)
}

/// One Ridders estimate: the derivative, the tableau's error estimate, and
/// the step of the tableau entry chosen (for a rounding-noise term
/// ε·|f|/step, which the tableau does not see).
#[derive(Clone, Copy, Debug)]
pub struct RiddersEstimate {
    pub value: f64,
    pub error: f64,
    pub step: f64,
}

/// [`ridders`], also returning the step of the chosen tableau entry.
pub fn ridders_estimate(f: impl Fn(f64) -> f64, x: f64, h0: f64) -> RiddersEstimate {
    const SHRINK: f64 = 1.4;
    const SHRINK2: f64 = SHRINK * SHRINK;
    const ROUNDS: usize = 10;
    const SAFE: f64 = 2.0;

    assert!(h0 > 0.0, "ridders: the initial step must be positive");
    let central = |h: f64| (f(x + h) - f(x - h)) / (2.0 * h);
    let mut table = [[0.0_f64; ROUNDS]; ROUNDS];
    let mut h = h0;
    table[0][0] = central(h);
    let mut best = RiddersEstimate {
        value: table[0][0],
        error: f64::MAX,
        step: h,
    };
    for i in 1..ROUNDS {
        h /= SHRINK;
        table[0][i] = central(h);
        let mut factor = SHRINK2;
        for j in 1..=i {
            table[j][i] = (table[j - 1][i] * factor - table[j - 1][i - 1]) / (factor - 1.0);
            factor *= SHRINK2;
            let estimate = (table[j][i] - table[j - 1][i])
                .abs()
                .max((table[j][i] - table[j - 1][i - 1]).abs());
            if estimate <= best.error {
                best = RiddersEstimate {
                    value: table[j][i],
                    error: estimate,
                    step: h,
                };
            }
        }
        if (table[i][i] - table[i - 1][i - 1]).abs() >= SAFE * best.error {
            break;
        }
    }
    best
}

/// The Ridders derivative with a step scaled to the point: 1% of max(|x|, 1).
pub fn numeric_derivative(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    ridders(f, x, 0.01 * x.abs().max(1.0)).0
}

/// The five-point central stencil
/// (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h, error O(h⁴).
pub fn five_point(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    (-f(x + 2.0 * h) + 8.0 * f(x + h) - 8.0 * f(x - h) + f(x - 2.0 * h)) / (12.0 * h)
}

/// The five-point stencil with a step of 1e-3·max(|x|, 1).
pub fn five_point_derivative(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    five_point(f, x, 1e-3 * x.abs().max(1.0))
}

/// `|got − want| ≤ rel·|want| + abs`, printing both sides and `what` if not.
#[track_caller]
pub fn assert_close(got: f64, want: f64, rel: f64, abs: f64, what: &str) {
    let error = (got - want).abs();
    let bound = rel * want.abs() + abs;
    assert!(
        error <= bound || got == want,
        "{what}: got {got:e}, want {want:e} (error {error:e} > bound {bound:e})"
    );
}

/// Relative closeness with a tiny absolute floor: for analytic oracles.
#[track_caller]
pub fn assert_rel(got: f64, want: f64, rel: f64, what: &str) {
    assert_close(got, want, rel, 1e-300, what);
}

/// The same bits, or both NaN (NaN payloads may legitimately differ).
#[track_caller]
pub fn assert_same_f64(got: f64, want: f64, what: &str) {
    assert!(
        got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
        "{what}: got {got:e} ({:#018x}), want {want:e} ({:#018x})",
        got.to_bits(),
        want.to_bits()
    );
}

/// `assert_same_f64` for f32.
#[track_caller]
pub fn assert_same_f32(got: f32, want: f32, what: &str) {
    assert!(
        got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
        "{what}: got {got:e} ({:#010x}), want {want:e} ({:#010x})",
        got.to_bits(),
        want.to_bits()
    );
}

/// The proptest configuration of every property test: 256 cases from a fixed
/// seed, and no persistence files written next to the sources.
pub fn proptest_config() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: 256,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5EED_D0A1),
        ..proptest::test_runner::Config::default()
    }
}

/// Inputs where some function is singular, infinite or undefined.
pub const AWKWARD: [f64; 13] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -0.0,
    1.0,
    -1.0,
    5e-324,
    -2.2e-308,
    1e308,
    -f64::MAX,
    710.0,
    -745.5,
];
