//! serde round trips of `Dual` through JSON: any N (0, 3, 40 — past
//! serde's 32-element array limit), f32, nested duals, and clear errors on
//! a wrong number of partials.

use dualgrad::Dual;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Serialize, deserialize, and compare value and partials exactly.
fn round_trip<T>(d: &T) -> T
where
    T: Serialize + DeserializeOwned,
{
    let json = serde_json::to_string(d).expect("serializes");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not deserialize: {e}"))
}

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
    // serde_json parses floats to within one ulp unless its
    // `float_roundtrip` feature is on.
    let within_one_ulp = |a: f64, b: f64| a.to_bits().abs_diff(b.to_bits()) <= 1;
    assert!(within_one_ulp(back.value(), f.value()));
    for (b, o) in back.partials().iter().zip(f.partials()) {
        assert!(within_one_ulp(*b, *o), "{b:e} vs {o:e}");
    }
}

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

/// Floats through serde_json: equal to within one ulp (see above).
fn within_one_ulp(a: f64, b: f64) -> bool {
    a.to_bits().abs_diff(b.to_bits()) <= 1
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
