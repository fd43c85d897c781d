//! The ledger of live proxies: every proxy the bridge hands out is one entry here, so
//! `stats()` can say how many are alive and the harness can prove none leaked.

use slotmap::SlotMap;

use super::handle::ProxyHandle;

/// Why an entry left the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    /// `destroy()` or the end of a `scope()`.
    Destroyed,
    /// The JS `FinalizationRegistry` saw the JS side drop it.
    Finalized,
}

/// Counters exposed by `ffi.stats()`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub live: u64,
    pub created: u64,
    pub destroyed: u64,
    pub finalized: u64,
}

#[derive(Debug)]
pub struct ProxyTable<T> {
    entries: SlotMap<ProxyHandle, T>,
    created: u64,
    destroyed: u64,
    finalized: u64,
}

impl<T> Default for ProxyTable<T> {
    fn default() -> Self {
        ProxyTable {
            entries: SlotMap::with_key(),
            created: 0,
            destroyed: 0,
            finalized: 0,
        }
    }
}

impl<T> ProxyTable<T> {
    pub fn insert(&mut self, value: T) -> ProxyHandle {
        self.created += 1;
        self.entries.insert(value)
    }

    pub fn get(&self, handle: ProxyHandle) -> Option<&T> {
        self.entries.get(handle)
    }

    pub fn get_mut(&mut self, handle: ProxyHandle) -> Option<&mut T> {
        self.entries.get_mut(handle)
    }

    /// Remove an entry that was never handed out (not counted as destroyed).
    pub fn forget(&mut self, handle: ProxyHandle) {
        if self.entries.remove(handle).is_some() {
            self.created -= 1;
        }
    }

    /// Removing twice (or a stale handle) returns `None`: release is idempotent.
    pub fn release(&mut self, handle: ProxyHandle, why: Release) -> Option<T> {
        let removed = self.entries.remove(handle)?;
        match why {
            Release::Destroyed => self.destroyed += 1,
            Release::Finalized => self.finalized += 1,
        }
        Some(removed)
    }

    pub fn stats(&self) -> Stats {
        Stats {
            live: self.entries.len() as u64,
            created: self.created,
            destroyed: self.destroyed,
            finalized: self.finalized,
        }
    }

    /// The live entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.entries.values()
    }

    /// Slots allocated so far (bounded by the peak number of live proxies).
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_handles_are_detected_after_reuse() {
        let mut table = ProxyTable::default();
        let first = table.insert("a");
        assert_eq!(table.release(first, Release::Destroyed), Some("a"));
        let second = table.insert("b");
        assert_ne!(first, second, "a reused slot gets a new generation");
        assert_eq!(table.get(first), None);
        assert_eq!(table.get(second), Some(&"b"));
        assert_eq!(
            table.release(first, Release::Destroyed),
            None,
            "second release is a no-op"
        );
    }

    #[test]
    fn stats_count_each_way_out() {
        let mut table = ProxyTable::default();
        let a = table.insert(1);
        let b = table.insert(2);
        table.insert(3);
        table.release(a, Release::Destroyed);
        table.release(b, Release::Finalized);
        assert_eq!(
            table.stats(),
            Stats {
                live: 1,
                created: 3,
                destroyed: 1,
                finalized: 1
            }
        );
    }

    #[test]
    fn churn_reuses_slots() {
        let mut table = ProxyTable::default();
        for i in 0..200_000 {
            let h = table.insert(i);
            table.release(h, Release::Finalized);
        }
        // Capacity is the backing Vec's: a small constant, not 200,000.
        assert!(table.capacity() <= 16, "capacity grew to {}", table.capacity());
    }

    #[test]
    fn handles_keep_every_generation_bit() {
        // 2^20 reuses of one slot used to wrap a 21-bit generation: the handle then named
        // another entry, and destroy() silently did nothing.
        let mut table = ProxyTable::default();
        let mut handle = table.insert(0);
        for i in 0..(1 << 21) + 5 {
            table.release(handle, Release::Destroyed);
            handle = table.insert(i);
        }
        let number = handle.to_f64();
        assert_eq!(number.and_then(ProxyHandle::from_f64), Some(handle));
        assert_eq!(table.release(handle, Release::Destroyed), Some((1 << 21) + 4));
    }

    #[test]
    fn handles_survive_a_trip_through_a_js_number() {
        let mut table = ProxyTable::default();
        for i in 0..5 {
            let h = table.insert(i);
            table.release(h, Release::Destroyed);
        }
        let h = table.insert(99);
        assert_eq!(h.to_f64().and_then(ProxyHandle::from_f64), Some(h));
        assert_eq!(ProxyHandle::from_f64(-1.0), None);
        assert_eq!(ProxyHandle::from_f64(0.5), None);
    }
}
