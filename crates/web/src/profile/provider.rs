//! A community service's profile page: what the organisation publishes, with how to reach it.

use carematch_api::views::PublicProvider;
use carematch_domain::ServiceArea;
use carematch_matching::CandidateKind;
use maud::{Markup, html};

use super::carer::join;
use super::week;
use crate::i18n::Tr;
use crate::pages::language_names;
use crate::share::{listen_button, share_links};
use crate::shortlist::{Buttons, Item, toggle_button};

pub fn page(tr: &Tr, own: Buttons, provider: &PublicProvider, link: &str) -> Markup {
    let name = &provider.name;
    let item = Item {
        kind: CandidateKind::Provider,
        id: provider.id.0,
    };
    let share = format!("{} {link}", tr.with("share-text-provider", "name", name));
    html! {
        article.profile #profile {
            h1 { bdi { (name) } }
            p.kind { (tr.code(provider.kind)) " · " bdi { (provider.postcode) } }
            p.confirmed { (crate::freshness::confirmed_ago(tr, provider.confirmed_days_ago)) }
            p {
                @if provider.accepting_new_clients { strong { (tr.t("profile-accepting")) } }
                @else { strong { (tr.t("profile-not-accepting")) } }
                @if provider.self_referral { " · " (tr.t("profile-self-referral")) }
            }
            div.no-print { (listen_button(tr, "profile")) }
            @if !provider.description.trim().is_empty() {
                section {
                    h2 { (tr.t("profile-about-service")) }
                    p.bio dir="auto" { (provider.description) }
                }
            }
            dl.profile-facts {
                dt { (tr.t("profile-languages")) }
                dd { (language_names(provider.staff_languages.iter().copied())) }
                @if !provider.cuisines.is_empty() || !provider.dietary_laws.is_empty() || !provider.medical_diets.is_empty() {
                    dt { (tr.t("profile-food")) }
                    dd { (join(provider.cuisines.iter().map(|c| tr.code(*c))
                        .chain(provider.dietary_laws.iter().map(|c| tr.code(*c)))
                        .chain(provider.medical_diets.iter().map(|c| tr.code(*c))))) }
                }
                @if !provider.faith_practices.is_empty() {
                    dt { (tr.t("crit-faith_practice")) }
                    dd { (join(provider.faith_practices.iter().map(|c| tr.code(*c)))) }
                }
                dt { (tr.t("profile-services")) }
                dd { (join(provider.services.iter().map(|c| tr.code(*c)))) }
                @if !provider.experience.is_empty() {
                    dt { (tr.t("crit-experience")) }
                    dd { (join(provider.experience.iter().map(|c| tr.code(*c)))) }
                }
                @if !provider.delivery_modes.is_empty() {
                    dt { (tr.t("crit-delivery_mode")) }
                    dd { (join(provider.delivery_modes.iter().map(|c| tr.code(*c)))) }
                }
                @if !provider.valid_checks.is_empty() {
                    dt { (tr.t("profile-checks")) }
                    dd {
                        (join(provider.valid_checks.iter().map(|c| tr.code(*c))))
                        @if let Some(id) = &provider.cqc_location_id { " · " (tr.with("profile-cqc", "id", id)) }
                    }
                }
                @if let Some(rate) = provider.hourly_rate {
                    dt { (tr.t("crit-max_hourly_rate")) }
                    dd { (tr.with("result-rate", "rate", &crate::pages::pounds(rate))) }
                }
                dt { (tr.t("profile-area")) }
                dd {
                    @match &provider.service_area {
                        ServiceArea::Radius { km } => (tr.args("profile-area-text", &[("area", provider.postcode.as_str().into()), ("km", km.get().into())])),
                        ServiceArea::Polygon { .. } => (tr.with("profile-area-drawn", "area", &provider.postcode)),
                    }
                }
            }
            @if !provider.opening_hours.is_empty() {
                section {
                    h2 { (tr.t("profile-opening-hours")) }
                    (week::grid(tr, &provider.opening_hours))
                }
            }
            section {
                h2 { (tr.t("profile-reach")) }
                ul.contact {
                    @if let Some(phone) = &provider.contact.phone {
                        li { (tr.t("contact-phone")) ": " a href=(format!("tel:{}", phone.replace(' ', ""))) { bdi { (phone) } } }
                    }
                    @if let Some(email) = &provider.contact.email {
                        li { (tr.t("contact-email")) ": " a href=(format!("mailto:{email}")) { bdi { (email) } } }
                    }
                    @if let Some(site) = &provider.contact.website {
                        li { (tr.t("agency-card-website")) ": " a href=(site) rel="noopener" { bdi { (site) } } }
                    }
                }
            }
        }
        (share_links(tr, &share))
        div.no-print { (toggle_button(tr, own, item, name, Some(&super::path(item)))) }
        (crate::enquiries::enquire_button(tr, item, name, None))
        (crate::reports::report_link(tr, carematch_domain::report::ReportEntity::Provider, item.id))
    }
}
