//! Around the result cards: what was searched, in words, at the top of the page; the order
//! (best fit or nearest first); and pages, so every result that fits can be reached
//! (`result_page=2`, `sort=distance`, kept beside the find form's own fields in links).

use carematch_domain::vocabulary::Code;
use carematch_service::{MAX_RANKED, ResultOrder, ResultWindow};
use maud::{Markup, html};

use crate::form::{FindForm, slots_of};
use crate::i18n::{Tr, lang_tag};
use crate::layout::link;
use crate::pages::slots_summary;

/// Results on one page.
pub const PER_PAGE: usize = 20;
const PAGE_PARAM: &str = "result_page";
const SORT_PARAM: &str = "sort";

/// Which page of results, in which order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultView {
    /// From 1.
    pub page: usize,
    pub order: ResultOrder,
}

impl Default for ResultView {
    fn default() -> Self {
        Self {
            page: 1,
            order: ResultOrder::Fit,
        }
    }
}

impl ResultView {
    /// The most pages a search can have ([`MAX_RANKED`] results).
    pub const MAX_PAGE: usize = MAX_RANKED / PER_PAGE;

    /// `result_page` and `sort` from a query; anything else, or out of range, is the first page
    /// by fit.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut view = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                PAGE_PARAM => {
                    if let Ok(page) = value.trim().parse::<usize>() {
                        view.page = page.clamp(1, Self::MAX_PAGE);
                    }
                }
                SORT_PARAM if value == "distance" => view.order = ResultOrder::Distance,
                _ => {}
            }
        }
        view
    }

    pub fn window(self) -> ResultWindow {
        ResultWindow {
            skip: (self.page - 1) * PER_PAGE,
            take: PER_PAGE,
            order: self.order,
        }
    }

    /// The number of the first result on this page.
    pub fn first(self) -> usize {
        (self.page - 1) * PER_PAGE + 1
    }

    /// A link to the same search with this view, in the page's language.
    fn href(self, tr: &Tr, form: &FindForm, base: &str) -> String {
        let mut pairs = form.to_pairs();
        if self.order == ResultOrder::Distance {
            pairs.push((SORT_PARAM.into(), "distance".into()));
        }
        if self.page > 1 {
            pairs.push((PAGE_PARAM.into(), self.page.to_string()));
        }
        pairs.push(("lang".into(), tr.locale.tag().into()));
        link(base, &pairs)
    }
}

/// What was searched, in words: where, how far, and each need (essential ones marked).
pub fn summary(tr: &Tr, form: &FindForm) -> Markup {
    let must = |text: String, essential: bool| {
        if essential {
            tr.with("results-essential", "what", &text)
        } else {
            text
        }
    };
    let mut needs: Vec<Markup> = Vec::new();
    needs.extend(form.services.iter().map(|c| html! { (tr.code(*c)) }));
    for language in &form.languages {
        let name = language.autonym().unwrap_or(language.label_en());
        let text = must(name.to_owned(), form.languages_must);
        needs.push(html! { span lang=(lang_tag(*language)) { (text) } });
    }
    needs.extend(form.cuisines.iter().map(|c| html! { (tr.code(*c)) }));
    needs.extend(
        form.diets
            .iter()
            .map(|c| html! { (must(tr.code(*c), true)) }),
    );
    needs.extend(
        form.medical_diets
            .iter()
            .map(|c| html! { (must(tr.code(*c), true)) }),
    );
    needs.extend(form.practices.iter().map(|c| html! { (tr.code(*c)) }));
    if let Some(gender) = form.gender {
        needs.push(html! { (must(tr.code(gender), form.gender_must)) });
    }
    if !form.when.is_empty() {
        needs.push(html! { (slots_summary(tr, &slots_of(&form.when))) });
    }
    html! {
        p.search-summary {
            (tr.args("results-summary", &[("km", f64::from(form.km).into()), ("postcode", form.postcode.as_str().into())]))
            @if !needs.is_empty() {
                " " (tr.t("results-summary-needs")) " "
                @for (i, need) in needs.iter().enumerate() {
                    @if i > 0 { "; " }
                    (need)
                }
            }
        }
    }
}

/// "Best fit first · Nearest first", the current one marked.
pub fn sort_links(tr: &Tr, form: &FindForm, view: ResultView, base: &str) -> Markup {
    let option = |order: ResultOrder, label: &str| {
        let target = ResultView { page: 1, order };
        html! {
            @if view.order == order { strong aria-current="true" { (tr.t(label)) } }
            @else { a href=(target.href(tr, form, base)) { (tr.t(label)) } }
        }
    };
    html! {
        p.sort {
            (tr.t("results-sort-label")) ": "
            (option(ResultOrder::Fit, "results-sort-fit"))
            " · "
            (option(ResultOrder::Distance, "results-sort-distance"))
        }
    }
}

/// Previous and next pages, and where this one is; `more` when another page follows.
pub fn pager(
    tr: &Tr,
    form: &FindForm,
    view: ResultView,
    shown: usize,
    more: bool,
    base: &str,
) -> Markup {
    if view.page == 1 && !more {
        return html! {};
    }
    let previous = ResultView {
        page: view.page - 1,
        ..view
    };
    let next = ResultView {
        page: view.page + 1,
        ..view
    };
    let last_shown = view.first() + shown.saturating_sub(1);
    html! {
        nav.pages aria-label=(tr.t("results-pages")) {
            ul {
                @if view.page > 1 {
                    li { a rel="prev" href=(previous.href(tr, form, base)) { (tr.t("results-page-prev")) } }
                }
                li aria-current="page" {
                    (tr.args("results-showing", &[("from", (view.first() as f64).into()), ("to", (last_shown as f64).into())]))
                }
                @if more && view.page < ResultView::MAX_PAGE {
                    li { a rel="next" href=(next.href(tr, form, base)) { (tr.t("results-page-next")) } }
                }
            }
            @if more && view.page >= ResultView::MAX_PAGE {
                p.hint { (tr.count("results-cap", "count", MAX_RANKED as f64)) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        crate::layout::query_pairs(query)
    }

    #[test]
    fn views_parse_and_clamp() {
        assert_eq!(
            ResultView::from_pairs(&pairs("postcode=M1")),
            ResultView::default()
        );
        let view = ResultView::from_pairs(&pairs("result_page=3&sort=distance"));
        assert_eq!(view.page, 3);
        assert_eq!(view.order, ResultOrder::Distance);
        assert_eq!(view.window().skip, 40);
        assert_eq!(view.first(), 41);
        assert_eq!(ResultView::from_pairs(&pairs("result_page=0")).page, 1);
        assert_eq!(
            ResultView::from_pairs(&pairs("result_page=99999")).page,
            ResultView::MAX_PAGE
        );
        assert_eq!(
            ResultView::from_pairs(&pairs("sort=name")).order,
            ResultOrder::Fit
        );
    }
}
