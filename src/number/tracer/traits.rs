//! `Float` and everything it needs for [`Tracer`], and `SpecialFloat`
//! (feature `special`): the operators take the union of their operands'
//! sets, every `Float` and `SpecialFloat` method forwards to the inherent
//! method of the same name (in `mod.rs`), and predicates and
//! comparisons look at the value.

use core::cmp::Ordering;
use core::num::FpCategory;
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};

use num_traits::{Float, Num, NumCast, One, ToPrimitive, Zero};

use super::Tracer;
#[cfg(feature = "special")]
use crate::special::SpecialFloat;

/// `a op b` and `a op= b`: the value of `f64`'s operator, the union of the
/// sets.
macro_rules! joint_operators {
    ($($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident;)+) => {$(
        impl $Op for Tracer {
            type Output = Tracer;
            #[inline]
            fn $op(self, rhs: Tracer) -> Tracer {
                self.join(rhs, self.value().$op(rhs.value()))
            }
        }

        impl $OpAssign for Tracer {
            #[inline]
            fn $op_assign(&mut self, rhs: Tracer) {
                *self = (*self).$op(rhs);
            }
        }
    )+};
}

joint_operators! {
    Add, add, AddAssign, add_assign;
    Sub, sub, SubAssign, sub_assign;
    Mul, mul, MulAssign, mul_assign;
    Div, div, DivAssign, div_assign;
    Rem, rem, RemAssign, rem_assign;
}

impl Neg for Tracer {
    type Output = Tracer;
    #[inline]
    fn neg(self) -> Tracer {
        self.keep(-self.value())
    }
}

impl PartialEq for Tracer {
    /// Compares values only.
    #[inline]
    fn eq(&self, other: &Tracer) -> bool {
        self.value() == other.value()
    }
}

impl PartialOrd for Tracer {
    /// Compares values only: a branch takes the path it takes on `f64`.
    #[inline]
    fn partial_cmp(&self, other: &Tracer) -> Option<Ordering> {
        self.value().partial_cmp(&other.value())
    }
}

impl Zero for Tracer {
    #[inline]
    fn zero() -> Tracer {
        Tracer::constant(0.0)
    }

    /// Structural: value 0 and no inputs.
    #[inline]
    fn is_zero(&self) -> bool {
        self.value() == 0.0 && self.is_constant()
    }
}

impl One for Tracer {
    #[inline]
    fn one() -> Tracer {
        Tracer::constant(1.0)
    }
}

impl Num for Tracer {
    type FromStrRadixErr = <f64 as Num>::FromStrRadixErr;

    /// Parses a constant; a radix outside 2..=36 is an error, not a panic.
    fn from_str_radix(text: &str, radix: u32) -> Result<Tracer, Self::FromStrRadixErr> {
        if !(2..=36).contains(&radix) {
            return f64::from_str_radix("", 10).map(Tracer::constant);
        }
        f64::from_str_radix(text, radix).map(Tracer::constant)
    }
}

impl ToPrimitive for Tracer {
    to_primitive_of_value!();
}

impl NumCast for Tracer {
    /// A constant.
    #[inline]
    fn from<P: ToPrimitive>(n: P) -> Option<Tracer> {
        n.to_f64().map(Tracer::constant)
    }
}

impl Float for Tracer {
    float_methods!(f64);
}

#[cfg(feature = "special")]
special_float_for!(Tracer, plain);
