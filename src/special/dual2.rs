//! The special functions of two arguments on [`Dual2`] (feature
//! `special`): no rule is written here. Each function evaluates the
//! same-named rule of [`Dual`](crate::Dual) on a nested dual (as `number/dual2/elementary.rs`
//! does for the elementary functions), so g″ comes from differentiating
//! g′'s formula. The one-argument special functions (ψ′ = ψ₁ gives
//! ψ″ = ψ₂, Γ′ = Γψ gives Γ″ = Γ(ψ² + ψ₁), …) come from the function table
//! (`number/functions/mod.rs`), expanded in `number/dual2/elementary.rs`.

use crate::Dual2;
use crate::special::SpecialFloat;

impl<T: SpecialFloat, const N: usize> Dual2<T, N> {
    /// The beta function B(a, b), a = `self`, by [`Dual::beta`](crate::Dual::beta)'s
    /// rule: ∂/∂a = B·(ψ(a) − ψ(a + b)),
    /// ∂²/∂a² = B·((ψ(a) − ψ(a + b))² + ψ₁(a) − ψ₁(a + b)).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// // B(a, 1) = 1/a: ∂²/∂a² = 2/a³.
    /// let y = Dual2::<f64, 1>::variable(2.0, 0).beta(Dual2::constant(1.0));
    /// assert!((y.hessian_entry(0, 0) - 0.25).abs() < 1e-14);
    /// ```
    #[inline]
    #[must_use]
    pub fn beta(self, b: Self) -> Self {
        self.apply2_guarded(b, |a, b| a.beta(b))
    }

    /// ln|B(a, b)|, a = `self`, by [`Dual::ln_beta`](crate::Dual::ln_beta)'s
    /// rule: ∂/∂a = ψ(a) − ψ(a + b), ∂²/∂a² = ψ₁(a) − ψ₁(a + b),
    /// ∂²/∂a∂b = −ψ₁(a + b).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// // ln B(a, 1) = −ln a: ∂²/∂a² = 1/a².
    /// let y = Dual2::<f64, 1>::variable(2.0, 0).ln_beta(Dual2::constant(1.0));
    /// assert!((y.hessian_entry(0, 0) - 0.25).abs() < 1e-14);
    /// ```
    #[inline]
    #[must_use]
    pub fn ln_beta(self, b: Self) -> Self {
        self.apply2_guarded(b, |a, b| a.ln_beta(b))
    }

    /// P(a, x), a = `self`, by [`Dual::gamma_p`](crate::Dual::gamma_p)'s
    /// rule: ∂/∂x = x^(a−1)e^(−x)/Γ(a), ∂²/∂x² = ((a − 1)/x − 1)·∂/∂x; every
    /// derivative involving a is NaN for a variable a (not provided), 0 for
    /// a constant one.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// // P(1, x) = 1 − e⁻ˣ: ∂²/∂x² = −e⁻ˣ.
    /// let p = Dual2::<f64, 1>::constant(1.0).gamma_p(Dual2::variable(2.0, 0));
    /// assert!((p.hessian_entry(0, 0) + (-2.0_f64).exp()).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn gamma_p(self, x: Self) -> Self {
        self.apply2_guarded(x, |a, x| a.gamma_p(x))
    }

    /// Q(a, x), a = `self`, by [`Dual::gamma_q`](crate::Dual::gamma_q)'s
    /// rule: the negated derivatives of [`gamma_p`](Self::gamma_p).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let q = Dual2::<f64, 1>::constant(1.0).gamma_q(Dual2::variable(2.0, 0));
    /// assert!((q.hessian_entry(0, 0) - (-2.0_f64).exp()).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn gamma_q(self, x: Self) -> Self {
        self.apply2_guarded(x, |a, x| a.gamma_q(x))
    }
}

special_float_for!(Dual2);
