//! The error of the runtime-sized drivers: a length that does not fit.

use core::fmt;

/// A buffer, input or output whose length does not fit the call: names
/// what, the length expected and the length found.
///
/// ```
/// use dualgrad::chunk::{GradientConfig, gradient_with};
/// let mut config = GradientConfig::<f64>::new(3);
/// let mut out = [0.0; 2];
/// let err = gradient_with(&mut config, |x| x[0] * x[1], &[1.0, 2.0, 3.0], &mut out).unwrap_err();
/// assert_eq!(err.to_string(), "the gradient buffer has length 2, expected 3 (one entry per input)");
/// ```
///
/// The fields are read through accessors, and the type is
/// `#[non_exhaustive]`, so that more context can be added without breaking
/// code that matches on it.
///
/// With the `serde` feature it serializes (only: its `&'static str` fields
/// cannot be read back) as a struct of its four fields:
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use dualgrad::chunk::{GradientConfig, gradient_with};
/// let mut config = GradientConfig::<f64>::new(3);
/// let err = gradient_with(&mut config, |x| x[0], &[1.0, 2.0, 3.0], &mut [0.0; 2]).unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&err).unwrap(),
///     r#"{"what":"gradient buffer","expected":3,"found":2,"because":"one entry per input"}"#
/// );
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DimensionError {
    pub(crate) what: &'static str,
    pub(crate) expected: usize,
    pub(crate) found: usize,
    pub(crate) because: &'static str,
}

impl DimensionError {
    /// What has the wrong length, e.g. `"gradient buffer"`.
    ///
    /// ```
    /// use dualgrad::chunk::{GradientConfig, gradient_with};
    /// let mut config = GradientConfig::<f64>::new(3);
    /// let err = gradient_with(&mut config, |x| x[0], &[1.0, 2.0], &mut [0.0; 2]).unwrap_err();
    /// assert_eq!(err.what(), "input x");
    /// ```
    #[must_use]
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The length it should have.
    ///
    /// ```
    /// use dualgrad::chunk::{GradientConfig, gradient_with};
    /// let mut config = GradientConfig::<f64>::new(3);
    /// let err = gradient_with(&mut config, |x| x[0], &[1.0, 2.0], &mut [0.0; 2]).unwrap_err();
    /// assert_eq!((err.expected(), err.found()), (3, 2));
    /// ```
    #[must_use]
    pub fn expected(&self) -> usize {
        self.expected
    }

    /// The length it has.
    ///
    /// ```
    /// use dualgrad::chunk::{GradientConfig, gradient_with};
    /// let mut config = GradientConfig::<f64>::new(1);
    /// let err = gradient_with(&mut config, |x| x[0], &[1.0], &mut [0.0; 4]).unwrap_err();
    /// assert_eq!((err.what(), err.found()), ("gradient buffer", 4));
    /// ```
    #[must_use]
    pub fn found(&self) -> usize {
        self.found
    }

    /// Why that length is expected, e.g. `"one entry per input"`.
    ///
    /// ```
    /// use dualgrad::chunk::{GradientConfig, gradient_with};
    /// let mut config = GradientConfig::<f64>::new(1);
    /// let err = gradient_with(&mut config, |x| x[0], &[1.0], &mut [0.0; 4]).unwrap_err();
    /// assert_eq!(err.because(), "one entry per input");
    /// ```
    #[must_use]
    pub fn because(&self) -> &'static str {
        self.because
    }

    /// `Ok(())` when `found == expected`, else the error.
    pub(crate) fn check(
        what: &'static str,
        expected: usize,
        found: usize,
        because: &'static str,
    ) -> Result<(), DimensionError> {
        if expected == found {
            Ok(())
        } else {
            Err(DimensionError {
                what,
                expected,
                found,
                because,
            })
        }
    }
}

impl fmt::Display for DimensionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} has length {}, expected {} ({})",
            self.what, self.found, self.expected, self.because
        )
    }
}

impl std::error::Error for DimensionError {}
