//! Work buffers for the chunk-mode drivers, reused across calls.

use num_traits::Float;

use super::DEFAULT_CHUNK;
use crate::Dual;

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

    /// The input length n this config was made for.
    ///
    /// ```
    /// use dualgrad::chunk::GradientConfig;
    /// assert_eq!(GradientConfig::<f64>::new(7).len(), 7);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// `true` for a config of zero inputs.
    ///
    /// ```
    /// use dualgrad::chunk::GradientConfig;
    /// assert!(GradientConfig::<f64>::new(0).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

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
}

/// The work buffer of [`hessian_with`](super::hessian_with) for inputs of
/// length n: n second-order duals `Dual<Dual<T, C>, C>`, C partials in each
/// order.
///
/// ```
/// use dualgrad::chunk::HessianConfig;
/// let config = HessianConfig::<f64, 4>::new(10);
/// // ⌈10 / 4⌉ = 3 blocks, one pass per pair of blocks: 3·4/2.
/// assert_eq!((config.len(), config.passes()), (10, 6));
/// ```
#[derive(Clone, Debug)]
pub struct HessianConfig<T, const C: usize = DEFAULT_CHUNK> {
    pub(crate) inputs: Vec<Dual<Dual<T, C>, C>>,
}

impl<T: Float, const C: usize> HessianConfig<T, C> {
    /// A config for inputs of length `n`. A chunk size C = 0 is rejected at
    /// compile time.
    ///
    /// ```
    /// use dualgrad::chunk::HessianConfig;
    /// assert_eq!(HessianConfig::<f64>::new(3).len(), 3);
    /// ```
    #[must_use]
    pub fn new(n: usize) -> Self {
        const { assert!(C > 0, "chunk size C must be at least 1") };
        HessianConfig {
            inputs: vec![Dual::constant(Dual::constant(T::zero())); n],
        }
    }

    /// The input length n this config was made for.
    ///
    /// ```
    /// use dualgrad::chunk::HessianConfig;
    /// assert_eq!(HessianConfig::<f64>::new(7).len(), 7);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// `true` for a config of zero inputs.
    ///
    /// ```
    /// use dualgrad::chunk::HessianConfig;
    /// assert!(HessianConfig::<f64>::new(0).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// The number of evaluations of f per Hessian: b·(b + 1)/2 for
    /// b = ⌈n / C⌉ blocks, one per pair of blocks (the Hessian is
    /// symmetric).
    ///
    /// ```
    /// use dualgrad::chunk::HessianConfig;
    /// assert_eq!(HessianConfig::<f64, 12>::new(12).passes(), 1);
    /// assert_eq!(HessianConfig::<f64, 12>::new(13).passes(), 3);
    /// ```
    #[must_use]
    pub fn passes(&self) -> usize {
        let blocks = self.inputs.len().div_ceil(C);
        blocks * (blocks + 1) / 2
    }
}
