//! Enquiries from the public, and each agency's inbox.
//!
//! - **Sending** ([`CareService::send_enquiry`]): each item is resolved to the agency that
//!   holds it (a carer who is not publicly visible is "not found", as an unknown id is, so
//!   nothing is revealed; a provider goes to its managing agency, and one with none cannot take
//!   enquiries here). One enquiry per agency, all in one transaction with their mails to the
//!   agencies. The person gets the batch's reference, one per agency, and a private token for
//!   the status link; only the token's SHA-256 is stored. The same contact, items and message
//!   within 24 hours return the earlier references and queue nothing. A filled honeypot is
//!   answered as if accepted, and nothing is stored.
//! - **The person** reads the status with the token ([`CareService::enquiry_status`]) and can
//!   withdraw: everything personal is deleted and the agency told, without those details.
//! - **Agencies** list and read their own enquiries (admins every agency's) and record status
//!   changes and notes; a change the person should hear of is mailed to them in their language
//!   when they gave an e-mail. Commissioners get counts only, suppressed below 5.
//!
//! Nothing here logs personal data.

mod mail;

use std::collections::BTreeMap;

use carematch_domain::enquiry::{
    ContactBy, EnquiryEventBody, EnquiryItem, EnquiryRequest, EnquiryStatus, ItemKind,
};
use carematch_domain::{AgencyContact, AgencyId, Caller, CarerId, FieldError, ProviderId};
use carematch_store::enquiries::{
    BatchOutcome, Enquiry, EnquiryContent, EnquiryEvent, EventChange, NewBatch, NewEnquiry,
};
use carematch_store::{Page, Paged};
use chrono::{DateTime, Utc};

use crate::tokens::{hash_token, new_token, random_bytes, same};
use crate::{CareService, ServiceError};

pub use mail::{agency_mail, status_mail, withdrawn_mail};

/// Counts below this are not shown to commissioners.
pub const SUPPRESS_BELOW: u64 = 5;

/// What the person gets back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryReceipt {
    /// The batch's reference (all its enquiries).
    pub batch: String,
    /// One per agency concerned.
    pub enquiries: Vec<ReceiptLine>,
    /// The private token of the status link; `None` for a duplicate (the link sent the first
    /// time still works).
    pub token: Option<String>,
    /// The same enquiry was sent within 24 hours: nothing new was stored or queued.
    pub duplicate: bool,
}

/// One enquiry of a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptLine {
    pub reference: String,
    pub agency: AgencyId,
    pub agency_name: String,
}

/// An enquiry as its sender may see it: its status and the agency's public contact, nothing
/// the agency recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub enquiry: Enquiry,
    pub agency: AgencyContact,
}

/// Enquiry counts for commissioners; `None` where fewer than [`SUPPRESS_BELOW`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquirySummary {
    pub total: Option<u64>,
    pub by_status: Vec<(EnquiryStatus, Option<u64>)>,
    pub by_month: Vec<(String, Option<u64>)>,
}

/// What one item resolved to.
struct Resolved {
    agency: AgencyId,
    item: EnquiryItem,
    /// The public name (`Mei L.`, a provider's name), for the agency's mail.
    label: String,
}

fn suppressed(n: u64) -> Option<u64> {
    (n >= SUPPRESS_BELOW || n == 0).then_some(n)
}

/// Letters and digits that cannot be mistaken for one another when read out or copied by hand
/// (no 0/O, 1/I/L, U/V).
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// `CM-7K3Q-9XWD`: 8 characters of [`ALPHABET`] (29^8, about 5 * 10^11).
pub fn new_reference() -> Result<String, ServiceError> {
    let mut out = String::from("CM-");
    let mut produced = 0;
    while produced < 8 {
        for byte in random_bytes::<16>()? {
            // Rejection sampling keeps every character equally likely.
            let limit = 256 - 256 % ALPHABET.len();
            if usize::from(byte) < limit && produced < 8 {
                if produced == 4 {
                    out.push('-');
                }
                out.push(char::from(ALPHABET[usize::from(byte) % ALPHABET.len()]));
                produced += 1;
            }
        }
    }
    Ok(out)
}

/// A reference as people type it: upper case, spaces dropped.
pub fn normalise_reference(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The duplicate key: a hash of the contact, the items (in order of kind and id) and the
/// message, so that the plain data is never compared or indexed.
fn dedupe_key(request: &EnquiryRequest) -> String {
    let mut items = request.items.clone();
    items.sort();
    let contact = &request.contact;
    let text = format!(
        "v1\n{}\n{}\n{}\n{}\n{}\n{}",
        contact.by.code(),
        contact.phone.as_deref().unwrap_or_default(),
        contact.email.as_deref().unwrap_or_default().to_lowercase(),
        contact.callback_language.map_or("", |l| {
            use carematch_domain::vocabulary::Code;
            l.code()
        }),
        items
            .iter()
            .map(|i| format!("{}:{}", i.kind.code(), i.id))
            .collect::<Vec<_>>()
            .join(","),
        request.message,
    );
    hash_token(&text)
}

fn not_found(reference: &str) -> ServiceError {
    ServiceError::NotFound {
        what: "enquiry",
        id: reference.to_owned(),
    }
}

fn scope_of(caller: Caller) -> Result<Option<AgencyId>, ServiceError> {
    match caller {
        Caller::Agency(own) => Ok(Some(own)),
        Caller::Admin => Ok(None),
        Caller::Anonymous
        | Caller::Commissioner
        | Caller::Organisation(_)
        | Caller::Moderator
        | Caller::Pa { .. } => Err(ServiceError::Forbidden),
    }
}

fn item_error(i: usize, code: &'static str, reason: &str) -> FieldError {
    FieldError {
        field: format!("items[{i}]"),
        code,
        reason: reason.to_owned(),
    }
}

impl CareService {
    /// Resolves each item to the agency that holds it; every bad item is named.
    fn resolve_items(&self, items: &[EnquiryItem]) -> Result<Vec<Resolved>, ServiceError> {
        let mut resolved = Vec::with_capacity(items.len());
        let mut errors = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.kind {
                ItemKind::Carer => match self.store.get_carer(CarerId(item.id))? {
                    // The public views' rule: live and consenting to a public listing.
                    Some(carer) if carer.is_public() => {
                        resolved.push(Resolved {
                            agency: carer.agency_id,
                            item: *item,
                            label: format!("{} (PA {})", carer.details.display_name(), item.id),
                        });
                    }
                    _ => errors.push(item_error(i, "not_found", "there is no such carer")),
                },
                ItemKind::Provider => match self.store.get_provider(ProviderId(item.id))? {
                    Some(provider) => match provider.agency_id {
                        Some(agency) => resolved.push(Resolved {
                            agency,
                            item: *item,
                            label: format!("{} (service {})", provider.details.name, item.id),
                        }),
                        None => errors.push(item_error(
                            i,
                            "no_agency",
                            "this service takes enquiries directly: its own contact details \
                             are on its card",
                        )),
                    },
                    None => errors.push(item_error(i, "not_found", "there is no such service")),
                },
            }
        }
        if errors.is_empty() {
            Ok(resolved)
        } else {
            Err(ServiceError::Validation(errors))
        }
    }

    /// Sends an enquiry: one per agency concerned, each with its mail to the agency, in one
    /// transaction (see the module documentation).
    pub fn send_enquiry(&self, request: &EnquiryRequest) -> Result<EnquiryReceipt, ServiceError> {
        let resolved = self.resolve_items(&request.items)?;
        let mut by_agency: BTreeMap<AgencyId, Vec<Resolved>> = BTreeMap::new();
        for item in resolved {
            by_agency.entry(item.agency).or_default().push(item);
        }
        let mut agencies = Vec::with_capacity(by_agency.len());
        for agency in by_agency.keys() {
            let contact = self.store.agency_contact(*agency)?.ok_or_else(|| {
                ServiceError::Internal(format!("record held by a missing agency {agency}"))
            })?;
            agencies.push(contact);
        }
        let token = new_token()?;
        if request.robot {
            // Answered as if accepted; nothing is stored or sent.
            return Ok(EnquiryReceipt {
                batch: new_reference()?,
                enquiries: agencies
                    .iter()
                    .map(|a| {
                        Ok(ReceiptLine {
                            reference: new_reference()?,
                            agency: a.id,
                            agency_name: a.name.clone(),
                        })
                    })
                    .collect::<Result<_, ServiceError>>()?,
                token: Some(token),
                duplicate: false,
            });
        }
        let content = EnquiryContent {
            name: request.name.clone(),
            contact: request.contact.clone(),
            message: request.message.clone(),
            needs: request.needs.clone(),
            outward_code: request.outward_code.as_ref().map(|o| o.as_str().to_owned()),
            authority_code: None,
            locale: request.locale,
        };
        let mut enquiries = Vec::with_capacity(agencies.len());
        for agency in &agencies {
            let reference = new_reference()?;
            let items = &by_agency[&agency.id];
            let labels: Vec<&str> = items.iter().map(|r| r.label.as_str()).collect();
            enquiries.push(NewEnquiry {
                mail: agency_mail(agency, &reference, &labels, &content, self.site_url()),
                reference,
                agency: agency.id,
                items: items.iter().map(|r| r.item).collect(),
            });
        }
        let batch = NewBatch {
            batch: new_reference()?,
            access_hash: hash_token(&token),
            dedupe_key: dedupe_key(request),
            content,
            enquiries,
            at: now(),
        };
        let (stored, duplicate) = match self.store.create_enquiries(&batch)? {
            BatchOutcome::Created(stored) => (stored, false),
            BatchOutcome::Duplicate(stored) => (stored, true),
        };
        let name_of = |id: AgencyId| {
            agencies
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        Ok(EnquiryReceipt {
            batch: stored
                .first()
                .map_or_else(|| batch.batch.clone(), |e| e.batch.clone()),
            enquiries: stored
                .iter()
                .map(|e| ReceiptLine {
                    reference: e.reference.clone(),
                    agency: e.agency_id,
                    agency_name: name_of(e.agency_id),
                })
                .collect(),
            token: (!duplicate).then_some(token),
            duplicate,
        })
    }

    /// The enquiries under `reference` (one enquiry's, or a whole batch's) if `token` is their
    /// private token; otherwise not found, exactly as for an unknown reference.
    fn enquiries_with_token(
        &self,
        reference: &str,
        token: &str,
    ) -> Result<Vec<Enquiry>, ServiceError> {
        let reference = normalise_reference(reference);
        if reference.len() > 20 || token.len() > 128 {
            return Err(not_found(&reference));
        }
        let found = self.store.enquiries_by_reference(&reference)?;
        let hash = hash_token(token.trim());
        // Every enquiry of a batch has the same hash; each is compared in full anyway.
        let granted = !found.is_empty() && found.iter().all(|e| same(&e.access_hash, &hash));
        if granted {
            Ok(found)
        } else {
            Err(not_found(&reference))
        }
    }

    /// The person's view of their enquiry (or batch): each enquiry's status and the agency's
    /// public contact.
    pub fn enquiry_status(
        &self,
        reference: &str,
        token: &str,
    ) -> Result<Vec<StatusLine>, ServiceError> {
        let found = self.enquiries_with_token(reference, token)?;
        found
            .into_iter()
            .map(|enquiry| {
                let agency = self
                    .store
                    .agency_contact(enquiry.agency_id)?
                    .ok_or_else(|| ServiceError::Internal("enquiry of a missing agency".into()))?;
                Ok(StatusLine { enquiry, agency })
            })
            .collect()
    }

    /// The person withdraws their enquiry (or batch): it is deleted with its history and mails,
    /// and each agency is told, without the person's details. Returns how many were deleted.
    pub fn withdraw_enquiry(&self, reference: &str, token: &str) -> Result<usize, ServiceError> {
        let found = self.enquiries_with_token(reference, token)?;
        let ids: Vec<i64> = found.iter().map(|e| e.id).collect();
        let mut contacts = BTreeMap::new();
        for enquiry in &found {
            if let Some(contact) = self.store.agency_contact(enquiry.agency_id)? {
                contacts.insert(enquiry.agency_id, contact);
            }
        }
        let site = self.site_url().to_owned();
        Ok(self.store.withdraw_enquiries(&ids, now(), |enquiry| {
            contacts
                .get(&enquiry.agency_id)
                .and_then(|agency| withdrawn_mail(agency, &enquiry.reference, &site))
        })?)
    }

    /// One page of enquiries, newest first: an agency's own, every agency's for an admin;
    /// forbidden to anyone else.
    pub fn enquiries(
        &self,
        caller: Caller,
        status: Option<EnquiryStatus>,
        page: Page,
    ) -> Result<Paged<Enquiry>, ServiceError> {
        let scope = scope_of(caller)?;
        Ok(self.store.list_enquiries(scope, status, page)?)
    }

    /// One enquiry and its history (another agency's is not found).
    pub fn enquiry(
        &self,
        caller: Caller,
        id: i64,
    ) -> Result<(Enquiry, Vec<EnquiryEvent>), ServiceError> {
        let scope = scope_of(caller)?;
        Ok(self.store.get_enquiry(scope, id)?)
    }

    /// Records a status change and/or a note by `actor` (which key, which console user). A
    /// status change the enquiry's status does not allow is a validation error on `status`
    /// (`invalid_transition`). A status change is mailed to the person when they gave an
    /// e-mail, in their language, in the same transaction.
    pub fn record_enquiry_event(
        &self,
        caller: Caller,
        id: i64,
        actor: String,
        body: &EnquiryEventBody,
    ) -> Result<(Enquiry, Vec<EnquiryEvent>), ServiceError> {
        let scope = scope_of(caller)?;
        body.validate()?;
        let change = EventChange {
            actor,
            status: body.status,
            close_reason: body.close_reason,
            note: body.note(),
        };
        let (current, _) = self.store.get_enquiry(scope, id)?;
        let agency = self
            .store
            .agency_contact(current.agency_id)?
            .ok_or_else(|| ServiceError::Internal("enquiry of a missing agency".into()))?;
        let recorded = self
            .store
            .record_enquiry_event(scope, id, &change, now(), |enquiry| {
                status_mail(enquiry, &agency)
            })?;
        match recorded {
            Ok(_) => Ok(self.store.get_enquiry(scope, id)?),
            Err(refused) => {
                let allowed: Vec<&str> = refused.current.next().map(EnquiryStatus::code).collect();
                Err(ServiceError::Validation(vec![FieldError {
                    field: "status".into(),
                    code: "invalid_transition",
                    reason: if allowed.is_empty() {
                        format!(
                            "the enquiry is {}: it cannot change",
                            refused.current.code()
                        )
                    } else {
                        format!(
                            "the enquiry is {}: it can move to {}",
                            refused.current.code(),
                            allowed.join(", ")
                        )
                    },
                }]))
            }
        }
    }

    /// Counts over every agency's enquiries for commissioners and admins, each below 5 (but
    /// above 0) suppressed.
    pub fn enquiry_summary(&self, caller: Caller) -> Result<EnquirySummary, ServiceError> {
        if !matches!(caller, Caller::Commissioner | Caller::Admin) {
            return Err(ServiceError::Forbidden);
        }
        let counts = self.store.enquiry_counts()?;
        Ok(EnquirySummary {
            total: suppressed(counts.total),
            by_status: EnquiryStatus::ALL
                .into_iter()
                .map(|s| {
                    (
                        s,
                        suppressed(counts.by_status.get(&s).copied().unwrap_or(0)),
                    )
                })
                .collect(),
            by_month: counts
                .by_month
                .into_iter()
                .map(|(month, n)| (month, suppressed(n)))
                .collect(),
        })
    }
}

/// Now, to the microsecond (what both databases keep).
fn now() -> DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(6)
}

/// How a contact reads in the agency's mail and console (English).
pub fn contact_line(contact: &carematch_domain::enquiry::ContactDetails) -> String {
    use carematch_domain::vocabulary::Code;
    let phone = contact.phone.as_deref().unwrap_or_default();
    let email = contact.email.as_deref().unwrap_or_default();
    match contact.by {
        ContactBy::Phone => format!("by phone: {phone}"),
        ContactBy::Email => format!("by e-mail: {email}"),
        ContactBy::Callback => format!(
            "please call back in {} on {phone}",
            contact.callback_language.map_or("", |l| l.label_en())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_short_and_unambiguous() {
        let reference = new_reference().expect("randomness");
        assert_eq!(reference.len(), 12, "{reference}");
        assert!(reference.starts_with("CM-") && reference.as_bytes()[7] == b'-');
        assert!(
            reference[3..]
                .bytes()
                .all(|b| b == b'-' || ALPHABET.contains(&b)),
            "{reference}"
        );
        assert_ne!(reference, new_reference().expect("randomness"));
        assert_eq!(normalise_reference(" cm-7k3q-9xwd "), "CM-7K3Q-9XWD");
    }

    #[test]
    fn counts_below_five_are_suppressed() {
        assert_eq!(suppressed(4), None);
        assert_eq!(suppressed(5), Some(5));
        assert_eq!(suppressed(0), Some(0));
    }
}
