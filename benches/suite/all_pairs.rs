//! The chunk Hessian's passes without block symmetry, the baseline of the
//! `chunk-hessian` groups: what `chunk::hessian_with` would cost if it ran
//! every ordered pair of blocks instead of the pairs inner ≤ outer.

use std::ops::Range;

use dualgrad::Dual;
use num_traits::{One, Zero};

/// The nested dual of one chunk of C partials in each order.
pub type ChunkNested<const C: usize> = Dual<Dual<f64, C>, C>;

/// ⌈n / width⌉ consecutive blocks whose lengths differ by at most one: the
/// split of src/passes.rs `blocks` (which is crate-private).
fn blocks(n: usize, width: usize) -> impl Iterator<Item = Range<usize>> + Clone {
    let passes = n.div_ceil(width);
    let base = n.checked_div(passes).unwrap_or(0);
    let longer = n.checked_rem(passes).unwrap_or(0);
    (0..passes).map(move |k| {
        let start = k * base + k.min(longer);
        start..start + base + usize::from(k < longer)
    })
}

/// f(x), the gradient into `gradient` and the row-major Hessian into
/// `hessian`, from b² passes for b = ⌈n / C⌉ blocks: every ordered pair
/// (inner, outer), seeded as src/passes.rs `second_order` seeds a pair,
/// each pass writing its own block of H (no mirroring). `inputs` is the
/// reused work buffer, of x's length; x must not be empty.
pub fn all_pairs_hessian<const C: usize>(
    inputs: &mut [ChunkNested<C>],
    f: impl Fn(&[ChunkNested<C>]) -> ChunkNested<C>,
    x: &[f64],
    gradient: &mut [f64],
    hessian: &mut [f64],
) -> f64 {
    let n = x.len();
    for (slot, &xi) in inputs.iter_mut().zip(x) {
        *slot = Dual::constant(Dual::constant(xi));
    }
    let mut value = f64::NAN;
    for inner in blocks(n, C) {
        for outer in blocks(n, C) {
            for (k, i) in inner.clone().enumerate() {
                inputs[i] = Dual::new(Dual::variable(x[i], k), *inputs[i].partials());
            }
            for (l, i) in outer.clone().enumerate() {
                let mut slopes = [Dual::zero(); C];
                slopes[l] = Dual::one();
                inputs[i] = Dual::new(inputs[i].value(), slopes);
            }
            let (first, second) = f(inputs).into_parts();
            if inner == outer {
                value = first.value();
                for (k, i) in inner.clone().enumerate() {
                    gradient[i] = first.partials()[k];
                }
            }
            for (l, i) in outer.clone().enumerate() {
                for (k, j) in inner.clone().enumerate() {
                    hessian[i * n + j] = second[l].partials()[k];
                }
            }
            for i in inner.clone().chain(outer) {
                inputs[i] = Dual::constant(Dual::constant(x[i]));
            }
        }
    }
    value
}
