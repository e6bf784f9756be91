//! Special functions with exact derivatives: erf, Γ, ψ and its
//! derivatives, β, the incomplete gamma function and Bessel functions
//! (feature `special`, on by default).
//!
//! [`SpecialFloat`] extends [`Float`] with them, for `f32`, `f64`,
//! [`Dual`](crate::Dual) and [`Dual2`](crate::Dual2) over any
//! `T: SpecialFloat` (so nested duals too), and the sparsity tracer
//! `sparse::Tracer` (feature `sparse`). Write a log-likelihood once,
//! generically, and get its gradient and Hessian:
//!
//! ```
//! use dualgrad::special::SpecialFloat;
//! use dualgrad::{Dual, Dual2, gradient, hessian};
//!
//! /// The log-likelihood of a gamma distribution (shape k, scale θ) at x.
//! fn gamma_log_density<S: SpecialFloat>(p: &[S], x: S) -> S {
//!     let (k, theta) = (p[0], p[1]);
//!     (k - S::one()) * x.ln() - x / theta - k.ln_gamma_fn() - k * theta.ln()
//! }
//! let g = gradient(|p| gamma_log_density(p, Dual::constant(3.0)), [2.0, 1.5]);
//! // ∂/∂k = ln x − ψ(k) − ln θ, with ψ(2) = 1 − γ.
//! let euler_gamma = 0.577_215_664_901_532_9;
//! let want = 3.0_f64.ln() - (1.0 - euler_gamma) - 1.5_f64.ln();
//! assert!((g[0] - want).abs() < 1e-14);
//! // ∂²/∂k² = −ψ₁(k), with ψ₁(2) = π²/6 − 1.
//! let h = hessian(|p| gamma_log_density(p, Dual2::constant(3.0)), [2.0, 1.5]);
//! let pi = std::f64::consts::PI;
//! assert!((h[0][0] + (pi * pi / 6.0 - 1.0)).abs() < 1e-14);
//! ```
//!
//! # Names
//!
//! Four functions are named with an `_fn` suffix: [`gamma_fn`](SpecialFloat::gamma_fn),
//! [`ln_gamma_fn`](SpecialFloat::ln_gamma_fn), [`erf_fn`](SpecialFloat::erf_fn) and
//! [`erfc_fn`](SpecialFloat::erfc_fn). The standard library reserves
//! `gamma`, `ln_gamma`, `erf` and `erfc` as unstable inherent methods of
//! `f32` and `f64`; a trait method of the same name called on a plain
//! float compiles on stable with the `unstable_name_collisions` warning
//! today and would stop meaning ours the day std stabilises its own (Rust
//! 1.95 checked; `tests/it/special_names.rs` keeps the rest warning-free).
//! The other names (`digamma`, `beta`, `bessel_j0`, …) are free.
//!
//! Calling `x.gamma()` on an `f64` instead reaches std's unstable method:
//! ``error[E0658]: use of unstable library feature `float_gamma` ``; the
//! docs find `gamma_fn` under the search terms `gamma`, `tgamma`,
//! `ln_gamma`, `lgamma`, `erf` and `erfc`.
//!
//! # With the drivers
//!
//! [`Real`](crate::Real), the trait every number type of the crate
//! implements, includes [`SpecialFloat`] with this feature. A function
//! written as `fn f<S: Real>` (or generic over `S: SpecialFloat`, or a
//! closure calling these methods on the drivers' number type) works with
//! every driver: [`gradient`](crate::gradient), [`hessian`](crate::hessian),
//! [`derivative`](crate::derivative), the `chunk` drivers and `linalg`, and
//! as a [`ScalarFn`](crate::ScalarFn) or [`VectorFn`](crate::VectorFn) also
//! the `_of` drivers (`chunk::gradient_of`, `chunk::hessian_of`), the
//! gradient checker's `check_ad`, the argmin adapter and `sparse`, whose
//! tracer treats each special function as depending on its arguments.
//!
//! # Derivatives
//!
//! Each rule is written once, on [`Dual`](crate::Dual), beside its formula;
//! [`Dual2`](crate::Dual2) and nested duals differentiate that rule again.
//! Because ψₙ′ = ψₙ₊₁, Γ′ = Γψ and the Bessel rules stay in the family,
//! any order of nesting works.
//!
//! | function | derivative |
//! |---|---|
//! | erf x, erfc x | ±2/√π·e^(−x²) |
//! | erf⁻¹ x | √π/2·e^((erf⁻¹x)²) |
//! | Γ(x), ln\|Γ(x)\| | Γ(x)ψ(x), ψ(x) |
//! | ψ(x), ψ₁(x), ψₙ(x) | ψ₁(x), ψ₂(x), ψₙ₊₁(x) |
//! | B(a, b), ln\|B(a, b)\| | ∂/∂a = B·(ψ(a) − ψ(a + b)), ∂/∂a = ψ(a) − ψ(a + b) (b alike) |
//! | P(a, x), Q(a, x) | ∂/∂x = ±x^(a−1)e^(−x)/Γ(a); ∂/∂a **not provided: NaN** |
//! | J₀, J₁, Jₙ | −J₁, J₀ − J₁/x = (J₀ − J₂)/2, (Jₙ₋₁ − Jₙ₊₁)/2 = Jₙ₋₁ − (n/x)Jₙ |
//! | Y₀, Y₁, Yₙ | the same for Y |
//!
//! The Bessel slopes are evaluated as Cₙ₋₁ − (n/x)·Cₙ for |x| > 1, which
//! reuses the value (one Bessel evaluation instead of two), and as
//! (Cₙ₋₁ − Cₙ₊₁)/2 for |x| ≤ 1, where n/x would cancel in the second and
//! third derivatives (and is 0/0 at x = 0).
//!
//! The shape derivative ∂P/∂a has no closed form (it needs a
//! Meijer G-function); a variable shape gets NaN partials rather than a
//! wrong number, and a constant shape keeps zero partials.
//!
//! # Semantics
//!
//! Values are those of the float function: ±∞ or NaN at poles (Γ at 0 and
//! the negative integers, ψ and ψₙ there too, Y at 0), never a panic. At a
//! pole or where a derivative is infinite (erf⁻¹ at ±1), a **constant**
//! keeps zero partials, as the crate's `√` and `ln` do. NaN arguments give
//! NaN. Bounded work everywhere: orders |n| > 10⁶ of Jₙ and Yₙ are 0 or
//! −∞ where the function underflows (|n| > 2|x|) and NaN elsewhere; the
//! incomplete gamma function is NaN for a > 10¹⁰; ψₙ (n ≥ 2) is NaN below
//! x = −10⁶.
//!
//! | function | value at the poles |
//! |---|---|
//! | Γ | ±∞ at ±0, NaN at the negative integers (libm) |
//! | ln\|Γ\| | +∞ at 0 and the negative integers; sign 1 there (`lgamma_r`) |
//! | ψ | ∓∞ at ±0, NaN at the negative integers |
//! | ψ₁ | +∞ at 0 and the negative integers |
//! | ψₙ, n ≥ 2 | +∞ at ±0 for odd n, ∓∞ for even n; NaN at the negative integers |
//! | P, Q | NaN for a ≤ 0 or x < 0 |
//!
//! # Accuracy
//!
//! Measured against the mpmath tables in `tests/data/special/`
//! (`generate.py`, at least 200 points a function: ordinary points, near
//! poles and zeros, tiny and huge arguments), f64, by `tests/it/special.rs`,
//! which fails if any figure gets worse. "rel" is the largest relative
//! error; where the function crosses zero (Bessel functions, ψ at its root
//! 1.4616…, ln Γ at 1 and 2) relative error is unbounded and the absolute
//! error there is the honest measure.
//!
//! | function | value from | value | f′ | f″ | absolute, near zeros |
//! |---|---|---|---|---|---|
//! | `erf_fn` | libm `erf` | 1.5e−16 (0.7 ulp) | 3.1e−15 | 3.2e−15 | |
//! | `erfc_fn` | libm `erfc` | 2.5e−16 (1.1 ulp) | 5.0e−15 | 5.1e−15 | |
//! | `erf_inv` | `special` | 8.4e−16 (3.8 ulp) | 5.6e−15 | 1.2e−14 | |
//! | `gamma_fn` | libm `tgamma` | 8.6e−16 (3.9 ulp) | 1.7e−14 | 1.1e−15 | |
//! | `ln_gamma_fn` | libm `lgamma_r` | 1.2e−14 | 1.7e−15 | 2.2e−15 | 8.7e−19 (x near 1 and 2) |
//! | `digamma` | `special`, reflection here | 9.6e−15 | 1.7e−15 | 8.1e−16 | 5.4e−16 (x near 1.4616…) |
//! | `trigamma` | `special`, reflection here | 1.7e−15 | 7.4e−16 | 8.5e−16 | |
//! | `polygamma`, 2 ≤ n ≤ 30 | this crate | 1.9e−15 | 1.7e−15 | 1.8e−15 | |
//! | `beta` | libm (Γ, or ln Γ past overflow) | 2.8e−14 | 2.8e−14 | 1.7e−14 | |
//! | `ln_beta` | libm `lgamma_r` | 2.3e−13 | 4.3e−14 | 8.0e−15 | |
//! | `gamma_p` | `statrs` | 7.6e−13 | 1.6e−13 | 1.6e−13 | |
//! | `gamma_q` | `statrs` | 9.5e−13 | 1.6e−13 | 1.6e−13 | 3.3e−316 (a subnormal Q flushed to 0) |
//! | `bessel_j0` | libm `j0` | 5.4e−16 | 5.9e−16 | 6.4e−16 | 5.5e−18 |
//! | `bessel_j1` | libm `j1` | 5.9e−16 | 6.4e−16 | 5.4e−16 | 1.3e−17 |
//! | `bessel_jn` | libm `jn` | 1.7e−15 | 2.7e−15 | 3.7e−15 | 1.4e−17 |
//! | `bessel_y0` | libm `y0` | 4.4e−16 | 5.5e−16 | 4.3e−16 | 4.4e−18 |
//! | `bessel_y1` | libm `y1` | 5.5e−16 | 4.3e−16 | 5.9e−16 | 1.7e−17 |
//! | `bessel_yn` | libm `yn` | 3.1e−15 | 3.4e−15 | 4.1e−15 | 1.0e−16 |
//!
//! The relative columns cover the points where |f| ≥ 10⁻² for the
//! functions with zeros (ln Γ, ψ, the Bessel functions, ln B, B's
//! derivatives) and every point for the others; the last column is the
//! largest absolute error at the remaining points (the Bessel functions
//! at their first 20 zeros, ψ around its root, ln Γ at 1 and 2). β's f″
//! is ∂²B/∂a²; its f′ is the worse of ∂/∂a and ∂/∂b. Where the error is
//! largest, and why:
//!
//! * erf′, erfc′ at |x| ≈ 6–9: e^(−x²) of a rounded x² (x²·ε relative).
//! * ln Γ near its poles (x = −15 + 10⁻¹²) and ln B, P, Q for arguments in
//!   the hundreds: sums of ln Γ terms that cancel, and statrs' series
//!   tolerance of 10⁻¹⁵ per term.
//! * P′ and Q′ for a in the hundreds: the density x^(a−1)e^(−x)/Γ(a) is
//!   computed without cancellation (Temme's form), and its remaining
//!   error is the conditioning of e^(−a·φ) (1.6e−13 at a = 225).
//! * Only ψₙ for n ≥ 2 is this crate's own; mpmath's ψₙ at 60 digits is
//!   matched to 1.9e−15 at 462 points (n = 2 … 32, x from −10.25 to 10⁶)
//!   and to 1e−13 at n = 60, 100 and 200.
//!
//! Second derivatives through [`Dual2`](crate::Dual2) agree with nested
//! duals to 1e−12 relative, and with the tables' mpmath second derivatives
//! to the figures `tests/it/special.rs` asserts.

mod dual;
mod dual2;
mod float;
mod polygamma;

pub(crate) use dual::bessel_slope;

use num_traits::Float;

/// The special functions, on `f32`, `f64`, [`Dual`](crate::Dual),
/// [`Dual2`](crate::Dual2) and `sparse::Tracer`: write a function once over `S: SpecialFloat`
/// and differentiate it with any driver.
///
/// On duals each method has its exact derivative (see the [module
/// docs](self) for the rules, the values at poles and the accuracy table);
/// the inherent methods of `Dual` and `Dual2` with the same names are the
/// same functions.
///
/// ```
/// use dualgrad::special::SpecialFloat;
/// use dualgrad::{derivative, second_derivative};
///
/// /// The standard normal CDF Φ(x) = erfc(−x/√2)/2.
/// fn normal_cdf<S: SpecialFloat>(x: S) -> S {
///     let half = S::from(0.5).unwrap();
///     (-x * S::from(std::f64::consts::FRAC_1_SQRT_2).unwrap()).erfc_fn() * half
/// }
/// // Φ′ is the density φ(x) = e^(−x²/2)/√(2π), and Φ″ = −x·φ(x).
/// let x = 0.7;
/// let density = (-x * x / 2.0_f64).exp() / (2.0 * std::f64::consts::PI).sqrt();
/// assert!((derivative(normal_cdf, x) - density).abs() < 1e-16);
/// assert!((second_derivative(normal_cdf, x) + x * density).abs() < 1e-16);
/// assert!((normal_cdf(0.0_f64) - 0.5).abs() < 1e-16);
/// ```
pub trait SpecialFloat: Float {
    /// The error function erf x = 2/√π·∫₀ˣ e^(−t²) dt (libm). Named with
    /// `_fn`: see [Names](self#names).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.erf_fn() - 0.842_700_792_949_714_9).abs() < 1e-16);
    /// ```
    #[must_use]
    #[doc(alias = "erf")]
    fn erf_fn(self) -> Self;

    /// The complementary error function erfc x = 1 − erf x, accurate where
    /// erf x is near 1 (libm).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((5.0_f64.erfc_fn() - 1.537_459_794_428_034_8e-12).abs() < 1e-27);
    /// ```
    #[must_use]
    #[doc(alias = "erfc")]
    fn erfc_fn(self) -> Self;

    /// The inverse error function: erf(erf⁻¹ y) = y on [−1, 1], ±∞ at ±1,
    /// NaN outside (`special`).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((0.5_f64.erf_inv() - 0.476_936_276_204_469_9).abs() < 1e-16);
    /// ```
    #[must_use]
    fn erf_inv(self) -> Self;

    /// The gamma function Γ(x) = ∫₀^∞ tˣ⁻¹e⁻ᵗ dt, continued to x < 0 (libm's
    /// `tgamma`): Γ(n) = (n − 1)!. Named with `_fn`: see [Names](self#names).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert_eq!(5.0_f64.gamma_fn(), 24.0);
    /// assert!((0.5_f64.gamma_fn() - std::f64::consts::PI.sqrt()).abs() < 1e-15);
    /// ```
    #[must_use]
    #[doc(alias = "gamma", alias = "tgamma")]
    fn gamma_fn(self) -> Self;

    /// ln|Γ(x)|, finite far beyond where Γ overflows (libm's `lgamma_r`);
    /// the sign of Γ(x) is [`gamma_sign`](Self::gamma_sign).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((101.0_f64.ln_gamma_fn() - 363.739_375_555_563_5).abs() < 1e-12);
    /// assert!(((-0.5_f64).ln_gamma_fn() - (2.0 * std::f64::consts::PI.sqrt()).ln()).abs() < 1e-15);
    /// ```
    #[must_use]
    #[doc(alias = "ln_gamma", alias = "lgamma")]
    fn ln_gamma_fn(self) -> Self;

    /// The sign of Γ(x): 1 or −1 (1 at the poles, as C's `lgamma_r`; NaN
    /// for NaN), so that Γ(x) = sign·e^(ln|Γ(x)|). Piecewise constant: its
    /// derivative is 0.
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert_eq!((-0.5_f64).gamma_sign(), -1.0);
    /// assert_eq!((-1.5_f64).gamma_sign(), 1.0);
    /// ```
    #[must_use]
    fn gamma_sign(self) -> Self;

    /// The digamma function ψ(x) = d/dx ln Γ(x) (`special` for x ≥ 0, the
    /// reflection ψ(x) = ψ(1 − x) − π·cot(πx) below).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// let euler_gamma = 0.577_215_664_901_532_9;
    /// assert!((1.0_f64.digamma() + euler_gamma).abs() < 1e-15);
    /// ```
    #[must_use]
    fn digamma(self) -> Self;

    /// The trigamma function ψ₁(x) = d/dx ψ(x) (`special` for x > 0, the
    /// reflection ψ₁(x) = π²/sin²(πx) − ψ₁(1 − x) below).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// let pi = std::f64::consts::PI;
    /// assert!((1.0_f64.trigamma() - pi * pi / 6.0).abs() < 1e-15);
    /// ```
    #[must_use]
    fn trigamma(self) -> Self;

    /// The polygamma function ψₙ(x) = dⁿ/dxⁿ ψ(x): ψ₀ = ψ, ψ₁ the trigamma
    /// function, and for n ≥ 2 this crate's own Hurwitz-zeta sum with an
    /// Euler–Maclaurin tail (within 1e−13 relative of mpmath on x > 0).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// let zeta3 = 1.202_056_903_159_594_3; // ψ₂(1) = −2ζ(3)
    /// assert!((1.0_f64.polygamma(2) + 2.0 * zeta3).abs() < 1e-15);
    /// ```
    #[must_use]
    fn polygamma(self, n: u32) -> Self;

    /// The beta function B(a, b) = Γ(a)Γ(b)/Γ(a + b), with a = `self`.
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((2.0_f64.beta(3.0) - 1.0 / 12.0).abs() < 1e-16);
    /// ```
    #[must_use]
    fn beta(self, b: Self) -> Self;

    /// ln|B(a, b)| = ln|Γ(a)| + ln|Γ(b)| − ln|Γ(a + b)|, with a = `self`.
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((2.0_f64.ln_beta(3.0) + 12.0_f64.ln()).abs() < 1e-15);
    /// ```
    #[must_use]
    fn ln_beta(self, b: Self) -> Self;

    /// The regularised lower incomplete gamma function
    /// P(a, x) = ∫₀ˣ tᵃ⁻¹e⁻ᵗ dt / Γ(a), with a = `self` (`statrs`): the
    /// gamma distribution's CDF. NaN for a ≤ 0, x < 0 or a > 10¹⁰.
    /// The derivative in a is NaN (not provided): see the [module
    /// docs](self#derivatives).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// // P(1, x) = 1 − e⁻ˣ
    /// assert!((1.0_f64.gamma_p(2.0) - (1.0 - (-2.0_f64).exp())).abs() < 1e-15);
    /// ```
    #[must_use]
    fn gamma_p(self, x: Self) -> Self;

    /// The regularised upper incomplete gamma function
    /// Q(a, x) = 1 − P(a, x), computed directly so that the upper tail keeps
    /// its digits (`statrs`).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// let q = 1.0_f64.gamma_q(30.0); // e⁻³⁰
    /// assert!((q - (-30.0_f64).exp()).abs() < 1e-13 * q);
    /// ```
    #[must_use]
    fn gamma_q(self, x: Self) -> Self;

    /// The Bessel function of the first kind of order 0, J₀(x) (libm).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.bessel_j0() - 0.765_197_686_557_966_6).abs() < 1e-16);
    /// ```
    #[must_use]
    fn bessel_j0(self) -> Self;

    /// The Bessel function of the first kind of order 1, J₁(x) (libm).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.bessel_j1() - 0.440_050_585_744_933_5).abs() < 1e-16);
    /// ```
    #[must_use]
    fn bessel_j1(self) -> Self;

    /// The Bessel function of the first kind of integer order n, Jₙ(x)
    /// (libm), J₋ₙ = (−1)ⁿJₙ.
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.bessel_jn(2) - 0.114_903_484_931_900_5).abs() < 1e-16);
    /// ```
    #[must_use]
    fn bessel_jn(self, n: i32) -> Self;

    /// The Bessel function of the second kind of order 0, Y₀(x) (libm):
    /// −∞ at 0, NaN for x < 0.
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.bessel_y0() - 0.088_256_964_215_676_96).abs() < 1e-16);
    /// ```
    #[must_use]
    fn bessel_y0(self) -> Self;

    /// The Bessel function of the second kind of order 1, Y₁(x) (libm).
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.bessel_y1() + 0.781_212_821_300_288_7).abs() < 1e-15);
    /// ```
    #[must_use]
    fn bessel_y1(self) -> Self;

    /// The Bessel function of the second kind of integer order n, Yₙ(x)
    /// (libm), Y₋ₙ = (−1)ⁿYₙ.
    ///
    /// ```
    /// use dualgrad::special::SpecialFloat;
    /// assert!((1.0_f64.bessel_yn(2) + 1.650_682_606_816_254_4).abs() < 1e-15);
    /// ```
    #[must_use]
    fn bessel_yn(self, n: i32) -> Self;
}
