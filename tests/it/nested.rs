//! Nested dual numbers: derivatives of derivatives, without perturbation
//! confusion, and second-order duals built by hand against `hessian`.

use crate::common::{assert_close, assert_rel};
use dualgrad::{Dual, derivative, hessian, value_gradient_hessian};
use num_traits::Float;

type D1 = Dual<f64, 1>;

#[test]
fn nested_derivative_does_not_confuse_perturbations() {
    // d/dx [x · d/dy (x + y)] = d/dx [x · 1] = 1. A crate that mixes up the
    // inner and outer ε gets d/dy (x + y) = 2 and answers 2.
    for x0 in [-3.0_f64, 0.0, 0.5, 1.0, 7.25] {
        let d = derivative(
            |x: D1| {
                let inner = derivative(|y: Dual<D1, 1>| Dual::constant(x) + y, x);
                x * inner
            },
            x0,
        );
        assert_eq!(d, 1.0, "at x = {x0}");
    }
}

#[test]
fn nested_derivative_sees_the_outer_variable_as_a_constant_inside() {
    // d/dx [d/dy (x·y)]|_{y = 2} = d/dx x = 1, and
    // d/dx [x² · d/dy (x·y²)|_{y = x}] = d/dx [x² · 2x²] = 8x³.
    for x0 in [-1.5_f64, 0.25, 2.0] {
        let d = derivative(
            |x: D1| derivative(|y: Dual<D1, 1>| Dual::constant(x) * y, D1::constant(2.0)),
            x0,
        );
        assert_eq!(d, 1.0, "d/dx d/dy (xy) at x = {x0}");
        let d = derivative(
            |x: D1| x * x * derivative(|y: Dual<D1, 1>| Dual::constant(x) * y * y, x),
            x0,
        );
        assert_rel(d, 8.0 * x0.powi(3), 1e-15, &format!("8x³ at x = {x0}"));
    }
}

#[test]
fn second_derivative_of_sin_by_nested_derivative_is_minus_sin() {
    for x0 in [-2.0_f64, -0.5, 0.0, 1.0, 3.0] {
        let d2 = derivative(|x: D1| derivative(|y: Dual<D1, 1>| y.sin(), x), x0);
        assert_close(d2, -x0.sin(), 1e-15, 1e-16, &format!("(sin)″({x0})"));
    }
}

#[test]
fn second_derivatives_of_elementary_functions_by_nested_derivative() {
    fn second<F: Fn(Dual<D1, 1>) -> Dual<D1, 1> + Copy>(f: F, x: f64) -> f64 {
        derivative(|x: D1| derivative(f, x), x)
    }
    for x in [0.3_f64, 0.7, 1.9] {
        assert_rel(second(|y| y.exp(), x), x.exp(), 1e-15, "exp″");
        assert_rel(second(|y| y.ln(), x), -1.0 / (x * x), 1e-15, "ln″");
        assert_rel(
            second(|y| y.sqrt(), x),
            -0.25 * x.powf(-1.5),
            1e-14,
            "sqrt″",
        );
        assert_rel(second(|y| y.powi(5), x), 20.0 * x.powi(3), 1e-14, "(x⁵)″");
        assert_rel(
            second(|y| y.atan(), x),
            -2.0 * x / (1.0 + x * x).powi(2),
            1e-14,
            "atan″",
        );
        let t = x.tanh();
        assert_rel(
            second(|y| y.tanh(), x),
            -2.0 * t * (1.0 - t * t),
            1e-13,
            "tanh″",
        );
    }
}

#[test]
fn third_derivative_by_triple_nesting() {
    // (x⁴)‴ = 24x, (sin x)‴ = −cos x.
    for x0 in [-1.0_f64, 0.5, 2.0] {
        let d3 = derivative(
            |x: D1| {
                derivative(
                    |y: Dual<D1, 1>| derivative(|z: Dual<Dual<D1, 1>, 1>| z.powi(4), y),
                    x,
                )
            },
            x0,
        );
        assert_rel(d3, 24.0 * x0, 1e-14, "(x⁴)‴");
        let d3 = derivative(
            |x: D1| {
                derivative(
                    |y: Dual<D1, 1>| derivative(|z: Dual<Dual<D1, 1>, 1>| z.sin(), y),
                    x,
                )
            },
            x0,
        );
        assert_rel(d3, -x0.cos(), 1e-14, "(sin)‴");
    }
}

/// f(x, y) = x²·sin y + eˣʸ.
fn mixed<S: Float>(v: &[S]) -> S {
    v[0] * v[0] * v[1].sin() + (v[0] * v[1]).exp()
}

#[test]
fn second_order_dual_by_hand_matches_hessian_and_closed_form() {
    for [x, y] in [[0.5, -0.25], [1.3, 2.0], [-1.0, 0.75]] {
        // Inner ε carries the gradient, outer δ the second direction:
        // xᵢ = (xᵢ + εᵢ) + (1 + 0ε)·δᵢ.
        type D2 = Dual<Dual<f64, 2>, 2>;
        let seed = |value: f64, i: usize| {
            let mut outer = [Dual::<f64, 2>::constant(0.0); 2];
            outer[i] = Dual::constant(1.0);
            D2::new(Dual::variable(value, i), outer)
        };
        let f = mixed(&[seed(x, 0), seed(y, 1)]);
        let (inner, outer) = f.into_parts();
        let by_hand = [*outer[0].partials(), *outer[1].partials()];

        let e = (x * y).exp();
        let want = [
            [2.0 * y.sin() + y * y * e, 2.0 * x * y.cos() + e + x * y * e],
            [
                2.0 * x * y.cos() + e + x * y * e,
                -x * x * y.sin() + x * x * e,
            ],
        ];
        let (value, gradient, h) = value_gradient_hessian(mixed, [x, y]);
        assert_eq!(by_hand, h, "hand-seeded Dual<Dual<f64, 2>, 2> vs hessian");
        assert_eq!(inner.value().to_bits(), value.to_bits());
        assert_eq!(inner.partials(), &gradient);
        // The outer value is also the gradient: ∂f/∂xᵢ = outer[i].value().
        assert_eq!([outer[0].value(), outer[1].value()], gradient);
        for i in 0..2 {
            for j in 0..2 {
                assert_close(h[i][j], want[i][j], 1e-14, 1e-14, &format!("H[{i}][{j}]"));
            }
        }
        assert_eq!(hessian(mixed, [x, y]), h);
    }
}

/// Float literals on either side of a second-order number compile and act
/// as constants, in the closures the Hessian drivers take: the Hessian of
/// 2·x₀x₁ + x₀/4 − 1 + 3 % x₁ at (1, 2) and its product with v.
#[test]
fn float_literals_work_in_nested_driver_closures() {
    let h = dualgrad::chunk::hessian(
        |x| 2.0 * x[0] * x[1] + x[0] / 4.0 - 1.0 + (3.0 % x[1]) * 0.0,
        &[1.0, 2.0],
    );
    assert_eq!(h, vec![vec![0.0, 2.0], vec![2.0, 0.0]]);
    let hv = dualgrad::hessian_vector_product(
        |x| x[0] * x[1] * 2.0 - 1.0 / x[0] + (1.0 - x[1]),
        [1.0, 3.0],
        [1.0, 0.0],
    );
    // H = [[−2/x₀³, 2], [2, 0]] at x₀ = 1: H·e₀ = (−2, 2).
    assert_eq!(hv, [-2.0, 2.0]);
    let mut y = Dual::<Dual<f64, 1>, 1>::new(Dual::variable(3.0, 0), [Dual::constant(1.0)]);
    y *= 2.0;
    y += 1.0;
    y -= 0.5;
    y /= 0.5;
    y %= 100.0;
    // y = ((2x + 1) − 0.5)/0.5 = 4x + 1: value 13, outer and inner slope 4.
    assert_eq!(y.value().value(), 13.0);
    assert_eq!(y.partials()[0].value(), 4.0);
    assert_eq!(y.value().partials()[0], 4.0);
    assert!(y > 12.0);
    assert!(y < 14.0);
    assert!(12.0 < y);
    assert!(y == 13.0);
    assert!(13.0 == y);
    let z: Dual<Dual<f32, 2>, 1> = 2.0f32 * Dual::constant(Dual::variable(1.5, 1));
    assert_eq!(z.value().partials(), &[0.0, 2.0]);
}
