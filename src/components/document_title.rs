use crate::i18n::*;
use leptos::prelude::*;

/// Sets the browser tab's title to "<page> – <portal>" while the page is shown. Renders nothing.
#[component]
pub fn DocumentTitle(
    /// The page's own title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} – {}", title.get(), t_string!(i18n, app.title)));
    });
}
