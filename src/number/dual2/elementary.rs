//! The elementary functions of [`Dual2`], as inherent methods with the
//! names and signatures of `num_traits::Float`'s (the `Float` impl forwards
//! here).
//!
//! No rule is written here: each function calls the **same-named rule of
//! [`Dual`]** on a nested dual of width 1 (or 2 for functions of two
//! arguments) to get g, g′ and g″ at the value, then applies the
//! second-order chain rule (`chain.rs`). A function's derivative, its
//! singular points and its slopes at kinks thus live in one place, the
//! `Dual` rule, and `Dual2` has nested duals' semantics there. The function
//! table (`functions/mod.rs`) says which functions are singular and gives
//! each method's doc line, with g″, and a doctest oracle.

use num_traits::Float;

use super::Dual2;
use super::chain::{derivatives, univariate};
use crate::Dual;
use crate::number::functions::selection::{ClampPick, Pick, pick_clamp, pick_max, pick_min};

/// The table's callback for [`Dual2`]: a `smooth` entry evaluates its
/// `Dual` rule with the plain chain rule (`apply`), a `singular` one with
/// the guarded rule (`apply_guarded`: zero partials stay zero where g′ or
/// g″ is ±∞ or NaN, as the `Dual` rule is guarded), a `zero_slope` one is a
/// constant. Each method gets a doctest from the entry's oracle. `binary`
/// and `hand` entries are written below and in `special/dual2.rs`.
macro_rules! dual2_methods {
    (@entry $imports:literal, $tolerance:literal; smooth $($rest:tt)*) => {
        dual2_methods! { @nested apply, $imports, $tolerance; $($rest)* }
    };
    (@entry $imports:literal, $tolerance:literal; singular $($rest:tt)*) => {
        dual2_methods! { @nested apply_guarded, $imports, $tolerance; $($rest)* }
    };
    (@entry $imports:literal, $tolerance:literal;
        zero_slope $name:ident(self) [] [at $at:literal] $(#[doc = $doc:literal])*
    ) => {
        $(#[doc = $doc])*
        ///
        /// ```
        /// use dualgrad::Dual2;
        #[doc = $imports]
        #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
        #[doc = concat!("let y = Dual2::<f64, 1>::variable(a, 0).", stringify!($name), "();")]
        #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "());")]
        /// assert!(y.is_constant());
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self) -> Self {
            // As `Dual`'s: a constant (a rule of one line, not worth a
            // nested evaluation that gives the same zeros).
            Self::constant(self.value.$name())
        }
    };
    // `binary` and `hand` entries: written by hand.
    (@entry $imports:literal, $tolerance:literal; $class:ident $($rest:tt)*) => {};
    (@nested $apply:ident, $imports:literal, $tolerance:literal;
        $name:ident(self $(, $arg:ident: $ty:ty)*) [$($rule:tt)*]
        [at $at:literal $(, $value:literal)*; slope $slope:expr; second $second:expr]
        $(#[doc = $doc:literal])*
    ) => {
        $(#[doc = $doc])*
        ///
        /// The value and gradient are those of
        #[doc = concat!("[`Dual::", stringify!($name), "`](crate::Dual::", stringify!($name), "), whose rule this is.")]
        ///
        /// ```
        /// use dualgrad::{Dual, Dual2};
        #[doc = $imports]
        #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
        #[doc = concat!("let y = Dual2::<f64, 1>::variable(a, 0).", stringify!($name), "(", $(stringify!($value),)* ");")]
        #[doc = concat!("let first = Dual::<f64, 1>::variable(a, 0).", stringify!($name), "(", $(stringify!($value),)* ");")]
        #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "(", $(stringify!($value),)* "));")]
        /// assert_eq!(y.gradient(), first.partials());
        #[doc = concat!("let tolerance = ", stringify!($tolerance), ";")]
        #[doc = concat!("let slope: f64 = ", stringify!($slope), ";")]
        /// assert!((y.gradient()[0] - slope).abs() <= tolerance * slope.abs().max(1.0));
        #[doc = concat!("let second: f64 = ", stringify!($second), ";")]
        /// assert!((y.hessian_entry(0, 0) - second).abs() <= tolerance * second.abs().max(1.0));
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self $(, $arg: $ty)*) -> Self {
            self.$apply(|x| x.$name($($arg),*))
        }
    };
    ($bound:path, $imports:literal, $tolerance:literal; $(
        $(#[doc = $doc:literal])*
        $class:ident $name:ident($($params:tt)*) -> $ret:ty [$($rule:tt)*] [$($oracle:tt)*] $($tag:ident)?;
    )*) => {
        impl<T: $bound, const N: usize> Dual2<T, N> {$(
            dual2_methods! {
                @entry $imports, $tolerance; $class $name($($params)*) [$($rule)*] [$($oracle)*] $(#[doc = $doc])*
            }
        )*}
    };
}

elementary_functions!(dual2_methods);

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
        self.with_value(self.value.fract())
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
            self.apply_guarded(|x| x.powi(n))
        } else {
            self.apply(|x| x.powi(n))
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
        self.apply2_guarded(n, |x, n| x.powf(n))
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
        self.apply2_guarded(base, |x, b| x.log(b))
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
        self.apply2_guarded(other, |y, x| y.atan2(x))
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
        self.apply2_guarded(other, |x, y| x.hypot(y))
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
        (product + b).with_value(value)
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
        match pick_max(self.value, other.value) {
            Pick::First => self,
            Pick::Second => other,
            Pick::Tie => self.apply2(other, |x, y| x.max(y)),
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
        match pick_min(self.value, other.value) {
            Pick::First => self,
            Pick::Second => other,
            Pick::Tie => self.apply2(other, |x, y| x.min(y)),
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
        match pick_clamp(self.value, min.value, max.value) {
            ClampPick::Min => min,
            ClampPick::Max => max,
            ClampPick::TieMin => self.apply2(min, |x, m| x.clamp(m, m)),
            ClampPick::TieMax => self.apply2(max, |x, m| x.clamp(m, m)),
            ClampPick::Inside => self,
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
        self.apply2(other, |x, y| x.abs_sub(y))
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
        self.apply(|x| x.copysign(s))
    }
}
