//! Changing payment methods: `POST /api/v1/payment-methods` (add a card, once per `Idempotency-Key`),
//! `PATCH /api/v1/payment-methods/{id}` (only security code, expiry, name and address) and
//! `PUT /api/v1/billing-profiles/{id}/payment-method` (pay a profile with another stored card).
//!
//! Card numbers and security codes are checked, handed to the (pretend) card processor, and forgotten: only a
//! token, the brand, the last four digits and the expiry are stored, and idempotency fingerprints hold a digest.

use crate::auth::{random_token, Viewer};
use crate::change::{apply_with_optional_key, create_once, ChangeHeaders};
use crate::db::billing::{self as db, StoredCard};
use crate::problem::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use contract::billing::{NewPaymentMethod, PaymentMethodUpdate, SetPaymentMethod};
use contract::cards::{check_new_card, check_update, expiry_state, ExpiryState};
use contract::problem::FieldErrorCode;
use contract::rules::{card_digits, check_card_number};
use contract::{paths, FieldError, PaymentMethodId};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The fields of a stored card that can change.
const EDITABLE: [&str; 4] = ["security_code", "expiry", "name_on_card", "address"];

fn body_error(rejection: JsonRejection) -> ApiError {
    ApiError::BadBody(rejection.body_text())
}

/// A hex SHA-256 digest: what identifies a request whose body must not be kept.
fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Adds a card. The answer is the masked method (`201`, `Location`); a retry with the same key and card gets the
/// same answer and stores nothing more.
pub async fn add(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    headers: ChangeHeaders,
    body: Result<Json<NewPaymentMethod>, JsonRejection>,
) -> ApiResult<Response> {
    let Json(card) = body.map_err(body_error)?;
    let errors = check_new_card(&card, state.clock.today());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let brand = check_card_number(&card.card_number).map_err(|code| ApiError::invalid_field("card_number", code))?;
    let digits = card_digits(&card.card_number).unwrap_or_default();
    let canonical = serde_json::to_vec(&card).map_err(|e| ApiError::Internal(e.to_string()))?;
    let request = format!("POST {}\n{}", paths::PAYMENT_METHODS, digest(&canonical));
    let location = |method: &contract::billing::PaymentMethod| paths::payment_method(&method.id);
    create_once(&state, &viewer, &headers, request, location, |conn| {
        let id = format!("pm-{}", &random_token()[..12]);
        let token = format!("tok_{}", random_token());
        let address = contract::billing::Address {
            line1: card.address.line1.trim().to_owned(),
            line2: card.address.line2.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned),
            city: card.address.city.trim().to_owned(),
            postal_code: card
                .address
                .postal_code
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned),
            region: card.address.region.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned),
            country: card.address.country.clone(),
        };
        db::insert_method(
            conn,
            &StoredCard {
                id: &id,
                owner_id: &viewer.person_id,
                brand,
                last4: &digits[digits.len().saturating_sub(4)..],
                expiry: card.expiry,
                name_on_card: card.name_on_card.trim(),
                address: &address,
                token: &token,
            },
        )?;
        db::payment_method(conn, &viewer.person_id, &id)?.ok_or_else(|| ApiError::Internal("card vanished".into()))
    })
}

/// Reads an edit: any field but the editable four is `422 not_editable` (named), then the update itself.
fn read_update(
    body: Result<Json<serde_json::Map<String, serde_json::Value>>, JsonRejection>,
) -> ApiResult<PaymentMethodUpdate> {
    let Json(fields) = body.map_err(body_error)?;
    let refused: Vec<FieldError> = fields
        .keys()
        .filter(|key| !EDITABLE.contains(&key.as_str()))
        .map(|key| FieldError { field: key.clone(), code: FieldErrorCode::NotEditable })
        .collect();
    if !refused.is_empty() {
        return Err(ApiError::Validation(refused));
    }
    serde_json::from_value(serde_json::Value::Object(fields)).map_err(|e| ApiError::BadBody(e.to_string()))
}

/// Edits a stored card (`If-Match` required): only the fields present change.
pub async fn edit(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    Path(id): Path<String>,
    headers: ChangeHeaders,
    body: Result<Json<serde_json::Map<String, serde_json::Value>>, JsonRejection>,
) -> ApiResult<Response> {
    let update = read_update(body)?;
    let today = state.clock.today();
    let canonical = serde_json::to_vec(&update).map_err(|e| ApiError::Internal(e.to_string()))?;
    let request = format!("PATCH {}\n{}", paths::payment_method(&PaymentMethodId(id.clone())), digest(&canonical));
    apply_with_optional_key(&state, &viewer, &headers, request, |conn| {
        let (version, brand) = db::method_version(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)?;
        headers.check_version(version)?;
        let errors = check_update(&update, brand, today);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        db::update_method(conn, &id, &update)?;
        db::payment_method(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)
    })
}

/// Pays a billing profile with another of the person's stored cards (`If-Match` required; not an expired card).
pub async fn set_for_profile(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    Path(id): Path<String>,
    headers: ChangeHeaders,
    body: Result<Json<SetPaymentMethod>, JsonRejection>,
) -> ApiResult<Response> {
    let Json(choice) = body.map_err(|rejection| match rejection {
        JsonRejection::JsonDataError(e) if e.body_text().contains("missing field") => {
            ApiError::invalid_field("payment_method_id", FieldErrorCode::Required)
        }
        other => body_error(other),
    })?;
    let method_id = choice.payment_method_id.0;
    let today = state.clock.today();
    let request =
        format!("PUT {}\n{method_id}", paths::billing_profile_payment_method(&contract::BillingProfileId(id.clone())));
    apply_with_optional_key(&state, &viewer, &headers, request, |conn| {
        let version = db::profile_version(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)?;
        headers.check_version(version)?;
        let method = db::payment_method(conn, &viewer.person_id, &method_id)?
            .ok_or_else(|| ApiError::invalid_field("payment_method_id", FieldErrorCode::UnknownValue))?;
        if expiry_state(method.expiry, today) == ExpiryState::Expired {
            return Err(ApiError::invalid_field("payment_method_id", FieldErrorCode::CardExpired));
        }
        db::set_profile_method(conn, &id, &method_id)?;
        db::billing_profile(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)
    })
}
