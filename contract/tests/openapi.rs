//! `openapi.yaml` documents every path of [`contract::paths`], every schema of the crate and every enum value as
//! serde writes it. Plain line checks on the YAML (no YAML parser dependency): the document keeps the layout
//! `paths:` → two-space path keys, `components:` → `  schemas:` → four-space schema names.

use contract::billing::CardBrand;
use contract::invoices::InvoiceStatus;
use contract::licenses::AssignOutcome;
use contract::me::Role;
use contract::paths;
use contract::problem::FieldErrorCode;
use contract::subscriptions::{
    BillingFrequency, DenialReason, PurchaseChannel, SortKey, SortOrder, SubscriptionStatus,
};
use contract::ErrorCode;
use serde::Serialize;

const YAML: &str = include_str!("../openapi.yaml");

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_content(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && !trimmed.starts_with('#')
}

/// The keys at `key_indent` inside the block that starts at the line `header` (exactly), up to the next line
/// indented less than `key_indent`.
fn keys_under(header: &str, key_indent: usize) -> Vec<String> {
    let mut lines = YAML.lines().skip_while(|l| *l != header);
    assert!(lines.next().is_some(), "no line {header:?} in openapi.yaml");
    lines
        .filter(|l| is_content(l))
        .take_while(|l| indent(l) >= key_indent)
        .filter(|l| indent(l) == key_indent && l.trim_end().ends_with(':'))
        .map(|l| l.trim().trim_end_matches(':').trim_matches(|c| c == '\'' || c == '"').to_owned())
        .collect()
}

fn path_keys() -> Vec<String> {
    keys_under("paths:", 2)
}

fn schema_names() -> Vec<String> {
    // `  schemas:` occurs once, under `components:`.
    assert_eq!(YAML.lines().filter(|l| *l == "  schemas:").count(), 1);
    keys_under("  schemas:", 4)
}

/// The `enum` values of the schema `name` (inline `[a, b]` or one `- a` per line).
fn enum_values(name: &str) -> Vec<String> {
    let header = format!("    {name}:");
    let block: Vec<&str> = YAML
        .lines()
        .skip_while(|l| *l != "  schemas:")
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| !is_content(l) || indent(l) > 4)
        .collect();
    assert!(!block.is_empty(), "no schema {name} under components/schemas");
    let at =
        block.iter().position(|l| l.trim_start().starts_with("enum:")).unwrap_or_else(|| panic!("{name} has no enum"));
    let inline = block[at].trim_start().trim_start_matches("enum:").trim();
    if !inline.is_empty() {
        return inline
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .map(|v| v.trim().trim_matches(|c| c == '\'' || c == '"').to_owned())
            .collect();
    }
    let item_indent = indent(block[at]) + 2;
    block[at + 1..]
        .iter()
        .take_while(|l| indent(l) == item_indent && l.trim_start().starts_with("- "))
        .map(|l| l.trim_start().trim_start_matches("- ").trim().trim_matches(|c| c == '\'' || c == '"').to_owned())
        .collect()
}

fn wire<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value).unwrap() {
        serde_json::Value::String(s) => s,
        other => panic!("not a string enum: {other}"),
    }
}

/// Checks that the schema `name` lists exactly these wire names.
fn assert_enum<T: Serialize + Copy>(name: &str, variants: &[T]) {
    let documented = enum_values(name);
    let expected: Vec<String> = variants.iter().map(|v| wire(*v)).collect();
    for value in &expected {
        assert!(documented.contains(value), "{name}: {value} is missing from openapi.yaml ({documented:?})");
    }
    assert_eq!(documented.len(), expected.len(), "{name}: openapi.yaml lists {documented:?}, the crate {expected:?}");
}

#[test]
fn every_path_of_the_crate_is_documented() {
    let documented = path_keys();
    let id = || "ID";
    let template = |path: String| path.replace("ID", "{id}");
    let expected = [
        paths::ME.to_owned(),
        paths::SUBSCRIPTIONS.to_owned(),
        paths::DIRECTORY_PEOPLE.to_owned(),
        paths::CANCELLATION_REASONS.to_owned(),
        paths::BILLING_PROFILES.to_owned(),
        paths::PAYMENT_METHODS.to_owned(),
        paths::INVOICES.to_owned(),
        template(paths::subscription(&id().into())),
        template(paths::quantity_quote(&id().into())),
        template(paths::quantity(&id().into())),
        template(paths::assignments(&id().into())),
        template(paths::assignments_remove(&id().into())),
        template(paths::cancellation(&id().into())),
        template(paths::cancel(&id().into())),
        template(paths::reactivate(&id().into())),
        template(paths::billing_profile(&id().into())),
        template(paths::billing_profile_payment_method(&id().into())),
        template(paths::payment_method(&id().into())),
        template(paths::invoice(&id().into())),
        template(paths::invoice_pdf(&id().into())),
        paths::ADMIN_PURCHASES.to_owned(),
        paths::ADMIN_PURCHASES_EXPORT.to_owned(),
        template(paths::admin_purchase(&id().into())),
        template(paths::admin_purchase_assignments(&id().into())),
        template(paths::admin_purchase_assignments_export(&id().into())),
    ];
    for path in &expected {
        assert!(path.starts_with(paths::PREFIX), "{path}");
        assert!(documented.contains(path), "{path} is not a path of openapi.yaml ({documented:?})");
    }
    // Everything else documented is a development-only route of the reference backend.
    for path in &documented {
        assert!(
            expected.contains(path) || path.starts_with("/dev/"),
            "{path} is documented but not in contract::paths"
        );
    }
    for dev in ["/dev/sign-in", "/dev/sign-out", "/dev/faults"] {
        assert!(documented.iter().any(|p| p == dev), "{dev} is not documented");
    }
}

#[test]
fn every_type_of_the_crate_has_a_schema() {
    let documented = schema_names();
    for name in [
        // ids
        "SubscriptionId",
        "PersonId",
        "OrganizationId",
        "BillingProfileId",
        "PaymentMethodId",
        "InvoiceId",
        "ProductId",
        // money and errors
        "Decimal",
        "Currency",
        "Money",
        "Problem",
        "ErrorCode",
        "FieldError",
        "FieldErrorCode",
        // me
        "Me",
        "Role",
        "Organization",
        // subscriptions
        "Subscription",
        "Product",
        "PurchaseChannel",
        "SubscriptionStatus",
        "BillingFrequency",
        "AllowedActions",
        "Permission",
        "PermissionAllowed",
        "PermissionDenied",
        "DenialReason",
        "SubscriptionQuery",
        "SortKey",
        "SortOrder",
        "SubscriptionPage",
        // licenses
        "QuantityChange",
        "QuantityQuote",
        "AssignRequest",
        "AssignResponse",
        "AssignResult",
        "AssignOutcome",
        "UnassignRequest",
        "Assignment",
        "AssignmentPage",
        "CancellationReason",
        "CancellationTerms",
        "CancelRequest",
        // directory
        "Person",
        "DirectoryQuery",
        "DirectoryMatch",
        // billing
        "Address",
        "BillingProfile",
        "SetPaymentMethod",
        "PaymentMethod",
        "CardBrand",
        "CardExpiry",
        "NewPaymentMethod",
        "PaymentMethodUpdate",
        // invoices
        "InvoiceQuery",
        "Invoice",
        "InvoiceStatus",
        "InvoiceDetail",
        "InvoiceLine",
        // admin
        "PersonSummary",
        "PurchaseQuery",
        "SelfServicePurchase",
        "SelfServicePurchasePage",
        "HistoryKind",
        "HistoryEntry",
        "PurchaseDetail",
        // dev
        "Fault",
    ] {
        assert!(documented.iter().any(|d| d == name), "schema {name} is missing from openapi.yaml");
    }
}

#[test]
fn every_error_code_is_documented() {
    use ErrorCode::*;
    let all = [
        BadRequest,
        MalformedJson,
        Unauthenticated,
        Forbidden,
        CsrfTokenInvalid,
        OriginNotAllowed,
        NotFound,
        MethodNotAllowed,
        RequestTimeout,
        PayloadTooLarge,
        UnsupportedMediaType,
        ActionNotAllowed,
        IdempotencyKeyReused,
        CardDataRefused,
        CardTokenInvalid,
        CardTokenExpired,
        CardTokenSpent,
        PreconditionFailed,
        PreconditionRequired,
        ValidationFailed,
        RateLimited,
        Internal,
        Unavailable,
    ];
    // Adding a variant breaks this match: add it to `all` (and to openapi.yaml) too.
    for code in all {
        match code {
            BadRequest | MalformedJson | Unauthenticated | Forbidden | CsrfTokenInvalid | OriginNotAllowed
            | NotFound | MethodNotAllowed | RequestTimeout | PayloadTooLarge | UnsupportedMediaType
            | ActionNotAllowed | IdempotencyKeyReused | CardDataRefused | CardTokenInvalid | CardTokenExpired
            | CardTokenSpent | PreconditionFailed | PreconditionRequired | ValidationFailed | RateLimited
            | Internal | Unavailable => {}
        }
        assert_eq!(wire(code), code.as_str());
    }
    let documented = enum_values("ErrorCode");
    for code in all {
        assert!(documented.iter().any(|d| d == code.as_str()), "{} is not in ErrorCode", code.as_str());
    }
    assert_eq!(documented.len(), all.len());
    // Each code has an example problem with its status (in components/responses).
    let lines: Vec<&str> = YAML.lines().map(str::trim).collect();
    for code in all {
        let status = format!("status: {}", code.status());
        let code_line = format!("code: {}", code.as_str());
        assert!(
            lines.windows(2).any(|pair| pair[0] == status && pair[1] == code_line),
            "no example problem for {} with {status}",
            code.as_str()
        );
    }
}

#[test]
fn every_enum_lists_its_wire_names() {
    use FieldErrorCode::*;
    let field_codes = [
        Required,
        NotAWholeNumber,
        Zero,
        AboveMaximum,
        BelowAssigned,
        Unchanged,
        TooLong,
        TooMany,
        UnknownValue,
        CardExpired,
        InvalidSecurityCode,
        InvalidDate,
        InFuture,
        StartAfterEnd,
        RangeTooLong,
        NotEditable,
        Malformed,
    ];
    for code in field_codes {
        // Adding a variant breaks this match: add it to the list (and to openapi.yaml) too.
        match code {
            Required | NotAWholeNumber | Zero | AboveMaximum | BelowAssigned | Unchanged | TooLong | TooMany
            | UnknownValue | CardExpired | InvalidSecurityCode | InvalidDate | InFuture | StartAfterEnd
            | RangeTooLong | NotEditable | Malformed => {}
        }
    }
    assert_enum("FieldErrorCode", &field_codes);

    use DenialReason as D;
    let reasons = [
        D::Trial,
        D::Expired,
        D::Disabled,
        D::Cancelled,
        D::Deleted,
        D::PaymentPending,
        D::ReductionWindowClosed,
        D::AllLicensesAssigned,
        D::NoLicensesAvailable,
        D::MaximumReached,
        D::NotReactivatable,
        D::NotPurchaser,
    ];
    for reason in reasons {
        match reason {
            D::Trial
            | D::Expired
            | D::Disabled
            | D::Cancelled
            | D::Deleted
            | D::PaymentPending
            | D::ReductionWindowClosed
            | D::AllLicensesAssigned
            | D::NoLicensesAvailable
            | D::MaximumReached
            | D::NotReactivatable
            | D::NotPurchaser => {}
        }
    }
    assert_enum("DenialReason", &reasons);

    assert_enum("SubscriptionStatus", &SubscriptionStatus::ALL);
    assert_enum("PurchaseChannel", &PurchaseChannel::ALL);
    assert_enum("SortKey", &SortKey::ALL);
    assert_enum("SortOrder", &[SortOrder::Asc, SortOrder::Desc]);
    assert_enum("BillingFrequency", &[BillingFrequency::Monthly, BillingFrequency::Yearly]);
    {
        use contract::admin::HistoryKind::*;
        assert_enum("HistoryKind", &[Purchased, LicensesAdded, LicensesRemoved, Cancelled, Reactivated]);
    }
    assert_enum(
        "AssignOutcome",
        &[
            AssignOutcome::Assigned,
            AssignOutcome::AlreadyAssigned,
            AssignOutcome::NotInOrganization,
            AssignOutcome::NoUsageLocation,
            AssignOutcome::NoLicenseAvailable,
        ],
    );
    assert_enum("InvoiceStatus", &[InvoiceStatus::Paid, InvoiceStatus::Due, InvoiceStatus::Overdue]);
    assert_enum("CardBrand", &[CardBrand::Visa, CardBrand::Mastercard, CardBrand::Amex]);
    assert_enum("Role", &[Role::Purchaser, Role::Admin]);
}

#[test]
fn headers_cookie_and_limits_match_the_crate() {
    use contract::headers;
    for (name, documented) in [
        (headers::CSRF_TOKEN, "X-CSRF-Token"),
        (headers::IDEMPOTENCY_KEY, "Idempotency-Key"),
        (headers::IF_MATCH, "If-Match"),
        (headers::RETRY_AFTER, "Retry-After"),
    ] {
        assert_eq!(name, documented.to_ascii_lowercase());
        assert!(YAML.contains(&format!("name: {documented}\n")) || YAML.contains(&format!("{documented}:\n")));
    }
    assert!(YAML.contains(&format!("name: {}\n", headers::SESSION_COOKIE)));
    assert!(YAML.contains(&format!("{}:\n", headers::PROBLEM_JSON)));
    assert!(YAML.contains(&format!("maxItems: {}\n", contract::licenses::AssignRequest::MAX_PEOPLE)));
    assert!(YAML.contains(&format!("maxLength: {}\n", contract::licenses::CancelRequest::MAX_FEEDBACK_CHARS)));
    assert!(YAML.contains(&format!("maximum: {}\n", contract::directory::DirectoryQuery::MAX_TOP)));
    assert!(YAML.contains(&format!("default: {}\n", contract::directory::DirectoryQuery::DEFAULT_TOP)));
    assert!(YAML.contains(&format!("maximum: {}\n", contract::subscriptions::SubscriptionQuery::MAX_PAGE_SIZE)));
    assert!(YAML.contains(&format!("{} days", contract::rules::MAX_INVOICE_RANGE_DAYS)));
    assert!(YAML.contains(&format!("within {} days", contract::rules::REDUCTION_WINDOW_DAYS)));
}
