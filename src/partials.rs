//! The arithmetic kernel on partial-derivative arrays.
//!
//! Every derivative rule in the crate reduces to one of two operations on the
//! `[T; N]` arrays of partials:
//!
//! * [`scale`]: `d · p`, the chain rule of a one-argument function with
//!   derivative `d`;
//! * [`combine`]: `a · p + b · q`, the chain rule of a two-argument function
//!   with partial derivatives `a` and `b` (the product and quotient rules are
//!   instances).
//!
//! Both keep the one promise that makes constants safe: **a zero partial stays
//! zero**, even when the coefficient is infinite or NaN. IEEE arithmetic would
//! give `0 · ∞ = NaN`, so `sqrt` of a constant 0 would report NaN slopes in
//! every direction. The check costs one well-predicted branch per operation:
//! finite coefficients (the common case) take the plain vectorisable loop,
//! non-finite ones take a cold path that skips the zero entries.

use core::array;

use num_traits::Float;

/// `d · p`, entry by entry, with `d · 0 = 0` even when `d` is ±∞ or NaN.
#[inline]
pub(crate) fn scale<T: Float, const N: usize>(d: T, p: &[T; N]) -> [T; N] {
    if d.is_finite() {
        array::from_fn(|i| d * p[i])
    } else {
        scale_skipping_zeros(d, p)
    }
}

/// `a · p + b · q`, entry by entry, where a term with a zero partial
/// contributes exactly 0 even when its coefficient is ±∞ or NaN.
#[inline]
pub(crate) fn combine<T: Float, const N: usize>(a: T, p: &[T; N], b: T, q: &[T; N]) -> [T; N] {
    if a.is_finite() && b.is_finite() {
        array::from_fn(|i| a * p[i] + b * q[i])
    } else {
        combine_skipping_zeros(a, p, b, q)
    }
}

/// `p + q`, entry by entry.
#[inline]
pub(crate) fn add<T: Float, const N: usize>(p: &[T; N], q: &[T; N]) -> [T; N] {
    array::from_fn(|i| p[i] + q[i])
}

/// `p − q`, entry by entry.
#[inline]
pub(crate) fn sub<T: Float, const N: usize>(p: &[T; N], q: &[T; N]) -> [T; N] {
    array::from_fn(|i| p[i] - q[i])
}

/// `−p`, entry by entry.
#[inline]
pub(crate) fn neg<T: Float, const N: usize>(p: &[T; N]) -> [T; N] {
    array::from_fn(|i| -p[i])
}

/// `N` zeros.
#[inline]
pub(crate) fn zeros<T: Float, const N: usize>() -> [T; N] {
    [T::zero(); N]
}

/// The unit vector `eᵢ`: 1 in slot `i`, 0 elsewhere.
#[inline]
pub(crate) fn unit<T: Float, const N: usize>(i: usize) -> [T; N] {
    array::from_fn(|j| if j == i { T::one() } else { T::zero() })
}

/// `d · x`, or exactly 0 when `x` is zero (whatever `d` is).
#[inline]
fn term<T: Float>(d: T, x: T) -> T {
    if x.is_zero() { T::zero() } else { d * x }
}

#[cold]
fn scale_skipping_zeros<T: Float, const N: usize>(d: T, p: &[T; N]) -> [T; N] {
    array::from_fn(|i| term(d, p[i]))
}

#[cold]
fn combine_skipping_zeros<T: Float, const N: usize>(a: T, p: &[T; N], b: T, q: &[T; N]) -> [T; N] {
    array::from_fn(|i| term(a, p[i]) + term(b, q[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_keeps_zero_partials_zero_under_infinite_coefficient() {
        let p = [0.0, 2.0, -0.0];
        let s = scale(f64::INFINITY, &p);
        assert_eq!(s[0], 0.0);
        assert_eq!(s[1], f64::INFINITY);
        assert_eq!(s[2], 0.0);
    }

    #[test]
    fn scale_keeps_zero_partials_zero_under_nan_coefficient() {
        let s = scale(f64::NAN, &[0.0, 1.0]);
        assert_eq!(s[0], 0.0);
        assert!(s[1].is_nan());
    }

    #[test]
    fn scale_with_finite_coefficient_is_plain_multiplication() {
        assert_eq!(
            scale(3.0, &[1.0, -2.0, f64::INFINITY]),
            [3.0, -6.0, f64::INFINITY]
        );
    }

    #[test]
    fn combine_is_a_linear_combination() {
        assert_eq!(combine(2.0, &[1.0, 0.0], -1.0, &[0.5, 4.0]), [1.5, -4.0]);
    }

    #[test]
    fn combine_drops_infinite_terms_on_zero_partials() {
        let c = combine(f64::INFINITY, &[0.0, 1.0], 2.0, &[3.0, 0.0]);
        assert_eq!(c[0], 6.0);
        assert_eq!(c[1], f64::INFINITY);
    }

    #[test]
    fn unit_vector_has_a_single_one() {
        assert_eq!(unit::<f64, 3>(1), [0.0, 1.0, 0.0]);
        assert_eq!(zeros::<f64, 2>(), [0.0, 0.0]);
    }
}
