use leptos::prelude::*;

/// One section of the gallery: a component's name and its states side by side.
#[component]
pub fn GallerySection(
    /// The section's heading (component names are not translated).
    title: &'static str,
    /// The states.
    children: Children,
) -> impl IntoView {
    let id = format!("gallery-{}", title.to_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    view! {
        <section class="gallery-section" aria-labelledby=id.clone()>
            <h2 id=id.clone()>{title}</h2>
            <div class="gallery-states">{children()}</div>
        </section>
    }
}

/// One state of a component, captioned.
#[component]
pub fn GalleryState(
    /// What state this is ("empty", "with errors" …).
    caption: &'static str,
    /// The component in that state.
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="gallery-state">
            <figcaption>{caption}</figcaption>
            <div class="gallery-sample">{children()}</div>
        </figure>
    }
}
