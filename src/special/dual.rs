//! The hand-written derivative rules of the special functions (feature
//! `special`) on [`Dual`]: those with an order argument (ψₙ, Jₙ, Yₙ) or two
//! arguments (β, ln β, P, Q), and the helpers their slopes share. The
//! one-argument functions (erf, Γ, ψ, J₀, …) are rules of the function
//! table (`number/functions/mod.rs`). `Dual2` and nested duals differentiate these same
//! rules. The value is always `T`'s own function of the value, so it is
//! bit-identical to the plain evaluation.
//!
//! Rules whose derivative is ±∞ or NaN at a finite argument (the gamma
//! family and Y at their poles) take the guarded chain rule, so a constant
//! keeps zero partials there.

use core::f64::consts::PI;

use crate::Dual;
use crate::number::functions::cast;
use crate::special::SpecialFloat;

impl<T: SpecialFloat, const N: usize> Dual<T, N> {
    /// The polygamma function ψₙ (see [`SpecialFloat::polygamma`]).
    /// d/dx ψₙ(x) = ψₙ₊₁(x).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// // ψ₂′(1) = ψ₃(1) = π⁴/15
    /// let y = Dual::<f64, 1>::variable(1.0, 0).polygamma(2);
    /// let want = std::f64::consts::PI.powi(4) / 15.0;
    /// assert!((y.partial(0) - want).abs() < 1e-14 * want);
    /// ```
    #[inline]
    #[must_use]
    pub fn polygamma(self, n: u32) -> Self {
        let x = self.value();
        // n = u32::MAX has no ψₙ₊₁ to ask for: NaN slope (ψₙ itself is ±∞,
        // 0 or NaN there).
        let slope = n.checked_add(1).map_or_else(T::nan, |m| x.polygamma(m));
        self.chain_guarded(x.polygamma(n), slope)
    }

    /// The Bessel function Jₙ (see [`SpecialFloat::bessel_jn`]).
    /// d/dx Jₙ(x) = (Jₙ₋₁(x) − Jₙ₊₁(x))/2 = Jₙ₋₁(x) − (n/x)·Jₙ(x).
    ///
    /// For |x| > 1 the second form is evaluated: it reuses Jₙ(x), one
    /// Bessel evaluation instead of two (libm's Jₙ₊₁ for n < x is that
    /// same recurrence step). For |x| ≤ 1 the first: (n/x)·Jₙ(x) would
    /// cancel in the second and third derivatives as x → 0, and is 0/0 at
    /// x = 0.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// use dualgrad::special::SpecialFloat;
    /// let y = Dual::<f64, 1>::variable(2.0, 0).bessel_jn(3);
    /// let want = (2.0_f64.bessel_jn(2) - 2.0_f64.bessel_jn(4)) / 2.0;
    /// assert!((y.partial(0) - want).abs() < 1e-16);
    /// ```
    #[inline]
    #[must_use]
    pub fn bessel_jn(self, n: i32) -> Self {
        let x = self.value();
        let v = x.bessel_jn(n);
        self.chain(v, bessel_slope(x, n, v, |m| x.bessel_jn(m)))
    }

    /// The Bessel function Yₙ (see [`SpecialFloat::bessel_yn`]).
    /// d/dx Yₙ(x) = (Yₙ₋₁(x) − Yₙ₊₁(x))/2 = Yₙ₋₁(x) − (n/x)·Yₙ(x), evaluated
    /// as [`bessel_jn`](Self::bessel_jn)'s; singular at 0.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// use dualgrad::special::SpecialFloat;
    /// let y = Dual::<f64, 1>::variable(2.0, 0).bessel_yn(3);
    /// let want = (2.0_f64.bessel_yn(2) - 2.0_f64.bessel_yn(4)) / 2.0;
    /// assert!((y.partial(0) - want).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn bessel_yn(self, n: i32) -> Self {
        let x = self.value();
        let v = x.bessel_yn(n);
        self.chain_guarded(v, bessel_slope(x, n, v, |m| x.bessel_yn(m)))
    }

    /// The beta function B(a, b), a = `self` (see [`SpecialFloat::beta`]).
    /// ∂B/∂a = B·(ψ(a) − ψ(a + b)), ∂B/∂b = B·(ψ(b) − ψ(a + b)).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// // B(a, b) at (2, 1) is 1/2: ∂/∂a = ½(ψ(2) − ψ(3)) = −1/4,
    /// // ∂/∂b = ½(ψ(1) − ψ(3)) = −3/4.
    /// let a = Dual::<f64, 2>::variable(2.0, 0);
    /// let b = Dual::<f64, 2>::variable(1.0, 1);
    /// let y = a.beta(b);
    /// assert!((y.partial(0) + 0.25).abs() < 1e-15);
    /// assert!((y.partial(1) + 0.75).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn beta(self, b: Self) -> Self {
        let (x, y) = (self.value(), b.value());
        let v = x.beta(y);
        let (da, db) = beta_slopes(x, y);
        self.chain2_guarded(b, v, v * da, v * db)
    }

    /// ln|B(a, b)|, a = `self` (see [`SpecialFloat::ln_beta`]).
    /// ∂/∂a = ψ(a) − ψ(a + b), ∂/∂b = ψ(b) − ψ(a + b).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// // ln B(a, 1) = −ln a: ∂/∂a = −1/a.
    /// let a = Dual::<f64, 2>::variable(2.0, 0);
    /// let y = a.ln_beta(Dual::constant(1.0));
    /// assert!((y.partial(0) + 0.5).abs() < 1e-15);
    /// assert_eq!(y.partial(1), 0.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn ln_beta(self, b: Self) -> Self {
        let (x, y) = (self.value(), b.value());
        let (da, db) = beta_slopes(x, y);
        self.chain2_guarded(b, x.ln_beta(y), da, db)
    }

    /// The regularised lower incomplete gamma function P(a, x), a = `self`
    /// (see [`SpecialFloat::gamma_p`]). ∂P/∂x = x^(a−1)e^(−x)/Γ(a); ∂P/∂a
    /// is not provided: NaN for a variable a, 0 for a constant one.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let a = Dual::<f64, 2>::constant(1.0);
    /// let x = Dual::<f64, 2>::variable(2.0, 1);
    /// let p = a.gamma_p(x);
    /// assert_eq!(p.partial(0), 0.0); // a is a constant
    /// assert!((p.partial(1) - (-2.0_f64).exp()).abs() < 1e-16);
    /// assert!(Dual::<f64, 1>::variable(1.0, 0).gamma_p(Dual::constant(2.0)).partial(0).is_nan());
    /// ```
    #[inline]
    #[must_use]
    pub fn gamma_p(self, x: Self) -> Self {
        let (a, t) = (self.value(), x.value());
        let p = a.gamma_p(t);
        self.chain2_guarded(x, p, T::nan(), density_where_defined(p, a, t))
    }

    /// The regularised upper incomplete gamma function Q(a, x), a = `self`
    /// (see [`SpecialFloat::gamma_q`]). ∂Q/∂x = −x^(a−1)e^(−x)/Γ(a); ∂Q/∂a
    /// is not provided: NaN for a variable a, 0 for a constant one.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let q = Dual::<f64, 1>::constant(1.0).gamma_q(Dual::variable(2.0, 0));
    /// assert!((q.partial(0) + (-2.0_f64).exp()).abs() < 1e-16);
    /// ```
    #[inline]
    #[must_use]
    pub fn gamma_q(self, x: Self) -> Self {
        let (a, t) = (self.value(), x.value());
        let q = a.gamma_q(t);
        self.chain2_guarded(x, q, T::nan(), -density_where_defined(q, a, t))
    }
}

/// The slope of a Bessel function of order n at x with value `value`:
/// Cₙ₋₁(x) − (n/x)·Cₙ(x) for |x| > 1, (Cₙ₋₁(x) − Cₙ₊₁(x))/2 nearer 0 (the
/// same function; see [`Dual::bessel_jn`]). `order(m)` is Cₘ(x). The
/// orders saturate at ±2³¹: both neighbours are then far past the orders
/// evaluated (see the module docs' semantics).
pub(crate) fn bessel_slope<T: SpecialFloat>(x: T, n: i32, value: T, order: impl Fn(i32) -> T) -> T {
    let lower = order(n.saturating_sub(1));
    if x.abs() > T::one() {
        lower - cast::<T, _>(n) / x * value
    } else {
        (lower - order(n.saturating_add(1))) * cast::<T, _>(0.5)
    }
}

/// (ψ(a) − ψ(a + b), ψ(b) − ψ(a + b)): ∂/∂a and ∂/∂b of ln|B(a, b)|, with
/// ψ(a + b) evaluated once. Where one argument is below a hundredth of the
/// other the plain difference cancels (ψ(64) ≈ 4.2 against a difference of
/// 6e−5 at b = 0.004: 2.8e−11 relative), so that one is summed as a
/// Taylor series instead ([`digamma_step`]).
fn beta_slopes<T: SpecialFloat>(a: T, b: T) -> (T, T) {
    let small = |u: T, of: T| of > T::zero() && u.abs() < of * cast(0.01);
    let (small_b, small_a) = (small(b, a), small(a, b));
    // Both cannot hold; when one does, the other difference needs ψ(a + b).
    let psi_sum = (a + b).digamma();
    let da = if small_b {
        -digamma_step(a, b)
    } else {
        a.digamma() - psi_sum
    };
    let db = if small_a {
        -digamma_step(b, a)
    } else {
        b.digamma() - psi_sum
    };
    (da, db)
}

/// ψ(a + b) − ψ(a) for 0 ≤ |b| < a/100, as the Taylor series
/// Σₖ ψₖ(a)·bᵏ/k!, whose terms shrink by about b/a each.
fn digamma_step<T: SpecialFloat>(a: T, b: T) -> T {
    let mut sum = T::zero();
    let mut factor = b;
    for k in 1..=16_u32 {
        let term = a.polygamma(k) * factor;
        sum = sum + term;
        if term.abs() <= T::epsilon() * sum.abs() {
            break;
        }
        factor = factor * b / cast(k + 1);
    }
    sum
}

/// [`gamma_density`], or NaN where the function's value is NaN (a > 10¹⁰,
/// outside the domain): no finite slope beside an undefined value.
fn density_where_defined<T: SpecialFloat>(value: T, a: T, x: T) -> T {
    if value.is_nan() {
        T::nan()
    } else {
        gamma_density(a, x)
    }
}

/// The gamma distribution's density x^(a−1)e^(−x)/Γ(a), the x-derivative
/// of P(a, x). Directly while each factor stays in range (each has an exact
/// input: a few ulp in all); for larger a by Stirling's series (Temme's
/// form, DLMF 5.11.1 and 8.12), in which nothing large cancels:
///
/// ```text
/// xᵃe⁻ˣ/Γ(a) = √(a/2π)·exp(−a·φ(x/a) − μ(a)),   φ(u) = u − 1 − ln u,
/// μ(a) = 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) + 1/(1188a⁹)
/// ```
///
/// The plain logarithmic form (a − 1)·ln x − x − ln Γ(a) loses |a·ln x|·ε
/// (1.2e−12 at a = 400) and remains only for small a with an overflowing
/// or underflowing factor.
fn gamma_density<T: SpecialFloat>(a: T, x: T) -> T {
    let one = T::one();
    if x.is_zero() {
        // x^(a−1) at 0: ∞, 1 or 0; no logarithm of 0.
        return if a < one {
            T::infinity()
        } else if a == one {
            one
        } else {
            T::zero()
        };
    }
    let direct = x.powf(a - one) / a.gamma_fn() * (-x).exp();
    // At x = 0 with a variable x (its partials not zero, so the branch
    // above is not taken) the power form is exact and differentiates to
    // the right limits, where the logarithmic forms below take ln 0.
    if direct.is_normal() || x == T::zero() {
        return direct;
    }
    if a >= cast(10.0) {
        let d = (x - a) / a;
        // a·φ(x/a): as a·(d − ln(1 + d)) near x = a, where it cancels
        // least; far from it as (x − a) − a·ln(x/a), which does not carry
        // d's rounding through the 1/(1 + d) of the logarithm.
        let a_phi = if d.abs() < cast(0.5) {
            a * (d - d.ln_1p())
        } else {
            (x - a) - a * (x / a).ln()
        };
        let r = (a * a).recip();
        let mu = [
            1.0 / 1188.0,
            -1.0 / 1680.0,
            1.0 / 1260.0,
            -1.0 / 360.0,
            1.0 / 12.0,
        ]
        .iter()
        .fold(T::zero(), |sum, &c| sum * r + cast(c))
            / a;
        let root = (a / cast(2.0 * PI)).sqrt();
        return root * (-a_phi - mu).exp() / x;
    }
    ((a - one) * x.ln() - x - a.ln_gamma_fn()).exp()
}

special_float_for!(Dual);
