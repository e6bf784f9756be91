//! `Real` as a user meets it: a rule of one's own written once with
//! `chain_rule` is right on every number type (nested duals' mixed terms
//! included); too few derivatives fail loudly; `logistic` and `softplus`
//! match closed forms at ordinary and extreme points; and a function that
//! uses special functions and a user rule goes to every driver.

#![allow(clippy::needless_range_loop)] // index loops over matrix entries read best here

use dualgrad::{
    Dual, Dual2, Real, ScalarFn, chunk, derivative, gradient, hessian, second_derivative,
};
use num_traits::{Float, One};

use crate::common::{assert_close, ridders};

/// σ(t) in closed form, from a formula that does not use the crate.
fn sigma(t: f64) -> f64 {
    if t >= 0.0 {
        1.0 / (1.0 + (-t).exp())
    } else {
        t.exp() / (1.0 + t.exp())
    }
}

/// A user's softplus, ln(1 + eˣ), by `chain_rule` with g, g′ = σ and
/// g″ = σ(1 − σ), generic over the primitive float as a `ScalarFn` needs.
fn user_softplus<S: Real>(x: S) -> S {
    let a = x.primitive();
    let one = <S::Primitive as One>::one();
    let s = one / (one + (-a).exp());
    x.chain_rule(&[a.exp().ln_1p(), s, s * (one - s)])
}

/// A user's cube, x³, by `chain_rule` with four derivatives (enough for
/// third order), generic over the primitive.
fn user_cube<S: Real>(x: S) -> S {
    let a = x.primitive();
    let three = <S::Primitive as num_traits::NumCast>::from(3.0).unwrap();
    let six = three + three;
    x.chain_rule(&[a * a * a, three * a * a, six * a, six])
}

#[test]
fn chain_rule_on_plain_floats_returns_the_value() {
    assert_eq!(user_softplus(0.0_f64), 2.0_f64.ln());
    assert_eq!(user_cube(2.0_f32), 8.0_f32);
}

#[test]
fn chain_rule_gives_the_gradient_on_dual() {
    // f(x, y) = softplus(x·y) + x³: ∂f/∂x = σ(xy)·y + 3x², ∂f/∂y = σ(xy)·x.
    let (x, y) = (0.7, -1.3);
    let g = gradient(|v| user_softplus(v[0] * v[1]) + user_cube(v[0]), [x, y]);
    assert_close(g[0], sigma(x * y) * y + 3.0 * x * x, 1e-15, 1e-15, "∂f/∂x");
    assert_close(g[1], sigma(x * y) * x, 1e-15, 1e-15, "∂f/∂y");
}

#[test]
fn chain_rule_gives_the_hessian_on_dual2() {
    // f(x, y) = softplus(x·y): H = σ′(xy)·[y², xy; xy, x²] + σ(xy)·[0, 1; 1, 0].
    let (x, y) = (0.7, -1.3);
    let h = hessian(|v| user_softplus(v[0] * v[1]), [x, y]);
    let (s, ds) = (sigma(x * y), sigma(x * y) * sigma(-x * y));
    let want = [[ds * y * y, ds * x * y + s], [ds * x * y + s, ds * x * x]];
    for i in 0..2 {
        for j in 0..2 {
            assert_close(h[i][j], want[i][j], 1e-15, 1e-15, &format!("H[{i}][{j}]"));
        }
    }
}

#[test]
fn chain_rule_on_nested_duals_gives_the_mixed_terms() {
    // The same Hessian by forward-over-forward nesting,
    // Dual<Dual<f64, 2>, 2>: the inner perturbation is differentiated by the outer.
    let (x, y) = (0.7, -1.3);
    let inner = |i: usize, v: f64| Dual::<f64, 2>::variable(v, i);
    let outer = |i: usize, v: f64| {
        let mut partials = [Dual::constant(0.0); 2];
        partials[i] = Dual::constant(1.0);
        Dual::new(inner(i, v), partials)
    };
    let f = user_softplus(outer(0, x) * outer(1, y));
    let (s, ds) = (sigma(x * y), sigma(x * y) * sigma(-x * y));
    let want = [[ds * y * y, ds * x * y + s], [ds * x * y + s, ds * x * x]];
    for i in 0..2 {
        for j in 0..2 {
            assert_close(
                f.partial(i).partial(j),
                want[i][j],
                1e-15,
                1e-15,
                &format!("nested H[{i}][{j}]"),
            );
        }
    }
    // And the second derivative by nesting the driver, as a user would.
    let d2 = derivative(|t| derivative(user_softplus, t), 0.4);
    assert_close(d2, sigma(0.4) * sigma(-0.4), 1e-15, 0.0, "softplus″ nested");
    assert_close(
        second_derivative(user_softplus, 0.4),
        sigma(0.4) * sigma(-0.4),
        1e-15,
        0.0,
        "softplus″ by second_derivative",
    );
}

#[test]
fn chain_rule_at_third_order_reads_the_fourth_entry() {
    // Dual<Dual2<f64, 1>, 1>: order 3. d³/dx³ x³ = 6, from derivatives[3].
    let x = Dual::<Dual2<f64, 1>, 1>::new(Dual2::variable(2.0, 0), [Dual2::constant(1.0)]);
    let y = user_cube(x);
    assert_eq!(y.value().value(), 8.0);
    assert_eq!(y.partial(0).gradient()[0], 12.0); // 6x
    assert_eq!(y.value().hessian_entry(0, 0), 12.0); // 6x
    // ∂/∂outer of the inner Hessian: the third derivative.
    let third = Dual::<Dual2<f64, 1>, 1>::new(Dual2::variable(2.0, 0), [Dual2::constant(1.0)])
        .chain_rule(&[8.0, 12.0, 12.0, 6.0]);
    assert_eq!(third.partial(0).hessian_entry(0, 0), 6.0);
}

#[test]
fn chain_rule_keeps_a_constant_constant_where_the_slope_is_infinite() {
    // g = √|x| at 0: g′ = ∞. A constant argument must keep zero partials.
    let c = Dual::<f64, 2>::constant(0.0);
    let y = c.chain_rule(&[0.0, f64::INFINITY]);
    assert_eq!(y.partials(), &[0.0, 0.0]);
    let c2 = Dual2::<f64, 2>::constant(0.0);
    let y2 = c2.chain_rule(&[0.0, f64::INFINITY, f64::NEG_INFINITY]);
    assert!(y2.is_constant());
    // A variable there gets the infinite slope.
    let v = Dual::<f64, 1>::variable(0.0, 0).chain_rule(&[0.0, f64::INFINITY]);
    assert_eq!(v.partial(0), f64::INFINITY);
}

/// The panic message of `f`, which must panic.
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).expect_err("expected a panic");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn too_few_derivatives_panic_with_the_type_and_the_count() {
    let cases: [(String, &str, &str); 4] = [
        (
            panic_message(|| {
                let _ = 1.0_f64.chain_rule(&[]);
            }),
            "f64",
            "needs 1 values",
        ),
        (
            panic_message(|| {
                let _ = Dual::<f64, 2>::variable(1.0, 0).chain_rule(&[1.0]);
            }),
            "Dual<f64, 2>",
            "needs 2 values",
        ),
        (
            panic_message(|| {
                let _ = Dual2::<f64, 2>::variable(1.0, 0).chain_rule(&[1.0, 2.0]);
            }),
            "Dual2<f64, 2>",
            "needs 3 values",
        ),
        (
            panic_message(|| {
                let x = Dual::<Dual<f64, 1>, 1>::constant(Dual::constant(1.0));
                let _ = x.chain_rule(&[1.0, 2.0]);
            }),
            "`Dual<Dual<f64, 1>, 1>::chain_rule`",
            "needs 3 values",
        ),
    ];
    for (message, type_name, count) in cases {
        assert!(
            message.contains(type_name) && message.contains(count) && message.contains("given"),
            "message {message:?} should name {type_name} and say it {count}"
        );
    }
}

/// σ⁽ᵏ⁾ for k ≤ 3 in closed form, in s = σ(a), c = σ(−a) = 1 − s.
fn logistic_closed_forms(a: f64) -> [f64; 4] {
    let (s, c) = (sigma(a), sigma(-a));
    [s, s * c, s * c * (c - s), s * c * (1.0 - 6.0 * s * c)]
}

/// Below this, at x = ±745, values are subnormal and carry no relative
/// precision.
const SUBNORMAL: f64 = 1e-307;

/// Ordinary and extreme points: both tails to where eˣ underflows.
const POINTS: [f64; 12] = [
    -745.0, -700.0, -40.0, -3.5, -0.5, 0.0, 1e-9, 0.75, 4.0, 40.0, 700.0, 745.0,
];

#[test]
fn logistic_matches_closed_forms_on_every_type() {
    for a in POINTS {
        let want = logistic_closed_forms(a);
        let what = |k: usize, ty: &str| format!("σ^({k})({a}) on {ty}");
        assert_close(a.logistic(), want[0], 1e-15, SUBNORMAL, &what(0, "f64"));
        assert_close(
            f64::from((a as f32).logistic()),
            f64::from(sigma(a) as f32),
            1e-6,
            1e-38,
            &what(0, "f32"),
        );
        let d = Dual::<f64, 1>::variable(a, 0).logistic();
        assert_close(d.partial(0), want[1], 1e-14, SUBNORMAL, &what(1, "Dual"));
        let d2 = Dual2::<f64, 1>::variable(a, 0).logistic();
        assert_close(
            d2.gradient()[0],
            want[1],
            1e-14,
            SUBNORMAL,
            &what(1, "Dual2"),
        );
        assert_close(
            d2.hessian_entry(0, 0),
            want[2],
            1e-13,
            SUBNORMAL,
            &what(2, "Dual2"),
        );
        let third =
            Dual::<Dual2<f64, 1>, 1>::new(Dual2::variable(a, 0), [Dual2::constant(1.0)]).logistic();
        assert_close(
            third.partial(0).hessian_entry(0, 0),
            want[3],
            1e-12,
            SUBNORMAL,
            &what(3, "Dual<Dual2>"),
        );
        // Never NaN, and the tails keep full relative precision.
        assert!(!d2.hessian_entry(0, 0).is_nan(), "{}", what(2, "Dual2"));
    }
    // At −700, σ = e⁻⁷⁰⁰/(1 + e⁻⁷⁰⁰) and σ′ ≈ e⁻⁷⁰⁰: relative, not absolute, precision.
    let tail = Dual::<f64, 1>::variable(-700.0, 0).logistic();
    assert_close(
        tail.partial(0) / (-700.0_f64).exp(),
        1.0,
        1e-13,
        0.0,
        "σ′(−700)/e⁻⁷⁰⁰",
    );
    let right = Dual::<f64, 1>::variable(700.0, 0).logistic();
    assert_close(
        right.partial(0) / (-700.0_f64).exp(),
        1.0,
        1e-13,
        0.0,
        "σ′(700)/e⁻⁷⁰⁰",
    );
}

#[test]
fn softplus_matches_closed_forms_on_every_type() {
    for a in POINTS {
        // ln(1 + eᵃ): a + ln(1 + e⁻ᵃ) for a > 0, ln_1p(eᵃ) otherwise.
        let value = if a > 0.0 {
            a + (-a).exp().ln_1p()
        } else {
            a.exp().ln_1p()
        };
        let what = |k: usize, ty: &str| format!("softplus^({k})({a}) on {ty}");
        assert_close(a.softplus(), value, 1e-15, 0.0, &what(0, "f64"));
        let d = Dual::<f64, 2>::variable(a, 1).softplus();
        assert_close(d.value(), value, 1e-15, 0.0, &what(0, "Dual"));
        assert_eq!(d.partial(0), 0.0);
        assert_close(d.partial(1), sigma(a), 1e-15, 0.0, &what(1, "Dual"));
        let d2 = Dual2::<f64, 1>::variable(a, 0).softplus();
        assert_close(
            d2.hessian_entry(0, 0),
            sigma(a) * sigma(-a),
            1e-14,
            0.0,
            &what(2, "Dual2"),
        );
    }
    assert_eq!(700.0_f64.softplus(), 700.0);
    assert_eq!(1000.0_f64.softplus(), 1000.0);
    assert_close(
        (-700.0_f64).softplus() / (-700.0_f64).exp(),
        1.0,
        1e-15,
        0.0,
        "softplus(−700)",
    );
    // IEEE at the ends of the line: no NaN from ∞ − ∞.
    assert_eq!(f64::INFINITY.softplus(), f64::INFINITY);
    assert_eq!(f64::NEG_INFINITY.softplus(), 0.0);
    assert_eq!(f64::INFINITY.logistic(), 1.0);
    assert_eq!(f64::NEG_INFINITY.logistic(), 0.0);
    assert!(f64::NAN.softplus().is_nan() && f64::NAN.logistic().is_nan());
}

#[test]
fn logistic_and_softplus_match_extrapolated_differences() {
    for a in [-2.0, -0.3, 0.6, 3.0] {
        let (slope, _) = ridders(|t| t.softplus(), a, 0.1);
        assert_close(
            Dual::<f64, 1>::variable(a, 0).softplus().partial(0),
            slope,
            1e-12,
            0.0,
            "softplus′",
        );
        let (curvature, _) = ridders(|t| t.logistic(), a, 0.1);
        assert_close(
            Dual::<f64, 1>::variable(a, 0).logistic().partial(0),
            curvature,
            1e-12,
            0.0,
            "σ′",
        );
    }
}

#[cfg(feature = "sparse")]
#[test]
fn logistic_and_softplus_on_the_tracer_keep_the_dependency() {
    {
        struct Mixed;
        impl dualgrad::VectorFn for Mixed {
            fn outputs(&self, _: usize) -> usize {
                2
            }
            fn eval<S: Real>(&self, x: &[S], out: &mut [S]) {
                out[0] = x[0].logistic() + x[1].floor();
                out[1] = x[2].softplus();
            }
        }
        let pattern = dualgrad::sparse::jacobian_pattern(&Mixed, &[0.5, 1.5, -2.0]);
        let rows: Vec<Vec<usize>> = (0..2).map(|r| pattern.lane(r).to_vec()).collect();
        assert_eq!(rows, [vec![0], vec![2]]);
    }
}

// ---------------------------------------------------------------------------
// A negative-binomial regression, written once, through every driver.
#[cfg(feature = "special")]
mod negative_binomial {
    use super::*;

    /// Counts yᵢ at covariates tᵢ, overdispersed (variance well above the
    /// mean), so that the dispersion's MLE is finite.
    const DATA: [(f64, f64); 12] = [
        (0.0, 0.0),
        (0.25, 5.0),
        (0.5, 1.0),
        (0.75, 9.0),
        (1.0, 2.0),
        (1.25, 0.0),
        (1.5, 14.0),
        (1.75, 3.0),
        (2.0, 22.0),
        (2.25, 4.0),
        (2.5, 31.0),
        (2.75, 9.0),
    ];

    /// The negative log-likelihood of a negative-binomial regression with mean
    /// μᵢ = exp(β₀ + β₁tᵢ) and dispersion r = softplus(θ) (a user rule built on
    /// `chain_rule`), p = (θ, β₀, β₁):
    /// −Σ [ln Γ(yᵢ + r) − ln Γ(r) − ln Γ(yᵢ + 1) + r·ln(r/(r + μᵢ)) + yᵢ·ln(μᵢ/(r + μᵢ))].
    fn nll<S: Real>(p: &[S]) -> S {
        let c = |v: f64| S::from(v).unwrap();
        let r = user_softplus(p[0]);
        let mut total = S::zero();
        for &(t, y) in &DATA {
            let mu = (p[1] + p[2] * c(t)).exp();
            let y = c(y);
            total = total + (y + r).ln_gamma_fn() - r.ln_gamma_fn() - (y + S::one()).ln_gamma_fn()
                + r * (r / (r + mu)).ln()
                + y * (mu / (r + mu)).ln();
        }
        -total
    }

    struct NegativeBinomial;

    impl ScalarFn for NegativeBinomial {
        fn eval<S: Real>(&self, p: &[S]) -> S {
            nll(p)
        }
    }

    const P0: [f64; 3] = [0.8, 0.6, 0.7];

    /// ∂ nll/∂pᵢ by Ridders' extrapolation.
    fn numeric_gradient(p: &[f64]) -> Vec<f64> {
        (0..p.len())
            .map(|i| {
                ridders(
                    |t| {
                        let mut q = p.to_vec();
                        q[i] = t;
                        nll::<f64>(&q)
                    },
                    p[i],
                    0.1,
                )
                .0
            })
            .collect()
    }

    #[test]
    fn negative_binomial_gradient_agrees_with_extrapolated_differences() {
        let want = numeric_gradient(&P0);
        let by_array = gradient(nll, P0);
        let by_chunk = chunk::gradient_of(&NegativeBinomial, &P0);
        let by_closure = chunk::gradient(nll, &P0);
        for i in 0..3 {
            assert_close(by_array[i], want[i], 1e-8, 1e-10, &format!("array ∂{i}"));
            assert_close(
                by_chunk[i],
                by_array[i],
                1e-14,
                1e-14,
                &format!("gradient_of ∂{i}"),
            );
            assert_close(
                by_closure[i],
                by_array[i],
                1e-14,
                1e-14,
                &format!("chunk ∂{i}"),
            );
        }
        // The user's softplus and the crate's agree.
        assert_close(
            user_softplus(0.8_f64),
            0.8_f64.softplus(),
            1e-15,
            0.0,
            "softplus(0.8)",
        );
    }

    #[test]
    fn negative_binomial_hessian_agrees_with_differences_of_the_gradient() {
        let h = hessian(nll, P0);
        let h_of = chunk::hessian_of(&NegativeBinomial, &P0);
        for j in 0..3 {
            // Column j by Ridders on the exact gradient.
            for i in 0..3 {
                let (want, _) = ridders(
                    |t| {
                        let mut q = P0;
                        q[j] = t;
                        gradient(nll, q)[i]
                    },
                    P0[j],
                    0.1,
                );
                assert_close(h[i][j], want, 1e-6, 1e-9, &format!("H[{i}][{j}]"));
                assert_close(
                    h_of[i][j],
                    h[i][j],
                    1e-12,
                    1e-12,
                    &format!("hessian_of[{i}][{j}]"),
                );
            }
        }
    }

    #[test]
    fn negative_binomial_passes_the_gradient_checker() {
        let report = dualgrad::gradcheck::GradCheck::default()
            .check_ad(&NegativeBinomial, &P0)
            .unwrap();
        assert!(report.passed(), "{report}");
    }

    #[cfg(feature = "argmin")]
    #[test]
    fn negative_binomial_reaches_the_mle_with_argmin_lbfgs() {
        use argmin::core::{Executor, State};
        use argmin::solver::linesearch::MoreThuenteLineSearch;
        use argmin::solver::quasinewton::LBFGS;
        use dualgrad::argmin::ScalarProblem;

        let problem = ScalarProblem::new(NegativeBinomial, 3);
        let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7)
            .with_tolerance_grad(1e-9)
            .unwrap();
        let result = Executor::new(problem, solver)
            .configure(|state| state.param(P0.to_vec()).max_iters(300))
            .run()
            .unwrap();
        let best = result.state().get_best_param().unwrap().clone();
        // The MLE: the gradient vanishes and the Hessian is positive definite.
        let g = gradient(nll, [best[0], best[1], best[2]]);
        let norm = g.iter().map(|v| v * v).sum::<f64>().sqrt();
        assert!(norm < 1e-6, "‖∇ nll‖ = {norm:e} at {best:?}");
        // Newton from the L-BFGS answer moves it by less than 1e-8.
        let h = hessian(nll, [best[0], best[1], best[2]]);
        let step = solve3(h, g);
        assert!(step.iter().all(|s| s.abs() < 1e-8), "Newton step {step:?}");
        assert!(h[0][0] > 0.0 && h[0][0] * h[1][1] - h[0][1] * h[1][0] > 0.0);
    }

    /// Solves the 3×3 system h·s = g by Cramer's rule.
    #[cfg(feature = "argmin")]
    fn solve3(h: [[f64; 3]; 3], g: [f64; 3]) -> [f64; 3] {
        let det = |m: [[f64; 3]; 3]| {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        };
        let d = det(h);
        core::array::from_fn(|k| {
            let mut m = h;
            for (row, gi) in m.iter_mut().zip(g) {
                row[k] = gi;
            }
            det(m) / d
        })
    }

    #[cfg(feature = "sparse")]
    #[test]
    fn special_functions_and_user_rules_go_to_sparse() {
        use dualgrad::sparse::{GradientOfSumConfig, jacobian_pattern};

        /// Each output depends on a window of two inputs through ln Γ, a user
        /// softplus and the crate's logistic.
        struct Chain;
        impl dualgrad::VectorFn for Chain {
            fn outputs(&self, inputs: usize) -> usize {
                inputs - 1
            }
            fn eval<S: Real>(&self, x: &[S], out: &mut [S]) {
                for (o, w) in out.iter_mut().zip(x.windows(2)) {
                    *o = (w[0] * w[0] + S::one()).ln_gamma_fn()
                        + user_softplus(w[1] - w[0]) * w[1].logistic();
                }
            }
        }
        let x: Vec<f64> = (0..7).map(|i| 0.3 * i as f64 - 0.8).collect();
        let pattern = jacobian_pattern(&Chain, &x);
        for r in 0..6 {
            assert_eq!(pattern.lane(r), &[r, r + 1]);
        }
        let mut config = GradientOfSumConfig::new(&Chain, &x);
        let mut g = vec![0.0; x.len()];
        config.gradient(&Chain, &x, &mut g).unwrap();
        let dense = chunk::gradient(
            |v| {
                let mut out = vec![Dual::constant(0.0); 6];
                dualgrad::VectorFn::eval(&Chain, v, &mut out);
                out.into_iter().sum()
            },
            &x,
        );
        for (i, (a, b)) in g.iter().zip(&dense).enumerate() {
            assert_close(*a, *b, 1e-14, 1e-14, &format!("∂{i}"));
        }
    }
}

#[test]
fn a_float_function_still_implements_the_traits() {
    // `eval<S: Float>` asks less than the trait's `S: Real`: still an impl.
    struct Old;
    impl ScalarFn for Old {
        fn eval<S: Float>(&self, x: &[S]) -> S {
            x[0] * x[1].sin()
        }
    }
    let g = chunk::gradient_of(&Old, &[2.0, 0.5]);
    assert_eq!(g, [0.5_f64.sin(), 2.0 * 0.5_f64.cos()]);
    fn old<S: Float>(x: &[S]) -> S {
        x[0].exp()
    }
    let f = dualgrad::scalar_fn!(old);
    assert_eq!(chunk::gradient_of(&f, &[0.0]), [1.0]);
}
