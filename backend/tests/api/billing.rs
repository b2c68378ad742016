//! Billing profiles and payment methods: masked cards, who uses which.

use crate::common::*;
use contract::billing::{BillingProfile, CardBrand, PaymentMethod};

#[tokio::test]
async fn asa_has_two_profiles_with_masked_cards() {
    let app = App::small();
    let asa = app.asa().await;
    let reply = app.get("/api/v1/billing-profiles", &asa).await;
    assert!(!reply.text().contains("tok_"), "tokens never leave the backend");
    let profiles: Vec<BillingProfile> = reply.json();
    let names: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Contoso AB – Stockholm", "Contoso GmbH – Berlin"]);
    let stockholm = &profiles[0];
    assert_eq!((stockholm.bill_to.country.as_str(), stockholm.bill_to.city.as_str()), ("SE", "Stockholm"));
    let card = stockholm.payment_method.as_ref().unwrap();
    assert_eq!((card.brand, card.last4.as_str()), (CardBrand::Visa, "4242"));
    let berlin = &profiles[1];
    assert_eq!(berlin.bill_to.country, "DE");
    assert_eq!(berlin.payment_method.as_ref().unwrap().brand, CardBrand::Mastercard);
    let one: BillingProfile = app.get("/api/v1/billing-profiles/bp-berlin", &asa).await.json();
    assert_eq!(&one, berlin);
    assert_eq!(one.etag, "\"1\"");
}

#[tokio::test]
async fn payment_methods_list_their_users_and_one_expires_soon() {
    let app = App::small();
    let asa = app.asa().await;
    let reply = app.get("/api/v1/payment-methods", &asa).await;
    assert!(!reply.text().contains("tok_"));
    let methods: Vec<PaymentMethod> = reply.json();
    assert_eq!(methods.len(), 3);
    let used: Vec<(CardBrand, Vec<&str>)> =
        methods.iter().map(|m| (m.brand, m.used_by.iter().map(|p| p.0.as_str()).collect())).collect();
    assert_eq!(
        used,
        [
            (CardBrand::Visa, vec!["bp-stockholm"]),
            (CardBrand::Mastercard, vec!["bp-berlin"]),
            (CardBrand::Amex, vec![]),
        ]
    );
    let months = |m: &PaymentMethod| {
        (m.expiry.year - TODAY.year()) * 12 + i32::from(m.expiry.month) - i32::from(u8::from(TODAY.month()))
    };
    let soon: Vec<&str> = methods.iter().filter(|m| (0..=2).contains(&months(m))).map(|m| m.id.0.as_str()).collect();
    assert_eq!(soon, ["pm-mastercard"]);
    assert!(methods.iter().all(|m| m.last4.len() == 4 && contract::rules::check_expiry(m.expiry, TODAY).is_ok()));
    let amex: PaymentMethod = app.get("/api/v1/payment-methods/pm-amex", &asa).await.json();
    assert_eq!(amex.last4, "0005");
    assert!(amex.used_by.is_empty());
}
