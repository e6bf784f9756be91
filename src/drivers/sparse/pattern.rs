//! Sparsity detection: f evaluated once on [`Tracer`]s.

use nalgebra_sparse::pattern::SparsityPattern;

use super::Tracer;
use crate::number::tracer::sets::{self, Run};
use crate::{DimensionError, Real, VectorFn};

/// [`jacobian_pattern`] at a point of any float type, converted to f64 (a
/// value f64 cannot hold becomes NaN): what the configs' `new` detect at.
pub(crate) fn jacobian_pattern_at<T: Real, F: VectorFn>(f: &F, x: &[T]) -> SparsityPattern {
    let x: Vec<f64> = x.iter().map(|v| v.to_f64().unwrap_or(f64::NAN)).collect();
    jacobian_pattern(f, &x)
}

/// The sparsity pattern of f's Jacobian at x: row i lists the inputs output
/// i depends on (rows = outputs, columns = inputs), found by evaluating f
/// once on [`Tracer`]s.
///
/// The pattern is that of the branch f takes at x (see [`Tracer`]); use
/// [`jacobian_pattern_union`] for several points. The cost is one
/// evaluation of f plus the set merges: O(nnz) for banded and stencil
/// functions.
///
/// ```
/// use dualgrad::sparse::jacobian_pattern;
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// // out[i] = x[i]² − x[i + 1]: a bidiagonal Jacobian.
/// fn chain<S: Float>(x: &[S], out: &mut [S]) {
///     for (i, o) in out.iter_mut().enumerate() {
///         *o = x[i] * x[i] - x[i + 1];
///     }
/// }
/// let pattern = jacobian_pattern(&vector_fn!(chain, |n| n - 1), &[1.0, 2.0, 3.0]);
/// assert_eq!((pattern.major_dim(), pattern.minor_dim()), (2, 3));
/// assert_eq!((pattern.lane(0), pattern.lane(1)), (&[0, 1][..], &[1, 2][..]));
/// ```
#[must_use]
pub fn jacobian_pattern<F: VectorFn>(f: &F, x: &[f64]) -> SparsityPattern {
    let _run = Run::start();
    let inputs: Vec<Tracer> = x
        .iter()
        .enumerate()
        .map(|(i, &xi)| Tracer::input(xi, i))
        .collect();
    let mut outputs = vec![Tracer::constant(0.0); f.outputs(x.len())];
    f.eval(&inputs, &mut outputs);
    let mut offsets = Vec::with_capacity(outputs.len() + 1);
    let mut indices = Vec::new();
    offsets.push(0);
    for output in &outputs {
        sets::extend(output.set(), &mut indices);
        offsets.push(indices.len());
    }
    pattern(outputs.len(), x.len(), offsets, indices)
}

/// The union of f's Jacobian patterns at several points: for functions that
/// branch on x (`max`, `abs`, `if x < …`), so that the pattern covers every
/// branch the points reach.
///
/// # Errors
///
/// A [`DimensionError`] if the points do not all have the first one's
/// length. No points give an empty 0 × 0 pattern.
///
/// ```
/// use dualgrad::sparse::{jacobian_pattern, jacobian_pattern_union};
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// fn larger<S: Float>(x: &[S], out: &mut [S]) {
///     out[0] = x[0].max(x[1]);
/// }
/// let f = vector_fn!(larger, 1);
/// assert_eq!(jacobian_pattern(&f, &[2.0, 1.0]).lane(0), &[0]);
/// let both = jacobian_pattern_union(&f, [&[2.0, 1.0][..], &[1.0, 2.0]]).unwrap();
/// assert_eq!(both.lane(0), &[0, 1]);
/// ```
pub fn jacobian_pattern_union<'a, F: VectorFn>(
    f: &F,
    points: impl IntoIterator<Item = &'a [f64]>,
) -> Result<SparsityPattern, DimensionError> {
    let mut union: Option<SparsityPattern> = None;
    for x in points {
        if let Some(sofar) = &union {
            DimensionError::check("point", sofar.minor_dim(), x.len(), "one entry per input")?;
        }
        let next = jacobian_pattern(f, x);
        union = Some(match union {
            None => next,
            Some(sofar) => union_of(&sofar, &next),
        });
    }
    Ok(union.unwrap_or_else(|| SparsityPattern::zeros(0, 0)))
}

/// The first entry (output, input) of f's Jacobian pattern at x that
/// `pattern` lacks, or `None` if `pattern` covers f at x. A config made
/// from a pattern ([`JacobianConfig::from_pattern`](super::JacobianConfig::from_pattern),
/// or by detection at another point) is exact at x only when this is
/// `None`: an entry missing from the pattern is not computed, and its value
/// is added to the entries of its colour in its row. Costs one detection.
///
/// ```
/// use dualgrad::sparse::{JacobianConfig, first_missing_entry};
/// use dualgrad::vector_fn;
/// use num_traits::Float;
///
/// // out[0] depends on x[1] only where x[0] > 0.
/// fn branchy<S: Float>(x: &[S], out: &mut [S]) {
///     out[0] = if x[0] > S::zero() { x[0] * x[1] } else { x[0] };
///     out[1] = x[1] + x[2];
/// }
/// let f = vector_fn!(branchy, 2);
/// let config = JacobianConfig::new(&f, &[-1.0, 2.0, 3.0]);
/// assert_eq!(first_missing_entry(config.pattern(), &f, &[-5.0, 2.0, 3.0]), None);
/// assert_eq!(first_missing_entry(config.pattern(), &f, &[1.0, 2.0, 3.0]), Some((0, 1)));
/// ```
#[must_use]
pub fn first_missing_entry<F: VectorFn>(
    pattern: &SparsityPattern,
    f: &F,
    x: &[f64],
) -> Option<(usize, usize)> {
    let detected = jacobian_pattern(f, x);
    (0..detected.major_dim()).find_map(|row| {
        let have = if row < pattern.major_dim() {
            pattern.lane(row)
        } else {
            &[]
        };
        detected
            .lane(row)
            .iter()
            .find(|column| have.binary_search(column).is_err())
            .map(|&column| (row, column))
    })
}

/// The row-by-row union of two patterns of the same shape.
fn union_of(a: &SparsityPattern, b: &SparsityPattern) -> SparsityPattern {
    let mut offsets = vec![0];
    let mut indices = Vec::with_capacity(a.nnz().max(b.nnz()));
    for row in 0..a.major_dim() {
        let (mut left, mut right) = (a.lane(row).iter().peekable(), b.lane(row).iter().peekable());
        loop {
            let next = match (left.peek(), right.peek()) {
                (Some(&&l), Some(&&r)) => {
                    if l <= r {
                        left.next();
                    }
                    if r <= l {
                        right.next();
                    }
                    l.min(r)
                }
                (Some(&&l), None) => {
                    left.next();
                    l
                }
                (None, Some(&&r)) => {
                    right.next();
                    r
                }
                (None, None) => break,
            };
            indices.push(next);
        }
        offsets.push(indices.len());
    }
    pattern(a.major_dim(), a.minor_dim(), offsets, indices)
}

/// A pattern from rows that are sorted, free of duplicates and in range by
/// construction.
pub(crate) fn pattern(
    rows: usize,
    columns: usize,
    offsets: Vec<usize>,
    indices: Vec<usize>,
) -> SparsityPattern {
    SparsityPattern::try_from_offsets_and_indices(rows, columns, offsets, indices)
        .expect("rows built sorted, without duplicates and within the columns")
}
