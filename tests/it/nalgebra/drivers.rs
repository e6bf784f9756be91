//! The nalgebra-typed drivers in `dualgrad::linalg`: they agree with the
//! array drivers and the chunk mode, take functions written generically on
//! nalgebra's types, and report wrong sizes as `DimensionError`.

use dualgrad::chunk::DEFAULT_CHUNK;
use dualgrad::linalg::{self, dynamic};
use dualgrad::{Dual, chunk};
use nalgebra::{DMatrix, DVector, Matrix2, Matrix3x2, RealField, SVector, Vector2, Vector3};
use num_traits::Float;

/// Rosenbrock's function on any nalgebra scalar.
fn rosenbrock<S: RealField + Copy>(x: &SVector<S, 2>) -> S {
    let (one, hundred) = (S::one(), nalgebra::convert::<f64, S>(100.0));
    (one - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
}

/// The same function on slices, for the array drivers.
fn rosenbrock_slice<S: Float>(x: &[S]) -> S {
    let (one, hundred) = (S::one(), S::from(100.0).unwrap());
    (one - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
}

#[test]
fn static_drivers_agree_with_the_array_drivers() {
    let x = [-1.2, 1.0];
    let v = Vector2::from(x);
    let (value, gradient) = linalg::value_and_gradient(rosenbrock, &v);
    let (array_value, array_gradient) = dualgrad::value_and_gradient(rosenbrock_slice, x);
    assert_eq!(value, array_value);
    assert_eq!(gradient, Vector2::from(array_gradient));
    let (value, gradient, hessian) = linalg::value_gradient_hessian(rosenbrock, &v);
    let (_, _, array_hessian) = dualgrad::value_gradient_hessian(rosenbrock_slice, x);
    assert_eq!(
        (value, gradient),
        (array_value, Vector2::from(array_gradient))
    );
    assert_eq!(hessian, Matrix2::from_fn(|i, j| array_hessian[i][j]));
    assert_eq!(linalg::hessian(rosenbrock, &v), hessian);
    assert_eq!(linalg::gradient(rosenbrock, &v), gradient);
}

#[test]
fn static_jacobian_rows_are_output_gradients() {
    // f: ℝ² → ℝ³, f(x) = (x₀x₁, sin x₀, ‖x‖).
    let f = |x: &Vector2<Dual<f64, 2>>| Vector3::new(x[0] * x[1], x[0].sin(), x.norm());
    let x = Vector2::new(3.0, 4.0);
    let (value, j) = linalg::value_and_jacobian(f, &x);
    assert_eq!(value, Vector3::new(12.0, 3.0_f64.sin(), 5.0));
    let expected = Matrix3x2::new(4.0, 3.0, 3.0_f64.cos(), 0.0, 0.6, 0.8);
    assert!((j - expected).norm() < 1e-15, "{j}");
    assert_eq!(linalg::jacobian(f, &x), j);
    // Row 2 is the gradient of ‖x‖, transposed.
    assert_eq!(j.row(2).transpose(), linalg::gradient(|x| x.norm(), &x));
}

#[test]
fn static_drivers_work_in_f32() {
    let v = Vector2::new(-1.2_f32, 1.0);
    let g = linalg::gradient(rosenbrock, &v);
    // ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)).
    let expected = Vector2::new(
        -2.0 * 2.2 - 400.0 * -1.2 * (1.0 - 1.44),
        200.0 * (1.0 - 1.44),
    );
    assert!(
        (g - expected).norm() < 1e-5 * expected.norm(),
        "{g} vs {expected}"
    );
    let h = linalg::hessian(rosenbrock, &v);
    // ∂²f/∂x∂y = −400x = 480, to a few f32 ulps.
    assert!((h[(0, 1)] - 480.0).abs() < 1e-5 * 480.0 && h[(0, 1)] == h[(1, 0)]);
}

/// The chained Rosenbrock function for any n, on nalgebra's DVector.
fn chained_rosenbrock<S: RealField + Copy>(x: &DVector<S>) -> S {
    let hundred = nalgebra::convert::<f64, S>(100.0);
    (0..x.len().saturating_sub(1))
        .map(|i| hundred * (x[i + 1] - x[i] * x[i]).powi(2) + (S::one() - x[i]).powi(2))
        .fold(S::zero(), |a, b| a + b)
}

fn chained_rosenbrock_slice<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    x.windows(2)
        .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
        .fold(S::zero(), |a, b| a + b)
}

#[test]
fn dynamic_gradient_agrees_with_chunk_mode_at_every_length() {
    for n in [0, 1, 2, 7, 8, 9, 16, 17, 30] {
        let x = DVector::from_fn(n, |i, _| 0.5 + 0.1 * i as f64);
        let (value, gradient) = dynamic::value_and_gradient(chained_rosenbrock, &x);
        let (chunk_value, chunk_gradient) =
            chunk::value_and_gradient(chained_rosenbrock_slice, x.as_slice());
        assert_eq!(value, chunk_value, "n = {n}");
        assert_eq!(gradient.as_slice(), chunk_gradient.as_slice(), "n = {n}");
    }
}

#[test]
fn dynamic_jacobian_agrees_with_chunk_mode() {
    // f(x) = (x ⊙ x, Σx): m = n + 1 outputs.
    let f = |x: &DVector<Dual<f64, DEFAULT_CHUNK>>| {
        let mut y = x.component_mul(x).insert_row(x.len(), Dual::constant(0.0));
        y[x.len()] = x.sum();
        y
    };
    let f_slice = |x: &[Dual<f64, DEFAULT_CHUNK>]| {
        let mut y: Vec<_> = x.iter().map(|v| *v * *v).collect();
        y.push(x.iter().copied().sum());
        y
    };
    for n in [1, 5, 8, 13, 20] {
        let x = DVector::from_fn(n, |i, _| 1.0 + i as f64);
        let (value, j) = dynamic::value_and_jacobian(f, &x).unwrap();
        let rows = chunk::jacobian(f_slice, x.as_slice()).unwrap();
        assert_eq!(j.shape(), (n + 1, n));
        assert_eq!(j, DMatrix::from_fn(n + 1, n, |i, k| rows[i][k]), "n = {n}");
        assert_eq!(value[n], x.sum());
        assert_eq!(dynamic::jacobian(f, &x).unwrap(), j);
    }
}

#[test]
fn dynamic_hessian_matches_the_static_one_and_is_symmetric() {
    // n = 10 spans two blocks of 8.
    let x = DVector::from_fn(10, |i, _| 0.3 * i as f64 - 1.0);
    let (value, gradient, hessian) = dynamic::value_gradient_hessian(chained_rosenbrock, &x);
    let (v2, g2) = dynamic::value_and_gradient(chained_rosenbrock, &x);
    assert_eq!((value, &gradient), (v2, &g2));
    assert_eq!(hessian, hessian.transpose());
    let array_x: [f64; 10] = core::array::from_fn(|i| x[i]);
    let array_hessian = dualgrad::hessian(chained_rosenbrock_slice, array_x);
    assert_eq!(
        hessian,
        DMatrix::from_fn(10, 10, |i, j| array_hessian[i][j])
    );
    assert_eq!(dynamic::hessian(chained_rosenbrock, &x), hessian);
}

#[test]
fn dynamic_drivers_accept_nalgebra_algorithms_in_f() {
    // f(x) = xᵀA⁻¹x with A = diag(1..n) + 1·1ᵀ/n, solved by LU: ∇f = 2A⁻¹x.
    let n = 11;
    let a = DMatrix::from_fn(n, n, |i, j| if i == j { 1.0 + i as f64 } else { 0.0 })
        + DMatrix::from_element(n, n, 1.0 / n as f64);
    let x = DVector::from_fn(n, |i, _| (i as f64).sin());
    let f = |v: &DVector<Dual<f64, DEFAULT_CHUNK>>| {
        let solved = a.map(Dual::constant).lu().solve(v).expect("invertible");
        v.dot(&solved)
    };
    let g = dynamic::gradient(f, &x);
    let expected = a.clone().lu().solve(&x).unwrap() * 2.0;
    assert!((g - &expected).norm() < 1e-14 * expected.norm());
}

#[test]
fn outputs_whose_length_changes_between_passes_are_a_dimension_error() {
    // One input more than a chunk takes two passes; the second returns one
    // output fewer.
    let x = DVector::from_element(DEFAULT_CHUNK + 1, 1.0);
    let shrinking = |v: &DVector<Dual<f64, DEFAULT_CHUNK>>| {
        let m = if v[0].is_constant() { 2 } else { 3 };
        DVector::from_element(m, v[0])
    };
    let err = dynamic::jacobian(shrinking, &x).unwrap_err();
    assert_eq!((err.expected(), err.found()), (3, 2));
    assert_eq!(
        err.to_string(),
        "the output of f has length 2, expected 3 (the length of its first output)"
    );
}
