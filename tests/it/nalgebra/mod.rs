//! `Dual`, `Dual2` and nested duals as nalgebra scalars (feature
//! `nalgebra`), and the nalgebra-typed drivers of `dualgrad::linalg`.

mod drivers;
mod dual2;
mod matrix_calculus;
mod nested;
mod scalar;
