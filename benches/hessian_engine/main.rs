//! Run-time Hessians on the one second-order engine: `chunk::hessian_of`
//! against the nested-dual passes it replaced (`nested.rs`), the argmin
//! adapter's Hessian as a multiple of one cost evaluation, and
//! `chunk::hessian_of` at n = 16 against the array `hessian` on
//! `Dual2<f64, 16>`. `cargo bench --features argmin --bench hessian_engine`
//! prints the medians and ratios at the end (BENCHMARKS.md quotes them);
//! with `HESSIAN_WIDTHS=1` it runs the width sweep of `sweep.rs` instead.

mod functions;
mod nested;
mod sweep;

use std::collections::HashMap;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use argmin::core::{CostFunction, Hessian};
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, measurement::WallTime};
use dualgrad::argmin::ScalarProblem;
use dualgrad::{ScalarFn, chunk, hessian, scalar_fn};

use functions::*;

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(15);
    g
}

/// Asserts that two row-major Hessians agree to 1e-10, relative.
fn assert_close(what: &str, a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len(), "{what}");
    let scale = b.iter().fold(1.0_f64, |m, v| m.max(v.abs()));
    for (k, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= 1e-10 * scale,
            "{what}, entry {k}: {x} vs {y}"
        );
    }
}

/// `chunk::hessian_of` ("dualgrad") against the nested passes ("nested").
fn against_nested<F: ScalarFn>(c: &mut Criterion, name: &str, f: &F) {
    let mut g = group(c, &format!("hessian-engine-{name}"));
    for n in [20, 50, 100] {
        let x = point(n);
        let ours: Vec<f64> = chunk::hessian_of(f, &x).concat();
        assert_close(name, &ours, &nested::hessian_of(f, &x));
        g.bench_with_input(BenchmarkId::new("dualgrad", n), &x, |b, x| {
            b.iter(|| chunk::hessian_of(f, black_box(x)))
        });
        g.bench_with_input(BenchmarkId::new("nested", n), &x, |b, x| {
            b.iter(|| nested::hessian_of(f, black_box(x)))
        });
    }
    g.finish();
}

/// The argmin adapter at n = 21 on the logistic regression: one cost, one
/// Hessian.
fn argmin_group(c: &mut Criterion) {
    let problem = ScalarProblem::new(scalar_fn!(logistic_loss), 21);
    let x = point(21);
    let rows = problem.hessian(&x).unwrap();
    assert_close(
        "argmin",
        &rows.concat(),
        &nested::hessian_of(&scalar_fn!(logistic_loss), &x),
    );
    let mut g = group(c, "hessian-engine-argmin");
    g.bench_with_input(BenchmarkId::new("cost", 21), &x, |b, x| {
        b.iter(|| problem.cost(black_box(x)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("hessian", 21), &x, |b, x| {
        b.iter(|| problem.hessian(black_box(x)).unwrap())
    });
    g.finish();
}

/// `chunk::hessian_of` at n = 16 against the array `hessian` on
/// `Dual2<f64, 16>`.
fn width_16_group(c: &mut Criterion) {
    let x = point(16);
    let array: [f64; 16] = x.clone().try_into().unwrap();
    let mut g = group(c, "hessian-engine-16");
    macro_rules! case {
        ($name:literal, $f:ident) => {{
            let f = scalar_fn!($f);
            assert_close(
                $name,
                &chunk::hessian_of(&f, &x).concat(),
                &hessian($f, array).concat(),
            );
            g.bench_with_input(BenchmarkId::new("hessian_of", $name), &x, |b, x| {
                b.iter(|| chunk::hessian_of(&f, black_box(x)))
            });
            g.bench_with_input(BenchmarkId::new("array", $name), &array, |b, x| {
                b.iter(|| hessian($f, black_box(*x)))
            });
        }};
    }
    case!("rosenbrock", rosenbrock);
    case!("logistic", logistic_loss);
    case!("transcendental", transcendental);
    g.finish();
}

/// Medians in ns, keyed by (group, function, parameter).
type Medians = HashMap<(String, String, String), f64>;

fn load(directory: &Path, medians: &mut Medians) {
    let Ok(entries) = fs::read_dir(directory) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        if path.file_name().is_some_and(|n| n == "new") {
            let read = |name: &str| -> Option<serde_json::Value> {
                serde_json::from_str(&fs::read_to_string(path.join(name)).ok()?).ok()
            };
            if let (Some(id), Some(estimates)) = (read("benchmark.json"), read("estimates.json")) {
                let text = |key: &str| id[key].as_str().unwrap_or("").to_owned();
                if let Some(median) = estimates["median"]["point_estimate"].as_f64() {
                    medians.insert(
                        (text("group_id"), text("function_id"), text("value_str")),
                        median,
                    );
                }
            }
        } else {
            load(&path, medians);
        }
    }
}

fn time(ns: f64) -> String {
    match ns {
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.1} ns"),
    }
}

/// The tables of this run's medians and ratios.
fn summary() {
    let directory = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
        .join("criterion");
    let mut m = Medians::new();
    load(&directory, &mut m);
    let get = |g: &str, f: &str, p: &str| m.get(&(g.into(), f.into(), p.into())).copied();
    println!("\n| function | n | chunk::hessian_of | nested | nested / hessian_of |");
    println!("|---|---|---|---|---|");
    for name in ["rosenbrock", "logistic", "transcendental"] {
        let g = format!("hessian-engine-{name}");
        for n in ["20", "50", "100"] {
            if let (Some(a), Some(b)) = (get(&g, "dualgrad", n), get(&g, "nested", n)) {
                println!(
                    "| {name} | {n} | {} | {} | {:.2}× |",
                    time(a),
                    time(b),
                    b / a
                );
            }
        }
    }
    let g = "hessian-engine-argmin";
    if let (Some(cost), Some(h)) = (get(g, "cost", "21"), get(g, "hessian", "21")) {
        println!(
            "\nargmin n = 21, logistic: cost {}, Hessian {}, Hessian / cost {:.0}×",
            time(cost),
            time(h),
            h / cost
        );
    }
    println!("\n| function, n = 16 | chunk::hessian_of | array hessian | hessian_of / array |");
    println!("|---|---|---|---|");
    for name in ["rosenbrock", "logistic", "transcendental"] {
        let g = "hessian-engine-16";
        if let (Some(a), Some(b)) = (get(g, "hessian_of", name), get(g, "array", name)) {
            println!("| {name} | {} | {} | {:.2}× |", time(a), time(b), a / b);
        }
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    if std::env::var_os("HESSIAN_WIDTHS").is_some() {
        sweep::sweep("rosenbrock", &scalar_fn!(rosenbrock));
        sweep::sweep("logistic", &scalar_fn!(logistic_loss));
        sweep::sweep("transcendental", &scalar_fn!(transcendental));
        return;
    }
    against_nested(&mut c, "rosenbrock", &scalar_fn!(rosenbrock));
    against_nested(&mut c, "logistic", &scalar_fn!(logistic_loss));
    against_nested(&mut c, "transcendental", &scalar_fn!(transcendental));
    argmin_group(&mut c);
    width_16_group(&mut c);
    c.final_summary();
    summary();
}
