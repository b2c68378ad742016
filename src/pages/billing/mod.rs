//! *Bills & payments*: invoices, payment methods and billing profiles, as tabs.

mod add_card_form;
mod add_payment_method_pane;
mod address_fields;
mod billing_changes;
mod billing_layout;
mod billing_profile_page;
mod billing_profiles_page;
mod billing_save;
mod card_draft;
mod card_fields;
mod card_problem;
mod edit_card_form;
mod empty_invoices;
mod expiry_fields;
mod invoice_lines;
mod invoice_page;
mod invoice_totals;
mod invoices_page;
mod invoices_table;
mod invoices_url;
mod payment_method_pane;
mod payment_methods_page;
mod payment_methods_table;
mod profile_method_pane;
mod replace_method_form;

pub use add_payment_method_pane::AddPaymentMethodPane;
pub use billing_layout::BillingLayout;
pub use billing_profile_page::BillingProfilePage;
pub use billing_profiles_page::BillingProfilesPage;
pub use invoice_page::InvoicePage;
pub use invoices_page::InvoicesPage;
pub use payment_method_pane::PaymentMethodPane;
pub use payment_methods_page::PaymentMethodsPage;
pub use profile_method_pane::{MethodChange, ProfileMethodPane};
