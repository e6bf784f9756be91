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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DimensionError {
    /// What has the wrong length, e.g. "gradient buffer".
    pub what: &'static str,
    /// The length it should have.
    pub expected: usize,
    /// The length it has.
    pub found: usize,
    /// Why that length is expected, e.g. "one entry per input".
    pub because: &'static str,
}

impl DimensionError {
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
