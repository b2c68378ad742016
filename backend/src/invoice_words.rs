//! What an invoice PDF says in each language (the app's words for the same things, so the PDF and the page agree).

use crate::lang::Lang;
use contract::invoices::InvoiceStatus;

impl Lang {
    /// The invoice's labels in this language.
    pub fn invoice_words(self) -> &'static Words {
        match self {
            Self::En => &EN,
            Self::Sv => &SV,
            Self::De => &DE,
            Self::ZhHans => &ZH_HANS,
        }
    }
}

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
