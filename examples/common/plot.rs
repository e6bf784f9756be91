//! A small chart builder over plotters' SVG backend: linear or logarithmic
//! axes, lines, dashed lines, points, and markers, a legend.
//!
//! Built without plotters' `ttf` feature: the SVG backend writes text as
//! `<text>` elements for the viewer's own sans-serif font, so no system font
//! is read; label widths are plotters' estimate, hence the generous margins.

use std::error::Error;
use std::ops::Range;
use std::path::Path;

use plotters::chart::SeriesAnno;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;

/// Colours that stay apart from each other (the Tableau 10 set).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

/// For reference lines and legend-only entries.
pub const GREY: RGBColor = RGBColor(110, 110, 110);

/// A colour ramp from dark blue (t = 0) through teal to yellow (t = 1), in
/// the manner of viridis, for ordered things like contour levels.
pub fn ramp(t: f64) -> RGBColor {
    const STOPS: [(f64, f64, f64); 4] = [
        (68.0, 1.0, 84.0),
        (49.0, 104.0, 142.0),
        (53.0, 183.0, 121.0),
        (253.0, 231.0, 37.0),
    ];
    let t = t.clamp(0.0, 1.0) * (STOPS.len() - 1) as f64;
    let i = (t.floor() as usize).min(STOPS.len() - 2);
    let (a, b, s) = (STOPS[i], STOPS[i + 1], t - i as f64);
    let mix = |u: f64, v: f64| (u + (v - u) * s).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

#[derive(Clone, Copy, PartialEq)]
enum Scale {
    Linear,
    Log,
}

/// One axis: its label, its range in data units, linear or logarithmic,
/// and which way it runs.
#[derive(Clone)]
pub struct Axis {
    label: String,
    low: f64,
    high: f64,
    scale: Scale,
    /// A vertical axis drawn top-down: `low` at the top.
    downward: bool,
}

impl Axis {
    /// A linear axis from `low` to `high`.
    pub fn linear(label: &str, low: f64, high: f64) -> Self {
        Axis {
            label: label.into(),
            low,
            high,
            scale: Scale::Linear,
            downward: false,
        }
    }

    /// A logarithmic axis from `low` to `high` (both > 0), ticked by decades.
    pub fn log(label: &str, low: f64, high: f64) -> Self {
        Axis {
            label: label.into(),
            low,
            high,
            scale: Scale::Log,
            downward: false,
        }
    }

    /// The same axis drawn the other way round: as a y axis, `low` at the
    /// top, as the rows of a matrix are.
    pub fn downward(mut self) -> Self {
        self.downward = true;
        self
    }

    /// Where `v` sits on the drawn (linear) scale; None where a log axis
    /// cannot show it (v ≤ 0, NaN).
    fn place(&self, v: f64) -> Option<f64> {
        let placed = match self.scale {
            Scale::Linear => v,
            Scale::Log if v > 0.0 => v.log10(),
            Scale::Log => return None,
        };
        placed.is_finite().then_some(placed)
    }

    fn range(&self) -> (f64, f64) {
        match self.scale {
            Scale::Linear => (self.low, self.high),
            Scale::Log => (self.low.log10(), self.high.log10()),
        }
    }

    /// The labelled ticks: round numbers, or whole decades (every second or
    /// third one when there are many).
    fn ticks(&self) -> Vec<f64> {
        let (low, high) = self.range();
        let step = match self.scale {
            Scale::Linear => nice_step((high - low) / 6.0),
            Scale::Log => ((high - low) / 8.0).ceil().max(1.0),
        };
        let first = (low / step).ceil() as i64;
        let last = (high / step).floor() as i64;
        (first..=last).map(|k| k as f64 * step).collect()
    }

    /// The light grid: fifths of a linear step, 2…9 within each decade (or
    /// every decade on a long log axis).
    fn light_ticks(&self) -> Vec<f64> {
        let (low, high) = self.range();
        let inside = |v: &f64| *v >= low && *v <= high;
        match self.scale {
            Scale::Linear => {
                let step = nice_step((high - low) / 6.0) / 5.0;
                let first = (low / step).ceil() as i64;
                let last = (high / step).floor() as i64;
                (first..=last).map(|k| k as f64 * step).collect()
            }
            Scale::Log if high - low > 7.0 => (low.floor() as i64..=high.ceil() as i64)
                .map(|k| k as f64)
                .filter(inside)
                .collect(),
            Scale::Log => (low.floor() as i64..=high.ceil() as i64)
                .flat_map(|k| (1..10).map(move |m| k as f64 + f64::from(m).log10()))
                .filter(inside)
                .collect(),
        }
    }

    fn coordinates(&self) -> Ticked {
        let (low, high) = self.range();
        Ticked {
            low,
            high,
            downward: self.downward,
            ticks: self.ticks(),
            light: self.light_ticks(),
        }
    }

    fn format(&self, v: f64) -> String {
        match self.scale {
            Scale::Log => match v.round() as i32 {
                0 => "1".into(),
                1 => "10".into(),
                k => format!("1e{k}"),
            },
            Scale::Linear => {
                let step = nice_step((self.high - self.low) / 6.0);
                let decimals = (-step.log10().floor()).max(0.0) as usize;
                let text = format!("{v:.decimals$}");
                if text.trim_start_matches(['-', '0', '.']).is_empty() {
                    "0".into()
                } else {
                    text
                }
            }
        }
    }
}

/// A plotters coordinate with the ticks chosen above. (plotters' own
/// `with_key_points` loses the default label formatting of `f64` ranges, so
/// the mesh could not be configured on it.)
struct Ticked {
    low: f64,
    high: f64,
    downward: bool,
    ticks: Vec<f64>,
    light: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, (start, end): (i32, i32)) -> i32 {
        let t = (value - self.low) / (self.high - self.low);
        let t = if self.downward { 1.0 - t } else { t };
        start + (t * f64::from(end - start)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            self.light.clone()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.low..self.high
    }
}

/// 1, 2 or 5 times a power of ten, at least `rough`.
fn nice_step(rough: f64) -> f64 {
    let decade = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * decade)
        .find(|step| *step >= rough * 0.999)
        .unwrap_or(10.0 * decade)
}

#[derive(Clone, Copy)]
enum Style {
    Line(u32),
    Dashed,
    Points(u32),
    /// Hollow circles, to mark a few special points.
    Markers,
}

struct Series {
    label: String,
    color: RGBColor,
    style: Style,
    points: Vec<(f64, f64)>,
}

/// Where the legend goes.
#[derive(Clone, Copy)]
pub enum Corner {
    UpperLeft,
    UpperRight,
    LowerLeft,
    LowerRight,
}

/// One panel: a title, two axes, the series drawn on them.
pub struct Chart {
    title: String,
    x: Axis,
    y: Axis,
    series: Vec<Series>,
    legend: Corner,
}

impl Chart {
    /// An empty chart.
    pub fn new(title: &str, x: Axis, y: Axis) -> Self {
        Chart {
            title: title.into(),
            x,
            y,
            series: Vec::new(),
            legend: Corner::UpperRight,
        }
    }

    /// Puts the legend in another corner.
    pub fn legend(mut self, corner: Corner) -> Self {
        self.legend = corner;
        self
    }

    fn add(
        mut self,
        label: &str,
        color: RGBColor,
        style: Style,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Self {
        self.series.push(Series {
            label: label.into(),
            color,
            style,
            points: points.into_iter().collect(),
        });
        self
    }

    /// A solid line; an empty label leaves it out of the legend. Points a
    /// log axis cannot show break the line.
    pub fn line(
        self,
        label: &str,
        color: RGBColor,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Self {
        self.add(label, color, Style::Line(2), points)
    }

    /// A thin solid line.
    pub fn thin_line(
        self,
        label: &str,
        color: RGBColor,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Self {
        self.add(label, color, Style::Line(1), points)
    }

    /// A dashed line.
    pub fn dashed(
        self,
        label: &str,
        color: RGBColor,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Self {
        self.add(label, color, Style::Dashed, points)
    }

    /// Filled dots of radius `size` pixels.
    pub fn points(
        self,
        label: &str,
        color: RGBColor,
        size: u32,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Self {
        self.add(label, color, Style::Points(size), points)
    }

    /// Large hollow circles around a few points.
    pub fn markers(
        self,
        label: &str,
        color: RGBColor,
        points: impl IntoIterator<Item = (f64, f64)>,
    ) -> Self {
        self.add(label, color, Style::Markers, points)
    }

    fn draw(&self, area: &DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), Box<dyn Error>> {
        let ((x0, x1), (y0, y1)) = (self.x.range(), self.y.range());
        let mut chart = ChartBuilder::on(area)
            .caption(&self.title, ("sans-serif", 17))
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(68)
            .build_cartesian_2d(self.x.coordinates(), self.y.coordinates())?;
        chart
            .configure_mesh()
            .x_desc(self.x.label.as_str())
            .y_desc(self.y.label.as_str())
            .x_label_formatter(&|v| self.x.format(*v))
            .y_label_formatter(&|v| self.y.format(*v))
            .label_style(("sans-serif", 12))
            .axis_desc_style(("sans-serif", 14))
            .light_line_style(RGBColor(235, 235, 235))
            .bold_line_style(RGBColor(205, 205, 205))
            .draw()?;

        // Data units to drawn units; lines break where a point cannot be shown.
        let clamp = |v: f64, (low, high): (f64, f64)| v.clamp(low.min(high), low.max(high));
        for series in &self.series {
            let placed: Vec<Option<(f64, f64)>> = series
                .points
                .iter()
                .map(|&(x, y)| {
                    let (x, y) = (self.x.place(x)?, self.y.place(y)?);
                    Some((clamp(x, (x0, x1)), clamp(y, (y0, y1))))
                })
                .collect();
            let (color, style) = (series.color, series.style);
            // Only the first piece drawn carries the legend entry.
            let mut in_legend = series.label.is_empty();
            let mut label = |annotation: &mut SeriesAnno<'_, SVGBackend<'_>>| {
                if !in_legend {
                    add_to_legend(annotation, &series.label, style, color);
                    in_legend = true;
                }
            };
            match style {
                Style::Line(_) | Style::Dashed => {
                    let width = if let Style::Line(width) = style {
                        width
                    } else {
                        2
                    };
                    let stroke = color.stroke_width(width);
                    for run in placed.split(Option::is_none) {
                        // Points that land on the same pixel add bytes, not ink.
                        let mut run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
                        run.dedup_by_key(|p| chart.backend_coord(p));
                        if run.len() < 2 {
                            continue;
                        }
                        if let Style::Dashed = style {
                            label(chart.draw_series(DashedLineSeries::new(run, 8, 5, stroke))?);
                        } else {
                            label(chart.draw_series(LineSeries::new(run, stroke))?);
                        }
                    }
                }
                Style::Points(size) => label(
                    chart.draw_series(
                        placed
                            .iter()
                            .flatten()
                            .map(|&p| Circle::new(p, size, color.filled())),
                    )?,
                ),
                Style::Markers => label(
                    chart.draw_series(
                        placed
                            .iter()
                            .flatten()
                            .map(|&p| Circle::new(p, 7, color.stroke_width(2))),
                    )?,
                ),
            }
        }
        if self.series.iter().any(|s| !s.label.is_empty()) {
            let position = match self.legend {
                Corner::UpperLeft => SeriesLabelPosition::UpperLeft,
                Corner::UpperRight => SeriesLabelPosition::UpperRight,
                Corner::LowerLeft => SeriesLabelPosition::LowerLeft,
                Corner::LowerRight => SeriesLabelPosition::LowerRight,
            };
            chart
                .configure_series_labels()
                .position(position)
                .label_font(("sans-serif", 12))
                .background_style(WHITE.mix(0.85))
                .border_style(RGBColor(160, 160, 160))
                .draw()?;
        }
        Ok(())
    }
}

/// Labels a drawn series and gives the legend a sample of its style.
fn add_to_legend(
    annotation: &mut SeriesAnno<'_, SVGBackend<'_>>,
    label: &str,
    style: Style,
    color: RGBColor,
) {
    let annotation = annotation.label(label);
    match style {
        Style::Points(size) => {
            annotation.legend(move |(x, y)| Circle::new((x + 10, y), size.max(3), color.filled()))
        }
        Style::Markers => {
            annotation.legend(move |(x, y)| Circle::new((x + 10, y), 6, color.stroke_width(2)))
        }
        _ => annotation.legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
        }),
    };
}

/// Draws `charts` into one SVG file, `columns` panels a row, each panel
/// `panel` = (width, height) pixels.
pub fn save_svg(
    path: &Path,
    panel: (u32, u32),
    columns: usize,
    charts: &[Chart],
) -> Result<(), Box<dyn Error>> {
    let columns = columns.clamp(1, charts.len().max(1));
    let rows = charts.len().div_ceil(columns).max(1);
    let size = (panel.0 * columns as u32, panel.1 * rows as u32);
    let root = SVGBackend::new(path, size).into_drawing_area();
    root.fill(&WHITE)?;
    for (area, chart) in root.split_evenly((rows, columns)).iter().zip(charts) {
        chart.draw(area)?;
    }
    root.present()?;
    Ok(())
}
