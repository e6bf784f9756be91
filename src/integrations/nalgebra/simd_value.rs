//! simba's `SimdValue`: a `Dual` or a `Dual2` is a SIMD value of one lane,
//! itself.

use num_traits::Float;
use simba::simd::SimdValue;

use crate::{Dual, Dual2};

/// `impl SimdValue for $Type<T, N>` (one lane) with the given docs.
macro_rules! one_lane {
    ($Type:ident; $(#[$doc:meta])*) => {
        $(#[$doc])*
        // The one audited exception to `deny(unsafe_code)`: simba declares
        // `extract_unchecked` and `replace_unchecked` as `unsafe fn`.
        #[allow(unsafe_code)]
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T: Float, const N: usize> SimdValue for $Type<T, N> {
            const LANES: usize = 1;
            type Element = Self;
            type SimdBool = bool;

            #[inline]
            fn splat(val: Self) -> Self {
                val
            }

            #[inline]
            fn extract(&self, _lane: usize) -> Self {
                *self
            }

            // SAFETY: the body is safe code (a copy of `self`), with no
            // precondition on the lane index: any index, in range or not,
            // is sound.
            #[inline]
            unsafe fn extract_unchecked(&self, lane: usize) -> Self {
                self.extract(lane)
            }

            #[inline]
            fn replace(&mut self, _lane: usize, val: Self) {
                *self = val;
            }

            // SAFETY: the body is safe code (an assignment to `*self`), with
            // no precondition on the lane index: any index, in range or not,
            // is sound.
            #[inline]
            unsafe fn replace_unchecked(&mut self, lane: usize, val: Self) {
                self.replace(lane, val);
            }

            #[inline]
            fn select(self, cond: bool, other: Self) -> Self {
                if cond { self } else { other }
            }
        }
    };
}

one_lane! {
    Dual;
    /// A `Dual` is a scalar for simba: one lane, `Element = Self`,
    /// `SimdBool = bool`. As for simba's `f64`, the lane index is ignored
    /// (there is only lane 0), so no method can panic or misbehave.
    ///
    /// ```
    /// use dualgrad::Dual;
    /// use simba::simd::SimdValue;
    ///
    /// let x = Dual::<f64, 1>::variable(2.0, 0);
    /// assert_eq!(Dual::<f64, 1>::LANES, 1);
    /// assert_eq!(x.extract(0).partials(), &[1.0]);
    /// let picked = x.select(false, Dual::constant(5.0));
    /// assert_eq!(picked.into_parts(), (5.0, [0.0]));
    /// ```
}

one_lane! {
    Dual2;
    /// A `Dual2` is a scalar for simba, as `Dual` is: one lane,
    /// `Element = Self`, `SimdBool = bool`; the lane index is ignored.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// use simba::simd::SimdValue;
    ///
    /// let x = Dual2::<f64, 1>::variable(2.0, 0);
    /// assert_eq!(Dual2::<f64, 1>::LANES, 1);
    /// assert_eq!((x * x).extract(0).into_parts(), (4.0, [4.0], [[2.0]]));
    /// let picked = x.select(false, Dual2::constant(5.0));
    /// assert!(picked.is_constant());
    /// ```
}
