//! The numbers a `Dual` or a `Dual2` carries, seen as one list of *parts*,
//! so that the integrations that must look at every number (approx's
//! comparisons) are written once, by a macro over the type, on top of
//! `parts`.
//!
//! - `Dual`: the value, then the `N` partials.
//! - `Dual2`: the value, the `N` gradient entries, then the Hessian's upper
//!   triangle (i ≤ j), N(N + 1)/2 entries: the entries below the diagonal
//!   are a mirror, not independent numbers.
//!
//! Only the public accessors are used, so the storage of either type stays
//! private to its own module.

use num_traits::Float;

use crate::{Dual, Dual2};

impl<T: Float, const N: usize> Dual<T, N> {
    /// The value, then the partials.
    #[inline]
    pub(crate) fn parts(&self) -> impl Iterator<Item = T> + '_ {
        core::iter::once(self.value()).chain(self.partials().iter().copied())
    }
}

impl<T: Float, const N: usize> Dual2<T, N> {
    /// The value, the gradient, then the Hessian's upper triangle row by
    /// row.
    #[inline]
    pub(crate) fn parts(&self) -> impl Iterator<Item = T> + '_ {
        let upper_triangle =
            (0..N).flat_map(move |i| (i..N).map(move |j| self.hessian_entry(i, j)));
        core::iter::once(self.value())
            .chain(self.gradient().iter().copied())
            .chain(upper_triangle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dual2_parts_are_value_gradient_and_upper_triangle() {
        let d = Dual2::new(1.0, [2.0, 3.0], [[4.0, 5.0], [99.0, 6.0]]);
        let parts: Vec<f64> = d.parts().collect();
        assert_eq!(parts, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    }

    #[test]
    fn dual_parts_are_value_and_partials() {
        let d = Dual::new(1.0, [2.0, 3.0]);
        assert_eq!(d.parts().collect::<Vec<_>>(), [1.0, 2.0, 3.0]);
    }
}
