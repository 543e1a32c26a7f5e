//! What time-to-fill figures read: for each vacancy and enquiry its owner agency, its dates,
//! its needs and where it is (authority or outward code). No names, contacts or messages.

use carematch_domain::{AgencyId, GeoPoint};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::VacancyNeeds;
use crate::Store;
use crate::codec::{from_naive, to_naive};
use crate::error::StoreError;
use crate::schema::{enquiries, enquiry_events, vacancies};

/// A vacancy's dates for time-to-fill figures.
#[derive(Debug, Clone, PartialEq)]
pub struct VacancyTiming {
    pub agency: Option<AgencyId>,
    pub opened_at: DateTime<Utc>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub filled_at: Option<DateTime<Utc>>,
    pub needs: VacancyNeeds,
    pub authority_code: Option<String>,
    pub location: GeoPoint,
}

/// An enquiry's dates for time-to-fill figures. `needs` is the stored JSON as the enquiry
/// writer left it (the service reads the codes out of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryTiming {
    pub agency: AgencyId,
    pub sent_at: DateTime<Utc>,
    pub introduced_at: Option<DateTime<Utc>>,
    /// `closed_at` when the enquiry was closed with reason `filled`.
    pub filled_at: Option<DateTime<Utc>>,
    pub needs: String,
    pub outward_code: Option<String>,
    pub authority_code: Option<String>,
}

/// An enquiry written straight into the table, with its dates only and no personal data (the
/// time-to-fill tests and the synthetic month generator; real enquiries come from the
/// enquiry flow). Name, contact and message are left empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryRecord {
    pub reference: String,
    pub agency: AgencyId,
    pub needs: String,
    pub outward_code: Option<String>,
    pub authority_code: Option<String>,
    pub sent_at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// `filled`, `declined`, `no_reply`, ... (with `closed_at`).
    pub close_reason: Option<String>,
}

type VacancyTimingRow = (
    i64,
    Option<i64>,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    String,
    Option<String>,
    f64,
    f64,
);

type EnquiryTimingRow = (
    i64,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

impl Store {
    /// Every vacancy's dates (of `agency` only, when given), in id order.
    pub fn vacancy_timings(
        &self,
        agency: Option<AgencyId>,
    ) -> Result<Vec<VacancyTiming>, StoreError> {
        self.read(|conn| {
            let mut query = vacancies::table
                .select((
                    vacancies::id,
                    vacancies::agency_id,
                    vacancies::opened_at,
                    vacancies::introduced_at,
                    vacancies::filled_at,
                    vacancies::needs,
                    vacancies::authority_code,
                    vacancies::lat,
                    vacancies::lon,
                ))
                .order(vacancies::id.asc())
                .into_boxed();
            if let Some(agency) = agency {
                query = query.filter(vacancies::agency_id.eq(agency.0));
            }
            let rows: Vec<VacancyTimingRow> = query.load(conn)?;
            rows.into_iter()
                .map(
                    |(id, agency, opened, introduced, filled, needs, authority, lat, lon)| {
                        let corrupt =
                            |e: &dyn std::fmt::Display| StoreError::corrupt("vacancies", id, e);
                        Ok(VacancyTiming {
                            agency: agency.map(AgencyId),
                            opened_at: from_naive(opened),
                            introduced_at: introduced.map(from_naive),
                            filled_at: filled.map(from_naive),
                            needs: serde_json::from_str(&needs).map_err(|e| corrupt(&e))?,
                            authority_code: authority,
                            location: GeoPoint::new(lat, lon).map_err(|e| corrupt(&e))?,
                        })
                    },
                )
                .collect()
        })
    }

    /// Every enquiry's dates (of `agency` only, when given), in id order.
    pub fn enquiry_timings(
        &self,
        agency: Option<AgencyId>,
    ) -> Result<Vec<EnquiryTiming>, StoreError> {
        self.read(|conn| {
            let mut query = enquiries::table
                .select((
                    enquiries::agency_id,
                    enquiries::created_at,
                    enquiries::introduced_at,
                    enquiries::closed_at,
                    enquiries::close_reason,
                    enquiries::needs,
                    enquiries::outward_code,
                    enquiries::authority_code,
                ))
                .order(enquiries::id.asc())
                .into_boxed();
            if let Some(agency) = agency {
                query = query.filter(enquiries::agency_id.eq(agency.0));
            }
            let rows: Vec<EnquiryTimingRow> = query.load(conn)?;
            Ok(rows
                .into_iter()
                .map(
                    |(agency, sent, introduced, closed, reason, needs, outward, authority)| {
                        EnquiryTiming {
                            agency: AgencyId(agency),
                            sent_at: from_naive(sent),
                            introduced_at: introduced.map(from_naive),
                            filled_at: closed
                                .filter(|_| reason.as_deref() == Some("filled"))
                                .map(from_naive),
                            needs,
                            outward_code: outward,
                            authority_code: authority,
                        }
                    },
                )
                .collect())
        })
    }

    /// Writes enquiries with their dates and status history only (see [`EnquiryRecord`]), in
    /// one transaction; returns their ids.
    pub fn insert_enquiry_records(
        &self,
        records: &[EnquiryRecord],
    ) -> Result<Vec<i64>, StoreError> {
        self.write(|conn| {
            records
                .iter()
                .map(|record| insert_record(conn, record))
                .collect()
        })
    }
}

fn insert_record(
    conn: &mut crate::DbConnection,
    record: &EnquiryRecord,
) -> Result<i64, StoreError> {
    let status = if record.closed_at.is_some() {
        "closed"
    } else if record.introduced_at.is_some() {
        "introduced"
    } else if record.contacted_at.is_some() {
        "contacted"
    } else {
        "new"
    };
    let last = [record.closed_at, record.introduced_at, record.contacted_at]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(record.sent_at);
    let id: i64 = diesel::insert_into(enquiries::table)
        .values((
            enquiries::reference.eq(&record.reference),
            enquiries::access_hash.eq(""),
            enquiries::batch.eq(&record.reference),
            enquiries::agency_id.eq(record.agency.0),
            enquiries::name.eq(""),
            enquiries::contact_by.eq("none"),
            enquiries::items.eq("[]"),
            enquiries::message.eq(""),
            enquiries::needs.eq(&record.needs),
            enquiries::outward_code.eq(&record.outward_code),
            enquiries::authority_code.eq(&record.authority_code),
            enquiries::locale.eq("en"),
            enquiries::dedupe_key.eq(&record.reference),
            enquiries::status.eq(status),
            enquiries::close_reason.eq(&record.close_reason),
            enquiries::consent_at.eq(to_naive(record.sent_at)),
            enquiries::created_at.eq(to_naive(record.sent_at)),
            enquiries::updated_at.eq(to_naive(last)),
            enquiries::contacted_at.eq(record.contacted_at.map(to_naive)),
            enquiries::introduced_at.eq(record.introduced_at.map(to_naive)),
            enquiries::closed_at.eq(record.closed_at.map(to_naive)),
        ))
        .returning(enquiries::id)
        .get_result(conn)?;
    let steps = [
        (Some(record.sent_at), "new"),
        (record.contacted_at, "contacted"),
        (record.introduced_at, "introduced"),
        (record.closed_at, "closed"),
    ];
    for (at, step) in steps {
        let Some(at) = at else { continue };
        diesel::insert_into(enquiry_events::table)
            .values((
                enquiry_events::enquiry_id.eq(id),
                enquiry_events::at.eq(to_naive(at)),
                enquiry_events::actor.eq("generator"),
                enquiry_events::status.eq(step),
                enquiry_events::close_reason
                    .eq(record.close_reason.as_deref().filter(|_| step == "closed")),
            ))
            .execute(conn)?;
    }
    Ok(id)
}
