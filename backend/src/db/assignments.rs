//! Writes to a subscription's assignments. Callers run them inside [`super::Db::write`], so the count of free
//! licenses read here cannot change before the insert: two racing requests never assign more than the total.

use contract::licenses::AssignOutcome;
use rusqlite::{params, Connection, OptionalExtension};
use time::Date;

/// What licensing needs to know of a person: whether they are a member of the organization (guests and unknown
/// ids are not) and whether they have a usage location.
enum Candidate {
    NotMember,
    Member { has_usage_location: bool },
}

fn candidate(conn: &Connection, org_id: &str, person_id: &str) -> rusqlite::Result<Candidate> {
    let found: Option<bool> = conn
        .prepare_cached(
            "SELECT usage_location IS NOT NULL FROM people WHERE id = ?1 AND org_id = ?2 AND kind = 'member'",
        )?
        .query_row(params![person_id, org_id], |row| row.get(0))
        .optional()?;
    Ok(match found {
        Some(has_usage_location) => Candidate::Member { has_usage_location },
        None => Candidate::NotMember,
    })
}

fn is_assigned(conn: &Connection, subscription_id: &str, person_id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM assignments WHERE subscription_id = ?1 AND person_id = ?2)")?
        .query_row(params![subscription_id, person_id], |row| row.get(0))
}

/// Licenses bought minus licenses assigned.
fn free_licenses(conn: &Connection, subscription_id: &str) -> rusqlite::Result<u32> {
    conn.prepare_cached(
        "SELECT s.total_licenses - (SELECT COUNT(*) FROM assignments a WHERE a.subscription_id = s.id)
         FROM subscriptions s WHERE s.id = ?1",
    )?
    .query_row([subscription_id], |row| row.get::<_, i64>(0))
    .map(|free| u32::try_from(free).unwrap_or(0))
}

/// Assigns each person in order, as far as licenses last; one outcome per person asked for (a person named twice
/// is `already_assigned` the second time). Bumps the subscription's version when anyone was assigned.
pub fn assign(
    conn: &Connection,
    org_id: &str,
    subscription_id: &str,
    person_ids: &[String],
    today: Date,
) -> rusqlite::Result<Vec<AssignOutcome>> {
    let mut free = free_licenses(conn, subscription_id)?;
    let mut outcomes = Vec::with_capacity(person_ids.len());
    for person_id in person_ids {
        let outcome = match candidate(conn, org_id, person_id)? {
            Candidate::NotMember => AssignOutcome::NotInOrganization,
            Candidate::Member { .. } if is_assigned(conn, subscription_id, person_id)? => {
                AssignOutcome::AlreadyAssigned
            }
            Candidate::Member { has_usage_location: false } => AssignOutcome::NoUsageLocation,
            Candidate::Member { .. } if free == 0 => AssignOutcome::NoLicenseAvailable,
            Candidate::Member { .. } => {
                conn.prepare_cached(
                    "INSERT INTO assignments (subscription_id, person_id, assigned_on) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![subscription_id, person_id, today])?;
                free -= 1;
                AssignOutcome::Assigned
            }
        };
        outcomes.push(outcome);
    }
    if outcomes.contains(&AssignOutcome::Assigned) {
        bump_version(conn, subscription_id)?;
    }
    Ok(outcomes)
}

/// Removes the licenses of these people (those without one are ignored); bumps the version when any was removed.
pub fn unassign(conn: &Connection, subscription_id: &str, person_ids: &[String]) -> rusqlite::Result<usize> {
    let mut removed = 0;
    let mut delete = conn.prepare_cached("DELETE FROM assignments WHERE subscription_id = ?1 AND person_id = ?2")?;
    for person_id in person_ids {
        removed += delete.execute(params![subscription_id, person_id])?;
    }
    if removed > 0 {
        bump_version(conn, subscription_id)?;
    }
    Ok(removed)
}

fn bump_version(conn: &Connection, subscription_id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE subscriptions SET version = version + 1 WHERE id = ?1")?.execute([subscription_id])?;
    Ok(())
}
