//! The shortlist: carers and services a person keeps while searching. It lives in the browser
//! (a cookie, so it works without JavaScript) and in a shareable link (`/shortlist?s=c12,p5`);
//! it holds ids only, never a search, a postcode or a need.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_api::views::PublicCarer;
use carematch_domain::{CarerId, ProviderId};
use carematch_matching::CandidateKind;
use maud::{Markup, html};
use serde::Deserialize;

use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, hidden, link, local_path, referrer_path, see_other};
use crate::pages::{language_names, server_error, slots_summary};
use crate::share::{listen_button, share_links};

/// The cookie holding the shortlist.
pub const SHORTLIST_COOKIE: &str = "carematch_shortlist";
/// Entries kept at most (a cookie stays small).
pub const MAX_ITEMS: usize = 30;

/// One entry: a carer or a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub kind: CandidateKind,
    pub id: i64,
}

impl Item {
    /// `c12` or `p5`.
    pub fn code(self) -> String {
        let prefix = match self.kind {
            CandidateKind::Carer => 'c',
            CandidateKind::Provider => 'p',
        };
        format!("{prefix}{}", self.id)
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let kind = match text.chars().next()? {
            'c' => CandidateKind::Carer,
            'p' => CandidateKind::Provider,
            _ => return None,
        };
        let id: i64 = text.get(1..)?.parse().ok()?;
        (id > 0).then_some(Self { kind, id })
    }
}

/// The entries, in the order they were added, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    items: Vec<Item>,
}

impl Shortlist {
    /// Parses `c12,p5`; bad or repeated entries are dropped, and at most [`MAX_ITEMS`] kept.
    pub fn parse(text: &str) -> Self {
        let mut list = Self::default();
        for item in text.split(',').filter_map(Item::parse) {
            list.add(item);
        }
        list
    }

    /// The browser's shortlist (its cookie).
    pub fn of_request(req: &HttpRequest) -> Self {
        req.cookie(SHORTLIST_COOKIE)
            .map(|c| Self::parse(c.value()))
            .unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        self.items
            .iter()
            .map(|i| i.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn add(&mut self, item: Item) {
        if !self.contains(item) && self.items.len() < MAX_ITEMS {
            self.items.push(item);
        }
    }

    pub fn remove(&mut self, item: Item) {
        self.items.retain(|i| *i != item);
    }

    pub fn contains(&self, item: Item) -> bool {
        self.items.contains(&item)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    fn cookie(&self, secure: bool) -> Cookie<'static> {
        // Readable by our script (it mirrors the list into localStorage), so not `HttpOnly`;
        // it holds ids only.
        Cookie::build(SHORTLIST_COOKIE, self.encode())
            .path("/")
            .secure(secure)
            .same_site(SameSite::Lax)
            .max_age(actix_web::cookie::time::Duration::days(90))
            .finish()
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(add).service(remove).service(page);
}

/// The add and remove forms' fields.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    item: String,
    /// Where to go back to (a local path with its query).
    #[serde(default)]
    back: String,
    #[serde(default)]
    csrf: String,
}

fn change(req: &HttpRequest, form: &ChangeForm, adding: bool) -> HttpResponse {
    let back = if form.back.is_empty() {
        // Result cards leave `back` out (twenty copies of a long query would weigh the page
        // down): the page they were on is the same-origin referrer.
        let from = referrer_path(req).unwrap_or_else(|| "/find".to_owned());
        match Item::parse(&form.item) {
            Some(item) => format!("{from}#{}", item.code()),
            None => from,
        }
    } else {
        local_path(&form.back).to_owned()
    };
    // Another site must not fill or empty someone's shortlist.
    if !csrf::check_anonymous(req, &form.csrf) {
        return csrf::refused(&Ctx::new(req), &back);
    }
    let mut list = Shortlist::of_request(req);
    if let Some(item) = Item::parse(&form.item) {
        if adding {
            list.add(item);
        } else {
            list.remove(item);
        }
    }
    let secure = carematch_api::forwarded::Site::of(req).is_https();
    let mut response = see_other(&back);
    if response.add_cookie(&list.cookie(secure)).is_err() {
        tracing::warn!("could not set the shortlist cookie");
    }
    response
}

#[post("/shortlist/add")]
async fn add(req: HttpRequest, form: web::Form<ChangeForm>) -> HttpResponse {
    change(&req, &form, true)
}

#[post("/shortlist/remove")]
async fn remove(req: HttpRequest, form: web::Form<ChangeForm>) -> HttpResponse {
    change(&req, &form, false)
}

/// What shortlist buttons need: the browser's list (to say add or remove) and the form token.
#[derive(Debug, Clone, Copy)]
pub struct Buttons<'a> {
    pub list: &'a Shortlist,
    pub token: &'a str,
}

/// The add or remove button of one result; `back` brings the person back to the same place
/// (`None`: the page the button is on, from the referrer).
pub fn toggle_button(
    tr: &Tr,
    buttons: Buttons,
    item: Item,
    name: &str,
    back: Option<&str>,
) -> Markup {
    let on = buttons.list.contains(item);
    let (action, label) = if on {
        (
            "/shortlist/remove",
            tr.with("shortlist-remove", "name", name),
        )
    } else {
        ("/shortlist/add", tr.with("shortlist-add", "name", name))
    };
    html! {
        form.shortlist method="post" action=(action) {
            (csrf::field(buttons.token))
            (hidden("item", &item.code()))
            @if let Some(back) = back { (hidden("back", back)) }
            @if on { span.on { "✓ " (tr.t("shortlist-added")) " " } }
            button type="submit" data-shortlist=(item.code()) { (label) }
        }
    }
}

/// What the page shows of one entry (public information only).
pub(crate) enum Entry {
    /// The public view, naming the holding agency with its public contact.
    Carer(Box<PublicCarer>),
    Provider(Box<carematch_api::views::PublicProvider>),
    Gone(Item),
}

pub(crate) fn load(
    state: &AppState,
    items: &[Item],
) -> Result<Vec<Entry>, carematch_service::ServiceError> {
    let today = carematch_service::today();
    let directory = state.service().agency_directory()?;
    let mut entries = Vec::with_capacity(items.len());
    for item in items {
        let entry = match item.kind {
            CandidateKind::Carer => match state.store.get_carer(CarerId(item.id))? {
                Some(carer) if carer.is_public() => Entry::Carer(Box::new(
                    PublicCarer::with_agency(&carer, today, &directory),
                )),
                _ => Entry::Gone(*item),
            },
            CandidateKind::Provider => match state.store.get_provider(ProviderId(item.id))? {
                Some(provider) if provider.is_public() => Entry::Provider(Box::new(
                    carematch_api::views::PublicProvider::new(&provider, today),
                )),
                _ => Entry::Gone(*item),
            },
        };
        entries.push(entry);
    }
    Ok(entries)
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    /// A shared list (`c12,p5`); without it, the browser's own.
    s: Option<String>,
}

#[get("/shortlist")]
async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let shared = query.s.as_deref().map(Shortlist::parse);
    let list = shared.clone().unwrap_or_else(|| ctx.shortlist.clone());
    let items = list.items().to_vec();
    let state = state.into_inner();
    let site = state.service().site_url().to_owned();
    let entries = match web::block(move || load(&state, &items)).await {
        Ok(Ok(entries)) => entries,
        _ => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let share = link(
        "/shortlist",
        &[
            ("s".to_owned(), list.encode()),
            ("lang".to_owned(), ctx.locale().tag().to_owned()),
        ],
    );
    let back = link("/shortlist", &[("s".to_owned(), list.encode())]);
    let token = ctx.anonymous_token_if(!entries.is_empty());
    let buttons = Buttons {
        list: &ctx.shortlist,
        token: &token,
    };
    let main = html! {
        h1 { (tr.t("shortlist-title")) }
        @if entries.is_empty() {
            p { (tr.t("shortlist-empty")) }
            p { a href="/find" { (tr.t("shortlist-back")) } }
        } @else {
            div.actions.no-print {
                p { a #share-link href=(share) { (tr.t("shortlist-share")) } }
                p.hint { (tr.t("shortlist-share-hint")) }
                (share_links(tr, &format!("{} {site}{share}", tr.t("share-text-shortlist"))))
                (listen_button(tr, "shortlist-entries"))
                p.no-print { a.enquire.enquire-all href=(crate::enquiries::enquire_link(list.items(), None)) { (tr.t("enquire-shortlist")) } }
                button type="button" #print hidden { (tr.t("shortlist-print")) }
                noscript { p { (tr.t("shortlist-print")) ": Ctrl+P" } }
            }
            ol.shortlist #shortlist-entries {
                @for entry in &entries {
                    li { (entry_card(tr, buttons, entry, &back)) }
                }
            }
        }
    };
    ctx.ok(&tr.t("shortlist-title"), Section::Shortlist, main)
}

/// The name as the entry's heading, linking to the record's profile page.
fn heading(item: Item, name: &str) -> Markup {
    html! { h2 { a href=(crate::profile::path(item)) { bdi { (name) } } } }
}

pub(crate) fn entry_card(tr: &Tr, own: Buttons, entry: &Entry, back: &str) -> Markup {
    match entry {
        Entry::Gone(item) => html! {
            article.card.gone {
                p { (tr.t("shortlist-gone")) }
                (toggle_button(tr, own, *item, &item.code(), Some(back)))
            }
        },
        Entry::Carer(carer) => {
            let name = &carer.display_name;
            let item = Item {
                kind: CandidateKind::Carer,
                id: carer.id.0,
            };
            html! {
                article.card {
                    (heading(item, name))
                    p.kind { (tr.t("result-carer")) " · " (tr.with("result-area", "area", carer.outward_code.as_str())) }
                    p.confirmed { (crate::freshness::confirmed_ago(tr, carer.confirmed_days_ago)) }
                    dl {
                        dt { (tr.t("crit-language")) }
                        dd { (language_names(carer.languages.iter().map(|l| l.code))) }
                        @if !carer.cuisines.is_empty() {
                            dt { (tr.t("crit-cuisine")) }
                            dd { (join(carer.cuisines.iter().map(|c| tr.code(*c)))) }
                        }
                        @if !carer.dietary_laws.is_empty() {
                            dt { (tr.t("crit-diet")) }
                            dd { (join(carer.dietary_laws.iter().map(|c| tr.code(*c)))) }
                        }
                        dt { (tr.t("crit-service")) }
                        dd { (join(carer.services.iter().map(|c| tr.code(*c)))) }
                        dt { (tr.t("crit-schedule")) }
                        dd { (slots_summary(tr, &carer.availability)) }
                        dt { (tr.t("crit-max_hourly_rate")) }
                        dd { (tr.with("result-rate", "rate", &crate::pages::pounds(carer.hourly_rate))) }
                        dt { (tr.t("crit-check")) }
                        dd { (join(carer.valid_checks.iter().map(|c| tr.code(*c)))) }
                        @if let Some(agency) = &carer.agency {
                            dt { (tr.t("shortlist-contact")) }
                            dd { (crate::agency_profile::agency_block(tr, agency)) }
                        }
                    }
                    (questions(tr, name))
                    div.no-print { (toggle_button(tr, own, item, name, Some(back))) }
                    (crate::enquiries::enquire_button(tr, item, name, None))
                    (crate::reports::report_link(tr, carematch_domain::report::ReportEntity::Carer, item.id))
                }
            }
        }
        Entry::Provider(provider) => {
            let name = &provider.name;
            let item = Item {
                kind: CandidateKind::Provider,
                id: provider.id.0,
            };
            html! {
                article.card {
                    (heading(item, name))
                    p.kind { (tr.code(provider.kind)) " · " (provider.postcode) }
                    p.confirmed { (crate::freshness::confirmed_ago(tr, provider.confirmed_days_ago)) }
                    p { (provider.description) }
                    dl {
                        dt { (tr.t("crit-language")) }
                        dd { (language_names(provider.staff_languages.iter().copied())) }
                        dt { (tr.t("crit-service")) }
                        dd { (join(provider.services.iter().map(|c| tr.code(*c)))) }
                        dt { (tr.t("shortlist-contact")) }
                        dd {
                            @if let Some(phone) = &provider.contact.phone { (tr.t("contact-phone")) ": " (phone) br; }
                            @if let Some(email) = &provider.contact.email { (tr.t("contact-email")) ": " (email) br; }
                            @if let Some(site) = &provider.contact.website { (site) }
                        }
                    }
                    (questions(tr, name))
                    div.no-print { (toggle_button(tr, own, item, name, Some(back))) }
                    (crate::enquiries::enquire_button(tr, item, name, None))
                    (crate::reports::report_link(tr, carematch_domain::report::ReportEntity::Provider, item.id))
                }
            }
        }
    }
}

fn questions(tr: &Tr, name: &str) -> Markup {
    html! {
        section.ask {
            h3 { (tr.t("shortlist-ask-title")) }
            ul {
                @for id in ["shortlist-ask-free", "shortlist-ask-checks", "shortlist-ask-food", "shortlist-ask-language", "shortlist-ask-contact"] {
                    li { (tr.with(id, "name", name)) }
                }
            }
        }
    }
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_without_duplicates_or_junk_and_round_trip() {
        let list = Shortlist::parse("c12,p5,c12,x9,c-1,p,c0, p7 ");
        assert_eq!(list.encode(), "c12,p5,p7");
        assert_eq!(Shortlist::parse(&list.encode()), list);
        let many: Vec<String> = (1..100).map(|i| format!("c{i}")).collect();
        assert_eq!(Shortlist::parse(&many.join(",")).len(), MAX_ITEMS);
    }

    #[test]
    fn items_add_and_remove() {
        let mut list = Shortlist::default();
        let item = Item {
            kind: CandidateKind::Provider,
            id: 3,
        };
        list.add(item);
        assert!(list.contains(item));
        list.remove(item);
        assert!(list.is_empty());
    }
}
