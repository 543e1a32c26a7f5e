//! Vacancies: support plans opened for filling, by an agency for its client or by a person from
//! the find page (only the outward code and the needs, no name), with their status history
//! (`vacancy_events`) and the PAs agencies put forward (`vacancy_proposals`).
//!
//! Every write that someone should hear about queues its e-mail with `outbox::enqueue` inside
//! the same transaction, so a committed change always has its message and a rolled-back one
//! never does. Reads for time-to-fill figures (`vacancy_timings`, `enquiry_timings`) return
//! dates and needs only, never a person's details.

use carematch_domain::vocabulary::{DietaryLaw, FaithPractice, Language, Service};
use carematch_domain::{AgencyId, CarerId, GeoPoint, OutwardCode, SupportPlan};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::backend::DbConnection;
use crate::codec::{from_naive, to_json, to_naive};
use crate::error::StoreError;
use crate::outbox::{self, NewMail};
use crate::schema::{
    agencies, carers, outbox as outbox_table, postcode_districts, vacancies, vacancy_events,
    vacancy_proposals,
};
use crate::{Page, Paged, Store};

mod timings;

pub use timings::{EnquiryRecord, EnquiryTiming, VacancyTiming};

/// Where a vacancy stands. `open -> introduced -> filled`, or `withdrawn` from either of the
/// first two; `open -> filled` is allowed too (a fill is also the first introduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VacancyStatus {
    Open,
    Introduced,
    Filled,
    Withdrawn,
}

impl VacancyStatus {
    pub const ALL: [Self; 4] = [Self::Open, Self::Introduced, Self::Filled, Self::Withdrawn];

    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Introduced => "introduced",
            Self::Filled => "filled",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a vacancy in this status may move to `to`.
    pub fn can_become(self, to: Self) -> bool {
        matches!(
            (self, to),
            (
                Self::Open,
                Self::Introduced | Self::Filled | Self::Withdrawn
            ) | (Self::Introduced, Self::Filled | Self::Withdrawn)
        )
    }

    /// Filled or withdrawn: nothing more happens to it.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Filled | Self::Withdrawn)
    }
}

/// The needs a vacancy is counted under in time-to-fill figures and shown with in alerts: the
/// codes its plan lists (required or preferred).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VacancyNeeds {
    #[serde(default)]
    pub languages: Vec<Language>,
    #[serde(default)]
    pub dietary_laws: Vec<DietaryLaw>,
    #[serde(default)]
    pub faith_practices: Vec<FaithPractice>,
    #[serde(default)]
    pub services: Vec<Service>,
}

impl VacancyNeeds {
    pub fn of_plan(plan: &SupportPlan) -> Self {
        Self {
            languages: plan.languages.iter().map(|n| n.code).collect(),
            dietary_laws: plan.dietary_laws.iter().map(|n| n.code).collect(),
            faith_practices: plan.faith_practices.iter().map(|n| n.code).collect(),
            services: plan.services.iter().map(|n| n.code).collect(),
        }
    }
}

/// A stored vacancy. `access_hash` (the SHA-256 of a person's private token) is here so that
/// the service can compare it in constant time; it is never shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Vacancy {
    pub id: i64,
    pub reference: String,
    pub access_hash: Option<String>,
    /// The agency that opened it; `None` for a person's post.
    pub agency: Option<AgencyId>,
    /// The saved plan it was opened from (the plan itself is copied: deleting the saved plan
    /// later changes nothing here).
    pub saved_plan_id: Option<i64>,
    pub plan: SupportPlan,
    /// The person's outward code (`LE1`); empty when the plan gave coordinates only.
    pub outward_code: String,
    pub location: GeoPoint,
    /// The local authority (GSS code) the location falls in, when known.
    pub authority_code: Option<String>,
    pub needs: VacancyNeeds,
    /// "Urgent: leaving hospital": listed before every other vacancy.
    pub urgent: bool,
    pub status: VacancyStatus,
    pub opened_at: DateTime<Utc>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub filled_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = vacancies)]
struct VacancyRow {
    id: i64,
    reference: String,
    access_hash: Option<String>,
    agency_id: Option<i64>,
    saved_plan_id: Option<i64>,
    plan: String,
    outward_code: String,
    lat: f64,
    lon: f64,
    authority_code: Option<String>,
    needs: String,
    urgent: bool,
    status: String,
    opened_at: NaiveDateTime,
    introduced_at: Option<NaiveDateTime>,
    filled_at: Option<NaiveDateTime>,
    withdrawn_at: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
}

impl TryFrom<VacancyRow> for Vacancy {
    type Error = StoreError;
    fn try_from(row: VacancyRow) -> Result<Self, StoreError> {
        let corrupt = |e: &dyn std::fmt::Display| StoreError::corrupt("vacancies", row.id, e);
        let plan: SupportPlan = serde_json::from_str(&row.plan).map_err(|e| corrupt(&e))?;
        let needs: VacancyNeeds = serde_json::from_str(&row.needs).map_err(|e| corrupt(&e))?;
        let location = GeoPoint::new(row.lat, row.lon).map_err(|e| corrupt(&e))?;
        let status = VacancyStatus::parse(&row.status)
            .ok_or_else(|| corrupt(&format!("unknown status `{}`", row.status)))?;
        Ok(Self {
            id: row.id,
            reference: row.reference,
            access_hash: row.access_hash,
            agency: row.agency_id.map(AgencyId),
            saved_plan_id: row.saved_plan_id,
            plan,
            outward_code: row.outward_code,
            location,
            authority_code: row.authority_code,
            needs,
            urgent: row.urgent,
            status,
            opened_at: from_naive(row.opened_at),
            introduced_at: row.introduced_at.map(from_naive),
            filled_at: row.filled_at.map(from_naive),
            withdrawn_at: row.withdrawn_at.map(from_naive),
            updated_at: from_naive(row.updated_at),
        })
    }
}

/// A vacancy to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewVacancy {
    pub reference: String,
    pub access_hash: Option<String>,
    pub agency: Option<AgencyId>,
    pub saved_plan_id: Option<i64>,
    pub plan: SupportPlan,
    pub outward_code: String,
    pub location: GeoPoint,
    pub authority_code: Option<String>,
    pub urgent: bool,
}

/// One line of a vacancy's history: who did what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VacancyEvent {
    pub at: DateTime<Utc>,
    /// `agency:<id>` or `person` (the holder of the private link), or `generator`.
    pub actor: String,
    /// The status it moved to, if this was a status change.
    pub status: Option<VacancyStatus>,
    /// `opened`, `proposed carer <id>`, ...
    pub note: Option<String>,
}

/// A PA put forward for a vacancy by the agency that holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub id: i64,
    pub vacancy_id: i64,
    pub agency: AgencyId,
    pub carer: CarerId,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// Why a vacancy write was refused (nothing was written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The status cannot move from `from` to `to`.
    InvalidTransition {
        from: VacancyStatus,
        to: VacancyStatus,
    },
    /// The vacancy is filled or withdrawn: nobody can be put forward any more.
    Closed,
    /// The carer is not a live carer of the proposing agency.
    NotHeld,
    /// That carer was already put forward for this vacancy.
    AlreadyProposed,
}

fn event(
    conn: &mut DbConnection,
    vacancy: i64,
    at: DateTime<Utc>,
    actor: &str,
    status: Option<VacancyStatus>,
    note: Option<&str>,
) -> Result<(), StoreError> {
    diesel::insert_into(vacancy_events::table)
        .values((
            vacancy_events::vacancy_id.eq(vacancy),
            vacancy_events::at.eq(to_naive(at)),
            vacancy_events::actor.eq(actor),
            vacancy_events::status.eq(status.map(VacancyStatus::code)),
            vacancy_events::note.eq(note),
        ))
        .execute(conn)?;
    Ok(())
}

fn load(conn: &mut DbConnection, id: i64) -> Result<Option<Vacancy>, StoreError> {
    vacancies::table
        .find(id)
        .select(VacancyRow::as_select())
        .first(conn)
        .optional()?
        .map(Vacancy::try_from)
        .transpose()
}

fn load_many(rows: Vec<VacancyRow>) -> Result<Vec<Vacancy>, StoreError> {
    rows.into_iter().map(Vacancy::try_from).collect()
}

/// Inserts a vacancy opened at `at`, its first event, and `alerts` (their `vacancy` set to the
/// new id) in the caller's transaction.
pub(crate) fn insert(
    conn: &mut DbConnection,
    new: &NewVacancy,
    actor: &str,
    alerts: &[NewMail],
    at: DateTime<Utc>,
) -> Result<Vacancy, StoreError> {
    if let Some(agency) = new.agency {
        Store::require_agency(conn, agency)?;
    }
    let needs = VacancyNeeds::of_plan(&new.plan);
    let id: i64 = diesel::insert_into(vacancies::table)
        .values((
            vacancies::reference.eq(&new.reference),
            vacancies::access_hash.eq(&new.access_hash),
            vacancies::agency_id.eq(new.agency.map(|a| a.0)),
            vacancies::saved_plan_id.eq(new.saved_plan_id),
            vacancies::plan.eq(to_json("plan", &new.plan)?),
            vacancies::outward_code.eq(&new.outward_code),
            vacancies::lat.eq(new.location.lat),
            vacancies::lon.eq(new.location.lon),
            vacancies::authority_code.eq(&new.authority_code),
            vacancies::needs.eq(to_json("needs", &needs)?),
            vacancies::urgent.eq(new.urgent),
            vacancies::status.eq(VacancyStatus::Open.code()),
            vacancies::opened_at.eq(to_naive(at)),
            vacancies::updated_at.eq(to_naive(at)),
        ))
        .returning(vacancies::id)
        .get_result(conn)?;
    event(
        conn,
        id,
        at,
        actor,
        Some(VacancyStatus::Open),
        Some("opened"),
    )?;
    for alert in alerts {
        let mail = NewMail {
            vacancy: Some(id),
            ..alert.clone()
        };
        outbox::enqueue(conn, &mail, at)?;
    }
    load(conn, id)?.ok_or(StoreError::NotFound {
        entity: "vacancy",
        id,
    })
}

/// Moves a vacancy to `to` at `at` (recording the date of the status and, for `filled`, the
/// first introduction if there was none), appends the event and queues `mail` (its `vacancy`
/// set), all in the caller's transaction.
pub(crate) fn set_status(
    conn: &mut DbConnection,
    id: i64,
    to: VacancyStatus,
    actor: &str,
    mail: Option<&NewMail>,
    at: DateTime<Utc>,
) -> Result<Result<Vacancy, Refusal>, StoreError> {
    let Some(current) = load(conn, id)? else {
        return Err(StoreError::NotFound {
            entity: "vacancy",
            id,
        });
    };
    if !current.status.can_become(to) {
        return Ok(Err(Refusal::InvalidTransition {
            from: current.status,
            to,
        }));
    }
    let at_naive = to_naive(at);
    let introduced = current.introduced_at.map(to_naive);
    let target = vacancies::table.find(id);
    match to {
        VacancyStatus::Introduced => {
            diesel::update(target)
                .set((
                    vacancies::status.eq(to.code()),
                    vacancies::introduced_at.eq(Some(at_naive)),
                    vacancies::updated_at.eq(at_naive),
                ))
                .execute(conn)?;
        }
        VacancyStatus::Filled => {
            diesel::update(target)
                .set((
                    vacancies::status.eq(to.code()),
                    vacancies::introduced_at.eq(Some(introduced.unwrap_or(at_naive))),
                    vacancies::filled_at.eq(Some(at_naive)),
                    vacancies::close_reason.eq(Some("filled")),
                    vacancies::updated_at.eq(at_naive),
                ))
                .execute(conn)?;
        }
        VacancyStatus::Withdrawn => {
            diesel::update(target)
                .set((
                    vacancies::status.eq(to.code()),
                    vacancies::withdrawn_at.eq(Some(at_naive)),
                    vacancies::close_reason.eq(Some("withdrawn")),
                    vacancies::updated_at.eq(at_naive),
                ))
                .execute(conn)?;
        }
        // `can_become` never allows a move back to open.
        VacancyStatus::Open => {
            return Ok(Err(Refusal::InvalidTransition {
                from: current.status,
                to,
            }));
        }
    }
    event(conn, id, at, actor, Some(to), None)?;
    if let Some(mail) = mail {
        let mail = NewMail {
            vacancy: Some(id),
            ..mail.clone()
        };
        outbox::enqueue(conn, &mail, at)?;
    }
    let updated = load(conn, id)?.ok_or(StoreError::NotFound {
        entity: "vacancy",
        id,
    })?;
    Ok(Ok(updated))
}

/// Records that `agency` puts its carer forward for vacancy `id`, with the event and `mail`.
pub(crate) fn propose(
    conn: &mut DbConnection,
    id: i64,
    agency: AgencyId,
    carer: CarerId,
    note: &str,
    mail: Option<&NewMail>,
    at: DateTime<Utc>,
) -> Result<Result<Proposal, Refusal>, StoreError> {
    let Some(vacancy) = load(conn, id)? else {
        return Err(StoreError::NotFound {
            entity: "vacancy",
            id,
        });
    };
    if vacancy.status.is_closed() {
        return Ok(Err(Refusal::Closed));
    }
    let held: i64 = carers::table
        .filter(carers::id.eq(carer.0))
        .filter(carers::agency_id.eq(agency.0))
        .filter(carers::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    if held == 0 {
        return Ok(Err(Refusal::NotHeld));
    }
    let already: i64 = vacancy_proposals::table
        .filter(vacancy_proposals::vacancy_id.eq(id))
        .filter(vacancy_proposals::carer_id.eq(carer.0))
        .count()
        .get_result(conn)?;
    if already > 0 {
        return Ok(Err(Refusal::AlreadyProposed));
    }
    let proposal_id: i64 = diesel::insert_into(vacancy_proposals::table)
        .values((
            vacancy_proposals::vacancy_id.eq(id),
            vacancy_proposals::agency_id.eq(agency.0),
            vacancy_proposals::carer_id.eq(carer.0),
            vacancy_proposals::note.eq(note),
            vacancy_proposals::status.eq("proposed"),
            vacancy_proposals::created_at.eq(to_naive(at)),
            vacancy_proposals::updated_at.eq(to_naive(at)),
        ))
        .returning(vacancy_proposals::id)
        .get_result(conn)?;
    event(
        conn,
        id,
        at,
        &format!("agency:{}", agency.0),
        None,
        Some(&format!("proposed carer {}", carer.0)),
    )?;
    if let Some(mail) = mail {
        let mail = NewMail {
            vacancy: Some(id),
            ..mail.clone()
        };
        outbox::enqueue(conn, &mail, at)?;
    }
    Ok(Ok(Proposal {
        id: proposal_id,
        vacancy_id: id,
        agency,
        carer,
        note: note.to_owned(),
        created_at: from_naive(to_naive(at)),
    }))
}

/// id, at, actor, status, note.
type EventRow = (i64, NaiveDateTime, String, Option<String>, Option<String>);

/// Urgent first, then the longest waiting, then by id (a stable order for equal dates).
macro_rules! urgent_first {
    ($query:expr) => {
        $query.order((
            vacancies::urgent.desc(),
            vacancies::opened_at.asc(),
            vacancies::id.asc(),
        ))
    };
}

impl Store {
    /// Stores a vacancy opened now by `actor` and queues `alerts` with it, in one transaction.
    pub fn open_vacancy(
        &self,
        new: &NewVacancy,
        actor: &str,
        alerts: &[NewMail],
    ) -> Result<Vacancy, StoreError> {
        self.open_vacancy_at(new, actor, alerts, crate::codec::now())
    }

    /// [`Store::open_vacancy`] with the opening date given (the generator's synthetic months).
    pub fn open_vacancy_at(
        &self,
        new: &NewVacancy,
        actor: &str,
        alerts: &[NewMail],
        at: DateTime<Utc>,
    ) -> Result<Vacancy, StoreError> {
        self.write(|conn| insert(conn, new, actor, alerts, at))
    }

    /// Moves vacancy `id` to `to` now, with its event and `mail`, in one transaction; the
    /// refusal when the move is not allowed (nothing written).
    pub fn set_vacancy_status(
        &self,
        id: i64,
        to: VacancyStatus,
        actor: &str,
        mail: Option<&NewMail>,
    ) -> Result<Result<Vacancy, Refusal>, StoreError> {
        self.set_vacancy_status_at(id, to, actor, mail, crate::codec::now())
    }

    /// [`Store::set_vacancy_status`] at a given date (the generator).
    pub fn set_vacancy_status_at(
        &self,
        id: i64,
        to: VacancyStatus,
        actor: &str,
        mail: Option<&NewMail>,
        at: DateTime<Utc>,
    ) -> Result<Result<Vacancy, Refusal>, StoreError> {
        self.write(|conn| set_status(conn, id, to, actor, mail, at))
    }

    /// `agency` puts its carer forward for vacancy `id`; `mail` (to the owner) is queued with it.
    pub fn propose_for_vacancy(
        &self,
        id: i64,
        agency: AgencyId,
        carer: CarerId,
        note: &str,
        mail: Option<&NewMail>,
    ) -> Result<Result<Proposal, Refusal>, StoreError> {
        self.write(|conn| propose(conn, id, agency, carer, note, mail, crate::codec::now()))
    }

    pub fn get_vacancy(&self, id: i64) -> Result<Option<Vacancy>, StoreError> {
        self.read(|conn| load(conn, id))
    }

    pub fn vacancy_by_reference(&self, reference: &str) -> Result<Option<Vacancy>, StoreError> {
        self.read(|conn| {
            vacancies::table
                .filter(vacancies::reference.eq(reference))
                .select(VacancyRow::as_select())
                .first(conn)
                .optional()?
                .map(Vacancy::try_from)
                .transpose()
        })
    }

    /// The vacancies `agency` opened, urgent first, then the longest waiting.
    pub fn agency_vacancies(
        &self,
        agency: AgencyId,
        page: Page,
    ) -> Result<Paged<Vacancy>, StoreError> {
        self.read(|conn| {
            let total: i64 = vacancies::table
                .filter(vacancies::agency_id.eq(agency.0))
                .count()
                .get_result(conn)?;
            let rows: Vec<VacancyRow> =
                urgent_first!(vacancies::table.filter(vacancies::agency_id.eq(agency.0)))
                    .select(VacancyRow::as_select())
                    .limit(page.limit())
                    .offset(page.offset())
                    .load(conn)?;
            Ok(Paged {
                items: load_many(rows)?,
                total: u64::try_from(total).unwrap_or(0),
            })
        })
    }

    /// Up to `limit` open vacancies (every owner), urgent first, then the longest waiting.
    pub fn open_vacancies(&self, limit: u32) -> Result<Vec<Vacancy>, StoreError> {
        self.read(|conn| {
            let rows: Vec<VacancyRow> = urgent_first!(
                vacancies::table.filter(vacancies::status.eq(VacancyStatus::Open.code()))
            )
            .select(VacancyRow::as_select())
            .limit(i64::from(limit))
            .load(conn)?;
            load_many(rows)
        })
    }

    /// A vacancy's history, oldest first.
    pub fn vacancy_events(&self, id: i64) -> Result<Vec<VacancyEvent>, StoreError> {
        self.read(|conn| {
            let rows: Vec<EventRow> = vacancy_events::table
                .filter(vacancy_events::vacancy_id.eq(id))
                .order(vacancy_events::id.asc())
                .select((
                    vacancy_events::id,
                    vacancy_events::at,
                    vacancy_events::actor,
                    vacancy_events::status,
                    vacancy_events::note,
                ))
                .load(conn)?;
            rows.into_iter()
                .map(|(event_id, at, actor, status, note)| {
                    let status = status
                        .map(|code| {
                            VacancyStatus::parse(&code).ok_or_else(|| {
                                StoreError::corrupt("vacancy_events", event_id, "unknown status")
                            })
                        })
                        .transpose()?;
                    Ok(VacancyEvent {
                        at: from_naive(at),
                        actor,
                        status,
                        note,
                    })
                })
                .collect()
        })
    }

    /// The PAs put forward for a vacancy, first proposed first.
    pub fn vacancy_proposals(&self, id: i64) -> Result<Vec<Proposal>, StoreError> {
        self.read(|conn| {
            let rows: Vec<(i64, i64, i64, String, NaiveDateTime)> = vacancy_proposals::table
                .filter(vacancy_proposals::vacancy_id.eq(id))
                .order(vacancy_proposals::id.asc())
                .select((
                    vacancy_proposals::id,
                    vacancy_proposals::agency_id,
                    vacancy_proposals::carer_id,
                    vacancy_proposals::note,
                    vacancy_proposals::created_at,
                ))
                .load(conn)?;
            Ok(rows
                .into_iter()
                .map(|(pid, agency, carer, note, created_at)| Proposal {
                    id: pid,
                    vacancy_id: id,
                    agency: AgencyId(agency),
                    carer: CarerId(carer),
                    note,
                    created_at: from_naive(created_at),
                })
                .collect())
        })
    }

    /// Every agency with an e-mail address (the recipients vacancy alerts can go to).
    pub fn agencies_with_email(&self) -> Result<Vec<(AgencyId, String)>, StoreError> {
        self.read(|conn| {
            let rows: Vec<(i64, String)> = agencies::table
                .filter(agencies::email.ne(""))
                .order(agencies::id.asc())
                .select((agencies::id, agencies::email))
                .load(conn)?;
            Ok(rows.into_iter().map(|(id, e)| (AgencyId(id), e)).collect())
        })
    }

    /// The centroid of an outward code (postcode district), when the gazetteer knows it.
    pub fn outward_centroid(&self, outward: &OutwardCode) -> Result<Option<GeoPoint>, StoreError> {
        self.read(|conn| {
            let found: Option<(f64, f64)> = postcode_districts::table
                .find(outward.as_str())
                .select((postcode_districts::lat, postcode_districts::lon))
                .first(conn)
                .optional()?;
            found
                .map(|(lat, lon)| {
                    GeoPoint::new(lat, lon)
                        .map_err(|e| StoreError::corrupt("postcode_districts", outward, e))
                })
                .transpose()
        })
    }

    /// One of `agency`'s saved plans; `None` when it has no plan with that id.
    pub fn saved_plan(
        &self,
        agency: AgencyId,
        id: i64,
    ) -> Result<Option<crate::SavedPlan>, StoreError> {
        self.read(|conn| crate::plans::get(conn, agency, id))
    }

    /// Deletes every vacancy filled or withdrawn before `cutoff`, with its events, proposals
    /// and outbox rows; returns how many vacancies went. Called by the retention job
    /// (`carematch_service::retention::purge_expired`).
    pub fn purge_closed_vacancies(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let cutoff = to_naive(cutoff);
        self.write(|conn| {
            let ids: Vec<i64> = vacancies::table
                .filter(
                    vacancies::filled_at
                        .lt(cutoff)
                        .or(vacancies::withdrawn_at.lt(cutoff)),
                )
                .filter(
                    vacancies::status
                        .eq(VacancyStatus::Filled.code())
                        .or(vacancies::status.eq(VacancyStatus::Withdrawn.code())),
                )
                .select(vacancies::id)
                .load(conn)?;
            for chunk in ids.chunks(500) {
                diesel::delete(outbox_table::table.filter(outbox_table::vacancy_id.eq_any(chunk)))
                    .execute(conn)?;
                diesel::delete(
                    vacancy_proposals::table.filter(vacancy_proposals::vacancy_id.eq_any(chunk)),
                )
                .execute(conn)?;
                diesel::delete(
                    vacancy_events::table.filter(vacancy_events::vacancy_id.eq_any(chunk)),
                )
                .execute(conn)?;
                diesel::delete(vacancies::table.filter(vacancies::id.eq_any(chunk)))
                    .execute(conn)?;
            }
            Ok(ids.len())
        })
    }

    /// The outbox rows queued for vacancy `id`: recipient agency, kind and body (tests, and the
    /// console of the outbox).
    pub fn vacancy_outbox(
        &self,
        id: i64,
    ) -> Result<Vec<(Option<AgencyId>, String, String)>, StoreError> {
        self.read(|conn| {
            let rows: Vec<(Option<i64>, String, String)> = outbox_table::table
                .filter(outbox_table::vacancy_id.eq(id))
                .order(outbox_table::id.asc())
                .select((
                    outbox_table::agency_id,
                    outbox_table::kind,
                    outbox_table::body,
                ))
                .load(conn)?;
            Ok(rows
                .into_iter()
                .map(|(agency, kind, body)| (agency.map(AgencyId), kind, body))
                .collect())
        })
    }
}
