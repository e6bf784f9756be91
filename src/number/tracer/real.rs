//! [`Real`] for [`Tracer`]: a function of one argument keeps the argument's
//! dependencies, whatever its derivatives.

use super::Tracer;
use crate::Real;
use crate::number::check_derivatives;

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
