//! The floor: the plain `[f64; N]` dual a user could write in an afternoon,
//! with no guard of any kind. Every operation is one `array::from_fn` (or
//! `map`) over the partials. It implements `num_traits::Float`, so the zoo's
//! generic shapes run on it unchanged; dualgrad must never be slower.
//!
//! Methods the shapes never call still get a plain rule, so that a shape
//! added later cannot hit a stub.

use std::array;
use std::cmp::Ordering;
use std::num::FpCategory;
use std::ops::{Add, Div, Mul, Neg, Rem, Sub};

use num_traits::{Float, Num, NumCast, One, ToPrimitive, Zero};

#[derive(Clone, Copy, Debug)]
pub struct Floor<const N: usize> {
    pub v: f64,
    pub p: [f64; N],
}

impl<const N: usize> Floor<N> {
    pub fn constant(v: f64) -> Self {
        Floor { v, p: [0.0; N] }
    }

    pub fn variable(v: f64, i: usize) -> Self {
        Floor {
            v,
            p: array::from_fn(|j| if j == i { 1.0 } else { 0.0 }),
        }
    }

    fn chain(self, v: f64, d: f64) -> Self {
        Floor {
            v,
            p: self.p.map(|x| d * x),
        }
    }

    fn chain2(self, o: Self, v: f64, a: f64, b: f64) -> Self {
        Floor {
            v,
            p: array::from_fn(|i| a * self.p[i] + b * o.p[i]),
        }
    }
}

/// The seeded inputs, the evaluation, the partials.
pub fn gradient<const N: usize>(f: impl Fn(&[Floor<N>]) -> Floor<N>, x: [f64; N]) -> [f64; N] {
    let seeded: [Floor<N>; N] = array::from_fn(|i| Floor::variable(x[i], i));
    f(&seeded).p
}

impl<const N: usize> Add for Floor<N> {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Floor {
            v: self.v + o.v,
            p: array::from_fn(|i| self.p[i] + o.p[i]),
        }
    }
}

impl<const N: usize> Sub for Floor<N> {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Floor {
            v: self.v - o.v,
            p: array::from_fn(|i| self.p[i] - o.p[i]),
        }
    }
}

impl<const N: usize> Mul for Floor<N> {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        self.chain2(o, self.v * o.v, o.v, self.v)
    }
}

impl<const N: usize> Div for Floor<N> {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let inv = 1.0 / o.v;
        let q = self.v / o.v;
        self.chain2(o, q, inv, -q * inv)
    }
}

impl<const N: usize> Rem for Floor<N> {
    type Output = Self;
    fn rem(self, o: Self) -> Self {
        let r = self.v % o.v;
        self.chain2(o, r, 1.0, -((self.v - r) / o.v).round())
    }
}

impl<const N: usize> Neg for Floor<N> {
    type Output = Self;
    fn neg(self) -> Self {
        Floor {
            v: -self.v,
            p: self.p.map(|x| -x),
        }
    }
}

impl<const N: usize> PartialEq for Floor<N> {
    fn eq(&self, o: &Self) -> bool {
        self.v == o.v
    }
}

impl<const N: usize> PartialOrd for Floor<N> {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        self.v.partial_cmp(&o.v)
    }
}

impl<const N: usize> Zero for Floor<N> {
    fn zero() -> Self {
        Self::constant(0.0)
    }
    fn is_zero(&self) -> bool {
        self.v == 0.0
    }
}

impl<const N: usize> One for Floor<N> {
    fn one() -> Self {
        Self::constant(1.0)
    }
}

impl<const N: usize> Num for Floor<N> {
    type FromStrRadixErr = <f64 as Num>::FromStrRadixErr;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        f64::from_str_radix(s, radix).map(Self::constant)
    }
}

impl<const N: usize> ToPrimitive for Floor<N> {
    fn to_i64(&self) -> Option<i64> {
        self.v.to_i64()
    }
    fn to_u64(&self) -> Option<u64> {
        self.v.to_u64()
    }
    fn to_f64(&self) -> Option<f64> {
        Some(self.v)
    }
}

impl<const N: usize> NumCast for Floor<N> {
    fn from<T: ToPrimitive>(n: T) -> Option<Self> {
        n.to_f64().map(Self::constant)
    }
}

/// Smooth one-argument methods: `name(|x, v| derivative)`.
macro_rules! smooth {
    ($($name:ident(|$x:ident, $v:ident| $d:expr);)+) => {$(
        fn $name(self) -> Self {
            let $x = self.v;
            let $v = $x.$name();
            self.chain($v, $d)
        }
    )+};
}

/// Piecewise-constant methods: slope 0.
macro_rules! flat {
    ($($name:ident),+) => {$(
        fn $name(self) -> Self {
            Self::constant(self.v.$name())
        }
    )+};
}

/// Methods that only look at the value.
macro_rules! value_only {
    ($($name:ident -> $t:ty),+) => {$(
        fn $name(self) -> $t {
            self.v.$name()
        }
    )+};
}

impl<const N: usize> Float for Floor<N> {
    smooth! {
        sqrt(|_x, v| 0.5 / v);
        cbrt(|_x, v| 1.0 / (3.0 * v * v));
        recip(|_x, v| -v * v);
        exp(|_x, v| v);
        exp2(|_x, v| v * std::f64::consts::LN_2);
        exp_m1(|x, _v| x.exp());
        ln(|x, _v| 1.0 / x);
        log2(|x, _v| 1.0 / (x * std::f64::consts::LN_2));
        log10(|x, _v| 1.0 / (x * std::f64::consts::LN_10));
        ln_1p(|x, _v| 1.0 / (1.0 + x));
        sin(|x, _v| x.cos());
        cos(|x, _v| -x.sin());
        tan(|_x, v| 1.0 + v * v);
        asin(|x, _v| 1.0 / (1.0 - x * x).sqrt());
        acos(|x, _v| -1.0 / (1.0 - x * x).sqrt());
        atan(|x, _v| 1.0 / (1.0 + x * x));
        sinh(|x, _v| x.cosh());
        cosh(|x, _v| x.sinh());
        tanh(|_x, v| 1.0 - v * v);
        asinh(|x, _v| 1.0 / (x * x + 1.0).sqrt());
        acosh(|x, _v| 1.0 / (x * x - 1.0).sqrt());
        atanh(|x, _v| 1.0 / (1.0 - x * x));
        to_degrees(|_x, _v| 1.0_f64.to_degrees());
        to_radians(|_x, _v| 1.0_f64.to_radians());
        abs(|x, _v| if x > 0.0 { 1.0 } else if x < 0.0 { -1.0 } else { 0.0 });
    }
    flat!(floor, ceil, round, trunc, signum);
    value_only!(
        is_nan -> bool,
        is_infinite -> bool,
        is_finite -> bool,
        is_normal -> bool,
        classify -> FpCategory,
        is_sign_positive -> bool,
        is_sign_negative -> bool,
        integer_decode -> (u64, i16, i8)
    );

    fn nan() -> Self {
        Self::constant(f64::NAN)
    }
    fn infinity() -> Self {
        Self::constant(f64::INFINITY)
    }
    fn neg_infinity() -> Self {
        Self::constant(f64::NEG_INFINITY)
    }
    fn neg_zero() -> Self {
        Self::constant(-0.0)
    }
    fn min_value() -> Self {
        Self::constant(f64::MIN)
    }
    fn min_positive_value() -> Self {
        Self::constant(f64::MIN_POSITIVE)
    }
    fn max_value() -> Self {
        Self::constant(f64::MAX)
    }
    fn epsilon() -> Self {
        Self::constant(f64::EPSILON)
    }
    fn fract(self) -> Self {
        Floor {
            v: self.v.fract(),
            p: self.p,
        }
    }
    fn mul_add(self, a: Self, b: Self) -> Self {
        self * a + b
    }
    fn powi(self, n: i32) -> Self {
        let d = n as f64 * self.v.powi(n - 1);
        self.chain(self.v.powi(n), d)
    }
    fn powf(self, n: Self) -> Self {
        let v = self.v.powf(n.v);
        self.chain2(n, v, n.v * self.v.powf(n.v - 1.0), v * self.v.ln())
    }
    fn log(self, base: Self) -> Self {
        self.ln() / base.ln()
    }
    fn max(self, o: Self) -> Self {
        if o.v > self.v { o } else { self }
    }
    fn min(self, o: Self) -> Self {
        if o.v < self.v { o } else { self }
    }
    fn abs_sub(self, o: Self) -> Self {
        if self.v > o.v { self - o } else { Self::zero() }
    }
    fn hypot(self, o: Self) -> Self {
        let h = self.v.hypot(o.v);
        self.chain2(o, h, self.v / h, o.v / h)
    }
    fn atan2(self, o: Self) -> Self {
        let r2 = self.v * self.v + o.v * o.v;
        self.chain2(o, self.v.atan2(o.v), o.v / r2, -self.v / r2)
    }
    fn sin_cos(self) -> (Self, Self) {
        let (s, c) = self.v.sin_cos();
        (self.chain(s, c), self.chain(c, -s))
    }
}
