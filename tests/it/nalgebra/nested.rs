//! Nested duals `Dual<Dual<T, N>, N>` are themselves a nalgebra
//! `RealField`: second derivatives through nalgebra's LU, Cholesky and
//! symmetric eigen solver, against their closed forms in f64.
//!
//! A(θ) = A₀ + θA₁ is seeded as θ = 0 + ε₁ + ε₂ (inner and outer
//! perturbation), so the inner-of-outer partial is d²/dθ².

use dualgrad::{Dual, linalg};
use nalgebra::{DMatrix, DVector, Matrix3, RealField, Vector3};

type D1 = Dual<f64, 1>;
type D2 = Dual<D1, 1>;

fn is_real_field<T: RealField>() {}

#[test]
fn nested_duals_are_real_fields_at_every_depth() {
    is_real_field::<Dual<f64, 3>>();
    is_real_field::<Dual<f32, 3>>();
    is_real_field::<Dual<Dual<f64, 2>, 2>>();
    is_real_field::<Dual<Dual<Dual<f32, 1>, 1>, 1>>();
}

/// A₀ + θA₁ at θ = 0 with θ seeded in both orders.
fn lift2(a0: &DMatrix<f64>, a1: &DMatrix<f64>) -> DMatrix<D2> {
    a0.zip_map(a1, |v, d| Dual::new(Dual::new(v, [d]), [Dual::constant(d)]))
}

/// (f, f′, f″) from a second-order dual.
fn orders(y: D2) -> (f64, f64, f64) {
    (
        y.value().value(),
        y.value().partial(0),
        y.partial(0).partial(0),
    )
}

fn test_matrices() -> (DMatrix<f64>, DMatrix<f64>) {
    let a0 = DMatrix::from_row_slice(
        4,
        4,
        &[
            4.0, 1.0, 0.5, 0.0, //
            1.0, 5.0, 1.0, 0.25, //
            0.5, 1.0, 6.0, 1.0, //
            0.0, 0.25, 1.0, 7.0,
        ],
    );
    let a1 = DMatrix::from_row_slice(
        4,
        4,
        &[
            1.0, 0.5, 0.0, -0.5, //
            0.5, -1.0, 0.25, 0.0, //
            0.0, 0.25, 2.0, 0.5, //
            -0.5, 0.0, 0.5, 0.0,
        ],
    );
    (a0, a1)
}

fn close(what: &str, got: f64, want: f64, rel: f64) {
    assert!(
        (got - want).abs() <= rel * want.abs().max(1e-300),
        "{what}: got {got:.15e}, want {want:.15e}"
    );
}

#[test]
fn log_determinant_second_derivative_through_nested_lu_and_cholesky() {
    // d log det = tr(A⁻¹A₁), d² log det = −tr(A⁻¹A₁A⁻¹A₁).
    let (a0, a1) = test_matrices();
    let inv = a0.clone().try_inverse().unwrap();
    let m = &inv * &a1;
    let (first, second) = (m.trace(), -(&m * &m).trace());
    let a = lift2(&a0, &a1);
    let (v, d1, d2) = orders(a.clone().lu().determinant().ln());
    close("log det (LU)", v, a0.determinant().ln(), 1e-14);
    close("d log det (LU)", d1, first, 1e-13);
    close("d² log det (LU)", d2, second, 1e-13);
    let l = a.cholesky().expect("SPD").l();
    let (_, c1, c2) =
        orders(l.diagonal().map(|d| d.ln()).sum() * Dual::constant(Dual::constant(2.0)));
    close("d log det (Cholesky)", c1, first, 1e-13);
    close("d² log det (Cholesky)", c2, second, 1e-13);
}

#[test]
fn linear_solve_second_derivative_through_nested_lu() {
    // x = A⁻¹b: x′ = −A⁻¹A₁x, x″ = 2A⁻¹A₁A⁻¹A₁x.
    let (a0, a1) = test_matrices();
    let b = DVector::from_vec(vec![1.0, -2.0, 0.5, 3.0]);
    let inv = a0.clone().try_inverse().unwrap();
    let x = &inv * &b;
    let first = -&inv * &a1 * &x;
    let second = &inv * &a1 * &inv * &a1 * &x * 2.0;
    let solved = lift2(&a0, &a1)
        .lu()
        .solve(&b.map(|v| Dual::constant(Dual::constant(v))))
        .unwrap();
    for i in 0..4 {
        let (v, d1, d2) = orders(solved[i]);
        close("x", v, x[i], 1e-14);
        close("x′", d1, first[i], 1e-13);
        close("x″", d2, second[i], 1e-12);
    }
}

#[test]
fn eigenvalue_second_derivative_through_nested_symmetric_eigen() {
    // Distinct eigenvalues: λᵢ′ = vᵢᵀA₁vᵢ, λᵢ″ = 2 Σⱼ≠ᵢ (vⱼᵀA₁vᵢ)²/(λᵢ − λⱼ).
    let (a0, a1) = test_matrices();
    let reference = a0.clone().symmetric_eigen();
    let (lambda, v) = (&reference.eigenvalues, &reference.eigenvectors);
    let coupling = v.transpose() * &a1 * v;
    let eigen = lift2(&a0, &a1).symmetric_eigen();
    for i in 0..4 {
        let second: f64 = (0..4)
            .filter(|&j| j != i)
            .map(|j| 2.0 * coupling[(j, i)].powi(2) / (lambda[i] - lambda[j]))
            .sum();
        // Pair by value: the dual solver may order eigenvalues differently.
        let k = (0..4)
            .min_by(|&p, &q| {
                let dp = (eigen.eigenvalues[p].value().value() - lambda[i]).abs();
                let dq = (eigen.eigenvalues[q].value().value() - lambda[i]).abs();
                dp.total_cmp(&dq)
            })
            .unwrap();
        let (value, d1, d2) = orders(eigen.eigenvalues[k]);
        close("λ", value, lambda[i], 1e-13);
        close("λ′", d1, coupling[(i, i)], 1e-12);
        close("λ″", d2, second, 1e-10);
    }
}

#[test]
fn hessian_driver_runs_nalgebra_cholesky_on_nested_duals() {
    // f(x) = log det(A₀ + Σₖ xₖAₖ) at x = 0: ∂ₖf = tr(A⁻¹Aₖ),
    // ∂ₖ∂ₗf = −tr(A⁻¹AₖA⁻¹Aₗ).
    let a0 = Matrix3::new(4.0, 1.0, 0.0, 1.0, 3.0, 0.5, 0.0, 0.5, 2.0);
    let dirs = [
        Matrix3::new(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        Matrix3::new(0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        Matrix3::new(0.0, 0.0, 0.5, 0.0, 1.0, 0.0, 0.5, 0.0, -1.0),
    ];
    // The linalg Hessian driver evaluates on Dual2, itself a RealField.
    let log_det = |x: &Vector3<dualgrad::Dual2<f64, 3>>| {
        let mut a = a0.map(dualgrad::Dual2::constant);
        for (k, dir) in dirs.iter().enumerate() {
            a += dir.map(dualgrad::Dual2::constant) * x[k];
        }
        let l = a.cholesky().expect("SPD near 0").l();
        l.diagonal().map(|d| d.ln()).sum() * 2.0
    };
    let (value, gradient, hessian) = linalg::value_gradient_hessian(log_det, &Vector3::zeros());
    let inv = a0.try_inverse().unwrap();
    close("log det", value, a0.determinant().ln(), 1e-14);
    for k in 0..3 {
        close("∂ log det", gradient[k], (inv * dirs[k]).trace(), 1e-14);
        for l in 0..3 {
            let expected = -(inv * dirs[k] * inv * dirs[l]).trace();
            assert!(
                (hessian[(k, l)] - expected).abs() <= 1e-14 * (1.0 + expected.abs()),
                "H[{k}][{l}] = {}, expected {expected}",
                hessian[(k, l)]
            );
        }
    }
}

#[test]
fn nested_f32_duals_run_the_same_algorithms() {
    let a0 = DMatrix::from_row_slice(2, 2, &[2.0_f32, 1.0, 1.0, 3.0]);
    let a1 = DMatrix::from_row_slice(2, 2, &[1.0_f32, 0.0, 0.0, 0.0]);
    let a = a0.zip_map(&a1, |v, d| {
        Dual::<Dual<f32, 1>, 1>::new(Dual::new(v, [d]), [Dual::constant(d)])
    });
    // det(A₀ + θA₁) = 5 + 3θ: d = 3, d² = 0.
    let det = a.clone().lu().determinant();
    assert!((det.value().value() - 5.0).abs() < 1e-5);
    assert!((det.value().partial(0) - 3.0).abs() < 1e-5);
    assert!(det.partial(0).partial(0).abs() < 1e-5);
    // (A⁻¹)₁₁ = 3/(5 + 3θ): d = −9/25, d² = 54/125.
    let inv = a.try_inverse().unwrap();
    assert!((inv[(0, 0)].value().partial(0) + 9.0 / 25.0).abs() < 1e-5);
    assert!((inv[(0, 0)].partial(0).partial(0) - 54.0 / 125.0).abs() < 1e-5);
}
