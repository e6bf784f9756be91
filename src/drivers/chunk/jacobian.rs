//! The chunk-mode Jacobian: ⌈n / C⌉ passes of `Dual<T, C>`.

use core::convert::Infallible;
use core::ops::Range;

use num_traits::Float;

use super::{DEFAULT_CHUNK, JacobianConfig, chunk_size::first_order_chunk_size};
use crate::drivers::passes::{Buffer, first_order, read_chunk};
use crate::{DimensionError, Dual, Real, VectorFn};

/// The m × n Jacobian of f: ℝⁿ → ℝᵐ for run-time n and m (rows are
/// outputs), in ⌈n / [`DEFAULT_CHUNK`]⌉ passes.
///
/// For an empty `x`, f is called once on the empty slice and the result
/// has one empty row per output.
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
///
/// ```
/// use dualgrad::chunk;
/// let j = chunk::jacobian(|x| vec![x[0] * x[1], x[0] + x[1]], &[3.0, 4.0]).unwrap();
/// assert_eq!(j, vec![vec![4.0, 3.0], vec![1.0, 1.0]]);
/// ```
pub fn jacobian<T, F>(f: F, x: &[T]) -> Result<Vec<Vec<T>>, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Vec<Dual<T, DEFAULT_CHUNK>>,
{
    value_and_jacobian(f, x).map(|(_, j)| j)
}

/// The value f(x) and the Jacobian, as [`jacobian`].
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
///
/// ```
/// use dualgrad::chunk;
/// // Polar to Cartesian coordinates at r = 2, θ = 0.
/// let f = |p: &[dualgrad::Dual<f64, 12>]| vec![p[0] * p[1].cos(), p[0] * p[1].sin()];
/// let (y, j) = chunk::value_and_jacobian(f, &[2.0, 0.0]).unwrap();
/// assert_eq!(y, [2.0, 0.0]);
/// assert_eq!(j, [[1.0, 0.0], [0.0, 2.0]]);
/// ```
pub fn value_and_jacobian<T, F>(f: F, x: &[T]) -> Result<(Vec<T>, Vec<Vec<T>>), DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Vec<Dual<T, DEFAULT_CHUNK>>,
{
    let n = x.len();
    value_and_jacobian_on(
        |v: &Vec<_>| f(v),
        x,
        |m| vec![vec![T::zero(); n]; m],
        |rows, y, chunk| {
            for (row, yi) in rows.iter_mut().zip(y) {
                read_chunk(yi, chunk.clone(), row);
            }
        },
    )
}

/// The Jacobian into `out` (row-major: `J[i][j]` at `out[i·n + j]`), for an
/// f that writes its m outputs into a slice, with the work buffers of
/// `config`: allocates nothing. Every output is the constant 0 when f is
/// called, so an output f does not write has a zero row.
///
/// # Errors
///
/// A [`DimensionError`] if `x` or `out` does not have the length the config
/// implies (n, and m·n).
///
/// ```
/// use dualgrad::chunk::{JacobianConfig, jacobian_with};
/// let mut config = JacobianConfig::<f64>::new(2, 2);
/// let mut out = [0.0; 4];
/// let f = |x: &[_], y: &mut [_]| {
///     y[0] = x[0] * x[1];
///     y[1] = x[0] + x[1];
/// };
/// jacobian_with(&mut config, f, &[3.0, 4.0], &mut out).unwrap();
/// assert_eq!(out, [4.0, 3.0, 1.0, 1.0]);
/// ```
pub fn jacobian_with<T, F, const C: usize>(
    config: &mut JacobianConfig<T, C>,
    f: F,
    x: &[T],
    out: &mut [T],
) -> Result<(), DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, C>], &mut [Dual<T, C>]),
{
    check(config, x, out)?;
    run(config, f, x, out);
    Ok(())
}

/// f(x) into `values` and the Jacobian into `out`, as [`jacobian_with`].
///
/// # Errors
///
/// A [`DimensionError`] if `x`, `values` or `out` does not have the length
/// the config implies (n, m and m·n).
///
/// ```
/// use dualgrad::chunk::{JacobianConfig, value_and_jacobian_with};
/// let mut config = JacobianConfig::<f64>::new(2, 1);
/// let (mut y, mut j) = ([0.0], [0.0; 2]);
/// let f = |x: &[_], out: &mut [_]| out[0] = x[0] * x[1];
/// value_and_jacobian_with(&mut config, f, &[3.0, 4.0], &mut y, &mut j).unwrap();
/// assert_eq!((y, j), ([12.0], [4.0, 3.0]));
/// ```
pub fn value_and_jacobian_with<T, F, const C: usize>(
    config: &mut JacobianConfig<T, C>,
    f: F,
    x: &[T],
    values: &mut [T],
    out: &mut [T],
) -> Result<(), DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, C>], &mut [Dual<T, C>]),
{
    check(config, x, out)?;
    DimensionError::check(
        "value buffer",
        config.outputs(),
        values.len(),
        "one entry per output",
    )?;
    run(config, f, x, out);
    read_values(config, values);
    Ok(())
}

/// The m × n Jacobian of a [`VectorFn`], with the chunk size chosen from n
/// as in [`gradient_of`](super::gradient_of). m is `f.outputs(n)`, known
/// before the first pass, so there is nothing to go wrong.
///
/// ```
/// use dualgrad::{chunk, vector_fn};
/// use num_traits::Float;
///
/// /// Differences of neighbours: yᵢ = xᵢ₊₁ − xᵢ.
/// fn differences<S: Float>(x: &[S], out: &mut [S]) {
///     for i in 0..out.len() {
///         out[i] = x[i + 1] - x[i];
///     }
/// }
///
/// let f = vector_fn!(differences, |n| n - 1);
/// let j = chunk::jacobian_of(&f, &[1.0, 4.0, 9.0]);
/// assert_eq!(j, [[-1.0, 1.0, 0.0], [0.0, -1.0, 1.0]]);
/// ```
#[must_use]
pub fn jacobian_of<T: Real, F: VectorFn>(f: &F, x: &[T]) -> Vec<Vec<T>> {
    value_and_jacobian_of(f, x).1
}

/// f(x) and the Jacobian of a [`VectorFn`], as [`jacobian_of`].
///
/// ```
/// use dualgrad::{chunk, vector_fn};
/// use num_traits::Float;
///
/// fn square_all<S: Float>(x: &[S], out: &mut [S]) {
///     for (o, &v) in out.iter_mut().zip(x) {
///         *o = v * v;
///     }
/// }
///
/// let (y, j) = chunk::value_and_jacobian_of(&vector_fn!(square_all, |n| n), &[2.0, 3.0]);
/// assert_eq!((y, j), (vec![4.0, 9.0], vec![vec![4.0, 0.0], vec![0.0, 6.0]]));
/// ```
#[must_use]
pub fn value_and_jacobian_of<T: Real, F: VectorFn>(f: &F, x: &[T]) -> (Vec<T>, Vec<Vec<T>>) {
    let (n, m) = (x.len(), f.outputs(x.len()));
    let mut values = vec![T::zero(); m];
    let mut out = vec![T::zero(); m * n];
    first_order_chunk_size!(n, |C| {
        let mut config = JacobianConfig::<T, C>::new(n, m);
        run(
            &mut config,
            |v: &[Dual<T, C>], y: &mut [Dual<T, C>]| f.eval(v, y),
            x,
            &mut out,
        );
        read_values(&config, &mut values);
    });
    let rows = match n {
        0 => vec![Vec::new(); m],
        _ => out.chunks_exact(n).map(<[T]>::to_vec).collect(),
    };
    (values, rows)
}

/// f(x), from the outputs the last pass left in the config.
fn read_values<T: Float, const C: usize>(config: &JacobianConfig<T, C>, values: &mut [T]) {
    for (value, yi) in values.iter_mut().zip(&config.outputs) {
        *value = yi.value();
    }
}

/// The lengths of `jacobian_with`'s arguments.
fn check<T: Float, const C: usize>(
    config: &JacobianConfig<T, C>,
    x: &[T],
    out: &[T],
) -> Result<(), DimensionError> {
    config.check_input(x)?;
    DimensionError::check(
        "Jacobian buffer",
        config.outputs() * config.inputs(),
        out.len(),
        "outputs × inputs, row-major",
    )
}

/// The passes into a row-major `out`, lengths already checked: the
/// outputs' values are f(x) afterwards.
fn run<T, F, const C: usize>(config: &mut JacobianConfig<T, C>, f: F, x: &[T], out: &mut [T])
where
    T: Float,
    F: Fn(&[Dual<T, C>], &mut [Dual<T, C>]),
{
    let n = x.len();
    jacobian_with_on(
        config,
        |v: &Vec<_>, y: &mut Vec<_>| f(v, y),
        x,
        |y, chunk| {
            if n > 0 {
                for (row, yi) in out.chunks_exact_mut(n).zip(y) {
                    read_chunk(yi, chunk.clone(), row);
                }
            }
        },
    );
}

/// The passes of [`value_and_jacobian`], f reading its inputs as a `B`
/// (a `Vec` for the slice drivers, a `DVector` for `linalg::dynamic`): the
/// first pass's outputs give f(x), m and the Jacobian `new(m)`, and `read(J,
/// outputs, chunk)` files each pass's partials. Returns f(x) and J.
///
/// # Errors
///
/// A [`DimensionError`] if f returns outputs of different lengths in
/// different passes.
pub(crate) fn value_and_jacobian_on<T, B, J, const C: usize>(
    f: impl Fn(&B) -> Vec<Dual<T, C>>,
    x: &[T],
    new: impl Fn(usize) -> J,
    mut read: impl FnMut(&mut J, &[Dual<T, C>], Range<usize>),
) -> Result<(Vec<T>, J), DimensionError>
where
    T: Float,
    B: Buffer<Dual<T, C>>,
{
    let mut found: Option<(Vec<T>, J)> = None;
    let mut inputs = vec![Dual::constant(T::zero()); x.len()];
    B::lend(&mut inputs, |inputs| {
        first_order(inputs, x, |inputs, chunk| {
            let y = f(inputs);
            let (values, jacobian) = found.get_or_insert_with(|| {
                let values = y.iter().map(|yi| yi.value()).collect();
                (values, new(y.len()))
            });
            DimensionError::check(
                "output of f",
                values.len(),
                y.len(),
                "the length of its first output",
            )?;
            read(jacobian, &y, chunk);
            Ok(())
        })
    })?;
    // f runs at least once (an empty x has one pass).
    Ok(found.unwrap_or_else(|| (Vec::new(), new(0))))
}

/// The passes of [`jacobian_with`], lengths already checked, f reading the
/// config's inputs as a `B` and writing its outputs as an `O`; `read(y,
/// chunk)` files each pass's partials. Every output is the constant 0 when
/// f is called, and the outputs' values are f(x) afterwards.
pub(crate) fn jacobian_with_on<T, B, O, const C: usize>(
    config: &mut JacobianConfig<T, C>,
    f: impl Fn(&B, &mut O),
    x: &[T],
    mut read: impl FnMut(&[Dual<T, C>], Range<usize>),
) where
    T: Float,
    B: Buffer<Dual<T, C>>,
    O: Buffer<Dual<T, C>>,
{
    let JacobianConfig { gradient, outputs } = config;
    B::lend(&mut gradient.inputs, |inputs| {
        O::lend(outputs, |outputs| {
            let Ok(()) = first_order(inputs, x, |inputs, chunk| {
                // An output f leaves unwritten is the constant 0, not what
                // the last pass or the last call left there.
                outputs.slots().fill(Dual::constant(T::zero()));
                f(inputs, outputs);
                read(outputs.slots(), chunk);
                Ok::<(), Infallible>(())
            });
        });
    });
}
