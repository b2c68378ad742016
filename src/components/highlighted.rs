use super::email_address::with_breaks;
use contract::text::matched_ranges;
use leptos::prelude::*;

/// `text` with the parts a search for `query` matched marked (`ostr` marks *Östr* in *Åsa Öström*).
#[component]
pub fn Highlighted(
    /// The text shown.
    text: String,
    /// What was searched for.
    query: String,
    /// Whether the text is an e-mail address, which breaks only after its `@` or a dot (see
    /// [`super::EmailAddress`]).
    #[prop(optional)]
    email: bool,
) -> impl IntoView {
    let piece = |piece: &str| if email { with_breaks(piece).into_any() } else { piece.to_owned().into_any() };
    let mut parts = Vec::new();
    let mut at = 0;
    for range in matched_ranges(&text, &query) {
        if range.start > at {
            parts.push(piece(&text[at..range.start]));
        }
        parts.push(view! { <mark>{piece(&text[range.clone()])}</mark> }.into_any());
        at = range.end;
    }
    if at < text.len() {
        parts.push(piece(&text[at..]));
    }
    parts
}
