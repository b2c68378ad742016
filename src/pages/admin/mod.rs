//! The administrator's read-only view of every subscription bought through self-service (`/admin/self-service`).
//! Nothing on these pages changes anything: they only read, and export CSV.

mod admin_people;
mod admin_url;
mod purchase_history;
mod purchase_page;
mod purchases_page;
mod purchases_table;

pub use purchase_page::PurchasePage;
pub use purchases_page::PurchasesPage;
