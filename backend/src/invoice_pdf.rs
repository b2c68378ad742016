//! An invoice as a PDF in the reader's language: the seller and the buyer with their VAT numbers, the dates (due
//! date included), the lines and the totals (the same exact amounts as the JSON).

use crate::invoice_words::Words;
use crate::lang::Lang;
use crate::pdf::{document, Face, Page, Script, PAGE_HEIGHT};
use contract::invoices::{InvoiceDetail, InvoiceParty};

const LEFT: f32 = 50.0;
const RIGHT: f32 = 545.0;
const LINE: f32 = 16.0;
/// Below this the next line goes on a new page.
const BOTTOM: f32 = 90.0;

/// Columns of the lines table: product at the left edge, the rest right-aligned at these positions.
const QUANTITY: f32 = 310.0;
const UNIT_PRICE: f32 = 390.0;
const TAX: f32 = 465.0;
/// Left edge of the right-hand column of the blocks above the table.
const COLUMN: f32 = 320.0;

/// Writes pages top to bottom, starting a new page when one is full.
struct Writer {
    script: Script,
    pages: Vec<Page>,
    y: f32,
}

impl Writer {
    fn new(script: Script) -> Self {
        Self { script, pages: vec![Page::new(script)], y: PAGE_HEIGHT - 60.0 }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().unwrap_or_else(|| unreachable!("there is always a page"))
    }

    /// Moves down one line of `height`, to a new page if needed (repeating `header` there).
    fn next_line(&mut self, height: f32, header: Option<&dyn Fn(&mut Writer)>) {
        self.y -= height;
        if self.y < BOTTOM {
            self.pages.push(Page::new(self.script));
            self.y = PAGE_HEIGHT - 60.0;
            if let Some(header) = header {
                header(self);
            }
        }
    }
}

/// The lines table's column headings.
fn table_header(words: &Words) -> impl Fn(&mut Writer) + '_ {
    move |w: &mut Writer| {
        let [product, quantity, unit_price, vat, amount] = words.columns;
        let y = w.y;
        let page = w.page();
        page.text(LEFT, y, 10.0, Face::Bold, product);
        page.text_right(QUANTITY, y, 10.0, Face::Bold, quantity);
        page.text_right(UNIT_PRICE, y, 10.0, Face::Bold, unit_price);
        page.text_right(TAX, y, 10.0, Face::Bold, vat);
        page.text_right(RIGHT, y, 10.0, Face::Bold, amount);
        page.rule(LEFT, RIGHT, y - 5.0);
        w.y -= 6.0;
    }
}

/// A party's lines: name, address in its country's order, country, VAT number.
fn party_lines(party: &InvoiceParty, words: &Words) -> Vec<String> {
    let mut lines = vec![party.name.clone()];
    lines.extend(party.address.lines());
    lines.push(words.country(&party.address.country).to_owned());
    lines.extend(party.vat_number.as_ref().map(|number| format!("{} {number}", words.vat_number)));
    lines
}

/// Two columns of lines under their headings, side by side.
fn columns(w: &mut Writer, left: (&str, &[String]), right: (&str, &[String])) {
    let y = w.y;
    w.page().text(LEFT, y, 10.0, Face::Bold, left.0);
    w.page().text(COLUMN, y, 10.0, Face::Bold, right.0);
    for i in 0..left.1.len().max(right.1.len()) {
        w.next_line(LINE, None);
        let y = w.y;
        if let Some(line) = left.1.get(i) {
            w.page().text(LEFT, y, 10.0, Face::Regular, line);
        }
        if let Some(line) = right.1.get(i) {
            w.page().text(COLUMN, y, 10.0, Face::Regular, line);
        }
    }
}

/// The invoice as a PDF file in `lang`.
pub fn invoice_pdf(detail: &InvoiceDetail, lang: Lang) -> Vec<u8> {
    let words = lang.invoice_words();
    let invoice = &detail.invoice;
    let script = if lang == Lang::ZhHans { Script::Chinese } else { Script::Latin };
    let mut w = Writer::new(script);
    let title = format!("{} {}", words.invoice, invoice.number);
    let y = w.y;
    w.page().text(LEFT, y, 20.0, Face::Bold, &title);
    w.next_line(30.0, None);

    let facts = [
        (words.invoice_date, lang.date(invoice.date)),
        (words.due_date, lang.date(invoice.due_date)),
        (
            words.period,
            format!("{}{}{}", lang.date(invoice.period_start), words.period_to, lang.date(invoice.period_end)),
        ),
        (words.profile, invoice.billing_profile_name.clone()),
        (words.status, words.status_word(invoice.status).to_owned()),
    ];
    let facts: Vec<String> = facts.iter().map(|(label, value)| format!("{label}{}{value}", words.colon)).collect();
    columns(&mut w, (words.seller, &party_lines(&detail.seller, words)), (words.details, &facts));
    w.next_line(28.0, None);
    columns(&mut w, (words.bill_to, &party_lines(&detail.buyer, words)), ("", &[]));
    w.next_line(34.0, None);

    let header = table_header(words);
    header(&mut w);
    for line in &detail.lines {
        w.next_line(LINE, Some(&header));
        let y = w.y;
        let page = w.page();
        page.text(LEFT, y, 10.0, Face::Regular, &line.product);
        page.text_right(QUANTITY, y, 10.0, Face::Regular, &line.quantity.to_string());
        page.text_right(UNIT_PRICE, y, 10.0, Face::Regular, &lang.money(&line.unit_price));
        page.text_right(TAX, y, 10.0, Face::Regular, &lang.money(&line.tax));
        page.text_right(RIGHT, y, 10.0, Face::Regular, &lang.money(&line.amount));
    }
    w.next_line(10.0, None);
    let y = w.y;
    w.page().rule(UNIT_PRICE - 60.0, RIGHT, y);
    // One rate on every line (as on the reference backend's invoices) is named next to the VAT total.
    let vat = match detail.lines.first().map(|line| line.tax_rate) {
        Some(rate) if detail.lines.iter().all(|line| line.tax_rate == rate) => {
            format!("{} {}", words.vat, lang.percent(rate))
        }
        _ => words.vat.to_owned(),
    };
    for (label, value, face) in [
        (words.subtotal, &detail.subtotal, Face::Regular),
        (vat.as_str(), &detail.tax, Face::Regular),
        (words.total, &invoice.amount, Face::Bold),
    ] {
        w.next_line(LINE, None);
        let y = w.y;
        let page = w.page();
        page.text_right(TAX, y, 10.0, face, label);
        page.text_right(RIGHT, y, 10.0, face, &lang.money(value));
    }
    document(&title, &w.pages)
}
