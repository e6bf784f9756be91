//! Why a check failed.

use core::fmt;

use super::{Position, Report};
use crate::DimensionError;

/// Why a gradient check failed: a mismatch (with the full report), or
/// input that cannot be checked. Every variant names the entry or length at
/// fault.
///
/// ```
/// use dualgrad::gradcheck::{GradCheck, GradCheckError};
/// let err = GradCheck::default()
///     .gradient(|x| x[0] * x[1], |x| vec![x[1], -x[0]], &[3.0, 4.0])
///     .unwrap_err();
/// assert!(matches!(err, GradCheckError::Mismatch(_)));
/// assert!(err.to_string().starts_with("gradient check failed at entry 1: computed -3"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum GradCheckError {
    /// Some entry differs from its finite difference by more than the
    /// tolerance; the report names the worst one.
    Mismatch(Box<Report>),
    /// `x` is empty: there is nothing to differentiate.
    EmptyInput,
    /// `x[index]` is NaN or infinite.
    NonFiniteInput {
        /// The coordinate.
        index: usize,
        /// Its value.
        value: f64,
    },
    /// f(x) (output `output` of a vector function) is NaN or infinite.
    NonFiniteFunction {
        /// The output (0 for a scalar function).
        output: usize,
        /// Its value.
        value: f64,
    },
    /// The derivative under test has a NaN or infinite entry.
    NonFiniteDerivative {
        /// The entry.
        position: Position,
        /// Its value.
        value: f64,
    },
    /// f is not finite at the points the difference samples near x, so the
    /// difference for this entry is not finite.
    NonFiniteDifference {
        /// The entry.
        position: Position,
        /// The difference's value.
        value: f64,
        /// The step used.
        step: f64,
    },
    /// The derivative under test (or f's output) has the wrong length.
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, GradCheckError};
    /// let err = GradCheck::default()
    ///     .jacobian(|x| [x[0], x[1]], |_| vec![vec![1.0, 0.0], vec![0.0]], &[1.0, 2.0])
    ///     .unwrap_err();
    /// let GradCheckError::WrongLength { dimension, row } = &err else { panic!("{err}") };
    /// assert_eq!((dimension.what(), dimension.expected(), dimension.found()), ("Jacobian", 2, 1));
    /// assert_eq!(*row, Some(1));
    /// assert_eq!(err.to_string(), "row 1 of the Jacobian has length 1, expected 2 (one entry per input)");
    /// ```
    WrongLength {
        /// What has the wrong length ("gradient", "Jacobian", "Hessian",
        /// "output of f"), the length expected and found, and why.
        dimension: DimensionError,
        /// The row of a Jacobian or Hessian that has the wrong length;
        /// `None` when it is the whole gradient, the number of rows, or
        /// f's output.
        row: Option<usize>,
    },
}

impl fmt::Display for GradCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GradCheckError::Mismatch(report) => {
                if let Some(e) = report.worst_entry() {
                    writeln!(
                        f,
                        "{} check failed at {}: computed {}, finite difference {} \
                         (|difference| {:.3e} > tolerance {:.3e})",
                        report.kind(),
                        e.position(),
                        e.computed(),
                        e.numeric(),
                        e.absolute_error(),
                        e.tolerance()
                    )?;
                }
                write!(f, "{report}")
            }
            GradCheckError::EmptyInput => {
                f.write_str("x is empty: a gradient check needs at least one coordinate")
            }
            GradCheckError::NonFiniteInput { index, value } => {
                write!(
                    f,
                    "x[{index}] = {value} is not finite: check at a finite point"
                )
            }
            GradCheckError::NonFiniteFunction { output, value } => write!(
                f,
                "f(x) is not finite (output {output} = {value}): x is outside f's domain"
            ),
            GradCheckError::NonFiniteDerivative { position, value } => write!(
                f,
                "the derivative under test is not finite at {position} (value {value})"
            ),
            GradCheckError::NonFiniteDifference {
                position,
                value,
                step,
            } => write!(
                f,
                "the finite difference for {position} is {value} with step {step:e}: f is not \
                 finite near x (the edge of its domain?); force a smaller step with .step(h)"
            ),
            GradCheckError::WrongLength {
                dimension,
                row: None,
            } => write!(f, "{dimension}"),
            GradCheckError::WrongLength {
                dimension,
                row: Some(row),
            } => write!(
                f,
                "row {row} of the {} has length {}, expected {} ({})",
                dimension.what(),
                dimension.found(),
                dimension.expected(),
                dimension.because()
            ),
        }
    }
}

/// The source of a [`GradCheckError::WrongLength`] is its
/// [`DimensionError`].
///
/// ```
/// use std::error::Error;
/// use dualgrad::gradcheck::GradCheck;
/// let err = GradCheck::default().gradient(|x| x[0] + x[1], |_| [1.0], &[1.0, 2.0]).unwrap_err();
/// assert!(err.source().unwrap().to_string().starts_with("the gradient has length 1"));
/// ```
impl std::error::Error for GradCheckError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GradCheckError::WrongLength { dimension, .. } => Some(dimension),
            _ => None,
        }
    }
}
