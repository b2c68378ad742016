//! Writes a (checked) fixture into a freshly created schema, in one transaction.

use super::codec::name;
use super::{schema, terms};
use crate::collation::Collation;
use crate::fixture::{Fixture, PersonKind};
use contract::text::fold;
use rusqlite::{params, Connection};

/// Recreates the schema and loads the fixture.
pub fn load(conn: &mut Connection, fixture: &Fixture) -> rusqlite::Result<()> {
    schema::recreate(conn)?;
    let tx = conn.transaction()?;
    let org = &fixture.organization.id.0;
    tx.execute("INSERT INTO organizations (id, name) VALUES (?1, ?2)", params![org, fixture.organization.name])?;
    {
        let mut person = tx.prepare(
            "INSERT INTO people (id, org_id, display_name, email, department, kind, usage_location, sort_key,
             sort_root, sort_sv, sort_zh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut term =
            tx.prepare("INSERT INTO person_terms (org_id, term, sort_key, person_id) VALUES (?1, ?2, ?3, ?4)")?;
        for p in &fixture.people {
            let sort_key = fold(&p.display_name);
            let [root, sv, zh] = Collation::ALL.map(|collation| collation.sort_key(&p.display_name));
            person.execute(params![
                p.id,
                org,
                p.display_name,
                p.email,
                p.department,
                p.kind.as_str(),
                p.usage_location,
                sort_key,
                root,
                sv,
                zh
            ])?;
            if p.kind == PersonKind::Member {
                for t in terms::person_terms(&p.display_name, &p.email) {
                    term.execute(params![org, t, sort_key, p.id])?;
                }
            }
        }
        let mut user = tx.prepare("INSERT INTO users (person_id, role, locale) VALUES (?1, ?2, ?3)")?;
        for u in &fixture.users {
            user.execute(params![u.person_id, name(&u.role), u.locale])?;
        }
        let mut method = tx.prepare(
            "INSERT INTO payment_methods (id, owner_id, brand, last4, exp_year, exp_month, name_on_card, address, token)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for m in &fixture.payment_methods {
            method.execute(params![
                m.id,
                m.owner_id,
                name(&m.brand),
                m.last4,
                m.expiry.year,
                m.expiry.month,
                m.name_on_card,
                to_json(&m.address),
                m.token
            ])?;
        }
        let mut profile = tx.prepare(
            "INSERT INTO billing_profiles (id, owner_id, name, bill_to_name, bill_to, invoice_email, currency,
             payment_method_id, vat_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for b in &fixture.billing_profiles {
            profile.execute(params![
                b.id,
                b.owner_id,
                b.name,
                b.bill_to_name,
                to_json(&b.bill_to),
                b.invoice_email,
                b.currency.code(),
                b.payment_method_id,
                b.vat_number
            ])?;
        }
        let mut sub = tx.prepare(
            "INSERT INTO subscriptions (id, org_id, owner_id, product_id, product_name, channel, status,
             billing_frequency, purchased_on, renews_or_expires_on, auto_renew, total_licenses, max_licenses,
             unit_price, currency, billing_profile_id, payment_pending, last_renewed_on, last_changed_on, version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?;
        for s in &fixture.subscriptions {
            sub.execute(params![
                s.id,
                org,
                s.owner_id,
                s.product.id.0,
                s.product.name,
                s.channel.as_str(),
                s.status.as_str(),
                name(&s.billing_frequency),
                s.purchased_on,
                s.renews_or_expires_on,
                s.auto_renew,
                s.total_licenses,
                s.max_licenses,
                s.unit_price.amount.to_string(),
                s.unit_price.currency.code(),
                s.billing_profile_id,
                s.payment_pending,
                s.last_renewed_on,
                s.last_changed_on,
                s.version
            ])?;
        }
        let mut assignment =
            tx.prepare("INSERT INTO assignments (subscription_id, person_id, assigned_on) VALUES (?1, ?2, ?3)")?;
        for a in &fixture.assignments {
            assignment.execute(params![a.subscription_id, a.person_id, a.assigned_on])?;
        }
        let mut invoice = tx.prepare(
            "INSERT INTO invoices (id, number, billing_profile_id, date, period_start, period_end, due_date, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut line = tx.prepare(
            "INSERT INTO invoice_lines (invoice_id, line_no, product, quantity, unit_price, tax_rate)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for i in &fixture.invoices {
            invoice.execute(params![
                i.id,
                i.number,
                i.billing_profile_id,
                i.date,
                i.period_start,
                i.period_end,
                i.due(),
                name(&i.status)
            ])?;
            for (n, l) in i.lines.iter().enumerate() {
                line.execute(params![
                    i.id,
                    n,
                    l.product,
                    l.quantity,
                    l.unit_price.to_string(),
                    l.tax_rate.to_string()
                ])?;
            }
        }
    }
    tx.commit()?;
    conn.execute_batch("ANALYZE;")
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
