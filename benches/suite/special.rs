//! The special functions (feature `special`): each function's value and
//! first derivative through `Dual<f64, 1>` against the plain f64 value, and
//! two ln Γ-heavy log-likelihoods (negative binomial, N = 2; Dirichlet,
//! N = 4): f64, gradient (`Dual`) and Hessian (`Dual2`).
//!
//! Every output goes through `black_box`, the functions below carry no
//! `#[inline]`, and the ratios compare medians from the same run.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};
use dualgrad::special::SpecialFloat;
use dualgrad::{Dual, gradient, hessian};

use crate::group;

/// The functions benchmarked, by name: `|x, c| expression` with x the
/// argument (2.7: away from poles and zeros) and c = 1.9 a constant (β's
/// b; P's and Q's shape). Each gets a f64 and a `Dual<f64, 1>` case.
macro_rules! special_benches {
    ($g:expr; $($name:literal => |$x:ident, $c:ident| $e:expr;)+) => {$(
        $g.bench_function(BenchmarkId::new("f64", $name), |b| {
            let $c = 1.9_f64;
            b.iter(|| {
                let $x = black_box(2.7_f64);
                $e
            })
        });
        $g.bench_function(BenchmarkId::new("Dual1", $name), |b| {
            let $c = Dual::<f64, 1>::constant(1.9);
            b.iter(|| {
                let $x = black_box(Dual::<f64, 1>::variable(2.7, 0));
                $e
            })
        });
    )+};
}

/// The names in the order of the report.
pub const FUNCTIONS: [&str; 18] = [
    "erf_fn",
    "erfc_fn",
    "erf_inv",
    "gamma_fn",
    "ln_gamma_fn",
    "digamma",
    "trigamma",
    "polygamma(3)",
    "beta",
    "ln_beta",
    "gamma_p",
    "gamma_q",
    "bessel_j0",
    "bessel_j1",
    "bessel_jn(5)",
    "bessel_y0",
    "bessel_y1",
    "bessel_yn(5)",
];

/// Counts for the negative binomial (fixed, made up, overdispersed).
const COUNTS: [f64; 40] = [
    3.0, 0.0, 7.0, 2.0, 11.0, 4.0, 1.0, 5.0, 9.0, 0.0, 2.0, 6.0, 14.0, 3.0, 1.0, 8.0, 2.0, 0.0,
    4.0, 5.0, 12.0, 1.0, 3.0, 7.0, 0.0, 2.0, 9.0, 4.0, 6.0, 1.0, 3.0, 18.0, 2.0, 5.0, 0.0, 7.0,
    4.0, 2.0, 10.0, 3.0,
];

/// The negative binomial log-likelihood in (r, p):
/// Σ ln Γ(y + r) − ln Γ(r) − ln Γ(y + 1) + r·ln p + y·ln(1 − p).
pub fn negative_binomial<S: SpecialFloat>(q: &[S]) -> S {
    let (r, p) = (q[0], q[1]);
    COUNTS.iter().fold(S::zero(), |sum, &y| {
        let y = S::from(y).unwrap();
        sum + (y + r).ln_gamma_fn() - r.ln_gamma_fn() - (y + S::one()).ln_gamma_fn()
            + r * p.ln()
            + y * (S::one() - p).ln()
    })
}

/// Proportions for the Dirichlet log-likelihood: 20 points on the simplex.
fn proportions() -> [[f64; 4]; 20] {
    std::array::from_fn(|i| {
        let w: [f64; 4] = std::array::from_fn(|j| 1.0 + ((i * 4 + j) as f64 * 0.77).sin());
        let total: f64 = w.iter().sum();
        w.map(|v| v / total)
    })
}

/// The Dirichlet log-likelihood in α ∈ ℝ⁴:
/// Σᵢ ln Γ(Σⱼ αⱼ) − Σⱼ ln Γ(αⱼ) + Σⱼ (αⱼ − 1)·ln xᵢⱼ.
pub fn dirichlet<S: SpecialFloat>(alpha: &[S]) -> S {
    let total = alpha.iter().fold(S::zero(), |s, &a| s + a);
    proportions().iter().fold(S::zero(), |sum, x| {
        let mut term = total.ln_gamma_fn();
        for (&a, &xj) in alpha.iter().zip(x) {
            term = term - a.ln_gamma_fn() + (a - S::one()) * S::from(xj).unwrap().ln();
        }
        sum + term
    })
}

pub fn special_group(c: &mut Criterion) {
    let mut g = group(c, "special");
    special_benches! {g;
        "erf_fn" => |x, _c| x.erf_fn();
        "erfc_fn" => |x, _c| x.erfc_fn();
        "erf_inv" => |x, c| (x - c).erf_inv();
        "gamma_fn" => |x, _c| x.gamma_fn();
        "ln_gamma_fn" => |x, _c| x.ln_gamma_fn();
        "digamma" => |x, _c| x.digamma();
        "trigamma" => |x, _c| x.trigamma();
        "polygamma(3)" => |x, _c| x.polygamma(3);
        "beta" => |x, c| x.beta(c);
        "ln_beta" => |x, c| x.ln_beta(c);
        "gamma_p" => |x, c| c.gamma_p(x);
        "gamma_q" => |x, c| c.gamma_q(x);
        "bessel_j0" => |x, _c| x.bessel_j0();
        "bessel_j1" => |x, _c| x.bessel_j1();
        "bessel_jn(5)" => |x, _c| x.bessel_jn(5);
        "bessel_y0" => |x, _c| x.bessel_y0();
        "bessel_y1" => |x, _c| x.bessel_y1();
        "bessel_yn(5)" => |x, _c| x.bessel_yn(5);
    }
    g.finish();

    let mut g = group(c, "special-loglik");
    let q = [2.1, 0.35];
    g.bench_with_input(BenchmarkId::new("f64", "negbin-2"), &q, |b, q| {
        b.iter(|| negative_binomial(black_box(&q[..])))
    });
    g.bench_with_input(BenchmarkId::new("gradient", "negbin-2"), &q, |b, q| {
        b.iter(|| gradient(negative_binomial, black_box(*q)))
    });
    g.bench_with_input(BenchmarkId::new("hessian", "negbin-2"), &q, |b, q| {
        b.iter(|| hessian(negative_binomial, black_box(*q)))
    });
    let alpha = [1.3, 2.2, 0.9, 3.1];
    g.bench_with_input(BenchmarkId::new("f64", "dirichlet-4"), &alpha, |b, a| {
        b.iter(|| dirichlet(black_box(&a[..])))
    });
    g.bench_with_input(
        BenchmarkId::new("gradient", "dirichlet-4"),
        &alpha,
        |b, a| b.iter(|| gradient(dirichlet, black_box(*a))),
    );
    g.bench_with_input(
        BenchmarkId::new("hessian", "dirichlet-4"),
        &alpha,
        |b, a| b.iter(|| hessian(dirichlet, black_box(*a))),
    );
    g.finish();
}
