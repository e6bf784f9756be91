//! The standard and `num-traits` traits of `Dual`, and every ownership form
//! of every operator.

use std::cmp::Ordering;
use std::num::FpCategory;

use dualgrad::Dual;
use num_traits::{
    Float, FloatConst, FromPrimitive, Inv, Num, NumCast, One, Signed, ToPrimitive, Zero,
};

type D = Dual<f64, 2>;

// --- Zero and One are structural, == is not -------------------------------------

#[test]
fn zero_and_one_are_structural_and_require_zero_partials() {
    assert!(D::zero().is_zero());
    assert_eq!(D::zero().into_parts(), (0.0, [0.0, 0.0]));
    assert!(D::one().is_one());
    assert_eq!(D::one().into_parts(), (1.0, [0.0, 0.0]));
    // A variable at 0 equals 0 by value but is not structurally zero.
    let x = D::variable(0.0, 1);
    assert!(x == D::zero() && x == 0.0);
    assert!(!x.is_zero());
    let x = D::variable(1.0, 0);
    assert!(x == D::one());
    assert!(!x.is_one());
    assert!(D::constant(-0.0).is_zero());
    assert!(!D::constant(2.0).is_one());
}

#[test]
fn is_constant_is_true_only_without_partials() {
    assert!(D::constant(3.0).is_constant());
    assert!(D::new(3.0, [0.0, -0.0]).is_constant());
    assert!(!D::new(3.0, [0.0, 1e-300]).is_constant());
    assert!(!D::new(3.0, [f64::NAN, 0.0]).is_constant());
}

// --- Num, NumCast, ToPrimitive, FromPrimitive ---------------------------------------

#[test]
fn from_str_radix_parses_a_constant() {
    let d = D::from_str_radix("1.5", 10).unwrap();
    assert_eq!(d.into_parts(), (1.5, [0.0, 0.0]));
    assert_eq!(D::from_str_radix("-101", 2).unwrap().value(), -5.0);
    assert_eq!(D::from_str_radix("ff", 16).unwrap().value(), 255.0);
    assert!(D::from_str_radix("1.5x", 10).is_err());
    assert!(D::from_str_radix("inf", 10).unwrap().value().is_infinite());
}

#[test]
fn numcast_and_from_primitive_give_constants() {
    let d = <D as NumCast>::from(3_i32).unwrap();
    assert_eq!(d.into_parts(), (3.0, [0.0, 0.0]));
    let d = <D as NumCast>::from(0.25_f32).unwrap();
    assert_eq!(d.into_parts(), (0.25, [0.0, 0.0]));
    assert_eq!(
        <D as NumCast>::from(u64::MAX).unwrap().value(),
        u64::MAX as f64
    );
    assert_eq!(D::from_i64(-5).unwrap().into_parts(), (-5.0, [0.0, 0.0]));
    assert_eq!(D::from_u64(7).unwrap().value(), 7.0);
    assert_eq!(
        D::from_i128(-(1 << 70)).unwrap().value(),
        -(2.0_f64.powi(70))
    );
    assert_eq!(D::from_u128(1 << 100).unwrap().value(), 2.0_f64.powi(100));
    assert_eq!(D::from_f32(0.5).unwrap().value(), 0.5);
    assert_eq!(
        D::from_f64(-2.75).unwrap().into_parts(),
        (-2.75, [0.0, 0.0])
    );
    assert!(D::from_f64(f64::NAN).unwrap().value().is_nan());
    // Through the generic entry point a Float-generic crate uses.
    fn two<S: Float>() -> S {
        S::from(2).unwrap()
    }
    assert_eq!(two::<D>().into_parts(), (2.0, [0.0, 0.0]));
}

#[test]
fn to_primitive_looks_at_the_value_only() {
    let d = D::new(3.7, [100.0, -5.0]);
    assert_eq!(d.to_i64(), Some(3));
    assert_eq!(d.to_u64(), Some(3));
    assert_eq!(d.to_i128(), Some(3));
    assert_eq!(d.to_u128(), Some(3));
    assert_eq!(d.to_u8(), Some(3));
    assert_eq!(d.to_f64(), Some(3.7));
    assert_eq!(d.to_f32(), Some(3.7_f32));
    let negative = D::new(-1.5, [1.0, 1.0]);
    assert_eq!(negative.to_u64(), None);
    assert_eq!(negative.to_i32(), Some(-1));
    assert_eq!(D::constant(f64::NAN).to_i64(), None);
    assert_eq!(D::constant(1e300).to_i64(), None);
}

// --- Signed and Inv ------------------------------------------------------------------

#[test]
fn signed_methods_differentiate_like_their_float_counterparts() {
    let x = D::new(-3.0, [1.0, 2.0]);
    assert_eq!(Signed::abs(&x).into_parts(), (3.0, [-1.0, -2.0]));
    assert_eq!(Signed::signum(&x).into_parts(), (-1.0, [0.0, 0.0]));
    let y = D::new(-5.0, [0.5, 0.0]);
    assert_eq!(Signed::abs_sub(&x, &y).into_parts(), (2.0, [0.5, 2.0]));
    assert_eq!(Signed::abs_sub(&y, &x).into_parts(), (0.0, [0.0, 0.0]));
    assert!(x.is_negative() && !x.is_positive());
    // As for f64: ±0 and ±∞ have a sign.
    assert!(D::constant(0.0).is_positive());
    assert!(D::constant(-0.0).is_negative());
    assert!(D::constant(f64::INFINITY).is_positive());
}

#[test]
fn inv_is_the_reciprocal_with_slope_minus_inverse_square() {
    let x = D::new(4.0, [1.0, -2.0]);
    assert_eq!(x.inv().into_parts(), (0.25, [-1.0 / 16.0, 2.0 / 16.0]));
    assert_eq!((&x).inv().into_parts(), (0.25, [-1.0 / 16.0, 2.0 / 16.0]));
}

// --- Constants ---------------------------------------------------------------------------

#[test]
fn float_const_and_float_constants_have_zero_partials() {
    use std::f64::consts;
    let constants: [(D, f64); 9] = [
        (D::PI(), consts::PI),
        (D::E(), consts::E),
        (D::TAU(), consts::TAU),
        (D::SQRT_2(), consts::SQRT_2),
        (D::LN_2(), consts::LN_2),
        (D::LOG2_10(), consts::LOG2_10),
        (D::FRAC_1_SQRT_2(), consts::FRAC_1_SQRT_2),
        (<D as Float>::epsilon(), f64::EPSILON),
        (<D as Float>::max_value(), f64::MAX),
    ];
    for (d, want) in constants {
        assert_eq!(d.into_parts(), (want, [0.0, 0.0]));
    }
    assert_eq!(
        <D as Float>::min_positive_value().value(),
        f64::MIN_POSITIVE
    );
    assert_eq!(<D as Float>::min_value().value(), f64::MIN);
    assert_eq!(<D as Float>::infinity().value(), f64::INFINITY);
    assert_eq!(<D as Float>::neg_infinity().value(), f64::NEG_INFINITY);
    assert_eq!(
        <D as Float>::neg_zero().value().to_bits(),
        (-0.0_f64).to_bits()
    );
    let nan = <D as Float>::nan();
    assert!(nan.value().is_nan() && nan.partials() == &[0.0, 0.0]);
}

#[test]
fn float_predicates_and_classification_look_at_the_value() {
    let d = |v: f64| D::new(v, [f64::NAN, 1.0]);
    for v in [0.0, -0.0, 1.5, -1e-310, f64::INFINITY, f64::NAN, f64::MAX] {
        let x = d(v);
        assert_eq!(Float::is_nan(x), v.is_nan());
        assert_eq!(Float::is_infinite(x), v.is_infinite());
        assert_eq!(Float::is_finite(x), v.is_finite());
        assert_eq!(Float::is_normal(x), v.is_normal());
        assert_eq!(Float::is_subnormal(x), v.is_subnormal());
        assert_eq!(Float::classify(x), v.classify());
        assert_eq!(Float::is_sign_positive(x), v.is_sign_positive());
        assert_eq!(Float::is_sign_negative(x), v.is_sign_negative());
        assert_eq!(Float::integer_decode(x), Float::integer_decode(v));
    }
    assert_eq!(Float::classify(d(-1e-310)), FpCategory::Subnormal);
}

// --- Default, From, Clone ----------------------------------------------------------------

#[test]
fn default_is_constant_zero_and_from_makes_a_constant() {
    assert_eq!(D::default().into_parts(), (0.0, [0.0, 0.0]));
    assert!(D::default().is_zero());
    let d: D = 2.5.into();
    assert_eq!(d.into_parts(), (2.5, [0.0, 0.0]));
    assert_eq!(
        <D as From<f64>>::from(-1.0).into_parts(),
        (-1.0, [0.0, 0.0])
    );
}

#[test]
fn accessors_return_what_was_stored() {
    let d = Dual::new(1.5, [2.0, 3.0, -4.0]);
    assert_eq!(d.value(), 1.5);
    assert_eq!(d.partials(), &[2.0, 3.0, -4.0]);
    assert_eq!(d.partial(2), -4.0);
    assert_eq!(d.into_parts(), (1.5, [2.0, 3.0, -4.0]));
    let copy = d;
    #[allow(clippy::clone_on_copy)]
    let clone = d.clone();
    assert_eq!(copy.into_parts(), clone.into_parts());
    assert_eq!(D::variable(7.0, 1).into_parts(), (7.0, [0.0, 1.0]));
}

#[test]
#[should_panic(expected = "out of range")]
fn partial_out_of_range_panics_with_a_message() {
    let _ = D::constant(1.0).partial(2);
}

#[test]
#[should_panic(expected = "out of range")]
fn variable_out_of_range_panics_with_a_message() {
    let _ = D::variable(1.0, 5);
}

// --- Display and Debug -------------------------------------------------------------------

#[test]
fn display_prints_value_plus_bracketed_partials_epsilon() {
    assert_eq!(Dual::new(1.5, [2.0, 3.0]).to_string(), "1.5 + [2, 3]ε");
    assert_eq!(Dual::new(-0.5, [0.0]).to_string(), "-0.5 + [0]ε");
    assert_eq!(Dual::<f64, 0>::constant(4.0).to_string(), "4 + []ε");
    assert_eq!(
        format!("{:.2}", Dual::new(1.0, [0.5, -0.125])),
        "1.00 + [0.50, -0.12]ε"
    );
    assert_eq!(Dual::new(1.5_f32, [2.0]).to_string(), "1.5 + [2]ε");
    assert_eq!(
        Dual::new(f64::NAN, [f64::INFINITY]).to_string(),
        "NaN + [inf]ε"
    );
}

#[test]
fn debug_shows_the_fields() {
    let d = Dual::new(1.5, [2.0, 3.0]);
    assert_eq!(
        format!("{d:?}"),
        "Dual { value: 1.5, partials: [2.0, 3.0] }"
    );
}

// --- Comparisons look at the value only ------------------------------------------------

#[test]
fn equality_and_order_compare_values_and_ignore_partials() {
    let a = D::new(1.0, [5.0, 0.0]);
    let b = D::new(1.0, [-5.0, 7.0]);
    let c = D::new(2.0, [0.0, 0.0]);
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.partial_cmp(&b), Some(Ordering::Equal));
    assert!(a < c && c > b && a <= b && a >= b);
    assert!(a == 1.0 && a != 2.0);
    assert!(a < 1.5 && a > 0.5 && a <= 1.0 && a >= 1.0);
    assert_eq!(a.partial_cmp(&1.0), Some(Ordering::Equal));
    let nan = D::constant(f64::NAN);
    assert_ne!(nan, nan);
    assert_eq!(nan.partial_cmp(&a), None);
    assert_eq!(D::constant(0.0), D::constant(-0.0));
}

// --- Sum and Product ---------------------------------------------------------------------

#[test]
fn sum_and_product_of_iterators_apply_the_sum_and_product_rules() {
    let xs = [
        D::new(2.0, [1.0, 0.0]),
        D::new(3.0, [0.0, 1.0]),
        D::new(-0.5, [2.0, 2.0]),
    ];
    let s: D = xs.iter().sum();
    assert_eq!(s.into_parts(), (4.5, [3.0, 3.0]));
    let s: D = xs.into_iter().sum();
    assert_eq!(s.into_parts(), (4.5, [3.0, 3.0]));
    // d(abc) = bc·da + ac·db + ab·dc.
    let p: D = xs.iter().product();
    assert_eq!(p.value(), -3.0);
    assert_eq!(
        p.partials(),
        &[
            3.0 * -0.5 * 1.0 + 2.0 * 3.0 * 2.0,
            2.0 * -0.5 + 2.0 * 3.0 * 2.0
        ]
    );
    let p: D = xs.into_iter().product();
    assert_eq!(p.value(), -3.0);
    // Empty folds give f64's empty sum (−0) and product (1), bit for bit.
    let empty: [D; 0] = [];
    let s: D = empty.iter().sum();
    assert_eq!(
        s.value().to_bits(),
        [0.0_f64; 0].iter().sum::<f64>().to_bits()
    );
    let p: D = empty.iter().product();
    assert_eq!(p.into_parts(), (1.0, [0.0, 0.0]));
}

// --- Every ownership form of every operator ------------------------------------------

/// Value and partials equal to `want` within 2 ulps (the closed forms below
/// round differently from the kernels in a few division cases).
#[track_caller]
fn assert_parts(got: D, want: (f64, [f64; 2]), form: &str) {
    let (value, partials) = got.into_parts();
    let close = |g: f64, w: f64| (g - w).abs() <= 2.0 * f64::EPSILON * w.abs();
    assert!(
        close(value, want.0) && close(partials[0], want.1[0]) && close(partials[1], want.1[1]),
        "{form}: got {:?}, want {want:?}",
        (value, partials)
    );
}

/// For one operator, every form (`a op b`, `&a op b`, `a op &b`, `&a op &b`,
/// `a op s`, `&a op s`, `s op a`, `s op &a`, `a op= b`, `a op= &b`,
/// `a op= s`) must give the closed-form value and partials.
macro_rules! every_ownership_form {
    ($test:ident, $op:tt, $op_assign:tt,
     dual_dual: $dd:expr, dual_scalar: $ds:expr, scalar_dual: $sd:expr) => {
        #[test]
        fn $test() {
            let a = D::new(7.5, [1.0, 0.5]);
            let b = D::new(2.0, [0.0, 3.0]);
            let s = 2.0_f64;
            let (dd, ds, sd): ((f64, [f64; 2]), (f64, [f64; 2]), (f64, [f64; 2])) = ($dd, $ds, $sd);
            assert_parts(a $op b, dd, "a op b");
            assert_parts(&a $op b, dd, "&a op b");
            assert_parts(a $op &b, dd, "a op &b");
            assert_parts(&a $op &b, dd, "&a op &b");
            assert_parts(a $op s, ds, "a op s");
            assert_parts(&a $op s, ds, "&a op s");
            assert_parts(s $op a, sd, "s op a");
            assert_parts(s $op &a, sd, "s op &a");
            let mut c = a;
            c $op_assign b;
            assert_parts(c, dd, "a op= b");
            let mut c = a;
            c $op_assign &b;
            assert_parts(c, dd, "a op= &b");
            let mut c = a;
            c $op_assign s;
            assert_parts(c, ds, "a op= s");
        }
    };
}

// a = 7.5 + [1, 0.5]ε, b = 2 + [0, 3]ε, s = 2.
every_ownership_form!(addition_in_every_ownership_form, +, +=,
    dual_dual: (9.5, [1.0, 3.5]),
    dual_scalar: (9.5, [1.0, 0.5]),
    scalar_dual: (9.5, [1.0, 0.5]));
every_ownership_form!(subtraction_in_every_ownership_form, -, -=,
    dual_dual: (5.5, [1.0, -2.5]),
    dual_scalar: (5.5, [1.0, 0.5]),
    scalar_dual: (-5.5, [-1.0, -0.5]));
every_ownership_form!(multiplication_in_every_ownership_form, *, *=,
    dual_dual: (15.0, [2.0, 1.0 + 22.5]),
    dual_scalar: (15.0, [2.0, 1.0]),
    scalar_dual: (15.0, [2.0, 1.0]));
every_ownership_form!(division_in_every_ownership_form, /, /=,
    // (da·b − a·db)/b²; s/a has slope −s/a²·da.
    dual_dual: (3.75, [0.5, (0.5 * 2.0 - 7.5 * 3.0) / 4.0]),
    dual_scalar: (3.75, [0.5, 0.25]),
    scalar_dual: (2.0 / 7.5, [-2.0 / 56.25, -1.0 / 56.25]));
every_ownership_form!(remainder_in_every_ownership_form, %, %=,
    // 7.5 % 2 = 1.5 = a − 3b: slopes da − 3db; 2 % 7.5 = 2: slope −0·da.
    dual_dual: (1.5, [1.0, 0.5 - 9.0]),
    dual_scalar: (1.5, [1.0, 0.5]),
    scalar_dual: (2.0, [-0.0, -0.0]));

#[test]
fn negation_by_value_and_by_reference() {
    let a = D::new(7.5, [1.0, -0.5]);
    assert_eq!((-a).into_parts(), (-7.5, [-1.0, 0.5]));
    assert_eq!((-&a).into_parts(), (-7.5, [-1.0, 0.5]));
}

#[test]
fn generic_numeric_code_accepts_dual() {
    // Bounds a third-party crate might ask for besides Float.
    fn norm_squared<S: Num + Copy + std::iter::Sum>(v: &[S]) -> S {
        v.iter().map(|&x| x * x).sum()
    }
    fn magnitude<S: Signed>(x: &S) -> S {
        x.abs()
    }
    let v = [D::variable(3.0, 0), D::variable(-4.0, 1)];
    assert_eq!(norm_squared(&v).into_parts(), (25.0, [6.0, -8.0]));
    assert_eq!(magnitude(&v[1]).into_parts(), (4.0, [0.0, -1.0]));
}
