//! The gazetteer's tables: 64-bit [`key`](super::key) hashes to small values, each slot a
//! key and its value side by side.
//!
//! A look-up of a name that is not in the cache costs a miss to memory, and a large
//! gazetteer's look-ups are mostly that. `std`'s table keeps its control bytes and its
//! entries apart, two misses for one look-up; here a look-up reads the slot its key
//! indexes (open addressing, linear probing, at most five slots in eight full), most often one
//! cache line.

/// A table from [`key`](super::key) hashes, already mixed so that their low bits index
/// it, to copyable values.
#[derive(Clone, Debug)]
pub(crate) struct KeyMap<V> {
    /// A power of two of slots; key 0 marks an empty one.
    slots: Vec<(u64, V)>,
    /// The value of key 0, which no slot can hold.
    zero: Option<V>,
    /// The number of keys, key 0 included.
    len: usize,
}

/// The fewest slots a table has.
const MIN_SLOTS: usize = 8;

impl<V: Copy + Default> Default for KeyMap<V> {
    fn default() -> KeyMap<V> {
        KeyMap { slots: vec![(0, V::default()); MIN_SLOTS], zero: None, len: 0 }
    }
}

impl<V: Copy + Default> KeyMap<V> {
    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<V> {
        if key == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when the table holds `key`.
    #[inline]
    pub(crate) fn contains_key(&self, key: u64) -> bool {
        self.get(key).is_some()
    }

    /// The value of `key`, set to `value` first when the table has none.
    pub(crate) fn get_or_insert(&mut self, key: u64, value: V) -> &mut V {
        if key == 0 {
            if self.zero.is_none() {
                self.len += 1;
            }
            return self.zero.get_or_insert(value);
        }
        self.reserve(1);
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        while self.slots[i].0 != key {
            if self.slots[i].0 == 0 {
                self.slots[i] = (key, value);
                self.len += 1;
                break;
            }
            i = (i + 1) & mask;
        }
        &mut self.slots[i].1
    }

    /// The value of `key`, set to the default first when the table has none.
    pub(crate) fn get_or_default(&mut self, key: u64) -> &mut V {
        self.get_or_insert(key, V::default())
    }

    /// Sets the value of `key`.
    pub(crate) fn insert(&mut self, key: u64, value: V) {
        *self.get_or_insert(key, value) = value;
    }

    /// Makes room for `more` keys with no table more than five eighths full: fuller, the
    /// look-ups of keys it does not hold, most of a parse's, read long runs of slots; emptier,
    /// the default gazetteer's tables take twice the memory, and start-up twice the page faults.
    #[inline]
    pub(crate) fn reserve(&mut self, more: usize) {
        let need = (self.len + more).saturating_mul(8).div_ceil(5);
        if need > self.slots.len() {
            self.grow(need);
        }
    }

    /// Moves the keys to a table of at least `need` slots.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, need: usize) {
        let size = need.checked_next_power_of_two().unwrap_or(usize::MAX / 2 + 1);
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
        let mask = size - 1;
        for (key, value) in old.into_iter().filter(|&(k, _)| k != 0) {
            let mut i = key as usize & mask;
            while self.slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (key, value);
        }
    }

    /// Every key and its value, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, V)> + '_ {
        let zero = self.zero.map(|v| (0, v));
        zero.into_iter().chain(self.slots.iter().copied().filter(|&(k, _)| k != 0))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// A table grown one key at a time holds what a `HashMap` given the same calls holds,
    /// key 0 and keys that share their low bits included.
    #[test]
    fn holds_what_a_hash_map_holds() {
        let mut map: KeyMap<u32> = KeyMap::default();
        let mut reference = HashMap::new();
        let mut x = 0x9E37_79B9_7F4A_7C15_u64;
        for i in 0..20_000_u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // every fourth key shares its low 16 bits with others; some repeat; one is 0
            let key = match i % 4 {
                0 => x << 16,
                1 => u64::from(i / 4 % 3000),
                _ => x,
            };
            match i % 3 {
                0 => {
                    let got = *map.get_or_insert(key, i);
                    assert_eq!(got, *reference.entry(key).or_insert(i), "{i}");
                }
                1 => {
                    map.insert(key, i);
                    reference.insert(key, i);
                }
                _ => *map.get_or_default(key) += 1,
            }
            if i % 3 == 2 {
                *reference.entry(key).or_default() += 1;
            }
        }
        assert_eq!(map.len(), reference.len());
        assert!(map.contains_key(0));
        for (&k, &v) in &reference {
            assert_eq!(map.get(k), Some(v), "{k}");
        }
        let mut all: Vec<_> = map.iter().collect();
        all.sort_unstable();
        let mut expected: Vec<_> = reference.into_iter().collect();
        expected.sort_unstable();
        assert_eq!(all, expected);
        assert_eq!(map.get(0xDEAD_BEEF_0000_0001), None);
    }

    #[test]
    fn reserve_keeps_the_table_at_most_five_eighths_full() {
        let mut map: KeyMap<u8> = KeyMap::default();
        map.reserve(1000);
        assert_eq!(map.slots.len(), 2048);
        for k in 1..=1280 {
            map.insert(k * 0x1_0001, 1);
        }
        assert_eq!((map.len(), map.slots.len()), (1280, 2048));
        map.insert(u64::MAX, 2);
        assert_eq!((map.len(), map.slots.len(), map.get(u64::MAX)), (1281, 4096, Some(2)));
        assert!((1..=1280).all(|k| map.get(k * 0x1_0001) == Some(1)));
    }
}
