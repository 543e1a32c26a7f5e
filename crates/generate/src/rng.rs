//! A small seeded PRNG (xoshiro256** seeded through SplitMix64), written here so that generated
//! data stays byte-identical across dependency upgrades.

/// The SplitMix64 finaliser: a good 64-bit mixing function.
pub(crate) const fn mix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Streams of records: each record draws from its own generator, keyed by seed, stream and index,
/// so record `i` does not depend on how many values record `i - 1` drew.
pub(crate) mod stream {
    pub const CARERS: u64 = 0xCA3E_0001;
    pub const PROVIDERS: u64 = 0x93D1_0002;
    pub const CQC_LOCATIONS: u64 = 0xC0C0_0003;
}

/// xoshiro256** (Blackman and Vigna), seeded by SplitMix64.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn seed_from_u64(seed: u64) -> Self {
        let mut state = seed;
        let mut next = || {
            let out = mix64(state);
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            out
        };
        let s = [next(), next(), next(), next()];
        Self { s }
    }

    /// The generator of record `index` in `stream` for `seed`.
    pub(crate) fn for_record(seed: u64, stream: u64, index: u64) -> Self {
        Self::seed_from_u64(mix64(seed ^ mix64(stream ^ mix64(index))))
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-shift; the bias is below 2^-32 here.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi);
        let span = hi.abs_diff(lo) + 1;
        lo + ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as i64
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One item of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// One item by integer weight; the slice must not be empty.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut r = self.below(total as usize) as u64;
        for (item, weight) in items {
            if r < u64::from(*weight) {
                return *item;
            }
            r -= u64::from(*weight);
        }
        items[items.len() - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_pinned() {
        // xoshiro256** seeded by SplitMix64, checked against an independent implementation of the
        // reference algorithms. If this changes, every fixture and benchmark changes.
        let mut rng = Rng::seed_from_u64(2026);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                10583478199052185109,
                5232962402658359512,
                14988153452874227418
            ]
        );
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut rng = Rng::seed_from_u64(7);
        for _ in 0..10_000 {
            let x = rng.range(-3, 5);
            assert!((-3..=5).contains(&x));
            assert!(rng.below(7) < 7);
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(rng.below(0), 0);
        let picks: Vec<char> = (0..1000)
            .map(|_| rng.weighted(&[('a', 1), ('b', 0), ('c', 3)]))
            .collect();
        assert!(!picks.contains(&'b'));
        let a = picks.iter().filter(|c| **c == 'a').count();
        assert!((150..350).contains(&a), "{a}");
    }
}
