//! Idempotency keys that follow the person's intent: retrying the same change reuses its key (so the backend
//! replays the first answer and never applies it twice); changing what is asked, or the version it is computed
//! from, makes a new key.

/// A fresh random key: 128 bits from the browser's cryptographic generator, as hex.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes == [0; 16] {
        // No generator: time and Math.random still make a collision within one person's keys unlikely.
        let seed = (js_sys::Date::now() as u64) ^ ((js_sys::Math::random() * u64::MAX as f64) as u64);
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..].copy_from_slice(&((js_sys::Math::random() * u64::MAX as f64) as u64).to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A 64-bit FNV-1a digest of a request body: the intent of a change whose body holds secrets (a card number), so
/// the secret itself is not kept to compare retries with.
pub fn fingerprint(body: &impl serde::Serialize) -> u64 {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    let digest = bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3));
    let mut bytes = bytes;
    bytes.fill(0);
    std::hint::black_box(&bytes);
    digest
}

/// The key of the latest intent: the same intent gets the same key, another intent a new one. While the outcome
/// of the last attempt is unknown (held), every intent gets its key: a change that did go through is then answered
/// as such (replayed, or refused as another request under that key) instead of being made a second time.
#[derive(Clone, Debug)]
pub struct IntentKey<I: PartialEq> {
    latest: Option<(I, String)>,
    held: bool,
}

impl<I: PartialEq> Default for IntentKey<I> {
    fn default() -> Self {
        Self { latest: None, held: false }
    }
}

impl<I: PartialEq> IntentKey<I> {
    /// The key for `intent`, made with `new_key` when the intent differs from the last one.
    pub fn key_for(&mut self, intent: I, new_key: impl FnOnce() -> String) -> String {
        match &self.latest {
            Some((latest, key)) if *latest == intent || self.held => key.clone(),
            _ => {
                let key = new_key();
                self.latest = Some((intent, key.clone()));
                key
            }
        }
    }

    /// Keeps the last key for every intent: the last attempt's outcome is unknown (no answer, or a server error).
    pub fn hold(&mut self) {
        self.held = true;
    }

    /// The last attempt was answered: intents get their own keys again.
    pub fn release(&mut self) {
        self.held = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_tell_bodies_apart() {
        assert_eq!(fingerprint(&("4111", 1)), fingerprint(&("4111", 1)));
        assert_ne!(fingerprint(&("4111", 1)), fingerprint(&("4112", 1)));
    }

    #[test]
    fn the_same_intent_keeps_its_key_and_another_gets_a_new_one() {
        let mut counter = 0;
        let mut next = || {
            counter += 1;
            format!("k{counter}")
        };
        let mut keys = IntentKey::default();
        assert_eq!(keys.key_for(("\"1\"", 105), &mut next), "k1");
        assert_eq!(keys.key_for(("\"1\"", 105), &mut next), "k1", "a retry reuses the key");
        assert_eq!(keys.key_for(("\"1\"", 106), &mut next), "k2", "another total is another intent");
        assert_eq!(keys.key_for(("\"2\"", 106), &mut next), "k3", "another version is another intent");
    }

    #[test]
    fn a_held_key_serves_every_intent_until_released() {
        let mut counter = 0;
        let mut next = || {
            counter += 1;
            format!("k{counter}")
        };
        let mut keys = IntentKey::default();
        assert_eq!(keys.key_for("card A", &mut next), "k1");
        keys.hold();
        assert_eq!(keys.key_for("card A, name changed", &mut next), "k1", "the first may have gone through");
        keys.release();
        assert_eq!(keys.key_for("card A, name changed", &mut next), "k2");
    }
}
