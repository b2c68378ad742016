//! JSON Schema's integers: a number without a fraction, however it is written (`105`, `105.0`, `1.05e2`).

use serde_json::Number;

/// The whole number `number` is (beyond `i128`, the nearest bound), or `None` when it has a fraction.
pub fn whole(number: &Number) -> Option<i128> {
    if let Some(n) = number.as_i64() {
        return Some(n.into());
    }
    if let Some(n) = number.as_u64() {
        return Some(n.into());
    }
    // `as` saturates: 1e300 is i128::MAX, which every caller refuses as too large.
    number.as_f64().filter(|f| f.is_finite() && f.fract() == 0.0).map(|f| f as i128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_however_written_and_nothing_else() {
        let read = |json: &str| whole(&serde_json::from_str::<Number>(json).unwrap());
        assert_eq!(read("105"), Some(105));
        assert_eq!(read("105.0"), Some(105));
        assert_eq!(read("1.05e2"), Some(105));
        assert_eq!(read("-3"), Some(-3));
        assert_eq!(read("18446744073709551615"), Some(u64::MAX.into()));
        assert_eq!(read("1e300"), Some(i128::MAX));
        assert_eq!(read("10.5"), None);
    }
}
