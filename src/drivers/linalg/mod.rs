//! Drivers typed on nalgebra's vectors and matrices (feature `nalgebra`).
//!
//! For code written on `SVector`, `SMatrix` and `DVector` rather than
//! slices. The function receives the seeded input as a nalgebra vector of
//! duals, and can call nalgebra's own algorithms on it: `Dual` is a
//! [`RealField`](simba::scalar::RealField), so norms, products, `lu()`,
//! `cholesky()`, `qr()`, `svd()` and `symmetric_eigen()` carry the
//! derivatives through.
//!
//! * [`gradient`], [`jacobian`], [`hessian`] (and their `value_and_…`
//!   forms) take an `SVector<T, N>`: one evaluation on `Dual<T, N>`
//!   ([`Dual2<T, N>`](crate::Dual2) for the Hessian), results as
//!   `SVector<T, N>`, `SMatrix<T, M, N>` and `SMatrix<T, N, N>`.
//! * [`dynamic`] takes a `DVector<T>` of run-time length n, in chunk-mode
//!   passes of [`DEFAULT_CHUNK`](crate::chunk::DEFAULT_CHUNK) partials, and
//!   returns `DVector`/`DMatrix`.
//!
//! The array drivers ([`crate::gradient`], …) are unchanged; these follow
//! the same conventions: row `i` of a Jacobian is the gradient of output
//! `i`.
//!
//! # Limitations of nalgebra algorithms on duals
//!
//! * **Singularity tests see partials.** nalgebra detects a singular pivot
//!   or determinant with `is_zero()`, which for `Dual` is structural (value
//!   and every partial zero, so that Givens and Householder steps are not
//!   skipped while a derivative is still nonzero). A matrix singular in
//!   value whose determinant has a nonzero slope is therefore not reported
//!   singular: `try_inverse` returns `Some` with infinite or NaN entries.
//!   Test `determinant().value()` or the pivots' values when that matters.
//! * **Eigen- and singular vectors need distinct values.** Iterative
//!   solvers (`symmetric_eigen`, `svd`) give exact eigen- and singular
//!   value derivatives, but the derivatives of their vectors, and of
//!   anything built from them (`svd().solve`, `pseudo_inverse`), are exact
//!   only where the values are distinct: at a repeated value the vectors
//!   are not differentiable, and the result can be wildly wrong even where
//!   the composite function is smooth. Prefer LU, QR or Cholesky for solves.
//! * **Branches look at values.** Pivoting, deflation and convergence tests
//!   compare values, so the derivative is that of the path nalgebra takes.
//! * **Matrices mix with their own scalar type only.** `2.0 * x` works for
//!   a `Dual` but not for a matrix of them: write `m * Dual::constant(2.0)`,
//!   and bring plain matrices in with `m.map(Dual::constant)` or `m.cast()`.
//!
//! ```
//! use dualgrad::linalg;
//! use nalgebra::{Matrix2, Vector2};
//!
//! // f(x) = ‖x‖, ∇f = x/‖x‖.
//! let g = linalg::gradient(|x| x.norm(), &Vector2::new(3.0, 4.0));
//! approx::assert_relative_eq!(g, Vector2::new(0.6, 0.8));
//!
//! // Polar to Cartesian, written on nalgebra vectors.
//! let j = linalg::jacobian(
//!     |p| Vector2::new(p[0] * p[1].cos(), p[0] * p[1].sin()),
//!     &Vector2::new(2.0, 0.0),
//! );
//! assert_eq!(j, Matrix2::new(1.0, 0.0, 0.0, 2.0));
//!
//! // A log-determinant through nalgebra's Cholesky: ∇ log det(diag(x)) = 1/x.
//! let g = linalg::gradient(
//!     |x| Matrix2::from_diagonal(x).cholesky().unwrap().l().determinant().ln() * 2.0,
//!     &Vector2::new(2.0, 4.0),
//! );
//! assert!((g - Vector2::new(0.5, 0.25)).norm() < 1e-15);
//! ```

mod directional;
pub mod dynamic;
mod gradient;
mod hessian;
mod jacobian;

pub use directional::{directional_derivative, jacobian_vector_product, vector_derivative};
pub use gradient::{gradient, value_and_gradient};
pub use hessian::{hessian, hessian_vector_product, value_gradient_hessian};
pub use jacobian::{jacobian, value_and_jacobian};
