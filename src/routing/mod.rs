//! Which page the address shows. leptos_router keeps the address (history, links, the query string); the pages are
//! chosen here, by matching the path's segments into a [`Route`]: leptos_router's `<Routes>` cost the first
//! download 27 KB (brotli) for what a `match` does.
//!
//! Three views follow the route, each made again only when its part changes: [`RoutedPage`] the page,
//! [`BillingSection`] the section inside the Bills & payments frame, and [`RoutePane`] the pane over a page. A page
//! follows its id (and a pane its action) itself, through [`use_route`], as it did with route parameters.

mod base_path;
mod billing_section;
mod route_pane;
mod routed_page;

pub use base_path::{app_path, base_path};
pub use billing_section::BillingSection;
pub use route_pane::RoutePane;
pub use routed_page::RoutedPage;

use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider};

/// A page of the app, with what its path says: the segments of `/products/:id/:action` and the others below.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`, which goes to the products.
    Home,
    /// `/products`.
    Products,
    /// `/products/:id`, and an action's pane at `/products/:id/:action`.
    Product { id: String, action: Option<String> },
    /// `/licenses`.
    Licenses,
    /// `/licenses/:id`, and the assign pane at `/licenses/:id/assign`.
    SubscriptionLicenses { id: String, assigning: bool },
    /// `/billing`, which goes to the invoices.
    BillingHome,
    /// `/billing/invoices`.
    Invoices,
    /// `/billing/invoices/:id`.
    Invoice { id: String },
    /// `/billing/payment-methods`, and a pane: `/add`, a card's `/:id`, its `/:id/edit`.
    PaymentMethods { pane: Option<CardPane> },
    /// `/billing/profiles`.
    BillingProfiles,
    /// `/billing/profiles/:id`, and a pane: `/edit-payment-method` or `/replace-payment-method`.
    BillingProfile { id: String, pane: Option<Pane> },
    /// `/admin/self-service`.
    Purchases,
    /// `/admin/self-service/:id`.
    Purchase { id: String },
    /// `/help`.
    Help,
    /// `/signed-out`, where *Sign out* leads.
    SignedOut,
    /// `/gallery`, a state of it at `/gallery/:section/:state` (which the gallery reads itself), and its sample
    /// pane at `/gallery/pane`.
    Gallery { pane: bool },
    /// Any other path.
    NotFound,
}

/// The pane of Payment methods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardPane {
    /// *Add a payment method*.
    Add,
    /// A card, and whether its form is open.
    Card { id: String, editing: bool },
}

/// The page a route shows: what [`RoutedPage`] makes a view of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Products,
    Product,
    Licenses,
    SubscriptionLicenses,
    /// Every section of Bills & payments, in one frame.
    Billing,
    Purchases,
    Purchase,
    Help,
    SignedOut,
    Gallery,
    NotFound,
}

/// A section of Bills & payments: what [`BillingSection`] makes a view of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillingPage {
    Home,
    Invoices,
    Invoice,
    PaymentMethods,
    BillingProfiles,
    BillingProfile,
}

/// A pane over a page: what [`RoutePane`] makes a view of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// A product action's (`/products/:id/:action`).
    ProductAction,
    /// *Assign licenses*.
    Assign,
    /// *Add a payment method*.
    AddCard,
    /// A card's, with *Edit*.
    Card,
    /// A billing profile's *Edit* of its card.
    EditProfileCard,
    /// A billing profile's *Replace* of its card.
    ReplaceProfileCard,
    /// The gallery's sample pane.
    GallerySample,
}

impl Route {
    /// The route of `path` (the address without its query string); its segments are percent-decoded, and empty
    /// ones (a trailing `/`) ignored.
    pub fn parse(path: &str) -> Self {
        let decoded: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(contract::paths::decode).collect();
        let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
        let id = |id: &&str| (*id).to_owned();
        match segments.as_slice() {
            [] => Self::Home,
            ["products"] => Self::Products,
            ["products", product] => Self::Product { id: id(product), action: None },
            ["products", product, action] => Self::Product { id: id(product), action: Some(id(action)) },
            ["licenses"] => Self::Licenses,
            ["licenses", subscription] => Self::SubscriptionLicenses { id: id(subscription), assigning: false },
            ["licenses", subscription, "assign"] => {
                Self::SubscriptionLicenses { id: id(subscription), assigning: true }
            }
            ["billing"] => Self::BillingHome,
            ["billing", "invoices"] => Self::Invoices,
            ["billing", "invoices", invoice] => Self::Invoice { id: id(invoice) },
            ["billing", "payment-methods"] => Self::PaymentMethods { pane: None },
            ["billing", "payment-methods", "add"] => Self::PaymentMethods { pane: Some(CardPane::Add) },
            ["billing", "payment-methods", card] => {
                Self::PaymentMethods { pane: Some(CardPane::Card { id: id(card), editing: false }) }
            }
            ["billing", "payment-methods", card, "edit"] => {
                Self::PaymentMethods { pane: Some(CardPane::Card { id: id(card), editing: true }) }
            }
            ["billing", "profiles"] => Self::BillingProfiles,
            ["billing", "profiles", profile] => Self::BillingProfile { id: id(profile), pane: None },
            ["billing", "profiles", profile, "edit-payment-method"] => {
                Self::BillingProfile { id: id(profile), pane: Some(Pane::EditProfileCard) }
            }
            ["billing", "profiles", profile, "replace-payment-method"] => {
                Self::BillingProfile { id: id(profile), pane: Some(Pane::ReplaceProfileCard) }
            }
            ["admin", "self-service"] => Self::Purchases,
            ["admin", "self-service", purchase] => Self::Purchase { id: id(purchase) },
            ["help"] => Self::Help,
            ["signed-out"] => Self::SignedOut,
            ["gallery"] => Self::Gallery { pane: false },
            ["gallery", "pane"] => Self::Gallery { pane: true },
            ["gallery", _, _] => Self::Gallery { pane: false },
            _ => Self::NotFound,
        }
    }

    /// The page this route shows.
    pub fn page(&self) -> Page {
        match self {
            Self::Home => Page::Home,
            Self::Products => Page::Products,
            Self::Product { .. } => Page::Product,
            Self::Licenses => Page::Licenses,
            Self::SubscriptionLicenses { .. } => Page::SubscriptionLicenses,
            Self::BillingHome
            | Self::Invoices
            | Self::Invoice { .. }
            | Self::PaymentMethods { .. }
            | Self::BillingProfiles
            | Self::BillingProfile { .. } => Page::Billing,
            Self::Purchases => Page::Purchases,
            Self::Purchase { .. } => Page::Purchase,
            Self::Help => Page::Help,
            Self::SignedOut => Page::SignedOut,
            Self::Gallery { .. } => Page::Gallery,
            Self::NotFound => Page::NotFound,
        }
    }

    /// The section of Bills & payments this route shows, if it is one.
    pub fn billing_page(&self) -> Option<BillingPage> {
        match self {
            Self::BillingHome => Some(BillingPage::Home),
            Self::Invoices => Some(BillingPage::Invoices),
            Self::Invoice { .. } => Some(BillingPage::Invoice),
            Self::PaymentMethods { .. } => Some(BillingPage::PaymentMethods),
            Self::BillingProfiles => Some(BillingPage::BillingProfiles),
            Self::BillingProfile { .. } => Some(BillingPage::BillingProfile),
            _ => None,
        }
    }

    /// The pane open over the page, if any.
    pub fn pane(&self) -> Option<Pane> {
        match self {
            Self::Product { action: Some(_), .. } => Some(Pane::ProductAction),
            Self::SubscriptionLicenses { assigning: true, .. } => Some(Pane::Assign),
            Self::PaymentMethods { pane: Some(CardPane::Add) } => Some(Pane::AddCard),
            Self::PaymentMethods { pane: Some(CardPane::Card { .. }) } => Some(Pane::Card),
            Self::BillingProfile { pane, .. } => *pane,
            Self::Gallery { pane: true } => Some(Pane::GallerySample),
            _ => None,
        }
    }

    /// The route with its pane closed: the page beneath the pane (the route itself when no pane is open).
    pub fn without_pane(&self) -> Self {
        match self.clone() {
            Self::Product { id, .. } => Self::Product { id, action: None },
            Self::SubscriptionLicenses { id, .. } => Self::SubscriptionLicenses { id, assigning: false },
            Self::PaymentMethods { .. } => Self::PaymentMethods { pane: None },
            Self::BillingProfile { id, .. } => Self::BillingProfile { id, pane: None },
            Self::Gallery { .. } => Self::Gallery { pane: false },
            route => route,
        }
    }

    /// The id in the path (a subscription's, an invoice's, a card's, a billing profile's), or empty.
    pub fn id(&self) -> &str {
        match self {
            Self::Product { id, .. }
            | Self::SubscriptionLicenses { id, .. }
            | Self::Invoice { id }
            | Self::PaymentMethods { pane: Some(CardPane::Card { id, .. }) }
            | Self::BillingProfile { id, .. }
            | Self::Purchase { id } => id,
            _ => "",
        }
    }

    /// The product action's slug in `/products/:id/:action`, if any.
    pub fn action(&self) -> Option<&str> {
        match self {
            Self::Product { action, .. } => action.as_deref(),
            _ => None,
        }
    }
}

/// Makes the route of the address available below (see [`use_route`]).
pub fn provide_route() {
    let path = leptos_router::hooks::use_location().pathname;
    // The router puts a new path in the address bar (and the history) once the routes say its page is there, as
    // leptos_router's `<Routes>` do; here the route follows the path as soon as it changes.
    if let Some(browser) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            path.track();
            browser.ready_to_complete();
        });
    }
    provide_context(Memo::new(move |_| path.with(|path| Route::parse(app_path(path)))));
}

/// The route of the address, provided by [`provide_route`]; below a page, a section or a pane, the route as long
/// as it shows that one (see [`provide_route_while`]).
pub fn use_route() -> Memo<Route> {
    expect_context::<Memo<Route>>()
}

/// The view of what `key` picks from the route (a page, a section, a pane), made again only when that changes.
/// Below it, the route is the current one while the key is the same, and the last such route afterwards: a view
/// on its way out never sees the route of what replaces it, so it does not react to it (a pane closed by the
/// address going to a list must not go anywhere itself), as the parameters of a matched route behave in
/// leptos_router. The view is made untracked: it follows the route itself.
fn keyed_view<K, V>(key: fn(&Route) -> K, view: fn(K) -> V) -> impl Fn() -> V + Send + Sync + 'static
where
    K: Copy + PartialEq + Send + Sync + 'static,
    V: 'static,
{
    let route = use_route();
    let shown = Memo::new(move |_| route.with(key));
    move || {
        let shown = shown.get();
        provide_context(Memo::new(move |previous: Option<&Route>| {
            let current = route.get();
            match previous {
                Some(previous) if key(&current) != shown => previous.clone(),
                _ => current,
            }
        }));
        untrack(|| view(shown))
    }
}

/// The id in the address's path (see [`Route::id`]), followed as it changes.
pub fn use_route_id() -> Memo<String> {
    let route = use_route();
    Memo::new(move |_| route.with(|route| route.id().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_of_the_app_has_its_route() {
        let cases = [
            ("/", Route::Home),
            ("/products", Route::Products),
            ("/products/", Route::Products),
            ("/products/s1", Route::Product { id: "s1".into(), action: None }),
            ("/products/s1/buy", Route::Product { id: "s1".into(), action: Some("buy".into()) }),
            ("/licenses", Route::Licenses),
            ("/licenses/s1", Route::SubscriptionLicenses { id: "s1".into(), assigning: false }),
            ("/licenses/s1/assign", Route::SubscriptionLicenses { id: "s1".into(), assigning: true }),
            ("/billing", Route::BillingHome),
            ("/billing/invoices", Route::Invoices),
            ("/billing/invoices/inv-7", Route::Invoice { id: "inv-7".into() }),
            ("/billing/payment-methods", Route::PaymentMethods { pane: None }),
            ("/billing/payment-methods/add", Route::PaymentMethods { pane: Some(CardPane::Add) }),
            (
                "/billing/payment-methods/pm-1",
                Route::PaymentMethods { pane: Some(CardPane::Card { id: "pm-1".into(), editing: false }) },
            ),
            (
                "/billing/payment-methods/pm-1/edit",
                Route::PaymentMethods { pane: Some(CardPane::Card { id: "pm-1".into(), editing: true }) },
            ),
            ("/billing/profiles", Route::BillingProfiles),
            ("/billing/profiles/bp-1", Route::BillingProfile { id: "bp-1".into(), pane: None }),
            (
                "/billing/profiles/bp-1/edit-payment-method",
                Route::BillingProfile { id: "bp-1".into(), pane: Some(Pane::EditProfileCard) },
            ),
            (
                "/billing/profiles/bp-1/replace-payment-method",
                Route::BillingProfile { id: "bp-1".into(), pane: Some(Pane::ReplaceProfileCard) },
            ),
            ("/admin/self-service", Route::Purchases),
            ("/admin/self-service/s1", Route::Purchase { id: "s1".into() }),
            ("/help", Route::Help),
            ("/signed-out", Route::SignedOut),
            ("/gallery", Route::Gallery { pane: false }),
            ("/gallery/pane", Route::Gallery { pane: true }),
            ("/gallery/combobox/with-results", Route::Gallery { pane: false }),
        ];
        for (path, route) in cases {
            assert_eq!(Route::parse(path), route, "{path}");
        }
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in ["/nope", "/products/s1/buy/more", "/licenses/s1/other", "/billing/nope", "/admin", "/help/x"] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn ids_are_decoded_and_panes_and_pages_follow_the_route() {
        let route = Route::parse("/products/a%20b%2Fc/cancel");
        assert_eq!((route.id(), route.action()), ("a b/c", Some("cancel")));
        assert_eq!((route.page(), route.pane()), (Page::Product, Some(Pane::ProductAction)));
        let card = Route::parse("/billing/payment-methods/pm-1/edit");
        assert_eq!(
            (card.id(), card.page(), card.billing_page()),
            ("pm-1", Page::Billing, Some(BillingPage::PaymentMethods))
        );
        assert_eq!(card.pane(), Some(Pane::Card));
        assert_eq!(Route::parse("/products").pane(), None);
    }

    #[test]
    fn a_pane_is_closed_onto_the_page_beneath_it() {
        let page = |path: &str| Route::parse(path).without_pane();
        for (pane, beneath) in [
            ("/products/a/buy", "/products/a"),
            ("/licenses/a/assign", "/licenses/a"),
            ("/billing/payment-methods/pm-1/edit", "/billing/payment-methods"),
            ("/billing/payment-methods/add", "/billing/payment-methods"),
            ("/billing/profiles/bp/replace-payment-method", "/billing/profiles/bp"),
            ("/gallery/pane", "/gallery"),
            ("/products", "/products"),
        ] {
            assert_eq!(page(pane), Route::parse(beneath), "{pane}");
        }
        for (one, other) in [
            ("/products", "/licenses"),
            ("/products/a", "/products/b"),
            ("/products", "/products/a"),
            ("/billing/profiles", "/billing/profiles/bp"),
            ("/billing/invoices", "/billing/invoices/inv-1"),
        ] {
            assert_ne!(page(one), page(other), "{one} and {other}");
        }
        assert_eq!(Route::parse("/products").billing_page(), None);
    }
}
