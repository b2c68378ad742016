//! Where closing a pane goes. A pane is opened from the page beneath it (a new history entry); closing it goes
//! back to that entry, so Back afterwards leaves the page instead of landing on it twice. A pane reached another
//! way (a link from elsewhere, a reload) is closed by replacing its entry with the page.

use crate::routing::Route;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The page the current panes were opened from, if they were, and its address (path and query).
#[derive(Clone, Copy)]
pub struct PaneReturn(StoredValue<Option<(Route, String)>>);

/// Makes [`PaneReturn`] available to the whole app.
pub fn provide_pane_return() {
    provide_context(PaneReturn(StoredValue::new(None)));
}

impl PaneReturn {
    /// Records a location: its route and its address.
    pub fn record(self, route: &Route, address: String) {
        let page = route.without_pane();
        self.0.update_value(|entry| {
            if page == *route {
                *entry = Some((page, address));
            } else if entry.as_ref().is_none_or(|(opened_from, _)| *opened_from != page) {
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
        let came_from_page =
            entry.try_with_value(|e| e.as_ref().is_some_and(|(_, address)| *address == href)).unwrap_or(false);
        match window().history() {
            Ok(history) if came_from_page => {
                let _ = history.back();
            }
            _ => navigate(&href, NavigateOptions { replace: true, ..Default::default() }),
        }
    })
}
