//! Arithmetic operators on [`Dual2`]: the sum, product and quotient rules
//! at second order, written directly (they are the hot operations):
//!
//! ```text
//! ∇²(u ± w) = ∇²u ± ∇²w
//! ∇²(u·w)   = w·∇²u + u·∇²w + ∇u∇wᵀ + ∇w∇uᵀ
//! ∇²(u/w)   = from g = u/w: g_u = 1/w, g_w = −u/w², g_uw = −1/w², g_ww = 2u/w³
//! ```
//!
//! Each rule is a private kernel here; the crate's `binary_operator!` macro
//! generates every ownership and scalar combination from the kernels, as
//! for `Dual`. The remainder's rule is `Dual`'s, through `chain.rs`. The
//! value of every result is computed exactly as on plain numbers, and the
//! gradient exactly as `Dual` computes it.

// Index loops over the triangle i ≤ j, as in `partials.rs`, so that the
// kernels stay small enough to inline.
#![allow(clippy::needless_range_loop)]

use core::iter::{Product, Sum};
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use num_traits::Float;

use super::{Dual2, row_start};
use crate::Dual;
use crate::number::partials::{self, is_finite};

/// The kernels: one function per rule and operand kind.
impl<T: Float, const N: usize> Dual2<T, N> {
    /// The entries i ≤ j of `f(self.hessian[i][j], other.hessian[i][j])`.
    #[inline(always)]
    fn zip_hessian(&self, other: &Self, f: impl Fn(T, T) -> T) -> [[T; N]; N] {
        let mut out = self.hessian;
        for i in 0..N {
            for j in row_start(i)..N {
                out[i][j] = f(out[i][j], other.hessian[i][j]);
            }
        }
        out
    }

    /// ∇²(a + b) = ∇²a + ∇²b
    #[inline(always)]
    fn add_dual(self, rhs: Self) -> Self {
        Self {
            value: self.value + rhs.value,
            gradient: partials::add(&self.gradient, &rhs.gradient),
            hessian: self.zip_hessian(&rhs, |x, y| x + y),
            tag: self.tag.join(rhs.tag),
        }
    }

    /// ∇²(a − b) = ∇²a − ∇²b
    #[inline(always)]
    fn sub_dual(self, rhs: Self) -> Self {
        Self {
            value: self.value - rhs.value,
            gradient: partials::sub(&self.gradient, &rhs.gradient),
            hessian: self.zip_hessian(&rhs, |x, y| x - y),
            tag: self.tag.join(rhs.tag),
        }
    }

    /// ∇(a·b) = b·∇a + a·∇b, ∇²(a·b) = b·∇²a + a·∇²b + ∇a∇bᵀ + ∇b∇aᵀ
    /// (entry (i, j) ordered as nested duals order it).
    #[inline(always)]
    fn mul_dual(self, rhs: Self) -> Self {
        self.product(rhs, self.value * rhs.value)
    }

    /// The product rule with the value given (`mul_add` reuses it).
    #[inline(always)]
    pub(super) fn product(self, rhs: Self, value: T) -> Self {
        let (a, b) = (self.value, rhs.value);
        let (ga, gb) = (&self.gradient, &rhs.gradient);
        let mut hessian = self.hessian;
        for i in 0..N {
            let (ai, bi) = (ga[i], gb[i]);
            for j in row_start(i)..N {
                hessian[i][j] =
                    (ai * gb[j] + b * hessian[i][j]) + (bi * ga[j] + a * rhs.hessian[i][j]);
            }
        }
        Self {
            value,
            gradient: partials::combine(b, ga, a, gb),
            hessian,
            tag: self.tag.join(rhs.tag),
        }
    }

    /// The quotient rule: g(a, b) = a/b with g_a = 1/b, g_b = −(a/b)/b,
    /// and their slopes ∇g_a = ∇(1/b) = −∇b/b², ∇g_b = −((1/b)·∇(a/b) +
    /// (a/b)·∇(1/b)), computed in that order (as nested duals do: the
    /// gradient scaled before it is squared, so no b² over- or
    /// underflows).
    #[inline(always)]
    fn div_dual(self, rhs: Self) -> Self {
        let (a, b) = (self.value, rhs.value);
        let quotient = a / b;
        let inverse = b.recip();
        let d_rhs = -quotient * inverse;
        let slope_quotient =
            partials::combine_guarded(inverse, &self.gradient, d_rhs, &rhs.gradient);
        let slope_inverse = partials::scale_guarded(-(inverse * inverse), &rhs.gradient);
        let slope_d_rhs = partials::neg(&partials::combine(
            inverse,
            &slope_quotient,
            quotient,
            &slope_inverse,
        ));
        self.combine_singular(rhs, quotient, inverse, d_rhs, slope_inverse, slope_d_rhs)
    }

    /// a % b, by `Dual`'s rule: a − b·trunc(a/b) with the quotient locally
    /// constant.
    #[inline(always)]
    fn rem_dual(self, rhs: Self) -> Self {
        self.apply2_guarded(rhs, |a, b| a % b)
    }

    /// ∇(a + c) = ∇a
    #[inline(always)]
    fn add_scalar(self, rhs: T) -> Self {
        self.with_value(self.value + rhs)
    }

    /// ∇(a − c) = ∇a
    #[inline(always)]
    fn sub_scalar(self, rhs: T) -> Self {
        self.with_value(self.value - rhs)
    }

    /// ∇²(a·c) = c·∇²a
    #[inline(always)]
    fn mul_scalar(self, rhs: T) -> Self {
        self.scaled(self.value * rhs, rhs)
    }

    /// ∇²(a/c) = ∇²a/c; a zero partial stays zero for c = 0.
    #[inline(always)]
    fn div_scalar(self, rhs: T) -> Self {
        let inverse = rhs.recip();
        let value = self.value / rhs;
        if is_finite(inverse) {
            self.scaled(value, inverse)
        } else {
            self.chain_guarded(value, inverse, T::zero())
        }
    }

    /// ∇(a % c) = ∇a
    #[inline(always)]
    fn rem_scalar(self, rhs: T) -> Self {
        self.with_value(self.value % rhs)
    }

    /// ∇(c + b) = ∇b
    #[inline(always)]
    fn scalar_add(lhs: T, rhs: Self) -> Self {
        rhs.with_value(lhs + rhs.value)
    }

    /// ∇(c − b) = −∇b
    #[inline(always)]
    fn scalar_sub(lhs: T, rhs: Self) -> Self {
        let mut hessian = rhs.hessian;
        for i in 0..N {
            for j in row_start(i)..N {
                hessian[i][j] = -hessian[i][j];
            }
        }
        Self {
            value: lhs - rhs.value,
            gradient: partials::neg(&rhs.gradient),
            hessian,
            tag: rhs.tag,
        }
    }

    /// ∇²(c·b) = c·∇²b
    #[inline(always)]
    fn scalar_mul(lhs: T, rhs: Self) -> Self {
        rhs.scaled(lhs * rhs.value, lhs)
    }

    /// c/b: g′ = −(c/b)/b, g″ = 2(c/b)/b².
    #[inline(always)]
    fn scalar_div(lhs: T, rhs: Self) -> Self {
        let b = rhs.value;
        let quotient = lhs / b;
        let slope = -quotient / b;
        rhs.chain_guarded(quotient, slope, -(slope + slope) / b)
    }

    /// c % b, by `Dual`'s rule.
    #[inline(always)]
    fn scalar_rem(lhs: T, rhs: Self) -> Self {
        rhs.apply_guarded(|b| Dual::constant(Dual::constant(lhs)) % b)
    }
}

binary_operator!(
    Dual2; Add, add, AddAssign, add_assign, add_dual, add_scalar, scalar_add
);
binary_operator!(
    Dual2; Sub, sub, SubAssign, sub_assign, sub_dual, sub_scalar, scalar_sub
);
binary_operator!(
    Dual2; Mul, mul, MulAssign, mul_assign, mul_dual, mul_scalar, scalar_mul
);
binary_operator!(
    Dual2; Div, div, DivAssign, div_assign, div_dual, div_scalar, scalar_div
);
binary_operator!(
    Dual2; Rem, rem, RemAssign, rem_assign, rem_dual, rem_scalar, scalar_rem
);

impl<T: Float, const N: usize> Neg for Dual2<T, N> {
    type Output = Self;
    /// ∇(−a) = −∇a, ∇²(−a) = −∇²a
    #[inline(always)]
    fn neg(self) -> Self {
        Self::scalar_sub(T::neg_zero(), self)
    }
}

neg_ref_sum_product!(Dual2);

#[cfg(test)]
mod tests {
    use super::*;

    fn xy(x: f64, y: f64) -> (Dual2<f64, 2>, Dual2<f64, 2>) {
        (Dual2::variable(x, 0), Dual2::variable(y, 1))
    }

    #[test]
    fn quotient_rule_matches_closed_form() {
        // x/y: ∇ = (1/y, −x/y²), ∇² = [[0, −1/y²], [−1/y², 2x/y³]].
        let (x, y) = xy(3.0, 2.0);
        let q = x / y;
        assert_eq!(q.value(), 1.5);
        assert_eq!(q.gradient(), &[0.5, -0.75]);
        assert_eq!(q.hessian(), [[0.0, -0.25], [-0.25, 0.75]]);
    }

    #[test]
    fn product_rule_matches_closed_form() {
        let (x, y) = xy(3.0, 2.0);
        let p = x * x * y;
        assert_eq!(p.gradient(), &[12.0, 9.0]);
        assert_eq!(p.hessian(), [[4.0, 6.0], [6.0, 0.0]]);
    }

    #[test]
    fn negation_keeps_the_sign_of_zero_as_dual_does() {
        let z = -Dual2::<f64, 1>::constant(0.0);
        assert!(z.value().is_sign_negative());
        let d = -Dual::<f64, 1>::constant(0.0);
        assert_eq!(z.gradient()[0].to_bits(), d.partials()[0].to_bits());
    }

    #[test]
    fn left_scalar_operators_match_right_ones() {
        let (x, _) = xy(2.0, 0.0);
        assert_eq!((2.0 * x).hessian(), (x * 2.0).hessian());
        assert_eq!((1.0 / x).hessian(), [[0.25, 0.0], [0.0, 0.0]]);
        assert_eq!((5.0 % x).gradient(), &[-2.0, 0.0]);
        assert_eq!((5.0 - x * x).hessian(), [[-2.0, 0.0], [0.0, 0.0]]);
    }

    #[test]
    fn assign_forms_agree_with_binary_forms() {
        let (x, y) = xy(1.5, -0.5);
        let mut z = x;
        z *= y;
        z += &x;
        z -= 2.0;
        z /= y;
        z %= 4.0;
        let expected = (((x * y) + x - 2.0) / y) % 4.0;
        assert_eq!(z.into_parts(), expected.into_parts());
    }

    #[test]
    fn division_by_a_constant_zero_keeps_constant_parts_zero() {
        let c = Dual2::<f64, 2>::constant(1.0);
        let q = c / 0.0;
        assert_eq!(q.value(), f64::INFINITY);
        assert!(q.is_constant());
        let q = c / Dual2::constant(0.0);
        assert!(q.is_constant());
    }

    #[test]
    fn sum_and_product_fold_like_f64() {
        let v = [Dual2::<f64, 1>::variable(2.0, 0), Dual2::constant(3.0)];
        let s: Dual2<f64, 1> = v.iter().sum();
        let p: Dual2<f64, 1> = v.into_iter().product();
        assert_eq!(s.into_parts(), (5.0, [1.0], [[0.0]]));
        assert_eq!(p.into_parts(), (6.0, [3.0], [[0.0]]));
        let squares: Dual2<f64, 1> = [v[0], v[0]].iter().product();
        assert_eq!(squares.into_parts(), (4.0, [4.0], [[2.0]]));
    }
}
