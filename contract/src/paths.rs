//! Paths of the API, relative to the configured base URL (which ends before `/api/v1`).

use crate::{BillingProfileId, InvoiceId, PaymentMethodId, SubscriptionId};

/// The version prefix every path starts with.
pub const PREFIX: &str = "/api/v1";

/// `GET`: the signed-in person.
pub const ME: &str = "/api/v1/me";
/// `DELETE`: signs out (ends the session of the request's cookie).
pub const SESSION: &str = "/api/v1/session";
/// `GET`: subscriptions (query: [`crate::subscriptions::SubscriptionQuery`]).
pub const SUBSCRIPTIONS: &str = "/api/v1/subscriptions";
/// `GET`: people of the organization (query: [`crate::directory::DirectoryQuery`]).
pub const DIRECTORY_PEOPLE: &str = "/api/v1/directory/people";
/// `GET`: reasons to cancel.
pub const CANCELLATION_REASONS: &str = "/api/v1/cancellation-reasons";
/// `GET`: billing profiles.
pub const BILLING_PROFILES: &str = "/api/v1/billing-profiles";
/// `GET`, `POST`: payment methods.
pub const PAYMENT_METHODS: &str = "/api/v1/payment-methods";
/// `GET`: invoices (query: [`crate::invoices::InvoiceQuery`]).
pub const INVOICES: &str = "/api/v1/invoices";
/// `GET` (admins): self-service purchases of the organization (query: [`crate::admin::PurchaseQuery`]).
pub const ADMIN_PURCHASES: &str = "/api/v1/admin/self-service-purchases";
/// `GET` (admins): the same, as CSV.
pub const ADMIN_PURCHASES_EXPORT: &str = "/api/v1/admin/self-service-purchases/export";

/// `GET`: one subscription.
pub fn subscription(id: &SubscriptionId) -> String {
    format!("{SUBSCRIPTIONS}/{}", encode(&id.0))
}
/// `POST`: price impact of a new total.
pub fn quantity_quote(id: &SubscriptionId) -> String {
    format!("{}/quantity-quote", subscription(id))
}
/// `PUT`: change the total (`If-Match`, `Idempotency-Key`).
pub fn quantity(id: &SubscriptionId) -> String {
    format!("{}/quantity", subscription(id))
}
/// `GET` (paged, `q`), `POST` (assign up to 20): a subscription's assignments.
pub fn assignments(id: &SubscriptionId) -> String {
    format!("{}/assignments", subscription(id))
}
/// `POST`: unassign a selection.
pub fn assignments_remove(id: &SubscriptionId) -> String {
    format!("{}/assignments/remove", subscription(id))
}
/// `GET`: what cancelling would mean.
pub fn cancellation(id: &SubscriptionId) -> String {
    format!("{}/cancellation", subscription(id))
}
/// `POST`: cancel (`If-Match`, `Idempotency-Key`).
pub fn cancel(id: &SubscriptionId) -> String {
    format!("{}/cancel", subscription(id))
}
/// `POST`: reactivate (`If-Match`, `Idempotency-Key`).
pub fn reactivate(id: &SubscriptionId) -> String {
    format!("{}/reactivate", subscription(id))
}
/// `GET`: one billing profile.
pub fn billing_profile(id: &BillingProfileId) -> String {
    format!("{BILLING_PROFILES}/{}", encode(&id.0))
}
/// `PUT`: set a profile's payment method (`If-Match`).
pub fn billing_profile_payment_method(id: &BillingProfileId) -> String {
    format!("{}/payment-method", billing_profile(id))
}
/// `GET`, `PATCH`: one payment method.
pub fn payment_method(id: &PaymentMethodId) -> String {
    format!("{PAYMENT_METHODS}/{}", encode(&id.0))
}
/// `GET`: one invoice with lines.
pub fn invoice(id: &InvoiceId) -> String {
    format!("{INVOICES}/{}", encode(&id.0))
}
/// `GET`: an invoice as PDF, written in the language `lang` (a BCP 47 tag such as `sv`).
pub fn invoice_pdf(id: &InvoiceId, lang: &str) -> String {
    format!("{}/pdf?lang={}", invoice(id), encode(lang))
}

/// `GET` (admins): one self-service purchase with its history.
pub fn admin_purchase(id: &SubscriptionId) -> String {
    format!("{ADMIN_PURCHASES}/{}", encode(&id.0))
}
/// `GET` (admins): its assigned people (paged, `q`).
pub fn admin_purchase_assignments(id: &SubscriptionId) -> String {
    format!("{}/assignments", admin_purchase(id))
}
/// `GET` (admins): its assigned people, as CSV.
pub fn admin_purchase_assignments_export(id: &SubscriptionId) -> String {
    format!("{}/assignments/export", admin_purchase(id))
}

/// Percent-encodes a path segment or query value (RFC 3986 unreserved characters pass through).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded path segment or query value (what [`encode`] makes, and what browsers send); a `%`
/// not followed by two hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Builds a query string (`?a=1&b=2`, or empty) from name/value pairs, skipping absent values.
pub fn query<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<String>)>) -> String {
    let parts: Vec<String> =
        pairs.into_iter().filter_map(|(name, value)| value.map(|v| format!("{name}={}", encode(&v)))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_encoded_in_paths() {
        assert_eq!(subscription(&"a b/c".into()), "/api/v1/subscriptions/a%20b%2Fc");
        assert_eq!(quantity(&"s1".into()), "/api/v1/subscriptions/s1/quantity");
    }

    #[test]
    fn decode_reverses_encode_and_leaves_stray_percent_signs() {
        for value in ["a b/c", "Åsa Öström", "100%", "sub-1_x.y~z", "", "漢字"] {
            assert_eq!(decode(&encode(value)), value);
        }
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz%41"), "%zzA");
        assert_eq!(decode("%ff"), "\u{fffd}");
    }

    #[test]
    fn query_skips_absent_values_and_encodes() {
        assert_eq!(query([("q", Some("å b".into())), ("top", None)]), "?q=%C3%A5%20b");
        assert_eq!(query([("q", None)]), "");
    }
}
