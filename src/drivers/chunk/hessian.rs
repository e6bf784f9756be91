//! The chunk-mode Hessian: passes of the second-order number `Dual2`, one
//! per pair of chunks of inputs, and Hessian-vector products.

#[cfg(feature = "argmin")]
use core::any::Any;
use core::convert::Infallible;

use num_traits::Float;

use super::chunk_size::hessian_chunk_size;
use super::{DEFAULT_CHUNK, HessianConfig};
use crate::drivers::passes::{
    Buffer, along_first_order, read_chunk, read_second_order, second_order,
};
use crate::{DimensionError, Dual, Dual2, Real, ScalarFn};

/// The n × n Hessian `H[i][j]` = ∂²f/∂xᵢ∂xⱼ of f: ℝⁿ → ℝ for run-time n, on
/// [`Dual2<T, C>`](Dual2) with C = [`DEFAULT_CHUNK`], the number the array
/// [`hessian`](crate::hessian) uses: n ≤ C takes one pass, larger n is
/// split into chunks of C/2 and each pass seeds a pair of chunks (its
/// `Dual2` gives both chunks' Hessians and the one between them), one pass
/// per pair: b·(b − 1)/2 passes for b = ⌈n / (C/2)⌉.
///
/// f is written generically over `Float` (a closure cannot be, see
/// [`ScalarFn`](crate::ScalarFn)) or as a closure on `Dual2`, as for the
/// array [`hessian`](crate::hessian).
///
/// ```
/// use dualgrad::chunk;
/// use num_traits::Float;
///
/// // f(x) = Σ xᵢ³ has Hessian diag(6xᵢ).
/// fn cubes<S: Float>(x: &[S]) -> S {
///     x.iter().fold(S::zero(), |s, &v| s + v.powi(3))
/// }
/// let h = chunk::hessian(cubes, &[1.0, 2.0]);
/// assert_eq!(h, [[6.0, 0.0], [0.0, 12.0]]);
/// ```
#[must_use]
pub fn hessian<T, F>(f: F, x: &[T]) -> Vec<Vec<T>>
where
    T: Float,
    F: Fn(&[Dual2<T, DEFAULT_CHUNK>]) -> Dual2<T, DEFAULT_CHUNK>,
{
    value_gradient_hessian(f, x).2
}

/// The value f(x), the gradient and the Hessian, as [`hessian`]. For an
/// empty `x`, f is called once on the empty slice for its value.
///
/// ```
/// use dualgrad::chunk;
///
/// // f(x) = x₀²·x₁.
/// let (v, g, h) = chunk::value_gradient_hessian(|x| x[0] * x[0] * x[1], &[3.0, 2.0]);
/// assert_eq!((v, g), (18.0, vec![12.0, 9.0]));
/// assert_eq!(h, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[must_use]
pub fn value_gradient_hessian<T, F>(f: F, x: &[T]) -> (T, Vec<T>, Vec<Vec<T>>)
where
    T: Float,
    F: Fn(&[Dual2<T, DEFAULT_CHUNK>]) -> Dual2<T, DEFAULT_CHUNK>,
{
    let n = x.len();
    let (mut gradient, mut hessian) = (vec![T::zero(); n], vec![T::zero(); n * n]);
    let value = hessian_with_on(
        &mut HessianConfig::new(n),
        |v: &Vec<_>| f(v),
        x,
        &mut gradient,
        &mut hessian,
    );
    (value, gradient, split_rows(hessian, n))
}

/// f(x), with the gradient into `gradient` and the Hessian into `hessian`
/// (row-major, `H[i][j]` at `hessian[i·n + j]`), on the work buffer of
/// `config`: allocates nothing.
///
/// # Errors
///
/// A [`DimensionError`] if `x`, `gradient` or `hessian` does not have the
/// length the config implies (n, n and n·n).
///
/// ```
/// use dualgrad::chunk::{HessianConfig, hessian_with};
/// use num_traits::Float;
///
/// fn f<S: Float>(x: &[S]) -> S {
///     x[0].exp() * x[1]
/// }
/// let mut config = HessianConfig::<f64, 2>::new(2);
/// let (mut g, mut h) = ([0.0; 2], [0.0; 4]);
/// let value = hessian_with(&mut config, f, &[0.0, 3.0], &mut g, &mut h).unwrap();
/// assert_eq!((value, g, h), (3.0, [3.0, 1.0], [3.0, 1.0, 1.0, 0.0]));
/// ```
pub fn hessian_with<T, F, const C: usize>(
    config: &mut HessianConfig<T, C>,
    f: F,
    x: &[T],
    gradient: &mut [T],
    hessian: &mut [T],
) -> Result<T, DimensionError>
where
    T: Float,
    F: Fn(&[Dual2<T, C>]) -> Dual2<T, C>,
{
    let n = config.len();
    config.check_input_and_gradient(x, gradient)?;
    DimensionError::check("Hessian buffer", n * n, hessian.len(), "inputs × inputs")?;
    Ok(hessian_with_on(
        config,
        |v: &Vec<_>| f(v),
        x,
        gradient,
        hessian,
    ))
}

/// The n × n Hessian of a [`ScalarFn`] (a function written once for every
/// `Float` type), with the `Dual2` chunk size chosen from n: n ≤ 12 takes
/// one pass of n; larger n is split into near-equal chunks of at most 5 or
/// 6 inputs (whichever computes fewer Hessian entries), and each pass seeds
/// a pair of them (at most 12 inputs), one pass per pair.
///
/// ```
/// use dualgrad::{chunk, scalar_fn};
/// use num_traits::Float;
///
/// // f(x) = Σ xᵢ³ has Hessian diag(6xᵢ).
/// fn cubes<S: Float>(x: &[S]) -> S {
///     x.iter().fold(S::zero(), |s, &v| s + v.powi(3))
/// }
/// let h = chunk::hessian_of(&scalar_fn!(cubes), &[1.0, 2.0, 3.0]);
/// assert_eq!(h, [[6.0, 0.0, 0.0], [0.0, 12.0, 0.0], [0.0, 0.0, 18.0]]);
/// ```
#[must_use]
pub fn hessian_of<T: Real, F: ScalarFn>(f: &F, x: &[T]) -> Vec<Vec<T>> {
    value_gradient_hessian_of(f, x).2
}

/// f(x), ∇f(x) and ∇²f(x) of a [`ScalarFn`], with the chunk sizes of
/// [`hessian_of`].
///
/// ```
/// use dualgrad::{chunk, scalar_fn};
/// use num_traits::Float;
///
/// fn f<S: Float>(x: &[S]) -> S {
///     x[0] * x[0] * x[1]
/// }
/// let (v, g, h) = chunk::value_gradient_hessian_of(&scalar_fn!(f), &[3.0, 2.0]);
/// assert_eq!((v, g), (18.0, vec![12.0, 9.0]));
/// assert_eq!(h, [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[must_use]
pub fn value_gradient_hessian_of<T: Real, F: ScalarFn>(f: &F, x: &[T]) -> (T, Vec<T>, Vec<Vec<T>>) {
    let n = x.len();
    let (mut gradient, mut hessian) = (vec![T::zero(); n], vec![T::zero(); n * n]);
    let value = hessian_chunk_size!(n, |C| hessian_with_on(
        &mut HessianConfig::new(n),
        |v: &Vec<Dual2<T, C>>| f.eval(v),
        x,
        &mut gradient,
        &mut hessian
    ));
    (value, gradient, split_rows(hessian, n))
}

/// A [`HessianConfig`] of the chunk size [`hessian_of`] chose, kept
/// between calls of [`value_gradient_hessian_into`].
#[cfg(feature = "argmin")]
pub(crate) type AnyInputs = Option<Box<dyn Any + Send>>;

/// f(x), with ∇f(x) into `gradient` and ∇²f(x) row-major into `hessian`
/// (lengths n and n·n, not checked), with the chunk sizes of
/// [`hessian_of`], on the config kept in `inputs` (made there on the first
/// call for this n): the argmin adapter's Hessian, which allocates nothing
/// on repeat.
#[cfg(feature = "argmin")]
pub(crate) fn value_gradient_hessian_into<T, F>(
    f: &F,
    x: &[T],
    inputs: &mut AnyInputs,
    gradient: &mut [T],
    hessian: &mut [T],
) -> T
where
    T: Real + Send + 'static,
    F: ScalarFn,
{
    let n = x.len();
    hessian_chunk_size!(n, |C| {
        let fits = |b: &Box<dyn Any + Send>| {
            b.downcast_ref::<HessianConfig<T, C>>()
                .is_some_and(|config| config.len() == n)
        };
        if !inputs.as_ref().is_some_and(fits) {
            *inputs = Some(Box::new(HessianConfig::<T, C>::new(n)));
        }
        let config = inputs
            .as_mut()
            .and_then(|b| b.downcast_mut::<HessianConfig<T, C>>())
            .expect("the config was made at this chunk size just above");
        hessian_with_on(config, |v: &Vec<_>| f.eval(v), x, gradient, hessian)
    })
}

/// The passes of [`hessian_with`] (and of every run-time Hessian:
/// `chunk`, `linalg::dynamic`, the argmin adapter), lengths already
/// checked, f reading the config's inputs as a `B`: ∇f(x) into `gradient`,
/// and each Hessian entry (i, j) into `hessian` at i·n + j and j·n + i, so
/// that a row-major and a column-major buffer get the same matrix. Returns
/// f(x).
pub(crate) fn hessian_with_on<T, B, const C: usize>(
    config: &mut HessianConfig<T, C>,
    f: impl Fn(&B) -> Dual2<T, C>,
    x: &[T],
    gradient: &mut [T],
    hessian: &mut [T],
) -> T
where
    T: Float,
    B: Buffer<Dual2<T, C>>,
{
    let n = x.len();
    B::lend(&mut config.inputs, |inputs| {
        let mut value = T::nan();
        let Ok(()) = second_order(inputs, x, |inputs, pair| {
            value = read_second_order(
                &f(inputs),
                pair,
                |i, d| gradient[i] = d,
                |i, j, d| {
                    hessian[i * n + j] = d;
                    hessian[j * n + i] = d;
                },
            );
            Ok::<(), Infallible>(())
        });
        value
    })
}

/// A row-major n × n matrix as n rows.
fn split_rows<T: Float>(hessian: Vec<T>, n: usize) -> Vec<Vec<T>> {
    match n {
        0 => Vec::new(),
        _ => hessian.chunks_exact(n).map(<[T]>::to_vec).collect(),
    }
}

/// The Hessian-vector product ∇²f(x)·v for run-time n, without forming the
/// Hessian: ⌈n / [`DEFAULT_CHUNK`]⌉ passes on `Dual<Dual<T, C>, 1>`, each
/// giving C entries of H·v (forward over forward: the gradient's chunk
/// inside, the direction v outside).
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
///
/// ```
/// use dualgrad::chunk;
/// use num_traits::Float;
///
/// // f(x) = Σ xᵢ³: H = diag(6xᵢ), so H·v = (6xᵢvᵢ).
/// fn cubes<S: Float>(x: &[S]) -> S {
///     x.iter().fold(S::zero(), |s, &v| s + v.powi(3))
/// }
/// let hv = chunk::hessian_vector_product(cubes, &[1.0, 2.0, 3.0], &[1.0, 0.5, -1.0]);
/// assert_eq!(hv, Ok(vec![6.0, 6.0, -18.0]));
/// ```
pub fn hessian_vector_product<T, F>(f: F, x: &[T], v: &[T]) -> Result<Vec<T>, DimensionError>
where
    T: Float,
    F: Fn(&[Dual<Dual<T, DEFAULT_CHUNK>, 1>]) -> Dual<Dual<T, DEFAULT_CHUNK>, 1>,
{
    let mut out = vec![T::zero(); x.len()];
    hessian_vector_product_on(|inputs: &Vec<_>| f(inputs), x, v, &mut out)?;
    Ok(out)
}

/// [`hessian_vector_product`] into `out` (x's length), f reading its
/// inputs as a `B`: a `Vec` for the slice drivers, a `DVector` for
/// `linalg::dynamic`.
///
/// # Errors
///
/// A [`DimensionError`] if `v` does not have the length of `x`.
pub(crate) fn hessian_vector_product_on<T, B, const C: usize>(
    f: impl Fn(&B) -> Dual<Dual<T, C>, 1>,
    x: &[T],
    v: &[T],
    out: &mut [T],
) -> Result<(), DimensionError>
where
    T: Float,
    B: Buffer<Dual<Dual<T, C>, 1>>,
{
    DimensionError::check("direction v", x.len(), v.len(), "one entry per input")?;
    let mut inputs = vec![Dual::constant(Dual::constant(T::zero())); x.len()];
    B::lend(&mut inputs, |inputs| {
        let Ok(()) = along_first_order(inputs, x, v, |inputs, chunk| {
            read_chunk(&f(inputs).partials()[0], chunk, out);
            Ok::<(), Infallible>(())
        });
    });
    Ok(())
}
