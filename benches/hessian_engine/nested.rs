//! The nested-dual chunk Hessian that `chunk::hessian_of` used before it
//! moved to `Dual2` (one pass of `Dual<Dual<f64, C>, C>` per pair of blocks
//! inner ≤ outer, mirrored, C chosen from n as the `_of` drivers choose it),
//! kept here as the baseline of the `hessian-engine` groups.

use std::ops::Range;

use dualgrad::{Dual, ScalarFn};
use num_traits::{One, Zero};

/// ⌈n / width⌉ consecutive blocks whose lengths differ by at most one.
fn blocks(n: usize, width: usize) -> impl Iterator<Item = Range<usize>> + Clone {
    let passes = n.div_ceil(width);
    let base = n.checked_div(passes).unwrap_or(0);
    let longer = n.checked_rem(passes).unwrap_or(0);
    (0..passes).map(move |k| {
        let start = k * base + k.min(longer);
        start..start + base + usize::from(k < longer)
    })
}

/// The row-major Hessian of f at x on nested duals of width C.
fn passes<F: ScalarFn, const C: usize>(f: &F, x: &[f64], hessian: &mut [f64]) {
    let n = x.len();
    let mut inputs: Vec<Dual<Dual<f64, C>, C>> = x
        .iter()
        .map(|&v| Dual::constant(Dual::constant(v)))
        .collect();
    for inner in blocks(n, C) {
        for outer in blocks(n, C).filter(|outer| outer.start >= inner.start) {
            for (k, i) in inner.clone().enumerate() {
                inputs[i] = Dual::new(Dual::variable(x[i], k), *inputs[i].partials());
            }
            for (l, i) in outer.clone().enumerate() {
                let mut slopes = [Dual::zero(); C];
                slopes[l] = Dual::one();
                inputs[i] = Dual::new(inputs[i].value(), slopes);
            }
            let (_, second) = f.eval(&inputs).into_parts();
            for (l, i) in outer.clone().enumerate() {
                for (k, j) in inner.clone().enumerate() {
                    hessian[i * n + j] = second[l].partials()[k];
                    hessian[j * n + i] = second[l].partials()[k];
                }
            }
            for i in inner.clone().chain(outer) {
                inputs[i] = Dual::constant(Dual::constant(x[i]));
            }
        }
    }
}

/// The nested-dual Hessian of f at x (row-major), width ⌈n / ⌈n / 12⌉⌉.
pub fn hessian_of<F: ScalarFn>(f: &F, x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut hessian = vec![0.0; n * n];
    match n.div_ceil(n.div_ceil(12)) {
        8 => passes::<F, 8>(f, x, &mut hessian),
        10 => passes::<F, 10>(f, x, &mut hessian),
        11 => passes::<F, 11>(f, x, &mut hessian),
        12 => passes::<F, 12>(f, x, &mut hessian),
        w => panic!("width {w} is not compiled in this baseline"),
    }
    hessian
}
