//! What a match request asks besides the plan (who is asking, which kinds, how many, the
//! weights).

use std::borrow::Cow;

use crate::candidate::{Candidate, CandidateKind};
use crate::weights::MatchWeights;
use carematch_domain::geo::GeoPoint;
use carematch_domain::ids::AgencyId;
use chrono::NaiveDate;

/// Who is asking: decides which carers without public-listing consent are visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Anonymous: only carers who consented to be listed publicly.
    Public,
    /// An agency: every consenting carer, plus its own carers whether they consented or not.
    Agency(AgencyId),
    /// Every carer.
    Admin,
}

impl Viewer {
    pub fn sees(self, candidate: &Candidate) -> bool {
        candidate.public_listing
            || match self {
                Self::Public => false,
                Self::Agency(agency) => candidate.agency == Some(agency),
                Self::Admin => true,
            }
    }

    /// Whether this viewer may be answered from the carer's private facts (real base, faith
    /// without public consent): the agency that holds the carer, and admins. Everyone else is
    /// answered from the public cell and the public faith (docs/api.md, "Privacy model").
    pub fn holds(self, candidate: &Candidate) -> bool {
        candidate.kind == CandidateKind::Carer
            && match self {
                Self::Public => false,
                Self::Agency(agency) => candidate.agency == Some(agency),
                Self::Admin => true,
            }
    }

    /// The candidate as this viewer may use it: itself, or for its holder [`Candidate::as_held`].
    pub fn view(self, candidate: &Candidate) -> Cow<'_, Candidate> {
        if self.holds(candidate) {
            Cow::Owned(candidate.as_held())
        } else {
            Cow::Borrowed(candidate)
        }
    }

    /// The point this viewer's distances to the candidate are measured from.
    pub fn point_of(self, candidate: &Candidate) -> GeoPoint {
        if self.holds(candidate) {
            candidate.held_location()
        } else {
            candidate.location()
        }
    }

    /// Whether some candidate could be measured from its real base for this viewer, so that a
    /// search around public points must widen by [`carematch_domain::geo::PUBLIC_CELL_MARGIN_KM`].
    pub fn may_hold(self) -> bool {
        self != Self::Public
    }
}

/// Which kinds of candidate to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindFilter {
    pub carers: bool,
    pub providers: bool,
}

impl KindFilter {
    pub const BOTH: Self = Self {
        carers: true,
        providers: true,
    };

    /// The kinds listed; an empty list means both.
    pub fn from_kinds(kinds: &[CandidateKind]) -> Self {
        if kinds.is_empty() {
            return Self::BOTH;
        }
        Self {
            carers: kinds.contains(&CandidateKind::Carer),
            providers: kinds.contains(&CandidateKind::Provider),
        }
    }

    pub fn allows(self, kind: CandidateKind) -> bool {
        match kind {
            CandidateKind::Carer => self.carers,
            CandidateKind::Provider => self.providers,
        }
    }
}

/// Everything about a match request besides the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchOptions {
    pub limit: usize,
    pub kinds: KindFilter,
    /// Checks expire and provider capacity flags lapse relative to this day.
    pub today: NaiveDate,
    pub viewer: Viewer,
    pub weights: MatchWeights,
}

impl MatchOptions {
    /// Limit 20, both kinds, public viewer, default weights.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            limit: 20,
            kinds: KindFilter::BOTH,
            today,
            viewer: Viewer::Public,
            weights: MatchWeights::DEFAULT,
        }
    }
}
