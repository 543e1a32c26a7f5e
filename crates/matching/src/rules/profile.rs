//! What the rules read of a candidate ([`Profile`]), and its implementation for one record
//! ([`Candidate`]); the columns' rows implement it in `crate::columnar::hot`.

use crate::candidate::{Candidate, CandidateKind};
use carematch_domain::schedule::WeekMask;
use carematch_domain::vocabulary::{
    CheckKind, CodeSet, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice,
    Gender, Language, MedicalDiet, Service,
};

use super::coverage;

/// What the filter reads of a candidate: implemented by [`Candidate`] (one record) and by a row
/// of [`HotColumns`] (struct of arrays), so that both paths share one definition of every rule.
pub(crate) trait Profile {
    fn kind(&self) -> CandidateKind;
    fn accepting_on(&self, today: i32) -> bool;
    fn cuisines(&self) -> CodeSet<Cuisine>;
    fn diets(&self) -> CodeSet<DietaryLaw>;
    fn practices(&self) -> CodeSet<FaithPractice>;
    fn services(&self) -> CodeSet<Service>;
    fn experience(&self) -> CodeSet<Experience>;
    /// Languages spoken at `level` or better.
    fn languages_at(&self, level: usize) -> CodeSet<Language>;
    fn faith(&self) -> Option<Faith>;
    fn gender(&self) -> Option<Gender>;
    fn hours_free(&self) -> u8;
    fn rate_pence(&self) -> Option<u32>;
    fn available_from(&self) -> i32;
    /// Day number of the record's last confirmation (the score's freshness).
    fn confirmed_on(&self) -> i32;
    /// Free for every quarter hour of `needed` (or working by arrangement).
    fn covers(&self, needed: &WeekMask) -> bool;
    /// Share of `needed` the candidate is free for (all of it by arrangement).
    fn coverage(&self, needed: &WeekMask) -> f64;
    fn valid_checks(&self, today: i32) -> CodeSet<CheckKind>;
    fn medical_diets(&self) -> CodeSet<MedicalDiet>;
    fn delivery(&self) -> CodeSet<DeliveryMode>;
    fn lgbt_inclusive(&self) -> bool;
    fn reads(&self) -> CodeSet<Language>;
    fn writes(&self) -> CodeSet<Language>;
}

impl Profile for Candidate {
    #[inline(always)]
    fn kind(&self) -> CandidateKind {
        self.kind
    }
    #[inline(always)]
    fn accepting_on(&self, today: i32) -> bool {
        Candidate::accepting_on(self, today)
    }
    #[inline(always)]
    fn cuisines(&self) -> CodeSet<Cuisine> {
        self.cuisines
    }
    #[inline(always)]
    fn diets(&self) -> CodeSet<DietaryLaw> {
        self.diets
    }
    #[inline(always)]
    fn practices(&self) -> CodeSet<FaithPractice> {
        self.practices
    }
    #[inline(always)]
    fn services(&self) -> CodeSet<Service> {
        self.services
    }
    #[inline(always)]
    fn experience(&self) -> CodeSet<Experience> {
        self.experience
    }
    #[inline(always)]
    fn languages_at(&self, level: usize) -> CodeSet<Language> {
        self.languages.get(level).copied().unwrap_or(CodeSet::EMPTY)
    }
    #[inline(always)]
    fn faith(&self) -> Option<Faith> {
        self.faith
    }
    #[inline(always)]
    fn gender(&self) -> Option<Gender> {
        self.gender
    }
    #[inline(always)]
    fn hours_free(&self) -> u8 {
        self.hours_free
    }
    #[inline(always)]
    fn rate_pence(&self) -> Option<u32> {
        self.rate_pence
    }
    #[inline(always)]
    fn available_from(&self) -> i32 {
        self.available_from
    }
    #[inline(always)]
    fn confirmed_on(&self) -> i32 {
        self.confirmed_on
    }
    #[inline(always)]
    fn covers(&self, needed: &WeekMask) -> bool {
        self.hours_by_arrangement || self.week.intersection(needed) == *needed
    }
    #[inline(always)]
    fn coverage(&self, needed: &WeekMask) -> f64 {
        coverage(self, needed)
    }
    #[inline(always)]
    fn valid_checks(&self, today: i32) -> CodeSet<CheckKind> {
        Candidate::valid_checks(self, today)
    }
    #[inline(always)]
    fn medical_diets(&self) -> CodeSet<MedicalDiet> {
        self.medical_diets
    }
    #[inline(always)]
    fn delivery(&self) -> CodeSet<DeliveryMode> {
        self.delivery
    }
    #[inline(always)]
    fn lgbt_inclusive(&self) -> bool {
        self.lgbt_inclusive
    }
    #[inline(always)]
    fn reads(&self) -> CodeSet<Language> {
        self.reads
    }
    #[inline(always)]
    fn writes(&self) -> CodeSet<Language> {
        self.writes
    }
}
