//! Dates on the wire are `YYYY-MM-DD`. These serde helpers do that by hand, so the app does not carry the `time`
//! crate's general formatting and parsing machinery (tens of kilobytes of wasm).

use serde::{de, Deserialize, Deserializer, Serializer};
use time::{Date, Month};

/// Formats `YYYY-MM-DD`.
pub fn to_iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// Parses exactly `YYYY-MM-DD` (a real calendar date).
pub fn parse_iso(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let month = Month::try_from(u8::try_from(number(5..7)?).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(number(0..4)?).ok()?, month, u8::try_from(number(8..10)?).ok()?).ok()
}

/// `#[serde(with = "crate::date::iso")]` for `Date` fields.
pub mod iso {
    use super::*;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&to_iso(*date))
    }

    /// Reads `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        parse_iso(&text).ok_or_else(|| de::Error::custom(format!("not a YYYY-MM-DD date: {text:?}")))
    }
}

/// `#[serde(with = "crate::date::iso_option")]` for `Option<Date>` fields.
pub mod iso_option {
    use super::*;

    /// Writes `YYYY-MM-DD` or null.
    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => super::iso::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads `YYYY-MM-DD` or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Date>, D::Error> {
        let text = Option::<std::borrow::Cow<str>>::deserialize(deserializer)?;
        text.map(|text| parse_iso(&text).ok_or_else(|| de::Error::custom(format!("not a YYYY-MM-DD date: {text:?}"))))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn iso_dates_round_trip() {
        assert_eq!(to_iso(date!(2026 - 01 - 05)), "2026-01-05");
        assert_eq!(parse_iso("2026-01-05"), Some(date!(2026 - 01 - 05)));
        assert_eq!(parse_iso("2028-02-29"), Some(date!(2028 - 02 - 29)));
    }

    #[test]
    fn malformed_or_impossible_dates_are_refused() {
        for bad in ["2026-1-05", "2026-13-01", "2026-02-30", "2026/01/05", "+026-01-05", "2026-01-0x", ""] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }
}
