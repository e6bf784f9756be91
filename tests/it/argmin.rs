//! The argmin adapter as a user calls it: argmin's traits on
//! `ScalarProblem` and `VectorProblem` give dualgrad's derivatives, reject a
//! wrong length with an error, allocate only what they return, and drive
//! argmin's solvers to the minimum.

use std::sync::atomic::{AtomicBool, Ordering};

use argmin::core::{CostFunction, Executor, Gradient, Hessian, Jacobian, Operator, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::newton::NewtonCG;
use argmin::solver::quasinewton::LBFGS;
use argmin::solver::trustregion::{CauchyPoint, Steihaug, TrustRegion};
use dualgrad::argmin::{ScalarProblem, VectorProblem};
use dualgrad::{DimensionError, ScalarFn, chunk, scalar_fn, vector_fn};
use num_traits::Float;

use crate::common::assert_close;

use crate::counting::allocations_of;

/// The chained Rosenbrock function Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    x.windows(2)
        .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
        .fold(S::zero(), |a, b| a + b)
}

/// ∇ of [`rosenbrock`], by hand.
fn rosenbrock_gradient(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    (0..n)
        .map(|i| {
            let mut g = 0.0;
            if i + 1 < n {
                g += -400.0 * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (1.0 - x[i]);
            }
            if i > 0 {
                g += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
            }
            g
        })
        .collect()
}

/// ∇² of [`rosenbrock`], by hand: tridiagonal.
fn rosenbrock_hessian(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n {
        if i + 1 < n {
            h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            h[i][i + 1] = -400.0 * x[i];
            h[i + 1][i] = -400.0 * x[i];
        }
        if i > 0 {
            h[i][i] += 200.0;
        }
    }
    h
}

/// Residuals of an exponential fit, yᵢ − a·exp(b·tᵢ), for the Jacobian.
fn exponential_residuals<S: Float>(p: &[S], out: &mut [S]) {
    for (k, o) in out.iter_mut().enumerate() {
        let t = S::from(k).unwrap() * S::from(0.25).unwrap();
        let y = S::from(1.0 + 0.5 * k as f64).unwrap();
        *o = y - p[0] * (p[1] * t).exp();
    }
}

/// A point where no entry is special: xᵢ = sin(i) + 0.3.
fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| (i as f64).sin() + 0.3).collect()
}

fn assert_vectors_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert_close(g, w, 1e-12, 1e-12, &format!("{what}[{i}]"));
    }
}

fn assert_matrices_close(got: &[Vec<f64>], want: &[Vec<f64>], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: rows");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_vectors_close(g, w, &format!("{what}[{i}]"));
    }
}

#[test]
fn cost_is_f_on_f64() {
    let x = point(17);
    let problem = ScalarProblem::new(scalar_fn!(rosenbrock), 17);
    assert_eq!(problem.cost(&x).unwrap(), rosenbrock(&x));
}

#[test]
fn gradient_equals_chunk_gradient_and_the_closed_form() {
    let f = scalar_fn!(rosenbrock);
    for n in [0, 1, 2, 12, 13, 30] {
        let x = point(n);
        let problem = ScalarProblem::new(scalar_fn!(rosenbrock), n);
        let g = problem.gradient(&x).unwrap();
        assert_eq!(g, chunk::gradient_of(&f, &x), "n = {n}");
        assert_vectors_close(&g, &rosenbrock_gradient(&x), &format!("n = {n}"));
    }
}

#[test]
fn gradient_is_the_same_for_every_chunk_width() {
    let x = point(30);
    let want = ScalarProblem::new(scalar_fn!(rosenbrock), 30)
        .gradient(&x)
        .unwrap();
    let by_one = ScalarProblem::<_, 1>::with_chunk(scalar_fn!(rosenbrock), 30);
    let by_seven = ScalarProblem::<_, 7>::with_chunk(scalar_fn!(rosenbrock), 30);
    assert_eq!(by_one.gradient(&x).unwrap(), want);
    assert_eq!(by_seven.gradient(&x).unwrap(), want);
}

#[test]
fn hessian_equals_the_array_driver() {
    /// A dense Hessian: every pair of inputs interacts.
    fn coupled<S: Float>(x: &[S]) -> S {
        let s = x.iter().fold(S::zero(), |a, &v| a + v);
        (s * x[0]).sin() + x[1] * x[2].exp() * x[3] + x[4].powi(3) * s
    }
    let x = [0.3, -0.7, 0.2, 1.1, 0.5];
    let (_, gradient, hessian) = dualgrad::value_gradient_hessian(coupled, x);
    // Widths 1, 2 and 5: one block, and off-diagonal blocks of two sizes.
    let wide = ScalarProblem::new(scalar_fn!(coupled), 5);
    let pairs = ScalarProblem::<_, 2>::with_chunk(scalar_fn!(coupled), 5);
    let single = ScalarProblem::<_, 1>::with_chunk(scalar_fn!(coupled), 5);
    let want: Vec<Vec<f64>> = hessian.iter().map(|row| row.to_vec()).collect();
    for (got, width) in [
        (wide.hessian(&x.to_vec()).unwrap(), 12),
        (pairs.hessian(&x.to_vec()).unwrap(), 2),
        (single.hessian(&x.to_vec()).unwrap(), 1),
    ] {
        assert_matrices_close(&got, &want, &format!("chunk {width}"));
    }
    assert_vectors_close(&wide.gradient(&x.to_vec()).unwrap(), &gradient, "gradient");
}

#[test]
fn hessian_equals_the_closed_form_across_blocks() {
    for n in [0, 1, 2, 13, 30] {
        let x = point(n);
        let want = rosenbrock_hessian(&x);
        let default = ScalarProblem::new(scalar_fn!(rosenbrock), n);
        let narrow = ScalarProblem::<_, 4>::with_chunk(scalar_fn!(rosenbrock), n);
        assert_matrices_close(&default.hessian(&x).unwrap(), &want, &format!("n = {n}"));
        assert_matrices_close(
            &narrow.hessian(&x).unwrap(),
            &want,
            &format!("n = {n}, chunk 4"),
        );
    }
}

#[test]
fn operator_and_jacobian_equal_f_and_chunk_jacobian() {
    let f = vector_fn!(exponential_residuals, 9);
    let problem = VectorProblem::<_, 1>::with_chunk(vector_fn!(exponential_residuals, 9), 2);
    let p = vec![1.3, 0.4];
    let mut want = vec![0.0; 9];
    dualgrad::VectorFn::eval(&f, &p[..], &mut want);
    assert_eq!(problem.apply(&p).unwrap(), want);
    let jacobian = chunk::jacobian(
        |x| {
            let mut out = vec![dualgrad::Dual::constant(0.0); 9];
            exponential_residuals(x, &mut out);
            out
        },
        &p,
    )
    .unwrap();
    assert_eq!(problem.jacobian(&p).unwrap(), jacobian);
    // And by hand: ∂rₖ/∂a = −exp(b·tₖ), ∂rₖ/∂b = −a·tₖ·exp(b·tₖ).
    for (k, row) in problem.jacobian(&p).unwrap().iter().enumerate() {
        let t = k as f64 * 0.25;
        let e = (p[1] * t).exp();
        assert_vectors_close(row, &[-e, -p[0] * t * e], &format!("row {k}"));
    }
}

#[test]
fn jacobian_of_no_inputs_has_one_empty_row_per_output() {
    fn constant<S: Float>(_: &[S], out: &mut [S]) {
        out.fill(S::one());
    }
    let problem = VectorProblem::new(vector_fn!(constant, 3), 0);
    assert_eq!(problem.apply(&vec![]).unwrap(), [1.0; 3]);
    assert_eq!(
        problem.jacobian(&vec![]).unwrap(),
        vec![Vec::<f64>::new(); 3]
    );
}

/// The `DimensionError` inside argmin's error.
fn dimension_error(err: &argmin::core::Error) -> DimensionError {
    *err.downcast_ref::<DimensionError>()
        .unwrap_or_else(|| panic!("not a DimensionError: {err}"))
}

#[test]
fn a_wrong_length_is_an_error_naming_both_lengths_not_a_panic() {
    let scalar = ScalarProblem::new(scalar_fn!(rosenbrock), 3);
    let vector = VectorProblem::new(vector_fn!(exponential_residuals, 4), 2);
    for wrong in [vec![], vec![1.0; 2], vec![1.0; 4]] {
        let errors = [
            scalar.cost(&wrong).unwrap_err(),
            scalar.gradient(&wrong).unwrap_err(),
            scalar.hessian(&wrong).unwrap_err(),
        ];
        for err in &errors {
            let e = dimension_error(err);
            assert_eq!((e.expected(), e.found()), (3, wrong.len()));
            assert_eq!(
                err.to_string(),
                format!(
                    "the argmin parameter vector has length {}, expected 3 \
                     (the dimension the ScalarProblem was made for)",
                    wrong.len()
                )
            );
        }
    }
    for wrong in [vec![], vec![1.0; 3]] {
        for err in [
            vector.apply(&wrong).unwrap_err(),
            vector.jacobian(&wrong).unwrap_err(),
        ] {
            let e = dimension_error(&err);
            assert_eq!(
                (e.what(), e.expected(), e.found()),
                ("argmin parameter vector", 2, wrong.len())
            );
        }
    }
    // The right length still works after the errors.
    assert_eq!(scalar.gradient(&vec![1.0; 3]).unwrap(), [0.0; 3]);
}

#[test]
fn repeated_calls_allocate_only_what_they_return() {
    let n = 30;
    let x = point(n);
    let scalar = ScalarProblem::new(scalar_fn!(rosenbrock), n);
    let vector = VectorProblem::new(vector_fn!(exponential_residuals, 9), 2);
    let p = vec![1.3, 0.4];
    // The first calls build the work buffers.
    let _ = (scalar.gradient(&x), scalar.hessian(&x), vector.jacobian(&p));
    let rounds = 10;
    let counted = |job: &dyn Fn()| allocations_of(|| (0..rounds).for_each(|_| job()));
    assert_eq!(
        counted(&|| {
            std::hint::black_box(scalar.cost(&x).unwrap());
        }),
        0
    );
    assert_eq!(counted(&|| drop(scalar.gradient(&x).unwrap())), rounds);
    // The outer Vec and one per row.
    assert_eq!(
        counted(&|| drop(scalar.hessian(&x).unwrap())),
        rounds * (n + 1)
    );
    assert_eq!(counted(&|| drop(vector.apply(&p).unwrap())), rounds);
    assert_eq!(
        counted(&|| drop(vector.jacobian(&p).unwrap())),
        rounds * (9 + 1)
    );
}

#[test]
fn calls_from_several_threads_at_once_agree() {
    let x = point(40);
    let problem = ScalarProblem::new(scalar_fn!(rosenbrock), 40);
    let want = (problem.gradient(&x).unwrap(), problem.hessian(&x).unwrap());
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    (0..20)
                        .map(|_| (problem.gradient(&x).unwrap(), problem.hessian(&x).unwrap()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            for got in worker.join().unwrap() {
                assert_eq!(got, want);
            }
        }
    });
}

#[test]
fn a_panic_inside_f_leaves_the_problem_usable() {
    /// Rosenbrock, panicking once on request.
    struct PanicsOnce(AtomicBool);
    impl ScalarFn for PanicsOnce {
        fn eval<S: Float>(&self, x: &[S]) -> S {
            assert!(!self.0.swap(false, Ordering::SeqCst), "asked to panic");
            rosenbrock(x)
        }
    }
    let x = point(20);
    let problem = ScalarProblem::new(PanicsOnce(AtomicBool::new(false)), 20);
    let want = problem.gradient(&x).unwrap();
    problem.function().0.store(true, Ordering::SeqCst);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| problem.gradient(&x)));
    assert!(caught.is_err());
    assert_eq!(problem.gradient(&x).unwrap(), want);
}

/// ‖∇f‖ at argmin's best parameter, and that parameter's distance from 1.
fn solution_quality(best: &[f64]) -> (f64, f64) {
    let gradient_norm = rosenbrock_gradient(best)
        .iter()
        .map(|g| g * g)
        .sum::<f64>()
        .sqrt();
    let distance = best.iter().map(|v| (v - 1.0).abs()).fold(0.0, f64::max);
    (gradient_norm, distance)
}

/// A start near the global minimum x = 1, so every solver finds that one
/// (the chained function has a second local minimum near x₀ = −1).
fn start(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.8 + 0.05 * (i as f64).cos()).collect()
}

#[test]
fn lbfgs_converges_with_the_ad_gradient() {
    let n = 20;
    let problem = ScalarProblem::new(scalar_fn!(rosenbrock), n);
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7)
        .with_tolerance_grad(1e-10)
        .unwrap();
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(start(n)).max_iters(500))
        .run()
        .unwrap();
    let (gradient_norm, distance) = solution_quality(result.state().get_best_param().unwrap());
    assert!(
        gradient_norm < 1e-5 && distance < 1e-7,
        "‖∇f‖ = {gradient_norm:e}, distance {distance:e}"
    );
}

/// The chained Rosenbrock problem with the derivatives written by hand.
struct ByHand;

impl CostFunction for ByHand {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, p: &Vec<f64>) -> Result<f64, argmin::core::Error> {
        Ok(rosenbrock(p))
    }
}

impl Gradient for ByHand {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;
    fn gradient(&self, p: &Vec<f64>) -> Result<Vec<f64>, argmin::core::Error> {
        Ok(rosenbrock_gradient(p))
    }
}

impl Hessian for ByHand {
    type Param = Vec<f64>;
    type Hessian = Vec<Vec<f64>>;
    fn hessian(&self, p: &Vec<f64>) -> Result<Vec<Vec<f64>>, argmin::core::Error> {
        Ok(rosenbrock_hessian(p))
    }
}

/// 30 iterations of argmin's Newton-CG from [`start`].
fn newton_cg<O>(problem: O, n: usize) -> Vec<f64>
where
    O: CostFunction<Param = Vec<f64>, Output = f64>
        + Gradient<Param = Vec<f64>, Gradient = Vec<f64>>
        + Hessian<Param = Vec<f64>, Hessian = Vec<Vec<f64>>>,
{
    let solver = NewtonCG::new(MoreThuenteLineSearch::new());
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(start(n)).max_iters(30))
        .run()
        .unwrap();
    result.state().get_best_param().unwrap().clone()
}

/// argmin 0.11's Newton-CG creeps on this problem (cost 0.03 after 100
/// iterations at n = 20) whichever Hessian it is given, so the test is that
/// it takes the steps the hand-written derivatives give, and descends.
#[test]
fn newton_cg_takes_the_steps_of_the_hand_written_hessian() {
    let n = 20;
    let ad = newton_cg(ScalarProblem::new(scalar_fn!(rosenbrock), n), n);
    let by_hand = newton_cg(ByHand, n);
    assert_vectors_close(&ad, &by_hand, "Newton-CG iterate");
    assert!(rosenbrock(&ad) < rosenbrock(&start(n)) / 10.0);
}

#[test]
fn trust_region_with_steihaug_converges_with_the_ad_hessian() {
    let n = 20;
    let solver = TrustRegion::new(Steihaug::new().with_max_iters(2 * n as u64));
    let result = Executor::new(ScalarProblem::new(scalar_fn!(rosenbrock), n), solver)
        .configure(|state| state.param(start(n)).max_iters(200))
        .run()
        .unwrap();
    let (gradient_norm, distance) = solution_quality(result.state().get_best_param().unwrap());
    assert!(
        gradient_norm < 1e-6 && distance < 1e-6,
        "‖∇f‖ = {gradient_norm:e}, distance {distance:e}"
    );
}

/// The Cauchy point is a steepest-descent step: it compiles and descends
/// with `Vec` parameters and the AD Hessian, but takes thousands of
/// iterations to converge, so only the descent is checked.
#[test]
fn trust_region_with_cauchy_point_descends_with_the_ad_hessian() {
    let n = 20;
    let solver = TrustRegion::new(CauchyPoint::new());
    let result = Executor::new(ScalarProblem::new(scalar_fn!(rosenbrock), n), solver)
        .configure(|state| state.param(start(n)).max_iters(100))
        .run()
        .unwrap();
    let best = result.state().get_best_cost();
    assert!(best < rosenbrock(&start(n)) / 2.0, "f = {best}");
}
