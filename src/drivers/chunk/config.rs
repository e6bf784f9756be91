//! Work buffers for the chunk-mode drivers, reused across calls.

use core::fmt;

use num_traits::Float;

use super::DEFAULT_CHUNK;
use crate::drivers::passes::second_order_pass_count;
use crate::{DimensionError, Dual, Dual2};

/// What a config says about its n dual inputs (`self.inputs`): the public
/// `len` and `is_empty`, documented with the config's name, and the checks
/// of x and of a gradient buffer against n.
macro_rules! input_length {
    ($config:ident) => {
        /// The input length n this config was made for.
        ///
        /// ```
        #[doc = concat!("use dualgrad::chunk::", stringify!($config), ";")]
        #[doc = concat!("assert_eq!(", stringify!($config), "::<f64>::new(7).len(), 7);")]
        /// ```
        #[must_use]
        pub fn len(&self) -> usize {
            self.inputs.len()
        }

        /// `true` for a config of zero inputs.
        ///
        /// ```
        #[doc = concat!("use dualgrad::chunk::", stringify!($config), ";")]
        #[doc = concat!("assert!(", stringify!($config), "::<f64>::new(0).is_empty());")]
        /// ```
        #[must_use]
        pub fn is_empty(&self) -> bool {
            self.inputs.is_empty()
        }

        /// A [`DimensionError`] unless x has the length n the config was made
        /// for.
        pub(crate) fn check_input(&self, x: &[T]) -> Result<(), DimensionError> {
            DimensionError::check(
                "input x",
                self.len(),
                x.len(),
                "the length the config was made for",
            )
        }

        /// A [`DimensionError`] unless x and the gradient buffer both have
        /// the length n the config was made for.
        pub(crate) fn check_input_and_gradient(
            &self,
            x: &[T],
            gradient: &[T],
        ) -> Result<(), DimensionError> {
            self.check_input(x)?;
            DimensionError::check(
                "gradient buffer",
                self.len(),
                gradient.len(),
                "one entry per input",
            )
        }
    };
}

/// The work buffer of [`gradient_with`](super::gradient_with) for inputs of
/// length n: the n dual inputs, reused by every call so that repeated
/// gradients allocate nothing. The chunk size C defaults to
/// [`DEFAULT_CHUNK`].
///
/// ```
/// use dualgrad::chunk::GradientConfig;
/// let config = GradientConfig::<f64, 4>::new(10);
/// assert_eq!((config.len(), config.passes()), (10, 3));
/// ```
#[derive(Clone, Debug)]
pub struct GradientConfig<T, const C: usize = DEFAULT_CHUNK> {
    pub(crate) inputs: Vec<Dual<T, C>>,
}

impl<T: Float, const C: usize> GradientConfig<T, C> {
    /// A config for inputs of length `n`.
    ///
    /// A chunk size C = 0 is rejected at compile time: a pass with no
    /// partials cannot seed any input.
    ///
    /// ```
    /// use dualgrad::chunk::GradientConfig;
    /// let config = GradientConfig::<f64>::new(3);
    /// assert_eq!(config.len(), 3);
    /// ```
    #[must_use]
    pub fn new(n: usize) -> Self {
        const { assert!(C > 0, "chunk size C must be at least 1") };
        GradientConfig {
            inputs: vec![Dual::constant(T::zero()); n],
        }
    }

    input_length!(GradientConfig);

    /// The number of passes of f per gradient, ⌈n / C⌉.
    ///
    /// ```
    /// use dualgrad::chunk::GradientConfig;
    /// assert_eq!(GradientConfig::<f64, 8>::new(100).passes(), 13);
    /// ```
    #[must_use]
    pub fn passes(&self) -> usize {
        self.inputs.len().div_ceil(C)
    }
}

/// The work buffers of [`jacobian_with`](super::jacobian_with) for n inputs
/// and m outputs.
///
/// A dense Jacobian: every entry of the m × n matrix. Not to be confused
/// with `dualgrad::sparse::JacobianConfig` (feature `sparse`), which keeps
/// a sparsity pattern and its colouring and returns a `CsrMatrix`.
///
/// ```
/// use dualgrad::chunk::JacobianConfig;
/// let config = JacobianConfig::<f64, 2>::new(3, 4);
/// assert_eq!((config.inputs(), config.outputs()), (3, 4));
/// ```
#[derive(Clone, Debug)]
pub struct JacobianConfig<T, const C: usize = DEFAULT_CHUNK> {
    pub(crate) gradient: GradientConfig<T, C>,
    pub(crate) outputs: Vec<Dual<T, C>>,
}

impl<T: Float, const C: usize> JacobianConfig<T, C> {
    /// A config for n inputs and m outputs.
    ///
    /// ```
    /// use dualgrad::chunk::JacobianConfig;
    /// let config = JacobianConfig::<f64>::new(2, 3);
    /// assert_eq!(config.outputs(), 3);
    /// ```
    #[must_use]
    pub fn new(n: usize, m: usize) -> Self {
        JacobianConfig {
            gradient: GradientConfig::new(n),
            outputs: vec![Dual::constant(T::zero()); m],
        }
    }

    /// The number of inputs n.
    ///
    /// ```
    /// use dualgrad::chunk::JacobianConfig;
    /// assert_eq!(JacobianConfig::<f64>::new(2, 3).inputs(), 2);
    /// ```
    #[must_use]
    pub fn inputs(&self) -> usize {
        self.gradient.len()
    }

    /// The number of outputs m.
    ///
    /// ```
    /// use dualgrad::chunk::JacobianConfig;
    /// assert_eq!(JacobianConfig::<f64>::new(2, 3).outputs(), 3);
    /// ```
    #[must_use]
    pub fn outputs(&self) -> usize {
        self.outputs.len()
    }

    /// A [`DimensionError`] unless x has the length n the config was made
    /// for.
    pub(crate) fn check_input(&self, x: &[T]) -> Result<(), DimensionError> {
        self.gradient.check_input(x)
    }
}

/// The work buffer of [`hessian_with`](super::hessian_with) for inputs of
/// length n: n second-order numbers `Dual2<T, C>`. Up to C inputs take one
/// pass; more are split into chunks of ⌊C/2⌋, one pass per pair of chunks
/// (see [`passes`](Self::passes)), so an odd C leaves one slot unused:
/// pick an even C.
///
/// ```
/// use dualgrad::chunk::HessianConfig;
/// let config = HessianConfig::<f64, 4>::new(10);
/// // ⌈10 / 2⌉ = 5 chunks of 2 inputs, one pass per pair of chunks: 5·4/2.
/// assert_eq!((config.len(), config.passes()), (10, 10));
/// ```
#[derive(Clone)]
pub struct HessianConfig<T, const C: usize = DEFAULT_CHUNK> {
    pub(crate) inputs: Vec<Dual2<T, C>>,
}

impl<T: Float + fmt::Debug, const C: usize> fmt::Debug for HessianConfig<T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HessianConfig")
            .field("inputs", &self.inputs)
            .finish()
    }
}

impl<T: Float, const C: usize> HessianConfig<T, C> {
    /// A config for inputs of length `n`. A chunk size C < 2 is rejected
    /// at compile time (when the code is built: `cargo build` and `cargo
    /// test` report it, `cargo check` does not): a pass seeds a pair of
    /// chunks of ⌊C/2⌋ inputs.
    ///
    /// ```
    /// use dualgrad::chunk::HessianConfig;
    /// assert_eq!(HessianConfig::<f64>::new(3).len(), 3);
    /// ```
    #[must_use]
    pub fn new(n: usize) -> Self {
        const { assert!(C >= 2, "a Hessian's chunk size C must be at least 2") };
        HessianConfig {
            inputs: vec![Dual2::constant(T::zero()); n],
        }
    }

    input_length!(HessianConfig);

    /// The number of evaluations of f per Hessian: 1 for n ≤ C, else
    /// b·(b − 1)/2 for b = ⌈n / (C/2)⌉ chunks, one per pair of chunks (each
    /// pass also gives the Hessian within its two chunks).
    ///
    /// ```
    /// use dualgrad::chunk::HessianConfig;
    /// assert_eq!(HessianConfig::<f64, 12>::new(12).passes(), 1);
    /// assert_eq!(HessianConfig::<f64, 12>::new(13).passes(), 3);
    /// ```
    #[must_use]
    pub fn passes(&self) -> usize {
        second_order_pass_count(self.inputs.len(), C)
    }
}
