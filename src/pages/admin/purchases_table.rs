use crate::components::{EmailAddress, StatusBadge};
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use contract::admin::SelfServicePurchase;
use leptos::prelude::*;

/// The purchases: product (leading to its read-only page), purchaser, licenses, renewal or expiry, purchase price
/// and status.
#[component]
pub fn PurchasesTable(
    /// The purchases of this page.
    purchases: Vec<SelfServicePurchase>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = purchases
        .into_iter()
        .map(|p| {
            let href = format!("admin/self-service/{}", contract::paths::encode(&p.id.0));
            let (assigned, total) = (p.assigned_licenses, p.total_licenses);
            let licenses = move || t_string!(i18n, products.licenses_of, assigned, total).to_string();
            let (date, renews) = (p.renews_or_expires_on, p.auto_renew);
            let ends = move || labels::renewal_on(i18n, date, renews);
            let (price, frequency) = (p.purchase_price.clone(), p.billing_frequency);
            let price = move || labels::per_period(i18n, &format::money(locale_code(i18n), &price), frequency);
            view! {
                <tr>
                    <th scope="row"><a href=href>{p.product.name}</a></th>
                    <td>
                        <span class="person-name">{p.purchaser.display_name}</span>
                        <span class="person-email"><EmailAddress address=p.purchaser.email /></span>
                    </td>
                    <td>{licenses}</td>
                    <td class="date">{ends}</td>
                    <td class="number">{price}</td>
                    <td><StatusBadge status=p.status /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, admin.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, admin.col_product)}</th>
                        <th scope="col">{t!(i18n, admin.col_purchaser)}</th>
                        <th scope="col">{t!(i18n, admin.col_licenses)}</th>
                        <th scope="col">{t!(i18n, admin.col_ends)}</th>
                        <th scope="col" class="number">{t!(i18n, admin.col_price)}</th>
                        <th scope="col">{t!(i18n, admin.col_status)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
