//! The zoo again, in a second binary with plain timing (no criterion), so
//! that a lucky code layout in one binary cannot hide a regression.
//!
//! `cargo bench --bench zoo_check` prints one row per shape and width: the
//! ratios of dualgrad's gradient time to f64, the floor dual, num-dual and
//! ad_trait, each the best of 7 batches (the competitors interleaved batch
//! by batch), every output black-boxed whole. A second table races each shape's
//! Hessian on `Dual2` (the `hessian` driver) against nested duals seeded by
//! hand at N = 4, 8, 16 (issue 13's target: Dual2 ≤ 0.6× nested). Between
//! the two, a table of shapes outside the zoo (`zoo/fresh.rs`) against the
//! floor dual only, printed and never counted. It exits
//! non-zero when a gradient target of BENCHMARKS.md is missed by more than
//! the 10% noise allowance; Hessian misses count only once
//! [`HESSIAN_TARGET_ENFORCED`] is set. CI only builds it; it is run by hand.

#[allow(dead_code)]
mod zoo;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ad_trait::forward_ad::adfn::adfn;
use dualgrad::{Dual, Dual2, gradient, hessian};
use nalgebra::SVector;
use num_dual::{Dual2SVec64, DualSVec64};

use zoo::floor::{self, Floor};

/// Batches per competitor; the best one counts.
const ROUNDS: usize = 7;
/// The length of one batch.
const BATCH: Duration = Duration::from_millis(2);
/// A measured ratio may exceed its target by this factor before it counts as a miss.
const NOISE: f64 = 1.10;
/// Issue 13's Hessian target: Dual2's time over nested duals' at N ≥ 4.
const HESSIAN_BOUND: f64 = 0.6;
/// Whether a Hessian miss fails the run. Off: when this table was added
/// the target was not met on every shape (see BENCHMARKS.md, "Zoo
/// Hessians"), so its misses are printed without failing; turn it on once
/// they are fixed.
const HESSIAN_TARGET_ENFORCED: bool = false;

/// Nanoseconds per call of each competitor, best of [`ROUNDS`].
struct Times {
    plain: f64,
    ours: f64,
    floor: f64,
    num_dual: f64,
    ad_trait: f64,
    hand: Option<f64>,
}

/// Runs `calls` calls of `f` and returns nanoseconds per call. Generic, so
/// that each competitor's loop is its own monomorphised code with the call
/// inlined: no indirect call in the timed loop.
#[inline(never)]
fn batch<R>(calls: u64, f: &mut impl FnMut() -> R) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        black_box(f());
    }
    start.elapsed().as_nanos() as f64 / calls as f64
}

/// The number of calls of `f` that fill one batch.
fn calibrate<R>(f: &mut impl FnMut() -> R) -> u64 {
    let mut calls = 1u64;
    while batch(calls, f) * (calls as f64) < BATCH.as_nanos() as f64 / 4.0 {
        calls *= 2;
    }
    calls * 4
}

/// Best-of-[`ROUNDS`] times of six competitors, interleaved round by round,
/// each batch as long as the first competitor's.
fn race<A, B, C, D, E, F>(
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
    mut c: impl FnMut() -> C,
    mut d: impl FnMut() -> D,
    mut e: impl FnMut() -> E,
    mut f: impl FnMut() -> F,
) -> [f64; 6] {
    let calls = calibrate(&mut a);
    let mut best = [f64::INFINITY; 6];
    for _ in 0..ROUNDS {
        best[0] = best[0].min(batch(calls, &mut a));
        best[1] = best[1].min(batch(calls, &mut b));
        best[2] = best[2].min(batch(calls, &mut c));
        best[3] = best[3].min(batch(calls, &mut d));
        best[4] = best[4].min(batch(calls, &mut e));
        best[5] = best[5].min(batch(calls, &mut f));
    }
    best
}

/// Best-of-[`ROUNDS`] times of two competitors, interleaved round by round,
/// each batch as long as the first one's.
fn race2<A, B>(mut a: impl FnMut() -> A, mut b: impl FnMut() -> B) -> [f64; 2] {
    let calls = calibrate(&mut a);
    let mut best = [f64::INFINITY; 2];
    for _ in 0..ROUNDS {
        best[0] = best[0].min(batch(calls, &mut a));
        best[1] = best[1].min(batch(calls, &mut b));
    }
    best
}

/// Nanoseconds per Hessian on `Dual2` and on nested duals, best of
/// [`ROUNDS`], after checking both (and num-dual's) agree.
fn measure_hessian<const N: usize>(
    name: &str,
    dual2: impl Fn(&[Dual2<f64, N>]) -> Dual2<f64, N>,
    nested: impl Fn(&[zoo::Nested<N>]) -> zoo::Nested<N>,
    num_dual: impl Fn(&[Dual2SVec64<N>]) -> Dual2SVec64<N>,
) -> [f64; 2] {
    let x = zoo::point::<N>();
    zoo::assert_hessians_agree(
        name,
        &hessian(&dual2, x),
        &zoo::nested_hessian(&nested, x),
        zoo::num_dual_hessian(&num_dual, &SVector::from(x))
            .2
            .as_slice(),
    );
    race2(
        || hessian(&dual2, black_box(x)),
        || zoo::nested_hessian(&nested, black_box(x)),
    )
}

/// A hand-written gradient, where the zoo has one.
type HandGradient<const N: usize> = fn(&[f64; N]) -> [f64; N];

fn measure<const N: usize>(
    name: &str,
    plain: impl Fn(&[f64]) -> f64,
    ours: impl Fn(&[Dual<f64, N>]) -> Dual<f64, N>,
    floor: impl Fn(&[Floor<N>]) -> Floor<N>,
    num_dual: impl Fn(&[DualSVec64<N>]) -> DualSVec64<N>,
    ad_trait: impl Fn(&[adfn<N>]) -> adfn<N>,
    hand: Option<HandGradient<N>>,
) -> Times {
    let x = zoo::point::<N>();
    let xs = SVector::<f64, N>::from(x);
    zoo::assert_agree(
        name,
        &gradient(&ours, x),
        &floor::gradient(&floor, x),
        zoo::num_dual_gradient(&num_dual, &xs).1.as_slice(),
        &zoo::ad_trait_shapes::gradient(&ad_trait, x),
    );
    let t = race(
        || gradient(&ours, black_box(x)),
        || plain(black_box(&x)),
        || floor::gradient(&floor, black_box(x)),
        || zoo::num_dual_gradient(&num_dual, &xs),
        || hand.map(|h| h(black_box(&x))),
        || zoo::ad_trait_shapes::gradient(&ad_trait, black_box(x)),
    );
    Times {
        ours: t[0],
        plain: t[1],
        floor: t[2],
        num_dual: t[3],
        hand: hand.map(|_| t[4]),
        ad_trait: t[5],
    }
}

/// ours / floor for a shape outside the zoo (`zoo/fresh.rs`), best of
/// [`ROUNDS`], after checking both gradients agree.
fn measure_fresh<const N: usize>(
    name: &str,
    ours: impl Fn(&[Dual<f64, N>]) -> Dual<f64, N>,
    floor: impl Fn(&[Floor<N>]) -> Floor<N>,
) -> f64 {
    let x = zoo::point::<N>();
    let (a, b) = (gradient(&ours, x), floor::gradient(&floor, x));
    for i in 0..N {
        assert!(
            (a[i] - b[i]).abs() <= 1e-12 * b[i].abs().max(1.0),
            "{name} N={N} entry {i}: ours {}, floor {}",
            a[i],
            b[i]
        );
    }
    let [ours, floor] = race2(
        || gradient(&ours, black_box(x)),
        || floor::gradient(&floor, black_box(x)),
    );
    ours / floor
}

/// One row of the table of shapes outside the zoo: ours / floor at every
/// width, and the row's worst.
macro_rules! fresh_row {
    ($name:ident; $($n:literal),+) => {{
        let mut row = format!("| {} |", stringify!($name));
        let mut worst: f64 = 0.0;
        $(
            let r = measure_fresh::<$n>(stringify!($name), zoo::fresh::$name, zoo::fresh::$name);
            worst = worst.max(r);
            row += &format!(" {r:.2}× |");
        )+
        println!("{row}");
        (worst, stringify!($name))
    }};
}

/// The shapes outside the zoo, ours / floor only: printed, never counted
/// in the exit code (they have no targets of their own).
fn fresh_table(wanted: impl Fn(&str) -> bool) {
    println!("| shape outside the zoo | 1 | 2 | 3 | 4 | 6 | 8 | 12 | 16 |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut worst = (0.0, "");
    macro_rules! fresh {
        ($($name:ident),+) => {$(
            if wanted(stringify!($name)) {
                let w = fresh_row!($name; 1, 2, 3, 4, 6, 8, 12, 16);
                if w.0 > worst.0 {
                    worst = w;
                }
            }
        )+};
    }
    fresh!(
        himmelblau,
        logistic,
        springs,
        gauss_nll,
        softmax_ce,
        powf_sum,
        relu2,
        div_sum,
        hypot_chain,
        horner,
        mixed
    );
    println!();
    println!(
        "worst ours / floor outside the zoo: {:.2}× ({})",
        worst.0, worst.1
    );
}

/// The targets a row must meet (ratio bounds before the noise allowance).
fn targets(shape: &str, n: usize) -> (f64, f64) {
    let floor = 1.0;
    let num_dual = if shape == "ackley" {
        0.9
    } else if n >= 8 && zoo::ARITHMETIC.contains(&shape) {
        0.5
    } else {
        1.0
    };
    (floor, num_dual)
}

/// The worst ratios so far and the misses.
#[derive(Default)]
struct Summary {
    worst_floor: (f64, String),
    worst_num_dual: (f64, String),
    misses: Vec<String>,
    worst_hessian: (f64, String),
    hessian_misses: Vec<String>,
    /// Sums of ln(ours / floor), ln(ours / num-dual), ln(ours / ad_trait).
    log_sums: [f64; 3],
    cells: usize,
    /// Cells where num-dual is more than 1.1× faster.
    num_dual_wins: usize,
    /// Cells at N ≥ 8 more than 1.25× the floor.
    floor_cliffs: usize,
}

impl Summary {
    /// Prints one row of the table and records its misses.
    fn row(&mut self, shape: &str, n: usize, t: &Times) {
        let (to_floor, to_num_dual) = (t.ours / t.floor, t.ours / t.num_dual);
        let to_ad_trait = t.ours / t.ad_trait;
        for (sum, r) in self
            .log_sums
            .iter_mut()
            .zip([to_floor, to_num_dual, to_ad_trait])
        {
            *sum += r.ln();
        }
        self.cells += 1;
        self.num_dual_wins += usize::from(to_num_dual > NOISE);
        self.floor_cliffs += usize::from(n >= 8 && to_floor > 1.25);
        let (floor_target, num_dual_target) = targets(shape, n);
        let to_hand = t.hand.map(|h| t.ours / h);
        let mut verdict = Vec::new();
        if to_floor > floor_target * NOISE {
            verdict.push(format!("floor > {floor_target}"));
        }
        if to_num_dual > num_dual_target * NOISE {
            verdict.push(format!("num-dual > {num_dual_target}"));
        }
        if n == 2 && to_hand.is_some_and(|r| r > 1.5 * NOISE) {
            verdict.push("hand > 1.5".to_owned());
        }
        let case = format!("{shape} N={n}");
        if to_floor > self.worst_floor.0 {
            self.worst_floor = (to_floor, case.clone());
        }
        if to_num_dual > self.worst_num_dual.0 {
            self.worst_num_dual = (to_num_dual, case.clone());
        }
        let verdict = if verdict.is_empty() {
            "met".to_owned()
        } else {
            let missed = verdict.join(", ");
            self.misses.push(format!("{case}: {missed}"));
            format!("**missed** ({missed})")
        };
        println!(
            "| {shape} | {n} | {:.2}× | {to_floor:.2}× | {to_num_dual:.2}× | {to_ad_trait:.2}× | {} | {verdict} |",
            t.ours / t.plain,
            to_hand.map_or(String::new(), |r| format!("{r:.2}×")),
        );
    }
}

impl Summary {
    /// Prints one row of the Hessian table and records its miss.
    fn hessian_row(&mut self, shape: &str, n: usize, [dual2, nested]: [f64; 2]) {
        let ratio = dual2 / nested;
        let case = format!("{shape} N={n}");
        if ratio > self.worst_hessian.0 {
            self.worst_hessian = (ratio, case.clone());
        }
        let verdict = if ratio > HESSIAN_BOUND * NOISE {
            self.hessian_misses.push(format!(
                "{case}: Dual2 / nested {ratio:.2}× > {HESSIAN_BOUND}"
            ));
            format!("**missed** (> {HESSIAN_BOUND})")
        } else {
            "met".to_owned()
        };
        println!("| {shape} | {n} | {dual2:.1} | {nested:.1} | {ratio:.2}× | {verdict} |");
    }
}

/// One shape's Hessian at every width.
macro_rules! hessian_widths {
    ($summary:expr, $name:literal, $f:path, $nd:path; $($n:literal),+) => {$({
        let t = measure_hessian::<$n>($name, $f, $f, $nd);
        $summary.hessian_row($name, $n, t);
    })+};
}

/// One shape at every width.
macro_rules! widths {
    ($summary:expr, $name:literal, $f:path, $nd:path, $ad:path; $($n:literal),+) => {$({
        let hand: Option<HandGradient<$n>> = if $name == "rosenbrock" {
            Some(zoo::shapes::rosenbrock_gradient::<$n>)
        } else {
            None
        };
        let t = measure::<$n>($name, $f, $f, $f, $nd, $ad, hand);
        $summary.row($name, $n, &t);
    })+};
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; any other argument filters shapes.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
    let mut summary = Summary::default();
    println!(
        "| shape | N | ours / f64 | ours / floor | ours / num-dual | ours / ad_trait | ours / hand | verdict |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    macro_rules! shape {
        ($name:literal, $f:path, $nd:path, $ad:path) => {
            if wanted($name) {
                widths!(summary, $name, $f, $nd, $ad; 1, 2, 3, 4, 6, 8, 12, 16, 32);
            }
        };
    }
    for_each_shape!(shape);
    println!();
    fresh_table(wanted);
    println!();
    println!("| shape | N | Dual2 (ns) | nested (ns) | Dual2 / nested | verdict |");
    println!("|---|---|---|---|---|---|");
    macro_rules! shape_hessian {
        ($name:literal, $f:path, $nd:path, $ad:path) => {
            if wanted($name) {
                hessian_widths!(summary, $name, $f, $nd; 4, 8, 16);
            }
        };
    }
    for_each_shape!(shape_hessian);
    println!();
    let Summary {
        worst_floor,
        worst_num_dual,
        misses,
        worst_hessian,
        hessian_misses,
        log_sums,
        cells,
        num_dual_wins,
        floor_cliffs,
    } = summary;
    let [floor_mean, num_dual_mean, ad_trait_mean] =
        log_sums.map(|s| (s / cells.max(1) as f64).exp());
    println!(
        "geomean over {cells} gradient cells: ours / floor {floor_mean:.2}×, ours / num-dual \
         {num_dual_mean:.2}×, ours / ad_trait {ad_trait_mean:.2}×"
    );
    println!(
        "cells where num-dual is more than {NOISE}× faster: {num_dual_wins}; cells at N ≥ 8 \
         above 1.25× the floor: {floor_cliffs}"
    );
    println!(
        "worst ours / floor: {:.2}× ({})",
        worst_floor.0, worst_floor.1
    );
    println!(
        "worst ours / num-dual: {:.2}× ({})",
        worst_num_dual.0, worst_num_dual.1
    );
    println!(
        "worst Dual2 / nested Hessian: {:.2}× ({})",
        worst_hessian.0, worst_hessian.1
    );
    if !hessian_misses.is_empty() {
        let counted = if HESSIAN_TARGET_ENFORCED {
            "counted in the exit code"
        } else {
            "not counted in the exit code until the target is met (HESSIAN_TARGET_ENFORCED)"
        };
        println!(
            "{} Hessian targets missed ({counted}):",
            hessian_misses.len()
        );
        for m in &hessian_misses {
            println!("  {m}");
        }
    }
    let failed = !misses.is_empty() || (HESSIAN_TARGET_ENFORCED && !hessian_misses.is_empty());
    if misses.is_empty() {
        println!(
            "every gradient target met (noise allowance {:.0}%)",
            (NOISE - 1.0) * 100.0
        );
    } else {
        println!("{} gradient targets missed:", misses.len());
        for m in &misses {
            println!("  {m}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
