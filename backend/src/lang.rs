//! The languages the reference backend writes documents in (invoice PDFs, CSV exports): English, Swedish, German
//! and Simplified Chinese, chosen by a `lang` query parameter (the page's language), with dates, amounts and rates
//! written the way each writes them.

use contract::Money;
use rust_decimal::Decimal;
use time::Date;

/// A language of the documents the backend writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Swedish.
    Sv,
    /// German.
    De,
    /// Simplified Chinese.
    ZhHans,
}

impl Lang {
    /// The language of a BCP 47 tag (`sv`, `sv-SE`, `zh-Hans-CN`…); any other tag, or none, is English.
    pub fn from_tag(tag: Option<&str>) -> Self {
        let tag = tag.unwrap_or("").to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "sv" => Self::Sv,
            "de" => Self::De,
            "zh" if !tag.contains("hant") && !tag.ends_with("-tw") && !tag.ends_with("-hk") => Self::ZhHans,
            _ => Self::En,
        }
    }

    /// `date` as this language writes it: `Dec 4, 2026`, `4 dec. 2026`, `04.12.2026`, `2026年12月4日`.
    pub fn date(self, date: Date) -> String {
        let (year, month, day) = (date.year(), u8::from(date.month()), date.day());
        let index = usize::from(month - 1);
        match self {
            Self::En => format!("{} {day}, {year}", EN_MONTHS[index]),
            Self::Sv => format!("{day} {} {year}", SV_MONTHS[index]),
            Self::De => format!("{day:02}.{month:02}.{year}"),
            Self::ZhHans => format!("{year}年{month}月{day}日"),
        }
    }

    /// An exact amount with two decimals and its currency code: `1,234.50 SEK`, `1 234,50 SEK`, `1.234,50 EUR`.
    pub fn money(self, value: &Money) -> String {
        format!("{} {}", self.decimal(value.amount, 2), value.currency.code())
    }

    /// A rate as a percentage: `25%`, `25 %`.
    pub fn percent(self, rate: Decimal) -> String {
        let mut percent = (rate * Decimal::ONE_HUNDRED).normalize();
        if percent.scale() > 2 {
            percent = percent.round_dp(2);
        }
        let digits = self.decimal(percent, percent.scale());
        match self {
            Self::En | Self::ZhHans => format!("{digits}%"),
            Self::Sv | Self::De => format!("{digits}\u{a0}%"),
        }
    }

    /// The field separator of CSV files a spreadsheet in this language opens in columns: a semicolon where the
    /// decimal separator is a comma (Swedish, German), else a comma.
    pub fn csv_separator(self) -> char {
        match self {
            Self::Sv | Self::De => ';',
            Self::En | Self::ZhHans => ',',
        }
    }

    /// An exact number as a spreadsheet in this language reads it: no grouping, its decimal separator (`1234,50`).
    pub fn spreadsheet_number(self, amount: Decimal) -> String {
        let text = amount.to_string();
        match self {
            Self::Sv | Self::De => text.replace('.', ","),
            Self::En | Self::ZhHans => text,
        }
    }

    /// `amount` with `scale` decimals, its thousands grouped and its decimal separator as this language's.
    fn decimal(self, amount: Decimal, scale: u32) -> String {
        let (group, point) = match self {
            Self::En | Self::ZhHans => (",", "."),
            // Swedish groups with a space (a no-break space here, as Windows-1252 has no narrow one).
            Self::Sv => ("\u{a0}", ","),
            Self::De => (".", ","),
        };
        let mut amount = amount;
        amount.rescale(scale);
        let text = amount.abs().to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(digit);
        }
        let sign = if amount.is_sign_negative() && !amount.is_zero() { "-" } else { "" };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{point}{fraction}")
        }
    }
}

const EN_MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SV_MONTHS: [&str; 12] =
    ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."];

#[cfg(test)]
mod tests {
    use super::Lang;
    use contract::{Currency, Money};
    use rust_decimal::Decimal;
    use time::macros::date;

    #[test]
    fn tags_choose_the_language() {
        assert_eq!(Lang::from_tag(Some("sv")), Lang::Sv);
        assert_eq!(Lang::from_tag(Some("de-AT")), Lang::De);
        assert_eq!(Lang::from_tag(Some("zh-Hans")), Lang::ZhHans);
        assert_eq!(Lang::from_tag(Some("zh-Hant-TW")), Lang::En);
        assert_eq!(Lang::from_tag(Some("fr")), Lang::En);
        assert_eq!(Lang::from_tag(None), Lang::En);
    }

    #[test]
    fn dates_amounts_and_rates_as_each_language_writes_them() {
        let day = date!(2026 - 12 - 04);
        let dates: Vec<String> = [Lang::En, Lang::Sv, Lang::De, Lang::ZhHans].map(|l| l.date(day)).into();
        assert_eq!(dates, ["Dec 4, 2026", "4 dec. 2026", "04.12.2026", "2026年12月4日"]);
        let sek = Money::new(Decimal::new(-123_456_750, 2), Currency::parse("SEK").unwrap());
        assert_eq!(Lang::En.money(&sek), "-1,234,567.50 SEK");
        assert_eq!(Lang::Sv.money(&sek), "-1\u{a0}234\u{a0}567,50 SEK");
        assert_eq!(Lang::De.money(&sek), "-1.234.567,50 SEK");
        assert_eq!(Lang::En.percent(Decimal::new(25, 2)), "25%");
        assert_eq!(Lang::De.percent(Decimal::new(19, 2)), "19\u{a0}%");
        assert_eq!(Lang::Sv.percent(Decimal::new(125, 3)), "12,5\u{a0}%");
        assert_eq!(Lang::De.spreadsheet_number(Decimal::new(-123_450, 2)), "-1234,50");
        assert_eq!(Lang::ZhHans.spreadsheet_number(Decimal::new(123_450, 2)), "1234.50");
        assert_eq!((Lang::Sv.csv_separator(), Lang::En.csv_separator()), (';', ','));
    }
}
