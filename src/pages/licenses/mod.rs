//! *Licenses*: the subscriptions' license counts, the people who have a license, assigning and unassigning.

mod assign_capacity;
mod assign_form;
mod assign_pane;
mod assign_results;
mod assignments_table;
mod assignments_url;
mod chosen_people;
mod current_licenses;
mod license_counts;
mod licenses_frame;
mod licenses_page;
mod subscription_licenses_page;
mod unassign_dialog;

pub use assign_pane::AssignPane;
pub use licenses_frame::LicensesFrame;
pub use licenses_page::LicensesPage;
pub use subscription_licenses_page::SubscriptionLicensesPage;
