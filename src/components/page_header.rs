use leptos::prelude::*;

/// A page's heading and introduction. The heading takes focus-free `h1`; one per page.
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
        <header class="page-header">
            <h1>{title}</h1>
            {move || intro.get().map(|intro| view! { <p class="intro">{intro}</p> })}
        </header>
    }
}
