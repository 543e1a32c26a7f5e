//! Finding one's own PAs in the agency console: by name or reference, by language, or only those
//! hidden as stale (`pa_q`, `pa_language`, `pa_stale`; named apart from the find form's own
//! fields on the same page). The filter travels with the console's page links.

use carematch_domain::vocabulary::{Code, Language};
use carematch_store::CarerFilter;
use maud::{Markup, html};

use crate::i18n::Tr;
use crate::layout::link;
use crate::pages::language_names;

/// What the agency narrowed its list to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsoleFilter {
    pub text: String,
    pub language: Option<Language>,
    pub stale_only: bool,
}

impl ConsoleFilter {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut filter = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "pa_q" => filter.text = value.trim().chars().take(100).collect(),
                "pa_language" => filter.language = Language::parse(value.trim()).ok(),
                "pa_stale" => filter.stale_only = value == "1",
                _ => {}
            }
        }
        filter
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn store_filter(&self) -> CarerFilter {
        CarerFilter {
            language: self.language,
            text: (!self.text.is_empty()).then(|| self.text.clone()),
            stale_only: self.stale_only,
            ..CarerFilter::default()
        }
    }

    /// The console's address for `page` of this filter.
    pub fn page_link(&self, page: u32) -> String {
        let mut pairs = vec![("page".to_owned(), page.to_string())];
        if !self.text.is_empty() {
            pairs.push(("pa_q".into(), self.text.clone()));
        }
        if let Some(language) = self.language {
            pairs.push(("pa_language".into(), language.code().into()));
        }
        if self.stale_only {
            pairs.push(("pa_stale".into(), "1".into()));
        }
        link("/agency", &pairs) + "#carers-title"
    }
}

/// The filter form: languages offered are those the agency's PAs speak.
pub fn form(tr: &Tr, filter: &ConsoleFilter, spoken: &[Language]) -> Markup {
    html! {
        form.pa-filter method="get" action="/agency#carers-title" role="search" aria-label=(tr.t("agency-filter-title")) {
            div.field {
                label for="pa_q" { (tr.t("agency-filter-text")) }
                input #pa_q type="search" name="pa_q" value=(filter.text) maxlength="100";
            }
            div.field {
                label for="pa_language" { (tr.t("agency-filter-language")) }
                select #pa_language name="pa_language" {
                    option value="" { (tr.t("agency-filter-any")) }
                    @for language in spoken {
                        option value=(language.code()) selected[filter.language == Some(*language)] {
                            (language_names(std::iter::once(*language)))
                        }
                    }
                }
            }
            p.inline {
                input #pa_stale type="checkbox" name="pa_stale" value="1" checked[filter.stale_only];
                label for="pa_stale" { (tr.t("agency-filter-stale")) }
            }
            p {
                button type="submit" { (tr.t("agency-filter-submit")) }
                @if !filter.is_empty() { " " a href="/agency#carers-title" { (tr.t("agency-filter-clear")) } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_and_link_back() {
        let pairs =
            crate::layout::query_pairs("pa_q=%20Chan%20&pa_language=yue&pa_stale=1&language=som");
        let filter = ConsoleFilter::from_pairs(&pairs);
        assert_eq!(filter.text, "Chan");
        assert_eq!(filter.language, Some(Language::parse("yue").expect("yue")));
        assert!(filter.stale_only);
        assert_eq!(
            filter.page_link(2),
            "/agency?page=2&pa_q=Chan&pa_language=yue&pa_stale=1#carers-title"
        );
        assert!(ConsoleFilter::from_pairs(&[]).is_empty());
    }
}
