//! The benchmarked functions, each written the way its users write it:
//! generic over `num_traits::Float` for f64 and dualgrad, generic over
//! `DualNum` for num-dual (which has no `Float`), and by hand.

use num_dual::DualNum;
use num_traits::Float;

/// Rosenbrock with every coordinate's (1 − xᵢ)² term, so that N = 1 is
/// defined: Σᵢ (1 − xᵢ)² + Σᵢ<ₙ₋₁ 100(xᵢ₊₁ − xᵢ²)².
#[inline]
pub fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    let mut sum = S::zero();
    for i in 0..x.len() {
        sum = sum + (S::one() - x[i]).powi(2);
        if i + 1 < x.len() {
            sum = sum + hundred * (x[i + 1] - x[i] * x[i]).powi(2);
        }
    }
    sum
}

#[inline]
pub fn rosenbrock_num_dual<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let hundred = D::from(100.0);
    let mut sum = D::from(0.0);
    for i in 0..x.len() {
        sum += (D::from(1.0) - x[i].clone()).powi(2);
        if i + 1 < x.len() {
            sum += hundred.clone() * (x[i + 1].clone() - x[i].clone() * x[i].clone()).powi(2);
        }
    }
    sum
}

#[inline]
pub fn rosenbrock_hessian<const N: usize>(x: &[f64; N]) -> [[f64; N]; N] {
    let mut h = [[0.0; N]; N];
    for i in 0..N {
        h[i][i] += 2.0;
        if i + 1 < N {
            h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1];
            h[i + 1][i + 1] += 200.0;
            h[i][i + 1] = -400.0 * x[i];
            h[i + 1][i] = -400.0 * x[i];
        }
    }
    h
}

/// Ackley: 20 + e − 20·exp(−0.2·√(Σxᵢ²/n)) − exp(Σcos(2πxᵢ)/n).
#[inline]
pub fn ackley<S: Float>(x: &[S]) -> S {
    let n = S::from(x.len()).unwrap();
    let tau = S::from(std::f64::consts::TAU).unwrap();
    let twenty = S::from(20.0).unwrap();
    let fifth = S::from(0.2).unwrap();
    let squares = x.iter().fold(S::zero(), |s, &v| s + v * v);
    let cosines = x.iter().fold(S::zero(), |s, &v| s + (tau * v).cos());
    twenty + S::from(std::f64::consts::E).unwrap()
        - twenty * (-fifth * (squares / n).sqrt()).exp()
        - (cosines / n).exp()
}

#[inline]
pub fn ackley_gradient<const N: usize>(x: &[f64; N]) -> [f64; N] {
    let n = N as f64;
    let tau = std::f64::consts::TAU;
    let r = (x.iter().map(|v| v * v).sum::<f64>() / n).sqrt();
    let a = (-0.2 * r).exp();
    let b = (x.iter().map(|v| (tau * v).cos()).sum::<f64>() / n).exp();
    std::array::from_fn(|i| 4.0 * a * x[i] / (n * r) + tau * b * (tau * x[i]).sin() / n)
}

/// One observation of NIST's Rat43: y − b₁ / (1 + exp(b₂ − b₃x))^(1/b₄).
pub const RAT43_POINT: (f64, f64) = (9.0, 440.0);
pub const RAT43_PARAMETERS: [f64; 4] = [699.6415, 5.2771, 0.7596, 1.2792];

#[inline]
pub fn rat43<S: Float>(b: &[S], x: S, y: S) -> S {
    y - b[0] / (S::one() + (b[1] - b[2] * x).exp()).powf(b[3].recip())
}

#[inline]
pub fn rat43_num_dual<D: DualNum<Primitive = f64>>(b: &[D], x: f64, y: f64) -> D {
    let base = (b[1].clone() - b[2].clone() * x).exp() + 1.0;
    -(b[0].clone() / base.powd(b[3].recip())) + y
}

/// The residual and its gradient, hand-optimised as in Ceres' comparison:
/// shared subexpressions computed once.
#[inline]
pub fn rat43_analytic(b: &[f64; 4], x: f64, y: f64) -> (f64, [f64; 4]) {
    let e = (b[1] - b[2] * x).exp();
    let u = 1.0 + e;
    let inv_b4 = 1.0 / b[3];
    let p = u.powf(-inv_b4);
    let b1p = b[0] * p;
    let common = b1p * e * inv_b4 / u;
    (
        y - b1p,
        [-p, common, -common * x, -b1p * u.ln() * inv_b4 * inv_b4],
    )
}

/// A small neural layer y = tanh(Wx + b), 8 inputs and 8 outputs.
pub const LAYER: usize = 8;

#[inline]
pub fn layer_weights() -> ([[f64; LAYER]; LAYER], [f64; LAYER]) {
    let w = std::array::from_fn(|i| {
        std::array::from_fn(|j| ((i * LAYER + j) as f64 * 0.37).sin() * 0.5)
    });
    let b = std::array::from_fn(|i| (i as f64 * 0.71).cos() * 0.1);
    (w, b)
}

#[inline]
pub fn layer<S: Float>(x: &[S], w: &[[f64; LAYER]; LAYER], b: &[f64; LAYER]) -> [S; LAYER] {
    std::array::from_fn(|i| {
        let mut z = S::from(b[i]).unwrap();
        for j in 0..LAYER {
            z = z + S::from(w[i][j]).unwrap() * x[j];
        }
        z.tanh()
    })
}

#[inline]
pub fn layer_num_dual<D: DualNum<Primitive = f64>>(
    x: &[D],
    w: &[[f64; LAYER]; LAYER],
    b: &[f64; LAYER],
) -> Vec<D> {
    (0..LAYER)
        .map(|i| {
            let mut z = D::from(b[i]);
            for j in 0..LAYER {
                z += x[j].clone() * w[i][j];
            }
            z.tanh()
        })
        .collect()
}

#[inline]
pub fn layer_jacobian(
    x: &[f64; LAYER],
    w: &[[f64; LAYER]; LAYER],
    b: &[f64; LAYER],
) -> [[f64; LAYER]; LAYER] {
    let y: [f64; LAYER] = layer(x, w, b);
    std::array::from_fn(|i| std::array::from_fn(|j| (1.0 - y[i] * y[i]) * w[i][j]))
}

/// Central differences with steps ∛ε·max(|xᵢ|, 1): 2N evaluations of f.
pub fn central_differences<const N: usize>(f: impl Fn(&[f64]) -> f64, x: &[f64; N]) -> [f64; N] {
    let mut point = *x;
    std::array::from_fn(|i| {
        let h = f64::EPSILON.cbrt() * x[i].abs().max(1.0);
        point[i] = x[i] + h;
        let up = f(&point);
        point[i] = x[i] - h;
        let down = f(&point);
        point[i] = x[i];
        (up - down) / (2.0 * h)
    })
}
