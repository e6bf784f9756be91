//! Rosenbrock's banana valley, minimised from the classic start (−1.2, 1)
//! two ways: by gradient descent with a backtracking (Armijo) line search,
//! the gradient from `dualgrad::value_and_gradient`; and by Newton's method,
//! the Hessian from `dualgrad::value_gradient_hessian`, shifted towards the
//! gradient direction wherever it is not positive definite.
//!
//! Run it with `cargo run --release --example gradient_descent`. It exits with
//! status 1 unless both methods reach the minimum (1, 1).

mod common;

use std::collections::HashMap;

use common::plot::{Axis, Chart, Corner, PALETTE, ramp};
use common::{Checks, write_plot};
use dualgrad::{value_and_gradient, value_gradient_hessian};
use num_traits::Float;

/// Rosenbrock's function f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1).
fn rosenbrock<S: Float>(v: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    (S::one() - v[0]).powi(2) + hundred * (v[1] - v[0] * v[0]).powi(2)
}

const START: [f64; 2] = [-1.2, 1.0];
const MINIMUM: [f64; 2] = [1.0, 1.0];

/// The Armijo condition f(x + t·d) ≤ f(x) + c·t·∇f·d, and the factor by
/// which a rejected trial step t shrinks.
const ARMIJO: f64 = 1e-4;
const BACKTRACK: f64 = 0.5;

/// A search direction at x, with what was learnt about f there.
struct Direction {
    value: f64,
    gradient: [f64; 2],
    step: [f64; 2],
    /// Newton only: the Hessian was not positive definite and was shifted.
    shifted: bool,
}

/// One method's settings and its run.
struct Method {
    name: &'static str,
    direction: fn(&[f64; 2]) -> Direction,
    /// Start each line search from twice the last accepted step (gradient
    /// descent has no natural step length) rather than from 1 (Newton's).
    warm_start: bool,
    /// Stop when ‖∇f‖ falls below this.
    tolerance: f64,
    max_iterations: usize,
    report_every: usize,
}

/// The iterates and f along them.
struct Run {
    name: &'static str,
    path: Vec<[f64; 2]>,
    values: Vec<f64>,
    gradient_norm: f64,
    evaluations: usize,
    shifted: usize,
}

fn main() {
    let methods = [
        Method {
            name: "gradient descent",
            direction: steepest_descent,
            warm_start: true,
            tolerance: 1e-8,
            max_iterations: 200_000,
            report_every: 5_000,
        },
        Method {
            name: "Newton",
            direction: newton,
            warm_start: false,
            tolerance: 1e-12,
            max_iterations: 100,
            report_every: 1,
        },
    ];
    println!("Minimising Rosenbrock's f(x, y) = (1 − x)² + 100(y − x²)² from {START:?}.");
    let runs: Vec<Run> = methods.iter().map(minimise).collect();

    let mut checks = Checks::default();
    for (run, method) in runs.iter().zip(&methods) {
        let end = run.path[run.path.len() - 1];
        let distance = (end[0] - MINIMUM[0]).hypot(end[1] - MINIMUM[1]);
        let allowed = if method.warm_start { 1e-6 } else { 1e-12 };
        checks.check(
            distance <= allowed && run.gradient_norm <= method.tolerance,
            format!(
                "{} reaches (1, 1): distance {distance:.1e} ≤ {allowed:e} after {} iterations, ‖∇f‖ = {:.1e}",
                run.name,
                run.path.len() - 1,
                run.gradient_norm
            ),
        );
    }
    write_plot(
        &mut checks,
        "gradient_descent",
        (560, 520),
        2,
        &charts(&runs),
    );
    checks.finish();
}

/// −∇f.
fn steepest_descent(x: &[f64; 2]) -> Direction {
    let (value, gradient) = value_and_gradient(rosenbrock, *x);
    Direction {
        value,
        gradient,
        step: gradient.map(|g| -g),
        shifted: false,
    }
}

/// −H⁻¹∇f, with H replaced by H + τI when it is not positive definite
/// (τ lifts its smallest eigenvalue to a small positive one), so the step
/// still goes downhill.
fn newton(x: &[f64; 2]) -> Direction {
    let (value, gradient, [[a, b], [_, d]]) = value_gradient_hessian(rosenbrock, *x);
    let half_gap = (0.5 * (a - d)).hypot(b);
    let (smallest, largest) = (0.5 * (a + d) - half_gap, 0.5 * (a + d) + half_gap);
    let floor = 1e-6 * largest.abs().max(1.0);
    let shift = if smallest < floor {
        floor - smallest
    } else {
        0.0
    };
    let (a, d) = (a + shift, d + shift);
    let determinant = a * d - b * b;
    let [g0, g1] = gradient;
    Direction {
        value,
        gradient,
        step: [
            -(d * g0 - b * g1) / determinant,
            -(a * g1 - b * g0) / determinant,
        ],
        shifted: shift > 0.0,
    }
}

/// Runs `method` from [`START`], printing progress every few iterations.
fn minimise(method: &Method) -> Run {
    println!("\n{}:", method.name);
    println!(
        "  {:>6}  {:>10}  {:>9}  {:>9}  x",
        "iter", "f", "‖∇f‖", "last t"
    );
    let mut run = Run {
        name: method.name,
        path: vec![START],
        values: Vec::new(),
        gradient_norm: f64::INFINITY,
        evaluations: 0,
        shifted: 0,
    };
    let mut x = START;
    let mut t = 1.0;
    for iteration in 0..=method.max_iterations {
        let direction = (method.direction)(&x);
        run.evaluations += 1;
        run.values.push(direction.value);
        run.gradient_norm = direction.gradient[0].hypot(direction.gradient[1]);
        let done = run.gradient_norm <= method.tolerance || iteration == method.max_iterations;
        if iteration % method.report_every == 0 || done {
            let note = if direction.shifted {
                "  (H shifted)"
            } else {
                ""
            };
            println!(
                "  {iteration:>6}  {:>10.3e}  {:>9.2e}  {:>9.2e}  ({:.12}, {:.12}){note}",
                direction.value, run.gradient_norm, t, x[0], x[1]
            );
        }
        if done {
            break;
        }
        run.shifted += usize::from(direction.shifted);
        t = if method.warm_start {
            (2.0 * t).min(1.0)
        } else {
            1.0
        };
        let slope =
            direction.gradient[0] * direction.step[0] + direction.gradient[1] * direction.step[1];
        // Backtrack until the step decreases f enough (Armijo).
        loop {
            let trial = [x[0] + t * direction.step[0], x[1] + t * direction.step[1]];
            run.evaluations += 1;
            if rosenbrock(&trial) <= direction.value + ARMIJO * t * slope || t < 1e-20 {
                x = trial;
                break;
            }
            t *= BACKTRACK;
        }
        run.path.push(x);
    }
    println!(
        "  {} iterations, {} evaluations of f",
        run.path.len() - 1,
        run.evaluations
    );
    if method.name == "Newton" {
        match run.shifted {
            0 => println!(
                "  The Hessian was positive definite at every iterate (from this start the path\n  \
                 stays below the parabola y = x² + 1/200, above which it is indefinite)."
            ),
            n => println!(
                "  The Hessian was not positive definite at {n} iterates and was shifted there."
            ),
        }
    }
    run
}

/// The contour plot with both paths, and f against the iteration count.
fn charts(runs: &[Run]) -> [Chart; 2] {
    let (xs, ys) = ((-2.0, 2.0), (-1.0, 3.0));
    let mut contours = Chart::new(
        "Rosenbrock: contours 10^(k/2) and the paths",
        Axis::linear("x", xs.0, xs.1),
        Axis::linear("y", ys.0, ys.1),
    )
    .legend(Corner::LowerRight);
    let levels: Vec<f64> = (-4..=6).map(|k| 10f64.powf(f64::from(k) / 2.0)).collect();
    for (i, level) in levels.iter().enumerate() {
        let color = ramp(i as f64 / (levels.len() - 1) as f64);
        for line in contour(|x, y| rosenbrock(&[x, y]).ln(), level.ln(), xs, ys, 240) {
            contours = contours.thin_line("", color, line);
        }
    }
    let mut progress = Chart::new(
        "f(xₖ) against the iteration k",
        Axis::log("iteration k + 1", 1.0, 1e5),
        Axis::log("f(xₖ)", 1e-25, 1e3),
    )
    .legend(Corner::LowerLeft);
    for (run, color) in runs.iter().zip([PALETTE[1], PALETTE[0]]) {
        let path = run.path.iter().map(|p| (p[0], p[1]));
        contours = contours.line(run.name, color, path.clone());
        if run.path.len() < 100 {
            contours = contours.points("", color, 3, path);
        }
        progress = progress.line(
            run.name,
            color,
            run.values
                .iter()
                .enumerate()
                .map(|(k, v)| ((k + 1) as f64, *v)),
        );
    }
    contours = contours
        .markers("start (−1.2, 1)", PALETTE[3], [(START[0], START[1])])
        .markers("minimum (1, 1)", PALETTE[2], [(MINIMUM[0], MINIMUM[1])]);
    [contours, progress]
}

/// The level set g = `level` on an n × n grid over the box, by marching
/// squares: in each cell, the edges where g crosses the level are joined in
/// pairs; pieces sharing a grid edge are then chained into polylines.
fn contour(
    g: impl Fn(f64, f64) -> f64,
    level: f64,
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    n: usize,
) -> Vec<Vec<(f64, f64)>> {
    let vertex = |(i, j): Vertex| {
        let (x, y) = (
            x0 + (x1 - x0) * i as f64 / n as f64,
            y0 + (y1 - y0) * j as f64 / n as f64,
        );
        (x, y, g(x, y) - level)
    };
    let grid: Vec<Vec<(f64, f64, f64)>> = (0..=n)
        .map(|i| (0..=n).map(|j| vertex((i, j))).collect())
        .collect();
    let crossing = |(a, b): Edge| {
        let ((xa, ya, ga), (xb, yb, gb)) = (grid[a.0][a.1], grid[b.0][b.1]);
        ((ga < 0.0) != (gb < 0.0)).then(|| {
            let s = ga / (ga - gb);
            (xa + s * (xb - xa), ya + s * (yb - ya))
        })
    };
    // Each piece joins two crossed grid edges; an edge is shared by two cells.
    let mut pieces: HashMap<Edge, Vec<Edge>> = HashMap::new();
    for i in 0..n {
        for j in 0..n {
            let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let crossed: Vec<Edge> = (0..4)
                .map(|k| edge(corners[k], corners[(k + 1) % 4]))
                .filter(|e| crossing(*e).is_some())
                .collect();
            for pair in crossed.chunks_exact(2) {
                pieces.entry(pair[0]).or_default().push(pair[1]);
                pieces.entry(pair[1]).or_default().push(pair[0]);
            }
        }
    }
    // Walk from the open ends first, then round the closed loops.
    let mut starts: Vec<Edge> = pieces.keys().copied().collect();
    starts.sort_by_key(|e| (pieces[e].len() != 1, *e));
    let mut lines = Vec::new();
    for start in starts {
        let mut line = Vec::new();
        let mut at = Some(start);
        while let Some(e) = at {
            let Some(next) = pieces.get_mut(&e).and_then(Vec::pop) else {
                break;
            };
            if let Some(back) = pieces.get_mut(&next) {
                back.retain(|b| *b != e);
            }
            if line.is_empty() {
                line.extend(crossing(e));
            }
            line.extend(crossing(next));
            at = Some(next);
        }
        if line.len() > 1 {
            lines.push(line);
        }
    }
    lines
}

/// A grid vertex (i, j), and a grid edge between two of them (in order).
type Vertex = (usize, usize);
type Edge = (Vertex, Vertex);

fn edge(a: Vertex, b: Vertex) -> Edge {
    (a.min(b), a.max(b))
}
