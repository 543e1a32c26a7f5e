//! "Something wrong here?": problem reports from the public about public listings, and their
//! handling by whoever manages the listing, moderators and admins (docs/listings.md, "Report a
//! problem").
//!
//! - **Reporting** ([`CareService::report_problem`]) needs no account. Only a public listing
//!   can be reported: any other id (unknown, deleted, not consenting, not vetted, stale) is
//!   "not found", exactly as an unknown one, so nothing about it is revealed. The managing
//!   agency or organisation is copied onto the report, and the mails (to that manager's e-mail
//!   and to every moderator) are queued in the same transaction. The same listing, kind and
//!   message (normalised) within 24 hours return the first reference and queue nothing; a filled
//!   honeypot is answered as if accepted and nothing is stored.
//! - **Safeguarding** reports are flagged: their mails' subjects start with
//!   [`SAFEGUARDING_PREFIX`], which the outbox sender takes ahead of every other mail, and
//!   they head every list of reports while open or acknowledged.
//! - **Handling**: an agency sees and changes the reports on its own records, an organisation
//!   those on its own listings, moderators and admins all of them; nobody else any
//!   ([`ServiceError::Forbidden`]).
//!
//! The mails name the listing by its public label (a PA's first name and initial, a service's
//! name) and id, never a PA's address or location. Nothing here logs the report's text or
//! contact.

use carematch_domain::report::{
    ReportEntity, ReportKind, ReportRequest, ReportStatus, ReportStatusBody,
};
use carematch_domain::{AgencyId, Caller, CarerId, FieldError, OrganisationId, ProviderId};
use carematch_store::outbox::SAFEGUARDING_PREFIX;
use carematch_store::reports::{
    NewReport, ProblemReport, ReportFilter, ReportOutcome, ReportScope,
};
use carematch_store::{MailKind, NewMail, Page, Paged};
use chrono::{DateTime, SubsecRound, Utc};

use crate::enquiries::{new_reference, normalise_reference};
use crate::tokens::hash_token;
use crate::{CareService, ServiceError};

/// What the person gets back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportReceipt {
    pub reference: String,
    /// The same report was made within 24 hours: its reference, nothing new stored or sent.
    pub duplicate: bool,
}

/// The listing a report is about, as the public sees it.
struct Subject {
    /// `Mei L. (PA 12)`, `Chai Club (service 4)`: the public label, never an address.
    label: String,
    agency: Option<AgencyId>,
    organisation: Option<OrganisationId>,
}

fn not_found(what: &'static str, id: impl ToString) -> ServiceError {
    ServiceError::NotFound {
        what,
        id: id.to_string(),
    }
}

/// Whose reports `caller` may see and handle.
pub fn scope_of(caller: Caller) -> Result<ReportScope, ServiceError> {
    match caller {
        Caller::Admin | Caller::Moderator => Ok(ReportScope::All),
        Caller::Agency(own) => Ok(ReportScope::Agency(own)),
        Caller::Organisation(own) => Ok(ReportScope::Organisation(own)),
        Caller::Anonymous | Caller::Commissioner | Caller::Pa { .. } => {
            Err(ServiceError::Forbidden)
        }
    }
}

/// The duplicate key: a hash of the listing, the kind and the message with case and runs of
/// white space ignored (a resubmitted form differs in nothing that matters).
pub fn fingerprint(request: &ReportRequest) -> String {
    let message = request
        .message
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    hash_token(&format!(
        "v1\n{}\n{}\n{}\n{message}",
        request.entity.code(),
        request.id,
        request.kind.code()
    ))
}

/// How a kind reads in the (English) mails to handlers.
pub fn kind_label_en(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Closed => "closed",
        ReportKind::Moved => "moved",
        ReportKind::WrongLanguage => "wrong language",
        ReportKind::NotTakingClients => "not taking clients",
        ReportKind::Safeguarding => "safeguarding concern",
        ReportKind::Other => "something else",
    }
}

/// The mail about `report` to one handler. `to_moderator` adds the moderators' own line; a
/// safeguarding report's subject is flagged for every recipient.
fn report_mail(
    reference: &str,
    request: &ReportRequest,
    subject: &Subject,
    recipient: String,
    agency: Option<AgencyId>,
    console: &str,
) -> NewMail {
    let flag = if request.kind == ReportKind::Safeguarding {
        format!("{SAFEGUARDING_PREFIX} ")
    } else {
        String::new()
    };
    let mut body = format!(
        "A member of the public reported a problem with a listing on carematch.\n\n\
         Reference: {reference}\nListing: {}\nWhat is wrong: {}\n",
        subject.label,
        kind_label_en(request.kind)
    );
    if !request.message.is_empty() {
        body.push_str(&format!("Message:\n{}\n", request.message));
    }
    match &request.contact {
        Some(contact) => body.push_str(&format!("They can be reached at: {contact}\n")),
        None => body.push_str("They left no contact details.\n"),
    }
    if request.kind == ReportKind::Safeguarding {
        body.push_str(
            "\nThis is a SAFEGUARDING concern: please look at it today and follow the \
             council's safeguarding procedure. If anyone may be in immediate danger, call 999.\n",
        );
    }
    body.push_str(&format!(
        "\nAcknowledge it and record what you did: {console}\n"
    ));
    NewMail {
        kind: MailKind::ProblemReport,
        agency,
        enquiry: None,
        vacancy: None,
        recipient,
        subject: format!(
            "{flag}carematch: problem reported with {} ({reference})",
            subject.label
        ),
        body,
    }
}

impl CareService {
    /// The public listing a report names; anything not public is not found.
    fn report_subject(&self, entity: ReportEntity, id: i64) -> Result<Subject, ServiceError> {
        match entity {
            ReportEntity::Carer => match self.store.get_carer(CarerId(id))? {
                Some(carer) if carer.is_public() => Ok(Subject {
                    label: format!("{} (PA {id})", carer.details.display_name()),
                    agency: Some(carer.agency_id),
                    organisation: None,
                }),
                _ => Err(not_found("carer", id)),
            },
            ReportEntity::Provider => match self.store.get_provider(ProviderId(id))? {
                Some(provider) if provider.is_public() => Ok(Subject {
                    label: format!("{} (service {id})", provider.details.name),
                    agency: provider.agency_id,
                    organisation: provider.organisation_id,
                }),
                _ => Err(not_found("provider", id)),
            },
        }
    }

    /// Stores a report and queues its mails in one transaction (see the module documentation).
    pub fn report_problem(&self, request: &ReportRequest) -> Result<ReportReceipt, ServiceError> {
        let subject = self.report_subject(request.entity, request.id)?;
        if request.robot {
            // Answered as if accepted; nothing is stored or sent.
            return Ok(ReportReceipt {
                reference: new_reference()?,
                duplicate: false,
            });
        }
        let reference = new_reference()?;
        let site = self.site_url();
        let mut mails = Vec::new();
        // The manager: an organisation manages its listings itself; otherwise the agency.
        let manager = match (subject.organisation, subject.agency) {
            (Some(org), _) => self
                .store
                .organisation_email(org)?
                .map(|email| (email, None, format!("{site}/account"))),
            (None, Some(agency)) => self
                .store
                .agency_contact(agency)?
                .and_then(|contact| contact.email)
                .map(|email| (email, Some(agency), format!("{site}/agency/reports"))),
            (None, None) => None,
        };
        let mut sent_to: Vec<String> = Vec::new();
        if let Some((email, agency, console)) = manager {
            sent_to.push(email.trim().to_lowercase());
            mails.push(report_mail(
                &reference, request, &subject, email, agency, &console,
            ));
        }
        for email in self.store.moderator_emails()? {
            if !sent_to.contains(&email) {
                let console = format!("{site}/moderation/reports");
                mails.push(report_mail(
                    &reference,
                    request,
                    &subject,
                    email.clone(),
                    None,
                    &console,
                ));
                sent_to.push(email);
            }
        }
        let new = NewReport {
            reference,
            entity: request.entity,
            entity_id: request.id,
            kind: request.kind,
            message: request.message.clone(),
            contact: request.contact.clone(),
            agency_id: subject.agency,
            organisation_id: subject.organisation,
            fingerprint: fingerprint(request),
            mails,
            at: now(),
        };
        Ok(match self.store.create_report(&new)? {
            ReportOutcome::Created(report) => ReportReceipt {
                reference: report.reference,
                duplicate: false,
            },
            ReportOutcome::Duplicate(report) => ReportReceipt {
                reference: report.reference,
                duplicate: true,
            },
        })
    }

    /// One page of the reports `caller` may see, safeguarding ones still open first.
    pub fn problem_reports(
        &self,
        caller: Caller,
        filter: ReportFilter,
        page: Page,
    ) -> Result<Paged<ProblemReport>, ServiceError> {
        let scope = scope_of(caller)?;
        Ok(self.store.list_reports(scope, filter, page)?)
    }

    /// One report `caller` may see; any other is not found.
    pub fn problem_report(
        &self,
        caller: Caller,
        reference: &str,
    ) -> Result<ProblemReport, ServiceError> {
        let scope = scope_of(caller)?;
        let reference = normalise_reference(reference);
        self.store
            .get_report(scope, &reference)?
            .ok_or_else(|| not_found("report", &reference))
    }

    /// Moves a report on (`open -> acknowledged -> resolved | dismissed`). A move its status
    /// does not allow is a validation error on `status` (`invalid_transition`), as enquiries'.
    pub fn set_report_status(
        &self,
        caller: Caller,
        reference: &str,
        body: &ReportStatusBody,
    ) -> Result<ProblemReport, ServiceError> {
        let scope = scope_of(caller)?;
        body.validate()?;
        let reference = normalise_reference(reference);
        let resolution = body.resolution();
        match self.store.set_report_status(
            scope,
            &reference,
            body.status,
            resolution.as_deref(),
            now(),
        )? {
            None => Err(not_found("report", &reference)),
            Some(Ok(report)) => Ok(report),
            Some(Err(refused)) => {
                let allowed: Vec<&str> = refused.current.next().map(ReportStatus::code).collect();
                Err(ServiceError::Validation(vec![FieldError {
                    field: "status".into(),
                    code: "invalid_transition",
                    reason: if allowed.is_empty() {
                        format!("the report is {}: it cannot change", refused.current.code())
                    } else {
                        format!(
                            "the report is {}: it can move to {}",
                            refused.current.code(),
                            allowed.join(", ")
                        )
                    },
                }]))
            }
        }
    }
}

/// Now, to the microsecond (what both databases keep).
fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(message: &str) -> ReportRequest {
        ReportRequest {
            entity: ReportEntity::Provider,
            id: 4,
            kind: ReportKind::Closed,
            message: message.into(),
            contact: None,
            robot: false,
        }
    }

    #[test]
    fn the_fingerprint_ignores_case_and_spacing_but_not_the_listing_or_kind() {
        let a = fingerprint(&request("Closed  since\nMay"));
        assert_eq!(a, fingerprint(&request(" closed since may ")));
        assert_ne!(a, fingerprint(&request("closed since june")));
        let mut other = request("Closed since May");
        other.id = 5;
        assert_ne!(a, fingerprint(&other));
        other.id = 4;
        other.kind = ReportKind::Moved;
        assert_ne!(a, fingerprint(&other));
    }

    #[test]
    fn safeguarding_mails_are_flagged_and_name_no_address() {
        let mut req = request("I am worried about a client");
        req.kind = ReportKind::Safeguarding;
        let subject = Subject {
            label: "Mei L. (PA 3)".into(),
            agency: Some(AgencyId(1)),
            organisation: None,
        };
        let mail = report_mail(
            "CM-2345-6789",
            &req,
            &subject,
            "mod@example.org".into(),
            None,
            "https://x.example/moderation/reports",
        );
        assert!(
            mail.subject.starts_with(SAFEGUARDING_PREFIX),
            "{}",
            mail.subject
        );
        assert!(mail.body.contains("999") && mail.body.contains("Mei L. (PA 3)"));
        let plain = report_mail(
            "CM-2345-6789",
            &request(""),
            &subject,
            "a@example.org".into(),
            Some(AgencyId(1)),
            "https://x.example/agency/reports",
        );
        assert!(!plain.subject.contains(SAFEGUARDING_PREFIX));
    }

    #[test]
    fn only_handlers_have_a_scope() {
        assert_eq!(scope_of(Caller::Moderator).ok(), Some(ReportScope::All));
        assert_eq!(
            scope_of(Caller::Agency(AgencyId(2))).ok(),
            Some(ReportScope::Agency(AgencyId(2)))
        );
        assert!(scope_of(Caller::Commissioner).is_err());
        assert!(scope_of(Caller::Anonymous).is_err());
    }
}
