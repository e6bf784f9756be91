//! simba's `RealField` on `Dual` and `Dual2`: the ordered-field operations
//! and the constants nalgebra's real algorithms (Cholesky, symmetric eigen,
//! SVD) ask for, written once by a macro over the type.

use num_traits::Float;
use simba::scalar::RealField;

use crate::{Dual, Dual2};

/// `impl RealField for $Type<T, N>` with the given docs: every method
/// forwards to the inherent method (the function table's entries tagged
/// `real`) or reads the value.
macro_rules! real_field {
    ($Type:ident; $(#[$doc:meta])*) => {
        $(#[$doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T: RealField + Float, const N: usize> RealField for $Type<T, N> {
            #[inline]
            fn is_sign_positive(&self) -> bool {
                Float::is_sign_positive(self.value())
            }

            #[inline]
            fn is_sign_negative(&self) -> bool {
                Float::is_sign_negative(self.value())
            }

            elementary_functions!(forward_tagged, Float, real);

            /// `T`'s (the most negative finite value, as simba defines it
            /// for `f64`), as a constant.
            #[inline]
            fn min_value() -> Option<Self> {
                <T as RealField>::min_value().map(Self::constant)
            }

            /// `T`'s largest finite value, as a constant.
            #[inline]
            fn max_value() -> Option<Self> {
                <T as RealField>::max_value().map(Self::constant)
            }

            constants!(
                pi,
                two_pi,
                frac_pi_2,
                frac_pi_3,
                frac_pi_4,
                frac_pi_6,
                frac_pi_8,
                frac_1_pi,
                frac_2_pi,
                frac_2_sqrt_pi,
                e,
                log2_e,
                log10_e,
                ln_2,
                ln_10,
            );
        }
    };
}

real_field! {
    Dual;
    /// `Dual<T, N>` is a simba `RealField` for every `T` that is one (`f32`,
    /// `f64`, nested duals). Sign tests look at the value; `copysign`, `max`,
    /// `min`, `clamp` and `atan2` are the inherent methods, with their slopes
    /// at ties and on axes as documented there (`max`, `min` and `clamp`
    /// average the slopes at a tie). `min_value` and `max_value` are `T`'s, as
    /// constants; the constants `pi()`, `e()`, … have zero partials.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// use nalgebra::{Matrix2, RealField};
    ///
    /// // Eigenvalues of [[2, t], [t, 2]] are 2 ± t: slopes ±1.
    /// let t = Dual::<f64, 1>::variable(0.5, 0);
    /// let two = Dual::constant(2.0);
    /// let eigen = Matrix2::new(two, t, t, two).symmetric_eigen();
    /// let mut slopes: Vec<f64> = eigen.eigenvalues.iter().map(|l| l.partial(0)).collect();
    /// slopes.sort_by(f64::total_cmp);
    /// assert!((slopes[0] + 1.0).abs() < 1e-14 && (slopes[1] - 1.0).abs() < 1e-14);
    ///
    /// assert_eq!(<Dual<f64, 1> as RealField>::pi().into_parts(), (std::f64::consts::PI, [0.0]));
    /// ```
}

real_field! {
    Dual2;
    /// `Dual2<T, N>` is a simba `RealField` for every `T` that is one, with
    /// `Dual`'s semantics: sign tests look at the value; `copysign`, `max`,
    /// `min`, `clamp` and `atan2` are the inherent methods (at a tie, `max`,
    /// `min` and `clamp` average the gradients and the Hessians, as nested
    /// duals do); `min_value`, `max_value` and the constants `pi()`, `e()`,
    /// … are `T`'s with zero gradient and Hessian. nalgebra's Cholesky,
    /// symmetric eigen solver and SVD thus give exact Hessians.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// use nalgebra::{Matrix2, RealField};
    ///
    /// // The eigenvalues of [[2, t²], [t², 2]] are 2 ± t²: at t = 0.5 the
    /// // slopes are ±2t = ±1 and the curvatures ±2.
    /// let t = Dual2::<f64, 1>::variable(0.5, 0);
    /// let (two, off) = (Dual2::constant(2.0), t * t);
    /// let eigen = Matrix2::new(two, off, off, two).symmetric_eigen();
    /// let mut values: Vec<_> = eigen.eigenvalues.iter().copied().collect();
    /// values.sort_by(|a, b| a.value().total_cmp(&b.value()));
    /// let (low, high) = (values[0], values[1]);
    /// assert!((low.gradient()[0] + 1.0).abs() < 1e-14 && (high.gradient()[0] - 1.0).abs() < 1e-14);
    /// assert!((low.hessian_entry(0, 0) + 2.0).abs() < 1e-13);
    /// assert!((high.hessian_entry(0, 0) - 2.0).abs() < 1e-13);
    ///
    /// assert!(<Dual2<f64, 1> as RealField>::pi().is_constant());
    /// ```
}

#[cfg(test)]
mod tests {
    use super::*;

    type D1 = Dual<f64, 1>;

    #[test]
    fn extreme_values_are_those_of_t() {
        assert_eq!(<D1 as RealField>::min_value().unwrap().value(), f64::MIN);
        assert_eq!(<D1 as RealField>::max_value().unwrap().value(), f64::MAX);
        type D2 = Dual<D1, 1>;
        assert_eq!(
            <D2 as RealField>::max_value().unwrap().value().value(),
            f64::MAX
        );
    }

    #[test]
    fn max_and_min_follow_the_inherent_tie_rule() {
        let x = D1::variable(1.0, 0);
        let c = D1::constant(1.0);
        assert_eq!(RealField::max(x, c).partial(0), 0.5);
        assert_eq!(RealField::min(x, c + 1.0).partial(0), 1.0);
        assert_eq!(
            RealField::clamp(x * 3.0, c, c * 2.0).into_parts(),
            (2.0, [0.0])
        );
    }

    #[test]
    fn sign_tests_look_at_the_value() {
        assert!(RealField::is_sign_negative(&D1::new(-0.0, [1.0])));
        assert!(RealField::is_sign_positive(&D1::new(1.0, [-1.0])));
    }

    type H1 = Dual2<f64, 1>;

    #[test]
    fn dual2_extreme_values_and_constants_are_constants() {
        assert_eq!(<H1 as RealField>::min_value().unwrap().value(), f64::MIN);
        assert!(<H1 as RealField>::max_value().unwrap().is_constant());
        assert_eq!(<H1 as RealField>::ln_2().value(), core::f64::consts::LN_2);
    }

    #[test]
    fn dual2_max_and_min_follow_the_inherent_tie_rule() {
        let x = H1::variable(1.0, 0);
        let c = H1::constant(1.0);
        let tie = RealField::max(x * x, c);
        assert_eq!(tie.into_parts(), (1.0, [1.0], [[1.0]]));
        assert_eq!(
            RealField::min(x * x, c + 1.0).into_parts(),
            (1.0, [2.0], [[2.0]])
        );
        assert!(RealField::clamp(x * 3.0, c, c * 2.0).is_constant());
    }

    #[test]
    fn dual2_sign_tests_and_atan2_forward() {
        assert!(RealField::is_sign_negative(&H1::new(-0.0, [1.0], [[1.0]])));
        let y = H1::variable(1.0, 0);
        let angle = RealField::atan2(y, H1::constant(1.0));
        assert_eq!(
            angle.into_parts(),
            H1::atan2(y, H1::constant(1.0)).into_parts()
        );
    }
}
