//! The grouped passes of the sparse drivers: direction c, a colour, is
//! seeded on every input of that colour at once, so one pass gives f's
//! derivatives along the sums of their unit vectors (a compressed Jacobian
//! or Hessian). The dense passes are the case of one input per direction.

use core::ops::Range;

use num_traits::Float;

use super::{Buffer, Directions, PairOfChunks, first_order_passes, second_order_passes};
use crate::{Dual, Dual2};

/// The first-order passes over x along groups of inputs, on `Dual<T, C>`:
/// direction c seeds every input of `members(c)` in the same partial; the
/// `directions` are split into chunks of at most C, and `pass(inputs,
/// chunk)` gets the chunk of directions, partial k holding direction
/// `chunk.start + k`. The members of all directions partition the inputs.
pub(crate) fn grouped_first_order<T, B, E, M, const C: usize>(
    inputs: &mut B,
    x: &[T],
    directions: usize,
    members: impl Fn(usize) -> M,
    pass: impl FnMut(&B, Range<usize>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual<T, C>>,
    M: IntoIterator<Item = usize>,
{
    let directions = Directions {
        count: directions,
        chunk_size: C,
        members,
    };
    first_order_passes(inputs, x, directions, pass)
}

/// The second-order passes over x along groups of inputs, on `Dual2<T,
/// C>`: direction c seeds every input of `members(c)` in one slot. Up to C
/// directions take one pass, more a pass per pair of chunks of C / 2;
/// [`PairOfChunks::owned`] says which pass reads which pair of directions.
pub(crate) fn grouped_second_order<T, B, E, M, const C: usize>(
    inputs: &mut B,
    x: &[T],
    directions: usize,
    members: impl Fn(usize) -> M,
    pass: impl FnMut(&B, &PairOfChunks) -> Result<(), E>,
) -> Result<(), E>
where
    T: Float,
    B: Buffer<Dual2<T, C>>,
    M: IntoIterator<Item = usize>,
{
    let directions = Directions {
        count: directions,
        chunk_size: C,
        members,
    };
    second_order_passes(inputs, x, directions, pass)
}

impl PairOfChunks {
    /// `true` for the single pass that seeds every direction in slots
    /// 0.., owning every pair: direction c is then slot c.
    #[inline]
    pub(crate) fn is_whole(&self) -> bool {
        self.first.start == 0 && self.second.is_empty() && self.first_diagonal
    }

    /// The slot of direction c in this pass, if it is seeded.
    #[inline]
    fn slot(&self, c: usize) -> Option<usize> {
        if self.first.contains(&c) {
            Some(c - self.first.start)
        } else if self.second.contains(&c) {
            Some(self.first.len() + c - self.second.start)
        } else {
            None
        }
    }

    /// The slots of directions c and d when this pass owns their pair.
    #[inline]
    pub(crate) fn owned(&self, c: usize, d: usize) -> Option<(usize, usize)> {
        let (s, t) = (self.slot(c)?, self.slot(d)?);
        self.owns(s, t).then_some((s, t))
    }
}
