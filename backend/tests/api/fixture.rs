//! Fixtures: the printed demo fixture loads back; broken fixtures are refused with a reason; `today` pins the clock.

use crate::common::*;
use backend::fixture::Fixture;
use contract::subscriptions::Subscription;
use contract::Page;

#[tokio::test]
async fn the_printed_demo_fixture_loads_back() {
    let output =
        std::process::Command::new(env!("CARGO_BIN_EXE_backend")).arg("--print-demo-fixture").output().unwrap();
    assert!(output.status.success());
    let json = String::from_utf8(output.stdout).unwrap();
    let printed = Fixture::from_json(&json).expect("the printed fixture is valid");
    let today = printed.today.expect("the printed fixture pins its day");
    assert_eq!(printed, Fixture { today: Some(today), ..backend::demo::fixture(today) });
    assert!(printed.people.len() >= 5000);

    let from_json = App::with(printed, true, None);
    let built = App::with(Fixture { today: Some(today), ..backend::demo::fixture(today) }, true, None);
    let (a, b) = (from_json.asa().await, built.asa().await);
    for path in ["/api/v1/subscriptions", "/api/v1/billing-profiles", "/api/v1/directory/people?q=an&top=25"] {
        assert_eq!(from_json.get(path, &a).await.body, built.get(path, &b).await.body, "{path}");
    }
    let page: Page<Subscription> = from_json.get("/api/v1/subscriptions", &a).await.json();
    assert_eq!(page.total, 10);
}

#[test]
fn the_readme_example_fixture_loads() {
    let readme = include_str!("../../README.md");
    let start = readme.find("```json\n").expect("a json block") + "```json\n".len();
    let json = &readme[start..start + readme[start..].find("```").expect("its end")];
    let fixture = Fixture::from_json(json).expect("the README example is valid");
    assert_eq!(fixture.subscriptions[0].version, 1);
    assert_eq!(fixture.today, Some(time::macros::date!(2026 - 03 - 10)));
    assert_eq!(fixture.people[1].kind, backend::fixture::PersonKind::Guest);
    assert_eq!(fixture.people[0].kind, backend::fixture::PersonKind::Member);
}

#[test]
fn broken_fixtures_name_what_is_wrong() {
    let base = small_fixture();
    let mut guest_assigned = base.clone();
    let guest = base.people.iter().find(|p| p.kind == backend::fixture::PersonKind::Guest).unwrap();
    guest_assigned.assignments[0].person_id = guest.id.clone();
    assert!(guest_assigned.check().unwrap_err().0.contains("is not a member"));

    let mut unknown_profile = base.clone();
    unknown_profile.subscriptions[0].billing_profile_id = "bp-nowhere".into();
    assert!(unknown_profile.check().unwrap_err().0.contains("bp-nowhere"));

    let mut wrong_currency = base.clone();
    wrong_currency.subscriptions[0].unit_price.currency = contract::Currency::parse("USD").unwrap();
    assert!(wrong_currency.check().unwrap_err().0.contains("currency"));

    let mut duplicate_email = base.clone();
    duplicate_email.people[1].email = duplicate_email.people[0].email.to_uppercase();
    assert!(duplicate_email.check().unwrap_err().0.contains("duplicate e-mail"));

    let mut overfull = base.clone();
    if let Some(s) = overfull.subscriptions.iter_mut().find(|s| s.id == "sub-power-bi-pro") {
        s.total_licenses = 9;
    }
    assert!(overfull.check().unwrap_err().0.contains("more assignments than licenses"));

    assert!(Fixture::from_json(r#"{"organization": {"id": "a", "name": "A"}, "people": [], "users": [], "extra": 1}"#)
        .unwrap_err()
        .0
        .contains("unknown field"));
}

#[tokio::test]
async fn today_in_the_fixture_pins_the_clock() {
    let mut fixture = small_fixture();
    fixture.today = Some(time::macros::date!(2026 - 06 - 15));
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    assert_eq!(app.get("/api/v1/invoices?from=2026-06-01&to=2026-06-15", &asa).await.status.as_u16(), 200);
    // The 16th has begun at UTC+14; the 17th is the future everywhere.
    assert_eq!(app.get("/api/v1/invoices?from=2026-06-01&to=2026-06-16", &asa).await.status.as_u16(), 200);
    assert_eq!(app.get("/api/v1/invoices?from=2026-06-01&to=2026-06-17", &asa).await.status.as_u16(), 422);
}

#[test]
fn the_demo_matches_what_the_readme_promises() {
    use backend::fixture::PersonKind;
    let fixture = demo_fixture();
    assert_eq!(fixture.people.len(), 5008);
    assert_eq!(fixture.people.iter().filter(|p| p.kind == PersonKind::Guest).count(), 51, "50 generated + Olivia");
    let unlocated: Vec<&str> = fixture
        .people
        .iter()
        .filter(|p| p.kind == PersonKind::Member && p.usage_location.is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(unlocated.len(), 35, "34 generated + Märta");
    assert!(unlocated.starts_with(&["p-marta", "p00008", "p00158"]));
    let languages = |f: fn(char) -> bool| fixture.people.iter().filter(|p| p.display_name.chars().any(f)).count();
    assert!(languages(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) > 500, "Han names");
    assert!(languages(|c| "åäöÅÄÖ".contains(c)) > 500, "Swedish letters");
    assert!(languages(|c| "üßÜ".contains(c)) > 100, "German letters");
    let counts: Vec<(&str, usize)> = fixture
        .subscriptions
        .iter()
        .map(|s| (s.id.as_str(), fixture.assignments.iter().filter(|a| a.subscription_id == s.id).count()))
        .collect();
    assert!(counts.contains(&("sub-business-basic", 40)) && counts.contains(&("sub-power-bi-pro", 10)));
    assert!(counts.contains(&("sub-liwei-standard", 12)));
    let li: Vec<&str> = fixture
        .assignments
        .iter()
        .filter(|a| a.subscription_id == "sub-liwei-standard")
        .map(|a| a.person_id.as_str())
        .collect();
    assert!(["p-bjorn", "p-wangfang", "p-formula"].iter().all(|p| li.contains(p)), "the admin export's named people");
    assert_eq!(fixture.subscriptions.iter().filter(|s| s.owner_id == "p-asa").count(), 10);
}
