//! No panics: every public function and trait method, driven with NaN, ±∞,
//! ±0, subnormal and huge inputs (and NaN or infinite partials), returns.
//! The drivers and the gradient checker report bad lengths and non-finite
//! input as error values. The only panics are the documented ones:
//! `Dual::variable` and `Dual::partial` with an index ≥ N (and `Dual2`'s
//! `variable` and `hessian_entry`).

#![allow(clippy::op_ref)] // the by-reference operator forms are under test

use std::fmt::{Debug, Display};
use std::hint::black_box;
use std::iter::{Product, Sum};

use dualgrad::gradcheck::steps::{log_spaced_steps, step_sweep};
use dualgrad::gradcheck::{
    GradCheck, GradCheckError, Position, Report, Scheme, numeric_gradient,
    numeric_gradient_with_errors, numeric_jacobian, numeric_jacobian_with_errors,
};
use dualgrad::{
    DimensionError, Dual, Dual2, assert_gradient, assert_jacobian, chunk, derivative,
    directional_derivative, gradient, hessian, jacobian, jacobian_vector_product,
    value_and_derivative, value_and_gradient, value_and_jacobian, value_gradient_hessian,
};
use num_traits::{Float, FloatConst, FromPrimitive, Inv, Num, NumCast, Signed};

/// The awkward inputs: NaN, ±∞, ±0, subnormals, the extremes, and a few
/// ordinary and boundary values.
const INPUTS: [f64; 22] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -0.0,
    5e-324,
    -5e-324,
    1e-310,
    f64::MIN_POSITIVE,
    f64::EPSILON,
    1e308,
    -1e308,
    f64::MAX,
    f64::MIN,
    1.0,
    -1.0,
    0.5,
    -2.5,
    710.0,
    -745.5,
    1e16 + 1.0,
    std::f64::consts::FRAC_PI_2,
];

/// Partials to attach to each input: seeded, none, and non-finite ones.
const PARTIALS: [[f64; 3]; 4] = [
    [1.0, 0.0, 0.0],
    [0.0, 0.0, 0.0],
    [f64::NAN, f64::INFINITY, -0.0],
    [1e308, 5e-324, f64::NEG_INFINITY],
];

type D3 = Dual<f64, 3>;

fn duals() -> Vec<D3> {
    INPUTS
        .iter()
        .flat_map(|&a| PARTIALS.iter().map(move |&p| Dual::new(a, p)))
        .collect()
}

// --- Dual's inherent methods ----------------------------------------------------------

/// Calls every one-argument inherent method by name (concrete type: the
/// inherent method, not the trait's, is the one resolved).
macro_rules! call_unary {
    ($x:expr; $($name:ident),+ $(,)?) => {
        black_box(($( $x.$name() ),+))
    };
}

#[test]
fn every_inherent_method_returns_on_awkward_inputs() {
    let inputs = duals();
    for &x in &inputs {
        call_unary!(x; sqrt, cbrt, recip, exp, exp2, exp_m1, ln, log2, log10, ln_1p);
        call_unary!(x; sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh);
        call_unary!(x; to_degrees, to_radians, abs, signum, floor, ceil, round, trunc, fract);
        black_box(x.sin_cos());
        for n in [i32::MIN, -1000, -3, -1, 0, 1, 2, 3, 1000, i32::MAX] {
            black_box(x.powi(n));
        }
        black_box((x.value(), x.partials(), x.into_parts(), x.is_constant()));
        black_box((x.partial(0), x.partial(2)));
        for &y in inputs.iter().step_by(3) {
            #[allow(deprecated)]
            black_box((
                x.powf(y),
                x.log(y),
                x.atan2(y),
                x.hypot(y),
                x.max(y),
                x.min(y),
                x.abs_sub(y),
                x.copysign(y),
            ));
            for &z in inputs.iter().step_by(11) {
                black_box((x.mul_add(y, z), x.clamp(y, z), x.clamp(z, y)));
            }
        }
    }
    for a in INPUTS {
        black_box((D3::constant(a), D3::variable(a, 0), D3::variable(a, 2)));
        black_box(D3::new(a, [a; 3]));
    }
}

// --- Every trait method, generically -----------------------------------------------------

/// Every method of `Float`, `Signed`, `Inv`, `Zero`, `One`, `ToPrimitive`,
/// the operators, `Sum`/`Product`, comparisons and formatting, on one pair.
fn every_trait_method<S>(x: S, y: S, z: S)
where
    S: Float
        + FloatConst
        + Signed
        + Inv<Output = S>
        + Debug
        + Display
        + Default
        + Sum
        + Product
        + for<'a> Sum<&'a S>
        + for<'a> Product<&'a S>,
{
    // Float: classification and decomposition look at the value.
    black_box((
        x.is_nan(),
        x.is_infinite(),
        x.is_finite(),
        x.is_normal(),
        x.is_subnormal(),
        x.classify(),
        x.is_sign_positive(),
        x.is_sign_negative(),
        x.integer_decode(),
    ));
    // Float: every function.
    black_box((
        x.floor(),
        x.ceil(),
        x.round(),
        x.trunc(),
        x.fract(),
        Float::abs(x),
        Float::signum(x),
        x.recip(),
        x.sqrt(),
        x.cbrt(),
        x.exp(),
        x.exp2(),
        x.exp_m1(),
        x.ln(),
        x.log2(),
        x.log10(),
        x.ln_1p(),
    ));
    black_box((
        x.sin(),
        x.cos(),
        x.tan(),
        x.sin_cos(),
        x.asin(),
        x.acos(),
        x.atan(),
        x.sinh(),
        x.cosh(),
        x.tanh(),
        x.asinh(),
        x.acosh(),
        x.atanh(),
        x.to_degrees(),
        x.to_radians(),
    ));
    #[allow(deprecated)]
    black_box((
        x.powf(y),
        x.powi(-7),
        x.log(y),
        x.atan2(y),
        x.hypot(y),
        Float::max(x, y),
        Float::min(x, y),
        Float::abs_sub(x, y),
        x.copysign(y),
        x.mul_add(y, z),
        Float::clamp(x, y, z),
        Float::clamp(x, z, y),
    ));
    // Signed and Inv.
    black_box((
        Signed::abs(&x),
        Signed::abs_sub(&x, &y),
        Signed::signum(&x),
        x.is_positive(),
        x.is_negative(),
        x.inv(),
    ));
    // Zero and One.
    let mut w = x;
    w.set_zero();
    black_box((w.is_zero(), x.is_zero(), S::zero()));
    w.set_one();
    black_box((w.is_one(), x.is_one(), S::one()));
    // ToPrimitive, including the provided methods.
    black_box((
        x.to_isize(),
        x.to_i8(),
        x.to_i16(),
        x.to_i32(),
        x.to_i64(),
        x.to_i128(),
        x.to_usize(),
        x.to_u8(),
        x.to_u16(),
        x.to_u32(),
        x.to_u64(),
        x.to_u128(),
        x.to_f32(),
        x.to_f64(),
    ));
    // Operators, by value.
    black_box((x + y, x - y, x * y, x / y, x % y, -x));
    // Sum and Product, owned and borrowed, empty included.
    let items = [x, y, z];
    black_box((
        items.iter().copied().sum::<S>(),
        items.iter().sum::<S>(),
        items.iter().copied().product::<S>(),
        items.iter().product::<S>(),
        items[..0].iter().sum::<S>(),
        items[..0].iter().product::<S>(),
    ));
    // Comparisons and formatting.
    black_box((x == y, x < y, x.partial_cmp(&y), S::default()));
    black_box((
        format!("{x}"),
        format!("{x:?}"),
        format!("{x:.3}"),
        format!("{x:>40.2}"),
        format!("{x:#?}"),
    ));
}

/// Every constructor of constants: `Float`'s and `FloatConst`'s.
fn every_constant<S: Float + FloatConst + Debug>() {
    black_box((
        S::nan(),
        S::infinity(),
        S::neg_infinity(),
        S::neg_zero(),
        S::min_value(),
        S::min_positive_value(),
        S::epsilon(),
        S::max_value(),
    ));
    black_box((
        S::E(),
        S::FRAC_1_PI(),
        S::FRAC_1_SQRT_2(),
        S::FRAC_2_PI(),
        S::FRAC_2_SQRT_PI(),
        S::FRAC_PI_2(),
        S::FRAC_PI_3(),
        S::FRAC_PI_4(),
        S::FRAC_PI_6(),
        S::FRAC_PI_8(),
        S::LN_10(),
        S::LN_2(),
        S::LOG10_E(),
        S::LOG2_E(),
        S::PI(),
        S::SQRT_2(),
        S::TAU(),
        S::LOG10_2(),
        S::LOG2_10(),
    ));
}

/// `NumCast`, `FromPrimitive` and `Num::from_str_radix` with extreme and
/// malformed input.
fn every_conversion<S: Float + FromPrimitive + Debug>() {
    black_box((
        <S as NumCast>::from(f64::NAN),
        <S as NumCast>::from(f64::MAX),
        <S as NumCast>::from(f32::NEG_INFINITY),
        <S as NumCast>::from(u128::MAX),
        <S as NumCast>::from(i128::MIN),
        <S as NumCast>::from(usize::MAX),
        <S as NumCast>::from(i8::MIN),
    ));
    black_box((
        S::from_isize(isize::MIN),
        S::from_i8(i8::MIN),
        S::from_i16(i16::MIN),
        S::from_i32(i32::MIN),
        S::from_i64(i64::MIN),
        S::from_i128(i128::MIN),
        S::from_usize(usize::MAX),
        S::from_u8(u8::MAX),
        S::from_u16(u16::MAX),
        S::from_u32(u32::MAX),
        S::from_u64(u64::MAX),
        S::from_u128(u128::MAX),
        S::from_f32(f32::NAN),
        S::from_f64(f64::NEG_INFINITY),
    ));
    let texts = [
        "", "-", "+", "1.5", "-0", "ff", "inf", "-inf", "nan", "-nan", "1e400", "1e-400", "0x10",
        "1.5e-3", "1p3", "zz", "1.2.3", "∞", "💥", " 1",
    ];
    for text in texts {
        for radix in [0, 1, 2, 8, 10, 16, 36, 37, 255, u32::MAX] {
            black_box(S::from_str_radix(text, radix).is_ok());
        }
    }
}

/// Every awkward value as `S`, through a constructor from (value, partials).
fn run_generic<S>(make: impl Fn(f64, [f64; 3]) -> S)
where
    S: Float
        + FloatConst
        + FromPrimitive
        + Signed
        + Inv<Output = S>
        + Debug
        + Display
        + Default
        + Sum
        + Product
        + for<'a> Sum<&'a S>
        + for<'a> Product<&'a S>,
{
    let values: Vec<S> = INPUTS
        .iter()
        .flat_map(|&a| PARTIALS.iter().map(move |&p| (a, p)))
        .map(|(a, p)| make(a, p))
        .collect();
    for (i, &x) in values.iter().enumerate() {
        for &y in values.iter().skip(i % 4).step_by(4) {
            every_trait_method(x, y, values[(i * 7) % values.len()]);
        }
    }
    every_constant::<S>();
    every_conversion::<S>();
}

#[test]
fn every_trait_method_returns_on_dual_f64() {
    run_generic(Dual::<f64, 3>::new);
}

#[test]
fn every_trait_method_returns_on_dual_f32() {
    run_generic(|a, p| Dual::<f32, 2>::new(a as f32, [p[0] as f32, p[2] as f32]));
}

#[test]
fn every_trait_method_returns_on_nested_duals() {
    run_generic(|a, p| {
        Dual::<Dual<f64, 2>, 2>::new(
            Dual::new(a, [p[0], p[1]]),
            [Dual::new(p[2], [a, p[0]]), Dual::constant(p[1])],
        )
    });
}

#[test]
fn every_trait_method_returns_on_dual2() {
    // The Hessian from the partials too, so that it holds NaN, ±∞ and ±0.
    run_generic(|a, p| Dual2::<f64, 3>::new(a, p, [p, [p[2], p[0], a], [p[1], a, p[2]]]));
}

#[test]
fn every_inherent_method_of_dual2_returns_on_awkward_inputs() {
    let inputs: Vec<Dual2<f64, 3>> = duals()
        .iter()
        .map(|d| Dual2::new(d.value(), *d.partials(), [*d.partials(); 3]))
        .collect();
    for &x in &inputs {
        call_unary!(x; sqrt, cbrt, recip, exp, exp2, exp_m1, ln, log2, log10, ln_1p);
        call_unary!(x; sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh);
        call_unary!(x; to_degrees, to_radians, abs, signum, floor, ceil, round, trunc, fract);
        black_box(x.sin_cos());
        for n in [i32::MIN, -1000, -3, -1, 0, 1, 2, 3, 1000, i32::MAX] {
            black_box(x.powi(n));
        }
        black_box((
            x.value(),
            x.gradient(),
            x.hessian(),
            x.into_parts(),
            x.is_constant(),
        ));
        black_box((x.hessian_entry(0, 2), x.hessian_entry(2, 0)));
        for &y in inputs.iter().step_by(3) {
            black_box((
                x.powf(y),
                x.log(y),
                x.atan2(y),
                x.hypot(y),
                x.max(y),
                x.min(y),
                x.abs_sub(y),
                x.copysign(y),
            ));
            black_box((x + y, x - y, x * y, x / y, x % y, -x));
            for &z in inputs.iter().step_by(11) {
                black_box((x.mul_add(y, z), x.clamp(y, z), x.clamp(z, y)));
            }
        }
        for c in INPUTS {
            black_box((x + c, c + x, x - c, c - x, x * c, c * x));
            black_box((x / c, c / x, x % c, c % x));
        }
    }
    for a in INPUTS {
        black_box((
            Dual2::<f64, 3>::constant(a),
            Dual2::<f64, 3>::variable(a, 2),
        ));
    }
}

#[test]
fn every_trait_method_returns_on_a_dual_with_no_partials() {
    run_generic(|a, _| Dual::<f64, 0>::constant(a));
}

#[test]
fn from_str_radix_with_an_unsupported_radix_is_an_error_not_a_panic() {
    // num-traits' float parser calls char::to_digit, which panics for a
    // radix outside 2..=36; Dual answers with the parse error instead.
    for radix in [0, 1, 37, u32::MAX] {
        for text in ["1", "z", "1.5", ""] {
            assert!(
                D3::from_str_radix(text, radix).is_err(),
                "{text:?} in radix {radix}"
            );
        }
    }
    assert_eq!(D3::from_str_radix("z", 36).unwrap().value(), 35.0);
    assert!(D3::from_str_radix("inf", 37).is_err());
}

// --- Operators in every form ---------------------------------------------------------------

#[test]
fn every_operator_form_returns_on_awkward_inputs() {
    let inputs = duals();
    for &x in &inputs {
        for &y in inputs.iter().step_by(5) {
            black_box((x + y, &x + y, x + &y, &x + &y));
            black_box((x - y, &x - y, x - &y, &x - &y));
            black_box((x * y, &x * y, x * &y, &x * &y));
            black_box((x / y, &x / y, x / &y, &x / &y));
            black_box((x % y, &x % y, x % &y, &x % &y));
            let mut z = x;
            z += y;
            z -= &y;
            z *= y;
            z /= &y;
            z %= y;
            black_box(z);
            black_box((x == y, x < y, x > y, x <= y, x >= y, x != y));
        }
        for c in INPUTS {
            black_box((x + c, &x + c, c + x, c + &x));
            black_box((x - c, &x - c, c - x, c - &x));
            black_box((x * c, &x * c, c * x, c * &x));
            black_box((x / c, &x / c, c / x, c / &x));
            black_box((x % c, &x % c, c % x, c % &x));
            let mut z = x;
            z += c;
            z -= c;
            z *= c;
            z /= c;
            z %= c;
            black_box((z, x == c, x < c, x.partial_cmp(&c)));
            black_box((<D3 as From<f64>>::from(c), D3::default()));
        }
        black_box((-x, -&x));
    }
    // f32 on either side.
    for a in INPUTS {
        let x = Dual::<f32, 1>::new(a as f32, [1.0]);
        for c in [f32::NAN, f32::INFINITY, -0.0, 1e-45, f32::MAX] {
            black_box((
                x + c,
                c + x,
                x - c,
                c - x,
                x * c,
                c * x,
                x / c,
                c / x,
                x % c,
                c % x,
            ));
            black_box((c + &x, c - &x, c * &x, c / &x, c % &x));
        }
    }
}

// --- The array drivers -----------------------------------------------------------------

/// A function that touches the singular points of many rules.
fn awkward<S: Float>(x: &[S]) -> S {
    let half = S::from(0.5).unwrap();
    x[0].sqrt() * x[1].ln() + x[0].atan2(x[1]) - x[0].powf(x[1]) / x[1].hypot(x[0])
        + (x[0] % x[1]).abs()
        + x[1].powf(half).tanh()
        + x[0].max(x[1]).clamp(S::zero(), S::one())
}

#[test]
fn array_drivers_return_on_awkward_inputs() {
    for &a in &INPUTS {
        for &b in INPUTS.iter().step_by(2) {
            black_box(derivative(|x| awkward(&[x, x * b]), a));
            black_box(value_and_derivative(|x| x.sqrt().recip(), a));
            black_box(gradient(awkward, [a, b]));
            black_box(value_and_gradient(awkward, [a, b]));
            black_box(jacobian(
                |x| [awkward(x), x[0] / x[1], x[1].acosh()],
                [a, b],
            ));
            black_box(value_and_jacobian(|x| [awkward(x)], [a, b]));
            black_box(hessian(awkward, [a, b]));
            black_box(value_gradient_hessian(awkward, [a, b]));
            black_box(directional_derivative(awkward, [a, b], [b, a]));
            black_box(jacobian_vector_product(
                |x| [awkward(x), x[0].cbrt()],
                [a, b],
                [f64::NAN, a],
            ));
        }
    }
    // No inputs, no outputs.
    let empty: [f64; 0] = [];
    assert_eq!(gradient(|_| Dual::constant(1.0), empty), empty);
    assert_eq!(
        hessian(|_| dualgrad::Dual2::constant(1.0), empty),
        [[0.0; 0]; 0]
    );
    let none: [[f64; 2]; 0] = jacobian(|_| [], [1.0, 2.0]);
    assert!(none.is_empty());
    assert_eq!(
        directional_derivative(|_| Dual::constant(1.0), empty, empty),
        0.0
    );
}

// --- The chunk drivers ------------------------------------------------------------------

fn sum_of_awkward<S: Float>(x: &[S]) -> S {
    x.iter()
        .fold(S::zero(), |s, &v| s + v.sqrt() * v.ln() + v.tanh())
}

#[test]
fn chunk_drivers_return_on_awkward_inputs_of_every_length() {
    for n in [0, 1, 7, 8, 9, 17, INPUTS.len()] {
        let x: Vec<f64> = INPUTS.iter().copied().cycle().take(n).collect();
        let g = chunk::gradient(sum_of_awkward, &x);
        assert_eq!(g.len(), n);
        let (_, g) = chunk::value_and_gradient(sum_of_awkward, &x);
        assert_eq!(g.len(), n);
        let j = chunk::jacobian(
            |v| vec![sum_of_awkward(v), sum_of_awkward(v) * v.len() as f64],
            &x,
        )
        .unwrap();
        // (For n = 0 the rows are not counted: f is not called; see the report.)
        assert!(n == 0 || j.len() == 2);
        assert!(j.iter().all(|row| row.len() == n));
        let mut config = chunk::GradientConfig::<f64, 3>::new(n);
        let mut out = vec![0.0; n];
        assert!(chunk::gradient_with(&mut config, sum_of_awkward, &x, &mut out).is_ok());
        black_box((config.len(), config.is_empty(), config.passes()));
        let mut config = chunk::JacobianConfig::<f64, 1>::new(n, 2);
        let mut out = vec![0.0; 2 * n];
        let f = |v: &[Dual<f64, 1>], y: &mut [Dual<f64, 1>]| {
            y[0] = sum_of_awkward(v);
            y[1] = -y[0];
        };
        assert!(chunk::jacobian_with(&mut config, f, &x, &mut out).is_ok());
        black_box((config.inputs(), config.outputs()));
        #[cfg(feature = "rayon")]
        assert_eq!(chunk::par_gradient(sum_of_awkward, &x).len(), n);
    }
}

#[test]
fn chunk_drivers_with_wrong_lengths_return_dimension_errors() {
    let x = [1.0, 2.0, 3.0];
    let f = |v: &[Dual<f64, 2>]| v[0] * v[1] * v[2];

    // gradient_with: x of the wrong length, then out of the wrong length.
    let mut config = chunk::GradientConfig::<f64, 2>::new(4);
    let mut out = [0.0; 3];
    let err = chunk::gradient_with(&mut config, f, &x, &mut out).unwrap_err();
    assert_eq!((err.expected(), err.found()), (4, 3), "{err}");
    let mut config = chunk::GradientConfig::<f64, 2>::new(3);
    for len in [0, 2, 4, 100] {
        let mut out = vec![0.0; len];
        let err = chunk::gradient_with(&mut config, f, &x, &mut out).unwrap_err();
        assert_eq!((err.expected(), err.found()), (3, len), "{err}");
    }

    // jacobian_with: x, then the output buffer.
    let g = |v: &[Dual<f64, 2>], y: &mut [Dual<f64, 2>]| y[0] = v[0] + v[1] + v[2];
    let mut config = chunk::JacobianConfig::<f64, 2>::new(2, 1);
    let err = chunk::jacobian_with(&mut config, g, &x, &mut [0.0; 2]).unwrap_err();
    assert_eq!((err.expected(), err.found()), (2, 3), "{err}");
    let mut config = chunk::JacobianConfig::<f64, 2>::new(3, 1);
    for len in [0, 2, 4, 9] {
        let mut out = vec![0.0; len];
        let err = chunk::jacobian_with(&mut config, g, &x, &mut out).unwrap_err();
        assert_eq!((err.expected(), err.found()), (3, len), "{err}");
    }

    // jacobian: f whose output length changes between passes.
    let x: Vec<f64> = (0..20).map(|i| i as f64).collect();
    let err = chunk::jacobian(
        |v| {
            let seeded = v.iter().position(|d| d.partial(0) == 1.0).unwrap_or(0);
            vec![v[0]; 1 + seeded / 8]
        },
        &x,
    )
    .unwrap_err();
    assert_eq!((err.expected(), err.found()), (1, 2), "{err}");

    // The error's formatting and trait objects.
    let err: DimensionError = err;
    black_box((
        err.to_string(),
        format!("{err:?}"),
        err.what(),
        err.because(),
    ));
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.source().is_none());
}

// --- The gradient checker ------------------------------------------------------------------

/// Every check of `GradCheck` with the same (f, derivative, x).
fn all_checks(
    check: &GradCheck,
    f: &dyn Fn(&[f64]) -> f64,
    grad: &dyn Fn(&[f64]) -> Vec<f64>,
    x: &[f64],
) -> [Result<Report, GradCheckError>; 4] {
    let jac = |x: &[f64]| vec![grad(x)];
    [
        check.gradient(f, grad, x),
        check.jacobian(|x| vec![f(x)], jac, x),
        check.hessian(grad, |x| vec![grad(x); x.len()], x),
        check.directional(f, grad, x),
    ]
}

/// Exercises a result's formatting, whatever it is.
fn format_result(result: &Result<Report, GradCheckError>) {
    match result {
        Ok(report) => {
            black_box((report.to_string(), report.rule(), report.worst_entry()));
            for e in report.entries() {
                black_box((e.severity(), e.position().to_string()));
            }
        }
        Err(error) => {
            black_box((error.to_string(), format!("{error:?}")));
            let as_error: &dyn std::error::Error = error;
            black_box(as_error.source().is_none());
            if let GradCheckError::Mismatch(report) = error {
                black_box((
                    report.to_string(),
                    report.worst_entry().map(|e| e.severity()),
                ));
            }
        }
    }
}

#[test]
fn gradcheck_with_bad_input_returns_the_error_values() {
    let f = |x: &[f64]| x.iter().map(|v| v * v).sum::<f64>();
    let grad = |x: &[f64]| x.iter().map(|v| 2.0 * v).collect::<Vec<_>>();
    let check = GradCheck::default();

    for result in all_checks(&check, &f, &grad, &[]) {
        assert!(
            matches!(result, Err(GradCheckError::EmptyInput)),
            "{result:?}"
        );
        format_result(&result);
    }
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for result in all_checks(&check, &f, &grad, &[1.0, bad]) {
            assert!(
                matches!(result, Err(GradCheckError::NonFiniteInput { index: 1, .. })),
                "{result:?}"
            );
            format_result(&result);
        }
    }
    // f(x) not finite, a derivative entry not finite, a derivative too short.
    let nan_f = |_: &[f64]| f64::NAN;
    let gradient_nan = check.gradient(nan_f, grad, &[1.0, 2.0]);
    assert!(matches!(
        gradient_nan,
        Err(GradCheckError::NonFiniteFunction { .. })
    ));
    let nan_grad = |_: &[f64]| vec![1.0, f64::INFINITY];
    let result = check.gradient(f, nan_grad, &[1.0, 2.0]);
    assert!(
        matches!(result, Err(GradCheckError::NonFiniteDerivative { .. })),
        "{result:?}"
    );
    let short = |_: &[f64]| vec![1.0];
    for result in [
        check.gradient(f, short, &[1.0, 2.0]),
        check.directional(f, short, &[1.0, 2.0]),
        check.jacobian(|x| vec![f(x)], |_| vec![vec![1.0]], &[1.0, 2.0]),
        check.jacobian(|x| vec![f(x), f(x)], |x| vec![grad(x)], &[1.0, 2.0]),
        check.jacobian(|_| Vec::<f64>::new(), |_| Vec::<Vec<f64>>::new(), &[1.0]),
        check.hessian(grad, |_| vec![vec![2.0, 0.0]], &[1.0, 2.0]),
    ] {
        assert!(
            matches!(result, Err(GradCheckError::WrongLength { .. })),
            "{result:?}"
        );
        format_result(&result);
    }
    // f finite at x but not next to it: the difference is not finite.
    let edge = |x: &[f64]| x[0].sqrt();
    let result = check.gradient(edge, |x: &[f64]| vec![0.5 / x[0].sqrt()], &[0.0]);
    assert!(result.is_err(), "{result:?}");
    format_result(&result);
    // A wrong gradient is a mismatch with a printable report.
    let result = check.gradient(f, |x: &[f64]| vec![x[0], x[1]], &[1.0, 2.0]);
    assert!(matches!(result, Err(GradCheckError::Mismatch(_))));
    format_result(&result);
}

#[test]
fn gradcheck_with_awkward_settings_and_points_returns() {
    let f = |x: &[f64]| x[0].sin() * x[1].exp();
    let grad = |x: &[f64]| vec![x[0].cos() * x[1].exp(), x[0].sin() * x[1].exp()];
    let settings = [f64::NAN, f64::INFINITY, -1.0, 0.0, 5e-324, 1e308];
    for scheme in [
        Scheme::Forward,
        Scheme::Central,
        Scheme::FivePoint,
        Scheme::Richardson,
    ] {
        for &s in &settings {
            let checks = [
                GradCheck::default().scheme(scheme).rtol(s),
                GradCheck::default().scheme(scheme).atol(s),
                GradCheck::default().scheme(scheme).step(s),
                GradCheck::default()
                    .scheme(scheme)
                    .random_state(s.to_bits()),
            ];
            for check in &checks {
                for x in [[1.0, 2.0], [1e300, -1e300], [5e-324, -0.0], [0.0, 700.0]] {
                    for result in all_checks(check, &f, &grad, &x) {
                        format_result(&result);
                    }
                }
            }
        }
        black_box((scheme.name(), format!("{scheme:?}")));
        for x in INPUTS {
            black_box(scheme.step(x));
            for h in [f64::NAN, 0.0, -1e-3, 1e-3, f64::INFINITY, 5e-324] {
                black_box(scheme.difference(f64::sin, x, h));
                black_box(scheme.difference(|t| t.sqrt().ln(), x, h));
            }
        }
    }
    for position in [
        Position::Entry(usize::MAX),
        Position::Jacobian { row: 0, column: 1 },
        Position::Hessian { row: 2, column: 3 },
        Position::Directional,
    ] {
        black_box(position.to_string());
    }
}

#[test]
fn difference_engine_and_step_sweep_return_on_awkward_inputs() {
    let f = |x: &[f64]| x.iter().map(|v| v.sqrt() + v.ln()).sum::<f64>();
    let points: Vec<Vec<f64>> = vec![
        vec![],
        vec![f64::NAN],
        vec![f64::INFINITY, 1.0],
        vec![-0.0, 5e-324, 1e308],
        INPUTS.to_vec(),
    ];
    for x in &points {
        for scheme in [
            Scheme::Forward,
            Scheme::Central,
            Scheme::FivePoint,
            Scheme::Richardson,
        ] {
            assert_eq!(numeric_gradient(f, x, scheme).len(), x.len());
            for step in [
                None,
                Some(0.0),
                Some(f64::NAN),
                Some(-1.0),
                Some(f64::INFINITY),
            ] {
                assert_eq!(
                    numeric_gradient_with_errors(f, x, scheme, step).len(),
                    x.len()
                );
                let j =
                    numeric_jacobian_with_errors(|x| vec![f(x), x.len() as f64], x, scheme, step);
                assert_eq!(j.len(), 2);
            }
            // An output whose length changes with x.
            let j = numeric_jacobian(
                |x| vec![1.0; 1 + (x.iter().sum::<f64>() > 0.0) as usize],
                x,
                scheme,
            );
            black_box(j);
        }
    }
    for x in INPUTS {
        let steps = [f64::NAN, 0.0, -1.0, 1e-300, 1.0, f64::INFINITY];
        black_box(step_sweep(f64::exp, x, x.exp(), steps));
        black_box(step_sweep(|t| t.sqrt(), x, f64::NAN, []));
    }
    for (from, to) in [
        (1e-1, 1e-14),
        (0.0, 1.0),
        (f64::NAN, 1.0),
        (-1.0, f64::INFINITY),
    ] {
        for count in [0, 1, 2, 50] {
            assert_eq!(log_spaced_steps(from, to, count).len(), count);
        }
    }
}

#[test]
fn assertion_macros_return_on_right_derivatives() {
    assert_gradient!(
        |x: &[f64]| x[0] * x[1],
        |x: &[f64]| vec![x[1], x[0]],
        &[3.0, -0.0]
    );
    assert_jacobian!(
        |x: &[f64]| [x[0].exp()],
        |x: &[f64]| [[x[0].exp()]],
        &[5e-324],
        scheme = Scheme::Richardson
    );
}

// --- The documented panics ---------------------------------------------------------------

#[test]
#[should_panic(
    expected = "Dual::variable: index 3 is out of range for a Dual with N = 3 partials \
                           (valid indices are 0..3); to seed variable 3, use Dual<T, 4> or larger"
)]
fn variable_with_an_index_past_n_panics_with_the_documented_message() {
    let _ = D3::variable(1.0, 3);
}

#[test]
#[should_panic(expected = "Dual::variable: index 0 is out of range for a Dual with N = 0 partials")]
fn variable_of_a_dual_with_no_partials_panics_with_the_documented_message() {
    let _ = Dual::<f64, 0>::variable(1.0, 0);
}

#[test]
#[should_panic(
    expected = "Dual::partial: index 7 is out of range for a Dual with N = 3 partials \
                           (valid indices are 0..3)"
)]
fn partial_with_an_index_past_n_panics_with_the_documented_message() {
    let _ = D3::constant(f64::NAN).partial(7);
}

#[test]
#[should_panic(expected = "Dual::partial: index 18446744073709551615 is out of range")]
fn partial_with_the_largest_index_panics_with_the_documented_message() {
    let _ = D3::constant(1.0).partial(usize::MAX);
}

#[test]
#[should_panic(expected = "Dual::variable: index 18446744073709551615 is out of range")]
fn variable_with_the_largest_index_panics_with_the_documented_message() {
    let _ = D3::variable(1.0, usize::MAX);
}

// --- The debug test run keeps overflow checks on ----------------------------------------

#[test]
#[cfg(any(debug_assertions, feature = "tags"))]
#[should_panic(expected = "attempt to add with overflow")]
fn debug_builds_run_with_overflow_checks() {
    // CI's debug `cargo test` must catch integer overflow (as in the
    // `powi(i32::MIN)` and index-message paths): a [profile.dev] or
    // [profile.test] with overflow-checks = false would silence it.
    let x: u8 = black_box(u8::MAX);
    black_box(x + 1);
}

// --- The special functions ---------------------------------------------------------------

/// Every `SpecialFloat` method at every pair of awkward inputs, with the
/// orders that reach libm's and our loops' limits.
#[cfg(feature = "special")]
fn every_special_function<S: dualgrad::special::SpecialFloat>(make: impl Fn(f64) -> S) {
    let mut inputs: Vec<f64> = INPUTS.to_vec();
    inputs.extend([
        -2.0,
        -3.0,
        -170.0,
        -1e6 + 0.5,
        1e10,
        2e10,
        1e-300,
        1.4616321449683622,
    ]);
    for &a in &inputs {
        let x = make(a);
        black_box((
            x.erf_fn(),
            x.erfc_fn(),
            x.erf_inv(),
            x.gamma_fn(),
            x.ln_gamma_fn(),
        ));
        black_box((x.gamma_sign(), x.digamma(), x.trigamma()));
        black_box((x.bessel_j0(), x.bessel_j1(), x.bessel_y0(), x.bessel_y1()));
        for n in [0, 1, 2, 3, 50, 1000, u32::MAX] {
            black_box(x.polygamma(n));
        }
        for n in [
            i32::MIN,
            -1_000_001,
            -1000,
            -3,
            -1,
            0,
            1,
            2,
            1000,
            999_999,
            1_000_001,
            i32::MAX,
        ] {
            black_box((x.bessel_jn(n), x.bessel_yn(n)));
        }
        for &b in &inputs {
            let y = make(b);
            black_box((x.beta(y), x.ln_beta(y), x.gamma_p(y), x.gamma_q(y)));
        }
    }
}

#[cfg(feature = "special")]
#[test]
fn every_special_function_returns_on_awkward_inputs() {
    every_special_function(|a| a);
    every_special_function(|a| a as f32);
    every_special_function(|a| D3::new(a, [1.0, 0.0, f64::NAN]));
    every_special_function(D3::constant);
    every_special_function(|a| Dual2::<f64, 2>::variable(a, 1));
    every_special_function(|a| {
        Dual::<Dual<f64, 1>, 1>::new(Dual::variable(a, 0), [Dual::constant(1.0)])
    });
}
