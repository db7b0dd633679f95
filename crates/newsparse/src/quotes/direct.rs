//! Direct quotes: passages in quotation marks and the speaker named beside them.

use super::cues::Class;
use super::phrase::{first_words, has_words, phrase_after, subject_before};
use super::{Context, mention, quote_in};
use crate::chars::{after_words8, more_words_than8};
use crate::document::{Quote, QuoteKind, Region, Span, Speaker};
use crate::segment::Quoted;

/// Quoted passages shorter than this, with no cue beside them, are scare quotes or titles.
const MIN_WORDS_UNATTRIBUTED: usize = 8;

/// Every direct quote in body text, appended to `out` (the caller's list, kept by the thread
/// between parses, so that it is not allocated and grown for every text).
pub(super) fn find(ctx: &mut Context<'_>, out: &mut Vec<Quote>) {
    let segments = ctx.segments;
    for q in segments.quoted.iter().filter(|q| q.depth == 0) {
        let para = ctx.segments.paragraphs[q.paragraph];
        if para.region != Region::Body {
            continue;
        }
        let content = super::trim_punct(ctx.text, q.content);
        if content.is_empty() || is_title(ctx.text, content) {
            continue;
        }
        let found = after(ctx, q, para.span)
            .map(|(s, c)| (Some(s), Some(c), "direct.after"))
            .or_else(|| before(ctx, q, para.span).map(|(s, c)| (Some(s), Some(c), "direct.before")))
            .or_else(|| colon_paragraph(ctx, q).map(|(s, c)| (Some(s), Some(c), COLON_RULE)))
            .or_else(|| inverted(ctx, q, para.span).map(|(s, c)| (Some(s), Some(c), INVERTED_RULE)))
            .or_else(|| {
                let s = dash_line(ctx, q)?;
                let long = has_words(ctx.text, content, MIN_WORDS_UNATTRIBUTED);
                long.then_some((Some(s), None, DASH_RULE))
            })
            .or_else(|| carried(ctx, q, content, para.span, out.last()));
        let (speaker, cue, rule) = match found {
            Some(f) => f,
            None if has_words(ctx.text, content, MIN_WORDS_UNATTRIBUTED) => {
                (None, None, "direct.unattributed")
            }
            None => continue,
        };
        // a content that starts in the passage's paragraph (all but one running on into
        // the next after marks alone) is of its region, which need not be searched for
        let region = if content.start < para.span.end { para.region } else { ctx.region(content) };
        debug_assert_eq!(region, ctx.region(content));
        out.push(quote_in(ctx, content, QuoteKind::Direct, cue, speaker, rule, region));
    }
}

/// The first unused speech cue in `from..to`, with its index.
fn cue_in(ctx: &Context<'_>, from: usize, to: usize) -> Option<usize> {
    let i = ctx.cue_partition(|c| c.span.start < from);
    (i..ctx.cues.len())
        .take_while(|&i| ctx.cues[i].span.start < to)
        .find(|&i| ctx.cues[i].class == Class::Speech && !ctx.used[i])
}

/// `"Q," said X` / `"Q," X said` / `"Q," he told Bloomberg`.
fn after(ctx: &mut Context<'_>, q: &Quoted, para: Span) -> Option<(Speaker, Span)> {
    let close = q.close()?.end;
    let limit = (close + 120).min(para.end);
    let i = cue_in(ctx, close, limit)?;
    let cue = ctx.cues[i].span;
    let gap = &ctx.text[close..cue.start];
    if gap.contains(['"', '“', '”'])
        || ends_sentence(ctx.text, q) && starts_upper(gap) && !short_tail(ctx, cue, para)
    {
        return None;
    }
    let who = if gap.trim_start_matches([',', ' ']).trim().is_empty() {
        let name = phrase_after(ctx.text, cue.end, para.end)?;
        appositive(ctx, name, para.end)
    } else {
        let s = subject_before(ctx.text, close, cue.start)?;
        if !ctx.text[close..s.start].trim_matches([',', ' ', '\n']).is_empty() {
            return None;
        }
        s
    };
    ctx.used[i] = true;
    Some((mention(ctx.text, who, "speaker.after_quote"), cue))
}

/// `said X, a senior aide.`: the name with its appositive, to the end of the sentence.
fn appositive(ctx: &Context<'_>, name: Span, para_end: usize) -> Span {
    let text = ctx.text;
    if !text[name.end..].starts_with(", ") {
        return name;
    }
    let end = ctx.sentence_at(name.start).map_or(para_end, |s| s.end.min(para_end));
    // a name that runs past its sentence's end (the segmenter ends sentences at more than
    // phrase_after stops at) has no appositive
    let Some(rest) = text.get(name.end..end) else { return name };
    let stop = rest.find(['"', '“', '”']).unwrap_or(rest.len());
    let span = super::trim_punct(text, Span::new(name.start, name.end + stop));
    if has_words(text, span, 31) { name } else { span }
}

/// `"Q?" Trump said Friday.`: the cue ends its sentence within a few words, so the sentence
/// is an attribution and not reported speech of its own.
fn short_tail(ctx: &Context<'_>, cue: Span, para: Span) -> bool {
    let rest = &ctx.text[cue.end..para.end];
    let stops = ['.', '"', '“', '\''];
    // the words before the first stop, read no further than the ninth word
    let head = first_words(rest, 8);
    let tail = match head.find(stops) {
        Some(end) => &head[..end],
        None if head.len() == rest.len() || rest[head.len()..].starts_with(stops) => head,
        None => return false,
    };
    super::phrase::find_that(tail).is_none()
}

fn ends_sentence(text: &str, q: &Quoted) -> bool {
    text[q.content.start..q.content.end].trim_end().ends_with(['.', '!', '?'])
}

fn starts_upper(gap: &str) -> bool {
    gap.trim_start_matches([',', ' ']).starts_with(|c: char| c.is_uppercase())
        && !gap.trim_start_matches([',', ' ']).starts_with("I ")
}

/// `X said: "Q"` / `X said, "Q"`.
fn before(ctx: &mut Context<'_>, q: &Quoted, para: Span) -> Option<(Speaker, Span)> {
    let lead = ctx.text[para.start..q.open().start].trim_end();
    let next = ctx.cue_partition(|c| c.span.end < para.start + lead.len());
    let bare_cue = ctx
        .cues
        .get(next)
        .is_some_and(|c| c.class == Class::Speech && c.span.end == para.start + lead.len());
    if !lead.ends_with([':', ',']) && !bare_cue {
        return None;
    }
    let end = if bare_cue { para.start + lead.len() } else { para.start + lead.len() - 1 };
    let from = ctx.sentence_at(end).map_or(para.start, |s| s.start.max(para.start));
    // cues are in text order and do not overlap: their ends rise with their starts
    let before_end = ctx.cue_partition(|c| c.span.end <= end);
    let i = (0..before_end)
        .rev()
        .take_while(|&i| ctx.cues[i].span.start >= from)
        .find(|&i| ctx.cues[i].class == Class::Speech && !ctx.used[i])?;
    let cue = ctx.cues[i].span;
    if ctx.text[cue.end..end].split_whitespace().nth(4).is_some() {
        return None;
    }
    let who = subject_before(ctx.text, from, cue.start).or_else(|| {
        let prev = ctx.text[from..cue.start].split_whitespace().next_back()?;
        matches!(prev, "and" | "but")
            .then(|| super::indirect::leading_name(ctx.text, Span::new(from, cue.start)))?
    })?;
    ctx.used[i] = true;
    Some((mention(ctx.text, who, "speaker.before_quote"), cue))
}

/// The rule of `Said X, APPOSITIVE, "Q"`.
const INVERTED_RULE: &str = "direct.inverted";

/// `Said X, APPOSITIVE, "Q"` / `Said X: "Q"`: a sentence opening with a capitalised reporting
/// verb names the speaker after it, up to the first comma.
fn inverted(ctx: &mut Context<'_>, q: &Quoted, para: Span) -> Option<(Speaker, Span)> {
    let lead = ctx.text[para.start..q.open().start].trim_end();
    if !lead.ends_with([':', ',']) {
        return None;
    }
    let end = para.start + lead.len() - 1;
    let sentence = ctx.sentence_at(end)?;
    let from = sentence.start.max(para.start);
    let i = ctx.cue_partition(|c| c.span.start < from);
    let cue = ctx.cues.get(i).filter(|c| c.class == Class::Speech && !ctx.used[i])?.span;
    let opens = ctx.text[from..cue.start].trim_start_matches(['"', '“', ' ']).is_empty();
    if !opens || !cue.text(ctx.text).starts_with(char::is_uppercase) {
        return None;
    }
    let who = phrase_after(ctx.text, cue.end, end)?;
    ctx.used[i] = true;
    Some((mention(ctx.text, who, "speaker.after_verb"), cue))
}

/// The rule of a quote paragraph signed on the next line (`"Q"` ¶ `- Jane Doe`).
const DASH_RULE: &str = "direct.dash_line";

/// The most bytes of a signature line (`- Jane Doe`).
const DASH_LINE_BYTES: usize = 48;

/// `"Q"` ¶ `- Jane Doe`: a quote that ends its paragraph, signed by a dash and a few
/// capitalised words on the next.
fn dash_line(ctx: &Context<'_>, q: &Quoted) -> Option<Speaker> {
    let para = ctx.segments.paragraphs[q.paragraph].span;
    let next = ctx.segments.paragraphs.get(q.paragraph + 1)?;
    let tail = ctx.text[q.close()?.end..para.end].trim();
    let line = next.span.text(ctx.text);
    if !tail.chars().all(|c| matches!(c, '.' | ',' | '!' | '?')) || line.len() > DASH_LINE_BYTES {
        return None;
    }
    // the dash is one byte (-) or three (– —)
    let signed = line.strip_prefix(['-', '–', '—'])?.trim_start();
    let name = signed.trim_end_matches('.');
    let capitalised = name.split(' ').all(|w| w.starts_with(char::is_uppercase));
    if name.is_empty() || !capitalised || name.split(' ').nth(4).is_some() {
        return None;
    }
    let start = next.span.start + (line.len() - signed.len());
    let who = Span::new(start, start + name.len());
    Some(mention(ctx.text, who, "speaker.dash_line"))
}

/// The rule of a quote paragraph after a paragraph that ends with a colon.
const COLON_RULE: &str = "direct.colon_paragraph";

/// `X declared:` ¶ `"Q"`: a paragraph that opens with the quote, after a paragraph whose last
/// sentence ends with a colon after a reporting verb (a listed cue, or a verb form in -ed or
/// -s right before the colon) and a few words at most.
fn colon_paragraph(ctx: &mut Context<'_>, q: &Quoted) -> Option<(Speaker, Span)> {
    let prev = ctx.segments.paragraphs.get(q.paragraph.checked_sub(1)?)?;
    let para = ctx.segments.paragraphs[q.paragraph].span;
    let lead = ctx.text[para.start..q.open().start].trim();
    let prev_text = prev.span.text(ctx.text).trim_end();
    if !lead.is_empty() || prev.region != Region::Body || !prev_text.ends_with(':') {
        return None;
    }
    let end = prev.span.start + prev_text.len() - 1;
    let from = ctx.sentence_at(end).map_or(prev.span.start, |s| s.start.max(prev.span.start));
    let before_end = ctx.cue_partition(|c| c.span.end <= end);
    let listed = (0..before_end)
        .rev()
        .take_while(|&i| ctx.cues[i].span.start >= from)
        .find(|&i| ctx.cues[i].class == Class::Speech && !ctx.used[i]);
    let (cue, index) = match listed {
        Some(i) => (ctx.cues[i].span, Some(i)),
        None => (verb_before_colon(ctx.text, from, end)?, None),
    };
    if ctx.text[cue.end..end].split_whitespace().nth(4).is_some() {
        return None;
    }
    let who = subject_before(ctx.text, from, cue.start)?;
    if let Some(i) = index {
        ctx.used[i] = true;
    }
    Some((mention(ctx.text, who, "speaker.colon_paragraph"), cue))
}

/// The lower-case verb form in -ed or -s right before the colon at `end` ("Cruz continued:").
fn verb_before_colon(text: &str, from: usize, end: usize) -> Option<Span> {
    let w = super::word::word_before(text, from, end)?;
    let t = w.text(text);
    let form = t.ends_with("ed") || t.ends_with('s') && !t.ends_with("ss");
    (t.len() > 3 && form && t.bytes().all(|b| b.is_ascii_lowercase())).then_some(w)
}

/// A passage carrying on the quote before: a multi-paragraph quote, or a quote paragraph
/// with no cue of its own right after another quote.
fn carried(
    ctx: &Context<'_>,
    q: &Quoted,
    content: Span,
    para: Span,
    prev: Option<&Quote>,
) -> Option<(Option<Speaker>, Option<Span>, &'static str)> {
    let prev = prev?;
    let speaker = prev.speaker.as_ref()?;
    let near = para.start.saturating_sub(prev.content.end) < 600;
    let fills = content.len() * 10 >= para.len() * 6;
    let _ = ctx;
    let (who, rule) = if q.continues_prev {
        ("speaker.continued", "direct.continued")
    } else if prev.content.end >= para.start && prev.content.end <= q.open().start {
        ("speaker.split", "direct.split")
    } else if near && fills {
        ("speaker.floating", "direct.floating")
    } else {
        return None;
    };
    // the speaker is copied only for a quote that takes it
    Some((Some(renamed(speaker, who)), None, rule))
}

/// A copy of `s` under the rule `rule` (its own rule is not copied, only to be replaced).
fn renamed(s: &Speaker, rule: &str) -> Speaker {
    Speaker {
        mention: s.mention,
        text: s.text.clone(),
        name: s.name.clone(),
        entity: s.entity,
        kind: s.kind,
        description: s.description.clone(),
        relayed_by: s.relayed_by.clone(),
        rule: super::speaker_rule(rule),
    }
}

/// Small words a title leaves in lower case.
const TITLE_SMALL: &[&str] = &["of", "the", "a", "an", "and", "in", "on", "for", "to", "at"];

/// `"Face the Nation"`, `"The Truman Show"`: a few capitalised words without sentence
/// punctuation name a title; they are no quote.
fn is_title(text: &str, content: Span) -> bool {
    let t = content.text(text);
    // the tests that read one character first
    if !t.starts_with(char::is_uppercase) || t.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    // then from two to five words, counted on bytes and no further than the sixth, in one
    // reading: a second word, and from it at most four
    let second = after_words8(t, 1);
    second < t.len()
        && !more_words_than8(&t[second..], 4)
        && t.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_SMALL.contains(&w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_title`] as first written, counting words with `split_whitespace`: the reference
    /// for the one that counts on bytes.
    fn is_title_by_count(text: &str, content: Span) -> bool {
        let t = content.text(text);
        t.starts_with(char::is_uppercase)
            && !t.ends_with(['.', '!', '?', ','])
            && (2..=5).contains(&t.split_whitespace().take(6).count())
            && t.split_whitespace().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || TITLE_SMALL.contains(&w)
            })
    }

    #[test]
    fn titles_are_counted_as_split_whitespace_counts_them() {
        let texts = [
            "Face the Nation",
            "The Truman Show",
            "Ёлки\u{a0}Палки\u{2009}Три",
            "A B C D E",
            "A B C D E F",
            "A\u{3000}B of 7 Élan",
            "Xyz",
            "Zürich “Rules” — Now",
            "",
            "Les Misérables \t",
        ];
        for text in texts {
            let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &from in &cuts {
                for &to in cuts.iter().filter(|&&to| to >= from) {
                    let span = Span::new(from, to);
                    let want = is_title_by_count(text, span);
                    assert_eq!(is_title(text, span), want, "{text:?} {from}..{to}");
                }
            }
        }
    }
}
