//! `f32` works as well as `f64`: the same drivers, operators with `f32` on
//! the left, the same edge-case promises, with tolerances fit for single
//! precision. Oracles are computed in f64 and rounded.

use crate::common::assert_same_f32;
use dualgrad::{Dual, derivative, gradient, hessian, jacobian, value_and_gradient};
use num_traits::Float;

type D = Dual<f32, 2>;

/// A few ulps of f32, relative.
const REL: f32 = 4e-6;

#[track_caller]
fn assert_close_f32(got: f32, want: f64, what: &str) {
    let bound = f64::from(REL) * want.abs().max(1e-6);
    assert!(
        (f64::from(got) - want).abs() <= bound,
        "{what}: got {got:e}, want {want:e} (bound {bound:e})"
    );
}

fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    (S::one() - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
}

#[test]
fn gradient_and_hessian_in_f32_match_closed_forms() {
    for [x, y] in [[1.0_f32, 1.0], [-1.2, 1.0], [0.5, -0.25], [2.0, 3.5]] {
        let (value, g) = value_and_gradient(rosenbrock, [x, y]);
        assert_same_f32(value, rosenbrock(&[x, y]), "value bit for bit");
        let (xd, yd) = (f64::from(x), f64::from(y));
        let want_g = [
            -2.0 * (1.0 - xd) - 400.0 * xd * (yd - xd * xd),
            200.0 * (yd - xd * xd),
        ];
        let h = hessian(rosenbrock, [x, y]);
        let want_h = [
            [2.0 - 400.0 * (yd - xd * xd) + 800.0 * xd * xd, -400.0 * xd],
            [-400.0 * xd, 200.0],
        ];
        // Cancellation in the gradient: compare to the size of its terms.
        let scale = 2.0 * (1.0 - xd).abs() + 400.0 * (xd * yd).abs() + 400.0 * xd.abs().powi(3);
        for i in 0..2 {
            let error = (f64::from(g[i]) - want_g[i]).abs();
            assert!(
                error <= 1e-6 * scale,
                "∇f[{i}] at ({x}, {y}): {} vs {}",
                g[i],
                want_g[i]
            );
            for j in 0..2 {
                let error = (f64::from(h[i][j]) - want_h[i][j]).abs();
                assert!(error <= 1e-6 * (scale + 800.0 * xd * xd), "H[{i}][{j}]");
            }
        }
    }
    assert_eq!(gradient(rosenbrock, [1.0_f32, 1.0]), [0.0, 0.0]);
    assert_eq!(
        hessian(rosenbrock, [1.0_f32, 1.0]),
        [[802.0, -400.0], [-400.0, 200.0]]
    );
}

#[test]
fn f32_on_the_left_of_every_operator_compiles_and_differentiates() {
    let x = D::variable(2.0, 0);
    let y = D::variable(0.5, 1);
    assert_eq!((2.0_f32 * x).into_parts(), (4.0, [2.0, 0.0]));
    assert_eq!((x * 2.0_f32).into_parts(), (4.0, [2.0, 0.0]));
    assert_eq!((1.0_f32 + x).into_parts(), (3.0, [1.0, 0.0]));
    assert_eq!((1.0_f32 - x).into_parts(), (-1.0, [-1.0, 0.0]));
    assert_eq!((1.0_f32 / x).into_parts(), (0.5, [-0.25, 0.0]));
    assert_eq!((5.0_f32 % x).into_parts(), (1.0, [-2.0, 0.0]));
    assert_eq!((3.0_f32 * &y).into_parts(), (1.5, [0.0, 3.0]));
    let z = x * y + x / y - 2.0_f32 * y;
    assert_eq!(z.value(), 2.0 * 0.5 + 2.0 / 0.5 - 2.0 * 0.5);
    assert_eq!(z.partials(), &[0.5 + 1.0 / 0.5, 2.0 - 2.0 / 0.25 - 2.0]);
}

#[test]
fn f32_elementary_functions_have_bit_identical_values_and_accurate_slopes() {
    type Case = (&'static str, fn(D) -> D, fn(f32) -> f32, fn(f64) -> f64);
    let cases: [Case; 10] = [
        ("sin", |x| x.sin(), f32::sin, f64::cos),
        ("cos", |x| x.cos(), f32::cos, |a| -a.sin()),
        ("exp", |x| x.exp(), f32::exp, f64::exp),
        ("ln", |x| x.ln(), f32::ln, |a| 1.0 / a),
        ("sqrt", |x| x.sqrt(), f32::sqrt, |a| 0.5 / a.sqrt()),
        ("tanh", |x| x.tanh(), f32::tanh, |a| 1.0 / a.cosh().powi(2)),
        ("atan", |x| x.atan(), f32::atan, |a| 1.0 / (1.0 + a * a)),
        (
            "cbrt",
            |x| x.cbrt(),
            f32::cbrt,
            |a| a.powf(-2.0 / 3.0) / 3.0,
        ),
        (
            "asinh",
            |x| x.asinh(),
            f32::asinh,
            |a| 1.0 / (a * a + 1.0).sqrt(),
        ),
        (
            "to_degrees",
            |x| x.to_degrees(),
            f32::to_degrees,
            |_| 180.0 / std::f64::consts::PI,
        ),
    ];
    for (name, dual, plain, slope) in cases {
        for a in [0.3_f32, 0.9, 1.7, 2.5] {
            let y = dual(D::variable(a, 0));
            let what = format!("{name}({a})");
            assert_same_f32(y.value(), plain(a), &what);
            assert_close_f32(y.partial(0), slope(f64::from(a)), &what);
            assert_eq!(y.partial(1), 0.0, "{what}: unseeded slot");
        }
    }
}

#[test]
fn f32_binary_functions_match_closed_forms() {
    let (a, b) = (1.5_f32, 2.5_f32);
    let (ad, bd) = (f64::from(a), f64::from(b));
    let x = D::variable(a, 0);
    let y = D::variable(b, 1);
    let p = x.powf(y);
    assert_same_f32(p.value(), a.powf(b), "powf");
    assert_close_f32(p.partial(0), bd * ad.powf(bd - 1.0), "∂powf/∂x");
    assert_close_f32(p.partial(1), ad.powf(bd) * ad.ln(), "∂powf/∂y");
    let t = x.atan2(y);
    assert_same_f32(t.value(), a.atan2(b), "atan2");
    assert_close_f32(t.partial(0), bd / (ad * ad + bd * bd), "∂atan2/∂y");
    assert_close_f32(t.partial(1), -ad / (ad * ad + bd * bd), "∂atan2/∂x");
    let h = x.hypot(y);
    assert_close_f32(h.partial(0), ad / ad.hypot(bd), "∂hypot/∂x");
    let r = y % x;
    assert_same_f32(r.value(), b % a, "%");
    assert_eq!(r.partials(), &[-1.0, 1.0]);
}

#[test]
fn f32_derivative_and_jacobian_drivers() {
    let d = derivative(|x: Dual<f32, 1>| x * x.sin(), 1.0_f32);
    assert_close_f32(d, 1.0_f64.sin() + 1.0_f64.cos(), "d/dx x sin x");
    let j = jacobian(|v| [v[0] * v[1], v[0] + v[1]], [3.0_f32, 4.0]);
    assert_eq!(j, [[4.0, 3.0], [1.0, 1.0]]);
}

#[test]
fn f32_keeps_the_edge_case_promises() {
    let c = D::constant(0.0);
    for d in [
        c.sqrt(),
        c.cbrt(),
        c.ln(),
        c.recip(),
        c.powf(D::constant(0.5)),
    ] {
        assert_eq!(d.partials(), &[0.0, 0.0]);
    }
    assert_eq!(D::variable(0.0, 0).sqrt().partials(), &[f32::INFINITY, 0.0]);
    let sq = D::variable(-2.0, 0).powf(D::constant(2.0));
    assert_eq!((sq.value(), sq.partial(0)), (4.0, -4.0));
    let t = D::variable(1.0, 0).atan2(D::variable(0.0, 1));
    assert_eq!(t.partials(), &[0.0, -1.0]);
    let y = D::variable(100.0, 0).exp();
    assert_eq!((y.value(), y.partial(0)), (f32::INFINITY, f32::INFINITY));
    assert!(D::variable(f32::NAN, 0).sin().value().is_nan());
}
