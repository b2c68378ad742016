use crate::i18n::*;
use crate::labels::country_name;
use contract::billing::Address;
use leptos::prelude::*;

/// A postal address, one line per part in its country's order (postal code before the city in Sweden), the
/// country by name.
#[component]
pub fn PostalAddress(
    /// The address.
    address: Address,
) -> impl IntoView {
    let i18n = use_i18n();
    let lines = address.lines();
    let country = address.country;
    view! {
        <address class="postal-address">
            {lines.into_iter().map(|line| view! { <span>{line}</span> }).collect_view()}
            <span>{move || country_name(i18n, &country)}</span>
        </address>
    }
}
