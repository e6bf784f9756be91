//! The elementary functions of [`Dual`](crate::Dual), as inherent methods.
//!
//! Every method has the name **and signature** of the `num_traits::Float`
//! method it implements (`powf(self, n: Self)`, `max(self, other: Self)`), so
//! `x.sin()` works without importing a trait and concrete and generic code read
//! the same. The `Float` impl forwards here: these are the source of truth.
//!
//! * `unary.rs`: smooth one-argument functions, one rule-table line each
//!   (value, derivative, and a doctest oracle);
//! * `binary.rs`: two-argument functions (`powf`, `atan2`, `hypot`, `log`, …);
//! * `piecewise.rs`: functions with kinks or jumps (`abs`, `max`, `floor`, …)
//!   and the finite slope each one reports there;
//! * `special.rs`: erf, Γ, ψ, β, the incomplete gamma and Bessel
//!   functions (feature `special`).

mod binary;
mod piecewise;
#[cfg(feature = "special")]
mod special;
mod unary;

use num_traits::{Float, ToPrimitive};

/// A plain number as `T` (NaN if `T` cannot represent it, never a panic).
#[inline]
pub(crate) fn cast<T: Float, P: ToPrimitive>(x: P) -> T {
    T::from(x).unwrap_or_else(T::nan)
}
