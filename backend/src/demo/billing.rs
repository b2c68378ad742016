//! Demo billing: profiles, cards and 15 months of invoices per profile, derived from the subscriptions.

use super::{add_months, address, first_of_month, last_of_month};
use crate::fixture::{
    FixtureBillingProfile, FixtureInvoice, FixtureInvoiceLine, FixturePaymentMethod, FixtureSubscription,
};
use contract::billing::{CardBrand, CardExpiry};
use contract::invoices::InvoiceStatus;
use contract::subscriptions::{BillingFrequency, SubscriptionStatus};
use contract::Currency;
use time::Date;

fn card(
    id: &str,
    owner: &str,
    brand: CardBrand,
    last4: &str,
    expires: Date,
    name: &str,
    city: &str,
) -> FixturePaymentMethod {
    FixturePaymentMethod {
        id: id.to_owned(),
        owner_id: owner.to_owned(),
        brand,
        last4: last4.to_owned(),
        expiry: CardExpiry { year: expires.year(), month: u8::from(expires.month()) },
        name_on_card: name.to_owned(),
        address: address(city),
        token: format!("tok_demo_{id}"),
    }
}

/// Åsa's three cards (the Mastercard expires next month; the Amex pays for nothing), Jürgen's and Li Wei's.
pub fn payment_methods(today: Date) -> Vec<FixturePaymentMethod> {
    vec![
        card("pm-visa", "p-asa", CardBrand::Visa, "4242", add_months(today, 26), "Åsa Öström", "Stockholm"),
        card("pm-mastercard", "p-asa", CardBrand::Mastercard, "5454", add_months(today, 1), "Åsa Öström", "Berlin"),
        card("pm-amex", "p-asa", CardBrand::Amex, "0005", add_months(today, 38), "Åsa Öström", "Stockholm"),
        card("pm-jurgen-visa", "p-jurgen", CardBrand::Visa, "1881", add_months(today, 20), "Jürgen Weiß", "München"),
        card(
            "pm-liwei-mastercard",
            "p-liwei",
            CardBrand::Mastercard,
            "4444",
            add_months(today, 30),
            "Li Wei",
            "Kungsgatan",
        ),
    ]
}

fn profile(
    id: &str,
    owner: &str,
    name: &str,
    city: &str,
    email: &str,
    currency: &str,
    method: &str,
) -> FixtureBillingProfile {
    let bill_to = address(city);
    let german = bill_to.country == "DE";
    FixtureBillingProfile {
        id: id.to_owned(),
        owner_id: owner.to_owned(),
        name: name.to_owned(),
        bill_to_name: if german { "Contoso GmbH" } else { "Contoso AB" }.to_owned(),
        bill_to,
        invoice_email: email.to_owned(),
        currency: Currency::parse(currency).unwrap_or_else(|_| unreachable!("a literal code")),
        payment_method_id: Some(method.to_owned()),
        vat_number: Some(if german { "DE298765431" } else { "SE556677889901" }.to_owned()),
    }
}

/// Billing profiles: Åsa's Stockholm (SEK) and Berlin (EUR), Jürgen's München (EUR), Li Wei's IT (SEK).
pub fn billing_profiles() -> Vec<FixtureBillingProfile> {
    vec![
        profile("bp-stockholm", "p-asa", "Contoso AB – Stockholm", "Stockholm", "ekonomi@contoso.se", "SEK", "pm-visa"),
        profile(
            "bp-berlin",
            "p-asa",
            "Contoso GmbH – Berlin",
            "Berlin",
            "buchhaltung@contoso.de",
            "EUR",
            "pm-mastercard",
        ),
        profile(
            "bp-munchen",
            "p-jurgen",
            "Contoso GmbH – München",
            "München",
            "muenchen@contoso.de",
            "EUR",
            "pm-jurgen-visa",
        ),
        profile("bp-liwei", "p-liwei", "Contoso AB – IT", "Kungsgatan", "it@contoso.se", "SEK", "pm-liwei-mastercard"),
    ]
}

pub use crate::pricing::tax_rate;

fn billed_in(sub: &FixtureSubscription, start: Date, end: Date) -> bool {
    let running = match sub.status {
        SubscriptionStatus::Trial => false,
        SubscriptionStatus::Active => true,
        _ => sub.renews_or_expires_on >= start,
    };
    let this_month = match sub.billing_frequency {
        BillingFrequency::Monthly => true,
        BillingFrequency::Yearly => sub.purchased_on.month() == start.month(),
    };
    running && this_month && sub.purchased_on <= end
}

/// One invoice per profile and month, for the current month and the 14 before it (months without anything to bill
/// are skipped): the latest is due, Berlin's previous one overdue, the rest paid.
pub fn invoices(today: Date, profiles: &[FixtureBillingProfile], subs: &[FixtureSubscription]) -> Vec<FixtureInvoice> {
    let mut out = Vec::new();
    for profile in profiles {
        let rate = tax_rate(&profile.bill_to.country);
        for back in 0..=14 {
            let start = first_of_month(add_months(today, -back));
            let end = last_of_month(start);
            let lines: Vec<FixtureInvoiceLine> = subs
                .iter()
                .filter(|s| s.billing_profile_id == profile.id && billed_in(s, start, end))
                .map(|s| FixtureInvoiceLine {
                    product: s.product.name.clone(),
                    quantity: s.total_licenses,
                    unit_price: s.unit_price.amount,
                    tax_rate: rate,
                })
                .collect();
            if lines.is_empty() {
                continue;
            }
            let status = match back {
                0 => InvoiceStatus::Due,
                1 if profile.id == "bp-berlin" => InvoiceStatus::Overdue,
                _ => InvoiceStatus::Paid,
            };
            let short = profile.id.trim_start_matches("bp-");
            let month = format!("{:04}{:02}", start.year(), u8::from(start.month()));
            out.push(FixtureInvoice {
                id: format!("inv-{short}-{month}"),
                number: format!("{}-{month}", short.to_ascii_uppercase()),
                billing_profile_id: profile.id.clone(),
                date: start,
                period_start: start,
                period_end: end,
                due_date: None,
                status,
                lines,
            });
        }
    }
    out
}
