//! nalgebra's decompositions and solvers on matrices of duals, each against
//! the closed form of its derivative (matrix calculus), in f64 and f32, on
//! well- and ill-conditioned matrices.
//!
//! Every test builds A(θ) = A₀ + θ·A₁ (and b(θ) = b₀ + θ·b₁) at θ = 0 from
//! `Dual<T, 1>` entries, so the partial of every result is its derivative in
//! θ. The closed forms are computed in plain f64 with nalgebra on the same
//! matrices rounded to T, so the only difference is T's rounding inside the
//! dual computation.
//!
//! Tolerances are normwise and scale with the conditioning, as backward
//! error analysis predicts for a stable algorithm:
//!
//! * solves, inverses, determinants, Cholesky factors: ‖AD − closed form‖ ≤
//!   C·κ(A)·ε_T·‖closed form‖, with C = 64 (f64) and 16 (f32);
//! * eigen- and singular-value derivatives: |AD − closed form| ≤
//!   C·ε_T·‖A₁‖·(1 + ‖A‖/gap), gap the smallest distance between distinct
//!   eigen/singular values, with C = 64;
//! * products and norms (no conditioning): C·ε_T relative, C = 16.
//!
//! Each failure message prints both sides and the ratio error/tolerance.

use dualgrad::Dual;
use nalgebra::{DMatrix, DVector, RealField, SMatrix, Scalar};
use num_traits::{Float, NumCast};

type D<T> = Dual<T, 1>;

/// The scalar types under test.
trait Real: RealField + Float + Scalar + Copy {
    /// Machine epsilon as f64.
    fn eps() -> f64 {
        <Self as Float>::epsilon().to_f64().unwrap()
    }
}
impl Real for f32 {}
impl Real for f64 {}

/// C for conditioned quantities, by type.
fn c_conditioned<T: Real>() -> f64 {
    if T::eps() < 1e-10 { 64.0 } else { 16.0 }
}

const C_SPECTRAL: f64 = 64.0;
const C_PLAIN: f64 = 16.0;

// ---------------------------------------------------------------- helpers

fn to_t<T: Real>(v: f64) -> T {
    <T as NumCast>::from(v).unwrap()
}

/// The matrix as T would store it, back in f64.
fn rounded<T: Real>(m: &DMatrix<f64>) -> DMatrix<f64> {
    m.map(|v| to_t::<T>(v).to_f64().unwrap())
}

/// A₀ + θA₁ at θ = 0 as duals: value A₀, partial A₁.
fn lift<T: Real>(a0: &DMatrix<f64>, a1: &DMatrix<f64>) -> DMatrix<D<T>> {
    DMatrix::from_fn(a0.nrows(), a0.ncols(), |i, j| {
        Dual::new(to_t(a0[(i, j)]), [to_t(a1[(i, j)])])
    })
}

fn values<T: Real>(m: &DMatrix<D<T>>) -> DMatrix<f64> {
    m.map(|d| d.value().to_f64().unwrap())
}

fn slopes<T: Real>(m: &DMatrix<D<T>>) -> DMatrix<f64> {
    m.map(|d| d.partial(0).to_f64().unwrap())
}

fn slope<T: Real>(d: D<T>) -> f64 {
    d.partial(0).to_f64().unwrap()
}

/// κ₂(A) = σ_max/σ_min, in f64.
fn condition(a: &DMatrix<f64>) -> f64 {
    let s = a.clone().singular_values();
    s.max() / s.min()
}

/// ‖computed − expected‖_F ≤ tol·‖expected‖_F, printing both sides.
fn assert_normwise(what: &str, computed: &DMatrix<f64>, expected: &DMatrix<f64>, tol: f64) {
    let error = (computed - expected).norm();
    let bound = tol * expected.norm().max(f64::MIN_POSITIVE);
    assert!(
        error <= bound,
        "{what}: relative error {:.3e} exceeds tolerance {tol:.3e} (ratio {:.2})\n\
         computed: {computed:.6e}\nexpected: {expected:.6e}",
        error / expected.norm(),
        error / bound,
    );
}

/// ‖computed − expected‖_F ≤ bound, printing both sides.
fn assert_within(what: &str, computed: &DMatrix<f64>, expected: &DMatrix<f64>, bound: f64) {
    let error = (computed - expected).norm();
    assert!(
        error <= bound,
        "{what}: error {error:.3e} exceeds bound {bound:.3e} (ratio {:.2})\n\
         computed: {computed:.6e}\nexpected: {expected:.6e}",
        error / bound,
    );
}

fn assert_scalar(what: &str, computed: f64, expected: f64, tol: f64) {
    assert!(
        (computed - expected).abs() <= tol,
        "{what}: computed {computed:.12e}, expected {expected:.12e}, |diff| {:.3e} > tolerance {tol:.3e}",
        (computed - expected).abs()
    );
}

// ---------------------------------------------------------------- matrices

/// A deterministic pseudo-random entry in [−1, 1) (a splitmix64 hash of
/// the position), so that the test matrices have no hidden structure:
/// distinct eigen- and singular values, full rank.
fn noise(i: usize, j: usize, salt: usize) -> f64 {
    let mut z = (i as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add((j as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add((salt as u64 + 7).wrapping_mul(0x94D0_49BB_1331_11EB));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

fn noise_matrix(rows: usize, cols: usize, salt: usize) -> DMatrix<f64> {
    DMatrix::from_fn(rows, cols, |i, j| noise(i, j, salt))
}

fn symmetric_noise(n: usize, salt: usize) -> DMatrix<f64> {
    let m = noise_matrix(n, n, salt);
    (&m + m.transpose()) * 0.5
}

fn identity(n: usize) -> DMatrix<f64> {
    DMatrix::identity(n, n)
}

/// A non-symmetric, diagonally dominant 5 × 5 matrix (κ ≈ 2.3).
fn well_conditioned() -> DMatrix<f64> {
    noise_matrix(5, 5, 1) + identity(5) * 4.0
}

/// Small matrices take nalgebra's closed-form determinant and inverse.
fn small(n: usize) -> DMatrix<f64> {
    noise_matrix(n, n, 6) + identity(n) * 2.0
}

/// The 4 × 4 Hilbert matrix Hᵢⱼ = 1/(i + j + 1) (κ ≈ 1.6e4, SPD).
fn hilbert4() -> DMatrix<f64> {
    DMatrix::from_fn(4, 4, |i, j| 1.0 / (i + j + 1) as f64)
}

/// The Householder reflection I − 2uuᵀ/uᵀu.
fn reflection(n: usize, salt: usize) -> DMatrix<f64> {
    let u = DVector::from_fn(n, |i, _| noise(i, 0, salt) + 0.1);
    identity(n) - &u * u.transpose() * (2.0 / u.norm_squared())
}

/// Singular values 1, 10^(−8/(n−1)), …, 10⁻⁸: κ = 1e8.
fn graded(n: usize) -> DVector<f64> {
    DVector::from_fn(n, |i, _| 10f64.powf(-8.0 * i as f64 / (n - 1) as f64))
}

/// U·diag(σ)·Vᵀ with κ = 1e8, non-symmetric, 6 × 6.
fn cond_1e8() -> DMatrix<f64> {
    reflection(6, 3) * DMatrix::from_diagonal(&graded(6)) * reflection(6, 5).transpose()
}

/// Q·diag(σ)·Qᵀ with κ = 1e8, SPD with distinct eigenvalues, 6 × 6.
fn spd_cond_1e8() -> DMatrix<f64> {
    let q = reflection(6, 3) * reflection(6, 9);
    let s = &q * DMatrix::from_diagonal(&graded(6)) * q.transpose();
    (&s + s.transpose()) * 0.5
}

/// M·Mᵀ + 5I: SPD, κ ≈ 1.8, 5 × 5, smallest eigenvalue gap 0.07.
fn spd_well() -> DMatrix<f64> {
    let m = noise_matrix(5, 5, 4);
    &m * m.transpose() + identity(5) * 5.0
}

/// A generic perturbation direction of the shape of `a`.
fn direction(a: &DMatrix<f64>) -> DMatrix<f64> {
    noise_matrix(a.nrows(), a.ncols(), 2)
}

/// A symmetric perturbation direction of the shape of `a`.
fn symmetric_direction(a: &DMatrix<f64>) -> DMatrix<f64> {
    symmetric_noise(a.nrows(), 2)
}

// ---------------------------------------------------------------- checks

/// d det A = det A · tr(A⁻¹A₁), through `determinant()`, `lu()` and
/// `full_piv_lu()`.
fn check_determinant<T: Real>(a0: &DMatrix<f64>) {
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&direction(a0)));
    let a = lift::<T>(&a0, &a1);
    let det = a0.determinant();
    let inv = a0.clone().try_inverse().unwrap();
    let expected = det * (&inv * &a1).trace();
    // Scale: |det|·‖A⁻¹‖·‖A₁‖ bounds |d det| (the trace may cancel).
    let scale = det.abs() * inv.norm() * a1.norm();
    let tol = c_conditioned::<T>() * condition(&a0) * T::eps() * scale;
    assert_scalar("d det (determinant)", slope(a.determinant()), expected, tol);
    assert_scalar(
        "d det (lu)",
        slope(a.clone().lu().determinant()),
        expected,
        tol,
    );
    assert_scalar(
        "d det (full_piv_lu)",
        slope(a.full_piv_lu().determinant()),
        expected,
        tol,
    );
}

/// d(A⁻¹) = −A⁻¹A₁A⁻¹ through `try_inverse()` and `lu().try_inverse()`.
fn check_inverse<T: Real>(a0: &DMatrix<f64>) {
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&direction(a0)));
    let a = lift::<T>(&a0, &a1);
    let inv = a0.clone().try_inverse().unwrap();
    let expected = -&inv * &a1 * &inv;
    let bound = c_conditioned::<T>() * condition(&a0) * T::eps() * inv.norm_squared() * a1.norm();
    let by_inverse = a.clone().try_inverse().unwrap();
    assert_within(
        "d inverse (try_inverse)",
        &slopes(&by_inverse),
        &expected,
        bound,
    );
    let by_lu = a.lu().try_inverse().unwrap();
    assert_within("d inverse (lu)", &slopes(&by_lu), &expected, bound);
}

/// x = A⁻¹b: dx = A⁻¹(b₁ − A₁x), through every square solver nalgebra has
/// (Cholesky and LBLᵀ for symmetric positive definite A).
fn check_solves<T: Real>(a0: &DMatrix<f64>, spd: bool) {
    let n = a0.nrows();
    let a1 = if spd {
        symmetric_direction(a0)
    } else {
        direction(a0)
    };
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&a1));
    let b0 = rounded::<T>(&noise_matrix(n, 1, 11));
    let b1 = rounded::<T>(&noise_matrix(n, 1, 12));
    let (a, b) = (lift::<T>(&a0, &a1), lift::<T>(&b0, &b1));
    let lu0 = a0.clone().lu();
    let x = lu0.solve(&b0).unwrap();
    let expected = lu0.solve(&(&b1 - &a1 * &x)).unwrap();
    let tol = c_conditioned::<T>() * condition(&a0) * T::eps();
    // Scale of dx: ‖A⁻¹‖·(‖b₁‖ + ‖A₁‖·‖x‖).
    let inv_norm = a0.clone().try_inverse().unwrap().norm();
    let scale = inv_norm * (b1.norm() + a1.norm() * x.norm());
    let check = |what: &str, solved: Option<DMatrix<D<T>>>| {
        let solved = solved.unwrap_or_else(|| panic!("{what}: no solution"));
        assert_within(
            &format!("x by {what}"),
            &values(&solved),
            &x,
            tol * x.norm(),
        );
        assert_within(
            &format!("dx by {what}"),
            &slopes(&solved),
            &expected,
            tol * scale,
        );
    };
    check("lu().solve", a.clone().lu().solve(&b));
    check("full_piv_lu().solve", a.clone().full_piv_lu().solve(&b));
    check("qr().solve", a.clone().qr().solve(&b));
    check("col_piv_qr().solve", a.clone().col_piv_qr().solve(&b));
    let svd = a.clone().svd(true, true);
    check("svd.solve", svd.solve(&b, Dual::constant(T::zero())).ok());
    check(
        "try_inverse() * b",
        a.clone().try_inverse().map(|inv| inv * &b),
    );
    if spd {
        check(
            "cholesky().solve",
            a.clone().cholesky().map(|c| c.solve(&b)),
        );
        check("lblt().solve", a.lblt().solve(&b));
    }
}

/// Cholesky A = LLᵀ: dL = L·Φ(L⁻¹A₁L⁻ᵀ), Φ = strict lower part plus half
/// the diagonal; and d(LLᵀ) = A₁ with dL lower triangular.
fn check_cholesky<T: Real>(a0: &DMatrix<f64>) {
    let n = a0.nrows();
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&symmetric_direction(a0)));
    let a = lift::<T>(&a0, &a1);
    let l0 = a0.clone().cholesky().unwrap().l();
    let l0_inv = l0.clone().try_inverse().unwrap();
    let x = &l0_inv * &a1 * l0_inv.transpose();
    let phi = DMatrix::from_fn(n, n, |i, j| match i.cmp(&j) {
        core::cmp::Ordering::Greater => x[(i, j)],
        core::cmp::Ordering::Equal => x[(i, j)] / 2.0,
        core::cmp::Ordering::Less => 0.0,
    });
    let expected = &l0 * phi;
    let l = a.cholesky().expect("SPD").l();
    let tol = c_conditioned::<T>() * condition(&a0) * T::eps();
    let dl = slopes(&l);
    assert_normwise("dL (cholesky)", &dl, &expected, tol);
    assert_eq!(
        dl.upper_triangle(),
        DMatrix::from_diagonal(&dl.diagonal()),
        "dL is not lower triangular"
    );
    let product = &l * l.transpose();
    let scale = (a0.norm() / a1.norm()).max(1.0);
    assert_normwise(
        "d(LLᵀ) = A₁",
        &slopes(&product),
        &a1,
        C_PLAIN * T::eps() * scale * n as f64,
    );
}

/// The smallest gap between consecutive sorted values.
fn smallest_gap(sorted: &[f64]) -> f64 {
    sorted
        .windows(2)
        .map(|w| (w[1] - w[0]).abs())
        .fold(f64::INFINITY, f64::min)
}

/// The closed forms hold for distinct values only: guard the test matrices.
fn assert_distinct(sorted: &[(f64, f64)]) {
    for w in sorted.windows(2) {
        let relative_gap = (w[1].0 - w[0].0).abs() / w[1].0.abs().max(w[0].0.abs());
        assert!(
            relative_gap > 1e-3,
            "test matrix has nearly repeated values {} and {}",
            w[0].0,
            w[1].0
        );
    }
}

/// (value, slope) pairs sorted by value.
fn sorted_pairs<T: Real>(duals: impl Iterator<Item = D<T>>) -> Vec<(f64, f64)> {
    let mut pairs: Vec<(f64, f64)> = duals
        .map(|d| (d.value().to_f64().unwrap(), slope(d)))
        .collect();
    pairs.sort_by(|p, q| p.0.total_cmp(&q.0));
    pairs
}

/// Symmetric eigenvalues: dλᵢ = vᵢᵀA₁vᵢ for distinct eigenvalues.
fn check_symmetric_eigen<T: Real>(a0: &DMatrix<f64>) {
    let n = a0.nrows();
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&symmetric_direction(a0)));
    let a = lift::<T>(&a0, &a1);
    let reference = a0.clone().symmetric_eigen();
    let mut expected: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let v = reference.eigenvectors.column(i);
            (reference.eigenvalues[i], (v.transpose() * &a1 * v)[0])
        })
        .collect();
    expected.sort_by(|p, q| p.0.total_cmp(&q.0));
    let gap = smallest_gap(&expected.iter().map(|p| p.0).collect::<Vec<_>>());
    assert_distinct(&expected);
    let tol = C_SPECTRAL * T::eps() * a1.norm() * (1.0 + a0.norm() / gap);
    let with_vectors = sorted_pairs(a.clone().symmetric_eigen().eigenvalues.iter().copied());
    let values_only = sorted_pairs(a.symmetric_eigenvalues().iter().copied());
    for ((c, v), e) in with_vectors.iter().zip(&values_only).zip(&expected) {
        assert_scalar(&format!("dλ at λ = {:.3e}", e.0), c.1, e.1, tol);
        assert_scalar(
            &format!("dλ at λ = {:.3e} (eigenvalues only)", e.0),
            v.1,
            e.1,
            tol,
        );
    }
}

/// Singular values: dσᵢ = uᵢᵀA₁vᵢ for distinct nonzero σᵢ.
fn check_svd<T: Real>(a0: &DMatrix<f64>) {
    let n = a0.nrows();
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&direction(a0)));
    let a = lift::<T>(&a0, &a1);
    let reference = a0.clone().svd(true, true);
    let (u, v_t) = (reference.u.unwrap(), reference.v_t.unwrap());
    let mut expected: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let dsigma = (u.column(i).transpose() * &a1 * v_t.row(i).transpose())[0];
            (reference.singular_values[i], dsigma)
        })
        .collect();
    expected.sort_by(|p, q| p.0.total_cmp(&q.0));
    let gap = smallest_gap(&expected.iter().map(|p| p.0).collect::<Vec<_>>());
    assert_distinct(&expected);
    let tol = C_SPECTRAL * T::eps() * a1.norm() * (1.0 + a0.norm() / gap);
    let sorted = sorted_pairs(a.clone().svd(true, true).singular_values.iter().copied());
    let unordered = sorted_pairs(a.singular_values_unordered().iter().copied());
    for ((c, w), e) in sorted.iter().zip(&unordered).zip(&expected) {
        assert_scalar(&format!("dσ at σ = {:.3e}", e.0), c.1, e.1, tol);
        assert_scalar(&format!("dσ at σ = {:.3e} (unordered)", e.0), w.1, e.1, tol);
    }
}

/// QR: d(QR) = A₁, QᵀdQ skew-symmetric and dR upper triangular (together
/// they determine dQ and dR); the solve is checked in `check_solves`.
fn check_qr_factors<T: Real>(a0: &DMatrix<f64>) {
    let n = a0.nrows();
    let (a0, a1) = (rounded::<T>(a0), rounded::<T>(&direction(a0)));
    let a = lift::<T>(&a0, &a1);
    let qr = a.qr();
    let (q, r) = (qr.q(), qr.r());
    let scale = (a0.norm() / a1.norm()).max(1.0);
    assert_normwise(
        "d(QR) = A₁",
        &slopes(&(&q * &r)),
        &a1,
        C_PLAIN * T::eps() * scale * n as f64,
    );
    let skew = values(&q).transpose() * slopes(&q);
    let symmetric_part = (&skew + skew.transpose()).norm();
    let tol = c_conditioned::<T>() * condition(&a0) * T::eps() * skew.norm().max(1.0);
    assert!(
        symmetric_part <= tol,
        "QᵀdQ is not skew: ‖S + Sᵀ‖ = {symmetric_part:.3e} > {tol:.3e}"
    );
    let dr = slopes(&r);
    assert_eq!(
        dr.lower_triangle(),
        DMatrix::from_diagonal(&dr.diagonal()),
        "dR is not upper triangular"
    );
}

// ---------------------------------------------------------------- tests: f64

#[test]
fn determinant_derivative_is_det_times_trace_f64() {
    for a in [
        well_conditioned(),
        hilbert4(),
        cond_1e8(),
        small(2),
        small(3),
    ] {
        check_determinant::<f64>(&a);
    }
}

#[test]
fn inverse_derivative_is_minus_inverse_da_inverse_f64() {
    for a in [
        well_conditioned(),
        hilbert4(),
        cond_1e8(),
        small(2),
        small(3),
    ] {
        check_inverse::<f64>(&a);
    }
}

#[test]
fn every_solver_matches_the_linear_solve_sensitivity_f64() {
    check_solves::<f64>(&well_conditioned(), false);
    check_solves::<f64>(&cond_1e8(), false);
    check_solves::<f64>(&spd_well(), true);
    check_solves::<f64>(&hilbert4(), true);
    check_solves::<f64>(&spd_cond_1e8(), true);
}

#[test]
fn cholesky_factor_derivative_matches_closed_form_f64() {
    for a in [spd_well(), hilbert4(), spd_cond_1e8()] {
        check_cholesky::<f64>(&a);
    }
}

#[test]
fn symmetric_eigenvalue_derivatives_are_rayleigh_quotients_f64() {
    // The last one is indefinite.
    for a in [
        spd_well(),
        hilbert4(),
        spd_cond_1e8(),
        symmetric_noise(5, 7),
    ] {
        check_symmetric_eigen::<f64>(&a);
    }
}

#[test]
fn singular_value_derivatives_are_u_da_v_f64() {
    for a in [well_conditioned(), hilbert4(), cond_1e8()] {
        check_svd::<f64>(&a);
    }
}

#[test]
fn qr_factor_derivatives_reproduce_da_f64() {
    for a in [well_conditioned(), hilbert4(), cond_1e8()] {
        check_qr_factors::<f64>(&a);
    }
}

// ---------------------------------------------------------------- tests: f32

// κ·ε_f32 ≈ 1e8 · 6e-8 makes the 1e8 matrices meaningless in f32: the f32
// tests use the well-conditioned matrices and Hilbert 4 × 4 (κ·ε ≈ 2e-3).

#[test]
fn determinant_derivative_is_det_times_trace_f32() {
    for a in [well_conditioned(), hilbert4(), small(2), small(3)] {
        check_determinant::<f32>(&a);
    }
}

#[test]
fn inverse_derivative_is_minus_inverse_da_inverse_f32() {
    for a in [well_conditioned(), hilbert4(), small(2), small(3)] {
        check_inverse::<f32>(&a);
    }
}

#[test]
fn every_solver_matches_the_linear_solve_sensitivity_f32() {
    check_solves::<f32>(&well_conditioned(), false);
    check_solves::<f32>(&spd_well(), true);
    check_solves::<f32>(&hilbert4(), true);
}

#[test]
fn cholesky_factor_derivative_matches_closed_form_f32() {
    for a in [spd_well(), hilbert4()] {
        check_cholesky::<f32>(&a);
    }
}

#[test]
fn symmetric_eigenvalue_derivatives_are_rayleigh_quotients_f32() {
    for a in [spd_well(), hilbert4(), symmetric_noise(5, 7)] {
        check_symmetric_eigen::<f32>(&a);
    }
}

#[test]
fn singular_value_derivatives_are_u_da_v_f32() {
    for a in [well_conditioned(), hilbert4()] {
        check_svd::<f32>(&a);
    }
}

#[test]
fn qr_factor_derivatives_reproduce_da_f32() {
    for a in [well_conditioned(), hilbert4()] {
        check_qr_factors::<f32>(&a);
    }
}

// ---------------------------------------------------------------- norms and products

fn check_norms_and_products<T: Real>() {
    let tol = C_PLAIN * T::eps();
    let pair = |rows: usize, cols: usize, salt: usize| {
        let (m0, m1) = (
            rounded::<T>(&noise_matrix(rows, cols, salt)),
            rounded::<T>(&noise_matrix(rows, cols, salt + 1)),
        );
        let lifted = lift::<T>(&m0, &m1);
        (m0, m1, lifted)
    };
    // d‖x‖ = xᵀdx/‖x‖ (vector), d‖A‖_F = ⟨A, dA⟩/‖A‖_F (matrix).
    let (x0, x1, x) = pair(6, 1, 1);
    assert_scalar("d‖x‖", slope(x.norm()), x0.dot(&x1) / x0.norm(), tol);
    assert_scalar(
        "d‖x‖²",
        slope(x.norm_squared()),
        2.0 * x0.dot(&x1),
        tol * x0.norm_squared(),
    );
    let (a0, a1, a) = pair(5, 5, 3);
    assert_scalar("d‖A‖_F", slope(a.norm()), a0.dot(&a1) / a0.norm(), tol);
    // x/‖x‖ has derivative (I − x̂x̂ᵀ)dx/‖x‖.
    let x_hat = &x0 / x0.norm();
    let expected = (identity(6) - &x_hat * x_hat.transpose()) * &x1 / x0.norm();
    assert_normwise("d normalize", &slopes(&x.normalize()), &expected, tol);
    // d(AB) = A₁B + AB₁, d(AᵀA) = A₁ᵀA + AᵀA₁, d(A²), d(Ax), d(xᵀx), d tr A.
    let (b0, b1, b) = pair(5, 3, 8);
    assert_normwise("d(AB)", &slopes(&(&a * &b)), &(&a1 * &b0 + &a0 * &b1), tol);
    let ata = a.transpose() * &a;
    assert_normwise(
        "d(AᵀA)",
        &slopes(&ata),
        &(a1.transpose() * &a0 + a0.transpose() * &a1),
        tol,
    );
    assert_normwise("d(A²)", &slopes(&(&a * &a)), &(&a1 * &a0 + &a0 * &a1), tol);
    let (v0, v1, v) = pair(5, 1, 5);
    assert_normwise("d(Ax)", &slopes(&(&a * &v)), &(&a1 * &v0 + &a0 * &v1), tol);
    assert_scalar(
        "d(xᵀx)",
        slope(v.dot(&v)),
        2.0 * v0.dot(&v1),
        tol * v0.norm_squared(),
    );
    assert_scalar("d tr", slope(a.trace()), a1.trace(), tol * a1.norm());
    // Kronecker product: d(A ⊗ B) = A₁ ⊗ B + A ⊗ B₁.
    let (c0, c1, c) = pair(2, 3, 7);
    let kron = a.kronecker(&c);
    assert_normwise(
        "d(A ⊗ C)",
        &slopes(&kron),
        &(a1.kronecker(&c0) + a0.kronecker(&c1)),
        tol,
    );
}

#[test]
fn norm_and_product_derivatives_match_closed_forms_f64() {
    check_norms_and_products::<f64>();
}

#[test]
fn norm_and_product_derivatives_match_closed_forms_f32() {
    check_norms_and_products::<f32>();
}

// ---------------------------------------------------------------- static sizes

#[test]
fn static_matrices_take_the_same_paths() {
    // SMatrix<Dual, 5, 5>: determinant, LU solve and cross product.
    let a0 = SMatrix::<f64, 5, 5>::from_fn(|i, j| well_conditioned()[(i, j)]);
    let a1 = SMatrix::<f64, 5, 5>::from_fn(|i, j| noise(i, j, 2));
    let a = SMatrix::<D<f64>, 5, 5>::from_fn(|i, j| Dual::new(a0[(i, j)], [a1[(i, j)]]));
    let expected = a0.determinant() * (a0.try_inverse().unwrap() * a1).trace();
    assert_scalar(
        "d det (SMatrix)",
        a.determinant().partial(0),
        expected,
        1e-13 * expected.abs(),
    );
    let b0 = nalgebra::SVector::<f64, 5>::from_fn(|i, _| noise(i, 0, 11));
    let x0 = a0.lu().solve(&b0).unwrap();
    let dx = a
        .lu()
        .solve(&b0.map(Dual::constant))
        .unwrap()
        .map(|d| d.partial(0));
    assert!((dx + a0.lu().solve(&(a1 * x0)).unwrap()).norm() < 1e-14 * x0.norm());
    let p = nalgebra::Vector3::new(
        Dual::<f64, 1>::variable(1.0, 0),
        Dual::constant(2.0),
        Dual::constant(3.0),
    );
    let q = nalgebra::Vector3::new(
        Dual::constant(-1.0),
        Dual::constant(0.5),
        Dual::constant(2.0),
    );
    // d(p × q)/dp₀ = e₀ × q = (0, −q₂, q₁).
    assert_eq!(
        p.cross(&q).map(|d| d.partial(0)),
        nalgebra::Vector3::new(0.0, -2.0, 0.5)
    );
}

#[test]
fn values_through_decompositions_are_bit_identical_to_plain_f64() {
    // The value part runs the same arithmetic as f64, so LU and Cholesky
    // results agree bit for bit.
    let a0 = well_conditioned();
    let a = lift::<f64>(&a0, &direction(&a0));
    let b0 = noise_matrix(5, 1, 11);
    let b = b0.map(Dual::constant);
    assert_eq!(
        values(&a.clone().lu().solve(&b).unwrap()),
        a0.clone().lu().solve(&b0).unwrap()
    );
    assert_eq!(a.determinant().value(), a0.determinant());
    let s0 = spd_well();
    let s = lift::<f64>(&s0, &symmetric_direction(&s0));
    assert_eq!(
        values(&s.cholesky().unwrap().l()),
        s0.cholesky().unwrap().l()
    );
}

#[test]
fn several_directions_at_once_give_each_directional_derivative() {
    // Dual<f64, 3> with three perturbation matrices: partial k is the
    // derivative along direction k.
    let a0 = well_conditioned();
    let dirs = [noise_matrix(5, 5, 2), noise_matrix(5, 5, 3), identity(5)];
    let a = DMatrix::from_fn(5, 5, |i, j| {
        Dual::new(
            a0[(i, j)],
            [dirs[0][(i, j)], dirs[1][(i, j)], dirs[2][(i, j)]],
        )
    });
    let det = a.determinant();
    let inv = a0.clone().try_inverse().unwrap();
    for (k, dir) in dirs.iter().enumerate() {
        let expected = a0.determinant() * (&inv * dir).trace();
        assert_scalar(
            "d det along direction k",
            det.partial(k),
            expected,
            1e-13 * expected.abs(),
        );
    }
}
