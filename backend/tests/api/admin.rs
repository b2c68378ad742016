//! The administrator's read-only view: only admins read it, filters and pages, history with who and when, and CSV
//! exports that spreadsheets open correctly and safely.

use crate::common::*;
use axum::http::{Method, StatusCode};
use contract::admin::{HistoryKind, PurchaseDetail, SelfServicePurchase};
use contract::licenses::Assignment;
use contract::subscriptions::SubscriptionStatus;
use contract::{ErrorCode, Page};

const LIST: &str = "/api/v1/admin/self-service-purchases";

async fn list(app: &App, session: &Session, query: &str) -> Page<SelfServicePurchase> {
    let reply = app.get(&format!("{LIST}{query}"), session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

#[tokio::test]
async fn only_admins_read_it() {
    let app = App::small();
    let asa = app.asa().await;
    for path in [
        LIST.to_owned(),
        format!("{LIST}/export"),
        format!("{LIST}/sub-power-bi-pro"),
        format!("{LIST}/sub-power-bi-pro/assignments"),
        format!("{LIST}/sub-power-bi-pro/assignments/export"),
    ] {
        let reply = app.get(&path, &asa).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(reply.problem().code, ErrorCode::Forbidden);
    }
    let li = app.li().await;
    let reply = app.request(Method::POST, LIST, Some(&li), Some("{}")).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "nothing here changes anything");
}

#[tokio::test]
async fn every_self_service_purchase_with_purchaser_licenses_expiry_and_price() {
    let app = App::small();
    let li = app.li().await;
    let all = list(&app, &li, "").await;
    assert_eq!(all.total, 11);
    let names: Vec<&str> = all.items.iter().map(|p| p.product.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by product");
    let pro = all.items.iter().find(|p| p.id.0 == "sub-power-bi-pro").unwrap();
    assert_eq!(
        (pro.purchaser.display_name.as_str(), pro.total_licenses, pro.assigned_licenses),
        ("Åsa Öström", 25, 10)
    );
    assert_eq!(pro.purchase_price.amount, pro.unit_price.amount * rust_decimal::Decimal::from(25));

    let by_jurgen = list(&app, &li, "?purchaser=jurgen").await;
    assert_eq!(by_jurgen.total, 2);
    assert!(by_jurgen.items.iter().all(|p| p.purchaser.email == "jurgen.weiss@contoso.de"));
    let visio = list(&app, &li, "?product=VISIO").await;
    assert!(visio.items.iter().all(|p| p.product.name.contains("Visio")) && visio.total >= 1);
    let expired = list(&app, &li, "?status=expired").await;
    assert!(expired.total >= 1 && expired.items.iter().all(|p| p.status.as_str() == "expired"));
    let page = list(&app, &li, "?page=2&page_size=5").await;
    assert_eq!((page.items.len(), page.total, page.page), (5, 11, 2));
    // Pages past the end are empty, up to the largest page number (no overflow of page × size).
    for (query, page_size) in
        [("?page=4294967295", 50), ("?page=4294967295&page_size=200", 200), ("?page=99999999999", 50)]
    {
        let page = list(&app, &li, query).await;
        assert_eq!((page.items.len(), page.total, page.page, page.page_size), (0, 11, u32::MAX, page_size), "{query}");
    }
    assert_eq!(app.get(&format!("{LIST}?status=nope"), &li).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_history_says_what_happened_who_did_it_and_when() {
    let app = App::small();
    let asa = app.asa().await;
    let before = app.subscription(&asa, "sub-business-basic").await;
    let guard = Guard { if_match: Some(&before.etag), key: Some("buy-5") };
    let bought = app
        .change(Method::PUT, "/api/v1/subscriptions/sub-business-basic/quantity", &asa, guard, Some(r#"{"total":105}"#))
        .await;
    assert_eq!(bought.status, StatusCode::OK, "{}", bought.text());
    let li = app.li().await;
    let detail: PurchaseDetail = app.get(&format!("{LIST}/sub-business-basic"), &li).await.json();
    let kinds: Vec<HistoryKind> = detail.history.iter().map(|h| h.kind).collect();
    assert_eq!(kinds, [HistoryKind::Purchased, HistoryKind::LicensesAdded]);
    let added = &detail.history[1];
    assert_eq!((added.by.display_name.as_str(), added.from_total, added.to_total), ("Åsa Öström", 100, 105));
    assert_eq!(detail.history[0].to_total, 100);
    assert_eq!(detail.purchase.total_licenses, 105);
    assert_eq!(app.get(&format!("{LIST}/sub-nope"), &li).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn exports_are_utf8_with_bom_quoted_and_formulas_neutralised() {
    let app = App::small();
    let li = app.li().await;
    let reply = app.get(&format!("{LIST}/sub-liwei-standard/assignments/export"), &li).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(reply.header("content-disposition").is_some_and(|d| d.starts_with("attachment; filename=")));
    let text = reply.text();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark first");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], r#""Name","E-mail","Department","Assigned on""#);
    let people: Page<Assignment> =
        app.get(&format!("{LIST}/sub-liwei-standard/assignments?page_size=200"), &li).await.json();
    assert_eq!(lines.len() - 1, people.total as usize);
    assert!(lines.iter().any(|l| l.starts_with(r#""王芳","wang.fang@contoso.com""#)));
    assert!(lines.iter().any(|l| l.starts_with(r#""Björn Ängström","bjorn.angstrom@contoso.se""#)));
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with(r#""'=HYPERLINK(""https://evil.example"",""Klicka här"")","formula.test@contoso.se""#)),
        "the formula is quoted and neutralised"
    );

    let table = app.get(&format!("{LIST}/export?purchaser=asa"), &li).await.text();
    let rows: Vec<&str> = table.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows[0].starts_with(r#""Product","Purchaser","Purchaser e-mail","Status","Licenses""#));
    assert_eq!(rows.len() - 1, list(&app, &li, "?purchaser=asa").await.total as usize);
    assert!(rows[1..].iter().all(|r| r.contains(r#""Åsa Öström","asa.ostrom@contoso.se""#)));
}

#[tokio::test]
async fn exports_are_written_for_a_spreadsheet_in_the_readers_language() {
    let app = App::small();
    let li = app.li().await;
    let rows = |text: String| -> Vec<String> {
        text.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).map(str::to_owned).collect()
    };
    let english = rows(app.get(&format!("{LIST}/export?purchaser=asa"), &li).await.text());
    let swedish = rows(app.get(&format!("{LIST}/export?purchaser=asa&lang=sv"), &li).await.text());
    assert_eq!(english.len(), swedish.len());
    assert!(
        swedish[0].starts_with(r#""Produkt";"Köpare";"Köparens e-postadress";"Status";"Licenser""#),
        "{}",
        swedish[0]
    );
    let purchases = list(&app, &li, "?purchaser=asa&page_size=200").await.items;
    for purchase in &purchases {
        let price = purchase.purchase_price.amount.to_string().replace('.', ",");
        let row = swedish.iter().find(|r| r.starts_with(&format!("\"{}\";", purchase.product.name))).unwrap();
        assert!(row.contains(&format!(";\"{price}\";")), "a decimal comma: {row}");
        let status = match purchase.status {
            SubscriptionStatus::Active => "Aktiv",
            SubscriptionStatus::Trial => "Utvärderingsversion",
            SubscriptionStatus::Expired => "Har upphört",
            SubscriptionStatus::Disabled => "Inaktiverad",
            SubscriptionStatus::Cancelled => "Avbruten",
            SubscriptionStatus::Deleted => "Borttagen",
        };
        assert!(row.contains(&format!(";\"{status}\";")), "{row}");
        assert!(row.contains(&format!(";\"{}\";", contract::date::to_iso(purchase.purchased_on))), "ISO dates: {row}");
    }
    let german = rows(app.get(&format!("{LIST}/export?purchaser=asa&lang=de-DE"), &li).await.text());
    assert!(german[0].starts_with(r#""Produkt";"Käufer";"#), "{}", german[0]);
    let chinese =
        rows(app.get(&format!("{LIST}/sub-liwei-standard/assignments/export?lang=zh-Hans"), &li).await.text());
    assert_eq!(chinese[0], r#""姓名","电子邮件","部门","分配日期""#);
    let people = rows(app.get(&format!("{LIST}/sub-liwei-standard/assignments/export?lang=sv"), &li).await.text());
    assert_eq!(people[0], r#""Namn";"E-postadress";"Avdelning";"Tilldelad""#);
}
