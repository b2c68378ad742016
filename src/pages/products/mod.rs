//! *Your products*: the list, the product page and its action panes.

mod action_pane;
mod cancel_form;
mod cancel_reason_choice;
mod cancellation_terms;
mod empty_products;
mod license_total;
mod license_total_form;
mod price_impact;
mod product_action;
mod product_actions;
mod product_details;
mod product_filters;
mod product_menu;
mod product_page;
mod product_row;
mod products_page;
mod products_table;
mod reactivate_form;
mod sort_header;
mod subscription_change;
mod total_message;
mod url_query;

pub use action_pane::ActionPane;
pub use product_page::ProductPage;
pub use products_page::ProductsPage;
pub use url_query::{query_from_url, ProductsUrl};
