//! What every compressed evaluation keeps: the pattern, its colouring, the
//! columns of each colour, and dual buffers of the chunk size the colours
//! need.

use core::any::Any;
use core::convert::Infallible;
use core::ops::Range;

use nalgebra_sparse::pattern::SparsityPattern;

use super::chunk_size::{self, compiled_chunk_size};
use super::{Coloring, color_columns};
use crate::drivers::passes::grouped_first_order;
use crate::{Dual, Dual2, Real, VectorFn};

/// A pattern (rows = outputs or elements, columns = inputs) with its
/// colouring, arranged for seeding and read-out.
#[derive(Clone, Debug)]
pub(crate) struct Compression {
    pub(crate) pattern: SparsityPattern,
    pub(crate) coloring: Coloring,
    /// The colour of each stored entry's column, in the pattern's order.
    pub(crate) entry_colors: Vec<usize>,
    /// The pattern's row offsets, copied: read for every row of every
    /// pass, and nalgebra-sparse's accessors are not inlined across crates.
    row_offsets: Vec<usize>,
    /// The columns of colour c are `columns[offsets[c]..offsets[c + 1]]`.
    offsets: Vec<usize>,
    columns: Vec<usize>,
}

impl Compression {
    pub(crate) fn new(pattern: SparsityPattern) -> Self {
        let coloring = color_columns(&pattern);
        let colors = coloring.colors();
        let entry_colors = pattern.minor_indices().iter().map(|&j| colors[j]).collect();
        // Counting sort of the columns by colour.
        let mut offsets = vec![0; coloring.count() + 1];
        for &c in colors {
            offsets[c + 1] += 1;
        }
        for c in 0..coloring.count() {
            offsets[c + 1] += offsets[c];
        }
        let mut next = offsets.clone();
        let mut columns = vec![0; colors.len()];
        for (j, &c) in colors.iter().enumerate() {
            columns[next[c]] = j;
            next[c] += 1;
        }
        Compression {
            row_offsets: pattern.major_offsets().to_vec(),
            pattern,
            coloring,
            entry_colors,
            offsets,
            columns,
        }
    }

    /// The number of inputs n.
    pub(crate) fn inputs(&self) -> usize {
        self.pattern.minor_dim()
    }

    /// The number of rows: outputs or elements.
    pub(crate) fn rows(&self) -> usize {
        self.pattern.major_dim()
    }

    /// The number of colours: the directions of the passes.
    pub(crate) fn colors(&self) -> usize {
        self.coloring.count()
    }

    /// The columns of colour c.
    #[inline]
    pub(crate) fn members(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        self.columns[self.offsets[c]..self.offsets[c + 1]]
            .iter()
            .copied()
    }

    /// The stored entries of row r: indices into the pattern's column
    /// indices and [`entry_colors`](Compression::entry_colors).
    #[inline]
    pub(crate) fn row(&self, r: usize) -> Range<usize> {
        self.row_offsets[r]..self.row_offsets[r + 1]
    }

    /// Buffers of `Dual<T, C>` for the first-order passes, C the chunk size
    /// these colours choose: made with the config, so that its first call
    /// allocates nothing either.
    pub(crate) fn first_order_buffers<T: Real + Send + Sync + 'static>(&self) -> AnyBuffers {
        compiled_chunk_size!(chunk_size::first_order(self.colors()), |C| {
            buffers(
                self.inputs(),
                self.rows(),
                Dual::<T, C>::constant(T::zero()),
            )
        })
    }

    /// Buffers of `Dual2<T, C>` for the second-order passes, as
    /// [`first_order_buffers`](Compression::first_order_buffers).
    pub(crate) fn second_order_buffers<T: Real + Send + Sync + 'static>(&self) -> AnyBuffers {
        compiled_chunk_size!(chunk_size::second_order(self.colors()), |C| {
            buffers(
                self.inputs(),
                self.rows(),
                Dual2::<T, C>::constant(T::zero()),
            )
        })
    }

    /// The first-order passes on `Dual<T, C>`: for each chunk of at most C
    /// colours, the inputs of those colours seeded (colour `chunk.start + k`
    /// in partial k), f evaluated into the output buffer, and
    /// `read(outputs, chunk)` called. `buffers` are made at this chunk size
    /// if they hold another (a config makes them once).
    pub(crate) fn first_order<T, F, const C: usize>(
        &self,
        buffers: &mut AnyBuffers,
        f: &F,
        x: &[T],
        mut read: impl FnMut(&[Dual<T, C>], Range<usize>),
    ) where
        T: Real + Send + Sync + 'static,
        F: VectorFn,
    {
        let fill = Dual::<T, C>::constant(T::zero());
        let buffers = buffers_of(buffers, self.inputs(), self.rows(), fill);
        let outputs = &mut buffers.outputs;
        let Ok(()) = grouped_first_order(
            &mut buffers.inputs,
            x,
            self.colors(),
            |c| self.members(c),
            |inputs, chunk| {
                f.eval(inputs, outputs);
                read(outputs, chunk);
                Ok::<(), Infallible>(())
            },
        );
    }
}

/// The dual inputs and outputs of one chunk size, behind `dyn Any` so that
/// a config's type does not name the chunk size its colours chose.
pub(crate) struct Buffers<D> {
    pub(crate) inputs: Vec<D>,
    pub(crate) outputs: Vec<D>,
}

/// A type-erased [`Buffers`].
pub(crate) type AnyBuffers = Box<dyn Any + Send + Sync>;

/// Buffers of n inputs and m outputs of `fill`.
fn buffers<D: Clone + Send + Sync + 'static>(n: usize, m: usize, fill: D) -> AnyBuffers {
    Box::new(Buffers {
        inputs: vec![fill.clone(); n],
        outputs: vec![fill; m],
    })
}

/// The buffers in `slot`, made there (n inputs, m outputs of `fill`) if it
/// holds another chunk size: a config makes them once, at the chunk size
/// its colours choose, so repeated calls find them and allocate nothing.
pub(crate) fn buffers_of<D: Clone + Send + Sync + 'static>(
    slot: &mut AnyBuffers,
    n: usize,
    m: usize,
    fill: D,
) -> &mut Buffers<D> {
    if !slot.is::<Buffers<D>>() {
        *slot = buffers(n, m, fill);
    }
    slot.downcast_mut()
        .expect("the slot holds buffers of this chunk size")
}
