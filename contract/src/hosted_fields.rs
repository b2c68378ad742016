//! The hosted card fields: the messages between the app and the card inputs that the payments origin serves in
//! iframes (protocol `hosted-fields/1`), and the rules the fields check what is typed against.
//!
//! The card number and the security code are typed only into those iframes. The app sends them commands
//! ([`FieldCommand`]) and hears their events ([`FieldEvent`]) through `postMessage` (as [`Envelope`]s of JSON
//! text), each side accepting messages
//! only from the other's origin; the fields post the card data straight to the payments origin and give the app a
//! single-use token with the brand and last four digits. README.md, section "Card data", documents the protocol.

use crate::billing::CardBrand;
use serde::{Deserialize, Serialize};

/// The `protocol` member every message carries.
pub const PROTOCOL: &str = "hosted-fields/1";

/// A message as it is posted: JSON text of an object with the protocol and the message's own members
/// (`{"protocol":"hosted-fields/1","type":"change",…}`). Text, not a structured object: each side parses it,
/// and anything else is not a message of the protocol.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Always [`PROTOCOL`].
    pub protocol: String,
    /// The message.
    #[serde(flatten)]
    pub message: T,
}

impl<T> Envelope<T> {
    /// `message` in an envelope of this protocol.
    pub fn new(message: T) -> Self {
        Self { protocol: PROTOCOL.to_owned(), message }
    }
}

/// Which hosted field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// The card number.
    Number,
    /// The security code (CVC).
    SecurityCode,
}

impl FieldKind {
    /// The wire name, as in the hosted page's address (`field=number`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::SecurityCode => "security_code",
        }
    }
}

/// What a field holds now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldState {
    /// Nothing typed.
    Empty,
    /// A value that can be tokenized.
    Complete,
    /// A value with a problem ([`FieldIssue`]); while typing, an unfinished number is `too_short`.
    Invalid,
}

/// Why a field's value cannot be tokenized (stable codes: the app words them in its own languages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldIssue {
    /// Something other than digits (spaces and dashes are fine in a number).
    InvalidCharacters,
    /// Fewer digits than the brand (or any brand) has.
    TooShort,
    /// More digits than the brand has.
    TooLong,
    /// The number fails the Luhn checksum.
    Luhn,
    /// The number belongs to a brand that is not accepted.
    UnsupportedBrand,
    /// A security code whose length is possible, but not for the card's brand (4 digits for American Express,
    /// 3 otherwise).
    CvcLengthForBrand,
}

/// What a tokenize request ended with, when it did not give a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenizeFailure {
    /// The payments origin could not be reached.
    Network,
    /// A field is not complete, or the payments origin refused a value.
    Invalid,
    /// Too many requests: wait, then try again.
    RateLimited,
    /// The payments origin failed, or the other field of the card did not answer.
    Unavailable,
}

/// A message from a hosted field to the app (`postMessage` to the app's origin, with `protocol`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldEvent {
    /// The field is shown and takes commands; its content is `height` CSS pixels tall.
    Ready {
        /// Which field.
        field: FieldKind,
        /// Its content's height.
        height: u32,
    },
    /// The value changed (sent on every edit, so the app can tell one value from the next).
    Change {
        /// Which field.
        field: FieldKind,
        /// Empty, complete or invalid.
        state: FieldState,
        /// The problem, when invalid.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<FieldIssue>,
        /// The brand the number belongs to, as soon as its first digits tell (number field only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        brand: Option<CardBrand>,
    },
    /// The field's input lost focus.
    Blur {
        /// Which field.
        field: FieldKind,
    },
    /// The content's height changed (zoom, font size, a wrapped label).
    Resize {
        /// Which field.
        field: FieldKind,
        /// The new height in CSS pixels.
        height: u32,
    },
    /// Enter was pressed in the field: the app submits its form.
    Submit {
        /// Which field.
        field: FieldKind,
    },
    /// Escape was pressed in the field: the app closes what the field is in (a dialog would close on Escape).
    Escape {
        /// Which field.
        field: FieldKind,
    },
    /// The answer to [`FieldCommand::Tokenize`]: a single-use token.
    Tokenized {
        /// The command's `id`.
        id: u32,
        /// The token (`tok_…`), single-use and short-lived.
        token: String,
        /// The card's brand (card tokens).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        brand: Option<CardBrand>,
        /// The card number's last four digits (card tokens).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last4: Option<String>,
    },
    /// The answer to [`FieldCommand::Tokenize`] when no token was made.
    TokenizeFailed {
        /// The command's `id`.
        id: u32,
        /// Why.
        code: TokenizeFailure,
    },
}

/// A message from the app to a hosted field (`postMessage` to the payments origin, with `protocol`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldCommand {
    /// Changes what the field shows; members left out stay as they are.
    Update(FieldLook),
    /// The card's brand (`null`: not known), which decides the security code's length: the app relays the number
    /// field's to the security code field, or gives a stored card's.
    Brand {
        /// The brand.
        brand: Option<CardBrand>,
    },
    /// Makes a token: the number field tokenizes the card (number and security code, which it asks the security
    /// code field of its group for); the security code field alone tokenizes only the code (editing a card).
    Tokenize {
        /// Echoed in the answer.
        id: u32,
    },
}

/// What a field shows, set by the app: in the hosted page's address when it loads, and by
/// [`FieldCommand::Update`] after.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldLook {
    /// The visible label ("Card number").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The page's title, which screen readers announce for the frame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The language of the texts (`en`, `sv`, `zh-Hans` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The input's accessible description: the hint and the problem the app shows beside the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the input is marked invalid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid: Option<bool>,
    /// `light`, `dark`, or `system` (the default: the system's, as the app follows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The parent's text size in CSS pixels (the default: the browser's, as the app uses it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_px: Option<u32>,
}

/// Digits of a typed card number with spaces and dashes removed, or the issue with it.
fn number_digits(input: &str) -> Result<String, FieldIssue> {
    let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(FieldIssue::InvalidCharacters)
    }
}

/// The lengths a brand's numbers have.
pub fn number_lengths(brand: CardBrand) -> &'static [usize] {
    match brand {
        CardBrand::Visa => &[13, 16, 19],
        CardBrand::Mastercard => &[16],
        CardBrand::Amex => &[15],
    }
}

/// Checks a typed card number (not empty): digits, a known brand, the brand's length, Luhn.
pub fn number_issue(input: &str) -> Result<CardBrand, FieldIssue> {
    let digits = number_digits(input)?;
    let brand = crate::rules::card_brand(&digits);
    // Four digits tell every accepted brand (Mastercard's 2221–2720 takes four).
    let brand = match brand {
        Some(brand) => brand,
        None if digits.len() >= 4 => return Err(FieldIssue::UnsupportedBrand),
        None => return Err(FieldIssue::TooShort),
    };
    let lengths = number_lengths(brand);
    let (shortest, longest) = (lengths[0], lengths[lengths.len() - 1]);
    if digits.len() < shortest {
        return Err(FieldIssue::TooShort);
    }
    if digits.len() > longest {
        Err(FieldIssue::TooLong)
    } else if !lengths.contains(&digits.len()) {
        Err(FieldIssue::TooShort)
    } else if !crate::rules::luhn_valid(&digits) {
        Err(FieldIssue::Luhn)
    } else {
        Ok(brand)
    }
}

/// Checks a typed security code (not empty) against the card's brand (3 or 4 digits while it is unknown).
pub fn security_code_issue(code: &str, brand: Option<CardBrand>) -> Result<(), FieldIssue> {
    if !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldIssue::InvalidCharacters);
    }
    match (code.len(), brand) {
        (0..=2, _) => Err(FieldIssue::TooShort),
        (5.., _) => Err(FieldIssue::TooLong),
        (3, Some(CardBrand::Amex)) | (4, Some(CardBrand::Visa | CardBrand::Mastercard)) => {
            Err(FieldIssue::CvcLengthForBrand)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_name_their_issue() {
        assert_eq!(number_issue("4111 1111 1111 1111"), Ok(CardBrand::Visa));
        assert_eq!(number_issue("5555-5555-5555-4444"), Ok(CardBrand::Mastercard));
        assert_eq!(number_issue("3782 822463 10005"), Ok(CardBrand::Amex));
        assert_eq!(number_issue("4111 1111 1111 1112"), Err(FieldIssue::Luhn));
        assert_eq!(number_issue("4111 11"), Err(FieldIssue::TooShort));
        assert_eq!(number_issue("4111 1111 1111 111"), Err(FieldIssue::TooShort), "15 digits: no Visa length");
        assert_eq!(number_issue("5555 5555 5555 44441"), Err(FieldIssue::TooLong));
        assert_eq!(number_issue("6011 1111 1111 1117"), Err(FieldIssue::UnsupportedBrand));
        assert_eq!(number_issue("6011"), Err(FieldIssue::UnsupportedBrand), "four digits tell the brand");
        assert_eq!(number_issue("222"), Err(FieldIssue::TooShort), "maybe Mastercard");
        assert_eq!(number_issue(""), Err(FieldIssue::TooShort));
        assert_eq!(number_issue("4111a"), Err(FieldIssue::InvalidCharacters));
    }

    #[test]
    fn security_codes_follow_the_brand() {
        assert_eq!(security_code_issue("123", Some(CardBrand::Visa)), Ok(()));
        assert_eq!(security_code_issue("1234", Some(CardBrand::Amex)), Ok(()));
        assert_eq!(security_code_issue("1234", None), Ok(()));
        assert_eq!(security_code_issue("123", Some(CardBrand::Amex)), Err(FieldIssue::CvcLengthForBrand));
        assert_eq!(security_code_issue("1234", Some(CardBrand::Mastercard)), Err(FieldIssue::CvcLengthForBrand));
        assert_eq!(security_code_issue("12", None), Err(FieldIssue::TooShort));
        assert_eq!(security_code_issue("12345", None), Err(FieldIssue::TooLong));
        assert_eq!(security_code_issue("12a", None), Err(FieldIssue::InvalidCharacters));
    }

    #[test]
    fn messages_carry_their_type_and_members() {
        let event = FieldEvent::Change {
            field: FieldKind::Number,
            state: FieldState::Invalid,
            code: Some(FieldIssue::Luhn),
            brand: Some(CardBrand::Visa),
        };
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(json, r#"{"type":"change","field":"number","state":"invalid","code":"luhn","brand":"visa"}"#);
        assert_eq!(serde_json::from_str::<FieldEvent>(&json).unwrap(), event);
        let command = FieldCommand::Update(FieldLook { label: Some("Kortnummer".into()), ..FieldLook::default() });
        assert_eq!(serde_json::to_string(&command).unwrap(), r#"{"type":"update","label":"Kortnummer"}"#);
        assert_eq!(serde_json::to_string(&FieldCommand::Tokenize { id: 7 }).unwrap(), r#"{"type":"tokenize","id":7}"#);
        assert_eq!(
            serde_json::to_string(&FieldCommand::Brand { brand: None }).unwrap(),
            r#"{"type":"brand","brand":null}"#
        );
    }

    #[test]
    fn envelopes_carry_the_protocol_beside_the_message() {
        let posted = serde_json::to_string(&Envelope::new(FieldCommand::Tokenize { id: 1 })).unwrap();
        assert_eq!(posted, r#"{"protocol":"hosted-fields/1","type":"tokenize","id":1}"#);
        let heard: Envelope<FieldEvent> = serde_json::from_str(
            r#"{"protocol":"hosted-fields/1","type":"tokenized","id":3,"token":"tok_1","brand":"amex","last4":"0005"}"#,
        )
        .unwrap();
        assert_eq!(heard.protocol, PROTOCOL);
        assert_eq!(
            heard.message,
            FieldEvent::Tokenized {
                id: 3,
                token: "tok_1".into(),
                brand: Some(CardBrand::Amex),
                last4: Some("0005".into())
            }
        );
        let update = Envelope::new(FieldCommand::Update(FieldLook { invalid: Some(true), ..FieldLook::default() }));
        let text = serde_json::to_string(&update).unwrap();
        assert_eq!(text, r#"{"protocol":"hosted-fields/1","type":"update","invalid":true}"#);
        assert_eq!(serde_json::from_str::<Envelope<FieldCommand>>(&text).unwrap(), update);
    }
}
