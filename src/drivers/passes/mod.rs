//! The passes of every driver whose input length is known only at run time:
//! seed a block of inputs, evaluate f, read the partials, reset.
//!
//! A `Dual<T, C>` carries C partials, so an input of n coordinates is
//! differentiated in ⌈n / C⌉ passes. Pass k seeds the coordinates of block
//! k as variables 0, 1, … of the dual and leaves the others constant; the
//! partials of f's result are then the derivatives along that block. The
//! Hessian passes run on the second-order number `Dual2<T, C>`: up to C
//! inputs take one pass, more are split into blocks of C/2 and each pass
//! seeds a pair of blocks, every unordered pair once.
//!
//! The sparse drivers seed *groups* of inputs instead: direction c (a
//! colour) is partial c of every input in the group, so one pass gives f's
//! derivative along the sum of their unit vectors. The dense passes are
//! the case of one input per direction, and the same loops serve both, at
//! first and at second order.
//!
//! This module owns the block split and the loop; the driver
//! families (`chunk` on slices, `linalg::dynamic` on `DVector`, the rayon
//! drivers, `sparse`) only say how f is called and where its partials go.

use core::ops::Range;

use num_traits::Float;

use crate::number::tag::Tag;
use crate::{Dual, Dual2};

/// A buffer of dual inputs the passes seed in place: a `Vec` (the configs'
/// buffers) or a `DVector` of duals.
pub(crate) trait Inputs<D> {
    /// The inputs, to be seeded.
    fn slots(&mut self) -> &mut [D];
}

impl<D> Inputs<D> for Vec<D> {
    fn slots(&mut self) -> &mut [D] {
        self
    }
}

#[cfg(feature = "nalgebra")]
impl<D: nalgebra::Scalar> Inputs<D> for nalgebra::DVector<D> {
    fn slots(&mut self) -> &mut [D] {
        self.as_mut_slice()
    }
}

/// The passes: ⌈n / width⌉ consecutive blocks of 0..n whose lengths differ
/// by at most one, as ForwardDiff.jl splits them: n = 13 with width 12 is
/// two passes of 7 and 6, not 12 and 1, so every pass's seeding and
/// read-out is about the same size.
pub(crate) fn blocks(n: usize, width: usize) -> impl Iterator<Item = Range<usize>> + Clone {
    let width = width.max(1);
    let passes = n.div_ceil(width);
    let base = n.checked_div(passes).unwrap_or(0);
    let longer = n.checked_rem(passes).unwrap_or(0);
    (0..passes).map(move |k| {
        // The first `longer` blocks have base + 1 coordinates.
        let start = k * base + k.min(longer);
        start..start + base + usize::from(k < longer)
    })
}

/// The first-order passes over x: every input is made the constant xᵢ,
/// then for each block the block is seeded, `pass(inputs, block)` is
/// called, and the block is made constant again. An empty x has one pass
/// with an empty block, so that f is still called for its value.
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
    B: Inputs<Dual<T, C>> + ?Sized,
{
    grouped_first_order(inputs, x, x.len(), |i| i..i + 1, pass)
}

/// The first-order passes over x along groups of inputs: direction c
/// seeds every input of `members(c)` in the same partial, so that a pass
/// gives f's derivative along the sum of their unit vectors (a compressed
/// Jacobian: the groups are the colours of a column colouring). The passes
/// split the `directions` into blocks of at most C, as [`first_order`],
/// which is the case of one input per direction. `pass(inputs, block)`
/// gets the block of directions, partial k holding direction
/// `block.start + k`.
pub(crate) fn grouped_first_order<T, B, E, M, const C: usize>(
    inputs: &mut B,
    x: &[T],
    directions: usize,
    members: impl Fn(usize) -> M,
    pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Inputs<Dual<T, C>> + ?Sized,
    M: IntoIterator<Item = usize>,
{
    let tag = Tag::fresh();
    blockwise(
        inputs,
        x.len(),
        Directions {
            count: directions,
            width: C,
            members,
        },
        |i| Dual::constant(x[i]),
        |i, k| Dual::variable(x[i], k).tagged(tag),
        pass,
    )
}

/// The passes of a Hessian-vector product over x along v, on
/// `Dual<Dual<T, C>, 1>`: every input carries the direction, `xᵢ + vᵢε`,
/// and the coordinates of each block are also seeded in the inner partials,
/// so that the outer partial of f's result carries ∇f·v and, in its inner
/// partials, the block of H·v.
pub(crate) fn along_first_order<T, B, E, const C: usize>(
    inputs: &mut B,
    x: &[T],
    v: &[T],
    pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Inputs<Dual<Dual<T, C>, 1>> + ?Sized,
{
    let tag = Tag::fresh();
    let direction = |i: usize| [Dual::constant(v[i])];
    blockwise(
        inputs,
        x.len(),
        Directions {
            count: x.len(),
            width: C,
            members: |i| i..i + 1,
        },
        |i| Dual::new(Dual::constant(x[i]), direction(i)).tagged(tag),
        |i, k| Dual::new(Dual::variable(x[i], k).tagged(tag), direction(i)).tagged(tag),
        pass,
    )
}

/// The directions of the first-order passes: `count` directions, at most
/// `width` per pass, direction c seeding the inputs `members(c)`. The
/// members of all directions partition the inputs: every input belongs to
/// exactly one direction (one input per direction in dense passes, one
/// colour per column in compressed ones).
struct Directions<G> {
    count: usize,
    width: usize,
    members: G,
}

/// The loop of the first-order passes: for each block of at most `width`
/// directions every input i of direction `block.start + k` is
/// `variable(i, k)` and every other input `constant(i)` while `pass` runs.
/// No directions give one pass with an empty block.
///
/// As the directions partition the inputs, a single block seeds every
/// input, so the inputs are made constant only when there are several
/// blocks, and a block is made constant again only when another follows:
/// on return the inputs of the last block are still seeded (each call
/// starts afresh). For a compressed pass over all of n inputs this is one
/// write per input instead of three.
fn blockwise<D, B, E, G, M>(
    inputs: &mut B,
    n: usize,
    directions: Directions<G>,
    constant: impl Fn(usize) -> D,
    variable: impl Fn(usize, usize) -> D,
    mut pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    B: Inputs<D> + ?Sized,
    G: Fn(usize) -> M,
    M: IntoIterator<Item = usize>,
{
    let several = directions.count > directions.width;
    if several || directions.count == 0 {
        for (i, slot) in inputs.slots().iter_mut().enumerate().take(n) {
            *slot = constant(i);
        }
    }
    if directions.count == 0 {
        return pass(inputs, 0..0);
    }
    let mut blocks = blocks(directions.count, directions.width).peekable();
    while let Some(block) = blocks.next() {
        let slots = inputs.slots();
        for (k, direction) in block.clone().enumerate() {
            for i in (directions.members)(direction) {
                slots[i] = variable(i, k);
            }
        }
        pass(inputs, block.clone())?;
        if blocks.peek().is_some() {
            let slots = inputs.slots();
            for direction in block {
                for i in (directions.members)(direction) {
                    slots[i] = constant(i);
                }
            }
        }
    }
    Ok(())
}

/// The slots of one pass of [`grouped_second_order`]: the directions of
/// `first` in slots 0.., those of `second` after them, and which pairs of
/// directions this pass owns, so that every pair is read in exactly one
/// pass.
pub(crate) struct PairOfBlocks {
    first: Range<usize>,
    second: Range<usize>,
    /// This pass owns the pairs within `first` (resp. `second`).
    first_diagonal: bool,
    second_diagonal: bool,
}

impl PairOfBlocks {
    /// The slot of direction c in this pass, if it is seeded.
    #[inline]
    pub(crate) fn slot(&self, c: usize) -> Option<usize> {
        if self.first.contains(&c) {
            Some(c - self.first.start)
        } else if self.second.contains(&c) {
            Some(self.first.len() + c - self.second.start)
        } else {
            None
        }
    }

    /// The seeded directions with their slots, (direction, slot), in slot
    /// order.
    #[inline]
    pub(crate) fn seeded(&self) -> impl Iterator<Item = (usize, usize)> + Clone + use<> {
        self.first.clone().chain(self.second.clone()).zip(0..)
    }

    /// `true` for the single pass that seeds every direction in slots
    /// 0.., owning every pair.
    #[inline]
    #[cfg_attr(not(feature = "sparse"), allow(dead_code))]
    pub(crate) fn is_whole(&self) -> bool {
        self.first.start == 0 && self.second.is_empty() && self.first_diagonal
    }

    /// `true` when this pass owns the pair of directions in slots s and t.
    #[inline]
    pub(crate) fn owns(&self, s: usize, t: usize) -> bool {
        let in_first = |slot: usize| slot < self.first.len();
        match (in_first(s), in_first(t)) {
            (true, true) => self.first_diagonal,
            (false, false) => self.second_diagonal,
            _ => true,
        }
    }

    /// The slots of directions c and d when this pass owns their pair.
    #[inline]
    #[cfg_attr(not(feature = "sparse"), allow(dead_code))]
    pub(crate) fn owned(&self, c: usize, d: usize) -> Option<(usize, usize)> {
        let (s, t) = (self.slot(c)?, self.slot(d)?);
        self.owns(s, t).then_some((s, t))
    }
}

/// The number of passes of [`grouped_second_order`] over `directions`
/// directions on `Dual2<T, width>`: one for up to `width`, else one per
/// pair of the ⌈directions / (width/2)⌉ blocks.
pub(crate) fn second_order_passes(directions: usize, width: usize) -> usize {
    if directions <= width {
        return 1;
    }
    let blocks = directions.div_ceil((width / 2).max(1));
    blocks * (blocks - 1) / 2
}

/// The second-order passes over x along groups of inputs, on `Dual2<T,
/// C>`: direction c seeds every input of `members(c)` in one slot, so a
/// pass gives the second derivatives along sums of unit vectors. Up to C
/// directions take one pass. More are split into blocks of C / 2, and each
/// pass seeds a pair of blocks (C ≥ 2 then),
/// [`second_order_passes`] in all; [`PairOfBlocks::owned`] says which
/// pass reads which pair of directions. The dense Hessian is the case of
/// one input per direction ([`second_order`]).
///
/// Why pairs of blocks, each pair once, and not a pass per block on the
/// diagonal as well: a pass on blocks a and b computes the triangle of
/// `Dual2<T, C>`, which holds H_aa and H_bb beside H_ab, so the diagonal
/// blocks come free with the pairs (read from one pass each).
pub(crate) fn grouped_second_order<T, B, E, M, const C: usize>(
    inputs: &mut B,
    x: &[T],
    directions: usize,
    members: impl Fn(usize) -> M,
    mut pass: impl FnMut(&B, &PairOfBlocks) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Inputs<Dual2<T, C>> + ?Sized,
    M: IntoIterator<Item = usize>,
{
    for (slot, &xi) in inputs.slots().iter_mut().zip(x) {
        *slot = Dual2::constant(xi);
    }
    let tag = Tag::fresh();
    let mut run = |inputs: &mut B, pair: PairOfBlocks| {
        let slots = inputs.slots();
        for (c, slot) in pair.seeded() {
            for i in members(c) {
                slots[i] = Dual2::variable(x[i], slot).tagged(tag);
            }
        }
        let result = pass(inputs, &pair);
        let slots = inputs.slots();
        for (c, _) in pair.seeded() {
            for i in members(c) {
                slots[i] = Dual2::constant(x[i]);
            }
        }
        result
    };
    if directions <= C {
        return run(
            inputs,
            PairOfBlocks {
                first: 0..directions,
                second: directions..directions,
                first_diagonal: true,
                second_diagonal: false,
            },
        );
    }
    // Indexed rather than collected: the configs' passes allocate nothing.
    let half = |k: usize| blocks(directions, C / 2).nth(k).unwrap_or(0..0);
    let last = directions.div_ceil((C / 2).max(1)) - 1;
    for a in 0..last {
        for b in a + 1..=last {
            let pair = PairOfBlocks {
                first: half(a),
                second: half(b),
                first_diagonal: b == a + 1,
                second_diagonal: b == last && a + 1 == b,
            };
            run(inputs, pair)?;
        }
    }
    Ok(())
}

/// The dense second-order passes over x, on `Dual2<T, C>`: each input is
/// its own direction, so a pass on blocks a and b gives f's gradient on
/// both and the Hessian blocks H_aa, H_ab and H_bb. An empty x has one
/// pass with nothing seeded, so that f is still called for its value.
pub(crate) fn second_order<T, B, E, const C: usize>(
    inputs: &mut B,
    x: &[T],
    pass: impl FnMut(&B, &PairOfBlocks) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Inputs<Dual2<T, C>> + ?Sized,
{
    grouped_second_order(inputs, x, x.len(), |i| i..i + 1, pass)
}

/// What a dense second-order pass found: calls `gradient(i, ∂f/∂xᵢ)` for
/// every seeded input and `hessian(i, j, ∂²f/∂xᵢ∂xⱼ)` for every pair
/// i ≤ j the pass owns (the caller mirrors it to (j, i)). Returns f(x).
#[inline]
pub(crate) fn read_second_order<T: Float, const C: usize>(
    y: &Dual2<T, C>,
    pair: &PairOfBlocks,
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

/// Writes the partials of `y` along `block` to `out[block]`: a gradient's
/// block, or a Jacobian row's.
#[inline]
pub(crate) fn read_block<T: Float, const C: usize>(
    y: &Dual<T, C>,
    block: Range<usize>,
    out: &mut [T],
) {
    let len = block.len();
    out[block].copy_from_slice(&y.partials()[..len]);
}

/// Runs the first-order passes on rayon's pool, one job per block, each on
/// a buffer of constant inputs of its own (rayon makes one per job it
/// splits off, not one per thread). `pass` returns what the block
/// contributes; the results come back in block order.
#[cfg(feature = "rayon")]
pub(crate) fn par_first_order<T, R, const C: usize>(
    x: &[T],
    pass: impl Fn(&[Dual<T, C>], Range<usize>) -> R + Sync,
) -> Vec<(Range<usize>, R)>
where
    T: Float + Send + Sync,
    R: Send,
{
    use rayon::prelude::*;

    let blocks: Vec<Range<usize>> = blocks(x.len(), C).collect();
    let tag = Tag::fresh();
    let fresh = || -> Vec<Dual<T, C>> { x.iter().map(|&v| Dual::constant(v)).collect() };
    blocks
        .into_par_iter()
        .map_init(fresh, |inputs, block| {
            for (k, i) in block.clone().enumerate() {
                inputs[i] = Dual::variable(x[i], k).tagged(tag);
            }
            let found = pass(inputs, block.clone());
            for i in block.clone() {
                inputs[i] = Dual::constant(x[i]);
            }
            (block, found)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(n: usize, width: usize) -> Vec<usize> {
        blocks(n, width).map(|b| b.len()).collect()
    }

    #[test]
    fn blocks_split_evenly_and_cover_every_coordinate_once() {
        assert_eq!(lengths(13, 12), [7, 6]);
        assert_eq!(lengths(25, 12), [9, 8, 8]);
        assert_eq!(lengths(12, 12), [12]);
        assert_eq!(lengths(3, 12), [3]);
        assert_eq!(lengths(0, 12), Vec::<usize>::new());
        for n in 0..200 {
            for width in [1, 4, 7, 12] {
                let b: Vec<_> = blocks(n, width).collect();
                assert_eq!(b.len(), n.div_ceil(width), "n = {n}, width = {width}");
                assert!(b.iter().all(|r| r.len() <= width && !r.is_empty()));
                let covered: Vec<usize> = b.into_iter().flatten().collect();
                assert_eq!(covered, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn first_order_passes_leave_every_other_input_constant() {
        let x: Vec<f64> = (0..10).map(f64::from).collect();
        let mut inputs = vec![Dual::<f64, 3>::constant(0.0); x.len()];
        let mut seen = Vec::new();
        first_order(&mut inputs, &x, |v: &Vec<Dual<f64, 3>>, block| {
            for (i, d) in v.iter().enumerate() {
                assert_eq!(d.value(), x[i]);
                let expected = block.contains(&i);
                assert_eq!(!d.is_constant(), expected, "input {i} in pass {block:?}");
            }
            seen.push(block);
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(seen, [0..3, 3..6, 6..8, 8..10]);
        // The last block stays seeded; the values are x's.
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
