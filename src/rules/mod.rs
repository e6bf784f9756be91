//! The elementary functions of [`Dual`](crate::Dual), as inherent methods.
//!
//! Every method has the name **and signature** of the `num_traits::Float`
//! method it implements (`powf(self, n: Self)`, `max(self, other: Self)`), so
//! `x.sin()` works without importing a trait and concrete and generic code read
//! the same. The `Float` impl forwards here: these are the source of truth.
//!
//! * `unary.rs`: smooth one-argument functions, one rule-table line each
//!   (value, derivative, and a doctest oracle);
//! * `binary.rs`: two-argument functions (`powf`, `atan2`, `hypot`, `log`, …);
//! * `piecewise.rs`: functions with kinks or jumps (`abs`, `max`, `floor`, …)
//!   and the finite slope each one reports there;
//! * `special.rs`: erf, Γ, ψ, β, the incomplete gamma and Bessel
//!   functions (feature `special`).

/// The rule table of one-argument functions on `Dual<T, N>` for
/// `T: $bound`: each line gives a function's derivative in terms of its
/// argument `x` and its value `v = f(x)`, then a point and an independent
/// closed form in the argument `a`, from which the method's doctest is
/// generated (`$imports` opens it). `$chain` is the chain rule the lines
/// take: `chain`, or `chain_singular` where the derivative can be ±∞ or NaN
/// at a finite argument. Used by `unary.rs` and `special.rs`.
macro_rules! unary_rules {
    ($bound:path, $imports:literal; $chain:ident; $(
        $(#[doc = $doc:literal])+
        $name:ident(|$x:ident, $v:ident| $derivative:expr), at $at:literal, slope $oracle:expr;
    )+) => {
        impl<T: $bound, const N: usize> Dual<T, N> {$(
            $(#[doc = $doc])+
            ///
            /// ```
            #[doc = $imports]
            #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
            #[doc = concat!("let y = Dual::<f64, 1>::variable(a, 0).", stringify!($name), "();")]
            #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "());")]
            #[doc = concat!("let slope: f64 = ", stringify!($oracle), ";")]
            /// assert!((y.partial(0) - slope).abs() <= 1e-14 * slope.abs().max(1.0));
            /// ```
            #[inline]
            #[must_use]
            pub fn $name(self) -> Self {
                let $x = self.value();
                let $v = $x.$name();
                self.$chain($v, $derivative)
            }
        )+}
    };
}

mod binary;
mod piecewise;
#[cfg(feature = "special")]
mod special;
mod unary;

use num_traits::{Float, ToPrimitive};

/// A plain number as `T` (NaN if `T` cannot represent it, never a panic).
#[inline]
pub(crate) fn cast<T: Float, P: ToPrimitive>(x: P) -> T {
    T::from(x).unwrap_or_else(T::nan)
}
