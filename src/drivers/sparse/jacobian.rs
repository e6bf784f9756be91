//! The compressed Jacobian: one evaluation of f on `Dual<T, C>` per chunk
//! of at most 16 colours, read straight into a CSR matrix.

use core::fmt;

use nalgebra_sparse::CsrMatrix;
use nalgebra_sparse::pattern::SparsityPattern;

use super::Coloring;
use super::chunk_size::{self, compiled_chunk_size};
use super::compressed::{AnyBuffers, Compression};
use super::pattern::jacobian_pattern_at;
use crate::{DimensionError, Real, VectorFn};

/// The sparse Jacobian of f at x, rows = outputs: detection
/// ([`jacobian_pattern`](super::jacobian_pattern)), colouring ([`color_columns`](super::color_columns))
/// and compressed evaluation in one call. For repeated Jacobians keep a
/// [`JacobianConfig`]: detection and colouring cost more than an
/// evaluation.
///
/// ```
/// use dualgrad::sparse;
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// // out[i] = x[i]·x[i + 1]: two colours for any n.
/// fn neighbours<S: Float>(x: &[S], out: &mut [S]) {
///     for (i, o) in out.iter_mut().enumerate() {
///         *o = x[i] * x[i + 1];
///     }
/// }
/// let j = sparse::jacobian(&vector_fn!(neighbours, |n| n - 1), &[1.0, 2.0, 3.0]);
/// assert_eq!(j.nnz(), 4);
/// assert_eq!(j.get_entry(0, 1).unwrap().into_value(), 1.0); // ∂(x₀x₁)/∂x₁ = x₀
/// assert_eq!(j.get_entry(1, 1).unwrap().into_value(), 3.0);
/// ```
#[must_use]
pub fn jacobian<F: VectorFn>(f: &F, x: &[f64]) -> CsrMatrix<f64> {
    let mut config = JacobianConfig::new(f, x);
    config
        .jacobian(f, x)
        .expect("the config was detected on x and f");
    config.matrix
}

/// A sparse Jacobian's pattern, colouring, dual buffers and CSR values,
/// kept so that repeated Jacobians at new x allocate nothing.
///
/// Not to be confused with [`chunk::JacobianConfig`](crate::chunk::JacobianConfig),
/// the buffers of a dense Jacobian: this one keeps J's pattern and
/// colouring and fills a `CsrMatrix`.
///
/// With c colours, a Jacobian evaluates f ⌈c / 16⌉ times on `Dual<T, C>`,
/// C ∈ {1, 2, 3, 4, 6, 8, 12, 16} the smallest chunk size holding the colours of
/// a pass: colour k seeds partial k on every input of that colour, so the
/// partials of output i are the sums Σⱼ ∂fᵢ/∂xⱼ over the columns j of each
/// colour, and each sum has a single term in the pattern (no two columns of
/// a row share a colour). Each term goes straight to its CSR value.
///
/// ```
/// use dualgrad::sparse::JacobianConfig;
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// // The discrete Laplacian plus a reaction term: tridiagonal.
/// fn residual<S: Float>(u: &[S], out: &mut [S]) {
///     let n = u.len();
///     for i in 0..n {
///         let left = if i > 0 { u[i - 1] } else { S::zero() };
///         let right = if i + 1 < n { u[i + 1] } else { S::zero() };
///         out[i] = left - (S::one() + S::one()) * u[i] + right + u[i].exp();
///     }
/// }
/// let f = vector_fn!(residual, |n| n);
/// let x = vec![0.0; 100];
/// let mut config = JacobianConfig::new(&f, &x);
/// assert_eq!(config.colors(), 3);
/// for t in [0.0, 1.0] {
///     let x = vec![t; 100];
///     let j = config.jacobian(&f, &x).unwrap();
///     assert_eq!(j.get_entry(5, 5).unwrap().into_value(), -2.0 + t.exp());
///     assert_eq!(j.get_entry(5, 6).unwrap().into_value(), 1.0);
/// }
/// ```
pub struct JacobianConfig<T> {
    compression: Compression,
    matrix: CsrMatrix<T>,
    values: Vec<T>,
    buffers: AnyBuffers,
}

impl<T: Real + Send + Sync + 'static> JacobianConfig<T> {
    /// The config for f, with the pattern detected at x (see
    /// [`jacobian_pattern`](super::jacobian_pattern): the branch f takes at x). At a point where f
    /// takes another branch the Jacobian can be wrong without an error:
    /// for a function that branches, detect over several points (see the
    /// [module docs](super)) and check with
    /// [`first_missing_entry`](super::first_missing_entry).
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn squares<S: Float>(x: &[S], out: &mut [S]) {
    ///     for (o, &v) in out.iter_mut().zip(x) {
    ///         *o = v * v;
    ///     }
    /// }
    /// let config = JacobianConfig::new(&vector_fn!(squares, |n| n), &[1.0; 50]);
    /// assert_eq!(config.colors(), 1);
    /// ```
    #[must_use]
    pub fn new<F: VectorFn>(f: &F, x: &[T]) -> Self {
        Self::from_pattern(jacobian_pattern_at(f, x))
    }

    /// The config for a known pattern: rows = outputs, columns = inputs.
    /// Entries of f's Jacobian outside the pattern are not computed (and
    /// corrupt the entries of their colour), so the pattern must cover
    /// every non-zero.
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    ///
    /// let diagonal = SparsityPattern::try_from_offsets_and_indices(3, 3, vec![0, 1, 2, 3], vec![0, 1, 2]).unwrap();
    /// let config = JacobianConfig::<f64>::from_pattern(diagonal);
    /// assert_eq!(config.colors(), 1);
    /// ```
    #[must_use]
    pub fn from_pattern(pattern: SparsityPattern) -> Self {
        let values = vec![T::zero(); pattern.nnz()];
        let matrix = CsrMatrix::try_from_pattern_and_values(pattern.clone(), values)
            .expect("one value per entry");
        let compression = Compression::new(pattern);
        JacobianConfig {
            values: vec![T::zero(); compression.rows()],
            buffers: compression.first_order_buffers::<T>(),
            compression,
            matrix,
        }
    }

    /// The number of colours: each Jacobian evaluates f on duals carrying
    /// this many partials (in ⌈colors / 16⌉ evaluations).
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let dense = SparsityPattern::try_from_offsets_and_indices(1, 4, vec![0, 4], vec![0, 1, 2, 3]).unwrap();
    /// assert_eq!(JacobianConfig::<f64>::from_pattern(dense).colors(), 4);
    /// ```
    #[must_use]
    pub fn colors(&self) -> usize {
        self.compression.colors()
    }

    /// The colouring of the pattern's columns.
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let config = JacobianConfig::<f64>::from_pattern(SparsityPattern::zeros(2, 2));
    /// assert_eq!(config.coloring().colors(), &[0, 0]);
    /// ```
    #[must_use]
    pub fn coloring(&self) -> &Coloring {
        &self.compression.coloring
    }

    /// The pattern: rows = outputs, columns = inputs.
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let config = JacobianConfig::<f64>::from_pattern(SparsityPattern::zeros(2, 3));
    /// assert_eq!((config.pattern().major_dim(), config.pattern().minor_dim()), (2, 3));
    /// ```
    #[must_use]
    pub fn pattern(&self) -> &SparsityPattern {
        &self.compression.pattern
    }

    /// f's Jacobian at x, in the config's CSR matrix: no allocation.
    ///
    /// # Errors
    ///
    /// A [`DimensionError`] if x does not have one entry per column of the
    /// pattern, or f does not have one output per row.
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn product<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x[0] * x[1];
    /// }
    /// let f = vector_fn!(product, 1);
    /// let mut config = JacobianConfig::new(&f, &[1.0, 1.0]);
    /// let j = config.jacobian(&f, &[2.0, 3.0]).unwrap();
    /// assert_eq!(j.values(), &[3.0, 2.0]);
    /// let err = config.jacobian(&f, &[2.0]).unwrap_err();
    /// assert_eq!(err.what(), "input x");
    /// ```
    pub fn jacobian<F: VectorFn>(
        &mut self,
        f: &F,
        x: &[T],
    ) -> Result<&CsrMatrix<T>, DimensionError> {
        self.value_and_jacobian(f, x).map(|(_, j)| j)
    }

    /// f(x) and the Jacobian, as [`jacobian`](JacobianConfig::jacobian).
    ///
    /// # Errors
    ///
    /// As [`jacobian`](JacobianConfig::jacobian).
    ///
    /// ```
    /// use dualgrad::sparse::JacobianConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn product<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x[0] * x[1];
    /// }
    /// let f = vector_fn!(product, 1);
    /// let mut config = JacobianConfig::new(&f, &[1.0, 1.0]);
    /// let (value, j) = config.value_and_jacobian(&f, &[2.0, 3.0]).unwrap();
    /// assert_eq!((value, j.values()), (&[6.0][..], &[3.0, 2.0][..]));
    /// ```
    pub fn value_and_jacobian<F: VectorFn>(
        &mut self,
        f: &F,
        x: &[T],
    ) -> Result<(&[T], &CsrMatrix<T>), DimensionError> {
        let (n, m) = (self.compression.inputs(), self.compression.rows());
        DimensionError::check("input x", n, x.len(), "one entry per column of the pattern")?;
        DimensionError::check("output of f", m, f.outputs(n), "one per row of the pattern")?;
        compiled_chunk_size!(chunk_size::first_order(self.compression.colors()), |C| {
            self.evaluate::<F, C>(f, x)
        });
        Ok((&self.values, &self.matrix))
    }

    /// The passes on `Dual<T, C>`: f(x) into `values`, the Jacobian into
    /// the matrix.
    fn evaluate<F: VectorFn, const C: usize>(&mut self, f: &F, x: &[T]) {
        let JacobianConfig {
            compression,
            matrix,
            values,
            buffers,
        } = self;
        let entries = matrix.values_mut();
        compression.first_order::<T, F, C>(buffers, f, x, |outputs, chunk| {
            let whole = chunk.len() == compression.colors();
            for (row, y) in outputs.iter().enumerate() {
                values[row] = y.value();
                let partials = y.partials();
                let row = compression.row(row);
                let colors = &compression.entry_colors[row.clone()];
                for (entry, &c) in entries[row].iter_mut().zip(colors) {
                    // One pass holds every colour, in its own partial.
                    if whole {
                        *entry = partials[c];
                    } else if chunk.contains(&c) {
                        *entry = partials[c - chunk.start];
                    }
                }
            }
        });
    }
}

impl<T: fmt::Debug> fmt::Debug for JacobianConfig<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JacobianConfig")
            .field("inputs", &self.compression.inputs())
            .field("outputs", &self.compression.rows())
            .field("nnz", &self.compression.pattern.nnz())
            .field("colors", &self.compression.colors())
            .finish_non_exhaustive()
    }
}
