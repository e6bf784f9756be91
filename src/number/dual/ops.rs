//! Arithmetic operators: the sum, product and quotient rules.
//!
//! Each rule is written once, as a private kernel on `Dual` (`mul_dual`,
//! `div_scalar`, …). The `binary_operator!` macro (in `number/macros.rs`) then generates every
//! ownership and scalar combination from the kernels: `Dual op Dual`,
//! `&Dual op Dual`, `Dual op &Dual`, `&Dual op &Dual`, `Dual op T`,
//! `&Dual op T`, the `op=` forms, and `f64 op Dual<f64, N>` /
//! `f32 op Dual<f32, N>` so that `2.0 * x` compiles. `nested_scalar_operator!`
//! adds `x op 2.0` and `2.0 op x` on nested duals `Dual<Dual<f64, M>, N>`
//! (the Hessian drivers' numbers) through the same kernels.
//!
//! The value of every result is computed exactly as on plain numbers
//! (`a / b`, never `a * (1 / b)`), so it is bit-identical to the `f64`
//! evaluation.

use core::iter::{Product, Sum};
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use num_traits::Float;

use crate::Dual;
use crate::number::partials;

/// The kernels: one function per rule and operand kind.
impl<T: Float, const N: usize> Dual<T, N> {
    /// d(a + b) = da + db
    #[inline(always)]
    fn add_dual(self, rhs: Self) -> Self {
        Self::new(
            self.value() + rhs.value(),
            partials::add(self.partials(), rhs.partials()),
        )
        .tagged(self.tag().join(rhs.tag()))
    }

    /// d(a − b) = da − db
    #[inline(always)]
    fn sub_dual(self, rhs: Self) -> Self {
        Self::new(
            self.value() - rhs.value(),
            partials::sub(self.partials(), rhs.partials()),
        )
        .tagged(self.tag().join(rhs.tag()))
    }

    /// d(a·b) = b·da + a·db (the product rule)
    #[inline(always)]
    fn mul_dual(self, rhs: Self) -> Self {
        let (a, b) = (self.value(), rhs.value());
        self.chain2(rhs, a * b, b, a)
    }

    /// d(a/b) = da/b − (a/b²)·db (the quotient rule)
    #[inline(always)]
    fn div_dual(self, rhs: Self) -> Self {
        let (a, b) = (self.value(), rhs.value());
        let quotient = a / b;
        let inverse = b.recip();
        self.chain2_guarded(rhs, quotient, inverse, -quotient * inverse)
    }

    /// a % b = a − b·q with q = trunc(a/b) locally constant, so
    /// d(a % b) = da − q·db.
    #[inline(always)]
    fn rem_dual(self, rhs: Self) -> Self {
        let (a, b) = (self.value(), rhs.value());
        let remainder = a % b;
        self.chain2_guarded(
            rhs,
            remainder,
            T::one(),
            -truncated_quotient(a, b, remainder),
        )
    }

    /// d(a + c) = da
    #[inline(always)]
    fn add_scalar(self, rhs: T) -> Self {
        self.derived(self.value() + rhs, *self.partials())
    }

    /// d(a − c) = da
    #[inline(always)]
    fn sub_scalar(self, rhs: T) -> Self {
        self.derived(self.value() - rhs, *self.partials())
    }

    /// d(a·c) = c·da
    #[inline(always)]
    fn mul_scalar(self, rhs: T) -> Self {
        self.chain(self.value() * rhs, rhs)
    }

    /// d(a/c) = da/c
    #[inline(always)]
    fn div_scalar(self, rhs: T) -> Self {
        self.chain_guarded(self.value() / rhs, rhs.recip())
    }

    /// d(a % c) = da
    #[inline(always)]
    fn rem_scalar(self, rhs: T) -> Self {
        self.derived(self.value() % rhs, *self.partials())
    }

    /// d(c + b) = db
    #[inline(always)]
    fn scalar_add(lhs: T, rhs: Self) -> Self {
        rhs.derived(lhs + rhs.value(), *rhs.partials())
    }

    /// d(c − b) = −db
    #[inline(always)]
    fn scalar_sub(lhs: T, rhs: Self) -> Self {
        rhs.derived(lhs - rhs.value(), partials::neg(rhs.partials()))
    }

    /// d(c·b) = c·db
    #[inline(always)]
    fn scalar_mul(lhs: T, rhs: Self) -> Self {
        rhs.chain(lhs * rhs.value(), lhs)
    }

    /// d(c/b) = −(c/b²)·db
    #[inline(always)]
    fn scalar_div(lhs: T, rhs: Self) -> Self {
        let b = rhs.value();
        let quotient = lhs / b;
        rhs.chain_guarded(quotient, -quotient / b)
    }

    /// d(c % b) = −trunc(c/b)·db
    #[inline(always)]
    fn scalar_rem(lhs: T, rhs: Self) -> Self {
        let b = rhs.value();
        let remainder = lhs % b;
        rhs.chain_guarded(remainder, -truncated_quotient(lhs, b, remainder))
    }
}

/// The integer `q = trunc(a/b)` with `a % b = a − q·b`, recovered from the
/// remainder so that it agrees with it even where `a/b` rounds across an
/// integer.
#[inline(always)]
fn truncated_quotient<T: Float>(a: T, b: T, remainder: T) -> T {
    ((a - remainder) / b).round()
}

binary_operator!(
    Dual; Add, add, AddAssign, add_assign, add_dual, add_scalar, scalar_add
);
binary_operator!(
    Dual; Sub, sub, SubAssign, sub_assign, sub_dual, sub_scalar, scalar_sub
);
binary_operator!(
    Dual; Mul, mul, MulAssign, mul_assign, mul_dual, mul_scalar, scalar_mul
);
binary_operator!(
    Dual; Div, div, DivAssign, div_assign, div_dual, div_scalar, scalar_div
);
binary_operator!(
    Dual; Rem, rem, RemAssign, rem_assign, rem_dual, rem_scalar, scalar_rem
);

nested_scalar_operator!(Add, add, AddAssign, add_assign, add_scalar, scalar_add; f32, f64);
nested_scalar_operator!(Sub, sub, SubAssign, sub_assign, sub_scalar, scalar_sub; f32, f64);
nested_scalar_operator!(Mul, mul, MulAssign, mul_assign, mul_scalar, scalar_mul; f32, f64);
nested_scalar_operator!(Div, div, DivAssign, div_assign, div_scalar, scalar_div; f32, f64);
nested_scalar_operator!(Rem, rem, RemAssign, rem_assign, rem_scalar, scalar_rem; f32, f64);

impl<T: Float, const N: usize> Neg for Dual<T, N> {
    type Output = Self;
    /// d(−a) = −da
    #[inline(always)]
    fn neg(self) -> Self {
        self.derived(-self.value(), partials::neg(self.partials()))
    }
}

neg_ref_sum_product!(Dual);

#[cfg(test)]
mod tests {
    use super::*;

    fn xy(x: f64, y: f64) -> (Dual<f64, 2>, Dual<f64, 2>) {
        (Dual::variable(x, 0), Dual::variable(y, 1))
    }

    #[test]
    fn quotient_rule_matches_closed_form() {
        let (x, y) = xy(3.0, 2.0);
        let q = x / y;
        assert_eq!(q.value(), 1.5);
        assert_eq!(q.partials(), &[0.5, -0.75]);
    }

    #[test]
    fn remainder_has_slopes_one_and_minus_truncated_quotient() {
        let (x, y) = xy(7.5, 2.0);
        let r = x % y;
        assert_eq!(r.value(), 1.5);
        assert_eq!(r.partials(), &[1.0, -3.0]);
        let (x, y) = xy(-7.5, 2.0);
        assert_eq!((x % y).partials(), &[1.0, 3.0]);
    }

    #[test]
    fn left_scalar_operators_match_right_ones() {
        let (x, _) = xy(2.0, 0.0);
        assert_eq!((2.0 * x).partials(), (x * 2.0).partials());
        assert_eq!((1.0 - x).partials(), &[-1.0, 0.0]);
        assert_eq!((1.0 / x).partials(), &[-0.25, 0.0]);
        assert_eq!((5.0 % x).partials(), &[-2.0, 0.0]);
        assert_eq!((5.0 % x).value(), 1.0);
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
        assert_eq!(z.value(), expected.value());
        assert_eq!(z.partials(), expected.partials());
    }

    #[test]
    fn division_by_a_constant_zero_keeps_constant_partials_zero() {
        let c = Dual::<f64, 2>::constant(1.0);
        let q = c / 0.0;
        assert_eq!(q.value(), f64::INFINITY);
        assert_eq!(q.partials(), &[0.0, 0.0]);
    }

    #[test]
    fn sum_and_product_fold_like_f64() {
        let v = [Dual::<f64, 1>::variable(2.0, 0), Dual::constant(3.0)];
        let s: Dual<f64, 1> = v.iter().sum();
        let p: Dual<f64, 1> = v.into_iter().product();
        assert_eq!(s.into_parts(), (5.0, [1.0]));
        assert_eq!(p.into_parts(), (6.0, [3.0]));
        let empty: [Dual<f64, 1>; 0] = [];
        assert_eq!(
            empty.iter().sum::<Dual<f64, 1>>().value().to_bits(),
            empty.iter().map(|d| d.value()).sum::<f64>().to_bits()
        );
    }
}
