//! The rule table of smooth one-argument functions.
//!
//! Each line gives a function's derivative in terms of its argument `x` and
//! its value `v = f(x)` (so `exp`, `tanh`, `sqrt` reuse the value), then a
//! point and an independent closed form in the argument `a`, from which the
//! method's doctest is generated. The value is always `T`'s own `f(x)`, so it
//! is bit-identical to the plain evaluation.

use core::f64::consts::{LN_2, LN_10};

use num_traits::Float;

use super::cast;
use crate::Dual;

// Singular rules: the derivative is ±∞ or NaN at a finite argument (the
// root and logarithms at 0, the inverse functions at ±1), so they take the
// guarded chain rule and a constant there keeps zero partials.
unary_rules! {
    Float, "use dualgrad::Dual;";
    chain_singular;
    /// Square root. d/dx √x = 1/(2√x); +∞ at a variable ±0 (the sign of −0
    /// is dropped: the slope of √ is never negative), and 0 for a constant 0
    /// (no NaN).
    sqrt(|_x, v| (v + v).abs().recip()), at 2.0, slope 0.5 / a.sqrt();
    /// Cube root. d/dx ∛x = 1/(3·∛x²).
    cbrt(|_x, v| (v * v * cast::<T, _>(3.0)).recip()), at 5.0, slope a.powf(-2.0 / 3.0) / 3.0;
    /// Reciprocal 1/x. d/dx (1/x) = −1/x².
    recip(|_x, v| -(v * v)), at 4.0, slope -1.0 / (a * a);
    /// Natural logarithm. d/dx ln x = 1/x.
    ln(|x, _v| x.recip()), at 2.5, slope 1.0 / a;
    /// Base-2 logarithm. d/dx log₂ x = 1/(x·ln 2).
    log2(|x, _v| (x * cast::<T, _>(LN_2)).recip()), at 3.0, slope 1.0 / (a * 2.0_f64.ln());
    /// Base-10 logarithm. d/dx log₁₀ x = 1/(x·ln 10).
    log10(|x, _v| (x * cast::<T, _>(LN_10)).recip()), at 3.0, slope 1.0 / (a * 10.0_f64.ln());
    /// ln(1 + x), accurate near 0. d/dx ln(1 + x) = 1/(1 + x).
    ln_1p(|x, _v| (x + T::one()).recip()), at 1e-3, slope 1.0 / (1.0 + a);
    /// Arcsine. d/dx asin x = 1/√((1 − x)(1 + x)) (factored: no cancellation
    /// near ±1).
    asin(|x, _v| ((T::one() - x) * (T::one() + x)).sqrt().recip()), at 0.5, slope 1.0 / (1.0 - a * a).sqrt();
    /// Arccosine. d/dx acos x = −1/√((1 − x)(1 + x)).
    acos(|x, _v| -((T::one() - x) * (T::one() + x)).sqrt().recip()), at 0.5, slope -1.0 / (1.0 - a * a).sqrt();
    /// Inverse hyperbolic cosine. d/dx acosh x = 1/(√(x − 1)·√(x + 1)).
    acosh(|x, _v| ((x - T::one()).sqrt() * (x + T::one()).sqrt()).recip()), at 1.5, slope 1.0 / (a * a - 1.0).sqrt();
    /// Inverse hyperbolic tangent. d/dx atanh x = 1/((1 − x)(1 + x)).
    atanh(|x, _v| ((T::one() - x) * (T::one() + x)).recip()), at 0.5, slope 1.0 / (1.0 - a * a);
}

// Smooth rules: the derivative is finite wherever the argument is, so they
// take the plain chain rule (an overflowing value, exp(800) = ∞, follows
// IEEE arithmetic: see the crate's semantics table).
unary_rules! {
    Float, "use dualgrad::Dual;";
    chain;
    /// Exponential eˣ. d/dx eˣ = eˣ.
    exp(|_x, v| v), at 0.7, slope 0.7_f64.exp();
    /// 2ˣ. d/dx 2ˣ = 2ˣ·ln 2.
    exp2(|_x, v| v * cast::<T, _>(LN_2)), at 1.5, slope 2.0_f64.powf(a) * 2.0_f64.ln();
    /// eˣ − 1, accurate near 0. d/dx (eˣ − 1) = eˣ (computed as eˣ, not
    /// v + 1, which cancels for x ≪ 0).
    exp_m1(|x, _v| x.exp()), at 1e-3, slope a.exp();
    /// Tangent. d/dx tan x = 1 + tan²x = 1/cos²x.
    tan(|_x, v| T::one() + v * v), at 0.5, slope 1.0 / a.cos().powi(2);
    /// Arctangent. d/dx atan x = 1/(1 + x²).
    atan(|x, _v| (T::one() + x * x).recip()), at 0.5, slope 1.0 / (1.0 + a * a);
    /// Hyperbolic sine. d/dx sinh x = cosh x.
    sinh(|x, _v| x.cosh()), at 0.5, slope (a.exp() + (-a).exp()) / 2.0;
    /// Hyperbolic cosine. d/dx cosh x = sinh x.
    cosh(|x, _v| x.sinh()), at 0.5, slope (a.exp() - (-a).exp()) / 2.0;
    /// Hyperbolic tangent. d/dx tanh x = 1/cosh²x, computed as
    /// 4t/(1 + t)² with t = e^(−2|x|): not 1 − tanh²x, which cancels for
    /// large |x|, nor cosh²x, which overflows past |x| ≈ 355 and made the
    /// nested dual's second derivative NaN there.
    tanh(|x, _v| { let t = (-(x.abs() + x.abs())).exp(); let s = T::one() + t; cast::<T, _>(4.0) * t / (s * s) }), at 0.5, slope 1.0 - a.tanh().powi(2);
    /// Inverse hyperbolic sine. d/dx asinh x = 1/√(x² + 1) (via `hypot`, so no
    /// overflow for large x).
    asinh(|x, _v| x.hypot(T::one()).recip()), at 0.5, slope 1.0 / (a * a + 1.0).sqrt();
    /// Radians to degrees. d/dx = 180/π.
    to_degrees(|_x, _v| T::one().to_degrees()), at 0.5, slope 180.0 / core::f64::consts::PI;
    /// Degrees to radians. d/dx = π/180.
    to_radians(|_x, _v| T::one().to_radians()), at 30.0, slope core::f64::consts::PI / 180.0;
}

/// Sine and cosine are written by hand, not in the table: each needs the
/// other as its derivative, and one `sin_cos` call computes both.
impl<T: Float, const N: usize> Dual<T, N> {
    /// Sine. d/dx sin x = cos x.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 1>::variable(0.5, 0).sin();
    /// assert_eq!((y.value(), y.partial(0)), (0.5_f64.sin(), 0.5_f64.cos()));
    /// ```
    #[inline]
    #[must_use]
    pub fn sin(self) -> Self {
        let (sin, cos) = self.value().sin_cos();
        self.chain(sin, cos)
    }

    /// Cosine. d/dx cos x = −sin x.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 1>::variable(0.5, 0).cos();
    /// assert_eq!((y.value(), y.partial(0)), (0.5_f64.cos(), -0.5_f64.sin()));
    /// ```
    #[inline]
    #[must_use]
    pub fn cos(self) -> Self {
        let (sin, cos) = self.value().sin_cos();
        self.chain(cos, -sin)
    }

    /// Sine and cosine at once: d sin x = cos x·dx, d cos x = −sin x·dx.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let (s, c) = Dual::<f64, 1>::variable(0.5, 0).sin_cos();
    /// assert_eq!((s.value(), c.value()), 0.5_f64.sin_cos());
    /// assert_eq!((s.partial(0), c.partial(0)), (0.5_f64.cos(), -0.5_f64.sin()));
    /// ```
    #[inline]
    #[must_use]
    pub fn sin_cos(self) -> (Self, Self) {
        let (sin, cos) = self.value().sin_cos();
        (self.chain(sin, cos), self.chain(cos, -sin))
    }
}
