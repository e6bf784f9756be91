//! The zoo's shapes on ad_trait's `AD` numbers (ad_trait implements no
//! `num_traits::Float`; its numbers are nalgebra `RealField`s). Same
//! operations in the same order as `shapes.rs`; constants from
//! `T::constant(c)`, ad_trait's idiom, as `S::from(c)` is ours.

// Index loops and `sum = sum + …` on purpose: the same code as `shapes.rs`,
// whose `Float` bound has no `+=`.
#![allow(clippy::needless_range_loop, clippy::assign_op_pattern)]

use ad_trait::AD;
use ad_trait::forward_ad::adfn::adfn;
use ad_trait::nalgebra::{ComplexField, RealField};

fn c<T: AD>(v: f64) -> T {
    T::constant(v)
}

/// ad_trait's forward-mode gradient of `f` at `x`: the inputs seeded with
/// unit tangents by hand (ad_trait's own engine adds a `Vec` per call).
pub fn gradient<const N: usize>(f: impl Fn(&[adfn<N>]) -> adfn<N>, x: [f64; N]) -> [f64; N] {
    let seeded: [adfn<N>; N] = std::array::from_fn(|i| {
        adfn::new(
            x[i],
            std::array::from_fn(|j| if i == j { 1.0 } else { 0.0 }),
        )
    });
    f(&seeded).tangent()
}

pub fn rosenbrock<T: AD>(x: &[T]) -> T {
    let h: T = c(100.0);
    let mut sum = T::zero();
    for i in 0..x.len() {
        let b = T::one() - x[i];
        sum = sum + b * b;
        if i + 1 < x.len() {
            let a = x[i + 1] - x[i] * x[i];
            sum = sum + h * a * a;
        }
    }
    sum
}

pub fn poly_mean<T: AD>(x: &[T]) -> T {
    let mut sum = T::zero();
    for i in 0..x.len() {
        sum = sum + x[i];
    }
    let m = sum / c::<T>(x.len() as f64);
    c::<T>(1.0) + c::<T>(2.0) * m - c::<T>(3.0) * m * m + c::<T>(0.5) * m * m * m + m * m * m * m
}

pub fn neighbours<T: AD>(x: &[T]) -> T {
    let half: T = c(0.5);
    let mut sum = T::zero();
    for i in 0..x.len() {
        sum = sum + half * x[i] * x[i];
        if i + 1 < x.len() {
            sum = sum + x[i] * x[i + 1];
        }
    }
    sum
}

pub fn rational<T: AD>(x: &[T]) -> T {
    let n = x.len();
    let mut sum = T::zero();
    for i in 0..n {
        let j = (i + 1) % n;
        sum = sum + (x[i] - x[j]) / (T::one() + x[i] * x[i] + x[j] * x[j]);
    }
    sum
}

pub fn pair_potential<T: AD>(x: &[T]) -> T {
    let mut sum = T::zero();
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let d = x[i] - x[j];
            sum = sum + T::one() / ComplexField::sqrt(T::one() + d * d);
        }
    }
    sum
}

pub fn norm_log<T: AD>(x: &[T]) -> T {
    let two: T = c(2.0);
    let mut squares = T::zero();
    let mut logs = T::zero();
    for i in 0..x.len() {
        squares = squares + x[i] * x[i];
        logs = logs + ComplexField::ln(two + x[i]);
    }
    ComplexField::sqrt(squares) - logs
}

pub fn log_sum_exp<T: AD>(x: &[T]) -> T {
    let k: T = c(1.5);
    let mut sum = T::zero();
    for i in 0..x.len() {
        sum = sum + ComplexField::exp(k * x[i]);
    }
    ComplexField::ln(sum)
}

pub fn tanh_layer<T: AD>(x: &[T]) -> T {
    let mut out = T::zero();
    for k in 0..4 {
        let mut z: T = c(0.1 * k as f64 - 0.15);
        for i in 0..x.len() {
            let w: T = c(0.5 * ((k * 7 + i) as f64 * 0.37).sin());
            z = z + w * x[i];
        }
        out = out + ComplexField::tanh(z);
    }
    out
}

pub fn trig<T: AD>(x: &[T]) -> T {
    let n = x.len();
    let mut sum = T::zero();
    for i in 0..n {
        sum = sum + ComplexField::sin(x[i]) * ComplexField::cos(x[(i + 1) % n]);
    }
    sum
}

fn accumulate<T: AD>(v: T, sum: &mut T, squares: &mut T) {
    *sum = *sum + v;
    *squares = *squares + v * v;
}

pub fn variance<T: AD>(x: &[T]) -> T {
    let mut sum = T::zero();
    let mut squares = T::zero();
    for i in 0..x.len() {
        accumulate(x[i], &mut sum, &mut squares);
    }
    let n: T = c(x.len() as f64);
    let mean = sum / n;
    squares / n - mean * mean + mean
}

pub fn hinge<T: AD>(x: &[T]) -> T {
    let tenth: T = c(0.1);
    let half: T = c(0.5);
    let mut sum = T::zero();
    for i in 0..x.len() {
        let y: T = if i % 2 == 0 { T::one() } else { -T::one() };
        sum = sum
            + RealField::max(T::one() - y * x[i], T::zero())
            + tenth * ComplexField::abs(x[i] - half);
    }
    sum
}

pub fn ackley<T: AD>(x: &[T]) -> T {
    let n: T = c(x.len() as f64);
    let tau: T = c(std::f64::consts::TAU);
    let twenty: T = c(20.0);
    let fifth: T = c(0.2);
    let mut squares = T::zero();
    let mut cosines = T::zero();
    for i in 0..x.len() {
        squares = squares + x[i] * x[i];
        cosines = cosines + ComplexField::cos(tau * x[i]);
    }
    twenty + c::<T>(std::f64::consts::E)
        - twenty * ComplexField::exp(-fifth * ComplexField::sqrt(squares / n))
        - ComplexField::exp(cosines / n)
}

pub fn moments<T: AD>(x: &[T]) -> T {
    let (scale, shift): (T, T) = (c(0.7), c(0.1));
    let mut m = [T::zero(); 4];
    for i in 0..x.len() {
        let t = x[i] * scale + shift;
        let mut power = t;
        for k in 0..4 {
            m[k] = m[k] + power;
            power = power * t;
        }
    }
    let n: T = c(x.len() as f64);
    let mean = m[0] / n;
    m[1] / n - mean * mean + c::<T>(0.25) * m[2] / n - c::<T>(0.125) * m[3] / n
}

pub fn quadform<T: AD>(x: &[T]) -> T {
    let n = x.len();
    let mut sum = T::zero();
    for i in 0..n {
        let mut row = T::zero();
        for j in 0..n {
            let a: T = c(1.0 / (1.0 + (i as f64 - j as f64).abs()));
            row = row + a * x[j];
        }
        let b: T = c(0.1 * i as f64 - 0.3);
        sum = sum + c::<T>(0.5) * x[i] * row + b * x[i];
    }
    sum
}

pub fn gauss_loglik<T: AD>(x: &[T]) -> T {
    let sigma: T = c(0.8);
    let two: T = c(2.0);
    let mut sum = T::zero();
    for i in 0..x.len() {
        let y: T = c((i as f64 * 0.9).cos());
        let r = y - x[i];
        sum = sum + r * r / (two * sigma * sigma);
    }
    sum + c::<T>(x.len() as f64) * ComplexField::ln(sigma)
}

pub fn lj_pairs<T: AD>(x: &[T]) -> T {
    let epsilon: T = c(0.3);
    let sigma: T = c(0.9);
    let four: T = c(4.0);
    let mut sum = T::zero();
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let r = c::<T>((j - i) as f64) + x[j] - x[i];
            let s2 = (sigma / r) * (sigma / r);
            let s6 = s2 * s2 * s2;
            sum = sum + four * epsilon * (s6 * s6 - s6);
        }
    }
    sum
}
