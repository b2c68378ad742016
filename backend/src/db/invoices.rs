//! Invoices of the owner's billing profiles. Amounts are derived from the lines, exactly: a line's amount is
//! `quantity × unit_price`, its tax is `amount × tax_rate` rounded half away from zero to cents, and the invoice's
//! amount is the sum of the amounts plus the sum of the taxes.

use super::codec::{Cur, Dec, Json, Named};
use contract::billing::Address;
use contract::invoices::{Invoice, InvoiceDetail, InvoiceLine, InvoiceParty};
use contract::{BillingProfileId, Currency, InvoiceId, Money};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;

const SELECT: &str = "SELECT i.id, i.number, i.date, i.period_start, i.period_end, i.status, b.id, b.name, b.currency,
    i.due_date, b.bill_to_name, b.bill_to, b.vat_number FROM invoices i JOIN billing_profiles b ON b.id = i.billing_profile_id WHERE b.owner_id = ?1";

/// A priced line.
pub fn price_line(
    product: String,
    quantity: u32,
    unit_price: Decimal,
    tax_rate: Decimal,
    currency: Currency,
) -> InvoiceLine {
    let mut amount = unit_price * Decimal::from(quantity);
    amount.rescale(2);
    let mut tax = (amount * tax_rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    tax.rescale(2);
    InvoiceLine {
        product,
        quantity,
        unit_price: Money::new(unit_price, currency),
        tax_rate,
        tax: Money::new(tax, currency),
        amount: Money::new(amount, currency),
    }
}

/// Subtotal and tax of priced lines.
pub fn totals(lines: &[InvoiceLine], currency: Currency) -> (Money, Money) {
    let subtotal = lines.iter().map(|l| l.amount.amount).sum();
    let tax = lines.iter().map(|l| l.tax.amount).sum();
    (Money::new(subtotal, currency), Money::new(tax, currency))
}

fn detail(conn: &Connection, row: &Row<'_>) -> rusqlite::Result<InvoiceDetail> {
    let id: String = row.get(0)?;
    let currency = row.get::<_, Cur>(8)?.0;
    let lines = conn
        .prepare_cached(
            "SELECT product, quantity, unit_price, tax_rate FROM invoice_lines WHERE invoice_id = ?1 ORDER BY line_no",
        )?
        .query_map([&id], |r| {
            Ok(price_line(r.get(0)?, r.get(1)?, r.get::<_, Dec>(2)?.0, r.get::<_, Dec>(3)?.0, currency))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (subtotal, tax) = totals(&lines, currency);
    let invoice = Invoice {
        id: InvoiceId(id),
        number: row.get(1)?,
        date: row.get(2)?,
        period_start: row.get(3)?,
        period_end: row.get(4)?,
        due_date: row.get(9)?,
        amount: Money::new(subtotal.amount + tax.amount, currency),
        status: row.get::<_, Named<_>>(5)?.0,
        billing_profile_id: BillingProfileId(row.get(6)?),
        billing_profile_name: row.get(7)?,
    };
    let buyer =
        InvoiceParty { name: row.get(10)?, address: row.get::<_, Json<Address>>(11)?.0, vat_number: row.get(12)? };
    Ok(InvoiceDetail { invoice, seller: seller(), buyer, lines, subtotal, tax })
}

/// The seller every invoice of the reference backend names.
pub fn seller() -> InvoiceParty {
    InvoiceParty {
        name: "Northwind Cloud Services AB".to_owned(),
        address: Address {
            line1: "Kungsgatan 12".to_owned(),
            line2: None,
            city: "Stockholm".to_owned(),
            postal_code: Some("111 43".to_owned()),
            region: None,
            country: "SE".to_owned(),
        },
        vat_number: Some("SE559900112201".to_owned()),
    }
}

fn query(conn: &Connection, sql: &str, values: Vec<Value>) -> rusqlite::Result<Vec<InvoiceDetail>> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query(rusqlite::params_from_iter(values))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(detail(conn, row)?);
    }
    Ok(out)
}

/// The owner's invoices dated `from..=to`, newest first.
pub fn in_range(conn: &Connection, owner_id: &str, from: Date, to: Date) -> rusqlite::Result<Vec<Invoice>> {
    let sql = format!("{SELECT} AND i.date >= ?2 AND i.date <= ?3 ORDER BY i.date DESC, i.number DESC");
    let values = vec![Value::from(owner_id.to_owned()), Value::from(date_text(from)), Value::from(date_text(to))];
    Ok(query(conn, &sql, values)?.into_iter().map(|d| d.invoice).collect())
}

/// One of the owner's invoices with its lines.
pub fn one(conn: &Connection, owner_id: &str, id: &str) -> rusqlite::Result<Option<InvoiceDetail>> {
    let sql = format!("{SELECT} AND i.id = ?2");
    Ok(query(conn, &sql, vec![Value::from(owner_id.to_owned()), Value::from(id.to_owned())])?.pop())
}

fn date_text(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn lines_round_tax_per_line_and_add_up() {
        let sek = Currency::parse("SEK").unwrap();
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let lines = vec![
            price_line("A".into(), 3, d("33.33"), d("0.25"), sek),
            price_line("B".into(), 1, d("0.10"), d("0.25"), sek),
        ];
        assert_eq!(lines[0].amount.amount.to_string(), "99.99");
        assert_eq!(lines[0].tax.amount.to_string(), "25.00");
        assert_eq!(lines[1].tax.amount.to_string(), "0.03");
        let (subtotal, tax) = totals(&lines, sek);
        assert_eq!(subtotal.amount.to_string(), "100.09");
        assert_eq!(tax.amount.to_string(), "25.03");
    }
}
