//! Need expressions: `language:yue`, `cuisine:cantonese`, `diet:halal`,
//! `faith_practice:same_gender_personal_care`, `gender:female`, or several joined by `,` (all
//! must hold).

use std::fmt;

use crate::Candidate;
use carematch_domain::census::{self, CensusSource};
use carematch_domain::plan::SupportPlan;
use carematch_domain::vocabulary::{
    Code, CodeSet, Cuisine, DietaryLaw, Experience, FaithPractice, Gender, Language, Proficiency,
    Service,
};

/// The lowest level at which a carer counts as speaking a needed language: the same default as a
/// support plan's language need. Providers' staff languages count as fluent.
pub const SUPPLY_MIN_PROFICIENCY: Proficiency = Proficiency::Conversational;

/// One term of a need expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NeedTerm {
    Language(Language),
    Cuisine(Cuisine),
    Diet(DietaryLaw),
    FaithPractice(FaithPractice),
    Service(Service),
    Experience(Experience),
    /// A carer of this gender. Providers count only when they offer same-gender personal care
    /// (see [`NeedSet::met_by`]).
    Gender(Gender),
}

/// Why a gender term has no census figure.
pub const GENDER_NO_FIGURE: &str = "no census figure by sex: the main-language and religion \
     tables carematch reads are not split by sex, so demand counts people of every sex";

impl NeedTerm {
    /// `language:yue`.
    pub fn expression(self) -> String {
        let (kind, code) = match self {
            Self::Language(c) => ("language", c.code()),
            Self::Cuisine(c) => ("cuisine", c.code()),
            Self::Diet(c) => ("diet", c.code()),
            Self::FaithPractice(c) => ("faith_practice", c.code()),
            Self::Service(c) => ("service", c.code()),
            Self::Experience(c) => ("experience", c.code()),
            Self::Gender(c) => ("gender", c.code()),
        };
        format!("{kind}:{code}")
    }

    /// "speaks Cantonese", "cooks Cantonese", "keeps halal food rules".
    pub fn label(self) -> String {
        match self {
            Self::Language(c) => format!("speaks {}", c.label_en()),
            Self::Cuisine(c) => format!("cooks {}", c.label_en()),
            Self::Diet(c) => format!("keeps {} food rules", c.label_en().to_lowercase()),
            Self::FaithPractice(c) => c.label_en().to_lowercase(),
            Self::Service(c) => format!("offers {}", c.label_en().to_lowercase()),
            Self::Experience(c) => format!("experienced with {}", c.label_en().to_lowercase()),
            Self::Gender(c) => format!("is {}", c.label_en().to_lowercase()),
        }
    }

    /// Where the census demand for this term comes from.
    pub fn census_source(self) -> CensusSource {
        match self {
            Self::Language(c) => census::language_source(c),
            Self::Cuisine(c) => census::cuisine_source(c),
            Self::Diet(c) => census::diet_source(c),
            Self::FaithPractice(_) => CensusSource::NoFigure {
                reason: census::FAITH_PRACTICE_NO_FIGURE,
            },
            Self::Service(_) | Self::Experience(_) => CensusSource::NoFigure {
                reason: "the census has no figure for services or experience (use saved plans as \
                         demand)",
            },
            Self::Gender(_) => CensusSource::NoFigure {
                reason: GENDER_NO_FIGURE,
            },
        }
    }
}

/// A need expression that does not parse; `term` is the offending part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("need `{term}`: {message}")]
pub struct NeedError {
    pub term: String,
    pub message: String,
}

/// A parsed need expression: every term must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedSet {
    terms: Vec<NeedTerm>,
    languages: CodeSet<Language>,
    cuisines: CodeSet<Cuisine>,
    diets: CodeSet<DietaryLaw>,
    practices: CodeSet<FaithPractice>,
    services: CodeSet<Service>,
    experience: CodeSet<Experience>,
    gender: Option<Gender>,
}

/// The most terms one expression may have.
pub const MAX_TERMS: usize = 8;

impl NeedSet {
    /// Parses `kind:code[,kind:code...]`; kinds are `language`, `cuisine`, `diet`,
    /// `faith_practice`, `service` and `experience`. Duplicates are ignored.
    pub fn parse(expression: &str) -> Result<Self, NeedError> {
        let error = |term: &str, message: String| NeedError {
            term: term.to_owned(),
            message,
        };
        let mut set = Self {
            terms: Vec::new(),
            languages: CodeSet::EMPTY,
            cuisines: CodeSet::EMPTY,
            diets: CodeSet::EMPTY,
            practices: CodeSet::EMPTY,
            services: CodeSet::EMPTY,
            experience: CodeSet::EMPTY,
            gender: None,
        };
        if expression.trim().is_empty() {
            return Err(error(
                expression,
                "give at least one need, such as `language:yue`".into(),
            ));
        }
        for raw in expression.split(',') {
            let part = raw.trim();
            let Some((kind, code)) = part.split_once(':') else {
                return Err(error(
                    part,
                    "write a need as `kind:code`, such as `language:yue` or `diet:halal`".into(),
                ));
            };
            let code = code.trim();
            let parsed = match kind.trim() {
                "language" => Language::parse(code).map(NeedTerm::Language),
                "cuisine" => Cuisine::parse(code).map(NeedTerm::Cuisine),
                "diet" => DietaryLaw::parse(code).map(NeedTerm::Diet),
                "faith_practice" => FaithPractice::parse(code).map(NeedTerm::FaithPractice),
                "service" => Service::parse(code).map(NeedTerm::Service),
                "experience" => Experience::parse(code).map(NeedTerm::Experience),
                "gender" => Gender::parse(code).map(NeedTerm::Gender),
                other => {
                    return Err(error(
                        part,
                        format!(
                            "`{other}` is not a kind of need: use language, cuisine, diet, \
                             faith_practice, service, experience or gender"
                        ),
                    ));
                }
            };
            let term = parsed.map_err(|e| error(part, e.to_string()))?;
            if set.terms.contains(&term) {
                continue;
            }
            match term {
                NeedTerm::Language(c) => set.languages.insert(c),
                NeedTerm::Cuisine(c) => set.cuisines.insert(c),
                NeedTerm::Diet(c) => set.diets.insert(c),
                NeedTerm::FaithPractice(c) => set.practices.insert(c),
                NeedTerm::Service(c) => set.services.insert(c),
                NeedTerm::Experience(c) => set.experience.insert(c),
                NeedTerm::Gender(c) => {
                    if set.gender.is_some_and(|g| g != c) {
                        return Err(error(part, "give at most one gender".into()));
                    }
                    set.gender = Some(c);
                }
            }
            set.terms.push(term);
            if set.terms.len() > MAX_TERMS {
                return Err(error(
                    expression,
                    format!("at most {MAX_TERMS} needs at once"),
                ));
            }
        }
        Ok(set)
    }

    /// One language need (`language:yue`), the common case built without parsing.
    pub fn language(language: Language) -> Self {
        let mut languages = CodeSet::EMPTY;
        languages.insert(language);
        Self {
            terms: vec![NeedTerm::Language(language)],
            languages,
            cuisines: CodeSet::EMPTY,
            diets: CodeSet::EMPTY,
            practices: CodeSet::EMPTY,
            services: CodeSet::EMPTY,
            experience: CodeSet::EMPTY,
            gender: None,
        }
    }

    pub fn terms(&self) -> &[NeedTerm] {
        &self.terms
    }

    /// The canonical expression, terms in the order given.
    pub fn expression(&self) -> String {
        self.terms
            .iter()
            .map(|t| t.expression())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// "speaks Cantonese and cooks Cantonese".
    pub fn label(&self) -> String {
        let labels: Vec<String> = self.terms.iter().map(|t| t.label()).collect();
        match labels.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            Some((last, _)) => last.clone(),
            None => String::new(),
        }
    }

    /// Whether a candidate meets every term and is taking clients on day `today` (a provider's
    /// "accepting new clients" flag lapses after 90 days, as in matching). Languages at
    /// [`SUPPLY_MIN_PROFICIENCY`] or better; a macrolanguage never stands in for a member
    /// language. A gender term holds for a carer of that gender, and for a provider only when it
    /// offers same-gender personal care: providers record no staff genders, and that practice is
    /// the one promise that the person will get a carer of their own gender (the usual reason
    /// for asking).
    #[inline]
    pub fn met_by(&self, candidate: &Candidate, today: i32) -> bool {
        candidate.languages[SUPPLY_MIN_PROFICIENCY as usize].contains_all(self.languages)
            && candidate.cuisines.contains_all(self.cuisines)
            && candidate.diets.contains_all(self.diets)
            && candidate.practices.contains_all(self.practices)
            && candidate.services.contains_all(self.services)
            && candidate.experience.contains_all(self.experience)
            && self.gender.is_none_or(|g| gender_met(candidate, g))
            && candidate.accepting_on(today)
    }

    /// Every census category any term's figure reads.
    pub fn census_categories(&self) -> Vec<census::Category> {
        let mut out = Vec::new();
        for term in &self.terms {
            if let CensusSource::Counted { categories, .. } = term.census_source() {
                for c in categories {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// Whether a support plan lists every term (required or preferred): such a plan is one
    /// person's demand for the need.
    pub fn listed_in(&self, plan: &SupportPlan) -> bool {
        self.terms.iter().all(|term| match term {
            NeedTerm::Language(c) => plan.languages.iter().any(|n| n.code == *c),
            NeedTerm::Cuisine(c) => plan.cuisines.iter().any(|n| n.code == *c),
            NeedTerm::Diet(c) => plan.dietary_laws.iter().any(|n| n.code == *c),
            NeedTerm::FaithPractice(c) => plan.faith_practices.iter().any(|n| n.code == *c),
            NeedTerm::Service(c) => plan.services.iter().any(|n| n.code == *c),
            NeedTerm::Experience(c) => plan.experience.iter().any(|n| n.code == *c),
            NeedTerm::Gender(c) => plan.carer_gender.is_some_and(|n| n.code == *c),
        })
    }
}

/// Whether a candidate meets a gender term: a carer of that gender; a provider that offers
/// same-gender personal care.
fn gender_met(candidate: &Candidate, gender: Gender) -> bool {
    match candidate.kind {
        crate::CandidateKind::Carer => candidate.gender == Some(gender),
        crate::CandidateKind::Provider => candidate
            .practices
            .contains(FaithPractice::SameGenderPersonalCare),
    }
}

impl fmt::Display for NeedSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.expression())
    }
}

impl std::str::FromStr for NeedSet {
    type Err = NeedError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}
