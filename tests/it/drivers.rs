//! The drivers on test functions written generically over `Float`, as a
//! third-party crate would write them, and passed by name: gradients and
//! Hessians against hand-derived formulas, values against the plain `f64`
//! evaluation bit for bit.

// Index loops over parallel arrays (got[i] vs want[i]) read like the math.
#![allow(clippy::needless_range_loop)]

use std::f64::consts::{E, PI};

use crate::common::{assert_close, assert_same_f64, five_point_derivative, proptest_config};
use dualgrad::{
    Dual, derivative, directional_derivative, gradient, hessian, jacobian, jacobian_vector_product,
    value_and_derivative, value_and_gradient, value_and_jacobian, value_gradient_hessian,
};
use num_traits::Float;
use proptest::prelude::*;

// --- The test functions, as a third-party crate would write them -------------

/// Rosenbrock's function, chained form: Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    x.windows(2).fold(S::zero(), |sum, w| {
        sum + hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2)
    })
}

/// Ackley's function of two variables.
fn ackley<S: Float>(x: &[S]) -> S {
    let c = |v: f64| S::from(v).unwrap();
    let r = (c(0.5) * (x[0] * x[0] + x[1] * x[1])).sqrt();
    let two_pi = c(2.0 * PI);
    let waves = c(0.5) * ((two_pi * x[0]).cos() + (two_pi * x[1]).cos());
    c(-20.0) * (c(-0.2) * r).exp() - waves.exp() + c(E) + c(20.0)
}

/// Himmelblau's function: (x² + y − 11)² + (x + y² − 7)².
fn himmelblau<S: Float>(v: &[S]) -> S {
    let c = |v: f64| S::from(v).unwrap();
    let (x, y) = (v[0], v[1]);
    (x * x + y - c(11.0)).powi(2) + (x + y * y - c(7.0)).powi(2)
}

/// Beale's function: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
fn beale<S: Float>(v: &[S]) -> S {
    let c = |v: f64| S::from(v).unwrap();
    let (x, y) = (v[0], v[1]);
    (c(1.5) - x + x * y).powi(2)
        + (c(2.25) - x + x * y * y).powi(2)
        + (c(2.625) - x + x * y * y * y).powi(2)
}

/// A deliberately non-symmetric matrix for the quadratic form.
const A: [[f64; 3]; 3] = [[2.0, -1.0, 0.5], [3.0, 4.0, -2.0], [0.0, 1.5, -3.0]];

/// The quadratic form xᵀAx.
fn quadratic_form<S: Float>(x: &[S]) -> S {
    let mut sum = S::zero();
    for (i, row) in A.iter().enumerate() {
        for (j, &a) in row.iter().enumerate() {
            sum = sum + x[i] * S::from(a).unwrap() * x[j];
        }
    }
    sum
}

/// The affine map Mx + c: ℝ⁴ → ℝ³.
const M: [[f64; 4]; 3] = [
    [1.0, -2.0, 0.5, 3.0],
    [0.0, 4.0, -1.25, 2.0],
    [-3.5, 0.75, 6.0, -1.0],
];
const C: [f64; 3] = [0.1, -2.0, 7.0];

fn affine<S: Float>(x: &[S]) -> [S; 3] {
    std::array::from_fn(|i| {
        let row = M[i]
            .iter()
            .zip(x)
            .fold(S::zero(), |sum, (&m, &xj)| sum + S::from(m).unwrap() * xj);
        row + S::from(C[i]).unwrap()
    })
}

/// A nonlinear map ℝ³ → ℝ²: (x·y·z, sin x + y·eᶻ).
fn nonlinear<S: Float>(v: &[S]) -> [S; 2] {
    [v[0] * v[1] * v[2], v[0].sin() + v[1] * v[2].exp()]
}

fn nonlinear_jacobian([x, y, z]: [f64; 3]) -> [[f64; 3]; 2] {
    [[y * z, x * z, x * y], [x.cos(), z.exp(), y * z.exp()]]
}

// --- Hand-derived gradients and Hessians ---------------------------------------

fn rosenbrock_gradient<const N: usize>(x: [f64; N]) -> [f64; N] {
    std::array::from_fn(|i| {
        let mut g = 0.0;
        if i + 1 < N {
            g += -400.0 * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (1.0 - x[i]);
        }
        if i > 0 {
            g += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
        }
        g
    })
}

fn rosenbrock_hessian<const N: usize>(x: [f64; N]) -> [[f64; N]; N] {
    let mut h = [[0.0; N]; N];
    for i in 0..N {
        if i + 1 < N {
            h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            h[i][i + 1] = -400.0 * x[i];
            h[i + 1][i] = -400.0 * x[i];
        }
        if i > 0 {
            h[i][i] += 200.0;
        }
    }
    h
}

fn ackley_gradient([x, y]: [f64; 2]) -> [f64; 2] {
    let r = (0.5 * (x * x + y * y)).sqrt();
    let radial = 2.0 * (-0.2 * r).exp() / r;
    let waves = (0.5 * ((2.0 * PI * x).cos() + (2.0 * PI * y).cos())).exp();
    [
        radial * x + PI * (2.0 * PI * x).sin() * waves,
        radial * y + PI * (2.0 * PI * y).sin() * waves,
    ]
}

fn himmelblau_gradient([x, y]: [f64; 2]) -> [f64; 2] {
    let (u, w) = (x * x + y - 11.0, x + y * y - 7.0);
    [4.0 * x * u + 2.0 * w, 2.0 * u + 4.0 * y * w]
}

fn himmelblau_hessian([x, y]: [f64; 2]) -> [[f64; 2]; 2] {
    let off = 4.0 * x + 4.0 * y;
    [
        [12.0 * x * x + 4.0 * y - 42.0, off],
        [off, 4.0 * x + 12.0 * y * y - 26.0],
    ]
}

fn beale_gradient([x, y]: [f64; 2]) -> [f64; 2] {
    let t = [
        1.5 - x + x * y,
        2.25 - x + x * y * y,
        2.625 - x + x * y.powi(3),
    ];
    [
        2.0 * t[0] * (y - 1.0) + 2.0 * t[1] * (y * y - 1.0) + 2.0 * t[2] * (y.powi(3) - 1.0),
        2.0 * t[0] * x + 2.0 * t[1] * 2.0 * x * y + 2.0 * t[2] * 3.0 * x * y * y,
    ]
}

fn beale_hessian([x, y]: [f64; 2]) -> [[f64; 2]; 2] {
    let t = [
        1.5 - x + x * y,
        2.25 - x + x * y * y,
        2.625 - x + x * y.powi(3),
    ];
    // ∂tₖ/∂x = yᵏ − 1, ∂tₖ/∂y = k·x·yᵏ⁻¹ (k = 1, 2, 3).
    let dx = [y - 1.0, y * y - 1.0, y.powi(3) - 1.0];
    let dy = [x, 2.0 * x * y, 3.0 * x * y * y];
    // ∂²tₖ/∂x∂y = k·yᵏ⁻¹, ∂²tₖ/∂y² = k(k−1)·x·yᵏ⁻².
    let dxy = [1.0, 2.0 * y, 3.0 * y * y];
    let dyy = [0.0, 2.0 * x, 6.0 * x * y];
    let mut h = [[0.0; 2]; 2];
    for k in 0..3 {
        h[0][0] += 2.0 * dx[k] * dx[k];
        h[0][1] += 2.0 * (dx[k] * dy[k] + t[k] * dxy[k]);
        h[1][1] += 2.0 * (dy[k] * dy[k] + t[k] * dyy[k]);
    }
    h[1][0] = h[0][1];
    h
}

// --- Comparison helpers ------------------------------------------------------------

#[track_caller]
fn assert_vector_close<const N: usize>(got: [f64; N], want: [f64; N], rel: f64, what: &str) {
    let scale = want.iter().fold(1.0_f64, |m, w| m.max(w.abs()));
    for i in 0..N {
        assert_close(got[i], want[i], rel, rel * scale, &format!("{what}[{i}]"));
    }
}

#[track_caller]
fn assert_matrix_close<const N: usize, const M: usize>(
    got: [[f64; N]; M],
    want: [[f64; N]; M],
    rel: f64,
    what: &str,
) {
    for i in 0..M {
        assert_vector_close(got[i], want[i], rel, &format!("{what}[{i}]"));
    }
}

#[track_caller]
fn assert_symmetric<const N: usize>(h: [[f64; N]; N], what: &str) {
    for i in 0..N {
        for j in 0..i {
            let scale = h[i][j].abs().max(h[j][i].abs()).max(1.0);
            assert!(
                (h[i][j] - h[j][i]).abs() <= 1e-14 * scale,
                "{what}: H[{i}][{j}] = {} but H[{j}][{i}] = {}",
                h[i][j],
                h[j][i]
            );
        }
    }
}

// --- Gradients ---------------------------------------------------------------------

#[test]
fn rosenbrock_gradient_matches_hand_derivation_in_two_dimensions() {
    for x in [
        [1.0, 1.0],
        [-1.2, 1.0],
        [0.0, 0.0],
        [2.5, -3.0],
        [0.3, 0.09],
    ] {
        let g = gradient(rosenbrock, x);
        assert_vector_close(g, rosenbrock_gradient(x), 1e-14, &format!("∇f{x:?}"));
    }
    assert_eq!(gradient(rosenbrock, [1.0, 1.0]), [0.0, 0.0], "the minimum");
}

#[test]
fn rosenbrock_gradient_matches_hand_derivation_in_eight_dimensions() {
    let points = [
        [1.0; 8],
        [-1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0],
        [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8],
        [2.0, 1.5, 0.0, -3.0, 0.25, 1.0, 4.0, -0.5],
    ];
    for x in points {
        let g = gradient(rosenbrock, x);
        assert_vector_close(g, rosenbrock_gradient(x), 1e-14, &format!("∇f{x:?}"));
    }
    assert_eq!(gradient(rosenbrock, [1.0; 8]), [0.0; 8]);
}

#[test]
fn ackley_gradient_matches_hand_derivation() {
    for x in [[0.5, -0.25], [1.3, 2.7], [-3.0, 0.1], [0.01, 0.02]] {
        let g = gradient(ackley, x);
        assert_vector_close(g, ackley_gradient(x), 1e-13, &format!("∇f{x:?}"));
    }
}

#[test]
fn himmelblau_and_beale_gradients_vanish_at_their_minima() {
    for x in [
        [3.0, 2.0],
        [-2.805118, 3.131312],
        [-3.779310, -3.283186],
        [0.0, 0.0],
    ] {
        let g = gradient(himmelblau, x);
        assert_vector_close(
            g,
            himmelblau_gradient(x),
            1e-14,
            &format!("Himmelblau ∇f{x:?}"),
        );
    }
    assert_eq!(gradient(himmelblau, [3.0, 2.0]), [0.0, 0.0]);
    for x in [[3.0, 0.5], [1.0, 1.0], [-2.0, 1.5], [0.5, -0.75]] {
        let g = gradient(beale, x);
        assert_vector_close(g, beale_gradient(x), 1e-14, &format!("Beale ∇f{x:?}"));
    }
    assert_eq!(gradient(beale, [3.0, 0.5]), [0.0, 0.0]);
}

#[test]
fn quadratic_form_gradient_is_a_plus_a_transpose_times_x() {
    for x in [[1.0, 2.0, 3.0], [-0.5, 0.0, 4.0], [1e3, -1e-3, 7.0]] {
        let want: [f64; 3] =
            std::array::from_fn(|i| (0..3).map(|j| (A[i][j] + A[j][i]) * x[j]).sum());
        assert_vector_close(gradient(quadratic_form, x), want, 1e-14, "∇(xᵀAx)");
    }
}

#[test]
fn gradient_of_zero_inputs_is_empty() {
    let (value, g) = value_and_gradient(|_x: &[Dual<f64, 0>]| Dual::constant(3.5), []);
    assert_eq!((value, g), (3.5, []));
}

// --- Hessians --------------------------------------------------------------------------

#[test]
fn rosenbrock_hessian_matches_hand_derivation_in_two_and_eight_dimensions() {
    for x in [[1.0, 1.0], [-1.2, 1.0], [2.5, -3.0]] {
        assert_matrix_close(hessian(rosenbrock, x), rosenbrock_hessian(x), 1e-14, "H");
    }
    assert_eq!(
        hessian(rosenbrock, [1.0, 1.0]),
        [[802.0, -400.0], [-400.0, 200.0]]
    );
    let x = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8];
    let h = hessian(rosenbrock, x);
    assert_matrix_close(h, rosenbrock_hessian(x), 1e-14, "H (N = 8)");
    // Tridiagonal: every entry two or more off the diagonal is exactly 0.
    for (i, row) in h.iter().enumerate() {
        for (j, &entry) in row.iter().enumerate() {
            if i.abs_diff(j) > 1 {
                assert_eq!(entry, 0.0, "H[{i}][{j}]");
            }
        }
    }
}

#[test]
fn himmelblau_beale_and_quadratic_hessians_match_hand_derivation() {
    for x in [[3.0, 2.0], [-1.5, 0.25], [0.0, 0.0]] {
        assert_matrix_close(
            hessian(himmelblau, x),
            himmelblau_hessian(x),
            1e-14,
            "Himmelblau H",
        );
    }
    for x in [[3.0, 0.5], [1.0, 1.0], [-2.0, 1.5]] {
        assert_matrix_close(hessian(beale, x), beale_hessian(x), 1e-14, "Beale H");
    }
    let want: [[f64; 3]; 3] = std::array::from_fn(|i| std::array::from_fn(|j| A[i][j] + A[j][i]));
    for x in [[1.0, 2.0, 3.0], [-0.5, 0.0, 4.0]] {
        assert_eq!(hessian(quadratic_form, x), want, "H(xᵀAx) = A + Aᵀ");
    }
}

#[test]
fn ackley_hessian_matches_differences_of_the_hand_derived_gradient() {
    for x in [[0.5, -0.25], [1.3, 2.7], [-3.0, 0.1]] {
        let h = hessian(ackley, x);
        for i in 0..2 {
            for j in 0..2 {
                let numeric = five_point_derivative(
                    |t| {
                        let mut p = x;
                        p[j] = t;
                        ackley_gradient(p)[i]
                    },
                    x[j],
                );
                assert_close(h[i][j], numeric, 1e-7, 1e-7, &format!("H{x:?}[{i}][{j}]"));
            }
        }
    }
}

#[test]
fn hessians_are_symmetric() {
    for x in [[0.5, -0.25], [1.3, 2.7]] {
        assert_symmetric(hessian(ackley, x), "Ackley");
        assert_symmetric(hessian(beale, x), "Beale");
        assert_symmetric(hessian(himmelblau, x), "Himmelblau");
    }
    assert_symmetric(
        hessian(rosenbrock, [2.0, 1.5, 0.0, -3.0, 0.25, 1.0, 4.0, -0.5]),
        "Rosenbrock N = 8",
    );
    assert_symmetric(
        hessian(|x| (x[0] * x[1].sin() + x[2]).exp(), [0.3, 1.2, -0.4]),
        "exp",
    );
}

// --- Jacobians -----------------------------------------------------------------------

#[test]
fn jacobian_of_an_affine_map_is_its_matrix() {
    for x in [[0.0; 4], [1.0, -2.0, 3.5, 1e6], [-0.1, 0.2, -0.3, 0.4]] {
        assert_eq!(jacobian(affine, x), M);
    }
}

#[test]
fn jacobian_of_a_nonlinear_map_matches_hand_derivation() {
    for x in [[1.0, 2.0, 0.5], [-0.3, 4.0, -1.0], [0.0, 0.0, 0.0]] {
        assert_matrix_close(jacobian(nonlinear, x), nonlinear_jacobian(x), 1e-15, "J");
    }
}

// --- value_and_* agree with the plain evaluation bit for bit ---------------------------

#[test]
fn value_and_drivers_return_the_plain_f64_value_bit_for_bit() {
    let x8 = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8];
    let (v, g) = value_and_gradient(rosenbrock, x8);
    assert_same_f64(v, rosenbrock(&x8), "value_and_gradient");
    assert_eq!(g, gradient(rosenbrock, x8));
    for x in [[0.5, -0.25], [1.3, 2.7]] {
        let (v, g) = value_and_gradient(ackley, x);
        assert_same_f64(v, ackley(&x), "Ackley value");
        assert_eq!(g, gradient(ackley, x));
        let (v, g2, h) = value_gradient_hessian(beale, x);
        assert_same_f64(v, beale(&x), "value_gradient_hessian");
        assert_eq!(g2, gradient(beale, x), "gradient of value_gradient_hessian");
        assert_eq!(h, hessian(beale, x));
    }
    let x = [1.0, -2.0, 0.5];
    let (v, j) = value_and_jacobian(nonlinear, x);
    let plain = nonlinear(&x);
    assert_same_f64(v[0], plain[0], "value_and_jacobian[0]");
    assert_same_f64(v[1], plain[1], "value_and_jacobian[1]");
    assert_eq!(j, jacobian(nonlinear, x));
    let (v, d) = value_and_derivative(cubic_with_sine, 0.7);
    assert_same_f64(v, cubic_with_sine(0.7), "value_and_derivative");
    assert_eq!(d, derivative(cubic_with_sine, 0.7));
}

// --- One direction at a time ---------------------------------------------------------

#[test]
fn directional_derivative_equals_gradient_dot_direction() {
    let x = [2.0, 1.5, 0.0, -3.0, 0.25, 1.0, 4.0, -0.5];
    let v = [1.0, -1.0, 0.5, 2.0, 0.0, -0.25, 3.0, 1.0];
    let want: f64 = rosenbrock_gradient(x)
        .iter()
        .zip(v)
        .map(|(g, vi)| g * vi)
        .sum();
    let got = directional_derivative(rosenbrock, x, v);
    assert_close(got, want, 1e-14, 1e-12, "∇f·v");
    // Along a coordinate axis it is that partial derivative.
    let e3 = std::array::from_fn(|i| if i == 3 { 1.0 } else { 0.0 });
    assert_eq!(
        directional_derivative(rosenbrock, x, e3),
        rosenbrock_gradient(x)[3]
    );
}

#[test]
fn jacobian_vector_product_equals_jacobian_times_vector() {
    for (x, v) in [
        ([1.0, 2.0, 0.5], [1.0, 0.0, 0.0]),
        ([-0.3, 4.0, -1.0], [0.5, -2.0, 3.0]),
    ] {
        let j = nonlinear_jacobian(x);
        let want: [f64; 2] = std::array::from_fn(|i| (0..3).map(|k| j[i][k] * v[k]).sum());
        let got = jacobian_vector_product(nonlinear, x, v);
        assert_vector_close(got, want, 1e-14, "J·v");
    }
    let x = [1.0, -2.0, 3.5, 0.25];
    let v = [0.5, 1.0, -1.0, 2.0];
    let want: [f64; 3] = std::array::from_fn(|i| (0..4).map(|k| M[i][k] * v[k]).sum());
    assert_eq!(
        jacobian_vector_product(affine, x, v),
        want,
        "affine J·v = M·v"
    );
}

// --- Functions of one variable ----------------------------------------------------

/// x³ − 2x + sin x.
fn cubic_with_sine<S: Float>(x: S) -> S {
    x.powi(3) - S::from(2.0).unwrap() * x + x.sin()
}

/// The logistic function 1 / (1 + e⁻ˣ).
fn logistic<S: Float>(x: S) -> S {
    S::one() / (S::one() + (-x).exp())
}

#[test]
fn derivative_of_one_variable_functions_matches_closed_forms() {
    for x in [-2.0_f64, -0.5, 0.0, 0.7, 3.0] {
        let d = derivative(cubic_with_sine, x);
        assert_close(
            d,
            3.0 * x * x - 2.0 + x.cos(),
            1e-14,
            1e-15,
            "x³ − 2x + sin x",
        );
        let s = logistic(x);
        assert_close(
            derivative(logistic, x),
            s * (1.0 - s),
            1e-14,
            1e-16,
            "logistic",
        );
        // A closure over Dual<f64, 1> works as well as a generic function.
        let d = derivative(|t| t * t.exp(), x);
        assert_close(d, (1.0 + x) * x.exp(), 1e-14, 1e-16, "x·eˣ");
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn gradient_and_hessian_of_rosenbrock_match_hand_derivation_everywhere(
        x in prop::array::uniform4(-3.0..3.0_f64),
    ) {
        let (v, g, h) = value_gradient_hessian(rosenbrock, x);
        prop_assert_eq!(v.to_bits(), rosenbrock(&x).to_bits());
        let want_g = rosenbrock_gradient(x);
        let want_h = rosenbrock_hessian(x);
        for i in 0..4 {
            prop_assert!((g[i] - want_g[i]).abs() <= 1e-12 * (want_g[i].abs() + 1e3));
            for j in 0..4 {
                prop_assert!((h[i][j] - want_h[i][j]).abs() <= 1e-12 * (want_h[i][j].abs() + 1e3));
            }
        }
    }

    #[test]
    fn directional_derivative_is_linear_in_the_direction(
        x in prop::array::uniform2(-3.0..3.0_f64),
        v in prop::array::uniform2(-3.0..3.0_f64),
    ) {
        let g = ackley_gradient(x);
        let want = g[0] * v[0] + g[1] * v[1];
        let got = directional_derivative(ackley, x, v);
        let scale = (g[0] * v[0]).abs() + (g[1] * v[1]).abs() + 1e-12;
        prop_assert!((got - want).abs() <= 1e-12 * scale, "{} vs {}", got, want);
    }
}
