//! Reusable pieces, one component per file.

mod app_footer;
mod app_header;
mod app_shell;
mod choice_group;
mod config_error;
mod document_title;
mod error_view;
mod external_link;
mod loading_table;
mod locale_memory;
mod locale_switcher;
mod main_nav;
mod page_header;
mod pane;
mod sign_in_prompt;
mod status_badge;

pub use app_footer::AppFooter;
pub use app_header::AppHeader;
pub use app_shell::AppShell;
pub use choice_group::ChoiceGroup;
pub use config_error::ConfigError;
pub use document_title::DocumentTitle;
pub use error_view::ErrorView;
pub use external_link::ExternalLink;
pub use loading_table::LoadingTable;
pub use locale_memory::LocaleMemory;
pub use locale_switcher::LocaleSwitcher;
pub use main_nav::MainNav;
pub use page_header::PageHeader;
pub use pane::Pane;
pub use sign_in_prompt::SignInPrompt;
pub use status_badge::StatusBadge;
