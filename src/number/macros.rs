//! The crate's private macros for trait and operator implementations,
//! defined once and used by every number type (`Dual`, `Dual2`, and for
//! some the sparsity tracer) and by the nalgebra integration.

/// Trait methods that forward to the inherent method of the same name, where
/// the derivative rule and its docs live (`Float`, `ComplexField`), for
/// `Dual` and `Dual2` (`Self::name` resolves to the inherent method first).
macro_rules! forward_to_inherent {
    ($(fn $name:ident(self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)+) => {$(
        #[inline]
        fn $name(self $(, $arg: $ty)*) -> $ret {
            Self::$name(self $(, $arg)*)
        }
    )+};
}

/// The function table's callback for a trait that forwards the entries
/// with one tag (`elementary_functions!(forward_tagged, Float, real)` in
/// simba's `RealField`, `…, complex)` in `ComplexField`): those forward
/// to the inherent methods, the others are left out.
#[cfg(feature = "nalgebra")]
macro_rules! forward_tagged {
    (@entry real real $($signature:tt)*) => {
        forward_to_inherent! { $($signature)* }
    };
    (@entry complex complex $($signature:tt)*) => {
        forward_to_inherent! { $($signature)* }
    };
    (@entry $($other:tt)*) => {};
    ($want:ident $bound:path, $imports:literal, $tolerance:literal; $(
        $(#[doc = $doc:literal])*
        $class:ident $name:ident($($params:tt)*) -> $ret:ty [$($rule:tt)*] [$($oracle:tt)*] $($tag:ident)?;
    )*) => {
        $(forward_tagged! { @entry $want $($tag)? fn $name($($params)*) -> $ret; })*
    };
}

/// `ToPrimitive`'s methods on the value (every number type: the partials
/// are not a number's integer or float conversion).
macro_rules! to_primitive_of_value {
    () => {
        forward_ref_to_value! {
            fn to_i64(&self) -> Option<i64>;
            fn to_u64(&self) -> Option<u64>;
            fn to_i128(&self) -> Option<i128>;
            fn to_u128(&self) -> Option<u128>;
            fn to_f32(&self) -> Option<f32>;
            fn to_f64(&self) -> Option<f64>;
        }
    };
}

/// Trait constants: `T`'s constant with zero partials (`Float`,
/// `FloatConst`, `RealField`), for `Dual` and `Dual2`; `@of f64` takes
/// `f64`'s, for `sparse::Tracer`.
macro_rules! constants {
    ($($name:ident),+ $(,)?) => {
        constants!(@of T; $($name),+);
    };
    (@of $T:ty; $($name:ident),+ $(,)?) => {$(
        #[inline]
        fn $name() -> Self {
            Self::constant(<$T>::$name())
        }
    )+};
}

/// `Default` (the constant 0) and `From<T>` (a constant), for `Dual` and
/// `Dual2`.
macro_rules! constant_conversions {
    ($Type:ident) => {
        impl<T: Float, const N: usize> Default for $Type<T, N> {
            /// The constant 0.
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($Type), ";")]
            #[doc = concat!("let z = ", stringify!($Type), "::<f64, 2>::default();")]
            /// assert!(z.is_constant() && z.value() == 0.0);
            /// ```
            #[inline]
            fn default() -> Self {
                Self::constant(T::zero())
            }
        }

        impl<T: Float, const N: usize> From<T> for $Type<T, N> {
            /// A constant with value `value`.
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($Type), ";")]
            #[doc = concat!("let c: ", stringify!($Type), "<f64, 2> = 3.0.into();")]
            /// assert!(c.is_constant() && c.value() == 3.0);
            /// ```
            #[inline]
            fn from(value: T) -> Self {
                Self::constant(value)
            }
        }
    };
}

/// `f32 op Dual<f32, N>` and `f64 op Dual<f64, N>` (and `Dual2`), by value
/// and by reference.
macro_rules! scalar_on_the_left {
    ($Type:ident; $Op:ident, $op:ident, $kernel:ident, $($t:ty),+) => {$(
        impl<const N: usize> $Op<$Type<$t, N>> for $t {
            type Output = $Type<$t, N>;
            #[inline(always)]
            fn $op(self, rhs: $Type<$t, N>) -> $Type<$t, N> {
                $Type::$kernel(self, rhs)
            }
        }

        impl<const N: usize> $Op<&$Type<$t, N>> for $t {
            type Output = $Type<$t, N>;
            #[inline(always)]
            fn $op(self, rhs: &$Type<$t, N>) -> $Type<$t, N> {
                $Type::$kernel(self, *rhs)
            }
        }
    )+};
}

/// Every ownership and scalar combination of one binary operator, from its
/// three kernels (`Dual op Dual`, `Dual op T`, `T op Dual`), for `Dual` and
/// `Dual2` (used by `dual/ops.rs` and `dual2/ops.rs`).
macro_rules! binary_operator {
    ($Type:ident; $Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident,
     $dual_dual:ident, $dual_scalar:ident, $scalar_dual:ident) => {
        impl<T: Float, const N: usize> $Op for $Type<T, N> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: Self) -> Self {
                self.$dual_dual(rhs)
            }
        }

        impl<T: Float, const N: usize> $Op<&$Type<T, N>> for $Type<T, N> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: &Self) -> Self {
                self.$dual_dual(*rhs)
            }
        }

        impl<T: Float, const N: usize> $Op<$Type<T, N>> for &$Type<T, N> {
            type Output = $Type<T, N>;
            #[inline(always)]
            fn $op(self, rhs: $Type<T, N>) -> $Type<T, N> {
                (*self).$dual_dual(rhs)
            }
        }

        impl<T: Float, const N: usize> $Op<&$Type<T, N>> for &$Type<T, N> {
            type Output = $Type<T, N>;
            #[inline(always)]
            fn $op(self, rhs: &$Type<T, N>) -> $Type<T, N> {
                (*self).$dual_dual(*rhs)
            }
        }

        impl<T: Float, const N: usize> $Op<T> for $Type<T, N> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: T) -> Self {
                self.$dual_scalar(rhs)
            }
        }

        impl<T: Float, const N: usize> $Op<T> for &$Type<T, N> {
            type Output = $Type<T, N>;
            #[inline(always)]
            fn $op(self, rhs: T) -> $Type<T, N> {
                (*self).$dual_scalar(rhs)
            }
        }

        impl<T: Float, const N: usize> $OpAssign for $Type<T, N> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: Self) {
                *self = self.$dual_dual(rhs);
            }
        }

        impl<T: Float, const N: usize> $OpAssign<&$Type<T, N>> for $Type<T, N> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: &Self) {
                *self = self.$dual_dual(*rhs);
            }
        }

        impl<T: Float, const N: usize> $OpAssign<T> for $Type<T, N> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: T) {
                *self = self.$dual_scalar(rhs);
            }
        }

        scalar_on_the_left!($Type; $Op, $op, $scalar_dual, f32, f64);
    };
}

/// Trait methods answered by the value alone.
macro_rules! forward_to_value {
    ($(fn $name:ident(self) -> $ret:ty;)+) => {$(
        #[inline]
        fn $name(self) -> $ret {
            self.value().$name()
        }
    )+};
}

/// `ToPrimitive` methods answered by the value alone.
macro_rules! forward_ref_to_value {
    ($(fn $name:ident(&self) -> $ret:ty;)+) => {$(
        #[inline]
        fn $name(&self) -> $ret {
            self.value().$name()
        }
    )+};
}

/// `FromPrimitive` methods, through `T`'s `NumCast` (a `Float` need not be
/// `FromPrimitive`).
macro_rules! from_primitive {
    ($(fn $name:ident($t:ty);)+) => {$(
        #[inline]
        fn $name(n: $t) -> Option<Self> {
            <Self as NumCast>::from(n)
        }
    )+};
}

/// Comparisons on the value only, for the number type `$T<T, N>`:
/// `PartialEq`/`PartialOrd` with itself and with `T`, and `2.0 == x`,
/// `2.0 < x` for `f32` and `f64` on the left (as `2.0 * x` compiles). Each
/// impl gets a doctest on `$T<f64, 1>` (or `f32`).
macro_rules! value_comparisons {
    ($T:ident) => {
        impl<T: PartialEq, const N: usize> PartialEq for $T<T, N> {
            #[doc = concat!("Compares the values only (see the [type docs](", stringify!($T), ")).")]
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($T), ";")]
            #[doc = concat!("assert_eq!(", stringify!($T), "::<f64, 1>::variable(1.0, 0), ", stringify!($T), "::constant(1.0));")]
            /// ```
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.value == other.value
            }
        }

        impl<T: PartialEq, const N: usize> PartialEq<T> for $T<T, N> {
            /// Compares the value with a plain number.
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($T), ";")]
            #[doc = concat!("assert!(", stringify!($T), "::<f64, 1>::variable(1.0, 0) == 1.0);")]
            /// ```
            #[inline]
            fn eq(&self, other: &T) -> bool {
                self.value == *other
            }
        }

        impl<T: PartialOrd, const N: usize> PartialOrd for $T<T, N> {
            #[doc = concat!("Orders by value only (see the [type docs](", stringify!($T), ")).")]
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($T), ";")]
            #[doc = concat!("assert!(", stringify!($T), "::<f64, 1>::variable(1.0, 0) < ", stringify!($T), "::constant(2.0));")]
            /// ```
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                self.value.partial_cmp(&other.value)
            }
        }

        impl<T: PartialOrd, const N: usize> PartialOrd<T> for $T<T, N> {
            /// Orders the value against a plain number.
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($T), ";")]
            #[doc = concat!("assert!(", stringify!($T), "::<f64, 1>::variable(1.0, 0) < 2.0);")]
            /// ```
            #[inline]
            fn partial_cmp(&self, other: &T) -> Option<core::cmp::Ordering> {
                self.value.partial_cmp(other)
            }
        }

        value_comparisons!(@left $T; f32, f64);
    };
    (@left $T:ident; $($t:ty),+) => {$(
        impl<const N: usize> PartialEq<$T<$t, N>> for $t {
            /// Compares with the value only.
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($T), ";")]
            #[doc = concat!("let x = ", stringify!($T), "::<", stringify!($t), ", 1>::variable(2.0, 0);")]
            #[doc = concat!("assert!(2.0 as ", stringify!($t), " == x);")]
            /// ```
            #[inline]
            fn eq(&self, other: &$T<$t, N>) -> bool {
                *self == other.value
            }
        }

        impl<const N: usize> PartialOrd<$T<$t, N>> for $t {
            /// Orders against the value only.
            ///
            /// ```
            #[doc = concat!("use dualgrad::", stringify!($T), ";")]
            #[doc = concat!("let x = ", stringify!($T), "::<", stringify!($t), ", 1>::variable(2.0, 0);")]
            #[doc = concat!("assert!((1.0 as ", stringify!($t), ") < x && (3.0 as ", stringify!($t), ") > x);")]
            /// ```
            #[inline]
            fn partial_cmp(&self, other: &$T<$t, N>) -> Option<core::cmp::Ordering> {
                self.partial_cmp(&other.value)
            }
        }
    )+};
}

/// `-&x`, and `Sum`/`Product` (owned and by reference) for the number type
/// `$T<T, N>`, from its `Neg`, `Add` and `Mul`.
macro_rules! neg_ref_sum_product {
    ($T:ident) => {
        impl<T: Float, const N: usize> Neg for &$T<T, N> {
            type Output = $T<T, N>;
            #[inline(always)]
            fn neg(self) -> $T<T, N> {
                -*self
            }
        }

        impl<T: Float, const N: usize> Sum for $T<T, N> {
            /// Adds from −0, like `f64`'s `Sum`, so the value is bit-identical.
            fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
                iter.fold(Self::constant(T::neg_zero()), Add::add)
            }
        }

        impl<'a, T: Float, const N: usize> Sum<&'a $T<T, N>> for $T<T, N> {
            fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
                iter.copied().sum()
            }
        }

        impl<T: Float, const N: usize> Product for $T<T, N> {
            fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
                iter.fold(Self::constant(T::one()), Mul::mul)
            }
        }

        impl<'a, T: Float, const N: usize> Product<&'a $T<T, N>> for $T<T, N> {
            fn product<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
                iter.copied().product()
            }
        }
    };
}

/// `x op 2.0` and `2.0 op x` on nested duals `Dual<Dual<t, M>, N>` (the
/// number of the Hessian-vector products and of nested driver calls) for
/// `t` = `f32`, `f64`: the plain number is
/// lifted to the constant inner dual `Dual::constant(c)` and the `Dual op T`
/// kernel does the rest, so no rule is written twice. With `Dual op Dual`
/// and `Dual op T` from [`binary_operator!`], a closure written with float
/// literals compiles on every number type the drivers pass it.
macro_rules! nested_scalar_operator {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident,
     $dual_scalar:ident, $scalar_dual:ident; $($t:ty),+) => {$(
        impl<const M: usize, const N: usize> $Op<$t> for Dual<Dual<$t, M>, N> {
            type Output = Self;
            #[inline(always)]
            fn $op(self, rhs: $t) -> Self {
                self.$dual_scalar(Dual::constant(rhs))
            }
        }

        impl<const M: usize, const N: usize> $Op<$t> for &Dual<Dual<$t, M>, N> {
            type Output = Dual<Dual<$t, M>, N>;
            #[inline(always)]
            fn $op(self, rhs: $t) -> Dual<Dual<$t, M>, N> {
                (*self).$dual_scalar(Dual::constant(rhs))
            }
        }

        impl<const M: usize, const N: usize> $OpAssign<$t> for Dual<Dual<$t, M>, N> {
            #[inline(always)]
            fn $op_assign(&mut self, rhs: $t) {
                *self = self.$dual_scalar(Dual::constant(rhs));
            }
        }

        impl<const M: usize, const N: usize> $Op<Dual<Dual<$t, M>, N>> for $t {
            type Output = Dual<Dual<$t, M>, N>;
            #[inline(always)]
            fn $op(self, rhs: Dual<Dual<$t, M>, N>) -> Dual<Dual<$t, M>, N> {
                Dual::$scalar_dual(Dual::constant(self), rhs)
            }
        }

        impl<const M: usize, const N: usize> $Op<&Dual<Dual<$t, M>, N>> for $t {
            type Output = Dual<Dual<$t, M>, N>;
            #[inline(always)]
            fn $op(self, rhs: &Dual<Dual<$t, M>, N>) -> Dual<Dual<$t, M>, N> {
                Dual::$scalar_dual(Dual::constant(self), *rhs)
            }
        }
    )+};
}

/// `x == 2.0`, `x < 2.0`, `2.0 == x` and `2.0 < x` on nested duals
/// `Dual<Dual<t, M>, N>` for `t` = `f32`, `f64`, on the value only, as
/// [`value_comparisons!`] gives them on `Dual<t, N>`.
macro_rules! nested_value_comparisons {
    ($($t:ty),+) => {$(
        impl<const M: usize, const N: usize> PartialEq<$t> for Dual<Dual<$t, M>, N> {
            /// Compares the value with a plain number.
            ///
            /// ```
            /// use dualgrad::Dual;
            #[doc = concat!("let x: Dual<Dual<", stringify!($t), ", 1>, 1> = Dual::constant(Dual::constant(2.0));")]
            /// assert!(x == 2.0 && 2.0 == x);
            /// ```
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                self.value().value() == *other
            }
        }

        impl<const M: usize, const N: usize> PartialOrd<$t> for Dual<Dual<$t, M>, N> {
            /// Orders the value against a plain number.
            ///
            /// ```
            /// use dualgrad::Dual;
            #[doc = concat!("let x: Dual<Dual<", stringify!($t), ", 1>, 1> = Dual::constant(Dual::constant(2.0));")]
            /// assert!(x < 3.0 && 1.0 < x);
            /// ```
            #[inline]
            fn partial_cmp(&self, other: &$t) -> Option<core::cmp::Ordering> {
                self.value().value().partial_cmp(other)
            }
        }

        impl<const M: usize, const N: usize> PartialEq<Dual<Dual<$t, M>, N>> for $t {
            /// Compares with the value only.
            #[inline]
            fn eq(&self, other: &Dual<Dual<$t, M>, N>) -> bool {
                *self == other.value().value()
            }
        }

        impl<const M: usize, const N: usize> PartialOrd<Dual<Dual<$t, M>, N>> for $t {
            /// Orders against the value only.
            #[inline]
            fn partial_cmp(&self, other: &Dual<Dual<$t, M>, N>) -> Option<core::cmp::Ordering> {
                self.partial_cmp(&other.value().value())
            }
        }
    )+};
}

/// The methods of `impl Float` for a number type whose every function is an
/// inherent method of the same name (where its rule lives; the list is the
/// function table's `Float` group) and whose predicates are its value's,
/// with the constants of the primitive `$T` (`T` for `Dual` and `Dual2`,
/// `f64` for `sparse::Tracer`).
macro_rules! float_methods {
    ($T:ty) => {
        constants!(
            @of $T;
            nan,
            infinity,
            neg_infinity,
            neg_zero,
            min_value,
            min_positive_value,
            epsilon,
            max_value
        );

        forward_to_value! {
            fn is_nan(self) -> bool;
            fn is_infinite(self) -> bool;
            fn is_finite(self) -> bool;
            fn is_normal(self) -> bool;
            fn is_subnormal(self) -> bool;
            fn classify(self) -> FpCategory;
            fn is_sign_positive(self) -> bool;
            fn is_sign_negative(self) -> bool;
            fn integer_decode(self) -> (u64, i16, i8);
        }

        elementary_functions!(forward_elementary_functions, Float);
    };
}

/// The function table's callback for a trait impl: every entry's method
/// forwards to the inherent method of the same name (`impl Float` with the
/// `Float` group, `impl SpecialFloat` with the `SpecialFloat` group).
macro_rules! forward_elementary_functions {
    ($bound:path, $imports:literal, $tolerance:literal; $(
        $(#[doc = $doc:literal])*
        $class:ident $name:ident($($params:tt)*) -> $ret:ty [$($rule:tt)*] [$($oracle:tt)*] $($tag:ident)?;
    )*) => {
        forward_to_inherent! { $(fn $name($($params)*) -> $ret;)* }
    };
}

/// `SpecialFloat` for the number type `$T<T, N>` (`Dual`, `Dual2`), or for
/// `$T` alone (`sparse::Tracer`): every method of the table's
/// `SpecialFloat` group forwards to the inherent method of the same name,
/// where its rule lives.
#[cfg(feature = "special")]
macro_rules! special_float_for {
    ($T:ident) => {
        impl<T: SpecialFloat, const N: usize> SpecialFloat for $T<T, N> {
            elementary_functions!(forward_elementary_functions, SpecialFloat);
        }
    };
    ($T:ident, plain) => {
        impl SpecialFloat for $T {
            elementary_functions!(forward_elementary_functions, SpecialFloat);
        }
    };
}

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
            float_methods!(T);
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
            to_primitive_of_value!();
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
