//! The second-order chain rule, and where its coefficients come from.
//!
//! For y = g(u), given g, g′ and g″ at u's value:
//!
//! ```text
//! ∇y  = g′·∇u
//! ∇²y = g′·∇²u + g″·∇u∇uᵀ      entry (i, j): ∂ᵢu·(g″·∂ⱼu) + g′·∂ᵢⱼu
//! ```
//!
//! and for y = g(u, w), given g and its first and second partials:
//!
//! ```text
//! ∇y  = g_u·∇u + g_w·∇w
//! ∇²y = (∂ᵢu·c_u,ⱼ + g_u·∂ᵢⱼu) + (∂ᵢw·c_w,ⱼ + g_w·∂ᵢⱼw)
//!       with c_u = g_uu·∇u + g_uw·∇w,  c_w = g_wu·∇u + g_ww·∇w
//! ```
//!
//! Only entries i ≤ j are computed. The operations are ordered as nested
//! duals `Dual<Dual<T, N>, N>` order them for entry (i, j) (outer
//! direction i, inner j), so the two agree to rounding.
//!
//! **Where g, g′ and g″ come from.** Not from a second rule table: the
//! elementary function's first-order rule on [`Dual`] is evaluated on a
//! nested dual of width 1, `Dual<Dual<T, 1>, 1>` seeded at u's value
//! ([`univariate`]); its value is g, its inner partial g′ and its outer
//! partial's inner partial g″. Two-argument functions are evaluated on
//! `Dual<Dual<T, 2>, 2>` ([`bivariate`]). Each function's rule thus stays in
//! one place, with its semantics at kinks and singular points; LLVM folds
//! the nested evaluation to about the direct formula's cost
//! (BENCHMARKS.md, "Zoo Hessians").
//!
//! **Singular functions** (√, ln, division, `powf`, …: those whose `Dual`
//! rule is guarded) keep the promise of `partials::scale_guarded` at second
//! order, as nested duals do: a zero partial times an infinite or NaN
//! coefficient is 0, so a constant keeps zero gradient and Hessian. When a
//! coefficient is not finite, the rare path skips each operand row whose
//! first and second partials are all zero, as the nested dual's guarded
//! outer rule skips each zero outer partial.

// Index loops over the triangle i ≤ j, as in `partials.rs`, so that the
// kernels stay small enough to inline.
#![allow(clippy::needless_range_loop)]

use num_traits::Float;

use super::{Dual2, row_start};
use crate::Dual;
use crate::number::partials::{self, is_finite};

/// A nested dual of width 1: value, first and second derivative of a
/// function of one variable.
pub(super) type Univariate<T> = Dual<Dual<T, 1>, 1>;

/// A nested dual of width 2, for functions of two variables.
pub(super) type Bivariate<T> = Dual<Dual<T, 2>, 2>;

/// The variable t seeded for a second derivative: (t + δ) + (1 + 0δ)ε.
#[inline(always)]
pub(super) fn univariate<T: Float>(t: T) -> Univariate<T> {
    Dual::new(Dual::variable(t, 0), [Dual::constant(T::one())])
}

/// (g, g′, g″) from g evaluated on [`univariate`].
#[inline(always)]
pub(super) fn derivatives<T: Float>(y: Univariate<T>) -> (T, T, T) {
    (
        y.value().value(),
        y.value().partials()[0],
        y.partials()[0].partials()[0],
    )
}

/// The two variables (a, b) seeded in slots 0 and 1, each only if
/// `seed_a` / `seed_b` (a constant operand is a constant here too, so
/// that a rule that asks whether an argument is constant, as `powf` does
/// of its exponent, answers as it would on the nested dual).
#[inline(always)]
fn bivariate<T: Float>(a: T, seed_a: bool, b: T, seed_b: bool) -> (Bivariate<T>, Bivariate<T>) {
    let seed = |t: T, i: usize, on: bool| {
        if on {
            Dual::new(Dual::variable(t, i), partials::unit(i))
        } else {
            Dual::constant(Dual::constant(t))
        }
    };
    (seed(a, 0, seed_a), seed(b, 1, seed_b))
}

/// g(u, w)'s value and its first and second partials at (u, w).
#[derive(Clone, Copy)]
pub(super) struct Partials2<T> {
    pub(super) value: T,
    pub(super) du: T,
    pub(super) dw: T,
    pub(super) duu: T,
    /// ∂/∂w of g_u.
    pub(super) duw: T,
    /// ∂/∂u of g_w.
    pub(super) dwu: T,
    pub(super) dww: T,
}

impl<T: Float, const N: usize> Dual2<T, N> {
    /// A function g of one argument applied to this number, from g written
    /// for [`Dual`]: `g` is evaluated on a nested dual of width 1 at this
    /// number's value, which gives g, g′ and g″, and the second-order chain
    /// rule does the rest. This is how every elementary function of `Dual2`
    /// reuses its `Dual` rule, without a second derivative formula. IEEE
    /// arithmetic, as `Dual::chain`.
    ///
    /// **For a function of your own, prefer
    /// [`Real::chain_rule`](crate::Real::chain_rule)**, which takes g, g′
    /// and g″ at the plain value and serves every number type at once.
    /// `apply` is for code on a concrete `Dual2` that already has g as a
    /// `Dual` function. Because the `Dual` rule is itself differentiated,
    /// write its derivative expression so that it stays finite where the
    /// function does: a derivative computed as `e⁻ˣ/(1 + e⁻ˣ)²` overflows
    /// to NaN at x = −800 where `σ(1 − σ)` gives 0.
    ///
    /// ```
    /// use dualgrad::{Dual, Dual2};
    ///
    /// // g(u) = u·sin u through its Dual form: g″ = 2 cos u − u sin u.
    /// let x = Dual2::<f64, 1>::variable(0.5, 0);
    /// let y = x.apply(|u: Dual<Dual<f64, 1>, 1>| u * u.sin());
    /// let want = 2.0 * 0.5_f64.cos() - 0.5 * 0.5_f64.sin();
    /// assert!((y.hessian_entry(0, 0) - want).abs() < 1e-15);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn apply(self, g: impl Fn(Dual<Dual<T, 1>, 1>) -> Dual<Dual<T, 1>, 1>) -> Self {
        let (value, d1, d2) = derivatives(g(univariate(self.value)));
        self.chain(value, d1, d2)
    }

    /// A function g of two arguments applied to `self` and `other`, from g
    /// written for [`Dual`] (see [`apply`](Self::apply)): evaluated on
    /// nested duals of width 2 for g's value, gradient and Hessian.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let (x, y) = (Dual2::<f64, 2>::variable(2.0, 0), Dual2::variable(3.0, 1));
    /// // g(a, b) = a²·b through its Dual form.
    /// let z = x.apply2(y, |a, b| a * a * b);
    /// assert_eq!((z.value(), *z.gradient()), (12.0, [12.0, 4.0]));
    /// assert_eq!(z.hessian(), [[6.0, 4.0], [4.0, 0.0]]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn apply2(
        self,
        other: Self,
        g: impl Fn(Dual<Dual<T, 2>, 2>, Dual<Dual<T, 2>, 2>) -> Dual<Dual<T, 2>, 2>,
    ) -> Self {
        let p = evaluate2(self.value, true, other.value, true, g);
        self.chain2(other, p)
    }

    /// [`apply`](Self::apply) for a singular function: zero partials stay
    /// zero.
    #[inline(always)]
    pub(super) fn apply_guarded(self, g: impl Fn(Univariate<T>) -> Univariate<T>) -> Self {
        let (value, d1, d2) = derivatives(g(univariate(self.value)));
        self.chain_guarded(value, d1, d2)
    }

    /// [`apply2`](Self::apply2) for a singular function: zero partials
    /// stay zero, and a constant operand is seeded as a constant.
    #[inline(always)]
    pub(crate) fn apply2_guarded(
        self,
        other: Self,
        g: impl Fn(Bivariate<T>, Bivariate<T>) -> Bivariate<T>,
    ) -> Self {
        let (vary_u, vary_w) = (!self.is_constant(), !other.is_constant());
        let mut p = evaluate2(self.value, vary_u, other.value, vary_w, g);
        // A constant operand's partials are zero: its terms vanish.
        if !vary_u {
            (p.du, p.duu, p.duw, p.dwu) = (T::zero(), T::zero(), T::zero(), T::zero());
        }
        if !vary_w {
            (p.dw, p.dww, p.dwu, p.duw) = (T::zero(), T::zero(), T::zero(), T::zero());
        }
        self.chain2_guarded(other, p)
    }

    /// The second-order chain rule for y = g(u), given g(a), g′(a) and
    /// g″(a) at this number's value a: ∇y = g′∇u, ∇²y = g′∇²u + g″∇u∇uᵀ, in
    /// IEEE arithmetic. For a function whose derivatives you have in closed
    /// form; [`apply`](Self::apply) gets them from a `Dual` rule instead.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 1>::variable(2.0, 0);
    /// // g = x³: g′ = 3x², g″ = 6x.
    /// let y = x.chain(8.0, 12.0, 12.0);
    /// assert_eq!((y.value(), y.gradient()[0], y.hessian_entry(0, 0)), (8.0, 12.0, 12.0));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn chain(self, value: T, d1: T, d2: T) -> Self {
        let c = partials::scale(d2, &self.gradient);
        let hessian = plain_hessian(&self.gradient, &self.hessian, d1, &c);
        Self {
            value,
            gradient: partials::scale(d1, &self.gradient),
            hessian,
            tag: self.tag,
        }
    }

    /// y = g(u) for a singular g: a zero first or second partial of u
    /// contributes 0 even where g′ or g″ is ±∞ or NaN.
    #[inline(always)]
    pub(crate) fn chain_guarded(self, value: T, d1: T, d2: T) -> Self {
        let c = partials::scale_guarded(d2, &self.gradient);
        let hessian = if is_finite(d1 + sum(&c)) {
            plain_hessian(&self.gradient, &self.hessian, d1, &c)
        } else {
            hessian_skipping_zero_rows(self, d1, c)
        };
        Self {
            value,
            gradient: partials::scale_guarded(d1, &self.gradient),
            hessian,
            tag: self.tag,
        }
    }

    /// y = g(u, w), in IEEE arithmetic.
    #[inline(always)]
    pub(super) fn chain2(self, other: Self, p: Partials2<T>) -> Self {
        let (gu, gw) = (&self.gradient, &other.gradient);
        let cu = partials::combine(p.duu, gu, p.duw, gw);
        let cw = partials::combine(p.dwu, gu, p.dww, gw);
        Self {
            value: p.value,
            gradient: partials::combine(p.du, gu, p.dw, gw),
            hessian: plain_hessian2(&self, &other, &p, &cu, &cw),
            tag: self.tag.join(other.tag),
        }
    }

    /// y = g(u, w) for a singular g: zero partials contribute 0.
    #[inline(always)]
    pub(super) fn chain2_guarded(self, other: Self, p: Partials2<T>) -> Self {
        let (gu, gw) = (&self.gradient, &other.gradient);
        let cu = partials::combine_guarded(p.duu, gu, p.duw, gw);
        let cw = partials::combine_guarded(p.dwu, gu, p.dww, gw);
        self.combine_singular(other, p.value, p.du, p.dw, cu, cw)
    }

    /// The guarded second-order rule of y = g(u, w) from g_u, g_w and the
    /// coefficient slopes c_u = ∇g_u, c_w = ∇g_w (already in the
    /// directions of x: division computes them as nested duals do).
    #[inline(always)]
    pub(super) fn combine_singular(
        self,
        other: Self,
        value: T,
        du: T,
        dw: T,
        cu: [T; N],
        cw: [T; N],
    ) -> Self {
        let (gu, gw) = (&self.gradient, &other.gradient);
        let p = Partials2 {
            value,
            du,
            dw,
            duu: T::zero(),
            duw: T::zero(),
            dwu: T::zero(),
            dww: T::zero(),
        };
        let hessian = if is_finite(du + dw + sum(&cu) + sum(&cw)) {
            plain_hessian2(&self, &other, &p, &cu, &cw)
        } else {
            hessian2_skipping_zero_rows(self, other, p, cu, cw)
        };
        Self {
            value,
            gradient: partials::combine_guarded(du, gu, dw, gw),
            hessian,
            tag: self.tag.join(other.tag),
        }
    }

    /// This number times the constant `c`, with value `value`: ∇y = c·∇u,
    /// ∇²y = c·∇²u.
    #[inline(always)]
    pub(super) fn scaled(self, value: T, c: T) -> Self {
        let mut hessian = self.hessian;
        for i in 0..N {
            for j in row_start(i)..N {
                hessian[i][j] = c * hessian[i][j];
            }
        }
        Self {
            value,
            gradient: partials::scale(c, &self.gradient),
            hessian,
            tag: self.tag,
        }
    }
}

/// g evaluated on the seeded (a, b), read out.
#[inline(always)]
fn evaluate2<T: Float>(
    a: T,
    seed_a: bool,
    b: T,
    seed_b: bool,
    g: impl Fn(Bivariate<T>, Bivariate<T>) -> Bivariate<T>,
) -> Partials2<T> {
    let (x, y) = bivariate(a, seed_a, b, seed_b);
    let r = g(x, y);
    let (first, second) = r.into_parts();
    Partials2 {
        value: first.value(),
        du: first.partials()[0],
        dw: first.partials()[1],
        duu: second[0].partials()[0],
        duw: second[0].partials()[1],
        dwu: second[1].partials()[0],
        dww: second[1].partials()[1],
    }
}

/// Entries i ≤ j of ∂ᵢu·cⱼ + g′·∂ᵢⱼu (the lower triangle keeps u's).
#[inline(always)]
fn plain_hessian<T: Float, const N: usize>(
    g: &[T; N],
    h: &[[T; N]; N],
    d1: T,
    c: &[T; N],
) -> [[T; N]; N] {
    let mut out = *h;
    for i in 0..N {
        let gi = g[i];
        for j in row_start(i)..N {
            out[i][j] = gi * c[j] + d1 * out[i][j];
        }
    }
    out
}

/// The rare path of [`Dual2::chain_guarded`]: rows of u whose first and
/// second partials are all zero give 0 (the nested dual's guarded outer
/// rule skips such an outer partial); the others follow IEEE arithmetic.
#[cold]
#[inline(never)]
fn hessian_skipping_zero_rows<T: Float, const N: usize>(
    u: Dual2<T, N>,
    d1: T,
    c: [T; N],
) -> [[T; N]; N] {
    let mut out = u.hessian;
    for i in 0..N {
        let skip = u.gradient[i].is_zero() && u.row_is_zero(i);
        for j in row_start(i)..N {
            out[i][j] = if skip {
                T::zero()
            } else {
                u.gradient[i] * c[j] + d1 * u.hessian[i][j]
            };
        }
    }
    out
}

/// Entries i ≤ j of (∂ᵢu·c_u,ⱼ + g_u·∂ᵢⱼu) + (∂ᵢw·c_w,ⱼ + g_w·∂ᵢⱼw).
#[inline(always)]
fn plain_hessian2<T: Float, const N: usize>(
    u: &Dual2<T, N>,
    w: &Dual2<T, N>,
    p: &Partials2<T>,
    cu: &[T; N],
    cw: &[T; N],
) -> [[T; N]; N] {
    let mut out = u.hessian;
    for i in 0..N {
        let (ui, wi) = (u.gradient[i], w.gradient[i]);
        for j in i..N {
            out[i][j] = (ui * cu[j] + p.du * out[i][j]) + (wi * cw[j] + p.dw * w.hessian[i][j]);
        }
    }
    out
}

/// The rare path of [`Dual2::chain2_guarded`]: as
/// [`hessian_skipping_zero_rows`], for each operand.
#[cold]
#[inline(never)]
fn hessian2_skipping_zero_rows<T: Float, const N: usize>(
    u: Dual2<T, N>,
    w: Dual2<T, N>,
    p: Partials2<T>,
    cu: [T; N],
    cw: [T; N],
) -> [[T; N]; N] {
    let mut out = u.hessian;
    for i in 0..N {
        let skip_u = u.gradient[i].is_zero() && u.row_is_zero(i);
        let skip_w = w.gradient[i].is_zero() && w.row_is_zero(i);
        for j in i..N {
            let tu = if skip_u {
                T::zero()
            } else {
                u.gradient[i] * cu[j] + p.du * u.hessian[i][j]
            };
            let tw = if skip_w {
                T::zero()
            } else {
                w.gradient[i] * cw[j] + p.dw * w.hessian[i][j]
            };
            out[i][j] = tu + tw;
        }
    }
    out
}

/// The sum of the entries: finite only if every entry is (or, rarely, not
/// even then, when it overflows; the rare path it then takes is exact too).
#[inline(always)]
fn sum<T: Float, const N: usize>(c: &[T; N]) -> T {
    c.iter().fold(T::zero(), |s, &x| s + x)
}
