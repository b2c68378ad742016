//! The one typed client of the contract. Pages call these functions; nothing else talks HTTP.

mod admin;
mod billing;
mod client;
mod error;
mod intent;
pub mod js_value;
pub mod json;

pub use client::{ChangeGuard, HttpClient};
pub use error::ApiError;
pub use intent::{fingerprint, new_idempotency_key, IntentKey};

use contract::directory::DirectoryMatch;
use contract::licenses::{
    AssignRequest, AssignResponse, Assignment, CancelRequest, CancellationReason, CancellationTerms, QuantityChange,
    QuantityQuote, UnassignRequest,
};
use contract::me::Me;
use contract::subscriptions::{Subscription, SubscriptionQuery};
use contract::{paths, Page, PersonId, SubscriptionId};
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
        self.http.set_session(me.id.clone(), me.csrf_token.clone());
        Ok(me)
    }

    /// Signs out: ends this browser's session. Without a session (it ended, or another tab signed out) it is done
    /// already.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        match self.http.send::<(), ()>(Method::DELETE, paths::SESSION, None, None).await {
            Ok(()) | Err(ApiError::Unauthorized) => Ok(()),
            Err(error) => Err(error),
        }
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

    /// One page of the people with a license on the subscription, those matching `q` when it is not blank, in the
    /// name order of the language `lang`.
    pub async fn assignments(
        &self,
        id: &SubscriptionId,
        q: &str,
        page: u32,
        page_size: u32,
        lang: &str,
    ) -> Result<Page<Assignment>, ApiError> {
        let query = paths::query([
            ("q", Some(q.trim().to_owned()).filter(|q| !q.is_empty())),
            ("page", Some(page.to_string())),
            ("page_size", Some(page_size.to_string())),
        ]);
        self.http.get_in(&format!("{}{query}", paths::assignments(id)), lang).await
    }

    /// People of the organization whose name or e-mail starts with the words of `q`, marked when they already
    /// have a license on `subscription`, in the name order of the language `lang`. Dropping the future aborts the
    /// request.
    pub async fn search_people(
        &self,
        q: &str,
        subscription: &SubscriptionId,
        lang: &str,
    ) -> Result<Vec<DirectoryMatch>, ApiError> {
        let query = paths::query([("q", Some(q.to_owned())), ("subscription_id", Some(subscription.0.clone()))]);
        self.http.get_in(&format!("{}{query}", paths::DIRECTORY_PEOPLE), lang).await
    }

    /// Gives licenses to up to 20 people; one result per person.
    pub async fn assign(
        &self,
        id: &SubscriptionId,
        people: Vec<PersonId>,
        guard: &ChangeGuard,
    ) -> Result<AssignResponse, ApiError> {
        let body = AssignRequest { person_ids: people };
        self.http.send(Method::POST, &paths::assignments(id), Some(guard), Some(&body)).await
    }

    /// Removes the licenses of these people.
    pub async fn unassign(&self, id: &SubscriptionId, people: Vec<PersonId>) -> Result<Subscription, ApiError> {
        let body = UnassignRequest { person_ids: people };
        self.http.send(Method::POST, &paths::assignments_remove(id), None, Some(&body)).await
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
