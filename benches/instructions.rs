//! A fixed-count driver for instruction counts: `cargo bench --bench
//! instructions -- SHAPE N CALLS [WHAT]` runs CALLS gradients of one zoo
//! shape at width N, every output black-boxed, and nothing else. WHAT is
//! `ours` (the default), `hessian` (dualgrad's Hessians), `floor`,
//! `num-dual` or `ad_trait` (the competitors' gradients). Under `valgrind --tool=callgrind`, the
//! count with CALLS = 1000 minus the count with CALLS = 0, over 1000, is
//! the instructions per call: repeatable whatever else the machine does,
//! unlike the timing loops of `zoo_check`, which size their batches by the
//! clock. Used to compare builds (a feature on and off, two commits).

#[allow(dead_code)]
mod zoo;

use std::hint::black_box;

use dualgrad::{gradient, hessian};
use nalgebra::SVector;

fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| 0.3 + 0.1 * i as f64)
}

#[inline(never)]
fn run<const N: usize>(shape: &str, calls: u64, what: &str) {
    macro_rules! each {
        ($name:literal, $shape:path, $num_dual:path, $ad_trait:path) => {
            if shape == $name {
                let x = black_box(point::<N>());
                let xs = SVector::from(x);
                for _ in 0..calls {
                    match what {
                        "hessian" => drop(black_box(hessian($shape, black_box(x)))),
                        "floor" => drop(black_box(zoo::floor::gradient($shape, black_box(x)))),
                        "num-dual" => drop(black_box(zoo::num_dual_gradient($num_dual, &xs))),
                        "ad_trait" => drop(black_box(zoo::ad_trait_shapes::gradient(
                            $ad_trait,
                            black_box(x),
                        ))),
                        _ => drop(black_box(gradient($shape, black_box(x)))),
                    }
                }
                return;
            }
        };
    }
    for_each_shape!(each);
    eprintln!("unknown shape {shape}; one of {:?}", zoo::SHAPES);
    std::process::exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [shape, n, calls, rest @ ..] = args.as_slice() else {
        eprintln!(
            "usage: instructions SHAPE N CALLS [ours|hessian|floor|num-dual|ad_trait]   (N one of 2, 4, 8, 16)"
        );
        return;
    };
    let calls: u64 = calls.parse().unwrap_or(0);
    let what = rest.first().map_or("ours", String::as_str);
    match n.as_str() {
        "2" => run::<2>(shape, calls, what),
        "4" => run::<4>(shape, calls, what),
        "8" => run::<8>(shape, calls, what),
        "16" => run::<16>(shape, calls, what),
        _ => eprintln!("N must be 2, 4, 8 or 16"),
    }
}
