//! Reference backend of the self-service purchases API: axum + SQLite, loaded from a fixture at every start, with
//! development sign-in and fault injection. See `backend/README.md`.

pub mod answers;
pub mod auth;
pub mod card_data;
pub mod change;
pub mod collation;
pub mod config;
pub mod csp;
pub mod csv;
pub mod db;
pub mod demo;
pub mod export_words;
pub mod faults;
pub mod fixture;
pub mod invoice_pdf;
pub mod invoice_words;
pub mod lang;
pub mod path_id;
pub mod payments;
pub mod pdf;
pub mod pricing;
pub mod problem;
pub mod query;
pub mod routes;
pub mod rules;
pub mod server;
pub mod whole;

use axum::Router;
use fixture::Fixture;
use std::path::PathBuf;
use std::sync::Arc;
use time::{Date, OffsetDateTime};

/// The backend's idea of today: pinned by the fixture, or the system date (UTC).
#[derive(Clone, Copy, Debug)]
pub struct Clock(pub Option<Date>);

impl Clock {
    /// Today.
    pub fn today(&self) -> Date {
        self.0.unwrap_or_else(|| OffsetDateTime::now_utc().date())
    }
}

/// Shared state of the handlers.
pub struct AppState {
    /// The database.
    pub db: db::Db,
    /// Signed-in sessions.
    pub sessions: auth::Sessions,
    /// Armed faults.
    pub faults: faults::Faults,
    /// Content-Security-Policy violations the browser reported (`--dev`).
    pub csp_reports: csp::Reports,
    /// Today.
    pub clock: Clock,
    /// The data loaded at start (and again by `/dev/reset`).
    pub fixture: Fixture,
    /// Whether `/dev/` routes exist.
    pub dev: bool,
    /// The single-page app to serve, if any.
    pub static_dir: Option<PathBuf>,
    /// The path the app is served under (`/portal`); empty: the root.
    pub base_path: String,
    /// Where the payments origin is and whom it serves.
    pub payments: payments::Settings,
    /// The card processor's vault (reached by the portal only through its narrow interface).
    pub vault: payments::vault::Vault,
    /// Tokenize requests per client address.
    pub token_limit: payments::limit::TokenLimit,
}

/// What an application is built from.
pub struct Settings {
    /// SQLite file or `:memory:`.
    pub db: String,
    /// The data.
    pub fixture: Fixture,
    /// Enables `/dev/` routes.
    pub dev: bool,
    /// A built single-page app to serve.
    pub static_dir: Option<PathBuf>,
    /// The path the app is served under (`/portal`, without a trailing `/`); empty: the root.
    pub base_path: String,
    /// The payments origin.
    pub payments: payments::Settings,
}

/// The two listeners' routers, over one state.
pub struct Routers {
    /// The portal: `/api/v1`, `/dev` with `--dev`, the app with `--static`.
    pub portal: Router,
    /// The payments origin: hosted card fields and their tokens.
    pub payments: Router,
}

/// Loads the fixture into a fresh database and builds the routers.
pub fn build(settings: Settings) -> Result<Routers, String> {
    settings.fixture.check().map_err(|e| e.to_string())?;
    let db = db::Db::open(&settings.db, &settings.fixture).map_err(|e| format!("database {}: {e}", settings.db))?;
    let state = AppState {
        db,
        sessions: auth::Sessions::default(),
        faults: faults::Faults::default(),
        csp_reports: csp::Reports::default(),
        clock: Clock(settings.fixture.today),
        fixture: settings.fixture,
        dev: settings.dev,
        static_dir: settings.static_dir,
        base_path: settings.base_path,
        vault: payments::vault::Vault::new(settings.payments.token_ttl),
        token_limit: payments::limit::TokenLimit::default(),
        payments: settings.payments,
    };
    let state = Arc::new(state);
    Ok(Routers { portal: routes::router(state.clone()), payments: payments::router(state) })
}
