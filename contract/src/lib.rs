//! The HTTP contract of the self-service purchases API, shared by the app and the reference backend.
//!
//! Everything that crosses the wire is a type here; `openapi.yaml` beside this crate documents the same API for
//! anyone implementing it in another language. Input rules that both sides apply (a valid license total, a card
//! number, a date range) live in [`rules`], so the app gives instant feedback and the backend enforces the same.

pub mod admin;
pub mod billing;
pub mod cards;
pub mod date;
pub mod directory;
#[cfg(test)]
mod drift;
pub mod headers;
pub mod hosted_fields;
pub mod ids;
pub mod invoices;
pub mod licenses;
pub mod me;
pub mod money;
pub mod operations;
pub mod page;
pub mod paths;
pub mod problem;
pub mod rules;
pub mod subscriptions;
pub mod text;
pub mod wire;

pub use ids::*;
pub use money::{Currency, Money};
pub use page::Page;
pub use problem::{ErrorCode, FieldError, Problem};
