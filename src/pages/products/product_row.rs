use super::product_menu::ProductMenu;
use crate::components::badge_class;
use crate::i18n::*;
use crate::labels::{self, price_text, renewal_text, I18n};
use contract::subscriptions::Subscription;
use leptos::prelude::*;

/// Which subscription a row of the products table shows, and in which language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowSubscription {
    /// The language of the moment: a new one changes every row's `RowSubscription`, so the rows rewrite their
    /// texts in it.
    pub locale: Locale,
    /// Where the subscription is in the list's `all`.
    pub index: usize,
}

/// One row of the products table. The table keeps its rows by place, so a keystroke in the search box rewrites the
/// texts of its rows, and hides or shows them, instead of building new ones. The texts are written in the language
/// of `shown` without following the language themselves (the table gives its rows a new language as it gives them
/// a new subscription: one subscription to the language for the whole table, where Leptos keeps a little memory
/// for every subscription a row leaves behind).
#[component]
pub fn ProductRow(
    /// Every subscription of the list.
    all: StoredValue<Vec<Subscription>>,
    /// The subscription the row shows now; `None` hides the row (the list is shorter than the table's rows).
    shown: Memo<Option<RowSubscription>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // A hidden row keeps its last texts: nothing to rewrite when it hides, nor when it shows the same again.
    let text = Memo::new(move |last: Option<&Option<RowText>>| match shown.get() {
        Some(RowSubscription { index, .. }) => {
            all.with_value(|all| untrack(|| all.get(index).map(|subscription| RowText::new(i18n, subscription))))
        }
        None => last.cloned().flatten(),
    });
    let subscription = Signal::derive(move || {
        let RowSubscription { index, .. } = shown.get()?;
        all.with_value(|all| all.get(index).cloned())
    });
    view! {
        <tr hidden=move || shown.with(Option::is_none)>
            <th scope="row">
                <a href=field(text, |t| &t.href)>{field(text, |t| &t.name)}</a>
                <span class="managed-by" hidden=move || text.with(|t| t.as_ref().is_none_or(|t| t.managed.is_empty()))>
                    {field(text, |t| &t.managed)}
                </span>
            </th>
            <td>{field(text, |t| &t.licenses)}</td>
            <td><span class=field(text, |t| &t.status_class)>{field(text, |t| &t.status)}</span></td>
            <td class="date">{field(text, |t| &t.renewal)}</td>
            <td class="number-inline">{field(text, |t| &t.price)}</td>
            <td class="row-actions">
                <ProductMenu label=Signal::derive(field(text, |t| &t.menu_label)) subscription from_list=true />
            </td>
        </tr>
    }
}

/// What a row says, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowText {
    href: String,
    name: String,
    licenses: String,
    status_class: String,
    status: String,
    renewal: String,
    price: String,
    /// Who manages it, when the person did not buy it themselves; empty otherwise.
    managed: String,
    menu_label: String,
}

impl RowText {
    fn new(i18n: I18n, subscription: &Subscription) -> Self {
        let name = subscription.product.name.clone();
        let (assigned, total) = (subscription.assigned_licenses, subscription.total_licenses);
        Self {
            href: format!("products/{}", contract::paths::encode(&subscription.id.0)),
            licenses: t_string!(i18n, products.licenses_of, assigned, total).to_string(),
            status_class: badge_class(subscription.status),
            status: labels::status(i18n, subscription.status),
            renewal: renewal_text(i18n, subscription),
            price: price_text(i18n, subscription),
            managed: labels::managed_by(i18n, subscription).unwrap_or_default(),
            menu_label: t_string!(i18n, products.more_actions, product = name.clone()).to_string(),
            name,
        }
    }
}

/// One of the row's texts, following the subscription the row shows.
fn field(text: Memo<Option<RowText>>, pick: fn(&RowText) -> &String) -> impl Fn() -> String + Copy + Send + Sync {
    move || text.with(|text| text.as_ref().map(pick).cloned().unwrap_or_default())
}
