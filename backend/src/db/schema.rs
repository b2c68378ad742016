//! The SQLite schema. It is dropped and created again at every start, then filled from the fixture: the reference
//! backend keeps no state across restarts.
//!
//! Dates are `YYYY-MM-DD` text, money is decimal text (never REAL). `assigned_licenses` is not stored: it is always
//! counted from `assignments`. `person_terms` holds the folded words of every member's name and e-mail for indexed
//! prefix search (`term >= ?prefix AND term < ?prefix || U+10FFFF`); guests have no terms, so search never finds them.
//! Two copies keep assignment lists fast at 10,000 assignments, both maintained by triggers (inserting or deleting
//! `(subscription_id, person_id, assigned_on)` is all a writer does): `assignments.sort_root`, `sort_sv` and
//! `sort_zh` (the person's name's sort keys in each collation, see `crate::collation`, so a page is read in the
//! reader's name order straight from an index) and `assignment_terms` (the person's terms per
//! subscription, so counting the matches of a query scans only that subscription's matching terms).
//! `orders` is the history of changes (who, when, what it cost or credited); `idempotency` keeps the first
//! successful answer of every `Idempotency-Key`, per person, to replay it.

use rusqlite::Connection;

const DROP: &str = "
DROP TABLE IF EXISTS idempotency;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS invoice_lines;
DROP TABLE IF EXISTS invoices;
DROP TABLE IF EXISTS assignment_terms;
DROP TABLE IF EXISTS assignments;
DROP TABLE IF EXISTS subscriptions;
DROP TABLE IF EXISTS billing_profiles;
DROP TABLE IF EXISTS payment_methods;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS person_terms;
DROP TABLE IF EXISTS people;
DROP TABLE IF EXISTS organizations;
";

const CREATE: &str = "
CREATE TABLE organizations (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organizations(id),
    display_name   TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    department     TEXT,
    kind           TEXT NOT NULL CHECK (kind IN ('member', 'guest')),
    usage_location TEXT,
    sort_key       TEXT NOT NULL,
    sort_root      BLOB NOT NULL DEFAULT x'',
    sort_sv        BLOB NOT NULL DEFAULT x'',
    sort_zh        BLOB NOT NULL DEFAULT x''
);
CREATE TABLE person_terms (
    org_id    TEXT NOT NULL,
    term      TEXT NOT NULL,
    sort_key  TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (org_id, term, sort_key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_terms_by_person ON person_terms(person_id, term);
CREATE TABLE users (
    person_id TEXT PRIMARY KEY REFERENCES people(id),
    role      TEXT NOT NULL CHECK (role IN ('purchaser', 'admin')),
    locale    TEXT NOT NULL
);
CREATE TABLE payment_methods (
    id           TEXT PRIMARY KEY,
    owner_id     TEXT NOT NULL REFERENCES users(person_id),
    brand        TEXT NOT NULL,
    last4        TEXT NOT NULL,
    exp_year     INTEGER NOT NULL,
    exp_month    INTEGER NOT NULL,
    name_on_card TEXT NOT NULL,
    address      TEXT NOT NULL,
    token        TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE billing_profiles (
    id                TEXT PRIMARY KEY,
    owner_id          TEXT NOT NULL REFERENCES users(person_id),
    name              TEXT NOT NULL,
    bill_to_name      TEXT NOT NULL,
    bill_to           TEXT NOT NULL,
    invoice_email     TEXT NOT NULL,
    currency          TEXT NOT NULL,
    vat_number        TEXT,
    payment_method_id TEXT REFERENCES payment_methods(id),
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE subscriptions (
    id                   TEXT PRIMARY KEY,
    org_id               TEXT NOT NULL REFERENCES organizations(id),
    owner_id             TEXT NOT NULL REFERENCES users(person_id),
    product_id           TEXT NOT NULL,
    product_name         TEXT NOT NULL,
    channel              TEXT NOT NULL,
    status               TEXT NOT NULL,
    billing_frequency    TEXT NOT NULL,
    purchased_on         TEXT NOT NULL,
    renews_or_expires_on TEXT NOT NULL,
    auto_renew           INTEGER NOT NULL,
    total_licenses       INTEGER NOT NULL,
    max_licenses         INTEGER NOT NULL,
    unit_price           TEXT NOT NULL,
    currency             TEXT NOT NULL,
    billing_profile_id   TEXT NOT NULL REFERENCES billing_profiles(id),
    payment_pending      INTEGER NOT NULL,
    last_renewed_on      TEXT,
    last_changed_on      TEXT,
    version              INTEGER NOT NULL
);
CREATE INDEX subscriptions_by_owner ON subscriptions(owner_id);
CREATE TABLE assignments (
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    person_id       TEXT NOT NULL REFERENCES people(id),
    assigned_on     TEXT NOT NULL,
    sort_root       BLOB NOT NULL DEFAULT x'',
    sort_sv         BLOB NOT NULL DEFAULT x'',
    sort_zh         BLOB NOT NULL DEFAULT x'',
    PRIMARY KEY (subscription_id, person_id)
) WITHOUT ROWID;
CREATE INDEX assignments_by_name_root ON assignments(subscription_id, sort_root, person_id);
CREATE INDEX assignments_by_name_sv ON assignments(subscription_id, sort_sv, person_id);
CREATE INDEX assignments_by_name_zh ON assignments(subscription_id, sort_zh, person_id);
CREATE TABLE assignment_terms (
    subscription_id TEXT NOT NULL,
    term            TEXT NOT NULL,
    person_id       TEXT NOT NULL,
    PRIMARY KEY (subscription_id, term, person_id)
) WITHOUT ROWID;
CREATE INDEX assignment_terms_by_person ON assignment_terms(subscription_id, person_id);
CREATE TRIGGER assignment_added AFTER INSERT ON assignments BEGIN
    UPDATE assignments SET (sort_root, sort_sv, sort_zh) =
            (SELECT sort_root, sort_sv, sort_zh FROM people WHERE id = NEW.person_id)
        WHERE subscription_id = NEW.subscription_id AND person_id = NEW.person_id;
    INSERT INTO assignment_terms (subscription_id, term, person_id)
        SELECT NEW.subscription_id, term, NEW.person_id FROM person_terms WHERE person_id = NEW.person_id;
END;
CREATE TRIGGER assignment_removed AFTER DELETE ON assignments BEGIN
    DELETE FROM assignment_terms WHERE subscription_id = OLD.subscription_id AND person_id = OLD.person_id;
END;
CREATE TABLE orders (
    id              INTEGER PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    actor_id        TEXT NOT NULL REFERENCES people(id),
    date            TEXT NOT NULL,
    kind            TEXT NOT NULL
        CHECK (kind IN ('licenses_added', 'licenses_removed', 'cancelled', 'reactivated')),
    from_total      INTEGER NOT NULL,
    to_total        INTEGER NOT NULL,
    amount          TEXT NOT NULL,
    currency        TEXT NOT NULL,
    reason          TEXT,
    feedback        TEXT
);
CREATE INDEX orders_by_subscription ON orders(subscription_id, id);
CREATE TABLE idempotency (
    person_id   TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      INTEGER NOT NULL,
    body        TEXT NOT NULL,
    PRIMARY KEY (person_id, key)
) WITHOUT ROWID;
CREATE TABLE invoices (
    id                 TEXT PRIMARY KEY,
    number             TEXT NOT NULL,
    billing_profile_id TEXT NOT NULL REFERENCES billing_profiles(id),
    date               TEXT NOT NULL,
    period_start       TEXT NOT NULL,
    period_end         TEXT NOT NULL,
    due_date           TEXT NOT NULL,
    status             TEXT NOT NULL
);
CREATE INDEX invoices_by_profile_date ON invoices(billing_profile_id, date);
CREATE TABLE invoice_lines (
    invoice_id TEXT NOT NULL REFERENCES invoices(id),
    line_no    INTEGER NOT NULL,
    product    TEXT NOT NULL,
    quantity   INTEGER NOT NULL,
    unit_price TEXT NOT NULL,
    tax_rate   TEXT NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
) WITHOUT ROWID;
";

/// Drops every table and creates the schema afresh.
pub fn recreate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
    conn.execute_batch(DROP)?;
    conn.execute_batch(CREATE)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_keep_the_assignment_copies_in_step() {
        let conn = Connection::open_in_memory().unwrap();
        recreate(&conn).unwrap();
        conn.execute_batch(
            "INSERT INTO organizations VALUES ('o', 'O');
             INSERT INTO people VALUES ('p', 'o', 'Åsa Öström', 'asa@o.se', NULL, 'member', 'SE', 'asa ostrom',
                 x'01', x'02', x'03');
             INSERT INTO person_terms VALUES ('o', 'asa', 'asa ostrom', 'p'), ('o', 'ostrom', 'asa ostrom', 'p');
             INSERT INTO users VALUES ('p', 'purchaser', 'sv');
             INSERT INTO billing_profiles (id, owner_id, name, bill_to_name, bill_to, invoice_email, currency)
                 VALUES ('b', 'p', 'B', 'B', '{}', 'b@o.se', 'SEK');
             INSERT INTO subscriptions VALUES ('s', 'o', 'p', 'x', 'X', 'self_service', 'active', 'monthly',
                 '2026-01-01', '2026-02-01', 1, 5, 10, '1.00', 'SEK', 'b', 0, NULL, NULL, 1);
             INSERT INTO assignments (subscription_id, person_id, assigned_on) VALUES ('s', 'p', '2026-01-02');",
        )
        .unwrap();
        let keys: (Vec<u8>, Vec<u8>, Vec<u8>) = conn
            .query_row("SELECT sort_root, sort_sv, sort_zh FROM assignments", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(keys, (vec![1], vec![2], vec![3]));
        let terms: u32 = conn.query_row("SELECT COUNT(*) FROM assignment_terms", [], |r| r.get(0)).unwrap();
        assert_eq!(terms, 2);
        conn.execute("DELETE FROM assignments", []).unwrap();
        let terms: u32 = conn.query_row("SELECT COUNT(*) FROM assignment_terms", [], |r| r.get(0)).unwrap();
        assert_eq!(terms, 0);
    }
}
