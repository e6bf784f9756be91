//! `Dual2` through serde: `{"value", "gradient", "hessian"}` with the full
//! symmetric Hessian, any N, round trips exact, and errors that name the
//! wrong length, the row, the asymmetric entry or the unknown field.

use dualgrad::{Dual, Dual2};

type H2 = Dual2<f64, 2>;

/// f(x, y) = x²y + y³/4 at (3, 2): a number with a full Hessian. Every
/// part is a dyadic fraction, which serde_json parses exactly (without its
/// `float_roundtrip` feature it may round other decimals off by an ulp).
fn sample() -> H2 {
    let (x, y) = (H2::variable(3.0, 0), H2::variable(2.0, 1));
    x * x * y + y * y * y * 0.25
}

fn error_of<T: serde::de::DeserializeOwned>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(_) => panic!("{json} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn round_trip_keeps_value_gradient_and_hessian_bit_for_bit() {
    let d = sample();
    let json = serde_json::to_string(&d).unwrap();
    let back: H2 = serde_json::from_str(&json).unwrap();
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
    let back: Dual2<f64, 40> = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
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
    let back: Dual2<f32, 1> = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
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
fn unknown_and_missing_fields_are_errors() {
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
