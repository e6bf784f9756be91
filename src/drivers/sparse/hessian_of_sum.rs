//! ∇² Σₖ Fₖ(x): one compressed evaluation of the element vector on
//! `Dual2`, each element's Hessian scattered into a CSR matrix.

use core::convert::Infallible;
use core::fmt;

use nalgebra_sparse::CsrMatrix;
use nalgebra_sparse::pattern::SparsityPattern;

use super::chunk_size::{self, compiled_chunk_size};
use super::compressed::{AnyBuffers, Compression, buffers_of};
use super::pattern::{jacobian_pattern_at, pattern};
use crate::drivers::passes::grouped_second_order;
use crate::{DimensionError, Dual2, Real, VectorFn};

/// The Hessian of f(x) = Σₖ Fₖ(x), for the element vector F (a
/// [`VectorFn`] whose outputs are the elements Fₖ), as a symmetric CSR
/// matrix whose pattern is the union of the elements' input cliques.
///
/// F runs on `Dual2<f64, C>` with colour c seeded on every input of that
/// colour. Within one element each colour holds at most one input (the
/// colouring makes sure of it), so the colour-by-colour Hessian of output k
/// is Fₖ's Hessian on its inputs; it is added into the sum's. Up to 16
/// colours take one evaluation of F. Detects and colours F at x first; for
/// repeated Hessians keep a [`HessianOfSumConfig`].
///
/// ```
/// use dualgrad::{sparse, vector_fn};
/// use num_traits::Float;
///
/// // Σᵢ xᵢ²·xᵢ₊₁: ∂²/∂xᵢ² = 2xᵢ₊₁, ∂²/∂xᵢ∂xᵢ₊₁ = 2xᵢ.
/// fn elements<S: Float>(x: &[S], out: &mut [S]) {
///     for (i, o) in out.iter_mut().enumerate() {
///         *o = x[i] * x[i] * x[i + 1];
///     }
/// }
/// let h = sparse::hessian_of_sum(&vector_fn!(elements, |n| n - 1), &[1.0, 2.0, 3.0]);
/// let entry = |i, j| h.get_entry(i, j).unwrap().into_value();
/// assert_eq!((entry(0, 0), entry(0, 1), entry(1, 0)), (4.0, 2.0, 2.0));
/// assert_eq!((entry(1, 1), entry(1, 2), entry(2, 2)), (6.0, 4.0, 0.0));
/// assert_eq!(h.row(0).col_indices(), &[0, 1]); // no element holds x₀ and x₂
/// ```
#[must_use]
pub fn hessian_of_sum<F: VectorFn>(f: &F, x: &[f64]) -> CsrMatrix<f64> {
    let mut config = HessianOfSumConfig::new(f, x);
    config
        .hessian(f, x)
        .expect("the config was detected on x and f");
    config.hessian
}

/// One term of an element's Hessian: CSR entry `entry` of the sum's
/// Hessian receives ∂²Fₖ along colours (`first`, `second`).
#[derive(Clone, Copy, Debug)]
struct Scatter {
    entry: usize,
    first: usize,
    second: usize,
}

/// The work of [`hessian_of_sum`], kept: the element pattern and its
/// colouring, the Hessian's pattern, where each element's Hessian goes,
/// and the `Dual2` buffers. Repeated Hessians allocate nothing.
///
/// ```
/// use dualgrad::sparse::HessianOfSumConfig;
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// fn products<S: Float>(x: &[S], out: &mut [S]) {
///     for (i, o) in out.iter_mut().enumerate() {
///         *o = x[i] * x[i + 1];
///     }
/// }
/// let f = vector_fn!(products, |n| n - 1);
/// let mut config = HessianOfSumConfig::new(&f, &[1.0; 4]);
/// let h = config.hessian(&f, &[5.0; 4]).unwrap();
/// assert_eq!(h.get_entry(1, 2).unwrap().into_value(), 1.0);
/// assert_eq!(h.get_entry(1, 1).unwrap().into_value(), 0.0);
/// ```
pub struct HessianOfSumConfig<T> {
    compression: Compression,
    hessian: CsrMatrix<T>,
    /// Element k's terms are `scatter[scatter_offsets[k]..scatter_offsets[k + 1]]`.
    scatter_offsets: Vec<usize>,
    scatter: Vec<Scatter>,
    buffers: AnyBuffers,
}

impl<T: Real + Send + Sync + 'static> HessianOfSumConfig<T> {
    /// The config for the element vector F, its pattern detected at x.
    ///
    /// ```
    /// use dualgrad::sparse::HessianOfSumConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn squares<S: Float>(x: &[S], out: &mut [S]) {
    ///     for (o, &v) in out.iter_mut().zip(x) {
    ///         *o = v * v;
    ///     }
    /// }
    /// let config = HessianOfSumConfig::new(&vector_fn!(squares, |n| n), &[1.0; 8]);
    /// assert_eq!((config.colors(), config.pattern().nnz()), (1, 8)); // diagonal
    /// ```
    #[must_use]
    pub fn new<F: VectorFn>(f: &F, x: &[T]) -> Self {
        Self::from_pattern(jacobian_pattern_at(f, x))
    }

    /// The config for a known element pattern: row k lists the inputs of
    /// element k.
    ///
    /// ```
    /// use dualgrad::sparse::HessianOfSumConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let pattern = SparsityPattern::try_from_offsets_and_indices(1, 3, vec![0, 2], vec![0, 2]).unwrap();
    /// let config = HessianOfSumConfig::<f64>::from_pattern(pattern);
    /// assert_eq!(config.pattern().lane(0), &[0, 2]);
    /// ```
    #[must_use]
    pub fn from_pattern(elements: SparsityPattern) -> Self {
        let n = elements.minor_dim();
        // The Hessian's row j: every input sharing an element with j.
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); n];
        for k in 0..elements.major_dim() {
            let inputs = elements.lane(k);
            for &j in inputs {
                rows[j].extend_from_slice(inputs);
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut indices = Vec::new();
        offsets.push(0);
        for row in &mut rows {
            row.sort_unstable();
            row.dedup();
            indices.extend_from_slice(row);
            offsets.push(indices.len());
        }
        drop(rows);
        let hessian_pattern = pattern(n, n, offsets, indices);
        let compression = Compression::new(elements);
        let colors = compression.coloring.colors();
        let mut scatter_offsets = vec![0];
        let mut scatter = Vec::new();
        for k in 0..compression.rows() {
            let inputs = compression.pattern.lane(k);
            for &j in inputs {
                let row = hessian_pattern.lane(j);
                let start = hessian_pattern.major_offsets()[j];
                for &l in inputs {
                    let at = row.binary_search(&l).expect("l shares element k with j");
                    scatter.push(Scatter {
                        entry: start + at,
                        first: colors[j],
                        second: colors[l],
                    });
                }
            }
            scatter_offsets.push(scatter.len());
        }
        let zeros = vec![T::zero(); hessian_pattern.nnz()];
        let hessian = CsrMatrix::try_from_pattern_and_values(hessian_pattern, zeros)
            .expect("one value per entry");
        let buffers = compression.second_order_buffers::<T>();
        HessianOfSumConfig {
            compression,
            hessian,
            scatter_offsets,
            scatter,
            buffers,
        }
    }

    /// The number of colours of the element pattern: up to 16 take one
    /// evaluation of F.
    ///
    /// ```
    /// use dualgrad::sparse::HessianOfSumConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let pattern = SparsityPattern::try_from_offsets_and_indices(1, 3, vec![0, 3], vec![0, 1, 2]).unwrap();
    /// assert_eq!(HessianOfSumConfig::<f64>::from_pattern(pattern).colors(), 3);
    /// ```
    #[must_use]
    pub fn colors(&self) -> usize {
        self.compression.colors()
    }

    /// The pattern of the Hessian: (i, j) where some element holds xᵢ and xⱼ.
    ///
    /// ```
    /// use dualgrad::sparse::HessianOfSumConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let pattern = SparsityPattern::try_from_offsets_and_indices(1, 2, vec![0, 1], vec![1]).unwrap();
    /// let config = HessianOfSumConfig::<f64>::from_pattern(pattern);
    /// assert_eq!((config.pattern().lane(0), config.pattern().lane(1)), (&[][..], &[1][..]));
    /// ```
    #[must_use]
    pub fn pattern(&self) -> &SparsityPattern {
        self.hessian.pattern()
    }

    /// ∇² Σₖ Fₖ(x), in the config's CSR matrix: no allocation.
    ///
    /// # Errors
    ///
    /// A [`DimensionError`] if x does not have one entry per input, or F
    /// one output per element of the pattern.
    ///
    /// ```
    /// use dualgrad::sparse::HessianOfSumConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn cube<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x[0].powi(3);
    /// }
    /// let f = vector_fn!(cube, 1);
    /// let mut config = HessianOfSumConfig::new(&f, &[1.0]);
    /// assert_eq!(config.hessian(&f, &[2.0]).unwrap().values(), &[12.0]);
    /// assert_eq!(config.hessian(&f, &[2.0, 1.0]).unwrap_err().what(), "input x");
    /// ```
    pub fn hessian<F: VectorFn>(
        &mut self,
        f: &F,
        x: &[T],
    ) -> Result<&CsrMatrix<T>, DimensionError> {
        let (n, m) = (self.compression.inputs(), self.compression.rows());
        DimensionError::check("input x", n, x.len(), "one entry per column of the pattern")?;
        DimensionError::check(
            "output of f",
            m,
            f.outputs(n),
            "one per element of the pattern",
        )?;
        compiled_chunk_size!(chunk_size::second_order(self.compression.colors()), |C| {
            self.evaluate::<F, C>(f, x)
        });
        Ok(&self.hessian)
    }

    /// The passes on `Dual2<T, C>`, each element's Hessian added into the
    /// matrix.
    fn evaluate<F: VectorFn, const C: usize>(&mut self, f: &F, x: &[T]) {
        let HessianOfSumConfig {
            compression,
            hessian,
            scatter_offsets,
            scatter,
            buffers,
        } = self;
        let (n, m) = (compression.inputs(), compression.rows());
        let buffers = buffers_of(buffers, n, m, Dual2::<T, C>::constant(T::zero()));
        let outputs = &mut buffers.outputs;
        let entries = hessian.values_mut();
        entries.fill(T::zero());
        let members = |c| compression.members(c);
        let Ok(()) = grouped_second_order(
            &mut buffers.inputs,
            x,
            compression.colors(),
            members,
            |inputs, pair| {
                f.eval(inputs, outputs);
                let whole = pair.is_whole();
                for (k, y) in outputs.iter().enumerate() {
                    for term in &scatter[scatter_offsets[k]..scatter_offsets[k + 1]] {
                        // One pass: colours are slots and every pair is this pass's.
                        let slots = if whole {
                            Some((term.first, term.second))
                        } else {
                            pair.owned(term.first, term.second)
                        };
                        if let Some((s, t)) = slots {
                            entries[term.entry] = entries[term.entry] + y.hessian_entry(s, t);
                        }
                    }
                }
                Ok::<(), Infallible>(())
            },
        );
    }
}

impl<T: fmt::Debug> fmt::Debug for HessianOfSumConfig<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HessianOfSumConfig")
            .field("inputs", &self.compression.inputs())
            .field("elements", &self.compression.rows())
            .field("nnz", &self.hessian.nnz())
            .field("colors", &self.compression.colors())
            .finish_non_exhaustive()
    }
}
