//! A bounded, expiring in-memory cache, used in front of the gazetteer (postcode locations) and
//! by the API for encoded match responses.
//!
//! Two generations approximate LRU without per-hit bookkeeping: entries go into `young`; when
//! its weight reaches half the budget, it becomes `old` and the previous `old` is dropped. A hit
//! in `old` is moved back into `young`, so entries in steady use survive every turnover. The
//! total weight never exceeds the budget by more than one entry. Entries also expire after
//! `ttl`.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct BoundedCache<K, V> {
    generations: Mutex<Generations<K, V>>,
    half_budget: usize,
    ttl: Duration,
}

#[derive(Debug)]
struct Generations<K, V> {
    young: Generation<K, V>,
    old: Generation<K, V>,
}

#[derive(Debug)]
struct Generation<K, V> {
    entries: HashMap<K, Entry<V>>,
    weight: usize,
}

#[derive(Debug)]
struct Entry<V> {
    value: V,
    weight: usize,
    at: Instant,
}

impl<K, V> Default for Generation<K, V> {
    fn default() -> Self {
        Self {
            entries: HashMap::new(),
            weight: 0,
        }
    }
}

impl<K: Hash + Eq, V: Clone> BoundedCache<K, V> {
    /// A cache holding entries of total weight up to about `budget`, each for at most `ttl`.
    /// A zero budget caches nothing.
    pub fn new(budget: usize, ttl: Duration) -> Self {
        Self {
            generations: Mutex::new(Generations {
                young: Generation::default(),
                old: Generation::default(),
            }),
            half_budget: budget / 2,
            ttl,
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.half_budget > 0 && !self.ttl.is_zero()
    }

    pub fn get(&self, key: &K) -> Option<V> {
        if !self.is_enabled() {
            return None;
        }
        let mut generations = self.lock();
        let now = Instant::now();
        if let Some(entry) = generations.young.entries.get(key) {
            return (now.duration_since(entry.at) < self.ttl).then(|| entry.value.clone());
        }
        let (key, entry) = generations.old.entries.remove_entry(key)?;
        generations.old.weight -= entry.weight;
        if now.duration_since(entry.at) >= self.ttl {
            return None;
        }
        let value = entry.value.clone();
        generations.insert(key, entry, self.half_budget);
        Some(value)
    }

    /// Caches `value` under `key`; `weight` is what it counts against the budget (its size in
    /// bytes, or 1 to count entries). Too heavy an entry is not cached.
    pub fn put(&self, key: K, value: V, weight: usize) {
        if !self.is_enabled() || weight > self.half_budget {
            return;
        }
        let entry = Entry {
            value,
            weight,
            at: Instant::now(),
        };
        self.lock().insert(key, entry, self.half_budget);
    }

    pub fn clear(&self) {
        let mut generations = self.lock();
        generations.young = Generation::default();
        generations.old = Generation::default();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Generations<K, V>> {
        // A panic while holding the lock leaves consistent maps (no invariant spans a call).
        self.generations.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<K: Hash + Eq, V> Generations<K, V> {
    fn insert(&mut self, key: K, entry: Entry<V>, half_budget: usize) {
        if self.young.weight + entry.weight > half_budget {
            self.old = std::mem::take(&mut self.young);
        }
        if let Some(replaced) = self.old.entries.remove(&key) {
            self.old.weight -= replaced.weight;
        }
        self.young.weight += entry.weight;
        if let Some(replaced) = self.young.entries.insert(key, entry) {
            self.young.weight -= replaced.weight;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: Duration = Duration::from_secs(600);

    fn total_weight(cache: &BoundedCache<u32, u32>) -> usize {
        let generations = cache.lock();
        generations.young.weight + generations.old.weight
    }

    #[test]
    fn an_entry_in_use_survives_turnover_and_the_budget_holds() {
        let cache = BoundedCache::new(4, TTL);
        cache.put(0, 100, 1);
        for other in 1..=5 {
            cache.put(other, other, 1);
            assert_eq!(cache.get(&0), Some(100), "after {other}");
            assert!(total_weight(&cache) <= 4);
        }
        assert_eq!(cache.get(&1), None, "the oldest unused entry went");
        assert_eq!(cache.get(&5), Some(5));
    }

    #[test]
    fn weights_count_and_replacing_an_entry_does_not_leak_weight() {
        let cache = BoundedCache::new(100, TTL);
        cache.put(1, 1, 30);
        cache.put(1, 2, 30);
        assert_eq!(total_weight(&cache), 30);
        assert_eq!(cache.get(&1), Some(2));
        cache.put(2, 2, 51);
        assert_eq!(
            cache.get(&2),
            None,
            "heavier than half the budget: not cached"
        );
        cache.put(3, 3, 30);
        assert!(total_weight(&cache) <= 100);
        assert_eq!((cache.get(&1), cache.get(&3)), (Some(2), Some(3)));
    }

    #[test]
    fn entries_expire_clear_empties_and_a_zero_budget_caches_nothing() {
        let cache = BoundedCache::new(10, Duration::ZERO);
        cache.put(1, 1, 1);
        assert_eq!(cache.get(&1), None);

        let cache = BoundedCache::new(10, TTL);
        cache.put(1, 1, 1);
        cache.clear();
        assert_eq!(cache.get(&1), None);

        let cache = BoundedCache::new(0, TTL);
        cache.put(1, 1, 1);
        assert_eq!(cache.get(&1), None);
        assert!(!cache.is_enabled());
    }
}
