//! Headline quotes: `X: CLAUSE` in the headline and in teaser headlines.

use super::{Context, mention, quote};
use crate::document::{Quote, QuoteKind, Span, Text};

/// Headline quotes of the headline and of every teaser.
pub(super) fn find(ctx: &Context<'_>) -> Vec<Quote> {
    let s = ctx.structure;
    let heads = s.headline.iter().map(|h| &h.text);
    let teasers = s.boilerplate.iter().filter_map(|b| b.teaser.as_ref()).map(|t| &t.headline);
    heads.chain(teasers).filter_map(|h| colon(ctx, h)).collect()
}

/// `Zelensky: US must …`: one to four capitalised words, a colon, a clause.
fn colon(ctx: &Context<'_>, head: &Text) -> Option<Quote> {
    let at = head.text.find(": ")?;
    let who = &head.text[..at];
    let n = who.split_whitespace().count();
    let caps = who.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if n == 0 || n > 4 || !caps {
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
