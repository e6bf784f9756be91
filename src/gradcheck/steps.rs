//! Choosing a step: the error of each stencil against the step size h.
//!
//! A finite difference has two errors pulling h in opposite directions:
//! truncation (the stencil's Taylor remainder, O(hᵖ) for a scheme of order
//! p) falls as h shrinks, and rounding (ε·|f|/h, from subtracting nearly
//! equal values of f) rises. Plotted on log–log axes the total is a V whose
//! bottom is the best step, near ε^(1/(p+1)) for a function on the unit
//! scale (see *Mathematics for Machine Learning* §5.2 for the definition
//! behind the forward difference).
//!
//! The checks in [`gradcheck`](super) pick their steps on their own
//! ([`Scheme::step`](super::Scheme::step)); this module is for looking at
//! the trade-off: to see why a check at a given step fails, to pick a step
//! for [`GradCheck::step`](super::GradCheck::step), or to plot the V
//! (the `step_sweep` example does).
//!
//! ```
//! use dualgrad::gradcheck::steps::{log_spaced_steps, step_sweep};
//! let sweep = step_sweep(f64::exp, 1.0, 1.0_f64.exp(), log_spaced_steps(1e-1, 1e-13, 13));
//! let best = sweep.iter().min_by(|a, b| a.central.total_cmp(&b.central)).unwrap();
//! assert!(best.step > 1e-7 && best.step < 1e-3);
//! ```

use super::Scheme;

/// The absolute error of each stencil at one step h.
///
/// ```
/// use dualgrad::gradcheck::steps::step_sweep;
/// let sweep = step_sweep(f64::exp, 1.0, 1.0_f64.exp(), [1e-2, 1e-5]);
/// assert!(sweep[1].central < sweep[0].central); // truncation dominates at 1e-2
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SweepPoint {
    /// The step h.
    pub step: f64,
    /// |forward difference − exact|.
    pub forward: f64,
    /// |central difference − exact|.
    pub central: f64,
    /// |five-point difference − exact|.
    pub five_point: f64,
}

/// The error of the forward, central and five-point differences of `f` at
/// `x` against the `exact` derivative, for every step in `steps`.
///
/// ```
/// use dualgrad::gradcheck::steps::{log_spaced_steps, step_sweep};
/// let steps = log_spaced_steps(1e-1, 1e-14, 27);
/// let sweep = step_sweep(f64::sin, 1.0, 1.0_f64.cos(), steps);
/// let best = sweep.iter().min_by(|a, b| a.central.total_cmp(&b.central)).unwrap();
/// // The optimal central step is near ε^(1/3) ≈ 6e-6.
/// assert!(best.step > 1e-7 && best.step < 1e-4);
/// ```
#[must_use]
pub fn step_sweep(
    f: impl Fn(f64) -> f64,
    x: f64,
    exact: f64,
    steps: impl IntoIterator<Item = f64>,
) -> Vec<SweepPoint> {
    let error = |scheme: Scheme, h: f64| (scheme.difference(&f, x, h) - exact).abs();
    steps
        .into_iter()
        .map(|h| SweepPoint {
            step: h,
            forward: error(Scheme::Forward, h),
            central: error(Scheme::Central, h),
            five_point: error(Scheme::FivePoint, h),
        })
        .collect()
}

/// `count` steps from `from` to `to`, evenly spaced in log h (empty for
/// `count` = 0, `[from]` for 1).
///
/// ```
/// use dualgrad::gradcheck::steps::log_spaced_steps;
/// let h = log_spaced_steps(1e-1, 1e-3, 3);
/// assert!((h[1] - 1e-2).abs() < 1e-17);
/// ```
#[must_use]
pub fn log_spaced_steps(from: f64, to: f64, count: usize) -> Vec<f64> {
    let (a, b) = (from.log10(), to.log10());
    let last = count.saturating_sub(1).max(1) as f64;
    (0..count)
        .map(|i| 10f64.powf(a + (b - a) * i as f64 / last))
        .collect()
}
