//! The self-service purchases portal: a Leptos client-side app.

pub mod api;
pub mod areas;
pub mod components;
pub mod date_range;
pub mod debounce;
#[cfg(feature = "split")]
mod first_paint;
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
use pages::billing::{BillingLayout, InvoicesSection};
use pages::licenses::LicensesFrame;
use pages::products::ProductsPage;
use pages::NotFoundPage;
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
                    <ParentRoute path=path!("/products/:id") view=areas::product>
                        <Route path=path!("") view=|| () />
                        <Route path=path!(":action") view=areas::product_action />
                    </ParentRoute>
                    // Pages whose heading shows at once, their content with their area's module.
                    <Route path=path!("/licenses") view=|| view! { <LicensesFrame>{areas::licenses()}</LicensesFrame> } />
                    <ParentRoute path=path!("/licenses/:id") view=areas::subscription_licenses>
                        <Route path=path!("") view=|| () />
                        <Route path=path!("assign") view=areas::assign />
                    </ParentRoute>
                    <ParentRoute path=path!("/billing") view=BillingLayout>
                        <Route path=path!("") view=|| view! { <Redirect path="/billing/invoices" /> } />
                        <Route path=path!("invoices") view=|| view! { <InvoicesSection>{areas::invoices()}</InvoicesSection> } />
                        <Route path=path!("invoices/:id") view=areas::invoice />
                        <ParentRoute path=path!("payment-methods") view=areas::payment_methods>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("add") view=areas::add_payment_method />
                            <ParentRoute path=path!(":id") view=areas::payment_method>
                                <Route path=path!("") view=|| () />
                                <Route path=path!("edit") view=|| () />
                            </ParentRoute>
                        </ParentRoute>
                        <Route path=path!("profiles") view=areas::billing_profiles />
                        <ParentRoute path=path!("profiles/:id") view=areas::billing_profile>
                            <Route path=path!("") view=|| () />
                            <Route path=path!("edit-payment-method") view=areas::edit_profile_method />
                            <Route path=path!("replace-payment-method") view=areas::replace_profile_method />
                        </ParentRoute>
                    </ParentRoute>
                    <Route path=path!("/admin/self-service") view=areas::purchases />
                    <Route path=path!("/admin/self-service/:id") view=areas::purchase />
                    <Route path=path!("/help") view=areas::help />
                    <ParentRoute path=path!("/gallery") view=areas::gallery>
                        <Route path=path!("") view=|| () />
                        <Route path=path!("pane") view=areas::gallery_pane />
                    </ParentRoute>
                </Routes>
            </AppShell>
        </Router>
    }
}
