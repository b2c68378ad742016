//! The administrator's read-only view of self-service purchases. Every call here is a `GET`.

use super::{Api, ApiError};
use contract::admin::{PurchaseDetail, PurchaseQuery, SelfServicePurchase};
use contract::licenses::Assignment;
use contract::{paths, Page, SubscriptionId};

/// The query string of the table's filters: with the page for the table, with the language instead for exports.
fn filters(query: &PurchaseQuery, with_page: bool, lang: Option<&str>) -> String {
    paths::query([
        ("product", query.product.clone().filter(|t| !t.trim().is_empty())),
        ("purchaser", query.purchaser.clone().filter(|t| !t.trim().is_empty())),
        ("status", query.status.map(|s| s.as_str().to_owned())),
        ("page", query.page.filter(|p| with_page && *p > 1).map(|p| p.to_string())),
        ("lang", lang.map(str::to_owned)),
    ])
}

impl Api {
    /// One page of the organization's self-service purchases matching the filters, in the name order of `lang`.
    pub async fn admin_purchases(
        &self,
        query: &PurchaseQuery,
        lang: &str,
    ) -> Result<Page<SelfServicePurchase>, ApiError> {
        self.http.get_in(&format!("{}{}", paths::ADMIN_PURCHASES, filters(query, true, None)), lang).await
    }

    /// One purchase with its order history.
    pub async fn admin_purchase(&self, id: &SubscriptionId) -> Result<PurchaseDetail, ApiError> {
        self.http.get(&paths::admin_purchase(id)).await
    }

    /// One page of a purchase's assigned people, in the name order of `lang`.
    pub async fn admin_assignments(
        &self,
        id: &SubscriptionId,
        page: u32,
        lang: &str,
    ) -> Result<Page<Assignment>, ApiError> {
        let query = paths::query([("page", (page > 1).then(|| page.to_string()))]);
        self.http.get_in(&format!("{}{query}", paths::admin_purchase_assignments(id)), lang).await
    }

    /// Where the whole (filtered) table is downloaded as CSV for a spreadsheet in the language `lang`.
    pub fn admin_export_url(&self, query: &PurchaseQuery, lang: &str) -> String {
        self.http.url(&format!("{}{}", paths::ADMIN_PURCHASES_EXPORT, filters(query, false, Some(lang))))
    }

    /// Where a purchase's assigned people are downloaded as CSV for a spreadsheet in the language `lang`.
    pub fn admin_assignments_export_url(&self, id: &SubscriptionId, lang: &str) -> String {
        let query = paths::query([("lang", Some(lang.to_owned()))]);
        self.http.url(&format!("{}{query}", paths::admin_purchase_assignments_export(id)))
    }
}
