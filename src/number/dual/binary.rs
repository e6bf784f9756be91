//! Two-argument functions: d f(x, y) = ∂f/∂x·dx + ∂f/∂y·dy.
//!
//! Each is hand-written because its singular points need a reason in a
//! comment: `powf` at a zero or negative base, `atan2` and `hypot` at the
//! origin.

use num_traits::Float;

use crate::Dual;
use crate::number::functions::cast;

impl<T: Float, const N: usize> Dual<T, N> {
    /// xⁿ for a dual exponent, differentiated in both:
    /// ∂/∂x = n·xⁿ⁻¹, ∂/∂n = xⁿ·ln x.
    ///
    /// * A constant exponent contributes no ∂/∂n term, so a negative base with
    ///   an integer-valued constant exponent follows the `powi` rule:
    ///   (−2)² = 4 with slope −4.
    /// * n = 0 gives slope 0 in x (xⁿ ≡ 1), also at x = 0.
    /// * At x = 0 with n > 0 the slope in n is 0 (the limit of xⁿ·ln x).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(2.0, 0);
    /// let n = Dual::<f64, 2>::variable(3.0, 1);
    /// let y = x.powf(n);
    /// assert_eq!(y.value(), 8.0);
    /// assert_eq!(y.partial(0), 12.0);
    /// assert!((y.partial(1) - 8.0 * 2.0_f64.ln()).abs() < 1e-14);
    ///
    /// let square = Dual::<f64, 1>::variable(-2.0, 0).powf(Dual::constant(2.0));
    /// assert_eq!((square.value(), square.partial(0)), (4.0, -4.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn powf(self, n: Self) -> Self {
        let (x, p) = (self.value(), n.value());
        let value = x.powf(p);
        let d_base = if p.is_zero() {
            T::zero()
        } else if value.is_normal() && !x.is_zero() {
            p * value / x
        } else {
            // n·xⁿ⁻¹ directly where n·xⁿ/x would divide by 0 or carry the
            // overflow or underflow of xⁿ.
            p * x.powf(p - T::one())
        };
        if n.partials().iter().all(|d| d.is_zero()) {
            // A constant exponent, as in x.powf(1.5), has no ∂/∂n term: no
            // ln x to compute. The same partials as the two-argument rule,
            // whose guard drops a zero partial's term.
            return self
                .chain_guarded(value, d_base)
                .tagged(self.tag().join(n.tag()));
        }
        let d_exponent = if value.is_zero() {
            T::zero()
        } else {
            value * x.ln()
        };
        self.chain2_guarded(n, value, d_base, d_exponent)
    }

    /// xⁿ for an integer n. d/dx xⁿ = n·xⁿ⁻¹; slope 0 for n = 0 (also at
    /// x = 0, where 0⁰ = 1).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 1>::variable(-2.0, 0).powi(3);
    /// assert_eq!((y.value(), y.partial(0)), (-8.0, 12.0));
    /// let one = Dual::<f64, 1>::variable(0.0, 0).powi(0);
    /// assert_eq!((one.value(), one.partial(0)), (1.0, 0.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn powi(self, n: i32) -> Self {
        let x = self.value();
        let derivative = if n == 0 {
            T::zero()
        } else {
            let power_below = match n.checked_sub(1) {
                Some(m) => x.powi(m),
                None => x.powi(n) / x, // n = i32::MIN: n − 1 does not exist
            };
            cast::<T, _>(n) * power_below
        };
        // Only a negative power is singular (at x = 0); n is usually a
        // literal, so the branch folds away.
        if n < 0 {
            self.chain_guarded(x.powi(n), derivative)
        } else {
            self.chain(x.powi(n), derivative)
        }
    }

    /// Logarithm of x in base b = ln x / ln b, differentiated in both:
    /// ∂/∂x = 1/(x·ln b), ∂/∂b = −log_b(x)/(b·ln b).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(8.0, 0);
    /// let b = Dual::<f64, 2>::variable(2.0, 1);
    /// let y = x.log(b);
    /// assert_eq!(y.value(), 8.0_f64.log(2.0));
    /// let ln2 = 2.0_f64.ln();
    /// assert!((y.partial(0) - 1.0 / (8.0 * ln2)).abs() < 1e-15);
    /// assert!((y.partial(1) + 3.0 / (2.0 * ln2)).abs() < 1e-14);
    /// ```
    #[inline]
    #[must_use]
    pub fn log(self, base: Self) -> Self {
        let (x, b) = (self.value(), base.value());
        let value = x.log(b);
        let ln_b = b.ln();
        // (1/x)/ln b, not 1/(x·ln b): at b = 0 or ∞ (ln b = ∓∞) the product
        // is infinite with an infinite slope, and its reciprocal's slope on a
        // nested dual would be 0·∞ = NaN. ∂/∂b is written alike, so that
        // log(x, x) has slope exactly 0.
        self.chain2_guarded(base, value, x.recip() / ln_b, -(value / b) / ln_b)
    }

    /// The four-quadrant arctangent of `self / other` (y = self, x = other):
    /// ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²). Finite on both axes; at the
    /// origin, where it jumps, the slopes are 0.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 2>::variable(1.0, 0);
    /// let x = Dual::<f64, 2>::variable(0.0, 1);
    /// let t = y.atan2(x);
    /// assert_eq!(t.value(), 1.0_f64.atan2(0.0));
    /// assert_eq!(t.partials(), &[0.0, -1.0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn atan2(self, other: Self) -> Self {
        let (y, x) = (self.value(), other.value());
        let value = y.atan2(x);
        // (x/r)/r rather than x/(x² + y²): no overflow or underflow of the
        // square. Guarded: at r ≈ 5e-324 the slopes overflow to ±∞.
        let r = x.hypot(y);
        if r.is_zero() {
            return Self::constant(value);
        }
        self.chain2_guarded(other, value, (x / r) / r, -(y / r) / r)
    }

    /// √(x² + y²) without overflow: ∂/∂x = x/h, ∂/∂y = y/h. At the origin,
    /// a kink, the slopes are 0.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 2>::variable(3.0, 0);
    /// let y = Dual::<f64, 2>::variable(4.0, 1);
    /// let h = x.hypot(y);
    /// assert_eq!((h.value(), *h.partials()), (5.0, [0.6, 0.8]));
    /// ```
    #[inline]
    #[must_use]
    pub fn hypot(self, other: Self) -> Self {
        let (x, y) = (self.value(), other.value());
        let h = x.hypot(y);
        if h.is_zero() {
            return Self::constant(h);
        }
        self.chain2_guarded(other, h, x / h, y / h)
    }

    /// x·a + b in one rounding (value as `T::mul_add`):
    /// d = a·dx + x·da + db.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let x = Dual::<f64, 3>::variable(2.0, 0);
    /// let a = Dual::<f64, 3>::variable(3.0, 1);
    /// let b = Dual::<f64, 3>::variable(4.0, 2);
    /// let y = x.mul_add(a, b);
    /// assert_eq!((y.value(), *y.partials()), (10.0, [3.0, 2.0, 1.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn mul_add(self, a: Self, b: Self) -> Self {
        let value = self.value().mul_add(a.value(), b.value());
        let product = self.chain2(a, value, a.value(), self.value());
        Self::new(
            value,
            crate::number::partials::add(product.partials(), b.partials()),
        )
        .tagged(product.tag().join(b.tag()))
    }
}
