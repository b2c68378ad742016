//! Names in the order of the reader's language, with ICU4X's collator (CLDR's rules): Swedish puts Å, Ä and Ö
//! after Z, German keeps Ä with A, Chinese sorts Han names by pinyin, everything else follows the root order
//! (English). The language is the request's `Accept-Language` (the app sends the page's).

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale::locale;
use std::cmp::Ordering;
use std::convert::Infallible;
use std::sync::OnceLock;

/// How a reader's language sorts names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Collation {
    /// The root order (English, German and every language without its own rules here).
    #[default]
    Root,
    /// Swedish: Å, Ä, Ö are letters of their own, after Z.
    Swedish,
    /// Chinese: Han characters by pinyin.
    Chinese,
}

impl Collation {
    /// Every collation, each with its stored sort key.
    pub const ALL: [Self; 3] = [Self::Root, Self::Swedish, Self::Chinese];

    /// The collation of the first language of an `Accept-Language` header.
    pub fn from_accept_language(header: Option<&str>) -> Self {
        let first = header.unwrap_or("").split(',').next().unwrap_or("");
        let tag = first.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        match tag.split(['-', '_']).next().unwrap_or("") {
            "sv" => Self::Swedish,
            "zh" => Self::Chinese,
            _ => Self::Root,
        }
    }

    /// The people and assignments column holding this collation's sort key.
    pub fn column(self) -> &'static str {
        match self {
            Self::Root => "sort_root",
            Self::Swedish => "sort_sv",
            Self::Chinese => "sort_zh",
        }
    }

    fn collator(self) -> &'static CollatorBorrowed<'static> {
        static COLLATORS: [OnceLock<CollatorBorrowed<'static>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let (slot, prefs) = match self {
            Self::Root => (&COLLATORS[0], locale!("en").into()),
            Self::Swedish => (&COLLATORS[1], locale!("sv").into()),
            Self::Chinese => (&COLLATORS[2], locale!("zh").into()),
        };
        slot.get_or_init(|| {
            Collator::try_new(prefs, CollatorOptions::default())
                .unwrap_or_else(|error| unreachable!("compiled collation data has every language here: {error}"))
        })
    }

    /// The order of two names.
    pub fn compare(self, a: &str, b: &str) -> Ordering {
        self.collator().compare(a, b)
    }

    /// A key whose byte order is this collation's order of names (stored, so the database sorts by it).
    pub fn sort_key(self, name: &str) -> Vec<u8> {
        let mut key = Vec::new();
        let Ok(()) = self.collator().write_sort_key_to(name, &mut key);
        key
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Collation {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok());
        Ok(Self::from_accept_language(header))
    }
}

#[cfg(test)]
mod tests {
    use super::Collation;

    fn sorted(collation: Collation, names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        names.sort_by(|a, b| collation.compare(a, b));
        let mut by_key = names.clone();
        by_key.sort_by_key(|n| collation.sort_key(n));
        assert_eq!(names, by_key, "keys sort as the collator compares");
        names
    }

    #[test]
    fn each_language_sorts_names_its_own_way() {
        let names = ["Åsa Nyström", "Evie Lind", "Anna-Karin Berg", "Zara Ek", "Örjan Holm", "Ärla Sten"];
        assert_eq!(
            sorted(Collation::Swedish, &names),
            ["Anna-Karin Berg", "Evie Lind", "Zara Ek", "Åsa Nyström", "Ärla Sten", "Örjan Holm"]
        );
        assert_eq!(
            sorted(Collation::Root, &names),
            ["Anna-Karin Berg", "Ärla Sten", "Åsa Nyström", "Evie Lind", "Örjan Holm", "Zara Ek"]
        );
        assert_eq!(
            sorted(Collation::Swedish, &["Anders Åkesson", "Anders Andersson"]),
            ["Anders Andersson", "Anders Åkesson"]
        );
        assert_eq!(sorted(Collation::Chinese, &["王芳", "李伟", "张伟"]), ["李伟", "王芳", "张伟"], "li, wang, zhang");
    }

    #[test]
    fn the_first_language_of_accept_language_decides() {
        assert_eq!(Collation::from_accept_language(Some("sv-SE,sv;q=0.9,en;q=0.8")), Collation::Swedish);
        assert_eq!(Collation::from_accept_language(Some("zh-Hans")), Collation::Chinese);
        assert_eq!(Collation::from_accept_language(Some("de")), Collation::Root);
        assert_eq!(Collation::from_accept_language(None), Collation::Root);
    }
}
