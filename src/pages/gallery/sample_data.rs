//! Sample props for the gallery: people, invoices and menu entries shaped like the backend's, made up here.

use crate::components::MenuItem;
use contract::directory::{DirectoryMatch, Person};
use contract::invoices::{Invoice, InvoiceStatus};
use contract::{BillingProfileId, Currency, InvoiceId, Money, PersonId};
use rust_decimal::Decimal;
use time::{Date, Month};

/// People a typeahead finds for "an".
pub fn people() -> Vec<DirectoryMatch> {
    [
        ("Anna Öberg", "anna.oberg@contoso.se", Some("Finance"), false),
        ("Andreas Weiß", "andreas.weiss@contoso.de", Some("Sales"), true),
        ("安娜 王", "anna.wang@contoso.com", None, false),
        ("Siobhán Anders-Long-Hyphenated-Surname", "siobhan.anders@contoso.com", Some("Customer success"), false),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, email, department, licensed))| DirectoryMatch {
        person: Person {
            id: PersonId(format!("sample-{i}")),
            display_name: name.to_owned(),
            email: email.to_owned(),
            department: department.map(str::to_owned),
        },
        already_assigned: licensed,
    })
    .collect()
}

/// `count` monthly invoices back from `today`, alternating SEK and EUR profiles.
pub fn invoices(today: Date, count: usize) -> Vec<Invoice> {
    let (sek, eur) = (Currency::parse("SEK").ok(), Currency::parse("EUR").ok());
    (0..count)
        .filter_map(|i| {
            let months_back = (i / 2) as i32;
            let month_index = today.year() * 12 + i32::from(u8::from(today.month())) - 1 - months_back;
            let month = Month::try_from(u8::try_from(month_index.rem_euclid(12) + 1).ok()?).ok()?;
            let start = Date::from_calendar_date(month_index.div_euclid(12), month, 1).ok()?;
            let end = Date::from_calendar_date(start.year(), month, month.length(start.year())).ok()?;
            let (profile, currency, amount) = if i % 2 == 0 {
                ("Contoso AB – Stockholm", sek?, 4_009_375)
            } else {
                ("Contoso GmbH – Berlin", eur?, 22_015)
            };
            Some(Invoice {
                id: InvoiceId(format!("sample-{i}")),
                number: format!("SAMPLE-{:04}", i + 1),
                date: start,
                period_start: start,
                period_end: end,
                due_date: end,
                amount: Money::new(Decimal::new(amount, 2), currency),
                status: match i {
                    0 | 1 => InvoiceStatus::Due,
                    3 => InvoiceStatus::Overdue,
                    _ => InvoiceStatus::Paid,
                },
                billing_profile_id: BillingProfileId(format!("sample-profile-{}", i % 2)),
                billing_profile_name: profile.to_owned(),
            })
        })
        .collect()
}

/// A *More actions* menu with an allowed and a denied entry.
pub fn menu_items(buy: String, cancel: String, reason: String) -> Vec<MenuItem> {
    vec![
        MenuItem { label: buy, href: "gallery".to_owned(), denied: None, on_choose: None },
        MenuItem { label: cancel, href: "gallery".to_owned(), denied: Some(reason), on_choose: None },
    ]
}
