use crate::i18n::*;
use crate::state::config::Config;
use leptos::prelude::*;

/// Chooses the language; [`super::LocaleMemory`] remembers it, and `<html lang>` follows it.
#[component]
pub fn LocaleSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    // The pseudo-locale (accented, 40 % longer) is for designers: debug builds, or `design_tools` in config.json.
    let design_tools = use_context::<Config>().is_some_and(|c| c.design_tools());
    let on_change = move |event| {
        if let Ok(locale) = event_target_value(&event).parse::<Locale>() {
            i18n.set_locale(locale);
        }
    };
    view! {
        <label class="locale-switcher">
            <span>{t!(i18n, header.language)}</span>
            <select on:change=on_change prop:value=move || i18n.get_locale().as_str()>
                <option value="en" lang="en">{t!(i18n, locales.en)}</option>
                <option value="sv" lang="sv">{t!(i18n, locales.sv)}</option>
                <option value="de" lang="de">{t!(i18n, locales.de)}</option>
                <option value="zh-Hans" lang="zh-Hans">{t!(i18n, locales.zh)}</option>
                {design_tools.then(|| view! { <option value="en-XA" lang="en">{t!(i18n, locales.pseudo)}</option> })}
            </select>
        </label>
    }
}
