//! The report of a check: what was checked, every entry, the worst first.
//!
//! Only the compared numbers are stored; everything derived from them (the
//! errors, the verdicts, the worst entry, the overall relative error) is
//! computed when asked for, so no report can disagree with itself.

use core::fmt;

use super::Scheme;

/// What a check compared: a gradient, a Jacobian, a Hessian or a
/// directional derivative.
///
/// ```
/// use dualgrad::gradcheck::{CheckKind, GradCheck};
/// let report = GradCheck::default().gradient(|x| x[0] * x[0], |x| vec![2.0 * x[0]], &[3.0]).unwrap();
/// assert_eq!(report.kind(), CheckKind::Gradient);
/// assert_eq!(CheckKind::Jacobian.to_string(), "Jacobian");
/// assert_eq!(CheckKind::DirectionalDerivative.to_string(), "directional derivative");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum CheckKind {
    /// ∇f of a scalar function, entries [`Position::Entry`].
    #[cfg_attr(feature = "serde", serde(rename = "gradient"))]
    Gradient,
    /// The Jacobian `J[i][j]` = ∂fᵢ/∂xⱼ, entries [`Position::Jacobian`].
    #[cfg_attr(feature = "serde", serde(rename = "Jacobian"))]
    Jacobian,
    /// The Hessian as the Jacobian of the gradient, entries
    /// [`Position::Hessian`].
    #[cfg_attr(feature = "serde", serde(rename = "Hessian"))]
    Hessian,
    /// vᵀ∇f along one random direction v, entry [`Position::Directional`].
    #[cfg_attr(feature = "serde", serde(rename = "directional derivative"))]
    DirectionalDerivative,
}

impl CheckKind {
    /// The name used in reports and error messages: "gradient", "Jacobian",
    /// "Hessian", "directional derivative".
    ///
    /// ```
    /// use dualgrad::gradcheck::CheckKind;
    /// assert_eq!(CheckKind::Hessian.name(), "Hessian");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Gradient => "gradient",
            CheckKind::Jacobian => "Jacobian",
            CheckKind::Hessian => "Hessian",
            CheckKind::DirectionalDerivative => "directional derivative",
        }
    }
}

impl fmt::Display for CheckKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where an entry sits: `entry 3` of a gradient, `J[1][2]` of a Jacobian,
/// `H[0][1]` of a Hessian, or the single number of a directional check.
///
/// ```
/// use dualgrad::gradcheck::Position;
/// assert_eq!(Position::Entry(3).to_string(), "entry 3");
/// assert_eq!(Position::Jacobian { row: 1, column: 2 }.to_string(), "J[1][2]");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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

/// One compared entry: the value under test g, its finite difference g̃,
/// and the tolerance that applied. The errors and the verdict are computed
/// from these.
///
/// ```
/// use dualgrad::gradcheck::{GradCheck, Position};
/// let report = GradCheck::default()
///     .gradient(|x| x[0] * x[0], |x| vec![2.0 * x[0]], &[3.0])
///     .unwrap();
/// let e = &report.entries()[0];
/// assert_eq!((e.position(), e.computed()), (Position::Entry(0), 6.0));
/// assert!(e.passed() && e.absolute_error() <= e.tolerance());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EntryReport {
    position: Position,
    computed: f64,
    numeric: f64,
    error_estimate: f64,
    step: f64,
    tolerance: f64,
}

impl EntryReport {
    pub(crate) fn new(
        position: Position,
        computed: f64,
        numeric: f64,
        error_estimate: f64,
        step: f64,
        tolerance: f64,
    ) -> Self {
        EntryReport {
            position,
            computed,
            numeric,
            error_estimate,
            step,
            tolerance,
        }
    }

    /// Which entry.
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, Position};
    /// let r = GradCheck::default().gradient(|x| x[0] + x[1], |_| [1.0, 1.0], &[0.0, 0.0]).unwrap();
    /// assert_eq!(r.entries()[1].position(), Position::Entry(1));
    /// ```
    #[must_use]
    pub fn position(&self) -> Position {
        self.position
    }

    /// g: the value under test (from AD or a hand-written derivative).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| 3.0 * x[0], |_| [3.0], &[1.0]).unwrap();
    /// assert_eq!(r.entries()[0].computed(), 3.0);
    /// ```
    #[must_use]
    pub fn computed(&self) -> f64 {
        self.computed
    }

    /// g̃: the finite-difference value.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| 3.0 * x[0], |_| [3.0], &[1.0]).unwrap();
    /// assert!((r.entries()[0].numeric() - 3.0).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn numeric(&self) -> f64 {
        self.numeric
    }

    /// The difference scheme's own estimate of the error of g̃ (truncation
    /// plus rounding).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| x[0].exp(), |x| [x[0].exp()], &[1.0]).unwrap();
    /// let e = &r.entries()[0];
    /// assert!(e.error_estimate() > 0.0 && e.error_estimate() < 1e-8);
    /// ```
    #[must_use]
    pub fn error_estimate(&self) -> f64 {
        self.error_estimate
    }

    /// The step h the difference used.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().step(0.5).gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert_eq!(r.entries()[0].step(), 0.5);
    /// ```
    #[must_use]
    pub fn step(&self) -> f64 {
        self.step
    }

    /// The tolerance applied to the absolute error:
    /// max(rtol·max(|g|, |g̃|), atol, k·error estimate) (see [`Report::rule`]).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().atol(0.5).gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert_eq!(r.entries()[0].tolerance(), 0.5);
    /// ```
    #[must_use]
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }

    /// |g − g̃|.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().atol(1.0).gradient(|x| x[0], |_| [1.25], &[1.0]).unwrap();
    /// assert!((r.entries()[0].absolute_error() - 0.25).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn absolute_error(&self) -> f64 {
        (self.computed - self.numeric).abs()
    }

    /// |g − g̃| / max(|g|, |g̃|), and 0 when both are 0.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().atol(1.0).gradient(|x| x[0], |_| [1.25], &[1.0]).unwrap();
    /// assert!((r.entries()[0].relative_error() - 0.2).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn relative_error(&self) -> f64 {
        let magnitude = self.computed.abs().max(self.numeric.abs());
        if magnitude == 0.0 {
            0.0
        } else {
            self.absolute_error() / magnitude
        }
    }

    /// |g − g̃| ≤ tolerance (false when either is NaN).
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, GradCheckError};
    /// let Err(GradCheckError::Mismatch(r)) =
    ///     GradCheck::default().gradient(|x| x[0] + x[1], |_| [1.0, 2.0], &[0.0, 0.0])
    /// else { panic!("a wrong gradient passed") };
    /// assert!(r.entries()[0].passed() && !r.entries()[1].passed());
    /// ```
    #[must_use]
    pub fn passed(&self) -> bool {
        self.absolute_error() <= self.tolerance
    }

    /// How far past its tolerance this entry is: |g − g̃| / tolerance (0 for
    /// an exact match, ∞ for a nonzero error at zero tolerance). Above 1
    /// means failed; the worst entry has the largest.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// // |g − g̃| = 0.25 against a tolerance of 0.5.
    /// let r = GradCheck::default().atol(0.5).gradient(|x| x[0], |_| [1.25], &[2.0]).unwrap();
    /// assert!((r.entries()[0].severity() - 0.5).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn severity(&self) -> f64 {
        let error = self.absolute_error();
        if error == 0.0 {
            0.0
        } else {
            error / self.tolerance
        }
    }
}

/// The result of a check: what was checked, with which scheme and
/// tolerances, and every entry compared. The verdict, the worst entry and
/// the overall relative error are computed from the entries.
///
/// `Display` prints a compact table, worst entry first.
///
/// ```
/// use dualgrad::gradcheck::{CheckKind, GradCheck};
/// let report = GradCheck::default()
///     .gradient(|x| x[0] * x[1], |x| vec![x[1], x[0]], &[3.0, 4.0])
///     .unwrap();
/// assert_eq!(report.kind(), CheckKind::Gradient);
/// assert!(report.passed());
/// assert!(report.relative_error() < 1e-9);
/// assert!(report.to_string().contains("worst"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Report {
    kind: CheckKind,
    scheme: Scheme,
    rtol: f64,
    atol: f64,
    estimate_factor: f64,
    entries: Vec<EntryReport>,
}

impl Report {
    pub(crate) fn new(
        kind: CheckKind,
        scheme: Scheme,
        (rtol, atol, estimate_factor): (f64, f64, f64),
        entries: Vec<EntryReport>,
    ) -> Self {
        Report {
            kind,
            scheme,
            rtol,
            atol,
            estimate_factor,
            entries,
        }
    }

    /// What was checked.
    ///
    /// ```
    /// use dualgrad::gradcheck::{CheckKind, GradCheck};
    /// let r = GradCheck::default().jacobian(|x| [x[0]], |_| [[1.0]], &[1.0]).unwrap();
    /// assert_eq!(r.kind(), CheckKind::Jacobian);
    /// ```
    #[must_use]
    pub fn kind(&self) -> CheckKind {
        self.kind
    }

    /// The difference scheme.
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, Scheme};
    /// let r = GradCheck::default().scheme(Scheme::FivePoint).gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert_eq!(r.scheme(), Scheme::FivePoint);
    /// ```
    #[must_use]
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The relative tolerance rtol of the pass rule.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().rtol(1e-4).gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert_eq!(r.rtol(), 1e-4);
    /// ```
    #[must_use]
    pub fn rtol(&self) -> f64 {
        self.rtol
    }

    /// The absolute tolerance atol of the pass rule.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().atol(1e-9).gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert_eq!(r.atol(), 1e-9);
    /// ```
    #[must_use]
    pub fn atol(&self) -> f64 {
        self.atol
    }

    /// The factor k on the scheme's error estimate in the pass rule.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert_eq!(r.estimate_factor(), 4.0);
    /// ```
    #[must_use]
    pub fn estimate_factor(&self) -> f64 {
        self.estimate_factor
    }

    /// Every entry, in input order (row by row for a Jacobian or Hessian).
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, Position};
    /// let r = GradCheck::default().jacobian(|x| [x[0], x[1]], |_| [[1.0, 0.0], [0.0, 1.0]], &[1.0, 2.0]).unwrap();
    /// assert_eq!(r.entries().len(), 4);
    /// assert_eq!(r.entries()[2].position(), Position::Jacobian { row: 1, column: 0 });
    /// ```
    #[must_use]
    pub fn entries(&self) -> &[EntryReport] {
        &self.entries
    }

    /// Every entry passed (true for a report without entries, which no
    /// check returns: an empty input is [`GradCheckError::EmptyInput`](super::GradCheckError::EmptyInput)).
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().gradient(|x| x[0], |_| [1.0], &[1.0]).unwrap();
    /// assert!(r.passed());
    /// ```
    #[must_use]
    pub fn passed(&self) -> bool {
        self.entries.iter().all(EntryReport::passed)
    }

    /// The worst entry: the one with the largest
    /// [`severity`](EntryReport::severity), the first of equals. `None`
    /// only for a report without entries, which no check returns.
    ///
    /// ```
    /// use dualgrad::gradcheck::{GradCheck, GradCheckError, Position};
    /// let Err(GradCheckError::Mismatch(r)) =
    ///     GradCheck::default().gradient(|x| x[0] + x[1], |_| [1.0, 2.0], &[2.0, 3.0])
    /// else { panic!("a wrong gradient passed") };
    /// assert_eq!(r.worst_entry().map(|e| e.position()), Some(Position::Entry(1)));
    /// ```
    #[must_use]
    pub fn worst_entry(&self) -> Option<&EntryReport> {
        self.worst_first().first().map(|&i| &self.entries[i])
    }

    /// ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂) over all entries (0 when both norms are
    /// 0): the single-number summary recommended for gradient checks, e.g.
    /// in *Mathematics for Machine Learning* §5.2.
    ///
    /// ```
    /// use dualgrad::gradcheck::GradCheck;
    /// let r = GradCheck::default().atol(1.0).gradient(|x| x[0], |_| [1.5], &[1.0]).unwrap();
    /// assert!((r.relative_error() - 0.2).abs() < 1e-9); // 0.5 / (1.5 + 1)
    /// ```
    #[must_use]
    pub fn relative_error(&self) -> f64 {
        let norm = |values: &mut dyn Iterator<Item = f64>| -> f64 {
            values.map(|v| v * v).sum::<f64>().sqrt()
        };
        let difference = norm(&mut self.entries.iter().map(|e| e.computed - e.numeric));
        let total = norm(&mut self.entries.iter().map(|e| e.computed))
            + norm(&mut self.entries.iter().map(|e| e.numeric));
        if total == 0.0 {
            0.0
        } else {
            difference / total
        }
    }

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

    /// Entry indices, worst first: by falling [`rank`], the first of
    /// equals first.
    fn worst_first(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        // A stable sort keeps equals in input order.
        order.sort_by(|&a, &b| rank(&self.entries[b]).total_cmp(&rank(&self.entries[a])));
        order
    }
}

/// How bad an entry is, for ordering: its severity, with NaN (a NaN
/// tolerance) counted as the worst.
fn rank(entry: &EntryReport) -> f64 {
    let severity = entry.severity();
    if severity.is_nan() {
        f64::INFINITY
    } else {
        severity
    }
}

/// Rows printed before "… n more".
const ROWS_SHOWN: usize = 10;

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.passed() { "passed" } else { "FAILED" };
        writeln!(
            f,
            "{} check {verdict}: {} {}, {} differences, relative error ‖g − g̃‖/(‖g‖ + ‖g̃‖) = {:.2e}",
            self.kind,
            self.entries.len(),
            if self.entries.len() == 1 {
                "entry"
            } else {
                "entries"
            },
            self.scheme,
            self.relative_error()
        )?;
        writeln!(f, "rule: {}", self.rule())?;
        writeln!(
            f,
            "{:<12} {:>24} {:>24} {:>10} {:>10} {:>10} {:>10}",
            "", "computed", "finite difference", "abs err", "rel err", "tolerance", "step"
        )?;
        let order = self.worst_first();
        let worst = order.first().copied();
        for (shown, &i) in order.iter().enumerate() {
            if shown == ROWS_SHOWN {
                writeln!(f, "… {} more", order.len() - ROWS_SHOWN)?;
                break;
            }
            let e = &self.entries[i];
            let mark = if Some(i) == worst {
                "← worst"
            } else if e.passed() {
                ""
            } else {
                "✗"
            };
            let row = format!(
                "{:<12} {:>24.16e} {:>24.16e} {:>10.2e} {:>10.2e} {:>10.2e} {:>10.2e}  {mark}",
                e.position.to_string(),
                e.computed,
                e.numeric,
                e.absolute_error(),
                e.relative_error(),
                e.tolerance,
                e.step
            );
            writeln!(f, "{}", row.trim_end())?;
        }
        Ok(())
    }
}
