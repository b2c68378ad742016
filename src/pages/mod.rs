//! One module per routed area.

pub mod admin;
pub mod billing;
pub mod gallery;
mod help_page;
pub mod licenses;
mod not_found_page;
pub mod products;
mod signed_out_page;

pub use help_page::HelpPage;
pub use not_found_page::NotFoundPage;
pub use signed_out_page::SignedOutPage;
