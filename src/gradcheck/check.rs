//! The [`GradCheck`] builder and its checks.

use core::marker::PhantomData;

use super::differences::{Precision, derivative_estimates, numeric_columns};
use super::precision::sealed::Sealed;
use super::{CheckFloat, CheckKind, Estimate, GradCheckError, Position, Report, Scheme};
use crate::chunk::{JacobianConfig, jacobian_with, value_and_gradient_of};
use crate::gradcheck::report::EntryReport;
use crate::{DimensionError, ScalarFn, VectorFn};

/// The factor k on a scheme's error estimate in the pass rule: estimates
/// are typically within 1–5× of the true error.
const ESTIMATE_FACTOR: f64 = 4.0;

/// The most Jacobian entries `check_ad_jacobian` allocates: one dual of at
/// most 128 bytes each, within `isize::MAX` bytes.
const MAX_JACOBIAN_ENTRIES: usize = isize::MAX as usize / 128;

/// Checks a gradient, Jacobian or Hessian against finite differences.
///
/// Configured like `approx`'s comparisons: start from
/// `GradCheck::default()` (f64, central differences, rtol 1e-6, atol 0) and
/// change what you need. Entry g against its difference g̃ passes when
///
/// ```text
/// |g − g̃| ≤ max(rtol·max(|g|, |g̃|), atol, k·e)
/// ```
///
/// where e is the difference scheme's own error estimate (truncation plus
/// rounding noise, so an entry that should be 0 is not failed by the noise
/// of its difference) and k = 4. The report also gives the relative error
/// ‖g − g̃‖/(‖g‖ + ‖g̃‖) over all entries, the single number usually quoted
/// for a gradient check (see *Mathematics for Machine Learning* §5.2).
///
/// The type parameter is the number type of the function and derivative
/// under test: `f64` by default, or `f32` through
/// [`GradCheck::<f32>::new()`](Self::new) (see [`CheckFloat`] for what
/// changes). The point x may be given as anything that is `AsRef<[F]>`:
/// a slice, an array, a `Vec`, or a nalgebra `DVector`/`SVector`.
///
/// Bad input (an empty or non-finite `x`, a derivative of the wrong length,
/// NaNs) gives a [`GradCheckError`] naming the entry at fault, never a panic.
///
/// ```
/// use dualgrad::gradcheck::{GradCheck, Scheme};
/// use dualgrad::scalar_fn;
/// use num_traits::Float;
///
/// fn f<S: Float>(x: &[S]) -> S {
///     x[0] * x[0] * x[1] + x[0] * x[1].powi(3)
/// }
///
/// // A hand-written gradient…
/// let hand = |x: &[f64]| vec![2.0 * x[0] * x[1] + x[1].powi(3), x[0] * x[0] + 3.0 * x[0] * x[1] * x[1]];
/// assert!(GradCheck::default().gradient(f, hand, &[1.0, 2.0]).is_ok());
///
/// // …or the crate's own AD gradient, in one line.
/// let report = GradCheck::default()
///     .scheme(Scheme::Richardson)
///     .rtol(1e-10)
///     .check_ad(&scalar_fn!(f), &[1.0, 2.0])
///     .unwrap();
/// assert!(report.relative_error() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradCheck<F = f64> {
    scheme: Scheme,
    rtol: f64,
    atol: f64,
    step: Option<f64>,
    random_state: u64,
    number_type: PhantomData<F>,
}

/// The f64 check: central differences, rtol 1e-6, atol 0, scaled steps.
///
/// Only `GradCheck<f64>` has `Default`, so that `GradCheck::default()` needs
/// no type annotation; use [`GradCheck::<f32>::new()`](GradCheck::new) for
/// f32.
///
/// ```
/// use dualgrad::gradcheck::GradCheck;
/// assert_eq!(GradCheck::default(), GradCheck::<f64>::new());
/// ```
impl Default for GradCheck<f64> {
    fn default() -> Self {
        GradCheck::new()
    }
}

// `new` is generic over the number type while `Default` is for f64 only (see
// there): a `Default` for f32 too would make `GradCheck::default()` ambiguous.
#[allow(clippy::new_without_default)]
impl<F: CheckFloat> GradCheck<F> {
    /// A check in number type `F` with the defaults: central differences,
    /// scaled steps, atol 0, and rtol 1e-6 for f64 or 1e-3 for f32.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let f = |x: &[f32]| x[0] * x[0] * x[1];
    /// let grad = |x: &[f32]| [2.0 * x[0] * x[1], x[0] * x[0]];
    /// assert!(GradCheck::<f32>::new().gradient(f, grad, &[1.5, -2.0]).is_ok());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        GradCheck {
            scheme: Scheme::Central,
            rtol: F::DEFAULT_RTOL,
            atol: 0.0,
            step: None,
            random_state: 0x5eed_da7a,
            number_type: PhantomData,
        }
    }

    /// The finite-difference scheme (default [`Scheme::Central`]).
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, Scheme};
    /// let check = GradCheck::default().scheme(Scheme::FivePoint);
    /// assert!(check.gradient(|x| x[0].exp(), |x| vec![x[0].exp()], &[1.0]).is_ok());
    /// ```
    #[must_use]
    pub fn scheme(mut self, scheme: Scheme) -> Self {
        self.scheme = scheme;
        self
    }

    /// The relative tolerance (default 1e-6 for f64, 1e-3 for f32).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let off = |x: &[f64]| vec![2.0 * x[0] * (1.0 + 1e-5)];
    /// assert!(GradCheck::default().rtol(1e-4).gradient(|x| x[0] * x[0], off, &[1.0]).is_ok());
    /// assert!(GradCheck::default().gradient(|x| x[0] * x[0], off, &[1.0]).is_err());
    /// ```
    #[must_use]
    pub fn rtol(mut self, rtol: f64) -> Self {
        self.rtol = rtol;
        self
    }

    /// The absolute tolerance (default 0: the difference noise is already
    /// allowed for by the error-estimate term of the rule).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let off = |_: &[f64]| vec![1e-3];
    /// assert!(GradCheck::default().atol(1e-2).gradient(|_| 1.0, off, &[1.0]).is_ok());
    /// ```
    #[must_use]
    pub fn atol(mut self, atol: f64) -> Self {
        self.atol = atol;
        self
    }

    /// Forces a fixed step h for every coordinate (the first step h₀ for
    /// `Richardson`) instead of the scaled default.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().step(1e-4).gradient(|x| x[0].sin(), |x| vec![x[0].cos()], &[1.0]).unwrap();
    /// assert!((r.entries()[0].step() - 1e-4).abs() < 1e-15); // rounded so that x + h − x = h
    /// ```
    #[must_use]
    pub fn step(mut self, h: f64) -> Self {
        self.step = Some(h);
        self
    }

    /// The state of the random-number generator that draws the direction v
    /// of [`directional`](Self::directional): the same state gives the same
    /// direction on every run and platform. (Only that; it has nothing to do
    /// with the derivative directions of dual numbers.)
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let check = GradCheck::default().random_state(7);
    /// assert!(check.directional(|x| x[0] * x[1], |x| vec![x[1], x[0]], &[1.0, 2.0]).is_ok());
    /// ```
    #[must_use]
    pub fn random_state(mut self, state: u64) -> Self {
        self.random_state = state;
        self
    }

    /// Checks `grad(x)` = ∇f(x) entry by entry. `grad` may return a `Vec`,
    /// an array or a nalgebra vector; `x` may be a slice, an array, a `Vec`
    /// or a nalgebra vector.
    ///
    /// # Errors
    ///
    /// [`GradCheckError::Mismatch`] naming the worst entry, or the error for
    /// bad input (empty or non-finite `x`, non-finite f(x) or gradient entry,
    /// a gradient of the wrong length, a non-finite difference).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let f = |x: &[f64]| x[0].sin() * x[1];
    /// let grad = |x: &[f64]| [x[0].cos() * x[1], x[0].sin()];
    /// let report = GradCheck::default().gradient(f, grad, &[0.3, 2.0]).unwrap();
    /// assert_eq!(report.entries().len(), 2);
    ///
    /// # #[cfg(feature = "nalgebra")] {
    /// // The point as a nalgebra vector, the gradient too.
    /// let x = nalgebra::DVector::from_vec(vec![0.3, 2.0]);
    /// let grad = |x: &[f64]| nalgebra::DVector::from_vec(vec![x[0].cos() * x[1], x[0].sin()]);
    /// assert!(GradCheck::default().gradient(f, grad, &x).is_ok());
    /// # }
    /// ```
    pub fn gradient<G: AsRef<[F]>, X: AsRef<[F]> + ?Sized>(
        &self,
        f: impl Fn(&[F]) -> F,
        grad: impl Fn(&[F]) -> G,
        x: &X,
    ) -> Result<Report, GradCheckError> {
        let x = x.as_ref();
        self.check_jacobian(
            CheckKind::Gradient,
            |x| F::on_slice(x, |x| vec![f(x).widen()]),
            || vec![widen(grad(x).as_ref())],
            x,
            F::PRECISION,
        )
    }

    /// Checks `jac(x)` = the Jacobian of f at x, rows being outputs
    /// (`J[i][j]` = ∂fᵢ/∂xⱼ). `f` and `jac` may return `Vec`s or arrays.
    ///
    /// # Errors
    ///
    /// As for [`gradient`](Self::gradient); entries are named `J[i][j]`.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// use dualgrad::jacobian;
    /// let polar = |p: &[f64]| [p[0] * p[1].cos(), p[0] * p[1].sin()];
    /// let ad = |p: &[f64]| jacobian(|p| [p[0] * p[1].cos(), p[0] * p[1].sin()], [p[0], p[1]]);
    /// assert!(GradCheck::default().jacobian(polar, ad, &[2.0, 0.5]).is_ok());
    /// ```
    pub fn jacobian<V, J, R, X>(
        &self,
        f: impl Fn(&[F]) -> V,
        jac: impl Fn(&[F]) -> J,
        x: &X,
    ) -> Result<Report, GradCheckError>
    where
        V: AsRef<[F]>,
        J: AsRef<[R]>,
        R: AsRef<[F]>,
        X: AsRef<[F]> + ?Sized,
    {
        let x = x.as_ref();
        self.check_jacobian(
            CheckKind::Jacobian,
            |x| F::on_slice(x, |x| widen(f(x).as_ref())),
            || rows(&jac(x)),
            x,
            F::PRECISION,
        )
    }

    /// Checks a Hessian against differences of the gradient (like
    /// `gradgradcheck`): `hess(x)[i][j]` = ∂gᵢ/∂xⱼ with g = `grad`.
    ///
    /// # Errors
    ///
    /// As for [`gradient`](Self::gradient); entries are named `H[i][j]`.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// use dualgrad::{gradient, hessian};
    /// use num_traits::Float;
    /// fn f<S: Float>(x: &[S]) -> S { x[0] * x[0] * x[1] + x[1].sin() }
    /// let report = GradCheck::default()
    ///     .hessian(|x| gradient(f, [x[0], x[1]]), |x| hessian(f, [x[0], x[1]]), &[1.0, 2.0])
    ///     .unwrap();
    /// assert_eq!(report.entries().len(), 4);
    /// ```
    pub fn hessian<G, H, R, X>(
        &self,
        grad: impl Fn(&[F]) -> G,
        hess: impl Fn(&[F]) -> H,
        x: &X,
    ) -> Result<Report, GradCheckError>
    where
        G: AsRef<[F]>,
        H: AsRef<[R]>,
        R: AsRef<[F]>,
        X: AsRef<[F]> + ?Sized,
    {
        let x = x.as_ref();
        self.check_jacobian(
            CheckKind::Hessian,
            |x| F::on_slice(x, |x| widen(grad(x).as_ref())),
            || rows(&hess(x)),
            x,
            F::PRECISION,
        )
    }

    /// Checks this crate's own AD gradient of `f`: evaluates f on f64 for
    /// the finite differences and on dual numbers of `F` for the gradient
    /// ([`chunk::value_and_gradient_of`](crate::chunk::value_and_gradient_of)).
    /// A [`ScalarFn`] can be evaluated on both, so there is no glue to
    /// write; [`scalar_fn!`](crate::scalar_fn) makes one from a generic
    /// `fn`.
    ///
    /// In a `GradCheck<f32>` the gradient is computed in f32 and compared
    /// with f64 differences: the reference is as accurate as for f64, and
    /// the f32 default rtol (1e-3) allows for the rounding of the f32
    /// gradient.
    ///
    /// # Errors
    ///
    /// As for [`gradient`](Self::gradient).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// use dualgrad::scalar_fn;
    /// use num_traits::Float;
    ///
    /// fn rosenbrock<S: Float>(x: &[S]) -> S {
    ///     let hundred = S::from(100.0).unwrap();
    ///     x.windows(2)
    ///         .map(|w| hundred * (w[1] - w[0] * w[0]).powi(2) + (S::one() - w[0]).powi(2))
    ///         .fold(S::zero(), |a, b| a + b)
    /// }
    ///
    /// let f = scalar_fn!(rosenbrock);
    /// let x = [0.5, -1.2, 0.8, 1.5, 0.1];
    /// assert!(GradCheck::default().check_ad(&f, &x).unwrap().passed());
    /// // The same function, its gradient in f32.
    /// let x32 = x.map(|v| v as f32);
    /// assert!(GradCheck::<f32>::new().check_ad(&f, &x32).is_ok());
    /// ```
    pub fn check_ad<S: ScalarFn, X: AsRef<[F]> + ?Sized>(
        &self,
        f: &S,
        x: &X,
    ) -> Result<Report, GradCheckError> {
        let x = x.as_ref();
        self.check_jacobian(
            CheckKind::Gradient,
            |x| vec![f.eval(x)],
            || vec![widen(&value_and_gradient_of(f, x).1)],
            x,
            f64::PRECISION,
        )
    }

    /// Checks this crate's own AD Jacobian of a [`VectorFn`]: f on f64 for
    /// the differences, and
    /// [`chunk::jacobian_with`](crate::chunk::jacobian_with) on dual
    /// numbers of `F` for the Jacobian (rows are outputs, `J[i][j]` =
    /// ∂fᵢ/∂xⱼ).
    ///
    /// # Errors
    ///
    /// As for [`jacobian`](Self::jacobian); a function with no outputs is a
    /// [`GradCheckError::WrongLength`].
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// use dualgrad::vector_fn;
    /// use num_traits::Float;
    ///
    /// fn polar<S: Float>(p: &[S], out: &mut [S]) {
    ///     out[0] = p[0] * p[1].cos();
    ///     out[1] = p[0] * p[1].sin();
    /// }
    ///
    /// let report = GradCheck::default()
    ///     .check_ad_jacobian(&vector_fn!(polar, 2), &[2.0, 0.5])
    ///     .unwrap();
    /// assert_eq!(report.entries().len(), 4);
    /// ```
    pub fn check_ad_jacobian<V: VectorFn, X: AsRef<[F]> + ?Sized>(
        &self,
        f: &V,
        x: &X,
    ) -> Result<Report, GradCheckError> {
        let x = x.as_ref();
        validate_point(&widen(x))?;
        let (n, m) = (x.len(), f.outputs(x.len()));
        // A `VectorFn` claiming more outputs than memory can hold is an
        // error, not an allocation failure.
        let size = m
            .checked_mul(n.max(1))
            .filter(|&size| size <= MAX_JACOBIAN_ENTRIES)
            .ok_or(GradCheckError::WrongLength {
                dimension: DimensionError {
                    what: "output of f",
                    expected: MAX_JACOBIAN_ENTRIES / n.max(1),
                    found: m,
                    because: "at most this many outputs fit in memory",
                },
                row: None,
            })?;
        let evaluate = |x: &[f64]| {
            let mut out = vec![0.0; m];
            f.eval(x, &mut out);
            out
        };
        let ad_jacobian = || {
            let mut config = JacobianConfig::<F>::new(n, m);
            let mut out = vec![F::zero(); size];
            // The lengths fit the config by construction.
            let _ = jacobian_with(&mut config, |x, y| f.eval(x, y), x, &mut out);
            out.chunks_exact(n.max(1)).map(widen).collect()
        };
        self.check_jacobian(
            CheckKind::Jacobian,
            evaluate,
            ad_jacobian,
            x,
            f64::PRECISION,
        )
    }

    /// The fast check for large n: compares vᵀ∇f(x) with the derivative of
    /// t ↦ f(x + t·v) at 0, for one random direction v (entries
    /// ±max(|xⱼ|, 1), drawn from [`random_state`](Self::random_state)).
    /// Costs a few evaluations of f whatever n is; a bug can hide only if it
    /// is orthogonal to v.
    ///
    /// # Errors
    ///
    /// As for [`gradient`](Self::gradient); the entry is named `vᵀ∇f`.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let x: Vec<f64> = (0..1000).map(|i| i as f64 / 1000.0).collect();
    /// let f = |x: &[f64]| x.iter().map(|v| v * v).sum::<f64>();
    /// let grad = |x: &[f64]| x.iter().map(|v| 2.0 * v).collect::<Vec<_>>();
    /// assert!(GradCheck::default().directional(f, grad, &x).is_ok());
    /// ```
    pub fn directional<G: AsRef<[F]>, X: AsRef<[F]> + ?Sized>(
        &self,
        f: impl Fn(&[F]) -> F,
        grad: impl Fn(&[F]) -> G,
        x: &X,
    ) -> Result<Report, GradCheckError> {
        let x_f = x.as_ref();
        let x = widen(x_f);
        let f = |x: &[f64]| F::on_slice(x, |x| f(x).widen());
        let fx = validate_function(&x, |x| vec![f(x)])?;
        let g = widen(grad(x_f).as_ref());
        let g = validate_row(&g, x.len(), CheckKind::Gradient, None, Position::Entry)?;
        let mut random = SplitMix64(self.random_state);
        let v: Vec<f64> = x
            .iter()
            .map(|xj| {
                let sign = if random.next() & 1 == 0 { 1.0 } else { -1.0 };
                sign * xj.abs().max(1.0)
            })
            .collect();
        let computed: f64 = g.iter().zip(&v).map(|(gj, vj)| gj * vj).sum();
        let mut point = x.clone();
        let mut along = |t: f64| {
            for ((p, xj), vj) in point.iter_mut().zip(&x).zip(&v) {
                *p = xj + t * vj;
            }
            vec![f(&point)]
        };
        let numeric =
            derivative_estimates(&mut along, 0.0, &fx, self.scheme, self.step, F::PRECISION);
        self.compare(
            CheckKind::DirectionalDerivative,
            [(Position::Directional, computed, numeric[0])],
        )
    }

    /// The shared check: a Jacobian-shaped derivative `jac()` (evaluated
    /// only once x and f(x) are known to be fine) of the vector function
    /// `f`, whose differences are taken in `precision`.
    fn check_jacobian(
        &self,
        kind: CheckKind,
        f: impl Fn(&[f64]) -> Vec<f64>,
        jac: impl FnOnce() -> Vec<Vec<f64>>,
        x: &[F],
        precision: Precision,
    ) -> Result<Report, GradCheckError> {
        let x = widen(x);
        let fx = validate_function(&x, &f)?;
        let rows = jac();
        if rows.len() != fx.len() {
            return Err(GradCheckError::WrongLength {
                dimension: DimensionError {
                    what: kind.name(),
                    expected: fx.len(),
                    found: rows.len(),
                    because: "one row per output of f",
                },
                row: None,
            });
        }
        let position = |i: usize, j: usize| match kind {
            CheckKind::Hessian => Position::Hessian { row: i, column: j },
            CheckKind::Gradient | CheckKind::DirectionalDerivative => Position::Entry(j),
            CheckKind::Jacobian => Position::Jacobian { row: i, column: j },
        };
        for (i, row) in rows.iter().enumerate() {
            let row_index = (kind != CheckKind::Gradient).then_some(i);
            validate_row(row, x.len(), kind, row_index, |j| position(i, j))?;
        }
        let columns = numeric_columns(&f, &x, fx.len(), self.scheme, self.step, precision);
        let items = rows.iter().enumerate().flat_map(|(i, row)| {
            let columns = &columns;
            let position = &position;
            row.iter()
                .enumerate()
                .map(move |(j, &computed)| (position(i, j), computed, columns[j][i]))
        });
        self.compare(kind, items)
    }

    /// Applies the pass rule to every (position, computed, difference) triple.
    fn compare(
        &self,
        kind: CheckKind,
        items: impl IntoIterator<Item = (Position, f64, Estimate)>,
    ) -> Result<Report, GradCheckError> {
        let mut entries = Vec::new();
        for (position, computed, numeric) in items {
            if !numeric.value.is_finite() {
                return Err(GradCheckError::NonFiniteDifference {
                    position,
                    value: numeric.value,
                    step: numeric.step,
                });
            }
            let magnitude = computed.abs().max(numeric.value.abs());
            let tolerance = (self.rtol * magnitude)
                .max(self.atol)
                .max(ESTIMATE_FACTOR * numeric.error);
            entries.push(EntryReport::new(
                position,
                computed,
                numeric.value,
                numeric.error,
                numeric.step,
                tolerance,
            ));
        }
        let report = Report::new(
            kind,
            self.scheme,
            (self.rtol, self.atol, ESTIMATE_FACTOR),
            entries,
        );
        if report.passed() {
            Ok(report)
        } else {
            Err(GradCheckError::Mismatch(Box::new(report)))
        }
    }
}

/// The values as f64 (exact for f32 and f64).
fn widen<F: CheckFloat>(values: &[F]) -> Vec<f64> {
    values.iter().map(|v| v.widen()).collect()
}

/// The rows of a Jacobian-shaped derivative, as f64.
fn rows<F: CheckFloat, R: AsRef<[F]>>(rows: &impl AsRef<[R]>) -> Vec<Vec<f64>> {
    rows.as_ref()
        .iter()
        .map(|row| widen(row.as_ref()))
        .collect()
}

/// A non-empty, finite x.
fn validate_point(x: &[f64]) -> Result<(), GradCheckError> {
    if x.is_empty() {
        return Err(GradCheckError::EmptyInput);
    }
    if let Some((index, &value)) = x.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradCheckError::NonFiniteInput { index, value });
    }
    Ok(())
}

/// A non-empty, finite x and a non-empty, finite f(x); returns f(x).
fn validate_function(
    x: &[f64],
    f: impl Fn(&[f64]) -> Vec<f64>,
) -> Result<Vec<f64>, GradCheckError> {
    validate_point(x)?;
    let fx = f(x);
    if fx.is_empty() {
        return Err(GradCheckError::WrongLength {
            dimension: DimensionError {
                what: "output of f",
                expected: 1,
                found: 0,
                because: "a check needs at least one output",
            },
            row: None,
        });
    }
    if let Some((output, &value)) = fx.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradCheckError::NonFiniteFunction { output, value });
    }
    Ok(fx)
}

/// A derivative row of length n with finite entries; `row` is its index in
/// a Jacobian or Hessian (`None` for a gradient).
fn validate_row(
    values: &[f64],
    n: usize,
    kind: CheckKind,
    row: Option<usize>,
    position: impl Fn(usize) -> Position,
) -> Result<&[f64], GradCheckError> {
    if let Err(dimension) =
        DimensionError::check(kind.name(), n, values.len(), "one entry per input")
    {
        return Err(GradCheckError::WrongLength { dimension, row });
    }
    if let Some((j, &value)) = values.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradCheckError::NonFiniteDerivative {
            position: position(j),
            value,
        });
    }
    Ok(values)
}

/// SplitMix64: a tiny, well-mixed generator for the random direction.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
