//! The search request: the query string's pairs parsed and validated, every bad parameter
//! named at once.

use std::collections::BTreeMap;

use carematch_domain::vocabulary::{Code, Cuisine, DietaryLaw, FaithPractice, Language, Service};
use carematch_domain::{GeoPoint, Postcode, ValidationErrors};
use carematch_index::text::{self, DocKind};

/// The largest `per_page`.
pub const MAX_PER_PAGE: u32 = 100;
/// Radius when a location is given without `radius_km`.
pub const DEFAULT_RADIUS_KM: f64 = 10.0;
/// The largest `radius_km`.
pub const MAX_RADIUS_KM: f64 = 200.0;

/// A search: parsed and validated parameters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub q: Option<String>,
    pub postcode: Option<Postcode>,
    pub point: Option<GeoPoint>,
    pub radius_km: Option<f64>,
    pub languages: Vec<Language>,
    pub cuisines: Vec<Cuisine>,
    pub diets: Vec<DietaryLaw>,
    pub practices: Vec<FaithPractice>,
    pub services: Vec<Service>,
    pub kind: Option<DocKind>,
    pub page: u32,
    pub per_page: u32,
}

fn codes<T: Code>(name: &str, values: &[String], errors: &mut ValidationErrors) -> Vec<T> {
    let mut out = Vec::new();
    for value in values {
        for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            match T::parse(code) {
                Ok(code) if !out.contains(&code) => out.push(code),
                Ok(_) => {}
                Err(error) => errors.push(name, "unknown_code", error.to_string()),
            }
        }
    }
    out
}

fn number<T: std::str::FromStr>(
    name: &str,
    value: Option<&String>,
    errors: &mut ValidationErrors,
) -> Option<T> {
    let value = value?;
    match value.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(name, "invalid_format", format!("`{value}` is not a number"));
            None
        }
    }
}

impl SearchRequest {
    /// Reads the query string's pairs (lists may repeat or use commas); 422-style errors name
    /// each bad parameter.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Result<Self, ValidationErrors> {
        parse_params(pairs)
    }
}

fn parse_params(pairs: Vec<(String, String)>) -> Result<SearchRequest, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut lists: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut single: BTreeMap<&'static str, String> = BTreeMap::new();
    const LISTS: [&str; 5] = ["language", "cuisine", "diet", "faith_practice", "service"];
    const SINGLE: [&str; 8] = [
        "q",
        "postcode",
        "lat",
        "lon",
        "radius_km",
        "kind",
        "page",
        "per_page",
    ];
    for (name, value) in pairs {
        if let Some(list) = LISTS.iter().find(|l| **l == name) {
            lists.entry(list).or_default().push(value);
        } else if let Some(key) = SINGLE.iter().find(|s| **s == name) {
            if single.insert(key, value).is_some() {
                errors.push(name, "duplicate", "give this parameter once");
            }
        } else {
            errors.push(name, "unknown_parameter", "not a search parameter");
        }
    }
    let list = |name: &str| lists.get(name).cloned().unwrap_or_default();
    let mut params = SearchRequest {
        q: single
            .get("q")
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty()),
        languages: codes("language", &list("language"), &mut errors),
        cuisines: codes("cuisine", &list("cuisine"), &mut errors),
        diets: codes("diet", &list("diet"), &mut errors),
        practices: codes("faith_practice", &list("faith_practice"), &mut errors),
        services: codes("service", &list("service"), &mut errors),
        page: 1,
        per_page: 20,
        ..SearchRequest::default()
    };
    if let Some(kind) = single.get("kind") {
        match kind.parse::<DocKind>() {
            Ok(kind) => params.kind = Some(kind),
            Err(error) => errors.push("kind", "unknown_code", error.to_string()),
        }
    }
    if let Some(page) = number::<u32>("page", single.get("page"), &mut errors) {
        if page == 0 {
            errors.push("page", "out_of_range", "pages start at 1");
        }
        params.page = page.max(1);
    }
    if let Some(per_page) = number::<u32>("per_page", single.get("per_page"), &mut errors) {
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            errors.push("per_page", "out_of_range", "must be from 1 to 100");
        }
        params.per_page = per_page.clamp(1, MAX_PER_PAGE);
    }
    if let Some(postcode) = single.get("postcode") {
        match Postcode::parse(postcode) {
            Ok(postcode) => params.postcode = Some(postcode),
            Err(error) => errors.push("postcode", "invalid_format", error.to_string()),
        }
    }
    let lat = number::<f64>("lat", single.get("lat"), &mut errors);
    let lon = number::<f64>("lon", single.get("lon"), &mut errors);
    match (lat, lon) {
        (Some(lat), Some(lon)) => {
            if !(-90.0..=90.0).contains(&lat) {
                errors.push("lat", "out_of_range", "must be from -90 to 90");
            } else if !(-180.0..=180.0).contains(&lon) {
                errors.push("lon", "out_of_range", "must be from -180 to 180");
            } else {
                params.point = Some(GeoPoint { lat, lon });
            }
        }
        (Some(_), None) => errors.push("lon", "required", "give `lon` with `lat`"),
        (None, Some(_)) => errors.push("lat", "required", "give `lat` with `lon`"),
        (None, None) => {}
    }
    if single.contains_key("postcode") && (single.contains_key("lat") || single.contains_key("lon"))
    {
        errors.push(
            "postcode",
            "conflict",
            "give a postcode or `lat` and `lon`, not both",
        );
    }
    if let Some(radius) = number::<f64>("radius_km", single.get("radius_km"), &mut errors) {
        if !(radius.is_finite() && (0.1..=MAX_RADIUS_KM).contains(&radius)) {
            errors.push("radius_km", "out_of_range", "must be from 0.1 to 200");
        } else if !single.contains_key("postcode") && !single.contains_key("lat") {
            errors.push(
                "radius_km",
                "required",
                "give a centre (`postcode`, or `lat` and `lon`) with `radius_km`",
            );
        }
        params.radius_km = Some(radius);
    }
    // Without a place the text index pages (to its deepest page); with one, every result within
    // the radius is in memory and any page can be read.
    let placed = single.contains_key("postcode") || single.contains_key("lat");
    if !placed && (params.page as usize - 1) * params.per_page as usize > text::MAX_OFFSET {
        errors.push(
            "page",
            "out_of_range",
            format!(
                "at most {} results can be skipped without a place",
                text::MAX_OFFSET
            ),
        );
    }
    errors.into_result().map(|()| params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn lists_may_repeat_or_use_commas() {
        let params = parse_params(pairs("language=yue,cmn&language=eng&service=personal_care"))
            .expect("valid");
        assert_eq!(
            params.languages,
            [
                Language::parse("yue"),
                Language::parse("cmn"),
                Language::parse("eng")
            ]
            .map(|l| l.expect("code"))
        );
        assert_eq!(params.services.len(), 1);
    }

    #[test]
    fn bad_parameters_are_named() {
        let errors = parse_params(pairs(
            "language=xx&per_page=500&kind=robot&radius_km=5&lat=1&colour=red",
        ))
        .expect_err("invalid");
        let fields: Vec<&str> = errors.fields().collect();
        for field in ["language", "per_page", "kind", "lon", "colour"] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
    }
}
