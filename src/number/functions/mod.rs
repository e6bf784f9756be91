//! The function table: every elementary function of the crate, written
//! once, in the spirit of DiffRules.jl for ForwardDiff.
//!
//! [`elementary_functions!`] holds one entry per function: its name and
//! signature, its **class**, the derivative rule of [`Dual`](crate::Dual)
//! where the rule is a table rule, its doc line (first and second
//! derivative) and a test oracle. Each number type expands the table with a
//! callback macro of its own, which reads the class:
//!
//! | class | `Dual` (`dual/elementary.rs`) | `Dual2` (`dual2/elementary.rs`) | `sparse::Tracer` (`tracer/mod.rs`) |
//! |---|---|---|---|
//! | `smooth` | `chain` with the rule | `apply`: the `Dual` rule nested | the input's set |
//! | `singular` | `chain_guarded` | `apply_guarded` | the input's set |
//! | `zero_slope` | a constant | a constant | ∅ |
//! | `binary` | hand-written | hand-written | the union of both sets |
//! | `hand` | hand-written | hand-written | hand-written |
//!
//! A `smooth` or `singular` function whose `Dual` rule is `[hand]` (`sin`
//! and `cos` share one `sin_cos`, `abs`, `polygamma`, the Bessel functions
//! of order n) still gets its `Dual2` and `Tracer` methods from here. The
//! forwarding impls come from the table too: `Float` (`float_methods!`),
//! `SpecialFloat` (`special_float_for!`), and simba's `ComplexField` and
//! `RealField` for the entries tagged `complex` and `real`. The `max`,
//! `min`, `clamp` and `abs_sub` selection is written once, in
//! `functions/selection.rs`.
//!
//! # An entry
//!
//! ```text
//! /// Doc line: d/dx f = …, d²/dx² f = …; the semantics at poles and kinks.
//! class name(self, extra: Type) -> Self [|x, v| derivative] [at a, extra; slope s; second s2] tag;
//! ```
//!
//! * the rule `[|x, v| derivative]` gives f′ in terms of the argument `x`
//!   and the value `v = f(x)` (written so that it stays finite where f
//!   does: `Dual2` and nested duals differentiate it again), or `[hand]`
//!   when the `Dual` method is written by hand (in `dual/`, with a comment
//!   saying why);
//! * the oracle gives a point `a` (and example values of the extra
//!   arguments), and closed forms in `a` of f′(a) and f″(a), independent of
//!   the crate: the doctests of `Dual`, `Dual2` and `Tracer` are generated
//!   from it. A `zero_slope` entry gives a point only, a `binary` entry two
//!   arguments, a `hand` entry nothing;
//! * the optional tag `complex` or `real` says which of simba's traits
//!   forwards the method.
//!
//! # Adding a function
//!
//! One entry in the table, in the `Float` group or the `special` group (or
//! a new group for a trait of its own). The value on `f32` and `f64` comes
//! from the group's trait: a function that `Float` or `SpecialFloat` does
//! not have needs its value implementation for `f32` and `f64` there too
//! (`special/float.rs` for `SpecialFloat`). A `hand` or `binary` entry
//! also needs its hand-written `Dual` rule (and `Dual2` method), beside
//! its siblings in `dual/` and `dual2/`.
//!
//! A smooth function of the crate's own that neither trait has
//! ([`Real::logistic`](crate::Real::logistic),
//! [`Real::softplus`](crate::Real::softplus)) needs no entry: it is one
//! provided method of [`Real`](crate::Real) in `number/real.rs`, which computes
//! the function's derivatives at the primitive value up to the type's
//! [`ORDER`](crate::Real::ORDER) and hands them to
//! [`chain_rule`](crate::Real::chain_rule), so it is right on every number
//! type, those added later included.

pub(crate) mod selection;

use num_traits::{Float, ToPrimitive};

/// A plain number as `T` (NaN if `T` cannot represent it, never a panic).
#[inline]
pub(crate) fn cast<T: Float, P: ToPrimitive>(x: P) -> T {
    T::from(x).unwrap_or_else(T::nan)
}

/// Invokes `$callback!` with the function table: `elementary_functions!(cb)`
/// expands both groups (`Float`'s functions, then `SpecialFloat`'s under
/// the feature `special`); `elementary_functions!(cb, Float)` and
/// `elementary_functions!(cb, SpecialFloat)` one group each.
/// `elementary_functions!(cb, Float, tokens…)` passes the tokens to `cb`
/// before the group's header (see `forward_tagged!`).
///
/// The callback receives `bound, imports, tolerance;` (the trait the
/// group's number types implement, the `use` lines its doctests need, the
/// relative tolerance of its second-derivative doctests), then the entries
/// as described in the [module docs](self).
macro_rules! elementary_functions {
    ($callback:ident) => {
        elementary_functions!($callback, Float);
        #[cfg(feature = "special")]
        elementary_functions!($callback, SpecialFloat);
    };
    ($callback:ident, Float $(, $prefix:tt)*) => {
        $callback! {
            $($prefix)* num_traits::Float, "", 1e-14;

            /// Largest integer ≤ x. Slope 0 (piecewise constant).
            zero_slope floor(self) -> Self [] [at -2.5] complex;
            /// Smallest integer ≥ x. Slope 0 (piecewise constant).
            zero_slope ceil(self) -> Self [] [at -2.5] complex;
            /// Nearest integer, halves away from 0. Slope 0 (piecewise
            /// constant).
            zero_slope round(self) -> Self [] [at -2.5] complex;
            /// Integer part, towards 0. Slope 0 (piecewise constant).
            zero_slope trunc(self) -> Self [] [at -2.5] complex;
            /// Sign: 1 for +0 and positives, −1 for −0 and negatives, NaN
            /// for NaN. Slope 0 (piecewise constant).
            zero_slope signum(self) -> Self [] [at -2.5] complex;
            /// Fractional part x − trunc(x), slope 1.
            hand fract(self) -> Self [hand] [] complex;
            /// Absolute value. d/dx |x| = sign(x), and 0 at x = ±0 (the
            /// midpoint of the one-sided slopes −1 and 1); d²/dx² |x| = 0.
            smooth abs(self) -> Self [hand] [at -3.0; slope -1.0; second 0.0] complex;
            /// x·a + b in one rounding.
            hand mul_add(self, a: Self, b: Self) -> Self [hand] [] complex;
            /// Reciprocal 1/x. d/dx (1/x) = −1/x², d²/dx² (1/x) = 2/x³.
            singular recip(self) -> Self [|_x, v| -(v * v)]
                [at 4.0; slope -1.0 / (a * a); second 2.0 / (a * a * a)] complex;
            /// xⁿ for an integer n.
            hand powi(self, n: i32) -> Self [hand] [] complex;
            /// xⁿ for a variable exponent.
            binary powf(self, n: Self) -> Self [hand] [at 2.0, 3.0] complex;
            /// Square root. d/dx √x = 1/(2√x), d²/dx² √x = −1/(4x√x); the
            /// slope is +∞ at a variable ±0 (the sign of −0 is dropped: the
            /// slope of √ is never negative), and 0 for a constant 0 (no
            /// NaN).
            singular sqrt(self) -> Self [|_x, v| (v + v).abs().recip()]
                [at 2.0; slope 0.5 / a.sqrt(); second -0.25 * a.powf(-1.5)] complex;
            /// Exponential eˣ. d/dx eˣ = d²/dx² eˣ = eˣ.
            smooth exp(self) -> Self [|_x, v| v] [at 0.7; slope a.exp(); second a.exp()] complex;
            /// 2ˣ. d/dx 2ˣ = 2ˣ·ln 2, d²/dx² 2ˣ = 2ˣ·(ln 2)².
            smooth exp2(self) -> Self [|_x, v| v * $crate::number::functions::cast::<T, _>(core::f64::consts::LN_2)]
                [at 1.5; slope 2.0_f64.powf(a) * 2.0_f64.ln(); second 2.0_f64.powf(a) * 2.0_f64.ln().powi(2)] complex;
            /// Natural logarithm. d/dx ln x = 1/x, d²/dx² ln x = −1/x².
            singular ln(self) -> Self [|x, _v| x.recip()]
                [at 2.5; slope 1.0 / a; second -1.0 / (a * a)] complex;
            /// Logarithm of x in base b.
            binary log(self, base: Self) -> Self [hand] [at 8.0, 2.0] complex;
            /// Base-2 logarithm. d/dx log₂ x = 1/(x·ln 2),
            /// d²/dx² log₂ x = −1/(x²·ln 2).
            singular log2(self) -> Self [|x, _v| (x * $crate::number::functions::cast::<T, _>(core::f64::consts::LN_2)).recip()]
                [at 3.0; slope 1.0 / (a * 2.0_f64.ln()); second -1.0 / (a * a * 2.0_f64.ln())] complex;
            /// Base-10 logarithm. d/dx log₁₀ x = 1/(x·ln 10),
            /// d²/dx² log₁₀ x = −1/(x²·ln 10).
            singular log10(self) -> Self [|x, _v| (x * $crate::number::functions::cast::<T, _>(core::f64::consts::LN_10)).recip()]
                [at 3.0; slope 1.0 / (a * 10.0_f64.ln()); second -1.0 / (a * a * 10.0_f64.ln())] complex;
            /// Radians to degrees. d/dx = 180/π, d²/dx² = 0.
            smooth to_degrees(self) -> Self [|_x, _v| T::one().to_degrees()]
                [at 0.5; slope 180.0 / core::f64::consts::PI; second 0.0];
            /// Degrees to radians. d/dx = π/180, d²/dx² = 0.
            smooth to_radians(self) -> Self [|_x, _v| T::one().to_radians()]
                [at 30.0; slope core::f64::consts::PI / 180.0; second 0.0];
            /// The larger of two numbers.
            hand max(self, other: Self) -> Self [hand] [] real;
            /// The smaller of two numbers.
            hand min(self, other: Self) -> Self [hand] [] real;
            /// x limited to [min, max].
            hand clamp(self, min: Self, max: Self) -> Self [hand] [] real;
            /// The positive difference max(x − y, 0).
            hand abs_sub(self, other: Self) -> Self [hand] [];
            /// Cube root. d/dx ∛x = 1/(3∛x²), d²/dx² ∛x = −2/(9x∛x²).
            singular cbrt(self) -> Self [|_x, v| (v * v * $crate::number::functions::cast::<T, _>(3.0)).recip()]
                [at 5.0; slope a.powf(-2.0 / 3.0) / 3.0; second -2.0 / 9.0 * a.powf(-5.0 / 3.0)] complex;
            /// √(x² + y²) without overflow.
            binary hypot(self, other: Self) -> Self [hand] [at 3.0, 4.0] complex;
            /// Sine. d/dx sin x = cos x, d²/dx² sin x = −sin x.
            smooth sin(self) -> Self [hand] [at 0.5; slope a.cos(); second -a.sin()] complex;
            /// Cosine. d/dx cos x = −sin x, d²/dx² cos x = −cos x.
            smooth cos(self) -> Self [hand] [at 0.5; slope -a.sin(); second -a.cos()] complex;
            /// Tangent. d/dx tan x = 1 + tan²x = 1/cos²x,
            /// d²/dx² tan x = 2 tan x·(1 + tan²x).
            smooth tan(self) -> Self [|_x, v| T::one() + v * v]
                [at 0.5; slope 1.0 / a.cos().powi(2); second 2.0 * a.tan() / a.cos().powi(2)] complex;
            /// Arcsine. d/dx asin x = 1/√((1 − x)(1 + x)) (factored: no
            /// cancellation near ±1), d²/dx² asin x = x/(1 − x²)^(3/2).
            singular asin(self) -> Self [|x, _v| ((T::one() - x) * (T::one() + x)).sqrt().recip()]
                [at 0.5; slope 1.0 / (1.0 - a * a).sqrt(); second a / (1.0 - a * a).powf(1.5)] complex;
            /// Arccosine. d/dx acos x = −1/√((1 − x)(1 + x)),
            /// d²/dx² acos x = −x/(1 − x²)^(3/2).
            singular acos(self) -> Self [|x, _v| -((T::one() - x) * (T::one() + x)).sqrt().recip()]
                [at 0.5; slope -1.0 / (1.0 - a * a).sqrt(); second -a / (1.0 - a * a).powf(1.5)] complex;
            /// Arctangent. d/dx atan x = 1/(1 + x²),
            /// d²/dx² atan x = −2x/(1 + x²)².
            smooth atan(self) -> Self [|x, _v| (T::one() + x * x).recip()]
                [at 0.5; slope 1.0 / (1.0 + a * a); second -2.0 * a / (1.0 + a * a).powi(2)] complex;
            /// The four-quadrant arctangent of `self / other`.
            binary atan2(self, other: Self) -> Self [hand] [at 1.0, 2.0] real;
            /// Sine and cosine at once.
            hand sin_cos(self) -> (Self, Self) [hand] [] complex;
            /// eˣ − 1, accurate near 0. d/dx (eˣ − 1) = d²/dx² (eˣ − 1) = eˣ
            /// (computed as eˣ, not v + 1, which cancels for x ≪ 0).
            smooth exp_m1(self) -> Self [|x, _v| x.exp()] [at 1e-3; slope a.exp(); second a.exp()] complex;
            /// ln(1 + x), accurate near 0. d/dx ln(1 + x) = 1/(1 + x),
            /// d²/dx² ln(1 + x) = −1/(1 + x)².
            singular ln_1p(self) -> Self [|x, _v| (x + T::one()).recip()]
                [at 1e-3; slope 1.0 / (1.0 + a); second -1.0 / ((1.0 + a) * (1.0 + a))] complex;
            /// Hyperbolic sine. d/dx sinh x = cosh x, d²/dx² sinh x = sinh x.
            smooth sinh(self) -> Self [|x, _v| x.cosh()]
                [at 0.5; slope (a.exp() + (-a).exp()) / 2.0; second (a.exp() - (-a).exp()) / 2.0] complex;
            /// Hyperbolic cosine. d/dx cosh x = sinh x, d²/dx² cosh x = cosh x.
            smooth cosh(self) -> Self [|x, _v| x.sinh()]
                [at 0.5; slope (a.exp() - (-a).exp()) / 2.0; second (a.exp() + (-a).exp()) / 2.0] complex;
            /// Hyperbolic tangent. d/dx tanh x = 1 − tanh²x = 1/cosh²x,
            /// d²/dx² tanh x = −2 tanh x·(1 − tanh²x). The slope is computed
            /// as 4t/(1 + t)² with t = e^(−2|x|): not 1 − tanh²x, which
            /// cancels for large |x|, nor cosh²x, which overflows past
            /// |x| ≈ 355 and made the nested dual's second derivative NaN
            /// there.
            smooth tanh(self) -> Self [|x, _v| {
                let t = (-(x.abs() + x.abs())).exp();
                let s = T::one() + t;
                $crate::number::functions::cast::<T, _>(4.0) * t / (s * s)
            }] [at 0.5; slope 1.0 - a.tanh().powi(2); second -2.0 * a.tanh() * (1.0 - a.tanh().powi(2))] complex;
            /// Inverse hyperbolic sine. d/dx asinh x = 1/√(x² + 1) (via
            /// `hypot`, so no overflow for large x),
            /// d²/dx² asinh x = −x/(x² + 1)^(3/2).
            smooth asinh(self) -> Self [|x, _v| x.hypot(T::one()).recip()]
                [at 0.5; slope 1.0 / (a * a + 1.0).sqrt(); second -a / (a * a + 1.0).powf(1.5)] complex;
            /// Inverse hyperbolic cosine. d/dx acosh x = 1/(√(x − 1)·√(x + 1)),
            /// d²/dx² acosh x = −x/(x² − 1)^(3/2).
            singular acosh(self) -> Self [|x, _v| ((x - T::one()).sqrt() * (x + T::one()).sqrt()).recip()]
                [at 1.5; slope 1.0 / (a * a - 1.0).sqrt(); second -a / (a * a - 1.0).powf(1.5)] complex;
            /// Inverse hyperbolic tangent. d/dx atanh x = 1/((1 − x)(1 + x)),
            /// d²/dx² atanh x = 2x/(1 − x²)².
            singular atanh(self) -> Self [|x, _v| ((T::one() - x) * (T::one() + x)).recip()]
                [at 0.5; slope 1.0 / (1.0 - a * a); second 2.0 * a / ((1.0 - a * a) * (1.0 - a * a))] complex;
            /// |x| with the sign of `sign`.
            hand copysign(self, sign: Self) -> Self [hand] [] real;
        }
    };
    ($callback:ident, SpecialFloat) => {
        $callback! {
            $crate::special::SpecialFloat, "use dualgrad::special::SpecialFloat;", 1e-13;

            /// The error function (see [`SpecialFloat::erf_fn`](crate::special::SpecialFloat::erf_fn)).
            /// d/dx erf x = 2/√π·e^(−x²), d²/dx² erf x = −4x/√π·e^(−x²).
            smooth erf_fn(self) -> Self
                [|x, _v| $crate::number::functions::cast::<T, _>(core::f64::consts::FRAC_2_SQRT_PI) * (-(x * x)).exp()]
                [at 0.5; slope 2.0 / core::f64::consts::PI.sqrt() * (-a * a).exp();
                 second -4.0 * a / core::f64::consts::PI.sqrt() * (-a * a).exp()];
            /// The complementary error function (see
            /// [`SpecialFloat::erfc_fn`](crate::special::SpecialFloat::erfc_fn)).
            /// d/dx erfc x = −2/√π·e^(−x²), d²/dx² erfc x = 4x/√π·e^(−x²).
            smooth erfc_fn(self) -> Self
                [|x, _v| -$crate::number::functions::cast::<T, _>(core::f64::consts::FRAC_2_SQRT_PI) * (-(x * x)).exp()]
                [at 2.0; slope -2.0 / core::f64::consts::PI.sqrt() * (-a * a).exp();
                 second 4.0 * a / core::f64::consts::PI.sqrt() * (-a * a).exp()];
            /// The inverse error function (see
            /// [`SpecialFloat::erf_inv`](crate::special::SpecialFloat::erf_inv)).
            /// d/dx erf⁻¹ x = √π/2·e^(y²) with y = erf⁻¹ x, +∞ at ±1;
            /// d²/dx² erf⁻¹ x = (π/2)·y·e^(2y²).
            singular erf_inv(self) -> Self
                [|_x, v| $crate::number::functions::cast::<T, _>(core::f64::consts::PI.sqrt() * 0.5) * (v * v).exp()]
                [at 0.5; slope core::f64::consts::PI.sqrt() / 2.0 * 0.476_936_276_204_469_9_f64.powi(2).exp();
                 second core::f64::consts::PI / 2.0 * 0.476_936_276_204_469_9 * (2.0 * 0.476_936_276_204_469_9_f64.powi(2)).exp()];
            /// The gamma function (see
            /// [`SpecialFloat::gamma_fn`](crate::special::SpecialFloat::gamma_fn)).
            /// d/dx Γ(x) = Γ(x)·ψ(x), d²/dx² Γ(x) = Γ(x)·(ψ(x)² + ψ₁(x)).
            singular gamma_fn(self) -> Self [|x, v| v * x.digamma()]
                [at 1.0; slope -0.577_215_664_901_532_9;
                 second 0.577_215_664_901_532_9_f64.powi(2) + core::f64::consts::PI.powi(2) / 6.0];
            /// ln|Γ(x)| (see
            /// [`SpecialFloat::ln_gamma_fn`](crate::special::SpecialFloat::ln_gamma_fn)).
            /// d/dx ln|Γ(x)| = ψ(x), d²/dx² ln|Γ(x)| = ψ₁(x).
            singular ln_gamma_fn(self) -> Self [|x, _v| x.digamma()]
                [at 2.0; slope 1.0 - 0.577_215_664_901_532_9;
                 second core::f64::consts::PI.powi(2) / 6.0 - 1.0];
            /// The sign of Γ(x) (see
            /// [`SpecialFloat::gamma_sign`](crate::special::SpecialFloat::gamma_sign)).
            /// Slope 0 (piecewise constant).
            zero_slope gamma_sign(self) -> Self [] [at -0.5];
            /// The digamma function (see
            /// [`SpecialFloat::digamma`](crate::special::SpecialFloat::digamma)).
            /// d/dx ψ(x) = ψ₁(x), d²/dx² ψ(x) = ψ₂(x).
            singular digamma(self) -> Self [|x, _v| x.trigamma()]
                [at 1.0; slope core::f64::consts::PI.powi(2) / 6.0; second -2.0 * 1.202_056_903_159_594_3];
            /// The trigamma function (see
            /// [`SpecialFloat::trigamma`](crate::special::SpecialFloat::trigamma)).
            /// d/dx ψ₁(x) = ψ₂(x), d²/dx² ψ₁(x) = ψ₃(x).
            singular trigamma(self) -> Self [|x, _v| x.polygamma(2)]
                [at 1.0; slope -2.0 * 1.202_056_903_159_594_3; second core::f64::consts::PI.powi(4) / 15.0];
            /// The polygamma function ψₙ (see
            /// [`SpecialFloat::polygamma`](crate::special::SpecialFloat::polygamma)).
            /// d/dx ψₙ(x) = ψₙ₊₁(x), d²/dx² ψₙ(x) = ψₙ₊₂(x).
            singular polygamma(self, n: u32) -> Self [hand]
                [at 1.0, 2; slope core::f64::consts::PI.powi(4) / 15.0; second -24.0 * 1.036_927_755_143_369_9];
            /// The beta function B(a, b).
            binary beta(self, b: Self) -> Self [hand] [at 2.0, 3.0];
            /// ln|B(a, b)|.
            binary ln_beta(self, b: Self) -> Self [hand] [at 2.0, 3.0];
            /// The regularised lower incomplete gamma function P(a, x).
            binary gamma_p(self, x: Self) -> Self [hand] [at 1.0, 2.0];
            /// The regularised upper incomplete gamma function Q(a, x).
            binary gamma_q(self, x: Self) -> Self [hand] [at 1.0, 2.0];
            /// The Bessel function J₀ (see
            /// [`SpecialFloat::bessel_j0`](crate::special::SpecialFloat::bessel_j0)).
            /// d/dx J₀(x) = −J₁(x), d²/dx² J₀(x) = (J₂(x) − J₀(x))/2.
            smooth bessel_j0(self) -> Self [|x, _v| -x.bessel_j1()]
                [at 2.0; slope -0.576_724_807_756_873_4;
                 second (0.352_834_028_615_637_7 - 0.223_890_779_141_235_67) / 2.0];
            /// The Bessel function J₁ (see
            /// [`SpecialFloat::bessel_j1`](crate::special::SpecialFloat::bessel_j1)).
            /// d/dx J₁(x) = J₀(x) − J₁(x)/x = (J₀(x) − J₂(x))/2 (J₁′(0) = ½;
            /// see [`bessel_jn`](Self::bessel_jn) for which form is
            /// evaluated where), d²/dx² J₁(x) = (J₃(x) − 3J₁(x))/4.
            smooth bessel_j1(self) -> Self [|x, v| $crate::special::bessel_slope(x, 1, v, |m| x.bessel_jn(m))]
                [at 2.0; slope 0.223_890_779_141_235_67 - 0.576_724_807_756_873_4 / 2.0;
                 second (0.128_943_249_474_402_05 - 3.0 * 0.576_724_807_756_873_4) / 4.0];
            /// The Bessel function Jₙ (see
            /// [`SpecialFloat::bessel_jn`](crate::special::SpecialFloat::bessel_jn)).
            /// d/dx Jₙ(x) = (Jₙ₋₁(x) − Jₙ₊₁(x))/2,
            /// d²/dx² Jₙ(x) = (Jₙ₋₂(x) − 2Jₙ(x) + Jₙ₊₂(x))/4.
            smooth bessel_jn(self, n: i32) -> Self [hand]
                [at 2.0, 2; slope (0.576_724_807_756_873_4 - 0.128_943_249_474_402_05) / 2.0;
                 second (0.223_890_779_141_235_67 - 2.0 * 0.352_834_028_615_637_7 + 0.033_995_719_807_568_436) / 4.0];
            /// The Bessel function Y₀ (see
            /// [`SpecialFloat::bessel_y0`](crate::special::SpecialFloat::bessel_y0)).
            /// d/dx Y₀(x) = −Y₁(x), +∞ at 0; d²/dx² Y₀(x) = (Y₂(x) − Y₀(x))/2.
            singular bessel_y0(self) -> Self [|x, _v| -x.bessel_y1()]
                [at 2.0; slope 0.107_032_431_540_937_55;
                 second (-0.617_408_104_190_682_7 - 0.510_375_672_649_745_1) / 2.0];
            /// The Bessel function Y₁ (see
            /// [`SpecialFloat::bessel_y1`](crate::special::SpecialFloat::bessel_y1)).
            /// d/dx Y₁(x) = Y₀(x) − Y₁(x)/x = (Y₀(x) − Y₂(x))/2,
            /// d²/dx² Y₁(x) = (Y₃(x) − 3Y₁(x))/4.
            singular bessel_y1(self) -> Self [|x, v| $crate::special::bessel_slope(x, 1, v, |m| x.bessel_yn(m))]
                [at 2.0; slope 0.510_375_672_649_745_1 + 0.107_032_431_540_937_55 / 2.0;
                 second (-1.127_783_776_840_427_7 + 3.0 * 0.107_032_431_540_937_55) / 4.0];
            /// The Bessel function Yₙ (see
            /// [`SpecialFloat::bessel_yn`](crate::special::SpecialFloat::bessel_yn)).
            /// d/dx Yₙ(x) = (Yₙ₋₁(x) − Yₙ₊₁(x))/2,
            /// d²/dx² Yₙ(x) = (Yₙ₋₂(x) − 2Yₙ(x) + Yₙ₊₂(x))/4.
            singular bessel_yn(self, n: i32) -> Self [hand]
                [at 2.0, 2; slope (1.127_783_776_840_427_7 - 0.107_032_431_540_937_55) / 2.0;
                 second (0.510_375_672_649_745_1 + 2.0 * 0.617_408_104_190_682_7 - 2.765_943_226_330_600_5) / 4.0];
        }
    };
}
