//! Public profile pages: `/carers/{id}` and `/providers/{id}`. Everything the public may know of
//! one record, laid out to be read: a PA's own words in their own script, languages with how
//! well, cooking and food rules, faith (only with the PA's consent) and its practices, help
//! offered, experience, checks valid today with the month they run to, the usual week as a
//! grid, the area (outward code only, never an address or exact location), how fresh the record
//! is, and the agency or organisation to contact. A PA who is not listed publicly, a stale or
//! deleted record and an unknown id all get the same 404, so the page reveals nothing the
//! public views do not.

mod carer;
mod provider;
mod week;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_api::views::{PublicCarer, PublicProvider};
use carematch_domain::vocabulary::CheckKind;
use carematch_domain::{CarerId, ProviderId};
use carematch_matching::CandidateKind;
use chrono::NaiveDate;
use maud::html;

use crate::layout::{Ctx, Section};
use crate::pages::server_error;
use crate::shortlist::{Buttons, Item};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(carer_page).service(provider_page);
}

/// The profile page of `item`.
pub fn path(item: Item) -> String {
    match item.kind {
        CandidateKind::Carer => format!("/carers/{}", item.id),
        CandidateKind::Provider => format!("/providers/{}", item.id),
    }
}

/// A PA's public view, with each valid check's expiry (the month is public; the certificate
/// number never is).
pub(crate) struct CarerProfile {
    pub public: PublicCarer,
    pub checks: Vec<(CheckKind, NaiveDate)>,
}

enum Profile {
    Carer(Box<CarerProfile>),
    Provider(Box<PublicProvider>),
}

fn load(state: &AppState, item: Item) -> Result<Option<Profile>, carematch_service::ServiceError> {
    let today = carematch_service::today();
    Ok(match item.kind {
        CandidateKind::Carer => match state.store.get_carer(CarerId(item.id))? {
            Some(carer) if carer.is_public() => {
                let directory = state.service().agency_directory()?;
                let checks = carer
                    .details
                    .checks
                    .iter()
                    .filter(|c| c.valid_on(today))
                    .map(|c| (c.kind, c.expires_on))
                    .collect();
                Some(Profile::Carer(Box::new(CarerProfile {
                    public: PublicCarer::with_agency(&carer, today, &directory),
                    checks,
                })))
            }
            _ => None,
        },
        CandidateKind::Provider => match state.store.get_provider(ProviderId(item.id))? {
            Some(provider) if provider.is_public() => Some(Profile::Provider(Box::new(
                PublicProvider::new(&provider, today),
            ))),
            _ => None,
        },
    })
}

#[get("/carers/{id}")]
async fn carer_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> HttpResponse {
    let item = Item {
        kind: CandidateKind::Carer,
        id: id.into_inner(),
    };
    page(req, state, item).await
}

#[get("/providers/{id}")]
async fn provider_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> HttpResponse {
    let item = Item {
        kind: CandidateKind::Provider,
        id: id.into_inner(),
    };
    page(req, state, item).await
}

async fn page(req: HttpRequest, state: web::Data<AppState>, item: Item) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let state = state.into_inner();
    let site = state.service().site_url().to_owned();
    let profile = match web::block(move || load(&state, item)).await {
        Ok(Ok(profile)) => profile,
        _ => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let Some(profile) = profile else {
        let main = html! {
            h1 { (tr.t("profile-missing-title")) }
            p { (tr.t("shortlist-gone")) }
            p { a href="/find" { (tr.t("shortlist-back")) } }
        };
        return ctx.respond(
            StatusCode::NOT_FOUND,
            &tr.t("profile-missing-title"),
            Section::Find,
            main,
        );
    };
    let token = ctx.anonymous_token();
    let buttons = Buttons {
        list: &ctx.shortlist,
        token: &token,
    };
    // The link shared is the page itself, in the reader's language.
    let link = format!("{site}{}?lang={}", path(item), ctx.locale().tag());
    let (title, main) = match &profile {
        Profile::Carer(carer) => (
            carer.public.display_name.clone(),
            carer::page(tr, buttons, carer, &link),
        ),
        Profile::Provider(provider) => (
            provider.name.clone(),
            provider::page(tr, buttons, provider, &link),
        ),
    };
    let main = html! {
        (main)
        p.no-print { a href="/shortlist" { (tr.t("shortlist-title")) } }
    };
    ctx.ok(&title, Section::Find, main)
}

/// `03/2027`: a month that reads the same in every language the site has.
fn month(date: NaiveDate) -> String {
    date.format("%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_are_numeric() {
        let date = chrono::NaiveDate::from_ymd_opt(2027, 3, 31).expect("date");
        assert_eq!(super::month(date), "03/2027");
    }
}
