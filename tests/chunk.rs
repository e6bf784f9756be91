//! Chunk mode as a user calls it: run-time lengths, reusable configs.

use dualgrad::Dual;
use dualgrad::chunk::{self, JacobianConfig};

/// `jacobian_with` must not return the previous call's derivatives for an
/// output that f leaves unwritten: every output starts each pass as the
/// constant 0.
#[test]
fn jacobian_with_resets_outputs_that_f_does_not_write() {
    let x = [1.0, 2.0];
    let mut config = JacobianConfig::<f64, 2>::new(2, 3);
    let mut out = [0.0; 6];
    // First f writes every output: rows (x₁, x₀), (3, 0), (0, 4).
    let every = |v: &[Dual<f64, 2>], y: &mut [Dual<f64, 2>]| {
        y[0] = v[0] * v[1];
        y[1] = v[0] * 3.0;
        y[2] = v[1] * 4.0;
    };
    chunk::jacobian_with(&mut config, every, &x, &mut out).unwrap();
    assert_eq!(out, [2.0, 1.0, 3.0, 0.0, 0.0, 4.0]);
    // Second f writes output 0 only: the other rows are the derivative of
    // the constant 0, not the first call's 3 and 4.
    let first_only = |v: &[Dual<f64, 2>], y: &mut [Dual<f64, 2>]| {
        y[0] = v[0] + v[1];
    };
    chunk::jacobian_with(&mut config, first_only, &x, &mut out).unwrap();
    assert_eq!(out, [1.0, 1.0, 0.0, 0.0, 0.0, 0.0]);
}

/// Within one call too: with a chunk of 1, f runs once per input, and an
/// output it writes only in the first pass must not carry that pass's slope
/// into the second.
#[test]
fn jacobian_with_resets_outputs_between_passes() {
    let x = [1.0, 2.0];
    let mut config = JacobianConfig::<f64, 1>::new(2, 2);
    let mut out = [0.0; 4];
    // Writes output 1 only while input 0 is the seeded one.
    let f = |v: &[Dual<f64, 1>], y: &mut [Dual<f64, 1>]| {
        y[0] = v[0] * v[1];
        if v[0].partial(0) == 1.0 {
            y[1] = v[0] * 5.0;
        }
    };
    chunk::jacobian_with(&mut config, f, &x, &mut out).unwrap();
    assert_eq!(out, [2.0, 1.0, 5.0, 0.0]);
}
