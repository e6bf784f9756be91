//! The crate's private macros for trait implementations, defined once and
//! used by `num_traits_impls.rs` and the nalgebra integration.

/// Trait methods that forward to the inherent method of the same name, where
/// the derivative rule and its docs live (`Float`, `ComplexField`).
macro_rules! forward_to_inherent {
    ($(fn $name:ident(self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)+) => {$(
        #[inline]
        fn $name(self $(, $arg: $ty)*) -> $ret {
            Dual::$name(self $(, $arg)*)
        }
    )+};
}

/// Trait constants: `T`'s constant with zero partials (`Float`,
/// `FloatConst`, `RealField`).
macro_rules! constants {
    ($($name:ident),+ $(,)?) => {$(
        #[inline]
        fn $name() -> Self {
            Self::constant(T::$name())
        }
    )+};
}
