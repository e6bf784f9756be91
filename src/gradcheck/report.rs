//! The report of a check: every entry, the worst first.

use core::fmt;

use super::Scheme;

/// Where an entry sits: `entry 3` of a gradient, `J[1][2]` of a Jacobian,
/// `H[0][1]` of a Hessian, or the single number of a directional check.
///
/// ```
/// use dualgrad::gradcheck::Position;
/// assert_eq!(Position::Entry(3).to_string(), "entry 3");
/// assert_eq!(Position::Jacobian { row: 1, column: 2 }.to_string(), "J[1][2]");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// Entry `j` of a gradient: ∂f/∂xⱼ.
    Entry(usize),
    /// `J[row][column]` = ∂f_row/∂x_column.
    Jacobian {
        /// The output.
        row: usize,
        /// The input.
        column: usize,
    },
    /// `H[row][column]` = ∂²f/∂x_row∂x_column.
    Hessian {
        /// The gradient entry differentiated.
        row: usize,
        /// The input.
        column: usize,
    },
    /// vᵀ∇f along a random direction v.
    Directional,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Position::Entry(j) => write!(f, "entry {j}"),
            Position::Jacobian { row, column } => write!(f, "J[{row}][{column}]"),
            Position::Hessian { row, column } => write!(f, "H[{row}][{column}]"),
            Position::Directional => f.write_str("vᵀ∇f"),
        }
    }
}

/// One compared entry.
///
/// ```
/// use dualgrad::gradcheck::GradCheck;
/// let report = GradCheck::default()
///     .gradient(|x| x[0] * x[0], |x| vec![2.0 * x[0]], &[3.0])
///     .unwrap();
/// let e = &report.entries[0];
/// assert_eq!(e.computed, 6.0);
/// assert!(e.passed && e.abs_error <= e.tolerance);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntryReport {
    /// Which entry.
    pub position: Position,
    /// The value under test (from AD or a hand-written derivative).
    pub computed: f64,
    /// The finite-difference value.
    pub numeric: f64,
    /// |computed − numeric|.
    pub abs_error: f64,
    /// |computed − numeric| / max(|computed|, |numeric|), 0 when both are 0.
    pub rel_error: f64,
    /// The difference scheme's own estimate of its error.
    pub error_estimate: f64,
    /// The step h the difference used.
    pub step: f64,
    /// The tolerance applied to `abs_error` (see [`Report::rule`]).
    pub tolerance: f64,
    /// `abs_error <= tolerance`.
    pub passed: bool,
}

impl EntryReport {
    /// How far past its tolerance this entry is: abs_error / tolerance (∞
    /// for a nonzero error at zero tolerance). The worst entry has the
    /// largest.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| x[0], |_| vec![1.0], &[2.0]).unwrap();
    /// assert!(r.entries[0].severity() <= 1.0);
    /// ```
    #[must_use]
    pub fn severity(&self) -> f64 {
        if self.abs_error == 0.0 {
            0.0
        } else {
            self.abs_error / self.tolerance
        }
    }
}

/// The result of a check: every entry compared, the worst one, the scheme,
/// the tolerances, and the seed's relative error.
///
/// `Display` prints a compact table, worst entry first.
///
/// ```
/// use dualgrad::gradcheck::GradCheck;
/// let report = GradCheck::default()
///     .gradient(|x| x[0] * x[1], |x| vec![x[1], x[0]], &[3.0, 4.0])
///     .unwrap();
/// assert!(report.passed);
/// assert!(report.relative_error < 1e-9);
/// assert!(report.to_string().contains("worst"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// What was checked: "gradient", "Jacobian", "Hessian", "directional derivative".
    pub kind: &'static str,
    /// The difference scheme.
    pub scheme: Scheme,
    /// The relative tolerance.
    pub rtol: f64,
    /// The absolute tolerance.
    pub atol: f64,
    /// The factor k on the scheme's error estimate in the pass rule.
    pub estimate_factor: f64,
    /// Every entry, in input order.
    pub entries: Vec<EntryReport>,
    /// Index into `entries` of the worst entry (the largest
    /// [`severity`](EntryReport::severity)).
    pub worst: usize,
    /// ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂), the relative error of the seed's Remark
    /// (0 when both are zero).
    pub relative_error: f64,
    /// Every entry passed.
    pub passed: bool,
}

impl Report {
    /// The pass rule applied to each entry, in words.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| x[0], |_| vec![1.0], &[2.0]).unwrap();
    /// assert!(r.rule().starts_with("|g − g̃| ≤ max(rtol·max(|g|, |g̃|), atol, k·error estimate)"));
    /// ```
    #[must_use]
    pub fn rule(&self) -> String {
        format!(
            "|g − g̃| ≤ max(rtol·max(|g|, |g̃|), atol, k·error estimate) \
             with rtol = {:e}, atol = {:e}, k = {}",
            self.rtol, self.atol, self.estimate_factor
        )
    }

    /// The worst entry.
    ///
    /// # Panics
    ///
    /// If `entries` is empty, which no report returned by a check is (a
    /// report built by hand could be).
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, Position};
    /// let r = GradCheck::default().gradient(|x| x[0] + x[1], |_| vec![1.0, 1.0], &[2.0, 3.0]).unwrap();
    /// assert!(matches!(r.worst_entry().position, Position::Entry(_)));
    /// ```
    #[must_use]
    pub fn worst_entry(&self) -> &EntryReport {
        &self.entries[self.worst]
    }

    pub(crate) fn new(
        kind: &'static str,
        scheme: Scheme,
        (rtol, atol, estimate_factor): (f64, f64, f64),
        entries: Vec<EntryReport>,
    ) -> Self {
        let worst = entries
            .iter()
            .enumerate()
            .max_by(|(_, a), (_, b)| a.severity().total_cmp(&b.severity()))
            .map_or(0, |(i, _)| i);
        let norm =
            |values: &mut dyn Iterator<Item = f64>| values.map(|v| v * v).sum::<f64>().sqrt();
        let difference = norm(&mut entries.iter().map(|e| e.computed - e.numeric));
        let total = norm(&mut entries.iter().map(|e| e.computed))
            + norm(&mut entries.iter().map(|e| e.numeric));
        Report {
            kind,
            scheme,
            rtol,
            atol,
            estimate_factor,
            passed: entries.iter().all(|e| e.passed),
            worst,
            relative_error: if total == 0.0 {
                0.0
            } else {
                difference / total
            },
            entries,
        }
    }
}

/// Rows printed before "… n more".
const ROWS_SHOWN: usize = 10;

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.passed { "passed" } else { "FAILED" };
        writeln!(
            f,
            "{} check {verdict}: {} entries, {} differences, relative error ‖g − g̃‖/(‖g‖ + ‖g̃‖) = {:.2e}",
            self.kind,
            self.entries.len(),
            self.scheme.name(),
            self.relative_error
        )?;
        writeln!(f, "rule: {}", self.rule())?;
        writeln!(
            f,
            "{:<12} {:>24} {:>24} {:>10} {:>10} {:>10} {:>10}",
            "", "computed", "finite difference", "abs err", "rel err", "tolerance", "step"
        )?;
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by(|&a, &b| {
            self.entries[b]
                .severity()
                .total_cmp(&self.entries[a].severity())
        });
        for (shown, &i) in order.iter().enumerate() {
            if shown == ROWS_SHOWN {
                writeln!(f, "… {} more", order.len() - ROWS_SHOWN)?;
                break;
            }
            let e = &self.entries[i];
            let mark = if i == self.worst {
                "← worst"
            } else if e.passed {
                ""
            } else {
                "✗"
            };
            let row = format!(
                "{:<12} {:>24.16e} {:>24.16e} {:>10.2e} {:>10.2e} {:>10.2e} {:>10.2e}  {mark}",
                e.position.to_string(),
                e.computed,
                e.numeric,
                e.abs_error,
                e.rel_error,
                e.tolerance,
                e.step
            );
            writeln!(f, "{}", row.trim_end())?;
        }
        Ok(())
    }
}
