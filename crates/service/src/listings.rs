//! Listings that organisations keep themselves (issue 18, docs/listings.md): organisation
//! accounts (registered with a contact e-mail, confirmed by an e-mailed link, signed in by
//! links), their submissions (propose a provider, claim one, edit one they manage; a PA's
//! edit of their own profile), and moderators' decisions. Nothing submitted is a record until
//! a moderator approves it: approval writes the record, stores the decision and queues the
//! submitter's mail in one transaction (`Store::approve_submission`).

pub mod mail;

use carematch_domain::contact::{check_email, check_website};
use carematch_domain::enquiry::InterfaceLocale;
use carematch_domain::{
    Caller, CarerDetails, FieldError, ProviderDetails, ProviderId, SubmissionId, SubmissionKind,
    SubmissionStatus, ValidationErrors,
};
use carematch_store::moderation::Approval;
use carematch_store::organisations::{NewOrganisation, Organisation, Registered};
use carematch_store::{
    ApiKeyRecord, LinkPurpose, NewSubmission, Page, Paged, StoreError, Submission, SubmissionFilter,
};
use chrono::{TimeDelta, Utc};

use crate::records::manages;
use crate::tokens::{hash_token, new_token};
use crate::{CareService, ServiceError};

/// Registering again, or asking for another sign-in link, within this long of the last link
/// sends nothing: the mail already sent still works, and nobody can mail-bomb an address.
pub const LINK_QUIET_MINUTES: i64 = 2;

/// Longest note to the moderator, and longest reason of a decision.
pub const NOTE_MAX: usize = 2000;

/// An organisation's registration (`POST /v1/organisations`, the web form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub locale: InterfaceLocale,
}

impl Registration {
    /// Every bad field at once.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("name", &self.name, true, 200);
        errors.text("email", &self.email, true, 254);
        if !self.email.trim().is_empty() {
            check_email("email", self.email.trim(), &mut errors);
        }
        errors.text("phone", &self.phone, false, 40);
        if !self.website.trim().is_empty() {
            check_website("website", self.website.trim(), &mut errors);
        }
        errors.into_result()
    }
}

/// What a caller submits.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionRequest {
    pub kind: SubmissionKind,
    /// The listing claimed or edited.
    pub provider_id: Option<ProviderId>,
    /// A provider's details (propose, edit_provider) or a carer's (edit_carer), as JSON.
    pub payload: Option<serde_json::Value>,
    pub note: String,
}

/// A moderator's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Approve,
    Reject,
}

fn invalid(field: &str, code: &'static str, reason: &str) -> ServiceError {
    ServiceError::Validation(vec![FieldError {
        field: field.into(),
        code,
        reason: reason.into(),
    }])
}

fn not_found(id: SubmissionId) -> ServiceError {
    ServiceError::NotFound {
        what: "submission",
        id: id.0.to_string(),
    }
}

fn locale_of(organisation: Option<&Organisation>) -> InterfaceLocale {
    organisation
        .and_then(|o| InterfaceLocale::parse(&o.locale))
        .unwrap_or_default()
}

/// Decodes and validates a provider payload (every bad field named under `payload.`).
fn provider_payload(payload: Option<&serde_json::Value>) -> Result<ProviderDetails, ServiceError> {
    let value = payload.ok_or_else(|| invalid("payload", "required", "the provider's details"))?;
    let details: ProviderDetails = serde_json::from_value(value.clone())
        .map_err(|e| invalid("payload", "invalid_format", &e.to_string()))?;
    details.validate().map_err(prefixed)?;
    Ok(details)
}

fn carer_payload(payload: Option<&serde_json::Value>) -> Result<CarerDetails, ServiceError> {
    let value = payload.ok_or_else(|| invalid("payload", "required", "the carer's details"))?;
    let details: CarerDetails = serde_json::from_value(value.clone())
        .map_err(|e| invalid("payload", "invalid_format", &e.to_string()))?;
    details.validate().map_err(prefixed)?;
    Ok(details)
}

fn prefixed(errors: ValidationErrors) -> ServiceError {
    ServiceError::Validation(
        errors
            .0
            .into_iter()
            .map(|e| FieldError {
                field: format!("payload.{}", e.field),
                ..e
            })
            .collect(),
    )
}

/// The top-level fields whose values differ between `current` and `proposed` (the moderator
/// sees which facts an edit changes).
pub fn changed_fields(current: &serde_json::Value, proposed: &serde_json::Value) -> Vec<String> {
    let (Some(current), Some(proposed)) = (current.as_object(), proposed.as_object()) else {
        return Vec::new();
    };
    let mut fields: Vec<String> = proposed
        .iter()
        .filter(|(k, v)| current.get(*k).unwrap_or(&serde_json::Value::Null) != *v)
        .map(|(k, _)| k.clone())
        .collect();
    fields.extend(
        current
            .keys()
            .filter(|k| !proposed.contains_key(*k) && !current[*k].is_null())
            .cloned(),
    );
    fields.sort();
    fields
}

impl CareService {
    /// Registers an organisation and mails it a link to confirm its e-mail. An e-mail already
    /// registered gets a sign-in link instead (a confirm link while unconfirmed), and the caller
    /// answers exactly as for a new account, so nobody learns whether an address is registered.
    pub fn register_organisation(&self, registration: &Registration) -> Result<(), ServiceError> {
        registration.validate()?;
        let new = NewOrganisation {
            name: registration.name.trim().to_owned(),
            email: registration.email.trim().to_lowercase(),
            phone: registration.phone.trim().to_owned(),
            website: registration.website.trim().to_owned(),
            locale: registration.locale.tag().to_owned(),
        };
        // The account key signs in by links and sessions only: nobody is ever shown it.
        let key_hash = hash_token(&new_token()?);
        match self.store.register_organisation(&new, &key_hash)? {
            Registered::New(organisation, key) => {
                self.send_account_link(&organisation, &key, LinkPurpose::Confirm)
            }
            Registered::Existing(organisation, key) => self.remind(&organisation, &key),
        }
    }

    /// A link to an existing account: sign in when confirmed, else confirm; nothing when a
    /// link went out within [`LINK_QUIET_MINUTES`].
    fn remind(&self, organisation: &Organisation, key: &ApiKeyRecord) -> Result<(), ServiceError> {
        if let Some(last) = self.store.last_link_made(key.id)?
            && Utc::now() - last < TimeDelta::minutes(LINK_QUIET_MINUTES)
        {
            return Ok(());
        }
        let purpose = if organisation.confirmed() {
            LinkPurpose::SignIn
        } else {
            LinkPurpose::Confirm
        };
        self.send_account_link(organisation, key, purpose)
    }

    fn send_account_link(
        &self,
        organisation: &Organisation,
        key: &ApiKeyRecord,
        purpose: LinkPurpose,
    ) -> Result<(), ServiceError> {
        let mail = mail::link_mail(locale_of(Some(organisation)), purpose, &organisation.name);
        self.send_link(key, purpose, mail)?;
        Ok(())
    }

    /// "E-mail me a sign-in link": an organisation's or a moderator's address gets a link; any
    /// other address nothing, with the same answer.
    pub fn request_sign_in(
        &self,
        email: &str,
        locale: InterfaceLocale,
    ) -> Result<(), ServiceError> {
        let email = email.trim().to_lowercase();
        let mut errors = ValidationErrors::default();
        check_email("email", &email, &mut errors);
        errors.into_result()?;
        if let Some((organisation, key)) = self.store.organisation_by_email(&email)? {
            return self.remind(&organisation, &key);
        }
        if let Some(key) = self.store.moderator_key_by_email(&email)? {
            if let Some(last) = self.store.last_link_made(key.id)?
                && Utc::now() - last < TimeDelta::minutes(LINK_QUIET_MINUTES)
            {
                return Ok(());
            }
            let mail = mail::link_mail(locale, LinkPurpose::SignIn, &key.label);
            self.send_link(&key, LinkPurpose::SignIn, mail)?;
        }
        Ok(())
    }

    /// Follows an e-mailed link: the key it signs in. A confirm link also confirms the
    /// organisation's e-mail.
    pub fn follow_link(
        &self,
        token: &str,
        purpose: LinkPurpose,
    ) -> Result<ApiKeyRecord, ServiceError> {
        let key = self.redeem_link(token, purpose)?;
        if let Some(organisation) = key.organisation_id {
            self.store.confirm_organisation_email(organisation)?;
        }
        Ok(key)
    }

    pub fn organisation(
        &self,
        id: carematch_domain::OrganisationId,
    ) -> Result<Organisation, ServiceError> {
        self.store
            .get_organisation(id)?
            .ok_or_else(|| ServiceError::NotFound {
                what: "organisation",
                id: id.0.to_string(),
            })
    }

    /// Queues a submission from `caller` (signed in with key `key_id`) and tells moderators.
    /// Organisations (confirmed) propose, claim and edit their own providers; PAs edit their
    /// own profile; nobody else submits (403).
    pub fn submit(
        &self,
        caller: Caller,
        key_id: i64,
        request: &SubmissionRequest,
    ) -> Result<Submission, ServiceError> {
        let mut errors = ValidationErrors::default();
        errors.text("note", &request.note, false, NOTE_MAX);
        errors.into_result()?;
        let (organisation, carer) = match caller {
            Caller::Organisation(own) => {
                if request.kind == SubmissionKind::EditCarer {
                    return Err(ServiceError::Forbidden);
                }
                if !self.organisation(own)?.confirmed() {
                    return Err(invalid(
                        "account",
                        "email_unconfirmed",
                        "follow the link e-mailed to the organisation first",
                    ));
                }
                (Some(own), None)
            }
            Caller::Pa { carer, .. } if request.kind == SubmissionKind::EditCarer => {
                (None, Some(carer))
            }
            _ => return Err(ServiceError::Forbidden),
        };
        let payload = match request.kind {
            SubmissionKind::ProposeProvider => {
                let details = provider_payload(request.payload.as_ref())?;
                self.locate(&details.postcode, "payload.postcode")?;
                Some(serde_json::to_string(&details))
            }
            SubmissionKind::ClaimProvider => {
                let provider = self.target_provider(request.provider_id)?;
                if provider.organisation_id.is_some() && manages(caller, &provider) {
                    return Err(invalid(
                        "provider_id",
                        "conflict",
                        "the organisation already manages this listing",
                    ));
                }
                None
            }
            SubmissionKind::EditProvider => {
                let provider = self.target_provider(request.provider_id)?;
                if !manages(caller, &provider) {
                    return Err(ServiceError::Forbidden);
                }
                let details = provider_payload(request.payload.as_ref())?;
                self.locate(&details.postcode, "payload.postcode")?;
                Some(serde_json::to_string(&details))
            }
            SubmissionKind::EditCarer => {
                let details = carer_payload(request.payload.as_ref())?;
                self.locate(&details.postcode, "payload.postcode")?;
                Some(serde_json::to_string(&details))
            }
        };
        let payload = payload
            .transpose()
            .map_err(|e| ServiceError::Internal(e.to_string()))?
            .unwrap_or_else(|| "{}".to_owned());
        let new = NewSubmission {
            kind: request.kind,
            organisation_id: organisation,
            carer_id: carer,
            provider_id: request.provider_id,
            submitted_by: key_id,
            payload,
            note: request.note.trim().to_owned(),
        };
        let recipients = self.store.moderator_emails()?;
        let mails: Vec<_> = recipients
            .into_iter()
            .map(|to| mail::moderators_mail(to, request.kind, self.site_url()))
            .collect();
        Ok(self.store.submit_and_notify(&new, &mails)?)
    }

    fn target_provider(
        &self,
        id: Option<ProviderId>,
    ) -> Result<carematch_domain::Provider, ServiceError> {
        let id = id.ok_or_else(|| invalid("provider_id", "required", "the listing concerned"))?;
        self.provider(id)
    }

    /// The submissions `caller` may see: an organisation its own, a PA their own, moderators
    /// and admins the whole queue (with `filter`).
    pub fn submissions(
        &self,
        caller: Caller,
        mut filter: SubmissionFilter,
        page: Page,
    ) -> Result<Paged<Submission>, ServiceError> {
        match caller {
            Caller::Organisation(own) => filter.organisation = Some(own),
            Caller::Pa { carer, .. } => filter.carer = Some(carer),
            Caller::Moderator | Caller::Admin => {}
            _ => return Err(ServiceError::Forbidden),
        }
        Ok(self.store.list_submissions(&filter, page)?)
    }

    /// One submission: its submitter's (another's is 404, as an unknown id), or any for
    /// moderators and admins.
    pub fn submission(&self, caller: Caller, id: SubmissionId) -> Result<Submission, ServiceError> {
        let found = self
            .store
            .get_submission(id)?
            .ok_or_else(|| not_found(id))?;
        let visible = match caller {
            Caller::Moderator | Caller::Admin => true,
            Caller::Organisation(own) => found.organisation_id == Some(own),
            Caller::Pa { carer, .. } => found.carer_id == Some(carer),
            Caller::Anonymous | Caller::Agency(_) | Caller::Commissioner => {
                return Err(ServiceError::Forbidden);
            }
        };
        if visible {
            Ok(found)
        } else {
            Err(not_found(id))
        }
    }

    /// For an edit: the fields it changes against the current record.
    pub fn submission_changes(&self, submission: &Submission) -> Result<Vec<String>, ServiceError> {
        let proposed: serde_json::Value = serde_json::from_str(&submission.payload)
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        let current = match (submission.kind, submission.provider_id, submission.carer_id) {
            (SubmissionKind::EditProvider, Some(id), _) => {
                serde_json::to_value(&self.provider(id)?.details)
            }
            (SubmissionKind::EditCarer, _, Some(id)) => {
                serde_json::to_value(&self.carer(id)?.details)
            }
            _ => return Ok(Vec::new()),
        }
        .map_err(|e| ServiceError::Internal(e.to_string()))?;
        Ok(changed_fields(&current, &proposed))
    }

    /// A moderator's (or admin's) decision: approve applies the submission; reject needs a
    /// reason. The submitter's mail goes in the same transaction. Returns the decided
    /// submission (an approved proposal names the listing it made).
    pub fn decide(
        &self,
        caller: Caller,
        key_id: i64,
        id: SubmissionId,
        verdict: Verdict,
        reason: Option<&str>,
    ) -> Result<Submission, ServiceError> {
        if !matches!(caller, Caller::Moderator | Caller::Admin) {
            return Err(ServiceError::Forbidden);
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let mut errors = ValidationErrors::default();
        if verdict == Verdict::Reject && reason.is_none() {
            errors.push("reason", "required", "a rejection needs a reason");
        }
        errors.text("reason", reason.unwrap_or_default(), false, NOTE_MAX);
        errors.into_result()?;
        let submission = self
            .store
            .get_submission(id)?
            .ok_or_else(|| not_found(id))?;
        if submission.status != SubmissionStatus::Pending {
            return Err(StoreError::Conflict {
                reason: format!("submission {id} is already {}", submission.status.code()),
            }
            .into());
        }
        let submitter = self.store.get_api_key(submission.submitted_by)?;
        let organisation = match submission.organisation_id {
            Some(o) => self.store.get_organisation(o)?,
            None => None,
        };
        let recipient = submitter
            .and_then(|k| k.email)
            .or_else(|| organisation.as_ref().map(|o| o.email.clone()))
            .ok_or_else(|| ServiceError::Internal(format!("submission {id} has nobody to tell")))?;
        let locale = locale_of(organisation.as_ref());
        let decided = match verdict {
            Verdict::Approve => {
                let approval = self.approval(&submission)?;
                let mail = mail::decision_mail(locale, recipient, &submission, None);
                self.store
                    .approve_submission(id, key_id, &approval, &mail)?
            }
            Verdict::Reject => {
                let reason = reason.unwrap_or_default();
                let mail = mail::decision_mail(locale, recipient, &submission, Some(reason));
                self.store.reject_submission(id, reason, key_id, &mail)?
            }
        };
        Ok(self.committed(decided))
    }

    /// What approving `submission` writes; its payload is checked again (a postcode may have
    /// left the gazetteer since).
    fn approval(&self, submission: &Submission) -> Result<Approval, ServiceError> {
        let payload: Option<serde_json::Value> = match submission.kind {
            SubmissionKind::ClaimProvider => None,
            _ => Some(
                serde_json::from_str(&submission.payload)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?,
            ),
        };
        Ok(match submission.kind {
            SubmissionKind::ProposeProvider | SubmissionKind::EditProvider => {
                let details = provider_payload(payload.as_ref())?;
                let location = self.locate(&details.postcode, "payload.postcode")?;
                let details = Box::new(details);
                if submission.kind == SubmissionKind::ProposeProvider {
                    Approval::ProposeProvider { details, location }
                } else {
                    Approval::EditProvider { details, location }
                }
            }
            SubmissionKind::ClaimProvider => Approval::ClaimProvider,
            SubmissionKind::EditCarer => {
                let details = carer_payload(payload.as_ref())?;
                let location = self.locate(&details.postcode, "payload.postcode")?;
                Approval::EditCarer {
                    details: Box::new(details),
                    location,
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_fields_name_only_what_differs() {
        let current = serde_json::json!({"name": "A", "postcode": "LE1 1AA", "phone": null});
        let proposed = serde_json::json!({"name": "B", "postcode": "LE1 1AA"});
        assert_eq!(changed_fields(&current, &proposed), vec!["name".to_owned()]);
    }

    #[test]
    fn a_registration_lists_every_bad_field() {
        let bad = Registration {
            name: String::new(),
            email: "not-an-address".into(),
            phone: String::new(),
            website: "ftp://x".into(),
            locale: InterfaceLocale::Bn,
        };
        let fields: Vec<String> = bad
            .validate()
            .expect_err("invalid")
            .fields()
            .map(str::to_owned)
            .collect();
        assert_eq!(fields, ["name", "email", "website"]);
    }
}
