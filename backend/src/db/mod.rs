//! SQLite access: one connection behind a mutex (lock scopes stay short and never span an `.await`).

pub mod billing;
pub mod codec;
pub mod invoices;
pub mod load;
pub mod people;
pub mod schema;
pub mod subscriptions;
pub mod terms;

use crate::fixture::Fixture;
use crate::problem::ApiError;
use rusqlite::Connection;
use std::sync::Mutex;

/// The database.
pub struct Db(Mutex<Connection>);

impl Db {
    /// Opens `path` (`:memory:` for an in-memory database), recreates the schema and loads the fixture.
    pub fn open(path: &str, fixture: &Fixture) -> rusqlite::Result<Self> {
        let mut conn = if path == ":memory:" { Connection::open_in_memory()? } else { Connection::open(path)? };
        conn.execute_batch("PRAGMA synchronous = NORMAL;")?;
        load::load(&mut conn, fixture)?;
        Ok(Self(Mutex::new(conn)))
    }

    /// Runs `f` with the connection locked.
    pub fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, rusqlite::Error>) -> Result<T, ApiError> {
        let conn = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&conn).map_err(ApiError::from)
    }
}
