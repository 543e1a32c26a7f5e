//! What each caller sees of a vacancy: the owner sees it whole (but never the token's hash),
//! with its history and the PAs put forward (their public view and the proposing agency's
//! public contact); other agencies see a summary (needs, outward code, dates) with their own
//! matching PAs.

use carematch_domain::vocabulary::{DietaryLaw, FaithPractice, Language, Service};
use carematch_domain::{CarerId, SupportPlan};
use carematch_matching::Match;
use carematch_service::vacancies::{MatchingVacancy, OwnerView, Posted, ProposalView};
use carematch_store::vacancies::{Proposal, Vacancy, VacancyEvent, VacancyNeeds, VacancyStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::views::PublicCarer;

fn status_code(status: VacancyStatus) -> &'static str {
    status.code()
}

/// The codes a vacancy's plan lists.
#[derive(Debug, Serialize, ToSchema)]
pub struct NeedsView {
    pub languages: Vec<Language>,
    pub dietary_laws: Vec<DietaryLaw>,
    pub faith_practices: Vec<FaithPractice>,
    pub services: Vec<Service>,
}

impl From<&VacancyNeeds> for NeedsView {
    fn from(needs: &VacancyNeeds) -> Self {
        Self {
            languages: needs.languages.clone(),
            dietary_laws: needs.dietary_laws.clone(),
            faith_practices: needs.faith_practices.clone(),
            services: needs.services.clone(),
        }
    }
}

/// A vacancy as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct VacancyView {
    #[schema(example = "V-7K3M9QX2HD")]
    pub reference: String,
    /// `open`, `introduced`, `filled` or `withdrawn`.
    #[schema(example = "open", pattern = "^(open|introduced|filled|withdrawn)$")]
    pub status: &'static str,
    /// Urgent: leaving hospital.
    pub urgent: bool,
    /// `agency` (opened by an agency for its client) or `person` (posted from the find page).
    #[schema(example = "agency")]
    pub owner: &'static str,
    /// The saved plan it was opened from (the plan is a copy).
    pub saved_plan_id: Option<i64>,
    #[schema(example = "LE1")]
    pub outward_code: String,
    /// The local authority (GSS code) it is counted under, when known.
    #[schema(example = "E06000016")]
    pub authority_code: Option<String>,
    pub needs: NeedsView,
    /// The plan matched against (for a person's post: built from the needs, at the outward
    /// code's centroid).
    pub plan: SupportPlan,
    pub opened_at: DateTime<Utc>,
    /// The first introduction (also set when a vacancy is filled without one).
    pub introduced_at: Option<DateTime<Utc>>,
    pub filled_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

impl From<&Vacancy> for VacancyView {
    fn from(v: &Vacancy) -> Self {
        Self {
            reference: v.reference.clone(),
            status: status_code(v.status),
            urgent: v.urgent,
            owner: if v.agency.is_some() {
                "agency"
            } else {
                "person"
            },
            saved_plan_id: v.saved_plan_id,
            outward_code: v.outward_code.clone(),
            authority_code: v.authority_code.clone(),
            needs: NeedsView::from(&v.needs),
            plan: v.plan.clone(),
            opened_at: v.opened_at,
            introduced_at: v.introduced_at,
            filled_at: v.filled_at,
            withdrawn_at: v.withdrawn_at,
        }
    }
}

/// One page of an agency's vacancies, urgent first.
#[derive(Debug, Serialize, ToSchema)]
pub struct VacancyPage {
    pub items: Vec<VacancyView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 3)]
    pub total: u64,
}

/// What a person gets back once: the reference and the private link's token.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostedView {
    #[schema(example = "V-7K3M9QX2HD")]
    pub reference: String,
    /// The private token (shown only now; only its hash is stored).
    #[schema(example = "3f1c...")]
    pub token: String,
    /// The private page in a browser.
    #[schema(example = "/vacancy/V-7K3M9QX2HD/3f1c...")]
    pub private_link: String,
    /// The same over the API.
    #[schema(example = "/v1/vacancies/V-7K3M9QX2HD?token=3f1c...")]
    pub api_link: String,
    pub vacancy: VacancyView,
}

impl From<&Posted> for PostedView {
    fn from(posted: &Posted) -> Self {
        let reference = posted.vacancy.reference.clone();
        Self {
            private_link: format!("/vacancy/{reference}/{}", posted.token),
            api_link: format!("/v1/vacancies/{reference}?token={}", posted.token),
            token: posted.token.clone(),
            vacancy: VacancyView::from(&posted.vacancy),
            reference,
        }
    }
}

/// One line of a vacancy's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub at: DateTime<Utc>,
    /// `agency:<id>`, `person` or `generator`.
    #[schema(example = "agency:3")]
    pub actor: String,
    pub status: Option<&'static str>,
    #[schema(example = "opened")]
    pub note: Option<String>,
}

impl From<&VacancyEvent> for EventView {
    fn from(e: &VacancyEvent) -> Self {
        Self {
            at: e.at,
            actor: e.actor.clone(),
            status: e.status.map(status_code),
            note: e.note.clone(),
        }
    }
}

/// The proposing agency's public name and contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyContactView {
    pub id: i64,
    #[schema(example = "Fernhollow Direct Payments Support")]
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// A PA put forward, as the vacancy's owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalOut {
    /// The PA's public view (never their contact details or address); `null` when the record
    /// has since been removed.
    pub carer: Option<PublicCarer>,
    /// Who to contact about them: the agency that holds them.
    pub agency: Option<AgencyContactView>,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl ProposalOut {
    fn new(p: &ProposalView, today: NaiveDate) -> Self {
        Self {
            carer: p.carer.as_ref().map(|c| PublicCarer::new(c, today)),
            agency: p.agency.as_ref().map(|a| AgencyContactView {
                id: a.id.0,
                name: a.name.clone(),
                phone: a.phone.clone(),
                email: a.email.clone(),
                website: a.website.clone(),
            }),
            note: p.proposal.note.clone(),
            created_at: p.proposal.created_at,
        }
    }
}

/// A vacancy with its history and the PAs put forward.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnerVacancyView {
    pub vacancy: VacancyView,
    pub events: Vec<EventView>,
    pub proposals: Vec<ProposalOut>,
}

impl OwnerVacancyView {
    pub fn new(view: &OwnerView, today: NaiveDate) -> Self {
        Self {
            vacancy: VacancyView::from(&view.vacancy),
            events: view.events.iter().map(EventView::from).collect(),
            proposals: view
                .proposals
                .iter()
                .map(|p| ProposalOut::new(p, today))
                .collect(),
        }
    }
}

/// An open vacancy as another agency sees it: the needs and the area, no plan details.
#[derive(Debug, Serialize, ToSchema)]
pub struct VacancySummary {
    #[schema(example = "V-7K3M9QX2HD")]
    pub reference: String,
    pub urgent: bool,
    #[schema(example = "LE1")]
    pub outward_code: String,
    pub needs: NeedsView,
    pub opened_at: DateTime<Utc>,
}

/// An open vacancy the agency's PAs match, with the best of them explained.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchingView {
    pub vacancy: VacancySummary,
    /// Up to 3 of the agency's own PAs, best first, with the reasons.
    pub matches: Vec<Match>,
    /// The agency's PAs already put forward for it.
    pub proposed: Vec<CarerId>,
}

impl From<&MatchingVacancy> for MatchingView {
    fn from(m: &MatchingVacancy) -> Self {
        Self {
            vacancy: VacancySummary {
                reference: m.vacancy.reference.clone(),
                urgent: m.vacancy.urgent,
                outward_code: m.vacancy.outward_code.clone(),
                needs: NeedsView::from(&m.vacancy.needs),
                opened_at: m.vacancy.opened_at,
            },
            matches: m.matches.clone(),
            proposed: m.proposed.clone(),
        }
    }
}

/// The open vacancies an agency's PAs match: urgent first, then by the best score.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchingList {
    pub items: Vec<MatchingView>,
}

/// A PA put forward.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalCreated {
    pub id: i64,
    #[schema(example = "V-7K3M9QX2HD")]
    pub reference: String,
    pub carer_id: CarerId,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

impl ProposalCreated {
    pub fn new(p: &Proposal, reference: String) -> Self {
        Self {
            id: p.id,
            reference,
            carer_id: p.carer,
            note: p.note.clone(),
            created_at: p.created_at,
        }
    }
}
