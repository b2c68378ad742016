//! Money, numbers and dates per locale, through the browser's `Intl` (exact decimal strings, never floats).

use contract::Money;
use rust_decimal::Decimal;
use time::Date;

/// Formats money in `locale`, e.g. `kr 1 234,50` / `SEK 1,234.50`.
pub fn money(locale: &str, money: &Money) -> String {
    intl::money(locale, &money.amount.to_string(), money.currency.code())
        .unwrap_or_else(|| format!("{} {}", money.amount, money.currency))
}

/// Formats a rate as a percentage in `locale`, e.g. `25 %` / `25%` for `0.25`.
pub fn percent(locale: &str, rate: Decimal) -> String {
    intl::percent(locale, &rate.to_string()).unwrap_or_else(|| format!("{} %", rate * Decimal::ONE_HUNDRED))
}

/// Formats a calendar date in `locale`, e.g. `23 nov. 2026` / `Nov 23, 2026`.
pub fn date(locale: &str, date: Date) -> String {
    intl::date(locale, date).unwrap_or_else(|| date.to_string())
}

/// Today's date where the person is (from the browser's clock); `None` outside a browser.
pub fn today() -> Option<Date> {
    intl::today()
}

/// Each name's place in `locale`'s alphabetical order (`Intl.Collator`: Swedish puts Å, Ä, Ö after Z, German
/// keeps Ä with A); outside a browser, the names' own order.
pub fn collation_ranks(locale: &str, names: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    intl::sort_names(locale, names, &mut order);
    let mut ranks = vec![0; names.len()];
    for (rank, index) in order.into_iter().enumerate() {
        ranks[index] = rank;
    }
    ranks
}

/// The names of the countries `codes` (ISO 3166-1 alpha-2) in `locale` (`Intl.DisplayNames`: "Sverige",
/// "Schweden", "瑞典"); outside a browser, or for a code the browser cannot name, the code itself.
pub fn country_names(locale: &str, codes: &[&str]) -> Vec<String> {
    let names = intl::region_names(locale, codes);
    codes.iter().zip(names).map(|(code, name)| name.unwrap_or_else(|| (*code).to_owned())).collect()
}

/// [`today`], or 1 January 2000 outside a browser (native tests).
pub fn today_or_epoch() -> Date {
    today().unwrap_or_else(|| Date::from_calendar_date(2000, time::Month::January, 1).unwrap_or(Date::MIN))
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use js_sys::{Array, Date as JsDate, Function, Intl, Object, Reflect};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::hash::Hash;
    use std::thread::LocalKey;
    use time::Date;
    use wasm_bindgen::JsValue;

    // Making an `Intl` formatter costs far more than formatting with one (a list of 50 rows spent most of its
    // time there), so each locale's formatter is made once and kept.
    type Formats<K> = RefCell<HashMap<K, Function>>;
    thread_local! {
        static MONEY_FORMATS: Formats<(String, String)> = RefCell::default();
        static DATE_FORMATS: Formats<String> = RefCell::default();
    }

    /// The `format` function kept under `key`, made by `make` the first time.
    fn kept<K: Eq + Hash>(
        cache: &'static LocalKey<Formats<K>>,
        key: K,
        make: impl FnOnce() -> Option<Function>,
    ) -> Option<Function> {
        cache.with(|formats| {
            if let Some(format) = formats.borrow().get(&key) {
                return Some(format.clone());
            }
            let format = make()?;
            formats.borrow_mut().insert(key, format.clone());
            Some(format)
        })
    }

    fn options(pairs: &[(&str, &str)]) -> Option<Object> {
        let object = Object::new();
        for (key, value) in pairs {
            Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
        }
        Some(object)
    }

    fn locales(locale: &str) -> Array {
        Array::of1(&JsValue::from_str(locale))
    }

    pub fn money(locale: &str, amount: &str, currency: &str) -> Option<String> {
        let format = kept(&MONEY_FORMATS, (locale.to_owned(), currency.to_owned()), || {
            let options = options(&[("style", "currency"), ("currency", currency)])?;
            Some(Intl::NumberFormat::new(&locales(locale), &options).format())
        })?;
        // A string argument is formatted as an exact decimal (Intl.NumberFormat v3), never through a float.
        format.call1(&JsValue::NULL, &JsValue::from_str(amount)).ok()?.as_string()
    }

    pub fn percent(locale: &str, rate: &str) -> Option<String> {
        let options = options(&[("style", "percent"), ("maximumFractionDigits", "2")])?;
        let format = Intl::NumberFormat::new(&locales(locale), &options).format();
        // An exact decimal string, as for money.
        format.call1(&JsValue::NULL, &JsValue::from_str(rate)).ok()?.as_string()
    }

    pub fn date(locale: &str, date: Date) -> Option<String> {
        let format = kept(&DATE_FORMATS, locale.to_owned(), || {
            let options = options(&[("dateStyle", "medium"), ("timeZone", "UTC")])?;
            Some(Intl::DateTimeFormat::new(&locales(locale), &options).format())
        })?;
        let millis = JsDate::utc(f64::from(date.year()), f64::from(u8::from(date.month()) - 1));
        let day = JsDate::new(&JsValue::from_f64(millis));
        day.set_utc_date(u32::from(date.day()));
        format.call1(&JsValue::NULL, &day).ok()?.as_string()
    }

    pub fn region_names(locale: &str, codes: &[&str]) -> Vec<Option<String>> {
        let Some(names) = options(&[("type", "region")]).map(|o| Intl::DisplayNames::new(&locales(locale), &o)) else {
            return vec![None; codes.len()];
        };
        codes.iter().map(|code| names.of(code).map(String::from)).collect()
    }

    pub fn sort_names(locale: &str, names: &[String], order: &mut [usize]) {
        let compare = Intl::Collator::new(&locales(locale), &Object::new()).compare();
        order.sort_by(|&a, &b| {
            let sign = compare.call2(&JsValue::NULL, &JsValue::from_str(&names[a]), &JsValue::from_str(&names[b]));
            sign.ok().and_then(|s| s.as_f64()).unwrap_or(0.0).total_cmp(&0.0)
        });
    }

    pub fn today() -> Option<Date> {
        let now = JsDate::new_0();
        let month = time::Month::try_from(u8::try_from(now.get_month() + 1).ok()?).ok()?;
        Date::from_calendar_date(i32::try_from(now.get_full_year()).ok()?, month, u8::try_from(now.get_date()).ok()?)
            .ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod intl {
    use time::Date;

    pub fn money(_locale: &str, _amount: &str, _currency: &str) -> Option<String> {
        None
    }

    pub fn percent(_locale: &str, _rate: &str) -> Option<String> {
        None
    }

    pub fn date(_locale: &str, _date: Date) -> Option<String> {
        None
    }

    pub fn region_names(_locale: &str, codes: &[&str]) -> Vec<Option<String>> {
        vec![None; codes.len()]
    }

    pub fn sort_names(_locale: &str, names: &[String], order: &mut [usize]) {
        order.sort_by(|&a, &b| names[a].cmp(&names[b]));
    }

    pub fn today() -> Option<Date> {
        None
    }
}
