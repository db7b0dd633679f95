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

fn line(ctx: &Context<'_>, para: Span) -> Option<Quote> {
    let text = para.text(ctx.text);
    let head = first_chars(text, 40);
    let at = memchr::memchr_iter(b':', head.as_bytes())
        .find(|&i| head.as_bytes().get(i + 1) == Some(&b' '))?;
    let label = &text[..at];
    let words = label.split_whitespace().count();
    let caps = label.chars().all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    if !(1..=3).contains(&words) || !caps || label.len() < 2 || NOT_SPEAKERS.contains(&label) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_chars_counts_characters() {
        assert_eq!(first_chars("héllo wörld", 4), "héll");
        assert_eq!(first_chars("ab", 4), "ab");
        assert_eq!(first_chars("", 0), "");
        let s = "é".repeat(50);
        assert_eq!(first_chars(&s, 40), s.char_indices().nth(40).map_or(&s[..], |(i, _)| &s[..i]));
    }
}
