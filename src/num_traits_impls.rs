//! The `num-traits` implementations: `Float` and everything it needs.
//!
//! Every differentiable method forwards to the inherent method of the same
//! name (in `rules/`), where its derivative rule and docs live. Predicates
//! and classifications look at the value; constants have zero partials.
//!
//! Written once, as the macro `num_traits_for!`, for [`Dual`] here and for
//! [`Dual2`](crate::Dual2) in `dual2/num_traits_impls.rs`.

use crate::Dual;

/// `Float`, `FloatConst`, `Zero`, `One`, `Num`, `NumCast`, `ToPrimitive`,
/// `FromPrimitive`, `Signed` and `Inv` for the number type `$T<T, N>`,
/// whose non-value parts `$parts` names in the docs.
macro_rules! num_traits_for {
    ($T:ident, parts: $parts:literal) => {
        use core::num::FpCategory;

        use num_traits::{
            Float, FloatConst, FromPrimitive, Inv, Num, NumCast, One, Signed, ToPrimitive, Zero,
        };

        impl<T: Float, const N: usize> Float for $T<T, N> {
            float_methods!(constants);
        }

        impl<T: Float, const N: usize> Zero for $T<T, N> {
            #[inline]
            fn zero() -> Self {
                Self::constant(T::zero())
            }

            #[doc = concat!("Structural: the value **and** ", $parts, " are zero (unlike `==`, which compares values only).")]
            #[inline]
            fn is_zero(&self) -> bool {
                self.value().is_zero() && self.is_constant()
            }
        }

        impl<T: Float, const N: usize> One for $T<T, N> {
            #[inline]
            fn one() -> Self {
                Self::constant(T::one())
            }

            #[doc = concat!("Structural: value 1 and ", $parts, " zero.")]
            #[inline]
            fn is_one(&self) -> bool {
                self.value().is_one() && self.is_constant()
            }
        }

        impl<T: Float, const N: usize> Num for $T<T, N> {
            type FromStrRadixErr = T::FromStrRadixErr;

            /// Parses a constant. A radix outside 2..=36 is an error, not the panic
            /// of num-traits' float parser (which calls `char::to_digit`).
            fn from_str_radix(text: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
                if !(2..=36).contains(&radix) {
                    // T's own error for an unparsable string.
                    return T::from_str_radix("", 10).map(Self::constant);
                }
                T::from_str_radix(text, radix).map(Self::constant)
            }
        }

        impl<T: Float, const N: usize> ToPrimitive for $T<T, N> {
            forward_ref_to_value! {
                fn to_i64(&self) -> Option<i64>;
                fn to_u64(&self) -> Option<u64>;
                fn to_i128(&self) -> Option<i128>;
                fn to_u128(&self) -> Option<u128>;
                fn to_f32(&self) -> Option<f32>;
                fn to_f64(&self) -> Option<f64>;
            }
        }

        impl<T: Float, const N: usize> NumCast for $T<T, N> {
            /// A constant, if `T` can represent `n`.
            #[inline]
            fn from<P: ToPrimitive>(n: P) -> Option<Self> {
                <T as NumCast>::from(n).map(Self::constant)
            }
        }

        impl<T: Float, const N: usize> FromPrimitive for $T<T, N> {
            from_primitive! {
                fn from_i64(i64);
                fn from_u64(u64);
                fn from_i128(i128);
                fn from_u128(u128);
                fn from_f32(f32);
                fn from_f64(f64);
            }
        }

        impl<T: Float, const N: usize> Signed for $T<T, N> {
            #[inline]
            fn abs(&self) -> Self {
                $T::abs(*self)
            }

            #[inline]
            fn abs_sub(&self, other: &Self) -> Self {
                $T::abs_sub(*self, *other)
            }

            #[inline]
            fn signum(&self) -> Self {
                $T::signum(*self)
            }

            /// As for `f64`: true for +0 and +∞ too.
            #[inline]
            fn is_positive(&self) -> bool {
                self.value().is_sign_positive()
            }

            /// As for `f64`: true for −0 and −∞ too.
            #[inline]
            fn is_negative(&self) -> bool {
                self.value().is_sign_negative()
            }
        }

        impl<T: Float, const N: usize> Inv for $T<T, N> {
            type Output = Self;

            #[doc = concat!("1/x, as [`", stringify!($T), "::recip`].")]
            #[inline]
            fn inv(self) -> Self {
                self.recip()
            }
        }

        impl<T: Float, const N: usize> Inv for &$T<T, N> {
            type Output = $T<T, N>;

            #[inline]
            fn inv(self) -> $T<T, N> {
                self.recip()
            }
        }

        impl<T: Float + FloatConst, const N: usize> FloatConst for $T<T, N> {
            constants!(
                E,
                FRAC_1_PI,
                FRAC_1_SQRT_2,
                FRAC_2_PI,
                FRAC_2_SQRT_PI,
                FRAC_PI_2,
                FRAC_PI_3,
                FRAC_PI_4,
                FRAC_PI_6,
                FRAC_PI_8,
                LN_10,
                LN_2,
                LOG10_E,
                LOG2_E,
                PI,
                SQRT_2,
                TAU,
                LOG10_2,
                LOG2_10,
            );
        }
    };
}

pub(crate) use num_traits_for;

num_traits_for!(Dual, parts: "every partial");
