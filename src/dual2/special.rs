//! The special functions of [`Dual2`] (feature `special`): no rule is
//! written here. Each function evaluates the same-named rule of
//! [`Dual`](crate::Dual) on a nested dual (as `rules.rs` does for the
//! elementary functions), so g″ comes from differentiating g′'s formula:
//! ψ′ = ψ₁ gives ψ″ = ψ₂, Γ′ = Γψ gives Γ″ = Γ(ψ² + ψ₁), and so on. The
//! table gives each method's doc line, with g″, and a doctest oracle.

use super::Dual2;
use crate::special::SpecialFloat;

macro_rules! special_rules {
    ($apply:ident; $(
        $(#[doc = $doc:literal])+
        $name:ident($($arg:ident: $ty:ty = $val:literal),*), at $at:literal, second $oracle:expr;
    )+) => {
        impl<T: SpecialFloat, const N: usize> Dual2<T, N> {$(
            $(#[doc = $doc])+
            ///
            /// ```
            /// use dualgrad::{Dual, Dual2};
            #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
            #[doc = concat!("let y = Dual2::<f64, 1>::variable(a, 0).", stringify!($name), "(", $(stringify!($val),)* ");")]
            #[doc = concat!("let first = Dual::<f64, 1>::variable(a, 0).", stringify!($name), "(", $(stringify!($val),)* ");")]
            /// assert_eq!(y.value(), first.value());
            /// assert_eq!(y.gradient(), first.partials());
            #[doc = concat!("let second: f64 = ", stringify!($oracle), ";")]
            /// assert!((y.hessian_entry(0, 0) - second).abs() <= 1e-13 * second.abs().max(1.0));
            /// ```
            #[inline]
            #[must_use]
            pub fn $name(self $(, $arg: $ty)*) -> Self {
                self.$apply(|x| x.$name($($arg),*))
            }
        )+}
    };
}

// Entire functions: the plain second-order chain rule.
special_rules! {
    unary;
    /// The error function. d/dx erf x = 2/√π·e^(−x²),
    /// d²/dx² erf x = −4x/√π·e^(−x²).
    erf_fn(), at 0.5, second -2.0 / std::f64::consts::PI.sqrt() * (-0.25_f64).exp();
    /// The complementary error function. d/dx erfc x = −2/√π·e^(−x²),
    /// d²/dx² erfc x = 4x/√π·e^(−x²).
    erfc_fn(), at 2.0, second 8.0 / std::f64::consts::PI.sqrt() * (-4.0_f64).exp();
    /// The Bessel function J₀. d/dx J₀ = −J₁, d²/dx² J₀ = (J₂ − J₀)/2.
    bessel_j0(), at 2.0, second (0.352_834_028_615_637_7 - 0.223_890_779_141_235_67) / 2.0;
    /// The Bessel function J₁. d/dx J₁ = (J₀ − J₂)/2,
    /// d²/dx² J₁ = (J₃ − 3J₁)/4.
    bessel_j1(), at 2.0, second (0.128_943_249_474_402_05 - 3.0 * 0.576_724_807_756_873_4) / 4.0;
    /// The Bessel function Jₙ. d/dx Jₙ = (Jₙ₋₁ − Jₙ₊₁)/2,
    /// d²/dx² Jₙ = (Jₙ₋₂ − 2Jₙ + Jₙ₊₂)/4.
    bessel_jn(n: i32 = 2), at 2.0, second (0.223_890_779_141_235_67 - 2.0 * 0.352_834_028_615_637_7 + 0.033_995_719_807_568_436) / 4.0;
}

// Singular: guarded, a constant keeps zero gradient and Hessian at a pole.
special_rules! {
    unary_singular;
    /// The inverse error function. d/dx erf⁻¹ x = √π/2·e^(y²) with
    /// y = erf⁻¹ x, d²/dx² erf⁻¹ x = (π/2)·y·e^(2y²).
    erf_inv(), at 0.5, second std::f64::consts::PI / 2.0 * 0.476_936_276_204_469_9 * (2.0 * 0.476_936_276_204_469_9_f64.powi(2)).exp();
    /// The gamma function. d/dx Γ = Γψ, d²/dx² Γ = Γ·(ψ² + ψ₁).
    gamma_fn(), at 1.0, second 0.577_215_664_901_532_9_f64.powi(2) + std::f64::consts::PI.powi(2) / 6.0;
    /// ln|Γ(x)|. d/dx = ψ, d²/dx² = ψ₁.
    ln_gamma_fn(), at 1.0, second std::f64::consts::PI.powi(2) / 6.0;
    /// The digamma function. d/dx ψ = ψ₁, d²/dx² ψ = ψ₂.
    digamma(), at 1.0, second -2.0 * 1.202_056_903_159_594_3;
    /// The trigamma function. d/dx ψ₁ = ψ₂, d²/dx² ψ₁ = ψ₃.
    trigamma(), at 1.0, second std::f64::consts::PI.powi(4) / 15.0;
    /// The polygamma function ψₙ. d/dx ψₙ = ψₙ₊₁, d²/dx² ψₙ = ψₙ₊₂.
    polygamma(n: u32 = 2), at 1.0, second -24.0 * 1.036_927_755_143_369_9;
    /// The Bessel function Y₀. d/dx Y₀ = −Y₁, d²/dx² Y₀ = (Y₂ − Y₀)/2.
    bessel_y0(), at 2.0, second (-0.617_408_104_190_682_7 - 0.510_375_672_649_745_1) / 2.0;
    /// The Bessel function Y₁. d/dx Y₁ = (Y₀ − Y₂)/2,
    /// d²/dx² Y₁ = (Y₃ − 3Y₁)/4.
    bessel_y1(), at 2.0, second (-1.127_783_776_840_427_7 + 3.0 * 0.107_032_431_540_937_55) / 4.0;
    /// The Bessel function Yₙ. d/dx Yₙ = (Yₙ₋₁ − Yₙ₊₁)/2,
    /// d²/dx² Yₙ = (Yₙ₋₂ − 2Yₙ + Yₙ₊₂)/4.
    bessel_yn(n: i32 = 2), at 2.0, second (0.510_375_672_649_745_1 + 2.0 * 0.617_408_104_190_682_7 - 2.765_943_226_330_600_5) / 4.0;
}

impl<T: SpecialFloat, const N: usize> Dual2<T, N> {
    /// The sign of Γ(x): gradient and Hessian 0 (piecewise constant).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let s = Dual2::<f64, 1>::variable(-0.5, 0).gamma_sign();
    /// assert_eq!(s.value(), -1.0);
    /// assert!(s.is_constant());
    /// ```
    #[inline]
    #[must_use]
    pub fn gamma_sign(self) -> Self {
        Self::constant(self.value.gamma_sign())
    }

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
        self.binary_singular(b, |a, b| a.beta(b))
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
        self.binary_singular(b, |a, b| a.ln_beta(b))
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
        self.binary_singular(x, |a, x| a.gamma_p(x))
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
        self.binary_singular(x, |a, x| a.gamma_q(x))
    }
}

special_float_for!(Dual2);
