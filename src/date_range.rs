//! A date range as people choose it — *Past 3 months* (the default), *Past 6 months*, or two dates they type — and
//! as the URL keeps it (`?range=6m`, `?range=custom&from=2026-01-01&to=2026-03-31`).

use contract::problem::FieldErrorCode;
use contract::rules::check_date_range;
use time::{Date, Month};

/// The chosen range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DateRange {
    /// From the same day three months ago to today.
    #[default]
    Past3Months,
    /// From the same day six months ago to today.
    Past6Months,
    /// Two dates as typed (`YYYY-MM-DD`), both ends included.
    Custom {
        /// First day, as typed.
        from: String,
        /// Last day, as typed.
        to: String,
    },
}

/// What is wrong with a typed range, per field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RangeProblems {
    /// The first day's problem.
    pub from: Option<FieldErrorCode>,
    /// The last day's problem.
    pub to: Option<FieldErrorCode>,
}

impl DateRange {
    /// The range in a URL's `range`, `from` and `to` (anything unknown reads as the default).
    pub fn from_query(range: Option<&str>, from: Option<String>, to: Option<String>) -> Self {
        match range {
            Some("6m") => Self::Past6Months,
            Some("custom") => Self::Custom { from: from.unwrap_or_default(), to: to.unwrap_or_default() },
            _ => Self::Past3Months,
        }
    }

    /// The URL's `range`, `from` and `to` for this range (the default has none).
    pub fn to_query(&self) -> [(&'static str, Option<String>); 3] {
        match self {
            Self::Past3Months => [("range", None), ("from", None), ("to", None)],
            Self::Past6Months => [("range", Some("6m".into())), ("from", None), ("to", None)],
            Self::Custom { from, to } => {
                [("range", Some("custom".into())), ("from", Some(from.clone())), ("to", Some(to.clone()))]
            }
        }
    }

    /// The first and last day of the range on `today`, or what is wrong with the typed dates.
    pub fn dates(&self, today: Date) -> Result<(Date, Date), RangeProblems> {
        match self {
            Self::Past3Months => Ok((months_before(today, 3), today)),
            Self::Past6Months => Ok((months_before(today, 6), today)),
            Self::Custom { from, to } => {
                // Each date on its own first (so both can be wrong at once), then the two together.
                let parse = |text: &str| match text.trim() {
                    "" => Err(FieldErrorCode::Required),
                    text => match contract::date::parse_iso(text) {
                        Some(date) if date > today => Err(FieldErrorCode::InFuture),
                        Some(date) => Ok(date),
                        None => Err(FieldErrorCode::InvalidDate),
                    },
                };
                match (parse(from), parse(to)) {
                    (Ok(from), Ok(to)) => match check_date_range(from, to, today) {
                        Ok(()) => Ok((from, to)),
                        Err(("to", code)) => Err(RangeProblems { from: None, to: Some(code) }),
                        Err((_, code)) => Err(RangeProblems { from: Some(code), to: None }),
                    },
                    (from, to) => Err(RangeProblems { from: from.err(), to: to.err() }),
                }
            }
        }
    }
}

/// The same day `months` calendar months before `date` (the month's last day where it is shorter).
pub fn months_before(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 - months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let month = Month::try_from(u8::try_from(month).unwrap_or(1)).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 02);

    fn custom(from: &str, to: &str) -> DateRange {
        DateRange::Custom { from: from.into(), to: to.into() }
    }

    #[test]
    fn the_url_keeps_the_range_and_nonsense_is_the_default() {
        for range in [DateRange::Past3Months, DateRange::Past6Months, custom("2026-01-01", "2026-03-31")] {
            let [(_, r), (_, f), (_, t)] = range.to_query();
            assert_eq!(DateRange::from_query(r.as_deref(), f, t), range);
        }
        assert_eq!(DateRange::from_query(Some("12y"), None, None), DateRange::Past3Months);
        assert_eq!(DateRange::from_query(Some("custom"), None, Some("x".into())), custom("", "x"));
    }

    #[test]
    fn past_months_end_today_and_start_on_the_same_day() {
        assert_eq!(DateRange::Past3Months.dates(TODAY), Ok((date!(2026 - 09 - 02), TODAY)));
        assert_eq!(DateRange::Past6Months.dates(TODAY), Ok((date!(2026 - 06 - 02), TODAY)));
        assert_eq!(months_before(date!(2026 - 05 - 31), 3), date!(2026 - 02 - 28));
        assert_eq!(months_before(date!(2026 - 02 - 15), 3), date!(2025 - 11 - 15));
    }

    #[test]
    fn typed_ranges_name_the_field_at_fault() {
        assert_eq!(custom("2026-01-01", "2026-03-31").dates(TODAY), Ok((date!(2026 - 01 - 01), date!(2026 - 03 - 31))));
        let problems = |from: &str, to: &str| custom(from, to).dates(TODAY).unwrap_err();
        assert_eq!(
            problems("", ""),
            RangeProblems { from: Some(FieldErrorCode::Required), to: Some(FieldErrorCode::Required) }
        );
        assert_eq!(problems("2026-02-30", "2026-03-01").from, Some(FieldErrorCode::InvalidDate));
        assert_eq!(problems("2026-03-02", "2026-03-01").from, Some(FieldErrorCode::StartAfterEnd));
        assert_eq!(problems("2026-03-02", "2027-01-01").to, Some(FieldErrorCode::InFuture));
        assert_eq!(problems("2020-01-01", "2026-03-01").from, Some(FieldErrorCode::RangeTooLong));
        assert_eq!(
            problems("", "2027-01-01"),
            RangeProblems { from: Some(FieldErrorCode::Required), to: Some(FieldErrorCode::InFuture) },
            "both dates' problems at once"
        );
    }
}
