//! [`Tracer`]: a number that carries its value and the set of inputs it
//! depends on, and the rule of every operation for those sets.

use core::fmt;

mod real;
pub(crate) mod sets;
mod traits;

use self::sets::{EMPTY, SetId};
use crate::number::functions::selection::{
    AbsSubPick, ClampPick, Pick, pick_abs_sub, pick_clamp, pick_max, pick_min,
};
#[cfg(feature = "special")]
use crate::special::SpecialFloat;

/// A number that records which inputs it depends on: a value (`f64`) and a
/// set of input indices. Evaluating a function on tracers gives, for each
/// output, the inputs it depends on: a row of the Jacobian's sparsity
/// pattern. [`jacobian_pattern`](crate::sparse::jacobian_pattern) does this.
///
/// `Tracer` implements [`num_traits::Float`], so any function written once
/// for every `Float` type (a [`VectorFn`](crate::VectorFn)) runs on it,
/// and with the feature `special` also
/// [`SpecialFloat`](crate::special::SpecialFloat). Every function's class
/// comes from the crate's one function table, shared with `Dual` and
/// `Dual2`. The rules for the sets:
///
/// | operation | set of the result |
/// |---|---|
/// | `-x` and smooth unary functions (`exp`, `sin`, `sqrt`, `abs`, `fract`, `powi(n ≠ 0)`, `erf_fn`, `digamma`, `bessel_jn`, …) | the set of x |
/// | `floor`, `ceil`, `round`, `trunc`, `signum`, `gamma_sign`, `powi(0)`, constants | ∅ (piecewise constant: the derivative is 0) |
/// | `+`, `−`, `·`, `/`, `%`, `powf`, `atan2`, `hypot`, `log`, `mul_add`, `beta`, `ln_beta`, `gamma_p`, `gamma_q` | the union of the operands' sets |
/// | `copysign(x, s)` | the set of x (the sign contributes slope 0) |
/// | `max`, `min`, `clamp` | the set of the argument taken at this value; the union at a tie |
/// | `abs_sub(x, y)` = max(x − y, 0) | the union where x ≥ y, ∅ where x < y |
/// | comparisons (`<`, `==`, …) | look at the value only |
///
/// **Detection is local.** Comparisons, `max` and `min` follow the branch
/// taken at the given x, as [`Dual`](crate::Dual) does; a function that
/// branches on x can have another pattern elsewhere. Detect at several
/// points with [`jacobian_pattern_union`](crate::sparse::jacobian_pattern_union)
/// when the branch can change.
///
/// **Why a handle:** `Float` requires `Copy`, so the set cannot be a `Vec`
/// inside the number. It lives in a thread-local arena, reset after each
/// detection run, and a `Tracer` is a value and a `Copy` handle (16 bytes).
/// A merge writes a new set only when it is larger than both operands, so
/// a banded or stencil function writes a few short sets per output
/// (detection in O(nnz)). A tracer is meaningful only during the detection
/// call that made it: outside, its set reads as something else or empty.
///
/// ```
/// use dualgrad::sparse::Tracer;
/// use num_traits::Float;
///
/// let c = Tracer::constant(2.0);
/// let y = (c * c).sin().floor();
/// assert_eq!(y.value(), (4.0_f64).sin().floor());
/// assert!(y.inputs().is_empty());
/// ```
#[derive(Clone, Copy)]
pub struct Tracer {
    value: f64,
    set: SetId,
}

impl Tracer {
    /// A constant: the value `value`, depending on no input.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant(1.5);
    /// assert_eq!((c.value(), c.inputs()), (1.5, vec![]));
    /// ```
    #[inline]
    #[must_use]
    pub const fn constant(value: f64) -> Self {
        Tracer { value, set: EMPTY }
    }

    /// Input `i` with value `value`, depending on itself. The set lives in
    /// the current detection run.
    pub(crate) fn input(value: f64, i: usize) -> Self {
        Tracer {
            value,
            set: sets::singleton(i),
        }
    }

    /// The value: what the function computes on `f64`.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// assert_eq!(Tracer::constant(2.0).value(), 2.0);
    /// ```
    #[inline]
    #[must_use]
    pub const fn value(&self) -> f64 {
        self.value
    }

    /// The indices of the inputs this number depends on, in increasing
    /// order.
    ///
    /// ```
    /// use dualgrad::sparse::{Tracer, jacobian_pattern};
    /// use dualgrad::VectorFn;
    /// use num_traits::Float;
    ///
    /// struct Probe;
    /// impl VectorFn for Probe {
    ///     fn outputs(&self, _: usize) -> usize { 1 }
    ///     fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
    ///         out[0] = x[2] * x[0];
    ///     }
    /// }
    /// let pattern = jacobian_pattern(&Probe, &[1.0, 2.0, 3.0]);
    /// assert_eq!(pattern.lane(0), &[0, 2]);
    /// assert!(Tracer::constant(0.0).inputs().is_empty());
    /// ```
    #[must_use]
    pub fn inputs(&self) -> Vec<usize> {
        sets::members(self.set)
    }

    /// `true` when the number depends on no input.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// assert!(Tracer::constant(3.0).is_constant());
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_constant(&self) -> bool {
        self.set == EMPTY
    }

    /// The handle of this number's set.
    #[inline]
    pub(crate) const fn set(&self) -> SetId {
        self.set
    }

    /// A result of value `value` depending on what `self` depends on.
    #[inline]
    pub(crate) const fn keep(self, value: f64) -> Self {
        Tracer {
            value,
            set: self.set,
        }
    }

    /// A result of value `value` depending on what `self` or `other`
    /// depends on.
    #[inline]
    pub(crate) fn join(self, other: Self, value: f64) -> Self {
        Tracer {
            value,
            set: sets::union(self.set, other.set),
        }
    }
}

/// The function table's callback for [`Tracer`]: a `smooth` or `singular`
/// entry depends on what x depends on, a `zero_slope` one on no input, a
/// `binary` one on what either argument depends on. Each method gets a
/// doctest at the entry's point. `hand` entries are written below.
macro_rules! tracer_methods {
    (@entry $imports:literal; smooth $($rest:tt)*) => {
        tracer_methods! { @keep $imports; $($rest)* }
    };
    (@entry $imports:literal; singular $($rest:tt)*) => {
        tracer_methods! { @keep $imports; $($rest)* }
    };
    (@entry $imports:literal;
        zero_slope $name:ident(self) [] [at $at:literal] $(#[doc = $doc:literal])*
    ) => {
        $(#[doc = $doc])*
        ///
        /// Piecewise constant: depends on no input.
        ///
        /// ```
        /// use dualgrad::sparse::Tracer;
        #[doc = $imports]
        #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
        #[doc = concat!("let y = Tracer::constant(a).", stringify!($name), "();")]
        #[doc = concat!("assert_eq!(y.value(), a.", stringify!($name), "());")]
        /// assert!(y.is_constant());
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self) -> Self {
            Tracer::constant(self.value.$name())
        }
    };
    (@entry $imports:literal;
        binary $name:ident(self, $other:ident: Self) [$($rule:tt)*] [at $a:literal, $b:literal]
        $(#[doc = $doc:literal])*
    ) => {
        $(#[doc = $doc])*
        ///
        /// Depends on what either argument depends on.
        ///
        /// ```
        /// use dualgrad::sparse::Tracer;
        #[doc = $imports]
        #[doc = concat!("let (a, b): (f64, f64) = (", stringify!($a), ", ", stringify!($b), ");")]
        #[doc = concat!("let y = Tracer::constant(a).", stringify!($name), "(Tracer::constant(b));")]
        #[doc = concat!("assert_eq!(y.value().to_bits(), a.", stringify!($name), "(b).to_bits());")]
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self, $other: Self) -> Self {
            self.join($other, self.value.$name($other.value))
        }
    };
    // `hand` entries: written by hand.
    (@entry $imports:literal; hand $($rest:tt)*) => {};
    (@keep $imports:literal;
        $name:ident(self $(, $arg:ident: $ty:ty)*) [$($rule:tt)*]
        [at $at:literal $(, $value:literal)*; slope $slope:expr; second $second:expr]
        $(#[doc = $doc:literal])*
    ) => {
        $(#[doc = $doc])*
        ///
        /// Depends on what x depends on.
        ///
        /// ```
        /// use dualgrad::sparse::Tracer;
        #[doc = $imports]
        #[doc = concat!("let a: f64 = ", stringify!($at), ";")]
        #[doc = concat!("let y = Tracer::constant(a).", stringify!($name), "(", $(stringify!($value),)* ");")]
        #[doc = concat!("assert_eq!(y.value().to_bits(), a.", stringify!($name), "(", $(stringify!($value),)* ").to_bits());")]
        /// ```
        #[inline]
        #[must_use]
        pub fn $name(self $(, $arg: $ty)*) -> Self {
            self.keep(self.value.$name($($arg),*))
        }
    };
    ($bound:path, $imports:literal, $tolerance:literal; $(
        $(#[doc = $doc:literal])*
        $class:ident $name:ident($($params:tt)*) -> $ret:ty [$($rule:tt)*] [$($oracle:tt)*] $($tag:ident)?;
    )*) => {
        impl Tracer {$(
            tracer_methods! {
                @entry $imports; $class $name($($params)*) [$($rule)*] [$($oracle)*] $(#[doc = $doc])*
            }
        )*}
    };
}

elementary_functions!(tracer_methods);

impl Tracer {
    /// x − trunc(x), slope 1: depends on what x depends on.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// assert_eq!(Tracer::constant(2.75).fract().value(), 0.75);
    /// ```
    #[inline]
    #[must_use]
    pub fn fract(self) -> Self {
        self.keep(self.value.fract())
    }

    /// xⁿ for an integer n; x⁰ = 1 is constant.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// assert_eq!(Tracer::constant(3.0).powi(2).value(), 9.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn powi(self, n: i32) -> Self {
        if n == 0 {
            Tracer::constant(self.value.powi(0))
        } else {
            self.keep(self.value.powi(n))
        }
    }

    /// x·a + b: depends on all three.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant;
    /// assert_eq!(c(2.0).mul_add(c(3.0), c(1.0)).value(), 7.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn mul_add(self, a: Self, b: Self) -> Self {
        let value = self.value.mul_add(a.value, b.value);
        self.join(a, value).join(b, value)
    }

    /// (sin x, cos x), both depending on x.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let (s, c) = Tracer::constant(0.0).sin_cos();
    /// assert_eq!((s.value(), c.value()), (0.0, 1.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn sin_cos(self) -> (Self, Self) {
        let (s, c) = self.value.sin_cos();
        (self.keep(s), self.keep(c))
    }

    /// |x| with the sign of `sign`: depends on x only (the slope in `sign`
    /// is 0).
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant;
    /// assert_eq!(c(3.0).copysign(c(-1.0)).value(), -3.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn copysign(self, sign: Self) -> Self {
        self.keep(self.value.copysign(sign.value))
    }

    /// The larger argument, with its set; at a tie, the union (the slope is
    /// the average of both). A NaN argument is ignored, as in `f64::max`.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant;
    /// assert_eq!(c(1.0).max(c(2.0)).value(), 2.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn max(self, other: Self) -> Self {
        let (a, b) = (self.value, other.value);
        match pick_max(a, b) {
            Pick::First => self,
            Pick::Second => other,
            Pick::Tie => self.join(other, a.max(b)),
        }
    }

    /// The smaller argument, with its set; at a tie, the union.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant;
    /// assert_eq!(c(1.0).min(c(2.0)).value(), 1.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn min(self, other: Self) -> Self {
        let (a, b) = (self.value, other.value);
        match pick_min(a, b) {
            Pick::First => self,
            Pick::Second => other,
            Pick::Tie => self.join(other, a.min(b)),
        }
    }

    /// `min` below min, `max` above max, else x, with the set of the
    /// argument returned; at a bound, the union with it. Never panics.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant;
    /// assert_eq!(c(5.0).clamp(c(0.0), c(1.0)).value(), 1.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn clamp(self, min: Self, max: Self) -> Self {
        let x = self.value;
        match pick_clamp(x, min.value, max.value) {
            ClampPick::Min => min,
            ClampPick::Max => max,
            ClampPick::TieMin => self.join(min, x),
            ClampPick::TieMax => self.join(max, x),
            ClampPick::Inside => self,
        }
    }

    /// max(x − y, 0): depends on both where x ≥ y, on neither where x < y.
    ///
    /// ```
    /// use dualgrad::sparse::Tracer;
    /// let c = Tracer::constant;
    /// assert_eq!(c(3.0).abs_sub(c(1.0)).value(), 2.0);
    /// ```
    #[inline]
    #[must_use]
    #[allow(deprecated)] // `Float::abs_sub` gives the value, bit for bit.
    pub fn abs_sub(self, other: Self) -> Self {
        let value = num_traits::Float::abs_sub(self.value, other.value);
        match pick_abs_sub(self.value, other.value) {
            AbsSubPick::Zero => Tracer::constant(value),
            AbsSubPick::Difference | AbsSubPick::Tie | AbsSubPick::Unordered => {
                self.join(other, value)
            }
        }
    }
}

impl fmt::Debug for Tracer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tracer({:?}, inputs {:?})", self.value, self.inputs())
    }
}

impl fmt::Display for Tracer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

#[cfg(test)]
mod tests {
    use super::Tracer;
    use super::sets::Run;

    #[test]
    fn table_classes_give_the_sets() {
        let _run = Run::start();
        let (x, y) = (Tracer::input(2.0, 0), Tracer::input(3.0, 1));
        assert_eq!(x.sqrt().inputs(), [0]);
        assert_eq!(x.tanh().inputs(), [0]);
        assert!(x.floor().is_constant());
        assert_eq!(x.hypot(y).inputs(), [0, 1]);
        assert_eq!(x.max(y).inputs(), [1]);
        assert_eq!(x.max(y - Tracer::constant(1.0)).inputs(), [0, 1]);
        assert!(x.abs_sub(y).is_constant());
        assert_eq!(y.abs_sub(x).inputs(), [0, 1]);
    }

    #[cfg(feature = "special")]
    #[test]
    fn special_functions_keep_or_join_the_sets_by_class() {
        use crate::special::SpecialFloat;

        /// A negative-binomial-like term, generic over `SpecialFloat`.
        fn term<S: SpecialFloat>(r: S, k: S) -> S {
            (k + r).ln_gamma_fn() - r.ln_gamma_fn() + k.digamma() * r.beta(k)
        }
        let _run = Run::start();
        let (x, y) = (Tracer::input(2.0, 0), Tracer::input(3.0, 1));
        assert_eq!(SpecialFloat::ln_gamma_fn(x).inputs(), [0]);
        assert_eq!(x.polygamma(3).inputs(), [0]);
        assert_eq!(x.bessel_jn(2).inputs(), [0]);
        assert!(x.gamma_sign().is_constant());
        assert_eq!(x.gamma_p(y).inputs(), [0, 1]);
        assert_eq!(term(x, y).inputs(), [0, 1]);
        assert_eq!(term(x, y).value(), term(2.0, 3.0));
        assert_eq!(term(Tracer::constant(2.0), y).inputs(), [1]);
    }
}
