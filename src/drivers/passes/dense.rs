//! The dense passes: every input its own direction. First order on
//! `Dual<T, C>` (gradients, Jacobians), second order on `Dual2<T, C>`
//! (Hessians), and forward over forward on `Dual<Dual<T, C>, 1>`
//! (Hessian-vector products), with the read-out of each pass.

use core::ops::Range;

use num_traits::Float;

use super::{
    Buffer, Directions, PairOfChunks, each_chunk, first_order_passes, second_order_passes,
};
use crate::number::tag::Tag;
use crate::{Dual, Dual2};

/// n directions, direction i seeding input i alone.
fn one_input_each(
    n: usize,
    chunk_size: usize,
) -> Directions<impl Fn(usize) -> Range<usize> + Copy> {
    Directions {
        count: n,
        chunk_size,
        members: |i| i..i + 1,
    }
}

/// The first-order passes over x: for each chunk of at most C inputs the
/// chunk is seeded (input `chunk.start + k` in partial k) and every other
/// input is the constant xᵢ while `pass(inputs, chunk)` runs. An empty x
/// has one pass with an empty chunk, so that f is still called for its
/// value.
///
/// `inputs` must have x's length (the drivers check it or allocate it). An
/// error from `pass` stops the loop and is returned.
pub(crate) fn first_order<T, B, E, const C: usize>(
    inputs: &mut B,
    x: &[T],
    pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual<T, C>>,
{
    first_order_passes(inputs, x, one_input_each(x.len(), C), pass)
}

/// The passes of a Hessian-vector product over x along v, on
/// `Dual<Dual<T, C>, 1>`: every input carries the direction, `xᵢ + vᵢε`,
/// and the coordinates of each chunk are also seeded in the inner partials,
/// so that the outer partial of f's result carries ∇f·v and, in its inner
/// partials, the chunk of H·v.
pub(crate) fn along_first_order<T, B, E, const C: usize>(
    inputs: &mut B,
    x: &[T],
    v: &[T],
    pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual<Dual<T, C>, 1>>,
{
    let tag = Tag::fresh();
    let direction = |i: usize| [Dual::constant(v[i])];
    each_chunk(
        inputs,
        x.len(),
        one_input_each(x.len(), C),
        |i| Dual::new(Dual::constant(x[i]), direction(i)).tagged(tag),
        |i, k| Dual::new(Dual::variable(x[i], k).tagged(tag), direction(i)).tagged(tag),
        pass,
    )
}

/// Writes the partials of `y` along `chunk` to `out[chunk]`: a gradient's
/// chunk, or a Jacobian row's.
#[inline]
pub(crate) fn read_chunk<T: Float, const C: usize>(
    y: &Dual<T, C>,
    chunk: Range<usize>,
    out: &mut [T],
) {
    let len = chunk.len();
    out[chunk].copy_from_slice(&y.partials()[..len]);
}

/// The dense second-order passes over x, on `Dual2<T, C>`: a pass on
/// chunks a and b gives f's gradient on both and the Hessian blocks H_aa,
/// H_ab and H_bb. An empty x has one pass with nothing seeded, so that f
/// is still called for its value.
pub(crate) fn second_order<T, B, E, const C: usize>(
    inputs: &mut B,
    x: &[T],
    pass: impl FnMut(&B, &PairOfChunks) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual2<T, C>>,
{
    second_order_passes(inputs, x, one_input_each(x.len(), C), pass)
}

/// What a dense second-order pass found: calls `gradient(i, ∂f/∂xᵢ)` for
/// every seeded input and `hessian(i, j, ∂²f/∂xᵢ∂xⱼ)` for every pair
/// i ≤ j the pass owns (the caller mirrors it to (j, i)). Returns f(x).
#[inline]
pub(crate) fn read_second_order<T: Float, const C: usize>(
    y: &Dual2<T, C>,
    pair: &PairOfChunks,
    mut gradient: impl FnMut(usize, T),
    mut hessian: impl FnMut(usize, usize, T),
) -> T {
    for (i, s) in pair.seeded() {
        gradient(i, y.gradient()[s]);
        for (j, t) in pair.seeded().skip(s) {
            if pair.owns(s, t) {
                hessian(i, j, y.hessian_entry(s, t));
            }
        }
    }
    y.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_order_passes_leave_every_other_input_constant() {
        let x: Vec<f64> = (0..10).map(f64::from).collect();
        let mut inputs = vec![Dual::<f64, 3>::constant(0.0); x.len()];
        let mut seen = Vec::new();
        first_order(&mut inputs, &x, |v: &Vec<Dual<f64, 3>>, chunk| {
            for (i, d) in v.iter().enumerate() {
                assert_eq!(d.value(), x[i]);
                let expected = chunk.contains(&i);
                assert_eq!(!d.is_constant(), expected, "input {i} in pass {chunk:?}");
            }
            seen.push(chunk);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, [0..3, 3..6, 6..8, 8..10]);
        // The last chunk stays seeded; the values are x's.
        assert!(inputs[..8].iter().all(Dual::is_constant));
        assert!(inputs.iter().zip(&x).all(|(d, &v)| d.value() == v));
    }

    #[test]
    fn an_error_stops_the_passes() {
        let mut inputs = vec![Dual::<f64, 1>::constant(0.0); 3];
        let mut calls = 0;
        let result = first_order(&mut inputs, &[1.0, 2.0, 3.0], |_: &Vec<_>, _| {
            calls += 1;
            if calls == 2 { Err("second") } else { Ok(()) }
        });
        assert_eq!((result, calls), (Err("second"), 2));
    }
}
