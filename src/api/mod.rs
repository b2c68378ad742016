//! The one typed client of the contract. Pages call these functions; nothing else talks HTTP.

mod client;
mod error;
mod intent;

pub use client::{ChangeGuard, HttpClient};
pub use error::ApiError;
pub use intent::{new_idempotency_key, IntentKey};

use contract::licenses::{CancelRequest, CancellationReason, CancellationTerms, QuantityChange, QuantityQuote};
use contract::me::Me;
use contract::subscriptions::{Subscription, SubscriptionQuery};
use contract::{paths, Page, SubscriptionId};
use gloo_net::http::Method;
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
        let me: Me = self.http.get(paths::ME).await?;
        self.http.set_csrf_token(me.csrf_token.clone());
        Ok(me)
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

    /// What changing the total to `total` would cost; changes nothing.
    pub async fn quantity_quote(&self, id: &SubscriptionId, total: u32) -> Result<QuantityQuote, ApiError> {
        self.http.send(Method::POST, &paths::quantity_quote(id), None, Some(&QuantityChange { total })).await
    }

    /// Sets the total number of licenses.
    pub async fn set_quantity(
        &self,
        id: &SubscriptionId,
        total: u32,
        guard: &ChangeGuard,
    ) -> Result<Subscription, ApiError> {
        self.http.send(Method::PUT, &paths::quantity(id), Some(guard), Some(&QuantityChange { total })).await
    }

    /// The reasons a person can give for cancelling.
    pub async fn cancellation_reasons(&self) -> Result<Vec<CancellationReason>, ApiError> {
        self.http.get(paths::CANCELLATION_REASONS).await
    }

    /// What cancelling now would mean.
    pub async fn cancellation_terms(&self, id: &SubscriptionId) -> Result<CancellationTerms, ApiError> {
        self.http.get(&paths::cancellation(id)).await
    }

    /// Cancels the subscription.
    pub async fn cancel(
        &self,
        id: &SubscriptionId,
        request: &CancelRequest,
        guard: &ChangeGuard,
    ) -> Result<Subscription, ApiError> {
        self.http.send(Method::POST, &paths::cancel(id), Some(guard), Some(request)).await
    }

    /// Reactivates an expired or disabled subscription.
    pub async fn reactivate(&self, id: &SubscriptionId, guard: &ChangeGuard) -> Result<Subscription, ApiError> {
        self.http.send::<(), _>(Method::POST, &paths::reactivate(id), Some(guard), None).await
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
