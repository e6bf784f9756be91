//! A fixed-count driver for instruction counts: `cargo bench --bench
//! instructions -- SHAPE N CALLS` runs CALLS gradients (and, with a fourth
//! argument `hessian`, Hessians) of one zoo shape at width N, every output
//! black-boxed, and nothing else. Under `valgrind --tool=callgrind`, the
//! count with CALLS = 1000 minus the count with CALLS = 0, over 1000, is
//! the instructions per call: repeatable whatever else the machine does,
//! unlike the timing loops of `zoo_check`, which size their batches by the
//! clock. Used to compare builds (a feature on and off, two commits).

#[allow(dead_code)]
mod zoo;

use std::hint::black_box;

use dualgrad::{gradient, hessian};

fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| 0.3 + 0.1 * i as f64)
}

#[inline(never)]
fn run<const N: usize>(shape: &str, calls: u64, second_order: bool) {
    macro_rules! each {
        ($name:literal, $shape:path, $num_dual:path) => {
            if shape == $name {
                let x = black_box(point::<N>());
                for _ in 0..calls {
                    if second_order {
                        black_box(hessian($shape, black_box(x)));
                    } else {
                        black_box(gradient($shape, black_box(x)));
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
        eprintln!("usage: instructions SHAPE N CALLS [hessian]   (N one of 4, 8, 16)");
        return;
    };
    let calls: u64 = calls.parse().unwrap_or(0);
    let second_order = rest.first().is_some_and(|a| a == "hessian");
    match n.as_str() {
        "4" => run::<4>(shape, calls, second_order),
        "8" => run::<8>(shape, calls, second_order),
        "16" => run::<16>(shape, calls, second_order),
        _ => eprintln!("N must be 4, 8 or 16"),
    }
}
