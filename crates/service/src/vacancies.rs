//! Vacancies: plans opened for filling, by an agency for its client (from a saved plan or
//! inline) or posted by a person from the find page (the outward code and the needs only, no
//! name, no full postcode), PAs put forward by the agencies that hold them, and the status
//! history `open -> introduced -> filled`, or `withdrawn`.
//!
//! Who sees what: the owner (the agency that opened it, or whoever holds the private link's
//! token) sees the vacancy, its history and who was put forward; any agency sees the open
//! vacancies its own PAs match, as needs and an outward code only. Vacancies are personal
//! data: never logged here.

mod access;
mod alerts;
mod public;
pub mod time_to_fill;

use carematch_domain::{AgencyContact, AgencyId, CarerId, GeoPoint, SupportPlan, ValidationErrors};
use carematch_index::Snapshot;
use carematch_index::gaps::authority_areas;
use carematch_matching::gaps::locate_area;
use carematch_matching::{
    CandidateKind, CompiledPlan, KindFilter, Match, MatchOptions, Roster, Viewer,
};
use carematch_store::vacancies::{
    NewVacancy, Proposal, Refusal, Vacancy, VacancyEvent, VacancyStatus,
};
use carematch_store::{Page, Paged, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::tokens::{hash_token, new_token};
pub use access::{OwnerProof, new_reference};
pub use public::{MAX_NEEDS, PUBLIC_MAX_KM, PublicVacancyPost};

use crate::{CareService, ServiceError};

/// How many of an agency's PAs each matching vacancy shows.
pub const PAS_PER_VACANCY: usize = 3;
/// The most open vacancies read when an agency asks which ones its PAs match.
pub const OPEN_VACANCIES_READ: u32 = 500;
/// The longest note with a PA put forward.
pub const MAX_NOTE: usize = 1000;

/// An agency's request to open a vacancy: from one of its saved plans, or a plan given inline.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct OpenVacancy {
    /// One of the agency's saved plans (`GET /v1/plans`); its plan is copied.
    #[serde(default)]
    #[schema(example = 7)]
    pub saved_plan_id: Option<i64>,
    /// A plan given inline instead (the shape of `plan` in `POST /v1/matches`).
    #[serde(default)]
    pub plan: Option<SupportPlan>,
    /// Urgent: the person is leaving hospital. Urgent vacancies come first in every list.
    #[serde(default)]
    pub urgent: bool,
}

/// A PA an agency puts forward for a vacancy.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct PutForward {
    /// One of the agency's own carers.
    #[schema(example = 12)]
    pub carer_id: i64,
    /// A note for the vacancy's owner (at most 1000 characters).
    #[serde(default)]
    #[schema(example = "Speaks Cantonese at home; free on Tuesday mornings.")]
    pub note: String,
}

/// A status change asked by a vacancy's owner.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct StatusChange {
    /// `introduced`, `filled` or `withdrawn`.
    #[schema(example = "filled", pattern = "^(introduced|filled|withdrawn)$")]
    pub status: String,
}

carematch_domain::objects_only!(OpenVacancy, PutForward, StatusChange);

/// A vacancy as its owner sees it: everything stored but the token's hash, its history and
/// who was put forward.
#[derive(Debug, Clone)]
pub struct OwnerView {
    pub vacancy: Vacancy,
    pub events: Vec<VacancyEvent>,
    pub proposals: Vec<ProposalView>,
}

/// A PA put forward, with the proposing agency's public name and contact. The carer is given
/// by id; front ends show its public view only (never the PA's own contact or address).
#[derive(Debug, Clone)]
pub struct ProposalView {
    pub proposal: Proposal,
    pub agency: Option<AgencyContact>,
    pub carer: Option<carematch_domain::Carer>,
}

/// An open vacancy some of an agency's PAs match, with the best of them, explained.
#[derive(Debug, Clone)]
pub struct MatchingVacancy {
    pub vacancy: Vacancy,
    pub matches: Vec<Match>,
    /// Carers of this agency already put forward for it.
    pub proposed: Vec<CarerId>,
}

/// A person's post once stored: its reference and the token of the private link (shown once).
#[derive(Debug, Clone)]
pub struct Posted {
    pub vacancy: Vacancy,
    pub token: String,
}

fn refused(refusal: Refusal) -> ServiceError {
    let (field, code, reason) = match refusal {
        Refusal::InvalidTransition { from, to } => (
            "status",
            "invalid_transition",
            format!(
                "a vacancy that is {} cannot become {}",
                from.code(),
                to.code()
            ),
        ),
        Refusal::Closed => (
            "reference",
            "vacancy_closed",
            "the vacancy is filled or withdrawn".to_owned(),
        ),
        Refusal::NotHeld => return ServiceError::Forbidden,
        Refusal::AlreadyProposed => {
            return ServiceError::Store(StoreError::Duplicate { field: "carer_id" });
        }
    };
    ServiceError::Validation(vec![carematch_domain::FieldError {
        field: field.into(),
        code,
        reason,
    }])
}

/// The status an owner may ask for (never `open`).
pub fn parse_status(text: &str) -> Result<VacancyStatus, ServiceError> {
    match VacancyStatus::parse(text) {
        Some(status) if status != VacancyStatus::Open => Ok(status),
        _ => {
            let mut errors = ValidationErrors::default();
            errors.push(
                "status",
                "invalid",
                format!("`{text}`: use introduced, filled or withdrawn"),
            );
            Err(errors.into())
        }
    }
}

/// The matches of `agency`'s own carers for a compiled plan, best first (the reference
/// matcher over the carers it holds within the plan's distance, measured from their real
/// bases as the holder may).
pub fn held_matches(
    snapshot: &Snapshot,
    plan: &CompiledPlan,
    agency: AgencyId,
    limit: usize,
    today: NaiveDate,
    weights: carematch_matching::MatchWeights,
) -> Vec<Match> {
    let viewer = Viewer::Agency(agency);
    let mut roster = Roster::new();
    let mut hits = Vec::new();
    for (found, km) in snapshot.within(plan.location, plan.max_km, viewer) {
        let candidate = found.candidate;
        if candidate.kind() == CandidateKind::Carer && candidate.agency() == Some(agency) {
            hits.push((roster.push(candidate.clone(), found.side.clone()), km));
        }
    }
    let mut options = MatchOptions::new(today);
    options.limit = limit;
    options.kinds = KindFilter {
        carers: true,
        providers: false,
    };
    options.viewer = viewer;
    options.weights = weights;
    carematch_matching::match_plan(plan, &roster, hits, &options).matches
}

impl CareService {
    /// The GSS code of the local authority `point` falls in (its boundary, else the nearest
    /// centroid, as gap maps place points); `None` before any authority is imported.
    pub fn authority_of(&self, point: GeoPoint) -> Result<Option<String>, ServiceError> {
        let authorities = self.store.authorities()?;
        let boundaries = self.store.boundaries()?;
        let areas = authority_areas(&authorities, &boundaries);
        Ok(locate_area(&areas, point).map(|i| areas[i].code.clone()))
    }

    /// Opens a vacancy for `agency`'s client from one of its saved plans or a plan given
    /// inline, and queues an alert to every other agency with an e-mail and a matching PA.
    pub fn open_vacancy(
        &self,
        agency: AgencyId,
        request: &OpenVacancy,
        today: NaiveDate,
    ) -> Result<Vacancy, ServiceError> {
        let (plan, saved_plan_id, location) = match (request.saved_plan_id, &request.plan) {
            (Some(id), None) => {
                let saved =
                    self.store
                        .saved_plan(agency, id)?
                        .ok_or_else(|| ServiceError::NotFound {
                            what: "plan",
                            id: id.to_string(),
                        })?;
                (saved.plan, Some(id), saved.location)
            }
            (None, Some(plan)) => {
                let mut errors = ValidationErrors::default();
                if let Err(plan_errors) = plan.validate() {
                    for mut error in plan_errors.0 {
                        error.field = format!("plan.{}", error.field);
                        errors.0.push(error);
                    }
                }
                errors.into_result()?;
                let location = match (&plan.postcode, plan.location) {
                    (Some(postcode), _) => self.locate(postcode, "plan.postcode")?,
                    (None, Some(point)) => point,
                    (None, None) => {
                        return Err(ServiceError::Internal(
                            "a validated plan has a postcode or a location".into(),
                        ));
                    }
                };
                (plan.clone(), None, location)
            }
            _ => {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "saved_plan_id",
                    "required",
                    "give saved_plan_id or plan (one of them)",
                );
                return Err(errors.into());
            }
        };
        let outward_code = plan
            .postcode
            .as_ref()
            .map(|p| p.outward().as_str().to_owned())
            .unwrap_or_default();
        let new = NewVacancy {
            reference: new_reference()?,
            access_hash: None,
            agency: Some(agency),
            saved_plan_id,
            authority_code: self.authority_of(location)?,
            plan,
            outward_code,
            location,
            urgent: request.urgent,
        };
        self.store_with_alerts(&new, &format!("agency:{}", agency.0), today)
    }

    /// Computes which agencies have a matching PA first, then writes the vacancy and their
    /// alerts in one transaction.
    fn store_with_alerts(
        &self,
        new: &NewVacancy,
        actor: &str,
        today: NaiveDate,
    ) -> Result<Vacancy, ServiceError> {
        let snapshot = self.snapshot()?;
        let compiled = CompiledPlan::compile(&new.plan, new.location);
        let mut mails = Vec::new();
        for (agency, email) in self.store.agencies_with_email()? {
            if Some(agency) == new.agency {
                continue;
            }
            if !held_matches(&snapshot, &compiled, agency, 1, today, self.weights()).is_empty() {
                mails.push(alerts::vacancy_alert(agency, &email, new, self.site_url()));
            }
        }
        Ok(self.store.open_vacancy(new, actor, &mails)?)
    }

    /// Stores a person's post: the plan built from the outward code's centroid and the needs
    /// only, a new reference and a private token (only its SHA-256 is stored).
    pub fn post_vacancy(
        &self,
        post: &PublicVacancyPost,
        today: NaiveDate,
    ) -> Result<Posted, ServiceError> {
        let outward = post.validate()?;
        let Some(centroid) = self.store.outward_centroid(&outward)? else {
            let mut errors = ValidationErrors::default();
            errors.push(
                "outward_code",
                "unknown_postcode",
                format!("`{}` is not a known postcode district", outward.as_str()),
            );
            return Err(errors.into());
        };
        let plan = post.plan(centroid)?;
        let token = new_token()?;
        let new = NewVacancy {
            reference: new_reference()?,
            access_hash: Some(hash_token(&token)),
            agency: None,
            saved_plan_id: None,
            authority_code: self.authority_of(centroid)?,
            plan,
            outward_code: outward.as_str().to_owned(),
            location: centroid,
            urgent: post.urgent,
        };
        let vacancy = self.store_with_alerts(&new, "person", today)?;
        Ok(Posted { vacancy, token })
    }

    /// The vacancies `agency` opened, urgent first, then the longest waiting.
    pub fn agency_vacancies(
        &self,
        agency: AgencyId,
        page: Page,
    ) -> Result<Paged<Vacancy>, ServiceError> {
        Ok(self.store.agency_vacancies(agency, page)?)
    }

    /// The open vacancies (of other owners and its own) that `agency`'s PAs match, each with
    /// its best PAs explained; urgent first, then by the best score, then the longest waiting.
    pub fn matching_vacancies(
        &self,
        agency: AgencyId,
        today: NaiveDate,
    ) -> Result<Vec<MatchingVacancy>, ServiceError> {
        let snapshot = self.snapshot()?;
        let mut out = Vec::new();
        for vacancy in self.store.open_vacancies(OPEN_VACANCIES_READ)? {
            let compiled = CompiledPlan::compile(&vacancy.plan, vacancy.location);
            let matches = held_matches(
                &snapshot,
                &compiled,
                agency,
                PAS_PER_VACANCY,
                today,
                self.weights(),
            );
            if matches.is_empty() {
                continue;
            }
            let proposed = self
                .store
                .vacancy_proposals(vacancy.id)?
                .into_iter()
                .filter(|p| p.agency == agency)
                .map(|p| p.carer)
                .collect();
            out.push(MatchingVacancy {
                vacancy,
                matches,
                proposed,
            });
        }
        let best = |m: &MatchingVacancy| m.matches.first().map_or(0.0, |m| m.score);
        out.sort_by(|a, b| {
            b.vacancy
                .urgent
                .cmp(&a.vacancy.urgent)
                .then(best(b).total_cmp(&best(a)))
                .then(a.vacancy.opened_at.cmp(&b.vacancy.opened_at))
                .then(a.vacancy.id.cmp(&b.vacancy.id))
        });
        Ok(out)
    }

    /// The vacancy with this reference as its owner sees it; `NotFound` for anyone else (a
    /// wrong token included), so that references cannot be probed.
    pub fn owned_vacancy(
        &self,
        reference: &str,
        proof: &OwnerProof,
    ) -> Result<OwnerView, ServiceError> {
        let vacancy = self.owned(reference, proof)?;
        let events = self.store.vacancy_events(vacancy.id)?;
        let proposals = self
            .store
            .vacancy_proposals(vacancy.id)?
            .into_iter()
            .map(|proposal| {
                Ok(ProposalView {
                    agency: self.store.agency_contact(proposal.agency)?,
                    carer: self.store.get_carer(proposal.carer)?,
                    proposal,
                })
            })
            .collect::<Result<_, ServiceError>>()?;
        Ok(OwnerView {
            vacancy,
            events,
            proposals,
        })
    }

    fn owned(&self, reference: &str, proof: &OwnerProof) -> Result<Vacancy, ServiceError> {
        let not_found = || ServiceError::NotFound {
            what: "vacancy",
            id: reference.to_owned(),
        };
        let vacancy = self
            .store
            .vacancy_by_reference(reference)?
            .ok_or_else(not_found)?;
        if proof.owns(&vacancy) {
            Ok(vacancy)
        } else {
            Err(not_found())
        }
    }

    /// The owner marks the vacancy introduced, filled or withdrawn.
    pub fn change_vacancy_status(
        &self,
        reference: &str,
        proof: &OwnerProof,
        to: VacancyStatus,
    ) -> Result<Vacancy, ServiceError> {
        let vacancy = self.owned(reference, proof)?;
        self.store
            .set_vacancy_status(vacancy.id, to, &proof.actor(), None)?
            .map_err(refused)
    }

    /// `agency` puts one of its own carers forward for an open vacancy; the owner agency (with
    /// an e-mail) hears of it through the outbox, in the same transaction.
    pub fn put_forward(
        &self,
        agency: AgencyId,
        reference: &str,
        request: &PutForward,
    ) -> Result<Proposal, ServiceError> {
        let mut errors = ValidationErrors::default();
        errors.text("note", &request.note, false, MAX_NOTE);
        errors.into_result()?;
        let vacancy =
            self.store
                .vacancy_by_reference(reference)?
                .ok_or_else(|| ServiceError::NotFound {
                    what: "vacancy",
                    id: reference.to_owned(),
                })?;
        let mail = match vacancy.agency {
            Some(owner) => self
                .store
                .agency_contact(owner)?
                .and_then(|c| c.email)
                .map(|email| alerts::put_forward(owner, &email, &vacancy, self.site_url())),
            None => None,
        };
        self.store
            .propose_for_vacancy(
                vacancy.id,
                agency,
                CarerId(request.carer_id),
                request.note.trim(),
                mail.as_ref(),
            )?
            .map_err(refused)
    }
}
