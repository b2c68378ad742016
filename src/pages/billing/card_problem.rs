//! What each card-form problem says, in the person's language: the form's own fields' (the contract's codes) and
//! the hosted fields' (their event codes).

use super::card_draft::CardDraft;
use crate::hosted_fields::FieldStatus;
use crate::i18n::*;
use crate::labels::I18n;
use contract::billing::CardBrand;
use contract::hosted_fields::{FieldIssue, FieldKind, FieldState};
use contract::problem::FieldErrorCode;
use contract::FieldError;
use leptos::prelude::*;

/// What a card form knows is wrong: the shared rules' verdict on what is typed, and the backend's on the last save.
#[derive(Clone, Copy)]
pub struct FormProblems {
    /// The rules' problems with what is typed.
    pub local: Signal<Vec<FieldError>>,
    /// The backend's problems from the last save.
    pub server: Signal<Vec<FieldError>>,
}

/// The message to show beside `field` of `draft`, given its problems and the card's `brand`.
pub fn field_message(
    i18n: I18n,
    draft: CardDraft,
    problems: FormProblems,
    brand: Signal<Option<CardBrand>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let code =
            problems.local.with(|local| problems.server.with(|server| draft.shown_problem(field, local, server)))?;
        Some(card_problem(i18n, field, code, brand.get()))
    })
}

/// The message beside a hosted field (`kind`, as `status` says), once it was left or a save tried (`attempted`);
/// an empty field is a problem only when `required`. `brand` is the card's, when known.
pub fn hosted_problem(
    i18n: I18n,
    kind: FieldKind,
    status: FieldStatus,
    attempted: bool,
    required: bool,
    brand: Option<CardBrand>,
) -> Option<String> {
    if !(attempted || status.left) {
        return None;
    }
    let issue = match status.state {
        FieldState::Complete => return None,
        FieldState::Empty if !required => return None,
        FieldState::Empty => None,
        FieldState::Invalid => status.issue,
    };
    Some(match (kind, issue) {
        (FieldKind::Number, None) => t_string!(i18n, card_form.number_required).to_string(),
        (FieldKind::Number, Some(FieldIssue::UnsupportedBrand)) => {
            t_string!(i18n, card_form.number_unsupported).to_string()
        }
        // Too short or long, a wrong character, a failed checksum: the digits need checking.
        (FieldKind::Number, Some(_)) => t_string!(i18n, card_form.number_invalid).to_string(),
        (FieldKind::SecurityCode, None) => t_string!(i18n, card_form.code_required).to_string(),
        (FieldKind::SecurityCode, Some(_)) => {
            card_problem(i18n, "security_code", FieldErrorCode::InvalidSecurityCode, brand)
        }
    })
}

/// The message for `code` on `field` (`expiry`, `security_code`, `name_on_card`, `address.…`); `brand` is the
/// card's, when known.
pub fn card_problem(i18n: I18n, field: &str, code: FieldErrorCode, brand: Option<CardBrand>) -> String {
    use FieldErrorCode as C;
    match (field, code) {
        ("security_code" | "security_code_token", _) => match brand {
            Some(CardBrand::Amex) => t_string!(i18n, card_form.code_invalid_amex).to_string(),
            Some(_) => t_string!(i18n, card_form.code_invalid_three).to_string(),
            None => t_string!(i18n, card_form.code_invalid).to_string(),
        },
        ("expiry", C::CardExpired) => t_string!(i18n, card_form.expired).to_string(),
        ("expiry", _) => t_string!(i18n, card_form.expiry_required).to_string(),
        ("name_on_card", C::TooLong) => t_string!(i18n, card_form.too_long, max = 100).to_string(),
        ("name_on_card", _) => t_string!(i18n, card_form.name_required).to_string(),
        (_, C::TooLong) => t_string!(i18n, card_form.too_long, max = 100).to_string(),
        ("address.line1", _) => t_string!(i18n, card_form.line1_required).to_string(),
        ("address.city", _) => t_string!(i18n, card_form.city_required).to_string(),
        ("address.postal_code", C::Malformed) => t_string!(i18n, card_form.postal_code_malformed).to_string(),
        ("address.postal_code", _) => t_string!(i18n, card_form.postal_code_required).to_string(),
        ("address.region", _) => t_string!(i18n, card_form.region_required).to_string(),
        ("address.country", _) => t_string!(i18n, card_form.country_required).to_string(),
        _ => t_string!(i18n, errors.validation).to_string(),
    }
}
