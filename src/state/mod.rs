//! Cross-page state: `provide_*` / `use_*` pairs.

pub mod config;
pub mod confirmation;
pub mod session;
