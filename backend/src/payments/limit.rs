//! How many tokens one client may ask for: a card processor's first guard against card testing (trying many stolen
//! numbers through someone's payment form). The reference backend allows 120 a minute from one address.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Requests allowed per address in one [`WINDOW`].
pub const PER_WINDOW: usize = 120;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Recent tokenize requests per address.
#[derive(Default)]
pub struct TokenLimit(Mutex<HashMap<Option<IpAddr>, VecDeque<Instant>>>);

impl TokenLimit {
    /// Counts a request from `peer` (unknown for requests that did not come over a socket); `Err` with the seconds
    /// to wait when the address is over its limit.
    pub fn check(&self, peer: Option<IpAddr>, now: Instant) -> Result<(), u64> {
        let mut recent = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        recent.retain(|_, times| times.back().is_some_and(|last| now.duration_since(*last) < WINDOW));
        let times = recent.entry(peer).or_default();
        while times.front().is_some_and(|first| now.duration_since(*first) >= WINDOW) {
            times.pop_front();
        }
        if times.len() >= PER_WINDOW {
            let oldest = times.front().copied().unwrap_or(now);
            return Err((WINDOW - now.duration_since(oldest)).as_secs().max(1));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_gets_its_own_allowance_per_minute() {
        let limit = TokenLimit::default();
        let start = Instant::now();
        let (a, b) = (Some("10.0.0.1".parse().unwrap()), Some("10.0.0.2".parse().unwrap()));
        for _ in 0..PER_WINDOW {
            assert_eq!(limit.check(a, start), Ok(()));
        }
        assert_eq!(limit.check(a, start + Duration::from_secs(1)), Err(59));
        assert_eq!(limit.check(b, start + Duration::from_secs(1)), Ok(()), "another address");
        assert_eq!(limit.check(a, start + WINDOW), Ok(()), "a minute later");
    }
}
