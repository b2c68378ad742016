//! The pages each route shows, grouped in areas of the app that load on first use.
//!
//! With the `split` feature (the deployable build of `cargo xtask dist`) each page's loader is a split point of its
//! area (subscriptions: a product's page and panes and the licenses pages; billing; confirmation; extras: the
//! administrator's pages, help and the component gallery): an area's code is a wasm module of its own, fetched the
//! first time one of its pages is shown, so the first download holds the shell and the products list rather than
//! the whole app. The areas are few on purpose: code that several areas share goes in a module of its own for each
//! set of areas sharing it, and a page waits for every one of its area's (seven areas made 34 such modules, and
//! Invoices waited for 25 of them, each a request started in one task; four make 10, and a page waits for 7).
//! Without the feature (`trunk serve`, the wasm tests) they are plain functions in one wasm module:
//! nothing needs post-processing there. The products list (where the app opens) and the not-found page stay in the
//! main module, and so do the frames of the Licenses and Bills & payments pages (their headings, the billing tabs),
//! which show at once while their area's module loads. When the app opens on an area's page, its module is asked
//! for only once the frame has been painted (`first_paint`), so the two downloads do not share the connection
//! before the page's first paint. An area that cannot be downloaded (offline, a dropped connection) is explained
//! with *Try again*.

use crate::api::ApiError;
use crate::components::{ConfirmationMessage, ErrorView};
use crate::pages::admin::{PurchasePage, PurchasesPage};
use crate::pages::billing::{
    AddPaymentMethodPane, BillingProfilePage, BillingProfilesPage, InvoicePage, InvoicesPage, MethodChange,
    PaymentMethodPane, PaymentMethodsPage, ProfileMethodPane,
};
use crate::pages::gallery::{GalleryPage, GalleryPane};
use crate::pages::licenses::{AssignPane, LicensesPage, SubscriptionLicensesPage};
use crate::pages::products::{ActionPane, ProductPage};
use crate::pages::{HelpPage, SignedOutPage};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// What a page's loader gives: its view, or why its area's module could not be had.
type Loaded = Result<AnyView, SplitLoaderError>;

/// A page's loader: with `split`, the download of its area's module (when not yet there), then the page.
#[cfg(feature = "split")]
type Loader = fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Loaded> + Send>>;
#[cfg(not(feature = "split"))]
type Loader = fn() -> Loaded;

/// Declares each page's loader (with `split`, a split point of the named area's module) and its route view.
macro_rules! areas {
    ($($area:ident: $name:ident => $view:expr;)*) => {
        mod loaders {
            use super::*;
            $(
                #[cfg_attr(
                    feature = "split",
                    leptos::wasm_split::wasm_split($area, wasm_split_path = ::leptos::wasm_split, fallible)
                )]
                pub fn $name() -> Loaded {
                    Ok($view.into_any())
                }
            )*
        }
        $(
            /// The route view: the page, its area's module loaded first when it is not yet.
            pub fn $name() -> impl IntoView {
                #[cfg(feature = "split")]
                return area_page(|| Box::pin(loaders::$name()));
                #[cfg(not(feature = "split"))]
                return area_page(loaders::$name);
            }
        )*
    };
}

/// A page of an area, once its module is there, or why it cannot be shown with *Try again*. One function for
/// every page, so the first download carries its code once rather than once per page.
fn area_page(load: Loader) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    move || {
        attempt.track();
        #[cfg(feature = "split")]
        return Suspend::new(async move {
            crate::first_paint::first_paint().await;
            shown(load().await, attempt)
        })
        .into_any();
        #[cfg(not(feature = "split"))]
        return shown(load(), attempt);
    }
}

/// The page, or why it cannot be shown (its module did not download) with *Try again*.
fn shown(page: Loaded, attempt: RwSignal<u32>) -> AnyView {
    page.unwrap_or_else(|_| {
        let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
        view! { <ErrorView error=ApiError::Network on_retry=retry /> }.into_any()
    })
}

areas! {
    subscriptions: product => view! { <ProductPage /> };
    subscriptions: product_action => view! { <ActionPane /> };
    subscriptions: licenses => view! { <LicensesPage /> };
    subscriptions: subscription_licenses => view! { <SubscriptionLicensesPage /> };
    subscriptions: assign => view! { <AssignPane /> };
    billing: invoices => view! { <InvoicesPage /> };
    billing: invoice => view! { <InvoicePage /> };
    billing: payment_methods => view! { <PaymentMethodsPage /> };
    billing: add_payment_method => view! { <AddPaymentMethodPane /> };
    billing: payment_method => view! { <PaymentMethodPane /> };
    billing: billing_profiles => view! { <BillingProfilesPage /> };
    billing: billing_profile => view! { <BillingProfilePage /> };
    billing: edit_profile_method => view! { <ProfileMethodPane change=MethodChange::Edit /> };
    billing: replace_profile_method => view! { <ProfileMethodPane change=MethodChange::Replace /> };
    extras: purchases => view! { <PurchasesPage /> };
    extras: purchase => view! { <PurchasePage /> };
    extras: help => view! { <HelpPage /> };
    extras: signed_out => view! { <SignedOutPage /> };
    confirmation: confirmation => view! { <ConfirmationMessage /> };
    extras: gallery => view! { <GalleryPage /> };
    extras: gallery_pane => view! { <GalleryPane /> };
}
