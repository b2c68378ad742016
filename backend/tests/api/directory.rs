//! Directory search: prefix of any name part or of the e-mail, accent- and case-insensitive, members only.

use crate::common::*;
use axum::http::StatusCode;
use backend::collation::Collation;
use backend::fixture::PersonKind;
use contract::directory::{DirectoryMatch, DirectoryQuery};
use contract::licenses::Assignment;
use contract::text::fold;
use contract::{ErrorCode, Page};

async fn search(app: &App, session: &Session, query: &str) -> Vec<DirectoryMatch> {
    let reply = app.get(&format!("/api/v1/directory/people?{query}"), session).await;
    assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.text());
    reply.json()
}

fn names(found: &[DirectoryMatch]) -> Vec<&str> {
    found.iter().map(|m| m.person.display_name.as_str()).collect()
}

#[tokio::test]
async fn accents_and_case_do_not_matter() {
    let app = App::demo();
    let asa = app.asa().await;
    let found = search(&app, &asa, "q=ostrom&top=25").await;
    assert!(!found.is_empty());
    assert!(found.iter().all(|m| fold(&m.person.display_name).contains("ostrom")), "{:?}", names(&found));
    assert!(found.iter().any(|m| m.person.display_name.contains("Öström")));
    let upper = search(&app, &asa, "q=%C3%96STR%C3%96M&top=25").await;
    assert_eq!(upper, found, "ÖSTRÖM finds the same people");
    let asa_found = search(&app, &asa, "q=%C3%85sa%20%C3%B6str").await;
    assert_eq!(asa_found.first().map(|m| m.person.email.as_str()), Some("asa.ostrom@contoso.se"));
    assert!(asa_found.iter().all(|m| fold(&m.person.display_name).starts_with("asa ")));
    let weiss = search(&app, &asa, "q=weiss&top=25").await;
    assert!(weiss.iter().any(|m| m.person.display_name == "Jürgen Weiß"), "ß folds to ss");
}

#[tokio::test]
async fn e_mail_prefixes_and_han_names_are_found() {
    let app = App::demo();
    let asa = app.asa().await;
    let found = search(&app, &asa, "q=asa.ostrom%40con").await;
    assert_eq!(names(&found), ["Åsa Öström"]);
    let found = search(&app, &asa, "q=wang.fang%40").await;
    assert_eq!(names(&found), ["王芳"]);
    let found = search(&app, &asa, "q=%E8%8A%B3&top=25").await; // 芳, a given name
    assert!(found.iter().any(|m| m.person.display_name == "王芳"));
    assert!(found.iter().all(|m| m.person.display_name.contains('芳')));
    let found = search(&app, &asa, "q=li.wei%40contoso.com").await;
    assert_eq!(names(&found), ["李伟"]);
}

#[tokio::test]
async fn guests_are_never_found() {
    let fixture = demo_fixture();
    let guests: Vec<_> = fixture.people.iter().filter(|p| p.kind == PersonKind::Guest).cloned().collect();
    assert!(guests.len() >= 50, "about 1 % of 5,000");
    assert!(fixture.people.len() >= 5000);
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    for guest in guests.iter().take(60) {
        let by_email = search(&app, &asa, &format!("q={}", contract::paths::encode(&guest.email))).await;
        assert!(by_email.is_empty(), "{} found", guest.email);
        let name = contract::paths::encode(&guest.display_name);
        let by_name = search(&app, &asa, &format!("q={name}&top=25")).await;
        assert!(by_name.iter().all(|m| m.person.id.0 != guest.id), "{} found by name", guest.display_name);
    }
    assert!(search(&app, &asa, "q=fabrikam").await.is_empty());
    assert!(search(&app, &asa, "q=gastrike").await.is_empty());
}

#[tokio::test]
async fn top_is_bounded_and_blank_queries_find_nobody() {
    let app = App::small();
    let asa = app.asa().await;
    assert_eq!(search(&app, &asa, "q=a").await.len(), DirectoryQuery::DEFAULT_TOP as usize);
    assert_eq!(search(&app, &asa, "q=a&top=100").await.len(), DirectoryQuery::MAX_TOP as usize);
    assert_eq!(search(&app, &asa, "q=a&top=3").await.len(), 3);
    assert_eq!(search(&app, &asa, "q=a&top=0").await.len(), 1);
    assert!(search(&app, &asa, "q=").await.is_empty());
    assert!(search(&app, &asa, "q=%20%20%09").await.is_empty());
    assert!(search(&app, &asa, "").await.is_empty());
    let reply = app.get("/api/v1/directory/people?q=a&top=many", &asa).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let found = search(&app, &asa, "q=a&top=25").await;
    let mut ids: Vec<&str> = found.iter().map(|m| m.person.id.0.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 25, "no one twice");
}

#[tokio::test]
async fn already_assigned_is_marked_for_a_visible_subscription() {
    let app = App::small();
    let asa = app.asa().await;
    let assigned: Page<Assignment> = app.get("/api/v1/subscriptions/sub-power-bi-pro/assignments", &asa).await.json();
    let visio: Page<Assignment> = app.get("/api/v1/subscriptions/sub-visio-trial/assignments", &asa).await.json();
    let holder =
        &assigned.items.iter().find(|a| visio.items.iter().all(|v| v.person.id != a.person.id)).unwrap().person;
    let q = contract::paths::encode(&holder.email);
    let found = search(&app, &asa, &format!("q={q}&subscription_id=sub-power-bi-pro")).await;
    assert_eq!(found.len(), 1);
    assert!(found[0].already_assigned);
    let found = search(&app, &asa, &format!("q={q}&subscription_id=sub-visio-trial")).await;
    assert!(!found[0].already_assigned, "not on the trial");
    let found = search(&app, &asa, &format!("q={q}")).await;
    assert!(!found[0].already_assigned, "no subscription, nothing to mark");
    let reply = app.get(&format!("/api/v1/directory/people?q={q}&subscription_id=sub-jurgen-premium"), &asa).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.problem().code, ErrorCode::NotFound);
}

#[tokio::test]
async fn names_are_in_the_order_of_the_readers_language() {
    let app = App::small();
    let asa = app.asa().await;
    let get = |path: String, lang: &'static str| {
        let (app, asa) = (&app, &asa);
        async move {
            let request = axum::http::Request::builder()
                .uri(path)
                .header(axum::http::header::COOKIE, &asa.cookie)
                .header(axum::http::header::ACCEPT_LANGUAGE, lang)
                .body(axum::body::Body::empty())
                .unwrap();
            let reply = app.send(request).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
            reply
        }
    };
    let found = |lang| async move {
        let matches: Vec<DirectoryMatch> = get("/api/v1/directory/people?q=a&top=25".into(), lang).await.json();
        matches.into_iter().map(|m| m.person.display_name).collect::<Vec<_>>()
    };
    let (sv, de) = (found("sv-SE,sv;q=0.9").await, found("de").await);
    let starts = |names: &[String], letters: &str| -> Vec<usize> {
        names.iter().enumerate().filter(|(_, n)| n.starts_with(|c| letters.contains(c))).map(|(i, _)| i).collect()
    };
    let (latin_a, ring) = (starts(&sv, "A"), starts(&sv, "Å"));
    assert!(!latin_a.is_empty() && !ring.is_empty(), "the query finds names with A and with Å: {sv:?}");
    assert!(latin_a.iter().max() < ring.iter().min(), "Swedish: Å after A (and after Z): {sv:?}");
    let (latin_a, ring, b_to_z) = (starts(&de, "A"), starts(&de, "Å"), starts(&de, "BCDEFGHIJKLMNOPQRSTUVWXYZ"));
    assert!(ring.iter().max() < b_to_z.iter().min() || b_to_z.is_empty(), "German: Å with A: {de:?}");
    assert!(!latin_a.is_empty());
    let mut sorted = sv.clone();
    sorted.sort_by(|a, b| Collation::Swedish.compare(a, b));
    assert_eq!(sv, sorted);

    // The paged list of people with a license, read from the collation's index.
    for (lang, collation) in [("sv", Collation::Swedish), ("de", Collation::Root), ("zh-Hans", Collation::Chinese)] {
        let page: Page<Assignment> =
            get("/api/v1/subscriptions/sub-business-basic/assignments?page_size=200".into(), lang).await.json();
        let names: Vec<String> = page.items.into_iter().map(|a| a.person.display_name).collect();
        assert!(names.len() > 20);
        let mut sorted = names.clone();
        sorted.sort_by(|a, b| collation.compare(a, b));
        assert_eq!(names, sorted, "{lang}");
    }
}
