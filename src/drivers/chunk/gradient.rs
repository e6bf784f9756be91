//! The chunk-mode gradient: ⌈n / C⌉ passes of `Dual<T, C>`.

use core::convert::Infallible;

use num_traits::Float;

use super::{DEFAULT_CHUNK, GradientConfig, chunk_size::first_order_chunk_size};
use crate::drivers::passes::{Buffer, first_order, read_chunk};
use crate::{DimensionError, Dual, Real, ScalarFn};

/// The gradient of f: ℝⁿ → ℝ for an input of run-time length n, in
/// ⌈n / [`DEFAULT_CHUNK`]⌉ passes. Allocates the result and one work
/// buffer; see [`gradient_with`] for the allocation-free form.
///
/// ```
/// use dualgrad::chunk;
/// let g = chunk::gradient(|x| x.iter().map(|v| *v * *v).sum(), &[1.0, 2.0, 3.0]);
/// assert_eq!(g, vec![2.0, 4.0, 6.0]);
/// ```
#[must_use]
pub fn gradient<T, F>(f: F, x: &[T]) -> Vec<T>
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Dual<T, DEFAULT_CHUNK>,
{
    value_and_gradient(f, x).1
}

/// The value f(x) and the gradient, as [`gradient`]. For an empty `x`, f is
/// called once on the empty slice for its value.
///
/// ```
/// use dualgrad::chunk;
/// let (v, g) = chunk::value_and_gradient(|x| x[0] * x[1], &[3.0, 4.0]);
/// assert_eq!((v, g), (12.0, vec![4.0, 3.0]));
/// ```
#[must_use]
pub fn value_and_gradient<T, F>(f: F, x: &[T]) -> (T, Vec<T>)
where
    T: Float,
    F: Fn(&[Dual<T, DEFAULT_CHUNK>]) -> Dual<T, DEFAULT_CHUNK>,
{
    let mut out = vec![T::zero(); x.len()];
    let value = gradient_with_on(
        &mut GradientConfig::new(x.len()),
        |v: &Vec<_>| f(v),
        x,
        &mut out,
    );
    (value, out)
}

/// The gradient into `out`, with the work buffer of `config`: allocates
/// nothing. Returns f(x).
///
/// # Errors
///
/// A [`DimensionError`] if `x` does not have the length the config was made
/// for, or `out` does not have the length of `x`.
///
/// ```
/// use dualgrad::chunk::{GradientConfig, gradient_with};
/// let mut config = GradientConfig::<f64, 2>::new(3);
/// let mut out = [0.0; 3];
/// let value = gradient_with(&mut config, |x| x[0] * x[1] * x[2], &[1.0, 2.0, 3.0], &mut out).unwrap();
/// assert_eq!((value, out), (6.0, [6.0, 3.0, 2.0]));
/// ```
pub fn gradient_with<T, F, const C: usize>(
    config: &mut GradientConfig<T, C>,
    f: F,
    x: &[T],
    out: &mut [T],
) -> Result<T, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<T, C>]) -> Dual<T, C>,
{
    config.check_input_and_gradient(x, out)?;
    Ok(gradient_with_on(config, |v: &Vec<_>| f(v), x, out))
}

/// ∇f(x) of a function written once for every `Float` type ([`ScalarFn`]),
/// with the chunk size chosen from n as ForwardDiff.jl does: ⌈n / 12⌉
/// passes of near-equal size c = ⌈n / passes⌉ ≤ [`DEFAULT_CHUNK`], each on
/// `Dual<T, c>`. n = 13 takes two passes of 7 where [`gradient`] takes two
/// of 12; n ≤ 12 one pass of n. f is compiled once per chunk size in
/// 1..=12.
///
/// ```
/// use dualgrad::{chunk, scalar_fn};
/// use num_traits::Float;
///
/// fn rosenbrock<S: Float>(x: &[S]) -> S {
///     let hundred = S::from(100.0).unwrap();
///     x.windows(2)
///         .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
///         .fold(S::zero(), |a, b| a + b)
/// }
///
/// let x = vec![1.0; 13];
/// assert_eq!(chunk::gradient_of(&scalar_fn!(rosenbrock), &x), vec![0.0; 13]);
/// ```
#[must_use]
pub fn gradient_of<T: Real, F: ScalarFn>(f: &F, x: &[T]) -> Vec<T> {
    value_and_gradient_of(f, x).1
}

/// f(x) and ∇f(x) of a [`ScalarFn`], with the balanced chunk sizes of
/// [`gradient_of`].
///
/// ```
/// use dualgrad::{chunk, scalar_fn};
/// use num_traits::Float;
///
/// fn norm_squared<S: Float>(x: &[S]) -> S {
///     x.iter().fold(S::zero(), |s, &v| s + v * v)
/// }
///
/// let (value, g) = chunk::value_and_gradient_of(&scalar_fn!(norm_squared), &[3.0, 4.0]);
/// assert_eq!((value, g), (25.0, vec![6.0, 8.0]));
/// ```
#[must_use]
pub fn value_and_gradient_of<T: Real, F: ScalarFn>(f: &F, x: &[T]) -> (T, Vec<T>) {
    let mut out = vec![T::zero(); x.len()];
    let value = first_order_chunk_size!(x.len(), |C| gradient_with_on(
        &mut GradientConfig::new(x.len()),
        |v: &Vec<Dual<T, C>>| f.eval(v),
        x,
        &mut out
    ));
    (value, out)
}

/// The passes of [`gradient_with`], lengths already checked, f reading
/// the config's inputs as a `B`: a `Vec` for the slice drivers, a
/// `DVector` for `linalg::dynamic`. Returns f(x).
pub(crate) fn gradient_with_on<T, B, const C: usize>(
    config: &mut GradientConfig<T, C>,
    f: impl Fn(&B) -> Dual<T, C>,
    x: &[T],
    out: &mut [T],
) -> T
where
    T: Float,
    B: Buffer<Dual<T, C>>,
{
    B::lend(&mut config.inputs, |inputs| {
        let mut value = T::nan();
        let Ok(()) = first_order(inputs, x, |inputs, chunk| {
            let y = f(inputs);
            read_chunk(&y, chunk, out);
            value = y.value();
            Ok::<(), Infallible>(())
        });
        value
    })
}
