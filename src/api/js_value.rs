//! Reads a value the browser's JSON parser made (`JsValue`) into a typed value, through serde.
//!
//! Hand-rolled in place of serde-wasm-bindgen for the size budget: its error type formats serde's messages, and
//! "invalid type: floating point `1.5`" brings Rust's float formatter into the first download (about 4.5 KB
//! brotli, measured with `cargo xtask dist`). Here a shape error is [`ShapeError`], which formats nothing; the app
//! only ever needs to know that a body did not have the expected shape.
//!
//! JSON's values map as serde's data model expects: `null` is unit and `None`; a number without a fraction is
//! `u64` or `i64`, otherwise `f64`; a string is a string, or a unit variant where an enum is expected; an array is
//! a sequence; an object is a map. Strings are only strings: a number where a string is expected is an error.

use js_sys::{Array, Object};
use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `value` as a `T`.
pub fn from_value<T: de::DeserializeOwned>(value: JsValue) -> Result<T, ShapeError> {
    T::deserialize(JsDeserializer(value))
}

/// The value does not have the expected shape. Deliberately without details (see the module's comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeError;

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unexpected shape")
    }
}

impl std::error::Error for ShapeError {}

/// Every constructor is overridden, so that none formats its arguments.
impl de::Error for ShapeError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        ShapeError
    }
    fn invalid_type(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        ShapeError
    }
    fn invalid_value(_: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        ShapeError
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        ShapeError
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        ShapeError
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        ShapeError
    }
    fn missing_field(_: &'static str) -> Self {
        ShapeError
    }
    fn duplicate_field(_: &'static str) -> Self {
        ShapeError
    }
}

/// The largest integer a JSON number (an `f64`) holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

struct JsDeserializer(JsValue);

impl<'de> Deserializer<'de> for JsDeserializer {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(flag) = value.as_bool() {
            visitor.visit_bool(flag)
        } else if let Some(number) = value.as_f64() {
            if number.fract() != 0.0 || number.abs() > MAX_SAFE_INTEGER {
                visitor.visit_f64(number)
            } else if number >= 0.0 {
                visitor.visit_u64(number as u64)
            } else {
                visitor.visit_i64(number as i64)
            }
        } else if let Some(text) = value.as_string() {
            visitor.visit_string(text)
        } else if Array::is_array(&value) {
            let items = value.unchecked_into::<Array>();
            visitor.visit_seq(Items { items, next: 0 })
        } else if value.is_object() {
            let entries = Object::entries(value.unchecked_ref());
            visitor.visit_map(Members { entries, next: 0, value: None })
        } else {
            Err(ShapeError)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_string(self.0.as_string().ok_or(ShapeError)?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    /// Only unit variants, written as their name: the contract has no other enums on the wire.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        let name: StringDeserializer<ShapeError> = self.0.as_string().ok_or(ShapeError)?.into_deserializer();
        visitor.visit_enum(name)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// An array's items, in order.
struct Items {
    items: Array,
    next: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = ShapeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, ShapeError> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(JsDeserializer(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.items.length() - self.next) as usize)
    }
}

/// An object's own members (`Object.entries`): each key, then its value.
struct Members {
    entries: Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> MapAccess<'de> for Members {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, ShapeError> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let entry = self.entries.get(self.next).unchecked_into::<Array>();
        self.next += 1;
        self.value = Some(entry.get(1));
        let key: StringDeserializer<ShapeError> = entry.get(0).as_string().ok_or(ShapeError)?.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ShapeError> {
        seed.deserialize(JsDeserializer(self.value.take().ok_or(ShapeError)?))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.entries.length() - self.next) as usize)
    }
}
