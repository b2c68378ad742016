//! One module per routed area.

pub mod billing;
mod help_page;
mod licenses_page;
mod not_found_page;
pub mod products;

pub use help_page::HelpPage;
pub use licenses_page::LicensesPage;
pub use not_found_page::NotFoundPage;
