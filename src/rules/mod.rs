//! The elementary functions of [`Dual`](crate::Dual), as inherent methods.
//!
//! Every method has the name **and signature** of the `num_traits::Float`
//! method it implements (`powf(self, n: Self)`, `max(self, other: Self)`), so
//! `x.sin()` works without importing a trait and concrete and generic code read
//! the same. The `Float` impl forwards here: these are the source of truth.
//!
//! * `table.rs`: the function table, every elementary function written
//!   once (name, class, rule, doc line, test oracle) and expanded for every
//!   number type;
//! * `unary.rs`: the table's rules expanded for `Dual`, and `sin`/`cos`;
//! * `binary.rs`: two-argument functions (`powf`, `atan2`, `hypot`, `log`, …);
//! * `piecewise.rs`: functions with kinks or jumps (`abs`, `max`, `floor`, …)
//!   and the finite slope each one reports there;
//! * `selection.rs`: which argument `max`, `min`, `clamp` and `abs_sub`
//!   take, shared by every number type;
//! * `special.rs`: the hand-written rules of the special functions
//!   (ψₙ, β, the incomplete gamma function, Bessel functions of order n;
//!   feature `special`).

#[macro_use]
mod table;

mod binary;
mod piecewise;
pub(crate) mod selection;
#[cfg(feature = "special")]
mod special;
mod unary;

#[cfg(feature = "special")]
pub(crate) use special::bessel_slope;

use num_traits::{Float, ToPrimitive};

/// A plain number as `T` (NaN if `T` cannot represent it, never a panic).
#[inline]
pub(crate) fn cast<T: Float, P: ToPrimitive>(x: P) -> T {
    T::from(x).unwrap_or_else(T::nan)
}
