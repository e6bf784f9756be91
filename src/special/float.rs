//! The values on `f32` and `f64`: from `libm`, `special` and `statrs`, with
//! the guards that keep every call finite in time and free of panics, and
//! the few formulas composed here (reflection, β from Γ).
//!
//! Each source was chosen for its accuracy against the mpmath tables in
//! `tests/data/special/` and its dependency weight (the candidates and
//! their errors are in BENCHMARKS.md, "Special functions: the sources"):
//!
//! * `libm`: erf, erfc, Γ (`tgamma`), ln|Γ| and its sign (`lgamma_r`), and
//!   the Bessel functions J₀, J₁, Jₙ, Y₀, Y₁, Yₙ, for f32 and f64.
//! * `special`: ψ and ψ₁ for x > 0, and erf⁻¹ (f32 and f64, no_std, only
//!   libm underneath). For x < 0 the reflection formulas are written here,
//!   with the exact reduction r = x − round(x): sin(πx) and tan(πx) of an
//!   unreduced x lose digits near the poles.
//! * `statrs`: the regularised incomplete gamma functions P and Q (f64;
//!   f32 goes through f64), the only candidate with an accurate Q, which
//!   tail probabilities need. Its panicking domain checks are never
//!   reached: the guards below answer first.
//! * ψₙ for n ≥ 2: `polygamma.rs` (no candidate has it).

use core::f64::consts::PI;

use super::SpecialFloat;
use super::polygamma::polygamma;

/// Above this shape parameter the incomplete gamma function is NaN: the
/// series and continued fraction need ~√a iterations, and stop advancing
/// at a ≥ 2⁵³.
const LARGEST_GAMMA_SHAPE: f64 = 1e10;

/// Bessel orders above this, for |x| > |n|/2, are NaN: libm's recurrences
/// take |n| steps.
const LARGEST_BESSEL_ORDER: i64 = 1_000_000;

/// ψ(x) in f64, by `special` for x ≥ 0 and the reflection formula
/// ψ(x) = ψ(1 − x) − π·cot(πx) for x < 0.
fn digamma(x: f64) -> f64 {
    use special::Gamma;
    if x < 0.0 {
        let r = x - x.round();
        if r == 0.0 || r.is_nan() {
            return f64::NAN;
        }
        return Gamma::digamma(1.0 - x) - PI / (PI * r).tan();
    }
    Gamma::digamma(x)
}

/// ψ₁(x) in f64, by `special` for x > 0 and the reflection formula
/// ψ₁(x) = π²/sin²(πx) − ψ₁(1 − x) for x ≤ 0 (+∞ at the poles).
fn trigamma(x: f64) -> f64 {
    use special::Gamma;
    if x <= 0.0 {
        let r = x - x.round();
        if r.is_nan() {
            return f64::NAN;
        }
        let s = PI / (PI * r).sin();
        return s * s - Gamma::trigamma(&(1.0 - x));
    }
    Gamma::trigamma(&x)
}

/// (P(a, x), Q(a, x)) in f64, NaN outside a > 0, x ≥ 0.
fn incomplete_gamma(a: f64, x: f64) -> (f64, f64) {
    use statrs::function::gamma::{checked_gamma_lr, checked_gamma_ur};
    let valid = a > 0.0 && a <= LARGEST_GAMMA_SHAPE && x >= 0.0;
    if !valid {
        return (f64::NAN, f64::NAN);
    }
    if x == 0.0 {
        return (0.0, 1.0);
    }
    if x == f64::INFINITY {
        return (1.0, 0.0);
    }
    let p = checked_gamma_lr(a, x).unwrap_or(f64::NAN);
    let q = checked_gamma_ur(a, x).unwrap_or(f64::NAN);
    (p, q)
}

/// B(a, b) = Γ(a)Γ(b)/Γ(a + b): from Γ while that stays in range (a few
/// ulp), else from ln|B| and the signs.
fn beta(a: f64, b: f64) -> f64 {
    let (big, small) = if a >= b { (a, b) } else { (b, a) };
    let sum = a + b;
    if big < 170.0 && sum < 170.0 && small > -170.0 && sum > -170.0 {
        let direct = libm::tgamma(big) / libm::tgamma(sum) * libm::tgamma(small);
        if direct.is_finite() && direct != 0.0 {
            return direct;
        }
    }
    let (ln_a, sign_a) = libm::lgamma_r(a);
    let (ln_b, sign_b) = libm::lgamma_r(b);
    let (ln_sum, sign_sum) = libm::lgamma_r(sum);
    f64::from(sign_a * sign_b * sign_sum) * (ln_a + ln_b - ln_sum).exp()
}

/// ln|B(a, b)| = ln|Γ(a)| + ln|Γ(b)| − ln|Γ(a + b)|.
fn ln_beta(a: f64, b: f64) -> f64 {
    libm::lgamma_r(a).0 + libm::lgamma_r(b).0 - libm::lgamma_r(a + b).0
}

/// Whether libm's integer-order recurrence for order `n` at `x` would take
/// too long; `Some(value)` is the answer then.
fn bessel_order_guard(n: i64, x: f64, first_kind: bool) -> Option<f64> {
    let order = n.unsigned_abs() as f64;
    if n.unsigned_abs() <= LARGEST_BESSEL_ORDER as u64 || x.is_nan() {
        return None;
    }
    if x.abs() * 2.0 < order {
        // |n| ≥ 10⁶ and |n| > 2|x|: Jₙ(x) ~ (ex/2n)ⁿ/√(2πn) underflows and
        // Yₙ(x) overflows to −∞ (x > 0).
        return Some(if first_kind {
            0.0
        } else if x > 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        });
    }
    Some(f64::NAN)
}

/// Jₙ(x) for any order in i64 (the rule asks for n ± 1), f64.
pub(super) fn bessel_jn(n: i64, x: f64) -> f64 {
    bessel_order_guard(n, x, true).unwrap_or_else(|| libm::jn(n as i32, x))
}

/// Yₙ(x) for any order in i64, f64.
pub(super) fn bessel_yn(n: i64, x: f64) -> f64 {
    bessel_order_guard(n, x, false).unwrap_or_else(|| libm::yn(n as i32, x))
}

/// ln|Γ(x)|'s companion: the sign of Γ(x), ±1 (1 at the poles, as C's
/// `lgamma_r`), NaN for NaN.
fn gamma_sign(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    f64::from(libm::lgamma_r(x).1)
}

/// erf⁻¹(x), NaN outside [−1, 1].
fn erf_inv(x: f64) -> f64 {
    use special::Error;
    if x.abs() > 1.0 || x.is_nan() {
        return f64::NAN;
    }
    x.inv_error()
}

impl SpecialFloat for f64 {
    fn erf_fn(self) -> Self {
        libm::erf(self)
    }
    fn erfc_fn(self) -> Self {
        libm::erfc(self)
    }
    fn erf_inv(self) -> Self {
        erf_inv(self)
    }
    fn gamma_fn(self) -> Self {
        libm::tgamma(self)
    }
    fn ln_gamma_fn(self) -> Self {
        libm::lgamma_r(self).0
    }
    fn gamma_sign(self) -> Self {
        gamma_sign(self)
    }
    fn digamma(self) -> Self {
        digamma(self)
    }
    fn trigamma(self) -> Self {
        trigamma(self)
    }
    fn polygamma(self, n: u32) -> Self {
        match n {
            0 => digamma(self),
            1 => trigamma(self),
            _ => polygamma(n, self),
        }
    }
    fn beta(self, b: Self) -> Self {
        beta(self, b)
    }
    fn ln_beta(self, b: Self) -> Self {
        ln_beta(self, b)
    }
    fn gamma_p(self, x: Self) -> Self {
        incomplete_gamma(self, x).0
    }
    fn gamma_q(self, x: Self) -> Self {
        incomplete_gamma(self, x).1
    }
    fn bessel_j0(self) -> Self {
        libm::j0(self)
    }
    fn bessel_j1(self) -> Self {
        libm::j1(self)
    }
    fn bessel_jn(self, n: i32) -> Self {
        bessel_jn(n.into(), self)
    }
    fn bessel_y0(self) -> Self {
        libm::y0(self)
    }
    fn bessel_y1(self) -> Self {
        libm::y1(self)
    }
    fn bessel_yn(self, n: i32) -> Self {
        bessel_yn(n.into(), self)
    }
}

/// f32: libm's single-precision functions where it has them, the f64 path
/// rounded to f32 elsewhere (more accurate than a single-precision series,
/// at the cost of the conversion).
impl SpecialFloat for f32 {
    fn erf_fn(self) -> Self {
        libm::erff(self)
    }
    fn erfc_fn(self) -> Self {
        libm::erfcf(self)
    }
    fn erf_inv(self) -> Self {
        erf_inv(self.into()) as f32
    }
    fn gamma_fn(self) -> Self {
        libm::tgammaf(self)
    }
    fn ln_gamma_fn(self) -> Self {
        libm::lgammaf_r(self).0
    }
    fn gamma_sign(self) -> Self {
        gamma_sign(self.into()) as f32
    }
    fn digamma(self) -> Self {
        digamma(self.into()) as f32
    }
    fn trigamma(self) -> Self {
        trigamma(self.into()) as f32
    }
    fn polygamma(self, n: u32) -> Self {
        f64::from(self).polygamma(n) as f32
    }
    fn beta(self, b: Self) -> Self {
        beta(self.into(), b.into()) as f32
    }
    fn ln_beta(self, b: Self) -> Self {
        ln_beta(self.into(), b.into()) as f32
    }
    fn gamma_p(self, x: Self) -> Self {
        incomplete_gamma(self.into(), x.into()).0 as f32
    }
    fn gamma_q(self, x: Self) -> Self {
        incomplete_gamma(self.into(), x.into()).1 as f32
    }
    fn bessel_j0(self) -> Self {
        libm::j0f(self)
    }
    fn bessel_j1(self) -> Self {
        libm::j1f(self)
    }
    fn bessel_jn(self, n: i32) -> Self {
        bessel_jn(n.into(), self.into()) as f32
    }
    fn bessel_y0(self) -> Self {
        libm::y0f(self)
    }
    fn bessel_y1(self) -> Self {
        libm::y1f(self)
    }
    fn bessel_yn(self, n: i32) -> Self {
        bessel_yn(n.into(), self.into()) as f32
    }
}
