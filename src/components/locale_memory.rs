use crate::i18n::*;
use leptos::prelude::*;

/// The key under which the chosen language is remembered in `localStorage`.
const STORAGE_KEY: &str = "portal.locale";

/// Remembers the chosen language across visits: restores it on start and saves every change. Renders nothing.
#[component]
pub fn LocaleMemory() -> impl IntoView {
    let i18n = use_i18n();
    let storage = window().local_storage().ok().flatten();
    let saved = storage.as_ref().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).and_then(|s| s.parse().ok());
    // An effect, so it runs after the i18n provider's own start-up choice (the browser's languages).
    Effect::new(move |previous: Option<()>| {
        let current: Locale = i18n.get_locale();
        match saved {
            Some(saved) if previous.is_none() && saved != current => i18n.set_locale(saved),
            _ => {
                if let Some(storage) = &storage {
                    let _ = storage.set_item(STORAGE_KEY, current.as_str());
                }
            }
        }
    });
}
