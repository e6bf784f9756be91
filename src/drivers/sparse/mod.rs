//! Sparse Jacobians and Hessians: sparsity detection, column colouring and
//! compressed evaluation (feature `sparse`).
//!
//! A dense Jacobian of f: ℝⁿ → ℝᵐ takes ⌈n / 12⌉ passes of f. When each
//! output depends on a few inputs, far fewer suffice: columns j and k of J
//! that share no row can be seeded in the same partial, since
//!
//! ```text
//! J·(eⱼ + eₖ) = J[:, j] + J[:, k]
//! ```
//!
//! and every row has at most one of the two terms. Three steps:
//!
//! 1. **Detection**: f runs once on [`Tracer`]s, numbers that carry the set
//!    of inputs they depend on, giving J's pattern ([`jacobian_pattern`]).
//! 2. **Colouring**: columns sharing no row get the same colour
//!    ([`color_columns`]); a banded Jacobian of total bandwidth b needs b
//!    colours, whatever n.
//! 3. **Compressed evaluation**: partial c of every input of colour c is 1,
//!    so one evaluation of f on duals gives J·S, where column c of the
//!    n × colours matrix S is the sum of the unit vectors of colour c; each
//!    entry of J is read from its row's partial of its column's colour,
//!    straight into a `CsrMatrix` ([`JacobianConfig`]).
//!
//! | call | gives | cost per call |
//! |---|---|---|
//! | [`jacobian_pattern`], [`jacobian_pattern_union`] | J's pattern, rows = outputs | one evaluation on `Tracer` |
//! | [`color_columns`], [`color_columns_in`] | a [`Coloring`] | O(Σ row nnz²) |
//! | [`jacobian`] | J as `CsrMatrix<f64>` | detect + colour + evaluate |
//! | [`JacobianConfig::jacobian`] | J, into the config | ⌈colours / 16⌉ evaluations on duals, no allocation |
//! | [`gradient_of_sum`], [`GradientOfSumConfig`] | ∇ Σₖ Fₖ(x) | as the Jacobian of F |
//! | [`hessian_of_sum`], [`HessianOfSumConfig`] | ∇² Σₖ Fₖ(x), CSR | one evaluation of F on `Dual2` (≤ 16 colours) |
//!
//! **Partially separable functions** f(x) = Σₖ Fₖ(x), each element Fₖ
//! depending on a few inputs (chained Rosenbrock, pair potentials,
//! least-squares costs), are written as the element vector F, a
//! [`VectorFn`](crate::VectorFn). The gradient of the sum is the sum of the
//! rows of F's sparse Jacobian; within one element every colour holds at
//! most one input, so the colour-by-colour Hessian of Fₖ on `Dual2` *is*
//! Fₖ's Hessian, scattered into the sum's.
//!
//! ```
//! use dualgrad::{sparse, vector_fn};
//! use num_traits::Float;
//!
//! // Chained Rosenbrock as elements: 100(xᵢ₊₁ − xᵢ²)² and (1 − xᵢ)².
//! fn elements<S: Float>(x: &[S], out: &mut [S]) {
//!     let hundred = S::from(100.0).unwrap();
//!     for i in 0..x.len() - 1 {
//!         out[2 * i] = hundred * (x[i + 1] - x[i] * x[i]).powi(2);
//!         out[2 * i + 1] = (S::one() - x[i]).powi(2);
//!     }
//! }
//! let f = vector_fn!(elements, |n| 2 * (n - 1));
//! let x = vec![1.0; 1000];
//! assert_eq!(sparse::gradient_of_sum(&f, &x), vec![0.0; 1000]); // the minimum
//! let h = sparse::hessian_of_sum(&f, &x);
//! assert_eq!(h.nnz(), 3 * 1000 - 2); // tridiagonal
//! assert_eq!(h.get_entry(0, 0).unwrap().into_value(), 802.0);
//! ```
//!
//! **Limitations.** Detection follows the branch taken at x (see
//! [`Tracer`]). A config keeps the pattern it was made with: at a point
//! where f takes another branch and depends on an input the pattern lacks,
//! its Jacobian is **wrong without an error** (the missing entry's value
//! is added to another entry of its row and colour). Make the config from
//! [`jacobian_pattern_union`] over points that reach every branch, and
//! check a point with [`first_missing_entry`]:
//!
//! ```
//! use dualgrad::sparse::{JacobianConfig, first_missing_entry, jacobian_pattern_union};
//! use dualgrad::vector_fn;
//! use num_traits::Float;
//!
//! fn branchy<S: Float>(x: &[S], out: &mut [S]) {
//!     out[0] = if x[0] > S::zero() { x[0] * x[1] } else { x[0] };
//!     out[1] = x[1] + x[2];
//! }
//! let f = vector_fn!(branchy, 2);
//! let points = [&[-1.0, 2.0, 3.0][..], &[1.0, 2.0, 3.0]];
//! let mut config = JacobianConfig::from_pattern(jacobian_pattern_union(&f, points).unwrap());
//! assert_eq!(first_missing_entry(config.pattern(), &f, &[1.0, 2.0, 3.0]), None);
//! let j = config.jacobian(&f, &[1.0, 2.0, 3.0]).unwrap();
//! assert_eq!(j.get_entry(0, 0).unwrap().into_value(), 2.0); // ∂(x₀x₁)/∂x₀ = x₁
//! assert_eq!(j.get_entry(0, 1).unwrap().into_value(), 1.0);
//! ```
//!
//! The one-shot functions take `&[f64]`; the configs take any `T: Float`
//! (`f32` too). `sparse::JacobianConfig` and [`chunk::JacobianConfig`](crate::chunk::JacobianConfig)
//! share a name: import one by its module path. A value that depends on many inputs costs a set that size
//! in the arena at each merge that grows it: a running sum over all n inputs
//! writes sets of 1, 2, …, n entries, O(n²) memory for a dense row (keep
//! dense reductions out of the element vector, or give the pattern with
//! [`JacobianConfig::from_pattern`]).
//!
//! # Solving with a sparse Jacobian
//!
//! The results are nalgebra-sparse 0.12 `CsrMatrix`es, and nalgebra-sparse
//! 0.12 factorises only symmetric positive definite matrices
//! (`nalgebra_sparse::factorization::CscCholesky`): fine for a Hessian at a
//! minimum, or for −J of the Bratu problem (`examples/bratu.rs`), but most
//! Jacobians are not symmetric. For those:
//!
//! - **small n**: `DMatrix::from(&csr)` and nalgebra's dense LU, which
//!   stores n² numbers and takes O(n³) to factor, but needs nothing else;
//! - **large n**: a sparse LU from another crate, such as
//!   [faer](https://crates.io/crates/faer)'s (`faer::sparse::linalg`, pure
//!   Rust), [rsparse](https://crates.io/crates/rsparse)'s `lusol`, or
//!   [russell_sparse](https://crates.io/crates/russell_sparse) (bindings
//!   to UMFPACK, KLU and MUMPS, which need those C libraries). These take
//!   compressed *columns*: `CscMatrix::from(&csr)` converts, and
//!   `csc_data()` gives the column offsets, row indices and values they are
//!   built from.
//!
//! dualgrad re-exports neither nalgebra nor nalgebra-sparse: the example
//! below needs `nalgebra = "0.35"` and `nalgebra-sparse = "0.12"` in your
//! `Cargo.toml` (other versions give other types).
//!
//! ```
//! use dualgrad::{VectorFn, sparse, vector_fn};
//! use nalgebra::{DMatrix, DVector};
//! use nalgebra_sparse::CscMatrix;
//! use num_traits::Float;
//!
//! // An upwind scheme, Fᵢ = xᵢ² + xᵢ − xᵢ₋₁ − 1: J is lower bidiagonal,
//! // not symmetric.
//! fn upwind<S: Float>(x: &[S], out: &mut [S]) {
//!     for i in 0..x.len() {
//!         let left = if i > 0 { x[i - 1] } else { S::zero() };
//!         out[i] = x[i] * x[i] + x[i] - left - S::one();
//!     }
//! }
//! let f = vector_fn!(upwind, |n| n);
//! let x = vec![0.5; 5];
//! let j = sparse::jacobian(&f, &x); // CsrMatrix<f64>
//!
//! // Column-major arrays for a sparse LU: column k has rows k and k + 1.
//! let csc = CscMatrix::from(&j);
//! let (col_offsets, row_indices, values) = csc.csc_data();
//! assert_eq!(col_offsets, [0, 2, 4, 6, 8, 9]);
//! assert_eq!(row_indices, [0, 1, 1, 2, 2, 3, 3, 4, 4]);
//! assert_eq!(values[..2], [2.0, -1.0]); // ∂F₀/∂x₀ = 2x₀ + 1, ∂F₁/∂x₀ = −1
//!
//! // Small n: a Newton step J·δ = −F by nalgebra's dense LU.
//! let mut r = vec![0.0; 5];
//! f.eval(&x, &mut r);
//! let minus_f = -DVector::from_vec(r);
//! let dense = DMatrix::from(&j);
//! let step = dense.clone().lu().solve(&minus_f).expect("J is invertible");
//! assert!((dense * step - minus_f).amax() < 1e-12);
//! ```

pub(crate) mod chunk_size;
mod coloring;
mod compressed;
mod gradient_of_sum;
mod hessian_of_sum;
mod jacobian;
mod pattern;

pub use crate::number::tracer::Tracer;
pub use coloring::{Coloring, Order, color_columns, color_columns_in};
pub use gradient_of_sum::{GradientOfSumConfig, gradient_of_sum};
pub use hessian_of_sum::{HessianOfSumConfig, hessian_of_sum};
pub use jacobian::{JacobianConfig, jacobian};
pub use pattern::{first_missing_entry, jacobian_pattern, jacobian_pattern_union};
