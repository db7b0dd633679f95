//! Cue words: reporting verbs, belief verbs, "according to", gerunds, anonymous-source nouns
//! and outlet nominals (`data/cues.tsv`), found in one pass over the text that stops only at
//! word starts. The extractor scans once and hands the cues to the quote finders and to
//! attribution.
//!
//! Why not an automaton over every byte: inside the pipeline its transition table is cold
//! (the other stages evict it), so each byte costs a cache miss and the scan ran at about
//! 40 MB/s. Here a byte loop finds word starts, a table of the phrases' first three letters
//! turns most words away, and an anchored search runs only at the few words left; the
//! search touches a handful of hot states.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

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
    automaton: AhoCorasick,
    classes: Vec<Class>,
    /// Bit [`prefix`] of every phrase's first three letters.
    prefixes: Vec<u64>,
}

/// The index of the first three bytes of `b` in [`Table::prefixes`]: each ASCII letter in any
/// case is 0 to 25, anything else (a space, the end) 26. Phrases are lower-case letters and
/// spaces, so a text word whose prefix bit is clear starts no phrase.
fn prefix(b: &[u8]) -> usize {
    let code = |i: usize| match b.get(i) {
        Some(&c) if c.is_ascii_alphabetic() => usize::from(c.to_ascii_lowercase() - b'a'),
        _ => 26,
    };
    (code(0) * 27 + code(1)) * 27 + code(2)
}

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
        phrases.push(phrase.to_owned());
        classes.push(class);
    }
    let mut prefixes = vec![0u64; 27 * 27 * 27 / 64 + 1];
    for p in &phrases {
        let i = prefix(p.as_bytes());
        prefixes[i >> 6] |= 1 << (i & 63);
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&phrases)
        .expect("the cue table builds");
    Table { automaton, classes, prefixes }
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
        if class & LETTER != 0 {
            let p = prefix(&bytes[i..]);
            if table.prefixes[p >> 6] & 1 << (p & 63) != 0 {
                if let Some(cue) = cue_at(table, text, i) {
                    out.push(cue);
                    i = cue.span.end;
                    continue;
                }
            }
        }
        i += 1;
        while i < bytes.len() && CLASSES[usize::from(bytes[i])] & WORD != 0 {
            i += 1;
        }
    }
    out
}

/// The longest phrase starting at byte `at` that ends at a word end.
fn cue_at(table: &Table, text: &str, at: usize) -> Option<Cue> {
    let input = Input::new(text).range(at..).anchored(Anchored::Yes);
    let m = table.automaton.find(input)?;
    let after = text.as_bytes().get(m.end());
    if after.is_some_and(|&b| CLASSES[usize::from(b)] & WORD != 0) {
        return None;
    }
    Some(Cue { span: Span::new(m.start(), m.end()), class: table.classes[m.pattern().as_usize()] })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn cues_start_at_word_starts_in_any_case() {
        let text = "ACCORDING TO re-said unsaid, officials-said \u{201c}Said\u{201d} officials";
        let found: Vec<&str> = scan(text).iter().map(|c| c.span.text(text)).collect();
        assert_eq!(found, ["ACCORDING TO", "Said", "officials"]);
    }
}
