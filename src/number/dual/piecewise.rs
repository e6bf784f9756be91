//! Functions with kinks or jumps, and the slope each reports there.
//!
//! Away from its kinks every function here has its exact derivative. At a
//! kink it reports a finite slope between the one-sided ones, the midpoint:
//! `abs` at 0 has slope 0, `max`/`min`/`clamp` at a tie average the slopes of
//! the tied arguments. Piecewise-constant functions (`floor`, `ceil`, `round`,
//! `trunc`, `signum`) have slope 0 everywhere, jumps included: they are
//! `zero_slope` entries of the function table (`number/functions/mod.rs`). Which argument
//! `max`, `min`, `clamp` and `abs_sub` take is decided in `number/functions/selection.rs`,
//! shared with `Dual2` and `sparse::Tracer`.

use num_traits::Float;

use crate::Dual;
use crate::number::functions::cast;
use crate::number::functions::selection::{
    AbsSubPick, ClampPick, Pick, pick_abs_sub, pick_clamp, pick_max, pick_min,
};

impl<T: Float, const N: usize> Dual<T, N> {
    /// Fractional part x − trunc(x). d/dx = 1 (the jumps at integers are
    /// ignored, like `trunc`'s).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 1>::variable(2.75, 0).fract();
    /// assert_eq!((y.value(), y.partial(0)), (0.75, 1.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn fract(self) -> Self {
        self.derived(self.value().fract(), *self.partials())
    }

    /// Absolute value. d/dx |x| = sign(x), and 0 at x = ±0 (the midpoint of
    /// the one-sided slopes −1 and 1).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// assert_eq!(Dual::<f64, 1>::variable(-3.0, 0).abs().partial(0), -1.0);
    /// assert_eq!(Dual::<f64, 1>::variable(0.0, 0).abs().partial(0), 0.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn abs(self) -> Self {
        let x = self.value();
        self.chain(x.abs(), sign_or_zero(x))
    }

    /// The larger of two numbers (a NaN argument is ignored, as in
    /// `f64::max`). The slope is the larger argument's; at a tie, the average
    /// of both.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(1.0, 0);
    /// let y = Dual::<f64, 2>::variable(2.0, 1);
    /// assert_eq!(x.max(y).partials(), &[0.0, 1.0]);
    /// assert_eq!(x.max(y - 1.0).partials(), &[0.5, 0.5]);
    /// ```
    #[inline]
    #[must_use]
    pub fn max(self, other: Self) -> Self {
        let (a, b) = (self.value(), other.value());
        match pick_max(a, b) {
            Pick::First => self,
            Pick::Second => other,
            Pick::Tie => self.tie(other, a.max(b)),
        }
    }

    /// The smaller of two numbers (a NaN argument is ignored, as in
    /// `f64::min`). The slope is the smaller argument's; at a tie, the average
    /// of both.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(1.0, 0);
    /// let y = Dual::<f64, 2>::variable(2.0, 1);
    /// assert_eq!(x.min(y).partials(), &[1.0, 0.0]);
    /// assert_eq!(x.min(y - 1.0).partials(), &[0.5, 0.5]);
    /// ```
    #[inline]
    #[must_use]
    pub fn min(self, other: Self) -> Self {
        let (a, b) = (self.value(), other.value());
        match pick_min(a, b) {
            Pick::First => self,
            Pick::Second => other,
            Pick::Tie => self.tie(other, a.min(b)),
        }
    }

    /// `min` if x < min, `max` if x > max, else x, with the slope of the
    /// argument returned; at x = min or x = max, the average of the tied
    /// arguments' slopes. A NaN x is returned as is. Unlike `f64::clamp`, it
    /// never panics: with min > max, it returns min for x < min and max
    /// otherwise.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let lo = Dual::<f64, 1>::constant(0.0);
    /// let hi = Dual::<f64, 1>::constant(1.0);
    /// let x = Dual::<f64, 1>::variable(0.25, 0);
    /// assert_eq!(x.clamp(lo, hi).partial(0), 1.0);
    /// assert_eq!((x + 1.0).clamp(lo, hi).partial(0), 0.0);
    /// assert_eq!((x * 4.0).clamp(lo, hi).partial(0), 2.0); // tie at max: (4 + 0)/2
    /// ```
    #[inline]
    #[must_use]
    pub fn clamp(self, min: Self, max: Self) -> Self {
        let x = self.value();
        match pick_clamp(x, min.value(), max.value()) {
            ClampPick::Min => min,
            ClampPick::Max => max,
            // The value is T's own clamp to the tied bound (x, bit for bit,
            // on f64; never a panic, as the bounds are equal and not NaN), so
            // that a nested dual averages its inner slopes too.
            ClampPick::TieMin => self.tie(min, x.clamp(min.value(), min.value())),
            ClampPick::TieMax => self.tie(max, x.clamp(max.value(), max.value())),
            ClampPick::Inside => self,
        }
    }

    /// The positive difference max(x − y, 0), as `Float::abs_sub` defines it.
    /// Slopes dx − dy where x > y, 0 where x < y, half of dx − dy at a tie.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(3.0, 0);
    /// let y = Dual::<f64, 2>::variable(1.0, 1);
    /// let d = x.abs_sub(y);
    /// assert_eq!((d.value(), *d.partials()), (2.0, [1.0, -1.0]));
    /// assert_eq!(y.abs_sub(x).partials(), &[0.0, 0.0]);
    /// ```
    #[inline]
    #[must_use]
    #[allow(deprecated)] // `Float::abs_sub` gives the value, bit for bit.
    pub fn abs_sub(self, other: Self) -> Self {
        let (a, b) = (self.value(), other.value());
        let value = Float::abs_sub(a, b);
        let slope = match pick_abs_sub(a, b) {
            AbsSubPick::Difference => T::one(),
            AbsSubPick::Zero => T::zero(),
            AbsSubPick::Tie => cast::<T, _>(0.5),
            AbsSubPick::Unordered => T::nan(),
        };
        self.chain2(other, value, slope, -slope)
    }

    /// |x| with the sign of `sign`. d/dx = ±1 (+1 when x and `sign` have the
    /// same sign), 0 at x = ±0 as for `abs`; the slope in `sign` is 0.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(3.0, 0);
    /// let s = Dual::<f64, 2>::variable(-1.0, 1);
    /// let y = x.copysign(s);
    /// assert_eq!((y.value(), *y.partials()), (-3.0, [-1.0, 0.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn copysign(self, sign: Self) -> Self {
        let (x, s) = (self.value(), sign.value());
        // x = ±0 by value, as in `abs`: `is_zero` on a dual T also asks for
        // zero partials, and the nesting levels would disagree on the slope.
        let slope = if x == T::zero() {
            T::zero()
        } else if x.is_sign_negative() == s.is_sign_negative() {
            T::one()
        } else {
            -T::one()
        };
        self.chain(x.copysign(s), slope)
    }

    /// `value` with the average of the two tied arguments' slopes.
    #[inline]
    fn tie(self, other: Self, value: T) -> Self {
        let half = cast::<T, _>(0.5);
        self.chain2(other, value, half, half)
    }
}

/// sign(x) for x ≠ 0, 0 at ±0, NaN for NaN: the slope of |x|.
#[inline]
fn sign_or_zero<T: Float>(x: T) -> T {
    if x > T::zero() {
        T::one()
    } else if x < T::zero() {
        -T::one()
    } else {
        // ±0 gives 0, NaN stays NaN.
        x * T::zero()
    }
}
