//! Real responses and requests against the OpenAPI document, the way schemathesis checks them
//! (`.ci/schemathesis`): every record the server sends validates against its schema (no `oneOf`
//! branch left ambiguous or unmatched, no property the schema forbids), and input the schema
//! forbids is refused.

use awc::http::StatusCode;
use serde_json::{Value, json};

use crate::carers::{World, carer};
use crate::providers::provider;

/// The generated document, as JSON.
fn document() -> Value {
    serde_json::from_str(&carematch_api::openapi_document().to_json().expect("json"))
        .expect("parse")
}

/// Validates `value` against `schema`, for the keywords the document uses; the problems found.
fn problems(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return problems(doc, &doc["components"]["schemas"][name], value, at);
    }
    if let Some(branches) = schema["oneOf"].as_array() {
        let matching = branches
            .iter()
            .filter(|b| problems(doc, b, value, at).is_empty())
            .count();
        if matching != 1 {
            out.push(format!("{at}: {matching} oneOf branches match"));
        }
    }
    if let Some(parts) = schema["allOf"].as_array() {
        for part in parts {
            out.extend(problems(doc, part, value, at));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let is = |t: &str| match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => true,
    };
    if !types.is_empty() && !types.iter().any(|t| is(t)) {
        out.push(format!("{at}: {value} is not {types:?}"));
        return out;
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(value)
    {
        out.push(format!("{at}: {value} is not one of the enum"));
    }
    if let Some(object) = value.as_object() {
        let properties = schema["properties"].as_object();
        for name in schema["required"].as_array().into_iter().flatten() {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                out.push(format!("{at}: required `{name}` missing"));
            }
        }
        for (name, item) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => {
                    out.extend(problems(doc, property, item, &format!("{at}.{name}")))
                }
                None if schema["additionalProperties"] == json!(false) => {
                    out.push(format!("{at}: `{name}` is not allowed"));
                }
                None => {}
            }
        }
    }
    if let Some(items) = value.as_array() {
        if schema["uniqueItems"] == json!(true) {
            for (i, item) in items.iter().enumerate() {
                if items[..i].contains(item) {
                    out.push(format!("{at}[{i}]: listed twice"));
                }
            }
        }
        if let Some(min) = schema["minItems"].as_u64()
            && (items.len() as u64) < min
        {
            out.push(format!("{at}: fewer than {min} items"));
        }
        for (i, item) in items.iter().enumerate() {
            out.extend(problems(doc, &schema["items"], item, &format!("{at}[{i}]")));
        }
    }
    out
}

fn assert_valid(doc: &Value, schema: &str, value: &Value) {
    let schema = json!({"$ref": format!("#/components/schemas/{schema}")});
    let found = problems(doc, &schema, value, "$");
    assert!(found.is_empty(), "{schema}: {found:#?}\n{value:#}");
}

/// POSTs a record that must be stored; the record sent back, valid as `schema`.
async fn stored(
    w: &World,
    doc: &Value,
    path: &str,
    key: &str,
    body: &Value,
    schema: &str,
) -> Value {
    let (status, record) = w.json("POST", path, Some(key), Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{record}");
    assert_valid(doc, schema, &record);
    record
}

#[actix_web::test]
async fn records_in_every_view_validate_against_their_schemas() {
    let w = World::new().await;
    let doc = document();

    let created = stored(
        &w,
        &doc,
        "/v1/carers",
        &w.key_a,
        &carer("PA-1", true),
        "Carer",
    )
    .await;
    assert_valid(&doc, "CarerView", &created);
    let path = format!("/v1/carers/{}", created["id"]);
    let (_, public) = w.json("GET", &path, None, None).await;
    assert_valid(&doc, "PublicCarer", &public);
    assert_valid(&doc, "CarerView", &public);
    let (_, page) = w.json("GET", "/v1/carers", None, None).await;
    assert_valid(&doc, "CarerPage", &page);
    let (_, page) = w.json("GET", "/v1/carers", Some(&w.key_a), None).await;
    assert_valid(&doc, "CarerPage", &page);

    // A carer with no faith, external reference or contact: nulls and left-out fields.
    let mut bare = carer("PA-2", false);
    for field in ["faith", "external_ref", "contact", "checks", "bio"] {
        bare.as_object_mut().expect("object").remove(field);
    }
    stored(&w, &doc, "/v1/carers", &w.key_a, &bare, "CarerView").await;

    let created = stored(
        &w,
        &doc,
        "/v1/providers",
        &w.key_a,
        &provider("Wah Sum"),
        "Provider",
    )
    .await;
    assert_valid(&doc, "ProviderView", &created);
    let path = format!("/v1/providers/{}", created["id"]);
    let (_, public) = w.json("GET", &path, None, None).await;
    assert_valid(&doc, "PublicProvider", &public);
    assert_valid(&doc, "ProviderView", &public);
    // An admin-made provider has no managing agency: `agency_id` is null.
    let admins = stored(
        &w,
        &doc,
        "/v1/providers",
        &w.admin,
        &provider("Admins'"),
        "ProviderView",
    )
    .await;
    assert_eq!(admins["agency_id"], Value::Null);
    for key in [None, Some(w.key_a.as_str()), Some(w.admin.as_str())] {
        let (_, page) = w.json("GET", "/v1/providers", key, None).await;
        assert_valid(&doc, "ProviderPage", &page);
    }
}

#[actix_web::test]
async fn objects_sent_as_arrays_are_refused() {
    let w = World::new().await;
    // serde would read a struct from an array of its field values; the schema says object.
    let mut body = carer("PA-1", true);
    body["contact"] = json!([null, null, null]);
    let (status, reply) = w
        .json("POST", "/v1/carers", Some(&w.key_a), Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    assert_eq!(reply["error"]["details"][0]["field"], "contact");

    let mut body = provider("Wah Sum");
    body["contact"] = json!([]);
    let (status, _) = w
        .json("POST", "/v1/providers", Some(&w.key_a), Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let plan = json!({"plan": {"location": [52.63, -1.13], "max_distance_km": 10.0}});
    let (status, reply) = w.json("POST", "/v1/matches", None, Some(&plan)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    let reason = reply["error"]["details"][0]["reason"]
        .as_str()
        .unwrap_or_default();
    assert!(reason.contains("a JSON object"), "{reply}");
}

#[actix_web::test]
async fn only_agency_keys_have_providers_of_their_own() {
    let w = World::new().await;
    let (status, _) = w.json("GET", "/v1/providers?mine=true", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for key in [&w.admin, &w.commissioner] {
        let (status, _) = w
            .json("GET", "/v1/providers?mine=true", Some(key), None)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, page) = w
        .json("GET", "/v1/providers?mine=true", Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (status, _) = w.json("GET", "/v1/providers?mine=false", None, None).await;
    assert_eq!(status, StatusCode::OK);
}
