//! `Dual` and `Dual2` as nalgebra scalars: simba's `SimdValue`, `Field`,
//! `SubsetOf`, `ComplexField` and `RealField`, so that nalgebra's own
//! algorithms (LU, Cholesky, QR, SVD, symmetric eigen, norms, …) run on
//! matrices of duals and return exact derivatives: gradients from `Dual`,
//! gradients and Hessians from `Dual2`.
//!
//! `ComplexField` and `RealField` are implemented for `Dual<T, N>` and
//! `Dual2<T, N>` whenever `T` is itself `RealField + Float`: `f32`, `f64`,
//! and therefore nested duals `Dual<Dual<f64, N>, N>`,
//! `Dual<Dual<Dual<f32, 1>, 1>, 1>`, `Dual2<Dual<f64, 1>, N>`, ….
//!
//! Each file writes its trait once, as a private macro over the type, and
//! invokes it for `Dual` and for `Dual2` with each type's docs. Every
//! method forwards to the inherent method of the same name (`number/dual/` for
//! `Dual`, `number/dual2/elementary.rs` for `Dual2`, which takes its rules from
//! `Dual`'s), where its derivative rule is documented; the lists of
//! forwarded methods are the function table's (`number/functions/mod.rs`, the
//! entries tagged `complex` and `real`); the few that have
//! no `Float` counterpart (`argument`, `to_exp`, `sinc`, …) are written
//! here on top of those, with their slopes stated in `complex_field.rs`.
//! The subset conversions and approx's comparisons go through each type's
//! list of parts (`number/parts.rs`).
//!
//! Singularity tests in nalgebra's algorithms (LU's pivot, `try_inverse`)
//! call `is_zero`, which is structural: a `Dual` pivot counts as zero only
//! when its value **and** partials are zero, a `Dual2` pivot only when its
//! value, gradient **and** Hessian are zero. A pivot whose value is 0 but
//! whose derivatives are not is thus not singular to nalgebra, and the
//! division by it gives infinite or NaN parts, as for the plain values of
//! an ill-conditioned matrix.

mod complex_field;
mod field;
mod real_field;
mod simd_value;
mod subset;
