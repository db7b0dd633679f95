//! The headline: the first article line when it reads as one, its source suffix
//! (" - Bloomberg", " | Reuters", " — AP") and a deck line after a trailing `;`.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::dateline;
use super::lines::{Line, trim, wraps};
use crate::chars::more_words_than8;
use crate::document::{Headline, Span, Text};

const OUTLET_WORDS_TXT: &str = include_str!("../../data/outlet_words.txt");

/// Words that mark a name as an outlet's, from `data/outlet_words.txt`.
static OUTLET_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    OUTLET_WORDS_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Separators between a headline and the outlet named after it, in order of preference.
const SUFFIX_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " ― ", " -- "];

/// The most words a headline (or its deck) has.
const MAX_WORDS: usize = 30;

/// The headline of an article whose article lines (boilerplate left out) are `article`.
///
/// The first line reads as a headline when a line follows it, it has 2 to 30 words, and it
/// does not end in a comma or colon. When it ends like a sentence (`.`, `!`, `?`), it must
/// also stand apart: a blank line or a dateline follows it. A line ending in `;` takes the
/// next line as its deck.
pub(super) fn find(text: &str, article: &[Line]) -> Option<Headline> {
    let (first, next) = (article.first()?, article.get(1)?);
    let s = first.span.text(text);
    // 2 to 30 words, counted on bytes and no further than the 31st
    if !more_words_than8(s, 1)
        || more_words_than8(s, MAX_WORDS)
        || s.ends_with([',', ':'])
        || wraps(text, first.span, next.span)
    {
        return None;
    }
    let bare = s.trim_end_matches(['"', '\'', '”', '’', ')']);
    let dateline_next = |l: &Line| dateline::starts(text, l.span);
    let byline_then_dateline = super::is_bare_byline(next.span.text(text))
        && article.get(2).is_some_and(|l| dateline::own_line(text, l.span).is_some());
    let stands_apart = next.blank_before || dateline_next(next) || byline_then_dateline;
    if bare.ends_with(['.', '!', '?']) && !stands_apart {
        return None;
    }
    let mut headline = split_source(text, first.span);
    if s.ends_with(';') && !more_words_than8(next.span.text(text), MAX_WORDS) {
        headline.text =
            Text::new(text, trim(text, Span::new(first.span.start, first.span.end - 1)));
        headline.deck = Some(Text::new(text, next.span));
    }
    Some(headline)
}

/// The headline on `line`, with a source suffix split off when the part after the separator
/// names an outlet.
fn split_source(text: &str, line: Span) -> Headline {
    let s = line.text(text);
    // every separator holds a `|`, a `-` or the lead byte of the long dashes: a line with
    // none of them (most headlines) is spared six searches
    let separators = if memchr::memchr3(b'|', b'-', 0xE2, s.as_bytes()).is_some() {
        SUFFIX_SEPARATORS
    } else {
        &[]
    };
    for sep in separators {
        let Some(at) = rfind_separator(s, sep) else { continue };
        let source = s[at + sep.len()..].trim_end_matches('.');
        let max_words = if *sep == " | " { 5 } else { 4 };
        if more_words_than8(&s[..at], 1) && is_outlet_name(source, max_words, *sep == " | ") {
            let src_start = line.start + at + sep.len();
            return Headline {
                span: line,
                text: Text::new(text, Span::new(line.start, line.start + at)),
                source: Some(Text::new(text, Span::new(src_start, src_start + source.len()))),
                deck: None,
            };
        }
    }
    Headline { span: line, text: Text::new(text, line), source: None, deck: None }
}

/// Where the last `sep` (one of [`SUFFIX_SEPARATORS`]) in `s` starts, as `s.rfind(sep)`
/// tells it: found from the end by the separator's second byte (`|`, `-` or a long dash's
/// lead byte, never a space) with `memrchr`, instead of a searcher set up for each one.
fn rfind_separator(s: &str, sep: &str) -> Option<usize> {
    let (b, sep) = (s.as_bytes(), sep.as_bytes());
    // a separator starts one byte before its second byte: the last such start is the last
    memchr::memrchr_iter(sep[1], b)
        .filter_map(|i| i.checked_sub(1))
        .find(|&at| b[at..].starts_with(sep))
}

/// One to `max_words` words, the first capitalised and the others capitalised or small
/// connecting words ("The Wall Street Journal", "Voice of America"); after a dash (not a
/// pipe), one of them must also be an outlet word or an acronym ("Fox News", "AP"), so that
/// "Trump's pick - It Might Surprise You" keeps its last words.
fn is_outlet_name(s: &str, max_words: usize, after_pipe: bool) -> bool {
    let outlet_word = |w: &str| {
        OUTLET_WORDS.contains(w)
            || (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
    };
    let shouted = s.split_whitespace().nth(1).is_some() && !s.chars().any(char::is_lowercase);
    (after_pipe || s.split_whitespace().any(outlet_word)) && !shouted && is_name(s, max_words)
}

/// One to `max_words` words, the first capitalised and the others capitalised or small
/// connecting words.
fn is_name(s: &str, max_words: usize) -> bool {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else { return false };
    let capital = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let mut count = 1;
    let rest_ok = words.all(|w| {
        count += 1;
        capital(w) || matches!(w, "of" | "the" | "and" | "&" | "for" | "de")
    });
    capital(first) && rest_ok && count <= max_words && !s.ends_with(['!', '?', ','])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::non_blank_lines;

    fn headline(text: &str) -> Option<Headline> {
        find(text, &non_blank_lines(text))
    }

    #[test]
    fn every_separator_holds_a_byte_the_separator_test_looks_for() {
        for sep in SUFFIX_SEPARATORS {
            assert!(sep.bytes().any(|b| matches!(b, b'|' | b'-' | 0xE2)), "{sep:?}");
        }
    }

    #[test]
    fn separators_are_found_as_rfind_finds_them() {
        for sep in SUFFIX_SEPARATORS {
            assert_ne!(sep.as_bytes()[1], b' ', "{sep:?}");
        }
        let texts = ["a | b | c", " - -- - ", "x — y — ", "|| -- —— – ― ", "", " ", "a -- - b"];
        for s in texts {
            for sep in SUFFIX_SEPARATORS {
                assert_eq!(rfind_separator(s, sep), s.rfind(sep), "{s:?} {sep:?}");
            }
        }
    }

    #[test]
    fn source_suffixes_are_split_off() {
        for (text, head, source) in [
            ("Fed holds rates steady | Reuters\nBody.", "Fed holds rates steady", "Reuters"),
            ("Fed holds rates steady — AP\nBody.", "Fed holds rates steady", "AP"),
            (
                "Senate passes bill - The New York Times\nBody.",
                "Senate passes bill",
                "The New York Times",
            ),
        ] {
            let h = headline(text).unwrap();
            assert_eq!(h.text.text, head);
            assert_eq!(h.source.unwrap().text, source);
        }
    }

    #[test]
    fn a_dash_inside_a_headline_is_kept() {
        let h = headline("Trump - and his allies - push back on claims\nBody.").unwrap();
        assert!(h.source.is_none());
        let h = headline("What Trump's son got - It Might Surprise You\nBody.").unwrap();
        assert!(h.source.is_none());
        let h = headline("CRICKET - SOMERSET WIN .\nLONDON 1996-08-30\nBody.").unwrap();
        assert!(h.source.is_none());
        assert_eq!(h.text.text, "CRICKET - SOMERSET WIN .");
    }

    #[test]
    fn a_full_stop_needs_a_blank_line_after() {
        assert!(headline("Rose Bowl skywriters blast Trump.\n\nBody text.").is_some());
        assert!(headline("It rained all day.\nThen it stopped.").is_none());
    }

    #[test]
    fn a_full_stop_before_author_and_dateline() {
        assert!(headline("Tajik troops now control town .\nYuri Kushko\nTAVILDARA , Tajikistan 1996-08-30\nBody.").is_some());
    }

    #[test]
    fn a_semicolon_takes_a_deck() {
        let text =
            "Jobs report gives Democrats a lift; \nSolid upturn could blunt claims.\n\nBody.";
        let h = headline(text).unwrap();
        assert_eq!(h.text.text, "Jobs report gives Democrats a lift");
        assert_eq!(h.deck.unwrap().text, "Solid upturn could blunt claims.");
    }
}
