//! serde through JSON: `Dual` as `{"value", "partials"}`, `Dual2` as
//! `{"value", "gradient", "hessian"}` with the full symmetric Hessian. Any
//! N (0, 3, 40 — past serde's 32-element array limit), f32 and nested
//! duals round-trip; a wrong number of partials or gradient entries, a
//! Hessian row of the wrong length, an asymmetric Hessian and unknown or
//! missing fields are errors that name what is wrong. Also the gradient
//! checker's reports and the drivers' dimension errors, for logs.

use dualgrad::{Dual, Dual2};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Serializes to JSON and deserializes back.
fn round_trip<T>(d: &T) -> T
where
    T: Serialize + DeserializeOwned,
{
    let json = serde_json::to_string(d).expect("serializes");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not deserialize: {e}"))
}

/// The error deserializing `json` as a `T` gives, which must fail.
fn error_of<T: DeserializeOwned>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(_) => panic!("{json} was accepted"),
        Err(e) => e.to_string(),
    }
}

/// Floats through serde_json: equal to within one ulp (serde_json parses
/// floats to within one ulp unless its `float_roundtrip` feature is on).
fn within_one_ulp(a: f64, b: f64) -> bool {
    a.to_bits().abs_diff(b.to_bits()) <= 1
}

// --- Dual ------------------------------------------------------------------------

#[test]
fn round_trip_keeps_value_and_every_partial() {
    let d = Dual::new(1.25, [0.5, -3.0, 1e-300]);
    assert_eq!(round_trip(&d).into_parts(), d.into_parts());
    let single = Dual::<f32, 2>::new(0.1, [0.2, f32::MAX]);
    assert_eq!(round_trip(&single).into_parts(), single.into_parts());
}

#[test]
fn round_trip_of_zero_partials() {
    let d = Dual::<f64, 0>::new(2.5, []);
    assert_eq!(
        serde_json::to_string(&d).unwrap(),
        r#"{"value":2.5,"partials":[]}"#
    );
    assert_eq!(round_trip(&d).into_parts(), (2.5, []));
}

#[test]
fn round_trip_of_forty_partials() {
    let d = Dual::<f64, 40>::new(-1.0, core::array::from_fn(|i| i as f64 / 7.0));
    assert_eq!(round_trip(&d).into_parts(), d.into_parts());
}

#[test]
fn round_trip_of_nested_duals() {
    let inner = |v: f64| Dual::<f64, 2>::new(v, [v + 1.0, v + 2.0]);
    let d = Dual::<Dual<f64, 2>, 2>::new(inner(1.0), [inner(10.0), inner(20.0)]);
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.starts_with(r#"{"value":{"value":1.0,"partials":[2.0,3.0]},"partials":[{"#));
    let back = round_trip(&d);
    assert_eq!(back.value().into_parts(), d.value().into_parts());
    for (b, o) in back.partials().iter().zip(d.partials()) {
        assert_eq!(b.into_parts(), o.into_parts());
    }
}

#[test]
fn a_wrong_number_of_partials_is_an_error_naming_both_lengths() {
    let short = serde_json::from_str::<Dual<f64, 3>>(r#"{"value":1.0,"partials":[1.0,2.0]}"#);
    let message = short.unwrap_err().to_string();
    assert!(
        message.contains("invalid length 2, expected a sequence of exactly 3 partial derivatives"),
        "{message}"
    );
    let long = serde_json::from_str::<Dual<f64, 1>>(r#"{"value":1.0,"partials":[1.0,2.0]}"#);
    let message = long.unwrap_err().to_string();
    assert!(
        message.contains("invalid length 2, expected a sequence of exactly 1 partial derivatives"),
        "{message}"
    );
}

#[test]
fn missing_and_unknown_fields_are_errors() {
    let missing = serde_json::from_str::<Dual<f64, 1>>(r#"{"partials":[1.0]}"#);
    assert!(
        missing
            .unwrap_err()
            .to_string()
            .contains("missing field `value`")
    );
    let unknown = serde_json::from_str::<Dual<f64, 1>>(r#"{"value":1,"partials":[1],"slope":2}"#);
    assert!(
        unknown
            .unwrap_err()
            .to_string()
            .contains("unknown field `slope`")
    );
}

#[test]
fn a_gradient_computed_by_the_crate_survives_serialization() {
    let (x, y) = (
        Dual::<f64, 2>::variable(0.3, 0),
        Dual::<f64, 2>::variable(-1.1, 1),
    );
    let f = (x * y).sin() + y.exp();
    let back = round_trip(&f);
    assert!(within_one_ulp(back.value(), f.value()));
    for (b, o) in back.partials().iter().zip(f.partials()) {
        assert!(within_one_ulp(*b, *o), "{b:e} vs {o:e}");
    }
}

// --- Dual2 -----------------------------------------------------------------------

type H2 = Dual2<f64, 2>;

/// f(x, y) = x²y + y³/4 at (3, 2): a number with a full Hessian. Every
/// part is a dyadic fraction, which serde_json parses exactly (without its
/// `float_roundtrip` feature it may round other decimals off by an ulp).
fn sample() -> H2 {
    let (x, y) = (H2::variable(3.0, 0), H2::variable(2.0, 1));
    x * x * y + y * y * y * 0.25
}

#[test]
fn round_trip_keeps_value_gradient_and_hessian_bit_for_bit() {
    let d = sample();
    let back = round_trip(&d);
    assert_eq!(back.value().to_bits(), d.value().to_bits());
    assert_eq!(back.gradient(), d.gradient());
    assert_eq!(back.hessian(), d.hessian());
}

#[test]
fn output_names_three_fields_and_writes_the_full_symmetric_hessian() {
    let d = Dual2::new(1.5, [2.0, -1.0], [[4.0, 5.0], [99.0, 6.0]]);
    let value: serde_json::Value = serde_json::to_value(d).unwrap();
    assert_eq!(
        value,
        serde_json::json!({
            "value": 1.5,
            "gradient": [2.0, -1.0],
            "hessian": [[4.0, 5.0], [5.0, 6.0]],
        })
    );
}

#[test]
fn widths_above_serdes_array_limit_round_trip() {
    let mut x = [Dual2::<f64, 40>::constant(0.0); 40];
    for (i, xi) in x.iter_mut().enumerate() {
        *xi = Dual2::variable(i as f64 * 0.125, i);
    }
    let d = x
        .iter()
        .zip(x.iter().skip(1))
        .fold(Dual2::constant(0.0), |acc, (a, b)| acc + *a * *b);
    let back = round_trip(&d);
    assert_eq!(back.into_parts(), d.into_parts());
    assert_eq!(back.hessian_entry(3, 4), 1.0);
}

#[test]
fn zero_variables_and_f32_round_trip() {
    let none = Dual2::<f64, 0>::constant(2.5);
    let json = serde_json::to_string(&none).unwrap();
    assert_eq!(json, r#"{"value":2.5,"gradient":[],"hessian":[]}"#);
    let back: Dual2<f64, 0> = serde_json::from_str(&json).unwrap();
    assert_eq!(back.value(), 2.5);

    let x = Dual2::<f32, 1>::variable(0.75, 0);
    let d = x * x * x;
    let back = round_trip(&d);
    assert_eq!(back.into_parts(), d.into_parts());
}

#[test]
fn dual2_of_duals_nests_the_dual_form() {
    let inner = Dual::<f64, 1>::new(1.0, [0.5]);
    let d = Dual2::<Dual<f64, 1>, 1>::new(inner, [inner], [[inner]]);
    let json = serde_json::to_string(&d).unwrap();
    let p = r#"{"value":1.0,"partials":[0.5]}"#;
    assert_eq!(
        json,
        format!(r#"{{"value":{p},"gradient":[{p}],"hessian":[[{p}]]}}"#)
    );
    let back: Dual2<Dual<f64, 1>, 1> = serde_json::from_str(&json).unwrap();
    assert_eq!(back.hessian_entry(0, 0).partials(), &[0.5]);
}

#[test]
fn gradient_of_the_wrong_length_names_both_lengths() {
    let short = error_of::<H2>(r#"{"value":1.0,"gradient":[1.0],"hessian":[[0.0,0.0],[0.0,0.0]]}"#);
    assert!(
        short.starts_with("invalid length 1, expected a sequence of exactly 2 gradient entries"),
        "{short}"
    );
    let long = error_of::<H2>(
        r#"{"value":1.0,"gradient":[1.0,2.0,3.0,4.0],"hessian":[[0.0,0.0],[0.0,0.0]]}"#,
    );
    assert!(
        long.starts_with("invalid length 4, expected a sequence of exactly 2 gradient entries"),
        "{long}"
    );
}

#[test]
fn hessian_with_the_wrong_number_of_rows_names_both_lengths() {
    let short = error_of::<H2>(r#"{"value":1.0,"gradient":[1.0,2.0],"hessian":[[0.0,0.0]]}"#);
    assert!(
        short.starts_with("invalid length 1, expected a Hessian: a sequence of exactly 2 rows"),
        "{short}"
    );
    let long = error_of::<H2>(
        r#"{"value":1.0,"gradient":[1.0,2.0],"hessian":[[0.0,0.0],[0.0,0.0],[0.0,0.0]]}"#,
    );
    assert!(
        long.starts_with("invalid length 3, expected a Hessian: a sequence of exactly 2 rows"),
        "{long}"
    );
}

#[test]
fn hessian_row_of_the_wrong_length_names_the_row_and_both_lengths() {
    let short = error_of::<Dual2<f64, 3>>(
        r#"{"value":1.0,"gradient":[1.0,2.0,3.0],"hessian":[[0,0,0],[0,0,0],[0,0]]}"#,
    );
    assert!(
        short.starts_with(
            "invalid length 2, expected row 2 of the Hessian: a sequence of exactly 3 entries"
        ),
        "{short}"
    );
    let long = error_of::<Dual2<f64, 3>>(
        r#"{"value":1.0,"gradient":[1.0,2.0,3.0],"hessian":[[0,0,0],[0,0,0,0,0],[0,0,0]]}"#,
    );
    assert!(
        long.starts_with(
            "invalid length 5, expected row 1 of the Hessian: a sequence of exactly 3 entries"
        ),
        "{long}"
    );
    // The upper triangle alone is not accepted: every row has N entries.
    let triangle =
        error_of::<H2>(r#"{"value":1.0,"gradient":[1.0,2.0],"hessian":[[1.0,2.0],[3.0]]}"#);
    assert!(
        triangle.starts_with("invalid length 1, expected row 1"),
        "{triangle}"
    );
}

#[test]
fn asymmetric_hessian_is_refused_naming_the_entries() {
    let message = error_of::<Dual2<f64, 3>>(
        r#"{"value":0.0,"gradient":[0,0,0],"hessian":[[1,2,3],[2,4,5],[3,5.5,6]]}"#,
    );
    assert!(
        message.starts_with("asymmetric Hessian: entry (1, 2) is 5 but entry (2, 1) is 5.5"),
        "{message}"
    );
    assert!(message.contains("(H + Hᵀ)/2"), "{message}");
}

#[test]
fn dual2_unknown_and_missing_fields_are_errors() {
    let unknown = error_of::<H2>(
        r#"{"value":1.0,"gradient":[1.0,2.0],"hessian":[[0,0],[0,0]],"partials":[1.0]}"#,
    );
    assert!(unknown.starts_with("unknown field `partials`"), "{unknown}");
    let missing = error_of::<H2>(r#"{"value":1.0,"gradient":[1.0,2.0]}"#);
    assert!(missing.starts_with("missing field `hessian`"), "{missing}");
    // A `Dual`'s form is not a `Dual2`'s.
    let dual = serde_json::to_string(&Dual::new(1.0, [2.0, 3.0])).unwrap();
    assert!(serde_json::from_str::<H2>(&dual).is_err());
}

#[test]
fn sequence_form_is_accepted() {
    let d: H2 = serde_json::from_str("[1.0,[2.0,3.0],[[4.0,5.0],[5.0,6.0]]]").unwrap();
    assert_eq!(d.into_parts(), (1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]));
}

#[test]
fn wrong_element_type_is_an_error_not_a_panic() {
    assert!(
        serde_json::from_str::<H2>(r#"{"value":"x","gradient":[1,2],"hessian":[[0,0],[0,0]]}"#)
            .is_err()
    );
    assert!(serde_json::from_str::<H2>(r#"{"value":1,"gradient":[1,2],"hessian":[0,0]}"#).is_err());
    assert!(
        serde_json::from_str::<H2>(r#"{"value":1,"gradient":3,"hessian":[[0,0],[0,0]]}"#).is_err()
    );
}

// --- The gradient checker's reports and the drivers' errors ---------------------

#[test]
fn gradient_check_reports_serialize_for_logs() {
    use dualgrad::gradcheck::{GradCheck, Position, Scheme};
    let report = GradCheck::default()
        .gradient(|x| x[0] * x[1], |x| vec![x[1], x[0]], &[3.0, 4.0])
        .unwrap();
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    assert_eq!(json["kind"], "gradient");
    assert_eq!(
        json["entries"][1]["position"],
        serde_json::json!({"Entry": 1})
    );
    assert_eq!(json["entries"][1]["computed"], 3.0);
    let scheme: Scheme = serde_json::from_value(json["scheme"].clone()).unwrap();
    assert_eq!(scheme, report.scheme());
    let position: Position =
        serde_json::from_value(json["entries"][0]["position"].clone()).unwrap();
    assert_eq!(position, Position::Entry(0));
}

#[test]
fn schemes_positions_and_kinds_are_named_variants() {
    use dualgrad::gradcheck::{CheckKind, Position, Scheme};
    for (scheme, json) in [
        (Scheme::Forward, r#""Forward""#),
        (Scheme::Central, r#""Central""#),
        (Scheme::FivePoint, r#""FivePoint""#),
        (Scheme::Richardson, r#""Richardson""#),
    ] {
        assert_eq!(serde_json::to_string(&scheme).unwrap(), json);
        assert_eq!(round_trip(&scheme), scheme);
    }
    for (position, json) in [
        (Position::Entry(3), r#"{"Entry":3}"#),
        (
            Position::Jacobian { row: 1, column: 2 },
            r#"{"Jacobian":{"row":1,"column":2}}"#,
        ),
        (
            Position::Hessian { row: 0, column: 4 },
            r#"{"Hessian":{"row":0,"column":4}}"#,
        ),
        (Position::Directional, r#""Directional""#),
    ] {
        assert_eq!(serde_json::to_string(&position).unwrap(), json);
        assert_eq!(round_trip(&position), position);
    }
    for (kind, json) in [
        (CheckKind::Gradient, r#""gradient""#),
        (CheckKind::Jacobian, r#""Jacobian""#),
        (CheckKind::Hessian, r#""Hessian""#),
        (
            CheckKind::DirectionalDerivative,
            r#""directional derivative""#,
        ),
    ] {
        assert_eq!(serde_json::to_string(&kind).unwrap(), json);
        assert_eq!(round_trip(&kind), kind);
    }
    assert!(serde_json::from_str::<Scheme>(r#""Backward""#).is_err());
}

#[test]
fn estimates_and_sweep_points_are_structs_of_their_fields() {
    use dualgrad::gradcheck::steps::{SweepPoint, step_sweep};
    use dualgrad::gradcheck::{Estimate, Scheme, numeric_gradient_with_errors};
    let e = Estimate {
        value: 2.0,
        error: 1e-12,
        step: 0.25,
    };
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(json, r#"{"value":2.0,"error":1e-12,"step":0.25}"#);
    assert_eq!(round_trip(&e), e);
    let computed = numeric_gradient_with_errors(|x| x[0].exp(), &[0.5], Scheme::Central, None)[0];
    let back = round_trip(&computed);
    assert!(
        within_one_ulp(back.value, computed.value) && within_one_ulp(back.error, computed.error)
    );
    assert!(serde_json::from_str::<Estimate>(r#"{"value":1.0,"error":0.0}"#).is_err());

    let point = step_sweep(|x| x * x, 1.0, 2.0, [0.5])[0];
    let json = serde_json::to_string(&point).unwrap();
    assert_eq!(
        json,
        r#"{"step":0.5,"forward":0.5,"central":0.0,"five_point":0.0}"#
    );
    assert_eq!(round_trip(&point), point);
    assert!(
        serde_json::from_str::<SweepPoint>(
            r#"{"step":0.5,"forward":0.5,"central":0.0,"five_point":0.0,"sixth":1}"#
        )
        .is_err()
    );
}

#[test]
fn reports_round_trip_and_recompute_their_verdicts() {
    use dualgrad::gradcheck::{CheckKind, EntryReport, GradCheck, GradCheckError, Report};
    let Err(GradCheckError::Mismatch(report)) = GradCheck::default().gradient(
        |x| x[0] * x[0] + x[1],
        |x| vec![2.0 * x[0], 1.5],
        &[3.0, 4.0],
    ) else {
        panic!("the wrong entry passed");
    };
    let json: serde_json::Value = serde_json::to_value(&*report).unwrap();
    // The fields in declaration order; the derived values (verdicts, worst
    // entry, overall relative error) are recomputed, not stored.
    let text = serde_json::to_string(&*report).unwrap();
    assert!(
        text.starts_with(
            r#"{"kind":"gradient","scheme":"Central","rtol":1e-6,"atol":0.0,"estimate_factor":4.0,"entries":[{"position":{"Entry":0},"computed":6.0,"numeric":"#
        ),
        "{text}"
    );
    let entry = json["entries"][1].as_object().unwrap();
    let mut entry_keys: Vec<&str> = entry.keys().map(String::as_str).collect();
    entry_keys.sort_unstable();
    assert_eq!(
        entry_keys,
        [
            "computed",
            "error_estimate",
            "numeric",
            "position",
            "step",
            "tolerance"
        ]
    );
    let back: Report = round_trip(&*report);
    assert_eq!(back.kind(), CheckKind::Gradient);
    assert_eq!((back.rtol(), back.atol()), (report.rtol(), report.atol()));
    assert!(!back.passed());
    assert_eq!(
        back.worst_entry().unwrap().position(),
        report.worst_entry().unwrap().position()
    );
    for (b, o) in back.entries().iter().zip(report.entries()) {
        assert_eq!(
            (b.position(), b.computed(), b.passed()),
            (o.position(), o.computed(), o.passed())
        );
        assert!(within_one_ulp(b.numeric(), o.numeric()));
        assert!(within_one_ulp(b.tolerance(), o.tolerance()));
    }
    // An edited report cannot disagree with itself: the verdict follows
    // the numbers.
    let mut edited = json.clone();
    edited["entries"][1]["computed"] = json["entries"][1]["numeric"].clone();
    let edited: Report = serde_json::from_value(edited).unwrap();
    assert!(edited.passed());
    // Nor can an empty one panic.
    let mut empty = json;
    empty["entries"] = serde_json::json!([]);
    let empty: Report = serde_json::from_value(empty).unwrap();
    assert!(empty.worst_entry().is_none() && empty.passed());
    assert_eq!(empty.relative_error(), 0.0);
    assert!(empty.to_string().contains("0 entries"));
    let entry: EntryReport = round_trip(&report.entries()[0]);
    assert!(entry.passed());
}

#[test]
fn dimension_errors_serialize_their_four_fields() {
    use dualgrad::chunk::{GradientConfig, gradient_with};
    let mut config = GradientConfig::<f64>::new(3);
    let err = gradient_with(&mut config, |x| x[0], &[1.0, 2.0], &mut [0.0; 3]).unwrap_err();
    assert_eq!(
        serde_json::to_string(&err).unwrap(),
        r#"{"what":"input x","expected":3,"found":2,"because":"the length the config was made for"}"#
    );
}
