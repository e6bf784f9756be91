//! Forces on a 13-atom Lennard-Jones cluster as F = −∇E, the energy written
//! once over `Float` and the 39-component gradient from one call of
//! `dualgrad::gradient`. The forces are checked three ways: Newton's third
//! law (they sum to zero, as E only depends on differences of positions),
//! the matching law for torques (E is unchanged by rotations), and the
//! gradient check against finite differences. Then the forces relax a
//! distorted icosahedron with FIRE to the known global minimum of LJ₁₃.
//!
//! Run it with `cargo run --release --example forces`. It exits with status 1
//! if a check fails or the relaxation misses the minimum.

mod common;

use std::array;

use common::plot::{Axis, Chart, Corner, GREY, PALETTE};
use common::{Checks, write_plot};
use dualgrad::gradcheck::{GradCheck, Scheme};
use dualgrad::{chunk, value_and_gradient};
use num_traits::Float;

const ATOMS: usize = 13;
/// Positions as one array (x₀, y₀, z₀, x₁, …).
const COORDINATES: usize = 3 * ATOMS;
type Positions = [f64; COORDINATES];

/// The global minimum of LJ₁₃ (the Mackay icosahedron) in reduced units,
/// from the Cambridge Cluster Database.
const GLOBAL_MINIMUM: f64 = -44.326801;
/// Random displacement of each coordinate of the starting icosahedron.
const DISTORTION: f64 = 0.12;
/// FIRE stops when no force component exceeds this.
const FORCE_TOLERANCE: f64 = 1e-8;
const MAX_STEPS: usize = 5_000;

/// The Lennard-Jones energy E = Σᵢ<ⱼ 4(rᵢⱼ⁻¹² − rᵢⱼ⁻⁶) (ε = σ = 1).
fn lennard_jones<S: Float>(x: &[S]) -> S {
    let four = S::from(4.0).unwrap();
    let mut energy = S::zero();
    for i in 0..x.len() / 3 {
        for j in i + 1..x.len() / 3 {
            let r2 = (0..3).fold(S::zero(), |sum, k| {
                sum + (x[3 * i + k] - x[3 * j + k]).powi(2)
            });
            let inverse6 = r2.recip().powi(3);
            energy = energy + four * (inverse6 * inverse6 - inverse6);
        }
    }
    energy
}

/// The energy and the forces F = −∇E.
fn energy_and_forces(x: &Positions) -> (f64, Positions) {
    let (energy, gradient) = value_and_gradient(lennard_jones, *x);
    (energy, gradient.map(|g| -g))
}

fn main() {
    let start = distorted_icosahedron();
    let (energy, forces) = energy_and_forces(&start);
    println!("A Lennard-Jones cluster of {ATOMS} atoms: a Mackay icosahedron, each coordinate");
    println!(
        "moved at random by up to ±{DISTORTION}. E = {energy:.6}, forces from dualgrad::gradient:"
    );
    print_forces(&forces);

    let mut checks = Checks::default();
    check_conservation_laws(&mut checks, &start, &forces);
    check_against_differences(&mut checks, &start, &forces);

    let relaxation = relax(start);
    let last = &relaxation[relaxation.len() - 1];
    checks.check(
        (last.energy - GLOBAL_MINIMUM).abs() < 1e-6 && last.max_force <= FORCE_TOLERANCE,
        format!(
            "FIRE relaxes the cluster to E = {:.6} (LJ₁₃'s global minimum {GLOBAL_MINIMUM}) in {} steps, max |F| = {:.1e}",
            last.energy,
            relaxation.len() - 1,
            last.max_force
        ),
    );
    write_plot(
        &mut checks,
        "forces",
        (480, 440),
        3,
        &charts(&start, &relaxation),
    );
    checks.finish();
}

/// The 13-atom icosahedron (a centre and 12 vertices at the nearest-neighbour
/// distance of the minimum), each coordinate displaced by a reproducible
/// pseudo-random amount in ±DISTORTION.
fn distorted_icosahedron() -> Positions {
    let phi = (1.0 + 5f64.sqrt()) / 2.0;
    let mut vertices = vec![[0.0; 3]];
    for a in [-1.0, 1.0] {
        for b in [-phi, phi] {
            vertices.extend([[0.0, a, b], [a, b, 0.0], [b, 0.0, a]]);
        }
    }
    let radius = 1.09 / (1.0 + phi * phi).sqrt();
    let mut random = SplitMix64(2024);
    array::from_fn(|i| vertices[i / 3][i % 3] * radius + DISTORTION * (2.0 * random.unit() - 1.0))
}

fn print_forces(forces: &Positions) {
    println!("  {:>4} {:>13} {:>13} {:>13}", "atom", "Fx", "Fy", "Fz");
    for (atom, f) in forces.chunks_exact(3).enumerate().take(4) {
        println!("  {atom:>4} {:>13.6} {:>13.6} {:>13.6}", f[0], f[1], f[2]);
    }
    println!("  … {} more", ATOMS - 4);
}

/// Newton's third law: Σᵢ Fᵢ = 0; and no net torque: Σᵢ rᵢ × Fᵢ = 0.
fn check_conservation_laws(checks: &mut Checks, x: &Positions, forces: &Positions) {
    let atoms = || x.chunks_exact(3).zip(forces.chunks_exact(3));
    let net_force: [f64; 3] = array::from_fn(|k| atoms().map(|(_, f)| f[k]).sum());
    let net_torque: [f64; 3] = array::from_fn(|k| atoms().map(|(r, f)| cross(r, f)[k]).sum());
    let force_scale: f64 = atoms().map(|(_, f)| norm(f)).sum();
    let torque_scale: f64 = atoms().map(|(r, f)| norm(r) * norm(f)).sum();
    let (force_residual, torque_residual) = (
        norm(&net_force) / force_scale,
        norm(&net_torque) / torque_scale,
    );
    println!(
        "\n|Σ Fᵢ| / Σ |Fᵢ| = {force_residual:.1e},  |Σ rᵢ × Fᵢ| / Σ |rᵢ||Fᵢ| = {torque_residual:.1e}"
    );
    checks.check(
        force_residual <= 1e-12,
        format!("Newton's third law: the forces sum to zero, |Σ Fᵢ| / Σ |Fᵢ| = {force_residual:.1e} ≤ 1e-12"),
    );
    checks.check(
        torque_residual <= 1e-12,
        format!("no net torque: |Σ rᵢ × Fᵢ| / Σ |rᵢ||Fᵢ| = {torque_residual:.1e} ≤ 1e-12"),
    );
}

/// The gradient check (central differences, then Ridders' extrapolation with
/// a tight tolerance), and the run-time-sized chunk-mode gradient.
fn check_against_differences(checks: &mut Checks, x: &Positions, forces: &Positions) {
    let ad = |x: &[f64]| match <&Positions>::try_from(x) {
        Ok(x) => energy_and_forces(x).1.map(|f| -f).to_vec(),
        Err(_) => Vec::new(), // the check reports a wrong length
    };
    for (scheme, rtol) in [(Scheme::Central, 1e-6), (Scheme::Richardson, 1e-9)] {
        let check = GradCheck::default().scheme(scheme).rtol(rtol);
        let outcome = check.gradient(lennard_jones, ad, x);
        let summary = match &outcome {
            Ok(report) => {
                let worst = report.worst_entry().map_or(String::new(), |e| {
                    format!(", worst {} off by {:.1e}", e.position(), e.relative_error())
                });
                format!(
                    "{} entries, relative error {:.1e}{worst}",
                    report.entries().len(),
                    report.relative_error(),
                )
            }
            Err(error) => error.to_string(),
        };
        println!("GradCheck ({}, rtol {rtol:e}): {summary}", scheme.name());
        checks.check(
            outcome.is_ok(),
            format!(
                "GradCheck with {} differences, rtol {rtol:e}: {summary}",
                scheme.name()
            ),
        );
    }
    let chunked = chunk::gradient(lennard_jones, x);
    let difference = chunked
        .iter()
        .zip(forces)
        .map(|(g, f)| (g + f).abs())
        .fold(0.0, f64::max);
    checks.check(
        difference == 0.0,
        format!("chunk::gradient (run-time size, {COORDINATES} inputs) gives the same forces: max difference {difference:e}"),
    );
}

/// One FIRE step's state.
struct Snapshot {
    positions: Positions,
    energy: f64,
    max_force: f64,
}

/// FIRE (Bitzek et al., 2006): damped dynamics that steer the velocity
/// towards the force and speed up while the motion goes downhill, and stop
/// dead when it turns uphill.
fn relax(mut x: Positions) -> Vec<Snapshot> {
    const DT_START: f64 = 0.01;
    const DT_MAX: f64 = 0.05;
    const MIXING_START: f64 = 0.1;
    println!("\nFIRE relaxation:");
    println!("  {:>5} {:>14} {:>10} {:>8}", "step", "E", "max |F|", "dt");
    let (mut dt, mut mixing, mut downhill) = (DT_START, MIXING_START, 0);
    let mut v = [0.0; COORDINATES];
    let mut history = Vec::new();
    for step in 0..=MAX_STEPS {
        let (energy, f) = energy_and_forces(&x);
        let max_force = f.iter().fold(0.0_f64, |m, fi| m.max(fi.abs()));
        history.push(Snapshot {
            positions: x,
            energy,
            max_force,
        });
        let done = max_force <= FORCE_TOLERANCE || step == MAX_STEPS;
        if step % 50 == 0 || done {
            println!("  {step:>5} {energy:>14.8} {max_force:>10.2e} {dt:>8.4}");
        }
        if done {
            break;
        }
        let power: f64 = f.iter().zip(&v).map(|(fi, vi)| fi * vi).sum();
        if power > 0.0 {
            let (speed, force) = (norm(&v), norm(&f));
            for (vi, fi) in v.iter_mut().zip(&f) {
                *vi = (1.0 - mixing) * *vi + mixing * speed * fi / force;
            }
            downhill += 1;
            if downhill > 5 {
                dt = (dt * 1.1).min(DT_MAX);
                mixing *= 0.99;
            }
        } else {
            v = [0.0; COORDINATES];
            (dt, mixing, downhill) = (dt * 0.5, MIXING_START, 0);
        }
        for ((xi, vi), fi) in x.iter_mut().zip(&mut v).zip(&f) {
            *vi += dt * fi;
            *xi += dt * *vi;
        }
    }
    history
}

fn cross(a: &[f64], b: &[f64]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|c| c * c).sum::<f64>().sqrt()
}

/// SplitMix64, for a reproducible distortion.
struct SplitMix64(u64);

impl SplitMix64 {
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) as f64 / 2f64.powi(64)
    }
}

/// The energy and the largest force along the relaxation, and the cluster
/// before and after, seen down the z axis.
fn charts(start: &Positions, relaxation: &[Snapshot]) -> [Chart; 3] {
    let steps = relaxation.len() as f64;
    let top = relaxation[0].energy.max(GLOBAL_MINIMUM + 1.0);
    let along = |value: fn(&Snapshot) -> f64| {
        relaxation
            .iter()
            .enumerate()
            .map(move |(k, s)| ((k + 1) as f64, value(s)))
    };
    let energy = Chart::new(
        "energy during FIRE relaxation",
        Axis::log("step + 1", 1.0, steps.max(10.0)),
        Axis::linear("E", GLOBAL_MINIMUM - 1.0, (top / 5.0).ceil() * 5.0),
    )
    .legend(Corner::UpperRight)
    .line("E (Lennard-Jones)", PALETTE[0], along(|s| s.energy))
    .dashed(
        "global minimum −44.326801",
        GREY,
        [(1.0, GLOBAL_MINIMUM), (steps.max(10.0), GLOBAL_MINIMUM)],
    );
    let force = Chart::new(
        "largest force component",
        Axis::log("step + 1", 1.0, steps.max(10.0)),
        Axis::log("max |F|", FORCE_TOLERANCE / 10.0, 1e3),
    )
    .legend(Corner::UpperRight)
    .line("max |F|", PALETTE[1], along(|s| s.max_force));
    let xy = |x: &Positions| x.chunks_exact(3).map(|r| (r[0], r[1])).collect::<Vec<_>>();
    let end = &relaxation[relaxation.len() - 1].positions;
    let cluster = Chart::new(
        "the cluster seen down z",
        Axis::linear("x", -1.8, 1.8),
        Axis::linear("y", -1.8, 1.8),
    )
    .legend(Corner::UpperRight)
    .markers("start (distorted)", PALETTE[3], xy(start))
    .points("relaxed", PALETTE[0], 5, xy(end));
    [energy, force, cluster]
}
