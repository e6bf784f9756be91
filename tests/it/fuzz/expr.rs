//! Random expression trees over the whole function set, evaluated on any
//! scalar type: `f64`, `Dual<f64, N>` and nested `Dual<Dual<f64, 1>, 1>`.
//!
//! Every operation is written once, generically ([`Unary::apply`],
//! [`Binary::apply`], [`Scalar::arith`], …), so the `f64` evaluation the
//! differences are taken of and the dual evaluations under test run the very
//! same code path. Operators are exercised in every ownership form (`a + b`,
//! `&a + &b`, `a += b`, …) and with a plain number on either side.
//!
//! Evaluation records a [`Trace`]: whether every intermediate is finite and
//! moderate, and the *branch signature* of the evaluation (which side of each
//! kink or jump every piecewise operation is on). Two points with the same
//! signature are joined by a smooth path as far as the guards can tell.

use std::fmt;
use std::iter::{Product, Sum};

use std::f64::consts::PI;

use dualgrad::{Dual, Dual2};
use num_traits::{Float, Inv, Signed};

/// The number of input variables x₀, x₁, x₂ of every expression.
pub const VARIABLES: usize = 3;

/// Intermediates larger than this make finite differences meaningless (and
/// are usually on the way to overflow): such samples are skipped.
pub const LIMIT: f64 = 1e6;

/// The second-order dual of the nested check.
pub type Nested = Dual<Dual<f64, 1>, 1>;

// --- The scalar types --------------------------------------------------------------

/// What an expression needs of a scalar type: `Float` and the other traits
/// `Dual` implements, every ownership form of the operators, and mixing with
/// plain numbers.
pub trait Scalar:
    Float
    + Signed
    + Inv<Output = Self>
    + Sum
    + Product
    + for<'a> Sum<&'a Self>
    + for<'a> Product<&'a Self>
    + fmt::Debug
{
    /// A constant.
    fn constant(c: f64) -> Self;
    /// The `f64` value (the innermost value of a nested dual).
    fn plain(&self) -> f64;
    /// The largest magnitude of the value and every partial, at every level
    /// (NaN if any is NaN).
    fn magnitude(&self) -> f64;
    /// Whether the value or any partial, at any level, is NaN.
    fn any_nan(&self) -> bool {
        self.magnitude().is_nan()
    }
    /// Whether the value or any partial, at any level, is ±∞.
    fn any_infinite(&self) -> bool;
    /// Whether any partial, at any level, is nonzero: the number depends on
    /// the inputs (to first or second order).
    fn moving(&self) -> bool {
        false
    }
    /// The first four partials (zeros for `f64`): on `Dual<f64, 4>` the
    /// slopes along x₀, x₁, x₂ and v, from which the steps are chosen.
    fn slopes(&self) -> [f64; 4] {
        [0.0; 4]
    }
    /// `self op rhs` in the given ownership form.
    fn arith(self, op: Arith, form: Form, rhs: Self) -> Self;
    /// `self op c` or `c op self` with a plain number `c`.
    fn with_scalar(self, op: Arith, side: Side, c: f64) -> Self;
}

/// `x op y` for an arithmetic operator.
macro_rules! apply {
    ($op:expr, $x:expr, $y:expr) => {
        match $op {
            Arith::Add => $x + $y,
            Arith::Sub => $x - $y,
            Arith::Mul => $x * $y,
            Arith::Div => $x / $y,
            Arith::Rem => $x % $y,
        }
    };
}

/// `out op= y` for an arithmetic operator; evaluates to `out`.
macro_rules! apply_assign {
    ($op:expr, $out:expr, $y:expr) => {{
        let mut out = $out;
        match $op {
            Arith::Add => out += $y,
            Arith::Sub => out -= $y,
            Arith::Mul => out *= $y,
            Arith::Div => out /= $y,
            Arith::Rem => out %= $y,
        }
        out
    }};
}

/// The body of [`Scalar::arith`], the same for every type.
macro_rules! arith_forms {
    ($a:ident, $op:ident, $form:ident, $b:ident) => {
        #[allow(clippy::op_ref)] // the by-reference forms are under test
        match $form {
            Form::Value => apply!($op, $a, $b),
            Form::RefRef => apply!($op, &$a, &$b),
            Form::RefValue => apply!($op, &$a, $b),
            Form::ValueRef => apply!($op, $a, &$b),
            Form::Assign => apply_assign!($op, $a, $b),
            Form::AssignRef => apply_assign!($op, $a, &$b),
        }
    };
}

/// The body of [`Scalar::with_scalar`]: `a op c` and `a op= c` with the
/// right operand `right`, and `left op a` with the left operand `left`.
macro_rules! scalar_forms {
    ($a:ident, $op:ident, $side:ident, right: $right:expr, left: $left:expr) => {
        match $side {
            Side::Right => apply!($op, $a, $right),
            Side::RightAssign => apply_assign!($op, $a, $right),
            Side::Left => apply!($op, $left, $a),
        }
    };
}

impl Scalar for f64 {
    fn constant(c: f64) -> Self {
        c
    }
    fn plain(&self) -> f64 {
        *self
    }
    fn magnitude(&self) -> f64 {
        self.abs()
    }
    fn any_infinite(&self) -> bool {
        self.is_infinite()
    }
    fn arith(self, op: Arith, form: Form, rhs: Self) -> Self {
        arith_forms!(self, op, form, rhs)
    }
    fn with_scalar(self, op: Arith, side: Side, c: f64) -> Self {
        scalar_forms!(self, op, side, right: c, left: c)
    }
}

impl<const N: usize> Scalar for Dual<f64, N> {
    fn constant(c: f64) -> Self {
        Dual::constant(c)
    }
    fn plain(&self) -> f64 {
        self.value()
    }
    fn magnitude(&self) -> f64 {
        self.partials()
            .iter()
            .fold(self.value().abs(), |m, p| larger(m, p.abs()))
    }
    fn any_infinite(&self) -> bool {
        self.value().is_infinite() || self.partials().iter().any(|p| p.is_infinite())
    }
    fn slopes(&self) -> [f64; 4] {
        std::array::from_fn(|k| if k < N { self.partials()[k] } else { 0.0 })
    }
    fn moving(&self) -> bool {
        self.partials().iter().any(|p| *p != 0.0)
    }
    fn arith(self, op: Arith, form: Form, rhs: Self) -> Self {
        arith_forms!(self, op, form, rhs)
    }
    fn with_scalar(self, op: Arith, side: Side, c: f64) -> Self {
        // `f64 op Dual<f64, N>`: the left-scalar impls.
        scalar_forms!(self, op, side, right: c, left: c)
    }
}

/// Second-order duals: [`Nested`] along one direction, and the Hessian
/// driver's `Dual<Dual<f64, N>, N>`.
impl<const N: usize> Scalar for Dual<Dual<f64, N>, N> {
    fn constant(c: f64) -> Self {
        Dual::constant(Dual::constant(c))
    }
    fn plain(&self) -> f64 {
        self.value().value()
    }
    fn magnitude(&self) -> f64 {
        self.partials()
            .iter()
            .fold(self.value().magnitude(), |m, p| larger(m, p.magnitude()))
    }
    fn any_infinite(&self) -> bool {
        self.value().any_infinite() || self.partials().iter().any(|p| p.any_infinite())
    }
    fn moving(&self) -> bool {
        self.value().moving()
            || self
                .partials()
                .iter()
                .any(|p| p.value() != 0.0 || p.moving())
    }
    fn arith(self, op: Arith, form: Form, rhs: Self) -> Self {
        arith_forms!(self, op, form, rhs)
    }
    fn with_scalar(self, op: Arith, side: Side, c: f64) -> Self {
        // `Dual<T, N> op T` with T = Dual<f64, N>; there is no `T op Dual`
        // for a dual T, so the left form lifts the constant.
        let right = Dual::<f64, N>::constant(c);
        scalar_forms!(self, op, side, right: right, left: <Self as Scalar>::constant(c))
    }
}

/// The second-order number of the Hessian driver: value, gradient and the
/// upper triangle of the Hessian.
impl<const N: usize> Scalar for Dual2<f64, N> {
    fn constant(c: f64) -> Self {
        Dual2::constant(c)
    }
    fn plain(&self) -> f64 {
        self.value()
    }
    fn magnitude(&self) -> f64 {
        let h = self.hessian();
        self.gradient()
            .iter()
            .chain(h.iter().flatten())
            .fold(self.value().abs(), |m, p| larger(m, p.abs()))
    }
    fn any_infinite(&self) -> bool {
        let h = self.hessian();
        self.value().is_infinite()
            || self
                .gradient()
                .iter()
                .chain(h.iter().flatten())
                .any(|p| p.is_infinite())
    }
    fn moving(&self) -> bool {
        !self.is_constant()
    }
    fn arith(self, op: Arith, form: Form, rhs: Self) -> Self {
        arith_forms!(self, op, form, rhs)
    }
    fn with_scalar(self, op: Arith, side: Side, c: f64) -> Self {
        // `f64 op Dual2<f64, N>`: the left-scalar impls.
        scalar_forms!(self, op, side, right: c, left: c)
    }
}

/// The larger of two magnitudes, NaN if either is (unlike `f64::max`, which
/// would hide a NaN partial).
fn larger(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

// --- The operations ----------------------------------------------------------------

/// The sign of x as −1, 0 or 1 (2 for NaN): which side of a kink at 0.
fn side(x: f64) -> i64 {
    if x > 0.0 {
        1
    } else if x < 0.0 {
        -1
    } else if x == 0.0 {
        0
    } else {
        2
    }
}

/// An integer-valued branch index (floor, quotient), saturating.
fn index(x: f64) -> i64 {
    if x.is_nan() { i64::MIN } else { x as i64 }
}

macro_rules! unary_ops {
    ($($variant:ident => $name:literal, |$a:ident| $apply:expr, |$p:ident| $branch:expr, $margin:expr;)+) => {
        /// Every one-argument function, including the trait forms
        /// `Signed::abs` and `Inv::inv` and both halves of `sin_cos`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Unary { $($variant),+ }

        impl Unary {
            /// Every variant.
            pub const ALL: &'static [Unary] = &[$(Unary::$variant),+];

            /// The name printed in expressions.
            pub fn name(self) -> &'static str {
                match self { $(Unary::$variant => $name),+ }
            }

            /// The function on any scalar type.
            pub fn apply<S: Scalar>(self, argument: S) -> S {
                match self { $(Unary::$variant => { let $a = argument; $apply }),+ }
            }

            /// The branch index of the argument's value (`None` where the
            /// function is smooth wherever it is finite).
            fn branch(self, value: f64) -> Option<i64> {
                match self { $(Unary::$variant => { let $p = value; $branch }),+ }
            }

            /// How far the argument may move before the function reaches a
            /// kink, a jump, a singularity or the edge of its domain (or, for
            /// periodic and exponential functions, changes on its natural
            /// scale): `None` for no limit.
            fn margin(self, value: f64) -> Option<f64> {
                match self { $(Unary::$variant => { let $p = value; $margin }),+ }
            }
        }
    };
}

unary_ops! {
    Neg => "neg", |a| -a, |_p| None, None;
    Floor => "floor", |a| a.floor(), |p| Some(index(p.floor())), Some(to_integer(p));
    Ceil => "ceil", |a| a.ceil(), |p| Some(index(p.floor())), Some(to_integer(p));
    Round => "round", |a| a.round(), |p| Some(index((p + 0.5).floor())), Some(to_integer(p + 0.5));
    Trunc => "trunc", |a| a.trunc(), |p| Some(index(p.floor())), Some(to_integer(p));
    Fract => "fract", |a| a.fract(), |p| Some(index(p.floor())), Some(to_integer(p));
    Abs => "abs", |a| a.abs(), |p| Some(side(p)), Some(p.abs());
    SignedAbs => "Signed::abs", |a| Signed::abs(&a), |p| Some(side(p)), Some(p.abs());
    Signum => "signum", |a| a.signum(), |p| Some(side(p)), Some(p.abs());
    SignedSignum => "Signed::signum", |a| Signed::signum(&a), |p| Some(side(p)), Some(p.abs());
    Recip => "recip", |a| a.recip(), |p| Some(side(p)), Some(p.abs());
    Inv => "Inv::inv", |a| a.inv(), |p| Some(side(p)), Some(p.abs());
    Sqrt => "sqrt", |a| a.sqrt(), |p| Some(side(p)), Some(p.abs());
    Cbrt => "cbrt", |a| a.cbrt(), |p| Some(side(p)), Some(p.abs());
    Exp => "exp", |a| a.exp(), |_p| None, Some(1.0);
    Exp2 => "exp2", |a| a.exp2(), |_p| None, Some(1.0);
    ExpM1 => "exp_m1", |a| a.exp_m1(), |_p| None, Some(1.0);
    Ln => "ln", |a| a.ln(), |p| Some(side(p)), Some(p.abs());
    Log2 => "log2", |a| a.log2(), |p| Some(side(p)), Some(p.abs());
    Log10 => "log10", |a| a.log10(), |p| Some(side(p)), Some(p.abs());
    Ln1p => "ln_1p", |a| a.ln_1p(), |p| Some(side(p + 1.0)), Some((p + 1.0).abs());
    Sin => "sin", |a| a.sin(), |_p| None, Some(1.0);
    Cos => "cos", |a| a.cos(), |_p| None, Some(1.0);
    SinCosSin => "sin_cos().0", |a| a.sin_cos().0, |_p| None, Some(1.0);
    SinCosCos => "sin_cos().1", |a| a.sin_cos().1, |_p| None, Some(1.0);
    Tan => "tan", |a| a.tan(), |p| Some(index((p / PI - 0.5).floor())), Some(to_pole_of_tan(p).min(1.0));
    Asin => "asin", |a| a.asin(), |_p| None, Some(1.0 - _p.abs());
    Acos => "acos", |a| a.acos(), |_p| None, Some(1.0 - _p.abs());
    Atan => "atan", |a| a.atan(), |_p| None, None;
    Sinh => "sinh", |a| a.sinh(), |_p| None, Some(1.0);
    Cosh => "cosh", |a| a.cosh(), |_p| None, Some(1.0);
    Tanh => "tanh", |a| a.tanh(), |_p| None, Some(1.0);
    Asinh => "asinh", |a| a.asinh(), |_p| None, None;
    Acosh => "acosh", |a| a.acosh(), |_p| None, Some(_p - 1.0);
    Atanh => "atanh", |a| a.atanh(), |_p| None, Some(1.0 - _p.abs());
    ToDegrees => "to_degrees", |a| a.to_degrees(), |_p| None, None;
    ToRadians => "to_radians", |a| a.to_radians(), |_p| None, None;
}

/// The distance from x to the nearest integer.
fn to_integer(x: f64) -> f64 {
    (x - x.round()).abs()
}

/// The distance from x to the nearest pole π/2 + kπ of tan.
fn to_pole_of_tan(x: f64) -> f64 {
    let k = (x / PI - 0.5).round();
    (x - (k + 0.5) * PI).abs()
}

/// The arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl Arith {
    pub const ALL: &'static [Arith] = &[Arith::Add, Arith::Sub, Arith::Mul, Arith::Div, Arith::Rem];

    pub fn symbol(self) -> &'static str {
        match self {
            Arith::Add => "+",
            Arith::Sub => "-",
            Arith::Mul => "*",
            Arith::Div => "/",
            Arith::Rem => "%",
        }
    }

    /// Branches and margins of `a op b`: the divisor's sign, and for `%`
    /// the quotient behind the remainder (it jumps where a/b crosses an
    /// integer, i.e. where the remainder reaches 0 or ±b).
    fn guard<S: Scalar>(self, a: &S, b: &S, trace: &mut Trace) {
        let (pa, pb) = (a.plain(), b.plain());
        if matches!(self, Arith::Div | Arith::Rem) {
            let db = a
                .slopes()
                .into_iter()
                .chain(b.slopes())
                .fold(0.0, |m, s| m.max(s.abs()));
            let da = a.slopes().into_iter().fold(0.0, |m: f64, s| m.max(s.abs()));
            let internal = pa.abs() * db * db / pb.abs().powi(3) + da * db / (pb * pb);
            if internal.is_finite() {
                trace.internal = trace.internal.max(internal);
            }
        }
        match self {
            Arith::Div => {
                trace.branch(side(pb));
                trace.constrain(b, pb.abs());
            }
            Arith::Rem => {
                let r = pa % pb;
                let q = ((pa - r) / pb).round();
                trace.branch(side(pb));
                trace.branch(index(q));
                trace.constrain(b, pb.abs());
                // r = a − q·b moves at da − q·db; the next jump is where it
                // reaches 0 or ±b.
                let (sa, sb) = (a.slopes(), b.slopes());
                let slopes = std::array::from_fn(|k| sa[k] - q * sb[k]);
                let magnitude = pa.abs().max(pb.abs());
                // (x % x is identically 0: no jump to cross. But a remainder
                // at a jump of moving operands, as x % (x/3), flips with the
                // rounding of a/b at nearby points.)
                let margin = r.abs().min(pb.abs() - r.abs());
                let at_jump = margin < 1e-5 * pb.abs() && pa.abs() != pb.abs();
                let moving =
                    (*a - *b * S::constant(q)).moving() || (at_jump && (a.moving() || b.moving()));
                trace.constrain_slopes(slopes, moving, margin, magnitude);
            }
            Arith::Add | Arith::Sub | Arith::Mul => {}
        }
    }
}

/// The ownership form of a binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Value,
    RefRef,
    RefValue,
    ValueRef,
    Assign,
    AssignRef,
}

impl Form {
    pub const ALL: &'static [Form] = &[
        Form::Value,
        Form::RefRef,
        Form::RefValue,
        Form::ValueRef,
        Form::Assign,
        Form::AssignRef,
    ];
}

/// Where the plain number goes in `x op c` / `c op x` / `x op= c`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Right,
    RightAssign,
    Left,
}

impl Side {
    pub const ALL: &'static [Side] = &[Side::Right, Side::RightAssign, Side::Left];
}

/// The two-argument functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Binary {
    Powf,
    Atan2,
    Hypot,
    Max,
    Min,
    Log,
    Copysign,
    AbsSub,
    SignedAbsSub,
}

impl Binary {
    pub const ALL: &'static [Binary] = &[
        Binary::Powf,
        Binary::Atan2,
        Binary::Hypot,
        Binary::Max,
        Binary::Min,
        Binary::Log,
        Binary::Copysign,
        Binary::AbsSub,
        Binary::SignedAbsSub,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Binary::Powf => "powf",
            Binary::Atan2 => "atan2",
            Binary::Hypot => "hypot",
            Binary::Max => "max",
            Binary::Min => "min",
            Binary::Log => "log",
            Binary::Copysign => "copysign",
            Binary::AbsSub => "abs_sub",
            Binary::SignedAbsSub => "Signed::abs_sub",
        }
    }

    #[allow(deprecated)] // `Float::abs_sub` is part of the surface under test
    pub fn apply<S: Scalar>(self, a: S, b: S) -> S {
        match self {
            Binary::Powf => a.powf(b),
            Binary::Atan2 => a.atan2(b),
            Binary::Hypot => a.hypot(b),
            Binary::Max => a.max(b),
            Binary::Min => a.min(b),
            Binary::Log => a.log(b),
            Binary::Copysign => a.copysign(b),
            Binary::AbsSub => Float::abs_sub(a, b),
            Binary::SignedAbsSub => Signed::abs_sub(&a, &b),
        }
    }

    /// Branches and margins of `f(a, b)`.
    fn guard<S: Scalar>(self, a: &S, b: &S, trace: &mut Trace) {
        let (pa, pb) = (a.plain(), b.plain());
        match self {
            // The base's sign, and the exponent on the scale of 1/|ln x|, as
            // for exp. xⁿ for x < 0 is real only at integer n, so there the
            // exponent must not move at all (∂/∂n is NaN, by design).
            Binary::Powf => {
                trace.branch(side(pa));
                trace.constrain(a, pa.abs());
                let exponent_scale = if pa < 0.0 {
                    0.0
                } else {
                    1.0 / pa.ln().abs().max(1e-300)
                };
                trace.constrain(b, exponent_scale);
            }
            // The branch cut on the negative x axis, and the origin.
            Binary::Atan2 => {
                trace.branch(side(pb));
                trace.branch(if pb < 0.0 { side(pa) } else { 3 });
                let r = pa.hypot(pb);
                trace.constrain(a, r);
                trace.constrain(b, r);
                if pb < 0.0 {
                    trace.constrain(a, pa.abs());
                }
            }
            Binary::Hypot => {
                trace.branch(side(pa));
                trace.branch(side(pb));
                let r = pa.hypot(pb);
                trace.constrain(a, r);
                trace.constrain(b, r);
            }
            Binary::Max | Binary::Min | Binary::AbsSub | Binary::SignedAbsSub => {
                trace.branch(side(pa - pb));
                let (sa, sb) = (a.slopes(), b.slopes());
                let slopes = std::array::from_fn(|k| sa[k] - sb[k]);
                // (max(x, x) is no kink: the difference is identically 0.)
                let moving = (*a - *b).moving();
                trace.constrain_slopes(slopes, moving, (pa - pb).abs(), pa.abs().max(pb.abs()));
            }
            Binary::Log => {
                trace.branch(side(pa));
                trace.branch(side(pb - 1.0));
                trace.constrain(a, pa.abs());
                trace.constrain(b, pb.abs().min((pb - 1.0).abs()));
            }
            Binary::Copysign => {
                trace.branch(side(pa));
                trace.branch(if pb.is_sign_negative() { -1 } else { 1 });
                trace.constrain(a, pa.abs());
                trace.constrain(b, pb.abs());
            }
        }
    }
}

// --- Expressions ------------------------------------------------------------------

/// An expression in x₀, x₁, x₂.
#[derive(Clone, Debug)]
pub enum Expr {
    Var(usize),
    Const(f64),
    Unary(Unary, Box<Expr>),
    Powi(Box<Expr>, i32),
    Arith(Arith, Form, Box<Expr>, Box<Expr>),
    WithScalar(Arith, Side, Box<Expr>, f64),
    Binary(Binary, Box<Expr>, Box<Expr>),
    MulAdd(Box<Expr>, Box<Expr>, Box<Expr>),
    Clamp(Box<Expr>, f64, f64),
    Sum(Vec<Expr>),
    Product(Vec<Expr>),
}

/// What an evaluation saw: the largest intermediate magnitude (values and
/// partials), whether all were finite, and the branch signature.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The largest finite magnitude of a value or partial.
    pub largest: f64,
    /// The smallest nonzero magnitude of a value.
    pub smallest: f64,
    /// The largest internal second-order term of a quotient rule,
    /// |a|·|db|²/|b|³ + |da|·|db|/|b|² (seen on `Dual<f64, 4>`): what the
    /// Hessian's rounding scales with, though no node's value shows it.
    pub internal: f64,
    /// No value or partial was ±∞ or NaN.
    pub all_finite: bool,
    /// Some value or partial was ±∞.
    pub any_infinite: bool,
    /// Some value or partial was NaN.
    pub any_nan: bool,
    /// The branch signature: which side of each kink or jump.
    pub branches: Vec<i64>,
    /// max |dq/du| / margin(q) over the guarded quantities q, for each of
    /// the four directions u of `Dual<f64, 4>`: a step h along u with
    /// h·rate ≤ 1/4 keeps every q within a quarter of its margin.
    pub rates: [f64; 4],
    /// A quantity with a nonzero slope sits exactly at a kink or domain
    /// edge: no difference can be taken (the documented slopes still hold at
    /// every nesting level).
    pub at_kink: bool,
    /// A quantity with a nonzero slope is within rounding of a kink, or is
    /// the result of a catastrophic cancellation: its slopes are rounding
    /// noise, which differently ordered computations differentiate
    /// differently.
    pub ill_conditioned: bool,
}

impl Trace {
    pub fn new() -> Self {
        Trace {
            largest: 0.0,
            smallest: f64::INFINITY,
            internal: 0.0,
            all_finite: true,
            any_infinite: false,
            any_nan: false,
            branches: Vec::new(),
            rates: [0.0; 4],
            at_kink: false,
            ill_conditioned: false,
        }
    }

    fn branch(&mut self, b: i64) {
        self.branches.push(b);
    }

    /// The quantity q may move by at most `margin` (its distance to a kink,
    /// jump or domain edge, or the scale on which it matters).
    fn constrain<S: Scalar>(&mut self, q: &S, margin: f64) {
        self.constrain_slopes(q.slopes(), q.moving(), margin, q.plain().abs());
    }

    /// As `constrain`, for a quantity of size `magnitude` given by its
    /// slopes. A margin below 1e-5 of the magnitude is ill-conditioned (the
    /// distance to the kink has lost most of its digits to rounding, as in
    /// ln_1p(exp_m1(−27)) or acos(cos(0.004))).
    /// `moving`: whether the quantity depends on the inputs at any order
    /// (slopes that cancel to exactly 0 at first order can still carry
    /// second-order rounding noise).
    fn constrain_slopes(&mut self, slopes: [f64; 4], moving: bool, margin: f64, magnitude: f64) {
        self.at_kink |= moving && margin == 0.0;
        let margin = if margin < 1e-5 * magnitude {
            self.ill_conditioned |= moving && margin != 0.0;
            0.0
        } else {
            margin
        };
        for (rate, slope) in self.rates.iter_mut().zip(slopes) {
            if slope != 0.0 {
                let r = slope.abs() / margin;
                // A NaN rate (NaN margin) forbids every step.
                *rate = if r.is_nan() {
                    f64::INFINITY
                } else {
                    rate.max(r)
                };
            }
        }
    }

    /// A one-argument function that loses most of its relative precision
    /// at `a` (condition number |a·f′(a)/f(a)| > 1e8, as ln near 1 or cos
    /// near π/2): its value, and what is computed from it, is rounding noise
    /// at the scale that matters. Seen through the slopes of `Dual<f64, 4>`.
    fn conditioning<S: Scalar>(&mut self, a: &S, out: &S) {
        let (pa, po) = (a.plain(), out.plain());
        if po == 0.0 || !out.moving() {
            return;
        }
        for (sa, so) in a.slopes().into_iter().zip(out.slopes()) {
            if sa != 0.0 && (pa * (so / sa) / po).abs() > 1e8 {
                self.ill_conditioned = true;
            }
        }
    }

    /// A sum whose terms have total size `scale` cancelled to `result`:
    /// below 1e-8 of the terms, its slopes are noise.
    fn cancellation<S: Scalar>(&mut self, result: &S, scale: f64) {
        self.ill_conditioned |= result.moving() && result.plain().abs() <= 1e-8 * scale;
    }

    fn note<S: Scalar>(&mut self, s: &S) {
        // No intermediate should change by more than a quarter of itself
        // (or of 1) across the stencil.
        self.constrain(s, s.plain().abs().max(1.0));
        let value = s.plain().abs();
        if value != 0.0 {
            self.smallest = self.smallest.min(value);
        }
        let m = s.magnitude();
        if m.is_finite() {
            self.largest = self.largest.max(m);
        } else {
            self.all_finite = false;
            self.any_nan |= s.any_nan();
            self.any_infinite |= m.is_infinite() || s.any_infinite();
        }
    }
}

impl Expr {
    /// Evaluates at `x` on any scalar type, recording the trace.
    pub fn eval<S: Scalar>(&self, x: &[S; VARIABLES], trace: &mut Trace) -> S {
        let out = match self {
            Expr::Var(i) => x[*i],
            Expr::Const(c) => S::constant(*c),
            Expr::Unary(op, a) => {
                let a = a.eval(x, trace);
                if let Some(b) = op.branch(a.plain()) {
                    trace.branch(b);
                }
                if let Some(margin) = op.margin(a.plain()) {
                    trace.constrain(&a, margin);
                }
                let out = op.apply(a);
                trace.conditioning(&a, &out);
                out
            }
            Expr::Powi(a, n) => {
                let a = a.eval(x, trace);
                if *n < 0 {
                    trace.branch(side(a.plain()));
                    trace.constrain(&a, a.plain().abs());
                }
                a.powi(*n)
            }
            Expr::Arith(op, form, a, b) => {
                let (a, b) = (a.eval(x, trace), b.eval(x, trace));
                op.guard(&a, &b, trace);
                let out = a.arith(*op, *form, b);
                if matches!(op, Arith::Add | Arith::Sub) {
                    trace.cancellation(&out, a.plain().abs() + b.plain().abs());
                }
                out
            }
            Expr::WithScalar(op, side, a, c) => {
                let a = a.eval(x, trace);
                let c_as_s = S::constant(*c);
                match side {
                    Side::Left => op.guard(&c_as_s, &a, trace),
                    Side::Right | Side::RightAssign => op.guard(&a, &c_as_s, trace),
                }
                let out = a.with_scalar(*op, *side, *c);
                if matches!(op, Arith::Add | Arith::Sub) {
                    trace.cancellation(&out, a.plain().abs() + c.abs());
                }
                out
            }
            Expr::Binary(op, a, b) => {
                let (a, b) = (a.eval(x, trace), b.eval(x, trace));
                op.guard(&a, &b, trace);
                let out = op.apply(a, b);
                if matches!(op, Binary::AbsSub | Binary::SignedAbsSub) {
                    trace.cancellation(&(a - b), a.plain().abs() + b.plain().abs());
                }
                out
            }
            Expr::MulAdd(a, b, c) => {
                let (a, b, c) = (a.eval(x, trace), b.eval(x, trace), c.eval(x, trace));
                let out = a.mul_add(b, c);
                trace.cancellation(&out, (a.plain() * b.plain()).abs() + c.plain().abs());
                out
            }
            Expr::Clamp(a, lo, hi) => {
                let a = a.eval(x, trace);
                let p = a.plain();
                trace.branch(side(p - lo) + 10 * side(p - hi));
                trace.constrain(&a, (p - lo).abs().min((p - hi).abs()));
                a.clamp(S::constant(*lo), S::constant(*hi))
            }
            Expr::Sum(terms) => {
                let values: Vec<S> = terms.iter().map(|t| t.eval(x, trace)).collect();
                let scale = values.iter().map(|v| v.plain().abs()).sum();
                let out = if values.len().is_multiple_of(2) {
                    values.iter().sum()
                } else {
                    values.into_iter().sum()
                };
                trace.cancellation(&out, scale);
                out
            }
            Expr::Product(factors) => {
                let values: Vec<S> = factors.iter().map(|t| t.eval(x, trace)).collect();
                if values.len().is_multiple_of(2) {
                    values.iter().product()
                } else {
                    values.into_iter().product()
                }
            }
        };
        trace.note(&out);
        out
    }

    /// The operation at the root, for the usage histogram.
    pub fn visit_ops(&self, visit: &mut impl FnMut(&'static str)) {
        match self {
            Expr::Var(_) | Expr::Const(_) => {}
            Expr::Unary(op, a) => {
                visit(op.name());
                a.visit_ops(visit);
            }
            Expr::Powi(a, _) => {
                visit("powi");
                a.visit_ops(visit);
            }
            Expr::Arith(op, _, a, b) => {
                visit(op.symbol());
                a.visit_ops(visit);
                b.visit_ops(visit);
            }
            Expr::WithScalar(op, _, a, _) => {
                visit(match op {
                    Arith::Add => "+ scalar",
                    Arith::Sub => "- scalar",
                    Arith::Mul => "* scalar",
                    Arith::Div => "/ scalar",
                    Arith::Rem => "% scalar",
                });
                a.visit_ops(visit);
            }
            Expr::Binary(op, a, b) => {
                visit(op.name());
                a.visit_ops(visit);
                b.visit_ops(visit);
            }
            Expr::MulAdd(a, b, c) => {
                visit("mul_add");
                for e in [a, b, c] {
                    e.visit_ops(visit);
                }
            }
            Expr::Clamp(a, _, _) => {
                visit("clamp");
                a.visit_ops(visit);
            }
            Expr::Sum(terms) => {
                visit("Sum");
                terms.iter().for_each(|t| t.visit_ops(visit));
            }
            Expr::Product(factors) => {
                visit("Product");
                factors.iter().for_each(|t| t.visit_ops(visit));
            }
        }
    }

    /// Whether a plain number enters through `x op c` / `c op x`: the
    /// nested dual then lifts it to a constant dual, so its slopes come from
    /// the `Dual op Dual` kernels and may differ from `Dual<f64, 1> op f64`
    /// in the last bit (or the sign of a zero).
    pub fn has_scalar_operand(&self) -> bool {
        let mut found = false;
        self.visit_ops(&mut |name| found |= name.ends_with(" scalar"));
        found
    }

    /// The direct subexpressions.
    pub fn children(&self) -> Vec<&Expr> {
        match self {
            Expr::Var(_) | Expr::Const(_) => vec![],
            Expr::Unary(_, a)
            | Expr::Powi(a, _)
            | Expr::WithScalar(_, _, a, _)
            | Expr::Clamp(a, _, _) => vec![a],
            Expr::Arith(_, _, a, b) | Expr::Binary(_, a, b) => vec![a, b],
            Expr::MulAdd(a, b, c) => vec![a, b, c],
            Expr::Sum(items) | Expr::Product(items) => items.iter().collect(),
        }
    }

    /// The number of nodes.
    pub fn size(&self) -> usize {
        let mut n = 1;
        self.visit_ops(&mut |_| n += 1);
        n
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Var(i) => write!(f, "x{i}"),
            Expr::Const(c) => write!(f, "{c:?}"),
            Expr::Unary(Unary::Neg, a) => write!(f, "(-{a})"),
            Expr::Unary(op, a) => write!(f, "{}({a})", op.name()),
            Expr::Powi(a, n) => write!(f, "powi({a}, {n})"),
            Expr::Arith(op, form, a, b) => {
                let s = op.symbol();
                match form {
                    Form::Value => write!(f, "({a} {s} {b})"),
                    Form::RefRef => write!(f, "(&{a} {s} &{b})"),
                    Form::RefValue => write!(f, "(&{a} {s} {b})"),
                    Form::ValueRef => write!(f, "({a} {s} &{b})"),
                    Form::Assign => write!(f, "({a} {s}= {b})"),
                    Form::AssignRef => write!(f, "({a} {s}= &{b})"),
                }
            }
            Expr::WithScalar(op, side, a, c) => {
                let s = op.symbol();
                match side {
                    Side::Right => write!(f, "({a} {s} {c:?}_scalar)"),
                    Side::RightAssign => write!(f, "({a} {s}= {c:?}_scalar)"),
                    Side::Left => write!(f, "({c:?}_scalar {s} {a})"),
                }
            }
            Expr::Binary(op, a, b) => write!(f, "{}({a}, {b})", op.name()),
            Expr::MulAdd(a, b, c) => write!(f, "mul_add({a}, {b}, {c})"),
            Expr::Clamp(a, lo, hi) => write!(f, "clamp({a}, {lo:?}, {hi:?})"),
            Expr::Sum(terms) | Expr::Product(terms) => {
                let name = if matches!(self, Expr::Sum(_)) {
                    "Sum"
                } else {
                    "Product"
                };
                write!(f, "{name}[")?;
                for (i, t) in terms.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str("]")
            }
        }
    }
}

// --- The generator ------------------------------------------------------------------

/// SplitMix64: small, fast, and well mixed from any seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Builds a random expression that is defined, finite and moderate at the
/// sample point `x`: each node is generated with its children's values in
/// hand, and an operation whose result at `x` would be NaN, infinite or
/// larger than [`LIMIT`] is replaced by another (domain guards by
/// construction; kinks are left to the caller's branch check).
pub struct Generator<'a> {
    pub rng: &'a mut Rng,
    pub x: [f64; VARIABLES],
}

/// Tries per node before giving up on the chosen kind of operation.
const TRIES: usize = 6;

impl Generator<'_> {
    /// A random expression of depth at most `depth`, and its value at x.
    pub fn expr(&mut self, depth: usize) -> (Expr, f64) {
        if depth == 0 || self.rng.chance(0.15) {
            return self.leaf();
        }
        let kind = self.rng.below(100);
        let node = match kind {
            0..=39 => self.unary(depth),
            40..=61 => self.arith(depth),
            62..=79 => self.binary(depth),
            80..=87 => self.with_scalar(depth),
            88..=92 => self.powi(depth),
            93..=95 => self.mul_add(depth),
            96..=97 => self.clamp(depth),
            _ => self.fold(depth),
        };
        node.unwrap_or_else(|| self.leaf())
    }

    fn leaf(&mut self) -> (Expr, f64) {
        if self.rng.chance(0.75) {
            let i = self.rng.below(VARIABLES);
            (Expr::Var(i), self.x[i])
        } else {
            let c = self.constant();
            (Expr::Const(c), c)
        }
    }

    /// A constant: often a small integer or a half, else uniform.
    fn constant(&mut self) -> f64 {
        match self.rng.below(4) {
            0 => self
                .rng
                .pick(&[-3.0, -2.0, -1.0, 1.0, 2.0, 3.0, 0.5, -0.5, 1.5]),
            _ => self.rng.uniform(-4.0, 4.0),
        }
    }

    fn value(&self, e: &Expr) -> Option<f64> {
        let v = e.eval(&self.x, &mut Trace::new());
        (v.is_finite() && v.abs() <= LIMIT).then_some(v)
    }

    fn unary(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let (a, _) = self.expr(depth - 1);
        let a = Box::new(a);
        for _ in 0..TRIES {
            let e = Expr::Unary(self.rng.pick(Unary::ALL), a.clone());
            if let Some(v) = self.value(&e) {
                return Some((e, v));
            }
        }
        None
    }

    fn powi(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let (a, _) = self.expr(depth - 1);
        let n = self.rng.pick(&[-3, -2, -1, 0, 1, 2, 3, 4, 5]);
        let e = Expr::Powi(Box::new(a), n);
        self.value(&e).map(|v| (e, v))
    }

    fn arith(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let (a, _) = self.expr(depth - 1);
        let (b, _) = self.expr(depth - 1);
        let (a, b) = (Box::new(a), Box::new(b));
        for _ in 0..TRIES {
            let op = self.rng.pick(Arith::ALL);
            let form = self.rng.pick(Form::ALL);
            let e = Expr::Arith(op, form, a.clone(), b.clone());
            if let Some(v) = self.value(&e) {
                return Some((e, v));
            }
        }
        None
    }

    fn with_scalar(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let (a, _) = self.expr(depth - 1);
        let a = Box::new(a);
        for _ in 0..TRIES {
            let op = self.rng.pick(Arith::ALL);
            let side = self.rng.pick(Side::ALL);
            let c = self.constant();
            let e = Expr::WithScalar(op, side, a.clone(), c);
            if let Some(v) = self.value(&e) {
                return Some((e, v));
            }
        }
        None
    }

    fn binary(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let (a, _) = self.expr(depth - 1);
        let a = Box::new(a);
        for _ in 0..TRIES {
            let op = self.rng.pick(Binary::ALL);
            // powf with a constant exponent half of the time: the case of
            // the integer-exponent rule for negative bases.
            let b = if op == Binary::Powf && self.rng.chance(0.5) {
                Expr::Const(self.constant())
            } else {
                self.expr(depth - 1).0
            };
            let e = Expr::Binary(op, a.clone(), Box::new(b));
            if let Some(v) = self.value(&e) {
                return Some((e, v));
            }
        }
        None
    }

    fn mul_add(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let a = Box::new(self.expr(depth - 1).0);
        let b = Box::new(self.expr(depth - 1).0);
        let c = Box::new(self.expr(depth - 1).0);
        let e = Expr::MulAdd(a, b, c);
        self.value(&e).map(|v| (e, v))
    }

    fn clamp(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let (a, _) = self.expr(depth - 1);
        let (p, q) = (self.constant(), self.constant());
        let e = Expr::Clamp(Box::new(a), p.min(q), p.max(q));
        self.value(&e).map(|v| (e, v))
    }

    fn fold(&mut self, depth: usize) -> Option<(Expr, f64)> {
        let n = 2 + self.rng.below(3);
        let items: Vec<Expr> = (0..n).map(|_| self.expr(depth - 1).0).collect();
        let e = if self.rng.chance(0.5) {
            Expr::Sum(items)
        } else {
            Expr::Product(items)
        };
        self.value(&e).map(|v| (e, v))
    }
}
