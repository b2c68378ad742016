//! A deterministic directory of any size: a linear congruential generator (no `rand`) picks names, departments and
//! locations. About 1 % are guests with an external domain; about 0.7 % of the members have no usage location.

use super::names::*;
use crate::fixture::{FixturePerson, PersonKind};
use contract::text::fold;
use std::collections::HashSet;

/// Knuth's MMIX linear congruential generator.
pub struct Lcg(u64);

impl Lcg {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 31 random bits.
    pub fn next_u31(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.next_u31()) * n as u64) >> 31) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Lower-case ASCII for an e-mail address: diacritics folded (ö → o, ß → ss), anything else but letters, digits
/// and hyphens dropped.
pub fn ascii_local(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-').collect()
}

/// Makes `local@domain` unique against `taken` by appending 2, 3, … to the local part; records it.
pub fn unique_email(local: &str, domain: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = format!("{local}@{domain}");
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{local}{n}@{domain}");
        n += 1;
    }
    candidate
}

/// `count` generated people with ids `p00001`…, their e-mails unique against (and added to) `taken`.
pub fn generate(count: usize, seed: u64, taken: &mut HashSet<String>) -> Vec<FixturePerson> {
    let mut rng = Lcg::new(seed);
    let (swedish_first, swedish_last) = (list(SWEDISH_FIRST), list(SWEDISH_LAST));
    let (german_first, german_last) = (list(GERMAN_FIRST), list(GERMAN_LAST));
    let (english_first, english_last) = (list(ENGLISH_FIRST), list(ENGLISH_LAST));
    let (chinese_family, chinese_given) = (han_list(CHINESE_FAMILY), han_list(CHINESE_GIVEN));
    (0..count)
        .map(|i| {
            let guest = i % 100 == 42;
            let (display_name, local, domain, country) = match rng.below(10) {
                0..=3 => {
                    let (first, last) = (*rng.pick(&swedish_first), *rng.pick(&swedish_last));
                    (
                        format!("{first} {last}"),
                        format!("{}.{}", ascii_local(first), ascii_local(last)),
                        "contoso.se",
                        "SE",
                    )
                }
                4 | 5 => {
                    let (first, last) = (*rng.pick(&german_first), *rng.pick(&german_last));
                    (
                        format!("{first} {last}"),
                        format!("{}.{}", ascii_local(first), ascii_local(last)),
                        "contoso.de",
                        "DE",
                    )
                }
                6 | 7 => {
                    let ((family, family_pinyin), (given, given_pinyin)) =
                        (*rng.pick(&chinese_family), *rng.pick(&chinese_given));
                    (format!("{family}{given}"), format!("{family_pinyin}.{given_pinyin}"), "contoso.com", "CN")
                }
                _ => {
                    let (first, last) = (*rng.pick(&english_first), *rng.pick(&english_last));
                    let country = if i % 2 == 0 { "GB" } else { "US" };
                    (
                        format!("{first} {last}"),
                        format!("{}.{}", ascii_local(first), ascii_local(last)),
                        "contoso.com",
                        country,
                    )
                }
            };
            let department = rng.pick(DEPARTMENTS);
            let domain = if guest { GUEST_DOMAINS[i % GUEST_DOMAINS.len()] } else { domain };
            FixturePerson {
                id: format!("p{:05}", i + 1),
                display_name,
                email: unique_email(&local, domain, taken),
                department: (!guest).then(|| (*department).to_owned()),
                kind: if guest { PersonKind::Guest } else { PersonKind::Member },
                usage_location: (!guest && i % 150 != 7).then(|| country.to_owned()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_with_unique_ascii_emails() {
        let a = generate(2000, 7, &mut HashSet::new());
        let b = generate(2000, 7, &mut HashSet::new());
        assert_eq!(a, b);
        let emails: HashSet<&str> = a.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), a.len());
        assert!(a.iter().all(|p| p.email.is_ascii() && p.email == p.email.to_lowercase()));
        let guests = a.iter().filter(|p| p.kind == PersonKind::Guest).count();
        assert_eq!(guests, 20);
        assert!(a.iter().any(|p| p.display_name.contains('ö') || p.display_name.contains('Ö')));
        assert!(a.iter().any(|p| p.display_name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    }

    #[test]
    fn emails_fold_diacritics() {
        assert_eq!(ascii_local("Weiß"), "weiss");
        assert_eq!(ascii_local("O'Brien"), "obrien");
        assert_eq!(ascii_local("Anna-Karin"), "anna-karin");
    }
}
