//! simba's `SubsetOf`: the inclusions ℝ ⊂ duals (a plain number is a
//! constant) and `Dual<T₁, N>` ⊂ `Dual<T₂, N>` whenever `T₁` ⊂ `T₂`
//! (part by part), which covers `SubsetOf<Self>` and `f32` ↔ `f64` duals;
//! the same for `Dual2`. One macro writes them for both types, on top of
//! their list of parts (`number/parts.rs`: the value and partials, or
//! the value, gradient and Hessian).
//!
//! The way back succeeds only for elements of the subset: a dual is an
//! `f64` only if it is a constant, all the way down for nested duals.

use num_traits::Float;
use simba::scalar::{SubsetOf, SupersetOf};

use crate::{Dual, Dual2};

/// `$Type<T₁, N>` ⊂ `$Type<T₂, N>`, with the given docs.
macro_rules! part_by_part {
    ($Type:ident; $(#[$doc:meta])*) => {
        $(#[$doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T1, T2, const N: usize> SubsetOf<$Type<T2, N>> for $Type<T1, N>
        where
            T1: Float + SubsetOf<T2>,
            T2: Float,
        {
            #[inline]
            fn to_superset(&self) -> $Type<T2, N> {
                self.map_parts(|p| p.to_superset())
            }

            #[inline]
            fn from_superset_unchecked(element: &$Type<T2, N>) -> Self {
                element.map_parts(|p| T1::from_superset_unchecked(&p))
            }

            #[inline]
            fn is_in_subset(element: &$Type<T2, N>) -> bool {
                element.parts().all(|p| T1::is_in_subset(&p))
            }
        }
    };
}

part_by_part! {
    Dual;
    /// `Dual<T₁, N>` ⊂ `Dual<T₂, N>`, converting the value and each partial.
    /// With `T₁ = T₂` this is the identity that `ComplexField` requires.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// use simba::scalar::SupersetOf;
    ///
    /// let single = Dual::<f32, 2>::new(1.5, [2.0, -0.25]);
    /// let double: Dual<f64, 2> = Dual::from_subset(&single);
    /// assert_eq!(double.into_parts(), (1.5, [2.0, -0.25]));
    /// let back: Option<Dual<f32, 2>> = double.to_subset();
    /// assert_eq!(back.unwrap().partials(), single.partials());
    /// ```
}

part_by_part! {
    Dual2;
    /// `Dual2<T₁, N>` ⊂ `Dual2<T₂, N>`, converting the value, each gradient
    /// entry and each Hessian entry. With `T₁ = T₂` this is the identity
    /// that `ComplexField` requires.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// use simba::scalar::SupersetOf;
    ///
    /// let single = Dual2::<f32, 2>::new(1.5, [2.0, -0.25], [[1.0, 0.5], [0.5, 4.0]]);
    /// let double: Dual2<f64, 2> = Dual2::from_subset(&single);
    /// assert_eq!(double.into_parts(), (1.5, [2.0, -0.25], [[1.0, 0.5], [0.5, 4.0]]));
    /// let back: Option<Dual2<f32, 2>> = double.to_subset();
    /// assert_eq!(back.unwrap().hessian(), single.hessian());
    /// ```
}

/// `f32` ⊂ `$Type<T, N>` and `f64` ⊂ `$Type<T, N>`: a plain number is a
/// constant; a dual converts back only if it is constant (recursively).
macro_rules! plain_numbers_are_constants {
    ($Type:ident; $($float:ty),+) => {$(
        #[doc = concat!("`", stringify!($float), "` ⊂ `", stringify!($Type), "<T, N>`: a plain number is a constant;")]
        /// a dual converts back only if every other part is zero, recursively
        /// for nested duals.
        ///
        /// ```
        #[doc = concat!("use dualgrad::", stringify!($Type), ";")]
        /// use simba::scalar::SupersetOf;
        ///
        #[doc = concat!("let c = ", stringify!($Type), "::<f64, 2>::from_subset(&(3.0 as ", stringify!($float), "));")]
        /// assert!(c.is_constant() && c.value() == 3.0);
        #[doc = concat!("assert_eq!(SupersetOf::<", stringify!($float), ">::to_subset(&c), Some(3.0));")]
        #[doc = concat!("let x = ", stringify!($Type), "::<f64, 2>::variable(3.0, 0);")]
        #[doc = concat!("assert_eq!(SupersetOf::<", stringify!($float), ">::to_subset(&x), None);")]
        /// ```
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T, const N: usize> SubsetOf<$Type<T, N>> for $float
        where
            T: Float + SupersetOf<$float>,
        {
            #[inline]
            fn to_superset(&self) -> $Type<T, N> {
                $Type::constant(T::from_subset(self))
            }

            /// The value's; the other parts are dropped (use
            /// `from_superset`, which checks that they are zero).
            #[inline]
            fn from_superset_unchecked(element: &$Type<T, N>) -> Self {
                <T as SupersetOf<Self>>::to_subset_unchecked(&element.value())
            }

            #[inline]
            fn is_in_subset(element: &$Type<T, N>) -> bool {
                element.is_constant()
                    && <T as SupersetOf<Self>>::is_in_subset(&element.value())
            }
        }
    )+};
}

plain_numbers_are_constants!(Dual; f32, f64);
plain_numbers_are_constants!(Dual2; f32, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_dual_is_a_plain_number_only_when_constant_all_the_way_down() {
        type D2 = Dual<Dual<f64, 1>, 1>;
        let constant = D2::from_subset(&2.0_f64);
        assert_eq!(SupersetOf::<f64>::to_subset(&constant), Some(2.0));
        let inner_variable = D2::constant(Dual::variable(2.0, 0));
        assert_eq!(SupersetOf::<f64>::to_subset(&inner_variable), None);
        let outer_variable = D2::new(Dual::constant(2.0), [Dual::constant(1.0)]);
        assert_eq!(SupersetOf::<f64>::to_subset(&outer_variable), None);
    }

    #[test]
    fn identity_inclusion_round_trips_partials() {
        let x = Dual::<f64, 2>::new(1.0, [2.0, 3.0]);
        let y: Dual<f64, 2> = SupersetOf::<Dual<f64, 2>>::to_subset(&x).unwrap();
        assert_eq!(y.into_parts(), x.into_parts());
    }

    #[test]
    fn dual2_is_a_plain_number_only_when_gradient_and_hessian_are_zero() {
        let constant = Dual2::<f64, 2>::from_subset(&2.0_f64);
        assert_eq!(SupersetOf::<f64>::to_subset(&constant), Some(2.0));
        let curved = Dual2::<f64, 2>::new(2.0, [0.0; 2], [[0.0, 1.0], [1.0, 0.0]]);
        assert_eq!(SupersetOf::<f64>::to_subset(&curved), None);
        assert_eq!(SupersetOf::<f32>::to_subset(&curved), None);
    }

    #[test]
    fn dual2_identity_inclusion_round_trips_the_hessian() {
        let x = Dual2::<f64, 2>::new(1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]);
        let y: Dual2<f64, 2> = SupersetOf::<Dual2<f64, 2>>::to_subset(&x).unwrap();
        assert_eq!(y.into_parts(), x.into_parts());
    }

    #[test]
    fn dual2_is_in_a_nested_subset_only_when_every_part_is() {
        type Inner = Dual<f64, 1>;
        let inner_constant = Dual2::<Inner, 1>::new(
            Inner::constant(1.0),
            [Inner::constant(2.0)],
            [[Inner::constant(3.0)]],
        );
        let plain: Option<Dual2<f64, 1>> = inner_constant.to_subset();
        assert_eq!(plain.unwrap().into_parts(), (1.0, [2.0], [[3.0]]));
        let inner_curvature = Dual2::<Inner, 1>::new(
            Inner::constant(1.0),
            [Inner::constant(2.0)],
            [[Inner::variable(3.0, 0)]],
        );
        assert!(SupersetOf::<Dual2<f64, 1>>::to_subset(&inner_curvature).is_none());
    }
}
