//! Help pages (`/help`, `/help/{topic}`): what a direct payment can pay for, employing a PA
//! yourself or through an agency, when a relative can be paid as a PA, and questions to ask;
//! each page cites its sources.
//!
//! The wording is in `locales/<tag>/help.ftl`, compiled in. A council can replace any message
//! with its own (its local rules, its support service's phone number) from the folder the
//! `help_dir` setting names: `<help_dir>/<tag>/help.ftl`. Those files are read once at start
//! ([`HelpTexts::load`]); a syntax error or a message id the pages do not use stops the start,
//! naming the file, so a typo never reaches a reader as a broken page.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use maud::{Markup, html};
use unic_langid::LanguageIdentifier;

use crate::i18n::Locale;
use crate::layout::{Ctx, Section};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(topics).service(topic_page);
}

/// One help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    DirectPayments,
    Employing,
    Family,
    Questions,
}

/// A piece of a page: a heading, a paragraph, or a list whose items are the message's lines.
#[derive(Debug, Clone, Copy)]
enum Block {
    Heading(&'static str),
    Text(&'static str),
    List(&'static str),
}

/// A source a page relies on: its title (a message, since councils may cite their own) and
/// address.
struct Source {
    title: &'static str,
    url: &'static str,
}

const GUIDANCE: Source = Source {
    title: "help-source-guidance",
    url: "https://www.gov.uk/government/publications/care-act-statutory-guidance/care-and-support-statutory-guidance",
};
const APPLY: Source = Source {
    title: "help-source-apply",
    url: "https://www.gov.uk/apply-direct-payments",
};
const REGULATIONS: Source = Source {
    title: "help-source-regulations",
    url: "https://www.legislation.gov.uk/uksi/2014/2871/regulation/3",
};
const SKILLS_FOR_CARE: Source = Source {
    title: "help-source-skills-for-care",
    url: "https://www.skillsforcare.org.uk/Recruitment-support/Support-individual-employers-PAs/Individual-employers/Employing-a-PA-Toolkit/Recruiting-a-PA.aspx",
};

impl Topic {
    pub const ALL: [Topic; 4] = [
        Self::DirectPayments,
        Self::Employing,
        Self::Family,
        Self::Questions,
    ];

    /// The page's address under `/help/`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::DirectPayments => "direct-payments",
            Self::Employing => "employing-a-pa",
            Self::Family => "family-as-pa",
            Self::Questions => "questions-to-ask",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The message ids of the page's title and its one-line summary on `/help`.
    fn title(self) -> &'static str {
        match self {
            Self::DirectPayments => "help-dp-title",
            Self::Employing => "help-employ-title",
            Self::Family => "help-family-title",
            Self::Questions => "help-questions-title",
        }
    }

    fn summary(self) -> &'static str {
        match self {
            Self::DirectPayments => "help-dp-summary",
            Self::Employing => "help-employ-summary",
            Self::Family => "help-family-summary",
            Self::Questions => "help-questions-summary",
        }
    }

    fn blocks(self) -> &'static [Block] {
        use Block::{Heading, List, Text};
        match self {
            Self::DirectPayments => &[
                Text("help-dp-intro"),
                Heading("help-dp-can-heading"),
                List("help-dp-can"),
                Heading("help-dp-cannot-heading"),
                List("help-dp-cannot"),
                Heading("help-dp-plan-heading"),
                Text("help-dp-plan"),
            ],
            Self::Employing => &[
                Text("help-employ-intro"),
                Heading("help-employ-self-heading"),
                Text("help-employ-self"),
                List("help-employ-duties"),
                Heading("help-employ-agency-heading"),
                Text("help-employ-agency"),
                Heading("help-employ-support-heading"),
                Text("help-employ-support"),
            ],
            Self::Family => &[
                Text("help-family-intro"),
                Heading("help-family-elsewhere-heading"),
                Text("help-family-elsewhere"),
                Heading("help-family-household-heading"),
                Text("help-family-household"),
                Heading("help-family-partner-heading"),
                Text("help-family-partner"),
                Heading("help-family-ask-heading"),
                Text("help-family-ask"),
                List("help-family-reasons"),
            ],
            Self::Questions => &[
                Text("help-questions-intro"),
                Heading("help-questions-fit-heading"),
                List("help-questions-fit"),
                Heading("help-questions-work-heading"),
                List("help-questions-work"),
                Heading("help-questions-checks-heading"),
                List("help-questions-checks"),
            ],
        }
    }

    fn sources(self) -> &'static [Source] {
        match self {
            Self::DirectPayments => &[APPLY, GUIDANCE],
            Self::Employing => &[SKILLS_FOR_CARE, GUIDANCE],
            Self::Family => &[REGULATIONS, GUIDANCE],
            Self::Questions => &[SKILLS_FOR_CARE],
        }
    }
}

/// Messages every page uses besides its blocks.
const PAGE_MESSAGES: [&str; 5] = [
    "help-title",
    "help-intro",
    "help-sources",
    "help-disclaimer",
    "help-back",
];

/// Messages a council may add that the built-in texts leave out (shown only when set).
pub const COUNCIL_MESSAGES: [&str; 1] = ["help-council"];

/// Every message id the help pages read.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = PAGE_MESSAGES.to_vec();
    for topic in Topic::ALL {
        ids.push(topic.title());
        ids.push(topic.summary());
        ids.extend(topic.blocks().iter().map(|b| match b {
            Block::Heading(id) | Block::Text(id) | Block::List(id) => *id,
        }));
        ids.extend(topic.sources().iter().map(|s| s.title));
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The built-in `help.ftl` of a language.
fn builtin_source(locale: Locale) -> &'static str {
    match locale {
        Locale::En => include_str!("../locales/en/help.ftl"),
        Locale::ZhHant => include_str!("../locales/zh-Hant/help.ftl"),
        Locale::ZhHans => include_str!("../locales/zh-Hans/help.ftl"),
        Locale::Pa => include_str!("../locales/pa/help.ftl"),
        Locale::Ur => include_str!("../locales/ur/help.ftl"),
        Locale::Bn => include_str!("../locales/bn/help.ftl"),
        Locale::Gu => include_str!("../locales/gu/help.ftl"),
        Locale::So => include_str!("../locales/so/help.ftl"),
        Locale::Pl => include_str!("../locales/pl/help.ftl"),
    }
}

/// Why a council's help texts were refused.
#[derive(Debug, thiserror::Error)]
pub enum HelpError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid Fluent: {problems}")]
    Syntax { path: PathBuf, problems: String },
    #[error(
        "{path}: `{id}` is not a help message (the pages read: {known}); a misspelt id would be ignored silently"
    )]
    UnknownMessage {
        path: PathBuf,
        id: String,
        known: String,
    },
    #[error("{path}: {problems}")]
    Bundle { path: PathBuf, problems: String },
    #[error("{dir}: not a folder")]
    NotAFolder { dir: PathBuf },
}

type Bundle = FluentBundle<FluentResource>;

/// The help texts of every language: built in, with a council's replacements laid over.
pub struct HelpTexts {
    bundles: Vec<Bundle>,
    /// Where the replacements came from, if anywhere (shown to nobody; for logs and tests).
    pub overrides: Option<PathBuf>,
}

impl std::fmt::Debug for HelpTexts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HelpTexts")
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

static BUILTIN: LazyLock<HelpTexts> = LazyLock::new(|| {
    // The built-in files are checked by tests (`help_catalogues_are_complete`); here a problem
    // can only leave a message out, which then falls back to English.
    HelpTexts::load(None).unwrap_or_else(|_| HelpTexts {
        bundles: Vec::new(),
        overrides: None,
    })
});

fn bundle_for(locale: Locale) -> Bundle {
    let langid: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(locale.dir() == "rtl");
    bundle
}

fn parse(path: &Path, text: String) -> Result<FluentResource, HelpError> {
    FluentResource::try_new(text).map_err(|(_, errors)| HelpError::Syntax {
        path: path.to_owned(),
        problems: errors
            .iter()
            .map(|e| format!("{e:?}"))
            .collect::<Vec<_>>()
            .join("; "),
    })
}

impl HelpTexts {
    /// The built-in texts, with each `<dir>/<tag>/help.ftl` that exists laid over its language.
    pub fn load(dir: Option<&Path>) -> Result<Self, HelpError> {
        if let Some(dir) = dir
            && !dir.is_dir()
        {
            return Err(HelpError::NotAFolder {
                dir: dir.to_owned(),
            });
        }
        let known = message_ids();
        let mut bundles = Vec::with_capacity(Locale::ALL.len());
        for locale in Locale::ALL {
            let mut bundle = bundle_for(locale);
            let builtin_path = PathBuf::from(format!("locales/{}/help.ftl", locale.tag()));
            let builtin = parse(&builtin_path, builtin_source(locale).to_owned())?;
            add(&mut bundle, builtin, &builtin_path)?;
            if let Some(dir) = dir {
                let path = dir.join(locale.tag()).join("help.ftl");
                if path.is_file() {
                    let text =
                        std::fs::read_to_string(&path).map_err(|source| HelpError::Read {
                            path: path.clone(),
                            source,
                        })?;
                    let resource = parse(&path, text)?;
                    check_ids(&resource, &known, &path)?;
                    bundle.add_resource_overriding(resource);
                }
            }
            bundles.push(bundle);
        }
        Ok(Self {
            bundles,
            overrides: dir.map(Path::to_owned),
        })
    }

    /// The built-in texts (pages served without [`crate::pages`]'s settings, such as tests).
    pub fn builtin() -> &'static Self {
        &BUILTIN
    }

    fn format(&self, locale: Locale, id: &str) -> Option<String> {
        let index = Locale::ALL.iter().position(|l| *l == locale)?;
        let bundle = self.bundles.get(index)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        Some(text.into_owned()).filter(|t| !t.trim().is_empty())
    }

    /// A message in the page's language, else English, else `None` (an optional council
    /// message nobody set).
    pub fn get(&self, locale: Locale, id: &str) -> Option<String> {
        self.format(locale, id)
            .or_else(|| self.format(Locale::En, id))
    }

    fn text(&self, locale: Locale, id: &str) -> String {
        self.get(locale, id).unwrap_or_else(|| id.to_owned())
    }
}

fn add(bundle: &mut Bundle, resource: FluentResource, path: &Path) -> Result<(), HelpError> {
    bundle
        .add_resource(resource)
        .map_err(|errors| HelpError::Bundle {
            path: path.to_owned(),
            problems: errors
                .iter()
                .map(|e| format!("{e:?}"))
                .collect::<Vec<_>>()
                .join("; "),
        })
}

fn check_ids(resource: &FluentResource, known: &[&str], path: &Path) -> Result<(), HelpError> {
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            let id = message.id.name;
            if !known.contains(&id) && !COUNCIL_MESSAGES.contains(&id) {
                return Err(HelpError::UnknownMessage {
                    path: path.to_owned(),
                    id: id.to_owned(),
                    known: "help-… ids of locales/en/help.ftl, and help-council".to_owned(),
                });
            }
        }
    }
    Ok(())
}

fn texts(req: &HttpRequest) -> &HelpTexts {
    match req.app_data::<web::Data<HelpTexts>>() {
        Some(data) => data.get_ref(),
        None => HelpTexts::builtin(),
    }
}

#[get("/help")]
async fn topics(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let help = texts(&req);
    let locale = ctx.locale();
    let title = help.text(locale, "help-title");
    let main = html! {
        h1 { (title) }
        p { (help.text(locale, "help-intro")) }
        (council_note(help, locale))
        ul.help-topics {
            @for topic in Topic::ALL {
                li {
                    a href={ "/help/" (topic.slug()) } { (help.text(locale, topic.title())) }
                    p { (help.text(locale, topic.summary())) }
                }
            }
        }
        p.hint { (help.text(locale, "help-disclaimer")) }
    };
    ctx.ok(&title, Section::Help, main)
}

#[get("/help/{topic}")]
async fn topic_page(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let help = texts(&req);
    let locale = ctx.locale();
    let Some(topic) = Topic::from_slug(&path) else {
        let title = help.text(locale, "help-title");
        let main = html! {
            h1 { (title) }
            p { a href="/help" { (help.text(locale, "help-back")) } }
        };
        return ctx.respond(StatusCode::NOT_FOUND, &title, Section::Help, main);
    };
    let title = help.text(locale, topic.title());
    let main = html! {
        p { a href="/help" { (help.text(locale, "help-back")) } }
        h1 { (title) }
        @for block in topic.blocks() {
            (render(help, locale, *block))
        }
        (council_note(help, locale))
        section.help-sources aria-labelledby="help-sources" {
            h2 #help-sources { (help.text(locale, "help-sources")) }
            ul {
                @for source in topic.sources() {
                    li { a href=(source.url) lang="en" hreflang="en" rel="noopener" { (help.text(locale, source.title)) } }
                }
            }
        }
        p.hint { (help.text(locale, "help-disclaimer")) }
    };
    ctx.ok(&title, Section::Help, main)
}

fn render(help: &HelpTexts, locale: Locale, block: Block) -> Markup {
    match block {
        Block::Heading(id) => html! { h2 { (help.text(locale, id)) } },
        Block::Text(id) => html! { p { (help.text(locale, id)) } },
        Block::List(id) => {
            let text = help.text(locale, id);
            html! {
                ul {
                    @for item in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                        li { (item) }
                    }
                }
            }
        }
    }
}

/// The council's own note (its support service, its rules), when its help folder sets one.
fn council_note(help: &HelpTexts, locale: Locale) -> Markup {
    match help.get(locale, COUNCIL_MESSAGES[0]) {
        Some(note) => html! { aside.notice { p { (note) } } },
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids_of(source: &str) -> Vec<String> {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) | Err((r, _)) => r,
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn help_catalogues_are_complete() {
        let mut wanted: Vec<String> = message_ids().into_iter().map(str::to_owned).collect();
        wanted.sort();
        for locale in Locale::ALL {
            let source = builtin_source(locale);
            assert!(
                FluentResource::try_new(source.to_owned()).is_ok(),
                "{}: help.ftl does not parse",
                locale.tag()
            );
            let mut ids = ids_of(source);
            ids.sort();
            assert_eq!(ids, wanted, "{}: help.ftl ids", locale.tag());
        }
    }

    #[test]
    fn every_message_formats_in_every_language() {
        let help = HelpTexts::load(None).expect("built-in texts");
        for locale in Locale::ALL {
            for id in message_ids() {
                let text = help.format(locale, id);
                assert!(text.is_some(), "{}: {id} is empty", locale.tag());
            }
        }
    }

    #[test]
    fn lists_have_several_items() {
        let help = HelpTexts::load(None).expect("built-in texts");
        for locale in Locale::ALL {
            for topic in Topic::ALL {
                for block in topic.blocks() {
                    if let Block::List(id) = block {
                        let text = help.text(locale, id);
                        let items = text.lines().filter(|l| !l.trim().is_empty()).count();
                        assert!(items >= 2, "{}: {id} has {items} items", locale.tag());
                    }
                }
            }
        }
    }
}
