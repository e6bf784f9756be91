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
//! Both are the plain loop, with no test of any kind, so that a chain of
//! sums, products and smooth functions compiles to the same straight-line
//! SIMD as a hand-written `[f64; N]` dual, whatever code surrounds it.
//!
//! The guarded forms [`scale_guarded`] and [`combine_guarded`] keep one extra
//! promise: **a zero partial stays zero**, even when the coefficient is
//! infinite or NaN. IEEE arithmetic would give `0 · ∞ = NaN`, so `sqrt` of a
//! constant 0 would report NaN slopes in every direction. Only the singular
//! rules use them (√, ∛, the logarithms, `recip`, division and `%`, `powf`,
//! `powi` with a negative exponent, asin/acos/atanh/acosh, and `atan2` and
//! `hypot`, whose slopes overflow near the origin): the rules whose
//! coefficient can be non-finite at a finite argument other than by overflow
//! of an already huge value.
//!
//! How they keep it depends on the width:
//!
//! * **Up to [`MASK_WIDTH`] partials of `f32` or `f64`** every lane is
//!   masked, `if pᵢ = 0 { 0 } else { d·pᵢ }`, with no branch: SSE2 compiles
//!   it to a compare and an `and` per pair of lanes.
//! * **Wider**, one test of the coefficient (`d − d == 0`: `subsd; ucomisd;
//!   jne; jp`), the plain loop when it is finite and an out-of-line
//!   (`#[cold]`) masked loop when it is not.
//!
//! The masked lanes cost a few instructions each and no branch; the
//! test's out-of-line rare path is a call that spills the caller's live
//! float registers, which pays only past [`MASK_WIDTH`] lanes
//! (BENCHMARKS.md, "Guards and build profiles").
//!
//! The loops are index loops over `0..N`, not `iter_mut().zip(..)`: they
//! keep every operation small enough to be inlined into a user's function
//! in another codegen unit (BENCHMARKS.md, "What limits each class of
//! shape").

use core::array;

use num_traits::Float;

/// Up to this many partials, the guarded forms of a primitive float mask
/// every lane without a branch (see the module docs).
const MASK_WIDTH: usize = 8;

/// Whether the guarded forms mask every lane branch-free at width `N` on
/// `T`: a few lanes of a type of at most 8 bytes (`f32`, `f64`). A nested
/// dual's zero test compares every entry, so it keeps the branch. Either
/// way the partials are the same; only the generated code differs.
#[inline(always)]
const fn masks_lanes<T, const N: usize>() -> bool {
    N <= MASK_WIDTH && core::mem::size_of::<T>() <= 8
}

/// `d · p`, entry by entry: the plain chain rule.
#[inline(always)]
pub(crate) fn scale<T: Float, const N: usize>(d: T, p: &[T; N]) -> [T; N] {
    let mut out = *p;
    update(&mut out, |x| d * x);
    out
}

/// `a · p + b · q`, entry by entry: the plain two-argument chain rule.
#[inline(always)]
pub(crate) fn combine<T: Float, const N: usize>(a: T, p: &[T; N], b: T, q: &[T; N]) -> [T; N] {
    let mut out = *p;
    update_with(&mut out, q, |x, y| a * x + b * y);
    out
}

/// `d · p`, entry by entry, with `d · 0 = 0` even when `d` is ±∞ or NaN.
#[inline(always)]
pub(crate) fn scale_guarded<T: Float, const N: usize>(d: T, p: &[T; N]) -> [T; N] {
    if masks_lanes::<T, N>() {
        let mut out = *p;
        update(&mut out, |x| term(d, x));
        out
    } else if is_finite(d) {
        scale(d, p)
    } else {
        scale_skipping_zeros(d, *p)
    }
}

/// `a · p + b · q`, entry by entry, where a term with a zero partial
/// contributes exactly 0 even when its coefficient is ±∞ or NaN.
#[inline(always)]
pub(crate) fn combine_guarded<T: Float, const N: usize>(
    a: T,
    p: &[T; N],
    b: T,
    q: &[T; N],
) -> [T; N] {
    if masks_lanes::<T, N>() {
        let mut out = *p;
        update_with(&mut out, q, |x, y| term(a, x) + term(b, y));
        out
    } else if is_finite(a + b) {
        combine(a, p, b, q)
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

/// `d` is finite (neither ±∞ nor NaN), in one comparison: d − d is exactly
/// 0 for every finite d and NaN otherwise. It stays in the floating-point
/// registers. `is_zero` rather than `==`: for a nested dual it also asks
/// every partial of the coefficient to be finite (`==` compares values
/// only), so a coefficient such as 1/(3∛x²) at a constant x = ∞, whose
/// value is 0 but whose own partials are NaN, takes the guarded path. A sum
/// `a + b` tested this way is non-finite whenever `a` or `b` is (it may also
/// be non-finite when both are finite and it overflows: the guarded path is
/// exact too).
#[inline(always)]
#[allow(clippy::eq_op)] // d − d is the test itself.
pub(crate) fn is_finite<T: Float>(d: T) -> bool {
    (d - d).is_zero()
}

/// `out[i] = f(out[i])`, in place (an index loop: see the module docs).
#[inline(always)]
#[allow(clippy::needless_range_loop)] // an index loop on purpose
fn update<T: Float, const N: usize>(out: &mut [T; N], f: impl Fn(T) -> T) {
    for i in 0..N {
        out[i] = f(out[i]);
    }
}

/// `out[i] = f(out[i], q[i])`, in place (an index loop: see the module docs).
#[inline(always)]
#[allow(clippy::needless_range_loop)] // an index loop on purpose
fn update_with<T: Float, const N: usize>(out: &mut [T; N], q: &[T; N], f: impl Fn(T, T) -> T) {
    for i in 0..N {
        out[i] = f(out[i], q[i]);
    }
}

/// The rare path of [`scale_guarded`]. Arrays by value, not by reference:
/// a reference would make LLVM keep them in memory on the hot path too.
#[cold]
#[inline(never)]
fn scale_skipping_zeros<T: Float, const N: usize>(d: T, mut p: [T; N]) -> [T; N] {
    update(&mut p, |x| term(d, x));
    p
}

/// The rare path of [`combine_guarded`].
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
pub(crate) fn term<T: Float>(d: T, x: T) -> T {
    if x.is_zero() { T::zero() } else { d * x }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_keeps_zero_partials_zero_under_infinite_coefficient() {
        let p = [0.0, 2.0, -0.0];
        let s = scale_guarded(f64::INFINITY, &p);
        assert_eq!(s[0], 0.0);
        assert_eq!(s[1], f64::INFINITY);
        assert_eq!(s[2], 0.0);
    }

    #[test]
    fn scale_keeps_zero_partials_zero_under_nan_coefficient() {
        let s = scale_guarded(f64::NAN, &[0.0, 1.0]);
        assert_eq!(s[0], 0.0);
        assert!(s[1].is_nan());
    }

    #[test]
    fn scale_with_finite_coefficient_is_plain_multiplication() {
        let p = [1.0, -2.0, f64::INFINITY];
        assert_eq!(scale_guarded(3.0, &p), [3.0, -6.0, f64::INFINITY]);
        assert_eq!(scale(3.0, &p), [3.0, -6.0, f64::INFINITY]);
    }

    #[test]
    fn plain_forms_follow_ieee_on_zero_partials() {
        assert!(scale(f64::INFINITY, &[0.0])[0].is_nan());
        assert!(combine(f64::INFINITY, &[0.0], 1.0, &[1.0])[0].is_nan());
    }

    #[test]
    fn is_finite_rejects_infinities_and_nan() {
        assert!(is_finite(1e308) && is_finite(-0.0));
        assert!(!is_finite(f64::INFINITY));
        assert!(!is_finite(f64::NEG_INFINITY));
        assert!(!is_finite(f64::NAN));
    }

    #[test]
    fn combine_is_a_linear_combination() {
        assert_eq!(combine(2.0, &[1.0, 0.0], -1.0, &[0.5, 4.0]), [1.5, -4.0]);
    }

    #[test]
    fn combine_drops_infinite_terms_on_zero_partials() {
        let c = combine_guarded(f64::INFINITY, &[0.0, 1.0], 2.0, &[3.0, 0.0]);
        assert_eq!(c[0], 6.0);
        assert_eq!(c[1], f64::INFINITY);
    }

    /// Both forms of the guard, the masked lanes (up to `MASK_WIDTH`) and
    /// the branch to the rare path (wider), give the same partials.
    #[test]
    fn zero_partials_stay_zero_on_both_sides_of_the_mask_width() {
        fn check<const N: usize>() {
            let mut p = [0.0; N];
            p[N - 1] = 2.0;
            let s = scale_guarded(f64::INFINITY, &p);
            assert!(
                s[..N - 1].iter().all(|&x| x.to_bits() == 0),
                "N = {N}: {s:?}"
            );
            assert_eq!(s[N - 1], f64::INFINITY);
            let c = combine_guarded(f64::NAN, &p, 3.0, &[1.0; N]);
            assert!(c[..N - 1].iter().all(|&x| x == 3.0), "N = {N}: {c:?}");
            assert!(c[N - 1].is_nan());
            assert_eq!(
                combine_guarded(2.0, &p, -1.0, &p),
                combine(2.0, &p, -1.0, &p)
            );
        }
        assert!(masks_lanes::<f64, MASK_WIDTH>() && !masks_lanes::<f64, { MASK_WIDTH + 1 }>());
        check::<1>();
        check::<MASK_WIDTH>();
        check::<{ MASK_WIDTH + 1 }>();
        check::<16>();
    }

    #[test]
    fn unit_vector_has_a_single_one() {
        assert_eq!(unit::<f64, 3>(1), [0.0, 1.0, 0.0]);
        assert_eq!(zeros::<f64, 2>(), [0.0, 0.0]);
    }
}
