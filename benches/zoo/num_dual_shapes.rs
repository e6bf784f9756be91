//! The zoo's shapes on num-dual's `DualNum` (num-dual implements no
//! `Float`, and its vector dual is `Clone` but not `Copy`, so the generic
//! shapes cannot run on it). Same operations in the same order as
//! `shapes.rs`; constants as `f64` operands, num-dual's idiom.

use num_dual::DualNum;

pub fn rosenbrock<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    for i in 0..x.len() {
        let b = -x[i].clone() + 1.0;
        sum += b.clone() * b;
        if i + 1 < x.len() {
            let a = x[i + 1].clone() - x[i].clone() * x[i].clone();
            sum += a.clone() * 100.0 * a;
        }
    }
    sum
}

pub fn poly_mean<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    for v in x {
        sum += v.clone();
    }
    let m = sum / x.len() as f64;
    let m2 = m.clone() * m.clone();
    m.clone() * 2.0 + 1.0 - m2.clone() * 3.0 + m2.clone() * m.clone() * 0.5 + m2.clone() * m2
}

pub fn neighbours<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    for i in 0..x.len() {
        sum += x[i].clone() * 0.5 * x[i].clone();
        if i + 1 < x.len() {
            sum += x[i].clone() * x[i + 1].clone();
        }
    }
    sum
}

pub fn rational<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let n = x.len();
    let mut sum = D::from(0.0);
    for i in 0..n {
        let j = (i + 1) % n;
        let denominator = x[i].clone() * x[i].clone() + 1.0 + x[j].clone() * x[j].clone();
        sum += (x[i].clone() - x[j].clone()) / denominator;
    }
    sum
}

pub fn pair_potential<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let d = x[i].clone() - x[j].clone();
            sum += (d.clone() * d + 1.0).sqrt().recip();
        }
    }
    sum
}

pub fn norm_log<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut squares = D::from(0.0);
    let mut logs = D::from(0.0);
    for v in x {
        squares += v.clone() * v.clone();
        logs += (v.clone() + 2.0).ln();
    }
    squares.sqrt() - logs
}

pub fn log_sum_exp<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    for v in x {
        sum += (v.clone() * 1.5).exp();
    }
    sum.ln()
}

pub fn tanh_layer<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut out = D::from(0.0);
    for k in 0..4 {
        let mut z = D::from(0.1 * k as f64 - 0.15);
        for (i, v) in x.iter().enumerate() {
            z += v.clone() * (0.5 * ((k * 7 + i) as f64 * 0.37).sin());
        }
        out += z.tanh();
    }
    out
}

pub fn trig<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let n = x.len();
    let mut sum = D::from(0.0);
    for i in 0..n {
        sum += x[i].sin() * x[(i + 1) % n].cos();
    }
    sum
}

fn accumulate<D: DualNum<Primitive = f64>>(v: &D, sum: &mut D, squares: &mut D) {
    *sum += v.clone();
    *squares += v.clone() * v.clone();
}

pub fn variance<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    let mut squares = D::from(0.0);
    for v in x {
        accumulate(v, &mut sum, &mut squares);
    }
    let n = x.len() as f64;
    let mean = sum / n;
    squares / n - mean.clone() * mean.clone() + mean
}

pub fn hinge<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut sum = D::from(0.0);
    for (i, v) in x.iter().enumerate() {
        let y = if i % 2 == 0 { 1.0 } else { -1.0 };
        let margin = -(v.clone() * y) + 1.0;
        let margin = if margin.re() > 0.0 {
            margin
        } else {
            D::from(0.0)
        };
        let offset = v.clone() - 0.5;
        let magnitude = if offset.re() < 0.0 { -offset } else { offset };
        sum += margin + magnitude * 0.1;
    }
    sum
}

pub fn ackley<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let n = x.len() as f64;
    let tau = std::f64::consts::TAU;
    let mut squares = D::from(0.0);
    let mut cosines = D::from(0.0);
    for v in x {
        squares += v.clone() * v.clone();
        cosines += (v.clone() * tau).cos();
    }
    D::from(20.0 + std::f64::consts::E)
        - (-(squares / n).sqrt() * 0.2).exp() * 20.0
        - (cosines / n).exp()
}

pub fn moments<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let mut m = [D::from(0.0), D::from(0.0), D::from(0.0), D::from(0.0)];
    for v in x {
        let t = v.clone() * 0.7 + 0.1;
        let mut power = t.clone();
        for mk in m.iter_mut() {
            *mk += power.clone();
            power *= t.clone();
        }
    }
    let n = x.len() as f64;
    let [m0, m1, m2, m3] = m;
    let mean = m0 / n;
    m1 / n - mean.clone() * mean + m2 * 0.25 / n - m3 * 0.125 / n
}

pub fn quadform<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let n = x.len();
    let mut sum = D::from(0.0);
    for i in 0..n {
        let mut row = D::from(0.0);
        for (j, v) in x.iter().enumerate() {
            row += v.clone() * (1.0 / (1.0 + (i as f64 - j as f64).abs()));
        }
        sum += x[i].clone() * 0.5 * row + x[i].clone() * (0.1 * i as f64 - 0.3);
    }
    sum
}

pub fn gauss_loglik<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let sigma: f64 = 0.8;
    let mut sum = D::from(0.0);
    for (i, v) in x.iter().enumerate() {
        let r = -v.clone() + (i as f64 * 0.9).cos();
        sum += r.clone() * r / (2.0 * sigma * sigma);
    }
    sum + x.len() as f64 * sigma.ln()
}

pub fn lj_pairs<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    let (epsilon, sigma) = (0.3, 0.9);
    let mut sum = D::from(0.0);
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            let r = x[j].clone() - x[i].clone() + (j - i) as f64;
            let q = r.recip() * sigma;
            let s2 = q.clone() * q;
            let s6 = s2.clone() * s2.clone() * s2;
            sum += (s6.clone() * s6.clone() - s6) * (4.0 * epsilon);
        }
    }
    sum
}
