//! The floor: the 20-line `[f64; N]` dual a user could write in an
//! afternoon. dualgrad must never be slower than this.

use std::ops::{Add, Div, Mul, Sub};

#[derive(Clone, Copy)]
pub struct Floor<const N: usize> {
    pub v: f64,
    pub p: [f64; N],
}

impl<const N: usize> Floor<N> {
    pub fn constant(v: f64) -> Self {
        Floor { v, p: [0.0; N] }
    }
    pub fn variable(v: f64, i: usize) -> Self {
        let mut p = [0.0; N];
        p[i] = 1.0;
        Floor { v, p }
    }
    fn chain(self, v: f64, d: f64) -> Self {
        Floor {
            v,
            p: self.p.map(|x| d * x),
        }
    }
    pub fn exp(self) -> Self {
        let e = self.v.exp();
        self.chain(e, e)
    }
    pub fn cos(self) -> Self {
        self.chain(self.v.cos(), -self.v.sin())
    }
    /// x² as `powi(2)` computes it: value x·x, slope 2x.
    pub fn square(self) -> Self {
        self.chain(self.v * self.v, 2.0 * self.v)
    }
    pub fn sqrt(self) -> Self {
        let s = self.v.sqrt();
        self.chain(s, 0.5 / s)
    }
}

impl<const N: usize> Add for Floor<N> {
    type Output = Self;
    fn add(mut self, o: Self) -> Self {
        for (a, b) in self.p.iter_mut().zip(o.p) {
            *a += b;
        }
        Floor {
            v: self.v + o.v,
            p: self.p,
        }
    }
}

impl<const N: usize> Sub for Floor<N> {
    type Output = Self;
    fn sub(mut self, o: Self) -> Self {
        for (a, b) in self.p.iter_mut().zip(o.p) {
            *a -= b;
        }
        Floor {
            v: self.v - o.v,
            p: self.p,
        }
    }
}

impl<const N: usize> Mul for Floor<N> {
    type Output = Self;
    fn mul(mut self, o: Self) -> Self {
        for (a, b) in self.p.iter_mut().zip(o.p) {
            *a = *a * o.v + self.v * b;
        }
        Floor {
            v: self.v * o.v,
            p: self.p,
        }
    }
}

impl<const N: usize> Div for Floor<N> {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let inv = 1.0 / o.v;
        let q = self.v / o.v;
        let mut p = self.p;
        for (a, b) in p.iter_mut().zip(o.p) {
            *a = *a * inv - q * inv * b;
        }
        Floor { v: q, p }
    }
}

pub fn gradient<const N: usize>(f: impl Fn(&[Floor<N>]) -> Floor<N>, x: [f64; N]) -> [f64; N] {
    let seeded: [Floor<N>; N] = std::array::from_fn(|i| Floor::variable(x[i], i));
    f(&seeded).p
}

/// Rosenbrock on the floor dual: the same operations, in the same order,
/// as `functions::rosenbrock` performs on any `Float`.
#[inline]
pub fn rosenbrock<const N: usize>(x: &[Floor<N>]) -> Floor<N> {
    let hundred = Floor::constant(100.0);
    let mut sum = Floor::constant(0.0);
    for i in 0..x.len() {
        sum = sum + (Floor::constant(1.0) - x[i]).square();
        if i + 1 < x.len() {
            sum = sum + hundred * (x[i + 1] - x[i] * x[i]).square();
        }
    }
    sum
}

/// Ackley on the floor dual, the same operations as `functions::ackley`.
#[inline]
pub fn ackley<const N: usize>(x: &[Floor<N>]) -> Floor<N> {
    let c = Floor::constant;
    let (n, tau, twenty, fifth) = (c(x.len() as f64), c(std::f64::consts::TAU), c(20.0), c(0.2));
    let mut squares = c(0.0);
    let mut cosines = c(0.0);
    for &v in x {
        squares = squares + v * v;
    }
    for &v in x {
        cosines = cosines + (tau * v).cos();
    }
    twenty + c(std::f64::consts::E)
        - twenty * (c(0.0) - fifth * (squares / n).sqrt()).exp()
        - (cosines / n).exp()
}
