//! A small fast hasher for the gazetteer's tables (the FxHash of rustc): names are short
//! and not attacker-chosen keys of a long-lived service table.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::chars::{HIGH, ONES, in_range8, lower_ascii8};

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hash map keyed by [`key`] hashes, which need no further hashing.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The 64-bit key of a name: its Fx hash, finished with the MurmurHash3 mixer so that
/// every bit depends on every byte. Two names share a key with odds of about one in 2^64
/// per pair, far below any gazetteer's size.
#[inline]
pub(crate) fn key(s: &str) -> u64 {
    key_bytes(s.as_bytes())
}

/// [`key`] of a name given as its UTF-8 bytes.
#[inline]
pub(crate) fn key_bytes(s: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    if s.len() < 8 {
        // most words: their bytes are the last and only word the hash adds, with no
        // chunking of the slice to set up
        h.add(padded_le(s) ^ s.len() as u64);
    } else {
        h.write(s);
    }
    mix(h.finish())
}

/// [`key_bytes`] of `s` in lower case when it is ASCII, lowered eight bytes at a time as it
/// is hashed, with no copy; `None` when `s` has a byte beyond ASCII (told in the same pass,
/// so that a caller need not ask [`str::is_ascii`] first).
pub(crate) fn key_ascii_lower(s: &[u8]) -> Option<u64> {
    let mut h = FxHasher::default();
    if s.len() < 8 {
        // most words: loaded as one padded word, with no chunking of the slice to set up
        let word = padded_le(s);
        if word & 0x8080_8080_8080_8080 != 0 {
            return None;
        }
        h.add(lower_ascii8(word) ^ s.len() as u64);
        return Some(mix(h.finish()));
    }
    // the bytes' high bits, all clear for ASCII
    let mut high = 0;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        high |= word;
        h.add(lower_ascii8(word));
    }
    let rest = chunks.remainder();
    let last = padded_le(rest);
    if (high | last) & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    h.add(lower_ascii8(last) ^ rest.len() as u64);
    Some(mix(h.finish()))
}

/// [`key_bytes`] of `s` in title case as [`title_case`](super::title_case) gives it (a
/// capital after an ASCII letter or an apostrophe lowered) when `s` is ASCII, title-cased
/// eight bytes at a time as it is hashed, with no copy; `None` when `s` has a byte beyond
/// ASCII.
pub(crate) fn key_title_case_ascii(s: &[u8]) -> Option<u64> {
    let mut h = FxHasher::default();
    // the bytes' high bits, all clear for ASCII
    let mut high = 0;
    // the high bit of the low byte set when the byte before the next eight is a letter or
    // an apostrophe
    let mut carry = 0;
    let mut titled = |x: u64| {
        high |= x;
        // (the top bits cleared, so that no sum carries into the next byte)
        let low = x & !HIGH;
        let upper = in_range8(low, b'A', b'Z') & HIGH;
        // setting 0x20 lowers the capitals and makes no other byte a lower-case letter
        let letters = in_range8(low | (ONES * 0x20), b'a', b'z') & HIGH;
        let apostrophes = !(low ^ (ONES * u64::from(b'\''))).wrapping_add(ONES * 0x7f) & HIGH;
        let after = (letters | apostrophes) << 8 | carry;
        carry = (letters | apostrophes) >> 56;
        x | (upper & after) >> 2
    };
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h.add(titled(word));
    }
    let rest = chunks.remainder();
    let last = titled(padded_le(rest));
    if high & HIGH != 0 {
        return None;
    }
    h.add(last ^ rest.len() as u64);
    Some(mix(h.finish()))
}

/// The MurmurHash3 finishing mixer.
fn mix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// Passes a [`key`] through unchanged.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdHasher {
    hash: u64,
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.hash = (self.hash << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.hash = n;
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Fewer than eight bytes (the last of a text) as a little-endian word, zero-padded: two
/// overlapping loads, with no loop over the bytes and no call to copy them.
pub(crate) fn padded_le(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!(n < 8);
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([rest[0], rest[1]]);
        let hi = u16::from_le_bytes([rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}

/// The Fx hash: multiply-rotate over eight bytes at a time.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        self.add(padded_le(rest) ^ rest.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_lowered_ascii_are_keys_of_the_lowered_text() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for len in 0..all.len() {
            let s = &all[all.len() - len..];
            assert_eq!(key_ascii_lower(s), Some(key_bytes(&s.to_ascii_lowercase())), "{len}");
            // a byte beyond ASCII anywhere says no
            for at in 0..len {
                let mut t = s.to_vec();
                t[at] |= 0x80;
                assert_eq!(key_ascii_lower(&t), None, "{len} {at}");
            }
        }
    }

    /// The Fx hash as first written, with the last bytes copied into a padded word.
    fn reference(bytes: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        h.add(u64::from_le_bytes(last) ^ rest.len() as u64);
        h.finish()
    }

    #[test]
    fn the_last_bytes_hash_as_a_padded_word() {
        let text = "Zelenskyy met the North Atlantic Treaty Organization in Kyiv";
        for end in 0..=text.len() {
            let mut h = FxHasher::default();
            h.write(&text.as_bytes()[..end]);
            assert_eq!(h.finish(), reference(&text.as_bytes()[..end]), "{end}");
            // the key of a short slice, hashed without chunking, is the same
            for start in 0..=end {
                let s = &text.as_bytes()[start..end];
                assert_eq!(key_bytes(s), mix(reference(s)), "{start} {end}");
            }
        }
        for n in 0..8 {
            let rest: Vec<u8> = (1..=n).map(|b: u8| b.wrapping_mul(37).wrapping_add(200)).collect();
            let mut last = [0u8; 8];
            last[..n as usize].copy_from_slice(&rest);
            assert_eq!(padded_le(&rest), u64::from_le_bytes(last), "{n}");
        }
        assert_ne!(key("Kyiv"), key("Kiev"));
        assert_eq!(key("Kyiv"), key_bytes(b"Kyiv"));
    }
}
