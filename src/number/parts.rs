//! The numbers a `Dual` or a `Dual2` carries, seen as one list of *parts*,
//! so that the integrations that must look at every number (approx's
//! comparisons, simba's subset conversions) are written once, by a macro
//! over the type, on top of `parts` and `map_parts`.
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

    /// `f` applied to every part: the value and each partial.
    #[cfg(feature = "nalgebra")]
    #[inline]
    pub(crate) fn map_parts<U: Float>(&self, mut f: impl FnMut(T) -> U) -> Dual<U, N> {
        Dual::new(f(self.value()), self.partials().map(f))
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

    /// `f` applied to every part. `f` also sees the mirrored entries below
    /// the diagonal (through [`hessian`](Dual2::hessian)), which
    /// [`Dual2::new`] then drops: each is a copy of an upper entry, so `f`
    /// never sees a number that is not part of this one.
    #[cfg(feature = "nalgebra")]
    #[inline]
    pub(crate) fn map_parts<U: Float>(&self, mut f: impl FnMut(T) -> U) -> Dual2<U, N> {
        Dual2::new(
            f(self.value()),
            self.gradient().map(&mut f),
            self.hessian().map(|row| row.map(&mut f)),
        )
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

    #[cfg(feature = "nalgebra")]
    #[test]
    fn map_parts_keeps_the_hessian_symmetric() {
        let d = Dual2::new(1.0_f64, [2.0, 3.0], [[4.0, 5.0], [99.0, 6.0]]);
        let single = d.map_parts(|p| p as f32);
        assert_eq!(
            single.into_parts(),
            (1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]])
        );
    }
}
