//! Transcript lines: `TAPPER: Do you think …` — a paragraph that opens with a speaker's
//! name in capitals and a colon.

use super::{Context, mention, quote};
use crate::document::{Quote, QuoteKind, Region, Span};

/// Labels in capitals that name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "UPDATE",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "WATCH",
    "READ",
    "RELATED",
    "PHOTOS",
    "VIDEO",
    "PHOTO",
    "SOURCE",
    "SOURCES",
    "MORE",
    "ALSO",
    "BREAKING",
    "WASHINGTON",
    "UPDATED",
    "CLARIFICATION",
];

/// A quote for every body paragraph that opens with `NAME:` and holds no other quote.
pub(super) fn find(ctx: &Context<'_>, found: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for para in ctx.segments.paragraphs.iter().filter(|p| p.region == Region::Body) {
        let Some(q) = line(ctx, para.span) else { continue };
        let i = found.partition_point(|f| f.content.start < para.span.start);
        if found.get(i).is_some_and(|f| f.content.start < para.span.end) {
            continue;
        }
        out.push(q);
    }
    out
}

/// The most characters of a paragraph that its label and the `: ` after it may take.
const LABEL_CHARS: usize = 40;

/// The quote of paragraph `para` when it opens with a speaker's label (`TAPPER: …`).
fn line(ctx: &Context<'_>, para: Span) -> Option<Quote> {
    let text = para.text(ctx.text);
    let at = label_end(text)?;
    let label = &text[..at];
    let words = label.split_whitespace().count();
    if !(1..=3).contains(&words) || label.len() < 2 || NOT_SPEAKERS.contains(&label) {
        return None;
    }
    let content = super::trim_punct(ctx.text, Span::new(para.start + at + 2, para.end));
    if !super::phrase::has_words(ctx.text, content, 3) {
        return None;
    }
    let name = Span::new(para.start, para.start + at);
    let cue = Span::new(para.start + at, para.start + at + 1);
    let speaker = mention(ctx.text, name, "speaker.transcript");
    Some(quote(ctx, content, QuoteKind::Direct, Some(cue), Some(speaker), "direct.transcript"))
}

/// Where the label of a transcript line ends: at the first `: ` within the first
/// [`LABEL_CHARS`] characters, when all before it are capitals, spaces, `.`, `'` or `-`.
/// Those are ASCII, one byte a character, so the bytes are read only up to the first other
/// one (in most paragraphs the second).
fn label_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let at = b
        .iter()
        .position(|&c| !(c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'\'' | b'-')))?;
    (b[at] == b':' && b.get(at + 1) == Some(&b' ') && at + 1 < LABEL_CHARS).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `s` cut before its character `n + 1` (all of `s` when it is shorter), counted by the bytes
    /// that start a character.
    fn first_chars(s: &str, n: usize) -> &str {
        let mut chars = 0;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            if b & 0xc0 != 0x80 {
                if chars == n {
                    return &s[..i];
                }
                chars += 1;
            }
        }
        s
    }

    #[test]
    fn labels_end_at_a_colon_after_capitals() {
        // the former reading: the first `: ` among the first 40 characters, after capitals
        let former = |s: &str| {
            let head = first_chars(s, LABEL_CHARS);
            let at = memchr::memchr_iter(b':', head.as_bytes())
                .find(|&i| head.as_bytes().get(i + 1) == Some(&b' '))?;
            let caps = s[..at]
                .chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
            caps.then_some(at)
        };
        let long = format!("{}: x", "A".repeat(38));
        let longer = format!("{}: x", "A".repeat(39));
        for s in [
            "TAPPER: Do you",
            "MR. O'NEIL-SMITH: yes",
            "Tapper: no",
            "TAPPER:no",
            "TAPPER",
            "A: b: c",
            "A:b: c",
            "É: x",
            "TAPPER é: x",
            ": x",
            "",
            " : x",
            &long,
            &longer,
        ] {
            assert_eq!(label_end(s), former(s), "{s:?}");
        }
    }

    #[test]
    fn first_chars_counts_characters() {
        assert_eq!(first_chars("héllo wörld", 4), "héll");
        assert_eq!(first_chars("ab", 4), "ab");
        assert_eq!(first_chars("", 0), "");
        let s = "é".repeat(50);
        assert_eq!(first_chars(&s, 40), s.char_indices().nth(40).map_or(&s[..], |(i, _)| &s[..i]));
    }
}
