//! Search terms: the folded words a person is found by, and the words of a query.
//!
//! A person's terms are every word of the name as typed (`anna-karin`, `o'brien`), the parts of those words
//! (`anna`, `karin`), the parts of the e-mail's local part (`asa`, `ostrom`) and the whole e-mail
//! (`asa.ostrom@contoso.se`, so an address prefix finds it). A Han-script name also yields its given name (the name
//! without its first character, the family name), so `芳` finds 王芳. Every query word must be a prefix of one of the
//! person's terms.

use contract::text::{fold, search_terms};

/// The most query words taken into account.
pub const MAX_QUERY_WORDS: usize = 5;

fn trim_edges(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | ',' | ';' | ':' | '"' | '!' | '?'))
}

fn is_han_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| ('\u{3400}'..='\u{9FFF}').contains(&c))
}

/// The terms a person is found by, without duplicates.
pub fn person_terms(display_name: &str, email: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut push = |term: &str| {
        if !term.is_empty() && !terms.iter().any(|t| t == term) {
            terms.push(term.to_owned());
        }
    };
    for word in fold(display_name).split_whitespace().map(trim_edges) {
        push(word);
        for part in search_terms(word) {
            push(trim_edges(&part));
        }
        if is_han_word(word) {
            let given: String = word.chars().skip(1).collect();
            push(&given);
        }
    }
    let email = fold(email.trim());
    push(&email);
    let local = email.split('@').next().unwrap_or_default();
    for part in search_terms(local) {
        push(&part);
    }
    terms
}

/// The words of a query (folded, at most [`MAX_QUERY_WORDS`]); empty for a blank query.
pub fn query_words(q: &str) -> Vec<String> {
    fold(q)
        .split_whitespace()
        .map(trim_edges)
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .map(str::to_owned)
        .collect()
}

/// The exclusive upper bound of a prefix range: every term starting with `prefix` sorts below it.
pub fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_cover_name_parts_email_and_given_han_name() {
        let terms = person_terms("Anna-Karin Öberg", "anna-karin.oberg@contoso.se");
        for t in ["anna-karin", "anna", "karin", "oberg", "anna-karin.oberg@contoso.se"] {
            assert!(terms.contains(&t.to_owned()), "{t} missing from {terms:?}");
        }
        assert!(!terms.contains(&"contoso".to_owned()), "the domain alone would match everyone");
        let han = person_terms("王芳", "wang.fang@contoso.com");
        for t in ["王芳", "芳", "wang", "fang"] {
            assert!(han.contains(&t.to_owned()), "{t} missing from {han:?}");
        }
    }

    #[test]
    fn query_words_are_folded_and_trimmed() {
        assert_eq!(query_words("  Öström, ÅSA "), ["ostrom", "asa"]);
        assert!(query_words(" \t ").is_empty());
        assert_eq!(query_words("a b c d e f g").len(), MAX_QUERY_WORDS);
    }
}
