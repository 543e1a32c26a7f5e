//! The listing form an organisation fills in to propose a new listing or to change one it
//! manages: what it holds, how it becomes a submission's payload, and its fields on the page.

use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, FaithPractice, Language, ProviderKind, Service,
};
use carematch_domain::{FieldError, Postcode, ProviderDetails, ServiceArea};
use maud::{Markup, html};
use serde_json::{Value, json};

use crate::find_page::language_boxes;
use crate::i18n::Tr;

/// The radius offered when the form is first shown, km.
const DEFAULT_RADIUS_KM: &str = "5";

/// What the listing form holds, as sent (repeated keys for the ticked boxes).
#[derive(Debug, Clone, Default)]
pub(super) struct Proposal {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub languages: Vec<String>,
    pub cuisines: Vec<String>,
    pub diets: Vec<String>,
    pub practices: Vec<String>,
    pub services: Vec<String>,
    pub postcode: String,
    pub km: String,
    pub accepting: bool,
    pub phone: String,
    pub email: String,
    pub note: String,
    pub csrf: String,
}

fn codes<C: Code>(all: &[C]) -> Vec<String> {
    all.iter().map(|c| c.code().to_owned()).collect()
}

impl Proposal {
    pub fn blank() -> Self {
        Self {
            km: DEFAULT_RADIUS_KM.to_owned(),
            accepting: true,
            ..Self::default()
        }
    }

    /// The form filled in with a listing as it stands (the edit page). A listing whose area is
    /// drawn as a polygon shows no radius: left empty, the polygon is kept.
    pub fn from_details(details: &ProviderDetails) -> Self {
        Self {
            name: details.name.clone(),
            kind: details.kind.code().to_owned(),
            description: details.description.clone(),
            languages: codes(&details.staff_languages),
            cuisines: codes(&details.cuisines),
            diets: codes(&details.dietary_laws),
            practices: codes(&details.faith_practices),
            services: codes(&details.services),
            postcode: details.postcode.to_string(),
            km: match &details.service_area {
                ServiceArea::Radius { km } => km.get().to_string(),
                ServiceArea::Polygon { .. } => String::new(),
            },
            accepting: details.accepting_new_clients,
            phone: details.contact.phone.clone().unwrap_or_default(),
            email: details.contact.email.clone().unwrap_or_default(),
            note: String::new(),
            csrf: String::new(),
        }
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self::default();
        for (key, value) in pairs {
            let value = value.clone();
            match key.as_str() {
                "name" => form.name = value,
                "kind" => form.kind = value,
                "description" => form.description = value,
                "language" => form.languages.push(value),
                "cuisine" => form.cuisines.push(value),
                "diet" => form.diets.push(value),
                "practice" => form.practices.push(value),
                "service" => form.services.push(value),
                "postcode" => form.postcode = value,
                "km" => form.km = value,
                "accepting" => form.accepting = value == "yes",
                "phone" => form.phone = value,
                "email" => form.email = value,
                "note" => form.note = value,
                "csrf" => form.csrf = value,
                _ => {}
            }
        }
        form
    }

    /// A new listing's details as `POST /v1/submissions` takes them, or the fields the form
    /// itself can tell are wrong (the rest is validated by the service).
    pub fn payload(&self) -> Result<Value, Vec<FieldError>> {
        let (mut value, errors) = self.checked(false);
        value["self_referral"] = json!(true);
        if errors.is_empty() {
            Ok(value)
        } else {
            Err(errors)
        }
    }

    /// The changed listing: `current` with what the form shows laid over it, so that what the
    /// form does not show (opening hours, rates, checks, a drawn area, the website) is kept.
    pub fn payload_over(&self, current: &ProviderDetails) -> Result<Value, Vec<FieldError>> {
        let keeps_polygon = matches!(current.service_area, ServiceArea::Polygon { .. })
            && self.km.trim().is_empty();
        let (changes, errors) = self.checked(keeps_polygon);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut value = serde_json::to_value(current).map_err(|_| {
            vec![FieldError {
                field: "name".into(),
                code: "invalid_format",
                reason: String::new(),
            }]
        })?;
        if let (Value::Object(into), Value::Object(changes)) = (&mut value, changes) {
            for (key, change) in changes {
                match (key.as_str(), into.get_mut(key.as_str())) {
                    // Phone and e-mail come from the form; the rest of the contact stays.
                    ("contact", Some(Value::Object(contact))) => {
                        if let Value::Object(change) = change {
                            for (field, v) in change {
                                contact.insert(field, v);
                            }
                        }
                    }
                    ("service_area", _) if keeps_polygon => {}
                    _ => {
                        into.insert(key, change);
                    }
                }
            }
        }
        Ok(value)
    }

    /// The form's fields as provider details, and the errors the form can tell by itself.
    fn checked(&self, area_optional: bool) -> (Value, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut bad = |field: &str, code: &'static str| {
            errors.push(FieldError {
                field: field.into(),
                code,
                reason: String::new(),
            });
        };
        if ProviderKind::parse(&self.kind).is_err() {
            bad("kind", "required");
        }
        if self.languages.is_empty() || !all_known::<Language>(&self.languages) {
            bad("language", "required");
        }
        if self.services.is_empty() || !all_known::<Service>(&self.services) {
            bad("service", "required");
        }
        if !all_known::<Cuisine>(&self.cuisines) {
            bad("cuisine", "invalid_format");
        }
        if !all_known::<DietaryLaw>(&self.diets) {
            bad("diet", "invalid_format");
        }
        if !all_known::<FaithPractice>(&self.practices) {
            bad("practice", "invalid_format");
        }
        if Postcode::parse(&self.postcode).is_err() {
            bad("postcode", "invalid_format");
        }
        let km = self.km.trim().parse::<f64>().ok().filter(|km| *km > 0.0);
        if km.is_none() && !area_optional {
            bad("km", "invalid_format");
        }
        let optional = |value: &str| {
            let value = value.trim();
            (!value.is_empty()).then(|| value.to_owned())
        };
        // Sending the form is the organisation saying that all of it is true today.
        let today = carematch_service::today();
        let value = json!({
            "name": self.name.trim(),
            "kind": self.kind,
            "description": self.description.trim(),
            "staff_languages": self.languages,
            "cuisines": self.cuisines,
            "dietary_laws": self.diets,
            "faith_practices": self.practices,
            "services": self.services,
            "postcode": self.postcode.trim(),
            "service_area": {"type": "radius", "km": km.unwrap_or(1.0)},
            "accepting_new_clients": self.accepting,
            "accepting_confirmed_on": today,
            "contact": {"phone": optional(&self.phone), "email": optional(&self.email)},
            "last_confirmed_on": today,
        });
        (value, errors)
    }
}

/// Whether every ticked box is a code of `C` (the form offers no others).
fn all_known<C: Code>(codes: &[String]) -> bool {
    codes.iter().all(|c| C::parse(c).is_ok())
}

/// The form field a service error names (`payload.contact.phone` is the `phone` input).
pub(super) fn form_field(field: &str) -> &str {
    let field = field.strip_prefix("payload.").unwrap_or(field);
    match field {
        "staff_languages" => "language",
        "cuisines" => "cuisine",
        "dietary_laws" => "diet",
        "faith_practices" => "practice",
        "services" => "service",
        f if f.starts_with("service_area") => "km",
        f if f.starts_with("contact.phone") => "phone",
        f if f.starts_with("contact.email") => "email",
        f if f.starts_with("contact") => "email",
        "account" => "account",
        f if f.starts_with("name") => "name",
        f if f.starts_with("description") => "description",
        other => other,
    }
}

pub(super) fn error_text(tr: &Tr, error: &FieldError) -> String {
    let field = form_field(&error.field);
    match (field, error.code) {
        ("account", _) => tr.t("organisation-error-unconfirmed"),
        ("postcode", "unknown_postcode") => tr.t("organisation-error-unknown-postcode"),
        (_, "too_long") => tr.t("enquire-error-too-long"),
        (
            "name" | "kind" | "language" | "service" | "postcode" | "km" | "phone" | "email"
            | "provider_id",
            _,
        ) => tr.t(&format!("organisation-error-{}", field.replace('_', "-"))),
        _ => tr.t("enquire-error-invalid"),
    }
}

/// The list of errors at the top of a page, each a link to its field.
pub(super) fn error_summary(tr: &Tr, errors: &[FieldError]) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("enquire-errors")) }
                ul { @for error in errors {
                    li { a href=(format!("#{}", form_field(&error.field))) { (error_text(tr, error)) } }
                } }
            }
        }
    }
}

/// The marks of the last send's errors on a form's fields: the message under a field, and
/// its `aria-invalid` and `aria-describedby`.
pub(super) struct Marks<'a> {
    pub tr: &'a Tr,
    pub errors: &'a [FieldError],
}

impl Marks<'_> {
    fn text(&self, input: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| form_field(&e.field) == input)
            .map(|e| error_text(self.tr, e))
    }

    pub fn message(&self, input: &str) -> Markup {
        html! {
            @if let Some(text) = self.text(input) {
                p.field-error id=(format!("{input}-error")) { (text) }
            }
        }
    }

    pub fn invalid(&self, input: &str) -> Option<&'static str> {
        self.text(input).map(|_| "true")
    }

    pub fn described(&self, input: &str) -> Option<String> {
        self.text(input).map(|_| format!("{input}-error"))
    }
}

fn checkboxes<C: Code>(tr: &Tr, name: &str, all: &[C], chosen: &[String]) -> Markup {
    html! {
        ul.choices {
            @for code in all {
                @let id = format!("{name}-{}", code.code());
                li {
                    input type="checkbox" id=(id) name=(name) value=(code.code()) checked[chosen.iter().any(|c| c == code.code())];
                    label for=(id) { (tr.code(*code)) }
                }
            }
        }
    }
}

/// Every field of the listing form, with the errors of the last send beside their fields.
/// `area_optional`: the listing's area is a drawn polygon, kept when the radius is left empty.
pub(super) fn fields(
    tr: &Tr,
    form: &Proposal,
    errors: &[FieldError],
    area_optional: bool,
) -> Markup {
    let marks = Marks { tr, errors };
    let field_error = |input: &str| marks.message(input);
    let invalid = |input: &str| marks.invalid(input);
    let described = |input: &str| marks.described(input);
    let languages: Vec<Language> = form
        .languages
        .iter()
        .filter_map(|c| Language::parse(c).ok())
        .collect();
    html! {
        div.field {
            label for="name" { (tr.t("organisation-name")) }
            input #name type="text" name="name" value=(form.name) maxlength="120" required
                aria-invalid=[invalid("name")] aria-describedby=[described("name")];
            (field_error("name"))
        }
        div.field {
            label for="kind" { (tr.t("organisation-kind")) }
            select #kind name="kind" aria-invalid=[invalid("kind")] aria-describedby=[described("kind")] {
                @for kind in ProviderKind::all() {
                    option value=(kind.code()) selected[form.kind == kind.code()] { (tr.code(*kind)) }
                }
            }
            (field_error("kind"))
        }
        div.field {
            label for="description" { (tr.t("organisation-description")) }
            textarea #description name="description" rows="4" maxlength="4000"
                aria-invalid=[invalid("description")] aria-describedby=[described("description")] { (form.description) }
            (field_error("description"))
        }
        fieldset #language aria-invalid=[invalid("language")] {
            legend { (tr.t("organisation-languages")) }
            (field_error("language"))
            (language_boxes(Language::all(), &languages))
        }
        fieldset #service aria-invalid=[invalid("service")] {
            legend { (tr.t("organisation-services")) }
            (field_error("service"))
            (checkboxes(tr, "service", Service::all(), &form.services))
        }
        fieldset #cuisine {
            legend { (tr.t("organisation-cuisines")) }
            (checkboxes(tr, "cuisine", Cuisine::all(), &form.cuisines))
        }
        fieldset #diet {
            legend { (tr.t("organisation-diets")) }
            (checkboxes(tr, "diet", DietaryLaw::all(), &form.diets))
        }
        fieldset #practice {
            legend { (tr.t("organisation-practices")) }
            (checkboxes(tr, "practice", FaithPractice::all(), &form.practices))
        }
        div.field {
            label for="postcode" { (tr.t("field-postcode")) }
            input #postcode type="text" name="postcode" value=(form.postcode) size="10" required
                autocomplete="postal-code" aria-invalid=[invalid("postcode")] aria-describedby=[described("postcode")];
            (field_error("postcode"))
        }
        div.field {
            label for="km" { (tr.t("organisation-radius")) }
            @if area_optional {
                p.hint #km-hint { (tr.t("organisation-radius-polygon")) }
                input #km type="number" name="km" value=(form.km) min="1" max="1000" step="any"
                    aria-invalid=[invalid("km")] aria-describedby=(described("km").unwrap_or_else(|| "km-hint".to_owned()));
            } @else {
                input #km type="number" name="km" value=(form.km) min="1" max="1000" step="any" required
                    aria-invalid=[invalid("km")] aria-describedby=[described("km")];
            }
            (field_error("km"))
        }
        div.field {
            input #accepting type="checkbox" name="accepting" value="yes" checked[form.accepting];
            " " label for="accepting" { (tr.t("organisation-accepting")) }
        }
        div.field {
            label for="phone" { (tr.t("organisation-phone")) }
            input #phone type="tel" name="phone" value=(form.phone) autocomplete="tel"
                aria-invalid=[invalid("phone")] aria-describedby=[described("phone")];
            (field_error("phone"))
        }
        div.field {
            label for="email" { (tr.t("organisation-email")) }
            input #email type="email" name="email" value=(form.email) autocomplete="email"
                aria-invalid=[invalid("email")] aria-describedby=[described("email")];
            (field_error("email"))
        }
        div.field {
            label for="note" { (tr.t("organisation-note")) }
            textarea #note name="note" rows="2" maxlength="2000"
                aria-invalid=[invalid("note")] aria-describedby=[described("note")] { (form.note) }
            (field_error("note"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn details() -> ProviderDetails {
        use carematch_testkit::build::{leicester, provider, slot};
        let mut details = provider(1, leicester()).details;
        details.opening_hours = vec![slot(
            carematch_domain::vocabulary::Weekday::Tue,
            "11:00",
            "14:00",
            false,
        )];
        details
    }

    #[test]
    fn an_edit_keeps_what_the_form_does_not_show() {
        let mut current = details();
        current.contact.website = Some("https://shapla.example".into());
        let mut form = Proposal::from_details(&current);
        form.name = "Shapla Luncheon Club".into();
        form.phone = "0116 496 0999".into();
        let value = form.payload_over(&current).expect("valid");
        let details: ProviderDetails = serde_json::from_value(value).expect("provider details");
        assert_eq!(details.name, "Shapla Luncheon Club");
        assert_eq!(details.contact.phone.as_deref(), Some("0116 496 0999"));
        assert_eq!(
            details.contact.website.as_deref(),
            Some("https://shapla.example")
        );
        assert_eq!(details.opening_hours, current.opening_hours);
        assert_eq!(details.hourly_rate, current.hourly_rate);
        assert_eq!(details.checks, current.checks);
    }

    #[test]
    fn a_drawn_area_stays_unless_a_radius_is_given() {
        let polygon = ServiceArea::Polygon {
            coordinates: vec![vec![[-1.2, 52.6], [-1.1, 52.6], [-1.1, 52.7], [-1.2, 52.6]]],
        };
        let mut current = details();
        current.service_area = polygon.clone();
        let form = Proposal::from_details(&current);
        assert_eq!(form.km, "");
        let kept: ProviderDetails =
            serde_json::from_value(form.payload_over(&current).expect("valid")).expect("details");
        assert_eq!(kept.service_area, polygon);
        let mut radius = form.clone();
        radius.km = "4".into();
        let changed: ProviderDetails =
            serde_json::from_value(radius.payload_over(&current).expect("valid")).expect("details");
        assert!(matches!(changed.service_area, ServiceArea::Radius { .. }));
    }

    #[test]
    fn a_new_listing_needs_a_radius_and_the_form_names_its_fields() {
        let form = Proposal::from_pairs(&pairs(&[("name", "Club"), ("kind", "nope")]));
        let errors = form.payload().expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "language", "service", "postcode", "km"]);
    }
}
