//! simba's `ComplexField` on `Dual` and `Dual2`: a real field seen as
//! complex numbers with zero imaginary part, as simba does for `f64`. One
//! macro writes the impl for both types.
//!
//! The smooth functions forward to the inherent methods (whose doc lines
//! state the derivative): the function table's entries tagged `complex`. The methods with no `Float` counterpart are
//! written here on top of them, and their slopes (`Dual`'s partials,
//! `Dual2`'s gradient) are in the table below. `Dual2`'s Hessian is the
//! second derivative of the same expression: 2 for `modulus_squared`, 0
//! where the slope is piecewise constant, ∓1/3 for `sinc`/`sinhc` at 0.
//!
//! | method | value | slope |
//! |---|---|---|
//! | `real`, `from_real`, `conjugate` | x | 1 |
//! | `imaginary` | 0 | 0 |
//! | `modulus`, `norm1`, `abs` | \|x\| | sign(x), 0 at ±0 (as `abs`) |
//! | `modulus_squared` | x² | 2x |
//! | `argument` | 0 for x ≥ 0 (and −0), π otherwise | 0 (piecewise constant) |
//! | `to_polar` | (`modulus`, `argument`) | as those |
//! | `to_exp` | (\|x\|, ±1) | (sign(x), 0), so that x = r·e away from 0 |
//! | `signum` | ±1 | 0 |
//! | `sinc`, `sinhc` | sin x / x, sinh x / x; 1 at x = 0 | exact; at x = 0 from the series 1 ∓ x²/6 + x⁴/120, exact through the fifth derivative (nesting depth 5) |
//! | `cosc`, `coshc` | cos x / x, cosh x / x; 1 at x = 0 as simba defines it for `f64` | the quotient rule; 0 at x = 0 |
//! | `powc` | as `powf` | as `powf` |
//! | `try_sqrt` | √x, `None` for x < 0 or NaN | as `sqrt` |
//! | `is_finite` | the value's | — |

use core::ops::{Div, Mul};

use num_traits::{Float, One, Zero};
use simba::scalar::{ComplexField, RealField};

use crate::number::functions::cast;
use crate::{Dual, Dual2};

/// `impl ComplexField for $Type<T, N>` with the given docs. `$Type::name`
/// is the inherent method (the rule); `value()`, `constant`, `Zero`, `One`
/// and the arithmetic operators are all `$Type` needs to have.
macro_rules! complex_field {
    ($Type:ident; $(#[$doc:meta])*) => {
        $(#[$doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T: RealField + Float, const N: usize> ComplexField for $Type<T, N> {
            type RealField = Self;

            #[inline]
            fn from_real(re: Self) -> Self {
                re
            }

            #[inline]
            fn real(self) -> Self {
                self
            }

            #[inline]
            fn imaginary(self) -> Self {
                Self::zero()
            }

            #[inline]
            fn modulus(self) -> Self {
                $Type::abs(self)
            }

            #[inline]
            fn modulus_squared(self) -> Self {
                self * self
            }

            /// 0 for x ≥ 0 (−0 included), π for x < 0 and NaN, as for `f64`;
            /// slope 0.
            #[inline]
            fn argument(self) -> Self {
                if self.value() >= T::zero() {
                    Self::zero()
                } else {
                    <Self as RealField>::pi()
                }
            }

            #[inline]
            fn norm1(self) -> Self {
                $Type::abs(self)
            }

            #[inline]
            fn scale(self, factor: Self) -> Self {
                self * factor
            }

            #[inline]
            fn unscale(self, factor: Self) -> Self {
                self / factor
            }

            #[inline]
            fn to_polar(self) -> (Self, Self) {
                ($Type::abs(self), ComplexField::argument(self))
            }

            /// (|x|, +1) for x ≥ 0 and (|x|, −1) otherwise: the modulus carries the
            /// slope, the unit factor is constant.
            #[inline]
            fn to_exp(self) -> (Self, Self) {
                let unit = if self.value() >= T::zero() {
                    Self::one()
                } else {
                    -Self::one()
                };
                ($Type::abs(self), unit)
            }

            elementary_functions!(forward_tagged, Float, complex);

            #[inline]
            fn conjugate(self) -> Self {
                self
            }

            #[inline]
            fn sinh_cosh(self) -> (Self, Self) {
                ($Type::sinh(self), $Type::cosh(self))
            }

            #[inline]
            fn sinc(self) -> Self {
                if self.value() == T::zero() {
                    even_series(self, -T::one())
                } else {
                    $Type::sin(self) / self
                }
            }

            #[inline]
            fn sinhc(self) -> Self {
                if self.value() == T::zero() {
                    even_series(self, T::one())
                } else {
                    $Type::sinh(self) / self
                }
            }

            /// cos x / x; 1 with slope 0 at x = 0, the value simba gives `f64`
            /// there (the function has a pole).
            #[inline]
            fn cosc(self) -> Self {
                if self.value() == T::zero() {
                    Self::one()
                } else {
                    $Type::cos(self) / self
                }
            }

            /// cosh x / x; 1 with slope 0 at x = 0, as for `cosc`.
            #[inline]
            fn coshc(self) -> Self {
                if self.value() == T::zero() {
                    Self::one()
                } else {
                    $Type::cosh(self) / self
                }
            }

            /// As `powf`: the exponent is real.
            #[inline]
            fn powc(self, n: Self) -> Self {
                $Type::powf(self, n)
            }

            /// The value's: partials are not inspected (as `Float::is_finite`).
            #[inline]
            fn is_finite(&self) -> bool {
                Float::is_finite(self.value())
            }

            /// √x for x ≥ 0 (including −0), `None` for x < 0 and NaN.
            #[inline]
            fn try_sqrt(self) -> Option<Self> {
                if self.value() >= T::zero() {
                    Some($Type::sqrt(self))
                } else {
                    None
                }
            }
        }
    };
}

complex_field! {
    Dual;
    /// `Dual<T, N>` is a simba `ComplexField` (with `RealField = Self`) for
    /// every `T` that is one: `f32`, `f64`, and nested duals. nalgebra's
    /// decompositions need it.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// use nalgebra::{Matrix2, Vector2};
    ///
    /// // x(θ) solves [[2, θ], [θ, 3]]·x = [1, 1]; at θ = 1 its derivative is
    /// // −A⁻¹(∂A/∂θ)x.
    /// let theta = Dual::<f64, 1>::variable(1.0, 0);
    /// let (one, two, three) = (Dual::constant(1.0), Dual::constant(2.0), Dual::constant(3.0));
    /// let a = Matrix2::new(two, theta, theta, three);
    /// let x = a.lu().solve(&Vector2::new(one, one)).unwrap();
    /// // A = [[2, 1], [1, 3]], x = [0.4, 0.2], ∂A/∂θ·x = [0.2, 0.4],
    /// // so dx/dθ = −A⁻¹[0.2, 0.4] = [−0.04, −0.12].
    /// assert!((x[0].value() - 0.4).abs() < 1e-15 && (x[1].value() - 0.2).abs() < 1e-15);
    /// assert!((x[0].partial(0) + 0.04).abs() < 1e-15);
    /// assert!((x[1].partial(0) + 0.12).abs() < 1e-15);
    /// ```
}

complex_field! {
    Dual2;
    /// `Dual2<T, N>` is a simba `ComplexField` (with `RealField = Self`)
    /// for every `T` that is one, with the same methods and slopes as
    /// `Dual`'s (see the table in this file's docs); the second derivatives
    /// come from the same inherent rules. nalgebra's LU, QR and Cholesky on
    /// `Dual2` matrices give exact Hessians.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// use nalgebra::Matrix2;
    ///
    /// // det [[2, θ], [θ, 3]] = 6 − θ²: at θ = 1, value 5, slope −2,
    /// // curvature −2, through nalgebra's LU.
    /// let theta = Dual2::<f64, 1>::variable(1.0, 0);
    /// let (two, three) = (Dual2::constant(2.0), Dual2::constant(3.0));
    /// let det = Matrix2::new(two, theta, theta, three).lu().determinant();
    /// assert!((det.value() - 5.0).abs() < 1e-14);
    /// assert!((det.gradient()[0] + 2.0).abs() < 1e-14);
    /// assert!((det.hessian_entry(0, 0) + 2.0).abs() < 1e-14);
    /// ```
}

/// 1 + s·x²/6 + x⁴/120 with s = ∓1: sinc (s = −1) and sinhc (s = +1)
/// near 0, for `Dual` and `Dual2`. Evaluated at a number whose value is 0,
/// it gives the exact value and derivatives through the fifth order: the
/// next term is O(x⁶).
#[inline]
fn even_series<T, D>(x: D, sign: T) -> D
where
    T: Float,
    D: Float + Mul<T, Output = D> + Div<T, Output = D>,
{
    let x2 = x * x;
    D::one() + x2 * (sign / cast::<T, _>(6.0)) + x2 * x2 / cast::<T, _>(120.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    type D1 = Dual<f64, 1>;

    #[test]
    fn argument_is_piecewise_constant_with_zero_slope() {
        let positive = ComplexField::argument(D1::variable(2.0, 0));
        let negative = ComplexField::argument(D1::variable(-2.0, 0));
        assert_eq!(positive.into_parts(), (0.0, [0.0]));
        assert_eq!(negative.into_parts(), (core::f64::consts::PI, [0.0]));
        assert_eq!(ComplexField::argument(D1::variable(-0.0, 0)).value(), 0.0);
        assert_eq!(
            ComplexField::argument(D1::new(f64::NAN, [1.0])).value(),
            ComplexField::argument(f64::NAN)
        );
    }

    #[test]
    fn to_exp_rebuilds_the_number_and_its_slope() {
        for x in [-3.0, 0.5] {
            let d = D1::variable(x, 0);
            let (r, e) = ComplexField::to_exp(d);
            let rebuilt = r * e;
            assert_eq!(rebuilt.into_parts(), (x, [1.0]));
            assert_eq!((r.value(), e.value()), ComplexField::to_exp(x));
        }
    }

    #[test]
    fn sinc_at_zero_has_exact_first_and_second_derivatives() {
        // sinc″(0) = −1/3, sinhc″(0) = +1/3.
        type D2 = Dual<D1, 1>;
        let x = D2::new(D1::variable(0.0, 0), [D1::constant(1.0)]);
        let s = ComplexField::sinc(x);
        assert_eq!(s.value().value(), 1.0);
        assert_eq!(s.value().partial(0), 0.0);
        assert!((s.partial(0).partial(0) + 1.0 / 3.0).abs() < 1e-16);
        let h = ComplexField::sinhc(x);
        assert!((h.partial(0).partial(0) - 1.0 / 3.0).abs() < 1e-16);
    }

    #[test]
    fn sinc_away_from_zero_is_the_quotient() {
        let x = D1::variable(0.7, 0);
        let s = ComplexField::sinc(x);
        let slope = (0.7_f64 * 0.7_f64.cos() - 0.7_f64.sin()) / (0.7 * 0.7);
        assert!((s.partial(0) - slope).abs() < 1e-15);
    }

    #[test]
    fn cosc_at_zero_mirrors_f64_without_nan() {
        let c = ComplexField::cosc(D1::variable(0.0, 0));
        assert_eq!(c.into_parts(), (ComplexField::cosc(0.0_f64), [0.0]));
        assert_eq!(
            ComplexField::coshc(D1::variable(0.0, 0)).into_parts(),
            (1.0, [0.0])
        );
    }

    #[test]
    fn try_sqrt_refuses_negative_and_nan() {
        assert!(ComplexField::try_sqrt(D1::variable(-1.0, 0)).is_none());
        assert!(ComplexField::try_sqrt(D1::new(f64::NAN, [1.0])).is_none());
        let root = ComplexField::try_sqrt(D1::variable(4.0, 0)).unwrap();
        assert_eq!(root.into_parts(), (2.0, [0.25]));
    }

    type H1 = Dual2<f64, 1>;

    #[test]
    fn dual2_sinc_at_zero_has_the_series_curvature() {
        let x = H1::variable(0.0, 0);
        let s = ComplexField::sinc(x);
        assert_eq!((s.value(), s.gradient()[0]), (1.0, 0.0));
        assert!((s.hessian_entry(0, 0) + 1.0 / 3.0).abs() < 1e-16);
        let h = ComplexField::sinhc(x);
        assert!((h.hessian_entry(0, 0) - 1.0 / 3.0).abs() < 1e-16);
    }

    #[test]
    fn dual2_sinc_away_from_zero_matches_nested_duals() {
        type D2 = Dual<D1, 1>;
        let nested = ComplexField::sinc(D2::new(D1::variable(0.7, 0), [D1::constant(1.0)]));
        let second = ComplexField::sinc(H1::variable(0.7, 0));
        assert_eq!(second.value(), nested.value().value());
        assert_eq!(second.gradient()[0], nested.value().partial(0));
        let curvature = nested.partial(0).partial(0);
        assert!((second.hessian_entry(0, 0) - curvature).abs() < 1e-15);
    }

    #[test]
    fn dual2_modulus_squared_and_to_exp_carry_curvature() {
        let x = H1::variable(-3.0, 0);
        assert_eq!(
            ComplexField::modulus_squared(x).into_parts(),
            (9.0, [-6.0], [[2.0]])
        );
        let (r, e) = ComplexField::to_exp(x * x * x);
        assert_eq!((r * e).into_parts(), (x * x * x).into_parts());
        assert!(e.is_constant());
        assert!(ComplexField::argument(x).is_constant());
    }

    #[test]
    fn dual2_cosc_at_zero_and_try_sqrt_mirror_dual() {
        assert_eq!(
            ComplexField::cosc(H1::variable(0.0, 0)).into_parts(),
            (1.0, [0.0], [[0.0]])
        );
        assert!(ComplexField::try_sqrt(H1::variable(-1.0, 0)).is_none());
        let root = ComplexField::try_sqrt(H1::variable(4.0, 0)).unwrap();
        assert_eq!(root.into_parts(), (2.0, [0.25], [[-1.0 / 32.0]]));
    }
}
