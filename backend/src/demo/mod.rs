//! The built-in demo fixture, generated relative to `today` so that renewals, trial ends and the reduction window
//! make sense whenever it is loaded. Deterministic for a given day. The users and their subscriptions are listed in
//! `backend/README.md`.

pub mod billing;
pub mod names;
pub mod people;

use crate::fixture::{Fixture, FixtureAssignment, FixturePerson, FixtureSubscription, FixtureUser, PersonKind};
use contract::billing::Address;
use contract::me::{Organization, Role};
use contract::subscriptions::{BillingFrequency, Product, PurchaseChannel, SubscriptionStatus};
use contract::{Currency, Money};
use people::Lcg;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::str::FromStr;
use time::{Date, Duration, Month};

/// How many people the demo directory generates (besides the named ones).
pub const DEMO_PEOPLE: usize = 5000;

/// The demo fixture for `today` (the clock is not pinned: `today` stays `None`).
pub fn fixture(today: Date) -> Fixture {
    fixture_with_people(today, DEMO_PEOPLE)
}

/// The demo fixture with `count` generated people (tests use 50,000).
pub fn fixture_with_people(today: Date, count: usize) -> Fixture {
    let mut people = named_people();
    let mut taken: HashSet<String> = people.iter().map(|p| p.email.clone()).collect();
    people.extend(people::generate(count, 2026, &mut taken));
    let subscriptions = subscriptions(today);
    let profiles = billing::billing_profiles();
    let invoices = billing::invoices(today, &profiles, &subscriptions);
    let assignments = assignments(today, &subscriptions, &people);
    Fixture {
        today: None,
        organization: Organization { id: "contoso".into(), name: "Contoso AB".into() },
        people,
        users: vec![
            FixtureUser { person_id: "p-asa".into(), role: Role::Purchaser, locale: "en".into() },
            FixtureUser { person_id: "p-jurgen".into(), role: Role::Purchaser, locale: "de".into() },
            FixtureUser { person_id: "p-liwei".into(), role: Role::Admin, locale: "zh-Hans".into() },
        ],
        payment_methods: billing::payment_methods(today),
        billing_profiles: profiles,
        subscriptions,
        assignments,
        invoices,
    }
}

fn person(id: &str, name: &str, email: &str, department: &str, location: Option<&str>) -> FixturePerson {
    FixturePerson {
        id: id.to_owned(),
        display_name: name.to_owned(),
        email: email.to_owned(),
        department: Some(department.to_owned()),
        kind: PersonKind::Member,
        usage_location: location.map(str::to_owned),
    }
}

/// The people tests and documentation refer to by name.
fn named_people() -> Vec<FixturePerson> {
    vec![
        person("p-asa", "Åsa Öström", "asa.ostrom@contoso.se", "Finance", Some("SE")),
        person("p-jurgen", "Jürgen Weiß", "jurgen.weiss@contoso.de", "Sales", Some("DE")),
        person("p-liwei", "李伟", "li.wei@contoso.com", "IT", Some("CN")),
        person("p-bjorn", "Björn Ängström", "bjorn.angstrom@contoso.se", "Engineering", Some("SE")),
        person("p-wangfang", "王芳", "wang.fang@contoso.com", "Marketing", Some("CN")),
        person("p-marta", "Märta Öberg", "marta.oberg@contoso.se", "Legal", None),
        // A name a spreadsheet would run as a formula: exports must neutralise it.
        person(
            "p-formula",
            "=HYPERLINK(\"https://evil.example\",\"Klicka här\")",
            "formula.test@contoso.se",
            "Finance",
            Some("SE"),
        ),
        FixturePerson {
            kind: PersonKind::Guest,
            department: None,
            ..person("p-guest", "Olivia Gästrike", "olivia.gastrike@fabrikam.com", "", Some("GB"))
        },
    ]
}

/// The subscription [`scaled`] fills.
pub const SCALED_SUBSCRIPTION: &str = "sub-business-basic";

/// The demo at scale, for benchmarks: `people` generated people, `assigned` of them with a license on Business
/// Basic (whose total becomes `assigned + 100`, so licenses stay free to assign).
pub fn scaled(today: Date, people: usize, assigned: usize) -> Fixture {
    let mut fixture = fixture_with_people(today, people);
    let taken: HashSet<String> = fixture
        .assignments
        .iter()
        .filter(|a| a.subscription_id == SCALED_SUBSCRIPTION)
        .map(|a| a.person_id.clone())
        .collect();
    let extra: Vec<FixtureAssignment> = fixture
        .people
        .iter()
        .filter(|p| p.kind == PersonKind::Member && p.usage_location.is_some() && !taken.contains(&p.id))
        .take(assigned.saturating_sub(taken.len()))
        .map(|p| FixtureAssignment {
            subscription_id: SCALED_SUBSCRIPTION.into(),
            person_id: p.id.clone(),
            assigned_on: today,
        })
        .collect();
    fixture.assignments.extend(extra);
    let count = fixture.assignments.iter().filter(|a| a.subscription_id == SCALED_SUBSCRIPTION).count() as u32;
    for sub in fixture.subscriptions.iter_mut().filter(|s| s.id == SCALED_SUBSCRIPTION) {
        sub.total_licenses = sub.total_licenses.max(count + 100);
        sub.max_licenses = sub.max_licenses.max(sub.total_licenses + 1000);
    }
    fixture
}

/// `date` moved by whole months, the day clamped to the target month's length.
pub fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
    let month = Month::try_from(month).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The first day of `date`'s month.
pub fn first_of_month(date: Date) -> Date {
    date.replace_day(1).unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn last_of_month(date: Date) -> Date {
    date.replace_day(date.month().length(date.year())).unwrap_or(date)
}

/// The demo addresses by key.
pub fn address(key: &str) -> Address {
    let (line1, city, postal, country) = match key {
        "Berlin" => ("Friedrichstraße 68", "Berlin", "10117", "DE"),
        "München" => ("Leopoldstraße 21", "München", "80802", "DE"),
        "Kungsgatan" => ("Kungsgatan 12", "Stockholm", "111 43", "SE"),
        _ => ("Drottninggatan 92", "Stockholm", "111 36", "SE"),
    };
    Address {
        line1: line1.to_owned(),
        line2: None,
        city: city.to_owned(),
        postal_code: Some(postal.to_owned()),
        region: None,
        country: country.to_owned(),
    }
}

struct Spec {
    id: &'static str,
    owner: &'static str,
    product: (&'static str, &'static str),
    channel: PurchaseChannel,
    status: SubscriptionStatus,
    frequency: BillingFrequency,
    /// The billing profile and the unit price in its currency.
    billing: (&'static str, &'static str),
    total: u32,
    max: u32,
}

impl Spec {
    fn at(self, purchased_on: Date, renews_or_expires_on: Date) -> FixtureSubscription {
        let (profile, amount) = self.billing;
        let currency = if matches!(profile, "bp-stockholm" | "bp-liwei") { "SEK" } else { "EUR" };
        let active = matches!(self.status, SubscriptionStatus::Active);
        FixtureSubscription {
            id: self.id.to_owned(),
            owner_id: self.owner.to_owned(),
            product: Product { id: self.product.0.into(), name: self.product.1.to_owned() },
            channel: self.channel,
            status: self.status,
            billing_frequency: self.frequency,
            purchased_on,
            renews_or_expires_on,
            auto_renew: active,
            total_licenses: self.total,
            max_licenses: self.max,
            unit_price: Money::new(
                Decimal::from_str(amount).unwrap_or_default(),
                Currency::parse(currency).unwrap_or_else(|_| unreachable!("a literal code")),
            ),
            billing_profile_id: profile.to_owned(),
            payment_pending: false,
            last_renewed_on: None,
            last_changed_on: None,
            version: 1,
        }
    }
}

fn spec(
    id: &'static str,
    owner: &'static str,
    product: (&'static str, &'static str),
    status: SubscriptionStatus,
    frequency: BillingFrequency,
    billing: (&'static str, &'static str),
    total: u32,
) -> Spec {
    Spec { id, owner, product, channel: PurchaseChannel::SelfService, status, frequency, billing, total, max: 300 }
}

/// People always among a subscription's assigned (the rest are drawn at random), for the admin export's checks:
/// a Swedish name, a Chinese one and a formula-like one on Li Wei's subscription.
pub const NAMED_ASSIGNMENTS: &[(&str, &str)] =
    &[("sub-liwei-standard", "p-bjorn"), ("sub-liwei-standard", "p-wangfang"), ("sub-liwei-standard", "p-formula")];

/// Licenses assigned per demo subscription.
pub const ASSIGNED: &[(&str, usize)] = &[
    ("sub-business-basic", 40),
    ("sub-power-bi-pro", 10),
    ("sub-visio-trial", 2),
    ("sub-project-expired", 4),
    ("sub-apps-disabled", 3),
    ("sub-automate-pending", 5),
    ("sub-copilot-partner", 4),
    ("sub-exchange-admin", 30),
    ("sub-jurgen-premium", 20),
    ("sub-jurgen-defender", 7),
    ("sub-liwei-standard", 12),
];

fn subscriptions(t: Date) -> Vec<FixtureSubscription> {
    use BillingFrequency::{Monthly, Yearly};
    use SubscriptionStatus::*;
    let days = Duration::days;
    let basic_renews = t + days(20);
    let basic_bought = add_months(basic_renews, -14);
    let automate_bought = t - days(200);
    let copilot_renews = t + days(12);
    let exchange_renews = t + days(9);
    let premium_renews = t + days(5);
    let standard_renews = t + days(15);
    vec![
        FixtureSubscription {
            last_renewed_on: Some(add_months(basic_renews, -1)),
            last_changed_on: Some(basic_bought + days(45)),
            version: 7,
            ..spec(
                "sub-business-basic",
                "p-asa",
                ("m365-business-basic", "Microsoft 365 Business Basic"),
                Active,
                Monthly,
                ("bp-stockholm", "69.00"),
                100,
            )
            .at(basic_bought, basic_renews)
        },
        spec(
            "sub-power-bi-pro",
            "p-asa",
            ("power-bi-pro", "Power BI Pro"),
            Active,
            Monthly,
            ("bp-stockholm", "109.00"),
            25,
        )
        .at(t - days(3), add_months(t - days(3), 1)),
        Spec {
            max: 25,
            ..spec(
                "sub-visio-trial",
                "p-asa",
                ("visio-plan-2", "Visio Plan 2"),
                Trial,
                Monthly,
                ("bp-stockholm", "0.00"),
                25,
            )
        }
        .at(t - days(10), t + days(20)),
        spec(
            "sub-project-expired",
            "p-asa",
            ("project-plan-3", "Project Plan 3"),
            Expired,
            Yearly,
            ("bp-berlin", "339.60"),
            10,
        )
        .at(add_months(t - days(20), -12), t - days(20)),
        FixtureSubscription {
            last_renewed_on: Some(add_months(t - days(45), -1)),
            ..spec(
                "sub-apps-disabled",
                "p-asa",
                ("m365-apps-business", "Microsoft 365 Apps for business"),
                Disabled,
                Monthly,
                ("bp-stockholm", "99.00"),
                5,
            )
            .at(add_months(t - days(45), -6), t - days(45))
        },
        spec(
            "sub-teams-cancelled",
            "p-asa",
            ("teams-essentials", "Microsoft Teams Essentials"),
            Cancelled,
            Monthly,
            ("bp-stockholm", "45.00"),
            10,
        )
        .at(add_months(t + days(10), -4), t + days(10)),
        spec(
            "sub-dynamics-deleted",
            "p-asa",
            ("d365-sales-professional", "Dynamics 365 Sales Professional"),
            Deleted,
            Monthly,
            ("bp-berlin", "61.20"),
            5,
        )
        .at(add_months(t - days(200), -8), t - days(200)),
        FixtureSubscription {
            payment_pending: true,
            last_changed_on: Some(t - days(2)),
            version: 3,
            ..spec(
                "sub-automate-pending",
                "p-asa",
                ("power-automate-premium", "Power Automate Premium"),
                Active,
                Yearly,
                ("bp-berlin", "151.20"),
                15,
            )
            .at(automate_bought, add_months(automate_bought, 12))
        },
        FixtureSubscription {
            last_renewed_on: Some(add_months(copilot_renews, -1)),
            ..Spec {
                channel: PurchaseChannel::Partner,
                ..spec(
                    "sub-copilot-partner",
                    "p-asa",
                    ("copilot-studio", "Microsoft Copilot Studio"),
                    Active,
                    Monthly,
                    ("bp-stockholm", "2200.00"),
                    10,
                )
            }
            .at(add_months(copilot_renews, -5), copilot_renews)
        },
        FixtureSubscription {
            last_renewed_on: Some(add_months(exchange_renews, -1)),
            ..Spec {
                channel: PurchaseChannel::Admin,
                ..spec(
                    "sub-exchange-admin",
                    "p-asa",
                    ("exchange-online-plan-1", "Exchange Online (Plan 1)"),
                    Active,
                    Monthly,
                    ("bp-berlin", "3.70"),
                    50,
                )
            }
            .at(add_months(exchange_renews, -30), exchange_renews)
        },
        FixtureSubscription {
            last_renewed_on: Some(add_months(premium_renews, -1)),
            ..spec(
                "sub-jurgen-premium",
                "p-jurgen",
                ("m365-business-premium", "Microsoft 365 Business Premium"),
                Active,
                Monthly,
                ("bp-munchen", "20.60"),
                30,
            )
            .at(add_months(premium_renews, -16), premium_renews)
        },
        spec(
            "sub-jurgen-defender",
            "p-jurgen",
            ("defender-business", "Microsoft Defender for Business"),
            Active,
            Yearly,
            ("bp-munchen", "33.60"),
            10,
        )
        .at(add_months(t + days(100), -12), t + days(100)),
        FixtureSubscription {
            last_renewed_on: Some(add_months(standard_renews, -1)),
            ..spec(
                "sub-liwei-standard",
                "p-liwei",
                ("m365-business-standard", "Microsoft 365 Business Standard"),
                Active,
                Monthly,
                ("bp-liwei", "135.00"),
                20,
            )
            .at(add_months(standard_renews, -8), standard_renews)
        },
    ]
}

/// Deterministic assignments of members with a usage location, per [`ASSIGNED`]; assigned between the purchase and
/// today.
fn assignments(today: Date, subs: &[FixtureSubscription], people: &[FixturePerson]) -> Vec<FixtureAssignment> {
    let pool: Vec<&FixturePerson> =
        people.iter().filter(|p| p.kind == PersonKind::Member && p.usage_location.is_some()).collect();
    let mut rng = Lcg::new(40);
    let mut out = Vec::new();
    for (sub_id, count) in ASSIGNED {
        let Some(sub) = subs.iter().find(|s| s.id == *sub_id) else { continue };
        let span = (today - sub.purchased_on).whole_days().max(0) as usize + 1;
        let mut chosen = HashSet::new();
        for (_, person_id) in NAMED_ASSIGNMENTS.iter().filter(|(s, _)| s == sub_id) {
            chosen.insert(*person_id);
            out.push(FixtureAssignment {
                subscription_id: sub.id.clone(),
                person_id: (*person_id).to_owned(),
                assigned_on: sub.purchased_on.min(today),
            });
        }
        while chosen.len() < (*count).min(pool.len()) {
            let person = rng.pick(&pool);
            if chosen.insert(person.id.as_str()) {
                out.push(FixtureAssignment {
                    subscription_id: sub.id.clone(),
                    person_id: person.id.clone(),
                    assigned_on: (sub.purchased_on + Duration::days(rng.below(span) as i64)).min(today),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_clamp_days() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 03 - 15), -14), date!(2025 - 01 - 15));
        assert_eq!(last_of_month(date!(2028 - 02 - 03)), date!(2028 - 02 - 29));
    }

    #[test]
    fn the_scaled_demo_is_valid_and_has_the_assignments_asked_for() {
        let fixture = scaled(date!(2026 - 11 - 23), 3000, 2000);
        fixture.check().unwrap_or_else(|e| panic!("{e}"));
        let assigned = fixture.assignments.iter().filter(|a| a.subscription_id == SCALED_SUBSCRIPTION).count();
        assert_eq!(assigned, 2000);
    }

    #[test]
    fn the_demo_fixture_is_valid_for_any_day() {
        for today in [date!(2026 - 11 - 23), date!(2027 - 02 - 28), date!(2028 - 03 - 01), date!(2026 - 12 - 31)] {
            let fixture = fixture_with_people(today, 300);
            fixture.check().unwrap_or_else(|e| panic!("{today}: {e}"));
        }
    }
}
