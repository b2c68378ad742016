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

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '_' | '@' | ',' | '\'')
}

/// The parts of `text` a search for `query` matched, as byte ranges of `text` (for highlighting): the start of
/// each word whose folded form starts with a query word (`ostr` marks *Östr* in *Åsa Öström*), and, in words of
/// scripts written without spaces (Han), any place the query word occurs. Sorted, never overlapping.
pub fn matched_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let words = search_terms(query);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (is_separator(c), start) {
            (false, None) => start = Some(index),
            (true, Some(from)) => {
                ranges.extend(words.iter().filter_map(|word| match_in_word(text, from..index, word)));
                start = None;
            }
            _ => {}
        }
    }
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Where `word` (folded) matches inside `text[range]`: its prefix, or for Han text any occurrence.
fn match_in_word(text: &str, range: std::ops::Range<usize>, word: &str) -> Option<std::ops::Range<usize>> {
    let part = &text[range.clone()];
    let starts: Vec<usize> =
        if part.chars().any(is_han) { part.char_indices().map(|(i, _)| i).collect() } else { vec![0] };
    starts.into_iter().find_map(|offset| {
        let mut folded = String::new();
        for (i, c) in part[offset..].char_indices() {
            folded.push_str(&fold(c.encode_utf8(&mut [0; 4])));
            if folded.starts_with(word) {
                return Some(range.start + offset..range.start + offset + i + c.len_utf8());
            }
            if !word.starts_with(folded.as_str()) {
                return None;
            }
        }
        None
    })
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> Vec<String> {
        matched_ranges(text, query).into_iter().map(|r| text[r].to_owned()).collect()
    }

    #[test]
    fn matched_ranges_mark_word_prefixes_ignoring_accents() {
        assert_eq!(marked("Åsa Öström", "ostr"), ["Östr"]);
        assert_eq!(marked("Åsa Öström", "asa o"), ["Åsa", "Ö"]);
        assert_eq!(marked("asa.ostrom@contoso.se", "asa.ostrom@con"), ["asa", "ostrom", "con"]);
        assert_eq!(marked("Jürgen Weiß", "weiss"), ["Weiß"]);
        assert_eq!(marked("Jürgen Weiß", "weis"), ["Weiß"], "ß is marked whole");
        assert_eq!(marked("王芳", "芳"), ["芳"]);
        assert_eq!(marked("Anna Andersson", "an"), ["An", "An"]);
        assert_eq!(marked("Anna Andersson", "anna ann"), ["Anna"], "overlaps merge");
        assert!(marked("Visio", "xyz").is_empty());
        assert!(marked("Visio", "").is_empty());
    }

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
