//! The one-argument rules of [`Dual`]: the table's rules (`number/functions/mod.rs`)
//! expanded as inherent methods, and the hand-written `sin`, `cos` and
//! `sin_cos`.
//!
//! Each table rule gives a function's derivative in terms of its argument
//! `x` and its value `v = f(x)` (so `exp`, `tanh`, `sqrt` reuse the
//! value). The value is always `T`'s own `f(x)`, so it is bit-identical to
//! the plain evaluation. A `singular` rule (the derivative is ±∞ or NaN at
//! a finite argument: the root and logarithms at 0, the inverse functions
//! at ±1, the gamma family at its poles) takes the guarded chain rule, so a
//! constant keeps zero partials there; a `smooth` rule takes the plain one
//! (an overflowing value, exp(800) = ∞, follows IEEE arithmetic: see the
//! crate's semantics table).

use num_traits::Float;

use crate::Dual;

/// The table's callback for [`Dual`]: one `#[inline]` inherent method per
/// `smooth`, `singular` or `zero_slope` entry with a table rule, each with
/// a doctest from the entry's oracle. `hand` and `binary` entries, and
/// rules marked `[hand]`, are written in `binary.rs`, `piecewise.rs` and `special/dual.rs`.
macro_rules! dual_methods {
    (@entry $imports:literal; $class:ident $name:ident($($params:tt)*) [hand] $($rest:tt)*) => {};
    (@entry $imports:literal; smooth $($rest:tt)*) => {
        dual_methods! { @rule chain, $imports; $($rest)* }
    };
    (@entry $imports:literal; singular $($rest:tt)*) => {
        dual_methods! { @rule chain_guarded, $imports; $($rest)* }
    };
    (@entry $imports:literal; zero_slope $name:ident(self) [] [at $at:literal] $(#[doc = $doc:literal])*) => {
        $(#[doc = $doc])*
        ///
        /// ```
        /// use dualgrad::Dual;
        #[doc = $imports]
        #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
        #[doc = concat!("let y = Dual::<f64, 1>::variable(a, 0).", stringify!($name), "();")]
        #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "());")]
        /// assert_eq!(y.partial(0), 0.0);
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self) -> Self {
            Self::constant(self.value().$name())
        }
    };
    (@rule $chain:ident, $imports:literal; $name:ident(self)
        [|$x:ident, $v:ident| $derivative:expr]
        [at $at:literal; slope $slope:expr; second $second:expr]
        $(#[doc = $doc:literal])*
    ) => {
        $(#[doc = $doc])*
        ///
        /// ```
        /// use dualgrad::Dual;
        #[doc = $imports]
        #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
        #[doc = concat!("let y = Dual::<f64, 1>::variable(a, 0).", stringify!($name), "();")]
        #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "());")]
        #[doc = concat!("let slope: f64 = ", stringify!($slope), ";")]
        /// assert!((y.partial(0) - slope).abs() <= 1e-14 * slope.abs().max(1.0));
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self) -> Self {
            let $x = self.value();
            let $v = $x.$name();
            self.$chain($v, $derivative)
        }
    };
    // `binary` and `hand` entries: hand-written in `binary.rs`,
    // `piecewise.rs` and `special/dual.rs`.
    (@entry $imports:literal; $class:ident $($rest:tt)*) => {};
    ($bound:path, $imports:literal, $tolerance:literal; $(
        $(#[doc = $doc:literal])*
        $class:ident $name:ident($($params:tt)*) -> $ret:ty [$($rule:tt)*] [$($oracle:tt)*] $($tag:ident)?;
    )*) => {
        impl<T: $bound, const N: usize> Dual<T, N> {$(
            dual_methods! {
                @entry $imports; $class $name($($params)*) [$($rule)*] [$($oracle)*] $(#[doc = $doc])*
            }
        )*}
    };
}

elementary_functions!(dual_methods);

/// Sine and cosine are written by hand, not in the table: each needs the
/// other as its derivative, and one `sin_cos` call computes both.
impl<T: Float, const N: usize> Dual<T, N> {
    /// Sine. d/dx sin x = cos x.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 1>::variable(0.5, 0).sin();
    /// assert_eq!((y.value(), y.partial(0)), (0.5_f64.sin(), 0.5_f64.cos()));
    /// ```
    #[inline]
    #[must_use]
    pub fn sin(self) -> Self {
        let (sin, cos) = self.value().sin_cos();
        self.chain(sin, cos)
    }

    /// Cosine. d/dx cos x = −sin x.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let y = Dual::<f64, 1>::variable(0.5, 0).cos();
    /// assert_eq!((y.value(), y.partial(0)), (0.5_f64.cos(), -0.5_f64.sin()));
    /// ```
    #[inline]
    #[must_use]
    pub fn cos(self) -> Self {
        let (sin, cos) = self.value().sin_cos();
        self.chain(cos, -sin)
    }

    /// Sine and cosine at once: d sin x = cos x·dx, d cos x = −sin x·dx.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// let (s, c) = Dual::<f64, 1>::variable(0.5, 0).sin_cos();
    /// assert_eq!((s.value(), c.value()), 0.5_f64.sin_cos());
    /// assert_eq!((s.partial(0), c.partial(0)), (0.5_f64.cos(), -0.5_f64.sin()));
    /// ```
    #[inline]
    #[must_use]
    pub fn sin_cos(self) -> (Self, Self) {
        let (sin, cos) = self.value().sin_cos();
        (self.chain(sin, cos), self.chain(cos, -sin))
    }
}
