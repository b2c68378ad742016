use crate::components::PostalAddress;
use crate::i18n::*;
use contract::invoices::InvoiceParty;
use leptos::prelude::*;

/// Who sells and who is billed, as the invoice names them: name, address and VAT number.
#[component]
pub fn InvoiceParties(
    /// The seller.
    seller: InvoiceParty,
    /// The buyer.
    buyer: InvoiceParty,
) -> impl IntoView {
    let i18n = use_i18n();
    let party = move |id: &'static str, title: Signal<String>, party: InvoiceParty| {
        let InvoiceParty { name, address, vat_number } = party;
        view! {
            <section class="invoice-party" aria-labelledby=id>
                <h4 id=id>{title}</h4>
                <p>{name}</p>
                <PostalAddress address />
                {vat_number.map(|number| {
                    view! { <p>{move || t_string!(i18n, invoices.vat_number, number = number.clone()).to_string()}</p> }
                })}
            </section>
        }
    };
    view! {
        <div class="invoice-parties">
            {party("invoice-seller", Signal::derive(move || t_string!(i18n, invoices.seller).to_string()), seller)}
            {party("invoice-buyer", Signal::derive(move || t_string!(i18n, invoices.buyer).to_string()), buyer)}
        </div>
    }
}
