//! `api::js_value`: values from the browser's JSON parser read into the contract's types.

use contract::subscriptions::{Permission, Subscription, SubscriptionStatus};
use contract::{Currency, Money};
use portal::api::js_value::{from_value, ShapeError};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;
use wasm_bindgen_test::*;

fn parse(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Sample {
    count: u32,
    offset: i64,
    ratio: f64,
    name: String,
    note: Option<String>,
    #[serde(default)]
    missing: Option<u8>,
    tags: Vec<String>,
    status: SubscriptionStatus,
    price: Money,
}

const SAMPLE: &str = r#"{"count": 7, "offset": -3, "ratio": 0.5, "name": "Åsa", "note": null, "tags": ["a", "b"],
    "status": "disabled", "price": {"amount": "12.30", "currency": "SEK"}}"#;

#[wasm_bindgen_test]
fn every_json_kind_is_read_into_its_type() {
    let sample: Sample = from_value(parse(SAMPLE)).expect("sample reads");
    let price = Money::new(Decimal::from_str("12.30").unwrap(), Currency::parse("SEK").unwrap());
    let expected = Sample {
        count: 7,
        offset: -3,
        ratio: 0.5,
        name: "Åsa".into(),
        note: None,
        missing: None,
        tags: vec!["a".into(), "b".into()],
        status: SubscriptionStatus::Disabled,
        price,
    };
    assert_eq!(sample, expected);
    assert_eq!(sample.price.amount.to_string(), "12.30", "the amount keeps its scale: read from the string, exactly");
}

#[wasm_bindgen_test]
fn a_value_of_another_shape_is_a_shape_error() {
    let wrong = [
        ("count", r#""7""#),
        ("count", "-1"),
        ("count", "1.5"),
        ("count", "4294967296"),
        ("name", "7"),
        ("tags", r#""a""#),
        ("status", r#""paused""#),
        ("price", r#"{"amount": 12.3, "currency": "SEK"}"#),
    ];
    for (member, value) in wrong {
        let object = parse(SAMPLE);
        js_sys::Reflect::set(&object, &member.into(), &parse(value)).unwrap();
        assert_eq!(from_value::<Sample>(object), Err(ShapeError), "{member}: {value}");
    }
    let unknown = parse(SAMPLE);
    js_sys::Reflect::set(&unknown, &"extra".into(), &1.into()).unwrap();
    assert_eq!(from_value::<Sample>(unknown), Err(ShapeError), "an unknown member is refused where the type says so");
    assert_eq!(from_value::<Sample>(parse("[]")), Err(ShapeError));
    assert_eq!(from_value::<Sample>(parse("null")), Err(ShapeError));
}

#[wasm_bindgen_test]
fn a_subscription_from_the_reference_fixtures_reads() {
    // As the reference backend answers `GET /api/v1/subscriptions`.
    let json = r#"{"id": "sub-business-basic", "product": {"id": "m365-business-basic",
        "name": "Microsoft 365 Business Basic"}, "channel": "self_service", "status": "active",
        "billing_frequency": "monthly", "purchased_on": "2025-10-27", "renews_or_expires_on": "2026-12-27",
        "auto_renew": true, "total_licenses": 100, "assigned_licenses": 40, "max_licenses": 300,
        "unit_price": {"amount": "69.00", "currency": "SEK"}, "billing_profile_id": "bp-stockholm",
        "billing_profile_name": "Contoso AB \u2013 Stockholm", "payment_pending": false, "etag": "\"7\"",
        "allowed_actions": {"buy": {"state": "allowed"},
            "reduce": {"state": "denied", "reason": "reduction_window_closed", "date": "2026-12-04"},
            "assign": {"state": "allowed"}, "unassign": {"state": "allowed"}, "cancel": {"state": "allowed"},
            "reactivate": {"state": "denied", "reason": "not_reactivatable"}}}"#;
    let subscription: Subscription = from_value(parse(json)).expect("a subscription reads");
    assert_eq!((subscription.total_licenses, subscription.assigned_licenses), (100, 40));
    assert_eq!(subscription.billing_profile_name, "Contoso AB – Stockholm");
    assert_eq!(subscription.etag, "\"7\"");
    assert_eq!(contract::date::to_iso(subscription.renews_or_expires_on), "2026-12-27");
    assert!(matches!(subscription.allowed_actions.reduce, Permission::Denied { date: Some(_), .. }));
    assert_eq!(subscription.allowed_actions.buy, Permission::Allowed);
}
