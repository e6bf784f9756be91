//! The width sweep behind the `_of` Hessians' choice of width
//! (`HESSIAN_WIDTHS=1 cargo bench --features argmin --bench hessian_engine`):
//! the library's pair-of-blocks passes on `Dual2<f64, W>` for W = 4 … 24
//! against the nested baseline, each timed as the fastest of 7 interleaved
//! batches of ~10 ms (steadier than a median on a shared machine).

use std::hint::black_box;
use std::time::Instant;

use dualgrad::ScalarFn;
use dualgrad::chunk::{HessianConfig, hessian_with};

fn at<F: ScalarFn, const W: usize>(f: &F, x: &[f64]) -> f64 {
    let n = x.len();
    let mut config = HessianConfig::<f64, W>::new(n);
    let (mut g, mut h) = (vec![0.0; n], vec![0.0; n * n]);
    let v = hessian_with(&mut config, |v| f.eval(v), x, &mut g, &mut h).unwrap();
    black_box((&g, &h));
    v
}

/// The time per call in µs of one batch of ~10 ms.
fn min_time(job: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    job();
    let once = start.elapsed().as_secs_f64();
    let reps = ((0.01 / once) as usize).max(1);
    let start = Instant::now();
    for _ in 0..reps {
        job();
    }
    start.elapsed().as_secs_f64() / reps as f64 * 1e6
}

pub fn sweep<F: ScalarFn>(name: &str, f: &F) {
    for n in [20, 50, 100] {
        let x = crate::functions::point(n);
        let mut jobs: Vec<(String, Box<dyn FnMut() + '_>)> = Vec::new();
        {
            let x = x.clone();
            jobs.push((
                "nested".into(),
                Box::new(move || {
                    black_box(crate::nested::hessian_of(f, black_box(&x)));
                }),
            ));
        }
        macro_rules! widths {
            ($($w:literal),+) => {$({
                let x = x.clone();
                jobs.push((format!("w{}", $w), Box::new(move || { black_box(at::<F, $w>(f, black_box(&x))); })));
            })+};
        }
        widths!(4, 6, 8, 10, 12, 16, 24);
        let mut best = vec![f64::INFINITY; jobs.len()];
        for _ in 0..7 {
            for (k, (_, job)) in jobs.iter_mut().enumerate() {
                best[k] = best[k].min(min_time(job.as_mut()));
            }
        }
        let nested = best[0];
        let row: Vec<String> = jobs
            .iter()
            .zip(&best)
            .map(|((l, _), t)| format!("{l} {t:.0} ({:.2}x)", nested / t))
            .collect();
        println!("{name} n={n}: {}", row.join(", "));
    }
}
