//! The 1-D Bratu problem by Newton's method with sparse Jacobians.
//!
//! Find u on (0, 1) with
//!
//! ```text
//! u″ + λ·eᵘ = 0,   u(0) = u(1) = 0,   λ = 1,
//! ```
//!
//! on n = 10 000 interior points uᵢ = u(i·h), h = 1/(n + 1). The residual
//!
//! ```text
//! Fᵢ(u) = (uᵢ₋₁ − 2uᵢ + uᵢ₊₁)/h² + λ·e^(uᵢ)
//! ```
//!
//! is a `VectorFn` written once over `Float`. Its Jacobian is tridiagonal:
//! detection finds the pattern, colouring finds 3 colours, and each
//! Jacobian is one evaluation of F on `Dual<f64, 3>` (a
//! `sparse::JacobianConfig`, no allocation per call). −J is symmetric
//! positive definite near the lower solution, so Newton's step solves
//! (−J)·δ = F with nalgebra-sparse's sparse Cholesky.
//!
//! Checks: quadratic convergence (each residual norm at most a constant
//! times the square of the previous), and the solution against the exact
//! lower solution u(x) = −2·ln(cosh(θ(x − ½)/2) / cosh(θ/4)), θ = √(2λ)·
//! cosh(θ/4), to the O(h²) of the discretisation. It also times one sparse
//! Jacobian against one dense chunk-mode Jacobian at n = 2 000, and draws
//! the solution and a spy plot of the coloured pattern.
//!
//! Run it with `cargo run --release --features sparse --example bratu`. It
//! exits with status 1 if any check fails.

mod common;

use std::hint::black_box;
use std::time::Instant;

use common::plot::{Axis, Chart, Corner, PALETTE};
use common::{Checks, write_plot};
use dualgrad::sparse::{self, JacobianConfig};
use dualgrad::{VectorFn, chunk};
use nalgebra_sparse::CscMatrix;
use nalgebra_sparse::factorization::CscCholesky;
use nalgebra_sparse::na::DVector;
use num_traits::Float;

/// The Bratu residual on n interior points, λ given.
struct Bratu {
    lambda: f64,
}

impl VectorFn for Bratu {
    fn outputs(&self, inputs: usize) -> usize {
        inputs
    }

    fn eval<S: Float>(&self, u: &[S], out: &mut [S]) {
        let n = u.len();
        let h = 1.0 / (n as f64 + 1.0);
        let (inverse_h2, lambda) = (
            S::from(1.0 / (h * h)).unwrap(),
            S::from(self.lambda).unwrap(),
        );
        let two = S::from(2.0).unwrap();
        for i in 0..n {
            let left = if i > 0 { u[i - 1] } else { S::zero() };
            let right = if i + 1 < n { u[i + 1] } else { S::zero() };
            out[i] = (left - two * u[i] + right) * inverse_h2 + lambda * u[i].exp();
        }
    }
}

/// ‖v‖₂.
fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// The exact lower solution of the continuous problem at x.
fn exact(lambda: f64, x: f64) -> f64 {
    // θ = √(2λ)·cosh(θ/4), the smaller root, by fixed-point iteration.
    let mut theta = 1.0;
    for _ in 0..200 {
        theta = (2.0 * lambda).sqrt() * (theta / 4.0).cosh();
    }
    -2.0 * ((theta * (x - 0.5) / 2.0).cosh() / (theta / 4.0).cosh()).ln()
}

/// The median time of `runs` calls of `work`, in seconds.
fn median_seconds(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let mut checks = Checks::default();
    let f = Bratu { lambda: 1.0 };
    let n = 10_000;
    let mut u = vec![0.0; n];
    let mut residual = vec![0.0; n];

    let mut config = JacobianConfig::new(&f, &u);
    println!(
        "n = {n}: {} non-zeros, {} colours (largest row: {})",
        config.pattern().nnz(),
        config.colors(),
        config.coloring().lower_bound()
    );
    checks.check(
        config.colors() == 3,
        format!(
            "a tridiagonal Jacobian takes 3 colours ({})",
            config.colors()
        ),
    );

    println!("\nNewton's method from u = 0:");
    println!("  iteration   ‖F(u)‖₂        ‖F‖ₖ₊₁ / ‖F‖ₖ²");
    let mut norms = Vec::new();
    for iteration in 0..10 {
        f.eval(&u, &mut residual);
        let r = norm(&residual);
        let ratio = norms.last().map_or(String::new(), |&previous: &f64| {
            format!("{:.3e}", r / (previous * previous))
        });
        println!("  {iteration:>9}   {r:<13.6e}  {ratio}");
        norms.push(r);
        if r < 1e-5 {
            break;
        }
        // (−J)·δ = F: the CSR arrays of the symmetric −J are its CSC arrays.
        let jacobian = config.jacobian(&f, &u).expect("u has n entries");
        let (offsets, indices, values) = jacobian.csr_data();
        let negated: Vec<f64> = values.iter().map(|v| -v).collect();
        let minus_j =
            CscMatrix::try_from_csc_data(n, n, offsets.to_vec(), indices.to_vec(), negated)
                .expect("a valid CSR pattern is a valid CSC pattern");
        let cholesky = CscCholesky::factor(&minus_j).expect("−J is positive definite");
        let step = cholesky.solve(&DVector::from_column_slice(&residual));
        for (ui, di) in u.iter_mut().zip(step.iter()) {
            *ui += di;
        }
    }
    let iterations = norms.len() - 1;
    checks.check(
        *norms.last().unwrap() < 1e-5 && iterations <= 6,
        format!(
            "Newton converges in {iterations} iterations (‖F‖ = {:.2e})",
            norms.last().unwrap()
        ),
    );
    // Quadratic: ‖F‖ₖ₊₁ ≤ C·‖F‖ₖ² with a moderate C while ‖F‖ₖ₊₁ is above
    // rounding: F has terms of size |u|/h² ≈ 0.14·10⁸, so its rounding
    // error is about ε·10⁷ per entry, ≈ 1e-7 in norm over 10⁴ entries.
    let above_rounding: Vec<&[f64]> = norms.windows(2).filter(|w| w[1] > 1e-6).collect();
    let quadratic = above_rounding.iter().all(|w| w[1] <= 1.0 * w[0] * w[0]);
    let rates: Vec<String> = above_rounding
        .iter()
        .map(|w| format!("{:.1e}", w[1] / (w[0] * w[0])))
        .collect();
    checks.check(
        quadratic && rates.len() >= 2,
        format!(
            "convergence is quadratic: ‖F‖ₖ₊₁/‖F‖ₖ² = {} while above rounding (~1e-7)",
            rates.join(", ")
        ),
    );

    let h = 1.0 / (n as f64 + 1.0);
    let error = u
        .iter()
        .enumerate()
        .map(|(i, &ui)| (ui - exact(1.0, (i + 1) as f64 * h)).abs())
        .fold(0.0, f64::max);
    let peak = u.iter().copied().fold(0.0, f64::max);
    checks.check(
        error < 1e-7,
        format!(
            "max |u − u_exact| = {error:.2e} (peak u = {peak:.6}, discretisation O(h²) = {:.0e})",
            h * h
        ),
    );

    // One sparse Jacobian against one dense chunk Jacobian, n = 2 000.
    let small = 2_000;
    let x: Vec<f64> = (0..small).map(|i| 0.1 * (i as f64 * 0.01).sin()).collect();
    let mut small_config = JacobianConfig::new(&f, &x);
    let sparse_time = median_seconds(21, || {
        black_box(small_config.jacobian(&f, black_box(&x)).unwrap());
    });
    let dense_time = median_seconds(3, || {
        black_box(chunk::jacobian_of(&f, black_box(&x)));
    });
    let dense_jacobian = chunk::jacobian_of(&f, &x);
    let sparse_jacobian = small_config.jacobian(&f, &x).unwrap();
    let agree = sparse_jacobian
        .triplet_iter()
        .all(|(i, j, &v)| v == dense_jacobian[i][j])
        && sparse_jacobian.nnz()
            == dense_jacobian
                .iter()
                .flatten()
                .filter(|v| **v != 0.0)
                .count();
    println!(
        "\nn = {small}: one sparse Jacobian {:.1} µs, one dense chunk Jacobian {:.1} ms: {:.0}× faster",
        sparse_time * 1e6,
        dense_time * 1e3,
        dense_time / sparse_time
    );
    checks.check(
        agree,
        "the sparse Jacobian equals the dense one entry by entry (n = 2 000)",
    );
    checks.check(
        dense_time > 20.0 * sparse_time,
        format!(
            "the sparse Jacobian is faster than the dense one ({:.0}×)",
            dense_time / sparse_time
        ),
    );

    draw(&mut checks, &f, &u);
    checks.finish();
}

/// The solution, and a spy plot of the pattern at n = 30 coloured by the
/// colouring.
fn draw(checks: &mut Checks, f: &Bratu, u: &[f64]) {
    let n = u.len();
    let h = 1.0 / (n as f64 + 1.0);
    let every = (n / 500).max(1);
    let solution = (0..n).step_by(every).map(|i| ((i + 1) as f64 * h, u[i]));
    let exact_points = (0..=100).map(|k| {
        let x = f64::from(k) / 100.0;
        (x, exact(f.lambda, x))
    });
    let peak = u.iter().copied().fold(0.0, f64::max);
    let solution_chart = Chart::new(
        "Bratu, λ = 1: Newton with sparse Jacobians",
        Axis::linear("x", 0.0, 1.0),
        Axis::linear("u(x)", 0.0, peak * 1.15),
    )
    .legend(Corner::LowerRight)
    .line("Newton, n = 10 000", PALETTE[0], solution)
    .points("exact lower solution", PALETTE[1], 2, exact_points);

    let small = 30;
    let pattern = sparse::jacobian_pattern(f, &vec![0.0; small]);
    let coloring = sparse::color_columns(&pattern);
    let mut spy = Chart::new(
        "Jacobian pattern, n = 30, by colour",
        Axis::linear("column", -1.0, small as f64),
        Axis::linear("row", -1.0, small as f64).downward(),
    )
    .legend(Corner::UpperRight);
    for color in 0..coloring.count() {
        let entries: Vec<(f64, f64)> = pattern
            .entries()
            .filter(|&(_, column)| coloring.colors()[column] == color)
            .map(|(row, column)| (column as f64, row as f64))
            .collect();
        spy = spy.points(
            &format!("colour {color}"),
            PALETTE[color % PALETTE.len()],
            4,
            entries,
        );
    }
    write_plot(checks, "bratu", (620, 460), 2, &[solution_chart, spy]);
}
