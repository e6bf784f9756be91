//! The side-by-side benchmark suite: every competitor in the same group,
//! same function, same point. `cargo bench --bench suite` runs it and writes
//! BENCHMARKS.md (medians and ratios) at the crate root.

mod functions;
mod report;
#[cfg(feature = "sparse")]
mod sparse;
#[cfg(feature = "special")]
mod special;
#[path = "../zoo/mod.rs"]
mod zoo;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, measurement::WallTime};
use dualgrad::chunk::{self, GradientConfig};
use dualgrad::{Dual, gradient, hessian, hessian_vector_product, jacobian};
use nalgebra::SVector;

use functions::*;

/// The point of the static cases: a spread of coordinates away from every
/// kink and singularity.
fn point<const N: usize>() -> [f64; N] {
    std::array::from_fn(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
}

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(900))
        .sample_size(30);
    g
}

/// f64, dualgrad, num-dual, the floor dual, hand-written, central differences.
macro_rules! static_gradients {
    ($c:expr, $name:literal, $f:ident, $num_dual:path, $hand:path, $($n:literal),+) => {{
        let mut g = group($c, $name);
        $(
            let x = point::<$n>();
            let ours = gradient($f, x);
            let hand = $hand(&x);
            for (a, b) in ours.iter().zip(&hand) {
                assert!((a - b).abs() <= 1e-10 * b.abs().max(1.0), "{} N={}: {a} vs {b}", $name, $n);
            }
            g.bench_with_input(BenchmarkId::new("f64", $n), &x, |b, x| b.iter(|| $f(black_box(x))));
            g.bench_with_input(BenchmarkId::new("dualgrad", $n), &x, |b, x| b.iter(|| gradient($f, black_box(*x))));
            let xs = SVector::<f64, $n>::from(x);
            g.bench_with_input(BenchmarkId::new("num-dual", $n), &xs, |b, x| {
                b.iter(|| num_dual::gradient(|v| $num_dual(v.as_slice()), black_box(x)))
            });
            g.bench_with_input(BenchmarkId::new("floor", $n), &x, |b, x| b.iter(|| zoo::floor::gradient($f, black_box(*x))));
            g.bench_with_input(BenchmarkId::new("hand-written", $n), &x, |b, x| b.iter(|| $hand(black_box(x))));
            g.bench_with_input(BenchmarkId::new("central-differences", $n), &x, |b, x| {
                b.iter(|| central_differences($f::<f64>, black_box(x)))
            });
        )+
        g.finish();
    }};
}

fn rosenbrock_group(c: &mut Criterion) {
    static_gradients!(
        c,
        "rosenbrock",
        rosenbrock,
        rosenbrock_num_dual,
        zoo::shapes::rosenbrock_gradient,
        1,
        2,
        4,
        8,
        16,
        32
    );
}

fn ackley_group(c: &mut Criterion) {
    static_gradients!(
        c,
        "ackley",
        ackley,
        zoo::num_dual_shapes::ackley,
        ackley_gradient,
        1,
        2,
        4,
        8,
        16,
        32
    );
}

fn rat43_group(c: &mut Criterion) {
    let (x, y) = RAT43_POINT;
    let b = RAT43_PARAMETERS;
    let ours = dualgrad::value_and_gradient(|p| rat43(p, Dual::constant(x), Dual::constant(y)), b);
    let (value, hand) = rat43_analytic(&b, x, y);
    assert!((ours.0 - value).abs() < 1e-9);
    for (a, h) in ours.1.iter().zip(hand) {
        assert!(
            (a - h).abs() <= 1e-10 * h.abs().max(1.0),
            "rat43: {a} vs {h}"
        );
    }
    let mut g = group(c, "rat43");
    g.bench_function("f64", |bench| bench.iter(|| rat43(black_box(&b), x, y)));
    g.bench_function("dualgrad", |bench| {
        bench.iter(|| {
            dualgrad::value_and_gradient(
                |p| rat43(p, Dual::constant(x), Dual::constant(y)),
                black_box(b),
            )
        })
    });
    let bs = SVector::from(b);
    g.bench_function("num-dual", |bench| {
        bench.iter(|| num_dual::gradient(|p| rat43_num_dual(p.as_slice(), x, y), black_box(&bs)))
    });
    g.bench_function("hand-written", |bench| {
        bench.iter(|| rat43_analytic(black_box(&b), x, y))
    });
    g.bench_function("central-differences", |bench| {
        bench.iter(|| central_differences(|p| rat43(p, x, y), black_box(&b)))
    });
    g.finish();
}

fn layer_group(c: &mut Criterion) {
    let (w, bias) = layer_weights();
    let x = point::<LAYER>();
    let ours = jacobian(|v| layer(v, &w, &bias), x);
    let hand = layer_jacobian(&x, &w, &bias);
    for (r, h) in ours.iter().flatten().zip(hand.iter().flatten()) {
        assert!((r - h).abs() < 1e-12, "layer: {r} vs {h}");
    }
    let mut g = group(c, "neural-layer");
    g.bench_function("f64", |b| b.iter(|| layer::<f64>(black_box(&x), &w, &bias)));
    g.bench_function("dualgrad", |b| {
        b.iter(|| jacobian(|v| layer(v, &w, &bias), black_box(x)))
    });
    let xs = SVector::<f64, LAYER>::from(x);
    g.bench_function("num-dual", |b| {
        b.iter(|| {
            num_dual::jacobian(
                |v| SVector::<_, LAYER>::from_vec(layer_num_dual(v.as_slice(), &w, &bias)),
                black_box(&xs),
            )
        })
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| layer_jacobian(black_box(&x), &w, &bias))
    });
    g.bench_function("central-differences", |b| {
        b.iter(|| {
            let mut point = black_box(x);
            let columns: [[f64; LAYER]; LAYER] = std::array::from_fn(|j| {
                let h = f64::EPSILON.cbrt() * x[j].abs().max(1.0);
                point[j] = x[j] + h;
                let up = layer::<f64>(&point, &w, &bias);
                point[j] = x[j] - h;
                let down = layer::<f64>(&point, &w, &bias);
                point[j] = x[j];
                std::array::from_fn(|i| (up[i] - down[i]) / (2.0 * h))
            });
            columns
        })
    });
    g.finish();
}

fn hessian_group(c: &mut Criterion) {
    let mut g = group(c, "hessian");
    macro_rules! case {
        ($($n:literal),+) => {$(
            let x = point::<$n>();
            let ours = hessian(rosenbrock, x);
            let hand = rosenbrock_hessian(&x);
            for (a, h) in ours.iter().flatten().zip(hand.iter().flatten()) {
                assert!((a - h).abs() <= 1e-10 * h.abs().max(1.0), "hessian: {a} vs {h}");
            }
            g.bench_with_input(BenchmarkId::new("f64", $n), &x, |b, x| b.iter(|| rosenbrock(black_box(x))));
            g.bench_with_input(BenchmarkId::new("dualgrad", $n), &x, |b, x| b.iter(|| hessian(rosenbrock, black_box(*x))));
            let xs = SVector::<f64, $n>::from(x);
            g.bench_with_input(BenchmarkId::new("num-dual", $n), &xs, |b, x| {
                b.iter(|| num_dual::hessian(|v| rosenbrock_num_dual(v.as_slice()), black_box(x)))
            });
            g.bench_with_input(BenchmarkId::new("hand-written", $n), &x, |b, x| b.iter(|| rosenbrock_hessian(black_box(x))));
        )+};
    }
    case!(2, 4, 8);
    g.finish();
}

/// The Rosenbrock Hessian on `Dual2` (the `hessian` driver) against nested
/// duals seeded by hand (the driver's path before `Dual2`), num-dual's
/// `hessian` and the hand-written Hessian.
fn hessian_dual2_group(c: &mut Criterion) {
    let mut g = group(c, "hessian-dual2");
    macro_rules! case {
        ($($n:literal),+) => {$(
            let x = point::<$n>();
            let xs = SVector::<f64, $n>::from(x);
            let ours = hessian(rosenbrock, x);
            zoo::assert_hessians_agree(
                "rosenbrock",
                &ours,
                &zoo::nested_hessian(rosenbrock, x),
                zoo::num_dual_hessian(rosenbrock_num_dual, &xs).2.as_slice(),
            );
            let hand = rosenbrock_hessian(&x);
            for (a, h) in ours.iter().flatten().zip(hand.iter().flatten()) {
                assert!((a - h).abs() <= 1e-10 * h.abs().max(1.0), "hessian: {a} vs {h}");
            }
            g.bench_with_input(BenchmarkId::new("dual2", $n), &x, |b, x| b.iter(|| hessian(rosenbrock, black_box(*x))));
            g.bench_with_input(BenchmarkId::new("nested", $n), &x, |b, x| {
                b.iter(|| zoo::nested_hessian(rosenbrock, black_box(*x)))
            });
            g.bench_with_input(BenchmarkId::new("num-dual", $n), &xs, |b, x| {
                b.iter(|| zoo::num_dual_hessian(rosenbrock_num_dual, black_box(x)))
            });
            g.bench_with_input(BenchmarkId::new("hand-written", $n), &x, |b, x| b.iter(|| rosenbrock_hessian(black_box(x))));
        )+};
    }
    case!(2, 4, 8, 16);
    g.finish();
}

/// One zoo shape's Hessian at every width: Dual2, nested duals, num-dual.
macro_rules! zoo_hessian_widths {
    ($g:expr, $name:literal, $f:path, $nd:path; $($n:literal),+) => {$({
        let x = zoo::point::<$n>();
        let xs = SVector::<f64, $n>::from(x);
        zoo::assert_hessians_agree(
            $name,
            &hessian($f, x),
            &zoo::nested_hessian($f, x),
            zoo::num_dual_hessian($nd, &xs).2.as_slice(),
        );
        $g.bench_with_input(BenchmarkId::new("dual2", $n), &x, |b, x| b.iter(|| hessian($f, black_box(*x))));
        $g.bench_with_input(BenchmarkId::new("nested", $n), &x, |b, x| b.iter(|| zoo::nested_hessian($f, black_box(*x))));
        $g.bench_with_input(BenchmarkId::new("num-dual", $n), &xs, |b, x| b.iter(|| zoo::num_dual_hessian($nd, black_box(x))));
    })+};
}

/// Every zoo shape's Hessian at N = 2, 4, 8, 16, with the zoo's short
/// samples (144 cases).
fn hessian_dual2_zoo_group(c: &mut Criterion) {
    macro_rules! shape {
        ($name:literal, $f:path, $nd:path, $ad:path) => {{
            let mut g = c.benchmark_group(concat!("hessian-dual2-zoo-", $name));
            g.warm_up_time(Duration::from_millis(150))
                .measurement_time(Duration::from_millis(400))
                .sample_size(20);
            zoo_hessian_widths!(g, $name, $f, $nd; 2, 4, 8, 16);
            g.finish();
        }};
    }
    for_each_shape!(shape);
}

/// Hessian-vector products (forward over forward) against the gradient of
/// the same function at the same width.
fn hvp_group(c: &mut Criterion) {
    macro_rules! widths {
        ($group:literal, $f:path; $($n:literal),+) => {{
            let mut g = c.benchmark_group($group);
            g.warm_up_time(Duration::from_millis(150))
                .measurement_time(Duration::from_millis(400))
                .sample_size(20);
            $(
                let x = zoo::point::<$n>();
                let v: [f64; $n] = std::array::from_fn(|i| (0.7 * i as f64).cos());
                let h = hessian($f, x);
                let hv = hessian_vector_product($f, x, v);
                for (entry, row) in hv.iter().zip(&h) {
                    let expected: f64 = row.iter().zip(&v).map(|(a, b)| a * b).sum();
                    assert!((entry - expected).abs() <= 1e-10 * expected.abs().max(1.0), "{} N={}: {entry} vs {expected}", $group, $n);
                }
                g.bench_with_input(BenchmarkId::new("hvp", $n), &(x, v), |b, (x, v)| {
                    b.iter(|| hessian_vector_product($f, black_box(*x), black_box(*v)))
                });
                g.bench_with_input(BenchmarkId::new("gradient", $n), &x, |b, x| b.iter(|| gradient($f, black_box(*x))));
            )+
            g.finish();
        }};
    }
    widths!("hvp-rosenbrock", rosenbrock; 4, 8, 16);
    widths!("hvp-zoo-tanh_layer", zoo::shapes::tanh_layer; 4, 8, 16);
    widths!("hvp-zoo-pair_potential", zoo::shapes::pair_potential; 4, 8, 16);
}

fn chunk_group(c: &mut Criterion) {
    for n in [100, 1000, 10_000] {
        let x: Vec<f64> = (0..n)
            .map(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
            .collect();
        let mut out = vec![0.0; n];
        let mut g = group(c, &format!("chunk-{n}"));
        if n >= 1000 {
            g.sample_size(10).measurement_time(Duration::from_secs(2));
        }
        g.bench_function("f64", |b| b.iter(|| rosenbrock(black_box(&x))));
        macro_rules! with_chunk {
            ($label:expr, $c:expr) => {{
                let mut config = GradientConfig::<f64, { $c }>::new(n);
                g.bench_function($label, |b| {
                    b.iter(|| {
                        chunk::gradient_with(&mut config, rosenbrock, black_box(&x), &mut out)
                            .unwrap()
                    })
                });
            }};
        }
        with_chunk!("default", chunk::DEFAULT_CHUNK);
        with_chunk!("C=1", 1);
        with_chunk!("C=4", 4);
        with_chunk!("C=8", 8);
        with_chunk!("C=12", 12);
        with_chunk!("C=16", 16);
        g.finish();
    }
}

/// Chunk widths: the fixed-width allocating driver (`Dual<f64, 12>` for
/// every pass) against `gradient_of`, which runs ⌈n/12⌉ passes of width
/// ⌈n/passes⌉.
fn chunk_widths_group(c: &mut Criterion) {
    let mut g = group(c, "chunk-widths");
    let f = dualgrad::scalar_fn!(rosenbrock);
    for n in [3usize, 13, 25, 100, 1000] {
        let x: Vec<f64> = (0..n)
            .map(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
            .collect();
        assert_eq!(chunk::gradient_of(&f, &x), chunk::gradient(rosenbrock, &x));
        g.bench_with_input(BenchmarkId::new("f64", n), &x, |b, x| {
            b.iter(|| rosenbrock::<f64>(black_box(x)))
        });
        g.bench_with_input(BenchmarkId::new("fixed", n), &x, |b, x| {
            b.iter(|| chunk::gradient(rosenbrock, black_box(x)))
        });
        g.bench_with_input(BenchmarkId::new("balanced", n), &x, |b, x| {
            b.iter(|| chunk::gradient_of(&f, black_box(x)))
        });
    }
    g.finish();
}

/// Rayon's passes against the sequential ones: gradients at n = 2 000 and
/// 20 000 (chained Rosenbrock), and Jacobians at n = 2 000 (a tridiagonal
/// map; a dense 20 000 × 20 000 Jacobian would be 3.2 GB).
#[cfg(feature = "rayon")]
fn parallel_group(c: &mut Criterion) {
    for n in [2000, 20_000] {
        let x: Vec<f64> = (0..n)
            .map(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
            .collect();
        assert_eq!(
            chunk::par_gradient(rosenbrock, &x),
            chunk::gradient(rosenbrock, &x)
        );
        let mut g = group(c, &format!("parallel-{n}"));
        g.sample_size(10).measurement_time(Duration::from_secs(2));
        g.bench_function("sequential", |b| {
            b.iter(|| chunk::gradient(rosenbrock, black_box(&x)))
        });
        g.bench_function("rayon", |b| {
            b.iter(|| chunk::par_gradient(rosenbrock, black_box(&x)))
        });
        g.finish();
    }
    let n = 2000;
    let x: Vec<f64> = (0..n)
        .map(|i| 0.3 + 0.7 * ((i as f64) * 1.3).sin())
        .collect();
    let map =
        |v: &[Dual<f64, { chunk::DEFAULT_CHUNK }>]| -> Vec<Dual<f64, { chunk::DEFAULT_CHUNK }>> {
            (0..v.len())
                .map(|i| {
                    let left = if i > 0 { v[i - 1] } else { v[i] };
                    let right = if i + 1 < v.len() { v[i + 1] } else { v[i] };
                    left - v[i] * 2.0 + right + v[i].exp()
                })
                .collect()
        };
    assert_eq!(chunk::par_jacobian(map, &x), chunk::jacobian(map, &x));
    let mut g = group(c, "parallel-jacobian-2000");
    g.sample_size(10).measurement_time(Duration::from_secs(2));
    g.bench_function("sequential", |b| {
        b.iter(|| chunk::jacobian(map, black_box(&x)))
    });
    g.bench_function("rayon", |b| {
        b.iter(|| chunk::par_jacobian(map, black_box(&x)))
    });
    g.finish();
}

/// One zoo shape at every width: f64, dualgrad, num-dual, the floor dual,
/// ad_trait.
macro_rules! zoo_widths {
    ($g:expr, $name:literal, $f:path, $nd:path, $ad:path; $($n:literal),+) => {$({
        let x = zoo::point::<$n>();
        let xs = SVector::<f64, $n>::from(x);
        zoo::assert_agree(
            $name,
            &gradient($f, x),
            &zoo::floor::gradient($f, x),
            zoo::num_dual_gradient($nd, &xs).1.as_slice(),
            &zoo::ad_trait_shapes::gradient($ad, x),
        );
        $g.bench_with_input(BenchmarkId::new("f64", $n), &x, |b, x| b.iter(|| -> f64 { $f(black_box(&x[..])) }));
        $g.bench_with_input(BenchmarkId::new("dualgrad", $n), &x, |b, x| b.iter(|| gradient($f, black_box(*x))));
        $g.bench_with_input(BenchmarkId::new("num-dual", $n), &xs, |b, x| b.iter(|| zoo::num_dual_gradient($nd, x)));
        $g.bench_with_input(BenchmarkId::new("floor", $n), &x, |b, x| b.iter(|| zoo::floor::gradient($f, black_box(*x))));
        $g.bench_with_input(BenchmarkId::new("ad_trait", $n), &x, |b, x| b.iter(|| zoo::ad_trait_shapes::gradient($ad, black_box(*x))));
    })+};
}

/// The shape zoo (`benches/zoo`): functions written the way users write
/// them, at N ∈ {1, 2, 3, 4, 6, 8, 12, 16, 32}. Shorter samples than the
/// other groups: 720 cases.
fn zoo_group(c: &mut Criterion) {
    macro_rules! shape {
        ($name:literal, $f:path, $nd:path, $ad:path) => {{
            let mut g = c.benchmark_group(concat!("zoo-", $name));
            g.warm_up_time(Duration::from_millis(150))
                .measurement_time(Duration::from_millis(400))
                .sample_size(20);
            zoo_widths!(g, $name, $f, $nd, $ad; 1, 2, 3, 4, 6, 8, 12, 16, 32);
            g.finish();
        }};
    }
    for_each_shape!(shape);
}

fn main() {
    let mut c = Criterion::default()
        .output_directory(&report::criterion_directory())
        .configure_from_args();
    zoo_group(&mut c);
    rosenbrock_group(&mut c);
    ackley_group(&mut c);
    rat43_group(&mut c);
    layer_group(&mut c);
    hessian_group(&mut c);
    hessian_dual2_group(&mut c);
    hessian_dual2_zoo_group(&mut c);
    hvp_group(&mut c);
    chunk_group(&mut c);
    chunk_widths_group(&mut c);
    #[cfg(feature = "rayon")]
    parallel_group(&mut c);
    #[cfg(feature = "special")]
    special::special_group(&mut c);
    #[cfg(feature = "sparse")]
    sparse::sparse_group(&mut c);
    c.final_summary();
    // BENCHMARKS.md's tables come from the default profile; a run in
    // another profile keeps its results in its own criterion directory.
    let default_profile = report::profile().is_none_or(|p| p == "release");
    if std::env::args().any(|a| a == "--bench") && default_profile {
        report::write_benchmarks_md();
    }
}
