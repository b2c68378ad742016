//! The portal API never takes card data: a body of a payment-method change that carries a card number or a security
//! code (under a card field's name, or a number that passes the Luhn check in any text) is refused with
//! `400 card_data_refused` before anything else reads it. Cards come in as tokens of the payments origin.

use crate::problem::ApiError;
use serde_json::Value;

/// Names under which card data is sent (compared without case).
const CARD_FIELDS: [&str; 9] =
    ["card_number", "cardnumber", "number", "pan", "security_code", "securitycode", "cvc", "cvv", "csc"];

/// Whether `digits` (13 to 19 of them) could be a card number: the Luhn check passes.
fn card_like(digits: &str) -> bool {
    (13..=19).contains(&digits.len()) && contract::rules::luhn_valid(digits)
}

/// Whether `text` holds a run of 13 to 19 digits (spaces and dashes between them allowed) that passes Luhn.
fn holds_card_number(text: &str) -> bool {
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once('.')) {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !matches!(c, ' ' | '-') || digits.len() > 19 {
            if card_like(&digits) {
                return true;
            }
            digits.clear();
        }
    }
    false
}

/// Whether `value` carries card data anywhere. Tokens (`…_token` members) are random text of the payments origin,
/// which may hold a run of digits: they are not searched.
pub fn carries_card_data(value: &Value) -> bool {
    match value {
        Value::Object(fields) => fields.iter().any(|(name, value)| {
            let name = name.to_ascii_lowercase();
            CARD_FIELDS.contains(&name.as_str()) || (!name.ends_with("_token") && carries_card_data(value))
        }),
        Value::Array(items) => items.iter().any(carries_card_data),
        Value::String(text) => holds_card_number(text),
        Value::Number(number) => card_like(&number.to_string()),
        Value::Bool(_) | Value::Null => false,
    }
}

/// Refuses a body that carries card data.
pub fn refuse_card_data(body: &Value) -> Result<(), ApiError> {
    if carries_card_data(body) {
        Err(ApiError::CardDataRefused)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn card_fields_and_card_numbers_anywhere_are_found() {
        assert!(carries_card_data(&json!({ "card_number": "x" })));
        assert!(carries_card_data(&json!({ "Security_Code": "123" })));
        assert!(carries_card_data(&json!({ "cvc": null })));
        assert!(carries_card_data(&json!({ "name_on_card": "4111 1111 1111 1111" })));
        assert!(carries_card_data(&json!({ "address": { "line2": "card 4111-1111-1111-1111 thanks" } })));
        assert!(carries_card_data(&json!({ "note": [4111111111111111u64] })));
        assert!(carries_card_data(&json!({ "a": "378282246310005" })));
    }

    #[test]
    fn ordinary_card_changes_pass() {
        let body = json!({
            "card_token": "tok_0123456789abcdef0123456789abcdef",
            "expiry": { "year": 2029, "month": 1 },
            "name_on_card": "Åsa Öström",
            "address": { "line1": "Drottninggatan 1", "city": "Stockholm", "postal_code": "111 51", "country": "SE" }
        });
        assert!(!carries_card_data(&body));
        assert!(!carries_card_data(&json!({ "line1": "Box 4111 1111 1111 1112" })), "fails Luhn");
        assert!(!carries_card_data(&json!({ "phone": "+46 8 123 456 78" })), "too few digits");
        assert!(!carries_card_data(&json!({ "card_token": "tok_4111111111111111" })), "tokens are not searched");
    }
}
