//! `/agency/carers/{id}/edit`: the agency edits one of its PAs' records in a form, saved through
//! the same service call as `PUT /v1/carers/{id}` with the version the form was read at, so a
//! form left open while someone else saved gets a clear "changed meanwhile" (409) instead of
//! silently overwriting. Fields the form does not show (ethnic group and its consent, checks,
//! contact, external reference) are kept as stored (`crate::agency_edit_form`). Errors are shown
//! beside their fields and listed at the top, in the page's language.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, Experience, Faith, FaithPractice, Gender, Language, Proficiency,
    Service, TravelMode, Weekday,
};
use carematch_domain::{AgencyId, Caller, Carer, CarerId, FieldError};
use carematch_service::ServiceError;
use carematch_store::StoreError;
use maud::{Markup, html};
use serde::Deserialize;

use crate::agency_edit_form::{EditForm, level_code, slot_id};
use crate::agency_profile::error_message;
use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, see_other};
use crate::pages::server_error;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(edit_page).service(save);
}

/// The console's link to a PA's edit page.
pub fn edit_path(id: CarerId) -> String {
    format!("/agency/carers/{id}/edit")
}

#[derive(Debug, Deserialize)]
struct IdPath {
    id: i64,
}

/// What the page says above the form.
enum Notice {
    /// Field errors, by form field id, with their codes.
    Invalid(Vec<(String, &'static str)>),
    /// The record changed after the form was read.
    Conflict,
}

/// One of the signed-in agency's live PAs; another agency's, a deleted or an unknown one is the
/// same 404, so ids cannot be probed.
async fn own(
    state: &web::Data<AppState>,
    agency: AgencyId,
    id: CarerId,
) -> Result<Carer, HttpResponse> {
    match state
        .call(move |service| service.own_carer(Caller::Agency(agency), id))
        .await
    {
        Ok(carer) => Ok(carer),
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden) => {
            Err(HttpResponse::NotFound().finish())
        }
        Err(_) => Err(HttpResponse::ServiceUnavailable().finish()),
    }
}

#[get("/agency/carers/{id}/edit")]
async fn edit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<IdPath>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match crate::agency::agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match own(&state, agency, CarerId(path.id)).await {
        Ok(carer) => render(
            &ctx,
            StatusCode::OK,
            carer.id,
            &EditForm::of(&carer.details, carer.version),
            None,
        ),
        Err(response) => response,
    }
}

#[post("/agency/carers/{id}/edit")]
async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<IdPath>,
    body: web::Bytes,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let id = CarerId(path.id);
    let (agency, _) = match crate::agency::agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(pairs) = csrf::session_form(&req, &body) else {
        return csrf::refused(&ctx, &edit_path(id));
    };
    let stored = match own(&state, agency, id).await {
        Ok(carer) => carer,
        Err(response) => return response,
    };
    let form = EditForm::from_pairs(&pairs);
    let (details, errors) = form.apply(&stored.details);
    let outcome = if errors.is_empty() {
        let expected = Some(form.version);
        state
            .call(move |service| {
                service.update_carer(Caller::Agency(agency), id, &details, expected)
            })
            .await
    } else {
        Err(ServiceError::Validation(errors))
    };
    let notice = match outcome {
        Ok(carer) => {
            let name = format!("{} {}", carer.details.given_name, carer.details.family_name);
            let query = serde_urlencoded::to_string([("updated", name)]).unwrap_or_default();
            return see_other(&format!("/agency?{query}"));
        }
        Err(ServiceError::Validation(errors)) => Notice::Invalid(by_field(errors)),
        Err(ServiceError::Store(StoreError::VersionConflict { .. })) => Notice::Conflict,
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden) => {
            return HttpResponse::NotFound().finish();
        }
        Err(_) => return server_error(&ctx),
    };
    let status = match notice {
        Notice::Conflict => StatusCode::CONFLICT,
        Notice::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
    };
    // After a conflict the form keeps what was typed, with the version now stored: saving again
    // is a deliberate choice to keep this version.
    let form = match notice {
        Notice::Conflict => match own(&state, agency, id).await {
            Ok(now) => EditForm {
                version: now.version,
                ..form
            },
            Err(response) => return response,
        },
        Notice::Invalid(_) => form,
    };
    render(&ctx, status, id, &form, Some(notice))
}

/// Field errors by form field id: `languages[1].code` -> `languages`.
fn by_field(errors: Vec<FieldError>) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for e in errors {
        let field = e
            .field
            .split(['[', '.'])
            .next()
            .unwrap_or_default()
            .to_owned();
        if !out.iter().any(|(f, _)| *f == field) {
            out.push((field, e.code));
        }
    }
    out
}

/// The field's error paragraph (when it has one), `id="{field}-error"`.
fn error_line(tr: &Tr, errors: &[(String, &'static str)], field: &str) -> Markup {
    html! {
        @if let Some((_, code)) = errors.iter().find(|(f, _)| f == field) {
            p.field-error id=(format!("{field}-error")) { (error_message(tr, code)) }
        }
    }
}

fn has_error(errors: &[(String, &'static str)], field: &str) -> bool {
    errors.iter().any(|(f, _)| f == field)
}

fn text_input(
    tr: &Tr,
    errors: &[(String, &'static str)],
    (name, label, value): (&str, &str, &str),
    kind: &str,
    extra: Option<&str>,
) -> Markup {
    let invalid = has_error(errors, name);
    html! {
        div.field {
            label for=(name) { (tr.t(label)) }
            (error_line(tr, errors, name))
            input id=(name) name=(name) type=(kind) value=(value)
                inputmode=[extra] step=[(kind == "number").then_some("any")]
                aria-invalid=[invalid.then_some("true")]
                aria-describedby=[invalid.then(|| format!("{name}-error"))];
        }
    }
}

fn select<C: Code>(tr: &Tr, chosen: &str, empty: Option<&str>) -> Markup {
    html! {
        @if let Some(empty) = empty { option value="" { (tr.t(empty)) } }
        @for code in C::all() {
            option value=(code.code()) selected[chosen == code.code()] { (tr.code(*code)) }
        }
    }
}

fn checkboxes<C: Code>(
    tr: &Tr,
    errors: &[(String, &'static str)],
    (name, list, legend): (&str, &str, &str),
    chosen: &[String],
) -> Markup {
    html! {
        fieldset.choices id=(list) {
            legend { (tr.t(legend)) }
            (error_line(tr, errors, list))
            @for code in C::all() {
                @let id = format!("{name}-{}", code.code());
                div.check {
                    input type="checkbox" id=(id) name=(name) value=(code.code())
                        checked[chosen.iter().any(|c| c == code.code())];
                    label for=(id) { (tr.code(*code)) }
                }
            }
        }
    }
}

fn languages(tr: &Tr, errors: &[(String, &'static str)], form: &EditForm) -> Markup {
    html! {
        fieldset #languages {
            legend { (tr.t("agency-edit-languages")) }
            p.hint { (tr.t("agency-edit-languages-hint")) }
            (error_line(tr, errors, "languages"))
            @for (row, chosen) in form.languages.iter().enumerate() {
                @let n = (row + 1).to_string();
                div.language-row {
                    label for=(format!("language-{row}")) { (tr.with("pa-language-n", "n", &n)) }
                    select id=(format!("language-{row}")) name=(format!("language-{row}")) {
                        (select::<Language>(tr, &chosen.code, Some("agency-edit-none")))
                    }
                    label for=(format!("level-{row}")) { (tr.t("pa-proficiency")) }
                    select id=(format!("level-{row}")) name=(format!("level-{row}")) {
                        @for p in Proficiency::ALL {
                            @let code = level_code(*p);
                            option value=(code) selected[chosen.level == code] { (tr.t(&format!("pa-proficiency-{code}"))) }
                        }
                    }
                }
            }
        }
    }
}

fn week(tr: &Tr, errors: &[(String, &'static str)], form: &EditForm) -> Markup {
    html! {
        fieldset #availability {
            legend { (tr.t("pa-availability")) }
            p.hint { (tr.t("agency-edit-week-hint")) }
            (error_line(tr, errors, "availability"))
            @for day in Weekday::all() {
                @for row in 0..form.rows(*day) {
                    @let id = slot_id(*day, row);
                    @let (from, to) = form.slot(*day, row);
                    @let invalid = has_error(errors, &id);
                    @let day_name = tr.code(*day);
                    div.hours id=(id) {
                        (error_line(tr, errors, &id))
                        label for=(format!("{id}-from")) { (tr.with("agency-profile-from", "day", &day_name)) }
                        input id=(format!("{id}-from")) name=(format!("{id}-from")) type="time" step="900" value=(from)
                            aria-invalid=[invalid.then_some("true")] aria-describedby=[invalid.then(|| format!("{id}-error"))];
                        label for=(format!("{id}-to")) { (tr.with("agency-profile-until", "day", &day_name)) }
                        input id=(format!("{id}-to")) name=(format!("{id}-to")) type="time" step="900" value=(to)
                            aria-invalid=[invalid.then_some("true")] aria-describedby=[invalid.then(|| format!("{id}-error"))];
                    }
                }
            }
        }
    }
}

fn check(name: &str, label: String, checked: bool) -> Markup {
    html! {
        div.check {
            input id=(name) type="checkbox" name=(name) value="yes" checked[checked];
            label for=(name) { (label) }
        }
    }
}

fn render(
    ctx: &Ctx,
    status: StatusCode,
    id: CarerId,
    form: &EditForm,
    notice: Option<Notice>,
) -> HttpResponse {
    let tr = &ctx.tr;
    let token = ctx.session_token();
    let errors: &[(String, &'static str)] = match &notice {
        Some(Notice::Invalid(errors)) => errors,
        _ => &[],
    };
    let name = format!("{} {}", form.given_name, form.family_name);
    let title = tr.with("agency-edit-title", "name", &name);
    let action = format!("{}?lang={}", edit_path(id), ctx.locale().tag());
    let main = html! {
        h1 { (title) }
        p { a href="/agency" { (tr.t("agency-edit-back")) } }
        p.intro { (tr.t("agency-edit-intro")) }
        @match &notice {
            Some(Notice::Conflict) => div.error-summary role="alert" tabindex="-1" #error-summary {
                p { (tr.t("agency-edit-conflict")) }
            },
            Some(Notice::Invalid(errors)) => div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("agency-profile-invalid")) }
                ul { @for (field, code) in errors { li { a href=(format!("#{field}")) { (error_message(tr, code)) } } } }
            },
            None => {},
        }
        form.pa-edit method="post" action=(action) {
            (csrf::field(&token))
            input type="hidden" name="version" value=(form.version);
            (text_input(tr, errors, ("given_name", "pa-given-name", &form.given_name), "text", None))
            (text_input(tr, errors, ("family_name", "pa-family-name", &form.family_name), "text", None))
            div.field {
                label for="gender" { (tr.t("pa-gender")) }
                (error_line(tr, errors, "gender"))
                select #gender name="gender" { (select::<Gender>(tr, &form.gender, None)) }
            }
            (languages(tr, errors, form))
            (checkboxes::<Cuisine>(tr, errors, ("cuisine", "cuisines", "agency-edit-cuisines"), &form.cuisines))
            (checkboxes::<DietaryLaw>(tr, errors, ("dietary_law", "dietary_laws", "agency-edit-dietary-laws"), &form.dietary_laws))
            fieldset #faith-group {
                legend { (tr.t("agency-edit-faith-title")) }
                div.field {
                    label for="faith" { (tr.t("agency-edit-faith")) }
                    (error_line(tr, errors, "faith"))
                    select #faith name="faith" { (select::<Faith>(tr, &form.faith, Some("agency-edit-faith-none"))) }
                }
                (check("faith_public_consent", tr.t("agency-edit-faith-consent"), form.faith_public_consent))
            }
            (checkboxes::<FaithPractice>(tr, errors, ("faith_practice", "faith_practices", "agency-edit-faith-practices"), &form.faith_practices))
            (checkboxes::<Service>(tr, errors, ("service", "services", "agency-edit-services"), &form.services))
            (checkboxes::<Experience>(tr, errors, ("experience", "experience", "agency-edit-experience"), &form.experience))
            (week(tr, errors, form))
            (text_input(tr, errors, ("hours_per_week", "agency-edit-hours", &form.hours_per_week), "number", Some("numeric")))
            (check("accepting_new_clients", tr.t("agency-edit-accepting"), form.accepting_new_clients))
            (text_input(tr, errors, ("postcode", "agency-edit-postcode", &form.postcode), "text", None))
            (text_input(tr, errors, ("travel_radius_km", "pa-radius", &form.travel_radius_km), "number", Some("decimal")))
            div.field {
                label for="travel_mode" { (tr.t("pa-travel-mode")) }
                (error_line(tr, errors, "travel_mode"))
                select #travel_mode name="travel_mode" { (select::<TravelMode>(tr, &form.travel_mode, None)) }
            }
            (text_input(tr, errors, ("hourly_rate", "pa-rate", &form.hourly_rate), "text", Some("decimal")))
            div.field {
                label for="bio" { (tr.t("agency-edit-bio")) }
                (error_line(tr, errors, "bio"))
                textarea #bio name="bio" dir="auto" rows="5" maxlength="2000"
                    aria-invalid=[has_error(errors, "bio").then_some("true")]
                    aria-describedby=[has_error(errors, "bio").then_some("bio-error")] { (form.bio) }
            }
            (check("public_listing_consent", tr.t("agency-edit-listed"), form.public_listing_consent))
            p.hint { (tr.t("agency-edit-kept")) }
            p { button type="submit" { (tr.t("agency-edit-save")) } }
        }
    };
    ctx.respond(status, &title, Section::Agency, main)
}
