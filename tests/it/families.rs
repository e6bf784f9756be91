//! Every driver family gives the same derivatives: arrays (the crate
//! root), slices (`chunk`), `SVector` (`linalg`) and `DVector`
//! (`linalg::dynamic`), in their allocating, `_with` and `_of` forms, with
//! closed forms as the oracle. The sizes cross block boundaries (n = 19
//! with chunks of 12 and of 4) so that every pair of blocks is exercised.

use dualgrad::chunk::{self, GradientConfig, HessianConfig, JacobianConfig};
use dualgrad::linalg::{self, dynamic};
use dualgrad::{Dual, Dual2, scalar_fn, vector_fn};
use nalgebra::{DMatrix, DVector, SVector};
use num_traits::Float;

/// f(x) = Σᵢ cᵢ xᵢ² xᵢ₊₁ + exp(x₀ xₙ₋₁), with cᵢ = i + 1: couples
/// neighbours and the two ends, so the Hessian has entries in the corner
/// blocks.
fn coupled<S: Float>(x: &[S]) -> S {
    let n = x.len();
    let mut s = (x[0] * x[n - 1]).exp();
    for i in 0..n - 1 {
        s = s + S::from(i + 1).unwrap() * x[i] * x[i] * x[i + 1];
    }
    s
}

fn coupled_gradient(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let e = (x[0] * x[n - 1]).exp();
    let mut g = vec![0.0; n];
    g[0] += x[n - 1] * e;
    g[n - 1] += x[0] * e;
    for i in 0..n - 1 {
        let c = (i + 1) as f64;
        g[i] += 2.0 * c * x[i] * x[i + 1];
        g[i + 1] += c * x[i] * x[i];
    }
    g
}

fn coupled_hessian(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let e = (x[0] * x[n - 1]).exp();
    let mut h = vec![vec![0.0; n]; n];
    h[0][0] += x[n - 1] * x[n - 1] * e;
    h[n - 1][n - 1] += x[0] * x[0] * e;
    h[0][n - 1] += e + x[0] * x[n - 1] * e;
    h[n - 1][0] += e + x[0] * x[n - 1] * e;
    for i in 0..n - 1 {
        let c = (i + 1) as f64;
        h[i][i] += 2.0 * c * x[i + 1];
        h[i][i + 1] += 2.0 * c * x[i];
        h[i + 1][i] += 2.0 * c * x[i];
    }
    h
}

/// yᵢ = sin(xᵢ)·xᵢ₊₁ for i < n − 1, and y₋₁ = Σ xᵢ.
fn map<S: Float>(x: &[S], y: &mut [S]) {
    let n = x.len();
    for i in 0..n - 1 {
        y[i] = x[i].sin() * x[i + 1];
    }
    y[n - 1] = x.iter().fold(S::zero(), |s, &v| s + v);
}

fn map_jacobian(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut j = vec![vec![0.0; n]; n];
    for i in 0..n - 1 {
        j[i][i] = x[i].cos() * x[i + 1];
        j[i][i + 1] = x[i].sin();
    }
    j[n - 1] = vec![1.0; n];
    j
}

fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.3 + 0.1 * (i as f64).sin()).collect()
}

fn close(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: lengths");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= 1e-13 * (1.0 + y.abs()),
            "{what}[{i}]: {x} vs {y}"
        );
    }
}

fn close_rows(a: &[Vec<f64>], b: &[Vec<f64>], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: rows");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        close(x, y, &format!("{what} row {i}"));
    }
}

fn rows_of(m: &DMatrix<f64>) -> Vec<Vec<f64>> {
    m.row_iter().map(|r| r.iter().copied().collect()).collect()
}

#[test]
fn gradients_agree_across_families() {
    for n in [1, 2, 12, 13, 19] {
        let x = point(n);
        let expected = coupled_gradient(&x);
        let value = coupled(&x);
        close(&chunk::gradient(coupled, &x), &expected, "chunk::gradient");
        close(
            &chunk::gradient_of(&scalar_fn!(coupled), &x),
            &expected,
            "gradient_of",
        );
        let mut config = GradientConfig::<f64, 4>::new(n);
        let mut out = vec![0.0; n];
        let v = chunk::gradient_with(&mut config, coupled, &x, &mut out).unwrap();
        assert_eq!(v, value);
        close(&out, &expected, "chunk::gradient_with, C = 4");
        let xd = DVector::from_vec(x.clone());
        let g = dynamic::gradient(|v: &DVector<_>| coupled(v.as_slice()), &xd);
        close(g.as_slice(), &expected, "dynamic::gradient");
        let mut g = DVector::zeros(n);
        let v = dynamic::gradient_with(&mut config, |v| coupled(v.as_slice()), &xd, &mut g);
        assert_eq!(v, Ok(value));
        close(g.as_slice(), &expected, "dynamic::gradient_with");
    }
    let x = [0.3, 0.4, 0.5];
    let expected = coupled_gradient(&x);
    close(&dualgrad::gradient(coupled, x), &expected, "gradient");
    let xs = SVector::from(x);
    let g = linalg::gradient(|v: &SVector<_, 3>| coupled(v.as_slice()), &xs);
    close(g.as_slice(), &expected, "linalg::gradient");
}

#[test]
fn jacobians_agree_across_families() {
    for n in [2, 12, 13, 19] {
        let x = point(n);
        let expected = map_jacobian(&x);
        let mut y = vec![0.0; n];
        map(&x, &mut y);
        let f = vector_fn!(map, |n| n);
        let (values, j) = chunk::value_and_jacobian_of(&f, &x);
        assert_eq!(values, y);
        close_rows(&j, &expected, "value_and_jacobian_of");
        let as_vec = |v: &[Dual<f64, 12>]| {
            let mut out = vec![Dual::constant(0.0); v.len()];
            map(v, &mut out);
            out
        };
        let (values, j) = chunk::value_and_jacobian(as_vec, &x).unwrap();
        assert_eq!(values, y);
        close_rows(&j, &expected, "chunk::value_and_jacobian");
        let mut config = JacobianConfig::<f64, 4>::new(n, n);
        let (mut values, mut flat) = (vec![0.0; n], vec![0.0; n * n]);
        chunk::value_and_jacobian_with(&mut config, map, &x, &mut values, &mut flat).unwrap();
        assert_eq!(values, y);
        let rows: Vec<Vec<f64>> = flat.chunks(n).map(<[f64]>::to_vec).collect();
        close_rows(&rows, &expected, "chunk::value_and_jacobian_with");
        let xd = DVector::from_vec(x.clone());
        let fd = |v: &DVector<Dual<f64, 12>>| DVector::from_vec(as_vec(v.as_slice()));
        close_rows(
            &rows_of(&dynamic::jacobian(fd, &xd).unwrap()),
            &expected,
            "dynamic",
        );
        let mut m = DMatrix::zeros(n, n);
        let fw = |v: &DVector<_>, out: &mut DVector<_>| map(v.as_slice(), out.as_mut_slice());
        dynamic::jacobian_with(&mut config, fw, &xd, &mut m).unwrap();
        close_rows(&rows_of(&m), &expected, "dynamic::jacobian_with");
    }
}

#[test]
fn hessians_agree_across_families() {
    for n in [1, 2, 5, 12, 13, 19] {
        let x = point(n);
        let (eg, eh) = (coupled_gradient(&x), coupled_hessian(&x));
        let (v, g, h) = chunk::value_gradient_hessian(coupled, &x);
        assert_eq!(v, coupled(&x));
        close(&g, &eg, "chunk gradient");
        close_rows(&h, &eh, "chunk::value_gradient_hessian");
        let mut config = HessianConfig::<f64, 4>::new(n);
        let (mut g, mut flat) = (vec![0.0; n], vec![0.0; n * n]);
        let v = chunk::hessian_with(&mut config, coupled, &x, &mut g, &mut flat).unwrap();
        assert_eq!(v, coupled(&x));
        close(&g, &eg, "hessian_with gradient");
        let rows: Vec<Vec<f64>> = flat.chunks(n).map(<[f64]>::to_vec).collect();
        close_rows(&rows, &eh, "chunk::hessian_with, C = 4");
        let xd = DVector::from_vec(x.clone());
        let h = dynamic::hessian(|v: &DVector<_>| coupled(v.as_slice()), &xd);
        close_rows(&rows_of(&h), &eh, "dynamic::hessian");
        let (mut g, mut h) = (DVector::zeros(n), DMatrix::zeros(n, n));
        let f = |v: &DVector<_>| coupled(v.as_slice());
        dynamic::hessian_with(&mut config, f, &xd, &mut g, &mut h).unwrap();
        close_rows(&rows_of(&h), &eh, "dynamic::hessian_with");
    }
}

#[test]
fn one_direction_drivers_agree_across_families() {
    let x = [0.3, 0.4, 0.5];
    let v = [1.0, -2.0, 0.5];
    let g = coupled_gradient(&x);
    let expected: f64 = g.iter().zip(&v).map(|(a, b)| a * b).sum();
    let d = dualgrad::directional_derivative(coupled, x, v);
    assert!((d - expected).abs() < 1e-14);
    assert_eq!(chunk::directional_derivative(coupled, &x, &v), Ok(d));
    let (xs, vs) = (SVector::from(x), SVector::from(v));
    let f = |p: &SVector<_, 3>| coupled(p.as_slice());
    assert_eq!(linalg::directional_derivative(f, &xs, &vs), d);
    let (xd, vd) = (DVector::from_row_slice(&x), DVector::from_row_slice(&v));
    let f = |p: &DVector<_>| coupled(p.as_slice());
    assert_eq!(dynamic::directional_derivative(f, &xd, &vd), Ok(d));

    let j = map_jacobian(&x);
    let jv: Vec<f64> = j
        .iter()
        .map(|r| r.iter().zip(&v).map(|(a, b)| a * b).sum())
        .collect();
    let as_vec = |p: &[Dual<f64, 1>]| {
        let mut out = vec![Dual::constant(0.0); 3];
        map(p, &mut out);
        out
    };
    close(
        &chunk::jacobian_vector_product(as_vec, &x, &v).unwrap(),
        &jv,
        "chunk jvp",
    );
    let as_array = |p: &[Dual<f64, 1>]| {
        let mut out = [Dual::constant(0.0); 3];
        map(p, &mut out);
        out
    };
    close(
        &dualgrad::jacobian_vector_product(as_array, x, v),
        &jv,
        "jvp",
    );
    let fs = |p: &SVector<Dual<f64, 1>, 3>| SVector::from(as_array(p.as_slice()));
    close(
        linalg::jacobian_vector_product(fs, &xs, &vs).as_slice(),
        &jv,
        "linalg jvp",
    );
    let fd = |p: &DVector<Dual<f64, 1>>| DVector::from_vec(as_vec(p.as_slice()));
    let jvd = dynamic::jacobian_vector_product(fd, &xd, &vd).unwrap();
    close(jvd.as_slice(), &jv, "dynamic jvp");
}

#[test]
fn curve_derivatives_agree_across_families() {
    // f(t) = (t³, sin 2t, eᵗ), f′(t) = (3t², 2 cos 2t, eᵗ).
    let t = 0.7_f64;
    let expected = [3.0 * t * t, 2.0 * (2.0 * t).cos(), t.exp()];
    let arr = |t: Dual<f64, 1>| [t.powi(3), (t * 2.0).sin(), t.exp()];
    let d = dualgrad::vector_derivative(arr, t);
    close(&d, &expected, "vector_derivative");
    let (y, d2) = dualgrad::value_and_vector_derivative(arr, t);
    assert_eq!((y, d2), ([t.powi(3), (t * 2.0).sin(), t.exp()], d));
    assert_eq!(chunk::vector_derivative(|t| arr(t).to_vec(), t), d);
    assert_eq!(
        linalg::vector_derivative(|t| SVector::from(arr(t)), t).as_slice(),
        d
    );
    let dd = dynamic::vector_derivative(|t| DVector::from_row_slice(&arr(t)), t);
    assert_eq!(dd.as_slice(), d);
}

#[test]
fn wrong_lengths_name_what_and_where() {
    let err = chunk::directional_derivative(|x| x[0], &[1.0, 2.0], &[1.0]).unwrap_err();
    assert_eq!(
        (err.what(), err.expected(), err.found()),
        ("direction v", 2, 1)
    );
    let mut config = HessianConfig::<f64>::new(3);
    let (mut g, mut h) = (vec![0.0; 3], vec![0.0; 8]);
    let err = chunk::hessian_with(&mut config, coupled, &[1.0; 3], &mut g, &mut h).unwrap_err();
    assert_eq!(
        (err.what(), err.expected(), err.found()),
        ("Hessian buffer", 9, 8)
    );
    let err = chunk::hessian_with(&mut config, coupled, &[1.0; 2], &mut g, &mut h).unwrap_err();
    assert_eq!((err.what(), err.expected(), err.found()), ("input x", 3, 2));
    let (mut g, mut h) = (DVector::zeros(3), DMatrix::zeros(9, 1));
    let x = DVector::from_element(3, 1.0);
    let f = |v: &DVector<_>| coupled(v.as_slice());
    let err = dynamic::hessian_with(&mut config, f, &x, &mut g, &mut h).unwrap_err();
    assert_eq!(
        (err.what(), err.expected(), err.found()),
        ("Hessian matrix's rows", 3, 9)
    );
    let mut config = JacobianConfig::<f64>::new(3, 2);
    let mut m = DMatrix::zeros(3, 2);
    let fw = |v: &DVector<_>, out: &mut DVector<_>| out[0] = v[0];
    let err = dynamic::jacobian_with(&mut config, fw, &x, &mut m).unwrap_err();
    assert_eq!(
        (err.what(), err.expected(), err.found()),
        ("Jacobian matrix's rows", 2, 3)
    );
    let mut values = vec![0.0; 1];
    let mut out = vec![0.0; 6];
    let f = |v: &[Dual<f64, 12>], out: &mut [Dual<f64, 12>]| out[0] = v[0];
    let err = chunk::value_and_jacobian_with(&mut config, f, &[1.0; 3], &mut values, &mut out)
        .unwrap_err();
    assert_eq!(
        (err.what(), err.expected(), err.found()),
        ("value buffer", 2, 1)
    );
}

#[test]
fn empty_inputs_call_f_once_for_the_value() {
    let (v, g, h) = chunk::value_gradient_hessian(|_| Dual2::constant(4.0), &[]);
    assert_eq!((v, g.len(), h.len()), (4.0, 0, 0));
    let f = vector_fn!(map_or_constant, |_| 2);
    let (values, j) = chunk::value_and_jacobian_of(&f, &[] as &[f64]);
    assert_eq!((values, j), (vec![7.0, 7.0], vec![Vec::new(), Vec::new()]));
    let (values, j) = chunk::value_and_jacobian(|_| vec![Dual::constant(1.0); 3], &[]).unwrap();
    assert_eq!((values.len(), j.len()), (3, 3));
}

fn map_or_constant<S: Float>(_x: &[S], y: &mut [S]) {
    for v in y {
        *v = S::from(7.0).unwrap();
    }
}

#[cfg(feature = "rayon")]
#[test]
fn parallel_jacobian_is_bit_identical_to_the_serial_one() {
    for n in [0, 1, 13, 50] {
        let x = point(n);
        let f = |v: &[Dual<f64, 12>]| v.windows(2).map(|w| w[0].sin() * w[1]).collect();
        assert_eq!(chunk::par_jacobian(f, &x), chunk::jacobian(f, &x));
        assert_eq!(
            chunk::par_gradient(coupled_or_zero, &x),
            chunk::gradient(coupled_or_zero, &x)
        );
    }
}

#[cfg(feature = "rayon")]
fn coupled_or_zero<S: Float>(x: &[S]) -> S {
    if x.is_empty() { S::zero() } else { coupled(x) }
}

#[test]
fn hessian_vector_products_match_the_hessian_times_v_in_every_family() {
    for n in [1, 2, 12, 13, 19] {
        let x = point(n);
        let v: Vec<f64> = (0..n).map(|i| 1.0 - 0.3 * i as f64).collect();
        let h = coupled_hessian(&x);
        let expected: Vec<f64> = h
            .iter()
            .map(|row| row.iter().zip(&v).map(|(a, b)| a * b).sum())
            .collect();
        let hv = chunk::hessian_vector_product(coupled, &x, &v).unwrap();
        close(&hv, &expected, "chunk::hessian_vector_product");
        let (xd, vd) = (DVector::from_vec(x.clone()), DVector::from_vec(v.clone()));
        let hvd = dynamic::hessian_vector_product(|p| coupled(p.as_slice()), &xd, &vd).unwrap();
        close(hvd.as_slice(), &expected, "dynamic::hessian_vector_product");
    }
    let x = [0.3, 0.4, 0.5];
    let v = [1.0, -2.0, 0.5];
    let h = coupled_hessian(&x);
    let expected: Vec<f64> = h
        .iter()
        .map(|row| row.iter().zip(&v).map(|(a, b)| a * b).sum())
        .collect();
    close(
        &dualgrad::hessian_vector_product(coupled, x, v),
        &expected,
        "array HVP",
    );
    let hs = linalg::hessian_vector_product(
        |p: &SVector<_, 3>| coupled(p.as_slice()),
        &SVector::from(x),
        &SVector::from(v),
    );
    close(hs.as_slice(), &expected, "linalg HVP");
    let err = chunk::hessian_vector_product(coupled, &x, &v[..2]).unwrap_err();
    assert_eq!(
        (err.what(), err.expected(), err.found()),
        ("direction v", 3, 2)
    );
}

#[test]
fn second_derivatives_match_closed_forms() {
    // f(t) = t³ sin t: f′ = 3t² sin t + t³ cos t,
    // f″ = 6t sin t + 6t² cos t − t³ sin t.
    fn f<S: Float>(t: S) -> S {
        t.powi(3) * t.sin()
    }
    for t in [-1.3, 0.0, 0.4, 2.5] {
        let (s, c) = f64::sin_cos(t);
        let want = (
            t.powi(3) * s,
            3.0 * t * t * s + t.powi(3) * c,
            6.0 * t * s + 6.0 * t * t * c - t.powi(3) * s,
        );
        let (v, d1, d2) = dualgrad::value_derivative_second_derivative(f, t);
        assert_eq!(v, want.0);
        close(&[d1, d2], &[want.1, want.2], "f′, f″");
        assert_eq!(dualgrad::second_derivative(f, t), d2);
        assert_eq!(dualgrad::derivative(f, t), d1);
    }
}

#[test]
fn the_array_hessian_on_dual2_matches_the_closed_form_and_nested_duals() {
    let x: [f64; 19] = std::array::from_fn(|i| 0.3 + 0.1 * (i as f64).sin());
    let (v, g, h) = dualgrad::value_gradient_hessian(coupled, x);
    assert_eq!(v, coupled(&x));
    close(&g, &coupled_gradient(&x), "gradient");
    let rows: Vec<Vec<f64>> = h.iter().map(|r| r.to_vec()).collect();
    close_rows(&rows, &coupled_hessian(&x), "hessian on Dual2");
    let (_, _, chunked) = chunk::value_gradient_hessian(coupled, &x);
    close_rows(
        &rows,
        &chunked,
        "one Dual2<19> pass vs pairs of blocks of Dual2<12>",
    );
}
