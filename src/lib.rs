//! The self-service purchases portal: a Leptos client-side app.

pub mod api;
pub mod components;
pub mod date_range;
pub mod debounce;
pub mod format;
pub mod labels;
pub mod pages;
pub mod state;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use crate::i18n::I18nContextProvider;
use components::{AppShell, ConfigError, LocaleMemory};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;
use pages::admin::{PurchasePage, PurchasesPage};
use pages::billing::{
    AddPaymentMethodPane, BillingLayout, BillingProfilePage, BillingProfilesPage, InvoicePage, InvoicesPage,
    MethodChange, PaymentMethodPane, PaymentMethodsPage, ProfileMethodPane,
};
use pages::gallery::{GalleryPage, GalleryPane};
use pages::licenses::{AssignPane, LicensesPage, SubscriptionLicensesPage};
use pages::products::{ActionPane, ProductPage, ProductsPage};
use pages::{HelpPage, NotFoundPage};
use state::config::Config;

/// Loads the runtime configuration, then mounts the app.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let config = load_config().await;
        leptos::mount::mount_to_body(move || view! { <App config=config.clone() /> });
    });
}

async fn load_config() -> Result<Config, String> {
    let response = gloo_net::http::Request::get("/config.json")
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("config.json: HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    Config::parse(&text).map_err(|e| e.to_string())
}

/// The whole app for a configuration (or the error of loading it).
#[component]
pub fn App(
    /// The runtime configuration, or why it could not be loaded.
    config: Result<Config, String>,
) -> impl IntoView {
    view! {
        <I18nContextProvider>
            <LocaleMemory />
            {match config {
                Ok(config) => view! { <ConfiguredApp config /> }.into_any(),
                Err(_) => view! { <ConfigError /> }.into_any(),
            }}
        </I18nContextProvider>
    }
}

/// The app with its providers and routes.
#[component]
pub fn ConfiguredApp(
    /// The runtime configuration.
    config: Config,
) -> impl IntoView {
    api::provide_api(&config.api_base_url);
    state::config::provide_config(config);
    state::session::provide_session();
    state::confirmation::provide_confirmations();
    state::assign_drafts::provide_assign_drafts();
    state::pane_return::provide_pane_return();

    view! {
        <Router>
            <AppShell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=|| view! { <Redirect path="/products" /> } />
                    <Route path=path!("/products") view=ProductsPage />
                    <ParentRoute path=path!("/products/:id") view=ProductPage>
                        <Route path=path!("") view=|| () />
                        <Route path=path!(":action") view=ActionPane />
                    </ParentRoute>
                    <Route path=path!("/licenses") view=LicensesPage />
                    <ParentRoute path=path!("/licenses/:id") view=SubscriptionLicensesPage>
                        <Route path=path!("") view=|| () />
                        <Route path=path!("assign") view=AssignPane />
                    </ParentRoute>
                    <ParentRoute path=path!("/billing") view=BillingLayout>
                        <Route path=path!("") view=|| view! { <Redirect path="/billing/invoices" /> } />
                        <Route path=path!("invoices") view=InvoicesPage />
                        <Route path=path!("invoices/:id") view=InvoicePage />
                        <ParentRoute path=path!("payment-methods") view=PaymentMethodsPage>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("add") view=AddPaymentMethodPane />
                            <ParentRoute path=path!(":id") view=PaymentMethodPane>
                                <Route path=path!("") view=|| () />
                                <Route path=path!("edit") view=|| () />
                            </ParentRoute>
                        </ParentRoute>
                        <Route path=path!("profiles") view=BillingProfilesPage />
                        <ParentRoute path=path!("profiles/:id") view=BillingProfilePage>
                            <Route path=path!("") view=|| () />
                            <Route
                                path=path!("edit-payment-method")
                                view=|| view! { <ProfileMethodPane change=MethodChange::Edit /> }
                            />
                            <Route
                                path=path!("replace-payment-method")
                                view=|| view! { <ProfileMethodPane change=MethodChange::Replace /> }
                            />
                        </ParentRoute>
                    </ParentRoute>
                    <Route path=path!("/admin/self-service") view=PurchasesPage />
                    <Route path=path!("/admin/self-service/:id") view=PurchasePage />
                    <Route path=path!("/help") view=HelpPage />
                    <ParentRoute path=path!("/gallery") view=GalleryPage>
                        <Route path=path!("") view=|| () />
                        <Route path=path!("pane") view=GalleryPane />
                    </ParentRoute>
                </Routes>
            </AppShell>
        </Router>
    }
}
