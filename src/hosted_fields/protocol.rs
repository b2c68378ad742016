//! The app's side of protocol `hosted-fields/1` (see `contract::hosted_fields`): which messages are the fields',
//! and how commands are written. Messages are JSON text of one flat object: read by the browser's parser and
//! `api::js_value`, as the API's answers are, and written by serde_json, as the API's requests are.

use contract::hosted_fields::{FieldCommand, FieldEvent};
use wasm_bindgen::JsValue;

/// Whether a message from `origin` may come from the hosted fields: only their own origin, never an empty one.
pub fn from_payments_origin(payments_origin: &str, origin: &str) -> bool {
    !payments_origin.is_empty() && origin == payments_origin
}

/// The payments origin as `postMessage` compares it: no trailing slash.
pub fn normalised_origin(configured: &str) -> String {
    configured.trim().trim_end_matches('/').to_owned()
}

/// A message's data as a field event: JSON text of this protocol with a known `type`.
pub fn read_event(data: &JsValue) -> Option<FieldEvent> {
    let parsed = js_sys::JSON::parse(&data.as_string()?).ok()?;
    crate::api::js_value::from_value(parsed).ok()
}

/// A command as the message to post.
pub fn write_command(command: FieldCommand) -> Option<JsValue> {
    serde_json::to_string(&command).ok().map(|text| JsValue::from_str(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_payments_origin_is_heard() {
        let payments = normalised_origin(" http://127.0.0.1:8788/ ");
        assert_eq!(payments, "http://127.0.0.1:8788");
        assert!(from_payments_origin(&payments, "http://127.0.0.1:8788"));
        assert!(!from_payments_origin(&payments, "http://127.0.0.1:8789"));
        assert!(!from_payments_origin(&payments, "http://localhost:8788"));
        assert!(!from_payments_origin("", ""), "no payments origin configured: nothing is heard");
    }
}
