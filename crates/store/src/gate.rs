//! A first-come, first-served gate: at most `slots` holders at once; the others wait in order of
//! arrival, parked, and a freed slot is handed to the longest waiter directly.
//!
//! Why not a `Mutex`: std's mutex lets a thread that just arrived take a lock another thread
//! has been waiting for, so under steady contention one waiter can lose for seconds. And why
//! not SQLite's own lock alone: a writer that finds it taken sleeps in SQLite's busy handler for
//! up to 100 ms between looks, whether or not the lock was freed meanwhile. The store queues its
//! SQLite writers here ([`Store`](crate::Store)); the engine admits CPU-bound reads through one
//! gate of as many slots as the machine has cores, so that a write's short tasks (a commit, a
//! publication) never wait behind dozens of runnable readers.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::Thread;
use std::time::{Duration, Instant};

/// The gate; share it behind an `Arc` or a `&`.
#[derive(Debug)]
pub struct FairGate {
    state: Mutex<GateState>,
}

#[derive(Debug)]
struct GateState {
    free: usize,
    queue: VecDeque<Arc<Waiter>>,
}

#[derive(Debug)]
struct Waiter {
    thread: Thread,
    /// Set (under the state lock) when a slot is handed to this waiter.
    granted: AtomicBool,
}

/// A held slot, given back when dropped.
#[derive(Debug)]
#[must_use = "the slot is given back as soon as the pass is dropped"]
pub struct Pass<'a> {
    gate: &'a FairGate,
}

impl FairGate {
    /// A gate of `slots` slots (at least one).
    pub fn new(slots: usize) -> Self {
        Self {
            state: Mutex::new(GateState {
                free: slots.max(1),
                queue: VecDeque::new(),
            }),
        }
    }

    /// A gate with one slot per core this process may use.
    pub fn per_core() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
    }

    // The state is changed in a few lines that cannot panic, so a poisoned lock still holds a
    // consistent state.
    fn lock(&self) -> MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits as long as it takes for a slot.
    pub fn enter(&self) -> Pass<'_> {
        let Some(waiter) = self.join() else {
            return Pass { gate: self };
        };
        while !waiter.granted.load(Ordering::Acquire) {
            std::thread::park();
        }
        Pass { gate: self }
    }

    /// Waits at most `timeout` for a slot; `None` when none came (the caller is then out of the
    /// queue and holds nothing).
    pub fn enter_within(&self, timeout: Duration) -> Option<Pass<'_>> {
        let Some(waiter) = self.join() else {
            return Some(Pass { gate: self });
        };
        let until = Instant::now() + timeout;
        loop {
            if waiter.granted.load(Ordering::Acquire) {
                return Some(Pass { gate: self });
            }
            let now = Instant::now();
            if now >= until {
                let mut state = self.lock();
                // Granted between the look above and taking the lock: the slot is ours.
                if waiter.granted.load(Ordering::Acquire) {
                    return Some(Pass { gate: self });
                }
                state.queue.retain(|queued| !Arc::ptr_eq(queued, &waiter));
                return None;
            }
            std::thread::park_timeout(until - now);
        }
    }

    /// Takes a free slot (`None`), or joins the end of the queue (the waiter to park on).
    fn join(&self) -> Option<Arc<Waiter>> {
        let mut state = self.lock();
        if state.free > 0 && state.queue.is_empty() {
            state.free -= 1;
            return None;
        }
        let waiter = Arc::new(Waiter {
            thread: std::thread::current(),
            granted: AtomicBool::new(false),
        });
        state.queue.push_back(Arc::clone(&waiter));
        Some(waiter)
    }

    fn leave(&self) {
        let mut state = self.lock();
        match state.queue.pop_front() {
            Some(next) => {
                next.granted.store(true, Ordering::Release);
                next.thread.unpark();
            }
            None => state.free += 1,
        }
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        self.gate.leave();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn slots_are_handed_out_in_order_of_arrival() {
        let gate = Arc::new(FairGate::new(1));
        let first = gate.enter();
        let (order_tx, order_rx) = mpsc::channel();
        let mut threads = Vec::new();
        for i in 0..4 {
            let shared = Arc::clone(&gate);
            let order_tx = order_tx.clone();
            threads.push(std::thread::spawn(move || {
                let _pass = shared.enter();
                order_tx.send(i).expect("the test is listening");
            }));
            // The next thread arrives only once this one is queued.
            while gate.lock().queue.len() < i + 1 {
                std::thread::yield_now();
            }
        }
        drop(first);
        for thread in threads {
            thread.join().expect("no panic");
        }
        let order: Vec<usize> = order_rx.try_iter().collect();
        assert_eq!(order, vec![0, 1, 2, 3]);
    }

    #[test]
    fn at_most_the_given_number_hold_a_slot() {
        let gate = FairGate::new(2);
        let a = gate.enter();
        let b = gate.enter();
        assert!(gate.enter_within(Duration::from_millis(1)).is_none());
        assert!(
            gate.lock().queue.is_empty(),
            "a waiter that gave up left the queue"
        );
        drop(a);
        let c = gate.enter_within(Duration::from_secs(5));
        assert!(c.is_some());
        drop(b);
        drop(c);
        assert_eq!(gate.lock().free, 2);
    }

    #[test]
    fn a_waiter_that_times_out_does_not_hold_up_the_next() {
        let gate = Arc::new(FairGate::new(1));
        let held = gate.enter();
        let (done_tx, done_rx) = mpsc::channel();
        let late = {
            let shared = Arc::clone(&gate);
            std::thread::spawn(move || {
                let pass = shared.enter();
                done_tx.send(()).expect("the test is listening");
                drop(pass);
            })
        };
        while gate.lock().queue.is_empty() {
            std::thread::yield_now();
        }
        // A second waiter gives up; the first still gets the slot when it frees.
        assert!(gate.enter_within(Duration::from_millis(5)).is_none());
        drop(held);
        done_rx.recv().expect("the waiter was handed the slot");
        late.join().expect("no panic");
        assert_eq!(gate.lock().free, 1);
    }
}
