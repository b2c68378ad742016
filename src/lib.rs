//! The self-service purchases portal: a Leptos client-side app.

pub mod api;
pub mod areas;
pub mod components;
pub mod date_range;
pub mod debounce;
#[cfg(feature = "split")]
mod first_paint;
pub mod format;
pub mod hosted_fields;
pub mod labels;
pub mod pages;
pub mod routing;
pub mod state;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use crate::i18n::I18nContextProvider;
use components::{AppShell, ConfigError, LocaleMemory};
use leptos::prelude::*;
use leptos_router::components::Router;
use routing::RoutedPage;
use state::config::Config;

/// Loads the runtime configuration, then mounts the app.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let config = load_config().await;
        leptos::mount::mount_to_body(move || view! { <App config=config.clone() /> });
    });
}

async fn load_config() -> Result<Config, String> {
    let response = gloo_net::http::Request::get("config.json")
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("config.json: HTTP {}", response.status()));
    }
    let answer = api::json::read(response).await.map_err(|e| e.to_string())?;
    api::json::decode(answer).map_err(|e| e.to_string())
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
        <Router base=routing::base_path()>
            <AppShell>
                <RoutedPage />
            </AppShell>
        </Router>
    }
}
