//! Headline quotes: `X: CLAUSE` and `X Says CLAUSE` in the headline and in teaser headlines.

use super::cues::Class;
use super::phrase::subject_before;
use super::{Context, mention, quote};
use crate::document::{Quote, QuoteKind, Span, Text};

/// Headline quotes of the headline and of every teaser, appended to `out`.
pub(super) fn find(ctx: &Context<'_>, out: &mut Vec<Quote>) {
    let s = ctx.structure;
    let heads = s.headline.iter().map(|h| &h.text);
    let teasers = s.boilerplate.iter().filter_map(|b| b.teaser.as_ref()).map(|t| &t.headline);
    out.extend(heads.chain(teasers).filter_map(|h| colon(ctx, h).or_else(|| says(ctx, h))));
}

/// `Trump Says Praise From Putin Helps` / `Plan Will Fail, Doctor Says`: a speech verb in the
/// headline with its subject before it and the clause on the other side.
fn says(ctx: &Context<'_>, head: &Text) -> Option<Quote> {
    let span = head.span;
    let i = ctx.cues.partition_point(|c| c.span.start < span.start);
    let cue = ctx.cues[i..]
        .iter()
        .take_while(|c| c.span.end <= span.end)
        .find(|c| c.class == Class::Speech)?
        .span;
    let who = subject_before(ctx.text, span.start, cue.start)?;
    let before = ctx.text[span.start..who.start].trim_end();
    let content = if before.is_empty() {
        Span::new(cue.end, span.end)
    } else if before.ends_with(',') {
        Span::new(span.start, span.start + before.len())
    } else {
        return None;
    };
    let content = super::trim_punct(ctx.text, content);
    if super::words(ctx.text, content).count() < 3 {
        return None;
    }
    let speaker = mention(ctx.text, who, "speaker.headline");
    Some(quote(ctx, content, QuoteKind::Headline, Some(cue), Some(speaker), "headline.says"))
}

/// `Zelensky: US must …` / `Clinton camp: …`: one to five words, the first capitalised, a
/// colon, a clause.
fn colon(ctx: &Context<'_>, head: &Text) -> Option<Quote> {
    let at = head.text.find(": ")?;
    let who = &head.text[..at];
    let n = who.split_whitespace().count();
    let caps = who.starts_with(|c: char| c.is_uppercase());
    if n == 0 || n > 5 || !caps {
        return None;
    }
    let start = head.span.start + at + 2;
    let content = super::trim_punct(ctx.text, Span::new(start, head.span.end));
    if super::words(ctx.text, content).count() < 2 {
        return None;
    }
    let cue = Span::new(head.span.start + at, head.span.start + at + 1);
    let name = Span::new(head.span.start, head.span.start + at);
    let speaker = mention(ctx.text, name, "speaker.headline");
    Some(quote(ctx, content, QuoteKind::Headline, Some(cue), Some(speaker), "headline.colon"))
}
