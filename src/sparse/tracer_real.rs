//! [`Real`] for [`Tracer`]: a function of one argument keeps the argument's
//! dependencies, whatever its derivatives.

use super::Tracer;
use crate::Real;
use crate::real::check_derivatives;

impl Real for Tracer {
    type Primitive = f64;
    const ORDER: usize = 0;

    #[inline]
    fn primitive(&self) -> f64 {
        self.value()
    }

    /// The value g(a) = `derivatives[0]`, with the argument's dependencies
    /// (a rule applied through `chain_rule` is taken as non-constant).
    #[inline]
    fn chain_rule(self, derivatives: &[f64]) -> Self {
        check_derivatives::<Self>(derivatives.len());
        self.keep(derivatives[0])
    }
}

/// Special functions on the tracer: smooth ones keep the argument's
/// dependencies, two-argument ones join both, `gamma_sign` (piecewise
/// constant) depends on nothing.
#[cfg(feature = "special")]
mod special {
    use super::Tracer;
    use crate::special::SpecialFloat;

    macro_rules! keep {
        ($(fn $name:ident(self $(, $arg:ident: $ty:ty)?);)+) => {$(
            #[inline]
            fn $name(self $(, $arg: $ty)?) -> Self {
                self.keep(self.value().$name($($arg)?))
            }
        )+};
    }

    macro_rules! join {
        ($(fn $name:ident(self, $other:ident);)+) => {$(
            #[inline]
            fn $name(self, $other: Self) -> Self {
                self.join($other, self.value().$name($other.value()))
            }
        )+};
    }

    impl SpecialFloat for Tracer {
        keep! {
            fn erf_fn(self);
            fn erfc_fn(self);
            fn erf_inv(self);
            fn gamma_fn(self);
            fn ln_gamma_fn(self);
            fn digamma(self);
            fn trigamma(self);
            fn polygamma(self, n: u32);
            fn bessel_j0(self);
            fn bessel_j1(self);
            fn bessel_jn(self, n: i32);
            fn bessel_y0(self);
            fn bessel_y1(self);
            fn bessel_yn(self, n: i32);
        }

        join! {
            fn beta(self, b);
            fn ln_beta(self, b);
            fn gamma_p(self, x);
            fn gamma_q(self, x);
        }

        #[inline]
        fn gamma_sign(self) -> Self {
            Tracer::constant(self.value().gamma_sign())
        }
    }
}

impl core::iter::Sum for Tracer {
    /// Adds from −0, like `f64`'s `Sum`; the dependencies are the union.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let total: Tracer = [Tracer::constant(1.0), Tracer::constant(2.0)].into_iter().sum();
    /// assert_eq!(total.value(), 3.0);
    /// ```
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Tracer::constant(-0.0), |a, b| a + b)
    }
}

impl core::iter::Product for Tracer {
    /// Multiplies from 1; the dependencies are the union.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let total: Tracer = [Tracer::constant(2.0), Tracer::constant(3.0)].into_iter().product();
    /// assert_eq!(total.value(), 6.0);
    /// ```
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Tracer::constant(1.0), |a, b| a * b)
    }
}
