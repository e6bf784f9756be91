//! The elementary functions of [`Dual2`], as inherent methods with the
//! names and signatures of `num_traits::Float`'s (the `Float` impl forwards
//! here).
//!
//! No rule is written here: each function calls the **same-named rule of
//! [`Dual`]** on a nested dual of width 1 (or 2 for functions of two
//! arguments) to get g, g′ and g″ at the value, then applies the
//! second-order chain rule (`chain.rs`). A function's derivative, its
//! singular points and its slopes at kinks thus live in one place, the
//! `Dual` rule, and `Dual2` has nested duals' semantics there. The table
//! below only says which functions are singular (guarded: zero partials stay
//! zero where g′ or g″ is ±∞ or NaN, as the `Dual` rule is guarded) and
//! gives each method's doc line, with g″, and a doctest oracle.

use num_traits::Float;

use super::Dual2;
use super::chain::{derivatives, univariate};
use crate::Dual;

macro_rules! unary_rules {
    ($apply:ident; $(
        $(#[doc = $doc:literal])+
        $name:ident, at $at:literal, second $oracle:expr;
    )+) => {
        impl<T: Float, const N: usize> Dual2<T, N> {$(
            $(#[doc = $doc])+
            ///
            /// The value and gradient are those of
            #[doc = concat!("[`Dual::", stringify!($name), "`], whose rule this is.")]
            ///
            /// ```
            /// use dualgrad::{Dual, Dual2};
            #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
            #[doc = concat!("let y = Dual2::<f64, 1>::variable(a, 0).", stringify!($name), "();")]
            #[doc = concat!("let first = Dual::<f64, 1>::variable(a, 0).", stringify!($name), "();")]
            #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "());")]
            /// assert_eq!(y.gradient(), first.partials());
            #[doc = concat!("let second: f64 = ", stringify!($oracle), ";")]
            /// assert!((y.hessian_entry(0, 0) - second).abs() <= 1e-14 * second.abs().max(1.0));
            /// ```
            #[inline]
            #[must_use]
            pub fn $name(self) -> Self {
                self.$apply(|x| x.$name())
            }
        )+}
    };
}

// Singular: the `Dual` rule is guarded (the derivative is ±∞ or NaN at a
// finite argument), so the second-order rule is too.
unary_rules! {
    unary_singular;
    /// Square root. d/dx √x = 1/(2√x), d²/dx² √x = −1/(4x√x).
    sqrt, at 2.0, second -0.25 * a.powf(-1.5);
    /// Cube root. d/dx ∛x = 1/(3∛x²), d²/dx² ∛x = −2/(9x∛x²).
    cbrt, at 5.0, second -2.0 / 9.0 * a.powf(-5.0 / 3.0);
    /// Reciprocal. d/dx (1/x) = −1/x², d²/dx² (1/x) = 2/x³.
    recip, at 4.0, second 2.0 / (a * a * a);
    /// Natural logarithm. d/dx ln x = 1/x, d²/dx² ln x = −1/x².
    ln, at 2.5, second -1.0 / (a * a);
    /// Base-2 logarithm. d/dx log₂ x = 1/(x·ln 2), d²/dx² = −1/(x²·ln 2).
    log2, at 3.0, second -1.0 / (a * a * 2.0_f64.ln());
    /// Base-10 logarithm. d/dx log₁₀ x = 1/(x·ln 10), d²/dx² = −1/(x²·ln 10).
    log10, at 3.0, second -1.0 / (a * a * 10.0_f64.ln());
    /// ln(1 + x). d/dx = 1/(1 + x), d²/dx² = −1/(1 + x)².
    ln_1p, at 1e-3, second -1.0 / ((1.0 + a) * (1.0 + a));
    /// Arcsine. d/dx asin x = 1/√(1 − x²), d²/dx² = x/(1 − x²)^(3/2).
    asin, at 0.5, second a / (1.0 - a * a).powf(1.5);
    /// Arccosine. d/dx acos x = −1/√(1 − x²), d²/dx² = −x/(1 − x²)^(3/2).
    acos, at 0.5, second -a / (1.0 - a * a).powf(1.5);
    /// Inverse hyperbolic cosine. d/dx acosh x = 1/√(x² − 1),
    /// d²/dx² = −x/(x² − 1)^(3/2).
    acosh, at 1.5, second -a / (a * a - 1.0).powf(1.5);
    /// Inverse hyperbolic tangent. d/dx atanh x = 1/(1 − x²),
    /// d²/dx² = 2x/(1 − x²)².
    atanh, at 0.5, second 2.0 * a / ((1.0 - a * a) * (1.0 - a * a));
}

// Smooth (and `abs`, whose kink's slope is the `Dual` rule's): the plain
// chain rule, IEEE arithmetic on every term.
unary_rules! {
    unary;
    /// Exponential. d/dx eˣ = d²/dx² eˣ = eˣ.
    exp, at 0.7, second a.exp();
    /// 2ˣ. d/dx 2ˣ = 2ˣ·ln 2, d²/dx² 2ˣ = 2ˣ·(ln 2)².
    exp2, at 1.5, second 2.0_f64.powf(a) * 2.0_f64.ln().powi(2);
    /// eˣ − 1. d/dx = d²/dx² = eˣ.
    exp_m1, at 1e-3, second a.exp();
    /// Tangent. d/dx tan x = 1 + tan²x, d²/dx² tan x = 2 tan x·(1 + tan²x).
    tan, at 0.5, second 2.0 * a.tan() / a.cos().powi(2);
    /// Arctangent. d/dx atan x = 1/(1 + x²), d²/dx² = −2x/(1 + x²)².
    atan, at 0.5, second -2.0 * a / (1.0 + a * a).powi(2);
    /// Sine. d/dx sin x = cos x, d²/dx² sin x = −sin x.
    sin, at 0.5, second -a.sin();
    /// Cosine. d/dx cos x = −sin x, d²/dx² cos x = −cos x.
    cos, at 0.5, second -a.cos();
    /// Hyperbolic sine. d/dx sinh x = cosh x, d²/dx² sinh x = sinh x.
    sinh, at 0.5, second a.sinh();
    /// Hyperbolic cosine. d/dx cosh x = sinh x, d²/dx² cosh x = cosh x.
    cosh, at 0.5, second a.cosh();
    /// Hyperbolic tangent. d/dx tanh x = 1 − tanh²x,
    /// d²/dx² tanh x = −2 tanh x·(1 − tanh²x).
    tanh, at 0.5, second -2.0 * a.tanh() * (1.0 - a.tanh().powi(2));
    /// Inverse hyperbolic sine. d/dx asinh x = 1/√(x² + 1),
    /// d²/dx² = −x/(x² + 1)^(3/2).
    asinh, at 0.5, second -a / (a * a + 1.0).powf(1.5);
    /// Radians to degrees. d/dx = 180/π, d²/dx² = 0.
    to_degrees, at 0.5, second 0.0;
    /// Degrees to radians. d/dx = π/180, d²/dx² = 0.
    to_radians, at 30.0, second 0.0;
    /// Absolute value. d/dx |x| = sign(x) (0 at x = ±0, the midpoint of
    /// the one-sided slopes), d²/dx² |x| = 0.
    abs, at -3.0, second 0.0;
}

/// Piecewise-constant functions: slope and curvature 0, jumps included.
macro_rules! zero_slope_rules {
    ($($(#[doc = $doc:literal])+ $name:ident;)+) => {
        impl<T: Float, const N: usize> Dual2<T, N> {$(
            $(#[doc = $doc])+
            ///
            /// ```
            /// use dualgrad::Dual2;
            #[doc = concat!("let y = Dual2::<f64, 1>::variable(-2.5, 0).", stringify!($name), "();")]
            #[doc = concat!("assert_eq!(y.value(), (-2.5_f64).", stringify!($name), "());")]
            /// assert!(y.is_constant());
            /// ```
            #[inline]
            #[must_use]
            pub fn $name(self) -> Self {
                // As `Dual`'s: a constant (a rule of one line, not worth a
                // nested evaluation that gives the same zeros).
                Self::constant(self.value.$name())
            }
        )+}
    };
}

zero_slope_rules! {
    /// Largest integer ≤ x. Slope 0 (piecewise constant).
    floor;
    /// Smallest integer ≥ x. Slope 0 (piecewise constant).
    ceil;
    /// Nearest integer, halves away from 0. Slope 0 (piecewise constant).
    round;
    /// Integer part, towards 0. Slope 0 (piecewise constant).
    trunc;
    /// Sign: 1 for +0 and positives, −1 for −0 and negatives, NaN for NaN.
    /// Slope 0 (piecewise constant).
    signum;
}

impl<T: Float, const N: usize> Dual2<T, N> {
    /// Fractional part x − trunc(x): gradient and Hessian unchanged (the
    /// jumps at integers are ignored, like `trunc`'s), as `Dual::fract`
    /// passes its partials through.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 1>::variable(2.75, 0);
    /// assert_eq!((x * x).fract().into_parts(), (0.5625, [5.5], [[2.0]]));
    /// ```
    #[inline]
    #[must_use]
    pub fn fract(self) -> Self {
        self.with_value_of(self.value.fract())
    }

    /// Sine and cosine at once (one `sin_cos` of the value): see
    /// [`sin`](Self::sin) and [`cos`](Self::cos).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let (s, c) = Dual2::<f64, 1>::variable(0.5, 0).sin_cos();
    /// assert_eq!((s.value(), c.value()), 0.5_f64.sin_cos());
    /// assert_eq!((s.hessian_entry(0, 0), c.hessian_entry(0, 0)), (-0.5_f64.sin(), -0.5_f64.cos()));
    /// ```
    #[inline]
    #[must_use]
    pub fn sin_cos(self) -> (Self, Self) {
        let (sin, cos) = univariate(self.value).sin_cos();
        let (s, s1, s2) = derivatives(sin);
        let (c, c1, c2) = derivatives(cos);
        (self.chain(s, s1, s2), self.chain(c, c1, c2))
    }

    /// xⁿ for an integer n. d/dx xⁿ = n·xⁿ⁻¹, d²/dx² xⁿ = n(n − 1)·xⁿ⁻²;
    /// slope 0 for n = 0 (also at x = 0). Singular (guarded) for n < 0.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let y = Dual2::<f64, 1>::variable(-2.0, 0).powi(3);
    /// assert_eq!(y.into_parts(), (-8.0, [12.0], [[-12.0]]));
    /// ```
    #[inline]
    #[must_use]
    pub fn powi(self, n: i32) -> Self {
        if n < 0 {
            self.unary_singular(|x| x.powi(n))
        } else {
            self.unary(|x| x.powi(n))
        }
    }

    /// xⁿ for a `Dual2` exponent, by [`Dual::powf`]'s rule (its special
    /// cases: a constant integer-valued n with x < 0 follows `powi`, n = 0
    /// has slope 0, ∂/∂n = 0 at x = 0):
    /// ∂/∂x = n·xⁿ⁻¹, ∂/∂n = xⁿ·ln x, ∂²/∂x² = n(n − 1)·xⁿ⁻²,
    /// ∂²/∂x∂n = xⁿ⁻¹·(1 + n·ln x), ∂²/∂n² = xⁿ·(ln x)².
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(2.0, 0);
    /// let n = Dual2::<f64, 2>::variable(3.0, 1);
    /// let y = x.powf(n);
    /// let ln2 = 2.0_f64.ln();
    /// let want = [[12.0, 4.0 * (1.0 + 3.0 * ln2)], [4.0 * (1.0 + 3.0 * ln2), 8.0 * ln2 * ln2]];
    /// for (row, want_row) in y.hessian().iter().zip(want) {
    ///     for (h, w) in row.iter().zip(want_row) {
    ///         assert!((h - w).abs() < 1e-13);
    ///     }
    /// }
    /// let square = Dual2::<f64, 1>::variable(-2.0, 0).powf(Dual2::constant(2.0));
    /// assert_eq!(square.into_parts(), (4.0, [-4.0], [[2.0]]));
    /// ```
    #[inline]
    #[must_use]
    pub fn powf(self, n: Self) -> Self {
        self.binary_singular(n, |x, n| x.powf(n))
    }

    /// Logarithm of x in base b, by [`Dual::log`]'s rule:
    /// ∂/∂x = 1/(x·ln b), ∂/∂b = −log_b(x)/(b·ln b),
    /// ∂²/∂x² = −1/(x²·ln b), ∂²/∂x∂b = −1/(x·b·(ln b)²),
    /// ∂²/∂b² = log_b(x)·(ln b + 2)/(b·ln b)².
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(8.0, 0);
    /// let b = Dual2::<f64, 2>::constant(2.0);
    /// let y = x.log(b);
    /// assert_eq!(y.value(), 8.0_f64.log(2.0));
    /// let want = -1.0 / (64.0 * 2.0_f64.ln());
    /// assert!((y.hessian_entry(0, 0) - want).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn log(self, base: Self) -> Self {
        self.binary_singular(base, |x, b| x.log(b))
    }

    /// The four-quadrant arctangent of `self / other` (y = self, x = other),
    /// by [`Dual::atan2`]'s rule: ∂/∂y = x/r², ∂/∂x = −y/r² with
    /// r² = x² + y², ∂²/∂y² = −2xy/r⁴ = −∂²/∂x², ∂²/∂y∂x = (y² − x²)/r⁴.
    /// At the origin all derivatives are 0.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let y = Dual2::<f64, 2>::variable(1.0, 0);
    /// let x = Dual2::<f64, 2>::variable(0.0, 1);
    /// let t = y.atan2(x);
    /// assert_eq!(t.gradient(), &[0.0, -1.0]);
    /// assert_eq!(t.hessian(), [[0.0, 1.0], [1.0, 0.0]]);
    /// ```
    #[inline]
    #[must_use]
    pub fn atan2(self, other: Self) -> Self {
        self.binary_singular(other, |y, x| y.atan2(x))
    }

    /// √(x² + y²), by [`Dual::hypot`]'s rule: ∂/∂x = x/h, ∂/∂y = y/h,
    /// ∂²/∂x² = y²/h³, ∂²/∂x∂y = −xy/h³, ∂²/∂y² = x²/h³. At the origin,
    /// a kink, all derivatives are 0.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// let y = Dual2::<f64, 2>::variable(4.0, 1);
    /// let h = x.hypot(y);
    /// assert_eq!((h.value(), *h.gradient()), (5.0, [0.6, 0.8]));
    /// let want = [[16.0 / 125.0, -12.0 / 125.0], [-12.0 / 125.0, 9.0 / 125.0]];
    /// for (row, want_row) in h.hessian().iter().zip(want) {
    ///     for (e, w) in row.iter().zip(want_row) {
    ///         assert!((e - w).abs() < 1e-16);
    ///     }
    /// }
    /// ```
    #[inline]
    #[must_use]
    pub fn hypot(self, other: Self) -> Self {
        self.binary_singular(other, |x, y| x.hypot(y))
    }

    /// x·a + b with the value as `T::mul_add` (one rounding): the product
    /// rule, plus b's gradient and Hessian.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 3>::variable(2.0, 0);
    /// let a = Dual2::<f64, 3>::variable(3.0, 1);
    /// let b = Dual2::<f64, 3>::variable(4.0, 2);
    /// let y = x.mul_add(a, b);
    /// assert_eq!((y.value(), *y.gradient()), (10.0, [3.0, 2.0, 1.0]));
    /// assert_eq!(y.hessian_entry(0, 1), 1.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn mul_add(self, a: Self, b: Self) -> Self {
        let value = self.value.mul_add(a.value, b.value);
        let product = self.product(a, value);
        (product + b).with_value_of(value)
    }

    /// The larger of two numbers (a NaN argument is ignored), by
    /// [`Dual::max`]'s rule: the larger argument itself; at a tie, the
    /// average of both (gradient and Hessian).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(1.0, 0);
    /// let y = Dual2::<f64, 2>::variable(2.0, 1);
    /// assert_eq!(x.max(y).gradient(), &[0.0, 1.0]);
    /// assert_eq!(x.max(y - 1.0).gradient(), &[0.5, 0.5]);
    /// ```
    #[inline]
    #[must_use]
    pub fn max(self, other: Self) -> Self {
        let (a, b) = (self.value, other.value);
        if a > b || b.is_nan() {
            self
        } else if b > a || a.is_nan() {
            other
        } else {
            self.binary(other, |x, y| x.max(y))
        }
    }

    /// The smaller of two numbers (a NaN argument is ignored), by
    /// [`Dual::min`]'s rule: the smaller argument itself; at a tie, the
    /// average of both.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(1.0, 0);
    /// let y = Dual2::<f64, 2>::variable(2.0, 1);
    /// assert_eq!(x.min(y).gradient(), &[1.0, 0.0]);
    /// assert_eq!(x.min(y - 1.0).gradient(), &[0.5, 0.5]);
    /// ```
    #[inline]
    #[must_use]
    pub fn min(self, other: Self) -> Self {
        let (a, b) = (self.value, other.value);
        if a < b || b.is_nan() {
            self
        } else if b < a || a.is_nan() {
            other
        } else {
            self.binary(other, |x, y| x.min(y))
        }
    }

    /// `min` if x < min, `max` if x > max, else x, by [`Dual::clamp`]'s
    /// rule: at x = min or x = max, the average of the tied arguments. Never
    /// panics (min > max included).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let lo = Dual2::<f64, 1>::constant(0.0);
    /// let hi = Dual2::<f64, 1>::constant(1.0);
    /// let x = Dual2::<f64, 1>::variable(0.25, 0);
    /// assert_eq!((x * x).clamp(lo, hi).hessian_entry(0, 0), 2.0);
    /// assert_eq!((x * 4.0).clamp(lo, hi).gradient(), &[2.0]); // tie at max
    /// ```
    #[inline]
    #[must_use]
    pub fn clamp(self, min: Self, max: Self) -> Self {
        let x = self.value;
        if x < min.value {
            min
        } else if x > max.value {
            max
        } else if x == min.value {
            self.binary(min, |x, m| x.clamp(m, m))
        } else if x == max.value {
            self.binary(max, |x, m| x.clamp(m, m))
        } else {
            self
        }
    }

    /// max(x − y, 0), by [`Dual::abs_sub`]'s rule: slopes 1 and −1 where
    /// x > y, 0 where x < y, half at a tie; second derivatives 0.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// let y = Dual2::<f64, 2>::variable(1.0, 1);
    /// assert_eq!((x * x).abs_sub(y).gradient(), &[6.0, -1.0]);
    /// ```
    #[inline]
    #[must_use]
    #[allow(deprecated)] // `Float::abs_sub` gives the value, bit for bit.
    pub fn abs_sub(self, other: Self) -> Self {
        self.binary(other, |x, y| x.abs_sub(y))
    }

    /// |x| with the sign of `sign`, by [`Dual::copysign`]'s rule: ±1 times
    /// x's gradient and Hessian (0 at x = ±0); nothing from `sign`.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// let s = Dual2::<f64, 2>::variable(-1.0, 1);
    /// let y = (x * x).copysign(s);
    /// assert_eq!((y.value(), *y.gradient()), (-9.0, [-6.0, 0.0]));
    /// assert_eq!(y.hessian_entry(0, 0), -2.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn copysign(self, sign: Self) -> Self {
        let s = Dual::constant(Dual::constant(sign.value));
        self.unary(|x| x.copysign(s))
    }

    /// This number with the value `value` (for `mul_add`, whose value has
    /// one rounding).
    #[inline(always)]
    fn with_value_of(self, value: T) -> Self {
        Self { value, ..self }
    }
}
