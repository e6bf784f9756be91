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
//! every direction. For up to 4 plain-float partials each entry is masked
//! (`x == 0 ? 0 : d·x`, two SIMD instructions); otherwise one well-predicted
//! branch per operation sends finite coefficients (the common case) down the
//! plain vectorisable loop and non-finite ones to an out-of-line `#[cold]`
//! loop that skips the zero entries (see `select_is_cheaper`).
//!
//! How the branch is written matters for speed (measured with the benches in
//! `benches/suite` and instruction counts under callgrind): the arrays go to
//! the cold path by value, not by reference (a reference makes LLVM keep the
//! partials in memory on the hot path too: 2–3× slower at N = 8 and 32), and
//! the hot path updates one array in place.

use core::array;

use num_traits::Float;

/// `d · p`, entry by entry, with `d · 0 = 0` even when `d` is ±∞ or NaN.
/// `d_is_finite` must be false whenever `d` is not finite (it may also be
/// false when `d` is: the slow path is exact too); the caller computes it so
/// that it can test other numbers in the same comparison.
#[inline(always)]
pub(crate) fn scale<T: Float, const N: usize>(d_is_finite: bool, d: T, p: &[T; N]) -> [T; N] {
    if select_is_cheaper::<T, N>() {
        let mut out = *p;
        update(&mut out, |x| term(d, x));
        out
    } else if d_is_finite {
        let mut out = *p;
        update(&mut out, |x| d * x);
        out
    } else {
        scale_skipping_zeros(d, *p)
    }
}

/// `a · p + b · q`, entry by entry, where a term with a zero partial
/// contributes exactly 0 even when its coefficient is ±∞ or NaN.
#[inline(always)]
pub(crate) fn combine<T: Float, const N: usize>(a: T, p: &[T; N], b: T, q: &[T; N]) -> [T; N] {
    if select_is_cheaper::<T, N>() {
        let mut out = *p;
        update_with(&mut out, q, |x, y| term(a, x) + term(b, y));
        out
    } else if finite2(a, b) {
        let mut out = *p;
        update_with(&mut out, q, |x, y| a * x + b * y);
        out
    } else {
        combine_skipping_zeros(a, *p, b, *q)
    }
}

/// `p + q`, entry by entry.
#[inline(always)]
pub(crate) fn add<T: Float, const N: usize>(p: &[T; N], q: &[T; N]) -> [T; N] {
    let mut out = *p;
    update_with(&mut out, q, |x, y| x + y);
    out
}

/// `p − q`, entry by entry.
#[inline(always)]
pub(crate) fn sub<T: Float, const N: usize>(p: &[T; N], q: &[T; N]) -> [T; N] {
    let mut out = *p;
    update_with(&mut out, q, |x, y| x - y);
    out
}

/// `−p`, entry by entry.
#[inline(always)]
pub(crate) fn neg<T: Float, const N: usize>(p: &[T; N]) -> [T; N] {
    let mut out = *p;
    update(&mut out, |x| -x);
    out
}

/// `N` zeros.
#[inline(always)]
pub(crate) fn zeros<T: Float, const N: usize>() -> [T; N] {
    [T::zero(); N]
}

/// The unit vector `eᵢ`: 1 in slot `i`, 0 elsewhere.
#[inline(always)]
pub(crate) fn unit<T: Float, const N: usize>(i: usize) -> [T; N] {
    array::from_fn(|j| if j == i { T::one() } else { T::zero() })
}

/// For a few plain-float partials, skipping zeros entry by entry (a compare
/// and a mask per SIMD pair) costs less than the branch on the coefficients;
/// from N = 8, or for nested duals (whose zero test is structural), the
/// branch wins. Measured with callgrind on the Rosenbrock gradient:
/// instructions per call at N = 2 / 4 / 8 were 53 / 133 / 1019 entry by
/// entry against 106 / 330 / 916 with the branch. Decided at compile time.
#[inline(always)]
const fn select_is_cheaper<T, const N: usize>() -> bool {
    N <= 4 && core::mem::size_of::<T>() <= core::mem::size_of::<f64>()
}

/// Both `a` and `b` are finite (neither ±∞ nor NaN), in one comparison:
/// x − x is exactly 0 for every finite x and NaN otherwise. Cheaper than two
/// `is_finite` on the hot path: it stays in the floating-point registers, and
/// for a nested dual only the value is compared, so the partials'
/// subtractions are dead code.
#[inline(always)]
#[allow(clippy::eq_op)] // x − x is the test itself.
pub(crate) fn finite2<T: Float>(a: T, b: T) -> bool {
    (a - a) + (b - b) == T::zero()
}

/// `out[i] = f(out[i])`, in place.
#[inline(always)]
fn update<T: Float, const N: usize>(out: &mut [T; N], f: impl Fn(T) -> T) {
    for v in out {
        *v = f(*v);
    }
}

/// `out[i] = f(out[i], q[i])`, in place.
#[inline(always)]
fn update_with<T: Float, const N: usize>(out: &mut [T; N], q: &[T; N], f: impl Fn(T, T) -> T) {
    for (v, &w) in out.iter_mut().zip(q) {
        *v = f(*v, w);
    }
}

/// The rare path of [`scale`], out of line. Arrays by value, not by
/// reference: a reference would make the hot path keep them in memory.
#[cold]
#[inline(never)]
fn scale_skipping_zeros<T: Float, const N: usize>(d: T, mut p: [T; N]) -> [T; N] {
    update(&mut p, |x| term(d, x));
    p
}

/// The rare path of [`combine`], out of line.
#[cold]
#[inline(never)]
fn combine_skipping_zeros<T: Float, const N: usize>(
    a: T,
    mut p: [T; N],
    b: T,
    q: [T; N],
) -> [T; N] {
    update_with(&mut p, &q, |x, y| term(a, x) + term(b, y));
    p
}

/// `d · x`, or exactly 0 when `x` is zero (whatever `d` is). A zero `x`
/// gives +0 here where a plain product may give −0: the same slope.
#[inline(always)]
fn term<T: Float>(d: T, x: T) -> T {
    if x.is_zero() { T::zero() } else { d * x }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_keeps_zero_partials_zero_under_infinite_coefficient() {
        let p = [0.0, 2.0, -0.0];
        let s = scale(false, f64::INFINITY, &p);
        assert_eq!(s[0], 0.0);
        assert_eq!(s[1], f64::INFINITY);
        assert_eq!(s[2], 0.0);
    }

    #[test]
    fn scale_keeps_zero_partials_zero_under_nan_coefficient() {
        let s = scale(false, f64::NAN, &[0.0, 1.0]);
        assert_eq!(s[0], 0.0);
        assert!(s[1].is_nan());
    }

    #[test]
    fn scale_with_finite_coefficient_is_plain_multiplication() {
        assert_eq!(
            scale(true, 3.0, &[1.0, -2.0, f64::INFINITY]),
            [3.0, -6.0, f64::INFINITY]
        );
    }

    #[test]
    fn finite2_rejects_infinities_and_nan() {
        assert!(finite2(1e308, -0.0));
        assert!(!finite2(f64::INFINITY, 1.0));
        assert!(!finite2(1.0, f64::NEG_INFINITY));
        assert!(!finite2(f64::NAN, 1.0));
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
