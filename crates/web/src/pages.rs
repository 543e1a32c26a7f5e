//! Find care: the form, the search behind it (the same engine and rules as `POST /v1/matches`),
//! and the result cards, shared with the agency console.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, FaithPractice, Gender, Language, MedicalDiet, Service, Weekday,
};
use carematch_domain::{Contact, Slot};
use carematch_matching::{
    CandidateKind, CriterionId, CriterionOutcome, Explanation, Match, MatchOutcome, Viewer,
};
use carematch_service::{CareService, MatchRequest, ServiceError};
use carematch_store::Store;
use maud::{Markup, html};

use crate::form::{DISTANCES, FindForm, FormProblem, MAX_KM, Part};
use crate::i18n::{Tr, lang_tag};
use crate::layout::{Ctx, Section, link, query_pairs};
use crate::reasons::{self, Subject, criterion_label};
use crate::shortlist::{Buttons, Item, toggle_button};

/// Results shown per search.
pub const RESULTS: usize = 20;

/// Languages shown first in the form (the largest minority languages in England); the rest
/// are behind "more choices".
const COMMON_LANGUAGES: [&str; 12] = [
    "yue", "cmn", "pan", "urd", "ben", "syl", "guj", "som", "pol", "ara", "tam", "eng",
];

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(home).service(find);
}

/// What a search found, with each result's public or agency details.
pub struct Found {
    pub outcome: MatchOutcome,
    /// Per match (same order): where they are based and when they are free, and for agencies
    /// their contact details.
    pub details: Vec<ResultDetails>,
}

#[derive(Default)]
pub struct ResultDetails {
    pub area: Option<String>,
    pub availability: Vec<Slot>,
    pub rate: Option<String>,
    pub contact: Option<Contact>,
    pub full_name: Option<String>,
    /// A carer's gender, for the grammar of reasons in languages whose verbs agree with it.
    pub gender: Option<Gender>,
}

/// Why a search gave no results page.
pub enum SearchProblem {
    Form(FormProblem),
    UnknownPostcode(String),
    Loading,
    Server,
}

/// Runs a search for `viewer` off the async workers (see [`search_blocking`]).
pub async fn search(
    state: &web::Data<AppState>,
    form: &FindForm,
    viewer: Viewer,
) -> Result<Found, SearchProblem> {
    let form = form.clone();
    let service = state.service().clone();
    web::block(move || search_blocking(&service, &form, viewer))
        .await
        .map_err(|_| SearchProblem::Server)?
}

/// Matches the form's plan with the service (the same engine and rules as `POST /v1/matches`)
/// and loads the details the cards show. Blocking: database reads.
pub fn search_blocking(
    service: &CareService,
    form: &FindForm,
    viewer: Viewer,
) -> Result<Found, SearchProblem> {
    let snapshot = service.snapshot().map_err(|_| SearchProblem::Loading)?;
    let plan = form.to_plan().map_err(SearchProblem::Form)?;
    let request = MatchRequest {
        plan,
        limit: RESULTS,
        kinds: Vec::new(),
    };
    let outcome = service
        .match_plan(&snapshot, &request, viewer, carematch_service::today())
        .map_err(|error| match error {
            ServiceError::Validation(fields)
                if fields.iter().any(|f| f.code == "unknown_postcode") =>
            {
                SearchProblem::UnknownPostcode(form.postcode.clone())
            }
            _ => SearchProblem::Server,
        })?;
    let store = service.store();
    let details = outcome
        .matches
        .iter()
        .map(|m| details_of(store, m, viewer))
        .collect::<Result<_, _>>()
        .map_err(|_| SearchProblem::Server)?;
    Ok(Found { outcome, details })
}

fn details_of(
    store: &Store,
    m: &Match,
    viewer: Viewer,
) -> Result<ResultDetails, carematch_store::StoreError> {
    Ok(match m.kind {
        CandidateKind::Carer => match store.get_carer(carematch_domain::CarerId(m.id))? {
            Some(carer) => {
                // Full names and contact details only for the agency that holds the record.
                let full = match viewer {
                    Viewer::Public => false,
                    Viewer::Agency(agency) => carer.agency_id == agency,
                    Viewer::Admin => true,
                };
                let d = carer.details;
                ResultDetails {
                    area: Some(d.postcode.outward().as_str().to_owned()),
                    availability: d.availability,
                    rate: Some(pounds(d.hourly_rate)),
                    contact: full.then_some(d.contact),
                    full_name: full.then(|| format!("{} {}", d.given_name, d.family_name)),
                    gender: Some(d.gender),
                }
            }
            None => ResultDetails::default(),
        },
        CandidateKind::Provider => {
            match store.get_provider(carematch_domain::ProviderId(m.id))? {
                Some(provider) => {
                    let d = provider.details;
                    ResultDetails {
                        area: Some(d.postcode.as_str().to_owned()),
                        availability: d.opening_hours,
                        rate: d.hourly_rate.map(pounds),
                        // Providers publish their contact details.
                        contact: Some(d.contact),
                        full_name: None,
                        gender: None,
                    }
                }
                None => ResultDetails::default(),
            }
        }
    })
}

#[get("/")]
async fn home(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    find_page(&req, &state).await
}

#[get("/find")]
async fn find(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    find_page(&req, &state).await
}

async fn find_page(req: &HttpRequest, state: &web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(req);
    let form = FindForm::from_pairs(&query_pairs(req.query_string()));
    let found = if form.is_search() {
        Some(search(state, &form, Viewer::Public).await)
    } else {
        None
    };
    find_response(&ctx, &form, found)
}

/// The public find page: the form alone, the results above the form, or the form with a problem.
pub fn find_response(
    ctx: &Ctx,
    form: &FindForm,
    found: Option<Result<Found, SearchProblem>>,
) -> HttpResponse {
    let tr = &ctx.tr;
    let title = tr.t("find-title");
    match found {
        None => {
            let main = html! {
                h1 { (title) }
                p.intro { (tr.t("find-intro")) }
                (find_form(tr, form, "/find", None, false))
            };
            ctx.ok(&title, Section::Find, main)
        }
        Some(Ok(found)) => {
            // Only result cards have forms that post; the cookie their token needs is set then.
            let token = ctx.anonymous_token_if(!found.outcome.matches.is_empty());
            let buttons = Buttons {
                list: &ctx.shortlist,
                token: &token,
            };
            let main = html! {
                h1 { (title) }
                (results(tr, &found, form, "/find", Some(buttons)))
                (find_form(tr, form, "/find", None, false))
            };
            ctx.ok(&title, Section::Find, main)
        }
        Some(Err(problem)) => problem_page(ctx, form, problem, "/find", Section::Find),
    }
}

/// The form again with the problem above it (422), or a "still loading" page (503).
pub fn problem_page(
    ctx: &Ctx,
    form: &FindForm,
    problem: SearchProblem,
    action: &str,
    section: Section,
) -> HttpResponse {
    let tr = &ctx.tr;
    let (status, message) = match problem {
        SearchProblem::Form(FormProblem::PostcodeMissing) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            tr.t("error-postcode-missing"),
        ),
        SearchProblem::Form(FormProblem::PostcodeInvalid(p)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            tr.with("error-postcode-invalid", "postcode", &p),
        ),
        SearchProblem::UnknownPostcode(p) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            tr.with("error-postcode-unknown", "postcode", &p),
        ),
        SearchProblem::Loading => (StatusCode::SERVICE_UNAVAILABLE, tr.t("error-loading")),
        SearchProblem::Server => return server_error(ctx),
    };
    let title = tr.t("find-title");
    let main = html! {
        h1 { (title) }
        (find_form(tr, form, action, Some(&message), action == "/agency"))
    };
    ctx.respond(status, &title, section, main)
}

/// A server-side failure, said plainly (503: try again), never a stack trace.
pub fn server_error(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! { h1 { (tr.t("error-title")) } p { (tr.t("error-loading")) } };
    ctx.respond(
        StatusCode::SERVICE_UNAVAILABLE,
        &tr.t("error-title"),
        Section::Other,
        main,
    )
}

fn checkboxes<C: Code>(tr: &Tr, name: &str, all: &[C], chosen: &[C]) -> Markup {
    html! {
        ul.choices {
            @for code in all {
                @let id = format!("{name}-{}", code.code());
                li {
                    input type="checkbox" id=(id) name=(name) value=(code.code()) checked[chosen.contains(code)];
                    label for=(id) { (tr.code(*code)) }
                }
            }
        }
    }
}

fn language_boxes(all: &[Language], chosen: &[Language]) -> Markup {
    html! {
        ul.choices {
            @for code in all {
                @let id = format!("language-{}", code.code());
                li {
                    input type="checkbox" id=(id) name="language" value=(code.code()) checked[chosen.contains(code)];
                    label for=(id) {
                        span lang=(lang_tag(*code)) { (code.autonym().unwrap_or(code.label_en())) }
                        @if code.autonym().is_some_and(|a| a != code.label_en()) {
                            " " small lang="en" { "(" (code.label_en()) ")" }
                        }
                    }
                }
            }
        }
    }
}

/// The find form; `error` goes above it, linked to the postcode field.
/// The find form; `agency` adds the console's fields (hours, budget, PAs known or unwanted).
pub fn find_form(
    tr: &Tr,
    form: &FindForm,
    action: &str,
    error: Option<&str>,
    agency: bool,
) -> Markup {
    let common: Vec<Language> = COMMON_LANGUAGES
        .iter()
        .filter_map(|c| Language::parse(c).ok())
        .collect();
    let others: Vec<Language> = Language::all()
        .iter()
        .copied()
        .filter(|l| !common.contains(l))
        .collect();
    let more_open = form.languages.iter().any(|l| others.contains(l));
    html! {
        form.find method="get" action=(action) {
            input type="hidden" name="lang" value=(tr.locale.tag());
            @if let Some(error) = error {
                div.error-summary role="alert" tabindex="-1" #error-summary {
                    h2 { (tr.t("error-title")) }
                    p { a href="#postcode" { (error) } }
                }
            }
            div.field {
                label for="postcode" { (tr.t("field-postcode")) }
                p.hint #postcode-hint { (tr.t("field-postcode-hint")) }
                input #postcode type="text" name="postcode" value=(form.postcode) autocomplete="postal-code"
                    required size="10" maxlength="16" aria-describedby="postcode-hint"
                    aria-invalid=[error.map(|_| "true")];
            }
            div.field {
                label for="km" { (tr.t("field-distance")) }
                select #km name="km" {
                    @for km in DISTANCES {
                        option value=(km) selected[km == form.km] { (tr.count("distance-km", "km", f64::from(km))) }
                    }
                    @if !DISTANCES.contains(&form.km) {
                        option value=(form.km) selected { (tr.count("distance-km", "km", f64::from(form.km))) }
                    }
                }
            }
            fieldset {
                legend { (tr.t("field-help")) }
                (checkboxes(tr, "service", Service::all(), &form.services))
                p.inline {
                    input type="hidden" name="dbs_asked" value="1";
                    input type="checkbox" id="dbs" name="dbs" value="1" checked[!form.dbs_off];
                    label for="dbs" { (tr.t("field-dbs")) }
                }
            }
            fieldset {
                legend { (tr.t("field-languages")) }
                (language_boxes(&common, &form.languages))
                details open[more_open] {
                    summary { (tr.t("find-more-options")) }
                    (language_boxes(&others, &form.languages))
                }
                p.inline {
                    input type="checkbox" id="lang_must" name="lang_must" value="1" checked[form.languages_must];
                    label for="lang_must" { (tr.t("field-languages-must")) }
                }
                p.inline {
                    input type="checkbox" id="lang_reads" name="lang_reads" value="1" checked[form.languages_read];
                    label for="lang_reads" { (tr.t("field-languages-reads")) }
                }
            }
            fieldset {
                legend { (tr.t("field-food")) }
                fieldset.inner {
                    legend { (tr.t("field-cuisines")) }
                    (checkboxes(tr, "cuisine", Cuisine::all(), &form.cuisines))
                }
                fieldset.inner {
                    legend { (tr.t("field-diets")) }
                    (checkboxes(tr, "diet", DietaryLaw::all(), &form.diets))
                }
                fieldset.inner {
                    legend { (tr.t("field-medical-diets")) }
                    (checkboxes(tr, "medical", MedicalDiet::all(), &form.medical_diets))
                }
            }
            fieldset {
                legend { (tr.t("field-faith")) }
                (checkboxes(tr, "practice", FaithPractice::all(), &form.practices))
            }
            fieldset {
                legend { (tr.t("field-gender")) }
                ul.choices {
                    li {
                        input type="radio" id="gender-any" name="gender" value="" checked[form.gender.is_none()];
                        label for="gender-any" { (tr.t("gender-any")) }
                    }
                    @for g in [Gender::Female, Gender::Male] {
                        @let id = format!("gender-{}", g.code());
                        li {
                            input type="radio" id=(id) name="gender" value=(g.code()) checked[form.gender == Some(g)];
                            label for=(id) { (tr.code(g)) }
                        }
                    }
                }
                p.inline {
                    input type="checkbox" id="gender_must" name="gender_must" value="1" checked[form.gender_must];
                    label for="gender_must" { (tr.t("field-gender-must")) }
                }
            }
            fieldset {
                legend { (tr.t("field-more")) }
                p.inline {
                    input type="checkbox" id="lgbt" name="lgbt" value="1" checked[form.lgbt];
                    label for="lgbt" { (tr.t("field-lgbt")) }
                }
                p.inline {
                    input type="checkbox" id="remote" name="remote" value="1" checked[form.remote];
                    label for="remote" { (tr.t("field-remote")) }
                }
            }
            @if agency { (client_fields(tr, form)) }
            details.when open[!form.when.is_empty()] {
                summary { (tr.t("field-when")) }
                div.week {
                    @for day in Weekday::all() {
                        fieldset.day {
                            legend { (tr.code(*day)) }
                            @for part in Part::ALL {
                                @let id = format!("when-{}-{}", day.code(), part.code());
                                @let value = format!("{}-{}", day.code(), part.code());
                                span.part {
                                    input type="checkbox" id=(id) name="when" value=(value) checked[form.when.contains(&(*day, part))];
                                    label for=(id) { (tr.t(&format!("part-{}", part.code()))) }
                                }
                            }
                        }
                    }
                }
            }
            @for relaxed in &form.relax { input type="hidden" name="relax" value=(relaxed); }
            p { button type="submit" { (tr.t("find-submit")) } }
        }
    }
}

/// The agency console's part of the form: hours, the weekly budget, PAs known or unwanted.
fn client_fields(tr: &Tr, form: &FindForm) -> Markup {
    let pounds = form.budget.map(|b| {
        let pence = b.pence();
        format!("{}.{:02}", pence / 100, pence % 100)
    });
    let numbers = |ids: &[i64]| {
        ids.iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        fieldset {
            legend { (tr.t("field-client")) }
            div.field {
                label for="hours" { (tr.t("field-hours")) }
                input #hours type="number" name="hours" min="1" max="168" inputmode="numeric"
                    value=[form.hours];
            }
            div.field {
                label for="budget" { (tr.t("field-budget")) }
                p.hint #budget-hint { (tr.t("field-budget-hint")) }
                input #budget type="text" name="budget" inputmode="decimal" size="8"
                    value=[pounds] aria-describedby="budget-hint";
            }
            div.field {
                label for="prefer" { (tr.t("field-prefer")) }
                input #prefer type="text" name="prefer" inputmode="numeric" value=(numbers(&form.preferred));
            }
            div.field {
                label for="block" { (tr.t("field-block")) }
                input #block type="text" name="block" inputmode="numeric" value=(numbers(&form.blocked));
            }
        }
    }
}

/// Languages by their own names, each marked with its language tag (`廣東話, English`).
pub fn language_names(languages: impl Iterator<Item = Language>) -> Markup {
    html! {
        @for (i, l) in languages.enumerate() {
            @if i > 0 { ", " }
            span lang=(lang_tag(l)) { (l.autonym().unwrap_or(l.label_en())) }
        }
    }
}

/// One reason: the outcome in words (the stylesheet adds ✓, ◐ or ✗, hidden from screen
/// readers), the reason in the page's language, and whether it is essential. Markup kept small:
/// a page holds 20 cards of up to a dozen reasons each.
fn reason(tr: &Tr, line: &Explanation, who: Subject) -> Markup {
    let id = match line.outcome {
        CriterionOutcome::Met => "outcome-met",
        CriterionOutcome::Partial => "outcome-partial",
        CriterionOutcome::Unmet => "outcome-unmet",
    };
    html! {
        li class=(outcome_class(line.outcome)) {
            b { (tr.t(id)) }
            " " (reasons::detail(tr, line, who))
            @if line.required { " " em { (tr.t("outcome-required")) } }
        }
    }
}

fn outcome_class(result: CriterionOutcome) -> &'static str {
    match result {
        CriterionOutcome::Met => "met",
        CriterionOutcome::Partial => "partial",
        CriterionOutcome::Unmet => "unmet",
    }
}

/// `Mon 08:00–12:00, Tue 17:00–21:00` with the days in the page's language.
pub fn slots_summary(tr: &Tr, slots: &[Slot]) -> String {
    let mut days: Vec<(Weekday, Vec<String>)> = Vec::new();
    for slot in slots {
        let span = format!("{}–{}", slot.start, slot.end);
        match days.iter_mut().find(|(d, _)| *d == slot.day) {
            Some((_, spans)) => spans.push(span),
            None => days.push((slot.day, vec![span])),
        }
    }
    days.sort_by_key(|(d, _)| d.index());
    days.iter()
        .map(|(d, spans)| format!("{} {}", tr.code(*d), spans.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The result cards and relaxation links; `shortlist` (the browser's list and the form token)
/// adds the public page's add/remove buttons.
pub fn results(
    tr: &Tr,
    found: &Found,
    form: &FindForm,
    base: &str,
    shortlist: Option<Buttons>,
) -> Markup {
    let outcome = &found.outcome;
    html! {
        section.results aria-labelledby="results-title" {
            h2 #results-title { (tr.t("results-title")) }
            p role="status" {
                @if outcome.matches.is_empty() { (tr.t("results-none")) }
                @else { (tr.count("results-count", "count", outcome.matches.len() as f64)) }
                " " (tr.count("results-considered", "count", outcome.considered as f64))
            }
            @if !outcome.relaxations.is_empty() {
                (relaxations(tr, outcome, form, base))
            }
            ol.cards {
                @for (m, details) in outcome.matches.iter().zip(&found.details) {
                    li { (card(tr, m, details, shortlist)) }
                }
            }
        }
    }
}

fn relaxations(tr: &Tr, outcome: &MatchOutcome, form: &FindForm, base: &str) -> Markup {
    html! {
        aside.relax aria-labelledby="relax-title" {
            h3 #relax-title { (tr.t("relax-title")) }
            ul {
                @for r in &outcome.relaxations {
                    li {
                        @if r.criterion == CriterionId::Distance {
                            @let wider = FindForm { km: (form.km * 2).min(MAX_KM), ..form.clone() };
                            a href=(link(base, &with_lang(tr, wider.to_pairs()))) {
                                (tr.args("relax-distance", &[("km", f64::from(wider.km).into()), ("count", f64::from(r.additional).into())]))
                            }
                        } @else if relaxable(r.criterion) {
                            a href=(link(base, &with_lang(tr, relaxed(form, r.criterion).to_pairs()))) {
                                (tr.args("relax-make-preferred", &[("what", criterion_label(tr, r.criterion).into()), ("count", f64::from(r.additional).into())]))
                            }
                        } @else {
                            (reasons::suggestion(tr, r))
                        }
                    }
                }
            }
        }
    }
}

fn relaxed(form: &FindForm, criterion: CriterionId) -> FindForm {
    let mut relaxed = form.clone();
    relaxed.relax.push(criterion);
    relaxed
}

/// Criteria the form can turn from essential into a preference.
fn relaxable(criterion: CriterionId) -> bool {
    matches!(
        criterion,
        CriterionId::Language(_)
            | CriterionId::Diet(_)
            | CriterionId::MedicalDiet(_)
            | CriterionId::WeeklyBudget
            | CriterionId::Service(_)
            | CriterionId::CarerGender(_)
            | CriterionId::Check(_)
    )
}

fn with_lang(tr: &Tr, mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.push(("lang".into(), tr.locale.tag().into()));
    pairs
}

fn card(tr: &Tr, m: &Match, details: &ResultDetails, shortlist: Option<Buttons>) -> Markup {
    let kind_label = match m.kind {
        CandidateKind::Carer => tr.t("result-carer"),
        CandidateKind::Provider => tr.t("result-provider"),
    };
    let item = Item {
        kind: m.kind,
        id: m.id,
    };
    let anchor = item.code();
    html! {
        article.card #(anchor) {
            // `bdi`: a Latin name keeps its full stop on the right on right-to-left pages.
            h3 { bdi { (details.full_name.as_deref().unwrap_or(&m.name)) } }
            p.kind {
                (kind_label)
                " · " (tr.with("result-distance", "km", &reasons::number(tr.locale, m.distance_km, 1)))
                " · " (tr.with("result-score", "percent", &format!("{:.0}", m.score * 100.0)))
            }
            @if let Some(area) = &details.area { p { (tr.with("result-area", "area", area)) } }
            @if !details.availability.is_empty() {
                p { (tr.with("result-free", "when", &slots_summary(tr, &details.availability))) }
            }
            @if let Some(rate) = &details.rate { p { (tr.with("result-rate", "rate", rate)) } }
            @if let Some(contact) = &details.contact {
                p.contact {
                    @if let Some(phone) = &contact.phone { (tr.t("contact-phone")) ": " a href=(format!("tel:{phone}")) { (phone) } " " }
                    @if let Some(email) = &contact.email { (tr.t("contact-email")) ": " a href=(format!("mailto:{email}")) { (email) } }
                }
            }
            details.why open {
                summary { (tr.t("result-why")) }
                @let who = Subject::of(m.kind, details.gender);
                ul.reasons { @for line in &m.criteria { (reason(tr, line, who)) } }
            }
            @if let Some(buttons) = shortlist {
                (toggle_button(tr, buttons, item, &m.name, None))
            }
        }
    }
}

/// `12.60` (the catalogues put the currency sign where their language wants it).
pub fn pounds(rate: carematch_domain::RatePence) -> String {
    format!("{}.{:02}", rate.pence() / 100, rate.pence() % 100)
}
