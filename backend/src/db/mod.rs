//! SQLite access: one connection behind a mutex (lock scopes stay short and never span an `.await`).

pub mod assignments;
pub mod billing;
pub mod changes;
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

    /// Empties the database and loads the fixture again.
    pub fn reset(&self, fixture: &Fixture) -> Result<(), ApiError> {
        let mut conn = self.lock();
        load::load(&mut conn, fixture).map_err(ApiError::from)
    }

    /// Runs `f` in a transaction with the connection locked: committed when `f` succeeds, rolled back otherwise.
    /// Checks and writes inside one call are atomic, so two racing changes never both apply.
    pub fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let conn = self.lock();
        let tx = conn.unchecked_transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` with the connection locked.
    pub fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, rusqlite::Error>) -> Result<T, ApiError> {
        f(&self.lock()).map_err(ApiError::from)
    }
}
