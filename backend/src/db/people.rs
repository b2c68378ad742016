//! People: the users who can sign in, and the directory search.

use super::codec::Named;
use super::terms::prefix_end;
use contract::directory::{DirectoryMatch, Person};
use contract::me::Role;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// A person who can sign in.
#[derive(Clone, Debug)]
pub struct UserRecord {
    /// Person id.
    pub person_id: String,
    /// Name.
    pub display_name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// Organization id.
    pub org_id: String,
    /// Organization name.
    pub org_name: String,
    /// Role.
    pub role: Role,
    /// Preferred locale.
    pub locale: String,
}

const USER_SELECT: &str = "SELECT p.id, p.display_name, p.email, o.id, o.name, u.role, u.locale
     FROM users u JOIN people p ON p.id = u.person_id JOIN organizations o ON o.id = p.org_id";

fn user_row(row: &Row<'_>) -> rusqlite::Result<UserRecord> {
    Ok(UserRecord {
        person_id: row.get(0)?,
        display_name: row.get(1)?,
        email: row.get(2)?,
        org_id: row.get(3)?,
        org_name: row.get(4)?,
        role: row.get::<_, Named<Role>>(5)?.0,
        locale: row.get(6)?,
    })
}

/// The user with this person id.
pub fn user(conn: &Connection, person_id: &str) -> rusqlite::Result<Option<UserRecord>> {
    conn.prepare_cached(&format!("{USER_SELECT} WHERE u.person_id = ?1"))?.query_row([person_id], user_row).optional()
}

/// The user signing in with this e-mail (case-insensitive).
pub fn user_by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<UserRecord>> {
    conn.prepare_cached(&format!("{USER_SELECT} WHERE p.email = ?1 COLLATE NOCASE"))?
        .query_row([email.trim()], user_row)
        .optional()
}

/// Every user, by e-mail.
pub fn users(conn: &Connection) -> rusqlite::Result<Vec<UserRecord>> {
    conn.prepare_cached(&format!("{USER_SELECT} ORDER BY p.email"))?.query_map([], user_row)?.collect()
}

/// Members of `org_id` matching every query word as a prefix of one of their terms: ordered by the term the
/// longest word matched, then by name; at most `top`. The scan runs on the `person_terms` primary key from the
/// longest word's terms (of words as long, the rarest), checking the other words rarest first, so that a query of
/// many short words reads few rows too (any query shape within 20 ms at 50,000 people: `tests/api/perf.rs`).
pub fn search(
    conn: &Connection,
    org_id: &str,
    words: &[String],
    top: u32,
    subscription_id: Option<&str>,
) -> rusqlite::Result<Vec<DirectoryMatch>> {
    let mut words = essential_words(words);
    if words.len() > 1 {
        // How many terms start with each word, counted up to a bound (a word no term starts with finds nobody).
        let mut count = conn.prepare_cached(
            "SELECT COUNT(*) FROM (SELECT 1 FROM person_terms WHERE org_id = ?1 AND term >= ?2 AND term < ?3 LIMIT 5000)",
        )?;
        let mut order = Vec::with_capacity(words.len());
        for word in words {
            let terms: i64 = count.query_row(params![org_id, word, prefix_end(word)], |row| row.get(0))?;
            if terms == 0 {
                return Ok(Vec::new());
            }
            order.push((std::cmp::Reverse(word.chars().count()), terms, word));
        }
        order.sort();
        order[1..].sort_by_key(|(_, terms, _)| *terms);
        words = order.into_iter().map(|(_, _, word)| word).collect();
    }
    let Some((driver, others)) = words.split_first() else { return Ok(Vec::new()) };
    let mut sql =
        String::from("SELECT t.person_id FROM person_terms t WHERE t.org_id = ?1 AND t.term >= ?2 AND t.term < ?3");
    let mut values =
        vec![Value::from(org_id.to_owned()), Value::from((*driver).clone()), Value::from(prefix_end(driver))];
    for word in others {
        let n = values.len();
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM person_terms u WHERE u.person_id = t.person_id AND u.term >= ?{} AND u.term < ?{})",
            n + 1,
            n + 2
        ));
        values.push(Value::from((*word).clone()));
        values.push(Value::from(prefix_end(word)));
    }
    sql.push_str(" ORDER BY t.term, t.sort_key, t.person_id");
    let mut ids: Vec<String> = Vec::new();
    {
        let mut statement = conn.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            if !ids.contains(&id) {
                ids.push(id);
                if ids.len() >= top as usize {
                    break;
                }
            }
        }
    }
    let mut person = conn.prepare_cached(
        "SELECT p.id, p.display_name, p.email, p.department,
                EXISTS (SELECT 1 FROM assignments a WHERE a.subscription_id = ?2 AND a.person_id = p.id)
         FROM people p WHERE p.id = ?1",
    )?;
    ids.iter()
        .map(|id| {
            person.query_row(params![id, subscription_id], |row| {
                Ok(DirectoryMatch { person: person_row(row)?, already_assigned: row.get(4)? })
            })
        })
        .collect()
}

/// The words a match must satisfy: each once, and none that is the start of another (a term starting with
/// `anna` starts with `an` too).
fn essential_words(words: &[String]) -> Vec<&String> {
    let mut essential: Vec<&String> = Vec::new();
    for word in words {
        if !words.iter().any(|other| other != word && other.starts_with(word.as_str())) && !essential.contains(&word) {
            essential.push(word);
        }
    }
    essential
}

/// A [`Person`] from columns id, display_name, email, department.
pub fn person_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: contract::PersonId(row.get(0)?),
        display_name: row.get(1)?,
        email: row.get(2)?,
        department: row.get(3)?,
    })
}
