//! The differential check of one random expression, three ways:
//!
//! 1. `Dual<f64, 4>` (x₀, x₁, x₂ and a random direction v at once) against
//!    a Ridders difference of the `f64` evaluation in each direction;
//! 2. `Dual<f64, 1>` along v, whose slope must equal slot 3 of the
//!    `Dual<f64, 4>` bit for bit;
//! 3. nested `Dual<Dual<f64, 1>, 1>` along v: its second derivative against a
//!    Ridders difference of the `Dual<f64, 1>` first derivative, and its
//!    value and first-order parts bit for bit against `Dual<f64, 1>`.
//!
//! Every value must be bit-identical to the `f64` evaluation.
//!
//! Samples near a kink or the edge of a domain are skipped: the `f64`
//! evaluation at x ± h (and x ± h/2) must take the same branches as at x
//! (see [`Trace`]) with every intermediate finite, for a first step h that
//! starts at 5% of the coordinate's scale and is quartered up to 7 times.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use std::cell::RefCell;

use dualgrad::{Dual, Dual2, value_gradient_hessian};

use super::expr::{Expr, Generator, LIMIT, Nested, Rng, Trace, VARIABLES};
use crate::common::{RiddersEstimate, ridders_estimate};

/// A first or second derivative agrees with its difference when
/// |d − fd| ≤ REL·max(1, |d|) + FACTOR·e, e the difference's error estimate.
pub const REL: f64 = 1e-6;
/// The factor on the error estimate (estimates are within 1–5× of the truth).
pub const FACTOR: f64 = 4.0;
/// A difference whose error estimate exceeds INCONCLUSIVE·max(1, |d|) says
/// nothing either way: counted, not compared.
pub const INCONCLUSIVE: f64 = 1e-4;
/// Derivatives (of any order) above this are skipped with the sample.
pub const SLOPE_LIMIT: f64 = 1e8;
/// Nonzero intermediates below this are skipped: 1/b² overflows in the
/// nested quotient rule (see the crate's limitations).
pub const TINY: f64 = 1e-150;

/// What the run saw.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// Expressions generated.
    pub generated: u64,
    /// Expressions that passed the guards and were compared every way.
    pub evaluated: u64,
    /// Skipped: an intermediate value or slope not finite or too large.
    pub skipped_magnitude: u64,
    /// Skipped: a kink, jump or domain edge within reach of every step tried.
    pub skipped_near_kink: u64,
    /// First-derivative comparisons made, and those inconclusive.
    pub first_compared: u64,
    pub first_inconclusive: u64,
    /// Second-derivative comparisons made, and those inconclusive.
    pub second_compared: u64,
    pub second_inconclusive: u64,
    /// Bit-for-bit comparisons made (values and cross-type slopes).
    pub bitwise_compared: u64,
    /// Hessian comparisons made (symmetry, vᵀHv against the nested dual).
    pub hessian_compared: u64,
    /// Disagreements of any kind.
    pub disagreements: u64,
    /// The largest |d − fd| / max(1, |d|) among conclusive comparisons.
    pub worst_first: f64,
    pub worst_second: f64,
    /// Nodes in all evaluated expressions, and uses of each operation.
    pub nodes: u64,
    pub uses: BTreeMap<&'static str, u64>,
}

impl Counts {
    pub fn skipped_by_guard(&self) -> u64 {
        self.skipped_magnitude + self.skipped_near_kink
    }

    pub fn merge(&mut self, other: &Counts) {
        self.generated += other.generated;
        self.evaluated += other.evaluated;
        self.skipped_magnitude += other.skipped_magnitude;
        self.skipped_near_kink += other.skipped_near_kink;
        self.first_compared += other.first_compared;
        self.first_inconclusive += other.first_inconclusive;
        self.second_compared += other.second_compared;
        self.second_inconclusive += other.second_inconclusive;
        self.bitwise_compared += other.bitwise_compared;
        self.hessian_compared += other.hessian_compared;
        self.disagreements += other.disagreements;
        self.worst_first = self.worst_first.max(other.worst_first);
        self.worst_second = self.worst_second.max(other.worst_second);
        self.nodes += other.nodes;
        for (name, n) in &other.uses {
            *self.uses.entry(name).or_default() += n;
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "generated {}, evaluated {}, skipped by guard {} ({} magnitude, {} near a kink or domain edge), disagreements {}",
            self.generated,
            self.evaluated,
            self.skipped_by_guard(),
            self.skipped_magnitude,
            self.skipped_near_kink,
            self.disagreements
        )?;
        writeln!(
            f,
            "first derivatives: {} compared, {} inconclusive, worst |d − fd|/max(1, |d|) = {:.2e}",
            self.first_compared, self.first_inconclusive, self.worst_first
        )?;
        writeln!(
            f,
            "second derivatives: {} compared, {} inconclusive, worst = {:.2e}",
            self.second_compared, self.second_inconclusive, self.worst_second
        )?;
        writeln!(
            f,
            "bit-for-bit comparisons: {}; Hessian symmetry and vᵀHv comparisons: {}; nodes evaluated: {}",
            self.bitwise_compared, self.hessian_compared, self.nodes
        )?;
        write!(f, "uses per operation:")?;
        for (i, (name, n)) in self.uses.iter().enumerate() {
            if i % 6 == 0 {
                writeln!(f)?;
                write!(f, "   ")?;
            }
            write!(f, " {name}: {n},")?;
        }
        Ok(())
    }
}

/// One disagreement, with everything needed to reproduce it.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub index: u64,
    pub expr: String,
    pub x: [f64; VARIABLES],
    pub v: [f64; VARIABLES],
    pub what: String,
    pub dual: f64,
    pub reference: f64,
    pub error_estimate: f64,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "#{}: {} at x = {:?}, v = {:?}: {}: dual {:e}, reference {:e} (error estimate {:e})\n    f = {}",
            self.index,
            self.what,
            self.x,
            self.v,
            self.what,
            self.dual,
            self.reference,
            self.error_estimate,
            self.expr
        )
    }
}

/// The outcome of comparing a derivative with its difference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Agrees, with |d − fd| / max(1, |d|).
    Agree(f64),
    /// The difference is too uncertain to say.
    Inconclusive,
    Disagree,
}

/// The comparison rule, with the rounding noise ε·|f|/h of the samples
/// (which the tableau does not see) added to the error estimate.
pub fn verdict(dual: f64, estimate: RiddersEstimate, largest_sample: f64) -> (Verdict, f64) {
    let noise = 8.0 * f64::EPSILON * largest_sample.max(1.0) / estimate.step;
    let error = estimate.error + noise;
    let scale = dual.abs().max(1.0);
    let verdict = if !estimate.value.is_finite() || error.is_nan() || error > INCONCLUSIVE * scale {
        Verdict::Inconclusive
    } else if (dual - estimate.value).abs() <= REL * scale + FACTOR * error {
        Verdict::Agree((dual - estimate.value).abs() / scale)
    } else {
        Verdict::Disagree
    };
    (verdict, error)
}

/// The sample of expression `index`: the point, the direction and the tree,
/// all from a generator seeded by (seed, index) so any case reproduces alone.
pub fn sample(seed: u64, index: u64) -> (Expr, [f64; VARIABLES], [f64; VARIABLES]) {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xd1b5_4a32_d192_ed03));
    let scale = match rng.below(10) {
        0 => 0.1,
        1 => 10.0,
        _ => 1.0,
    };
    let x: [f64; VARIABLES] = std::array::from_fn(|_| rng.uniform(-3.0, 3.0) * scale);
    let mut v: [f64; VARIABLES] = std::array::from_fn(|_| rng.uniform(-1.0, 1.0));
    if v.iter().all(|c| c.abs() < 0.25) {
        v[0] = 1.0;
    }
    let depth = 1 + rng.below(5);
    let (expr, _) = Generator { rng: &mut rng, x }.expr(depth);
    (expr, x, v)
}

fn along(x: &[f64; VARIABLES], u: &[f64; VARIABLES], t: f64) -> [f64; VARIABLES] {
    std::array::from_fn(|i| x[i] + t * u[i])
}

fn eval_f64(expr: &Expr, x: &[f64; VARIABLES]) -> (f64, Trace) {
    let mut trace = Trace::new();
    let y = expr.eval(x, &mut trace);
    (y, trace)
}

/// The `Dual<f64, 4>` inputs: slots 0–2 the coordinates, slot 3 along v.
fn seed4(x: &[f64; VARIABLES], v: &[f64; VARIABLES]) -> [Dual<f64, 4>; VARIABLES] {
    std::array::from_fn(|i| {
        let mut p = [0.0; 4];
        p[i] = 1.0;
        p[3] = v[i];
        Dual::new(x[i], p)
    })
}

/// The `Dual<f64, 1>` inputs along v.
fn seed1(x: &[f64; VARIABLES], v: &[f64; VARIABLES]) -> [Dual<f64, 1>; VARIABLES] {
    std::array::from_fn(|i| Dual::new(x[i], [v[i]]))
}

/// The nested inputs of a full Hessian: (xᵢ + δᵢ) + (1 + 0δ)εᵢ.
fn seed_full_nested(x: &[f64; VARIABLES]) -> [Dual<Dual<f64, VARIABLES>, VARIABLES>; VARIABLES] {
    std::array::from_fn(|i| {
        let outer = std::array::from_fn(|j| Dual::constant(if i == j { 1.0 } else { 0.0 }));
        Dual::new(Dual::variable(x[i], i), outer)
    })
}

/// The nested inputs along v: (xᵢ + vᵢδ) + (vᵢ + 0δ)ε.
fn seed_nested(x: &[f64; VARIABLES], v: &[f64; VARIABLES]) -> [Nested; VARIABLES] {
    std::array::from_fn(|i| Dual::new(Dual::new(x[i], [v[i]]), [Dual::new(v[i], [0.0])]))
}

/// The first step along u: 5% of the coordinates' scale, or less where an
/// intermediate would come within reach of a kink, jump or domain edge, or
/// change on its natural scale (`rate`, from the `Dual<f64, 4>` trace); then
/// quartered until x ± h and x ± h/2 take the branches of x with every
/// intermediate finite. `None` near a kink or domain edge.
fn stable_step(
    expr: &Expr,
    x: &[f64; VARIABLES],
    u: &[f64; VARIABLES],
    at_x: &Trace,
    rate: f64,
) -> Option<f64> {
    let scale = x
        .iter()
        .zip(u)
        .filter(|(_, ui)| **ui != 0.0)
        .fold(1.0_f64, |s, (xi, _)| s.max(xi.abs()));
    let mut h = (0.05 * scale).min(0.25 / rate);
    if h.is_nan() || h < 1e-9 * scale {
        return None;
    }
    for _ in 0..8 {
        let same = [h, -h, h / 2.0, -h / 2.0].iter().all(|&t| {
            let (y, trace) = eval_f64(expr, &along(x, u, t));
            y.is_finite()
                && trace.all_finite
                && trace.largest <= 10.0 * LIMIT
                && trace.branches == at_x.branches
        });
        if same {
            return Some(h);
        }
        h /= 4.0;
    }
    None
}

/// The Ridders derivative at t = 0 from the first step h and from h/8,
/// whichever has the smaller error estimate (a step that is fine for the
/// branches can still be coarse for a fast-varying function).
fn difference(g: impl Fn(f64) -> f64, h: f64) -> RiddersEstimate {
    let coarse = ridders_estimate(&g, 0.0, h);
    let fine = ridders_estimate(&g, 0.0, h / 8.0);
    if fine.error < coarse.error {
        fine
    } else {
        coarse
    }
}

/// Checks one sample, adding to `counts` and `found`.
pub fn check(
    index: u64,
    expr: &Expr,
    x: [f64; VARIABLES],
    v: [f64; VARIABLES],
    counts: &mut Counts,
    found: &mut Vec<Disagreement>,
) {
    counts.generated += 1;
    let mut report = |counts: &mut Counts, what: String, dual: f64, reference: f64, error: f64| {
        counts.disagreements += 1;
        found.push(Disagreement {
            index,
            expr: expr.to_string(),
            x,
            v,
            what,
            dual,
            reference,
            error_estimate: error,
        });
    };

    // The four evaluations.
    let (y, trace) = eval_f64(expr, &x);
    let mut trace4 = Trace::new();
    let y4 = expr.eval(&seed4(&x, &v), &mut trace4);
    let mut trace1 = Trace::new();
    let y1 = expr.eval(&seed1(&x, &v), &mut trace1);
    let mut trace2 = Trace::new();
    let y2 = expr.eval(&seed_nested(&x, &v), &mut trace2);
    // The full Hessian twice: nested duals seeded by hand, and the
    // driver's Dual2.
    let mut hessian_trace = Trace::new();
    let nested = expr.eval(&seed_full_nested(&x), &mut hessian_trace);
    let (value, gradient) = (nested.value().value(), *nested.value().partials());
    let hessian: [[f64; VARIABLES]; VARIABLES] =
        std::array::from_fn(|i| *nested.partials()[i].partials());
    let dual2_trace = RefCell::new(Trace::new());
    let (value2, gradient2, hessian2) = value_gradient_hessian(
        |p: &[Dual2<f64, VARIABLES>]| expr.eval(&[p[0], p[1], p[2]], &mut dual2_trace.borrow_mut()),
        x,
    );
    let dual2_trace = dual2_trace.into_inner();
    // Values below TINY make the nested duals' second-order terms overflow
    // (1/b² in the quotient rule): a documented limitation, not compared.
    if !(y.is_finite() && trace.all_finite && trace.largest <= LIMIT && trace.smallest >= TINY) {
        counts.skipped_magnitude += 1;
        return;
    }
    // The guard's flags, from the first-order and the nested evaluation.
    let all = [&trace4, &trace2, &hessian_trace, &dual2_trace];
    let at_kink = all.iter().any(|t| t.at_kink);
    let ill_conditioned = all.iter().any(|t| t.ill_conditioned);
    // With every value finite and moderate, an infinite slope means the
    // point is singular after rounding (asin of a tanh rounded to exactly
    // −1): skipped. A NaN slope without an infinite one anywhere, away from
    // kinks and domain edges (powf of a negative base has a NaN slope in a
    // moving exponent, by design), is wrong.
    let traces = [
        ("Dual<f64, 4>", &trace4),
        ("Dual<f64, 1>", &trace1),
        ("the nested dual", &trace2),
    ];
    if traces.iter().any(|(_, t)| t.any_infinite) {
        counts.skipped_magnitude += 1;
        return;
    }
    for (name, t) in traces {
        // (Branches only: a NaN slope would make the rate-limited step
        // vanish.)
        let guarded = at_kink || ill_conditioned;
        if t.any_nan && !guarded && stable_step(expr, &x, &v, &trace, 0.0).is_some() {
            let what = format!("a NaN partial in an intermediate of {name}");
            report(counts, what, f64::NAN, 0.0, 0.0);
            return;
        }
    }
    if ![&trace4, &trace1, &trace2]
        .iter()
        .all(|t| t.all_finite && t.largest <= SLOPE_LIMIT)
    {
        counts.skipped_magnitude += 1;
        return;
    }

    // Bit for bit: values across types, slopes along v across N and nesting.
    let bitwise = [
        ("value of Dual<f64, 4>", y4.value(), y),
        ("value of Dual<f64, 1>", y1.value(), y),
        ("value of the nested dual", y2.value().value(), y),
        (
            "slope along v of Dual<f64, 1> vs slot 3 of Dual<f64, 4>",
            y1.partial(0),
            y4.partial(3),
        ),
        (
            "inner slope of the nested dual vs Dual<f64, 1>",
            y2.value().partial(0),
            y1.partial(0),
        ),
        (
            "outer slope of the nested dual vs Dual<f64, 1>",
            y2.partial(0).value(),
            y1.partial(0),
        ),
    ];
    // The nested dual's plain-number operands go through other kernels.
    let exact_nesting = !expr.has_scalar_operand();
    for (k, (what, got, want)) in bitwise.into_iter().enumerate() {
        counts.bitwise_compared += 1;
        let same = if k >= 4 && !exact_nesting {
            ill_conditioned || (got - want).abs() <= 1e-12 * trace1.largest.max(1.0)
        } else {
            same_slope(got, want)
        };
        if !same {
            report(counts, format!("{what} (bits)"), got, want, 0.0);
        }
    }
    if trace4.branches != trace.branches {
        report(
            counts,
            "branches of Dual<f64, 4> vs f64".into(),
            0.0,
            0.0,
            0.0,
        );
    }

    // Beyond here, comparisons allow for rounding: meaningless where the
    // slopes are rounding noise.
    if ill_conditioned {
        counts.skipped_near_kink += 1;
        return;
    }

    // The full Hessian from the driver: symmetric, vᵀHv equal to the nested
    // dual's second derivative along v, and the gradient the first-order one.
    if !hessian_trace.all_finite || hessian_trace.largest > SLOPE_LIMIT {
        counts.skipped_magnitude += 1;
        return;
    }
    counts.bitwise_compared += 1;
    if value.to_bits() != y.to_bits() {
        report(
            counts,
            "value of value_gradient_hessian (bits)".into(),
            value,
            y,
            0.0,
        );
    }
    // Two exact computations in different orders: they differ by rounding,
    // amplified by cancellations among internal terms (1/b² in a quotient
    // rule) that the trace does not see; a wrong rule differs by O(1).
    let rounding = 1e-8 * hessian_trace.largest.max(1.0) + 64.0 * f64::EPSILON * trace4.internal;
    let consistent = |a: f64, b: f64| (a - b).abs() <= rounding + 1e-6 * a.abs().max(b.abs());
    for i in 0..VARIABLES {
        counts.bitwise_compared += 1;
        let same = if exact_nesting {
            same_slope(gradient[i], y4.partial(i))
        } else {
            (gradient[i] - y4.partial(i)).abs() <= rounding
        };
        if !same {
            let what = format!("∂f/∂x{i} of value_gradient_hessian vs Dual<f64, 4>");
            report(counts, what, gradient[i], y4.partial(i), 0.0);
        }
        for (j, row) in hessian.iter().enumerate().take(i) {
            counts.hessian_compared += 1;
            if !consistent(hessian[i][j], row[i]) {
                let what = format!("symmetry of the Hessian: H[{i}][{j}] vs H[{j}][{i}]");
                report(counts, what, hessian[i][j], row[i], rounding);
            }
        }
    }
    let quadratic_form: f64 = (0..VARIABLES)
        .flat_map(|i| (0..VARIABLES).map(move |j| (i, j)))
        .map(|(i, j)| v[i] * hessian[i][j] * v[j])
        .sum();
    counts.hessian_compared += 1;
    let along_v = y2.partial(0).partial(0);
    if !consistent(quadratic_form, along_v) {
        report(
            counts,
            "vᵀHv vs the nested dual along v".into(),
            quadratic_form,
            along_v,
            rounding,
        );
    }

    // Dual2 against the nested duals: the same value bit for bit, the
    // same gradient, and every Hessian entry within rounding (with the
    // Dual2 evaluation's own magnitudes).
    if !dual2_trace.all_finite || dual2_trace.largest > SLOPE_LIMIT {
        counts.skipped_magnitude += 1;
        return;
    }
    counts.bitwise_compared += 1;
    if value2.to_bits() != y.to_bits() {
        report(counts, "value of Dual2 (bits)".into(), value2, y, 0.0);
    }
    let rounding2 = rounding.max(1e-8 * dual2_trace.largest.max(1.0));
    for i in 0..VARIABLES {
        counts.bitwise_compared += 1;
        if (gradient2[i] - gradient[i]).abs() > rounding2 && !same_slope(gradient2[i], gradient[i])
        {
            let what = format!("∂f/∂x{i} of Dual2 vs nested duals");
            report(counts, what, gradient2[i], gradient[i], 0.0);
        }
        for j in 0..VARIABLES {
            counts.hessian_compared += 1;
            let agree = |a: f64, b: f64| (a - b).abs() <= rounding2 + 1e-6 * a.abs().max(b.abs());
            if !agree(hessian2[i][j], hessian[i][j]) {
                let what = format!("H[{i}][{j}] of Dual2 vs nested duals");
                report(counts, what, hessian2[i][j], hessian[i][j], rounding2);
            }
        }
    }

    // The comparisons above hold at kinks too (the documented slopes are
    // the same at every nesting level); the differences below need a
    // smooth neighbourhood.
    if at_kink {
        counts.skipped_near_kink += 1;
        return;
    }

    // Steps that keep every direction on one smooth piece.
    let units: [[f64; VARIABLES]; VARIABLES] =
        std::array::from_fn(|i| std::array::from_fn(|j| if i == j { 1.0 } else { 0.0 }));
    let mut steps = [0.0; VARIABLES + 1];
    for (k, u) in units.iter().chain([&v]).enumerate() {
        match stable_step(expr, &x, u, &trace, trace4.rates[k]) {
            Some(h) => steps[k] = h,
            None => {
                counts.skipped_near_kink += 1;
                return;
            }
        }
    }
    counts.evaluated += 1;
    counts.nodes += expr.size() as u64;
    expr.visit_ops(&mut |name| *counts.uses.entry(name).or_default() += 1);

    // First derivatives: each coordinate, and along v.
    for (k, u) in units.iter().chain([&v]).enumerate() {
        let estimate = difference(|t| eval_f64(expr, &along(&x, u, t)).0, steps[k]);
        let slope = y4.partial(k);
        counts.first_compared += 1;
        match verdict(slope, estimate, trace.largest) {
            (Verdict::Agree(r), _) => counts.worst_first = counts.worst_first.max(r),
            (Verdict::Inconclusive, _) => counts.first_inconclusive += 1,
            (Verdict::Disagree, error) => {
                let what = if k < VARIABLES {
                    format!("∂f/∂x{k}")
                } else {
                    "∇f·v".to_owned()
                };
                report(counts, what, slope, estimate.value, error);
            }
        }
    }

    // The second derivative along v: the nested dual against a difference
    // of the Dual<f64, 1> first derivative.
    let first = |t: f64| {
        let mut trace = Trace::new();
        expr.eval(&seed1(&along(&x, &v, t), &v), &mut trace)
            .partial(0)
    };
    let estimate = difference(first, steps[VARIABLES]);
    let second = y2.partial(0).partial(0);
    counts.second_compared += 1;
    match verdict(second, estimate, trace1.largest) {
        (Verdict::Agree(r), _) => counts.worst_second = counts.worst_second.max(r),
        (Verdict::Inconclusive, _) => counts.second_inconclusive += 1,
        (Verdict::Disagree, error) => {
            report(counts, "vᵀ∇²f·v".into(), second, estimate.value, error);
        }
    }
}

/// Runs expressions `range` of the stream `seed`.
pub fn run(seed: u64, range: Range<u64>) -> (Counts, Vec<Disagreement>) {
    let mut counts = Counts::default();
    let mut found = Vec::new();
    for index in range {
        let (expr, x, v) = sample(seed, index);
        check(index, &expr, x, v, &mut counts, &mut found);
    }
    (counts, found)
}

/// [`run`] over `0..count`, split across the available cores.
pub fn run_parallel(seed: u64, count: u64) -> (Counts, Vec<Disagreement>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let per = count.div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * per).min(count)..((t + 1) * per).min(count);
                scope.spawn(move || run(seed, range))
            })
            .collect();
        let mut counts = Counts::default();
        let mut found = Vec::new();
        for handle in handles {
            let (c, f) = handle.join().expect("a fuzzing thread panicked");
            counts.merge(&c);
            found.extend(f);
        }
        found.sort_by_key(|d| d.index);
        (counts, found)
    })
}

/// Prints every subexpression's value, its slopes along x₀, x₁, x₂, v, and
/// its second derivative along v: for reading a disagreement.
pub fn explain(expr: &Expr, x: [f64; VARIABLES], v: [f64; VARIABLES], depth: usize) {
    let y4 = expr.eval(&seed4(&x, &v), &mut Trace::new());
    let y2 = expr.eval(&seed_nested(&x, &v), &mut Trace::new());
    let text = expr.to_string();
    let text: String = text.chars().take(70).collect();
    println!(
        "{:indent$}{text}: {:e} slopes {:?} second along v {:e}",
        "",
        y4.value(),
        y4.partials(),
        y2.partial(0).partial(0),
        indent = 2 * depth
    );
    for child in expr.children() {
        explain(child, x, v, depth + 1);
    }
}

/// The same slope to the bit, except that +0 and −0 are the same slope: the
/// kernel masks zero partials to +0 for small N and multiplies (giving −0)
/// for large N or nested duals.
fn same_slope(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0)
}
