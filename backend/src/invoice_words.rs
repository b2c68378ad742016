//! What an invoice PDF says, in each language the reference backend writes (English, Swedish, German, Simplified
//! Chinese): its labels, and dates, amounts and rates written the way that language writes them (the app's words for
//! the same things, so the PDF and the page agree).

use contract::invoices::InvoiceStatus;
use contract::Money;
use rust_decimal::Decimal;
use time::Date;

/// A language of the invoice PDF.
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

    /// The invoice's labels in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Self::En => &EN,
            Self::Sv => &SV,
            Self::De => &DE,
            Self::ZhHans => &ZH_HANS,
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

/// An invoice's labels in one language.
pub struct Words {
    /// `Invoice` (followed by the number).
    pub invoice: &'static str,
    /// Heading of the seller's block.
    pub seller: &'static str,
    /// Heading of the buyer's block.
    pub bill_to: &'static str,
    /// Heading of the dates and status.
    pub details: &'static str,
    /// Label before a VAT number.
    pub vat_number: &'static str,
    /// Invoice date.
    pub invoice_date: &'static str,
    /// Due date.
    pub due_date: &'static str,
    /// Billing period.
    pub period: &'static str,
    /// Between the period's first and last day.
    pub period_to: &'static str,
    /// Billing profile.
    pub profile: &'static str,
    /// Status.
    pub status: &'static str,
    /// Between a label and its value (`: `, or Chinese's full-width `：`).
    pub colon: &'static str,
    /// Paid, due, overdue.
    pub statuses: [&'static str; 3],
    /// Column headings: product, quantity, unit price, VAT, amount.
    pub columns: [&'static str; 5],
    /// Subtotal.
    pub subtotal: &'static str,
    /// VAT (the rate follows).
    pub vat: &'static str,
    /// Total.
    pub total: &'static str,
    /// Country names of the countries the seller and demo buyers are in, by code; others print their code.
    pub countries: &'static [(&'static str, &'static str)],
}

impl Words {
    /// The status's word.
    pub fn status_word(&self, status: InvoiceStatus) -> &'static str {
        match status {
            InvoiceStatus::Paid => self.statuses[0],
            InvoiceStatus::Due => self.statuses[1],
            InvoiceStatus::Overdue => self.statuses[2],
        }
    }

    /// The country's name, or its code when this table lacks it.
    pub fn country<'a>(&self, code: &'a str) -> &'a str {
        self.countries.iter().find(|(c, _)| *c == code).map_or(code, |(_, name)| name)
    }
}

static EN: Words = Words {
    invoice: "Invoice",
    seller: "Seller",
    bill_to: "Bill to",
    details: "Details",
    vat_number: "VAT no.",
    invoice_date: "Invoice date",
    due_date: "Due date",
    period: "Billing period",
    period_to: " – ",
    profile: "Billing profile",
    status: "Status",
    colon: ": ",
    statuses: ["Paid", "Due", "Overdue"],
    columns: ["Product", "Quantity", "Unit price", "VAT", "Amount"],
    subtotal: "Subtotal",
    vat: "VAT",
    total: "Total",
    countries: &[("SE", "Sweden"), ("DE", "Germany"), ("DK", "Denmark"), ("FI", "Finland"), ("NO", "Norway")],
};

static SV: Words = Words {
    invoice: "Faktura",
    seller: "Säljare",
    bill_to: "Faktureras till",
    details: "Uppgifter",
    vat_number: "Momsreg.nr",
    invoice_date: "Fakturadatum",
    due_date: "Förfallodatum",
    period: "Faktureringsperiod",
    period_to: " – ",
    profile: "Faktureringsprofil",
    status: "Status",
    colon: ": ",
    statuses: ["Betald", "Att betala", "Förfallen"],
    columns: ["Produkt", "Antal", "Pris per st.", "Moms", "Belopp"],
    subtotal: "Delsumma",
    vat: "Moms",
    total: "Att betala totalt",
    countries: &[("SE", "Sverige"), ("DE", "Tyskland"), ("DK", "Danmark"), ("FI", "Finland"), ("NO", "Norge")],
};

static DE: Words = Words {
    invoice: "Rechnung",
    seller: "Verkäufer",
    bill_to: "Rechnungsempfänger",
    details: "Angaben",
    vat_number: "USt-IdNr.",
    invoice_date: "Rechnungsdatum",
    due_date: "Fälligkeitsdatum",
    period: "Abrechnungszeitraum",
    period_to: " – ",
    profile: "Abrechnungsprofil",
    status: "Status",
    colon: ": ",
    statuses: ["Bezahlt", "Fällig", "Überfällig"],
    columns: ["Produkt", "Menge", "Einzelpreis", "MwSt.", "Betrag"],
    subtotal: "Zwischensumme",
    vat: "MwSt.",
    total: "Gesamtbetrag",
    countries: &[("SE", "Schweden"), ("DE", "Deutschland"), ("DK", "Dänemark"), ("FI", "Finnland"), ("NO", "Norwegen")],
};

static ZH_HANS: Words = Words {
    invoice: "发票",
    seller: "销售方",
    bill_to: "购买方",
    details: "详细信息",
    vat_number: "增值税号",
    invoice_date: "发票日期",
    due_date: "到期日",
    period: "计费周期",
    period_to: "至",
    profile: "账单配置文件",
    status: "状态",
    colon: "：",
    statuses: ["已付款", "待付款", "已逾期"],
    columns: ["产品", "数量", "单价", "增值税", "金额"],
    subtotal: "小计",
    vat: "增值税",
    total: "总计",
    countries: &[("SE", "瑞典"), ("DE", "德国"), ("DK", "丹麦"), ("FI", "芬兰"), ("NO", "挪威")],
};

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
    }
}
