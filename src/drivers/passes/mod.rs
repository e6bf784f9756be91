//! The passes of every driver whose input length is known only at run time:
//! seed a chunk of inputs, evaluate f, read the partials, reset.
//!
//! A `Dual<T, C>` carries C partials, so an input of n coordinates is
//! differentiated in ⌈n / C⌉ passes, C the chunk size. Pass k seeds the
//! coordinates of chunk k as variables 0, 1, … of the dual and leaves the
//! others constant; the partials of f's result are then the derivatives
//! along that chunk. The Hessian passes run on the second-order number
//! `Dual2<T, C>`: up to C inputs take one pass, more are split into chunks
//! of C/2 and each pass seeds a pair of chunks, every unordered pair once.
//!
//! The loops here seed *directions*: direction c is one partial, seeded on
//! every input of its group, so that a pass gives f's derivative along the
//! sum of their unit vectors.
//!
//! * `mod.rs`: the buffers handed to f, the chunk split, and the loops at
//!   first and second order;
//! * `dense.rs`: one input per direction, the passes of `chunk` and
//!   `linalg::dynamic` (gradients, Jacobians, Hessians, Hessian-vector
//!   products) and their read-out;
//! * `grouped.rs` (feature `sparse`): the inputs of one colour per
//!   direction, the passes of the compressed Jacobians and Hessians;
//! * `parallel.rs` (feature `rayon`): the dense first-order passes on
//!   rayon's pool.
//!
//! The driver families only say how f is called and where its partials go.

mod dense;
#[cfg(feature = "sparse")]
mod grouped;
#[cfg(feature = "rayon")]
mod parallel;

use core::ops::Range;

use num_traits::Float;

use crate::number::tag::Tag;
use crate::{Dual, Dual2};

pub(crate) use dense::{
    along_first_order, first_order, read_chunk, read_second_order, second_order,
};
#[cfg(feature = "sparse")]
pub(crate) use grouped::{grouped_first_order, grouped_second_order};
#[cfg(feature = "rayon")]
pub(crate) use parallel::par_first_order;

/// A buffer of duals that f reads or writes: a `Vec` (what the configs
/// keep) or a `DVector` around the same allocation (what
/// `linalg::dynamic`'s f takes).
pub(crate) trait Buffer<D>: Sized {
    /// The duals, to be seeded or read.
    fn slots(&mut self) -> &mut [D];

    /// Runs `body` on `buffer` held as `Self`, then puts it back: a `Vec`
    /// is lent as itself, a `DVector` wraps the allocation without copying
    /// (should `body` panic, `buffer` is left empty).
    fn lend<R>(buffer: &mut Vec<D>, body: impl FnOnce(&mut Self) -> R) -> R;
}

impl<D> Buffer<D> for Vec<D> {
    #[inline]
    fn slots(&mut self) -> &mut [D] {
        self
    }

    #[inline]
    fn lend<R>(buffer: &mut Vec<D>, body: impl FnOnce(&mut Self) -> R) -> R {
        body(buffer)
    }
}

#[cfg(feature = "nalgebra")]
impl<D: nalgebra::Scalar> Buffer<D> for nalgebra::DVector<D> {
    #[inline]
    fn slots(&mut self) -> &mut [D] {
        self.as_mut_slice()
    }

    #[inline]
    fn lend<R>(buffer: &mut Vec<D>, body: impl FnOnce(&mut Self) -> R) -> R {
        let mut vector = nalgebra::DVector::from_vec(core::mem::take(buffer));
        let result = body(&mut vector);
        *buffer = vector.data.into();
        result
    }
}

/// The passes: ⌈n / chunk_size⌉ consecutive chunks of 0..n whose lengths
/// differ by at most one, as ForwardDiff.jl splits them: n = 13 in chunks
/// of at most 12 is two passes of 7 and 6, not 12 and 1, so every pass's
/// seeding and read-out is about the same size.
pub(crate) fn chunks(n: usize, chunk_size: usize) -> impl Iterator<Item = Range<usize>> + Clone {
    let chunk_size = chunk_size.max(1);
    let passes = n.div_ceil(chunk_size);
    let base = n.checked_div(passes).unwrap_or(0);
    let longer = n.checked_rem(passes).unwrap_or(0);
    (0..passes).map(move |k| {
        // The first `longer` chunks have base + 1 coordinates.
        let start = k * base + k.min(longer);
        start..start + base + usize::from(k < longer)
    })
}

/// The balanced chunk size for n directions and at most `most` per pass:
/// the longest of [`chunks`]`(n, most)`, ⌈n / ⌈n / most⌉⌉, so that a dual
/// of this size takes as few passes as one of `most`. 1 for n = 0.
pub(crate) fn balanced_chunk_size(n: usize, most: usize) -> usize {
    chunks(n, most).next().map_or(1, |chunk| chunk.len())
}

/// The directions of the passes: `count` directions, at most `chunk_size`
/// per first-order pass, direction c seeding the inputs `members(c)`. The
/// members of all directions partition the inputs: every input belongs to
/// exactly one direction (one input per direction in dense passes, one
/// colour per column in compressed ones).
struct Directions<G> {
    count: usize,
    chunk_size: usize,
    members: G,
}

/// The first-order passes over x on `Dual<T, C>`: for each chunk of
/// directions, direction `chunk.start + k` seeded in partial k, every input
/// tagged with the call's tag.
fn first_order_passes<T, B, E, G, M, const C: usize>(
    inputs: &mut B,
    x: &[T],
    directions: Directions<G>,
    pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual<T, C>>,
    G: Fn(usize) -> M,
    M: IntoIterator<Item = usize>,
{
    let tag = Tag::fresh();
    each_chunk(
        inputs,
        x.len(),
        directions,
        |i| Dual::constant(x[i]),
        |i, k| Dual::variable(x[i], k).tagged(tag),
        pass,
    )
}

/// The loop of the first-order passes: for each chunk of at most
/// `chunk_size` directions every input i of direction `chunk.start + k` is
/// `variable(i, k)` and every other input `constant(i)` while `pass` runs.
/// No directions give one pass with an empty chunk, so that f is still
/// called for its value. An error from `pass` stops the loop and is
/// returned.
///
/// As the directions partition the inputs, a single chunk seeds every
/// input, so the inputs are made constant only when there are several
/// chunks, and a chunk is made constant again only when another follows:
/// on return the inputs of the last chunk are still seeded (each call
/// starts afresh). A compressed pass over all n inputs so writes each input
/// once.
fn each_chunk<D, B, E, G, M>(
    inputs: &mut B,
    n: usize,
    directions: Directions<G>,
    constant: impl Fn(usize) -> D,
    variable: impl Fn(usize, usize) -> D,
    mut pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    B: Buffer<D>,
    G: Fn(usize) -> M,
    M: IntoIterator<Item = usize>,
{
    let several = directions.count > directions.chunk_size;
    if several || directions.count == 0 {
        for (i, slot) in inputs.slots().iter_mut().enumerate().take(n) {
            *slot = constant(i);
        }
    }
    if directions.count == 0 {
        return pass(inputs, 0..0);
    }
    let mut chunks = chunks(directions.count, directions.chunk_size).peekable();
    while let Some(chunk) = chunks.next() {
        let slots = inputs.slots();
        for (k, direction) in chunk.clone().enumerate() {
            for i in (directions.members)(direction) {
                slots[i] = variable(i, k);
            }
        }
        pass(inputs, chunk.clone())?;
        if chunks.peek().is_some() {
            let slots = inputs.slots();
            for direction in chunk {
                for i in (directions.members)(direction) {
                    slots[i] = constant(i);
                }
            }
        }
    }
    Ok(())
}

/// The slots of one second-order pass: the directions of `first` in slots
/// 0.., those of `second` after them, and which pairs of directions this
/// pass owns, so that every pair is read in exactly one pass.
pub(crate) struct PairOfChunks {
    first: Range<usize>,
    second: Range<usize>,
    /// This pass owns the pairs within `first` (resp. `second`).
    first_diagonal: bool,
    second_diagonal: bool,
}

impl PairOfChunks {
    /// The seeded directions with their slots, (direction, slot), in slot
    /// order.
    #[inline]
    pub(crate) fn seeded(&self) -> impl Iterator<Item = (usize, usize)> + Clone + use<> {
        self.first.clone().chain(self.second.clone()).zip(0..)
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
}

/// The number of second-order passes over `directions` directions on
/// `Dual2<T, chunk_size>`: one for up to `chunk_size`, else one per pair
/// of the ⌈directions / (chunk_size/2)⌉ chunks.
pub(crate) fn second_order_pass_count(directions: usize, chunk_size: usize) -> usize {
    if directions <= chunk_size {
        return 1;
    }
    let chunks = directions.div_ceil((chunk_size / 2).max(1));
    chunks * (chunks - 1) / 2
}

/// The second-order passes over x on `Dual2<T, C>`: direction c seeds
/// every input of `members(c)` in one slot, so a pass gives the second
/// derivatives along sums of unit vectors. Up to C directions take one
/// pass. More are split into chunks of C / 2, and each pass seeds a pair
/// of chunks (C ≥ 2 then), [`second_order_pass_count`] in all;
/// [`PairOfChunks`] says which pass reads which pair of directions.
///
/// Pairs of chunks, each pair once, and no pass per chunk on the diagonal:
/// a pass on chunks a and b computes the triangle of `Dual2<T, C>`, which
/// holds H_aa and H_bb beside H_ab, so the diagonal chunks come free with
/// the pairs (read from one pass each).
fn second_order_passes<T, B, E, G, M, const C: usize>(
    inputs: &mut B,
    x: &[T],
    directions: Directions<G>,
    mut pass: impl FnMut(&B, &PairOfChunks) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual2<T, C>>,
    G: Fn(usize) -> M,
    M: IntoIterator<Item = usize>,
{
    for (slot, &xi) in inputs.slots().iter_mut().zip(x) {
        *slot = Dual2::constant(xi);
    }
    let tag = Tag::fresh();
    let members = &directions.members;
    let mut run = |inputs: &mut B, pair: PairOfChunks| {
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
    let count = directions.count;
    if count <= C {
        return run(
            inputs,
            PairOfChunks {
                first: 0..count,
                second: count..count,
                first_diagonal: true,
                second_diagonal: false,
            },
        );
    }
    // Indexed rather than collected: the configs' passes allocate nothing.
    let half = |k: usize| chunks(count, C / 2).nth(k).unwrap_or(0..0);
    let last = count.div_ceil((C / 2).max(1)) - 1;
    for a in 0..last {
        for b in a + 1..=last {
            let pair = PairOfChunks {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lengths(n: usize, chunk_size: usize) -> Vec<usize> {
        chunks(n, chunk_size).map(|b| b.len()).collect()
    }

    #[test]
    fn chunks_split_evenly_and_cover_every_coordinate_once() {
        assert_eq!(lengths(13, 12), [7, 6]);
        assert_eq!(lengths(25, 12), [9, 8, 8]);
        assert_eq!(lengths(12, 12), [12]);
        assert_eq!(lengths(3, 12), [3]);
        assert_eq!(lengths(0, 12), Vec::<usize>::new());
        for n in 0..200 {
            for chunk_size in [1, 4, 7, 12] {
                let b: Vec<_> = chunks(n, chunk_size).collect();
                assert_eq!(b.len(), n.div_ceil(chunk_size), "n = {n}, C = {chunk_size}");
                assert!(b.iter().all(|r| r.len() <= chunk_size && !r.is_empty()));
                let covered: Vec<usize> = b.into_iter().flatten().collect();
                assert_eq!(covered, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn balanced_chunk_sizes_take_as_few_passes_as_the_largest() {
        let cases = [
            (0, 1),
            (1, 1),
            (5, 5),
            (12, 12),
            (13, 7),
            (24, 12),
            (25, 9),
            (100, 12),
        ];
        for (n, size) in cases {
            assert_eq!(balanced_chunk_size(n, 12), size, "n = {n}");
        }
        for n in 1..500 {
            for most in [1, 12, 16] {
                let size = balanced_chunk_size(n, most);
                assert!((1..=most).contains(&size));
                assert_eq!(
                    n.div_ceil(size),
                    n.div_ceil(most),
                    "n = {n}, at most {most}"
                );
            }
        }
    }
}
