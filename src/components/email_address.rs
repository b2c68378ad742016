use leptos::prelude::*;

/// An e-mail address that breaks, when it is wider than its box, only after its `@` or a dot: a `<wbr>` follows
/// each of them (the text itself is unchanged, so it reads and copies as the address it is).
#[component]
pub fn EmailAddress(
    /// The address.
    address: String,
) -> impl IntoView {
    with_breaks(&address)
}

/// `text` with a `<wbr>` after each `@` and `.`.
pub fn with_breaks(text: &str) -> Vec<AnyView> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['@', '.']) {
        parts.push(rest[..=at].to_owned().into_any());
        parts.push(view! { <wbr /> }.into_any());
        rest = &rest[at + 1..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_owned().into_any());
    }
    parts
}
