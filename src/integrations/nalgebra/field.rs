//! simba's `Field`: `Dual` and `Dual2` have the four operations, their
//! `op=` forms and negation, each carrying its derivative rule (`number/dual/ops.rs`,
//! `number/dual2/ops.rs`).

use num_traits::Float;
use simba::scalar::Field;

use crate::{Dual, Dual2};

/// `impl Field for $Type<T, N>` with the given docs.
macro_rules! field {
    ($Type:ident; $(#[$doc:meta])*) => {
        $(#[$doc])*
        #[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
        impl<T: Float, const N: usize> Field for $Type<T, N> {}
    };
}

field! {
    Dual;
    /// Duals form a field for simba's purposes (strictly a ring: ε has no
    /// inverse, but division by a dual with a nonzero value is defined).
    ///
    /// ```
    /// use dualgrad::Dual;
    /// fn halve<F: simba::scalar::Field + From<f64>>(x: F) -> F {
    ///     x / F::from(2.0)
    /// }
    /// assert_eq!(halve(Dual::<f64, 1>::variable(3.0, 0)).into_parts(), (1.5, [0.5]));
    /// ```
}

field! {
    Dual2;
    /// Second-order duals form a field for simba's purposes, as `Dual`
    /// does (strictly a ring: division by a number with a nonzero value is
    /// defined).
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// fn halve<F: simba::scalar::Field + From<f64>>(x: F) -> F {
    ///     x / F::from(2.0)
    /// }
    /// let x = Dual2::<f64, 1>::variable(3.0, 0);
    /// assert_eq!(halve(x * x).into_parts(), (4.5, [3.0], [[1.0]]));
    /// ```
}
