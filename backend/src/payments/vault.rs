//! The card processor's vault: card numbers and security codes in a database of their own (a separate SQLite
//! connection; no portal route has it), single-use tokens standing for them, and permanent card references.
//!
//! The payments origin's tokenize endpoint is the only way in ([`Vault::tokenize_card`] and
//! [`Vault::tokenize_security_code`] are visible to `crate::payments` alone). The portal API gets what a
//! merchant gets from a processor: a token's masked facts ([`Vault::inspect`]) and the redemption of a token
//! ([`Vault::redeem_card`], [`Vault::redeem_security_code`]). Nothing returns a number or a security code.
//! A security code is deleted when its token is redeemed, or at the vault's first use after the token expired
//! (PCI DSS keeps no security code after authorization, in any form: no digest of one is kept either); a card
//! number stays, under the card reference the portal stores, and a token that expires unredeemed loses its number
//! the same way. The reference vault
//! checks a new security code's length for the card's brand; it cannot authorize it with an issuer, as a
//! processor would with a zero-amount check.

use crate::auth::random_token as random_hex;
use crate::db::codec::{name, Named};
use contract::billing::CardBrand;
use hmac::{Hmac, Mac};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::Sha256;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long a token can be redeemed after it was made, unless the settings say otherwise.
pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);

const SCHEMA: &str = "
CREATE TABLE tokens (
    token         TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('card', 'security_code')),
    number        TEXT,
    security_code TEXT,
    brand         TEXT NOT NULL,
    last4         TEXT,
    fingerprint   TEXT,
    expires_ms    INTEGER NOT NULL,
    redeemed      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE cards (
    card_ref    TEXT PRIMARY KEY,
    number      TEXT NOT NULL,
    brand       TEXT NOT NULL,
    last4       TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
";

/// What a token stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A card: number and security code.
    Card,
    /// A security code alone (a stored card's new one).
    SecurityCode,
}

impl TokenKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::SecurityCode => "security_code",
        }
    }
}

/// The masked facts of a token: all a merchant learns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenFacts {
    /// Card or security code.
    pub kind: TokenKind,
    /// The card's brand (for a security code token, the brand its length was checked against).
    pub brand: CardBrand,
    /// The number's last four digits (card tokens).
    pub last4: Option<String>,
    /// A card token's keyed digest of the card number (HMAC-SHA-256 under a key only the vault holds): equal for
    /// the same card typed again, useless to anyone without the key. Idempotent retries compare it instead of the
    /// token. Security code tokens have none: nothing derived from a security code is kept.
    pub fingerprint: Option<String>,
    /// Whether the token was redeemed already.
    pub spent: bool,
    /// Whether the token is past its lifetime.
    pub expired: bool,
}

/// Why a token cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// The vault never made it, or it is of another kind.
    Invalid,
    /// Its lifetime is over.
    Expired,
    /// It was redeemed already.
    Spent,
}

/// A token just made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    /// The token.
    pub token: String,
    /// The card's brand.
    pub brand: CardBrand,
    /// The last four digits (card tokens).
    pub last4: Option<String>,
}

/// The vault.
pub struct Vault {
    conn: Mutex<Connection>,
    /// The fingerprints' key: 256 random bits (as hex text; HMAC takes a key of any length).
    key: String,
    ttl: Duration,
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

impl Vault {
    /// An empty vault (in memory) whose tokens live for `ttl`.
    pub fn new(ttl: Duration) -> Self {
        let conn = Connection::open_in_memory().expect("an in-memory database opens");
        conn.execute_batch(SCHEMA).expect("the vault's schema");
        Self { conn: Mutex::new(conn), key: format!("{}{}", random_hex(), random_hex()), ttl }
    }

    /// The connection, with what expired deleted first (so nothing outlives its token by more than one use of the
    /// vault).
    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        let conn = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        sweep(&conn);
        conn
    }

    fn fingerprint(&self, parts: &[&str]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.key.as_bytes()).expect("any key length");
        for part in parts {
            mac.update(part.as_bytes());
            mac.update(&[0]);
        }
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn insert(&self, kind: TokenKind, number: Option<&str>, code: &str, brand: CardBrand) -> Issued {
        let token = format!("tok_{}{}", random_hex(), random_hex());
        let last4 = number.map(|n| n[n.len().saturating_sub(4)..].to_owned());
        let fingerprint = number.map(|number| self.fingerprint(&["card", number]));
        let expires = now_ms() + self.ttl.as_millis() as i64;
        let conn = self.lock();
        conn.execute(
            "INSERT INTO tokens (token, kind, number, security_code, brand, last4, fingerprint, expires_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![token, kind.as_str(), number, code, name(&brand), last4, fingerprint, expires],
        )
        .expect("the vault's insert");
        Issued { token, brand, last4 }
    }

    /// Keeps a checked card (digits only) and its security code under a new token.
    pub(in crate::payments) fn tokenize_card(&self, digits: &str, security_code: &str, brand: CardBrand) -> Issued {
        self.insert(TokenKind::Card, Some(digits), security_code, brand)
    }

    /// Keeps a checked security code of a card of `brand` under a new token.
    pub(in crate::payments) fn tokenize_security_code(&self, security_code: &str, brand: CardBrand) -> Issued {
        self.insert(TokenKind::SecurityCode, None, security_code, brand)
    }

    /// The masked facts of `token`, spent or not (a retry of a change that redeemed it compares them).
    pub fn inspect(&self, token: &str) -> Result<TokenFacts, TokenError> {
        let row = self
            .lock()
            .query_row(
                "SELECT kind, brand, last4, fingerprint, redeemed, expires_ms FROM tokens WHERE token = ?1",
                [token],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Named<CardBrand>>(1)?.0,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, bool>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                },
            )
            .optional()
            .map_err(|_| TokenError::Invalid)?;
        let (kind, brand, last4, fingerprint, spent, expires) = row.ok_or(TokenError::Invalid)?;
        let kind = if kind == "card" { TokenKind::Card } else { TokenKind::SecurityCode };
        Ok(TokenFacts { kind, brand, last4, fingerprint, spent, expired: now_ms() >= expires })
    }

    /// Marks `token` (of `kind`) redeemed, once: the first caller wins, every other gets [`TokenError::Spent`].
    fn redeem(&self, conn: &Connection, token: &str, kind: TokenKind) -> Result<(), TokenError> {
        let changed = conn
            .execute(
                "UPDATE tokens SET redeemed = 1, security_code = NULL
                 WHERE token = ?1 AND kind = ?2 AND redeemed = 0 AND expires_ms > ?3",
                params![token, kind.as_str(), now_ms()],
            )
            .map_err(|_| TokenError::Invalid)?;
        if changed == 1 {
            return Ok(());
        }
        match self.inspect_locked(conn, token, kind) {
            Some((true, _)) => Err(TokenError::Spent),
            Some((false, true)) => Err(TokenError::Expired),
            _ => Err(TokenError::Invalid),
        }
    }

    fn inspect_locked(&self, conn: &Connection, token: &str, kind: TokenKind) -> Option<(bool, bool)> {
        conn.query_row(
            "SELECT redeemed, expires_ms FROM tokens WHERE token = ?1 AND kind = ?2",
            params![token, kind.as_str()],
            |r| Ok((r.get::<_, bool>(0)?, r.get::<_, i64>(1)? <= now_ms())),
        )
        .ok()
    }

    /// Redeems a card token: the card is kept under a new permanent reference (`card_…`), which the merchant
    /// stores; the security code is deleted. One transaction: either all of it happens or none.
    pub fn redeem_card(&self, token: &str) -> Result<String, TokenError> {
        let conn = self.lock();
        let tx = conn.unchecked_transaction().map_err(|_| TokenError::Invalid)?;
        self.redeem(&tx, token, TokenKind::Card)?;
        let card_ref = format!("card_{}", random_hex());
        tx.execute(
            "INSERT INTO cards (card_ref, number, brand, last4, fingerprint)
             SELECT ?1, number, brand, last4, fingerprint FROM tokens WHERE token = ?2",
            params![card_ref, token],
        )
        .map_err(|_| TokenError::Invalid)?;
        tx.execute("UPDATE tokens SET number = NULL WHERE token = ?1", [token]).map_err(|_| TokenError::Invalid)?;
        tx.commit().map_err(|_| TokenError::Invalid)?;
        Ok(card_ref)
    }

    /// Redeems a security code token for the stored card `card_ref`: the code, checked for the card's brand when it
    /// was tokenized, is deleted (the reference vault has no issuer to authorize it with).
    pub fn redeem_security_code(&self, token: &str, _card_ref: &str) -> Result<(), TokenError> {
        let conn = self.lock();
        self.redeem(&conn, token, TokenKind::SecurityCode)
    }

    /// How many card numbers and security codes the vault holds (for the tests: what is kept, and for how long).
    pub fn held(&self) -> (usize, usize) {
        let conn = self.lock();
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap_or(0) as usize;
        let numbers =
            count("SELECT (SELECT COUNT(*) FROM cards) + (SELECT COUNT(*) FROM tokens WHERE number IS NOT NULL)");
        (numbers, count("SELECT COUNT(*) FROM tokens WHERE security_code IS NOT NULL"))
    }
}

/// How long a token's masked facts stay after it expired (a retry of a change that redeemed it may still compare
/// them; the idempotency store keeps answers as long).
const FACTS_KEPT_MS: i64 = 24 * 60 * 60 * 1000;

/// Deletes what expired: the number and security code of every token past its lifetime, and the whole token a day
/// after.
fn sweep(conn: &Connection) {
    let now = now_ms();
    let _ = conn.execute(
        "UPDATE tokens SET number = NULL, security_code = NULL
         WHERE expires_ms <= ?1 AND (number IS NOT NULL OR security_code IS NOT NULL)",
        [now],
    );
    let _ = conn.execute("DELETE FROM tokens WHERE expires_ms <= ?1", [now - FACTS_KEPT_MS]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_token_is_redeemed_once_and_its_security_code_deleted() {
        let vault = Vault::new(DEFAULT_TOKEN_TTL);
        let issued = vault.tokenize_card("4111111111111111", "123", CardBrand::Visa);
        assert!(issued.token.starts_with("tok_") && issued.token.len() > 40);
        assert_eq!(issued.last4.as_deref(), Some("1111"));
        let facts = vault.inspect(&issued.token).unwrap();
        assert_eq!(
            (facts.kind, facts.brand, facts.spent, facts.expired),
            (TokenKind::Card, CardBrand::Visa, false, false)
        );
        assert_eq!(vault.held(), (1, 1));
        let card_ref = vault.redeem_card(&issued.token).unwrap();
        assert!(card_ref.starts_with("card_"));
        assert_eq!(vault.held(), (1, 0), "the number stays under its reference; the code is gone");
        assert_eq!(vault.redeem_card(&issued.token), Err(TokenError::Spent));
        assert!(vault.inspect(&issued.token).unwrap().spent);
        assert_eq!(vault.redeem_card("tok_nope"), Err(TokenError::Invalid));
        assert_eq!(vault.inspect("tok_nope"), Err(TokenError::Invalid));
    }

    #[test]
    fn the_same_card_typed_again_has_the_same_fingerprint_and_another_card_another() {
        let vault = Vault::new(DEFAULT_TOKEN_TTL);
        let a = vault.tokenize_card("4111111111111111", "123", CardBrand::Visa);
        let b = vault.tokenize_card("4111111111111111", "124", CardBrand::Visa);
        let c = vault.tokenize_card("4242424242424242", "123", CardBrand::Visa);
        let print = |t: &Issued| vault.inspect(&t.token).unwrap().fingerprint.unwrap();
        assert_ne!(a.token, b.token);
        assert_eq!(print(&a), print(&b), "the number decides, not the security code");
        assert_ne!(print(&a), print(&c));
        let code = vault.tokenize_security_code("123", CardBrand::Visa);
        assert_eq!(vault.inspect(&code.token).unwrap().fingerprint, None, "nothing derived from a security code");
        let other = Vault::new(DEFAULT_TOKEN_TTL);
        let d = other.tokenize_card("4111111111111111", "123", CardBrand::Visa);
        assert_ne!(other.inspect(&d.token).unwrap().fingerprint.unwrap(), print(&a), "keyed per vault");
    }

    #[test]
    fn expired_and_mismatched_tokens_are_refused() {
        let vault = Vault::new(Duration::ZERO);
        let card = vault.tokenize_card("4111111111111111", "123", CardBrand::Visa);
        assert!(vault.inspect(&card.token).unwrap().expired);
        assert_eq!(vault.redeem_card(&card.token), Err(TokenError::Expired));
        assert_eq!(vault.held(), (0, 0), "an expired token's number and code are deleted");
        let vault = Vault::new(DEFAULT_TOKEN_TTL);
        let code = vault.tokenize_security_code("1234", CardBrand::Amex);
        assert_eq!(vault.redeem_card(&code.token), Err(TokenError::Invalid), "a code token is no card");
        assert_eq!(vault.redeem_security_code(&code.token, "card_x"), Ok(()));
        assert_eq!(vault.redeem_security_code(&code.token, "card_x"), Err(TokenError::Spent));
    }
}
