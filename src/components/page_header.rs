use super::DocumentTitle;
use leptos::prelude::*;

/// A page's heading (its one `h1`, also the browser tab's title) and introduction.
#[component]
pub fn PageHeader(
    /// The page title.
    #[prop(into)]
    title: Signal<String>,
    /// A sentence under the title.
    #[prop(into, optional)]
    intro: MaybeProp<String>,
) -> impl IntoView {
    view! {
        <DocumentTitle title />
        <header class="page-header">
            <h1>{title}</h1>
            {move || intro.get().map(|intro| view! { <p class="intro">{intro}</p> })}
        </header>
    }
}
