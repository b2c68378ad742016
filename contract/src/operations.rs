//! Every operation of the API: its method and path, the body it takes, what it answers and with which statuses.
//! `openapi.yaml` documents exactly these (the contract's drift test), and the reference backend serves each
//! (its sweep over every operation); a conformance run proves it answers only these statuses.

/// The `Idempotency-Key` an operation takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// None.
    None,
    /// Required (400 without it).
    Required,
    /// Taken when sent: a retry with it is answered from the first attempt.
    Optional,
}

/// What a successful call answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A JSON document of this schema.
    Json(&'static str),
    /// A JSON array of this schema.
    JsonList(&'static str),
    /// A file of this media type.
    File(&'static str),
    /// No body (`204 No Content`).
    Nothing,
}

/// One operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: &'static str,
    /// The path, `{id}` standing for the resource's id.
    pub path: &'static str,
    /// The schema of its JSON body, if it takes one.
    pub body: Option<&'static str>,
    /// Whether `If-Match` is required (428 without it, 412 when stale).
    pub if_match: bool,
    /// Its `Idempotency-Key`.
    pub key: Key,
    /// The success status.
    pub success: u16,
    /// What it answers on success.
    pub answer: Answer,
    /// Every status it can answer: the success status and the failures.
    pub statuses: &'static [u16],
}

impl Operation {
    /// Whether only an administrator may call it.
    pub fn admin_only(&self) -> bool {
        self.path.starts_with("/api/v1/admin/")
    }
}

const fn get(path: &'static str, answer: Answer, statuses: &'static [u16]) -> Operation {
    Operation { method: "GET", path, body: None, if_match: false, key: Key::None, success: 200, answer, statuses }
}

/// The operations, in the document's order.
pub const OPERATIONS: &[Operation] = &[
    get("/api/v1/me", Answer::Json("Me"), &[200, 401, 429, 500, 503]),
    Operation {
        method: "DELETE",
        path: "/api/v1/session",
        body: None,
        if_match: false,
        key: Key::None,
        success: 204,
        answer: Answer::Nothing,
        statuses: &[204, 401, 403, 429, 500, 503],
    },
    get("/api/v1/subscriptions", Answer::Json("SubscriptionPage"), &[200, 400, 401, 422, 429, 500, 503]),
    get("/api/v1/subscriptions/{id}", Answer::Json("Subscription"), &[200, 401, 404, 429, 500, 503]),
    Operation {
        method: "POST",
        path: "/api/v1/subscriptions/{id}/quantity-quote",
        body: Some("QuantityChange"),
        if_match: false,
        key: Key::None,
        success: 200,
        answer: Answer::Json("QuantityQuote"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503],
    },
    Operation {
        method: "PUT",
        path: "/api/v1/subscriptions/{id}/quantity",
        body: Some("QuantityChange"),
        if_match: true,
        key: Key::Required,
        success: 200,
        answer: Answer::Json("Subscription"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 422, 428, 429, 500, 503],
    },
    get(
        "/api/v1/subscriptions/{id}/assignments",
        Answer::Json("AssignmentPage"),
        &[200, 400, 401, 404, 422, 429, 500, 503],
    ),
    Operation {
        method: "POST",
        path: "/api/v1/subscriptions/{id}/assignments",
        body: Some("AssignRequest"),
        if_match: false,
        key: Key::Required,
        success: 200,
        answer: Answer::Json("AssignResponse"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503],
    },
    Operation {
        method: "POST",
        path: "/api/v1/subscriptions/{id}/assignments/remove",
        body: Some("UnassignRequest"),
        if_match: false,
        key: Key::None,
        success: 200,
        answer: Answer::Json("Subscription"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503],
    },
    get("/api/v1/directory/people", Answer::JsonList("DirectoryMatch"), &[200, 400, 401, 404, 422, 429, 500, 503]),
    get("/api/v1/cancellation-reasons", Answer::JsonList("CancellationReason"), &[200, 401, 429, 500, 503]),
    get(
        "/api/v1/subscriptions/{id}/cancellation",
        Answer::Json("CancellationTerms"),
        &[200, 401, 404, 409, 429, 500, 503],
    ),
    Operation {
        method: "POST",
        path: "/api/v1/subscriptions/{id}/cancel",
        body: Some("CancelRequest"),
        if_match: true,
        key: Key::Required,
        success: 200,
        answer: Answer::Json("Subscription"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 422, 428, 429, 500, 503],
    },
    Operation {
        method: "POST",
        path: "/api/v1/subscriptions/{id}/reactivate",
        body: None,
        if_match: true,
        key: Key::Required,
        success: 200,
        answer: Answer::Json("Subscription"),
        statuses: &[200, 400, 401, 403, 404, 409, 412, 428, 429, 500, 503],
    },
    get("/api/v1/billing-profiles", Answer::JsonList("BillingProfile"), &[200, 401, 429, 500, 503]),
    get("/api/v1/billing-profiles/{id}", Answer::Json("BillingProfile"), &[200, 401, 404, 429, 500, 503]),
    Operation {
        method: "PUT",
        path: "/api/v1/billing-profiles/{id}/payment-method",
        body: Some("SetPaymentMethod"),
        if_match: true,
        key: Key::Optional,
        success: 200,
        answer: Answer::Json("BillingProfile"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 422, 428, 429, 500, 503],
    },
    get("/api/v1/payment-methods", Answer::JsonList("PaymentMethod"), &[200, 401, 429, 500, 503]),
    Operation {
        method: "POST",
        path: "/api/v1/payment-methods",
        body: Some("NewPaymentMethod"),
        if_match: false,
        key: Key::Required,
        success: 201,
        answer: Answer::Json("PaymentMethod"),
        statuses: &[201, 400, 401, 403, 408, 409, 413, 415, 422, 429, 500, 503],
    },
    get("/api/v1/payment-methods/{id}", Answer::Json("PaymentMethod"), &[200, 401, 404, 429, 500, 503]),
    Operation {
        method: "PATCH",
        path: "/api/v1/payment-methods/{id}",
        body: Some("PaymentMethodUpdate"),
        if_match: true,
        key: Key::Optional,
        success: 200,
        answer: Answer::Json("PaymentMethod"),
        statuses: &[200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 422, 428, 429, 500, 503],
    },
    Operation {
        method: "DELETE",
        path: "/api/v1/payment-methods/{id}",
        body: None,
        if_match: true,
        key: Key::None,
        success: 204,
        answer: Answer::Nothing,
        statuses: &[204, 401, 403, 404, 409, 412, 428, 429, 500, 503],
    },
    get("/api/v1/invoices", Answer::JsonList("Invoice"), &[200, 400, 401, 422, 429, 500, 503]),
    get("/api/v1/invoices/{id}", Answer::Json("InvoiceDetail"), &[200, 401, 404, 429, 500, 503]),
    get("/api/v1/invoices/{id}/pdf", Answer::File("application/pdf"), &[200, 401, 404, 429, 500, 503]),
    get(
        "/api/v1/admin/self-service-purchases",
        Answer::Json("SelfServicePurchasePage"),
        &[200, 400, 401, 403, 429, 500, 503],
    ),
    get("/api/v1/admin/self-service-purchases/export", Answer::File("text/csv"), &[200, 400, 401, 403, 429, 500, 503]),
    get(
        "/api/v1/admin/self-service-purchases/{id}",
        Answer::Json("PurchaseDetail"),
        &[200, 401, 403, 404, 429, 500, 503],
    ),
    get(
        "/api/v1/admin/self-service-purchases/{id}/assignments",
        Answer::Json("AssignmentPage"),
        &[200, 400, 401, 403, 404, 429, 500, 503],
    ),
    get(
        "/api/v1/admin/self-service-purchases/{id}/assignments/export",
        Answer::File("text/csv"),
        &[200, 401, 403, 404, 429, 500, 503],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Statuses every operation can answer: not signed in, too many requests, a server error, unavailable.
    const ANY: [u16; 4] = [401, 429, 500, 503];

    #[test]
    fn every_operation_answers_what_any_operation_can_and_its_guards() {
        for operation in OPERATIONS {
            let has = |status: u16| operation.statuses.contains(&status);
            let name = format!("{} {}", operation.method, operation.path);
            assert!(has(operation.success) && ANY.iter().all(|s| has(*s)), "{name}");
            assert!(operation.statuses.windows(2).all(|w| w[0] < w[1]), "{name}: in order, once each");
            assert!(!operation.path.contains("{id}") || has(404), "{name}: an unknown id is a 404");
            assert_eq!(operation.body.is_some(), has(408) && has(413) && has(415), "{name}: body statuses");
            assert_eq!(operation.if_match, has(412) && has(428), "{name}: If-Match statuses");
            assert!(operation.key != Key::Required || has(400), "{name}: a required key is a 400 without it");
            assert!(operation.key == Key::None || has(409), "{name}: a reused key is a 409");
            assert!(operation.method == "GET" || has(403), "{name}: changes are refused without the CSRF token");
            assert!(!operation.admin_only() || has(403), "{name}: administrators only");
        }
    }
}
