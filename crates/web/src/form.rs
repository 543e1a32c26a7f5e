//! The find-care form: its query string, read into a support plan, and written back into links
//! (relaxation suggestions, the language switcher, "back" after a shortlist change).
//!
//! Query keys (repeated keys allowed): `postcode`, `km`, `service`, `language`, `lang_must`,
//! `lang_reads`, `cuisine`, `diet`, `medical`, `practice`, `gender`, `gender_must`, `lgbt`,
//! `remote`, `when` (`mon-morning`), `relax` (criteria to treat as preferences, e.g.
//! `language:yue`); the agency console adds `hours`, `budget` (pounds a week), `prefer` and
//! `block` (PA numbers, separated by commas). `lang` is the interface language.

use carematch_domain::money::WeeklyPence;
use carematch_domain::plan::{
    BudgetNeed, HoursNeed, LanguageNeed, MAX_NAMED_CARERS, Need, ScheduleNeed,
};
use carematch_domain::vocabulary::{
    CheckKind, Code, Cuisine, DeliveryMode, DietaryLaw, FaithPractice, Gender, Language,
    MedicalDiet, Proficiency, Service, Weekday,
};
use carematch_domain::{CarerId, Km, Postcode, Priority, Slot, SupportPlan, TimeOfDay};
use carematch_matching::CriterionId;

/// Distances offered in the form, km.
pub const DISTANCES: [u32; 7] = [2, 5, 10, 15, 25, 40, 80];
/// The default distance.
pub const DEFAULT_KM: u32 = 10;
/// The largest distance a link may ask for (relaxations double it).
pub const MAX_KM: u32 = 160;

/// Parts of the day a person can tick, with their hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Morning,
    Afternoon,
    Evening,
}

impl Part {
    pub const ALL: [Part; 3] = [Self::Morning, Self::Afternoon, Self::Evening];

    pub fn code(self) -> &'static str {
        match self {
            Self::Morning => "morning",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
        }
    }

    /// Start and end, `HH:MM`.
    fn hours(self) -> (&'static str, &'static str) {
        match self {
            Self::Morning => ("08:00", "12:00"),
            Self::Afternoon => ("12:00", "17:00"),
            Self::Evening => ("17:00", "21:00"),
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == text)
    }

    /// Start and end in quarter hours from midnight.
    pub fn quarters(self) -> (u16, u16) {
        let (start, end) = self.hours();
        // The hours above are constants on the quarter hour: they always parse.
        let parse = |t: &str| TimeOfDay::parse(t).map_or(0, TimeOfDay::quarters);
        (parse(start), parse(end))
    }
}

/// A ticked part of a day, `mon-morning`.
pub fn parse_when(value: &str) -> Option<(Weekday, Part)> {
    let (day, part) = value.split_once('-')?;
    Some((Weekday::parse(day).ok()?, Part::parse(part)?))
}

/// The hours of the ticked parts of days.
pub fn slots_of(when: &[(Weekday, Part)]) -> Vec<Slot> {
    when.iter()
        .filter_map(|(day, part)| {
            let (start, end) = part.hours();
            Some(Slot {
                day: *day,
                start: TimeOfDay::parse(start).ok()?,
                end: TimeOfDay::parse(end).ok()?,
                overnight: false,
            })
        })
        .collect()
}

/// What the person asked for, as typed (the postcode is kept as text to show it back).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindForm {
    pub postcode: String,
    pub km: u32,
    pub services: Vec<Service>,
    pub languages: Vec<Language>,
    pub languages_must: bool,
    /// The carer should also read the language(s) asked for.
    pub languages_read: bool,
    pub cuisines: Vec<Cuisine>,
    pub diets: Vec<DietaryLaw>,
    pub medical_diets: Vec<MedicalDiet>,
    /// An LGBT+ inclusive carer or service is preferred.
    pub lgbt: bool,
    /// Support by phone or online is acceptable: remote services anywhere are found.
    pub remote: bool,
    pub practices: Vec<FaithPractice>,
    pub gender: Option<Gender>,
    pub gender_must: bool,
    pub when: Vec<(Weekday, Part)>,
    /// Criteria the person made preferences instead of essentials.
    pub relax: Vec<CriterionId>,
    /// The person unticked "a valid enhanced DBS check" (asked by default with personal care).
    pub dbs_off: bool,
    /// The agency console's: hours of support a week (preferred), a weekly budget for them
    /// (essential, relaxable), and the PAs the client knows or does not want.
    pub hours: Option<u8>,
    pub budget: Option<WeeklyPence>,
    pub preferred: Vec<i64>,
    pub blocked: Vec<i64>,
}

/// PA numbers from `12, 45 78`: whole numbers only, each once, at most [`MAX_NAMED_CARERS`].
fn carer_numbers(text: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = Vec::new();
    for id in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter_map(|t| t.parse::<i64>().ok())
        .filter(|id| *id > 0)
    {
        if !ids.contains(&id) && ids.len() < MAX_NAMED_CARERS {
            ids.push(id);
        }
    }
    ids
}

/// Pounds as typed (`320`, `320.50`, `£320`) to a weekly budget.
fn weekly_pounds(text: &str) -> Option<WeeklyPence> {
    let pounds: f64 = text.trim().trim_start_matches('£').parse().ok()?;
    if !pounds.is_finite() {
        return None;
    }
    WeeklyPence::new((pounds * 100.0).round() as i64).ok()
}

fn joined(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a form cannot be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormProblem {
    PostcodeMissing,
    PostcodeInvalid(String),
}

fn push_code<C: Code>(list: &mut Vec<C>, value: &str) {
    if let Ok(code) = C::parse(value)
        && !list.contains(&code)
    {
        list.push(code);
    }
}

impl FindForm {
    /// Reads the query pairs; unknown keys and codes are ignored (links from older pages still
    /// work), and the distance is clamped to what the form offers.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self {
            km: DEFAULT_KM,
            ..Self::default()
        };
        // The DBS box is ticked by default: the form always sends `dbs_asked`, and `dbs` only
        // when ticked, so a form sent without `dbs` was unticked.
        let (mut dbs_asked, mut dbs) = (false, false);
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "dbs_asked" => dbs_asked = true,
                "dbs" => dbs = value == "1",
                "postcode" => form.postcode = value.chars().take(16).collect(),
                "km" => {
                    if let Ok(km) = value.parse::<u32>() {
                        form.km = km.clamp(1, MAX_KM);
                    }
                }
                "service" => push_code(&mut form.services, value),
                "language" => push_code(&mut form.languages, value),
                "lang_must" => form.languages_must = value == "1",
                "lang_reads" => form.languages_read = value == "1",
                "medical" => push_code(&mut form.medical_diets, value),
                "lgbt" => form.lgbt = value == "1",
                "hours" => form.hours = value.parse::<u8>().ok().filter(|h| (1..=168).contains(h)),
                "budget" => form.budget = weekly_pounds(value),
                "prefer" => form.preferred = carer_numbers(value),
                "block" => form.blocked = carer_numbers(value),
                "remote" => form.remote = value == "1",
                "cuisine" => push_code(&mut form.cuisines, value),
                "diet" => push_code(&mut form.diets, value),
                "practice" => push_code(&mut form.practices, value),
                "gender" => form.gender = Gender::parse(value).ok(),
                "gender_must" => form.gender_must = value == "1",
                "when" => {
                    if let Some(when) = parse_when(value)
                        && !form.when.contains(&when)
                    {
                        form.when.push(when);
                    }
                }
                "relax" => {
                    if let Ok(criterion) = value.parse::<CriterionId>()
                        && form.relax.len() < 16
                        && !form.relax.contains(&criterion)
                    {
                        form.relax.push(criterion);
                    }
                }
                _ => {}
            }
        }
        form.dbs_off = dbs_asked && !dbs;
        form
    }

    /// Whether the plan asks for a valid enhanced DBS check: with personal care, unless unticked.
    pub fn asks_dbs(&self) -> bool {
        !self.dbs_off && self.services.contains(&Service::PersonalCare)
    }

    /// Whether anything was asked (a postcode given): the page then shows results.
    pub fn is_search(&self) -> bool {
        !self.postcode.is_empty()
    }

    /// The form as query pairs, in a stable order (for links).
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = vec![
            ("postcode".to_owned(), self.postcode.clone()),
            ("km".to_owned(), self.km.to_string()),
        ];
        let mut add = |k: &str, v: &str| pairs.push((k.to_owned(), v.to_owned()));
        self.services.iter().for_each(|c| add("service", c.code()));
        self.languages
            .iter()
            .for_each(|c| add("language", c.code()));
        if self.languages_must {
            add("lang_must", "1");
        }
        if self.languages_read {
            add("lang_reads", "1");
        }
        self.cuisines.iter().for_each(|c| add("cuisine", c.code()));
        self.diets.iter().for_each(|c| add("diet", c.code()));
        self.medical_diets
            .iter()
            .for_each(|c| add("medical", c.code()));
        self.practices
            .iter()
            .for_each(|c| add("practice", c.code()));
        if let Some(gender) = self.gender {
            add("gender", gender.code());
        }
        if self.gender_must {
            add("gender_must", "1");
        }
        if self.lgbt {
            add("lgbt", "1");
        }
        if self.remote {
            add("remote", "1");
        }
        for (day, part) in &self.when {
            add("when", &format!("{}-{}", day.code(), part.code()));
        }
        if let Some(hours) = self.hours {
            add("hours", &hours.to_string());
        }
        if let Some(budget) = self.budget {
            let pence = budget.pence();
            add("budget", &format!("{}.{:02}", pence / 100, pence % 100));
        }
        if !self.preferred.is_empty() {
            add("prefer", &joined(&self.preferred));
        }
        if !self.blocked.is_empty() {
            add("block", &joined(&self.blocked));
        }
        self.relax.iter().for_each(|r| add("relax", &r.to_string()));
        if self.dbs_off {
            add("dbs_asked", "1");
        }
        pairs
    }

    fn priority(&self, criterion: CriterionId, essential: bool) -> Priority {
        if essential && !self.relax.contains(&criterion) {
            Priority::Required
        } else {
            Priority::Preferred
        }
    }

    /// The support plan this form describes. Help asked for and food rules are essential;
    /// languages when ticked so, else preferred; cooking, faith practices and times preferred.
    pub fn to_plan(&self) -> Result<SupportPlan, FormProblem> {
        if self.postcode.is_empty() {
            return Err(FormProblem::PostcodeMissing);
        }
        let postcode = Postcode::parse(&self.postcode)
            .map_err(|_| FormProblem::PostcodeInvalid(self.postcode.clone()))?;
        let max_distance_km = Km::new(f64::from(self.km))
            .map_err(|_| FormProblem::PostcodeInvalid(self.postcode.clone()))?;
        let need = |criterion: CriterionId, essential: bool| self.priority(criterion, essential);
        let languages = self
            .languages
            .iter()
            .map(|&code| LanguageNeed {
                code,
                min_proficiency: Proficiency::Conversational,
                reads: self.languages_read,
                writes: false,
                // With several languages ticked as essential, any one is not enough to promise;
                // each is essential only when it is the only one.
                priority: need(
                    CriterionId::Language(code),
                    self.languages_must && self.languages.len() == 1,
                ),
            })
            .collect();
        let schedule = (!self.when.is_empty()).then(|| ScheduleNeed {
            slots: slots_of(&self.when),
            priority: Priority::Preferred,
        });
        Ok(SupportPlan {
            postcode: Some(postcode),
            location: None,
            max_distance_km,
            languages,
            cuisines: self
                .cuisines
                .iter()
                .map(|&code| Need {
                    code,
                    priority: Priority::Preferred,
                })
                .collect(),
            dietary_laws: self
                .diets
                .iter()
                .map(|&code| Need {
                    code,
                    priority: need(CriterionId::Diet(code), true),
                })
                .collect(),
            faith_practices: self
                .practices
                .iter()
                .map(|&code| Need {
                    code,
                    priority: Priority::Preferred,
                })
                .collect(),
            shared_faith: None,
            carer_gender: self.gender.map(|code| Need {
                code,
                priority: need(CriterionId::CarerGender(code), self.gender_must),
            }),
            services: self
                .services
                .iter()
                .map(|&code| Need {
                    code,
                    priority: need(CriterionId::Service(code), true),
                })
                .collect(),
            experience: Vec::new(),
            schedule,
            hours_per_week: self.hours.map(|hours| HoursNeed {
                hours,
                priority: Priority::Preferred,
            }),
            max_hourly_rate: None,
            needed_by: None,
            lgbt_inclusive: self.lgbt.then_some(Priority::Preferred),
            // Phone or online acceptable, in person too: preferred delivery modes are one
            // preference met by any of them, so listing all three ranks no one down, and
            // listing phone and online lets remote services reach the person.
            delivery_modes: if self.remote {
                [
                    DeliveryMode::InPerson,
                    DeliveryMode::Phone,
                    DeliveryMode::Online,
                ]
                .into_iter()
                .map(|code| Need {
                    code,
                    priority: Priority::Preferred,
                })
                .collect()
            } else {
                Vec::new()
            },
            // A PA both known and unwanted is taken as unwanted.
            preferred_carers: self
                .preferred
                .iter()
                .filter(|id| !self.blocked.contains(id))
                .map(|id| CarerId(*id))
                .collect(),
            blocked_carers: self.blocked.iter().map(|id| CarerId(*id)).collect(),
            // A budget pays for the hours: without them there is nothing to cost.
            weekly_budget: self
                .budget
                .filter(|_| self.hours.is_some())
                .map(|max| BudgetNeed {
                    max,
                    priority: need(CriterionId::WeeklyBudget, true),
                }),
            // What a body needs, essential like food rules.
            medical_diets: self
                .medical_diets
                .iter()
                .map(|&code| Need {
                    code,
                    priority: need(CriterionId::MedicalDiet(code), true),
                })
                .collect(),
            checks: if self.asks_dbs() {
                vec![Need {
                    code: CheckKind::DbsEnhanced,
                    priority: need(CriterionId::Check(CheckKind::DbsEnhanced), true),
                }]
            } else {
                Vec::new()
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        serde_urlencoded::from_str(query).expect("query")
    }

    #[test]
    fn a_form_reads_into_a_plan_with_the_right_priorities() {
        let form = FindForm::from_pairs(&pairs(
            "postcode=m13+0eg&km=5&service=personal_care&language=yue&lang_must=1&cuisine=cantonese\
             &diet=halal&gender=female&gender_must=1&when=tue-morning&when=tue-morning&language=xx",
        ));
        let plan = form.to_plan().expect("plan");
        assert_eq!(plan.postcode.as_ref().map(|p| p.as_str()), Some("M13 0EG"));
        assert_eq!(plan.max_distance_km.get(), 5.0);
        assert_eq!(plan.languages.len(), 1);
        assert_eq!(plan.languages[0].priority, Priority::Required);
        assert_eq!(plan.cuisines[0].priority, Priority::Preferred);
        assert_eq!(plan.dietary_laws[0].priority, Priority::Required);
        assert_eq!(plan.services[0].priority, Priority::Required);
        assert_eq!(
            plan.carer_gender.map(|g| g.priority),
            Some(Priority::Required)
        );
        assert_eq!(plan.schedule.as_ref().map(|s| s.slots.len()), Some(1));
        assert!(plan.validate().is_ok());
    }

    #[test]
    fn medical_diets_reading_lgbt_and_remote_support_read_into_the_plan() {
        let form = FindForm::from_pairs(&pairs(
            "postcode=LS7+3HB&language=urd&lang_reads=1&medical=pureed&medical=diabetic\
             &lgbt=1&remote=1&relax=medical_diet:diabetic",
        ));
        assert_eq!(FindForm::from_pairs(&form.to_pairs()), form);
        let plan = form.to_plan().expect("plan");
        assert!(plan.languages[0].reads && !plan.languages[0].writes);
        let diets: Vec<_> = plan
            .medical_diets
            .iter()
            .map(|n| (n.code, n.priority))
            .collect();
        assert_eq!(
            diets,
            [
                (MedicalDiet::Pureed, Priority::Required),
                (MedicalDiet::Diabetic, Priority::Preferred)
            ]
        );
        assert_eq!(plan.lgbt_inclusive, Some(Priority::Preferred));
        let modes: Vec<_> = plan.delivery_modes.iter().map(|n| n.code).collect();
        assert_eq!(
            modes,
            [
                DeliveryMode::InPerson,
                DeliveryMode::Phone,
                DeliveryMode::Online
            ]
        );
        assert!(plan.accepts_remote());
        assert!(plan.validate().is_ok());
    }

    #[test]
    fn the_consoles_hours_budget_and_named_pas_read_into_the_plan() {
        let form = FindForm::from_pairs(&pairs(
            "postcode=M13+0EG&hours=20&budget=%C2%A3320.5&prefer=12,+45+12,x&block=45;7&block=9",
        ));
        assert_eq!(FindForm::from_pairs(&form.to_pairs()), form);
        let plan = form.to_plan().expect("plan");
        assert_eq!(plan.hours_per_week.map(|h| h.hours), Some(20));
        let budget = plan.weekly_budget.expect("budget");
        assert_eq!(
            (budget.max.pence(), budget.priority),
            (32_050, Priority::Required)
        );
        assert_eq!(plan.blocked_carers, [CarerId(9)]);
        assert_eq!(plan.preferred_carers, [CarerId(12), CarerId(45)]);
        assert!(plan.validate().is_ok());
        // Relaxed, the budget is a preference; without hours there is no budget.
        let relaxed = FindForm::from_pairs(&pairs(
            "postcode=M13+0EG&hours=20&budget=320&relax=weekly_budget&block=45&prefer=45",
        ));
        let plan = relaxed.to_plan().expect("plan");
        assert_eq!(
            plan.weekly_budget.map(|b| b.priority),
            Some(Priority::Preferred)
        );
        assert!(plan.preferred_carers.is_empty());
        assert!(plan.validate().is_ok());
        let no_hours = FindForm::from_pairs(&pairs("postcode=M13+0EG&budget=320"));
        assert!(no_hours.to_plan().expect("plan").weekly_budget.is_none());
    }

    #[test]
    fn relaxed_criteria_become_preferences_and_links_round_trip() {
        let form = FindForm::from_pairs(&pairs(
            "postcode=E1+0AS&language=syl&lang_must=1&relax=language:syl&diet=halal",
        ));
        let plan = form.to_plan().expect("plan");
        assert_eq!(plan.languages[0].priority, Priority::Preferred);
        assert_eq!(plan.dietary_laws[0].priority, Priority::Required);
        assert_eq!(FindForm::from_pairs(&form.to_pairs()), form);
    }

    #[test]
    fn personal_care_asks_for_a_valid_enhanced_dbs_check_unless_unticked() {
        let dbs = |query: &str| {
            let form = FindForm::from_pairs(&pairs(query));
            let plan = form.to_plan().expect("plan");
            assert_eq!(FindForm::from_pairs(&form.to_pairs()), form, "{query}");
            plan.checks
                .iter()
                .map(|n| (n.code, n.priority))
                .collect::<Vec<_>>()
        };
        let required = vec![(CheckKind::DbsEnhanced, Priority::Required)];
        // A link or a first visit: ticked by default.
        assert_eq!(dbs("postcode=M13+0EG&service=personal_care"), required);
        // The form sent with the box ticked, and with it unticked.
        assert_eq!(
            dbs("postcode=M13+0EG&service=personal_care&dbs_asked=1&dbs=1"),
            required
        );
        assert_eq!(
            dbs("postcode=M13+0EG&service=personal_care&dbs_asked=1"),
            []
        );
        // Without personal care nothing is asked; relaxed, it becomes a preference.
        assert_eq!(
            dbs("postcode=M13+0EG&service=shopping&dbs_asked=1&dbs=1"),
            []
        );
        assert_eq!(
            dbs("postcode=M13+0EG&service=personal_care&relax=check:dbs_enhanced"),
            [(CheckKind::DbsEnhanced, Priority::Preferred)]
        );
    }

    #[test]
    fn bad_postcodes_and_distances_are_reported_or_clamped() {
        assert_eq!(
            FindForm::from_pairs(&pairs("km=5")).to_plan(),
            Err(FormProblem::PostcodeMissing)
        );
        assert_eq!(
            FindForm::from_pairs(&pairs("postcode=NOT+A+CODE")).to_plan(),
            Err(FormProblem::PostcodeInvalid("NOT A CODE".into()))
        );
        assert_eq!(FindForm::from_pairs(&pairs("km=100000")).km, MAX_KM);
        assert_eq!(FindForm::from_pairs(&pairs("km=-3")).km, DEFAULT_KM);
    }
}
