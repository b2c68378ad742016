//! Input rules both sides apply: the app for instant feedback, the backend as the guard.

use crate::billing::{CardBrand, CardExpiry};
use crate::problem::FieldErrorCode;
use time::{Date, Duration};

/// Why a typed license total is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalError {
    /// Nothing typed.
    Empty,
    /// Not a whole number (signs, decimals, exponents, spaces, letters).
    NotAWholeNumber,
    /// Zero: cancel the subscription instead.
    Zero,
    /// More than the product allows.
    AboveMaximum {
        /// The product's maximum.
        max: u32,
    },
    /// Fewer than the licenses assigned to people.
    BelowAssigned {
        /// Licenses assigned now.
        assigned: u32,
    },
    /// The same as now: nothing to save.
    Unchanged,
}

impl TotalError {
    /// The wire code of this error.
    pub fn code(self) -> FieldErrorCode {
        match self {
            Self::Empty => FieldErrorCode::Required,
            Self::NotAWholeNumber => FieldErrorCode::NotAWholeNumber,
            Self::Zero => FieldErrorCode::Zero,
            Self::AboveMaximum { .. } => FieldErrorCode::AboveMaximum,
            Self::BelowAssigned { .. } => FieldErrorCode::BelowAssigned,
            Self::Unchanged => FieldErrorCode::Unchanged,
        }
    }
}

/// Parses what a person typed as a license total: ASCII digits, or decimal digits of another script (normalised);
/// anything else (sign, decimal point, exponent, inner space, letters) is refused, never misread.
pub fn parse_whole_number(input: &str) -> Result<u32, TotalError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(TotalError::Empty);
    }
    let mut value: u32 = 0;
    for c in trimmed.chars() {
        let digit = decimal_digit(c).ok_or(TotalError::NotAWholeNumber)?;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit))
            .ok_or(TotalError::AboveMaximum { max: u32::MAX })?;
    }
    Ok(value)
}

/// The value of a decimal digit in ASCII or in a common other script (Arabic-Indic, Persian, Devanagari,
/// Bengali, Thai, full-width).
fn decimal_digit(c: char) -> Option<u32> {
    const ZEROS: [u32; 7] = [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10];
    let code = c as u32;
    ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&code)).map(|zero| code - zero)
}

/// The facts a new total is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TotalLimits {
    /// Licenses now.
    pub current: u32,
    /// Licenses assigned to people.
    pub assigned: u32,
    /// The product's maximum.
    pub max: u32,
}

/// Checks a new total against the limits.
pub fn check_total(total: u32, limits: TotalLimits) -> Result<u32, TotalError> {
    if total == 0 {
        Err(TotalError::Zero)
    } else if total > limits.max {
        Err(TotalError::AboveMaximum { max: limits.max })
    } else if total < limits.assigned {
        Err(TotalError::BelowAssigned { assigned: limits.assigned })
    } else if total == limits.current {
        Err(TotalError::Unchanged)
    } else {
        Ok(total)
    }
}

/// Parses and checks a typed total in one step.
pub fn validate_total(input: &str, limits: TotalLimits) -> Result<u32, TotalError> {
    match parse_whole_number(input) {
        Err(TotalError::AboveMaximum { .. }) => Err(TotalError::AboveMaximum { max: limits.max }),
        other => check_total(other?, limits),
    }
}

/// Licenses can be removed within this many days of purchase, renewal or the last addition.
pub const REDUCTION_WINDOW_DAYS: i64 = 7;

/// The card brand a number belongs to, from its first digits, as soon as they are typed.
pub fn card_brand(digits: &str) -> Option<CardBrand> {
    let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
    if digits.starts_with('4') {
        Some(CardBrand::Visa)
    } else if matches!(prefix(2), Some(34 | 37)) {
        Some(CardBrand::Amex)
    } else if matches!(prefix(2), Some(51..=55)) || matches!(prefix(4), Some(2221..=2720)) {
        Some(CardBrand::Mastercard)
    } else {
        None
    }
}

/// The Luhn checksum test.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else { return false };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum % 10 == 0
}

/// The years a card's expiry can have: four digits, as the contract's schema says.
pub const EXPIRY_YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Checks that a card's expiry is a real month (four-digit year, month 1 to 12) and that the card is valid through
/// the month of `today` at least.
pub fn check_expiry(expiry: CardExpiry, today: Date) -> Result<(), FieldErrorCode> {
    if !(1..=12).contains(&expiry.month) || !EXPIRY_YEARS.contains(&expiry.year) {
        return Err(FieldErrorCode::InvalidDate);
    }
    let now = (today.year(), u8::from(today.month()));
    if (expiry.year, expiry.month) < now {
        Err(FieldErrorCode::CardExpired)
    } else {
        Ok(())
    }
}

/// The longest invoice range the backend serves, in days.
pub const MAX_INVOICE_RANGE_DAYS: i64 = 366 * 3;

/// Checks an invoice date range: from ≤ to, not in the future, at most [`MAX_INVOICE_RANGE_DAYS`] long.
/// Errors name the field they belong to.
pub fn check_date_range(from: Date, to: Date, today: Date) -> Result<(), (&'static str, FieldErrorCode)> {
    if from > today {
        Err(("from", FieldErrorCode::InFuture))
    } else if to > today {
        Err(("to", FieldErrorCode::InFuture))
    } else if from > to {
        Err(("from", FieldErrorCode::StartAfterEnd))
    } else if to - from > Duration::days(MAX_INVOICE_RANGE_DAYS) {
        Err(("from", FieldErrorCode::RangeTooLong))
    } else {
        Ok(())
    }
}

/// Whether an e-mail address has the shape `local@domain.tld`.
pub fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const LIMITS: TotalLimits = TotalLimits { current: 100, assigned: 40, max: 300 };

    #[test]
    fn totals_accept_whole_numbers_in_any_decimal_script() {
        assert_eq!(validate_total("105", LIMITS), Ok(105));
        assert_eq!(validate_total(" 105 ", LIMITS), Ok(105));
        assert_eq!(validate_total("١٠٥", LIMITS), Ok(105));
        assert_eq!(validate_total("１０５", LIMITS), Ok(105));
        assert_eq!(validate_total("0105", LIMITS), Ok(105));
    }

    #[test]
    fn totals_refuse_anything_else() {
        for bad in ["+105", "-5", "10.5", "10,5", "1e2", "1 05", "abc", "105x", "½"] {
            assert_eq!(validate_total(bad, LIMITS), Err(TotalError::NotAWholeNumber), "{bad}");
        }
        assert_eq!(validate_total("", LIMITS), Err(TotalError::Empty));
        assert_eq!(validate_total("0", LIMITS), Err(TotalError::Zero));
        assert_eq!(validate_total("301", LIMITS), Err(TotalError::AboveMaximum { max: 300 }));
        assert_eq!(validate_total("99999999999999", LIMITS), Err(TotalError::AboveMaximum { max: 300 }));
        assert_eq!(validate_total("39", LIMITS), Err(TotalError::BelowAssigned { assigned: 40 }));
        assert_eq!(validate_total("100", LIMITS), Err(TotalError::Unchanged));
        assert_eq!(validate_total("40", LIMITS), Ok(40));
    }

    #[test]
    fn luhn_checks_the_digits() {
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("378282246310005"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("4111a"));
    }

    #[test]
    fn expiry_must_not_be_in_the_past() {
        let today = date!(2026 - 11 - 23);
        assert!(check_expiry(CardExpiry { year: 2026, month: 11 }, today).is_ok());
        assert_eq!(check_expiry(CardExpiry { year: 2026, month: 10 }, today), Err(FieldErrorCode::CardExpired));
        assert_eq!(check_expiry(CardExpiry { year: 2027, month: 13 }, today), Err(FieldErrorCode::InvalidDate));
        for year in [10000, i32::MAX, 999, -2027] {
            assert_eq!(check_expiry(CardExpiry { year, month: 6 }, today), Err(FieldErrorCode::InvalidDate), "{year}");
        }
        assert!(check_expiry(CardExpiry { year: 9999, month: 12 }, today).is_ok());
    }

    #[test]
    fn date_ranges_are_ordered_past_and_bounded() {
        let today = date!(2026 - 11 - 23);
        assert!(check_date_range(date!(2026 - 08 - 23), today, today).is_ok());
        assert!(check_date_range(today, today, today).is_ok());
        assert_eq!(check_date_range(date!(2026 - 12 - 01), today, today), Err(("from", FieldErrorCode::InFuture)));
        assert_eq!(check_date_range(today, date!(2026 - 11 - 24), today), Err(("to", FieldErrorCode::InFuture)));
        assert_eq!(
            check_date_range(date!(2026 - 11 - 02), date!(2026 - 11 - 01), today),
            Err(("from", FieldErrorCode::StartAfterEnd))
        );
        assert_eq!(check_date_range(date!(2020 - 01 - 01), today, today), Err(("from", FieldErrorCode::RangeTooLong)));
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(plausible_email("asa@contoso.se"));
        for bad in ["asa", "@contoso.se", "asa@contoso", "a sa@contoso.se", "asa@.se"] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }
}
