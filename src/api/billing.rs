//! Bills & payments: billing profiles, payment methods and invoices.

use super::{Api, ApiError, ChangeGuard};
use contract::billing::{BillingProfile, NewPaymentMethod, PaymentMethod, PaymentMethodUpdate, SetPaymentMethod};
use contract::invoices::{Invoice, InvoiceDetail};
use contract::{paths, BillingProfileId, InvoiceId, PaymentMethodId};
use gloo_net::http::Method;
use time::Date;

impl Api {
    /// The person's billing profiles, each with its (masked) payment method.
    pub async fn billing_profiles(&self) -> Result<Vec<BillingProfile>, ApiError> {
        self.http.get(paths::BILLING_PROFILES).await
    }

    /// One billing profile.
    pub async fn billing_profile(&self, id: &BillingProfileId) -> Result<BillingProfile, ApiError> {
        self.http.get(&paths::billing_profile(id)).await
    }

    /// Pays a billing profile with another stored card (`If-Match`: the profile's etag).
    pub async fn set_profile_payment_method(
        &self,
        id: &BillingProfileId,
        method: &PaymentMethodId,
        guard: &ChangeGuard,
    ) -> Result<BillingProfile, ApiError> {
        let body = SetPaymentMethod { payment_method_id: method.clone() };
        self.http.send(Method::PUT, &paths::billing_profile_payment_method(id), Some(guard), Some(&body)).await
    }

    /// The person's stored cards, masked.
    pub async fn payment_methods(&self) -> Result<Vec<PaymentMethod>, ApiError> {
        self.http.get(paths::PAYMENT_METHODS).await
    }

    /// One stored card, masked.
    pub async fn payment_method(&self, id: &PaymentMethodId) -> Result<PaymentMethod, ApiError> {
        self.http.get(&paths::payment_method(id)).await
    }

    /// Adds a card: the number and security code are sent this once (with the guard's idempotency key).
    pub async fn add_payment_method(
        &self,
        card: &NewPaymentMethod,
        guard: &ChangeGuard,
    ) -> Result<PaymentMethod, ApiError> {
        self.http.send(Method::POST, paths::PAYMENT_METHODS, Some(guard), Some(card)).await
    }

    /// Changes the editable fields of a stored card (`If-Match`: the card's etag).
    pub async fn update_payment_method(
        &self,
        id: &PaymentMethodId,
        update: &PaymentMethodUpdate,
        guard: &ChangeGuard,
    ) -> Result<PaymentMethod, ApiError> {
        self.http.send(Method::PATCH, &paths::payment_method(id), Some(guard), Some(update)).await
    }

    /// Removes a stored card (one that pays for no billing profile) as the person saw it (its etag). A card already
    /// gone (removed in another tab, or by this request when its answer was lost) counts as removed.
    pub async fn remove_payment_method(&self, method: &PaymentMethod) -> Result<(), ApiError> {
        let guard = ChangeGuard { if_match: Some(method.etag.clone()), idempotency_key: None };
        match self.http.send::<(), ()>(Method::DELETE, &paths::payment_method(&method.id), Some(&guard), None).await {
            Ok(()) | Err(ApiError::NotFound) => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// Invoices dated `from..=to`, newest first.
    pub async fn invoices(&self, from: Date, to: Date) -> Result<Vec<Invoice>, ApiError> {
        let query =
            paths::query([("from", Some(contract::date::to_iso(from))), ("to", Some(contract::date::to_iso(to)))]);
        self.http.get(&format!("{}{query}", paths::INVOICES)).await
    }

    /// One invoice with its lines.
    pub async fn invoice(&self, id: &InvoiceId) -> Result<InvoiceDetail, ApiError> {
        self.http.get(&paths::invoice(id)).await
    }

    /// Where the invoice's PDF in the language `lang` is downloaded from (a link the browser follows with the
    /// session cookie).
    pub fn invoice_pdf_url(&self, id: &InvoiceId, lang: &str) -> String {
        self.http.url(&paths::invoice_pdf(id, lang))
    }
}
