//! Invoices: inclusive date ranges checked by the shared rule, newest first, totals that add up exactly.

use crate::common::*;
use axum::http::StatusCode;
use backend::lang::Lang;
use contract::invoices::{Invoice, InvoiceDetail, InvoiceStatus};
use contract::problem::FieldErrorCode;
use contract::ErrorCode;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeSet;

async fn invoices(app: &App, session: &Session, from: &str, to: &str) -> Vec<Invoice> {
    let reply = app.get(&format!("/api/v1/invoices?from={from}&to={to}"), session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

#[tokio::test]
async fn ranges_include_both_ends() {
    let app = App::small();
    let asa = app.asa().await;
    let first_of_november = invoices(&app, &asa, "2026-11-01", "2026-11-01").await;
    let numbers: Vec<&str> = first_of_november.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["STOCKHOLM-202611", "BERLIN-202611"]);
    assert!(invoices(&app, &asa, "2026-11-02", "2026-11-23").await.is_empty());
    let october = invoices(&app, &asa, "2026-10-01", "2026-10-31").await;
    assert_eq!(october.len(), 2);
    assert!(october.iter().all(|i| i.date.to_string() == "2026-10-01"));
    assert!(invoices(&app, &asa, "2026-10-02", "2026-10-31").await.is_empty());
}

#[tokio::test]
async fn fourteen_months_newest_first_in_two_currencies_with_one_overdue() {
    let app = App::small();
    let asa = app.asa().await;
    let all = invoices(&app, &asa, "2025-09-01", "2026-11-23").await;
    let dates: Vec<_> = all.iter().map(|i| i.date).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    let months: BTreeSet<_> = all.iter().filter(|i| i.billing_profile_id.0 == "bp-stockholm").map(|i| i.date).collect();
    assert!(months.len() >= 14, "{} months", months.len());
    let currencies: BTreeSet<&str> = all.iter().map(|i| i.amount.currency.code()).collect();
    assert_eq!(currencies, BTreeSet::from(["EUR", "SEK"]));
    let count = |s: InvoiceStatus| all.iter().filter(|i| i.status == s).count();
    assert_eq!((count(InvoiceStatus::Due), count(InvoiceStatus::Overdue)), (2, 1));
    assert!(count(InvoiceStatus::Paid) >= 26);
    assert!(all.iter().all(|i| i.billing_profile_id.0 != "bp-munchen"), "Jürgen's are not Åsa's");
}

#[tokio::test]
async fn totals_add_up_exactly() {
    let app = App::small();
    let asa = app.asa().await;
    for invoice in invoices(&app, &asa, "2025-09-01", "2026-11-23").await {
        let detail: InvoiceDetail = app.get(&format!("/api/v1/invoices/{}", invoice.id), &asa).await.json();
        assert_eq!(detail.invoice, invoice);
        assert!(!detail.lines.is_empty());
        let rate = if invoice.amount.currency.code() == "SEK" { Decimal::new(25, 2) } else { Decimal::new(19, 2) };
        for line in &detail.lines {
            assert_eq!(line.amount.amount, line.unit_price.amount * Decimal::from(line.quantity));
            assert_eq!(line.tax_rate, rate);
            let tax = (line.amount.amount * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            assert_eq!(line.tax.amount, tax);
            assert_eq!(line.tax.amount.scale(), 2);
        }
        let subtotal: Decimal = detail.lines.iter().map(|l| l.amount.amount).sum();
        let tax: Decimal = detail.lines.iter().map(|l| l.tax.amount).sum();
        assert_eq!(detail.subtotal.amount, subtotal);
        assert_eq!(detail.tax.amount, tax);
        assert_eq!(detail.subtotal.amount + detail.tax.amount, invoice.amount.amount, "{}", invoice.number);
    }
}

#[tokio::test]
async fn invalid_ranges_are_422_with_field_errors() {
    let app = App::small();
    let asa = app.asa().await;
    let cases: [(&str, &[(&str, FieldErrorCode)]); 8] = [
        ("", &[("from", FieldErrorCode::Required), ("to", FieldErrorCode::Required)]),
        ("from=2026-11-01", &[("to", FieldErrorCode::Required)]),
        ("from=2026-02-30&to=2026-11-01", &[("from", FieldErrorCode::InvalidDate)]),
        ("from=2026-11-01&to=23.11.2026", &[("to", FieldErrorCode::InvalidDate)]),
        ("from=2026-11-01&to=2026-11-25", &[("to", FieldErrorCode::InFuture)]),
        ("from=2026-11-25&to=2026-11-25", &[("from", FieldErrorCode::InFuture)]),
        ("from=2026-11-10&to=2026-11-01", &[("from", FieldErrorCode::StartAfterEnd)]),
        ("from=2023-01-01&to=2026-11-01", &[("from", FieldErrorCode::RangeTooLong)]),
    ];
    for (query, expected) in cases {
        let reply = app.get(&format!("/api/v1/invoices?{query}"), &asa).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        let problem = reply.problem();
        assert_eq!(problem.code, ErrorCode::ValidationFailed);
        let fields: Vec<(&str, FieldErrorCode)> = problem.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(fields, expected, "{query}");
    }
    assert!(invoices(&app, &asa, "2023-11-23", "2026-11-23").await.len() > 20, "1096 days is allowed");
}

#[tokio::test]
async fn tomorrow_utc_is_today_somewhere_and_may_end_a_range() {
    // At UTC+14 (Kiribati) the backend's tomorrow has begun: a range ending then is not in the future.
    let app = App::small();
    let asa = app.asa().await;
    assert_eq!(invoices(&app, &asa, "2026-11-01", "2026-11-24").await.len(), 2);
    assert!(invoices(&app, &asa, "2026-11-24", "2026-11-24").await.is_empty());
}

#[tokio::test]
async fn the_pdf_is_a_valid_pdf_with_the_lines_and_totals() {
    let app = App::small();
    let asa = app.asa().await;
    let detail: InvoiceDetail = app.get("/api/v1/invoices/inv-stockholm-202611", &asa).await.json();
    let reply = app.get("/api/v1/invoices/inv-stockholm-202611/pdf", &asa).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/pdf"));
    assert_eq!(reply.header("content-disposition"), Some("attachment; filename=\"STOCKHOLM-202611.pdf\""));
    let pdf = &reply.body;
    assert!(pdf.starts_with(b"%PDF-1.4\n") && pdf.ends_with(b"%%EOF\n"));
    let text = String::from_utf8_lossy(pdf);
    // The cross-reference table points at every object.
    let start: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
    let offsets: Vec<usize> = String::from_utf8_lossy(&pdf[start..])
        .lines()
        .skip(3)
        .take_while(|l| l.ends_with(" n "))
        .map(|l| l[..10].parse().unwrap())
        .collect();
    assert!(offsets.len() >= 7);
    for (i, offset) in offsets.iter().enumerate() {
        assert!(pdf[*offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()), "object {}", i + 1);
    }
    let shown = backend::pdf::shown_text(pdf);
    let has = |wanted: &str| shown.iter().any(|s| s == wanted);
    let en = Lang::En;
    assert!(has("Invoice STOCKHOLM-202611"), "{shown:?}");
    for line in &detail.lines {
        assert!(has(&en.money(&line.amount)), "{}", line.product);
    }
    for total in [&detail.subtotal, &detail.tax, &detail.invoice.amount] {
        assert!(has(&en.money(total)), "{}", en.money(total));
    }
    assert!(has("Total") && has("VAT 25%"), "{shown:?}");
    assert!(has(&format!("Due date: {}", en.date(detail.invoice.due_date))), "{shown:?}");
    assert!(has(&detail.seller.name) && has(&detail.buyer.name));
    for vat_number in [&detail.seller.vat_number, &detail.buyer.vat_number] {
        assert!(has(&format!("VAT no. {}", vat_number.as_deref().unwrap())), "{shown:?}");
    }
    let jurgen = app.jurgen().await;
    let reply = app.get("/api/v1/invoices/inv-stockholm-202611/pdf", &jurgen).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "another person's invoice");
    assert_eq!(reply.problem().code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_pdf_is_written_in_the_language_the_page_asks_for() {
    let app = App::small();
    let asa = app.asa().await;
    let detail: InvoiceDetail = app.get("/api/v1/invoices/inv-stockholm-202611", &asa).await.json();
    let pdf = |lang: &'static str| {
        let (app, asa) = (&app, &asa);
        async move {
            let reply = app.get(&format!("/api/v1/invoices/inv-stockholm-202611/pdf?lang={lang}"), asa).await;
            assert_eq!(reply.status, StatusCode::OK);
            backend::pdf::shown_text(&reply.body)
        }
    };
    let due = detail.invoice.due_date;
    let sv = pdf("sv-SE").await;
    assert!(sv.contains(&"Faktura STOCKHOLM-202611".to_owned()), "{sv:?}");
    assert!(sv.contains(&format!("Förfallodatum: {}", Lang::Sv.date(due))), "{sv:?}");
    assert!(sv.contains(&Lang::Sv.money(&detail.invoice.amount)), "{sv:?}");
    assert!(sv.contains(&"Moms 25\u{a0}%".to_owned()) && sv.contains(&"111 43 Stockholm".to_owned()), "{sv:?}");
    let zh = pdf("zh-Hans").await;
    assert!(zh.contains(&"发票 STOCKHOLM-202611".to_owned()), "{zh:?}");
    assert!(zh.contains(&format!("到期日：{}", Lang::ZhHans.date(due))), "{zh:?}");
    let de = pdf("de").await;
    assert!(de.contains(&"Rechnung STOCKHOLM-202611".to_owned()) && de.contains(&"Schweden".to_owned()), "{de:?}");
    assert_eq!(
        pdf("xx-unknown").await,
        backend::pdf::shown_text(&app.get("/api/v1/invoices/inv-stockholm-202611/pdf", &asa).await.body)
    );
}
