//! `Dual2` is a nalgebra `RealField`: value, gradient and Hessian through
//! nalgebra's LU, Cholesky, inverse, determinant, norm and symmetric eigen
//! solver, checked against closed forms in f64 and against nested duals
//! `Dual<Dual<f64, N>, N>` (the `linalg` Hessian drivers) on the same
//! `RealField`-generic functions.

use dualgrad::{Dual, Dual2, linalg};
use nalgebra::{
    DMatrix, DVector, Matrix2, Matrix3, Matrix4, RealField, SMatrix, SVector, Vector2, Vector3,
    Vector4,
};

fn is_real_field<S: RealField + Copy>() {}

#[test]
fn dual2_is_a_real_field_for_f64_f32_and_nested_parts() {
    is_real_field::<Dual2<f64, 3>>();
    is_real_field::<Dual2<f32, 3>>();
    is_real_field::<Dual2<f64, 0>>();
    is_real_field::<Dual2<Dual<f64, 2>, 2>>();
}

/// `x` as `Dual2` variables seeded by hand: xᵢ with gradient eᵢ.
fn seed<const N: usize>(x: &SVector<f64, N>) -> SVector<Dual2<f64, N>, N> {
    SVector::from_fn(|i, _| Dual2::variable(x[i], i))
}

/// `v` as a `Dual2` constant.
fn c<const N: usize>(v: f64) -> Dual2<f64, N> {
    Dual2::constant(v)
}

/// |got − want| ≤ tol·max(1, |want|), with a message naming `what`.
fn close(what: &str, got: f64, want: f64, tol: f64) {
    assert!(
        (got - want).abs() <= tol * want.abs().max(1.0),
        "{what}: got {got:.17e}, want {want:.17e}"
    );
}

/// The value, gradient and Hessian of `y` against an expected triple.
fn check<const N: usize>(
    what: &str,
    y: Dual2<f64, N>,
    (value, gradient, hessian): (f64, SVector<f64, N>, SMatrix<f64, N, N>),
    tol: f64,
) {
    close(&format!("{what}: value"), y.value(), value, tol);
    for i in 0..N {
        close(&format!("{what}: ∂{i}"), y.gradient()[i], gradient[i], tol);
        for j in 0..N {
            close(
                &format!("{what}: ∂{i}∂{j}"),
                y.hessian_entry(i, j),
                hessian[(i, j)],
                tol,
            );
        }
    }
}

/// A SPD base matrix and three symmetric directions.
fn base_and_directions() -> (Matrix4<f64>, [Matrix4<f64>; 3]) {
    let a0 = Matrix4::new(
        4.0, 1.0, 0.5, 0.0, //
        1.0, 5.0, 1.0, 0.25, //
        0.5, 1.0, 6.0, 1.0, //
        0.0, 0.25, 1.0, 7.0,
    );
    let a1 = Matrix4::new(
        1.0, 0.5, 0.0, -0.5, //
        0.5, -1.0, 0.25, 0.0, //
        0.0, 0.25, 2.0, 0.5, //
        -0.5, 0.0, 0.5, 0.0,
    );
    let a2 = Matrix4::new(
        0.0, 1.0, 0.0, 0.0, //
        1.0, 0.0, 0.0, 0.5, //
        0.0, 0.0, -1.0, 0.0, //
        0.0, 0.5, 0.0, 1.0,
    );
    let a3 = Matrix4::new(
        0.5, 0.0, 0.0, 0.25, //
        0.0, 0.5, -0.5, 0.0, //
        0.0, -0.5, 0.0, 0.0, //
        0.25, 0.0, 0.0, -0.5,
    );
    (a0, [a1, a2, a3])
}

/// A(x) = A₀ + Σₖ xₖAₖ, affine in x, for any scalar.
fn affine<S: RealField + Copy>(x: &Vector3<S>) -> Matrix4<S> {
    let (a0, dirs) = base_and_directions();
    let mut a = a0.cast::<S>();
    for (k, dir) in dirs.iter().enumerate() {
        a += dir.cast::<S>() * x[k];
    }
    a
}

/// A(x) = A₀ + x₀A₁ + sin(x₁)A₂ + x₀x₂A₃ + x₂²I, SPD near 0 and nonlinear
/// in x (so that the Hessian has terms from A″ too).
fn nonlinear<S: RealField + Copy>(x: &Vector3<S>) -> Matrix4<S> {
    let (a0, [a1, a2, a3]) = base_and_directions();
    a0.cast::<S>()
        + a1.cast::<S>() * x[0]
        + a2.cast::<S>() * x[1].sin()
        + a3.cast::<S>() * (x[0] * x[2])
        + Matrix4::<S>::identity() * (x[2] * x[2])
}

/// log det A(x) through Cholesky: 2 Σ ln Lᵢᵢ. A NaN if A is not SPD.
fn log_det_cholesky<S: RealField + Copy>(a: Matrix4<S>) -> S {
    match a.cholesky() {
        Some(chol) => chol.l().diagonal().map(|d| d.ln()).sum() * nalgebra::convert::<f64, S>(2.0),
        None => nalgebra::convert::<f64, S>(f64::NAN),
    }
}

fn log_det_affine<S: RealField + Copy>(x: &Vector3<S>) -> S {
    log_det_cholesky(affine(x))
}

fn log_det_nonlinear<S: RealField + Copy>(x: &Vector3<S>) -> S {
    log_det_cholesky(nonlinear(x))
}

/// ‖A(x)⁻¹b‖² through nalgebra's LU. A NaN if A is singular.
fn solve_norm_squared<S: RealField + Copy>(x: &Vector3<S>) -> S {
    let b = Vector4::new(1.0, -2.0, 0.5, 3.0).cast::<S>();
    match nonlinear(x).lu().solve(&b) {
        Some(y) => y.norm_squared(),
        None => nalgebra::convert::<f64, S>(f64::NAN),
    }
}

fn solve_norm_squared_affine<S: RealField + Copy>(x: &Vector3<S>) -> S {
    let b = Vector4::new(1.0, -2.0, 0.5, 3.0).cast::<S>();
    match affine(x).lu().solve(&b) {
        Some(y) => y.norm_squared(),
        None => nalgebra::convert::<f64, S>(f64::NAN),
    }
}

/// Nested duals `Dual<Dual<f64, N>, N>`, the independent second-order
/// oracle.
type Nested<const N: usize> = Dual<Dual<f64, N>, N>;

/// The value, gradient and Hessian of `f` at `x` by nested duals seeded by
/// hand (xᵢ with inner and outer partial eᵢ), independent of which number
/// type the `linalg` drivers use.
fn nested<const N: usize>(
    f: impl Fn(&SVector<Nested<N>, N>) -> Nested<N>,
    x: &SVector<f64, N>,
) -> (f64, SVector<f64, N>, SMatrix<f64, N, N>) {
    let seeded = SVector::from_fn(|i, _| {
        let outer = core::array::from_fn(|j| Dual::constant(if i == j { 1.0 } else { 0.0 }));
        Dual::new(Dual::variable(x[i], i), outer)
    });
    let y = f(&seeded);
    (
        y.value().value(),
        SVector::from(*y.value().partials()),
        SMatrix::from_fn(|i, j| y.partial(i).partial(j)),
    )
}

#[test]
fn log_det_hessian_by_cholesky_matches_the_closed_form() {
    // ∂ₖ log det A = tr(A⁻¹Aₖ), ∂ₖ∂ₗ log det A = −tr(A⁻¹AₖA⁻¹Aₗ) for A affine.
    let x = Vector3::new(0.1, -0.2, 0.15);
    let (_, dirs) = base_and_directions();
    let a: Matrix4<f64> = affine(&x);
    let inv = a.try_inverse().unwrap();
    let expected = (
        a.determinant().ln(),
        Vector3::from_fn(|k, _| (inv * dirs[k]).trace()),
        Matrix3::from_fn(|k, l| -(inv * dirs[k] * inv * dirs[l]).trace()),
    );
    check("log det", log_det_affine(&seed(&x)), expected, 1e-13);
}

#[test]
fn log_det_hessian_by_lu_determinant_matches_the_closed_form() {
    let x = Vector3::new(0.1, -0.2, 0.15);
    let (_, dirs) = base_and_directions();
    let a: Matrix4<f64> = affine(&x);
    let inv = a.try_inverse().unwrap();
    let expected = (
        a.determinant().ln(),
        Vector3::from_fn(|k, _| (inv * dirs[k]).trace()),
        Matrix3::from_fn(|k, l| -(inv * dirs[k] * inv * dirs[l]).trace()),
    );
    // nalgebra's `determinant` uses LU for dimensions above 3.
    let dynamic = DMatrix::from_iterator(4, 4, affine(&seed(&x)).iter().copied());
    let det = dynamic.lu().determinant();
    check("ln det (LU)", det.ln(), expected, 1e-13);
}

#[test]
fn log_det_of_a_nonlinear_matrix_matches_nested_duals() {
    let x = Vector3::new(0.3, -0.4, 0.2);
    let expected = nested(log_det_nonlinear, &x);
    check(
        "log det A(x)",
        log_det_nonlinear(&seed(&x)),
        expected,
        1e-13,
    );
}

#[test]
fn lu_solve_norm_squared_matches_the_closed_form() {
    // y = A⁻¹b with A affine: ∂ₖy = −A⁻¹Aₖy,
    // ∂ₖ∂ₗy = A⁻¹(AₖA⁻¹Aₗ + AₗA⁻¹Aₖ)y, and f = yᵀy:
    // ∂ₖf = 2yᵀ∂ₖy, ∂ₖ∂ₗf = 2(∂ₖyᵀ∂ₗy + yᵀ∂ₖ∂ₗy).
    let x = Vector3::new(-0.1, 0.25, 0.05);
    let (_, dirs) = base_and_directions();
    let b = Vector4::new(1.0, -2.0, 0.5, 3.0);
    let inv = affine(&x).try_inverse().unwrap();
    let y = inv * b;
    let dy: [Vector4<f64>; 3] = core::array::from_fn(|k| -inv * dirs[k] * y);
    let expected = (
        y.norm_squared(),
        Vector3::from_fn(|k, _| 2.0 * y.dot(&dy[k])),
        Matrix3::from_fn(|k, l| {
            let d2y = inv * (dirs[k] * inv * dirs[l] + dirs[l] * inv * dirs[k]) * y;
            2.0 * (dy[k].dot(&dy[l]) + y.dot(&d2y))
        }),
    );
    check(
        "‖A⁻¹b‖²",
        solve_norm_squared_affine(&seed(&x)),
        expected,
        1e-12,
    );
}

#[test]
fn lu_solve_of_a_nonlinear_matrix_matches_nested_duals() {
    let x = Vector3::new(-0.1, 0.25, 0.05);
    let expected = nested(solve_norm_squared, &x);
    check("‖A(x)⁻¹b‖²", solve_norm_squared(&seed(&x)), expected, 1e-12);
}

/// det A(x) of the nonlinear 4×4 matrix by LU (a `DMatrix`).
fn det_lu<S: RealField + Copy>(x: &Vector3<S>) -> S {
    DMatrix::from_iterator(4, 4, nonlinear(x).iter().copied())
        .lu()
        .determinant()
}

/// det A(x) by `determinant` on the static matrix (LU inside), then the
/// 3×3 explicit formula on its leading block, as a product.
fn det_static<S: RealField + Copy>(x: &Vector3<S>) -> S {
    nonlinear(x).determinant() * nonlinear(x).fixed_view::<3, 3>(0, 0).determinant()
}

fn det_lu_times_leading_block<S: RealField + Copy>(x: &Vector3<S>) -> S {
    det_lu(x)
        * nonlinear(x)
            .fixed_view::<3, 3>(0, 0)
            .into_owned()
            .lu()
            .determinant()
}

#[test]
fn determinant_matches_nested_duals_by_lu_and_by_the_3x3_formula() {
    let x = Vector3::new(0.2, 0.1, -0.3);
    check("det (LU)", det_lu(&seed(&x)), nested(det_lu, &x), 1e-12);
    // The 3×3 explicit formula against LU on the same block.
    let expected = nested(det_lu_times_leading_block, &x);
    check(
        "det × det₃ (formula)",
        det_static(&seed(&x)),
        expected,
        1e-12,
    );
}

#[test]
fn determinant_of_a_2x2_matches_its_polynomial() {
    // det [[x₀, x₁], [x₁, x₀x₁]] = x₀²x₁ − x₁²: ∇ = (2x₀x₁, x₀² − 2x₁),
    // ∇² = [[2x₁, 2x₀], [2x₀, −2]].
    let (x0, x1) = (1.5, -0.5);
    let x = seed(&Vector2::new(x0, x1));
    let det = DMatrix::from_row_slice(2, 2, &[x[0], x[1], x[1], x[0] * x[1]])
        .lu()
        .determinant();
    let expected = (
        x0 * x0 * x1 - x1 * x1,
        Vector2::new(2.0 * x0 * x1, x0 * x0 - 2.0 * x1),
        Matrix2::new(2.0 * x1, 2.0 * x0, 2.0 * x0, -2.0),
    );
    check("det", det, expected, 1e-15);
}

#[test]
fn inverse_matches_the_closed_form_along_one_direction() {
    // A(θ) = A₀ + θA₁: ∂A⁻¹ = −A⁻¹A₁A⁻¹, ∂²A⁻¹ = 2A⁻¹A₁A⁻¹A₁A⁻¹.
    let (a0, [a1, _, _]) = base_and_directions();
    let theta = Dual2::<f64, 1>::variable(0.0, 0);
    let a = a0.map(c::<1>) + a1.map(c::<1>) * theta;
    let inv0 = a0.try_inverse().unwrap();
    let first = -inv0 * a1 * inv0;
    let second = inv0 * a1 * inv0 * a1 * inv0 * 2.0;
    let static_inverse = a.try_inverse().expect("invertible");
    let lu_inverse = DMatrix::from_iterator(4, 4, a.iter().copied())
        .lu()
        .try_inverse()
        .expect("invertible");
    for i in 0..4 {
        for j in 0..4 {
            let expected = (
                inv0[(i, j)],
                SVector::from([first[(i, j)]]),
                SMatrix::from([[second[(i, j)]]]),
            );
            check("A⁻¹ (static)", static_inverse[(i, j)], expected, 1e-13);
            check("A⁻¹ (LU)", lu_inverse[(i, j)], expected, 1e-13);
        }
    }
}

/// Σᵢⱼ (A(x)⁻¹)ᵢⱼ wᵢⱼ: every entry of the inverse, weighted.
fn weighted_inverse<S: RealField + Copy>(x: &Vector3<S>) -> S {
    let weights = Matrix4::from_fn(|i, j| 1.0 + i as f64 - 0.5 * j as f64).cast::<S>();
    match nonlinear(x).try_inverse() {
        Some(inv) => inv.component_mul(&weights).sum(),
        None => nalgebra::convert::<f64, S>(f64::NAN),
    }
}

#[test]
fn inverse_of_a_nonlinear_matrix_matches_nested_duals() {
    let x = Vector3::new(0.05, -0.15, 0.25);
    let expected = nested(weighted_inverse, &x);
    check("Σ A⁻¹∘W", weighted_inverse(&seed(&x)), expected, 1e-12);
}

#[test]
fn norm_hessian_matches_the_closed_form() {
    // ‖x‖: ∇ = x/‖x‖, ∇² = (I − xxᵀ/‖x‖²)/‖x‖.
    let x = Vector3::new(1.0, -2.0, 2.0);
    let r = x.norm();
    let expected = (
        r,
        x / r,
        (Matrix3::identity() - x * x.transpose() / (r * r)) / r,
    );
    check("‖x‖", seed(&x).norm(), expected, 1e-15);
    let dynamic = DVector::from_iterator(3, seed(&x).iter().copied());
    check("‖x‖ (DVector)", dynamic.norm(), expected, 1e-15);
    // ‖x‖² = xᵀx: ∇ = 2x, ∇² = 2I.
    let squared = (r * r, x * 2.0, Matrix3::identity() * 2.0);
    check("‖x‖²", seed(&x).norm_squared(), squared, 1e-15);
}

#[test]
fn symmetric_eigenvalues_match_perturbation_theory() {
    // Distinct eigenvalues of A₀ + θA₁: λᵢ′ = vᵢᵀA₁vᵢ,
    // λᵢ″ = 2 Σⱼ≠ᵢ (vⱼᵀA₁vᵢ)²/(λᵢ − λⱼ).
    let (a0, [a1, _, _]) = base_and_directions();
    let reference = a0.symmetric_eigen();
    let (lambda, v) = (reference.eigenvalues, reference.eigenvectors);
    let coupling = v.transpose() * a1 * v;
    let theta = Dual2::<f64, 1>::variable(0.0, 0);
    let eigen = (a0.map(c::<1>) + a1.map(c::<1>) * theta).symmetric_eigen();
    for i in 0..4 {
        let second: f64 = (0..4)
            .filter(|&j| j != i)
            .map(|j| 2.0 * coupling[(j, i)].powi(2) / (lambda[i] - lambda[j]))
            .sum();
        // Pair by value: the dual solver may order eigenvalues differently.
        let k = (0..4)
            .min_by(|&p, &q| {
                let dp = (eigen.eigenvalues[p].value() - lambda[i]).abs();
                let dq = (eigen.eigenvalues[q].value() - lambda[i]).abs();
                dp.total_cmp(&dq)
            })
            .unwrap();
        let expected = (
            lambda[i],
            SVector::from([coupling[(i, i)]]),
            SMatrix::from([[second]]),
        );
        check("λ", eigen.eigenvalues[k], expected, 1e-10);
    }
}

/// The largest eigenvalue of A(x) (distinct near the test point).
fn largest_eigenvalue<S: RealField + Copy>(x: &Vector3<S>) -> S {
    nonlinear(x).symmetric_eigenvalues().max()
}

#[test]
fn largest_eigenvalue_matches_nested_duals() {
    let x = Vector3::new(0.1, 0.2, -0.1);
    let expected = nested(largest_eigenvalue, &x);
    check("λ_max A(x)", largest_eigenvalue(&seed(&x)), expected, 1e-10);
}

/// A `RealField`-generic function of two variables mixing a solve, a norm
/// and elementary functions.
fn generic_2d<S: RealField + Copy>(x: &Vector2<S>) -> S {
    let two = nalgebra::convert::<f64, S>(2.0);
    let a = Matrix2::new(two + x[0] * x[0], x[1], x[1], two + x[0].exp());
    let rhs = Vector2::new(x[0].sin(), x[1] * x[1]);
    let solved = a.cholesky().map(|chol| chol.solve(&rhs));
    match solved {
        Some(y) => y.norm() + (x[0] * x[1]).atan() + x.dot(x).sqrt(),
        None => nalgebra::convert::<f64, S>(f64::NAN),
    }
}

#[test]
fn generic_function_on_hand_seeded_dual2_matches_linalg_hessian() {
    for x in [
        Vector2::new(0.3, -0.7),
        Vector2::new(-1.2, 0.4),
        Vector2::new(2.0, 1.5),
    ] {
        let y = generic_2d(&seed(&x));
        let hessian = linalg::hessian(generic_2d, &x);
        let gradient = linalg::gradient(generic_2d, &x);
        close("value", y.value(), generic_2d(&x), 1e-15);
        for i in 0..2 {
            close("gradient", y.gradient()[i], gradient[i], 1e-14);
            for j in 0..2 {
                close("Hessian", y.hessian_entry(i, j), hessian[(i, j)], 1e-13);
            }
        }
    }
}

#[test]
fn dual2_of_f32_runs_the_same_algorithms() {
    // det [[2 + θ, 1], [1, 3]] = 5 + 3θ; (A⁻¹)₁₁ = 3/(5 + 3θ):
    // d = −9/25, d² = 54/125.
    let theta = Dual2::<f32, 1>::variable(0.0, 0);
    let a = Matrix2::new(
        Dual2::constant(2.0) + theta,
        Dual2::constant(1.0),
        Dual2::constant(1.0),
        Dual2::constant(3.0),
    );
    let det = DMatrix::from_iterator(2, 2, a.iter().copied())
        .lu()
        .determinant();
    assert!((det.value() - 5.0).abs() < 1e-5 && (det.gradient()[0] - 3.0).abs() < 1e-5);
    assert!(det.hessian_entry(0, 0).abs() < 1e-5);
    let inv = a.try_inverse().unwrap();
    assert!((inv[(0, 0)].gradient()[0] + 9.0 / 25.0).abs() < 1e-5);
    assert!((inv[(0, 0)].hessian_entry(0, 0) - 54.0 / 125.0).abs() < 1e-5);
}

#[test]
fn singular_matrix_is_refused_like_its_values() {
    // Constant entries: every pivot of a singular matrix is structurally
    // zero, so LU and try_inverse refuse it as they do for f64.
    let a = Matrix2::new(1.0, 2.0, 2.0, 4.0).map(c::<2>);
    assert!(a.try_inverse().is_none());
    assert!(a.lu().solve(&Vector2::new(c(1.0), c(1.0))).is_none());
    assert!(a.cholesky().is_none());
}

#[test]
fn zero_valued_pivot_with_derivatives_is_not_singular_to_nalgebra() {
    // `is_zero` is structural (value, gradient and Hessian): a pivot θ at
    // θ = 0 has gradient 1, so nalgebra divides by it and the parts are not
    // finite, where the plain f64 matrix is refused. The same holds for
    // `Dual`, whose `is_zero` sees the partials.
    let theta = Dual2::<f64, 1>::variable(0.0, 0);
    let a = Matrix2::new(theta, c(0.0), c(0.0), c(1.0));
    assert!(Matrix2::new(0.0, 0.0, 0.0, 1.0).try_inverse().is_none());
    let inverse = a.try_inverse().expect("not structurally singular");
    assert!(!inverse[(0, 0)].value().is_finite());
    let solved = a.lu().solve(&Vector2::new(c(1.0), c(1.0)));
    assert!(solved.is_some_and(|y| !y[0].value().is_finite()));
    let dual = Dual::<f64, 1>::variable(0.0, 0);
    let zero = Dual::constant(0.0);
    let dual_matrix = Matrix2::new(dual, zero, zero, Dual::constant(1.0));
    assert!(dual_matrix.try_inverse().is_some());
}
