//! The one typed client of the contract. Pages call these functions; nothing else talks HTTP.

mod client;
mod error;

pub use client::HttpClient;
pub use error::ApiError;

use contract::me::Me;
use contract::subscriptions::{Subscription, SubscriptionQuery};
use contract::{paths, Page, SubscriptionId};
use leptos::prelude::*;

/// The API, as the app uses it.
#[derive(Clone, Debug)]
pub struct Api {
    http: HttpClient,
}

impl Api {
    /// An API client for the backend at `base_url`.
    pub fn new(base_url: &str) -> Self {
        Self { http: HttpClient::new(base_url) }
    }

    /// Who is signed in.
    pub async fn me(&self) -> Result<Me, ApiError> {
        self.http.get(paths::ME).await
    }

    /// Every subscription of the signed-in person, in pages of the largest size (the app filters instantly).
    pub async fn all_subscriptions(&self) -> Result<Vec<Subscription>, ApiError> {
        let mut all = Vec::new();
        for number in 1.. {
            let query = paths::query([
                ("page", Some(number.to_string())),
                ("page_size", Some(SubscriptionQuery::MAX_PAGE_SIZE.to_string())),
            ]);
            let page: Page<Subscription> = self.http.get(&format!("{}{query}", paths::SUBSCRIPTIONS)).await?;
            let last = page.items.is_empty() || number >= page.page_count();
            all.extend(page.items);
            if last {
                break;
            }
        }
        Ok(all)
    }

    /// One subscription.
    pub async fn subscription(&self, id: &SubscriptionId) -> Result<Subscription, ApiError> {
        self.http.get(&paths::subscription(id)).await
    }
}

/// Makes the API available to every component below.
pub fn provide_api(base_url: &str) {
    provide_context(Api::new(base_url));
}

/// The API provided by [`provide_api`].
pub fn use_api() -> Api {
    expect_context::<Api>()
}
