//! JSON bodies, parsed by the browser's own parser (`Response.json()`) and turned into types by [`super::js_value`],
//! so the wasm carries no JSON parser: serde_json's decoder cost the first download about 9 KB (brotli).

use gloo_net::http::Response;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Why a body could not be read as the expected type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// The body is not JSON (or could not be received whole).
    #[error("the body is not JSON")]
    NotJson,
    /// The JSON does not have the expected shape.
    #[error("the JSON does not have the expected shape")]
    Shape,
}

/// Reads the body of `response` as JSON.
pub async fn read(response: Response) -> Result<JsValue, JsonError> {
    let body = web_sys::Response::from(response).json().map_err(|_| JsonError::NotJson)?;
    JsFuture::from(body).await.map_err(|_| JsonError::NotJson)
}

/// Reads `value` as a `T`.
pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, JsonError> {
    super::js_value::from_value(value).map_err(|_| JsonError::Shape)
}
