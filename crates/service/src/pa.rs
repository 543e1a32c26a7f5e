//! PA self-registration, vouched for by an agency (docs/listings.md, "PA self-registration").
//!
//! - A PA registers with no key: their record is stored `pending`, held by the agency they
//!   chose, with a `pa` key carrying their e-mail, and a confirm link goes to that e-mail. The
//!   same e-mail registering again stores nothing (a new confirm link goes out while the first
//!   is unconfirmed); a filled honeypot stores and sends nothing. Every case answers the same,
//!   so the form tells nobody whether an address is registered.
//! - Following the confirm link confirms the e-mail and, in the same transaction, tells the
//!   agency (an unconfirmed registration never reaches it).
//! - Until the agency approves, only that agency (and admins) see the record
//!   ([`carematch_domain::Carer::is_public`], [`Caller::holds`]). The agency records the checks
//!   it made and approves or rejects; the PA is told in the same transaction.
//! - A signed-in PA keeps their operational facts current themselves (availability, hours a
//!   week, taking new clients; "all still true"): the agency vouched for the person, and these
//!   facts change weekly, so waiting for a moderator would make them wrong. Everything else
//!   they change on an approved record goes to the moderation queue as an `edit_carer`
//!   submission; a pending record (nothing public yet) they edit directly.

use carematch_domain::moderation::{SubmissionKind, SubmissionStatus};
use carematch_domain::{
    AgencyId, Caller, Carer, CarerDetails, CarerId, Check, FieldError, Slot, ValidationErrors,
    Vetting, contact::check_email,
};
use carematch_store::{
    ApiKeyRecord, LinkPurpose, MailKind, NewMail, NewPaRegistration, NewSubmission, PaConfirmation,
    Page, StoreError, Submission, SubmissionFilter,
};

use crate::accounts::LinkMail;
use crate::tokens::{hash_token, new_token};
use crate::{CareService, ServiceError, today};

/// The path of a PA's link on the site.
pub fn pa_link_path(purpose: LinkPurpose, token: &str) -> String {
    match purpose {
        LinkPurpose::Confirm => format!("/pa/confirm/{token}"),
        LinkPurpose::SignIn => format!("/pa/sign-in/{token}"),
    }
}

/// A PA's registration as they sent it (the form or `POST /v1/pa/registrations`).
#[derive(Debug, Clone, PartialEq)]
pub struct PaRegistration {
    pub agency: AgencyId,
    pub email: String,
    pub details: CarerDetails,
    /// The honeypot was filled: answer as if accepted, store and send nothing.
    pub robot: bool,
    /// The confirm link's mail, in the PA's language (`{link}` in the body).
    pub confirm_mail: LinkMail,
}

/// What a registration did. Callers answer every case alike (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaRegistered {
    /// Stored, and a confirm link sent.
    New(CarerId),
    /// The e-mail was registered already; a new confirm link went out if it is unconfirmed.
    Duplicate,
    /// The honeypot was filled; nothing happened.
    Ignored,
}

/// The vetting decision of an agency.
#[derive(Debug, Clone, PartialEq)]
pub struct VettingDecision {
    pub approve: bool,
    /// Required to reject (the PA is told it); optional to approve.
    pub reason: String,
    /// The checks the agency verified (DBS, right to work ...), added to the record's checks.
    pub checks: Vec<Check>,
}

/// The operational facts a PA keeps current themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationalUpdate {
    pub availability: Vec<Slot>,
    pub hours_per_week: u8,
    pub accepting_new_clients: bool,
}

/// What a PA's own edit did.
#[derive(Debug, Clone, PartialEq)]
pub enum PaEdit {
    /// Applied at once (a pending record).
    Applied(Box<Carer>),
    /// Waits for moderation (an approved record).
    Submitted(Box<Submission>),
}

/// Normalises an e-mail for storage and comparison.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks a registration's own rules beyond [`CarerDetails::validate`], with `prefix` before
/// the details' field names (`carer.` in the API): the agency enters checks, not the PA.
pub fn validate_registration(
    email: &str,
    details: &CarerDetails,
    prefix: &str,
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    check_email("email", email.trim(), &mut errors);
    if let Err(found) = details.validate() {
        for mut error in found.0 {
            error.field = format!("{prefix}{}", error.field);
            errors.0.push(error);
        }
    }
    if !details.checks.is_empty() {
        errors.push(
            format!("{prefix}checks"),
            "not_allowed",
            "your agency records your checks when it approves you",
        );
    }
    errors.into_result()
}

fn own_record(caller: Caller, id: CarerId) -> Result<(), ServiceError> {
    match caller {
        Caller::Pa { carer, .. } if carer == id => Ok(()),
        _ => Err(ServiceError::Forbidden),
    }
}

fn vetting_mail_to_agency(agency_email: &str, agency: AgencyId, carer: &Carer) -> NewMail {
    NewMail {
        kind: MailKind::Vetting,
        agency: Some(agency),
        enquiry: None,
        vacancy: None,
        recipient: agency_email.to_owned(),
        subject: format!("A PA asks you to vouch for them (PA {})", carer.id),
        body: format!(
            "{} registered on carematch and chose your agency to vouch for them.\n\n\
             Please check their DBS and right to work, then approve or reject them in your \
             console (\"Waiting for your checks\") or with POST /v1/carers/{}/vetting.\n\n\
             They are not public until you approve them.",
            carer.details.given_name, carer.id
        ),
    }
}

impl CareService {
    /// Registers a PA (see the module documentation).
    pub fn register_pa(&self, registration: &PaRegistration) -> Result<PaRegistered, ServiceError> {
        let email = normalise_email(&registration.email);
        validate_registration(&email, &registration.details, "")?;
        let directory = self.agency_directory()?;
        if directory.contact(registration.agency).is_none() {
            return Err(ServiceError::Validation(vec![FieldError {
                field: "agency_id".into(),
                code: "unknown_code",
                reason: format!("there is no agency {}", registration.agency),
            }]));
        }
        let location = self.locate(&registration.details.postcode, "postcode")?;
        if registration.robot {
            return Ok(PaRegistered::Ignored);
        }
        if let Some(key) = self.store.find_pa_key_by_email(&email)? {
            if !self.store.email_confirmed(key.id)? {
                self.send_pa_confirm(&key, registration)?;
            }
            return Ok(PaRegistered::Duplicate);
        }
        let mut details = registration.details.clone();
        // The agency's own reference and the confirmation date are not the PA's to set.
        details.external_ref = None;
        details.last_confirmed_on = today();
        let (carer, key) = self.store.register_pa(&NewPaRegistration {
            agency: registration.agency,
            details,
            location,
            // A random secret nobody is shown: the PA signs in by e-mailed links only.
            key_hash: hash_token(&new_token()?),
            email,
        })?;
        self.send_pa_confirm(&key, registration)?;
        self.committed(());
        Ok(PaRegistered::New(carer.id))
    }

    fn send_pa_confirm(
        &self,
        key: &ApiKeyRecord,
        registration: &PaRegistration,
    ) -> Result<String, ServiceError> {
        self.send_link_to(
            key,
            LinkPurpose::Confirm,
            registration.confirm_mail.clone(),
            |t| pa_link_path(LinkPurpose::Confirm, t),
        )
    }

    /// Follows a PA's confirm link: confirms the e-mail and (the first time) tells the agency.
    /// Returns the key to sign in; `NotFound` for any bad link.
    pub fn confirm_pa(&self, token: &str) -> Result<ApiKeyRecord, ServiceError> {
        let directory = self.agency_directory()?;
        let confirmed =
            self.store
                .confirm_pa_email(&hash_token(token), chrono::Utc::now(), |_, carer| {
                    let email = directory.contact(carer.agency_id)?.email.as_deref()?;
                    Some(vetting_mail_to_agency(email, carer.agency_id, carer))
                })?;
        match confirmed {
            PaConfirmation::Confirmed { key, .. } => Ok(key),
            PaConfirmation::Invalid => Err(ServiceError::NotFound {
                what: "link",
                id: "(hidden)".to_owned(),
            }),
        }
    }

    /// Sends a sign-in link to a PA whose e-mail is confirmed; any other address is answered
    /// alike by the caller (nothing is sent).
    pub fn send_pa_sign_in(&self, email: &str, mail: LinkMail) -> Result<(), ServiceError> {
        let email = normalise_email(email);
        if let Some(key) = self.store.find_pa_key_by_email(&email)?
            && self.store.email_confirmed(key.id)?
        {
            self.send_link_to(&key, LinkPurpose::SignIn, mail, |t| {
                pa_link_path(LinkPurpose::SignIn, t)
            })?;
        }
        Ok(())
    }

    /// Follows a PA's sign-in link: the PA key, or `NotFound`.
    pub fn redeem_pa_sign_in(&self, token: &str) -> Result<ApiKeyRecord, ServiceError> {
        let key = self.redeem_link(token, LinkPurpose::SignIn)?;
        if matches!(key.caller(), Some(Caller::Pa { .. })) {
            Ok(key)
        } else {
            Err(ServiceError::NotFound {
                what: "link",
                id: "(hidden)".to_owned(),
            })
        }
    }

    /// The confirmed PAs waiting for `agency`'s checks (an agency its own; an admin names one).
    pub fn pending_pas(
        &self,
        caller: Caller,
        agency: AgencyId,
    ) -> Result<Vec<Carer>, ServiceError> {
        if !caller.holds(agency) {
            return Err(ServiceError::Forbidden);
        }
        Ok(self.store.registered_pas(agency, Vetting::Pending)?)
    }

    /// An agency's (or an admin's) vetting decision on a pending PA it holds.
    pub fn decide_vetting(
        &self,
        caller: Caller,
        id: CarerId,
        decision: &VettingDecision,
    ) -> Result<Carer, ServiceError> {
        let carer = self.own_carer(caller, id)?;
        let mut errors = ValidationErrors::default();
        errors.text("reason", &decision.reason, !decision.approve, 1000);
        carematch_domain::checks::validate_checks("checks", &decision.checks, &mut errors);
        errors.into_result()?;
        let key = self.store.pa_key_for_carer(id)?;
        let mail = key.and_then(|key| key.email).map(|recipient| {
            let (subject, outcome) = if decision.approve {
                (
                    "Your agency approved you on carematch",
                    "approved you. Your profile is now public if you agreed to a public listing.",
                )
            } else {
                (
                    "Your agency did not approve you on carematch",
                    "did not approve you. Your profile stays private.",
                )
            };
            let agency = self
                .agency_directory_fresh()
                .and_then(|d| d.contact(carer.agency_id).map(|c| c.name.clone()))
                .unwrap_or_else(|| format!("agency {}", carer.agency_id));
            let reason = if decision.reason.trim().is_empty() {
                String::new()
            } else {
                format!("\n\nTheir reason: {}", decision.reason.trim())
            };
            NewMail {
                kind: MailKind::Vetting,
                agency: Some(carer.agency_id),
                enquiry: None,
                vacancy: None,
                recipient,
                subject: subject.to_owned(),
                body: format!("{agency} {outcome}{reason}"),
            }
        });
        let vetting = if decision.approve {
            Vetting::Approved
        } else {
            Vetting::Rejected
        };
        let carer = self.store.decide_vetting(
            id,
            vetting,
            &decision.checks,
            mail.as_ref(),
            &caller.actor(),
        )?;
        Ok(self.committed(carer))
    }

    /// A signed-in PA's own record.
    pub fn pa_own(&self, caller: Caller, id: CarerId) -> Result<Carer, ServiceError> {
        own_record(caller, id)?;
        self.carer(id)
    }

    /// A PA keeps their availability, hours and "taking new clients" current: applied at once.
    pub fn pa_update_operational(
        &self,
        caller: Caller,
        id: CarerId,
        update: &OperationalUpdate,
        expected: Option<i64>,
    ) -> Result<Carer, ServiceError> {
        own_record(caller, id)?;
        let carer = self.carer(id)?;
        let mut details = carer.details;
        details.availability.clone_from(&update.availability);
        details.hours_per_week = update.hours_per_week;
        details.accepting_new_clients = update.accepting_new_clients;
        details.accepting_confirmed_on = Some(today());
        details.validate()?;
        let carer = self.store.update_carer(
            id,
            &details,
            carer.location,
            Some(expected.unwrap_or(carer.version)),
            &caller.actor(),
        )?;
        Ok(self.committed(carer))
    }

    /// "All still true": the PA confirms their record today.
    pub fn pa_confirm_listing(&self, caller: Caller, id: CarerId) -> Result<Carer, ServiceError> {
        own_record(caller, id)?;
        let carer = self.store.confirm_carer(id, today(), &caller.actor())?;
        Ok(self.committed(carer))
    }

    /// A PA's edit of their whole record: applied at once while pending, a moderation
    /// submission once approved; a rejected record cannot be edited (409). What the agency
    /// keeps (checks, its reference, the confirmation date) is kept as stored.
    pub fn pa_edit(
        &self,
        caller: Caller,
        id: CarerId,
        details: &CarerDetails,
        note: &str,
    ) -> Result<PaEdit, ServiceError> {
        own_record(caller, id)?;
        let carer = self.carer(id)?;
        let mut details = details.clone();
        details.checks.clone_from(&carer.details.checks);
        details.external_ref.clone_from(&carer.details.external_ref);
        details.last_confirmed_on = carer.details.last_confirmed_on;
        details.validate()?;
        let location = self.locate(&details.postcode, "postcode")?;
        match carer.listing.vetting {
            Vetting::Pending => {
                let carer = self.store.update_carer(
                    id,
                    &details,
                    location,
                    Some(carer.version),
                    &caller.actor(),
                )?;
                Ok(PaEdit::Applied(Box::new(self.committed(carer))))
            }
            Vetting::Rejected => Err(StoreError::Conflict {
                reason: "your agency did not approve this registration".into(),
            }
            .into()),
            Vetting::Approved => {
                let key = self.store.pa_key_for_carer(id)?.ok_or_else(|| {
                    ServiceError::Internal(format!("PA {id} signed in without a key"))
                })?;
                let payload = serde_json::to_string(&details)
                    .map_err(|e| ServiceError::Internal(format!("carer details as JSON: {e}")))?;
                let submission = self.store.submit_with(
                    &NewSubmission {
                        kind: SubmissionKind::EditCarer,
                        organisation_id: None,
                        carer_id: Some(id),
                        provider_id: None,
                        submitted_by: key.id,
                        payload,
                        note: note.to_owned(),
                    },
                    |_, _| Ok(()),
                )?;
                Ok(PaEdit::Submitted(Box::new(submission)))
            }
        }
    }

    /// The PA's own edits in the moderation queue, oldest first (up to 100).
    pub fn pa_submissions(
        &self,
        caller: Caller,
        id: CarerId,
        status: Option<SubmissionStatus>,
    ) -> Result<Vec<Submission>, ServiceError> {
        own_record(caller, id)?;
        let filter = SubmissionFilter {
            status,
            carer: Some(id),
            ..SubmissionFilter::default()
        };
        Ok(self
            .store
            .list_submissions(&filter, Page::new(1, 100))?
            .items)
    }
}
