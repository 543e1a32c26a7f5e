//! No English left in a translated page: every page a family, an agency worker or a
//! commissioner meets, in each of the eight other languages, is searched for any phrase of the
//! English catalogue that the page's own catalogue does not also use. A message missing from a
//! catalogue falls back to English silently; this test is what makes that a failure.
//!
//! Text marked `lang="en"` is English on purpose (a language's English name beside its own,
//! a row problem of an uploaded file, a source document's title) and is left out; so are
//! scripts, styles and the language switcher.

use carematch_domain::Role;
use carematch_web::i18n::{Locale, Tr};

use crate::helpers::{TestSite, import_open_data};

/// The static phrases of the English catalogue: each message's text between its variables,
/// kept when two words or more and ten characters or more (shorter ones, such as "Yes" or
/// "km", are the same in many languages' pages).
fn english_phrases() -> Vec<String> {
    let mut phrases: Vec<String> = catalogue_texts(Locale::En)
        .iter()
        .flat_map(|text| {
            text.split(['{', '}', '\n', '\u{2068}', '\u{2069}'])
                .map(|p| {
                    p.trim()
                        .trim_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
                        .to_owned()
                })
                .collect::<Vec<_>>()
        })
        .filter(|p| p.len() >= 10 && p.split_whitespace().count() >= 2 && !p.starts_with('$'))
        .collect();
    phrases.sort();
    phrases.dedup();
    phrases
}

/// Every message of a locale formatted without arguments: the site's catalogue and the help
/// pages' texts.
fn catalogue_texts(locale: Locale) -> Vec<String> {
    let tr = Tr::new(locale);
    let help = carematch_web::help::HelpTexts::builtin();
    carematch_web::i18n::message_ids(locale)
        .iter()
        .map(|id| tr.t(id))
        .chain(
            carematch_web::help::message_ids()
                .into_iter()
                .filter_map(|id| help.get(locale, id)),
        )
        .collect()
}

/// The words a page shows: tags, scripts, styles and `lang="en"` elements removed.
fn visible_text(html: &str) -> String {
    let mut text = html.to_owned();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        while let Some(start) = text.find(open) {
            let end = text[start..]
                .find(close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    // Leaf elements marked English on purpose.
    while let Some(at) = text.find(r#"lang="en""#) {
        let start = text[..at].rfind('<').unwrap_or(at);
        let end = text[at..].find("</").map_or(text.len(), |e| at + e);
        text.replace_range(start..end, " ");
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[actix_web::test]
async fn no_page_shows_english_in_another_language() {
    let site = TestSite::spawn().await;
    import_open_data(&site.store);
    let carer = site
        .store
        .list_carers(&Default::default(), carematch_store::Page::new(1, 5000))
        .expect("carers")
        .items
        .into_iter()
        .find(|c| c.is_public() && !c.details.bio.is_empty())
        .expect("a listed PA");
    let provider = site
        .store
        .list_providers(&Default::default(), carematch_store::Page::new(1, 500))
        .expect("providers")
        .items
        .into_iter()
        .find(|p| p.is_public())
        .expect("a provider");
    let public = [
        "/find".to_owned(),
        "/find?postcode=M13+0EG&km=10&service=personal_care&language=yue&diet=halal&when=tue-morning".to_owned(),
        "/find?postcode=PE25+1AL&km=5&language=som&lang_must=1".to_owned(),
        "/find?postcode=SW1A+1AA".to_owned(),
        format!("/carers/{}", carer.id),
        format!("/providers/{}", provider.id),
        format!("/shortlist?s=c{},p{}", carer.id, provider.id),
        format!("/enquire?items=c{}", carer.id),
        "/find/vacancy".to_owned(),
        "/help".to_owned(),
        "/help/family-as-pa".to_owned(),
        "/login".to_owned(),
        "/account/register".to_owned(),
        "/pa/register".to_owned(),
    ];
    let (agency_key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (_, agency) = site.sign_in(&agency_key, "/agency").await;
    let agency = agency.expect("agency session");
    let (commissioner_key, _) = site.key(Role::Commissioner, None);
    let (_, commissioner) = site.sign_in(&commissioner_key, "/commissioner").await;
    let commissioner = commissioner.expect("commissioner session");
    let own_pa = site.carers_of(site.agencies[0], 1).items.remove(0).id;
    let edit = format!("/agency/carers/{own_pa}/edit");
    let signed_in = [
        (
            "/agency?postcode=M13+0EG&km=5&language=yue",
            agency.as_str(),
        ),
        (edit.as_str(), agency.as_str()),
        ("/commissioner", commissioner.as_str()),
    ];

    let phrases = english_phrases();
    // The check can see English: the English pages show many of these phrases.
    for path in ["/find?lang=en", "/help/family-as-pa?lang=en"] {
        let text = visible_text(&site.get(path, &[]).await.body);
        let seen = phrases.iter().filter(|p| text.contains(p.as_str())).count();
        assert!(seen >= 5, "{path}: only {seen} English phrases found");
    }
    let mut left = Vec::new();
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let own = catalogue_texts(locale).join("\n");
        let pages = public.iter().map(|p| (p.clone(), String::new())).chain(
            signed_in
                .iter()
                .map(|(p, c)| ((*p).to_owned(), (*c).to_owned())),
        );
        for (path, cookie) in pages {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = format!("{path}{sep}lang={}", locale.tag());
            let headers: Vec<(&str, &str)> = if cookie.is_empty() {
                Vec::new()
            } else {
                vec![("cookie", cookie.as_str())]
            };
            let page = site.get(&url, &headers).await;
            let text = visible_text(&page.body);
            for phrase in &phrases {
                if text.contains(phrase.as_str()) && !own.contains(phrase.as_str()) {
                    left.push(format!("{url}: “{phrase}”"));
                }
            }
        }
    }
    assert!(
        left.is_empty(),
        "English left in translated pages:\n{}",
        left.join("\n")
    );
}
