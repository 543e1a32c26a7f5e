//! Find care: the form, the search behind it (the same engine and rules as `POST /v1/matches`),
//! and the result cards, shared with the agency console.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_domain::listing::days_since;
use carematch_domain::vocabulary::{Code, Gender, Language, Weekday};
use carematch_domain::{Contact, Slot};
use carematch_matching::{
    CandidateKind, CriterionId, CriterionOutcome, Explanation, Match, MatchOutcome, Viewer,
};
use carematch_service::{CareService, ServiceError, WindowedOutcome};
use carematch_store::Store;
use maud::{Markup, html};

use crate::find_page::find_form;
use crate::form::{FindForm, FormProblem, MAX_KM};
use crate::i18n::{Tr, lang_tag};
use crate::layout::{Ctx, Section, link, query_pairs};
use crate::reasons::{self, Subject, criterion_label};
use crate::results_nav::{self, PER_PAGE, ResultView};
use crate::shortlist::{Buttons, Item, toggle_button};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(home).service(find);
}

/// What a search found, with each result's public or agency details.
pub struct Found {
    /// The page of results shown (its matches), with the relaxations when few fit.
    pub outcome: MatchOutcome,
    /// Which page, in which order.
    pub view: ResultView,
    /// Whether another page follows.
    pub more: bool,
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
    /// Days since the record was last confirmed as all still true.
    pub confirmed_days: Option<i64>,
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
    view: ResultView,
) -> Result<Found, SearchProblem> {
    let form = form.clone();
    let service = state.service().clone();
    web::block(move || search_blocking(&service, &form, viewer, view))
        .await
        .map_err(|_| SearchProblem::Server)?
}

/// Matches the form's plan with the service (the same engine and rules as `POST /v1/matches`)
/// and loads the details the cards show. Blocking: database reads.
pub fn search_blocking(
    service: &CareService,
    form: &FindForm,
    viewer: Viewer,
    view: ResultView,
) -> Result<Found, SearchProblem> {
    let snapshot = service.snapshot().map_err(|_| SearchProblem::Loading)?;
    let plan = form.to_plan().map_err(SearchProblem::Form)?;
    let WindowedOutcome { outcome, more } = service
        .match_window(
            &snapshot,
            &plan,
            viewer,
            carematch_service::today(),
            view.window(),
        )
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
    Ok(Found {
        outcome,
        view,
        more,
        details,
    })
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
                    confirmed_days: Some(days_since(
                        d.last_confirmed_on,
                        carematch_service::today(),
                    )),
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
                        confirmed_days: Some(days_since(
                            d.last_confirmed_on,
                            carematch_service::today(),
                        )),
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
    let pairs = query_pairs(req.query_string());
    let form = FindForm::from_pairs(&pairs);
    let found = if form.is_search() {
        Some(search(state, &form, Viewer::Public, ResultView::from_pairs(&pairs)).await)
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
            // What was searched, and the form to change it, come first: on a phone the form
            // below twenty results was thousands of pixels away.
            let main = html! {
                h1 { (title) }
                (results_nav::summary(tr, form))
                details.change-search open[found.outcome.matches.is_empty()] {
                    summary { (tr.t("results-change")) }
                    (find_form(tr, form, "/find", None, false))
                }
                (results(tr, &found, form, "/find", Some(buttons)))
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
    let unknown = matches!(problem, SearchProblem::UnknownPostcode(_));
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
        @if unknown && ctx.demo { (crate::demo_areas::list(tr, action)) }
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
    let view = found.view;
    // Suggestions to widen the search only when the whole search found less than a page, and
    // below the results, so that they never push the first result off a phone's screen.
    let few = view.page == 1 && !found.more && outcome.matches.len() < PER_PAGE;
    let relax = few && !outcome.relaxations.is_empty();
    html! {
        section.results aria-labelledby="results-title" {
            h2 #results-title { (tr.t("results-title")) }
            p role="status" {
                @if outcome.matches.is_empty() { (tr.t("results-none")) }
                @else if view.page == 1 && !found.more { (tr.count("results-count", "count", outcome.matches.len() as f64)) }
                @else { (tr.args("results-showing", &[("from", (view.first() as f64).into()), ("to", ((view.first() + outcome.matches.len()).saturating_sub(1) as f64).into())])) }
                " " (tr.count("results-considered", "count", outcome.considered as f64))
            }
            @if outcome.matches.is_empty() {
                @if relax { (relaxations(tr, outcome, form, base)) }
            } @else {
                (results_nav::sort_links(tr, form, view, base))
                ol.cards start=(view.first()) {
                    @for (m, details) in outcome.matches.iter().zip(&found.details) {
                        li { (card(tr, m, details, shortlist, form)) }
                    }
                }
                (results_nav::pager(tr, form, view, outcome.matches.len(), found.more, base))
                @if relax { (relaxations(tr, outcome, form, base)) }
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

fn card(
    tr: &Tr,
    m: &Match,
    details: &ResultDetails,
    shortlist: Option<Buttons>,
    form: &FindForm,
) -> Markup {
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
            @let name = details.full_name.as_deref().unwrap_or(&m.name);
            // The public page links each result to its profile; the agency console shows more.
            @if shortlist.is_some() {
                h3 { a href=(crate::profile::path(item)) { bdi { (name) } } }
                (crate::share::listen_button(tr, &anchor))
            } @else {
                h3 { bdi { (name) } }
            }
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
            @if let Some(days) = details.confirmed_days { p.confirmed { (crate::freshness::confirmed_ago(tr, days)) } }
            @if let Some(contact) = &details.contact {
                p.contact {
                    @if let Some(phone) = &contact.phone { (tr.t("contact-phone")) ": " a href=(format!("tel:{phone}")) { (phone) } " " }
                    @if let Some(email) = &contact.email { (tr.t("contact-email")) ": " a href=(format!("mailto:{email}")) { (email) } }
                }
            }
            // How the public reaches a PA: the agency that holds them (never the PA's own contact).
            @if let Some(agency) = &m.agency { (crate::agency_profile::agency_block(tr, agency)) }
            details.why open {
                summary { (tr.t("result-why")) }
                @let who = Subject::of(m.kind, details.gender);
                ul.reasons { @for line in &m.criteria { (reason(tr, line, who)) } }
            }
            @if let Some(buttons) = shortlist {
                (toggle_button(tr, buttons, item, &m.name, None))
                // The public page only: an enquiry goes to the agency that holds the record.
                (crate::enquiries::enquire_button(tr, item, &m.name, Some(form)))
                (crate::reports::report_link(tr, match m.kind {
                    CandidateKind::Carer => carematch_domain::report::ReportEntity::Carer,
                    CandidateKind::Provider => carematch_domain::report::ReportEntity::Provider,
                }, m.id))
            }
        }
    }
}

/// `12.60` (the catalogues put the currency sign where their language wants it).
pub fn pounds(rate: carematch_domain::RatePence) -> String {
    format!("{}.{:02}", rate.pence() / 100, rate.pence() % 100)
}
