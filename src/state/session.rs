//! Who is signed in, loaded once and shared by the header and the pages.

use crate::api::{use_api, ApiError};
use contract::me::Me;
use leptos::prelude::*;

/// The signed-in person, as a resource every component can read.
#[derive(Clone, Copy)]
pub struct Session {
    /// `GET /me`, loaded once at start.
    pub me: LocalResource<Result<Me, ApiError>>,
}

/// Loads the session and makes it available below.
pub fn provide_session() {
    let api = use_api();
    let me = LocalResource::new(move || {
        let api = api.clone();
        async move { api.me().await }
    });
    provide_context(Session { me });
}

/// The session provided by [`provide_session`].
pub fn use_session() -> Session {
    expect_context::<Session>()
}
