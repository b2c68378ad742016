//! Cross-page state: `provide_*` / `use_*` pairs.

pub mod assign_drafts;
pub mod config;
pub mod confirmation;
pub mod pane_return;
pub mod session;
