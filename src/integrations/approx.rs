//! approx's `AbsDiffEq`, `RelativeEq` and `UlpsEq` on `Dual` and `Dual2`:
//! every number the dual carries must agree — the value and every partial
//! (recursively for nested duals), or for `Dual2` the value, every gradient
//! entry and every Hessian entry (the upper triangle; the lower one is its
//! mirror).
//!
//! The epsilon type is the dual type itself (`Epsilon = Self`), not `T`:
//! simba's `RealField` demands `RelativeEq<Epsilon = Self>`, and features
//! must stay additive, so the `approx` feature alone makes the same choice.
//! Only the epsilon's value is used as the tolerance; its other parts are
//! ignored. The defaults (`default_epsilon`, `default_max_relative`,
//! `default_max_ulps`) are `T`'s. One macro writes the three impls for both
//! types, on top of their common list of parts (`number/parts.rs`).

use ::approx::{AbsDiffEq, RelativeEq, UlpsEq};
use num_traits::Float;

use crate::{Dual, Dual2};

/// `AbsDiffEq`, `RelativeEq` and `UlpsEq` for `$Type<T, N>`, comparing
/// part by part, with one doc comment (and doctest) for each impl.
macro_rules! approx_comparisons {
    (
        $Type:ident;
        $(#[$abs_doc:meta])*
        abs_diff_eq;
        $(#[$relative_doc:meta])*
        relative_eq;
        $(#[$ulps_doc:meta])*
        ulps_eq;
    ) => {
        $(#[$abs_doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
        impl<T: Float + AbsDiffEq<Epsilon = T>, const N: usize> AbsDiffEq for $Type<T, N> {
            type Epsilon = Self;

            /// `T`'s default epsilon, as a constant.
            #[inline]
            fn default_epsilon() -> Self {
                Self::constant(T::default_epsilon())
            }

            #[inline]
            fn abs_diff_eq(&self, other: &Self, epsilon: Self) -> bool {
                let epsilon = epsilon.value();
                self.parts()
                    .zip(other.parts())
                    .all(|(a, b)| a.abs_diff_eq(&b, epsilon))
            }
        }

        $(#[$relative_doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
        impl<T: Float + RelativeEq<Epsilon = T>, const N: usize> RelativeEq for $Type<T, N> {
            /// `T`'s default maximum relative difference, as a constant.
            #[inline]
            fn default_max_relative() -> Self {
                Self::constant(T::default_max_relative())
            }

            #[inline]
            fn relative_eq(&self, other: &Self, epsilon: Self, max_relative: Self) -> bool {
                let (epsilon, max_relative) = (epsilon.value(), max_relative.value());
                self.parts()
                    .zip(other.parts())
                    .all(|(a, b)| a.relative_eq(&b, epsilon, max_relative))
            }
        }

        $(#[$ulps_doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
        impl<T: Float + UlpsEq<Epsilon = T>, const N: usize> UlpsEq for $Type<T, N> {
            /// `T`'s default maximum distance in units in the last place.
            #[inline]
            fn default_max_ulps() -> u32 {
                T::default_max_ulps()
            }

            #[inline]
            fn ulps_eq(&self, other: &Self, epsilon: Self, max_ulps: u32) -> bool {
                let epsilon = epsilon.value();
                self.parts()
                    .zip(other.parts())
                    .all(|(a, b)| a.ulps_eq(&b, epsilon, max_ulps))
            }
        }
    };
}

approx_comparisons! {
    Dual;
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
    abs_diff_eq;
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
    relative_eq;
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
    ulps_eq;
}

approx_comparisons! {
    Dual2;
    /// Absolute comparison of the value, each gradient entry and each
    /// Hessian entry: |a − b| ≤ ε for every part, with ε the epsilon's
    /// value.
    ///
    /// ```
    /// use approx::{assert_abs_diff_eq, assert_abs_diff_ne};
    /// use dualgrad::Dual2;
    ///
    /// let a = Dual2::new(1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]);
    /// assert_abs_diff_eq!(a, Dual2::new(1.0 + 1e-17, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]));
    /// // Same value and gradient, different curvature: not equal.
    /// assert_abs_diff_ne!(a, Dual2::new(1.0, [2.0, 3.0], [[4.0, 5.5], [5.5, 6.0]]));
    /// // The tolerance is a Dual2; build it from a plain number.
    /// let close = Dual2::new(1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.05]]);
    /// assert_abs_diff_eq!(a, close, epsilon = Dual2::constant(0.1));
    /// ```
    abs_diff_eq;
    /// Relative comparison of the value, each gradient entry and each
    /// Hessian entry, each against its own magnitude:
    /// `assert_relative_eq!` on `Dual2` checks first and second derivatives.
    ///
    /// ```
    /// use approx::{assert_relative_eq, assert_relative_ne};
    /// use dualgrad::Dual2;
    ///
    /// let x = Dual2::<f64, 1>::variable(0.3, 0);
    /// let y = x.sin() * x.sin() + x.cos() * x.cos();
    /// assert_relative_eq!(y, Dual2::constant(1.0), epsilon = Dual2::constant(1e-15));
    ///
    /// // Equal values and slopes, but x³ has curvature 6x = 1.8, not 0.
    /// let cube = x * x * x;
    /// let wrong = Dual2::new(cube.value(), *cube.gradient(), [[0.0]]);
    /// assert_relative_ne!(cube, wrong);
    /// ```
    relative_eq;
    /// Comparison in units in the last place of the value, each gradient
    /// entry and each Hessian entry.
    ///
    /// ```
    /// use approx::{assert_ulps_eq, assert_ulps_ne};
    /// use dualgrad::Dual2;
    ///
    /// let a = Dual2::new(1.0, [2.0], [[0.1 + 0.2]]);
    /// assert_ulps_eq!(a, Dual2::new(1.0, [2.0], [[0.3]]));
    /// assert_ulps_ne!(a, Dual2::new(1.0, [2.0], [[0.31]]));
    /// ```
    ulps_eq;
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
