//! Repeated derivatives allocate nothing: the array drivers never touch the
//! heap, and chunk mode with a reusable config allocates only in the config.
//!
//! A counting global allocator (the `counting` module) counts every
//! allocation made by this test binary, per thread.

use dualgrad::chunk::{
    DEFAULT_CHUNK, GradientConfig, JacobianConfig, gradient_with, jacobian_with,
};
use dualgrad::{Dual, derivative, gradient, hessian, jacobian, value_gradient_hessian};
use num_traits::Float;

use crate::counting::allocations_of;

fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    x.windows(2)
        .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
        .fold(S::zero(), |a, b| a + b)
}

fn polar<S: Float>(p: &[S]) -> [S; 2] {
    [p[0] * p[1].cos(), p[0] * p[1].sin()]
}

#[test]
fn the_counter_sees_allocations() {
    // Guards against a test that cannot fail: a Vec must be counted.
    assert!(allocations_of(|| drop(std::hint::black_box(vec![1.0; 10]))) >= 1);
}

#[test]
fn array_drivers_allocate_nothing() {
    let x = [0.3, -1.2, 0.8, 2.0];
    let n = allocations_of(|| {
        for _ in 0..100 {
            std::hint::black_box(gradient(rosenbrock, std::hint::black_box(x)));
            std::hint::black_box(hessian(rosenbrock, x));
            std::hint::black_box(value_gradient_hessian(rosenbrock, x));
            std::hint::black_box(jacobian(polar, [2.0, 0.5]));
            std::hint::black_box(derivative(|t: Dual<f64, 1>| t.sin() * t, 1.0));
        }
    });
    assert_eq!(n, 0);
}

#[test]
fn chunk_gradient_with_a_config_allocates_nothing() {
    let x: Vec<f64> = (0..200).map(|i| (f64::from(i) * 0.1).sin()).collect();
    let mut config = GradientConfig::<f64>::new(x.len());
    let mut small = GradientConfig::<f64, 3>::new(x.len());
    let mut out = vec![0.0; x.len()];
    let n = allocations_of(|| {
        for _ in 0..10 {
            gradient_with(&mut config, rosenbrock, &x, &mut out).unwrap();
            gradient_with(&mut small, rosenbrock, &x, &mut out).unwrap();
        }
    });
    assert_eq!(n, 0);
    assert_eq!(out, dualgrad::chunk::gradient(rosenbrock, &x));
}

#[test]
fn chunk_jacobian_with_a_config_allocates_nothing() {
    let x: Vec<f64> = (0..40).map(f64::from).collect();
    let mut config = JacobianConfig::<f64>::new(x.len(), 2);
    let mut out = vec![0.0; 2 * x.len()];
    let f = |x: &[Dual<f64, DEFAULT_CHUNK>], y: &mut [Dual<f64, DEFAULT_CHUNK>]| {
        y[0] = x.iter().copied().sum();
        y[1] = x.iter().map(|v| *v * *v).sum();
    };
    let n = allocations_of(|| {
        for _ in 0..10 {
            jacobian_with(&mut config, f, &x, &mut out).unwrap();
        }
    });
    assert_eq!(n, 0);
    assert_eq!(out[..40], [1.0; 40]);
    assert_eq!(out[41], 2.0);
}

#[test]
fn chunk_hessian_with_a_config_allocates_nothing() {
    let x: Vec<f64> = (0..15).map(|i| f64::from(i) * 0.1).collect();
    let mut config = dualgrad::chunk::HessianConfig::<f64, 4>::new(x.len());
    let (mut g, mut h) = (vec![0.0; 15], vec![0.0; 225]);
    let n = allocations_of(|| {
        for _ in 0..5 {
            dualgrad::chunk::hessian_with(&mut config, rosenbrock, &x, &mut g, &mut h).unwrap();
        }
    });
    assert_eq!(n, 0);
    assert_eq!(g, dualgrad::chunk::gradient(rosenbrock, &x));
}

#[cfg(feature = "nalgebra")]
#[test]
fn dvector_drivers_with_a_config_allocate_nothing() {
    use dualgrad::linalg::dynamic;
    use nalgebra::{DMatrix, DVector};

    let x = DVector::from_fn(15, |i, _| i as f64 * 0.1);
    let f = |v: &DVector<Dual<f64, 4>>| rosenbrock(v.as_slice());
    let f2 = |v: &DVector<dualgrad::Dual2<f64, 4>>| rosenbrock(v.as_slice());
    let fj = |v: &DVector<Dual<f64, 4>>, y: &mut DVector<Dual<f64, 4>>| {
        y[0] = rosenbrock(v.as_slice());
        y[1] = v.sum();
    };
    let mut gc = GradientConfig::<f64, 4>::new(15);
    let mut jc = JacobianConfig::<f64, 4>::new(15, 2);
    let mut hc = dualgrad::chunk::HessianConfig::<f64, 4>::new(15);
    let (mut g, mut j) = (DVector::zeros(15), DMatrix::zeros(2, 15));
    let mut h = DMatrix::zeros(15, 15);
    let n = allocations_of(|| {
        for _ in 0..5 {
            dynamic::gradient_with(&mut gc, f, &x, &mut g).unwrap();
            dynamic::jacobian_with(&mut jc, fj, &x, &mut j).unwrap();
            dynamic::hessian_with(&mut hc, f2, &x, &mut g, &mut h).unwrap();
        }
    });
    assert_eq!(n, 0);
    assert_eq!(j.row(1).iter().copied().collect::<Vec<_>>(), [1.0; 15]);
}

/// out[i] = xᵢ₋₁ − 2xᵢ + xᵢ₊₁ + eˣⁱ (the Bratu residual's shape), and a
/// last output over every input (a dense row: 40 colours, three passes).
#[cfg(feature = "sparse")]
fn tridiagonal_and_dense<S: Float>(x: &[S], out: &mut [S]) {
    let n = x.len();
    let two = S::one() + S::one();
    for i in 0..n {
        let left = if i > 0 { x[i - 1] } else { S::zero() };
        let right = if i + 1 < n { x[i + 1] } else { S::zero() };
        out[i] = left - two * x[i] + right + x[i].exp();
    }
    out[n] = x.iter().fold(S::zero(), |s, &v| s + v * v);
}

/// Elements over windows of `W` inputs: W colours.
#[cfg(feature = "sparse")]
fn windows<S: Float, const W: usize>(x: &[S], out: &mut [S]) {
    for (k, o) in out.iter_mut().enumerate() {
        let w = &x[k..k + W];
        *o = w.iter().fold(S::zero(), |s, &v| s + v.sin()) * w[0];
    }
}

#[cfg(feature = "sparse")]
#[test]
fn sparse_configs_allocate_nothing() {
    use dualgrad::sparse::{GradientOfSumConfig, HessianOfSumConfig, JacobianConfig};
    use dualgrad::vector_fn;

    let x: Vec<f64> = (0..40).map(|i| f64::from(i) * 0.01).collect();
    let banded = vector_fn!(tridiagonal_and_dense, |n| n + 1);
    let few = vector_fn!(windows::<_, 3>, |n| n - 2);
    let many = vector_fn!(windows::<_, 20>, |n| n - 19);
    let mut jacobian = JacobianConfig::new(&banded, &x);
    let mut gradient = GradientOfSumConfig::new(&few, &x);
    let mut gradient_many = GradientOfSumConfig::new(&many, &x);
    let mut hessian = HessianOfSumConfig::new(&few, &x);
    let mut hessian_many = HessianOfSumConfig::new(&many, &x);
    assert_eq!(
        (jacobian.colors(), hessian.colors(), hessian_many.colors()),
        (40, 3, 20)
    );
    let mut g = vec![0.0; x.len()];
    let n = allocations_of(|| {
        for _ in 0..5 {
            std::hint::black_box(jacobian.jacobian(&banded, &x).unwrap());
            std::hint::black_box(gradient.gradient(&few, &x, &mut g).unwrap());
            std::hint::black_box(gradient_many.gradient(&many, &x, &mut g).unwrap());
            std::hint::black_box(hessian.hessian(&few, &x).unwrap());
            std::hint::black_box(hessian_many.hessian(&many, &x).unwrap());
        }
    });
    assert_eq!(n, 0);
}
