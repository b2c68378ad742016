use leptos::prelude::*;

/// Where the outside texts go in a translated sentence given to [`IsolatingText`]: pass `SLOTS[i]` for the i-th
/// text to the translation (characters of Unicode's private use area, which no translation contains).
pub const SLOTS: [char; 3] = ['\u{E000}', '\u{E001}', '\u{E002}'];

/// A translated sentence with texts from outside in it (people's, products' and profiles' names), each in a `<bdi>`:
/// a name's own direction (Arabic, Hebrew) or a stray override character (`U+202E`) then turns only the name, never
/// the words around it. The sentence reads exactly as the translation with the texts put in (no characters added).
#[component]
pub fn IsolatingText(
    /// The translation, with [`SLOTS`] where the texts go.
    sentence: String,
    /// The outside texts, `SLOTS[i]` standing for `texts[i]`.
    texts: Vec<String>,
) -> impl IntoView {
    debug_assert!(texts.len() <= SLOTS.len(), "more texts than slots");
    parts(&sentence)
        .into_iter()
        .map(|part| match part {
            Part::Words(words) => words.into_any(),
            Part::Text(i) => view! { <bdi>{texts.get(i).cloned().unwrap_or_default()}</bdi> }.into_any(),
        })
        .collect_view()
}

/// A piece of a sentence: its own words, or where outside text `i` goes.
#[derive(Debug, PartialEq, Eq)]
enum Part {
    Words(String),
    Text(usize),
}

fn parts(sentence: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut words = String::new();
    for c in sentence.chars() {
        match SLOTS.iter().position(|&slot| slot == c) {
            Some(i) => {
                if !words.is_empty() {
                    parts.push(Part::Words(std::mem::take(&mut words)));
                }
                parts.push(Part::Text(i));
            }
            None => words.push(c),
        }
    }
    if !words.is_empty() {
        parts.push(Part::Words(words));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_is_cut_where_the_texts_go_in_any_order() {
        let sentence = format!("{} no longer has a license for {}.", SLOTS[1], SLOTS[0]);
        assert_eq!(
            parts(&sentence),
            [
                Part::Text(1),
                Part::Words(" no longer has a license for ".into()),
                Part::Text(0),
                Part::Words(".".into())
            ]
        );
        assert_eq!(parts("Dismiss"), [Part::Words("Dismiss".into())]);
        assert_eq!(parts(""), []);
    }

    #[test]
    fn no_translation_contains_a_slot() {
        for (locale, text) in [
            ("en", include_str!("../../locales/en.json")),
            ("sv", include_str!("../../locales/sv.json")),
            ("de", include_str!("../../locales/de.json")),
            ("zh-Hans", include_str!("../../locales/zh-Hans.json")),
            ("en-XA", include_str!("../../locales/en-XA.json")),
        ] {
            assert!(!text.contains(SLOTS), "{locale}.json contains a character of SLOTS");
        }
    }
}
