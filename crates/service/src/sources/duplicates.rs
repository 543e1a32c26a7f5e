//! Likely duplicates: a provider a sync creates that looks like one already held from elsewhere
//! (made by hand, from another feed, from the CQC register). Flagged for review in
//! `provider_duplicates`, never merged: a person decides (`POST /v1/providers/duplicates/{id}`).
//!
//! The rule (docs/openreferral-import.md, "Likely duplicates"), with `name` the similarity of
//! the two normalised names ([`similarity::name_similarity`], 0 to 1):
//! - `name >= 0.5` and the same postcode or the same phone number; or
//! - the same postcode and the same phone number, whatever the names; or
//! - `name >= 0.9` and the same postcode district (outward code: a branch renamed or moved
//!   down the road).
//!
//! Records of the feed being synced are never compared with each other (the feed's own ids
//! tell them apart), nor with records held from that same feed.

mod similarity;

use std::collections::{HashMap, HashSet};

use carematch_domain::{Provider, ProviderDetails, ProviderId};
use carematch_store::{DuplicateSubject, NewDuplicate, SourceSync};

pub use similarity::{Name, name_similarity, normalise_phone};

use crate::{CareService, ServiceError};

/// Names at least this alike, with the same postcode or phone, are flagged.
pub const NAME_WITH_PLACE_OR_PHONE: f64 = 0.5;
/// Names at least this alike in the same postcode district are flagged.
pub const NAME_ALONE_IN_DISTRICT: f64 = 0.9;

/// How many providers to read at a time.
const BATCH: u32 = 5_000;

/// A held provider, ready to compare.
struct Held {
    id: ProviderId,
    name: Name,
    postcode: String,
    district: String,
    phone: Option<String>,
}

impl Held {
    fn new(id: ProviderId, details: &ProviderDetails) -> Self {
        Self {
            id,
            name: Name::new(&details.name),
            postcode: details.postcode.as_str().to_owned(),
            district: details.postcode.outward().as_str().to_owned(),
            phone: details.contact.phone.as_deref().and_then(normalise_phone),
        }
    }
}

/// Whether two providers look alike enough to flag: the name similarity and what matched.
pub fn compare(a: &ProviderDetails, b: &ProviderDetails) -> Option<(f64, Vec<String>)> {
    judge(&Held::new(ProviderId(0), a), &Held::new(ProviderId(0), b))
}

fn judge(a: &Held, b: &Held) -> Option<(f64, Vec<String>)> {
    let name = name_similarity(&a.name, &b.name);
    let postcode = a.postcode == b.postcode;
    let phone = a.phone.is_some() && a.phone == b.phone;
    let district = a.district == b.district;
    let flagged = (name >= NAME_WITH_PLACE_OR_PHONE && (postcode || phone))
        || (postcode && phone)
        || (name >= NAME_ALONE_IN_DISTRICT && district);
    if !flagged {
        return None;
    }
    let mut reasons = Vec::new();
    if name >= NAME_WITH_PLACE_OR_PHONE {
        reasons.push("name".to_owned());
    }
    if postcode {
        reasons.push("postcode".to_owned());
    } else if district {
        reasons.push("district".to_owned());
    }
    if phone {
        reasons.push("phone".to_owned());
    }
    Some(((name * 1000.0).round() / 1000.0, reasons))
}

/// Held providers by what a created one could share with them: postcode district, phone,
/// and name tokens.
#[derive(Default)]
struct Candidates {
    held: Vec<Held>,
    by_district: HashMap<String, Vec<usize>>,
    by_phone: HashMap<String, Vec<usize>>,
}

impl Candidates {
    fn add(&mut self, held: Held) {
        let i = self.held.len();
        self.by_district
            .entry(held.district.clone())
            .or_default()
            .push(i);
        if let Some(phone) = &held.phone {
            self.by_phone.entry(phone.clone()).or_default().push(i);
        }
        self.held.push(held);
    }

    /// Every rule needs the same district or the same phone, so only those are compared.
    fn alike(&self, new: &Held) -> Vec<(ProviderId, f64, Vec<String>)> {
        let mut seen = HashSet::new();
        let district = self.by_district.get(&new.district).into_iter().flatten();
        let phone = new
            .phone
            .as_ref()
            .and_then(|p| self.by_phone.get(p))
            .into_iter()
            .flatten();
        let mut found: Vec<(ProviderId, f64, Vec<String>)> = district
            .chain(phone)
            .filter(|i| seen.insert(**i))
            .filter_map(|&i| {
                let held = &self.held[i];
                judge(new, held).map(|(s, r)| (held.id, s, r))
            })
            .collect();
        found.sort_by_key(|(id, _, _)| *id);
        found
    }
}

/// The hook [`CareService::sync_source`] calls before its write (see the module docs).
pub(super) fn likely_duplicates(
    service: &CareService,
    sync: &SourceSync,
) -> Result<Vec<NewDuplicate>, ServiceError> {
    if sync.create.is_empty() {
        return Ok(Vec::new());
    }
    let origins = service.store.provider_origins()?;
    let same_feed = |id: &ProviderId| {
        origins
            .get(id)
            .and_then(|o| o.provenance.as_ref())
            .is_some_and(|p| p.source == sync.source && p.feed == sync.feed)
    };
    let mut candidates = Candidates::default();
    let mut after = None;
    loop {
        let batch: Vec<Provider> = service.store.providers_after(after, BATCH)?;
        let Some(last) = batch.last() else { break };
        after = Some(last.id);
        for provider in batch.iter().filter(|p| !same_feed(&p.id)) {
            candidates.add(Held::new(provider.id, &provider.details));
        }
    }
    let mut flags = Vec::new();
    for (i, created) in sync.create.iter().enumerate() {
        let new = Held::new(ProviderId(0), &created.details);
        for (candidate, similarity, reasons) in candidates.alike(&new) {
            flags.push(NewDuplicate {
                subject: DuplicateSubject::Created(i),
                candidate,
                similarity,
                reasons,
            });
        }
    }
    Ok(flags)
}

#[cfg(test)]
mod tests {
    use carematch_domain::Postcode;

    use super::*;

    fn details(name: &str, postcode: &str, phone: Option<&str>) -> ProviderDetails {
        let mut details: ProviderDetails = serde_json::from_value(serde_json::json!({
            "name": name, "kind": "charity", "staff_languages": ["eng"],
            "services": ["companionship"], "postcode": "LE1 3GQ",
            "service_area": {"type": "radius", "km": 5.0}, "accepting_new_clients": true,
            "accepting_confirmed_on": "2026-12-01", "self_referral": false,
            "last_confirmed_on": "2026-12-01"
        }))
        .expect("provider details");
        details.postcode = Postcode::parse(postcode).expect("postcode");
        details.contact.phone = phone.map(str::to_owned);
        details
    }

    #[test]
    fn alike_names_need_the_same_place_or_phone() {
        let held = details("Wah Sum Luncheon Club Ltd", "LE1 3GQ", None);
        let same_place = details("The Wah Sum Luncheon Club", "LE1 3GQ", None);
        assert_eq!(
            compare(&same_place, &held),
            Some((1.0, vec!["name".into(), "postcode".into()]))
        );
        // Half alike, elsewhere in town, no phone: not flagged.
        let elsewhere = details("Wah Sum Day Centre", "LE5 0AA", None);
        assert_eq!(compare(&elsewhere, &held), None);
    }

    #[test]
    fn the_same_phone_and_postcode_flag_whatever_the_name() {
        let held = details(
            "Belgrave Neighbourhood Centre",
            "LE4 5PA",
            Some("0116 496 0123"),
        );
        let renamed = details(
            "Luncheon club at the centre",
            "LE4 5PA",
            Some("+44 116 4960123"),
        );
        let (_, reasons) = compare(&renamed, &held).expect("flagged");
        assert_eq!(reasons, ["postcode", "phone"]);
    }

    #[test]
    fn nearly_the_same_name_in_the_same_district_is_flagged() {
        let held = details("Somali Women's Group", "LE2 0AA", None);
        let moved = details("Somali Womens Group", "LE2 7BB", None);
        let (similarity, reasons) = compare(&moved, &held).expect("flagged");
        assert!(similarity >= NAME_ALONE_IN_DISTRICT, "{similarity}");
        assert_eq!(reasons, ["name", "district"]);
        let far = details("Somali Womens Group", "B1 1AA", None);
        assert_eq!(compare(&far, &held), None);
    }
}
