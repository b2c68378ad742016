use crate::i18n::*;
use contract::invoices::InvoiceStatus;
use leptos::prelude::*;

/// An invoice's payment status as a badge with its translated name (colour is never the only cue).
#[component]
pub fn InvoiceStatusBadge(
    /// The status to show.
    status: InvoiceStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let (class, text) = match status {
        InvoiceStatus::Paid => {
            ("badge status-active", Signal::derive(move || t_string!(i18n, invoice_statuses.paid).to_string()))
        }
        InvoiceStatus::Due => {
            ("badge status-trial", Signal::derive(move || t_string!(i18n, invoice_statuses.due).to_string()))
        }
        InvoiceStatus::Overdue => {
            ("badge status-cancelled", Signal::derive(move || t_string!(i18n, invoice_statuses.overdue).to_string()))
        }
    };
    view! { <span class=class>{text}</span> }
}
