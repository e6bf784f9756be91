//! The crate's private macros for trait and operator implementations,
//! defined once and used by `ops.rs`, `num_traits_impls.rs`, the nalgebra
//! integration and their `Dual2` counterparts.

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

/// Trait constants: `T`'s constant with zero partials (`Float`,
/// `FloatConst`, `RealField`), for `Dual` and `Dual2`.
macro_rules! constants {
    ($($name:ident),+ $(,)?) => {$(
        #[inline]
        fn $name() -> Self {
            Self::constant(T::$name())
        }
    )+};
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
/// `Dual2` (used by `ops.rs` and `dual2/ops.rs`).
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
