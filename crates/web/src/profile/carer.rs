//! A PA's profile page.

use carematch_matching::CandidateKind;
use maud::{Markup, html};

use super::{CarerProfile, month, week};
use crate::i18n::{Tr, lang_tag};
use crate::share::{listen_button, share_links};
use crate::shortlist::{Buttons, Item, toggle_button};
use carematch_domain::vocabulary::{Code, Gender};

pub fn page(tr: &Tr, own: Buttons, profile: &CarerProfile, link: &str) -> Markup {
    let carer = &profile.public;
    let name = &carer.display_name;
    let item = Item {
        kind: CandidateKind::Carer,
        id: carer.id.0,
    };
    // The gender lets a language agree its words with the PA ("asystentka" in Polish).
    let gender = match carer.gender {
        Gender::Female => "female",
        Gender::Male => "male",
        _ => "other",
    };
    let share = format!(
        "{} {link}",
        tr.args(
            "share-text-carer",
            &[("name", name.as_str().into()), ("gender", gender.into())],
        )
    );
    html! {
        article.profile #profile {
            h1 { bdi { (name) } }
            p.kind {
                (tr.t("result-carer")) " · "
                (tr.with("result-area", "area", carer.outward_code.as_str()))
            }
            p.confirmed { (crate::freshness::confirmed_ago(tr, carer.confirmed_days_ago)) }
            p {
                @if carer.accepting_new_clients { strong { (tr.t("profile-accepting")) } }
                @else { strong { (tr.t("profile-not-accepting")) } }
                " · " (tr.with("profile-available-from", "date", &carer.available_from.format("%d/%m/%Y").to_string()))
            }
            div.no-print { (listen_button(tr, "profile")) }
            @if !carer.bio.trim().is_empty() {
                section {
                    h2 { (tr.t("profile-about")) }
                    // The PA's own words, in whatever script they wrote them: the browser finds
                    // the direction from the text itself.
                    blockquote.bio dir="auto" { (carer.bio) }
                }
            }
            section {
                h2 { (tr.t("profile-languages")) }
                ul {
                    @for skill in &carer.languages {
                        li {
                            span lang=(lang_tag(skill.code)) { (skill.code.autonym().unwrap_or(skill.code.label_en())) }
                            ": " (tr.t(&format!("level-{}", skill.proficiency.code())))
                            @if skill.reads && skill.writes { ", " (tr.t("profile-reads-writes")) }
                            @else if skill.reads { ", " (tr.t("profile-reads")) }
                        }
                    }
                }
            }
            dl.profile-facts {
                @if !carer.cuisines.is_empty() || !carer.dietary_laws.is_empty() || !carer.medical_diets.is_empty() {
                    dt { (tr.t("profile-food")) }
                    dd { (join(carer.cuisines.iter().map(|c| tr.code(*c))
                        .chain(carer.dietary_laws.iter().map(|c| tr.code(*c)))
                        .chain(carer.medical_diets.iter().map(|c| tr.code(*c))))) }
                }
                @if let Some(faith) = carer.faith {
                    dt { (tr.t("profile-faith")) }
                    dd { (tr.code(faith)) }
                }
                @if !carer.faith_practices.is_empty() {
                    dt { (tr.t("crit-faith_practice")) }
                    dd { (join(carer.faith_practices.iter().map(|c| tr.code(*c)))) }
                }
                dt { (tr.t("profile-services")) }
                dd { (join(carer.services.iter().map(|c| tr.code(*c)))) }
                @if !carer.experience.is_empty() {
                    dt { (tr.t("crit-experience")) }
                    dd { (join(carer.experience.iter().map(|c| tr.code(*c)))) }
                }
                dt { (tr.t("profile-checks")) }
                dd {
                    @if profile.checks.is_empty() { (tr.t("profile-no-checks")) }
                    @else {
                        ul {
                            @for (kind, until) in &profile.checks {
                                li { (tr.args("profile-check-until", &[("check", tr.code(*kind).into()), ("date", month(*until).into())])) }
                            }
                        }
                    }
                }
                dt { (tr.t("crit-max_hourly_rate")) }
                dd {
                    (tr.with("result-rate", "rate", &crate::pages::pounds(carer.hourly_rate)))
                    " · " (tr.count("profile-hours", "hours", f64::from(carer.hours_per_week)))
                }
                dt { (tr.t("profile-area")) }
                dd { (tr.args("profile-area-text", &[("area", carer.outward_code.as_str().into()), ("km", carer.travel_radius_km.get().into())])) }
                @if carer.lgbt_inclusive {
                    dt { (tr.t("crit-lgbt_inclusive")) }
                    dd { (tr.t("profile-yes")) }
                }
            }
            section {
                h2 { (tr.t("crit-schedule")) }
                (week::grid(tr, &carer.availability))
            }
            section {
                h2 { (tr.t("profile-reach")) }
                p { (tr.t("profile-reach-carer")) }
                @if let Some(agency) = &carer.agency {
                    (crate::agency_profile::agency_block(tr, agency))
                }
            }
        }
        (share_links(tr, &share))
        div.no-print { (toggle_button(tr, own, item, name, Some(&super::path(item)))) }
        (crate::enquiries::enquire_button(tr, item, name, None))
        (crate::reports::report_link(tr, carematch_domain::report::ReportEntity::Carer, item.id))
    }
}

pub(super) fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}
