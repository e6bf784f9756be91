//! approx's `AbsDiffEq`, `RelativeEq` and `UlpsEq` on `Dual`: the value
//! **and every partial** must agree, recursively for nested duals.
//!
//! The epsilon type is `Dual` itself (`Epsilon = Self`), not `T`: simba's
//! `RealField` demands `RelativeEq<Epsilon = Self>`, and features must stay
//! additive, so the `approx` feature alone makes the same choice. Only the
//! epsilon's value is used as the tolerance; its partials are ignored.

use ::approx::{AbsDiffEq, RelativeEq, UlpsEq};
use num_traits::Float;

use crate::Dual;

/// `pair_ok(a, b)` for the values and for every pair of partials.
#[inline]
fn all_parts<T: Float, const N: usize>(
    a: &Dual<T, N>,
    b: &Dual<T, N>,
    pair_ok: impl Fn(&T, &T) -> bool,
) -> bool {
    pair_ok(&a.value(), &b.value())
        && a.partials()
            .iter()
            .zip(b.partials())
            .all(|(x, y)| pair_ok(x, y))
}

/// Absolute comparison of the value and of each partial: |a − b| ≤ ε for
/// every part, with ε the epsilon's value.
///
/// ```
/// use approx::{assert_abs_diff_eq, assert_abs_diff_ne};
/// use dualgrad::Dual;
///
/// let a = Dual::new(1.0, [2.0, 3.0]);
/// assert_abs_diff_eq!(a, Dual::new(1.0 + 1e-17, [2.0, 3.0]));
/// // Same value, different slope: not equal.
/// assert_abs_diff_ne!(a, Dual::new(1.0, [2.0, 3.5]));
/// // The tolerance is a Dual (approx's epsilon type must be Self for
/// // simba's RealField); build it from a plain number.
/// assert_abs_diff_eq!(a, Dual::new(1.0, [2.0, 3.05]), epsilon = Dual::constant(0.1));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
impl<T: Float + AbsDiffEq<Epsilon = T>, const N: usize> AbsDiffEq for Dual<T, N> {
    type Epsilon = Self;

    /// `T`'s default epsilon, as a constant.
    #[inline]
    fn default_epsilon() -> Self {
        Self::constant(T::default_epsilon())
    }

    #[inline]
    fn abs_diff_eq(&self, other: &Self, epsilon: Self) -> bool {
        let epsilon = epsilon.value();
        all_parts(self, other, |a, b| a.abs_diff_eq(b, epsilon))
    }
}

/// Relative comparison of the value and of each partial, each against its
/// own magnitude: `assert_relative_eq!` on duals checks derivatives.
///
/// ```
/// use approx::{assert_relative_eq, assert_relative_ne};
/// use dualgrad::Dual;
///
/// let x = Dual::<f64, 1>::variable(0.3, 0);
/// let y = x.sin() * x.sin() + x.cos() * x.cos();
/// assert_relative_eq!(y, Dual::constant(1.0), epsilon = Dual::constant(1e-15));
///
/// // Equal values, but the slopes 2x and 2 differ at x = 0.3.
/// let square = x * x;
/// let wrong = Dual::new(square.value(), [2.0]);
/// assert_relative_ne!(square, wrong);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
impl<T: Float + RelativeEq<Epsilon = T>, const N: usize> RelativeEq for Dual<T, N> {
    /// `T`'s default maximum relative difference, as a constant.
    #[inline]
    fn default_max_relative() -> Self {
        Self::constant(T::default_max_relative())
    }

    #[inline]
    fn relative_eq(&self, other: &Self, epsilon: Self, max_relative: Self) -> bool {
        let (epsilon, max_relative) = (epsilon.value(), max_relative.value());
        all_parts(self, other, |a, b| a.relative_eq(b, epsilon, max_relative))
    }
}

/// Comparison in units in the last place of the value and of each partial.
///
/// ```
/// use approx::{assert_ulps_eq, assert_ulps_ne};
/// use dualgrad::Dual;
///
/// let a = Dual::new(1.0, [0.1 + 0.2]);
/// assert_ulps_eq!(a, Dual::new(1.0, [0.3]));
/// assert_ulps_ne!(a, Dual::new(1.0, [0.31]));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
impl<T: Float + UlpsEq<Epsilon = T>, const N: usize> UlpsEq for Dual<T, N> {
    #[inline]
    fn default_max_ulps() -> u32 {
        T::default_max_ulps()
    }

    #[inline]
    fn ulps_eq(&self, other: &Self, epsilon: Self, max_ulps: u32) -> bool {
        let epsilon = epsilon.value();
        all_parts(self, other, |a, b| a.ulps_eq(b, epsilon, max_ulps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_duals_compare_the_innermost_partials() {
        let inner = |p: f64| Dual::<f64, 1>::new(1.0, [p]);
        let a = Dual::<Dual<f64, 1>, 1>::new(inner(2.0), [inner(3.0)]);
        let same = Dual::new(inner(2.0), [inner(3.0)]);
        let second_order_differs = Dual::new(inner(2.0), [inner(3.5)]);
        assert!(a.relative_eq(&same, Dual::default_epsilon(), Dual::default_max_relative()));
        assert!(!a.relative_eq(
            &second_order_differs,
            Dual::default_epsilon(),
            Dual::default_max_relative()
        ));
        assert!(!a.abs_diff_eq(&second_order_differs, Dual::default_epsilon()));
        assert!(!a.ulps_eq(&second_order_differs, Dual::default_epsilon(), 4));
    }

    #[test]
    fn epsilon_partials_are_ignored() {
        let a = Dual::<f64, 1>::new(1.0, [1.0]);
        let b = Dual::<f64, 1>::new(1.05, [1.05]);
        assert!(a.abs_diff_eq(&b, Dual::new(0.1, [0.0])));
        assert!(a.abs_diff_eq(&b, Dual::new(0.1, [-7.0])));
    }

    #[test]
    fn nan_parts_compare_unequal() {
        let a = Dual::<f64, 1>::new(1.0, [f64::NAN]);
        assert!(!a.abs_diff_eq(&a, Dual::default_epsilon()));
    }
}
