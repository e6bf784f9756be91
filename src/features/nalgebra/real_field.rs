//! simba's `RealField` on `Dual`: the ordered-field operations and the
//! constants nalgebra's real algorithms (Cholesky, symmetric eigen, SVD)
//! ask for.

use num_traits::Float;
use simba::scalar::RealField;

use crate::Dual;

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
#[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
impl<T: RealField + Float, const N: usize> RealField for Dual<T, N> {
    #[inline]
    fn is_sign_positive(&self) -> bool {
        Float::is_sign_positive(self.value())
    }

    #[inline]
    fn is_sign_negative(&self) -> bool {
        Float::is_sign_negative(self.value())
    }

    #[inline]
    fn copysign(self, sign: Self) -> Self {
        Dual::copysign(self, sign)
    }

    #[inline]
    fn max(self, other: Self) -> Self {
        Dual::max(self, other)
    }

    #[inline]
    fn min(self, other: Self) -> Self {
        Dual::min(self, other)
    }

    #[inline]
    fn clamp(self, min: Self, max: Self) -> Self {
        Dual::clamp(self, min, max)
    }

    #[inline]
    fn atan2(self, other: Self) -> Self {
        Dual::atan2(self, other)
    }

    /// `T`'s (the most negative finite value, as simba defines it for
    /// `f64`), as a constant.
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
}
