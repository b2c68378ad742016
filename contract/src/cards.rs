//! Checking a card form as a whole: every field's problem, named as the backend names it (`expiry`,
//! `address.postal_code` …). The app shows them beside the fields as the person types; the backend refuses the
//! same input with the same names. The card number and security code are checked by the hosted fields
//! ([`crate::hosted_fields`]) and by the payments origin, never here: this API does not see them.

use crate::billing::{Address, CardExpiry, NewPaymentMethod, PaymentMethodUpdate};
use crate::problem::{FieldError, FieldErrorCode};
use crate::rules::check_expiry;
use time::Date;

/// The longest name on a card.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest address line or city.
pub const MAX_ADDRESS_CHARS: usize = 100;

/// Countries a card's billing address can be in: every ISO 3166-1 alpha-2 code, in code order, two letters each
/// (the app names and sorts them in the reader's language). One string rather than a list of 249: the app's first
/// download carries the constant data of every area.
pub const COUNTRY_CODES: &str = concat!(
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR",
    "CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU",
    "IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ",
    "MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI",
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW",
);

/// The codes of [`COUNTRY_CODES`], one by one.
pub fn countries() -> impl Iterator<Item = &'static str> {
    (0..COUNTRY_CODES.len() / 2).map(|i| &COUNTRY_CODES[2 * i..2 * i + 2])
}

/// Countries whose postal codes this contract knows the form of: an address there needs one, and it is checked.
pub const POSTAL_CODE_COUNTRIES: [&str; 9] = ["SE", "DK", "FI", "NO", "DE", "FR", "GB", "US", "CN"];

/// What a country asks of an address beyond street, city and country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryRules {
    /// Whether a postal code is required (Ireland's Eircode is optional).
    pub postal_code_required: bool,
    /// Whether a state or province is required.
    pub region_required: bool,
}

/// The rules of a country in [`COUNTRY_CODES`], or `None` for any other code. A postal code is required where its form
/// is known ([`POSTAL_CODE_COUNTRIES`]) and optional elsewhere (Ireland's Eircode, and countries without codes).
pub fn country_rules(country: &str) -> Option<CountryRules> {
    countries().any(|code| code == country).then(|| CountryRules {
        postal_code_required: POSTAL_CODE_COUNTRIES.contains(&country),
        region_required: matches!(country, "US" | "CN"),
    })
}

/// Whether `code` is a well-formed postal code of `country` (spaces are allowed where people write them).
pub fn postal_code_valid(country: &str, code: &str) -> bool {
    let compact: String = code.chars().filter(|c| *c != ' ').collect();
    let digits = |n: usize| compact.len() == n && compact.chars().all(|c| c.is_ascii_digit());
    match country {
        "SE" | "DE" | "FI" | "FR" => digits(5),
        "DK" | "NO" => digits(4),
        "CN" => digits(6),
        "US" => match compact.split_once('-') {
            Some((zip, plus4)) => {
                zip.len() == 5 && plus4.len() == 4 && zip.chars().chain(plus4.chars()).all(|c| c.is_ascii_digit())
            }
            None => digits(5),
        },
        // Outward code (letters and digits) + inward code (digit, two letters): "SW1A 1AA", "M1 1AE".
        "GB" => {
            let chars: Vec<char> = compact.to_ascii_uppercase().chars().collect();
            let n = chars.len();
            (5..=7).contains(&n)
                && chars[0].is_ascii_alphabetic()
                && chars.iter().all(char::is_ascii_alphanumeric)
                && chars[n - 3].is_ascii_digit()
                && chars[n - 2].is_ascii_alphabetic()
                && chars[n - 1].is_ascii_alphabetic()
        }
        // Eircode: routing key (letter, two characters) + four characters.
        "IE" => compact.len() == 7 && compact.chars().all(|c| c.is_ascii_alphanumeric()),
        // Elsewhere: letters, digits and hyphens, as postal codes are written around the world.
        _ => (1..=12).contains(&compact.len()) && compact.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
    }
}

/// How a card's expiry stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiryState {
    /// Valid past next month.
    Valid,
    /// Valid this month or next month only.
    ExpiresSoon,
    /// No longer valid.
    Expired,
}

/// The state of a card expiring at the end of `expiry`'s month.
pub fn expiry_state(expiry: CardExpiry, today: Date) -> ExpiryState {
    let months = |year: i32, month: u8| i64::from(year) * 12 + i64::from(month);
    let left = months(expiry.year, expiry.month) - months(today.year(), u8::from(today.month()));
    if left < 0 {
        ExpiryState::Expired
    } else if left <= 1 {
        ExpiryState::ExpiresSoon
    } else {
        ExpiryState::Valid
    }
}

/// The problems of a billing address, fields named `address.…`.
pub fn check_address(address: &Address) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut error = |field: &str, code| errors.push(FieldError { field: format!("address.{field}"), code });
    let blank = |text: &str| text.trim().is_empty();
    for (field, value) in [("line1", &address.line1), ("city", &address.city)] {
        if blank(value) {
            error(field, FieldErrorCode::Required);
        } else if value.chars().count() > MAX_ADDRESS_CHARS {
            error(field, FieldErrorCode::TooLong);
        }
    }
    if address.line2.as_deref().is_some_and(|l| l.chars().count() > MAX_ADDRESS_CHARS) {
        error("line2", FieldErrorCode::TooLong);
    }
    let Some(rules) = country_rules(&address.country) else {
        let code = if blank(&address.country) { FieldErrorCode::Required } else { FieldErrorCode::UnknownValue };
        error("country", code);
        return errors;
    };
    match address.postal_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None if rules.postal_code_required => error("postal_code", FieldErrorCode::Required),
        Some(code) if !postal_code_valid(&address.country, code) => error("postal_code", FieldErrorCode::Malformed),
        _ => {}
    }
    let region = address.region.as_deref().map(str::trim).unwrap_or_default();
    if rules.region_required && region.is_empty() {
        error("region", FieldErrorCode::Required);
    } else if region.chars().count() > MAX_ADDRESS_CHARS {
        error("region", FieldErrorCode::TooLong);
    }
    errors
}

fn check_name(name: &str) -> Option<FieldErrorCode> {
    if name.trim().is_empty() {
        Some(FieldErrorCode::Required)
    } else if name.trim().chars().count() > MAX_NAME_CHARS {
        Some(FieldErrorCode::TooLong)
    } else {
        None
    }
}

fn field(errors: &mut Vec<FieldError>, name: &str, problem: Option<FieldErrorCode>) {
    if let Some(code) = problem {
        errors.push(FieldError { field: name.to_owned(), code });
    }
}

/// The problems of a card's own details: its expiry, the name on it and its billing address.
pub fn check_card_details(expiry: CardExpiry, name_on_card: &str, address: &Address, today: Date) -> Vec<FieldError> {
    let mut errors = Vec::new();
    field(&mut errors, "expiry", check_expiry(expiry, today).err());
    field(&mut errors, "name_on_card", check_name(name_on_card));
    errors.extend(check_address(address));
    errors
}

/// The problems of a card to add: its token is there, its expiry, name and address are right.
pub fn check_new_card(card: &NewPaymentMethod, today: Date) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let token = card.card_token.trim().is_empty().then_some(FieldErrorCode::Required);
    field(&mut errors, "card_token", token);
    errors.extend(check_card_details(card.expiry, &card.name_on_card, &card.address, today));
    errors
}

/// The problems of an edit of a stored card: only the fields present are checked.
pub fn check_update(update: &PaymentMethodUpdate, today: Date) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(token) = &update.security_code_token {
        field(&mut errors, "security_code_token", token.trim().is_empty().then_some(FieldErrorCode::Required));
    }
    if let Some(expiry) = update.expiry {
        field(&mut errors, "expiry", check_expiry(expiry, today).err());
    }
    if let Some(name) = &update.name_on_card {
        field(&mut errors, "name_on_card", check_name(name));
    }
    if let Some(address) = &update.address {
        errors.extend(check_address(address));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 02);

    fn address(country: &str, postal_code: Option<&str>, region: Option<&str>) -> Address {
        Address {
            line1: "Drottninggatan 1".into(),
            line2: None,
            city: "Stockholm".into(),
            postal_code: postal_code.map(Into::into),
            region: region.map(Into::into),
            country: country.into(),
        }
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, FieldErrorCode)> {
        errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
    }

    #[test]
    fn postal_codes_follow_the_country() {
        assert!(postal_code_valid("BR", "01310-100") && !postal_code_valid("BR", "01310/100"));
        assert!(postal_code_valid("SE", "111 51"));
        assert!(postal_code_valid("SE", "11151"));
        assert!(!postal_code_valid("SE", "1115"));
        assert!(postal_code_valid("DE", "10115"));
        assert!(postal_code_valid("US", "94103-1234"));
        assert!(!postal_code_valid("US", "9410"));
        assert!(postal_code_valid("GB", "SW1A 1AA"));
        assert!(postal_code_valid("GB", "m1 1ae"));
        assert!(!postal_code_valid("GB", "12345"));
        assert!(postal_code_valid("CN", "100000"));
    }

    #[test]
    fn required_address_fields_depend_on_the_country() {
        assert!(check_address(&address("SE", Some("111 51"), None)).is_empty());
        assert_eq!(
            codes(&check_address(&address("SE", None, None))),
            [("address.postal_code", FieldErrorCode::Required)]
        );
        assert!(check_address(&address("IE", None, None)).is_empty(), "Eircodes are optional");
        assert_eq!(
            codes(&check_address(&address("US", Some("94103"), None))),
            [("address.region", FieldErrorCode::Required)]
        );
        assert_eq!(
            codes(&check_address(&address("DE", Some("1011"), None))),
            [("address.postal_code", FieldErrorCode::Malformed)]
        );
        assert_eq!(
            codes(&check_address(&address("XX", None, None))),
            [("address.country", FieldErrorCode::UnknownValue)]
        );
        let blank = Address { line1: " ".into(), city: String::new(), ..address("", None, None) };
        assert_eq!(
            codes(&check_address(&blank)),
            [
                ("address.line1", FieldErrorCode::Required),
                ("address.city", FieldErrorCode::Required),
                ("address.country", FieldErrorCode::Required)
            ]
        );
    }

    #[test]
    fn expiry_states_mark_expired_and_soon() {
        let state = |year, month| expiry_state(CardExpiry { year, month }, TODAY);
        assert_eq!(state(2026, 11), ExpiryState::Expired);
        assert_eq!(state(2026, 12), ExpiryState::ExpiresSoon);
        assert_eq!(state(2027, 1), ExpiryState::ExpiresSoon);
        assert_eq!(state(2027, 2), ExpiryState::Valid);
    }

    #[test]
    fn a_new_card_names_every_problem() {
        let card = NewPaymentMethod {
            card_token: " ".into(),
            expiry: CardExpiry { year: 2026, month: 11 },
            name_on_card: String::new(),
            address: address("SE", Some("111 51"), None),
        };
        assert_eq!(
            codes(&check_new_card(&card, TODAY)),
            [
                ("card_token", FieldErrorCode::Required),
                ("expiry", FieldErrorCode::CardExpired),
                ("name_on_card", FieldErrorCode::Required),
            ]
        );
        let good = NewPaymentMethod {
            card_token: "tok_1".into(),
            expiry: CardExpiry { year: 2029, month: 1 },
            name_on_card: "Åsa Öström".into(),
            ..card
        };
        assert!(check_new_card(&good, TODAY).is_empty());
    }

    #[test]
    fn an_update_checks_only_what_it_changes() {
        let update = PaymentMethodUpdate {
            security_code_token: Some("tok_2".into()),
            expiry: None,
            name_on_card: None,
            address: None,
        };
        assert!(check_update(&update, TODAY).is_empty());
        let blank =
            PaymentMethodUpdate { security_code_token: Some(String::new()), name_on_card: Some(" ".into()), ..update };
        assert_eq!(
            codes(&check_update(&blank, TODAY)),
            [("security_code_token", FieldErrorCode::Required), ("name_on_card", FieldErrorCode::Required)]
        );
    }

    #[test]
    fn every_iso_country_is_offered_once_in_code_order() {
        let codes: Vec<&str> = countries().collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]), "sorted and unique");
        assert!(codes.iter().all(|c| c.len() == 2 && c.chars().all(|l| l.is_ascii_uppercase())));
        let brazil = country_rules("BR").expect("Brazil");
        assert!(!brazil.postal_code_required && !brazil.region_required);
        assert!(country_rules("SE").is_some_and(|r| r.postal_code_required));
        assert!(country_rules("IE").is_some_and(|r| !r.postal_code_required));
        assert_eq!(country_rules("XX"), None);
        assert!(POSTAL_CODE_COUNTRIES.iter().all(|c| codes.contains(c)));
    }
}
