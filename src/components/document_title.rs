use crate::i18n::*;
use leptos::prelude::*;

/// Sets the browser tab's title to "<page> – <portal>" while the page is shown, or the portal's name alone when the
/// page has the same name (the administrators' *Self-service purchases*). Renders nothing.
#[component]
pub fn DocumentTitle(
    /// The page's own title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let (page, portal) = (title.get(), t_string!(i18n, app.title).to_string());
        document().set_title(&if page == portal { portal } else { format!("{page} – {portal}") });
    });
}
