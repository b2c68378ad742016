//! Text matching that ignores case and diacritics (`ostrom` finds *Öström*), shared by the backend's search and
//! the app's instant filtering.

/// Lower-cases and removes diacritics from Latin letters; other scripts pass through lower-cased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold_char(c) {
            Folded::One(f) => out.push(f),
            Folded::Two(a, b) => {
                out.push(a);
                out.push(b);
            }
            Folded::Lower => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether `haystack` contains `needle`, ignoring case and diacritics. An empty needle matches everything.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    let needle = fold(needle.trim());
    needle.is_empty() || fold(haystack).contains(&needle)
}

enum Folded {
    One(char),
    Two(char, char),
    Lower,
}

fn fold_char(c: char) -> Folded {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => 'g',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => 'i',
        'Ł' | 'ł' | 'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ś' | 'ś' | 'Ş' | 'ş' | 'Š' | 'š' => 's',
        'Ţ' | 'ţ' | 'Ť' | 'ť' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'Æ' | 'æ' => return Folded::Two('a', 'e'),
        'Œ' | 'œ' => return Folded::Two('o', 'e'),
        'ß' => return Folded::Two('s', 's'),
        'Þ' | 'þ' => return Folded::Two('t', 'h'),
        _ => return Folded::Lower,
    };
    Folded::One(base)
}

/// The words of a name or address, folded: what a prefix search matches against.
pub fn search_terms(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | '_' | '@' | ',' | '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_and_diacritics() {
        assert_eq!(fold("Öström"), "ostrom");
        assert_eq!(fold("Åsa Ängström"), "asa angstrom");
        assert_eq!(fold("Jürgen Weiß"), "jurgen weiss");
        assert_eq!(fold("Łukasz Æbelø"), "lukasz aebelo");
        assert_eq!(fold("王芳"), "王芳");
    }

    #[test]
    fn contains_folded_ignores_case_accents_and_outer_space() {
        assert!(contains_folded("Microsoft Power BI Pro", "power bi"));
        assert!(contains_folded("Visio Plan 2", " VISIO "));
        assert!(contains_folded("Öström AB", "ostr"));
        assert!(contains_folded("anything", ""));
        assert!(!contains_folded("Project Plan 3", "visio"));
    }

    #[test]
    fn search_terms_split_names_and_addresses() {
        assert_eq!(search_terms("Anna-Karin Öberg"), ["anna", "karin", "oberg"]);
        assert_eq!(search_terms("li.wei@contoso.cn"), ["li", "wei", "contoso", "cn"]);
    }
}
