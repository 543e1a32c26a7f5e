//! `/agency/profile`: the signed-in agency edits its public profile (the same service call and
//! rules as `PUT /v1/agencies/{id}`), and the block every public card of a PA shows: the agency
//! that holds them with its public contact, never the PA's own.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_domain::vocabulary::{Code, Language, Weekday};
use carematch_domain::{AgencyContact, AgencyProfile, Caller, FieldError, OfficeHours};
use carematch_domain::{Slot, TimeOfDay};
use carematch_service::ServiceError;
use carematch_service::agencies::PublicAgency;
use carematch_store::StoreError;
use maud::{Markup, html};

use crate::csrf;
use crate::find_page::language_boxes;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, query_pairs, see_other};
use crate::pages::{server_error, slots_summary};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(page).service(save);
}

/// Office hours rows per day in the form (a split day has two).
const ROWS_PER_DAY: usize = 2;

/// What the form holds: the profile as typed, and the version it was read at.
#[derive(Debug, Clone, Default)]
struct ProfileForm {
    name: String,
    phone: String,
    email: String,
    website: String,
    /// `(day, row) -> (start, end)` as typed.
    hours: Vec<(Weekday, usize, String, String)>,
    languages: Vec<Language>,
    areas: String,
    description: String,
    version: Option<i64>,
}

impl ProfileForm {
    fn of(agency: &PublicAgency) -> Self {
        let mut hours = Vec::new();
        for day in Weekday::all() {
            let of_day: Vec<&OfficeHours> = agency
                .office_hours
                .iter()
                .filter(|h| h.day == *day)
                .collect();
            for (row, h) in of_day.iter().take(ROWS_PER_DAY).enumerate() {
                hours.push((*day, row, h.start.to_string(), h.end.to_string()));
            }
        }
        Self {
            name: agency.name.clone(),
            phone: agency.phone.clone().unwrap_or_default(),
            email: agency.email.clone().unwrap_or_default(),
            website: agency.website.clone().unwrap_or_default(),
            hours,
            languages: agency.staff_languages.clone(),
            areas: agency.areas.join(", "),
            description: agency.description.clone(),
            version: Some(agency.version),
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "name" => form.name = value.clone(),
                "phone" => form.phone = value.trim().to_owned(),
                "email" => form.email = value.trim().to_owned(),
                "website" => form.website = value.trim().to_owned(),
                "areas" => form.areas = value.clone(),
                "description" => form.description = value.clone(),
                "version" => form.version = value.parse().ok(),
                "language" => {
                    if let Ok(language) = Language::parse(value)
                        && !form.languages.contains(&language)
                    {
                        form.languages.push(language);
                    }
                }
                _ => form.hour_field(key, value),
            }
        }
        form
    }

    /// `hours-mon-0-start=09:00`.
    fn hour_field(&mut self, key: &str, value: &str) {
        let mut parts = key.split('-');
        let (Some("hours"), Some(day), Some(row), Some(end), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return;
        };
        let (Ok(day), Ok(row)) = (Weekday::parse(day), row.parse::<usize>()) else {
            return;
        };
        if row >= ROWS_PER_DAY {
            return;
        }
        let index = match self.hours.iter().position(|h| h.0 == day && h.1 == row) {
            Some(i) => i,
            None => {
                self.hours.push((day, row, String::new(), String::new()));
                self.hours.len() - 1
            }
        };
        match end {
            "start" => self.hours[index].2 = value.trim().to_owned(),
            "end" => self.hours[index].3 = value.trim().to_owned(),
            _ => {}
        }
    }

    fn hours_of(&self, day: Weekday, row: usize) -> (&str, &str) {
        self.hours
            .iter()
            .find(|h| h.0 == day && h.1 == row)
            .map_or(("", ""), |h| (h.2.as_str(), h.3.as_str()))
    }

    /// The profile, or the fields the form itself cannot read (a time not on the quarter
    /// hour, an opening time without a closing one). `ids` names each office-hours entry's
    /// form row, so that the service's `office_hours[i]` errors land next to it.
    fn to_profile(&self) -> (AgencyProfile, Vec<String>, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut office_hours = Vec::new();
        let mut ids = Vec::new();
        let mut rows: Vec<&(Weekday, usize, String, String)> = self.hours.iter().collect();
        rows.sort_by_key(|h| (h.0.index(), h.1));
        for (day, row, start, end) in rows {
            if start.is_empty() && end.is_empty() {
                continue;
            }
            let id = format!("hours-{}-{row}", day.code());
            match (TimeOfDay::parse(start), TimeOfDay::parse(end)) {
                (Ok(start), Ok(end)) => {
                    office_hours.push(OfficeHours {
                        day: *day,
                        start,
                        end,
                    });
                    ids.push(id);
                }
                _ => errors.push(FieldError {
                    field: id,
                    code: "invalid_format",
                    reason: "a time on the quarter hour".into(),
                }),
            }
        }
        let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        let profile = AgencyProfile {
            name: self.name.clone(),
            phone: optional(&self.phone),
            email: optional(&self.email),
            website: optional(&self.website),
            office_hours,
            staff_languages: self.languages.clone(),
            areas: self
                .areas
                .split([',', ' ', ';', '\n'])
                .map(|a| a.trim().to_ascii_uppercase())
                .filter(|a| !a.is_empty())
                .collect(),
            description: self.description.clone(),
        };
        (profile, ids, errors)
    }
}

/// Field errors by form field id: `areas[2]` -> `areas`, `office_hours[1]` -> its row.
fn by_form_field(errors: Vec<FieldError>, hour_ids: &[String]) -> Vec<(String, &'static str)> {
    errors
        .into_iter()
        .map(|e| {
            let base = e.field.split('[').next().unwrap_or_default().to_owned();
            let id = match base.as_str() {
                "office_hours" => e
                    .field
                    .trim_start_matches("office_hours[")
                    .trim_end_matches(']')
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| hour_ids.get(i).cloned())
                    .unwrap_or(base),
                "staff_languages" => "languages".to_owned(),
                _ => base,
            };
            (id, e.code)
        })
        .collect()
}

/// A field error in the page's language, by the error's stable code (the agency's PA edit page
/// uses it too).
pub(crate) fn error_message(tr: &Tr, code: &str) -> String {
    tr.t(match code {
        "required" => "agency-error-required",
        "out_of_range" => "agency-error-range",
        "unknown_postcode" => "agency-error-postcode",
        "too_long" => "agency-error-too-long",
        "invalid_order" => "agency-error-order",
        "duplicate" => "agency-error-duplicate",
        "unknown_code" => "agency-error-unknown",
        _ => "agency-error-format",
    })
}

enum Notice {
    Saved,
    Invalid(Vec<(String, &'static str)>),
    Conflict,
}

#[get("/agency/profile")]
async fn page(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match crate::agency::agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Ok(current) = state.call(move |service| service.agency(agency)).await else {
        return server_error(&ctx);
    };
    let saved = query_pairs(req.query_string())
        .iter()
        .any(|(k, v)| k == "saved" && v == "1");
    let notice = saved.then_some(Notice::Saved);
    render(
        &ctx,
        StatusCode::OK,
        &ProfileForm::of(&current),
        &current,
        notice,
    )
}

#[post("/agency/profile")]
async fn save(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match crate::agency::agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(pairs) = csrf::session_form(&req, &body) else {
        return csrf::refused(&ctx, "/agency/profile");
    };
    let form = ProfileForm::from_pairs(&pairs);
    let (profile, hour_ids, form_errors) = form.to_profile();
    let expected = form.version;
    let outcome = if form_errors.is_empty() {
        state
            .call(move |service| {
                service.update_agency(Caller::Agency(agency), agency, profile, expected)
            })
            .await
    } else {
        // Every other field is checked too, so that all problems show at once.
        let mut all = form_errors;
        if let Err(more) = profile.parse() {
            all.extend(more.0);
        }
        Err(ServiceError::Validation(all))
    };
    let notice = match outcome {
        Ok(_) => return see_other("/agency/profile?saved=1"),
        Err(ServiceError::Validation(errors)) => Notice::Invalid(by_form_field(errors, &hour_ids)),
        Err(ServiceError::Store(StoreError::VersionConflict { .. })) => Notice::Conflict,
        Err(_) => return server_error(&ctx),
    };
    let Ok(current) = state.call(move |service| service.agency(agency)).await else {
        return server_error(&ctx);
    };
    // After a conflict the form keeps what was typed with the version now stored, so that
    // saving again deliberately keeps this version.
    let form = ProfileForm {
        version: Some(current.version),
        ..form
    };
    let status = match notice {
        Notice::Conflict => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    render(&ctx, status, &form, &current, Some(notice))
}

fn render(
    ctx: &Ctx,
    status: StatusCode,
    form: &ProfileForm,
    current: &PublicAgency,
    notice: Option<Notice>,
) -> HttpResponse {
    let tr = &ctx.tr;
    let token = ctx.session_token();
    let errors: &[(String, &'static str)] = match &notice {
        Some(Notice::Invalid(errors)) => errors,
        _ => &[],
    };
    let error_of = |id: &str| errors.iter().find(|(f, _)| f == id).map(|(_, c)| *c);
    let text_field = |id: &str,
                      label: &str,
                      hint: Option<&str>,
                      value: &str,
                      kind: &str,
                      autocomplete: &str| {
        let error = error_of(id);
        let described = [
            hint.map(|_| format!("{id}-hint")),
            error.map(|_| format!("{id}-error")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        html! {
            div.field {
                label for=(id) { (tr.t(label)) }
                @if let Some(hint) = hint { p.hint id=(format!("{id}-hint")) { (tr.t(hint)) } }
                @if let Some(code) = error { p.field-error id=(format!("{id}-error")) { (error_message(tr, code)) } }
                input id=(id) name=(id) type=(kind) value=(value) autocomplete=(autocomplete)
                    aria-describedby=[(!described.is_empty()).then_some(described.as_str())]
                    aria-invalid=[error.map(|_| "true")];
            }
        }
    };
    let known: Vec<String> = current
        .areas
        .iter()
        .filter_map(|code| {
            current
                .area_names
                .get(code)
                .map(|name| format!("{name} ({code})"))
        })
        .collect();
    let main = html! {
        h1 { (tr.t("agency-profile-title")) }
        p { a href="/agency" { (tr.t("agency-title")) } }
        p.intro { (tr.t("agency-profile-intro")) }
        @match &notice {
            Some(Notice::Saved) => p.notice role="status" { (tr.t("agency-profile-saved")) },
            Some(Notice::Conflict) => div.error-summary role="alert" tabindex="-1" #error-summary { p { (tr.t("agency-profile-conflict")) } },
            Some(Notice::Invalid(errors)) => div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("agency-profile-invalid")) }
                ul { @for (id, code) in errors { li { a href=(format!("#{id}")) { (error_message(tr, code)) } } } }
            },
            None => {},
        }
        form.profile method="post" action="/agency/profile" {
            (csrf::field(&token))
            @if let Some(version) = form.version { input type="hidden" name="version" value=(version); }
            div.field {
                label for="name" { (tr.t("agency-profile-name")) }
                @if let Some(code) = error_of("name") { p.field-error #name-error { (error_message(tr, code)) } }
                input #name name="name" type="text" value=(form.name) required maxlength="120" autocomplete="organization"
                    aria-describedby=[error_of("name").map(|_| "name-error")]
                    aria-invalid=[error_of("name").map(|_| "true")];
            }
            (text_field("phone", "agency-profile-phone", Some("agency-profile-phone-hint"), &form.phone, "tel", "tel"))
            (text_field("email", "agency-profile-email", None, &form.email, "email", "email"))
            (text_field("website", "agency-profile-website", Some("agency-profile-website-hint"), &form.website, "url", "url"))
            fieldset {
                legend { (tr.t("agency-profile-hours")) }
                p.hint { (tr.t("agency-profile-hours-hint")) }
                @for day in Weekday::all() {
                    @for row in 0..ROWS_PER_DAY {
                        @let id = format!("hours-{}-{row}", day.code());
                        @let (start, end) = form.hours_of(*day, row);
                        @let error = error_of(&id);
                        div.hours id=(id) {
                            @if let Some(code) = error { p.field-error id=(format!("{id}-error")) { (error_message(tr, code)) } }
                            @let day_name = tr.code(*day);
                            label for=(format!("{id}-start")) { (tr.with("agency-profile-from", "day", &day_name)) }
                            input id=(format!("{id}-start")) name=(format!("{id}-start")) type="time" step="900" value=(start)
                                aria-invalid=[error.map(|_| "true")] aria-describedby=[error.map(|_| format!("{id}-error"))];
                            label for=(format!("{id}-end")) { (tr.with("agency-profile-until", "day", &day_name)) }
                            input id=(format!("{id}-end")) name=(format!("{id}-end")) type="time" step="900" value=(end)
                                aria-invalid=[error.map(|_| "true")] aria-describedby=[error.map(|_| format!("{id}-error"))];
                        }
                    }
                }
            }
            fieldset #languages {
                legend { (tr.t("agency-profile-languages")) }
                @if let Some(code) = error_of("languages") { p.field-error { (error_message(tr, code)) } }
                (language_boxes(Language::all(), &form.languages))
            }
            div.field {
                label for="areas" { (tr.t("agency-profile-areas")) }
                p.hint #areas-hint { (tr.t("agency-profile-areas-hint")) }
                @if !known.is_empty() { p.hint { (tr.with("agency-profile-areas-known", "names", &known.join(", "))) } }
                @if let Some(code) = error_of("areas") { p.field-error #areas-error { (error_message(tr, code)) } }
                input #areas name="areas" type="text" value=(form.areas) autocomplete="off"
                    aria-describedby=(if error_of("areas").is_some() { "areas-hint areas-error" } else { "areas-hint" })
                    aria-invalid=[error_of("areas").map(|_| "true")];
            }
            div.field {
                label for="description" { (tr.t("agency-profile-description")) }
                p.hint #description-hint { (tr.t("agency-profile-description-hint")) }
                @if let Some(code) = error_of("description") { p.field-error #description-error { (error_message(tr, code)) } }
                textarea #description name="description" rows="6" maxlength="1000"
                    aria-describedby=(if error_of("description").is_some() { "description-hint description-error" } else { "description-hint" })
                    aria-invalid=[error_of("description").map(|_| "true")] { (form.description) }
            }
            p { button type="submit" { (tr.t("agency-profile-save")) } }
        }
    };
    ctx.respond(status, &tr.t("agency-profile-title"), Section::Agency, main)
}

/// The agency that holds a PA, with its public contact, as a card shows it.
pub fn agency_block(tr: &Tr, agency: &AgencyContact) -> Markup {
    let hours: Vec<Slot> = agency
        .office_hours
        .iter()
        .map(|h| Slot {
            day: h.day,
            start: h.start,
            end: h.end,
            overnight: false,
        })
        .collect();
    html! {
        div.agency {
            p { (tr.with("agency-card-listed-by", "agency", &agency.name)) }
            @if agency.phone.is_some() || agency.email.is_some() || agency.website.is_some() {
                p { (tr.t("agency-card-contact")) }
                ul.contact {
                    @if let Some(phone) = &agency.phone {
                        li { (tr.t("contact-phone")) ": " a href=(format!("tel:{}", phone.replace(' ', ""))) { bdi { (phone) } } }
                    }
                    @if let Some(email) = &agency.email {
                        li { (tr.t("contact-email")) ": " a href=(format!("mailto:{email}")) { bdi { (email) } } }
                    }
                    @if let Some(website) = &agency.website {
                        li { (tr.t("agency-card-website")) ": " a href=(website) rel="noopener" { bdi { (website) } } }
                    }
                    @if !hours.is_empty() {
                        li { (tr.t("agency-card-hours")) ": " (slots_summary(tr, &hours)) }
                    }
                }
            }
        }
    }
}
