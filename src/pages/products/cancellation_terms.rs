use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::licenses::CancellationTerms;
use leptos::prelude::*;

/// What cancelling now means, in plain words, from the backend's terms.
#[component]
pub fn CancellationTermsView(
    /// The terms.
    terms: CancellationTerms,
) -> impl IntoView {
    let i18n = use_i18n();
    let CancellationTerms { refund, access_ends_on, assigned_people, data_retained_until } = terms;
    let date = move |d| format::date(locale_code(i18n), d);
    let money = move |refund: &contract::Money| format::money(locale_code(i18n), refund);
    let billing = move || match &refund {
        Some(refund) => t_string!(i18n, cancel_pane.refund, amount = money(refund)).to_string(),
        None => t_string!(i18n, cancel_pane.no_refund).to_string(),
    };
    let people = move || {
        if assigned_people == 0 {
            t_string!(i18n, cancel_pane.no_people).to_string()
        } else if assigned_people == 1 {
            t_string!(i18n, cancel_pane.one_person, date = date(access_ends_on)).to_string()
        } else {
            t_string!(i18n, cancel_pane.people, count = assigned_people, date = date(access_ends_on)).to_string()
        }
    };
    view! {
        <ul class="consequence-list">
            <li>{billing}</li>
            <li>{move || t_string!(i18n, cancel_pane.access_ends, date = date(access_ends_on)).to_string()}</li>
            <li>{people}</li>
            <li>{move || t_string!(i18n, cancel_pane.data_kept, date = date(data_retained_until)).to_string()}</li>
        </ul>
    }
}
