//! Subscriptions and their assignments, as the viewer may see them: a purchaser sees what they bought; an
//! administrator also sees every self-service subscription of the organization.

use super::codec::{Cur, Dec, Named};
use super::terms::prefix_end;
use crate::auth::Viewer;
use crate::collation::Collation;
use contract::licenses::Assignment;
use contract::subscriptions::{BillingFrequency, Product, PurchaseChannel, SubscriptionStatus};
use contract::Money;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row};
use time::Date;

/// A subscription as stored, with its assigned licenses counted.
#[derive(Clone, Debug)]
pub struct SubscriptionRecord {
    /// Id.
    pub id: String,
    /// Who bought it.
    pub owner_id: String,
    /// Product.
    pub product: Product,
    /// Channel.
    pub channel: PurchaseChannel,
    /// Status.
    pub status: SubscriptionStatus,
    /// Frequency.
    pub billing_frequency: BillingFrequency,
    /// Purchase day.
    pub purchased_on: Date,
    /// Renewal or end.
    pub renews_or_expires_on: Date,
    /// Renews?
    pub auto_renew: bool,
    /// Licenses bought.
    pub total_licenses: u32,
    /// Licenses assigned (counted from `assignments`).
    pub assigned_licenses: u32,
    /// The product's maximum.
    pub max_licenses: u32,
    /// Price per license and period.
    pub unit_price: Money,
    /// Paying profile.
    pub billing_profile_id: String,
    /// Its name.
    pub billing_profile_name: String,
    /// Payment in progress.
    pub payment_pending: bool,
    /// Last renewal.
    pub last_renewed_on: Option<Date>,
    /// Last addition of licenses.
    pub last_changed_on: Option<Date>,
    /// Version (the etag).
    pub version: u32,
}

const SELECT: &str = "SELECT s.id, s.owner_id, s.product_id, s.product_name, s.channel, s.status, s.billing_frequency,
        s.purchased_on, s.renews_or_expires_on, s.auto_renew, s.total_licenses,
        (SELECT COUNT(*) FROM assignments a WHERE a.subscription_id = s.id),
        s.max_licenses, s.unit_price, s.currency, s.billing_profile_id, b.name, s.payment_pending,
        s.last_renewed_on, s.last_changed_on, s.version
    FROM subscriptions s JOIN billing_profiles b ON b.id = s.billing_profile_id
    WHERE (s.owner_id = ?1 OR (?2 AND s.org_id = ?3 AND s.channel = 'self_service'))";

fn record(row: &Row<'_>) -> rusqlite::Result<SubscriptionRecord> {
    Ok(SubscriptionRecord {
        id: row.get(0)?,
        owner_id: row.get(1)?,
        product: Product { id: contract::ProductId(row.get(2)?), name: row.get(3)? },
        channel: row.get::<_, Named<_>>(4)?.0,
        status: row.get::<_, Named<_>>(5)?.0,
        billing_frequency: row.get::<_, Named<_>>(6)?.0,
        purchased_on: row.get(7)?,
        renews_or_expires_on: row.get(8)?,
        auto_renew: row.get(9)?,
        total_licenses: row.get(10)?,
        assigned_licenses: row.get(11)?,
        max_licenses: row.get(12)?,
        unit_price: Money::new(row.get::<_, Dec>(13)?.0, row.get::<_, Cur>(14)?.0),
        billing_profile_id: row.get(15)?,
        billing_profile_name: row.get(16)?,
        payment_pending: row.get(17)?,
        last_renewed_on: row.get(18)?,
        last_changed_on: row.get(19)?,
        version: row.get(20)?,
    })
}

fn viewer_params(viewer: &Viewer) -> [Value; 3] {
    [Value::from(viewer.person_id.clone()), Value::from(viewer.is_admin()), Value::from(viewer.org_id.clone())]
}

/// Every subscription the viewer may see.
pub fn visible(conn: &Connection, viewer: &Viewer) -> rusqlite::Result<Vec<SubscriptionRecord>> {
    conn.prepare_cached(SELECT)?.query_map(rusqlite::params_from_iter(viewer_params(viewer)), record)?.collect()
}

/// One subscription, if the viewer may see it.
pub fn visible_one(conn: &Connection, viewer: &Viewer, id: &str) -> rusqlite::Result<Option<SubscriptionRecord>> {
    let [a, b, c] = viewer_params(viewer);
    conn.prepare_cached(&format!("{SELECT} AND s.id = ?4"))?
        .query_row(rusqlite::params_from_iter([a, b, c, Value::from(id.to_owned())]), record)
        .optional()
}

/// How the query words filter assignments; both forms give the same rows, with different costs.
#[derive(Clone, Copy)]
enum WordFilter {
    /// `person_id IN (this subscription's terms in the prefix range)`: cost grows with the number of matching
    /// terms; best for counting, and for pages when few people match.
    Terms,
    /// `EXISTS (a matching term of this person)`, checked while walking the assignments in name order: cost grows
    /// with the number of assignments walked; best when many match (a page fills quickly).
    PerAssignment,
}

fn filter(words: &[String], form: WordFilter, values: &mut Vec<Value>) -> String {
    let mut filter = String::from("a.subscription_id = ?1");
    for word in words {
        let n = values.len();
        match form {
            WordFilter::Terms => filter.push_str(&format!(
                " AND a.person_id IN (SELECT t.person_id FROM assignment_terms t
                   WHERE t.subscription_id = ?1 AND t.term >= ?{} AND t.term < ?{})",
                n + 1,
                n + 2
            )),
            WordFilter::PerAssignment => filter.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM person_terms u
                   WHERE u.person_id = a.person_id AND u.term >= ?{} AND u.term < ?{})",
                n + 1,
                n + 2
            )),
        }
        values.push(Value::from(word.clone()));
        values.push(Value::from(prefix_end(word)));
    }
    filter
}

/// One page of a subscription's assignments, by name in the reader's `collation`, optionally filtered by query words
/// (each a prefix of one of the person's terms); with the number of matches. Paging happens in SQL, on the
/// collation's `assignments_by_name_*` index.
pub fn assignments_page(
    conn: &Connection,
    subscription_id: &str,
    words: &[String],
    page: u32,
    page_size: u32,
    collation: Collation,
) -> rusqlite::Result<(Vec<Assignment>, u32)> {
    let count = |form| -> rusqlite::Result<u32> {
        let mut values = vec![Value::from(subscription_id.to_owned())];
        let filter = filter(words, form, &mut values);
        conn.prepare_cached(&format!("SELECT COUNT(*) FROM assignments a WHERE {filter}"))?
            .query_row(rusqlite::params_from_iter(values), |row| row.get(0))
    };
    let total = count(WordFilter::Terms)?;
    let form = if words.is_empty() || total.saturating_mul(4) >= count_all(conn, subscription_id)? {
        WordFilter::PerAssignment
    } else {
        WordFilter::Terms
    };
    let mut values = vec![Value::from(subscription_id.to_owned())];
    let filter = filter(words, form, &mut values);
    let n = values.len();
    // The page's keys come from the index alone (skipped OFFSET rows cost no joins); only the page's rows are then
    // joined with people.
    let sql = format!(
        "SELECT p.id, p.display_name, p.email, p.department, a.assigned_on
         FROM (SELECT a.person_id FROM assignments a WHERE {filter}
               ORDER BY a.{key}, a.person_id LIMIT ?{} OFFSET ?{}) page
         JOIN assignments a ON a.subscription_id = ?1 AND a.person_id = page.person_id
         JOIN people p ON p.id = page.person_id
         ORDER BY a.{key}, a.person_id",
        n + 1,
        n + 2,
        key = collation.column()
    );
    values.push(Value::from(i64::from(page_size)));
    values.push(Value::from(i64::from(page.saturating_sub(1)) * i64::from(page_size)));
    let items = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(values), |row| {
            Ok(Assignment { person: super::people::person_row(row)?, assigned_on: row.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((items, total))
}

fn count_all(conn: &Connection, subscription_id: &str) -> rusqlite::Result<u32> {
    conn.prepare_cached("SELECT COUNT(*) FROM assignments WHERE subscription_id = ?1")?
        .query_row([subscription_id], |row| row.get(0))
}
