//! The chunk-mode Hessian: passes of the second-order number `Dual2`, one
//! per pair of blocks of inputs.

#[cfg(feature = "argmin")]
use core::any::Any;

use num_traits::Float;

use super::widths::hessian_width;
use super::{DEFAULT_CHUNK, HessianConfig};
use crate::drivers::passes::{
    Inputs, PairOfBlocks, along_first_order, read_block, read_second_order, second_order,
};
use crate::{DimensionError, Dual, Dual2, Real, ScalarFn};

/// The n × n Hessian `H[i][j]` = ∂²f/∂xᵢ∂xⱼ of f: ℝⁿ → ℝ for run-time n, on
/// [`Dual2<T, C>`](Dual2) with C = [`DEFAULT_CHUNK`], the number the array
/// [`hessian`](crate::hessian) uses: n ≤ C takes one pass, larger n is
/// split into blocks of C/2 and each pass seeds a pair of blocks (its
/// `Dual2` gives both blocks' Hessians and the one between them), one pass
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
    rows(HessianConfig::new(x.len()), f, x)
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
    DimensionError::check("input x", n, x.len(), "the length the config was made for")?;
    DimensionError::check("gradient buffer", n, gradient.len(), "one entry per input")?;
    DimensionError::check("Hessian buffer", n * n, hessian.len(), "inputs × inputs")?;
    Ok(run(&mut config.inputs, f, x, gradient, hessian))
}

/// The n × n Hessian of a [`ScalarFn`] (a function written once for every
/// `Float` type), with the `Dual2` width chosen from n: n ≤ 12 takes one
/// pass of width n; larger n is split into near-equal blocks of at most 5
/// or 6 inputs (whichever computes fewer Hessian entries), and each pass
/// seeds a pair of them (width ≤ 12), one pass per pair.
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

/// f(x), ∇f(x) and ∇²f(x) of a [`ScalarFn`], with the widths of
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
    let mut gradient = vec![T::zero(); n];
    let mut hessian = vec![T::zero(); n * n];
    let value = hessian_width!(n, |C| run(
        &mut vec![Dual2::<T, C>::constant(T::zero()); n],
        |v| f.eval(v),
        x,
        &mut gradient,
        &mut hessian
    ));
    (value, gradient, split_rows(hessian, n))
}

/// A buffer of `Dual2` inputs of the width [`hessian_of`] chose, kept
/// between calls of [`value_gradient_hessian_into`].
#[cfg(feature = "argmin")]
pub(crate) type AnyInputs = Option<Box<dyn Any + Send>>;

/// f(x), with ∇f(x) into `gradient` and ∇²f(x) row-major into `hessian`
/// (lengths n and n·n, not checked), with the widths of [`hessian_of`], on
/// the inputs kept in `inputs` (made there on the first call for this n):
/// the argmin adapter's Hessian, which allocates nothing on repeat.
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
    hessian_width!(n, |C| {
        let fits = |b: &Box<dyn Any + Send>| {
            b.downcast_ref::<Vec<Dual2<T, C>>>()
                .is_some_and(|v| v.len() == n)
        };
        if !inputs.as_ref().is_some_and(fits) {
            *inputs = Some(Box::new(vec![Dual2::<T, C>::constant(T::zero()); n]));
        }
        let buffer = inputs
            .as_mut()
            .and_then(|b| b.downcast_mut::<Vec<Dual2<T, C>>>())
            .expect("the buffer was made at this width just above");
        run(buffer, |v| f.eval(v), x, gradient, hessian)
    })
}

/// The passes on a fresh config, the Hessian returned as rows.
fn rows<T, const C: usize>(
    mut config: HessianConfig<T, C>,
    f: impl Fn(&[Dual2<T, C>]) -> Dual2<T, C>,
    x: &[T],
) -> (T, Vec<T>, Vec<Vec<T>>)
where
    T: Float,
{
    let n = x.len();
    let mut gradient = vec![T::zero(); n];
    let mut hessian = vec![T::zero(); n * n];
    let value = run(&mut config.inputs, f, x, &mut gradient, &mut hessian);
    (value, gradient, split_rows(hessian, n))
}

/// A row-major n × n matrix as n rows.
fn split_rows<T: Float>(hessian: Vec<T>, n: usize) -> Vec<Vec<T>> {
    match n {
        0 => Vec::new(),
        _ => hessian.chunks_exact(n).map(<[T]>::to_vec).collect(),
    }
}

/// The passes into slices, lengths already checked.
fn run<T, F, const C: usize>(
    inputs: &mut Vec<Dual2<T, C>>,
    f: F,
    x: &[T],
    gradient: &mut [T],
    hessian: &mut [T],
) -> T
where
    T: Float,
    F: Fn(&[Dual2<T, C>]) -> Dual2<T, C>,
{
    let n = x.len();
    passes(
        inputs,
        |v: &Vec<_>| f(v),
        x,
        |i, d| gradient[i] = d,
        |i, j, d| {
            hessian[i * n + j] = d;
            hessian[j * n + i] = d;
        },
    )
}

/// The Hessian passes of every run-time driver (`chunk`, `linalg::dynamic`,
/// the argmin adapter) on a buffer of `Dual2` inputs of x's length: calls
/// `gradient(i, ∂f/∂xᵢ)` for every i and `hessian(i, j, ∂²f/∂xᵢ∂xⱼ)` once
/// for every i ≤ j. Returns f(x).
pub(crate) fn passes<T, B, const C: usize>(
    inputs: &mut B,
    f: impl Fn(&B) -> Dual2<T, C>,
    x: &[T],
    mut gradient: impl FnMut(usize, T),
    mut hessian: impl FnMut(usize, usize, T),
) -> T
where
    T: Float,
    B: Inputs<Dual2<T, C>> + ?Sized,
{
    let mut value = T::nan();
    let Ok(()) = second_order(inputs, x, |inputs, pair: &PairOfBlocks| {
        value = read_second_order(&f(inputs), pair, &mut gradient, &mut hessian);
        Ok::<(), core::convert::Infallible>(())
    });
    value
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
    DimensionError::check("direction v", x.len(), v.len(), "one entry per input")?;
    let mut inputs = vec![Dual::constant(Dual::constant(T::zero())); x.len()];
    let mut out = vec![T::zero(); x.len()];
    let Ok(()) = along_first_order(&mut inputs, x, v, |inputs: &Vec<_>, block| {
        read_block(&f(inputs).partials()[0], block, &mut out);
        Ok::<(), core::convert::Infallible>(())
    });
    Ok(out)
}
