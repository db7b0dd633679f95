//! Cue words: reporting verbs, belief verbs, "according to", gerunds, anonymous-source nouns
//! and outlet nominals, found in one Aho-Corasick pass over the text (`data/cues.tsv`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("the cue table builds");
    Table { automaton, classes }
});

/// Every cue word in `text`, in text order, whole words only.
pub(crate) fn scan(text: &str) -> Vec<Cue> {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
    table
        .automaton
        .find_iter(text)
        .filter(|m| !(word(m.end()) || m.start() > 0 && word(m.start() - 1)))
        .map(|m| Cue {
            span: Span::new(m.start(), m.end()),
            class: table.classes[m.pattern().as_usize()],
        })
        .collect()
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
}
