//! Components and formatting in a real browser (headless Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use contract::subscriptions::SubscriptionStatus;
use contract::{Currency, Money};
use leptos::prelude::*;
use portal::api::ApiError;
use portal::components::{ErrorView, StatusBadge};
use portal::format;
use portal::i18n::I18nContextProvider;
use rust_decimal::Decimal;
use std::str::FromStr;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/js_value.rs"]
mod js_value;

fn container() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    wasm_bindgen::JsCast::unchecked_into(element)
}

/// Intl separates with no-break spaces; compare with plain ones.
fn plain_spaces(text: String) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

async fn next_tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
fn money_is_formatted_per_locale_from_the_exact_decimal() {
    let money = Money::new(Decimal::from_str("1234567.85").unwrap(), Currency::parse("SEK").unwrap());
    assert_eq!(plain_spaces(format::money("en", &money)), "SEK 1,234,567.85");
    assert_eq!(plain_spaces(format::money("sv", &money)), "1 234 567,85 kr");
    // More digits than a float holds: formatted exactly, so the decimal string reached Intl untouched.
    let exact = Money::new(Decimal::from_str("12345678901234567.89").unwrap(), Currency::parse("EUR").unwrap());
    assert_eq!(format::money("en", &exact), "€12,345,678,901,234,567.89");
}

#[wasm_bindgen_test]
fn dates_are_formatted_per_locale_without_time_zone_shifts() {
    let date = time::macros::date!(2026 - 01 - 01);
    assert_eq!(format::date("en", date), "Jan 1, 2026");
    assert_eq!(format::date("sv", date), "1 jan. 2026");
}

#[wasm_bindgen_test]
fn names_rank_in_the_order_of_the_locale() {
    let names: Vec<String> = ["Åsa", "Zara", "Anna", "Ärla"].map(String::from).into();
    // Swedish: Z, then Å, Ä; German: Ä and Å with A.
    assert_eq!(format::collation_ranks("sv", &names), [2, 1, 0, 3]);
    assert_eq!(format::collation_ranks("de", &names), [2, 3, 0, 1]);
}

#[wasm_bindgen_test]
async fn status_badge_shows_the_translated_status() {
    let root = container();
    let mount = leptos::mount::mount_to(root.clone(), || {
        view! { <I18nContextProvider><StatusBadge status=SubscriptionStatus::Expired /></I18nContextProvider> }
    });
    next_tick().await;
    let badge = root.query_selector(".badge").unwrap().expect("a badge");
    assert_eq!(badge.text_content().unwrap(), "Expired");
    assert!(badge.class_name().contains("status-expired"));
    drop(mount);
}

#[wasm_bindgen_test]
async fn error_view_explains_and_retries() {
    let root = container();
    let (retries, set_retries) = signal(0);
    let mount = leptos::mount::mount_to(root.clone(), move || {
        let on_retry = Callback::new(move |()| set_retries.update(|n| *n += 1));
        view! {
            <I18nContextProvider>
                <ErrorView error=ApiError::Server { status: 503 } on_retry />
            </I18nContextProvider>
        }
    });
    next_tick().await;
    let alert = root.query_selector("[role=alert]").unwrap().expect("an alert");
    assert!(alert.text_content().unwrap().contains("Something went wrong on our side"));
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("button").unwrap().expect("a retry button"));
    assert_eq!(button.text_content().unwrap(), "Try again");
    button.click();
    assert_eq!(retries.get_untracked(), 1);
    drop(mount);
}

#[wasm_bindgen_test]
async fn error_view_offers_no_retry_when_retrying_cannot_help() {
    let root = container();
    let mount = leptos::mount::mount_to(root.clone(), || {
        view! {
            <I18nContextProvider>
                <ErrorView error=ApiError::NotFound on_retry=Callback::new(|()| ()) />
            </I18nContextProvider>
        }
    });
    next_tick().await;
    assert!(root.text_content().unwrap().contains("We couldn't find that"));
    assert!(root.query_selector("button").unwrap().is_none());
    drop(mount);
}
