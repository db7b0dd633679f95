//! Cue words: reporting verbs, belief verbs, "according to", gerunds, anonymous-source nouns
//! and outlet nominals (`data/cues.tsv`), found in one pass over the text that stops only at
//! word starts. The extractor scans once and hands the cues to the quote finders and to
//! attribution.
//!
//! Why not an automaton over every byte: inside the pipeline its transition table is cold
//! (the other stages evict it), so each byte costs a cache miss and the scan ran at about
//! 40 MB/s. Here a byte loop finds words, a bit set of the phrases' first three letters turns
//! most away, and the few left are looked up in a small hash table of the phrases' first
//! words, then compared with the phrases that open with the word, longest first: the first
//! the text goes on with is the cue, if it ends a word (a phrase that ends inside the text's
//! first word ends no word, so it can be no cue, nor can any shorter phrase be). The tables
//! are built in microseconds at the first scan.

use std::cmp::Reverse;
use std::sync::LazyLock;

use super::word::ascii_key;
use crate::document::Span;

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
    /// The groups of `rows` by the [`ascii_key`] of their first word, open addressing.
    slots: Vec<Slot>,
    phrases: Vec<&'static str>,
    classes: Vec<Class>,
    /// Bit [`prefix`] of every phrase's first three letters.
    prefixes: Vec<u64>,
}

/// One slot of [`Table::slots`]: a first word's key (0 when empty) and its group of rows.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u128,
    rows: (u16, u16),
}

/// The number of slots of [`Table::slots`], a power of two: at least twice the phrases.
const SLOTS: usize = 2048;

/// The first slot [`Table::slots`] probes for `key` (an [`ascii_key`]; 0, no word, marks an empty slot).
fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

impl Table {
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

/// The index of the first three bytes of `b` in [`Table::prefixes`]: each ASCII letter in any
/// case is 0 to 25, anything else (a space, the end) 26. Phrases are lower-case letters and
/// spaces, at least three, so a phrase the text at a word start goes on with has the text's
/// prefix.
fn prefix(b: &[u8]) -> usize {
    let code = |i: usize| b.get(i).map_or(26, |&c| usize::from(LETTER_CODES[usize::from(c)]));
    (code(0) * 27 + code(1)) * 27 + code(2)
}

/// How many values [`prefix`] takes.
const PREFIXES: usize = 27 * 27 * 27;

/// Each byte's code in [`prefix`]: 0 to 25 for an ASCII letter in any case, 26 for the rest.
const LETTER_CODES: [u8; 256] = {
    let mut t = [26u8; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = c as u8;
        t[b'A' as usize + c] = c as u8;
        c += 1;
    }
    t
};

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut classes = Vec::new();
    for line in include_str!("../../data/cues.tsv").lines() {
        let Some((phrase, class)) = line.split_once('\t') else { continue };
        if line.starts_with('#') {
            continue;
        }
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
    let mut prefixes = vec![0u64; PREFIXES / 64 + 1];
    for p in &phrases {
        let i = prefix(p.as_bytes());
        prefixes[i >> 6] |= 1 << (i & 63);
    }
    let first_key = |row: usize| {
        let first = phrases[row].split(' ').next().unwrap_or("");
        ascii_key(first.as_bytes()).expect("a cue's first word has at most 15 letters")
    };
    let mut keyed: Vec<(u128, Reverse<usize>, usize)> =
        (0..phrases.len()).map(|row| (first_key(row), Reverse(phrases[row].len()), row)).collect();
    keyed.sort_unstable();
    assert!(keyed.len() * 2 <= SLOTS && keyed.len() < usize::from(u16::MAX));
    let mut slots = vec![Slot::default(); SLOTS];
    for (start, &(k, _, _)) in keyed.iter().enumerate() {
        let mut i = slot(k);
        while slots[i].key != 0 && slots[i].key != k {
            i = (i + 1) % SLOTS;
        }
        let s = &mut slots[i];
        if s.key == 0 {
            *s = Slot { key: k, rows: (start as u16, start as u16) };
        }
        s.rows.1 += 1;
    }
    let rows: Vec<usize> = keyed.into_iter().map(|(_, _, row)| row).collect();
    let rows = rows.into_iter().map(|r| r as u16).collect();
    Table { rows, slots, phrases, classes, prefixes }
});

/// Byte classes: [`WORD`] for the bytes of a word (ASCII letters, digits, hyphens), and
/// [`LETTER`] for ASCII letters, which may start a phrase.
const CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = WORD | LETTER;
        } else if c.is_ascii_digit() || c == b'-' {
            t[b] = WORD;
        }
        b += 1;
    }
    t
};
const WORD: u8 = 1;
const LETTER: u8 = 2;

/// Every cue word in `text`, in text order, whole words only: the longest phrase starting
/// at a word start and ending at a word end.
pub(crate) fn scan(text: &str) -> Vec<Cue> {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let class = CLASSES[usize::from(bytes[i])];
        if class & WORD == 0 {
            i += 1;
            continue;
        }
        // a word starts at `i`
        let start = i;
        i += 1;
        while i < bytes.len() && CLASSES[usize::from(bytes[i])] & WORD != 0 {
            i += 1;
        }
        if class & LETTER != 0 {
            let p = prefix(&bytes[start..]);
            if table.prefixes[p >> 6] & 1 << (p & 63) != 0 {
                if let Some(cue) = cue_at(table, text, start, i) {
                    out.push(cue);
                    i = cue.span.end;
                }
            }
        }
    }
    out
}

/// The longest phrase starting at byte `at`, the start of a word that ends at `word_end`, if
/// the phrase ends at a word end.
fn cue_at(table: &Table, text: &str, at: usize, word_end: usize) -> Option<Cue> {
    let bytes = text.as_bytes();
    let group = table.group(ascii_key(&bytes[at..word_end])?);
    let row = usize::from(*group.iter().find(|&&row| {
        let phrase = table.phrases[usize::from(row)].as_bytes();
        bytes.get(at..at + phrase.len()).is_some_and(|t| t.eq_ignore_ascii_case(phrase))
    })?);
    let end = at + table.phrases[row].len();
    if bytes.get(end).is_some_and(|&b| CLASSES[usize::from(b)] & WORD != 0) {
        return None;
    }
    Some(Cue { span: Span::new(at, end), class: table.classes[row] })
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
    fn word_keys_are_lower_case() {
        assert_eq!(ascii_key(b"SAID"), ascii_key(b"said"));
        assert_eq!(ascii_key(b"Re-2"), ascii_key(b"re-2"));
        assert_ne!(ascii_key(b"said"), ascii_key(b"saiD-"));
        assert_ne!(ascii_key(b"a"), ascii_key(b""));
        assert_eq!(ascii_key(b"fifteen-letters").map(|k| k as u8), Some(15));
        assert_eq!(ascii_key(b"sixteen-letters!"), None);
        assert!(!TABLE.group(ascii_key(b"According").unwrap()).is_empty());
        assert!(TABLE.group(ascii_key(b"zzz").unwrap()).is_empty());
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
