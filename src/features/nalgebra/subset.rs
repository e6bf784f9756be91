//! simba's `SubsetOf`: the inclusions ℝ ⊂ duals (a plain number is a
//! constant) and `Dual<T₁, N>` ⊂ `Dual<T₂, N>` whenever `T₁` ⊂ `T₂`
//! (part by part), which covers `SubsetOf<Self>` and `f32` ↔ `f64` duals.
//!
//! The way back succeeds only for elements of the subset: a dual is an
//! `f64` only if it is a constant, all the way down for nested duals.

use num_traits::Float;
use simba::scalar::{SubsetOf, SupersetOf};

use crate::Dual;

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
#[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
impl<T1, T2, const N: usize> SubsetOf<Dual<T2, N>> for Dual<T1, N>
where
    T1: Float + SubsetOf<T2>,
    T2: Float,
{
    #[inline]
    fn to_superset(&self) -> Dual<T2, N> {
        Dual::new(
            self.value().to_superset(),
            self.partials().map(|p| p.to_superset()),
        )
    }

    #[inline]
    fn from_superset_unchecked(element: &Dual<T2, N>) -> Self {
        Dual::new(
            T1::from_superset_unchecked(&element.value()),
            element.partials().map(|p| T1::from_superset_unchecked(&p)),
        )
    }

    #[inline]
    fn is_in_subset(element: &Dual<T2, N>) -> bool {
        T1::is_in_subset(&element.value()) && element.partials().iter().all(T1::is_in_subset)
    }
}

/// `f32` ⊂ `Dual<T, N>` and `f64` ⊂ `Dual<T, N>`: a plain number is a
/// constant; a dual converts back only if it is constant (recursively).
macro_rules! plain_numbers_are_constants {
    ($($float:ty),+) => {$(
        #[doc = concat!("`", stringify!($float), "` ⊂ `Dual<T, N>`: a plain number is a constant;")]
        /// a dual converts back only if every partial is zero, recursively for
        /// nested duals.
        ///
        /// ```
        /// use dualgrad::Dual;
        /// use simba::scalar::SupersetOf;
        ///
        #[doc = concat!("let c = Dual::<f64, 2>::from_subset(&(3.0 as ", stringify!($float), "));")]
        /// assert_eq!(c.into_parts(), (3.0, [0.0, 0.0]));
        #[doc = concat!("assert_eq!(SupersetOf::<", stringify!($float), ">::to_subset(&c), Some(3.0));")]
        /// let x = Dual::<f64, 2>::variable(3.0, 0);
        #[doc = concat!("assert_eq!(SupersetOf::<", stringify!($float), ">::to_subset(&x), None);")]
        /// ```
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T, const N: usize> SubsetOf<Dual<T, N>> for $float
        where
            T: Float + SupersetOf<$float>,
        {
            #[inline]
            fn to_superset(&self) -> Dual<T, N> {
                Dual::constant(T::from_subset(self))
            }

            /// The value's; the partials are dropped (use `from_superset`,
            /// which checks that they are zero).
            #[inline]
            fn from_superset_unchecked(element: &Dual<T, N>) -> Self {
                <T as SupersetOf<Self>>::to_subset_unchecked(&element.value())
            }

            #[inline]
            fn is_in_subset(element: &Dual<T, N>) -> bool {
                element.is_constant()
                    && <T as SupersetOf<Self>>::is_in_subset(&element.value())
            }
        }
    )+};
}

plain_numbers_are_constants!(f32, f64);

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
}
