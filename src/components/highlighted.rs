use contract::text::matched_ranges;
use leptos::prelude::*;

/// `text` with the parts a search for `query` matched marked (`ostr` marks *Östr* in *Åsa Öström*).
#[component]
pub fn Highlighted(
    /// The text shown.
    text: String,
    /// What was searched for.
    query: String,
) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in matched_ranges(&text, &query) {
        if range.start > at {
            parts.push(text[at..range.start].to_owned().into_any());
        }
        parts.push(view! { <mark>{text[range.clone()].to_owned()}</mark> }.into_any());
        at = range.end;
    }
    if at < text.len() {
        parts.push(text[at..].to_owned().into_any());
    }
    parts
}
