//! With `Float`, `Signed`, nalgebra's `RealField` and `ComplexField` all in
//! scope, method calls on a concrete `Dual` are not ambiguous: the inherent
//! methods win, and they have `Float`'s exact signatures, so concrete and
//! generic code read the same. (This module failing to compile is the
//! failure.)

#[allow(unused_imports)]
use nalgebra::{ComplexField, RealField};
#[allow(unused_imports)]
use num_traits::{Float, Signed};

use dualgrad::Dual;

type D = Dual<f64, 2>;

#[test]
fn calls_resolve_to_the_inherent_methods_with_every_trait_in_scope() {
    let x = D::variable(2.0, 0);
    let y = D::variable(3.0, 1);
    let r = x.sqrt()
        + x.abs()
        + x.max(y)
        + x.min(y)
        + x.powf(y)
        + x.sin()
        + x.signum()
        + x.atan2(y)
        + x.hypot(y)
        + x.exp()
        + x.ln()
        + x.powi(2)
        + x.clamp(y, y)
        + x.copysign(y)
        + x.mul_add(y, x);
    let plain = 2.0_f64.sqrt()
        + 2.0
        + 3.0
        + 2.0
        + 8.0
        + 2.0_f64.sin()
        + 1.0
        + 2.0_f64.atan2(3.0)
        + 2.0_f64.hypot(3.0)
        + 2.0_f64.exp()
        + 2.0_f64.ln()
        + 4.0
        + 3.0
        + 2.0
        + 8.0;
    assert!((r.value() - plain).abs() < 1e-12);
}

#[test]
fn inherent_signatures_are_floats() {
    // Coercing to `Float`'s function types fails to compile if a signature
    // drifts (say `powf(self, n: f64)`).
    let _: fn(D, D) -> D = D::powf;
    let _: fn(D, D) -> D = D::max;
    let _: fn(D, D) -> D = D::min;
    let _: fn(D, D) -> D = D::atan2;
    let _: fn(D, D) -> D = D::hypot;
    let _: fn(D, D) -> D = D::log;
    let _: fn(D, D) -> D = D::copysign;
    let _: fn(D, D) -> D = D::abs_sub;
    let _: fn(D, D, D) -> D = D::clamp;
    let _: fn(D, D, D) -> D = D::mul_add;
    let _: fn(D, i32) -> D = D::powi;
    let _: fn(D) -> (D, D) = D::sin_cos;
    let generic: fn(D, D) -> D = <D as Float>::powf;
    let x = D::variable(2.0, 0);
    assert_eq!(generic(x, x).partials(), x.powf(x).partials());
}
