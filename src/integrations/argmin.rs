//! [argmin](https://docs.rs/argmin/0.11) problems from functions written
//! once for every `Float` type: exact gradients, Hessians and Jacobians for
//! argmin's solvers, in place of hand-written derivatives or finite
//! differences.
//!
//! | wrapper | argmin traits | for |
//! |---|---|---|
//! | [`ScalarProblem`] around a [`ScalarFn`] | `CostFunction`, `Gradient`, `Hessian` | argmin's minimisers: see [which solvers](#which-argmin-solvers) |
//! | [`VectorProblem`] around a [`VectorFn`] | `Operator`, `Jacobian` | a residual and its Jacobian for a least-squares loop of your own: argmin 0.11's own Jacobian solvers do not take `Vec` parameters (below) |
//!
//! ```
//! use argmin::core::{Executor, State};
//! use argmin::solver::linesearch::MoreThuenteLineSearch;
//! use argmin::solver::quasinewton::LBFGS;
//! use dualgrad::{argmin::ScalarProblem, scalar_fn};
//! use num_traits::Float;
//!
//! /// Rosenbrock's function; its minimum is f(1, 1) = 0.
//! fn rosenbrock<S: Float>(x: &[S]) -> S {
//!     let hundred = S::from(100.0).unwrap();
//!     (S::one() - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
//! }
//!
//! let problem = ScalarProblem::new(scalar_fn!(rosenbrock), 2);
//! let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7);
//! let result = Executor::new(problem, solver)
//!     .configure(|state| state.param(vec![-1.2, 1.0]).max_iters(100))
//!     .run()
//!     .unwrap();
//! let best = result.state().get_best_param().unwrap();
//! assert!((best[0] - 1.0).abs() < 1e-6 && (best[1] - 1.0).abs() < 1e-6);
//! ```
//!
//! # Why `Vec<f64>` parameters
//!
//! argmin's solvers do their vector arithmetic through the `argmin-math`
//! crate, whose nalgebra backend supports nalgebra up to 0.34 (its newest
//! nalgebra feature in 0.5 is `nalgebra_v0_34`), while dualgrad's nalgebra
//! integration is built on nalgebra 0.35. The two versions' `DVector`s are
//! different types, so a problem over dualgrad's `DVector<f64>` would not
//! satisfy argmin-math's traits. `Vec<f64>` needs no nalgebra at all:
//! enable argmin-math's `vec` feature in your `Cargo.toml` (`argmin-math =
//! { version = "0.5", features = ["vec"] }`). Vectors are `Vec<f64>`,
//! matrices (Hessians, Jacobians) `Vec<Vec<f64>>` with one inner `Vec` per
//! row.
//!
//! # Which argmin solvers
//!
//! argmin-math's `vec` backend has no matrix inverse (`ArgminInv`), and
//! the solvers that invert a matrix require it of their Hessian or Jacobian
//! type, so they do not compile with `Vec<Vec<f64>>`: `Newton`, the
//! trust-region method with the `Dogleg` subproblem, and both Gauss–Newton
//! solvers (`GaussNewton`, `GaussNewtonLS`), which are argmin 0.11's only
//! users of a `Jacobian`. The compiler says ``the trait bound
//! `Vec<Vec<f64>>: argmin_math::ArgminInv<Vec<Vec<f64>>>` is not satisfied``
//! (followed by an E0599 on `.configure`). Everything
//! else runs on a [`ScalarProblem`]. How they fared in our trials on the
//! chained Rosenbrock function from (−1.2, 1, −1.2, 1, …), at most 1 000
//! iterations (argmin 0.11, default settings otherwise):
//!
//! | solver | n = 20 | n = 100 |
//! |---|---|---|
//! | `LBFGS` (memory 7, `MoreThuenteLineSearch`) | x* = 1 in 135 iterations | x* = 1 in 541 |
//! | `BFGS` (the start needs `inv_hessian`, below) | x* = 1 in 109 | x* = 1 in 442 |
//! | `TrustRegion` with `Steihaug` (uses the Hessian) | the local minimum f ≈ 3.99 near x₀ = −1 (‖∇f‖ = 1e-8 by iteration 100) | the same, ‖∇f‖ = 4e-13 |
//! | `SR1TrustRegion` with `Steihaug` (started from the identity; given none, it starts from the exact Hessian) | x* = 1, ‖∇f‖ = 1e-4, in 178 | x* = 1, ‖∇f‖ = 1e-4, in 850 |
//! | `NewtonCG` (`MoreThuenteLineSearch`, uses the Hessian) | crept: f = 14 after 1 000 | crept: f = 0.02 after 1 000 |
//! | `NonlinearConjugateGradient` (`PolakRibierePlus`) | stopped: "Search direction must be a descent direction" | the same |
//! | `SteepestDescent`, `DFP`, `TrustRegion` with `CauchyPoint` | not converged after 1 000 | not converged |
//!
//! `NewtonCG` creeps even at n = 2 (f = 6e-6 after 1 000 iterations, where
//! L-BFGS reached 3e-21 in 38), and takes the same steps with a
//! hand-written Hessian (this crate's tests check it at n = 20), so the
//! creep is argmin's, not the derivatives'. So: L-BFGS for a gradient-only
//! method (BFGS, which keeps an n × n matrix, for small n); `TrustRegion`
//! with `Steihaug` when you want the Hessian used. (Nonlinear CG ran with
//! restarts, `.restart_iters(10).restart_orthogonality(0.1)`, at n = 20
//! but still stopped at n = 100.)
//! argmin's trust region has no stopping test of its own: it runs to
//! `max_iters`. For full control, a Newton loop of your own on
//! [`chunk::hessian_with`](crate::chunk::hessian_with) (or
//! `linalg::dynamic::value_gradient_hessian` and nalgebra's Cholesky) is
//! a few lines.
//!
//! BFGS and DFP start from an inverse Hessian given in the state as a
//! `Vec<Vec<f64>>`; without one, argmin stops with "`BFGS` requires an
//! initial inverse Hessian":
//!
//! ```
//! use argmin::core::{Executor, State};
//! use argmin::solver::linesearch::MoreThuenteLineSearch;
//! use argmin::solver::quasinewton::BFGS;
//! use dualgrad::{argmin::ScalarProblem, scalar_fn};
//! use num_traits::Float;
//!
//! fn rosenbrock<S: Float>(x: &[S]) -> S {
//!     let hundred = S::from(100.0).unwrap();
//!     (S::one() - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
//! }
//!
//! let identity = vec![vec![1.0, 0.0], vec![0.0, 1.0]];
//! let solver = BFGS::new(MoreThuenteLineSearch::new());
//! let result = Executor::new(ScalarProblem::new(scalar_fn!(rosenbrock), 2), solver)
//!     .configure(|state| state.param(vec![-1.2, 1.0]).inv_hessian(identity).max_iters(100))
//!     .run()
//!     .unwrap();
//! let best = result.state().get_best_param().unwrap();
//! assert!((best[0] - 1.0).abs() < 1e-6 && (best[1] - 1.0).abs() < 1e-6);
//! ```
//!
//! # Cost, allocations and threads
//!
//! A gradient takes ⌈n / C⌉ evaluations of f on `Dual<f64, C>` (chunk mode,
//! C = [`DEFAULT_CHUNK`] unless chosen with `with_chunk`), a Jacobian the
//! same. A Hessian takes the passes of
//! [`chunk::hessian_of`](crate::chunk::hessian_of) on `Dual2`, whatever C:
//! one evaluation for n ≤ 12, else b·(b − 1)/2 for b chunks of at most 5
//! or 6 inputs (one per pair of chunks, the Hessian being symmetric).
//!
//! Each problem keeps its dual work buffers and builds them on first use;
//! after that a call allocates only the `Vec` it returns to argmin (and, for
//! a Hessian or Jacobian, its rows). The buffers sit behind a `Mutex`,
//! because argmin's traits take `&self` and its `rayon` feature evaluates a
//! problem from several threads: a call that finds the buffers in use
//! builds fresh ones rather than wait.
//!
//! A parameter vector of a length other than the problem's dimension gives
//! argmin an error (a [`DimensionError`](crate::DimensionError) inside
//! argmin's `Error`) before f is called, never a panic.

use std::sync::{Mutex, TryLockError};

use ::argmin::core::{CostFunction, Error, Gradient, Hessian, Jacobian, Operator};

use crate::chunk::{
    AnyInputs, DEFAULT_CHUNK, GradientConfig, JacobianConfig, gradient_with, jacobian_with,
    value_gradient_hessian_into,
};
use crate::{DimensionError, ScalarFn, VectorFn};

/// A [`ScalarFn`] f: ℝⁿ → ℝ as an argmin problem with parameters
/// `Vec<f64>` of length n: argmin's `CostFunction` (f(x)), `Gradient`
/// (∇f(x), exact, in chunk mode) and `Hessian` (∇²f(x), exact, on `Dual2`
/// as [`chunk::hessian_of`](crate::chunk::hessian_of) computes it, as
/// `Vec<Vec<f64>>` rows).
///
/// ```
/// use argmin::core::{CostFunction, Gradient, Hessian};
/// use dualgrad::{argmin::ScalarProblem, scalar_fn};
/// use num_traits::Float;
///
/// /// f(x, y) = x²y.
/// fn f<S: Float>(v: &[S]) -> S {
///     v[0] * v[0] * v[1]
/// }
///
/// let problem = ScalarProblem::new(scalar_fn!(f), 2);
/// let x = vec![3.0, 2.0];
/// assert_eq!(problem.cost(&x).unwrap(), 18.0);
/// assert_eq!(problem.gradient(&x).unwrap(), [12.0, 9.0]); // (2xy, x²)
/// assert_eq!(problem.hessian(&x).unwrap(), [[4.0, 6.0], [6.0, 0.0]]);
/// // A parameter of another length is an error, not a panic.
/// assert!(problem.gradient(&vec![1.0; 3]).is_err());
/// ```
#[derive(Debug)]
pub struct ScalarProblem<F, const C: usize = DEFAULT_CHUNK> {
    function: F,
    dimension: usize,
    work: Mutex<ScalarWork<C>>,
}

/// The work buffers of a [`ScalarProblem`], each built on first use.
#[derive(Debug, Default)]
struct ScalarWork<const C: usize> {
    gradient: Option<GradientConfig<f64, C>>,
    hessian: Option<HessianWork>,
}

/// The work buffers of a Hessian: the `Dual2` inputs, and the gradient and
/// the row-major Hessian before they are split into argmin's rows.
#[derive(Debug)]
struct HessianWork {
    inputs: AnyInputs,
    gradient: Vec<f64>,
    hessian: Vec<f64>,
}

impl<F: ScalarFn> ScalarProblem<F> {
    /// The problem of minimising `function` over ℝⁿ, n = `dimension`, with
    /// chunks of [`DEFAULT_CHUNK`] partials. Allocates nothing until the
    /// first gradient or Hessian.
    ///
    /// ```
    /// use argmin::core::CostFunction;
    /// use dualgrad::{argmin::ScalarProblem, scalar_fn};
    /// use num_traits::Float;
    ///
    /// fn norm_squared<S: Float>(x: &[S]) -> S {
    ///     x.iter().fold(S::zero(), |s, &v| s + v * v)
    /// }
    ///
    /// let problem = ScalarProblem::new(scalar_fn!(norm_squared), 2);
    /// assert_eq!(problem.cost(&vec![3.0, 4.0]).unwrap(), 25.0);
    /// ```
    #[must_use]
    pub fn new(function: F, dimension: usize) -> Self {
        Self::with_chunk(function, dimension)
    }
}

impl<F: ScalarFn, const C: usize> ScalarProblem<F, C> {
    /// As [`new`](ScalarProblem::new), with chunks of C partials: each
    /// gradient takes ⌈n / C⌉ evaluations of f on `Dual<f64, C>`.
    ///
    /// ```
    /// use argmin::core::Gradient;
    /// use dualgrad::{argmin::ScalarProblem, scalar_fn};
    /// use num_traits::Float;
    ///
    /// fn norm_squared<S: Float>(x: &[S]) -> S {
    ///     x.iter().fold(S::zero(), |s, &v| s + v * v)
    /// }
    ///
    /// let problem = ScalarProblem::<_, 4>::with_chunk(scalar_fn!(norm_squared), 5);
    /// let g = problem.gradient(&vec![1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
    /// assert_eq!(g, [2.0, 4.0, 6.0, 8.0, 10.0]);
    /// ```
    #[must_use]
    pub fn with_chunk(function: F, dimension: usize) -> Self {
        const { assert!(C > 0, "chunk size C must be at least 1") };
        ScalarProblem {
            function,
            dimension,
            work: Mutex::default(),
        }
    }

    /// n, the length of every parameter vector.
    ///
    /// ```
    /// use dualgrad::{argmin::ScalarProblem, scalar_fn};
    /// use num_traits::Float;
    ///
    /// fn sum<S: Float>(x: &[S]) -> S {
    ///     x.iter().fold(S::zero(), |s, &v| s + v)
    /// }
    ///
    /// assert_eq!(ScalarProblem::new(scalar_fn!(sum), 7).dimension(), 7);
    /// ```
    #[must_use]
    pub fn dimension(&self) -> usize {
        self.dimension
    }

    /// The wrapped function.
    ///
    /// ```
    /// use dualgrad::{ScalarFn, argmin::ScalarProblem, scalar_fn};
    /// use num_traits::Float;
    ///
    /// fn sum<S: Float>(x: &[S]) -> S {
    ///     x.iter().fold(S::zero(), |s, &v| s + v)
    /// }
    ///
    /// let problem = ScalarProblem::new(scalar_fn!(sum), 2);
    /// assert_eq!(problem.function().eval(&[1.0, 2.0]), 3.0);
    /// ```
    #[must_use]
    pub fn function(&self) -> &F {
        &self.function
    }

    /// `Ok` when `param` has the problem's dimension.
    fn check(&self, param: &[f64]) -> Result<(), DimensionError> {
        DimensionError::check(
            "argmin parameter vector",
            self.dimension,
            param.len(),
            "the dimension the ScalarProblem was made for",
        )
    }
}

impl<F: ScalarFn, const C: usize> CostFunction for ScalarProblem<F, C> {
    type Param = Vec<f64>;
    type Output = f64;

    /// f(x), evaluated on `f64`.
    fn cost(&self, param: &Vec<f64>) -> Result<f64, Error> {
        self.check(param)?;
        Ok(self.function.eval(param.as_slice()))
    }
}

impl<F: ScalarFn, const C: usize> Gradient for ScalarProblem<F, C> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    /// ∇f(x) = (∂f/∂x₁, …, ∂f/∂xₙ), exact, in ⌈n / C⌉ evaluations of f on
    /// `Dual<f64, C>`.
    fn gradient(&self, param: &Vec<f64>) -> Result<Vec<f64>, Error> {
        self.check(param)?;
        let mut out = vec![0.0; param.len()];
        with_work(&self.work, |work| {
            let config = work
                .gradient
                .get_or_insert_with(|| GradientConfig::new(self.dimension));
            gradient_with(config, |x| self.function.eval(x), param, &mut out)
        })?;
        Ok(out)
    }
}

impl<F: ScalarFn, const C: usize> Hessian for ScalarProblem<F, C> {
    type Param = Vec<f64>;
    type Hessian = Vec<Vec<f64>>;

    /// ∇²f(x), `H[i][j]` = ∂²f/∂xᵢ∂xⱼ, exact, as n rows: the passes of
    /// [`chunk::hessian_of`](crate::chunk::hessian_of) on `Dual2`, whose
    /// chunk size is chosen from n (C sets the gradient's only): one
    /// evaluation of f for n ≤ 12.
    fn hessian(&self, param: &Vec<f64>) -> Result<Vec<Vec<f64>>, Error> {
        self.check(param)?;
        let n = self.dimension;
        let rows = with_work(&self.work, |work| {
            let work = work.hessian.get_or_insert_with(|| HessianWork {
                inputs: None,
                gradient: vec![0.0; n],
                hessian: vec![0.0; n * n],
            });
            value_gradient_hessian_into(
                &self.function,
                param,
                &mut work.inputs,
                &mut work.gradient,
                &mut work.hessian,
            );
            Ok::<_, DimensionError>(rows(&work.hessian, n, n))
        })?;
        Ok(rows)
    }
}

/// A [`VectorFn`] f: ℝⁿ → ℝᵐ as an argmin problem with parameters
/// `Vec<f64>` of length n: argmin's `Operator` (f(x), m values) and
/// `Jacobian` (the m × n Jacobian, exact, in chunk mode, as m rows of n).
///
/// ```
/// use argmin::core::{Jacobian, Operator};
/// use dualgrad::{argmin::VectorProblem, vector_fn};
/// use num_traits::Float;
///
/// /// Polar to Cartesian: (r cos θ, r sin θ).
/// fn polar<S: Float>(p: &[S], out: &mut [S]) {
///     out[0] = p[0] * p[1].cos();
///     out[1] = p[0] * p[1].sin();
/// }
///
/// let problem = VectorProblem::new(vector_fn!(polar, 2), 2);
/// let (r, theta) = (2.0_f64, 0.5_f64);
/// let p = vec![r, theta];
/// assert_eq!(problem.apply(&p).unwrap(), [r * theta.cos(), r * theta.sin()]);
/// assert_eq!(
///     problem.jacobian(&p).unwrap(),
///     [[theta.cos(), -r * theta.sin()], [theta.sin(), r * theta.cos()]]
/// );
/// assert!(problem.jacobian(&vec![1.0]).is_err());
/// ```
///
/// argmin 0.11's own solver for these traits, Gauss–Newton, needs a matrix
/// inverse that argmin-math's `vec` backend lacks; see the
/// [module docs](self#why-vecf64-parameters).
#[derive(Debug)]
pub struct VectorProblem<F, const C: usize = DEFAULT_CHUNK> {
    function: F,
    inputs: usize,
    outputs: usize,
    work: Mutex<Option<JacobianWork<C>>>,
}

/// The work buffers of a [`VectorProblem`]'s Jacobian: the chunk config and
/// the row-major Jacobian before it is split into argmin's rows.
#[derive(Debug)]
struct JacobianWork<const C: usize> {
    config: JacobianConfig<f64, C>,
    jacobian: Vec<f64>,
}

impl<F: VectorFn> VectorProblem<F> {
    /// The problem for `function` on ℝⁿ, n = `inputs`, with
    /// m = `function.outputs(n)` outputs and chunks of [`DEFAULT_CHUNK`]
    /// partials. Allocates nothing until the first Jacobian.
    ///
    /// ```
    /// use dualgrad::{argmin::VectorProblem, vector_fn};
    /// use num_traits::Float;
    ///
    /// fn squares<S: Float>(x: &[S], out: &mut [S]) {
    ///     for (o, &v) in out.iter_mut().zip(x) {
    ///         *o = v * v;
    ///     }
    /// }
    ///
    /// let problem = VectorProblem::new(vector_fn!(squares, |n| n), 3);
    /// assert_eq!((problem.inputs(), problem.outputs()), (3, 3));
    /// ```
    #[must_use]
    pub fn new(function: F, inputs: usize) -> Self {
        Self::with_chunk(function, inputs)
    }
}

impl<F: VectorFn, const C: usize> VectorProblem<F, C> {
    /// As [`new`](VectorProblem::new), with chunks of C partials: each
    /// Jacobian takes ⌈n / C⌉ evaluations of f on `Dual<f64, C>`.
    ///
    /// ```
    /// use argmin::core::Jacobian;
    /// use dualgrad::{argmin::VectorProblem, vector_fn};
    /// use num_traits::Float;
    ///
    /// fn squares<S: Float>(x: &[S], out: &mut [S]) {
    ///     for (o, &v) in out.iter_mut().zip(x) {
    ///         *o = v * v;
    ///     }
    /// }
    ///
    /// let problem = VectorProblem::<_, 1>::with_chunk(vector_fn!(squares, |n| n), 2);
    /// assert_eq!(problem.jacobian(&vec![3.0, 4.0]).unwrap(), [[6.0, 0.0], [0.0, 8.0]]);
    /// ```
    #[must_use]
    pub fn with_chunk(function: F, inputs: usize) -> Self {
        const { assert!(C > 0, "chunk size C must be at least 1") };
        let outputs = function.outputs(inputs);
        VectorProblem {
            function,
            inputs,
            outputs,
            work: Mutex::default(),
        }
    }

    /// n, the length of every parameter vector.
    ///
    /// ```
    /// use dualgrad::{argmin::VectorProblem, vector_fn};
    /// use num_traits::Float;
    ///
    /// fn sum<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x.iter().fold(S::zero(), |s, &v| s + v);
    /// }
    ///
    /// assert_eq!(VectorProblem::new(vector_fn!(sum, 1), 4).inputs(), 4);
    /// ```
    #[must_use]
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// m, the length of f(x): `function.outputs(n)`, asked once in
    /// [`new`](VectorProblem::new).
    ///
    /// ```
    /// use dualgrad::{argmin::VectorProblem, vector_fn};
    /// use num_traits::Float;
    ///
    /// fn sum<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x.iter().fold(S::zero(), |s, &v| s + v);
    /// }
    ///
    /// assert_eq!(VectorProblem::new(vector_fn!(sum, 1), 4).outputs(), 1);
    /// ```
    #[must_use]
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// The wrapped function.
    ///
    /// ```
    /// use dualgrad::{VectorFn, argmin::VectorProblem, vector_fn};
    /// use num_traits::Float;
    ///
    /// fn double<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x[0] + x[0];
    /// }
    ///
    /// let problem = VectorProblem::new(vector_fn!(double, 1), 1);
    /// let mut out = [0.0];
    /// problem.function().eval(&[2.0], &mut out);
    /// assert_eq!(out, [4.0]);
    /// ```
    #[must_use]
    pub fn function(&self) -> &F {
        &self.function
    }

    /// `Ok` when `param` has the problem's input count.
    fn check(&self, param: &[f64]) -> Result<(), DimensionError> {
        DimensionError::check(
            "argmin parameter vector",
            self.inputs,
            param.len(),
            "the inputs the VectorProblem was made for",
        )
    }
}

impl<F: VectorFn, const C: usize> Operator for VectorProblem<F, C> {
    type Param = Vec<f64>;
    type Output = Vec<f64>;

    /// f(x), m values, evaluated on `f64`.
    fn apply(&self, param: &Vec<f64>) -> Result<Vec<f64>, Error> {
        self.check(param)?;
        let mut out = vec![0.0; self.outputs];
        self.function.eval(param, &mut out);
        Ok(out)
    }
}

impl<F: VectorFn, const C: usize> Jacobian for VectorProblem<F, C> {
    type Param = Vec<f64>;
    type Jacobian = Vec<Vec<f64>>;

    /// The Jacobian, `J[i][j]` = ∂fᵢ/∂xⱼ, exact, as m rows of n: ⌈n / C⌉
    /// evaluations of f on `Dual<f64, C>`.
    fn jacobian(&self, param: &Vec<f64>) -> Result<Vec<Vec<f64>>, Error> {
        self.check(param)?;
        let (n, m) = (self.inputs, self.outputs);
        let rows = with_work(&self.work, |work| {
            let work = work.get_or_insert_with(|| JacobianWork {
                config: JacobianConfig::new(n, m),
                jacobian: vec![0.0; m * n],
            });
            jacobian_with(
                &mut work.config,
                |x, out| self.function.eval(x, out),
                param,
                &mut work.jacobian,
            )?;
            Ok::<_, DimensionError>(rows(&work.jacobian, m, n))
        })?;
        Ok(rows)
    }
}

/// `job` on the cached work buffers, or on fresh ones when another thread
/// holds them (argmin's `rayon` feature evaluates in parallel). A panic in
/// an earlier call (a poisoned lock) leaves nothing to repair: every driver
/// reseeds all of its buffers.
fn with_work<W: Default, R>(work: &Mutex<W>, job: impl FnOnce(&mut W) -> R) -> R {
    match work.try_lock() {
        Ok(mut guard) => job(&mut guard),
        Err(TryLockError::Poisoned(poisoned)) => {
            work.clear_poison();
            job(&mut poisoned.into_inner())
        }
        Err(TryLockError::WouldBlock) => job(&mut W::default()),
    }
}

/// The m rows of length n of a row-major m × n matrix, as argmin's
/// `Vec<Vec<f64>>`.
fn rows(flat: &[f64], m: usize, n: usize) -> Vec<Vec<f64>> {
    (0..m).map(|i| flat[i * n..(i + 1) * n].to_vec()).collect()
}
