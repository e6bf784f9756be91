//! The worked examples of *Mathematics for Machine Learning* (Deisenroth,
//! Faisal, Ong, 2020), §5.2 "Partial Differentiation and Gradients":
//! Examples 5.6–5.8 and the chain rule (5.49)–(5.53), each checked at
//! several points against its closed form.

use crate::common::{assert_close, assert_rel, assert_same_f64};
use dualgrad::{
    derivative, directional_derivative, gradient, hessian, jacobian, value_and_derivative,
    value_and_gradient,
};
use num_traits::Float;

const POINTS: [[f64; 2]; 6] = [
    [1.0, 2.0],
    [0.0, 0.0],
    [-1.5, 0.5],
    [3.25, -1.75],
    [1e-3, 40.0],
    [-7.0, -0.2],
];

/// Example 5.6: f(x, y) = (x + 2y³)².
fn example_5_6<S: Float>(v: &[S]) -> S {
    let two = S::from(2.0).unwrap();
    (v[0] + two * v[1].powi(3)).powi(2)
}

/// Example 5.7: f(x₁, x₂) = x₁²x₂ + x₁x₂³.
fn example_5_7<S: Float>(x: &[S]) -> S {
    x[0] * x[0] * x[1] + x[0] * x[1].powi(3)
}

/// Example 5.8: f(x₁, x₂) = x₁² + 2x₂.
fn example_5_8<S: Float>(x: &[S]) -> S {
    let two = S::from(2.0).unwrap();
    x[0] * x[0] + two * x[1]
}

#[test]
fn example_5_6_gradient_is_2u_and_12uy2_with_u_the_inner_sum() {
    for [x, y] in POINTS {
        let u = x + 2.0 * y * y * y;
        let want = [2.0 * u, 12.0 * u * y * y];
        let (value, g) = value_and_gradient(example_5_6, [x, y]);
        assert_same_f64(value, example_5_6(&[x, y]), "value");
        for i in 0..2 {
            assert_rel(g[i], want[i], 1e-14, &format!("∂f/∂x{i} at ({x}, {y})"));
        }
    }
}

#[test]
fn example_5_6_hessian_matches_differentiating_the_closed_form_gradient() {
    for [x, y] in POINTS {
        let u = x + 2.0 * y * y * y;
        // ∂/∂(x, y) of [2u, 12uy²], with ∂u/∂x = 1, ∂u/∂y = 6y².
        let want = [
            [2.0, 12.0 * y * y],
            [12.0 * y * y, 72.0 * y.powi(4) + 24.0 * u * y],
        ];
        let h = hessian(example_5_6, [x, y]);
        for i in 0..2 {
            for j in 0..2 {
                assert_close(h[i][j], want[i][j], 1e-14, 1e-14, &format!("H[{i}][{j}]"));
            }
        }
    }
}

#[test]
fn example_5_7_gradient_is_the_row_of_partial_derivatives() {
    for [x1, x2] in POINTS {
        let want = [2.0 * x1 * x2 + x2.powi(3), x1 * x1 + 3.0 * x1 * x2 * x2];
        let (value, g) = value_and_gradient(example_5_7, [x1, x2]);
        assert_same_f64(value, example_5_7(&[x1, x2]), "value");
        for i in 0..2 {
            assert_close(
                g[i],
                want[i],
                1e-14,
                1e-300,
                &format!("∂f/∂x{i} at ({x1}, {x2})"),
            );
        }
    }
    assert_eq!(gradient(example_5_7, [1.0, 2.0]), [12.0, 13.0]);
}

/// t ↦ f(sin t, cos t) of Example 5.8, written as a user would.
fn example_5_8_in_t<S: Float>(t: S) -> S {
    example_5_8(&[t.sin(), t.cos()])
}

#[test]
fn example_5_8_df_dt_is_2_sin_t_times_cos_t_minus_1() {
    for t in [-2.0_f64, -0.5, 0.0, 0.3, 1.0, 2.5, 10.0] {
        let want = 2.0 * t.sin() * (t.cos() - 1.0);
        let (value, d) = value_and_derivative(example_5_8_in_t, t);
        assert_same_f64(value, example_5_8_in_t(t), "value");
        assert_close(d, want, 1e-14, 1e-15, &format!("df/dt at t = {t}"));
    }
}

#[test]
fn example_5_8_chain_rule_equals_gradient_times_dx_dt() {
    // (5.49): df/dt = ∂f/∂x · dx/dt, with ∂f/∂x from `gradient` at x(t) and
    // dx/dt = [cos t, −sin t]; and as one directional derivative.
    for t in [-2.0_f64, 0.3, 1.0, 2.5] {
        let x = [t.sin(), t.cos()];
        let dx_dt = [t.cos(), -t.sin()];
        let g = gradient(example_5_8, x);
        assert_eq!(g, [2.0 * x[0], 2.0], "∂f/∂x at x(t)");
        let chained = g[0] * dx_dt[0] + g[1] * dx_dt[1];
        let direct = derivative(example_5_8_in_t, t);
        assert_close(
            chained,
            direct,
            1e-14,
            1e-15,
            "gradient·dx/dt vs d/dt f(x(t))",
        );
        let along = directional_derivative(example_5_8, x, dx_dt);
        assert_close(along, direct, 1e-14, 1e-15, "directional derivative");
    }
}

/// The inner map of (5.51)–(5.53): x₁ = s·t, x₂ = s + t².
fn inner<S: Float>(p: &[S]) -> [S; 2] {
    [p[0] * p[1], p[0] + p[1] * p[1]]
}

/// f ∘ x with f from Example 5.7.
fn composed<S: Float>(p: &[S]) -> S {
    example_5_7(&inner(p))
}

#[test]
fn chain_rule_5_53_is_a_row_vector_times_the_inner_jacobian() {
    for [s, t] in POINTS {
        let (x1, x2) = (s * t, s + t * t);
        // Closed forms: ∂f/∂x (1 × 2) and ∂x/∂(s, t) (2 × 2).
        let df_dx = [2.0 * x1 * x2 + x2.powi(3), x1 * x1 + 3.0 * x1 * x2 * x2];
        let dx_dst = [[t, s], [1.0, 2.0 * t]];
        let product: [f64; 2] =
            std::array::from_fn(|j| df_dx[0] * dx_dst[0][j] + df_dx[1] * dx_dst[1][j]);

        // The same by expanding F(s, t) = (st)²(s + t²) + st(s + t²)³ by hand.
        let w = s + t * t;
        let expanded = [
            2.0 * s * t * t * w + s * s * t * t + t * w.powi(3) + 3.0 * s * t * w * w,
            2.0 * s * s * t * w + 2.0 * s * s * t.powi(3) + s * w.powi(3) + 6.0 * s * t * t * w * w,
        ];
        for j in 0..2 {
            let scale = expanded[j].abs() + w.powi(3).abs() * (s.abs() + t.abs()) + 1.0;
            assert!(
                (product[j] - expanded[j]).abs() <= 1e-14 * scale,
                "the two closed forms disagree"
            );
        }

        let what = format!("at (s, t) = ({s}, {t})");
        assert_eq!(jacobian(inner, [s, t]), dx_dst, "∂x/∂(s, t) {what}");
        let g = gradient(composed, [s, t]);
        let from_drivers = {
            let outer = gradient(example_5_7, [x1, x2]);
            let j = jacobian(inner, [s, t]);
            [
                outer[0] * j[0][0] + outer[1] * j[1][0],
                outer[0] * j[0][1] + outer[1] * j[1][1],
            ]
        };
        for j in 0..2 {
            let scale = expanded[j].abs() + w.powi(3).abs() * (s.abs() + t.abs()) + 1.0;
            assert!(
                (g[j] - product[j]).abs() <= 1e-14 * scale,
                "df/d(s,t)[{j}] {what}: gradient {} vs ∂f/∂x·∂x/∂(s,t) {}",
                g[j],
                product[j]
            );
            assert!(
                (from_drivers[j] - product[j]).abs() <= 1e-14 * scale,
                "gradient·jacobian {what}"
            );
        }
    }
}

#[test]
fn gradient_check_of_the_remark_finds_a_tiny_relative_error() {
    // The book's remark "Verifying the Correctness of a Gradient
    // Implementation" (§5.2): compare with finite differences (h = 1e-4);
    // here through the usual gradient-checking relative error
    // ‖g − g̃‖ / (‖g‖ + ‖g̃‖).
    let h = 1e-4;
    for [x, y] in [[1.0, 2.0], [-1.5, 0.5], [0.3, -0.7]] {
        let g = gradient(example_5_6, [x, y]);
        let f = |p: [f64; 2]| example_5_6(&p);
        let g_tilde = [
            (f([x + h, y]) - f([x - h, y])) / (2.0 * h),
            (f([x, y + h]) - f([x, y - h])) / (2.0 * h),
        ];
        let norm = |v: [f64; 2]| v[0].hypot(v[1]);
        let error = norm([g[0] - g_tilde[0], g[1] - g_tilde[1]]) / (norm(g) + norm(g_tilde));
        assert!(error < 1e-7, "relative error {error:e} at ({x}, {y})");
    }
}
