//! The hosted card fields: the messages between the app and the card inputs that the payments origin serves in
//! iframes (protocol `hosted-fields/1`), and the rules the fields check what is typed against.
//!
//! The card number and the security code are typed only into those iframes. The app sends them commands
//! ([`FieldCommand`]) and hears their events ([`FieldEvent`]) through `postMessage`, each side accepting messages
//! only from the other's origin; the fields post the card data straight to the payments origin and give the app a
//! single-use token with the brand and last four digits. README.md, section "Card data", documents the protocol.
//!
//! A message is JSON text of one flat object, [`WireMessage`]: the protocol, the message's `type`, and that type's
//! members (`{"protocol":"hosted-fields/1","type":"change","field":"number","state":"invalid","code":"luhn"}`).
//! [`FieldEvent`] and [`FieldCommand`] are read from and written as it.

use crate::billing::CardBrand;
use serde::{Deserialize, Serialize};

/// The `protocol` member every message carries.
pub const PROTOCOL: &str = "hosted-fields/1";

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl FieldIssue {
    /// Every issue.
    pub const ALL: [Self; 6] = [
        Self::InvalidCharacters,
        Self::TooShort,
        Self::TooLong,
        Self::Luhn,
        Self::UnsupportedBrand,
        Self::CvcLengthForBrand,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidCharacters => "invalid_characters",
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::Luhn => "luhn",
            Self::UnsupportedBrand => "unsupported_brand",
            Self::CvcLengthForBrand => "cvc_length_for_brand",
        }
    }
}

/// What a tokenize request ended with, when it did not give a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl TokenizeFailure {
    /// Every failure.
    pub const ALL: [Self; 4] = [Self::Network, Self::Invalid, Self::RateLimited, Self::Unavailable];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Network => "network",
            Self::Invalid => "invalid",
            Self::RateLimited => "rate_limited",
            Self::Unavailable => "unavailable",
        }
    }
}

/// A message from a hosted field to the app (`postMessage` to the app's origin).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WireMessage", into = "WireMessage")]
pub enum FieldEvent {
    /// `ready`: the field is shown and takes commands (said as its page loads); its content is `height` CSS pixels
    /// tall.
    Ready {
        /// Which field.
        field: FieldKind,
        /// Its content's height.
        height: u32,
    },
    /// `change`: the value changed (sent on every edit, so the app can tell one value from the next).
    Change {
        /// Which field.
        field: FieldKind,
        /// Empty, complete or invalid.
        state: FieldState,
        /// The problem, when invalid.
        code: Option<FieldIssue>,
        /// The brand the number belongs to, as soon as its first digits tell (number field only).
        brand: Option<CardBrand>,
    },
    /// `blur`: the field's input lost focus.
    Blur {
        /// Which field.
        field: FieldKind,
    },
    /// `resize`: the content's height changed (zoom, text size, a wrapped label).
    Resize {
        /// Which field.
        field: FieldKind,
        /// The new height in CSS pixels.
        height: u32,
    },
    /// `submit`: Enter was pressed in the field: the app submits its form.
    Submit {
        /// Which field.
        field: FieldKind,
    },
    /// `escape`: Escape was pressed in the field: the app closes what the field is in.
    Escape {
        /// Which field.
        field: FieldKind,
    },
    /// `tokenized`: the answer to [`FieldCommand::Tokenize`], a single-use token.
    Tokenized {
        /// The command's `id`.
        id: u32,
        /// The token (`tok_…`), single-use and short-lived.
        token: String,
        /// The card's brand.
        brand: Option<CardBrand>,
        /// The card number's last four digits (card tokens).
        last4: Option<String>,
    },
    /// `tokenize_failed`: the answer to [`FieldCommand::Tokenize`] when no token was made.
    TokenizeFailed {
        /// The command's `id`.
        id: u32,
        /// Why.
        code: TokenizeFailure,
    },
}

/// A message from the app to a hosted field (`postMessage` to the payments origin).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WireMessage", into = "WireMessage")]
pub enum FieldCommand {
    /// `update`: changes what the field shows; members left out stay as they are.
    Update(FieldLook),
    /// `brand`: the card's brand (absent: not known), which decides the security code's length: the app relays the
    /// number field's to the security code field, or gives a stored card's.
    Brand {
        /// The brand.
        brand: Option<CardBrand>,
    },
    /// `tokenize`: makes a token: the number field tokenizes the card (number and security code, which it asks
    /// the security code field of its group for); the security code field alone tokenizes only the code.
    Tokenize {
        /// Echoed in the answer.
        id: u32,
    },
}

/// What a field shows, set by the app: in the hosted page's address when it loads, and by
/// [`FieldCommand::Update`] after.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldLook {
    /// The visible label ("Card number").
    pub label: Option<String>,
    /// The page's title, which screen readers announce for the frame.
    pub title: Option<String>,
    /// The language of the texts (`en`, `sv`, `zh-Hans` …).
    pub lang: Option<String>,
    /// The input's accessible description: the hint and the problem the app shows beside the field.
    pub description: Option<String>,
    /// Whether the input is marked invalid.
    pub invalid: Option<bool>,
    /// `light`, `dark`, or `system` (the default: the system's, as the app follows it).
    pub scheme: Option<String>,
    /// The parent's text size in CSS pixels (the default: the browser's, as the app uses it).
    pub font_px: Option<u32>,
}

/// A message as it is posted: one flat object whose members depend on its `type` (absent ones are not sent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireMessage {
    /// Always [`PROTOCOL`].
    pub protocol: String,
    /// What the message is (`change`, `tokenize` …).
    #[serde(rename = "type")]
    pub kind: String,
    /// Which field (events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<FieldKind>,
    /// `change`: empty, complete or invalid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<FieldState>,
    /// `change`: a [`FieldIssue`]; `tokenize_failed`: a [`TokenizeFailure`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `change`, `tokenized`, `brand`: the card's brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<CardBrand>,
    /// `ready`, `resize`: the content's height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// `tokenize`, `tokenized`, `tokenize_failed`: the request's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
    /// `tokenized`: the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// `tokenized`: the last four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last4: Option<String>,
    /// `update`: [`FieldLook::label`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `update`: [`FieldLook::title`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `update`: [`FieldLook::lang`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// `update`: [`FieldLook::description`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `update`: [`FieldLook::invalid`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid: Option<bool>,
    /// `update`: [`FieldLook::scheme`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// `update`: [`FieldLook::font_px`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font_px: Option<u32>,
}

/// Why a message is not one of the protocol's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAMessage;

impl std::fmt::Display for NotAMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a message of hosted-fields/1")
    }
}

fn named<T: Copy>(all: &[T], as_str: fn(T) -> &'static str, name: Option<&str>) -> Result<T, NotAMessage> {
    all.iter().copied().find(|value| Some(as_str(*value)) == name).ok_or(NotAMessage)
}

impl WireMessage {
    fn of(kind: &str) -> Self {
        Self { protocol: PROTOCOL.to_owned(), kind: kind.to_owned(), ..Self::default() }
    }

    fn checked(self) -> Result<Self, NotAMessage> {
        if self.protocol == PROTOCOL {
            Ok(self)
        } else {
            Err(NotAMessage)
        }
    }
}

impl TryFrom<WireMessage> for FieldEvent {
    type Error = NotAMessage;

    fn try_from(message: WireMessage) -> Result<Self, NotAMessage> {
        let message = message.checked()?;
        let field = message.field.ok_or(NotAMessage);
        Ok(match message.kind.as_str() {
            "ready" => Self::Ready { field: field?, height: message.height.ok_or(NotAMessage)? },
            "change" => Self::Change {
                field: field?,
                state: message.state.ok_or(NotAMessage)?,
                code: message.code.map(|code| named(&FieldIssue::ALL, FieldIssue::as_str, Some(&code))).transpose()?,
                brand: message.brand,
            },
            "blur" => Self::Blur { field: field? },
            "resize" => Self::Resize { field: field?, height: message.height.ok_or(NotAMessage)? },
            "submit" => Self::Submit { field: field? },
            "escape" => Self::Escape { field: field? },
            "tokenized" => Self::Tokenized {
                id: message.id.ok_or(NotAMessage)?,
                token: message.token.ok_or(NotAMessage)?,
                brand: message.brand,
                last4: message.last4,
            },
            "tokenize_failed" => Self::TokenizeFailed {
                id: message.id.ok_or(NotAMessage)?,
                code: named(&TokenizeFailure::ALL, TokenizeFailure::as_str, message.code.as_deref())?,
            },
            _ => return Err(NotAMessage),
        })
    }
}

impl From<FieldEvent> for WireMessage {
    fn from(event: FieldEvent) -> Self {
        match event {
            FieldEvent::Ready { field, height } => {
                Self { field: Some(field), height: Some(height), ..Self::of("ready") }
            }
            FieldEvent::Change { field, state, code, brand } => Self {
                field: Some(field),
                state: Some(state),
                code: code.map(|code| code.as_str().to_owned()),
                brand,
                ..Self::of("change")
            },
            FieldEvent::Blur { field } => Self { field: Some(field), ..Self::of("blur") },
            FieldEvent::Resize { field, height } => {
                Self { field: Some(field), height: Some(height), ..Self::of("resize") }
            }
            FieldEvent::Submit { field } => Self { field: Some(field), ..Self::of("submit") },
            FieldEvent::Escape { field } => Self { field: Some(field), ..Self::of("escape") },
            FieldEvent::Tokenized { id, token, brand, last4 } => {
                Self { id: Some(id), token: Some(token), brand, last4, ..Self::of("tokenized") }
            }
            FieldEvent::TokenizeFailed { id, code } => {
                Self { id: Some(id), code: Some(code.as_str().to_owned()), ..Self::of("tokenize_failed") }
            }
        }
    }
}

impl TryFrom<WireMessage> for FieldCommand {
    type Error = NotAMessage;

    fn try_from(message: WireMessage) -> Result<Self, NotAMessage> {
        let message = message.checked()?;
        Ok(match message.kind.as_str() {
            "update" => Self::Update(FieldLook {
                label: message.label,
                title: message.title,
                lang: message.lang,
                description: message.description,
                invalid: message.invalid,
                scheme: message.scheme,
                font_px: message.font_px,
            }),
            "brand" => Self::Brand { brand: message.brand },
            "tokenize" => Self::Tokenize { id: message.id.ok_or(NotAMessage)? },
            _ => return Err(NotAMessage),
        })
    }
}

impl From<FieldCommand> for WireMessage {
    fn from(command: FieldCommand) -> Self {
        match command {
            FieldCommand::Update(look) => Self {
                label: look.label,
                title: look.title,
                lang: look.lang,
                description: look.description,
                invalid: look.invalid,
                scheme: look.scheme,
                font_px: look.font_px,
                ..Self::of("update")
            },
            FieldCommand::Brand { brand } => Self { brand, ..Self::of("brand") },
            FieldCommand::Tokenize { id } => Self { id: Some(id), ..Self::of("tokenize") },
        }
    }
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
    fn messages_are_flat_objects_with_their_protocol_and_type() {
        let event = FieldEvent::Change {
            field: FieldKind::Number,
            state: FieldState::Invalid,
            code: Some(FieldIssue::Luhn),
            brand: Some(CardBrand::Visa),
        };
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(
            json,
            r#"{"protocol":"hosted-fields/1","type":"change","field":"number","state":"invalid","code":"luhn","brand":"visa"}"#
        );
        assert_eq!(serde_json::from_str::<FieldEvent>(&json).unwrap(), event);
        let command = FieldCommand::Update(FieldLook { label: Some("Kortnummer".into()), ..FieldLook::default() });
        let json = serde_json::to_string(&command).unwrap();
        assert_eq!(json, r#"{"protocol":"hosted-fields/1","type":"update","label":"Kortnummer"}"#);
        assert_eq!(serde_json::from_str::<FieldCommand>(&json).unwrap(), command);
        assert_eq!(
            serde_json::to_string(&FieldCommand::Tokenize { id: 7 }).unwrap(),
            r#"{"protocol":"hosted-fields/1","type":"tokenize","id":7}"#
        );
        assert_eq!(
            serde_json::to_string(&FieldCommand::Brand { brand: None }).unwrap(),
            r#"{"protocol":"hosted-fields/1","type":"brand"}"#
        );
        let failed = FieldEvent::TokenizeFailed { id: 3, code: TokenizeFailure::RateLimited };
        assert_eq!(serde_json::from_str::<FieldEvent>(&serde_json::to_string(&failed).unwrap()).unwrap(), failed);
    }

    #[test]
    fn anything_else_is_not_a_message() {
        for text in [
            r#"{"protocol":"hosted-fields/2","type":"submit","field":"number"}"#,
            r#"{"type":"submit","field":"number"}"#,
            r#"{"protocol":"hosted-fields/1","type":"paste","field":"number"}"#,
            r#"{"protocol":"hosted-fields/1","type":"change","field":"number","state":"invalid","code":"nope"}"#,
            r#"{"protocol":"hosted-fields/1","type":"ready","field":"number"}"#,
        ] {
            assert!(serde_json::from_str::<FieldEvent>(text).is_err(), "{text}");
        }
    }
}
