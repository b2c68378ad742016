use super::gallery_section::{GallerySection, GalleryState};
use super::sample_data;
use crate::api::ApiError;
use crate::components::people_search::{Found, Search};
use crate::components::{
    DateRangePicker, DocumentTitle, ErrorView, ExpiryBadge, InvoiceStatusBadge, LoadingTable, LocaleSwitcher,
    MenuButton, Pager, PeopleComboboxView, SaveError, StatusBadge, SubmitBar, TextField,
};
use crate::date_range::DateRange;
use crate::format;
use crate::hosted_fields::{CardEntry, HostedFields};
use crate::i18n::*;
use crate::pages::billing::{CardDraft, CardFields, FormProblems, InvoicesTable};
use crate::pages::NotFoundPage;
use crate::routing::{app_path, RoutePane};
use crate::state::config::use_config;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::{Address, CardBrand, CardExpiry};
use contract::invoices::InvoiceStatus;
use contract::subscriptions::SubscriptionStatus;
use contract::{Currency, Money};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use rust_decimal::Decimal;

/// Scrolls to the state whose address `path` is (its figure's id is the path without the leading `/`), if any.
fn scroll_to_state(path: &str) {
    if let Some(state) = document().get_element_by_id(app_path(path).trim_start_matches('/')) {
        state.scroll_into_view();
    }
}

/// How many rows the "many rows" table has.
const MANY_ROWS: usize = 60;

/// Every reusable component in each of its states, with switches for the locale, light or dark, and a 320 px
/// width. Uses the pages' own components with sample props; nothing here talks to a backend.
#[component]
pub fn GalleryPage() -> impl IntoView {
    if !use_config().design_tools() {
        return view! { <NotFoundPage /> }.into_any();
    }
    let i18n = use_i18n();
    let confirmations = use_confirmations();
    let theme = RwSignal::new("system".to_owned());
    let narrow = RwSignal::new(false);
    let today = format::today_or_epoch();
    let nothing = Callback::new(|()| {});
    let path = use_location().pathname;

    let combobox = move |id: &'static str, typed: &str, search: Search, open: bool| {
        let text = RwSignal::new(typed.to_owned());
        view! {
            <PeopleComboboxView
                id
                text
                search=Signal::stored(search)
                retry=nothing
                chosen=Signal::stored(Vec::new())
                on_pick=Callback::new(|_| {})
                open_initially=open
            />
        }
    };
    let found = |query: &str, matches| Search::Done(Found { query: query.to_owned(), matches });

    let draft = CardDraft::new_card(&Address { country: "US".to_owned(), ..Address::default() });
    draft.attempted.set(true);
    let card_problems = Memo::new(move |_| draft.problems(today));
    let hosted =
        HostedFields::new(&use_config().payments_origin, CardEntry::NewCard).follow_scheme(Signal::derive(move || {
            match theme.get().as_str() {
                "light" => Some("light"),
                "dark" => Some("dark"),
                _ => Some("system"),
            }
        }));
    let problems = FormProblems { local: card_problems.into(), server: Signal::stored(Vec::new()) };
    let name = RwSignal::new(String::new());

    let money = |amount: i64, scale: u32, currency: &str| {
        Currency::parse(currency).map(|c| Money::new(Decimal::new(amount, scale), c)).ok()
    };
    let samples = [money(123_450, 2, "SEK"), money(-12_345, 1, "EUR"), money(888_888, 1, "CNY")];
    let formats = ["en", "sv", "de", "zh-Hans"]
        .into_iter()
        .map(|locale| {
            let amounts: Vec<String> = samples.iter().flatten().map(|m| format::money(locale, m)).collect();
            view! {
                <tr>
                    <th scope="row">{locale}</th>
                    {amounts.into_iter().map(|a| view! { <td class="number">{a}</td> }).collect_view()}
                    <td>{format::date(locale, today)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <DocumentTitle title="Component gallery" />
        // Its styles, which the portal's first download does not carry (relative: under the page's base). Once they
        // apply, the page is laid out: a state's address (`/gallery/combobox/with-results`) scrolls to it.
        <link rel="stylesheet" href="gallery.css" on:load=move |_| scroll_to_state(&path.get_untracked()) />
        <div class="gallery" data-theme=move || theme.get()>
            <header class="gallery-controls">
                <h1>"Component gallery"</h1>
                <LocaleSwitcher />
                <label class="gallery-switch">
                    <span>"Theme"</span>
                    <select on:change=move |event| theme.set(event_target_value(&event))>
                        <option value="system">"System"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </label>
                <label class="gallery-switch">
                    <input type="checkbox" prop:checked=move || narrow.get() on:change=move |_| narrow.update(|n| *n = !*n) />
                    <span>"Narrow (320 px)"</span>
                </label>
            </header>
            <div class="gallery-stage" class:narrow=move || narrow.get()>
                <GallerySection title="Buttons">
                    <GalleryState caption="primary"><button type="button" class="button primary">{t!(i18n, licenses_pane.save)}</button></GalleryState>
                    <GalleryState caption="default"><button type="button" class="button">{t!(i18n, actions.close)}</button></GalleryState>
                    <GalleryState caption="danger"><button type="button" class="button primary danger">{t!(i18n, unassign.confirm)}</button></GalleryState>
                    <GalleryState caption="unavailable"><button type="button" class="button" aria-disabled="true">{t!(i18n, actions.assign)}</button></GalleryState>
                    <GalleryState caption="busy">
                        <SubmitBar
                            label=Signal::derive(move || t_string!(i18n, card_form.add).to_string())
                            busy=Signal::stored(true)
                            busy_text=Signal::derive(move || t_string!(i18n, card_form.adding).to_string())
                        />
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Badges">
                    <GalleryState caption="subscription statuses">
                        {SubscriptionStatus::ALL.into_iter().map(|status| view! { <StatusBadge status /> " " }).collect_view()}
                    </GalleryState>
                    <GalleryState caption="invoice statuses">
                        {[InvoiceStatus::Paid, InvoiceStatus::Due, InvoiceStatus::Overdue].into_iter().map(|status| view! { <InvoiceStatusBadge status /> " " }).collect_view()}
                    </GalleryState>
                    <GalleryState caption="card expiry">
                        <ExpiryBadge expiry=CardExpiry { year: today.year(), month: u8::from(today.month()) } />
                        " "
                        <ExpiryBadge expiry=CardExpiry { year: today.year() - 1, month: 12 } />
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Menu button">
                    <GalleryState caption="closed (press it)">
                        <MenuButton
                            label=Signal::derive(move || t_string!(i18n, products.more_actions, product = "Power BI Pro").to_string())
                            items=Signal::derive(move || sample_data::menu_items(
                                t_string!(i18n, actions.buy).to_string(),
                                t_string!(i18n, actions.cancel).to_string(),
                                t_string!(i18n, denials.trial).to_string(),
                            ))
                        />
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Pane">
                    <GalleryState caption="opens over the page"><A href="gallery/pane" attr:class="button">"Open the pane"</A></GalleryState>
                </GallerySection>
                <GallerySection title="Combobox">
                    <GalleryState caption="with results">{combobox("gallery-results", "an", found("an", sample_data::people()), true)}</GalleryState>
                    <GalleryState caption="no one found">{combobox("gallery-empty", "zzz", found("zzz", Vec::new()), false)}</GalleryState>
                    <GalleryState caption="loading">{combobox("gallery-loading", "an", Search::Searching { query: "an".to_owned(), previous: None }, false)}</GalleryState>
                    <GalleryState caption="error">{combobox("gallery-error", "an", Search::Failed { query: "an".to_owned(), error: ApiError::Network }, false)}</GalleryState>
                </GallerySection>
                <GallerySection title="Date range">
                    <GalleryState caption="a typed range with problems">
                        <DateRangePicker
                            range=Signal::stored(DateRange::Custom { from: "2026-05-01".to_owned(), to: "2026-04-01".to_owned() })
                            today
                            on_change=Callback::new(|_| {})
                        />
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Tables">
                    <GalleryState caption="loading"><LoadingTable label=Signal::derive(move || t_string!(i18n, invoices.loading).to_string()) rows=3 /></GalleryState>
                    <GalleryState caption="empty"><p class="empty-state">{t!(i18n, admin.empty)}</p></GalleryState>
                    <GalleryState caption="error"><ErrorView error=ApiError::Server { status: 503 } on_retry=nothing /></GalleryState>
                    <GalleryState caption="many rows">
                        <InvoicesTable invoices=sample_data::invoices(today, MANY_ROWS) back=String::new() />
                        <Pager page=Signal::stored(2) page_count=Signal::stored(5) on_page=Callback::new(|_| {}) />
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Money and dates">
                    <GalleryState caption="in every locale">
                        <table class="data-table">
                            <caption class="visually-hidden">"Money and dates in every locale"</caption>
                            <thead><tr><th scope="col">"Locale"</th><th scope="col">"SEK"</th><th scope="col">"EUR"</th><th scope="col">"CNY"</th><th scope="col">"Date"</th></tr></thead>
                            <tbody>{formats}</tbody>
                        </table>
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Confirmation">
                    <GalleryState caption="shown at the top of the page">
                        <button type="button" class="button" on:click=move |_| confirmations.show(Confirmation::CardAdded { brand: CardBrand::Visa, last4: "4242".to_owned() })>
                            "Show a confirmation"
                        </button>
                    </GalleryState>
                </GallerySection>
                <GallerySection title="Form fields">
                    <GalleryState caption="with an error">
                        <TextField
                            id="gallery-name"
                            label=Signal::derive(move || t_string!(i18n, card_form.name_label).to_string())
                            value=name
                            error=Signal::derive(move || Some(t_string!(i18n, card_form.name_required).to_string()))
                            required=true
                        />
                    </GalleryState>
                    <GalleryState caption="a save that failed">
                        <SaveError error=ApiError::Network on_retry=nothing />
                    </GalleryState>
                    <GalleryState caption="a card form after Add, everything missing">
                        <form class="pane-form" novalidate on:submit=|event| event.prevent_default()>
                            <CardFields draft problems hosted />
                        </form>
                    </GalleryState>
                </GallerySection>
            </div>
            <RoutePane />
        </div>
    }
    .into_any()
}
