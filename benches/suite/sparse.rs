//! The sparse drivers (issue 14, feature `sparse`): the tridiagonal Bratu
//! residual, the 2-D Brusselator, and chained Rosenbrock as a sum of
//! elements, each against one f64 evaluation and dense chunk mode in the
//! same run. Functions written the way users write them: no `#[inline]`.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use dualgrad::chunk;
use dualgrad::sparse::{
    self, GradientOfSumConfig, HessianOfSumConfig, JacobianConfig, color_columns, jacobian_pattern,
};
use dualgrad::{Dual, VectorFn};
use num_traits::Float;

use super::functions::rosenbrock;
use super::group;

/// The 1-D Bratu residual, λ = 1, on n interior points.
pub struct Bratu;

impl VectorFn for Bratu {
    fn outputs(&self, inputs: usize) -> usize {
        inputs
    }

    fn eval<S: Float>(&self, u: &[S], out: &mut [S]) {
        let n = u.len();
        let h = 1.0 / (n as f64 + 1.0);
        let inverse_h2 = S::from(1.0 / (h * h)).unwrap();
        let (two, lambda) = (S::from(2.0).unwrap(), S::one());
        for i in 0..n {
            let left = if i > 0 { u[i - 1] } else { S::zero() };
            let right = if i + 1 < n { u[i + 1] } else { S::zero() };
            out[i] = (left - two * u[i] + right) * inverse_h2 + lambda * u[i].exp();
        }
    }
}

/// The 2-D Brusselator reaction–diffusion residual of the SciML
/// benchmarks: species u and v on a periodic N × N grid, A = 3.4, B = 1,
/// α = 10/Δx², the forcing off (t < 1.1). Inputs are u then v, row-major.
pub struct Brusselator {
    pub size: usize,
}

impl VectorFn for Brusselator {
    fn outputs(&self, inputs: usize) -> usize {
        inputs
    }

    fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
        let n = self.size;
        let dx = 1.0 / (n as f64 - 1.0);
        let alpha = S::from(10.0 / (dx * dx)).unwrap();
        let (a, b, four) = (S::from(3.4).unwrap(), S::one(), S::from(4.0).unwrap());
        let (u, v) = x.split_at(n * n);
        let (du, dv) = out.split_at_mut(n * n);
        let at = |i: usize, j: usize| i * n + j;
        for i in 0..n {
            let (up, down) = ((i + n - 1) % n, (i + 1) % n);
            for j in 0..n {
                let (left, right) = ((j + n - 1) % n, (j + 1) % n);
                let k = at(i, j);
                let (uk, vk) = (u[k], v[k]);
                let laplace_u =
                    u[at(up, j)] + u[at(down, j)] + u[at(i, left)] + u[at(i, right)] - four * uk;
                let laplace_v =
                    v[at(up, j)] + v[at(down, j)] + v[at(i, left)] + v[at(i, right)] - four * vk;
                let u2v = uk * uk * vk;
                du[k] = alpha * laplace_u + b + u2v - (a + S::one()) * uk;
                dv[k] = alpha * laplace_v + a * uk - u2v;
            }
        }
    }
}

/// Chained Rosenbrock as its elements: (1 − xᵢ)² and 100(xᵢ₊₁ − xᵢ²)², in
/// the order `functions::rosenbrock` adds them.
pub struct RosenbrockElements;

impl VectorFn for RosenbrockElements {
    fn outputs(&self, inputs: usize) -> usize {
        (2 * inputs).saturating_sub(1)
    }

    fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
        let hundred = S::from(100.0).unwrap();
        for i in 0..x.len() {
            out[2 * i] = (S::one() - x[i]).powi(2);
            if i + 1 < x.len() {
                out[2 * i + 1] = hundred * (x[i + 1] - x[i] * x[i]).powi(2);
            }
        }
    }
}

fn point(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
        .collect()
}

/// One Jacobian case: f64, sparse config, detection, colouring, and dense
/// chunk mode (`jacobian_with`, reused buffers) when `dense`.
fn jacobian_case<F: VectorFn>(c: &mut Criterion, name: &str, f: &F, x: &[f64], dense: bool) {
    let n = x.len();
    let m = f.outputs(n);
    let mut g = group(c, name);
    if n >= 10_000 {
        g.sample_size(10).measurement_time(Duration::from_secs(2));
    }
    let mut out = vec![0.0; m];
    g.bench_function("f64", |b| {
        b.iter(|| {
            f.eval(black_box(x), &mut out);
            black_box(&out);
        })
    });
    let mut config = JacobianConfig::new(f, x);
    g.bench_function("sparse", |b| {
        b.iter(|| black_box(config.jacobian(f, black_box(x)).unwrap()).nnz())
    });
    g.bench_function("detect", |b| {
        b.iter(|| black_box(jacobian_pattern(f, black_box(x))))
    });
    let pattern = jacobian_pattern(f, x);
    g.bench_function("color", |b| {
        b.iter(|| black_box(color_columns(black_box(&pattern))))
    });
    g.bench_function("detect+color", |b| {
        b.iter(|| black_box(color_columns(&jacobian_pattern(f, black_box(x)))))
    });
    if dense {
        let j = config.jacobian(f, x).unwrap().clone();
        let mut dense_config = chunk::JacobianConfig::<f64>::new(n, m);
        let mut dense_out = vec![0.0; m * n];
        let eval = |x: &[Dual<f64, 12>], out: &mut [Dual<f64, 12>]| f.eval(x, out);
        chunk::jacobian_with(&mut dense_config, eval, x, &mut dense_out).unwrap();
        for (i, k, &v) in j.triplet_iter() {
            assert_eq!(v, dense_out[i * n + k], "{name}: entry ({i}, {k})");
        }
        let nonzeros = dense_out.iter().filter(|v| **v != 0.0).count();
        assert_eq!(
            nonzeros,
            j.nnz(),
            "{name}: the pattern holds every non-zero"
        );
        g.sample_size(10)
            .measurement_time(Duration::from_secs(if n >= 10_000 { 20 } else { 3 }));
        g.bench_function("dense", |b| {
            b.iter(|| {
                chunk::jacobian_with(&mut dense_config, eval, black_box(x), &mut dense_out)
                    .unwrap();
                black_box(&dense_out);
            })
        });
    }
    g.finish();
    println!(
        "{name}: {} colours, largest row {}",
        config.colors(),
        config.coloring().lower_bound()
    );
}

pub fn sparse_group(c: &mut Criterion) {
    for n in [1_000, 10_000, 100_000] {
        let x: Vec<f64> = (0..n).map(|i| 0.1 * ((i as f64) * 0.01).sin()).collect();
        jacobian_case(c, &format!("sparse-bratu-{n}"), &Bratu, &x, n <= 10_000);
    }
    let brusselator = Brusselator { size: 32 };
    let x = point(2 * 32 * 32);
    jacobian_case(c, "sparse-brusselator-32", &brusselator, &x, true);

    for n in [1_000, 10_000] {
        let x = point(n);
        let f = RosenbrockElements;
        let mut g = group(c, &format!("sparse-rosenbrock-{n}"));
        g.bench_function("f64", |b| b.iter(|| rosenbrock(black_box(&x))));
        let mut gradient = GradientOfSumConfig::new(&f, &x);
        let mut out = vec![0.0; n];
        let value = gradient.gradient(&f, &x, &mut out).unwrap();
        assert!((value - rosenbrock(&x)).abs() <= 1e-12 * value.abs());
        assert_eq!(out, sparse::gradient_of_sum(&f, &x));
        g.bench_function("gradient_of_sum", |b| {
            b.iter(|| gradient.gradient(&f, black_box(&x), &mut out).unwrap())
        });
        let mut hessian = HessianOfSumConfig::new(&f, &x);
        g.bench_function("hessian_of_sum", |b| {
            b.iter(|| black_box(hessian.hessian(&f, black_box(&x)).unwrap()).nnz())
        });
        let mut dense = chunk::GradientConfig::<f64>::new(n);
        g.sample_size(10).measurement_time(Duration::from_secs(3));
        g.bench_function("dense-gradient", |b| {
            b.iter(|| {
                chunk::gradient_with(&mut dense, rosenbrock, black_box(&x), &mut out).unwrap()
            })
        });
        g.finish();
    }
}
