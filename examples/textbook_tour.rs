//! The worked examples of *Mathematics for Machine Learning* §5.2
//! (Deisenroth, Faisal and Ong, 2020), computed by `dualgrad` and set beside their closed forms, then
//! checked as the section's closing Remark suggests: against finite
//! differences built from the definition of the partial derivative (5.39).
//!
//! Run it with `cargo run --release --example textbook_tour`. It exits with status 1
//! if `dualgrad` and a closed form disagree by more than 1e-12 (relative).

use std::array;
use std::process::exit;

use dualgrad::{derivative, gradient, jacobian};
use num_traits::Float;

/// How far `dualgrad` may stray from a closed form: rounding only.
const EXACT: f64 = 1e-12;
/// The step of the Remark's finite-difference check.
const H: f64 = 1e-4;
/// A forward difference has an O(h) truncation error, so with h = 1e-4 a right
/// gradient lands near 1e-5 relative error; a wrong one is off by O(1).
const FINITE_DIFFERENCE_OK: f64 = 1e-3;

// The book's functions, each written once for any `Float`: f64 for the
// closed forms and the finite differences, `Dual` for `dualgrad`.

/// Example 5.6: f(x, y) = (x + 2y³)².
fn example_5_6<S: Float>(v: &[S]) -> S {
    (v[0] + two::<S>() * v[1].powi(3)).powi(2)
}

/// Example 5.7: f(x₁, x₂) = x₁²x₂ + x₁x₂³.
fn example_5_7<S: Float>(x: &[S]) -> S {
    x[0] * x[0] * x[1] + x[0] * x[1].powi(3)
}

/// The outer function of Example 5.8 and of (5.51–5.53): f(x₁, x₂) = x₁² + 2x₂.
fn outer<S: Float>(x: &[S]) -> S {
    x[0].powi(2) + two::<S>() * x[1]
}

/// Example 5.8: f(x₁(t), x₂(t)) with x₁ = sin t, x₂ = cos t.
fn example_5_8<S: Float>(t: S) -> S {
    outer(&[t.sin(), t.cos()])
}

/// (5.51–5.53): the inner map x(s, t) = (s sin t, s cos t), Example 5.8's
/// curve stretched by s.
fn inner<S: Float>(p: &[S]) -> [S; 2] {
    let (s, t) = (p[0], p[1]);
    [s * t.sin(), s * t.cos()]
}

/// (5.51–5.53): f(x₁(s, t), x₂(s, t)).
fn composed<S: Float>(p: &[S]) -> S {
    outer(&inner(p))
}

/// The constant 2 in any `Float`.
fn two<S: Float>() -> S {
    S::one() + S::one()
}

/// One worked example: what `dualgrad` computed, what the closed form says,
/// and what the definition (5.39) approximates.
struct Case {
    title: &'static str,
    function: &'static str,
    point: String,
    call: &'static str,
    /// Each partial's name and closed-form formula, as printed.
    partials: &'static [(&'static str, &'static str)],
    dualgrad: Vec<f64>,
    closed_form: Vec<f64>,
    finite_difference: Vec<f64>,
}

fn main() {
    let cases = [
        case_5_6(1.0, 2.0),
        case_5_7(1.0, 2.0),
        case_5_8(1.0),
        case_inner_jacobian(2.0, 1.0),
        case_chain_rule(2.0, 1.0),
        case_chain_rule_as_product(2.0, 1.0),
    ];
    cases.iter().for_each(print_case);
    print_remark(&cases);

    let failures = failures(&cases);
    if !failures.is_empty() {
        for failure in &failures {
            eprintln!("error: {failure}");
        }
        exit(1);
    }
    println!(
        "\nAll {} cases agree with their closed forms (to {EXACT:e}) and with finite differences.",
        cases.len()
    );
}

fn case_5_6(x: f64, y: f64) -> Case {
    let u = x + 2.0 * y.powi(3);
    Case {
        title: "Example 5.6 (5.41–5.42)",
        function: "f(x, y) = (x + 2y³)²",
        point: format!("(x, y) = ({x}, {y})"),
        call: "gradient(example_5_6, [x, y])",
        partials: &[("∂f/∂x", "2(x + 2y³)"), ("∂f/∂y", "12(x + 2y³)y²")],
        dualgrad: gradient(example_5_6, [x, y]).to_vec(),
        closed_form: vec![2.0 * u, 12.0 * u * y * y],
        finite_difference: forward_difference(|v| [example_5_6(v)], [x, y]).concat(),
    }
}

fn case_5_7(x1: f64, x2: f64) -> Case {
    Case {
        title: "Example 5.7 (5.43–5.45)",
        function: "f(x₁, x₂) = x₁²x₂ + x₁x₂³",
        point: format!("(x₁, x₂) = ({x1}, {x2})"),
        call: "gradient(example_5_7, [x₁, x₂])",
        partials: &[("∂f/∂x₁", "2x₁x₂ + x₂³"), ("∂f/∂x₂", "x₁² + 3x₁x₂²")],
        dualgrad: gradient(example_5_7, [x1, x2]).to_vec(),
        closed_form: vec![2.0 * x1 * x2 + x2.powi(3), x1 * x1 + 3.0 * x1 * x2 * x2],
        finite_difference: forward_difference(|x| [example_5_7(x)], [x1, x2]).concat(),
    }
}

fn case_5_8(t: f64) -> Case {
    Case {
        title: "Example 5.8 (5.49–5.50)",
        function: "f = x₁² + 2x₂,  x₁ = sin t,  x₂ = cos t",
        point: format!("t = {t}"),
        call: "derivative(example_5_8, t)",
        partials: &[("df/dt", "2 sin t (cos t − 1)")],
        dualgrad: vec![derivative(example_5_8, t)],
        closed_form: vec![2.0 * t.sin() * (t.cos() - 1.0)],
        finite_difference: forward_difference(|t| [example_5_8(t[0])], [t]).concat(),
    }
}

fn case_inner_jacobian(s: f64, t: f64) -> Case {
    let (sin, cos) = t.sin_cos();
    Case {
        title: "Chain rule (5.53), the inner Jacobian",
        function: "x(s, t) = (s sin t, s cos t)",
        point: format!("(s, t) = ({s}, {t})"),
        call: "jacobian(inner, [s, t])",
        partials: &[
            ("∂x₁/∂s", "sin t"),
            ("∂x₁/∂t", "s cos t"),
            ("∂x₂/∂s", "cos t"),
            ("∂x₂/∂t", "−s sin t"),
        ],
        dualgrad: jacobian(inner, [s, t]).concat(),
        closed_form: vec![sin, s * cos, cos, -s * sin],
        finite_difference: forward_difference(inner, [s, t]).concat(),
    }
}

/// The closed form of df/d(s, t) for f = x₁² + 2x₂ = s² sin² t + 2s cos t.
fn chain_rule_closed_form(s: f64, t: f64) -> Vec<f64> {
    let (sin, cos) = t.sin_cos();
    vec![
        2.0 * s * sin * sin + 2.0 * cos,
        2.0 * s * sin * (s * cos - 1.0),
    ]
}

const CHAIN_RULE_PARTIALS: &[(&str, &str)] = &[
    ("∂f/∂s", "2s sin²t + 2 cos t"),
    ("∂f/∂t", "2s sin t (s cos t − 1)"),
];

fn case_chain_rule(s: f64, t: f64) -> Case {
    Case {
        title: "Chain rule (5.51–5.52), in one pass",
        function: "f = x₁² + 2x₂,  x₁ = s sin t,  x₂ = s cos t",
        point: format!("(s, t) = ({s}, {t})"),
        call: "gradient(composed, [s, t])",
        partials: CHAIN_RULE_PARTIALS,
        dualgrad: gradient(composed, [s, t]).to_vec(),
        closed_form: chain_rule_closed_form(s, t),
        finite_difference: forward_difference(|p| [composed(p)], [s, t]).concat(),
    }
}

/// (5.53): df/d(s, t) = ∂f/∂x · ∂x/∂(s, t), a 1×2 row times a 2×2 matrix.
fn case_chain_rule_as_product(s: f64, t: f64) -> Case {
    let df_dx = gradient(outer, inner(&[s, t]));
    let dx_dst = jacobian(inner, [s, t]);
    let product: [f64; 2] = array::from_fn(|j| (0..2).map(|k| df_dx[k] * dx_dst[k][j]).sum());
    Case {
        title: "Chain rule (5.53), as a matrix product",
        function: "df/d(s, t) = ∂f/∂x · ∂x/∂(s, t)",
        point: format!("(s, t) = ({s}, {t})"),
        call: "gradient(outer, inner(&[s, t])) × jacobian(inner, [s, t])",
        partials: CHAIN_RULE_PARTIALS,
        dualgrad: product.to_vec(),
        closed_form: chain_rule_closed_form(s, t),
        finite_difference: forward_difference(|p| [composed(p)], [s, t]).concat(),
    }
}

/// The definition (5.39) with a small fixed h: row i of the result is the
/// forward-difference gradient of output i.
fn forward_difference<const N: usize, const M: usize>(
    f: impl Fn(&[f64]) -> [f64; M],
    x: [f64; N],
) -> [[f64; N]; M] {
    let fx = f(&x);
    let stepped: [[f64; M]; N] = array::from_fn(|j| {
        let mut x = x;
        x[j] += H;
        f(&x)
    });
    array::from_fn(|i| array::from_fn(|j| (stepped[j][i] - fx[i]) / H))
}

/// The gradient-checking error ‖g − g̃‖ / (‖g‖ + ‖g̃‖), 0 when both vanish.
fn relative_error(g: &[f64], g_tilde: &[f64]) -> f64 {
    let difference = norm(g.iter().zip(g_tilde).map(|(a, b)| a - b));
    let scale = norm(g.iter().copied()) + norm(g_tilde.iter().copied());
    if scale == 0.0 {
        difference
    } else {
        difference / scale
    }
}

/// The Euclidean norm.
fn norm(v: impl Iterator<Item = f64>) -> f64 {
    v.map(|x| x * x).sum::<f64>().sqrt()
}

fn print_case(case: &Case) {
    println!("\n{}:  {}", case.title, case.function);
    println!("  at {},  dualgrad::{}", case.point, case.call);
    println!(
        "    {:<8}  {:<21}  {:<21} formula",
        "", "dualgrad", "closed form"
    );
    for (i, (name, formula)) in case.partials.iter().enumerate() {
        let (dualgrad, closed_form) = (number(case.dualgrad[i]), number(case.closed_form[i]));
        println!("    {name:<8} {dualgrad:<22} {closed_form:<22} {formula}");
    }
    println!(
        "    relative error {}",
        format_error(relative_error(&case.dualgrad, &case.closed_form))
    );
}

fn print_remark(cases: &[Case]) {
    println!("\nRemark: verifying each gradient with the definition (5.39),");
    println!("forward differences (f(x + h·eᵢ) − f(x))/h with h = {H:e}:");
    println!(
        "    {:<40} {:<8}  {:<21}  {:<21} ‖g − g̃‖/(‖g‖ + ‖g̃‖)",
        "", "", "dualgrad", "finite difference"
    );
    for case in cases {
        let error = relative_error(&case.dualgrad, &case.finite_difference);
        for (i, (name, _)) in case.partials.iter().enumerate() {
            let (title, error) = match i {
                0 => (case.title, format_error(error)),
                _ => ("", String::new()),
            };
            let line = format!(
                "    {title:<40} {name:<8} {:<22} {:<22} {error}",
                number(case.dualgrad[i]),
                number(case.finite_difference[i]),
            );
            println!("{}", line.trim_end());
        }
    }
    println!("  Errors of order h are the truncation error of a forward difference;");
    println!("  a wrong gradient would be off by order 1. The gradients are right.");
}

/// A number in full (shortest round-trip) precision, with a sign column so
/// that positive and negative entries line up.
fn number(x: f64) -> String {
    if x.is_sign_negative() {
        x.to_string()
    } else {
        format!(" {x}")
    }
}

fn format_error(error: f64) -> String {
    if error == 0.0 {
        "0".to_string()
    } else {
        format!("{error:.1e}")
    }
}

/// Every disagreement: `dualgrad` against a closed form beyond rounding, or
/// against finite differences beyond their truncation error.
fn failures(cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let error = relative_error(&case.dualgrad, &case.closed_form);
        if error.is_nan() || error > EXACT {
            failures.push(format!(
                "{}: dualgrad {:?} and the closed form {:?} differ by {error:.1e} relative (allowed {EXACT:e})",
                case.title, case.dualgrad, case.closed_form
            ));
        }
        let error = relative_error(&case.dualgrad, &case.finite_difference);
        if error.is_nan() || error > FINITE_DIFFERENCE_OK {
            failures.push(format!(
                "{}: dualgrad {:?} and forward differences {:?} differ by {error:.1e} relative (allowed {FINITE_DIFFERENCE_OK:e})",
                case.title, case.dualgrad, case.finite_difference
            ));
        }
    }
    failures
}
