//! Personal assistants who register themselves (docs/listings.md, "PA self-registration"):
//!
//! - `/pa/register`: the registration form, in the interface language; it calls the same
//!   service function as `POST /v1/pa/registrations` and answers "check your e-mail" alike for
//!   a new registration, an e-mail already registered and a filled honeypot.
//! - `/pa/confirm/{token}`, `/pa/sign-in/{token}`: the e-mailed links' pages. Opening one
//!   changes nothing (mail scanners fetch links); its button redeems the link once and opens a
//!   session for the PA's key. `/pa/sign-in` e-mails a sign-in link.
//! - `/pa`: the PA's own record, its vetting, a form for the facts they keep current
//!   themselves (availability, hours, taking new clients), "all still true", and their edits'
//!   statuses in the moderation queue.
//!
//! The agency's side (the PAs waiting for its checks) is on `/agency` ([`waiting_section`]).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::middleware::{PublicWrite, charge_public_write};
use carematch_api::{ApiError, AppState};
use carematch_domain::vocabulary::{
    CheckKind, Code, Cuisine, DietaryLaw, FaithPractice, Gender, Language, Proficiency, Service,
    TravelMode, Weekday,
};
use carematch_domain::{
    AgencyId, Caller, Carer, CarerId, Check, FieldError, Slot, TimeOfDay, Vetting,
};
use carematch_service::accounts::LinkMail;
use carematch_service::pa::{OperationalUpdate, PaRegistration, VettingDecision};
use carematch_store::{LinkPurpose, Submission};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::accounts::{LinkPages, purpose_of};
use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, hidden, see_other};
use crate::pages::server_error;
use crate::session::{TokenForm, current, open_session};

/// Rows of languages on the registration form.
const LANGUAGE_ROWS: usize = 3;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(register_form)
        .service(register)
        .service(sign_in_form)
        .service(request_link)
        .service(link_page)
        .service(follow_link)
        .service(home)
        .service(update_operational)
        .service(confirm_listing)
        .service(decide);
}

/// A form's fields as sent, in order (checkboxes repeat their name).
type Pairs = Vec<(String, String)>;

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn values<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn field_error<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a FieldError> {
    errors
        .iter()
        .find(|e| e.field == field || e.field.starts_with(&format!("{field}[")))
}

/// A field's error, next to the field (in English: the service's own words).
fn error_of(errors: &[FieldError], field: &str) -> Markup {
    html! {
        @if let Some(e) = field_error(errors, field) {
            p.field-error id=(format!("{field}-error")) { span lang="en" { (e.reason) } }
        }
    }
}

fn text_field(
    tr: &Tr,
    pairs: &[(String, String)],
    errors: &[FieldError],
    name: &str,
    label: &str,
    kind: &str,
) -> Markup {
    let invalid = field_error(errors, name).is_some();
    html! {
        div.field {
            label for=(name) { (tr.t(label)) }
            (error_of(errors, name))
            input id=(name) name=(name) type=(kind) value=(value(pairs, name))
                aria-invalid=[invalid.then_some("true")]
                aria-describedby=[invalid.then(|| format!("{name}-error"))];
        }
    }
}

fn code_options<C: Code>(tr: &Tr, chosen: &str) -> Markup {
    html! {
        option value="" { "—" }
        @for code in C::all() {
            option value=(code.code()) selected[chosen == code.code()] { (tr.code(*code)) }
        }
    }
}

fn code_checkboxes<C: Code>(
    tr: &Tr,
    pairs: &[(String, String)],
    errors: &[FieldError],
    name: &str,
    legend: &str,
) -> Markup {
    let chosen: Vec<&str> = values(pairs, name).collect();
    html! {
        // The service names the list (`cuisines`): the error summary links to it.
        fieldset id=(format!("{name}s")) {
            legend { (tr.t(legend)) }
            (error_of(errors, &format!("{name}s")))
            @for code in C::all() {
                @let id = format!("{name}-{}", code.code());
                div.check {
                    input type="checkbox" id=(id) name=(name) value=(code.code())
                        checked[chosen.contains(&code.code())];
                    label for=(id) { (tr.code(*code)) }
                }
            }
        }
    }
}

fn proficiency_code(p: Proficiency) -> &'static str {
    match p {
        Proficiency::Basic => "basic",
        Proficiency::Conversational => "conversational",
        Proficiency::Fluent => "fluent",
        Proficiency::Native => "native",
    }
}

/// The registration form, with what was sent and its errors.
fn register_page(
    ctx: &Ctx,
    state_agencies: &[(AgencyId, String)],
    status: StatusCode,
    pairs: &[(String, String)],
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let chosen_agency = value(pairs, "agency_id");
    let main = html! {
        h1 { (tr.t("pa-register-title")) }
        p { (tr.t("pa-register-intro")) }
        @if !errors.is_empty() {
            div.error-summary role="alert" #error-summary {
                h2 { (tr.t("error-title")) }
                ul { @for e in errors { li { a href=(format!("#{}", e.field.split(['[', '.']).next().unwrap_or(""))) { span lang="en" { (e.reason) } } } } }
            }
        }
        form method="post" action=(format!("/pa/register?lang={}", ctx.locale().tag())) {
            (csrf::field(&ctx.anonymous_token()))
            (hidden("lang", ctx.locale().tag()))
            (text_field(tr, pairs, errors, "given_name", "pa-given-name", "text"))
            (text_field(tr, pairs, errors, "family_name", "pa-family-name", "text"))
            div.field {
                label for="gender" { (tr.t("pa-gender")) }
                (error_of(errors, "gender"))
                select #gender name="gender" { (code_options::<Gender>(tr, value(pairs, "gender"))) }
            }
            fieldset #languages {
                legend { (tr.t("pa-languages")) }
                (error_of(errors, "languages"))
                @for row in 1..=LANGUAGE_ROWS {
                    @let lang_name = format!("language_{row}");
                    @let prof_name = format!("proficiency_{row}");
                    div.field {
                        label for=(lang_name) { (tr.with("pa-language-n", "n", &row.to_string())) }
                        select id=(lang_name) name=(lang_name) { (code_options::<Language>(tr, value(pairs, &lang_name))) }
                        label for=(prof_name) { (tr.t("pa-proficiency")) }
                        select id=(prof_name) name=(prof_name) {
                            @for p in Proficiency::ALL {
                                @let code = proficiency_code(*p);
                                option value=(code) selected[value(pairs, &prof_name) == code] { (tr.t(&format!("pa-proficiency-{code}"))) }
                            }
                        }
                    }
                }
            }
            (code_checkboxes::<Cuisine>(tr, pairs, errors, "cuisine", "pa-cuisines"))
            (code_checkboxes::<DietaryLaw>(tr, pairs, errors, "dietary_law", "pa-dietary-laws"))
            (code_checkboxes::<FaithPractice>(tr, pairs, errors, "faith_practice", "pa-faith-practices"))
            (code_checkboxes::<Service>(tr, pairs, errors, "service", "pa-services"))
            (text_field(tr, pairs, errors, "hours_per_week", "pa-hours", "number"))
            (text_field(tr, pairs, errors, "hourly_rate", "pa-rate", "text"))
            (text_field(tr, pairs, errors, "postcode", "pa-postcode", "text"))
            (text_field(tr, pairs, errors, "travel_radius_km", "pa-radius", "number"))
            div.field {
                label for="travel_mode" { (tr.t("pa-travel-mode")) }
                (error_of(errors, "travel_mode"))
                select #travel_mode name="travel_mode" { (code_options::<TravelMode>(tr, value(pairs, "travel_mode"))) }
            }
            div.field {
                label for="bio" { (tr.t("pa-bio")) }
                (error_of(errors, "bio"))
                textarea #bio name="bio" rows="5" cols="60" maxlength="2000" { (value(pairs, "bio")) }
            }
            div.check {
                input #public_listing_consent type="checkbox" name="public_listing_consent" value="yes"
                    checked[value(pairs, "public_listing_consent") == "yes"];
                label for="public_listing_consent" { (tr.t("pa-consent")) }
            }
            (text_field(tr, pairs, errors, "email", "pa-email", "email"))
            div.field {
                label for="agency_id" { (tr.t("pa-agency")) }
                (error_of(errors, "agency_id"))
                select #agency_id name="agency_id" {
                    option value="" { "—" }
                    @for (id, name) in state_agencies {
                        option value=(id.0) selected[chosen_agency == id.0.to_string()] { (name) }
                    }
                }
            }
            // A honeypot: people do not see it; robots fill it in.
            div.hp aria-hidden="true" {
                label for="website" { (tr.t("enquire-honeypot")) }
                input #website type="text" name="website" tabindex="-1" autocomplete="off";
            }
            p { button type="submit" { (tr.t("pa-register-submit")) } }
        }
        p { a href="/pa/sign-in" { (tr.t("pa-sign-in-title")) } }
    };
    ctx.respond(status, &tr.t("pa-register-title"), Section::Other, main)
}

async fn agencies(state: &web::Data<AppState>) -> Option<Vec<(AgencyId, String)>> {
    let store = state.store.clone();
    match web::block(move || store.list_agencies()).await {
        Ok(Ok(list)) => Some(list.into_iter().map(|a| (a.id, a.profile.name)).collect()),
        _ => None,
    }
}

#[get("/pa/register")]
async fn register_form(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let Some(list) = agencies(&state).await else {
        return server_error(&ctx);
    };
    register_page(&ctx, &list, StatusCode::OK, &[], &[])
}

fn push(errors: &mut Vec<FieldError>, field: &str, reason: &str) {
    errors.push(FieldError {
        field: field.to_owned(),
        code: "invalid",
        reason: reason.to_owned(),
    });
}

/// Reads the form into a registration (its field names are the API's, without `carer.`).
fn read_registration(
    tr: &Tr,
    pairs: &[(String, String)],
) -> Result<PaRegistration, Vec<FieldError>> {
    let mut errors = Vec::new();
    let today = chrono::Utc::now().date_naive();
    let mut languages = Vec::new();
    for row in 1..=LANGUAGE_ROWS {
        let code = value(pairs, &format!("language_{row}"));
        if !code.is_empty() {
            let proficiency = value(pairs, &format!("proficiency_{row}"));
            let known_level = Proficiency::ALL
                .iter()
                .any(|p| proficiency_code(*p) == proficiency);
            if Language::parse(code).is_err() || !known_level {
                push(
                    &mut errors,
                    "languages",
                    "choose a language and how well you speak it",
                );
            }
            languages.push(json!({"code": code, "proficiency": proficiency}));
        }
    }
    let number = |name: &str, errors: &mut Vec<FieldError>| -> Value {
        match value(pairs, name).trim().parse::<f64>() {
            Ok(n) if n.is_finite() => json!(n),
            _ => {
                push(errors, name, "enter a number");
                Value::Null
            }
        }
    };
    let hours = match value(pairs, "hours_per_week").trim().parse::<u8>() {
        Ok(h) => json!(h),
        Err(_) => {
            push(
                &mut errors,
                "hours_per_week",
                "enter whole hours from 0 to 80",
            );
            Value::Null
        }
    };
    let radius = number("travel_radius_km", &mut errors);
    let rate = match value(pairs, "hourly_rate")
        .trim()
        .trim_start_matches('£')
        .parse::<f64>()
    {
        Ok(pounds) if pounds.is_finite() && pounds > 0.0 => json!((pounds * 100.0).round() as i64),
        _ => {
            push(
                &mut errors,
                "hourly_rate",
                "enter your hourly rate in pounds, like 13.50",
            );
            Value::Null
        }
    };
    let agency = value(pairs, "agency_id").parse::<i64>().ok();
    if agency.is_none() {
        push(
            &mut errors,
            "agency_id",
            "choose the agency that will vouch for you",
        );
    }
    for (field, reason) in [("gender", "choose one"), ("travel_mode", "choose one")] {
        if value(pairs, field).is_empty() {
            push(&mut errors, field, reason);
        }
    }
    if carematch_domain::Postcode::parse(value(pairs, "postcode")).is_err() {
        push(&mut errors, "postcode", "enter a UK postcode, like LE1 5WW");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let list = |name: &'static str| -> Vec<&str> { values(pairs, name).collect() };
    let details = json!({
        "given_name": value(pairs, "given_name").trim(),
        "family_name": value(pairs, "family_name").trim(),
        "gender": value(pairs, "gender"),
        "languages": languages,
        "cuisines": list("cuisine"),
        "dietary_laws": list("dietary_law"),
        "faith_practices": list("faith_practice"),
        "services": list("service"),
        "hours_per_week": hours,
        "available_from": today,
        "postcode": value(pairs, "postcode"),
        "travel_radius_km": radius,
        "travel_mode": value(pairs, "travel_mode"),
        "hourly_rate": rate,
        "employment_status": "self_employed",
        "public_listing_consent": value(pairs, "public_listing_consent") == "yes",
        "last_confirmed_on": today,
        "bio": value(pairs, "bio").trim(),
    });
    let details = serde_json::from_value(details).map_err(|e| {
        vec![FieldError {
            field: "given_name".into(),
            code: "invalid",
            reason: e.to_string(),
        }]
    })?;
    Ok(PaRegistration {
        agency: AgencyId(agency.unwrap_or_default()),
        email: value(pairs, "email").to_owned(),
        details,
        robot: !value(pairs, "website").is_empty(),
        confirm_mail: link_mail(tr, "pa-mail-confirm-subject", "pa-mail-confirm-body"),
    })
}

/// A link's mail in the PA's language (`{link}` is put in by the service).
fn link_mail(tr: &Tr, subject: &str, body: &str) -> LinkMail {
    LinkMail {
        subject: tr.t(subject),
        body: format!(
            "{}\n\n{{link}}\n\n{}",
            tr.t(body),
            tr.t("pa-mail-link-note")
        ),
    }
}

/// "Check your e-mail": every accepted form gets this page.
fn check_email_page(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("pa-check-email-title")) }
        p role="status" { (tr.t("pa-check-email")) }
    };
    ctx.respond(
        StatusCode::OK,
        &tr.t("pa-check-email-title"),
        Section::Other,
        main,
    )
}

#[post("/pa/register")]
async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<Pairs>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = form.into_inner();
    if !csrf::check_anonymous(&req, value(&pairs, "csrf")) {
        return csrf::refused(&ctx, "/pa/register");
    }
    let Some(list) = agencies(&state).await else {
        return server_error(&ctx);
    };
    let registration = match read_registration(&ctx.tr, &pairs) {
        Ok(registration) => registration,
        Err(errors) => {
            return register_page(
                &ctx,
                &list,
                StatusCode::UNPROCESSABLE_ENTITY,
                &pairs,
                &errors,
            );
        }
    };
    if let Some(refused) = charge_public_write(&req, PublicWrite::Enquiry) {
        return refused;
    }
    match state
        .run(move |service| service.register_pa(&registration))
        .await
    {
        Ok(_) => check_email_page(&ctx),
        Err(ApiError::Validation(errors)) => register_page(
            &ctx,
            &list,
            StatusCode::UNPROCESSABLE_ENTITY,
            &pairs,
            &errors,
        ),
        Err(_) => server_error(&ctx),
    }
}

fn sign_in_page(ctx: &Ctx, status: StatusCode, sent: bool) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("pa-sign-in-title")) }
        @if sent {
            p.notice role="status" { (tr.t("pa-link-sent")) }
        }
        p { (tr.t("pa-sign-in-intro")) }
        form method="post" action=(format!("/pa/sign-in?lang={}", ctx.locale().tag())) {
            (csrf::field(&ctx.anonymous_token()))
            div.field {
                label for="email" { (tr.t("pa-email")) }
                input #email type="email" name="email" required autocomplete="email"
                    size="40" maxlength="254";
            }
            p { button type="submit" { (tr.t("pa-send-link")) } }
        }
        p { a href="/pa/register" { (tr.t("pa-register-title")) } }
    };
    ctx.respond(status, &tr.t("pa-sign-in-title"), Section::Other, main)
}

#[get("/pa/sign-in")]
async fn sign_in_form(req: HttpRequest) -> HttpResponse {
    sign_in_page(&Ctx::new(&req), StatusCode::OK, false)
}

#[derive(Debug, Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    csrf: String,
}

#[post("/pa/sign-in")]
async fn request_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<EmailForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if !csrf::check_anonymous(&req, &form.csrf) {
        return csrf::refused(&ctx, "/pa/sign-in");
    }
    if let Some(refused) = charge_public_write(&req, PublicWrite::Registration) {
        return refused;
    }
    let email = form.email.clone();
    let mail = link_mail(&ctx.tr, "pa-mail-sign-in-subject", "pa-mail-sign-in-body");
    match state
        .run(move |service| service.send_pa_sign_in(&email, mail))
        .await
    {
        // The same answer whether or not the address is a PA's.
        Ok(()) => sign_in_page(&ctx, StatusCode::OK, true),
        Err(_) => server_error(&ctx),
    }
}

const PA_LINKS: LinkPages = LinkPages {
    prefix: "/pa",
    confirm_title: "pa-confirm-title",
    sign_in_title: "pa-sign-in-title",
    send_link: "pa-send-link",
};

fn invalid_link(ctx: &Ctx) -> HttpResponse {
    PA_LINKS.invalid(ctx)
}

/// The link's page: a button, since opening a link must not redeem it.
#[get("/pa/{kind}/{token}")]
async fn link_page(req: HttpRequest, path: web::Path<(String, String)>) -> HttpResponse {
    let (kind, token) = path.into_inner();
    PA_LINKS.button_page(&Ctx::new(&req), &kind, &token)
}

#[post("/pa/{kind}/{token}")]
async fn follow_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (kind, token) = path.into_inner();
    if !csrf::check_anonymous(&req, &form.csrf) {
        return csrf::refused(&ctx, &format!("/pa/{kind}/{token}"));
    }
    let Some(purpose) = purpose_of(&kind) else {
        return invalid_link(&ctx);
    };
    let redeemed = state
        .run(move |service| match purpose {
            LinkPurpose::Confirm => service.confirm_pa(&token),
            LinkPurpose::SignIn => service.redeem_pa_sign_in(&token),
        })
        .await;
    match redeemed {
        Ok(key) => {
            let target = format!("/pa?lang={}", ctx.locale().tag());
            open_session(&ctx, &state, key.id, &target).await
        }
        Err(ApiError::NotFound { .. }) => invalid_link(&ctx),
        Err(_) => server_error(&ctx),
    }
}

/// The signed-in PA and their record, or where to send the browser instead.
async fn pa_of(
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<(Caller, CarerId), HttpResponse> {
    let to_sign_in = || see_other("/pa/sign-in");
    let key = current(req, state).await.ok_or_else(to_sign_in)?;
    match key.caller() {
        Some(caller @ Caller::Pa { carer, .. }) => Ok((caller, carer)),
        _ => Err(to_sign_in()),
    }
}

fn vetting_text(tr: &Tr, vetting: Vetting) -> String {
    tr.t(&format!("pa-vetting-{}", vetting.code()))
}

fn slot_of(carer: &Carer, day: Weekday) -> Option<&Slot> {
    carer.details.availability.iter().find(|s| s.day == day)
}

fn home_page(
    ctx: &Ctx,
    carer: &Carer,
    submissions: &[Submission],
    notice: Option<String>,
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let d = &carer.details;
    let token = ctx.session_token();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let main = html! {
        h1 { (tr.with("pa-home-title", "name", &d.given_name)) }
        @if let Some(notice) = &notice {
            p.notice role="status" { (notice) }
        }
        @if !errors.is_empty() {
            div.error-summary role="alert" #error-summary {
                h2 { (tr.t("error-title")) }
                ul { @for e in errors { li { span lang="en" { (e.field) ": " (e.reason) } } } }
            }
        }
        p #vetting { (vetting_text(tr, carer.listing.vetting)) }
        h2 { (tr.t("pa-keep-current")) }
        form method="post" action="/pa/availability" {
            (csrf::field(&token))
            table {
                caption { (tr.t("pa-availability")) }
                thead { tr { th scope="col" { (tr.t("pa-day")) } th scope="col" { (tr.t("pa-from")) } th scope="col" { (tr.t("pa-to")) } } }
                tbody {
                    @for day in Weekday::all() {
                        @let slot = slot_of(carer, *day);
                        tr {
                            th scope="row" { (tr.code(*day)) }
                            td { input type="time" name=(format!("{}_from", day.code())) aria-label=(format!("{} {}", tr.code(*day), tr.t("pa-from")))
                                value=(slot.map(|s| s.start.to_string()).unwrap_or_default()); }
                            td { input type="time" name=(format!("{}_to", day.code())) aria-label=(format!("{} {}", tr.code(*day), tr.t("pa-to")))
                                value=(slot.map(|s| s.end.to_string()).unwrap_or_default()); }
                        }
                    }
                }
            }
            div.field {
                label for="hours_per_week" { (tr.t("pa-hours")) }
                input #hours_per_week type="number" name="hours_per_week" min="0" max="80" value=(d.hours_per_week);
            }
            div.check {
                input #accepting type="checkbox" name="accepting_new_clients" value="yes" checked[d.accepting_new_clients];
                label for="accepting" { (tr.t("pa-accepting")) }
            }
            p { button type="submit" { (tr.t("pa-save")) } }
        }
        form method="post" action="/pa/confirm" {
            (csrf::field(&token))
            p { button type="submit" { (tr.t("pa-all-true")) } }
        }
        p { (tr.with("pa-last-confirmed", "date", &d.last_confirmed_on.to_string())) }
        h2 { (tr.t("pa-submissions")) }
        @if submissions.is_empty() {
            p { (tr.t("pa-no-submissions")) }
        } @else {
            ul { @for s in submissions { li { (s.created_at.date_naive()) ": " (tr.t(&format!("pa-submission-{}", s.status.code()))) } } }
        }
        form method="post" action="/logout" {
            (csrf::field(&token))
            p { button type="submit" { (tr.t("logout")) } }
        }
    };
    ctx.respond(status, &tr.t("pa-home-title-short"), Section::Other, main)
}

async fn render_home(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    (caller, id): (Caller, CarerId),
    notice: Option<String>,
    errors: &[FieldError],
) -> HttpResponse {
    let loaded = state
        .run(move |service| {
            Ok((
                service.pa_own(caller, id)?,
                service.pa_submissions(caller, id, None)?,
            ))
        })
        .await;
    match loaded {
        Ok((carer, submissions)) => home_page(ctx, &carer, &submissions, notice, errors),
        Err(_) => server_error(ctx),
    }
}

#[get("/pa")]
async fn home(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, id) = match pa_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let notice = req.query_string().split('&').find_map(|kv| match kv {
        "saved=1" => Some(ctx.tr.t("pa-saved")),
        "confirmed=1" => Some(ctx.tr.t("pa-confirmed")),
        _ => None,
    });
    render_home(&ctx, &state, (caller, id), notice, &[]).await
}

/// Reads the weekly rows: a day with both times is a slot; a day with one is an error.
fn read_slots(pairs: &[(String, String)]) -> Result<Vec<Slot>, Vec<FieldError>> {
    let mut slots = Vec::new();
    let mut errors = Vec::new();
    for day in Weekday::all() {
        let from = value(pairs, &format!("{}_from", day.code())).trim();
        let to = value(pairs, &format!("{}_to", day.code())).trim();
        if from.is_empty() && to.is_empty() {
            continue;
        }
        match (TimeOfDay::parse(from), TimeOfDay::parse(to)) {
            (Ok(start), Ok(end)) => slots.push(Slot {
                day: *day,
                start,
                end,
                overnight: false,
            }),
            _ => push(
                &mut errors,
                day.code(),
                "enter both times, like 09:00 and 13:00",
            ),
        }
    }
    if errors.is_empty() {
        Ok(slots)
    } else {
        Err(errors)
    }
}

#[post("/pa/availability")]
async fn update_operational(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<Pairs>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = form.into_inner();
    if !csrf::check_session(&req, value(&pairs, "csrf")) {
        return csrf::refused(&ctx, "/pa");
    }
    let (caller, id) = match pa_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let availability = match read_slots(&pairs) {
        Ok(slots) => slots,
        Err(errors) => return render_home(&ctx, &state, (caller, id), None, &errors).await,
    };
    let Ok(hours_per_week) = value(&pairs, "hours_per_week").trim().parse::<u8>() else {
        let mut errors = Vec::new();
        push(
            &mut errors,
            "hours_per_week",
            "enter whole hours from 0 to 80",
        );
        return render_home(&ctx, &state, (caller, id), None, &errors).await;
    };
    let update = OperationalUpdate {
        availability,
        hours_per_week,
        accepting_new_clients: value(&pairs, "accepting_new_clients") == "yes",
    };
    match state
        .run(move |service| service.pa_update_operational(caller, id, &update, None))
        .await
    {
        Ok(_) => see_other(&format!("/pa?saved=1&lang={}", ctx.locale().tag())),
        Err(ApiError::Validation(errors)) => {
            render_home(&ctx, &state, (caller, id), None, &errors).await
        }
        Err(_) => server_error(&ctx),
    }
}

#[post("/pa/confirm")]
async fn confirm_listing(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&ctx, "/pa");
    }
    let (caller, id) = match pa_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state
        .run(move |service| service.pa_confirm_listing(caller, id))
        .await
    {
        Ok(_) => see_other(&format!("/pa?confirmed=1&lang={}", ctx.locale().tag())),
        Err(_) => server_error(&ctx),
    }
}

/// The agency console's "Waiting for your checks": each confirmed PA its agency has not yet
/// decided on, with approve (the DBS and right-to-work checks verified, with their expiry
/// dates) and reject (with a reason the PA is told).
pub(crate) fn waiting_section(tr: &Tr, waiting: &[Carer], token: &str) -> Markup {
    html! {
        @if !waiting.is_empty() {
            section #waiting aria-labelledby="waiting-title" {
                h2 #waiting-title { (tr.t("pa-waiting-title")) }
                p { (tr.t("pa-waiting-intro")) }
                @for carer in waiting {
                    @let id = carer.id.0;
                    article {
                        h3 { (carer.details.given_name) " " (carer.details.family_name) }
                        p lang="" { (carer.details.bio) }
                        form method="post" action=(format!("/agency/pa/{id}/vetting")) {
                            (csrf::field(token))
                            (hidden("decision", "approve"))
                            div.field {
                                label for=(format!("dbs-{id}")) { (tr.t("pa-dbs-expires")) }
                                input id=(format!("dbs-{id}")) type="date" name="dbs_expires_on" required;
                            }
                            div.field {
                                label for=(format!("rtw-{id}")) { (tr.t("pa-rtw-expires")) }
                                input id=(format!("rtw-{id}")) type="date" name="rtw_expires_on" required;
                            }
                            p { button type="submit" { (tr.t("pa-approve")) } }
                        }
                        form method="post" action=(format!("/agency/pa/{id}/vetting")) {
                            (csrf::field(token))
                            (hidden("decision", "reject"))
                            div.field {
                                label for=(format!("reason-{id}")) { (tr.t("pa-reject-reason")) }
                                textarea id=(format!("reason-{id}")) name="reason" rows="2" cols="40" required maxlength="1000" {}
                            }
                            p { button type="submit" { (tr.t("pa-reject")) } }
                        }
                    }
                }
            }
        }
    }
}

/// The PAs waiting for `agency`'s checks (an empty list if they cannot be read: the rest of
/// the console still works).
pub(crate) async fn waiting_for(state: &web::Data<AppState>, agency: AgencyId) -> Vec<Carer> {
    let caller = Caller::Agency(agency);
    match state
        .run(move |service| service.pending_pas(caller, agency))
        .await
    {
        Ok(list) => list,
        Err(error) => {
            tracing::warn!(?error, "could not read the PAs waiting for checks");
            Vec::new()
        }
    }
}

#[derive(Debug, Deserialize)]
struct VettingForm {
    #[serde(default)]
    csrf: String,
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    dbs_expires_on: String,
    #[serde(default)]
    rtw_expires_on: String,
}

#[post("/agency/pa/{id}/vetting")]
async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<VettingForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&ctx, "/agency");
    }
    let agency = match crate::agency::agency_of(&req, &state).await {
        Ok((agency, _)) => agency,
        Err(response) => return response,
    };
    let approve = form.decision == "approve";
    let mut checks = Vec::new();
    if approve {
        for (kind, date) in [
            (CheckKind::DbsEnhanced, &form.dbs_expires_on),
            (CheckKind::RightToWork, &form.rtw_expires_on),
        ] {
            match chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
                Ok(expires_on) => checks.push(Check {
                    kind,
                    expires_on,
                    reference: None,
                }),
                Err(_) => return vetting_problem(&ctx, "pa-vetting-bad-date"),
            }
        }
    }
    let decision = VettingDecision {
        approve,
        reason: form.reason.clone(),
        checks,
    };
    let id = CarerId(path.into_inner());
    match state
        .run(move |service| service.decide_vetting(Caller::Agency(agency), id, &decision))
        .await
    {
        Ok(carer) => {
            let name = serde_urlencoded::to_string([("vetted", carer.details.given_name.as_str())])
                .unwrap_or_default();
            see_other(&format!("/agency?{name}&lang={}", ctx.locale().tag()))
        }
        Err(ApiError::Validation(_)) => vetting_problem(&ctx, "pa-vetting-invalid"),
        Err(ApiError::NotFound { .. } | ApiError::Forbidden) => {
            vetting_problem(&ctx, "pa-vetting-invalid")
        }
        Err(_) => server_error(&ctx),
    }
}

/// A page saying what was wrong with a vetting decision, with the way back.
fn vetting_problem(ctx: &Ctx, message: &str) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("pa-waiting-title")) }
        p role="alert" { (tr.t(message)) }
        p { a href="/agency#waiting" { (tr.t("pa-back-to-console")) } }
    };
    ctx.respond(
        StatusCode::UNPROCESSABLE_ENTITY,
        &tr.t("pa-waiting-title"),
        Section::Agency,
        main,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_rows_read_into_slots_and_half_rows_are_errors() {
        let pairs = vec![
            ("mon_from".to_owned(), "09:00".to_owned()),
            ("mon_to".to_owned(), "13:00".to_owned()),
            ("tue_from".to_owned(), String::new()),
        ];
        let slots = read_slots(&pairs).expect("slots");
        assert_eq!(slots.len(), 1);
        assert_eq!(slots[0].day, Weekday::Mon);
        let half = vec![("wed_from".to_owned(), "09:00".to_owned())];
        let errors = read_slots(&half).expect_err("an error");
        assert_eq!(errors[0].field, "wed");
    }
}
