//! Every wire type survives JSON and back, with the field names the OpenAPI document promises.

use contract::billing::*;
use contract::directory::*;
use contract::invoices::*;
use contract::licenses::*;
use contract::subscriptions::*;
use contract::*;
use rust_decimal::Decimal;
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;
use std::str::FromStr;
use time::macros::date;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("serializes");
    let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not parse back: {e}"));
    assert_eq!(&back, value);
    json
}

fn sek(amount: &str) -> Money {
    Money::new(Decimal::from_str(amount).unwrap(), Currency::parse("SEK").unwrap())
}

fn address() -> Address {
    Address {
        line1: "Drottninggatan 1".into(),
        line2: None,
        city: "Stockholm".into(),
        postal_code: Some("111 51".into()),
        region: None,
        country: "SE".into(),
    }
}

fn subscription() -> Subscription {
    Subscription {
        id: "sub-1".into(),
        product: Product { id: "power-bi-pro".into(), name: "Power BI Pro".into() },
        channel: PurchaseChannel::SelfService,
        status: SubscriptionStatus::Active,
        billing_frequency: BillingFrequency::Monthly,
        purchased_on: date!(2026 - 01 - 15),
        renews_or_expires_on: date!(2026 - 12 - 15),
        auto_renew: true,
        total_licenses: 100,
        assigned_licenses: 40,
        max_licenses: 300,
        unit_price: sek("109.00"),
        billing_profile_id: "bp-1".into(),
        billing_profile_name: "Contoso AB".into(),
        payment_pending: false,
        etag: "\"3\"".into(),
        allowed_actions: AllowedActions {
            buy: Permission::Allowed,
            reduce: Permission::Denied {
                reason: DenialReason::ReductionWindowClosed,
                date: Some(date!(2026 - 01 - 22)),
            },
            assign: Permission::Allowed,
            unassign: Permission::Allowed,
            cancel: Permission::Allowed,
            reactivate: Permission::denied(DenialReason::NotReactivatable),
        },
    }
}

fn person() -> directory::Person {
    directory::Person {
        id: "p-1".into(),
        display_name: "Åsa Öström".into(),
        email: "asa.ostrom@contoso.se".into(),
        department: Some("Ekonomi".into()),
    }
}

fn invoice() -> Invoice {
    Invoice {
        id: "inv-1".into(),
        number: "E0600ABC12".into(),
        date: date!(2026 - 11 - 01),
        period_start: date!(2026 - 10 - 01),
        period_end: date!(2026 - 10 - 31),
        due_date: date!(2026 - 12 - 01),
        amount: sek("1362.50"),
        status: InvoiceStatus::Paid,
        billing_profile_id: "bp-1".into(),
        billing_profile_name: "Contoso AB".into(),
    }
}

fn payment_method() -> PaymentMethod {
    PaymentMethod {
        id: "pm-1".into(),
        brand: CardBrand::Visa,
        last4: "1111".into(),
        expiry: CardExpiry { year: 2028, month: 4 },
        name_on_card: "Åsa Öström".into(),
        address: address(),
        used_by: vec!["bp-1".into()],
        etag: "\"1\"".into(),
    }
}

#[test]
fn subscriptions_round_trip_with_dates_money_and_permissions() {
    let json = round_trip(&subscription());
    assert!(json.contains(r#""renews_or_expires_on":"2026-12-15""#), "{json}");
    assert!(json.contains(r#""unit_price":{"amount":"109.00","currency":"SEK"}"#), "{json}");
    assert!(json.contains(r#""reduce":{"state":"denied","reason":"reduction_window_closed","date":"2026-01-22"}"#));
    assert!(json.contains(r#""buy":{"state":"allowed"}"#));
    assert!(json.contains(r#""channel":"self_service""#));
    round_trip(&Page { items: vec![subscription()], total: 1, page: 1, page_size: 50 });
    round_trip(&SubscriptionQuery {
        channel: Some(PurchaseChannel::SelfService),
        status: Some(SubscriptionStatus::Trial),
        q: Some("bi".into()),
        sort: Some(SortKey::RenewsOn),
        order: Some(SortOrder::Desc),
        page: Some(2),
        page_size: Some(10),
    });
    // A backend from before `unassign` existed: its absence reads as allowed.
    let older = json.replace(r#""unassign":{"state":"allowed"},"#, "");
    assert_ne!(older, json);
    let read: Subscription = serde_json::from_str(&older).expect("older subscription");
    assert_eq!(read.allowed_actions.unassign, Permission::Allowed);
}

#[test]
fn a_permission_reads_in_any_field_order_and_a_denial_needs_its_reason() {
    let read = |json: &str| serde_json::from_str::<Permission>(json);
    assert_eq!(read(r#"{"state":"allowed"}"#).unwrap(), Permission::Allowed);
    assert_eq!(
        read(r#"{"date":"2026-01-22","reason":"reduction_window_closed","state":"denied"}"#).unwrap(),
        Permission::Denied { reason: DenialReason::ReductionWindowClosed, date: Some(date!(2026 - 01 - 22)) }
    );
    assert_eq!(read(r#"{"state":"denied","reason":"trial"}"#).unwrap(), Permission::denied(DenialReason::Trial));
    assert!(read(r#"{"state":"denied"}"#).is_err());
    assert!(read(r#"{"state":"maybe"}"#).is_err());
}

#[test]
fn license_and_cancellation_types_round_trip() {
    round_trip(&QuantityChange { total: 105 });
    round_trip(&QuantityQuote {
        current_total: 100,
        proposed_total: 105,
        prorated_amount: sek("272.50"),
        new_recurring_amount: sek("11445.00"),
        next_billing_date: date!(2026 - 12 - 15),
        tax_rate: "0.25".parse().unwrap(),
    });
    round_trip(&AssignRequest { person_ids: vec!["p-1".into(), "p-2".into()] });
    let json = round_trip(&AssignResponse {
        results: vec![
            AssignResult { person_id: "p-1".into(), outcome: AssignOutcome::Assigned },
            AssignResult { person_id: "p-2".into(), outcome: AssignOutcome::NoUsageLocation },
        ],
        assigned_licenses: 41,
        etag: "\"4\"".into(),
    });
    assert!(json.contains(r#""outcome":"no_usage_location""#));
    round_trip(&UnassignRequest { person_ids: vec!["p-1".into()] });
    round_trip(&Assignment { person: person(), assigned_on: date!(2026 - 02 - 01) });
    round_trip(&CancellationReason { code: "too_expensive".into() });
    round_trip(&CancellationTerms {
        refund: Some(sek("109.00")),
        access_ends_on: date!(2026 - 11 - 23),
        assigned_people: 40,
        data_retained_until: date!(2027 - 02 - 21),
    });
    round_trip(&CancelRequest { reason: "too_expensive".into(), feedback: Some("Vi byter leverantör".into()) });
    let without_feedback = round_trip(&CancelRequest { reason: "other".into(), feedback: None });
    assert!(!without_feedback.contains("feedback"));
}

#[test]
fn directory_types_round_trip() {
    round_trip(&person());
    round_trip(&DirectoryQuery { q: "ostr".into(), top: Some(10), subscription_id: Some("sub-1".into()) });
    round_trip(&DirectoryMatch { person: person(), already_assigned: true });
    assert_eq!(DirectoryQuery { top: Some(1000), ..Default::default() }.effective_top(), DirectoryQuery::MAX_TOP);
    assert_eq!(DirectoryQuery::default().effective_top(), DirectoryQuery::DEFAULT_TOP);
}

#[test]
fn billing_types_round_trip_and_never_print_card_secrets() {
    round_trip(&address());
    round_trip(&payment_method());
    round_trip(&BillingProfile {
        id: "bp-1".into(),
        name: "Contoso AB".into(),
        bill_to_name: "Contoso AB".into(),
        bill_to: address(),
        invoice_email: "faktura@contoso.se".into(),
        payment_method: Some(payment_method()),
        etag: "\"1\"".into(),
    });
    round_trip(&SetPaymentMethod { payment_method_id: "pm-2".into() });
    round_trip(&NewPaymentMethod {
        card_token: "tok_0123456789abcdef".into(),
        expiry: CardExpiry { year: 2029, month: 1 },
        name_on_card: "Åsa Öström".into(),
        address: address(),
    });
    round_trip(&PaymentMethodUpdate {
        security_code_token: Some("tok_fedcba9876543210".into()),
        expiry: Some(CardExpiry { year: 2030, month: 2 }),
        name_on_card: None,
        address: None,
    });
    for raw in [r#"{"card_number":"4111111111111111"}"#, r#"{"security_code":"987"}"#] {
        assert!(serde_json::from_str::<PaymentMethodUpdate>(raw).is_err(), "no card data in an edit: {raw}");
    }
    let with_number = r#"{"card_token":"tok_1","card_number":"4111111111111111","expiry":{"year":2029,"month":1},
        "name_on_card":"A","address":{"line1":"a","city":"b","country":"SE"}}"#;
    assert!(serde_json::from_str::<NewPaymentMethod>(with_number).is_err(), "no card number beside the token");
}

#[test]
fn invoice_types_round_trip() {
    round_trip(&InvoiceQuery { from: date!(2026 - 08 - 23), to: date!(2026 - 11 - 23) });
    round_trip(&invoice());
    let party = |name: &str, vat_number: Option<&str>| InvoiceParty {
        name: name.into(),
        address: Address {
            line1: "Kungsgatan 1".into(),
            line2: None,
            city: "Stockholm".into(),
            postal_code: Some("111 43".into()),
            region: None,
            country: "SE".into(),
        },
        vat_number: vat_number.map(Into::into),
    };
    round_trip(&InvoiceDetail {
        invoice: invoice(),
        seller: party("Seller AB", Some("SE559900112201")),
        buyer: party("Contoso AB", None),
        lines: vec![InvoiceLine {
            product: "Power BI Pro".into(),
            quantity: 10,
            unit_price: sek("109.00"),
            tax_rate: Decimal::from_str("0.25").unwrap(),
            tax: sek("272.50"),
            amount: sek("1090.00"),
        }],
        subtotal: sek("1090.00"),
        tax: sek("272.50"),
    });
}

#[test]
fn me_and_problem_round_trip() {
    round_trip(&me::Me {
        id: "p-1".into(),
        display_name: "Åsa Öström".into(),
        email: "asa.ostrom@contoso.se".into(),
        locale: "sv".into(),
        role: me::Role::Admin,
        organization: me::Organization { id: "contoso".into(), name: "Contoso AB".into() },
        csrf_token: "abc".into(),
    });
    let mut problem = Problem::new(ErrorCode::RateLimited);
    problem.retry_after = Some(3);
    let json = round_trip(&problem);
    assert!(json.contains(r#""retry_after":3"#));
}

#[test]
fn filters_and_sorting_are_shared_rules() {
    let mut trial = subscription();
    trial.id = "sub-2".into();
    trial.product.name = "Visio Plan 2".into();
    trial.status = SubscriptionStatus::Trial;
    trial.channel = PurchaseChannel::Admin;
    trial.total_licenses = 5;
    let all = vec![subscription(), trial];

    let self_service = SubscriptionQuery { channel: Some(PurchaseChannel::SelfService), ..Default::default() };
    assert_eq!(self_service.apply(&all).len(), 1);
    let text = SubscriptionQuery { q: Some("VISIO".into()), ..Default::default() };
    assert_eq!(text.apply(&all)[0].product.name, "Visio Plan 2");
    let by_licenses_desc =
        SubscriptionQuery { sort: Some(SortKey::Licenses), order: Some(SortOrder::Desc), ..Default::default() };
    let names: Vec<_> = by_licenses_desc.apply(&all).into_iter().map(|s| s.total_licenses).collect();
    assert_eq!(names, [100, 5]);
    let by_name = SubscriptionQuery::default().apply(&all);
    assert_eq!(by_name[0].product.name, "Power BI Pro");
    // Positions agree with `matches`: the text trimmed, case and accents ignored.
    let accented = SubscriptionQuery { q: Some(" vÍsio ".into()), ..Default::default() };
    assert_eq!(accented.positions(&all), [1]);
    assert!(all.iter().enumerate().all(|(i, s)| accented.matches(s) == accented.positions(&all).contains(&i)));
    assert_eq!(by_licenses_desc.positions(&all), [0, 1]);
    // The order leaves the text out (it stays while someone types); the search keeps that order.
    let names = folded_names(&all);
    assert_eq!(names[1], "visio plan 2");
    assert_eq!(accented.ordered(&all, &names), [0, 1]);
    assert_eq!(accented.searched(&[1, 0], &names), [1]);
    assert_eq!(SubscriptionQuery::default().searched(&[1, 0], &names), [1, 0]);
}
