//! `openapi.yaml` cannot drift from the types: the JSON Schema of every wire type, derived from the Rust type
//! itself (schemars, test builds only), must agree with the document's schema of the same name in its properties,
//! required members, types, formats and enums.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A date on the wire: `YYYY-MM-DD`.
pub struct IsoDate;

impl JsonSchema for IsoDate {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}

/// An exact decimal amount, as text: the document's `Decimal`.
pub struct DecimalText;

impl JsonSchema for DecimalText {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

/// The derived schemas, by name.
fn derived() -> BTreeMap<String, Value> {
    use crate::*;
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    // What the types write: the shape of every answer, and of every body the app sends.
    settings.contract = schemars::generate::Contract::Serialize;
    let mut generator = settings.into_generator();
    generator.subschema_for::<me::Me>();
    generator.subschema_for::<Page<subscriptions::Subscription>>();
    generator.subschema_for::<subscriptions::SortKey>();
    generator.subschema_for::<subscriptions::SortOrder>();
    generator.subschema_for::<licenses::QuantityChange>();
    generator.subschema_for::<licenses::QuantityQuote>();
    generator.subschema_for::<licenses::AssignRequest>();
    generator.subschema_for::<licenses::AssignResponse>();
    generator.subschema_for::<licenses::UnassignRequest>();
    generator.subschema_for::<Page<licenses::Assignment>>();
    generator.subschema_for::<licenses::CancellationReason>();
    generator.subschema_for::<licenses::CancellationTerms>();
    generator.subschema_for::<licenses::CancelRequest>();
    generator.subschema_for::<directory::DirectoryMatch>();
    generator.subschema_for::<billing::BillingProfile>();
    generator.subschema_for::<billing::SetPaymentMethod>();
    generator.subschema_for::<billing::PaymentMethod>();
    generator.subschema_for::<billing::NewPaymentMethod>();
    generator.subschema_for::<billing::PaymentMethodUpdate>();
    generator.subschema_for::<invoices::Invoice>();
    generator.subschema_for::<invoices::InvoiceDetail>();
    generator.subschema_for::<Page<admin::SelfServicePurchase>>();
    generator.subschema_for::<admin::PurchaseDetail>();
    generator.subschema_for::<Problem>();
    generator.take_definitions(true).into_iter().collect()
}

/// What a schema says about the values it allows, and nothing else (no descriptions, examples or bounds).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// A named schema.
    Ref(String),
    /// The shape, or `null`.
    Nullable(Box<Shape>),
    /// One of these strings.
    Enum(Vec<String>),
    /// One of these shapes.
    OneOf(Vec<Shape>),
    /// An object: its members and which are required.
    Object { properties: BTreeMap<String, Shape>, required: Vec<String>, closed: bool },
    /// An array of the shape.
    Array(Box<Shape>),
    /// A string, integer, number or boolean, with its format (integers: `int32` when an `i32` holds every value,
    /// else `int64`).
    Scalar { kind: String, format: Option<String> },
    /// Anything.
    Any,
}

/// Reads a schema into its shape. `inline` names the schemas to read in place of a reference to them.
fn shape(schema: &Value, inline: &dyn Fn(&str) -> Option<Value>) -> Shape {
    let Some(object) = schema.as_object() else { return Shape::Any };
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return match inline(name) {
            Some(target) => shape(&target, inline),
            None => Shape::Ref(name.to_owned()),
        };
    }
    if let Some(all) = object.get("allOf").and_then(Value::as_array).filter(|all| all.len() == 1) {
        return shape(&all[0], inline);
    }
    if let Some(members) = object.get("oneOf").or_else(|| object.get("anyOf")).and_then(Value::as_array) {
        let consts: Vec<String> =
            members.iter().filter_map(|m| m.get("const").and_then(Value::as_str)).map(str::to_owned).collect();
        if consts.len() == members.len() {
            return enumeration(consts);
        }
        let is_null = |m: &Value| m.get("type").and_then(Value::as_str) == Some("null");
        let others: Vec<&Value> = members.iter().filter(|m| !is_null(m)).collect();
        let mut shapes: Vec<Shape> = others.iter().map(|m| shape(m, inline)).collect();
        shapes.sort();
        let one = if shapes.len() == 1 { shapes.remove(0) } else { Shape::OneOf(shapes) };
        return if others.len() < members.len() { Shape::Nullable(Box::new(one)) } else { one };
    }
    if let Some(value) = object.get("const").and_then(Value::as_str) {
        return enumeration(vec![value.to_owned()]);
    }
    if let Some(Value::Array(kinds)) = object.get("type") {
        let nullable = kinds.iter().any(|k| k == "null");
        let kinds: Vec<&Value> = kinds.iter().filter(|k| *k != "null").collect();
        let mut single = object.clone();
        if let [kind] = kinds.as_slice() {
            single.insert("type".into(), (*kind).clone());
        }
        if let Some(Value::Array(values)) = single.get_mut("enum") {
            values.retain(|v| !v.is_null());
        }
        let inner = shape(&Value::Object(single), inline);
        return if nullable { Shape::Nullable(Box::new(inner)) } else { inner };
    }
    if let Some(values) = object.get("enum").and_then(Value::as_array) {
        return enumeration(values.iter().filter_map(Value::as_str).map(str::to_owned).collect());
    }
    match object.get("type").and_then(Value::as_str) {
        Some("object") => {
            let properties = object
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.iter().map(|(name, s)| (name.clone(), shape(s, inline))).collect())
                .unwrap_or_default();
            let mut required: Vec<String> = object
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default();
            required.sort();
            let closed = object.get("additionalProperties") == Some(&Value::Bool(false));
            Shape::Object { properties, required, closed }
        }
        Some("array") => Shape::Array(Box::new(object.get("items").map_or(Shape::Any, |i| shape(i, inline)))),
        Some(kind) => {
            let format = object.get("format").and_then(Value::as_str).map(|format| match (kind, format) {
                // OpenAPI's integer formats are signed: a `u32` needs `int64`.
                ("integer", "uint8" | "int8" | "uint16" | "int16" | "int32") => "int32".to_owned(),
                ("integer", "uint32" | "uint64" | "int64") => "int64".to_owned(),
                (_, other) => other.to_owned(),
            });
            Shape::Scalar { kind: kind.to_owned(), format }
        }
        None => Shape::Any,
    }
}

fn enumeration(mut values: Vec<String>) -> Shape {
    values.sort();
    Shape::Enum(values)
}

/// Where two shapes differ, as `path: document … / types …` lines.
fn differences(path: &str, document: &Shape, types: &Shape, out: &mut Vec<String>) {
    match (document, types) {
        (
            Shape::Object { properties: dp, required: dr, closed: dc },
            Shape::Object { properties: tp, required: tr, closed: tc },
        ) => {
            for name in dp.keys().chain(tp.keys()).collect::<std::collections::BTreeSet<_>>() {
                match (dp.get(name), tp.get(name)) {
                    (Some(d), Some(t)) => differences(&format!("{path}.{name}"), d, t, out),
                    (Some(_), None) => out.push(format!("{path}.{name}: documented, not in the type")),
                    (None, Some(_)) => out.push(format!("{path}.{name}: in the type, not documented")),
                    (None, None) => {}
                }
            }
            if dr != tr {
                out.push(format!("{path}: required {dr:?} documented, {tr:?} in the type"));
            }
            if dc != tc {
                out.push(format!("{path}: additionalProperties false documented {dc}, in the type {tc}"));
            }
        }
        (Shape::Nullable(d), Shape::Nullable(t)) => differences(path, d, t, out),
        (Shape::Array(d), Shape::Array(t)) => differences(&format!("{path}[]"), d, t, out),
        (d, t) if d != t => out.push(format!("{path}: documented {d:?}, in the type {t:?}")),
        _ => {}
    }
}

/// Schemas of the document that no wire type has, each with its reason.
const DOCUMENT_ONLY: &[(&str, &str)] = &[
    ("Fault", "a development route's body (`POST /dev/faults`), a type of the reference backend"),
    ("ArmedFault", "a development route's answer (`GET /dev/faults`), a type of the reference backend"),
    ("PermissionAllowed", "a variant of `Permission`'s `oneOf`, compared in place as part of `Permission`"),
    ("PermissionDenied", "a variant of `Permission`'s `oneOf`, compared in place as part of `Permission`"),
];

fn document() -> Value {
    serde_yaml::from_str(include_str!("../openapi.yaml")).expect("openapi.yaml is YAML")
}

fn document_schemas() -> serde_json::Map<String, Value> {
    document()["components"]["schemas"].as_object().expect("components/schemas").clone()
}

#[test]
fn every_wire_type_is_documented_as_it_is() {
    let documented = document_schemas();
    let derived = derived();
    let mut problems = Vec::new();
    // A reference the types do not have (e.g. the variants of a `oneOf`) is read in place.
    let inline_document = |name: &str| (!derived.contains_key(name)).then(|| documented.get(name).cloned()).flatten();
    for (name, schema) in &derived {
        let Some(document) = documented.get(name) else {
            problems.push(format!("{name}: a wire type with no schema in openapi.yaml"));
            continue;
        };
        let document = shape(document, &inline_document);
        let types = shape(schema, &|_| None);
        differences(name, &document, &types, &mut problems);
    }
    for name in documented.keys() {
        let known = derived.contains_key(name) || DOCUMENT_ONLY.iter().any(|(n, _)| n == name);
        if !known {
            problems.push(format!("{name}: documented, but no wire type has this name"));
        }
    }
    assert!(problems.is_empty(), "openapi.yaml differs from the types:\n{}", problems.join("\n"));
}

/// The parameters of an operation (its own and its path's), as `(name, required)`, references resolved.
fn parameters(document: &Value, path: &Value, operation: &Value) -> Vec<(String, bool)> {
    let listed = path["parameters"].as_array().into_iter().chain(operation["parameters"].as_array()).flatten();
    listed
        .map(|parameter| match parameter["$ref"].as_str() {
            Some(reference) => &document["components"]["parameters"][reference.rsplit('/').next().unwrap_or("")],
            None => parameter,
        })
        .map(|p| (p["name"].as_str().unwrap_or_default().to_owned(), p["required"].as_bool().unwrap_or(false)))
        .collect()
}

fn reference_name(schema: &Value) -> Option<&str> {
    schema["$ref"].as_str().and_then(|r| r.rsplit('/').next())
}

#[test]
fn every_operation_is_documented_as_it_is() {
    use crate::operations::{Answer, Key, OPERATIONS};
    let document = document();
    let paths = document["paths"].as_object().expect("paths");
    let mut problems = Vec::new();
    for operation in OPERATIONS {
        let name = format!("{} {}", operation.method, operation.path);
        let path = &paths.get(operation.path).cloned().unwrap_or_default();
        let documented = &path[operation.method.to_lowercase()];
        if documented.is_null() {
            problems.push(format!("{name}: not documented"));
            continue;
        }
        let mut statuses: Vec<u16> =
            documented["responses"].as_object().into_iter().flatten().filter_map(|(s, _)| s.parse().ok()).collect();
        statuses.sort_unstable();
        if statuses != operation.statuses {
            problems
                .push(format!("{name}: statuses {statuses:?} documented, {:?} in the contract", operation.statuses));
        }
        let body = reference_name(&documented["requestBody"]["content"]["application/json"]["schema"]);
        if body != operation.body {
            problems.push(format!("{name}: body {body:?} documented, {:?} in the contract", operation.body));
        }
        let content = &documented["responses"][operation.success.to_string()]["content"];
        let answer_ok = match operation.answer {
            Answer::Json(schema) => reference_name(&content["application/json"]["schema"]) == Some(schema),
            Answer::JsonList(schema) => {
                let list = &content["application/json"]["schema"];
                list["type"] == "array" && reference_name(&list["items"]) == Some(schema)
            }
            Answer::File(media_type) => !content[media_type].is_null(),
            Answer::Nothing => content.is_null(),
        };
        if !answer_ok {
            problems.push(format!(
                "{name}: {} documented as {content}, {:?} in the contract",
                operation.success, operation.answer
            ));
        }
        let parameters = parameters(&document, path, documented);
        let header = |header: &str| parameters.iter().find(|(n, _)| n.eq_ignore_ascii_case(header)).map(|(_, r)| *r);
        if header("If-Match") != operation.if_match.then_some(true) {
            problems.push(format!(
                "{name}: If-Match {:?} documented, required {} in the contract",
                header("If-Match"),
                operation.if_match
            ));
        }
        let key = match operation.key {
            Key::None => None,
            Key::Required => Some(true),
            Key::Optional => Some(false),
        };
        if header("Idempotency-Key") != key {
            problems.push(format!(
                "{name}: Idempotency-Key {:?} documented, {:?} in the contract",
                header("Idempotency-Key"),
                operation.key
            ));
        }
    }
    let contract: Vec<(String, &str)> = OPERATIONS.iter().map(|o| (o.method.to_lowercase(), o.path)).collect();
    for (path, item) in paths.iter().filter(|(path, _)| path.starts_with(crate::paths::PREFIX)) {
        for method in item.as_object().into_iter().flatten().map(|(m, _)| m).filter(|m| *m != "parameters") {
            if !contract.contains(&(method.clone(), path.as_str())) {
                problems
                    .push(format!("{} {path}: documented, not an operation of the contract", method.to_uppercase()));
            }
        }
    }
    assert!(problems.is_empty(), "openapi.yaml differs from the operations:\n{}", problems.join("\n"));
}

#[test]
fn every_error_code_has_an_example_problem_with_its_status() {
    use crate::wire::WireName;
    let examples = include_str!("../openapi.yaml").lines().map(str::trim).collect::<Vec<_>>();
    for &code in <crate::ErrorCode as WireName>::ALL {
        let (status, code_line) = (format!("status: {}", code.status()), format!("code: {}", code.as_str()));
        assert!(
            examples.windows(2).any(|pair| pair[0] == status && pair[1] == code_line),
            "no example problem for {} with {status}",
            code.as_str()
        );
    }
}

#[test]
fn headers_cookie_and_limits_match_the_crate() {
    use crate::headers;
    const YAML: &str = include_str!("../openapi.yaml");
    for (name, documented) in [
        (headers::CSRF_TOKEN, "X-CSRF-Token"),
        (headers::IDEMPOTENCY_KEY, "Idempotency-Key"),
        (headers::IF_MATCH, "If-Match"),
        (headers::RETRY_AFTER, "Retry-After"),
    ] {
        assert_eq!(name, documented.to_ascii_lowercase());
        assert!(YAML.contains(&format!("name: {documented}\n")) || YAML.contains(&format!("{documented}:\n")));
    }
    assert!(YAML.contains(&format!("name: {}\n", headers::SESSION_COOKIE)));
    assert!(YAML.contains(&format!("{}:\n", headers::PROBLEM_JSON)));
    assert!(YAML.contains(&format!("maxItems: {}\n", crate::licenses::AssignRequest::MAX_PEOPLE)));
    assert!(YAML.contains(&format!("maxLength: {}\n", crate::licenses::CancelRequest::MAX_FEEDBACK_CHARS)));
    let (top, default_top) = (crate::directory::DirectoryQuery::MAX_TOP, crate::directory::DirectoryQuery::DEFAULT_TOP);
    assert!(YAML.contains(&format!("1 to {top} (default {default_top})")));
    let page_size = crate::subscriptions::SubscriptionQuery::MAX_PAGE_SIZE;
    assert!(YAML.contains(&format!("1 to {page_size} (default {page_size})")));
    assert!(YAML.contains(&format!("{} days", crate::rules::MAX_INVOICE_RANGE_DAYS)));
    assert!(YAML.contains(&format!("within {} days", crate::rules::REDUCTION_WINDOW_DAYS)));
}

/// The members of a query type, as `(name, required)`.
fn members<T: JsonSchema>() -> Vec<(String, bool)> {
    let schema = serde_json::to_value(schemars::schema_for!(T)).expect("a schema");
    let required: Vec<&str> = schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let mut members: Vec<(String, bool)> = schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, _)| (name.clone(), required.contains(&name.as_str())))
        .collect();
    members.sort();
    members
}

#[test]
fn every_query_type_is_its_operations_query_parameters() {
    let document = document();
    let query_parameters = |path: &str| {
        let item = &document["paths"][path];
        let mut names: Vec<(String, bool)> = parameters(&document, item, &item["get"])
            .into_iter()
            .filter(|(name, _)| !["If-Match", "Accept-Language", "id"].contains(&name.as_str()))
            .collect();
        names.sort();
        names
    };
    use crate::{admin, directory, invoices, subscriptions};
    for (path, members) in [
        ("/api/v1/subscriptions", members::<subscriptions::SubscriptionQuery>()),
        ("/api/v1/directory/people", members::<directory::DirectoryQuery>()),
        ("/api/v1/invoices", members::<invoices::InvoiceQuery>()),
        ("/api/v1/admin/self-service-purchases", members::<admin::PurchaseQuery>()),
    ] {
        assert_eq!(query_parameters(path), members, "GET {path}: documented parameters, then the query type's");
    }
}
