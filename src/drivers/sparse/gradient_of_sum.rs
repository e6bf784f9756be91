//! ∇ Σₖ Fₖ(x): the column sums of the element vector's sparse Jacobian.

use core::fmt;

use nalgebra_sparse::pattern::SparsityPattern;

use super::chunk_size::{self, compiled_chunk_size};
use super::compressed::{AnyBuffers, Compression};
use super::pattern::jacobian_pattern_at;
use crate::{DimensionError, Real, VectorFn};

/// The gradient of f(x) = Σₖ Fₖ(x), for the element vector F (a
/// [`VectorFn`] whose outputs are the elements Fₖ): ∂f/∂xⱼ = Σₖ ∂Fₖ/∂xⱼ,
/// the column sums of F's sparse Jacobian, in ⌈colours / 16⌉ evaluations
/// of F on duals instead of ⌈n / 12⌉ evaluations of f. Detects and colours
/// F at x first; for repeated gradients keep a [`GradientOfSumConfig`].
///
/// ```
/// use dualgrad::{sparse, vector_fn};
/// use num_traits::Float;
///
/// // Σᵢ (xᵢ₊₁ − xᵢ)²: ∂/∂xⱼ = 2(xⱼ − xⱼ₋₁) − 2(xⱼ₊₁ − xⱼ).
/// fn springs<S: Float>(x: &[S], out: &mut [S]) {
///     for (i, o) in out.iter_mut().enumerate() {
///         *o = (x[i + 1] - x[i]).powi(2);
///     }
/// }
/// let f = vector_fn!(springs, |n| n - 1);
/// assert_eq!(sparse::gradient_of_sum(&f, &[0.0, 1.0, 3.0]), [-2.0, -2.0, 4.0]);
/// ```
#[must_use]
pub fn gradient_of_sum<F: VectorFn>(f: &F, x: &[f64]) -> Vec<f64> {
    let mut config = GradientOfSumConfig::new(f, x);
    let mut gradient = vec![0.0; x.len()];
    config
        .gradient(f, x, &mut gradient)
        .expect("the config was detected on x and f");
    gradient
}

/// The work of [`gradient_of_sum`], kept: the element pattern, its
/// colouring and the dual buffers, as in a
/// [`JacobianConfig`](super::JacobianConfig); each element's partials are
/// added straight into the gradient. Repeated gradients allocate nothing.
///
/// ```
/// use dualgrad::sparse::GradientOfSumConfig;
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// fn squares<S: Float>(x: &[S], out: &mut [S]) {
///     for (o, &v) in out.iter_mut().zip(x) {
///         *o = v * v;
///     }
/// }
/// let f = vector_fn!(squares, |n| n);
/// let mut config = GradientOfSumConfig::new(&f, &[0.0; 3]);
/// let mut g = [0.0; 3];
/// let value = config.gradient(&f, &[1.0, 2.0, 3.0], &mut g).unwrap();
/// assert_eq!((value, g), (14.0, [2.0, 4.0, 6.0]));
/// ```
pub struct GradientOfSumConfig<T> {
    compression: Compression,
    /// The element pattern's transpose: the elements of input j are
    /// `elements.lane(j)`, copied out as offsets and indices.
    element_offsets: Vec<usize>,
    elements: Vec<usize>,
    buffers: AnyBuffers,
    /// The element type, for the buffers.
    number: core::marker::PhantomData<T>,
}

impl<T: Real + Send + Sync + 'static> GradientOfSumConfig<T> {
    /// The config for the element vector F, its pattern detected at x.
    ///
    /// ```
    /// use dualgrad::sparse::GradientOfSumConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn pairs<S: Float>(x: &[S], out: &mut [S]) {
    ///     for (i, o) in out.iter_mut().enumerate() {
    ///         *o = x[i] * x[i + 1];
    ///     }
    /// }
    /// let config = GradientOfSumConfig::new(&vector_fn!(pairs, |n| n - 1), &[1.0; 10]);
    /// assert_eq!(config.colors(), 2);
    /// ```
    #[must_use]
    pub fn new<F: VectorFn>(f: &F, x: &[T]) -> Self {
        Self::from_pattern(jacobian_pattern_at(f, x))
    }

    /// The config for a known element pattern: row k lists the inputs of
    /// element k.
    ///
    /// ```
    /// use dualgrad::sparse::GradientOfSumConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// let pattern = SparsityPattern::try_from_offsets_and_indices(1, 2, vec![0, 2], vec![0, 1]).unwrap();
    /// assert_eq!(GradientOfSumConfig::<f64>::from_pattern(pattern).colors(), 2);
    /// ```
    #[must_use]
    pub fn from_pattern(pattern: SparsityPattern) -> Self {
        let (element_offsets, elements) = pattern.transpose().disassemble();
        let compression = Compression::new(pattern);
        let buffers = compression.first_order_buffers::<T>();
        GradientOfSumConfig {
            compression,
            element_offsets,
            elements,
            buffers,
            number: core::marker::PhantomData,
        }
    }

    /// The number of colours of the element pattern.
    ///
    /// ```
    /// use dualgrad::sparse::GradientOfSumConfig;
    /// use nalgebra_sparse::pattern::SparsityPattern;
    /// assert_eq!(GradientOfSumConfig::<f64>::from_pattern(SparsityPattern::zeros(0, 0)).colors(), 0);
    /// ```
    #[must_use]
    pub fn colors(&self) -> usize {
        self.compression.colors()
    }

    /// Writes ∇ Σₖ Fₖ(x) to `gradient` and returns Σₖ Fₖ(x). No allocation.
    ///
    /// # Errors
    ///
    /// A [`DimensionError`] if x or `gradient` does not have one entry per
    /// input, or F one output per element of the pattern.
    ///
    /// ```
    /// use dualgrad::sparse::GradientOfSumConfig;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn cubes<S: Float>(x: &[S], out: &mut [S]) {
    ///     out[0] = x[0].powi(3);
    /// }
    /// let f = vector_fn!(cubes, 1);
    /// let mut config = GradientOfSumConfig::new(&f, &[1.0]);
    /// let mut g = [0.0];
    /// assert_eq!(config.gradient(&f, &[2.0], &mut g), Ok(8.0));
    /// assert_eq!(g, [12.0]);
    /// assert_eq!(config.gradient(&f, &[2.0], &mut []).unwrap_err().what(), "gradient buffer");
    /// ```
    pub fn gradient<F: VectorFn>(
        &mut self,
        f: &F,
        x: &[T],
        gradient: &mut [T],
    ) -> Result<T, DimensionError> {
        let (n, m) = (self.compression.inputs(), self.compression.rows());
        DimensionError::check("input x", n, x.len(), "one entry per column of the pattern")?;
        DimensionError::check("gradient buffer", n, gradient.len(), "one entry per input")?;
        DimensionError::check(
            "output of f",
            m,
            f.outputs(n),
            "one per element of the pattern",
        )?;
        let mut value = T::zero();
        let GradientOfSumConfig {
            compression,
            element_offsets,
            elements,
            buffers,
            ..
        } = self;
        compiled_chunk_size!(chunk_size::first_order(compression.colors()), |C| {
            compression.first_order::<T, F, C>(buffers, f, x, |outputs, chunk| {
                if chunk.start == 0 {
                    value = outputs.iter().fold(T::zero(), |sum, y| sum + y.value());
                }
                // Column by column, so that each entry of the gradient is
                // written once: ∂f/∂xⱼ = Σ over the elements k of xⱼ of
                // partial c(j) of Fₖ.
                for (k, c) in chunk.clone().enumerate() {
                    for j in compression.members(c) {
                        let mine = &elements[element_offsets[j]..element_offsets[j + 1]];
                        gradient[j] = mine
                            .iter()
                            .fold(T::zero(), |sum, &e| sum + outputs[e].partials()[k]);
                    }
                }
            })
        });
        Ok(value)
    }
}

impl<T> fmt::Debug for GradientOfSumConfig<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GradientOfSumConfig")
            .field("inputs", &self.compression.inputs())
            .field("elements", &self.compression.rows())
            .field("colors", &self.compression.colors())
            .finish_non_exhaustive()
    }
}
