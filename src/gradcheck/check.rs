//! The [`GradCheck`] builder and its checks.

use super::differences::{derivative_estimates, numeric_columns};
use super::{Estimate, GradCheckError, Position, Report, Scheme};
use crate::gradcheck::report::EntryReport;

/// The factor k on a scheme's error estimate in the pass rule: estimates
/// are typically within 1–5× of the true error.
const ESTIMATE_FACTOR: f64 = 4.0;

/// Checks a gradient, Jacobian or Hessian against finite differences.
///
/// Configured like `approx`'s comparisons: start from
/// `GradCheck::default()` (central differences, rtol 1e-6, atol 0) and
/// change what you need. Entry g against its difference g̃ passes when
///
/// ```text
/// |g − g̃| ≤ max(rtol·max(|g|, |g̃|), atol, k·e)
/// ```
///
/// where e is the difference scheme's own error estimate (truncation plus
/// rounding noise, so an entry that should be 0 is not failed by the noise
/// of its difference) and k = 4. The report also gives the relative error
/// ‖g − g̃‖/(‖g‖ + ‖g̃‖) of the seed's Remark.
///
/// Bad input (an empty or non-finite `x`, a derivative of the wrong length,
/// NaNs) gives a [`GradCheckError`] naming the entry at fault, never a panic.
///
/// ```
/// use dualgrad::gradcheck::{GradCheck, Scheme};
/// use dualgrad::gradient;
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
///     .gradient(f, |x| gradient(f, [x[0], x[1]]), &[1.0, 2.0])
///     .unwrap();
/// assert!(report.relative_error < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradCheck {
    scheme: Scheme,
    rtol: f64,
    atol: f64,
    step: Option<f64>,
    seed: u64,
}

impl Default for GradCheck {
    fn default() -> Self {
        GradCheck {
            scheme: Scheme::Central,
            rtol: 1e-6,
            atol: 0.0,
            step: None,
            seed: 0x5eed_da7a,
        }
    }
}

impl GradCheck {
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

    /// The relative tolerance (default 1e-6).
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
    /// assert!((r.entries[0].step - 1e-4).abs() < 1e-15); // rounded so that x + h − x = h
    /// ```
    #[must_use]
    pub fn step(mut self, h: f64) -> Self {
        self.step = Some(h);
        self
    }

    /// The seed of the random direction of [`directional`](Self::directional).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let check = GradCheck::default().seed(7);
    /// assert!(check.directional(|x| x[0] * x[1], |x| vec![x[1], x[0]], &[1.0, 2.0]).is_ok());
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks `grad(x)` = ∇f(x) entry by entry. `grad` may return a `Vec`
    /// or an array.
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
    /// assert_eq!(report.entries.len(), 2);
    /// ```
    pub fn gradient<G: AsRef<[f64]>>(
        &self,
        f: impl Fn(&[f64]) -> f64,
        grad: impl Fn(&[f64]) -> G,
        x: &[f64],
    ) -> Result<Report, GradCheckError> {
        self.check_jacobian(
            "gradient",
            |_, column| Position::Entry(column),
            |x| vec![f(x)],
            |x| [grad(x)],
            x,
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
    pub fn jacobian<V: AsRef<[f64]>, J: AsRef<[R]>, R: AsRef<[f64]>>(
        &self,
        f: impl Fn(&[f64]) -> V,
        jac: impl Fn(&[f64]) -> J,
        x: &[f64],
    ) -> Result<Report, GradCheckError> {
        self.check_jacobian(
            "Jacobian",
            |row, column| Position::Jacobian { row, column },
            |x| f(x).as_ref().to_vec(),
            jac,
            x,
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
    /// assert_eq!(report.entries.len(), 4);
    /// ```
    pub fn hessian<G: AsRef<[f64]>, H: AsRef<[R]>, R: AsRef<[f64]>>(
        &self,
        grad: impl Fn(&[f64]) -> G,
        hess: impl Fn(&[f64]) -> H,
        x: &[f64],
    ) -> Result<Report, GradCheckError> {
        self.check_jacobian(
            "Hessian",
            |row, column| Position::Hessian { row, column },
            |x| grad(x).as_ref().to_vec(),
            hess,
            x,
        )
    }

    /// The fast check for large n: compares vᵀ∇f(x) with the derivative of
    /// t ↦ f(x + t·v) at 0, for one random direction v (entries
    /// ±max(|xⱼ|, 1), from [`seed`](Self::seed)). Costs a few evaluations of
    /// f whatever n is; a bug can hide only if it is orthogonal to v.
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
    pub fn directional<G: AsRef<[f64]>>(
        &self,
        f: impl Fn(&[f64]) -> f64,
        grad: impl Fn(&[f64]) -> G,
        x: &[f64],
    ) -> Result<Report, GradCheckError> {
        let fx = validate_function(x, |x| vec![f(x)])?;
        let g = grad(x);
        let g = validate_row(g.as_ref(), x.len(), "gradient".into(), |j| {
            Position::Entry(j)
        })?;
        let mut random = SplitMix64(self.seed);
        let v: Vec<f64> = x
            .iter()
            .map(|xj| {
                let sign = if random.next() & 1 == 0 { 1.0 } else { -1.0 };
                sign * xj.abs().max(1.0)
            })
            .collect();
        let computed: f64 = g.iter().zip(&v).map(|(gj, vj)| gj * vj).sum();
        let mut point = x.to_vec();
        let mut along = |t: f64| {
            for ((p, xj), vj) in point.iter_mut().zip(x).zip(&v) {
                *p = xj + t * vj;
            }
            vec![f(&point)]
        };
        let numeric = derivative_estimates(&mut along, 0.0, &fx, self.scheme, self.step);
        self.compare(
            "directional derivative",
            [(Position::Directional, computed, numeric[0])],
        )
    }

    /// The shared check: a Jacobian-shaped derivative `jac` of the vector
    /// function `f`, entries named by `position(row, column)`.
    fn check_jacobian<J: AsRef<[R]>, R: AsRef<[f64]>>(
        &self,
        kind: &'static str,
        position: impl Fn(usize, usize) -> Position,
        f: impl Fn(&[f64]) -> Vec<f64>,
        jac: impl Fn(&[f64]) -> J,
        x: &[f64],
    ) -> Result<Report, GradCheckError> {
        let fx = validate_function(x, &f)?;
        let rows = jac(x);
        let rows = rows.as_ref();
        if rows.len() != fx.len() {
            return Err(GradCheckError::WrongLength {
                what: format!("{kind} (number of rows, one per output)"),
                expected: fx.len(),
                found: rows.len(),
            });
        }
        for (i, row) in rows.iter().enumerate() {
            let what = if rows.len() == 1 && kind == "gradient" {
                "gradient".to_owned()
            } else {
                format!("row {i} of the {kind}")
            };
            validate_row(row.as_ref(), x.len(), what, |j| position(i, j))?;
        }
        let columns = numeric_columns(&f, x, fx.len(), self.scheme, self.step);
        let items = rows.iter().enumerate().flat_map(|(i, row)| {
            let columns = &columns;
            let position = &position;
            row.as_ref()
                .iter()
                .enumerate()
                .map(move |(j, &computed)| (position(i, j), computed, columns[j][i]))
        });
        self.compare(kind, items)
    }

    /// Applies the pass rule to every (position, computed, difference) triple.
    fn compare(
        &self,
        kind: &'static str,
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
            let abs_error = (computed - numeric.value).abs();
            let magnitude = computed.abs().max(numeric.value.abs());
            let tolerance = (self.rtol * magnitude)
                .max(self.atol)
                .max(ESTIMATE_FACTOR * numeric.error);
            entries.push(EntryReport {
                position,
                computed,
                numeric: numeric.value,
                abs_error,
                rel_error: if magnitude == 0.0 {
                    0.0
                } else {
                    abs_error / magnitude
                },
                error_estimate: numeric.error,
                step: numeric.step,
                tolerance,
                passed: abs_error <= tolerance,
            });
        }
        let report = Report::new(
            kind,
            self.scheme,
            (self.rtol, self.atol, ESTIMATE_FACTOR),
            entries,
        );
        if report.passed {
            Ok(report)
        } else {
            Err(GradCheckError::Mismatch(Box::new(report)))
        }
    }
}

/// A non-empty, finite x and a non-empty, finite f(x); returns f(x).
fn validate_function(
    x: &[f64],
    f: impl Fn(&[f64]) -> Vec<f64>,
) -> Result<Vec<f64>, GradCheckError> {
    if x.is_empty() {
        return Err(GradCheckError::EmptyInput);
    }
    if let Some((index, &value)) = x.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradCheckError::NonFiniteInput { index, value });
    }
    let fx = f(x);
    if fx.is_empty() {
        return Err(GradCheckError::WrongLength {
            what: "output of f".into(),
            expected: 1,
            found: 0,
        });
    }
    if let Some((output, &value)) = fx.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradCheckError::NonFiniteFunction { output, value });
    }
    Ok(fx)
}

/// A derivative row of length n with finite entries.
fn validate_row(
    row: &[f64],
    n: usize,
    what: String,
    position: impl Fn(usize) -> Position,
) -> Result<&[f64], GradCheckError> {
    if row.len() != n {
        return Err(GradCheckError::WrongLength {
            what,
            expected: n,
            found: row.len(),
        });
    }
    if let Some((j, &value)) = row.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(GradCheckError::NonFiniteDerivative {
            position: position(j),
            value,
        });
    }
    Ok(row)
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
