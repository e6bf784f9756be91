//! `Dual` as a nalgebra scalar: simba's `SimdValue`, `Field`, `SubsetOf`,
//! `ComplexField` and `RealField`, so that nalgebra's own algorithms (LU,
//! Cholesky, QR, SVD, symmetric eigen, norms, …) run on matrices of duals
//! and return exact derivatives.
//!
//! `ComplexField` and `RealField` are implemented for `Dual<T, N>` whenever
//! `T` is itself `RealField + Float`: `f32`, `f64`, and therefore nested
//! duals `Dual<Dual<f64, N>, N>`, `Dual<Dual<Dual<f32, 1>, 1>, 1>`, ….
//!
//! Every method forwards to the inherent method of the same name (in
//! `rules/`), where its derivative rule is documented; the few that have no
//! `Float` counterpart (`argument`, `to_exp`, `sinc`, …) are written here on
//! top of those, with their slopes stated in `complex_field.rs`.

mod complex_field;
mod field;
mod real_field;
mod simd_value;
mod subset;
