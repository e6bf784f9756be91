//! serde round trips of `Dual` through JSON: any N (0, 3, 40 — past
//! serde's 32-element array limit), f32, nested duals, and clear errors on
//! a wrong number of partials.
#![cfg(feature = "serde")]

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
