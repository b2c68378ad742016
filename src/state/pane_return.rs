//! Where closing a pane goes. A pane is opened from the page beneath it (a new history entry); closing it goes
//! back to that entry, so Back afterwards leaves the page instead of landing on it twice. A pane reached another
//! way (a link from elsewhere, a reload) is closed by replacing its entry with the page.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The address (path and query) of the page the current panes were opened from, if they were.
#[derive(Clone, Copy)]
pub struct PaneReturn(StoredValue<Option<String>>);

/// Makes [`PaneReturn`] available to the whole app.
pub fn provide_pane_return() {
    provide_context(PaneReturn(StoredValue::new(None)));
}

impl PaneReturn {
    /// Records a location: `page` is the page its path belongs to (the path itself unless it is a pane's).
    pub fn record(self, address: &str, path: &str, page: &str) {
        self.0.update_value(|entry| {
            if path == page {
                *entry = Some(address.to_owned());
            } else if entry.as_deref().is_none_or(|e| e.split('?').next() != Some(page)) {
                // Reached without its page (a link from elsewhere, a reload): nothing to go back to.
                *entry = None;
            }
        });
    }
}

/// A callback that closes the current pane for `href`, the page beneath it.
pub fn use_leave_pane() -> Callback<String> {
    let entry = expect_context::<PaneReturn>().0;
    let navigate = use_navigate();
    Callback::new(move |href: String| {
        let came_from_page = entry.try_with_value(|e| e.as_deref() == Some(href.as_str())).unwrap_or(false);
        match window().history() {
            Ok(history) if came_from_page => {
                let _ = history.back();
            }
            _ => navigate(&href, NavigateOptions { replace: true, ..Default::default() }),
        }
    })
}
