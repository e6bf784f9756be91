//! `Dual` as simba's scalar: every `ComplexField` and `RealField` method
//! gives `f64`'s value bit for bit and the derivative of an independent
//! oracle (Ridders' extrapolated differences of the `f64` method, or a
//! closed form), with documented slopes at kinks, and none panics on
//! special inputs. Also `SimdValue`, `SubsetOf` and the conversions between
//! plain and dual matrices.

use crate::common::{assert_close, assert_same_f64, numeric_derivative};
use dualgrad::Dual;
use nalgebra::{ComplexField, DMatrix, Matrix2, RealField, Vector2};
use simba::scalar::{SubsetOf, SupersetOf};
use simba::simd::SimdValue;

type D1 = Dual<f64, 1>;
type D2 = Dual<f64, 2>;

fn var(x: f64) -> D1 {
    D1::variable(x, 0)
}

/// A one-argument ComplexField method: the f64 method for the value and
/// the oracle, the dual method for the result.
struct Unary {
    name: &'static str,
    plain: fn(f64) -> f64,
    dual: fn(D1) -> D1,
    points: &'static [f64],
}

macro_rules! unary {
    ($($name:ident at [$($p:expr),+]);+ $(;)?) => {
        [$(Unary {
            name: stringify!($name),
            plain: |x| ComplexField::$name(x),
            dual: |x| ComplexField::$name(x),
            points: &[$($p),+],
        }),+]
    };
}

#[test]
fn smooth_complex_field_methods_match_f64_values_and_ridders_slopes() {
    let table = unary![
        real at [-1.5, 0.7];
        conjugate at [-1.5, 0.7];
        modulus at [-1.5, 0.7];
        modulus_squared at [-1.5, 0.7];
        norm1 at [-1.5, 0.7];
        abs at [-1.5, 0.7];
        fract at [2.25, -1.75];
        recip at [-1.5, 0.7];
        sin at [-1.5, 0.7];
        cos at [-1.5, 0.7];
        tan at [-1.2, 0.7];
        asin at [-0.5, 0.7];
        acos at [-0.5, 0.7];
        atan at [-1.5, 0.7];
        sinh at [-1.5, 0.7];
        cosh at [-1.5, 0.7];
        tanh at [-1.5, 0.7];
        asinh at [-1.5, 0.7];
        acosh at [1.5, 3.0];
        atanh at [-0.5, 0.7];
        sinc at [-1.5, 0.7];
        sinhc at [-1.5, 0.7];
        cosc at [-1.5, 0.7];
        coshc at [-1.5, 0.7];
        log2 at [0.3, 7.0];
        log10 at [0.3, 7.0];
        ln at [0.3, 7.0];
        ln_1p at [-0.5, 7.0];
        sqrt at [0.3, 7.0];
        exp at [-1.5, 0.7];
        exp2 at [-1.5, 0.7];
        exp_m1 at [-1.5, 0.7];
        cbrt at [-1.5, 0.7];
    ];
    for method in &table {
        for &x in method.points {
            let y = (method.dual)(var(x));
            let what = format!("{}({x})", method.name);
            assert_same_f64(y.value(), (method.plain)(x), &what);
            let oracle = numeric_derivative(method.plain, x);
            assert_close(y.partial(0), oracle, 1e-9, 1e-12, &what);
        }
    }
}

#[test]
fn two_argument_methods_carry_both_partials() {
    let (x0, y0) = (1.3, -0.6);
    let (x, y) = (D2::variable(x0, 0), D2::variable(y0, 1));
    type Method2 = (&'static str, fn(f64, f64) -> f64, fn(D2, D2) -> D2);
    let table: [Method2; 8] = [
        (
            "hypot",
            |a, b| ComplexField::hypot(a, b),
            |a, b| ComplexField::hypot(a, b),
        ),
        (
            "atan2",
            |a, b| RealField::atan2(a, b),
            |a, b| RealField::atan2(a, b),
        ),
        (
            "powf",
            |a, b| ComplexField::powf(a, b),
            |a, b| ComplexField::powf(a, b),
        ),
        (
            "powc",
            |a, b| ComplexField::powc(a, b),
            |a, b| ComplexField::powc(a, b),
        ),
        (
            "log",
            |a, b| ComplexField::log(a, b),
            |a, b| ComplexField::log(a, b),
        ),
        (
            "scale",
            |a, b| ComplexField::scale(a, b),
            |a, b| ComplexField::scale(a, b),
        ),
        (
            "unscale",
            |a, b| ComplexField::unscale(a, b),
            |a, b| ComplexField::unscale(a, b),
        ),
        (
            "mul_add(·, ·, 2)",
            |a, b| ComplexField::mul_add(a, b, 2.0),
            |a, b| ComplexField::mul_add(a, b, Dual::constant(2.0)),
        ),
    ];
    for (name, plain, dual) in table {
        // powf and log need a positive first argument.
        let (a, b, pa) = if name.starts_with("pow") || name == "log" {
            (x, y + 3.0, (x0, y0 + 3.0))
        } else {
            (x, y, (x0, y0))
        };
        let result = dual(a, b);
        assert_same_f64(result.value(), plain(pa.0, pa.1), name);
        let d_first = numeric_derivative(|t| plain(t, pa.1), pa.0);
        let d_second = numeric_derivative(|t| plain(pa.0, t), pa.1);
        assert_close(
            result.partial(0),
            d_first,
            1e-9,
            1e-12,
            &format!("∂{name}/∂x"),
        );
        assert_close(
            result.partial(1),
            d_second,
            1e-9,
            1e-12,
            &format!("∂{name}/∂y"),
        );
    }
}

#[test]
fn sin_cos_and_sinh_cosh_pairs_match_the_single_functions() {
    let x = var(0.4);
    let (s, c) = ComplexField::sin_cos(x);
    assert_eq!(
        (s.into_parts(), c.into_parts()),
        (x.sin().into_parts(), x.cos().into_parts())
    );
    let (sh, ch) = ComplexField::sinh_cosh(x);
    assert_eq!(
        (sh.into_parts(), ch.into_parts()),
        (x.sinh().into_parts(), x.cosh().into_parts())
    );
}

#[test]
fn powi_and_integer_rounding_follow_the_inherent_rules() {
    let y = ComplexField::powi(var(-2.0), 3);
    assert_eq!(y.into_parts(), (-8.0, [12.0]));
    for x in [-2.5, -0.5, 0.5, 2.5] {
        for (name, result, plain) in [
            ("floor", ComplexField::floor(var(x)), ComplexField::floor(x)),
            ("ceil", ComplexField::ceil(var(x)), ComplexField::ceil(x)),
            ("round", ComplexField::round(var(x)), ComplexField::round(x)),
            ("trunc", ComplexField::trunc(var(x)), ComplexField::trunc(x)),
            (
                "signum",
                ComplexField::signum(var(x)),
                ComplexField::signum(x),
            ),
        ] {
            assert_same_f64(result.value(), plain, name);
            assert_eq!(
                result.partial(0),
                0.0,
                "{name} is piecewise constant: slope 0"
            );
        }
    }
}

#[test]
fn polar_forms_rebuild_the_number_with_its_slope() {
    for x in [-3.0, 0.5] {
        let (r, theta) = ComplexField::to_polar(var(x));
        assert_eq!((r.value(), theta.value()), ComplexField::to_polar(x));
        assert_eq!(theta.partial(0), 0.0);
        let (modulus, unit) = ComplexField::to_exp(var(x));
        assert_eq!((modulus.value(), unit.value()), ComplexField::to_exp(x));
        // x = modulus · unit, slopes included.
        assert_eq!((modulus * unit).into_parts(), (x, [1.0]));
        assert_eq!(
            ComplexField::argument(var(x)).value(),
            ComplexField::argument(x)
        );
        let parts = ComplexField::imaginary(var(x)).into_parts();
        assert_eq!(parts, (0.0, [0.0]));
        assert_eq!(D1::from_real(var(x)).into_parts(), (x, [1.0]));
    }
}

#[test]
fn try_sqrt_and_is_finite_follow_f64() {
    for x in [4.0, 0.0, -0.0, -1.0, f64::NAN, f64::INFINITY] {
        let dual = ComplexField::try_sqrt(var(x));
        let plain = ComplexField::try_sqrt(x);
        assert_eq!(dual.is_some(), plain.is_some(), "try_sqrt({x})");
        if let (Some(d), Some(p)) = (dual, plain) {
            assert_same_f64(d.value(), p, "try_sqrt value");
        }
        assert_eq!(
            ComplexField::is_finite(&var(x)),
            ComplexField::is_finite(&x)
        );
    }
    assert_eq!(ComplexField::try_sqrt(var(4.0)).unwrap().partial(0), 0.25);
}

#[test]
fn real_field_sign_and_ordering_methods_follow_the_inherent_rules() {
    let x = var(-2.0);
    assert!(RealField::is_sign_negative(&x) && !RealField::is_sign_positive(&x));
    assert_eq!(
        RealField::copysign(x, Dual::constant(1.0)).into_parts(),
        (2.0, [-1.0])
    );
    let (a, b) = (D2::variable(1.0, 0), D2::variable(3.0, 1));
    assert_eq!(RealField::max(a, b).partials(), &[0.0, 1.0]);
    assert_eq!(RealField::min(a, b).partials(), &[1.0, 0.0]);
    assert_eq!(
        RealField::max(a, b - 2.0).partials(),
        &[0.5, 0.5],
        "tie: average"
    );
    assert_eq!(RealField::clamp(a * 5.0, a, b).partials(), &[0.0, 1.0]);
    assert_eq!(RealField::min_value(), Some(D1::constant(f64::MIN)));
    assert_eq!(<D1 as RealField>::max_value().unwrap().value(), f64::MAX);
}

#[test]
fn real_field_constants_are_f64_constants_with_zero_partials() {
    type Constant = (fn() -> D1, fn() -> f64);
    let table: [Constant; 15] = [
        (D1::pi, f64::pi),
        (D1::two_pi, f64::two_pi),
        (D1::frac_pi_2, f64::frac_pi_2),
        (D1::frac_pi_3, f64::frac_pi_3),
        (D1::frac_pi_4, f64::frac_pi_4),
        (D1::frac_pi_6, f64::frac_pi_6),
        (D1::frac_pi_8, f64::frac_pi_8),
        (D1::frac_1_pi, f64::frac_1_pi),
        (D1::frac_2_pi, f64::frac_2_pi),
        (D1::frac_2_sqrt_pi, f64::frac_2_sqrt_pi),
        (D1::e, f64::e),
        (D1::log2_e, f64::log2_e),
        (D1::log10_e, f64::log10_e),
        (D1::ln_2, f64::ln_2),
        (D1::ln_10, f64::ln_10),
    ];
    for (dual, plain) in table {
        assert_eq!(dual().into_parts(), (plain(), [0.0]));
    }
}

#[test]
fn no_method_panics_on_special_inputs() {
    let specials = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MIN_POSITIVE,
        1e308,
    ];
    for &x in &specials {
        let d = var(x);
        let _ = (
            ComplexField::argument(d),
            ComplexField::to_polar(d),
            ComplexField::to_exp(d),
            ComplexField::signum(d),
            ComplexField::sinc(d),
            ComplexField::sinhc(d),
            ComplexField::cosc(d),
            ComplexField::coshc(d),
            ComplexField::try_sqrt(d),
            ComplexField::recip(d),
            ComplexField::ln(d),
            ComplexField::powi(d, -3),
            ComplexField::powf(d, d),
            ComplexField::log(d, d),
            ComplexField::hypot(d, d),
            ComplexField::floor(d),
            ComplexField::fract(d),
        );
        for &y in &specials {
            let e = var(y);
            let _ = (
                RealField::atan2(d, e),
                RealField::copysign(d, e),
                RealField::max(d, e),
                RealField::min(d, e),
                RealField::clamp(d, e, d),
                ComplexField::unscale(d, e),
            );
        }
    }
}

#[test]
fn sinc_at_zero_is_one_with_exact_derivatives() {
    let s = ComplexField::sinc(var(0.0));
    assert_eq!(s.into_parts(), (1.0, [0.0]));
    // Second derivative through nesting: sinc″(0) = −1/3, sinhc″(0) = 1/3.
    let x = Dual::<D1, 1>::new(var(0.0), [Dual::constant(1.0)]);
    assert!((ComplexField::sinc(x).partial(0).partial(0) + 1.0 / 3.0).abs() < 1e-16);
    assert!((ComplexField::sinhc(x).partial(0).partial(0) - 1.0 / 3.0).abs() < 1e-16);
}

#[test]
fn simd_value_is_one_lane_holding_the_dual() {
    let mut x = D2::variable(2.0, 1);
    assert_eq!(D2::LANES, 1);
    assert_eq!(D2::splat(x).into_parts(), x.into_parts());
    assert_eq!(x.extract(0).into_parts(), x.into_parts());
    x.replace(0, D2::constant(7.0));
    assert_eq!(x.into_parts(), (7.0, [0.0, 0.0]));
    assert_eq!(x.select(true, D2::constant(1.0)).value(), 7.0);
    assert_eq!(x.select(false, D2::constant(1.0)).value(), 1.0);
    let doubled = x.map_lanes(|v| v * 2.0);
    assert_eq!(doubled.value(), 14.0);
}

#[test]
fn plain_numbers_are_the_constant_duals() {
    let c: D2 = SupersetOf::<f64>::from_subset(&2.5);
    assert_eq!(c.into_parts(), (2.5, [0.0, 0.0]));
    let from_f32: D2 = SupersetOf::<f32>::from_subset(&0.5_f32);
    assert_eq!(from_f32.value(), 0.5);
    assert_eq!(<f64 as SubsetOf<D2>>::from_superset(&c), Some(2.5));
    assert_eq!(
        <f64 as SubsetOf<D2>>::from_superset(&D2::variable(2.5, 0)),
        None
    );
    // `from_superset_unchecked` drops the partials.
    assert_eq!(
        <f64 as SubsetOf<D2>>::from_superset_unchecked(&D2::variable(2.5, 0)),
        2.5
    );
    assert!(!<f32 as SubsetOf<D2>>::is_in_subset(&D2::variable(2.5, 0)));
    // nalgebra's `convert` goes through SupersetOf.
    let three: D1 = nalgebra::convert(3.0);
    assert_eq!(three.into_parts(), (3.0, [0.0]));
}

#[test]
fn plain_and_dual_matrices_convert_both_ways() {
    // Plain → dual: `cast` (SupersetOf) and `map(Dual::constant)` agree.
    let plain = Matrix2::new(1.0, 2.0, 3.0, 4.0);
    let by_cast: Matrix2<D1> = plain.cast();
    let by_map = plain.map(Dual::constant);
    assert_eq!(
        by_cast.map(|d| d.into_parts()),
        by_map.map(|d| d.into_parts())
    );
    // Dual → plain: only constant matrices are in the subset.
    assert_eq!(
        nalgebra::try_convert::<_, Matrix2<f64>>(by_cast),
        Some(plain)
    );
    let mut varying = by_cast;
    varying[(0, 1)] = D1::variable(2.0, 0);
    assert_eq!(nalgebra::try_convert::<_, Matrix2<f64>>(varying), None);
    // The values and slopes as plain matrices.
    assert_eq!(varying.map(|d| d.value()), plain);
    assert_eq!(
        varying.map(|d| d.partial(0)),
        Matrix2::new(0.0, 1.0, 0.0, 0.0)
    );
    // f32 duals widen to f64 duals, partials included.
    let single = Matrix2::new(1.0_f32, 2.0, 3.0, 4.0).map(|v| Dual::<f32, 1>::new(v, [v / 2.0]));
    let double: Matrix2<D1> = single.cast();
    assert_eq!(double[(1, 1)].into_parts(), (4.0, [2.0]));
}

#[test]
fn mixed_plain_and_dual_arithmetic_through_conversion() {
    // nalgebra multiplies matrices of one scalar type: a plain matrix
    // enters a dual computation as constants, and a dual scalar scales a
    // dual matrix.
    let a = DMatrix::from_row_slice(2, 2, &[2.0, 1.0, 1.0, 3.0]);
    let t = D1::variable(0.5, 0);
    let x = nalgebra::DVector::from_vec(vec![t, t * t]);
    let y = a.map(Dual::constant) * &x * D1::constant(2.0);
    // y = 2A(t, t²): dy/dt = 2A(1, 2t).
    assert_eq!(
        y.map(|d| d.partial(0)),
        nalgebra::DVector::from_vec(vec![6.0, 8.0])
    );
    let z = Vector2::new(t, Dual::constant(1.0)).scale(t);
    assert_eq!(z.map(|d| d.partial(0)), Vector2::new(1.0, 1.0));
}

#[test]
fn a_matrix_singular_in_value_with_nonzero_determinant_slope_gives_non_finite_entries() {
    // A(t) = [[t, 1], [1, 1]] at t = 1: det = t − 1 = 0 with slope 1. The
    // structural `is_zero` does not call it singular (see the linalg docs),
    // so the inverse is non-finite rather than None, and nothing panics.
    let t = var(1.0);
    let one = D1::constant(1.0);
    let a = Matrix2::new(t, one, one, one);
    assert_eq!(a.determinant().into_parts(), (0.0, [1.0]));
    let inverse = a.try_inverse().expect("not detected as singular");
    assert!(inverse.iter().any(|d| !d.value().is_finite()));
    // A constant singular matrix is detected.
    assert!(Matrix2::new(one, one, one, one).try_inverse().is_none());
    // Its value alone tells.
    assert_eq!(a.determinant().value(), 0.0);
}
