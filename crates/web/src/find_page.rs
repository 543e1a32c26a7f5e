//! The find form's markup: the fields of [`FindForm`] (and, in the agency console, the
//! client's hours, budget and named PAs), in the page's language.

use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, FaithPractice, Gender, Language, MedicalDiet, Service, Weekday,
};
use maud::{Markup, html};

use crate::form::{DISTANCES, FindForm, Part};
use crate::i18n::{Tr, lang_tag};

/// Languages shown first in the form (the largest minority languages in England); the rest
/// are behind "more choices".
const COMMON_LANGUAGES: [&str; 12] = [
    "yue", "cmn", "pan", "urd", "ben", "syl", "guj", "som", "pol", "ara", "tam", "eng",
];

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

pub(crate) fn language_boxes(all: &[Language], chosen: &[Language]) -> Markup {
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
                (toggle(tr, "lang_must", form.languages_must, "field-languages-must"))
                (toggle(tr, "lang_reads", form.languages_read, "field-languages-reads"))
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
                (toggle(tr, "gender_must", form.gender_must, "field-gender-must"))
            }
            fieldset {
                legend { (tr.t("field-more")) }
                (toggle(tr, "lgbt", form.lgbt, "field-lgbt"))
                (toggle(tr, "remote", form.remote, "field-remote"))
            }
            @if agency { (client_fields(tr, form)) }
            details.when open[!form.when.is_empty()] {
                summary { (tr.t("field-when")) }
                (week_grid(tr, &form.when))
            }
            @for relaxed in &form.relax { input type="hidden" name="relax" value=(relaxed); }
            p { button type="submit" { (tr.t("find-submit")) } }
        }
        // People, not agencies, post their needs as a vacancy (crates/web/src/vacancies.rs).
        @if !agency { p.vacancy-link { a href="/find/vacancy" { (tr.t("vac-post-link")) } } }
    }
}

/// The week as checkboxes, a day's morning, afternoon and evening each (`when=mon-morning`).
pub(crate) fn week_grid(tr: &Tr, chosen: &[(Weekday, Part)]) -> Markup {
    html! {
        div.week {
            @for day in Weekday::all() {
                fieldset.day {
                    legend { (tr.code(*day)) }
                    @for part in Part::ALL {
                        @let id = format!("when-{}-{}", day.code(), part.code());
                        @let value = format!("{}-{}", day.code(), part.code());
                        span.part {
                            input type="checkbox" id=(id) name="when" value=(value) checked[chosen.contains(&(*day, part))];
                            label for=(id) { (tr.t(&format!("part-{}", part.code()))) }
                        }
                    }
                }
            }
        }
    }
}

/// One checkbox sending `name=1` when ticked, labelled by message `label`.
fn toggle(tr: &Tr, name: &str, checked: bool, label: &str) -> Markup {
    html! {
        p.inline {
            input type="checkbox" id=(name) name=(name) value="1" checked[checked];
            label for=(name) { (tr.t(label)) }
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
