use leptos::prelude::*;
use leptos_router::components::A;

/// The part of a gallery address a section's title or a state's caption makes: its letters and digits in lower
/// case, each run of anything else one `-` ("closed (press it)" → `closed-press-it`).
fn slug(text: &str) -> String {
    let words = text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty());
    words.map(str::to_ascii_lowercase).collect::<Vec<_>>().join("-")
}

/// The section a [`GalleryState`] is in: its title's slug.
#[derive(Clone)]
struct SectionSlug(String);

/// One section of the gallery: a component's name and its states side by side.
#[component]
pub fn GallerySection(
    /// The section's heading (component names are not translated).
    title: &'static str,
    /// The states.
    children: Children,
) -> impl IntoView {
    let section = slug(title);
    let id = format!("gallery-{section}");
    provide_context(SectionSlug(section));
    view! {
        <section class="gallery-section" aria-labelledby=id.clone()>
            <h2 id=id.clone()>{title}</h2>
            <div class="gallery-states">{children()}</div>
        </section>
    }
}

/// One state of a component, captioned with a link to its own address, `/gallery/<section>/<state>`
/// (`/gallery/combobox/with-results`): the link is marked there (`aria-current`, and the state outlined), and the
/// gallery scrolls to the state with that id (`gallery/combobox/with-results`) when it opens at the address.
#[component]
pub fn GalleryState(
    /// What state this is ("empty", "with errors" …).
    caption: &'static str,
    /// The component in that state.
    children: Children,
) -> impl IntoView {
    let SectionSlug(section) = expect_context();
    // Relative, as links' addresses are: under the page's base (see `routing::base_path`).
    let address = format!("gallery/{section}/{}", slug(caption));
    let id = address.clone();
    view! {
        <figure class="gallery-state" id=id>
            <figcaption><A href=address exact=true scroll=false>{caption}</A></figcaption>
            <div class="gallery-sample">{children()}</div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn titles_and_captions_make_address_segments() {
        assert_eq!(slug("with results"), "with-results");
        assert_eq!(slug("closed (press it)"), "closed-press-it");
        assert_eq!(slug("a card form after Add, everything missing"), "a-card-form-after-add-everything-missing");
        assert_eq!(slug("Money and dates"), "money-and-dates");
    }
}
