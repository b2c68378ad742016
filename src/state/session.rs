//! Who is signed in, loaded once and shared by the header and the pages.

use crate::api::{use_api, ApiError};
use contract::me::Me;
use leptos::prelude::*;

/// The signed-in person, as a resource every component can read, and whether this page signed them out.
#[derive(Clone, Copy)]
pub struct Session {
    /// `GET /me`, loaded once at start.
    pub me: LocalResource<Result<Me, ApiError>>,
    /// Whether this page signed the person out (the signed-out page sets it).
    pub ended: RwSignal<bool>,
    /// Set by *Sign out* as it leads to the signed-out page, which then signs out (and clears it): the page's
    /// address alone, a link from elsewhere, signs nobody out.
    pub sign_out_asked: StoredValue<bool>,
}

impl Session {
    /// The signed-in person, once known (tracked); `None` while loading, when nobody is signed in, and after
    /// this page signed them out.
    pub fn person(self) -> Option<Me> {
        if self.ended.get() {
            return None;
        }
        self.me.get().and_then(Result::ok)
    }
}

/// Loads the session and makes it available below.
pub fn provide_session() {
    let api = use_api();
    let me = LocalResource::new(move || {
        let api = api.clone();
        async move { api.me().await }
    });
    provide_context(Session { me, ended: RwSignal::new(false), sign_out_asked: StoredValue::new(false) });
}

/// The session provided by [`provide_session`].
pub fn use_session() -> Session {
    expect_context::<Session>()
}
