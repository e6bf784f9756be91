//! [`Real`]: the one trait every number type of the crate implements, and
//! the way to write a function once for all of them.
//!
//! A function written as `fn f<S: Real>(x: &[S]) -> S` runs on `f64` and
//! `f32`, on [`Dual`] (gradients), [`Dual2`] (Hessians), nested duals
//! (higher derivatives) and the sparsity tracer `sparse::Tracer`. `Real` is
//! [`Float`] plus, with the `special` feature, the special functions of
//! [`SpecialFloat`](crate::special::SpecialFloat), plus
//! [`chain_rule`](Real::chain_rule): an elementary function of one's own,
//! given by its value and derivatives at a plain number, becomes a
//! function of every number type.

use core::fmt;
use core::iter::{Product, Sum};

use num_traits::Float;

use crate::{Dual, Dual2};

/// Defines [`Real`] with the supertraits of the enabled features, so that
/// the trait and its docs are written once.
macro_rules! real_trait {
    ($($special:path)?) => {
        /// A real number of any of the crate's types: `f32`, `f64`,
        /// [`Dual`], [`Dual2`], nested duals (`Dual<Dual<f64, 2>, 2>`, …)
        /// and `sparse::Tracer`. **Write a differentiable function as
        /// `fn f<S: Real>`**: it then goes to every driver, with the special
        /// functions (feature `special`) and rules of your own.
        ///
        /// `Real` is [`Float`] (and, with the `special` feature,
        /// [`SpecialFloat`](crate::special::SpecialFloat)), with `Sum`,
        /// `Product` and `Debug` so that `iter.sum()` and `{:?}` work on
        /// every type, plus three items:
        /// the plain float at the bottom of the type
        /// ([`Primitive`](Real::Primitive), [`primitive`](Real::primitive)),
        /// the order of the derivatives the type carries
        /// ([`ORDER`](Real::ORDER)), and [`chain_rule`](Real::chain_rule),
        /// which applies a function g of one argument given g, g′, g″, … at
        /// the primitive value. It also gives two functions that `Float`
        /// lacks, [`logistic`](Real::logistic) and
        /// [`softplus`](Real::softplus), right on every type and to every
        /// order.
        ///
        /// # A rule of your own, written once
        ///
        /// softplus(x) = ln(1 + eˣ) has g′ = σ(x) = 1/(1 + e⁻ˣ) and
        /// g″ = σ(x)·(1 − σ(x)). Written once with `chain_rule`, it serves
        /// `f64`, gradients, Hessians and nested duals alike. (The crate's
        /// own [`softplus`](Real::softplus) is this rule, in a form that
        /// neither overflows nor loses digits, to any order.)
        ///
        /// ```
        /// use dualgrad::{Real, derivative, gradient, hessian};
        /// use num_traits::Float; // the primitive float's methods (exp, ln_1p, …)
        ///
        /// fn my_softplus<S: Real>(x: S) -> S {
        ///     let a = x.primitive(); // S::Primitive: f64 or f32
        ///     let one: S::Primitive = num_traits::one();
        ///     let sigma = one / (one + (-a).exp());
        ///     x.chain_rule(&[a.exp().ln_1p(), sigma, sigma * (one - sigma)])
        /// }
        ///
        /// // f(w) = Σ softplus(wᵢ·xᵢ), a logistic-regression-style loss.
        /// fn loss<S: Real>(w: &[S]) -> S {
        ///     let x = [0.5, -1.0, 2.0];
        ///     w.iter().zip(x).map(|(&wi, xi)| my_softplus(wi * S::from(xi).unwrap())).sum()
        /// }
        ///
        /// let sigma = |t: f64| 1.0 / (1.0 + (-t).exp());
        /// let w = [0.3, -0.2, 0.1];
        /// // The gradient on Dual, the Hessian on Dual2:
        /// let g = gradient(loss, w);
        /// let h = hessian(loss, w);
        /// for i in 0..3 {
        ///     let x = [0.5, -1.0, 2.0][i];
        ///     let s = sigma(w[i] * x);
        ///     assert!((g[i] - s * x).abs() < 1e-15);
        ///     assert!((h[i][i] - s * (1.0 - s) * x * x).abs() < 1e-15);
        /// }
        /// // … and nested duals: the second derivative by differentiating twice.
        /// let d2 = derivative(|x| derivative(my_softplus, x), 0.7);
        /// assert!((d2 - sigma(0.7) * (1.0 - sigma(0.7))).abs() < 1e-15);
        /// ```
        ///
        /// Such a function goes to the drivers that take
        /// [`ScalarFn`](crate::ScalarFn) and [`VectorFn`](crate::VectorFn)
        /// too (`chunk::gradient_of`, the gradient checker, `sparse`, the
        /// argmin adapter), whose `eval` is generic over every `S: Real`.
        ///
        /// **Generic over the primitive.** Inside such a rule, `a` has the
        /// type `S::Primitive` (`f64` or `f32`): its methods need
        /// `use num_traits::Float`, and constants come from
        /// `num_traits::one()` or `num_traits::cast::<f64, S::Primitive>(c).unwrap()`
        /// (`S::Primitive::from(c)` is `From::from` and does not compile). A
        /// rule written for `S: Real<Primitive = f64>` can do plain `f64`
        /// arithmetic and works with the closure drivers on `f64`, but
        /// cannot be called from `ScalarFn::eval`, which must accept every
        /// `Real` (rustc says ``type mismatch resolving `<S as Real>::Primitive == f64` ``);
        /// there, compute in `f64` from `a.to_f64()` and cast each
        /// derivative back with `num_traits::cast`.
        ///
        /// # Higher derivatives
        ///
        /// Nesting a driver over [`Dual2`] gives three orders at once:
        /// `derivative(f, Dual2::variable(x, 0))` is f′(x) as a `Dual2`,
        /// whose gradient is f″(x) and whose Hessian is f‴(x), with every
        /// rule, `chain_rule` ones included, reading up to g‴
        /// ([`ORDER`](Real::ORDER) 3).
        ///
        /// ```
        /// use dualgrad::{Dual2, Real, derivative};
        ///
        /// fn f<S: Real>(x: S) -> S {
        ///     x.powi(5) // f′ = 5x⁴, f″ = 20x³, f‴ = 60x²
        /// }
        /// let d = derivative(f, Dual2::<f64, 1>::variable(2.0, 0));
        /// assert_eq!((d.value(), d.gradient()[0], d.hessian_entry(0, 0)), (80.0, 160.0, 240.0));
        /// ```
        $(#[doc = concat!("\n\nWith the `special` feature, `Real` is also [`", stringify!($special), "`](crate::special::SpecialFloat).")])?
        pub trait Real: Float + Sum + Product + fmt::Debug $(+ $special)? {
            /// The primitive float at the bottom of the type: `f32` or
            /// `f64` (`f64` for `Dual<Dual2<f64, 3>, 2>` and for
            /// `sparse::Tracer`).
            ///
            /// ```
            /// use dualgrad::{Dual, Real};
            /// let x: <Dual<Dual<f32, 1>, 2> as Real>::Primitive = 1.5;
            /// assert_eq!(x, 1.5_f32);
            /// ```
            type Primitive: Real;

            /// The highest derivative order this type carries, and so the
            /// last index of the derivatives
            /// [`chain_rule`](Real::chain_rule) reads: 0 for `f32`, `f64`
            /// and `sparse::Tracer`, 1 for `Dual<f64, N>`, 2 for
            /// `Dual2<f64, N>` and `Dual<Dual<f64, M>, N>`, and the sum of
            /// the levels for deeper nesting.
            ///
            /// ```
            /// use dualgrad::{Dual, Dual2, Real};
            /// assert_eq!(<f64 as Real>::ORDER, 0);
            /// assert_eq!(<Dual<f64, 3> as Real>::ORDER, 1);
            /// assert_eq!(<Dual2<f64, 3> as Real>::ORDER, 2);
            /// assert_eq!(<Dual<Dual<f64, 1>, 1> as Real>::ORDER, 2);
            /// assert_eq!(<Dual<Dual2<f64, 1>, 1> as Real>::ORDER, 3);
            /// ```
            const ORDER: usize;

            /// The value at the bottom, every perturbation dropped.
            ///
            /// ```
            /// use dualgrad::{Dual, Real};
            /// let x = Dual::<Dual<f64, 1>, 1>::variable(Dual::variable(2.5, 0), 0);
            /// assert_eq!(x.primitive(), 2.5);
            /// ```
            fn primitive(&self) -> Self::Primitive;

            /// A function g of one argument applied through its derivatives
            /// at the primitive value: `derivatives[k]` = g⁽ᵏ⁾(a) with
            /// a = [`self.primitive()`](Real::primitive), k = 0, 1, 2, ….
            ///
            /// The type reads `derivatives[0..=ORDER]`
            /// ([`ORDER`](Real::ORDER): `f64` needs 1, `Dual` 2, `Dual2` and
            /// `Dual<Dual<…>>` 3) and ignores the rest, so a rule that
            /// passes three derivatives serves every first- and
            /// second-order type. On a dual, y = g(u) gets
            /// ∇y = g′(u)∇u, and at second order ∇²y = g′∇²u + g″∇u∇uᵀ
            /// (nesting gives the mixed terms). A zero partial stays zero
            /// even where g′ or g″ is ±∞ or NaN, so a constant stays a
            /// constant, as for the crate's own singular functions (√ at 0).
            /// On `sparse::Tracer` the value is g(a) and the dependencies
            /// are the argument's.
            ///
            /// # Panics
            ///
            /// If `derivatives` has fewer than `ORDER + 1` entries: the
            /// message names the type and the count it needs. (Missing
            /// derivatives are never taken as zeros.)
            ///
            /// ```
            /// use dualgrad::{Dual2, Real};
            /// // g = x³ at 2: g = 8, g′ = 12, g″ = 12.
            /// let x = Dual2::<f64, 1>::variable(2.0, 0);
            /// let y = x.chain_rule(&[8.0, 12.0, 12.0]);
            /// assert_eq!(y.into_parts(), (8.0, [12.0], [[12.0]]));
            /// // f64 reads the value only.
            /// assert_eq!(2.0_f64.chain_rule(&[8.0, 12.0, 12.0]), 8.0);
            /// ```
            ///
            /// ```should_panic
            /// use dualgrad::{Dual2, Real};
            /// // Dual2 carries a Hessian: g″ is needed too.
            /// let _ = Dual2::<f64, 1>::variable(2.0, 0).chain_rule(&[8.0, 12.0]);
            /// ```
            #[must_use]
            fn chain_rule(self, derivatives: &[Self::Primitive]) -> Self;

            /// The logistic function σ(x) = 1/(1 + e⁻ˣ), the sigmoid.
            /// d/dx σ = σ(1 − σ), and every higher derivative from the
            /// series of σ′ = σ·σ(−x). σ(x) and 1 − σ(x) = σ(−x) are each
            /// computed without cancellation (as 1/(1 + e⁻ˣ) or eˣ/(1 + eˣ),
            /// whichever does not overflow), so the value and every
            /// derivative keep full relative precision for |x| up to 745,
            /// where the slope underflows.
            ///
            /// ```
            /// use dualgrad::{Dual2, Real};
            /// let s = |a: f64| 1.0 / (1.0 + (-a).exp());
            /// let y = Dual2::<f64, 1>::variable(0.5, 0).logistic();
            /// let (v, d1, d2) = (s(0.5), s(0.5) * s(-0.5), s(0.5) * s(-0.5) * (s(-0.5) - s(0.5)));
            /// assert!((y.value() - v).abs() < 1e-16);
            /// assert!((y.gradient()[0] - d1).abs() < 1e-16);
            /// assert!((y.hessian_entry(0, 0) - d2).abs() < 1e-16);
            /// assert_eq!((-800.0_f64).logistic(), 0.0);
            /// assert!(((-700.0_f64).logistic() / (-700.0_f64).exp() - 1.0).abs() < 1e-15);
            /// ```
            #[must_use]
            fn logistic(self) -> Self {
                let mut buffer = Derivatives::<Self::Primitive>::new(Self::ORDER);
                logistic_derivatives(self.primitive(), buffer.as_mut_slice());
                self.chain_rule(buffer.as_mut_slice())
            }

            /// softplus(x) = ln(1 + eˣ), a smooth max(x, 0).
            /// d/dx softplus = σ(x), the [`logistic`](Real::logistic)
            /// function, whose derivatives give the higher ones. The value
            /// is computed as max(x, 0) + ln(1 + e^(−|x|)), which neither
            /// overflows (x = 700 gives 700) nor loses digits
            /// (x = −700 gives e⁻⁷⁰⁰ to full precision).
            ///
            /// ```
            /// use dualgrad::{Dual, Real};
            /// let y = Dual::<f64, 1>::variable(0.5, 0).softplus();
            /// assert!((y.value() - (1.0 + 0.5_f64.exp()).ln()).abs() < 1e-15);
            /// assert!((y.partial(0) - 1.0 / (1.0 + (-0.5_f64).exp())).abs() < 1e-16);
            /// assert_eq!(700.0_f64.softplus(), 700.0);
            /// assert!(((-700.0_f64).softplus() / (-700.0_f64).exp() - 1.0).abs() < 1e-15);
            /// ```
            #[must_use]
            fn softplus(self) -> Self {
                let a = self.primitive();
                let mut buffer = Derivatives::<Self::Primitive>::new(Self::ORDER);
                let derivatives = buffer.as_mut_slice();
                if let Some((value, slopes)) = derivatives.split_first_mut() {
                    logistic_derivatives(a, slopes);
                    *value = softplus_value(a);
                }
                self.chain_rule(derivatives)
            }
        }
    };
}

#[cfg(feature = "special")]
real_trait!(SpecialFloat);
#[cfg(not(feature = "special"))]
real_trait!();

#[cfg(feature = "special")]
use crate::special::SpecialFloat;

/// Panics unless `derivatives` holds the `ORDER + 1` derivatives that
/// `S::chain_rule` reads.
#[inline(always)]
pub(crate) fn check_derivatives<S: Real>(count: usize) {
    if count <= S::ORDER {
        too_few_derivatives(core::any::type_name::<S>(), S::ORDER, count);
    }
}

#[cold]
#[inline(never)]
fn too_few_derivatives(type_name: &str, order: usize, count: usize) -> ! {
    panic!(
        "dualgrad: `{type_name}::chain_rule` needs {needed} values in `derivatives` \
         (g and its derivatives up to order {order}, at the primitive value) and was given {count}. \
         Pass as many as the deepest number type your function runs on needs \
         (3 serve f64, Dual, Dual2 and Dual<Dual<…>>); missing derivatives are never taken as zero.",
        type_name = ShortTypeName(type_name),
        needed = order + 1,
    )
}

/// A type name without module paths: `Dual<Dual<f64, 1>, 1>` for
/// `dualgrad::dual::Dual<dualgrad::dual::Dual<f64, 1>, 1>`.
struct ShortTypeName<'a>(&'a str);

impl fmt::Display for ShortTypeName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let is_path = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
        let mut rest = self.0;
        while let Some(c) = rest.chars().next() {
            let end = rest.find(|c: char| !is_path(c)).unwrap_or(rest.len());
            if end == 0 {
                write!(f, "{c}")?;
                rest = &rest[c.len_utf8()..];
            } else {
                let path = &rest[..end];
                f.write_str(path.rsplit("::").next().unwrap_or(path))?;
                rest = &rest[end..];
            }
        }
        Ok(())
    }
}

/// The first `ORDER + 1` derivatives of a function, on the stack up to
/// order 15 (every type of today's crate) and on the heap beyond.
struct Derivatives<P> {
    len: usize,
    stack: [P; 16],
    heap: Vec<P>,
}

impl<P: Float> Derivatives<P> {
    #[inline(always)]
    fn new(order: usize) -> Self {
        let len = order + 1;
        Self {
            len,
            stack: [P::zero(); 16],
            heap: if len > 16 {
                vec![P::zero(); len]
            } else {
                Vec::new()
            },
        }
    }

    #[inline(always)]
    fn as_mut_slice(&mut self) -> &mut [P] {
        if self.len > 16 {
            &mut self.heap
        } else {
            &mut self.stack[..self.len]
        }
    }
}

/// (σ(a), σ(−a)) = (1/(1 + e⁻ᵃ), 1/(1 + eᵃ)) from one exponential,
/// e^(−|a|), which never overflows: each to full relative precision (σ(−a)
/// is 1 − σ(a) without the cancellation).
#[inline]
fn logistic_pair<P: Float>(a: P) -> (P, P) {
    let e = (-a.abs()).exp();
    let d = P::one() + e;
    if a >= P::zero() {
        (d.recip(), e / d)
    } else {
        (e / d, d.recip())
    }
}

/// ln(1 + eᵃ) = max(a, 0) + ln(1 + e^(−|a|)).
#[inline]
fn softplus_value<P: Float>(a: P) -> P {
    a.max(P::zero()) + (-a.abs()).exp().ln_1p()
}

/// `out[k]` = σ⁽ᵏ⁾(a) for every k < `out.len()`.
///
/// With s = σ(a) and c = σ(−a) = 1 − s (each computed directly, so neither
/// cancels), σ′ = s·c and c′ = −s·c. The Taylor coefficients sₖ of
/// σ(a + t) then follow from (k + 1)·sₖ₊₁ = Σⱼ sⱼ·cₖ₋ⱼ with c₀ = c and
/// cₘ = −sₘ for m ≥ 1 (a Cauchy product, O(k) per order), and
/// σ⁽ᵏ⁾(a) = k!·sₖ.
#[inline]
fn logistic_derivatives<P: Float>(a: P, out: &mut [P]) {
    let Some((first, rest)) = out.split_first_mut() else {
        return;
    };
    let (s, c) = logistic_pair(a);
    *first = s;
    if rest.is_empty() {
        return;
    }
    // Taylor coefficients in `out` while they are built, factorials after.
    let n = out.len();
    for k in 0..n - 1 {
        let mut sum = P::zero();
        for j in 0..=k {
            let c_kj = if k == j { c } else { -out[k - j] };
            sum = sum + out[j] * c_kj;
        }
        out[k + 1] = sum / from_usize::<P>(k + 1);
    }
    let mut factorial = P::one();
    for (k, slot) in out.iter_mut().enumerate().skip(1) {
        factorial = factorial * from_usize::<P>(k);
        *slot = *slot * factorial;
    }
}

#[inline(always)]
fn from_usize<P: Float>(k: usize) -> P {
    P::from(k).unwrap_or_else(P::nan)
}

macro_rules! primitive_real {
    ($($t:ty),+) => {$(
        impl Real for $t {
            type Primitive = $t;
            const ORDER: usize = 0;

            #[inline(always)]
            fn primitive(&self) -> $t {
                *self
            }

            #[inline(always)]
            fn chain_rule(self, derivatives: &[$t]) -> $t {
                check_derivatives::<$t>(derivatives.len());
                derivatives[0]
            }
        }
    )+};
}

primitive_real!(f32, f64);

/// g(a), g′(a), …, g⁽ᴷ⁻¹⁾(a) as numbers of the inner type `T` at the
/// value `a` of an `S` (g⁽ᵏ⁾ from `derivatives[k..]`, by `T`'s own chain
/// rule), after checking that `derivatives` has what `S` needs.
#[inline(always)]
fn lifted<S: Real, T: Real<Primitive = S::Primitive>, const K: usize>(
    a: T,
    derivatives: &[S::Primitive],
) -> [T; K] {
    check_derivatives::<S>(derivatives.len());
    core::array::from_fn(|k| a.chain_rule(&derivatives[k..]))
}

impl<T: Real, const N: usize> Real for Dual<T, N> {
    type Primitive = T::Primitive;
    const ORDER: usize = T::ORDER + 1;

    #[inline(always)]
    fn primitive(&self) -> T::Primitive {
        self.value().primitive()
    }

    /// g(u) = g(a) + g′(a)·Σᵢ bᵢεᵢ, where g(a) and g′(a) are themselves
    /// `T`s: `T`'s `chain_rule` on the derivatives from 0 and from 1.
    #[inline]
    fn chain_rule(self, derivatives: &[T::Primitive]) -> Self {
        let [g, slope] = lifted::<Self, T, 2>(self.value(), derivatives);
        self.chain_guarded(g, slope)
    }
}

impl<T: Real, const N: usize> Real for Dual2<T, N> {
    type Primitive = T::Primitive;
    const ORDER: usize = T::ORDER + 2;

    #[inline(always)]
    fn primitive(&self) -> T::Primitive {
        self.value().primitive()
    }

    /// The second-order chain rule with g, g′ and g″ as `T`s.
    #[inline]
    fn chain_rule(self, derivatives: &[T::Primitive]) -> Self {
        let [g, d1, d2] = lifted::<Self, T, 3>(self.value(), derivatives);
        self.chain_guarded(g, d1, d2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// σ⁽ᵏ⁾ in closed form for k ≤ 4, in s = σ(a):
    /// σ′ = s(1−s), σ″ = s(1−s)(1−2s), σ‴ = s(1−s)(1−6s+6s²),
    /// σ⁗ = s(1−s)(1−2s)(1−12s+12s²).
    fn closed_forms(a: f64) -> [f64; 5] {
        let s = 1.0 / (1.0 + (-a).exp());
        let d = s * (1.0 - s);
        [
            s,
            d,
            d * (1.0 - 2.0 * s),
            d * (1.0 - 6.0 * s + 6.0 * s * s),
            d * (1.0 - 2.0 * s) * (1.0 - 12.0 * s + 12.0 * s * s),
        ]
    }

    #[test]
    fn logistic_derivatives_match_closed_forms() {
        for a in [-3.0, -0.5, 0.0, 0.25, 1.0, 4.0] {
            let mut out = [0.0; 5];
            logistic_derivatives(a, &mut out);
            for (k, (got, want)) in out.iter().zip(closed_forms(a)).enumerate() {
                assert!(
                    (got - want).abs() <= 1e-14 * want.abs().max(1e-3),
                    "σ^({k})({a}) = {got}, closed form {want}"
                );
            }
        }
    }

    #[test]
    fn type_names_lose_their_module_paths() {
        let name = core::any::type_name::<Dual<Dual2<f64, 1>, 2>>();
        assert_eq!(ShortTypeName(name).to_string(), "Dual<Dual2<f64, 1>, 2>");
        assert_eq!(ShortTypeName("f64").to_string(), "f64");
    }

    #[test]
    fn derivative_buffer_goes_to_the_heap_past_order_fifteen() {
        let mut deep = Derivatives::<f64>::new(20);
        assert_eq!(deep.as_mut_slice().len(), 21);
        logistic_derivatives(0.0, deep.as_mut_slice());
        // σ is ½ + odd terms at 0: every even derivative from the second on is 0.
        assert_eq!(deep.as_mut_slice()[2], 0.0);
        assert_eq!(deep.as_mut_slice()[20], 0.0);
        assert!((deep.as_mut_slice()[1] - 0.25).abs() < 1e-16);
    }
}
