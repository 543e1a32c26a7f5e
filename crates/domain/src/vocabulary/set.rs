use std::fmt;
use std::marker::PhantomData;

use super::Code;

/// A set of codes from one vocabulary list, as a 64-bit mask.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeSet<T> {
    bits: u64,
    _kind: PhantomData<T>,
}

impl<T: Code> CodeSet<T> {
    pub const EMPTY: Self = Self::from_bits(0);

    pub const fn from_bits(bits: u64) -> Self {
        Self {
            bits,
            _kind: PhantomData,
        }
    }

    pub const fn bits(self) -> u64 {
        self.bits
    }

    pub fn insert(&mut self, code: T) {
        self.bits |= 1 << code.index();
    }

    pub fn contains(self, code: T) -> bool {
        self.bits & (1 << code.index()) != 0
    }

    /// True when every code of `other` is in `self`.
    pub const fn contains_all(self, other: Self) -> bool {
        self.bits & other.bits == other.bits
    }

    pub const fn intersection(self, other: Self) -> Self {
        Self::from_bits(self.bits & other.bits)
    }

    pub const fn union(self, other: Self) -> Self {
        Self::from_bits(self.bits | other.bits)
    }

    pub const fn difference(self, other: Self) -> Self {
        Self::from_bits(self.bits & !other.bits)
    }

    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub const fn len(self) -> u32 {
        self.bits.count_ones()
    }

    /// The members in code order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::all()
            .iter()
            .copied()
            .filter(move |code| self.contains(*code))
    }
}

impl<T: Code> Default for CodeSet<T> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<T: Code> FromIterator<T> for CodeSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(codes: I) -> Self {
        let mut set = Self::EMPTY;
        for code in codes {
            set.insert(code);
        }
        set
    }
}

impl<'a, T: Code> FromIterator<&'a T> for CodeSet<T> {
    fn from_iter<I: IntoIterator<Item = &'a T>>(codes: I) -> Self {
        codes.into_iter().copied().collect()
    }
}

impl<T: Code> fmt::Debug for CodeSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter().map(Code::code)).finish()
    }
}

/// As the bit mask (compact binary formats such as the engine's candidate snapshot); a mask with
/// a bit outside the vocabulary list is rejected.
impl<T> serde::Serialize for CodeSet<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.bits)
    }
}

impl<'de, T: Code> serde::Deserialize<'de> for CodeSet<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let bits = <u64 as serde::Deserialize>::deserialize(deserializer)?;
        let members = T::all().len();
        if members < 64 && bits >> members != 0 {
            return Err(serde::de::Error::custom("code set bit outside its list"));
        }
        Ok(Self::from_bits(bits))
    }
}
