//! Changing payment methods: `POST /api/v1/payment-methods` (add a card, once per `Idempotency-Key`),
//! `PATCH /api/v1/payment-methods/{id}` (only security code, expiry, name and address),
//! `DELETE /api/v1/payment-methods/{id}` (a card that pays for no billing profile) and
//! `PUT /api/v1/billing-profiles/{id}/payment-method` (pay a profile with another stored card).
//!
//! Card numbers and security codes never come here: a card arrives as a token of the payments origin, which is
//! redeemed with the vault (once: tokens are single-use) for the card reference that is stored with the brand,
//! the last four digits and the expiry. A body carrying card data is refused (`400 card_data_refused`).

use crate::auth::{random_token, Viewer};
use crate::card_data::refuse_card_data;
use crate::change::{apply_with_optional_key, create_once, ChangeHeaders};
use crate::db::billing::{self as db, StoredCard};
use crate::path_id::PathId;
use crate::payments::vault::{TokenError, TokenFacts, TokenKind};
use crate::problem::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use contract::billing::{Address, NewPaymentMethod, PaymentMethodUpdate, SetPaymentMethod};
use contract::cards::{check_new_card, check_update, expiry_state, ExpiryState};
use contract::problem::FieldErrorCode;
use contract::{paths, FieldError, PaymentMethodId};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The fields of a stored card that can change.
const EDITABLE: [&str; 4] = ["security_code_token", "expiry", "name_on_card", "address"];

/// A hex SHA-256 digest: what identifies a request in the idempotency store.
fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The JSON body, refused when it carries card data.
fn without_card_data(body: Result<Json<Value>, JsonRejection>) -> ApiResult<Value> {
    let Json(mut body) = body?;
    refuse_card_data(&body)?;
    whole_expiry_numbers(&mut body);
    Ok(body)
}

/// The expiry's year and month as whole numbers however they are written (`2031.0` is 2031, as JSON Schema's
/// integers), and any whole number out of their types' range as 0, so that every whole number reaches the
/// contract's rule and is `invalid_date` rather than a shape error. A fraction stays, and is refused (400).
fn whole_expiry_numbers(body: &mut Value) {
    let Some(Value::Object(expiry)) = body.get_mut("expiry") else { return };
    for (name, value) in expiry.iter_mut() {
        let Some(whole) = value.as_number().and_then(crate::whole::whole) else { continue };
        *value = match name.as_str() {
            "year" => Value::from(i32::try_from(whole).unwrap_or(0)),
            "month" => Value::from(u8::try_from(whole).unwrap_or(0)),
            _ => continue,
        };
    }
}

/// The facts of a token of `kind`: one the vault never made, or of another kind, is `card_token_invalid`. A spent
/// or expired token is still described (a retry of the change that spent it is answered from the idempotency
/// store); redeeming it says what is wrong.
fn token_facts(state: &AppState, token: &str, kind: TokenKind) -> ApiResult<TokenFacts> {
    match state.vault.inspect(token.trim()) {
        Ok(facts) if facts.kind == kind => Ok(facts),
        _ => Err(ApiError::CardToken(TokenError::Invalid)),
    }
}

fn trimmed(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Adds a card from its token. The answer is the masked method (`201`, `Location`); a retry with the same key
/// and the same card (the same token, or a fresh token of the same typed card) gets the same answer and stores
/// nothing more.
pub async fn add(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    headers: ChangeHeaders,
    body: Result<Json<Value>, JsonRejection>,
) -> ApiResult<Response> {
    let body = without_card_data(body)?;
    let card: NewPaymentMethod = serde_json::from_value(body).map_err(|e| ApiError::BadBody(e.to_string()))?;
    let errors = check_new_card(&card, state.clock.today());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let token = card.card_token.trim();
    let facts = token_facts(&state, token, TokenKind::Card)?;
    // The card number's keyed fingerprint stands for the token: the same card under a fresh token is the same
    // request.
    let canonical = serde_json::to_vec(&(&facts.fingerprint, card.expiry, card.name_on_card.trim(), &card.address))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let request = format!("POST {}\n{}", paths::PAYMENT_METHODS, digest(&canonical));
    let location = |method: &contract::billing::PaymentMethod| paths::payment_method(&method.id);
    create_once(&state, &viewer, &headers, request, location, |conn| {
        let card_ref = state.vault.redeem_card(token).map_err(ApiError::CardToken)?;
        let id = format!("pm-{}", &random_token()[..12]);
        let address = Address {
            line1: card.address.line1.trim().to_owned(),
            line2: trimmed(card.address.line2.as_deref()),
            city: card.address.city.trim().to_owned(),
            postal_code: trimmed(card.address.postal_code.as_deref()),
            region: trimmed(card.address.region.as_deref()),
            country: card.address.country.clone(),
        };
        db::insert_method(
            conn,
            &StoredCard {
                id: &id,
                owner_id: &viewer.person_id,
                brand: facts.brand,
                last4: facts.last4.as_deref().unwrap_or_default(),
                expiry: card.expiry,
                name_on_card: card.name_on_card.trim(),
                address: &address,
                token: &card_ref,
            },
        )?;
        db::payment_method(conn, &viewer.person_id, &id)?.ok_or_else(|| ApiError::Internal("card vanished".into()))
    })
}

/// Reads an edit: any field but the editable four is `422 not_editable` (named), then the update itself.
fn read_update(body: Value) -> ApiResult<PaymentMethodUpdate> {
    let Value::Object(fields) = body else { return Err(ApiError::BadBody("expected a JSON object".into())) };
    let refused: Vec<FieldError> = fields
        .keys()
        .filter(|key| !EDITABLE.contains(&key.as_str()))
        .map(|key| FieldError { field: key.clone(), code: FieldErrorCode::NotEditable })
        .collect();
    if !refused.is_empty() {
        return Err(ApiError::Validation(refused));
    }
    serde_json::from_value(Value::Object(fields)).map_err(|e| ApiError::BadBody(e.to_string()))
}

/// Edits a stored card (`If-Match` required): only the fields present change. A new security code comes as a
/// token, checked against the card's brand and redeemed with the vault for the card.
pub async fn edit(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
    body: Result<Json<Value>, JsonRejection>,
) -> ApiResult<Response> {
    let update = read_update(without_card_data(body)?)?;
    let today = state.clock.today();
    let code = match update.security_code_token.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(token) => Some((token.to_owned(), token_facts(&state, token, TokenKind::SecurityCode)?)),
        None => None,
    };
    // A new security code counts as present or not: nothing derived from one is kept, so a retry with a fresh
    // token of it is the same request.
    let canonical = serde_json::to_vec(&(code.is_some(), update.expiry, &update.name_on_card, &update.address))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let request = format!("PATCH {}\n{}", paths::payment_method(&PaymentMethodId(id.clone())), digest(&canonical));
    apply_with_optional_key(&state, &viewer, &headers, request, |conn| {
        let stored = db::method_version(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)?;
        headers.check_version(stored.version)?;
        let mut errors = check_update(&update, today);
        if code.as_ref().is_some_and(|(_, facts)| facts.brand != stored.brand) {
            errors.push(FieldError { field: "security_code_token".into(), code: FieldErrorCode::InvalidSecurityCode });
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        if let Some((token, _)) = &code {
            state.vault.redeem_security_code(token, &stored.card_ref).map_err(ApiError::CardToken)?;
        }
        db::update_method(conn, &id, &update)?;
        db::payment_method(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)
    })
}

/// Removes one of the person's stored cards (`If-Match` required): `204`. A card that pays for a billing profile is
/// `409 action_not_allowed` (the profile gets another card first).
pub async fn remove(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
) -> ApiResult<StatusCode> {
    state.db.write(|conn| {
        let stored = db::method_version(conn, &viewer.person_id, &id)?.ok_or(ApiError::NotFound)?;
        headers.check_version(stored.version)?;
        if db::method_in_use(conn, &id)? {
            return Err(ApiError::ActionNotAllowed);
        }
        Ok(db::delete_method(conn, &id)?)
    })?;
    Ok(StatusCode::NO_CONTENT)
}

/// Pays a billing profile with another of the person's stored cards (`If-Match` required; not an expired card).
pub async fn set_for_profile(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
    body: Result<Json<SetPaymentMethod>, JsonRejection>,
) -> ApiResult<Response> {
    let Json(choice) = body.map_err(|rejection| match rejection {
        JsonRejection::JsonDataError(e) if e.body_text().contains("missing field") => {
            ApiError::invalid_field("payment_method_id", FieldErrorCode::Required)
        }
        other => other.into(),
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
