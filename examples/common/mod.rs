//! What the examples share: where the plots go, a small chart builder on
//! plotters' SVG backend, and the bookkeeping that makes an example exit
//! non-zero when its result is wrong.
//!
//! Included by each example as `mod common;`.

// Each example uses only some of these helpers; the rest would warn there.
#![allow(dead_code)]

pub mod plot;

use std::fs;
use std::path::PathBuf;
use std::process::exit;

use plot::{Chart, save_svg};

/// `target/plots/` under the crate root, created if missing.
pub fn plots_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/plots");
    if let Err(error) = fs::create_dir_all(&dir) {
        eprintln!("error: cannot create {}: {error}", dir.display());
        exit(1);
    }
    dir
}

/// Writes the figure `name`.svg into [`plots_dir`] (one chart per panel,
/// `columns` panels a row, each panel `panel` pixels) and prints its path.
/// A plot that cannot be written is a failure like any other.
pub fn write_plot(
    checks: &mut Checks,
    name: &str,
    panel: (u32, u32),
    columns: usize,
    charts: &[Chart],
) {
    let path = plots_dir().join(format!("{name}.svg"));
    match save_svg(&path, panel, columns, charts) {
        Ok(()) => println!("\nplot: {}", path.display()),
        Err(error) => checks.check(false, format!("write {}: {error}", path.display())),
    }
}

/// The claims an example makes about its own result, each with the
/// measured numbers in its text. [`finish`](Checks::finish) prints them and
/// exits with status 1 if any is false.
#[derive(Default)]
pub struct Checks {
    results: Vec<(bool, String)>,
}

impl Checks {
    /// Records one claim.
    pub fn check(&mut self, holds: bool, claim: impl Into<String>) {
        self.results.push((holds, claim.into()));
    }

    /// Prints every claim, then exits with status 1 if one failed.
    pub fn finish(self) {
        println!("\nChecks:");
        for (holds, claim) in &self.results {
            println!("  {} {claim}", if *holds { "ok  " } else { "FAIL" });
        }
        let failed = self.results.iter().filter(|(holds, _)| !holds).count();
        if failed > 0 {
            eprintln!("error: {failed} of {} checks failed", self.results.len());
            exit(1);
        }
        println!("All {} checks passed.", self.results.len());
    }
}
