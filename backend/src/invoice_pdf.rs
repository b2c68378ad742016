//! An invoice as a PDF: who is billed, the dates, the lines and the totals (the same exact amounts as the JSON).

use crate::pdf::{document, Face, Page, PAGE_HEIGHT};
use contract::billing::BillingProfile;
use contract::invoices::{InvoiceDetail, InvoiceStatus};
use contract::Money;

const LEFT: f32 = 50.0;
const RIGHT: f32 = 545.0;
const LINE: f32 = 16.0;
/// Below this the next line goes on a new page.
const BOTTOM: f32 = 90.0;

/// Columns of the lines table: product at the left edge, the rest right-aligned at these positions.
const QUANTITY: f32 = 310.0;
const UNIT_PRICE: f32 = 390.0;
const TAX: f32 = 465.0;

/// `1,234.50 SEK`: the exact amount with two decimals, thousands grouped.
pub fn money(value: &Money) -> String {
    let mut amount = value.amount;
    amount.rescale(2);
    let text = amount.abs().to_string();
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if amount.is_sign_negative() && !amount.is_zero() { "-" } else { "" };
    format!("{sign}{grouped}.{cents} {}", value.currency.code())
}

fn status(status: InvoiceStatus) -> &'static str {
    match status {
        InvoiceStatus::Paid => "Paid",
        InvoiceStatus::Due => "Due",
        InvoiceStatus::Overdue => "Overdue",
    }
}

/// Writes pages top to bottom, starting a new page when one is full.
struct Writer {
    pages: Vec<Page>,
    y: f32,
}

impl Writer {
    fn new() -> Self {
        Self { pages: vec![Page::default()], y: PAGE_HEIGHT - 60.0 }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().unwrap_or_else(|| unreachable!("there is always a page"))
    }

    /// Moves down one line of `height`, to a new page if needed (repeating `header` there).
    fn next_line(&mut self, height: f32, header: Option<&dyn Fn(&mut Writer)>) {
        self.y -= height;
        if self.y < BOTTOM {
            self.pages.push(Page::default());
            self.y = PAGE_HEIGHT - 60.0;
            if let Some(header) = header {
                header(self);
            }
        }
    }
}

fn table_header(w: &mut Writer) {
    let y = w.y;
    let page = w.page();
    page.text(LEFT, y, 10.0, Face::Bold, "Product");
    page.text_right(QUANTITY, y, 10.0, Face::Bold, "Quantity");
    page.text_right(UNIT_PRICE, y, 10.0, Face::Bold, "Unit price");
    page.text_right(TAX, y, 10.0, Face::Bold, "Tax");
    page.text_right(RIGHT, y, 10.0, Face::Bold, "Amount");
    page.rule(LEFT, RIGHT, y - 5.0);
    w.y -= 6.0;
}

/// The invoice as a PDF file.
pub fn invoice_pdf(detail: &InvoiceDetail, profile: &BillingProfile) -> Vec<u8> {
    let invoice = &detail.invoice;
    let mut w = Writer::new();
    let y = w.y;
    w.page().text(LEFT, y, 20.0, Face::Bold, &format!("Invoice {}", invoice.number));
    w.next_line(30.0, None);

    let address = &profile.bill_to;
    let mut bill_to = vec![profile.bill_to_name.clone(), address.line1.clone()];
    bill_to.extend(address.line2.clone());
    let city = [address.postal_code.clone(), Some(address.city.clone()), address.region.clone()];
    bill_to.push(city.into_iter().flatten().collect::<Vec<_>>().join(" "));
    bill_to.push(address.country.clone());
    let facts = [
        ("Invoice date", contract::date::to_iso(invoice.date)),
        (
            "Billing period",
            format!(
                "{} to {}",
                contract::date::to_iso(invoice.period_start),
                contract::date::to_iso(invoice.period_end)
            ),
        ),
        ("Billing profile", invoice.billing_profile_name.clone()),
        ("Status", status(invoice.status).to_owned()),
    ];
    let y = w.y;
    w.page().text(LEFT, y, 10.0, Face::Bold, "Bill to");
    w.page().text(320.0, y, 10.0, Face::Bold, "Details");
    for i in 0..bill_to.len().max(facts.len()) {
        w.next_line(LINE, None);
        let y = w.y;
        if let Some(line) = bill_to.get(i) {
            w.page().text(LEFT, y, 10.0, Face::Regular, line);
        }
        if let Some((label, value)) = facts.get(i) {
            w.page().text(320.0, y, 10.0, Face::Regular, &format!("{label}: {value}"));
        }
    }
    w.next_line(34.0, None);

    table_header(&mut w);
    for line in &detail.lines {
        w.next_line(LINE, Some(&table_header));
        let y = w.y;
        let page = w.page();
        page.text(LEFT, y, 10.0, Face::Regular, &line.product);
        page.text_right(QUANTITY, y, 10.0, Face::Regular, &line.quantity.to_string());
        page.text_right(UNIT_PRICE, y, 10.0, Face::Regular, &money(&line.unit_price));
        page.text_right(TAX, y, 10.0, Face::Regular, &money(&line.tax));
        page.text_right(RIGHT, y, 10.0, Face::Regular, &money(&line.amount));
    }
    w.next_line(10.0, None);
    let y = w.y;
    w.page().rule(UNIT_PRICE - 60.0, RIGHT, y);
    for (label, value, face) in [
        ("Subtotal", &detail.subtotal, Face::Regular),
        ("Tax", &detail.tax, Face::Regular),
        ("Total", &invoice.amount, Face::Bold),
    ] {
        w.next_line(LINE, None);
        let y = w.y;
        let page = w.page();
        page.text_right(TAX, y, 10.0, face, label);
        page.text_right(RIGHT, y, 10.0, face, &money(value));
    }
    document(&format!("Invoice {}", invoice.number), &w.pages)
}

#[cfg(test)]
mod tests {
    use super::money;
    use contract::{Currency, Money};
    use rust_decimal::Decimal;

    #[test]
    fn money_is_exact_with_grouping() {
        let sek = Currency::parse("SEK").unwrap();
        assert_eq!(money(&Money::new(Decimal::new(123_450, 2), sek)), "1,234.50 SEK");
        assert_eq!(money(&Money::new(Decimal::new(7, 0), sek)), "7.00 SEK");
        assert_eq!(money(&Money::new(Decimal::new(-100_000_001, 2), sek)), "-1,000,000.01 SEK");
    }
}
