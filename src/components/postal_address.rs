use crate::i18n::*;
use crate::labels::country_name;
use contract::billing::Address;
use leptos::prelude::*;

/// A postal address, one line per part, the country by name.
#[component]
pub fn PostalAddress(
    /// The address.
    address: Address,
) -> impl IntoView {
    let i18n = use_i18n();
    let Address { line1, line2, city, postal_code, region, country } = address;
    let town = [postal_code, Some(city), region].into_iter().flatten().collect::<Vec<_>>().join(" ");
    view! {
        <address class="postal-address">
            <span>{line1}</span>
            {line2.map(|line| view! { <span>{line}</span> })}
            <span>{town}</span>
            <span>{move || country_name(i18n, &country)}</span>
        </address>
    }
}
