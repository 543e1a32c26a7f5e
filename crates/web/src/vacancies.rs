//! Vacancy pages.
//!
//! - For anyone (`/find/vacancy`): post one's needs as a vacancy, the outward code and the
//!   needs only, with what is shared said plainly; a confirmation page with the private link;
//!   the private page (`/vacancy/{reference}/{token}`) shows who was put forward (the PA's
//!   public details and the agency to contact) and lets the person mark it filled or withdraw.
//! - In the agency console (`/agency/vacancies`): open a vacancy from a saved plan (urgent or
//!   not), the agency's own vacancies (urgent first), and the open vacancies its PAs match with
//!   the reasons and a "put forward" button per PA.
//!
//! Every form carries its CSRF token; a vacancy that is not the caller's is the same 404 as a
//! missing one. Vacancies are personal data: nothing here logs them.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_api::middleware::{Decision, PublicWrite, RateLimiter};
use carematch_domain::vocabulary::{
    Code, DietaryLaw, FaithPractice, Gender, Language, Service, Weekday,
};
use carematch_domain::{AgencyId, Caller, CarerId, FieldError, Role};
use carematch_matching::CandidateKind;
use carematch_service::ServiceError;
use carematch_service::vacancies::{
    MatchingVacancy, OpenVacancy, OwnerProof, OwnerView, PublicVacancyPost, PutForward,
};
use carematch_store::vacancies::{Vacancy, VacancyNeeds, VacancyStatus};
use carematch_store::{Page, SavedPlan};
use maud::{Markup, html};

use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, link, query_pairs, see_other};
use crate::pages::server_error;
use crate::reasons::Subject;
use crate::session::{current, to_login};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(post_form)
        .service(post_submit)
        .service(private_page)
        .service(private_status)
        .service(console)
        .service(console_open)
        .service(console_forward)
        .service(console_status)
        .service(time_to_fill_csv);
}

/// Form fields, repeated keys kept (`services=a&services=b`).
fn form_pairs(body: &str) -> Vec<(String, String)> {
    query_pairs(body)
}

fn value<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

fn values<'a>(pairs: &'a [(String, String)], key: &'a str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn codes<T: Code>(pairs: &[(String, String)], key: &str) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for code in values(pairs, key).filter_map(|v| T::parse(v).ok()) {
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

fn status_label(tr: &Tr, status: VacancyStatus) -> String {
    tr.t(&format!("vac-status-{}", status.code()))
}

fn needs_text(tr: &Tr, needs: &VacancyNeeds) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(needs.languages.iter().map(|c| tr.code(*c)));
    parts.extend(needs.dietary_laws.iter().map(|c| tr.code(*c)));
    parts.extend(needs.faith_practices.iter().map(|c| tr.code(*c)));
    parts.extend(needs.services.iter().map(|c| tr.code(*c)));
    parts.join(", ")
}

fn options<T: Code>(tr: &Tr, all: &[T], chosen: Option<&str>) -> Markup {
    html! {
        option value="" { (tr.t("vac-none")) }
        @for code in all {
            option value=(code.code()) selected[chosen == Some(code.code())] { (tr.code(*code)) }
        }
    }
}

fn checkboxes<T: Code>(tr: &Tr, name: &str, all: &[T], pairs: &[(String, String)]) -> Markup {
    let chosen: Vec<&str> = values(pairs, name).collect();
    html! {
        @for code in all {
            @let id = format!("{name}-{}", code.code());
            div.check {
                input type="checkbox" id=(id) name=(name) value=(code.code()) checked[chosen.contains(&code.code())];
                label for=(id) { (tr.code(*code)) }
            }
        }
    }
}

fn error_summary(tr: &Tr, errors: &[FieldError]) -> Markup {
    html! {
        div.error-summary role="alert" tabindex="-1" #errors {
            h2 { (tr.t("vac-errors")) }
            ul { @for e in errors { li { a href=(format!("#{}", field_id(&e.field))) { code { (e.field) } } ": " span lang="en" { (e.reason) } } } }
        }
    }
}

/// The form control a field error points at.
fn field_id(field: &str) -> &'static str {
    match field.split(['.', '[']).next().unwrap_or_default() {
        "outward_code" => "outward_code",
        "dietary_laws" => "diet",
        "services" => "services-personal_care",
        "faith_practices" => "faith_practices-prayer_times",
        _ => "language",
    }
}

/// The parts of days ticked (`when=mon-morning`), each once.
fn when_of(pairs: &[(String, String)]) -> Vec<(Weekday, crate::form::Part)> {
    let mut when = Vec::new();
    for parsed in values(pairs, "when").filter_map(crate::form::parse_when) {
        if !when.contains(&parsed) {
            when.push(parsed);
        }
    }
    when
}

fn post_form_page(
    ctx: &Ctx,
    status: StatusCode,
    pairs: &[(String, String)],
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let token = ctx.anonymous_token();
    let main = html! {
        h1 { (tr.t("vac-post-title")) }
        @if !errors.is_empty() { (error_summary(tr, errors)) }
        p { (tr.t("vac-post-intro")) }
        p.notice { strong { (tr.t("vac-post-shared")) } }
        form method="post" action="/find/vacancy" {
            (csrf::field(&token))
            div.field {
                label for="outward_code" { (tr.t("vac-outward")) }
                input #outward_code name="outward_code" type="text" autocomplete="off" maxlength="4" size="5"
                    value=(value(pairs, "outward_code").unwrap_or_default()) required;
            }
            div.field {
                label for="language" { (tr.t("vac-language")) }
                select #language name="language" { (options(tr, Language::all(), value(pairs, "language"))) }
            }
            div.field {
                label for="language2" { (tr.t("vac-language-2")) }
                select #language2 name="language" { (options(tr, Language::all(), values(pairs, "language").nth(1))) }
            }
            div.field {
                label for="diet" { (tr.t("vac-diet")) }
                select #diet name="dietary_laws" { (options(tr, DietaryLaw::all(), value(pairs, "dietary_laws"))) }
            }
            fieldset {
                legend { (tr.t("vac-services")) }
                (checkboxes(tr, "services", Service::all(), pairs))
            }
            fieldset {
                legend { (tr.t("vac-practices")) }
                (checkboxes(tr, "faith_practices", FaithPractice::all(), pairs))
            }
            @let when = when_of(pairs);
            details.when open[!when.is_empty()] {
                summary { (tr.t("field-when")) }
                (crate::find_page::week_grid(tr, &when))
            }
            div.check {
                input #urgent type="checkbox" name="urgent" value="1" checked[value(pairs, "urgent").is_some()];
                label for="urgent" { (tr.t("vac-urgent")) }
            }
            p { button type="submit" { (tr.t("vac-submit")) } }
        }
    };
    ctx.respond(status, &tr.t("vac-post-title"), Section::Find, main)
}

#[get("/find/vacancy")]
async fn post_form(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    post_form_page(&ctx, StatusCode::OK, &[], &[])
}

#[post("/find/vacancy")]
async fn post_submit(req: HttpRequest, state: web::Data<AppState>, body: String) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = form_pairs(&body);
    if !csrf::check_anonymous(&req, value(&pairs, "csrf").unwrap_or_default()) {
        return csrf::refused(&ctx, "/find/vacancy");
    }
    if let Some(limiter) = req.app_data::<web::Data<RateLimiter>>()
        && let Decision::Refuse { retry_after_secs } =
            limiter.take_public_write(&req, PublicWrite::VacancyPost)
    {
        let main = html! { h1 { (ctx.tr.t("vac-too-many")) } };
        let mut response = ctx.respond(
            StatusCode::TOO_MANY_REQUESTS,
            &ctx.tr.t("vac-too-many"),
            Section::Find,
            main,
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        return response;
    }
    let post = PublicVacancyPost {
        outward_code: value(&pairs, "outward_code")
            .unwrap_or_default()
            .trim()
            .to_owned(),
        languages: codes(&pairs, "language"),
        dietary_laws: codes(&pairs, "dietary_laws"),
        faith_practices: codes(&pairs, "faith_practices"),
        services: codes(&pairs, "services"),
        schedule: crate::form::slots_of(&when_of(&pairs)),
        urgent: value(&pairs, "urgent").is_some(),
    };
    let today = carematch_service::today();
    match state
        .call(move |service| service.post_vacancy(&post, today))
        .await
    {
        Ok(posted) => {
            let tr = &ctx.tr;
            let reference = &posted.vacancy.reference;
            let private = format!("/vacancy/{reference}/{}", posted.token);
            let main = html! {
                h1 { (tr.t("vac-posted-title")) }
                p role="status" { (tr.with("vac-posted-ref", "reference", reference)) }
                p { (tr.t("vac-posted-link")) }
                p { a href=(private) #private-link { (format!("{}://{}{private}", ctx.site.scheme, ctx.site.host)) } }
            };
            ctx.ok(&tr.t("vac-posted-title"), Section::Find, main)
        }
        Err(ServiceError::Validation(errors)) => {
            post_form_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &pairs, &errors)
        }
        Err(_) => server_error(&ctx),
    }
}

fn not_found(ctx: &Ctx) -> HttpResponse {
    let main = html! { h1 { (ctx.tr.t("vac-not-found")) } };
    ctx.respond(
        StatusCode::NOT_FOUND,
        &ctx.tr.t("vac-not-found"),
        Section::Find,
        main,
    )
}

/// The owner's view of a vacancy: its status, needs and who was put forward, with the status
/// buttons posting to `action`.
fn owner_body(ctx: &Ctx, view: &OwnerView, action: &str, token: &str) -> Markup {
    let tr = &ctx.tr;
    let v = &view.vacancy;
    let today = carematch_service::today();
    html! {
        @if v.urgent { p.badge { (tr.t("vac-urgent-badge")) } }
        p { (tr.with("vac-status", "status", &status_label(tr, v.status))) }
        p { (tr.with("vac-needs", "needs", &needs_text(tr, &v.needs))) }
        p { (tr.with("vac-opened", "date", &v.opened_at.date_naive().to_string())) }
        section aria-labelledby="proposals-title" {
            h2 #proposals-title { (tr.t("vac-proposals-title")) }
            @if view.proposals.is_empty() { p { (tr.t("vac-proposals-none")) } }
            @for p in &view.proposals {
                article.card {
                    @if let Some(carer) = &p.carer {
                        h3 { bdi { (carer.details.display_name()) } }
                        p { (crate::pages::language_names(carer.details.languages.iter().map(|l| l.code))) }
                        @if carer.details.accepting_on(today) { p { (tr.t("vac-accepting")) } }
                    }
                    @if !p.proposal.note.is_empty() { p { q { (p.proposal.note) } } }
                    @if let Some(agency) = &p.agency {
                        (crate::agency_profile::agency_block(tr, agency))
                    }
                }
            }
        }
        @if !v.status.is_closed() {
            div.actions {
                @if v.status == VacancyStatus::Open {
                    (status_button(action, token, VacancyStatus::Introduced, &tr.t("vac-mark-introduced")))
                }
                (status_button(action, token, VacancyStatus::Filled, &tr.t("vac-mark-filled")))
                (status_button(action, token, VacancyStatus::Withdrawn, &tr.t("vac-withdraw")))
            }
        }
    }
}

fn status_button(action: &str, token: &str, status: VacancyStatus, label: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf::field(token))
            input type="hidden" name="status" value=(status.code());
            button type="submit" { (label) }
        }
    }
}

#[get("/vacancy/{reference}/{token}")]
async fn private_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (reference, token) = path.into_inner();
    let proof = OwnerProof::Token(token.clone());
    let lookup = reference.clone();
    match state
        .call(move |service| service.owned_vacancy(&lookup, &proof))
        .await
    {
        Ok(view) => {
            let form_token = ctx.anonymous_token();
            let action = format!("/vacancy/{reference}/{token}/status");
            let title = ctx.tr.with("vac-private-title", "reference", &reference);
            let main = html! {
                h1 { (title) }
                (owner_body(&ctx, &view, &action, &form_token))
            };
            ctx.ok(&title, Section::Find, main)
        }
        Err(ServiceError::NotFound { .. }) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}

fn asked_status(pairs: &[(String, String)]) -> Option<VacancyStatus> {
    value(pairs, "status")
        .and_then(VacancyStatus::parse)
        .filter(|s| *s != VacancyStatus::Open)
}

#[post("/vacancy/{reference}/{token}/status")]
async fn private_status(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: String,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (reference, token) = path.into_inner();
    let back = format!("/vacancy/{reference}/{token}");
    let pairs = form_pairs(&body);
    if !csrf::check_anonymous(&req, value(&pairs, "csrf").unwrap_or_default()) {
        return csrf::refused(&ctx, &back);
    }
    let Some(status) = asked_status(&pairs) else {
        return see_other(&back);
    };
    let proof = OwnerProof::Token(token);
    match state
        .call(move |service| service.change_vacancy_status(&reference, &proof, status))
        .await
    {
        Ok(_) | Err(ServiceError::Validation(_)) => see_other(&back),
        Err(ServiceError::NotFound { .. }) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}

/// The signed-in agency, or where to send the browser instead.
async fn agency_of(
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<AgencyId, HttpResponse> {
    let next = link(req.path(), &query_pairs(req.query_string()));
    let key = current(req, state).await.ok_or_else(|| to_login(&next))?;
    match (key.role, key.agency_id) {
        (Role::Agency, Some(agency)) => Ok(agency),
        _ => Err(to_login(&next)),
    }
}

struct Console {
    plans: Vec<SavedPlan>,
    own: Vec<Vacancy>,
    matching: Vec<MatchingVacancy>,
    /// The matched PAs' genders (the agency's own PAs), so that their reasons agree with them
    /// in languages that mark gender (Somali, Urdu, Punjabi ...).
    genders: std::collections::HashMap<i64, Gender>,
}

#[get("/agency/vacancies")]
async fn console(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let agency = match agency_of(&req, &state).await {
        Ok(agency) => agency,
        Err(response) => return response,
    };
    let today = carematch_service::today();
    let loaded = state
        .call(move |service| {
            let matching = service.matching_vacancies(agency, today)?;
            let mut genders = std::collections::HashMap::new();
            for pa in matching.iter().flat_map(|m| &m.matches) {
                if let std::collections::hash_map::Entry::Vacant(slot) = genders.entry(pa.id) {
                    let carer = service.own_carer(Caller::Agency(agency), CarerId(pa.id))?;
                    slot.insert(carer.details.gender);
                }
            }
            Ok(Console {
                plans: service.plans(agency, Page::new(1, 100))?.items,
                own: service.agency_vacancies(agency, Page::new(1, 100))?.items,
                matching,
                genders,
            })
        })
        .await;
    let Ok(view) = loaded else {
        return server_error(&ctx);
    };
    let pairs = query_pairs(req.query_string());
    let notice = pairs.iter().find_map(|(k, v)| match k.as_str() {
        "opened" => Some(ctx.tr.with("vac-notice-opened", "reference", v)),
        "forwarded" => Some(ctx.tr.with("vac-notice-forwarded", "reference", v)),
        "updated" => Some(ctx.tr.with("vac-notice-status", "reference", v)),
        _ => None,
    });
    let tr = &ctx.tr;
    let token = ctx.session_token();
    let main = html! {
        h1 { (tr.t("vac-console-title")) }
        p { a href="/agency" { (tr.t("agency-title")) } }
        @if let Some(notice) = &notice { p.notice role="status" { (notice) } }
        section aria-labelledby="open-title" {
            h2 #open-title { (tr.t("vac-open-title")) }
            @if view.plans.is_empty() {
                p { (tr.t("vac-open-none")) }
            } @else {
                form method="post" action="/agency/vacancies/open" {
                    (csrf::field(&token))
                    div.field {
                        label for="saved_plan_id" { (tr.t("vac-open-plan")) }
                        select #saved_plan_id name="saved_plan_id" {
                            @for plan in &view.plans {
                                option value=(plan.id) {
                                    "#" (plan.id) " · " (needs_text(tr, &VacancyNeeds::of_plan(&plan.plan)))
                                    @if let Some(pc) = &plan.plan.postcode { " · " (pc.as_str()) }
                                }
                            }
                        }
                    }
                    div.check {
                        input #urgent type="checkbox" name="urgent" value="1";
                        label for="urgent" { (tr.t("vac-urgent")) }
                    }
                    p { button type="submit" { (tr.t("vac-open-submit")) } }
                }
            }
        }
        section aria-labelledby="own-title" {
            h2 #own-title { (tr.t("vac-own-title")) }
            @if view.own.is_empty() { p { (tr.t("vac-own-none")) } } @else {
                div.table-wrap tabindex="0" role="region" aria-labelledby="own-title" {
                    table {
                        thead { tr {
                            th scope="col" { (tr.t("vac-col-reference")) }
                            th scope="col" { (tr.t("vac-col-status")) }
                            th scope="col" { (tr.t("vac-col-needs")) }
                            th scope="col" { (tr.t("vac-col-opened")) }
                            th scope="col" { (tr.t("vac-col-actions")) }
                        } }
                        tbody { @for v in &view.own { tr {
                            th scope="row" {
                                (v.reference)
                                @if v.urgent { " " span.badge { (tr.t("vac-urgent-badge")) } }
                            }
                            td { (status_label(tr, v.status)) }
                            td { (needs_text(tr, &v.needs)) " · " (v.outward_code) }
                            td { (v.opened_at.date_naive().to_string()) }
                            td.actions {
                                @if !v.status.is_closed() {
                                    @let action = format!("/agency/vacancies/{}/status", v.reference);
                                    @if v.status == VacancyStatus::Open {
                                        (status_button(&action, &token, VacancyStatus::Introduced, &tr.t("vac-mark-introduced")))
                                    }
                                    (status_button(&action, &token, VacancyStatus::Filled, &tr.t("vac-mark-filled")))
                                    (status_button(&action, &token, VacancyStatus::Withdrawn, &tr.t("vac-withdraw")))
                                }
                            }
                        } } }
                    }
                }
            }
        }
        section aria-labelledby="matching-title" {
            h2 #matching-title { (tr.t("vac-matching-title")) }
            @if view.matching.is_empty() { p { (tr.t("vac-matching-none")) } }
            @for m in &view.matching { (matching_card(tr, m, &view.genders, &token)) }
        }
    };
    ctx.ok(&tr.t("vac-console-title"), Section::Agency, main)
}

fn matching_card(
    tr: &Tr,
    m: &MatchingVacancy,
    genders: &std::collections::HashMap<i64, Gender>,
    token: &str,
) -> Markup {
    let v = &m.vacancy;
    html! {
        article.card {
            h3 { (v.reference) @if v.urgent { " " span.badge { (tr.t("vac-urgent-badge")) } } }
            p { (tr.with("vac-needs", "needs", &needs_text(tr, &v.needs))) " · " (v.outward_code) }
            p { (tr.with("vac-opened", "date", &v.opened_at.date_naive().to_string())) }
            @for pa in &m.matches {
                div.pa {
                    h4 { bdi { (pa.name) } " · " (tr.with("result-score", "percent", &format!("{:.0}", pa.score * 100.0))) }
                    details {
                        summary { (tr.t("result-why")) }
                        ul.reasons { @for line in &pa.criteria {
                            li { (crate::reasons::detail(tr, line, Subject::of(CandidateKind::Carer, genders.get(&pa.id).copied()))) }
                        } }
                    }
                    @if m.proposed.iter().any(|c| c.0 == pa.id) {
                        p { (tr.t("vac-forwarded")) }
                    } @else {
                        form method="post" action=(format!("/agency/vacancies/{}/forward", v.reference)) {
                            (csrf::field(token))
                            input type="hidden" name="carer_id" value=(pa.id);
                            @let note_id = format!("note-{}-{}", v.reference, pa.id);
                            div.field {
                                label for=(note_id) { (tr.t("vac-forward-note")) }
                                input id=(note_id) name="note" type="text" maxlength="1000";
                            }
                            button type="submit" { (tr.with("vac-forward", "name", &pa.name)) }
                        }
                    }
                }
            }
        }
    }
}

#[post("/agency/vacancies/open")]
async fn console_open(req: HttpRequest, state: web::Data<AppState>, body: String) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = form_pairs(&body);
    if !csrf::check_session(&req, value(&pairs, "csrf").unwrap_or_default()) {
        return csrf::refused(&ctx, "/agency/vacancies");
    }
    let agency = match agency_of(&req, &state).await {
        Ok(agency) => agency,
        Err(response) => return response,
    };
    let request = OpenVacancy {
        saved_plan_id: value(&pairs, "saved_plan_id").and_then(|v| v.parse().ok()),
        plan: None,
        urgent: value(&pairs, "urgent").is_some(),
    };
    let today = carematch_service::today();
    match state
        .call(move |service| service.open_vacancy(agency, &request, today))
        .await
    {
        Ok(v) => see_other(&link(
            "/agency/vacancies",
            &[("opened".into(), v.reference)],
        )),
        Err(ServiceError::NotFound { .. } | ServiceError::Validation(_)) => {
            see_other("/agency/vacancies")
        }
        Err(_) => server_error(&ctx),
    }
}

#[post("/agency/vacancies/{reference}/forward")]
async fn console_forward(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    body: String,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = form_pairs(&body);
    if !csrf::check_session(&req, value(&pairs, "csrf").unwrap_or_default()) {
        return csrf::refused(&ctx, "/agency/vacancies");
    }
    let agency = match agency_of(&req, &state).await {
        Ok(agency) => agency,
        Err(response) => return response,
    };
    let Some(carer_id) = value(&pairs, "carer_id").and_then(|v| v.parse().ok()) else {
        return see_other("/agency/vacancies");
    };
    let request = PutForward {
        carer_id,
        note: value(&pairs, "note").unwrap_or_default().to_owned(),
    };
    let reference = reference.into_inner();
    let back = reference.clone();
    match state
        .call(move |service| service.put_forward(agency, &reference, &request))
        .await
    {
        Ok(_) => see_other(&link("/agency/vacancies", &[("forwarded".into(), back)])),
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden) => not_found(&ctx),
        Err(ServiceError::Validation(_) | ServiceError::Store(_)) => see_other("/agency/vacancies"),
        Err(_) => server_error(&ctx),
    }
}

#[post("/agency/vacancies/{reference}/status")]
async fn console_status(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    body: String,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = form_pairs(&body);
    if !csrf::check_session(&req, value(&pairs, "csrf").unwrap_or_default()) {
        return csrf::refused(&ctx, "/agency/vacancies");
    }
    let agency = match agency_of(&req, &state).await {
        Ok(agency) => agency,
        Err(response) => return response,
    };
    let Some(status) = asked_status(&pairs) else {
        return see_other("/agency/vacancies");
    };
    let reference = reference.into_inner();
    let back = reference.clone();
    let proof = OwnerProof::Agency(agency);
    match state
        .call(move |service| service.change_vacancy_status(&reference, &proof, status))
        .await
    {
        Ok(_) => see_other(&link("/agency/vacancies", &[("updated".into(), back)])),
        Err(ServiceError::Validation(_)) => see_other("/agency/vacancies"),
        Err(ServiceError::NotFound { .. }) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}

/// The time-to-fill table of the commissioner page: every agency together, cells below 5
/// suppressed (`carematch_service::vacancies::time_to_fill`).
pub(crate) async fn time_to_fill_section(ctx: &Ctx, state: &web::Data<AppState>) -> Markup {
    let tr = &ctx.tr;
    let report = state
        .call(|service| service.time_to_fill(Caller::Commissioner))
        .await;
    let number = |x: Option<f64>| {
        x.map_or_else(
            || "—".to_owned(),
            |x| crate::reasons::number(tr.locale, x, 1),
        )
    };
    html! {
        section aria-labelledby="ttf-title" {
            h2 #ttf-title { (tr.t("ttf-title")) }
            p { (tr.t("ttf-intro")) }
            @match report {
                Err(_) => p.notice role="status" { (tr.t("ttf-unavailable")) },
                Ok(report) if report.rows.is_empty() => p { (tr.t("ttf-none")) },
                Ok(report) => {
                    p.downloads { a href="/commissioner/time-to-fill.csv" download { (tr.t("ttf-download")) } }
                    div.table-wrap tabindex="0" role="region" aria-labelledby="ttf-title" {
                        table #ttf-table {
                            thead { tr {
                                th scope="col" { (tr.t("ttf-col-what")) }
                                th scope="col" { (tr.t("ttf-col-group")) }
                                th scope="col" { (tr.t("ttf-col-count")) }
                                th scope="col" { (tr.t("ttf-col-median")) }
                                th scope="col" { (tr.t("ttf-col-p90")) }
                            } }
                            tbody { @for row in &report.rows {
                                @let (source, measure) = (row.source.code(), row.measure.code());
                                tr {
                                    th scope="row" { (tr.t(&format!("ttf-{source}-{measure}"))) }
                                    td { (tr.t(&format!("ttf-dim-{}", row.dimension))) @if row.dimension != "overall" { ": " (group_label(tr, row.dimension, &row.key, &row.label)) } }
                                    td.num { @if row.suppressed { "<5" } @else { (row.count.unwrap_or(0)) } }
                                    td.num { (number(row.median_days)) }
                                    td.num { (number(row.p90_days)) }
                                }
                            } }
                        }
                    }
                }
            }
        }
    }
}

/// A group's label in the page's language where the vocabulary has one.
fn group_label(tr: &Tr, dimension: &str, key: &str, label: &str) -> String {
    let translated = match dimension {
        "language" => Language::parse(key).ok().map(|c| tr.code(c)),
        "diet" => DietaryLaw::parse(key).ok().map(|c| tr.code(c)),
        "service" => Service::parse(key).ok().map(|c| tr.code(c)),
        "local_authority"
            if key == carematch_service::vacancies::time_to_fill::UNKNOWN_AUTHORITY =>
        {
            Some(tr.t("ttf-unknown-authority"))
        }
        _ => None,
    };
    translated.unwrap_or_else(|| label.to_owned())
}

#[get("/commissioner/time-to-fill.csv")]
async fn time_to_fill_csv(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let next = link(req.path(), &[]);
    match current(&req, &state).await {
        Some(key) if matches!(key.role, Role::Commissioner | Role::Admin) => {}
        _ => return to_login(&next),
    }
    match state
        .call(|service| service.time_to_fill(Caller::Commissioner))
        .await
    {
        Ok(report) => HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"time-to-fill.csv\"",
            ))
            .body(report.to_csv()),
        Err(_) => HttpResponse::ServiceUnavailable().finish(),
    }
}
