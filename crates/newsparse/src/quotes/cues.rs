//! Cue words: reporting verbs, belief verbs, "according to", gerunds, anonymous-source nouns
//! and outlet nominals (`data/cues.tsv`), found in one pass over the text that stops only at
//! word starts. The extractor scans once and hands the cues to the quote finders and to
//! attribution.
//!
//! Why not an automaton over every byte: inside the pipeline its transition table is cold
//! (the other stages evict it), so each byte costs a cache miss and the scan ran at about
//! 40 MB/s. Here the word starts of eight bytes at a time are found with a few additions on a
//! `u64`, a bit set of a hash of the phrases' first four bytes turns most words away, and the
//! few left are looked up in a small hash table of the phrases' first words, then compared
//! with the phrases that open with the word, longest first: the first the text goes on with is
//! the cue, if it ends a word (a phrase that ends inside the text's first word ends no word,
//! so it can be no cue, nor can any shorter phrase be). The tables are built in microseconds
//! at the first scan.
//!
//! A cue glued into a long run of text without white space (`"said"said"said…`, a URL) is no
//! cue: the rules read the words around a cue, and each would read the whole run again,
//! which made such text take time in the square of its length ([`MAX_RUN`]).

use std::cmp::Reverse;
use std::sync::LazyLock;

use crate::chars::{HIGH, ONES, in_range8, is_word_byte, space_at, space_before};
use crate::document::Span;
use crate::gazetteer::tsv_rows;

/// What a cue word signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A reporting verb ("said", "told", "writes").
    Speech,
    /// A belief, intention or knowledge verb ("believes", "wants", "has learned").
    Belief,
    /// "according to" and its kin.
    According,
    /// A gerund that adds a second reported clause ("stressing that").
    Gerund,
    /// A noun naming an unnamed source ("official", "people familiar").
    Anon,
    /// A noun naming an outlet ("the newspaper", "the publication").
    Outlet,
}

/// One cue word found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// Where it stands.
    pub(crate) span: Span,
    /// What it signals.
    pub(crate) class: Class,
}

struct Table {
    /// The rows of the phrases grouped by their first word, each group's longest phrase first
    /// (and of two as long, the first row).
    rows: Vec<u16>,
    /// The groups of `rows` by the [`word_key`] of their first word, open addressing.
    slots: Vec<Slot>,
    phrases: Vec<&'static str>,
    classes: Vec<Class>,
    /// Bit [`prefix`] of every phrase's first four bytes.
    prefixes: [u64; (1 << PREFIX_BITS) / 64],
}

/// One slot of [`Table::slots`]: a first word's key (0 when empty) and its group of rows.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u128,
    rows: (u16, u16),
}

/// The number of slots of [`Table::slots`], a power of two: at least twice the phrases.
const SLOTS: usize = 2048;

/// The first slot [`Table::slots`] probes for `key` (a [`word_key`]; 0, no word, marks an empty slot).
fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The key in [`Table::slots`] of the word of `len` bytes at byte `at` of `bytes`, whose first
/// eight bytes (as [`chunk_at`] reads them) are `head`; `None` when it is longer than 15 bytes.
/// The key is the word's bytes with the case bit (0x20) set, which lowers the capitals and
/// changes no other byte of a word, zero-padded to sixteen, as a number (the first byte
/// lowest). Word bytes are never zero, so no two words share a key, and no word has 0, the key
/// of an empty slot.
#[inline]
fn word_key(bytes: &[u8], at: usize, len: usize, head: u64) -> Option<u128> {
    // the low `n` bytes of `x`, `n` from 1 to 8
    let low = |x: u64, n: usize| (x | CASE) & u64::MAX >> (64 - 8 * n);
    match len {
        1..=8 => Some(u128::from(low(head, len))),
        9..=15 => {
            let tail = low(chunk_at(bytes, at + 8), len - 8);
            Some(u128::from(tail) << 64 | u128::from(head | CASE))
        }
        _ => None,
    }
}

impl Table {
    /// Whether a phrase may open `x`, text bytes with the first in the low byte: whether one
    /// has its [`prefix`].
    #[inline]
    fn may_open(&self, x: u32) -> bool {
        let p = prefix(x);
        self.prefixes[p / 64] & 1 << (p % 64) != 0
    }

    /// The cue at byte `at` of `bytes`, the start of a word, whose eight bytes from there
    /// (as [`chunk_at`] reads them) are `head`: the longest phrase the text goes on with
    /// there, if it ends a word. (A phrase that ends inside the text's first word ends no
    /// word, so it can be no cue, nor can any shorter phrase be.)
    // Out of line, as only about one word in eight comes here: the scan's loop keeps its
    // registers.
    #[inline(never)]
    fn cue_at(&self, bytes: &[u8], at: usize, head: u64) -> Option<Cue> {
        let word = &bytes[at..word_end(bytes, at, head)];
        let group = self.group(word_key(bytes, at, word.len(), head)?);
        // the word is the first word of every phrase of the group: the rest must follow it
        let after = &bytes[at + word.len()..];
        let row = usize::from(*group.iter().find(|&&row| {
            let rest = &self.phrases[usize::from(row)].as_bytes()[word.len()..];
            after.get(..rest.len()).is_some_and(|t| t.eq_ignore_ascii_case(rest))
        })?);
        let end = at + self.phrases[row].len();
        if bytes.get(end).copied().is_some_and(is_word_byte) {
            return None;
        }
        Some(Cue { span: Span::new(at, end), class: self.classes[row] })
    }

    /// The rows of the phrases whose first word has `key`.
    fn group(&self, key: u128) -> &[u16] {
        let mut i = slot(key);
        loop {
            let s = self.slots[i];
            if s.key == key {
                return &self.rows[usize::from(s.rows.0)..usize::from(s.rows.1)];
            }
            if s.key == 0 {
                return &[];
            }
            i = (i + 1) % SLOTS;
        }
    }
}

/// The index in [`Table::prefixes`] of the first four bytes of `x`, text bytes with the first
/// in the low byte: a multiplicative hash of the four with their case bit (0x20) cleared, and
/// the fourth made zero unless it is a letter. Clearing the case bit makes each letter's two
/// cases one and a space zero, as bytes past the end read. After a phrase of three letters
/// ("say") the text's fourth byte ends the word, so it is no letter, and is zeroed as the
/// phrase's (past its end) is. So where the text goes on with a phrase (lower-case letters and
/// spaces, at least three, ending a word) it has the phrase's prefix. Other prefixes sharing a
/// phrase's hash only let a few more words through to [`Table::cue_at`].
#[inline]
fn prefix(x: u32) -> usize {
    let four = x & 0xdfdf_dfdf;
    let fourth_is_letter = ((four >> 24) as u8).wrapping_sub(b'A') < 26;
    let four = if fourth_is_letter { four } else { four & 0x00ff_ffff };
    (four.wrapping_mul(0x9e37_79b1) >> (32 - PREFIX_BITS)) as usize
}

/// The bits of a [`prefix`].
const PREFIX_BITS: u32 = 15;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut classes = Vec::new();
    for (phrase, class) in tsv_rows(include_str!("../../data/cues.tsv")) {
        let class = match class.trim() {
            "speech" => Class::Speech,
            "belief" => Class::Belief,
            "according" => Class::According,
            "gerund" => Class::Gerund,
            "anon" => Class::Anon,
            _ => Class::Outlet,
        };
        phrases.push(phrase);
        classes.push(class);
    }
    let mut prefixes = [0u64; (1 << PREFIX_BITS) / 64];
    for p in &phrases {
        let i = prefix(chunk_at(p.as_bytes(), 0) as u32);
        prefixes[i >> 6] |= 1 << (i & 63);
    }
    let first_key = |phrase: &str| {
        let first =
            &phrase.as_bytes()[..phrase.bytes().position(|b| b == b' ').unwrap_or(phrase.len())];
        word_key(first, 0, first.len(), chunk_at(first, 0))
            .expect("a first word of at most 15 letters")
    };
    assert!(phrases.len() * 2 <= SLOTS && phrases.len() < usize::from(u16::MAX));
    // the groups without a sort: each first word's slot counts its rows, the slots in turn
    // take their places in `rows`, and each row goes to its group's next place
    let keys: Vec<u128> = phrases.iter().map(|p| first_key(p)).collect();
    let mut slots = vec![Slot::default(); SLOTS];
    let mut at = Vec::with_capacity(keys.len());
    for &k in &keys {
        let mut i = slot(k);
        while slots[i].key != 0 && slots[i].key != k {
            i = (i + 1) % SLOTS;
        }
        slots[i].key = k;
        slots[i].rows.1 += 1;
        at.push(i);
    }
    let mut start = 0;
    for s in slots.iter_mut().filter(|s| s.key != 0) {
        let n = s.rows.1;
        s.rows = (start, start);
        start += n;
    }
    let mut rows = vec![0u16; keys.len()];
    for (row, &i) in at.iter().enumerate() {
        let s = &mut slots[i];
        rows[usize::from(s.rows.1)] = row as u16;
        s.rows.1 += 1;
    }
    // each group's longest phrase first, and of two as long the first row (a stable sort of
    // a few rows)
    for s in slots.iter().filter(|s| s.key != 0) {
        let group = &mut rows[usize::from(s.rows.0)..usize::from(s.rows.1)];
        group.sort_by_key(|&r| Reverse(phrases[usize::from(r)].len()));
    }
    Table { rows, slots, phrases, classes, prefixes }
});

/// The word bytes of `x`, eight bytes of text with the first in the low byte: the high bit of
/// each byte that [`is_word_byte`], the other bits clear.
#[inline]
fn word_bytes(x: u64) -> u64 {
    // the bytes with their high bit cleared, so that the sums of `in_range8` carry into no
    // other byte; the bytes that had it (of non-ASCII characters) are no word bytes
    let t = x & !HIGH;
    // setting 0x20 lowers the capitals and makes no other byte a lower-case letter
    let letters = in_range8(t | CASE, b'a', b'z');
    let others = in_range8(t, b'0', b'9') | in_range8(t, b'-', b'-');
    (letters | others) & !x & HIGH
}

/// The ASCII letters of `x`, eight bytes of text with the first in the low byte: the high
/// bit of each byte that is one, the other bits clear. Fewer steps than [`word_bytes`]: the
/// scan finds the starts of words by their letters (every phrase starts with one), and
/// tells a letter after a digit or a hyphen, which starts no word, at the few that a phrase
/// may open.
#[inline]
fn letter_bytes(x: u64) -> u64 {
    // as in `word_bytes`: the high bits cleared, the capitals lowered by the case bit
    in_range8((x & !HIGH) | CASE, b'a', b'z') & !x & HIGH
}

/// The case bit (0x20) of each byte of a `u64`: set, it lowers an ASCII capital.
const CASE: u64 = ONES * 0x20;

/// The eight bytes of `bytes` from `i` as a number, the first in the low byte; bytes past the
/// end read as zero, which is no word byte.
#[inline]
fn chunk_at(bytes: &[u8], i: usize) -> u64 {
    let rest = bytes.get(i..).unwrap_or_default();
    match rest.first_chunk::<8>() {
        Some(&chunk) => u64::from_le_bytes(chunk),
        None => {
            let mut padded = [0; 8];
            padded[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(padded)
        }
    }
}

/// The end of the word bytes that start at byte `i` of `bytes` (`i` when none does), given
/// the eight bytes from there (as [`chunk_at`] reads them): eight bytes at a time.
fn word_end(bytes: &[u8], mut i: usize, mut chunk: u64) -> usize {
    loop {
        // the zeros past the end stop every run
        let stops = !word_bytes(chunk) & HIGH;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
        chunk = chunk_at(bytes, i);
    }
}

/// The longest run of text without white space that a cue may stand in, in bytes: far
/// longer than any word with its punctuation ("“said,”", "unnamed—officials—said").
const MAX_RUN: usize = 64;

/// True when `span` stands in a run of text without white space (as [`char::is_whitespace`]
/// tells it) of at most [`MAX_RUN`] bytes: read no further than that either side.
fn in_short_run(text: &str, span: Span) -> bool {
    let mut start = span.start;
    while start > 0 {
        let (space, len) = space_before(text, start);
        if space {
            break;
        }
        start -= len;
        if span.end - start > MAX_RUN {
            return false;
        }
    }
    let mut end = span.end;
    while end < text.len() {
        let (space, len) = space_at(text, end);
        if space {
            break;
        }
        end += len;
        if end - start > MAX_RUN {
            return false;
        }
    }
    end - start <= MAX_RUN
}

/// The [`WINDOW`] bytes of `bytes` from `i`; when fewer are left, those followed by zeros,
/// in `tail`.
#[inline]
fn window<'a>(bytes: &'a [u8], i: usize, tail: &'a mut [u8; WINDOW]) -> &'a [u8; WINDOW] {
    match bytes.get(i..).and_then(<[u8]>::first_chunk) {
        Some(window) => window,
        None => {
            let rest = bytes.get(i..).unwrap_or_default();
            tail[..rest.len()].copy_from_slice(rest);
            tail[rest.len()..].fill(0);
            tail
        }
    }
}

/// The bytes the scan reads at a time: 32 to find words in, as four words of eight, and
/// eight more to read the first bytes of the last of them.
const WINDOW: usize = 40;

/// Every cue word in `text`, in text order, whole words only: the longest phrase starting
/// at a word start and ending at a word end.
pub(crate) fn scan(text: &str) -> Vec<Cue> {
    let mut out = Vec::new();
    scan_into(text, &mut out);
    out
}

/// [`scan`], appended to `out` (a list the pipeline keeps between parses).
pub(crate) fn scan_into(text: &str, out: &mut Vec<Cue>) {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    // news text has about one cue in a hundred bytes: room for most at once
    out.reserve(text.len() / 128);
    let mut tail = [0; WINDOW];
    let mut i = 0;
    // the high bit of the low byte set when the byte before `i` is a letter
    let mut before = 0;
    'chunks: while i < bytes.len() {
        // 32 bytes to find words in, and eight more to read the prefixes of the last
        let window = window(bytes, i, &mut tail);
        for base in [0, 8, 16, 24] {
            let chunk = window[base..].first_chunk::<8>().expect("eight of 40");
            let letters = letter_bytes(u64::from_le_bytes(*chunk));
            // letters after no letter: the words' starts, and letters after a digit or a
            // hyphen
            let mut starts = letters & !(letters << 8 | before);
            before = letters >> 56;
            while starts != 0 {
                let bit = starts.trailing_zeros();
                starts &= starts - 1;
                let p = base + (bit / 8) as usize;
                let three = window[p..].first_chunk::<4>().expect("p is at most 31");
                // a phrase may open here, and it is a word's start: no word byte (a digit or
                // a hyphen) stands before the letter
                let at = i + p;
                if table.may_open(u32::from_le_bytes(*three))
                    && (at == 0 || !is_word_byte(bytes[at - 1]))
                {
                    let head = window[p..].first_chunk::<8>().expect("p is at most 31");
                    if let Some(cue) = table.cue_at(bytes, at, u64::from_le_bytes(*head)) {
                        if in_short_run(text, cue.span) {
                            out.push(cue);
                        }
                        // a cue ends a word: read on from the byte after it
                        i = cue.span.end;
                        before = 0x80;
                        continue 'chunks;
                    }
                }
            }
        }
        i += 32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_three_or_more_lower_case_letters_and_spaces() {
        for p in &TABLE.phrases {
            assert!(
                p.len() >= 3 && p.bytes().all(|b| b.is_ascii_lowercase() || b == b' '),
                "{p:?}"
            );
        }
        assert_eq!(TABLE.rows.len(), TABLE.phrases.len());
        let grouped: usize = TABLE.slots.iter().map(|s| usize::from(s.rows.1 - s.rows.0)).sum();
        assert_eq!(grouped, TABLE.phrases.len());
    }

    #[test]
    fn each_group_holds_the_phrases_of_its_first_word_longest_first() {
        for (row, p) in TABLE.phrases.iter().enumerate() {
            let first = p.split(' ').next().unwrap();
            let group = TABLE.group(key(first.as_bytes()).unwrap());
            assert!(group.contains(&(row as u16)), "{p:?}");
            for w in group.windows(2) {
                let (a, b) = (TABLE.phrases[usize::from(w[0])], TABLE.phrases[usize::from(w[1])]);
                assert!(a.len() > b.len() || a.len() == b.len() && w[0] < w[1], "{a:?} {b:?}");
                assert_eq!(a.split(' ').next(), b.split(' ').next());
            }
        }
    }

    /// The key of all of `word`.
    fn key(word: &[u8]) -> Option<u128> {
        word_key(word, 0, word.len(), chunk_at(word, 0))
    }

    #[test]
    fn word_keys_are_lower_case() {
        assert_eq!(key(b"SAID"), key(b"said"));
        assert_eq!(key(b"Re-2"), key(b"re-2"));
        assert_ne!(key(b"said"), key(b"saiD-"));
        assert_ne!(key(b"eight-ch"), key(b"eight-chars"));
        assert_eq!(key(b"Fifteen-Letters"), key(b"fifteen-letters"));
        assert_ne!(key(b"fifteen-letters"), key(b"fifteen-letterz"));
        assert_eq!(key(b"sixteen-letters-"), None);
        // only the word's bytes count, not those after it
        assert_eq!(word_key(b"said it", 0, 4, chunk_at(b"said it", 0)), key(b"said"));
        let long = b"Announced-2016 ";
        assert_eq!(word_key(long, 0, 14, chunk_at(long, 0)), key(b"announced-2016"));
        assert!(!TABLE.group(key(b"According").unwrap()).is_empty());
        assert!(TABLE.group(key(b"zzz").unwrap()).is_empty());
    }

    #[test]
    fn word_bytes_are_marked_as_one_at_a_time() {
        // every byte value in every position, among neighbours that would carry or borrow
        for fill in [0x00, b' ', b'-', b'9', b'Z', b'z', 0x7f, 0x80, 0xff] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let expected = bytes
                        .iter()
                        .enumerate()
                        .fold(0, |m, (i, &c)| m | u64::from(is_word_byte(c)) << (8 * i + 7));
                    assert_eq!(word_bytes(u64::from_le_bytes(bytes)), expected, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn word_ends_cross_chunks_and_stop_at_the_text_end() {
        let end = |s: &str, i: usize| word_end(s.as_bytes(), i, chunk_at(s.as_bytes(), i));
        assert_eq!(end("said", 0), 4);
        assert_eq!(end("re-said, 2016", 0), 7);
        assert_eq!(end("re-said, 2016", 9), 13);
        assert_eq!(end("abcdefgh", 0), 8);
        assert_eq!(end("abcdefghijklmnopq rest", 0), 17);
        assert_eq!(end("abcdefghijklmnop", 3), 16);
        assert_eq!(end("naïve", 0), 2);
        assert_eq!(end("said\u{2019}s", 0), 4);
        assert_eq!(end(" said", 0), 0);
        assert_eq!(end("x", 1), 1);
        assert_eq!(chunk_at(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
        assert_eq!(chunk_at(b"abc", 3), 0);
    }

    #[test]
    fn every_phrase_has_its_prefix_in_any_case_and_before_any_word_end() {
        for p in &TABLE.phrases {
            for form in [p.to_string(), p.to_ascii_uppercase(), capitalised(p)] {
                for after in ["", " ", ",", "\0", "\u{201d}", "\u{a0}"] {
                    let text = format!("{form}{after}");
                    assert!(TABLE.may_open(chunk_at(text.as_bytes(), 0) as u32), "{text:?}");
                }
            }
        }
    }

    /// `s` with its first letter a capital.
    fn capitalised(s: &str) -> String {
        s[..1].to_ascii_uppercase() + &s[1..]
    }

    /// The cues of `text` by their definition, a byte at a time: at each word start (a letter
    /// after no word byte) the longest phrase whose first word is the text's word and that the
    /// text goes on with (of two as long, the first row) is a cue if it ends a word and stands
    /// in a run without white space of at most [`MAX_RUN`] bytes; the scan reads on after the
    /// phrase or, without one, after the word.
    fn plain_scan(text: &str) -> Vec<(&str, Class)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() || i > 0 && is_word_byte(b[i - 1]) {
                i += 1;
                continue;
            }
            let end = (i..b.len()).find(|&j| !is_word_byte(b[j])).unwrap_or(b.len());
            let opens = |r: &usize| {
                let first = TABLE.phrases[*r].split(' ').next().unwrap_or_default();
                first.as_bytes().eq_ignore_ascii_case(&b[i..end])
            };
            let mut rows: Vec<usize> = (0..TABLE.phrases.len()).filter(opens).collect();
            rows.sort_by_key(|&r| (Reverse(TABLE.phrases[r].len()), r));
            let goes_on = |r: &&usize| {
                let p = TABLE.phrases[**r].as_bytes();
                b[i..].get(..p.len()).is_some_and(|t| t.eq_ignore_ascii_case(p))
            };
            match rows.iter().find(goes_on).map(|&r| (i + TABLE.phrases[r].len(), r)) {
                Some((cue_end, r)) if !b.get(cue_end).copied().is_some_and(is_word_byte) => {
                    // the run without white space the cue stands in
                    let run_start = text[..i]
                        .char_indices()
                        .rfind(|(_, c)| c.is_whitespace())
                        .map_or(0, |(k, c)| k + c.len_utf8());
                    let run_end = text[cue_end..]
                        .find(char::is_whitespace)
                        .map_or(text.len(), |k| cue_end + k);
                    if run_end - run_start <= MAX_RUN {
                        out.push((&text[i..cue_end], TABLE.classes[r]));
                    }
                    i = cue_end;
                }
                _ => i = end,
            }
        }
        out
    }

    /// The cues [`scan`] finds in `text`, as [`plain_scan`] gives them.
    fn scanned(text: &str) -> Vec<(&str, Class)> {
        scan(text).iter().map(|c| (c.span.text(text), c.class)).collect()
    }

    #[test]
    fn every_phrase_is_found_as_defined_at_every_offset() {
        let ends = ["", " ", "s", "-", ",", "2", "\u{2019}s", "\0", " to", " x"];
        let leads = "re-x \u{201c}a.b x-y";
        // leads that put the phrase in each of the scan's four words of eight bytes, and
        // across from one to the next
        let leads: Vec<String> = (0..=leads.len())
            .filter(|&n| leads.is_char_boundary(n))
            .map(|n| leads[..n].to_string())
            .chain(["", "re-x ", "re-x \u{201c}a."].map(|l| format!("0123456789 x-y. {l}")))
            .chain(["z".repeat(27), "z ".repeat(14)])
            .collect();
        for p in &TABLE.phrases {
            for form in [p.to_string(), p.to_ascii_uppercase(), capitalised(p)] {
                for lead in &leads {
                    for end in ends {
                        let text = format!("{lead}{form}{end}");
                        assert_eq!(scanned(&text), plain_scan(&text), "{text:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn the_scan_finds_the_cues_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "said", "Said", "SAID", "says", "say", "Say", "sayings", "ask", "asked",
                "according", "According to", "ACCORDING TO", "to", "people", "familiar",
                "familiarity", "officials", "in", "the words of", "as reported by", "has",
                "learned", "re", "x", "abcdefghijklmnop", "2016", "-", " ", " ", "  ", ", ",
                ".", "\n", "\r\n", "\t", "\0", "\u{201c}", "\u{2019}", "é", "\u{a0}",
            ]), 0..40),
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(scanned(&text), plain_scan(&text), "{:?}", text);
        }
    }

    #[test]
    fn a_cue_glued_into_a_long_run_is_no_cue() {
        let glued = "\"said".repeat(1000);
        assert!(scan(&glued).is_empty());
        let text = format!("Then {glued} and said so");
        assert_eq!(scanned(&text), [("said", Class::Speech)]);
        // up to the limit a run may hold a cue, with its punctuation and the words joined to it
        let run = |n: usize| format!("x {}said, y", "\u{2014}".repeat(n));
        let longest = (MAX_RUN - "said,".len()) / 3;
        assert_eq!(scanned(&run(longest)), [("said", Class::Speech)]);
        assert!(scanned(&run(longest + 1)).is_empty());
        assert_eq!(scanned(&run(longest + 1)), plain_scan(&run(longest + 1)));
        let spaced = "said\u{a0}".repeat(100);
        assert_eq!(scan(&spaced).len(), 100, "no-break spaces part runs");
    }

    #[test]
    fn finds_whole_words_only() {
        let cues = scan("Officials said sayings were reported, according to sources.");
        let classes: Vec<Class> = cues.iter().map(|c| c.class).collect();
        assert_eq!(
            classes,
            [Class::Anon, Class::Speech, Class::Speech, Class::According, Class::Anon]
        );
    }

    #[test]
    fn the_longest_phrase_counts_and_must_end_a_word() {
        let text = "According to reports, people familiar with it said sayings; people familiarity \
                    was reported-ly noted, they report.";
        let found: Vec<(&str, Class)> =
            scan(text).iter().map(|c| (c.span.text(text), c.class)).collect();
        assert_eq!(
            found,
            [
                ("According to", Class::According),
                ("reports", Class::Speech),
                ("people familiar", Class::Anon),
                ("said", Class::Speech),
                ("noted", Class::Speech),
                // a phrase in two rows takes the first row's class
                ("report", Class::Speech),
            ]
        );
    }

    #[test]
    fn cues_start_at_word_starts_in_any_case() {
        let text = "ACCORDING TO re-said unsaid, officials-said \u{201c}Said\u{201d} officials";
        let found: Vec<&str> = scan(text).iter().map(|c| c.span.text(text)).collect();
        assert_eq!(found, ["ACCORDING TO", "Said", "officials"]);
    }
}
