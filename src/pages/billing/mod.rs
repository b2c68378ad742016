//! *Bills & payments*: invoices, payment methods and billing profiles, as tabs.

mod billing_layout;
mod billing_profiles_page;
mod invoices_page;
mod payment_methods_page;

pub use billing_layout::BillingLayout;
pub use billing_profiles_page::BillingProfilesPage;
pub use invoices_page::InvoicesPage;
pub use payment_methods_page::PaymentMethodsPage;
