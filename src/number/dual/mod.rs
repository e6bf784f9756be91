//! The [`Dual`] type: constructors, accessors, comparison and printing.
//!
//! The derivative rules live elsewhere: operators in `ops.rs`, elementary
//! functions in `elementary.rs`, `binary.rs` and `piecewise.rs`, trait
//! forwarding in `traits.rs`.

mod binary;
mod elementary;
mod ops;
mod piecewise;
mod traits;

use core::fmt;

use num_traits::Float;

use super::partials;
use super::tag::Tag;

/// A dual number `a + Σᵢ bᵢεᵢ` with `εᵢεⱼ = 0`: a value `a` and `N` partial
/// derivatives `bᵢ = ∂a/∂xᵢ`, stored inline.
///
/// Passing `Dual`s through a function `f` gives `f(a) + f′(a)·Σᵢ bᵢεᵢ`: the
/// value and all `N` partial derivatives in one evaluation. `Dual` is `Copy`,
/// never allocates, and implements [`num_traits::Float`], so any function
/// written generically over `Float` accepts it. Because `T` itself only needs
/// to be `Float`, `Dual<Dual<f64, N>, N>` gives second derivatives.
///
/// # Comparisons look at the value only
///
/// `==`, `<`, `max`, … compare [`value`](Dual::value)s and ignore the
/// partials, as in Ceres, JAX and PyTorch: a branch `if x < 0.0 { … }` in user
/// code takes the same path for a `Dual` as for the plain `f64`. To compare
/// the partials too, compare [`partials`](Dual::partials) (or use the `approx`
/// traits).
///
/// ```
/// use dualgrad::Dual;
///
/// // f(x, y) = x·y + sin(x) at (2, 3): value, ∂f/∂x = y + cos(x), ∂f/∂y = x.
/// let x = Dual::<f64, 2>::variable(2.0, 0);
/// let y = Dual::<f64, 2>::variable(3.0, 1);
/// let f = x * y + x.sin();
/// assert_eq!(f.value(), 6.0 + 2.0_f64.sin());
/// assert_eq!(f.partials(), &[3.0 + 2.0_f64.cos(), 2.0]);
/// ```
#[derive(Clone, Copy)]
pub struct Dual<T, const N: usize> {
    value: T,
    partials: [T; N],
    /// The driver call that seeded the perturbation (debug builds only; a
    /// zero-sized type in release builds). See `number/tag.rs`.
    tag: Tag,
}

impl<T: Float, const N: usize> Dual<T, N> {
    /// A dual number with the given value and partial derivatives.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let d = Dual::new(1.5, [2.0, 3.0]);
    /// assert_eq!(d.value(), 1.5);
    /// assert_eq!(d.partials(), &[2.0, 3.0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub const fn new(value: T, partials: [T; N]) -> Self {
        Self {
            value,
            partials,
            tag: Tag::NONE,
        }
    }

    /// This number's perturbation tag.
    #[inline(always)]
    pub(crate) fn tag(&self) -> Tag {
        self.tag
    }

    /// This number with the perturbation tag `tag`.
    #[inline(always)]
    pub(crate) fn tagged(self, tag: Tag) -> Self {
        Self { tag, ..self }
    }

    /// A number with `value` and `partials` and the tag of `self`: the
    /// result of a rule applied to `self` alone.
    #[inline(always)]
    pub(crate) fn derived(self, value: T, partials: [T; N]) -> Self {
        Self {
            value,
            partials,
            tag: self.tag,
        }
    }

    /// A constant: every partial derivative is 0.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let c = Dual::<f64, 3>::constant(2.0);
    /// assert_eq!(c.partials(), &[0.0; 3]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn constant(value: T) -> Self {
        Self::new(value, partials::zeros())
    }

    /// The input variable `xᵢ`: value `value`, partial `i` set to 1 and
    /// the others 0, so that partial `i` of every result is ∂/∂xᵢ.
    ///
    /// # Panics
    ///
    /// If `i >= N`: a `Dual<T, N>` has partial slots `0..N` only.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 2>::variable(3.0, 1);
    /// assert_eq!(y.partials(), &[0.0, 1.0]);
    /// ```
    #[inline]
    #[must_use]
    #[track_caller]
    pub fn variable(value: T, i: usize) -> Self {
        assert!(
            i < N,
            "Dual::variable: index {i} is out of range for a Dual with N = {N} partials \
             (valid indices are 0..{N}); to seed variable {i}, use Dual<T, {}> or larger",
            i.saturating_add(1)
        );
        Self::new(value, partials::unit(i))
    }

    /// Every input seeded at once: element i is
    /// [`variable`](Self::variable)`(x[i], i)`, as the drivers seed them (one
    /// evaluation on these gives the gradient).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let [x, y] = Dual::variables([3.0, 2.0]);
    /// let f = x * x * y;
    /// assert_eq!((f.value(), f.partials()), (18.0, &[12.0, 9.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn variables(x: [T; N]) -> [Self; N] {
        crate::number::seed::seeded(&x)
    }

    /// The value `a` of `a + Σᵢ bᵢεᵢ`: what the function returns on plain numbers.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// assert_eq!(Dual::new(1.5, [2.0]).value(), 1.5);
    /// ```
    #[inline(always)]
    #[must_use]
    pub const fn value(&self) -> T {
        self.value
    }

    /// All `N` partial derivatives `bᵢ`.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// assert_eq!(Dual::new(1.5, [2.0, 3.0]).partials(), &[2.0, 3.0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub const fn partials(&self) -> &[T; N] {
        &self.partials
    }

    /// The partial derivative `bᵢ` in direction `i`.
    ///
    /// # Panics
    ///
    /// If `i >= N`.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// assert_eq!(Dual::new(1.5, [2.0, 3.0]).partial(1), 3.0);
    /// ```
    #[inline]
    #[must_use]
    #[track_caller]
    pub fn partial(&self, i: usize) -> T {
        assert!(
            i < N,
            "Dual::partial: index {i} is out of range for a Dual with N = {N} partials \
             (valid indices are 0..{N})"
        );
        self.partials[i]
    }

    /// The value and the partials, by value.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let (v, p) = Dual::new(1.5, [2.0]).into_parts();
    /// assert_eq!((v, p), (1.5, [2.0]));
    /// ```
    #[inline]
    #[must_use]
    pub const fn into_parts(self) -> (T, [T; N]) {
        (self.value, self.partials)
    }

    /// `true` when every partial is zero, i.e. the number does not depend on
    /// any input.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// assert!(Dual::<f64, 2>::constant(4.0).is_constant());
    /// assert!(!Dual::<f64, 2>::variable(4.0, 0).is_constant());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_constant(&self) -> bool {
        self.partials.iter().all(|p| p.is_zero())
    }

    /// The chain rule of a one-argument function g: given g(a) and g′(a) at
    /// this number's value a, returns `g(a) + g′(a)·Σᵢ bᵢεᵢ`, the dual
    /// number of g applied to this one. This is how every elementary
    /// function of the crate is written, and how a user adds one of their
    /// own: compute the value and the derivative on the value, then `chain`.
    ///
    /// Each partial is multiplied by g′(a) in IEEE arithmetic: where g′(a)
    /// is ±∞ or NaN, a zero partial becomes NaN (0·∞). For a function with
    /// such points, return the limit you want there instead.
    ///
    /// **For a function of your own, prefer [`Real::chain_rule`](crate::Real::chain_rule):**
    /// written once from g, g′, g″ at the plain value, it is right on every
    /// number type (`f64`, `Dual`, `Dual2`, nested duals, the sparsity
    /// tracer) and callable from any `fn f<S: Real>`. `chain` is the
    /// first-order step underneath, for code on a concrete `Dual`.
    ///
    /// ```
    /// use dualgrad::Dual;
    ///
    /// // g = eˣ − x on Dual<f64, 2>: g′ = eˣ − 1.
    /// let x = Dual::<f64, 2>::variable(0.5, 1);
    /// let e = x.value().exp();
    /// let y = x.chain(e - x.value(), e - 1.0);
    /// assert_eq!(y.partials(), &[0.0, 0.5_f64.exp() - 1.0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn chain(self, value: T, derivative: T) -> Self {
        self.derived(value, partials::scale(derivative, &self.partials))
    }

    /// [`chain`](Self::chain) for a rule whose derivative can be ±∞ or NaN
    /// at a finite argument (√ at 0, ln at 0, …): a zero partial stays zero
    /// there, so a constant never gets NaN partials.
    #[inline(always)]
    pub(crate) fn chain_guarded(self, value: T, derivative: T) -> Self {
        self.derived(value, partials::scale_guarded(derivative, &self.partials))
    }

    /// The chain rule of a two-argument function g(a, c): given g(a, c),
    /// ∂g/∂a and ∂g/∂c at the values a of `self` and c of `other`, returns
    /// `g(a, c) + Σᵢ (∂g/∂a·bᵢ + ∂g/∂c·dᵢ)εᵢ`. As [`chain`](Self::chain),
    /// in IEEE arithmetic.
    ///
    /// ```
    /// use dualgrad::{Dual, gradient};
    /// use num_traits::Float;
    ///
    /// /// log(eᵃ + eᶜ) without overflow, with ∂/∂a = eᵃ/(eᵃ + eᶜ).
    /// trait LogAddExp: Float {
    ///     fn log_add_exp(self, other: Self) -> Self;
    /// }
    ///
    /// impl LogAddExp for f64 {
    ///     fn log_add_exp(self, other: f64) -> f64 {
    ///         let m = self.max(other);
    ///         m + ((self - m).exp() + (other - m).exp()).ln()
    ///     }
    /// }
    ///
    /// impl<T: LogAddExp, const N: usize> LogAddExp for Dual<T, N> {
    ///     fn log_add_exp(self, other: Self) -> Self {
    ///         let (a, c) = (self.value(), other.value());
    ///         let v = a.log_add_exp(c);
    ///         self.chain2(other, v, (a - v).exp(), (c - v).exp())
    ///     }
    /// }
    ///
    /// fn f<S: LogAddExp>(x: &[S]) -> S {
    ///     x[0].log_add_exp(x[1])
    /// }
    /// // e¹⁰⁰⁰ overflows f64; this does not. Both slopes are 1/2.
    /// let g = gradient(f, [1000.0, 1000.0]);
    /// assert!(g.iter().all(|d| (d - 0.5).abs() < 1e-12));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn chain2(self, other: Self, value: T, d_self: T, d_other: T) -> Self {
        let partials = partials::combine(d_self, &self.partials, d_other, &other.partials);
        Self::new(value, partials).tagged(self.tag.join(other.tag))
    }

    /// [`chain2`](Self::chain2) for a rule whose partial derivatives can be
    /// ±∞ or NaN at finite arguments (division by 0, `powf` at 0, …).
    #[inline(always)]
    pub(crate) fn chain2_guarded(self, other: Self, value: T, d_self: T, d_other: T) -> Self {
        let partials = partials::combine_guarded(d_self, &self.partials, d_other, &other.partials);
        Self::new(value, partials).tagged(self.tag.join(other.tag))
    }
}

constant_conversions!(Dual);
value_comparisons!(Dual);
nested_value_comparisons!(f32, f64);

/// `Dual { value: …, partials: […] }` (the debug-build perturbation tag
/// is not shown).
///
/// ```
/// use dualgrad::Dual;
/// let d = Dual::new(1.5, [2.0]);
/// assert_eq!(format!("{d:?}"), "Dual { value: 1.5, partials: [2.0] }");
/// ```
impl<T: fmt::Debug, const N: usize> fmt::Debug for Dual<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dual")
            .field("value", &self.value)
            .field("partials", &self.partials)
            .finish()
    }
}

impl<T: fmt::Display, const N: usize> fmt::Display for Dual<T, N> {
    /// Prints `a + [b₀, b₁, …]ε`, honouring a precision such as `{:.3}`.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// assert_eq!(Dual::new(1.5, [2.0, 3.0]).to_string(), "1.5 + [2, 3]ε");
    /// assert_eq!(format!("{:.2}", Dual::new(1.0, [0.5])), "1.00 + [0.50]ε");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)?;
        f.write_str(" + [")?;
        for (i, p) in self.partials.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            fmt::Display::fmt(p, f)?;
        }
        f.write_str("]ε")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_ignore_partials() {
        let a = Dual::new(1.0, [5.0]);
        let b = Dual::new(1.0, [-5.0]);
        assert_eq!(a, b);
        assert!(Dual::new(0.5, [9.0]) < Dual::new(1.0, [0.0]));
        assert!(a == 1.0 && a < 2.0 && a > 0.0);
        assert!(1.0 == a && 2.0 > a && 0.0 < a && 1.0 <= a && 1.0 >= a);
        assert!(!(2.0 == a) && 2.0 != a);
        let f = Dual::<f32, 1>::new(1.5, [1.0]);
        assert!(1.5_f32 == f && 2.0_f32 > f);
    }

    #[test]
    #[should_panic(expected = "index 2 is out of range for a Dual with N = 2")]
    fn variable_out_of_range_names_the_fix() {
        let _ = Dual::<f64, 2>::variable(1.0, 2);
    }

    #[test]
    fn display_of_nested_dual_is_readable() {
        let inner = Dual::new(1.0, [1.0]);
        let d = Dual::new(inner, [Dual::new(2.0, [0.0])]);
        assert_eq!(d.to_string(), "1 + [1]ε + [2 + [0]ε]ε");
    }
}
