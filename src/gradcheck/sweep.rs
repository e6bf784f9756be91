//! The step-size sweep: error against h for each stencil, the V-shaped
//! curve where truncation error (falling with h) meets rounding error
//! (rising as h shrinks).

use super::Scheme;

/// The absolute error of each stencil at one step h.
///
/// ```
/// use dualgrad::gradcheck::step_sweep;
/// let sweep = step_sweep(f64::exp, 1.0, 1.0_f64.exp(), [1e-2, 1e-5]);
/// assert!(sweep[1].central < sweep[0].central); // truncation dominates at 1e-2
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
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
/// use dualgrad::gradcheck::{log_spaced_steps, step_sweep};
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
/// use dualgrad::gradcheck::log_spaced_steps;
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
