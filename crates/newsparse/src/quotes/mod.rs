//! Quotes and attributions: direct quotes in quotation marks, indirect (reported) speech,
//! beliefs and intentions, and headline quotes, each with the mention of its speaker.
//!
//! One pass over the text ([`cues::scan`]) finds every cue word; then [`direct`] pairs each
//! quoted passage with a cue beside it, [`indirect`] reads the clauses around the remaining
//! cues, [`that_clause`] the clauses after unlisted verbs, and [`headline`] reads `X: CLAUSE`
//! headlines and teasers. Speakers are resolved afterwards by [`crate::attribution`]. Rule
//! names: `direct.after` (`"Q," said X` / `"Q," X said`), `direct.before` (`X said: "Q"`),
//! `direct.continued` (a multi-paragraph quote), `direct.floating` (a quote paragraph
//! attributed to the quote before it), `direct.colon_paragraph` (`X declared:` ¶ `"Q"`),
//! `direct.inverted` (`Said X, APPOSITIVE, "Q"`), `direct.dash_line` (`"Q"` ¶ `- X`),
//! `direct.unattributed`, `indirect.subject_verb` (`X said (that) CLAUSE`),
//! `indirect.clause_verb` (`CLAUSE, X said.`), `indirect.according_to`,
//! `indirect.gerund` (`…, stressing that CLAUSE`), `indirect.coordinated` (`X did Y and said
//! CLAUSE`), `indirect.before_next_speaker` (`X said CLAUSE1, but Y said CLAUSE2`: the first
//! clause, cut before the second speaker; `belief.` for a belief), `indirect.verb_that` (`X
//! fretted that CLAUSE` after a verb the cue table does not list), `belief.subject_verb`,
//! `headline.colon`, `headline.says` (`X Says CLAUSE`), `direct.transcript` (`TAPPER: …`
//! lines), `indirect.asked` (`Asked whether …,`).

pub(crate) mod cues;
mod direct;
mod headline;
mod indirect;
mod phrase;
mod that_clause;
mod transcript;
mod word;

use std::cell::{Cell, RefCell};

use crate::document::{Quote, QuoteKind, Region, Span, Speaker, Structure};
use crate::pool;
use crate::scratch;
use crate::search::partition_hinted;
use crate::segment::{RegionHint, Segments};

pub(crate) use phrase::{trim_punct, words};

/// What the quote finders share: the text, its segments and its cue words.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) structure: &'a Structure,
    pub(crate) segments: &'a Segments,
    pub(crate) cues: &'a [cues::Cue],
    /// Cues already used by a quote.
    pub(crate) used: Vec<bool>,
    /// Where the last search of the cues ended ([`Context::cue_partition`]).
    cue_hint: Cell<usize>,
    /// Where the last search of the sentences ended ([`Context::sentence_at`]).
    sentence_hint: Cell<usize>,
    /// Where the last searches of [`Context::region`] ended.
    region_hint: RegionHint,
}

impl<'a> Context<'a> {
    /// The context of a text with its structure, segments and cues, no cue used yet.
    fn new(
        text: &'a str,
        structure: &'a Structure,
        segments: &'a Segments,
        cues: &'a [cues::Cue],
    ) -> Context<'a> {
        // in the list the thread kept from its last text ([`find`] gives it back)
        let mut used = scratch::take(&USED);
        used.resize(cues.len(), false);
        let (cue_hint, sentence_hint) = (Cell::new(0), Cell::new(0));
        let region_hint = RegionHint::default();
        Context { text, structure, segments, cues, used, cue_hint, sentence_hint, region_hint }
    }

    /// The sentence holding byte `at`.
    pub(crate) fn sentence_at(&self, at: usize) -> Option<Span> {
        self.sentence_index_at(at).map(|(_, span)| span)
    }

    /// The sentence holding byte `at`, with its index in the text's sentences; searched from
    /// where the last search ended, as the quote finders ask in text order.
    pub(crate) fn sentence_index_at(&self, at: usize) -> Option<(usize, Span)> {
        let s = &self.segments.sentences;
        let i = partition_hinted(s, &self.sentence_hint, |s| s.span.end <= at);
        s.get(i).filter(|s| s.span.start <= at).map(|s| (i, s.span))
    }

    /// `self.cues.partition_point(pred)`, searched from where the last such search ended:
    /// the quote finders read the text in order, so the answer is mostly a few cues away.
    pub(crate) fn cue_partition(&self, pred: impl Fn(&cues::Cue) -> bool) -> usize {
        partition_hinted(self.cues, &self.cue_hint, pred)
    }

    /// The region of the paragraph holding `span`.
    pub(crate) fn region(&self, span: Span) -> Region {
        self.segments.region_near(self.structure, span, &self.region_hint)
    }
}

/// A speaker mention before resolution.
pub(crate) fn mention(text: &str, span: Span, rule: &str) -> Speaker {
    // the mention's text as pool::string makes it, and its rule as speaker_rule does
    let (text, rule) = pool::string_pair(span.text(text), rule, ATTRIBUTION_RULE_ROOM);
    Speaker { mention: Some(span), text: Some(text), rule, ..Speaker::default() }
}

/// What attribution appends to a speaker's rule at the most: the rule of a speaker is
/// allocated with room for it, once, instead of again when attribution writes it.
const ATTRIBUTION_RULE_ROOM: usize = "; attribution.anonymous_backref".len();

/// `rule` as a speaker's rule, with room for [`ATTRIBUTION_RULE_ROOM`].
pub(crate) fn speaker_rule(rule: &str) -> String {
    pool::string_with_room(rule, ATTRIBUTION_RULE_ROOM)
}

/// A quote of `kind` over `content`.
pub(crate) fn quote(
    ctx: &Context<'_>,
    content: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<Speaker>,
    rule: &str,
) -> Quote {
    quote_in(ctx, content, kind, cue, speaker, rule, ctx.region(content))
}

/// [`quote`] in the `region` the caller knows `content` to stand in, which is then not
/// searched for.
pub(crate) fn quote_in(
    ctx: &Context<'_>,
    content: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<Speaker>,
    rule: &str,
    region: Region,
) -> Quote {
    let (text, rule) = pool::string_pair(content.text(ctx.text), rule, 0);
    Quote { content, text, kind, cue, speaker, region, rule }
}

/// Finds every quote and attribution in `text`, in text order of content, with speaker
/// mentions not yet resolved; `cues` are the text's cue words ([`cues::scan`]).
pub(crate) fn find(
    text: &str,
    structure: &Structure,
    segments: &Segments,
    cues: &[cues::Cue],
) -> Vec<Quote> {
    let mut ctx = Context::new(text, structure, segments, cues);
    let mut quotes = scratch::take(&QUOTES);
    direct::find(&mut ctx, &mut quotes);
    let lines = transcript::find(&ctx, &quotes);
    quotes.extend(lines);
    let mut reported = scratch::take(&REPORTED);
    // what the quoted passages, the direct quotes and the reported speech cover
    let taken = indirect::find(&mut ctx, &quotes, &mut reported);
    let indirect = reported.len();
    that_clause::find(&ctx, &taken, &mut reported);
    drop(taken);
    // a quoted fragment inside reported speech belongs to it (a mixed quote); the reported
    // speech comes as runs each mostly in text order, the quotes of each indirect pass and
    // of the clauses after unlisted verbs
    let mut reported_cover = Cover::new(reported[..indirect].iter().map(|r| r.content));
    reported_cover.add(reported[indirect..].iter().map(|r| r.content));
    quotes.retain(|q| q.speaker.is_some() || !reported_cover.contains(q.content));
    quotes.append(&mut reported);
    scratch::give(&REPORTED, reported);
    headline::find(&ctx, &mut quotes);
    let sorted = in_text_order(&mut quotes);
    scratch::give(&QUOTES, quotes);
    scratch::give(&USED, std::mem::take(&mut ctx.used));
    sorted
}

thread_local! {
    /// The list the quotes of a text are gathered in before they are sorted into the
    /// document's, kept for the thread's next text.
    static QUOTES: Cell<Vec<Quote>> = const { Cell::new(Vec::new()) };
    /// The list the reported speech of a text is gathered in, kept for the thread's next text.
    static REPORTED: Cell<Vec<Quote>> = const { Cell::new(Vec::new()) };
    /// The list of which cues the thread's last text used ([`Context::used`]), for its next.
    static USED: Cell<Vec<bool>> = const { Cell::new(Vec::new()) };
}

/// `quotes` sorted by content, stably (as `sort_by_key` sorts them), in a list of their own
/// number; `quotes` is left empty, with its room, for the thread's next text.
///
/// The keys are sorted with the quotes' indices, which break ties in the order the quotes
/// came in, and each quote is then moved once: a quote is some 250 bytes, which a stable
/// sort of the quotes themselves moved about many times, through a scratch list of its own.
fn in_text_order(quotes: &mut Vec<Quote>) -> Vec<Quote> {
    let mut order: Vec<(usize, usize, usize)> =
        quotes.iter().enumerate().map(|(i, q)| (q.content.start, q.content.end, i)).collect();
    order.sort_unstable();
    // each quote is moved out once, an empty one (which owns nothing) left in its place
    let empty = || Quote {
        content: Span::new(0, 0),
        text: String::new(),
        kind: QuoteKind::Direct,
        cue: None,
        speaker: None,
        region: Region::Body,
        rule: String::new(),
    };
    let mut sorted = pool::quotes(order.len());
    sorted.extend(order.iter().map(|&(_, _, i)| std::mem::replace(&mut quotes[i], empty())));
    quotes.clear();
    sorted
}

/// Spans sorted by start with the running maximum of their ends: whether one of them contains
/// a span, in time logarithmic in how far it lies from the span asked about before.
pub(crate) struct Cover {
    /// The spans sorted by start, each end replaced by the greatest end up to it.
    reach: Vec<Span>,
    /// Where the last search ended: callers ask in text order, so the next answer is near.
    hint: Cell<usize>,
}

impl Cover {
    /// The cover of `spans`.
    pub(crate) fn new(spans: impl Iterator<Item = Span>) -> Cover {
        let mut cover = Cover::empty();
        cover.add(spans);
        cover
    }

    /// The cover of no span, in a list a cover dropped before on this thread, if one is kept.
    pub(crate) fn empty() -> Cover {
        Cover { reach: scratch::take_one(&REACHES), hint: Cell::new(0) }
    }

    /// Adds `spans` to the cover. They are sorted by start (a run that comes in text order, as
    /// most do, is only checked) and merged with the cover's, which are in that order
    /// already: the covers of a parse are built a run at a time (the quoted passages, the
    /// direct quotes, the reported speech of each pass), where a sort of all their spans at
    /// once, a few runs each in text order, cost several times as much.
    ///
    /// The merged list keeps the running maximum of the ends: an old span's end is already
    /// the greatest of the old spans up to it, and the old spans before any point of the
    /// merged list are the first ones of the old list, so that the maximum is the same.
    pub(crate) fn add(&mut self, spans: impl Iterator<Item = Span>) {
        self.hint.set(0);
        let mut new = scratch::take_one(&REACHES);
        new.extend(spans);
        if !new.is_sorted_by_key(|s| s.start) {
            // the order of spans with the same start is of no matter: the cover holds the
            // greatest end of all the spans that start no later than a point
            new.sort_unstable_by_key(|s| s.start);
        }
        if self.reach.is_empty() {
            std::mem::swap(&mut self.reach, &mut new);
            let mut max = 0;
            for s in &mut self.reach {
                max = max.max(s.end);
                s.end = max;
            }
        } else if !new.is_empty() {
            let mut merged = scratch::take_one(&REACHES);
            merged.reserve(self.reach.len() + new.len());
            let (old, mut j, mut max) = (&self.reach, 0, 0);
            for &o in old {
                while let Some(&n) = new.get(j).filter(|n| n.start < o.start) {
                    max = max.max(n.end);
                    merged.push(Span::new(n.start, max));
                    j += 1;
                }
                max = max.max(o.end);
                merged.push(Span::new(o.start, max));
            }
            for n in &new[j..] {
                max = max.max(n.end);
                merged.push(Span::new(n.start, max));
            }
            std::mem::swap(&mut self.reach, &mut merged);
            scratch::give_one(&REACHES, merged);
        }
        scratch::give_one(&REACHES, new);
    }

    /// True when one of the spans contains `span`.
    pub(crate) fn contains(&self, span: Span) -> bool {
        let i = partition_hinted(&self.reach, &self.hint, |s| s.start <= span.start);
        i > 0 && self.reach[i - 1].end >= span.end
    }

    /// [`Cover::contains`] for a reader that asks of spans in order of their starts, as the
    /// indirect pass asks of its cues: `walk` keeps how many spans start no later than the
    /// last span asked about, and steps on from there (a step or none for most spans),
    /// where a search from a hint costs several.
    pub(crate) fn contains_walking(&self, walk: &mut usize, span: Span) -> bool {
        while self.reach.get(*walk).is_some_and(|s| s.start <= span.start) {
            *walk += 1;
        }
        *walk > 0 && self.reach[*walk - 1].end >= span.end
    }
}

thread_local! {
    /// The lists of the covers dropped on this thread, for the next ones: a parse makes two
    /// covers, a run of spans at a time.
    static REACHES: RefCell<Vec<Vec<Span>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Cover {
    /// Keeps the cover's list for the thread's next cover (a parse has at most three lists
    /// of covers at a time: a cover's and two while spans are added to it).
    fn drop(&mut self) {
        scratch::give_one(&REACHES, std::mem::take(&mut self.reach));
    }
}

/// Points each teaser at the headline quote it carries. `quotes` are in text order, as
/// [`find`] gives them: only those starting inside the teaser's headline are read.
pub(crate) fn link_teasers(structure: &mut Structure, quotes: &[Quote]) {
    for b in &mut structure.boilerplate {
        if let Some(t) = b.teaser.as_mut() {
            let span = t.headline.span;
            let first = quotes.partition_point(|q| q.content.start < span.start);
            t.quote =
                (first..quotes.len()).take_while(|&i| quotes[i].content.start <= span.end).find(
                    |&i| quotes[i].kind == QuoteKind::Headline && span.contains(quotes[i].content),
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cover_holds_the_spans_inside_one_of_its_spans() {
        let spans = [Span::new(5, 8), Span::new(20, 30), Span::new(0, 10)];
        let cover = Cover::new(spans.into_iter());
        assert!(cover.contains(Span::new(2, 9)) && cover.contains(Span::new(21, 30)));
        assert!(cover.contains(Span::new(5, 8)) && cover.contains(Span::new(0, 10)));
        assert!(!cover.contains(Span::new(6, 12)) && !cover.contains(Span::new(9, 21)));
        assert!(!Cover::new(std::iter::empty()).contains(Span::new(0, 0)));
    }

    #[test]
    fn a_cover_built_a_run_at_a_time_is_the_cover_of_all_its_spans() {
        // spans of a few generated runs, some in order, some not; every start and end
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..200 {
            let runs: Vec<Vec<Span>> = (0..next(4) + 1)
                .map(|_| {
                    let mut run: Vec<Span> = (0..next(6))
                        .map(|_| {
                            let start = next(30) as usize;
                            Span::new(start, start + next(8) as usize)
                        })
                        .collect();
                    if next(2) == 0 {
                        run.sort_by_key(|s| s.start);
                    }
                    run
                })
                .collect();
            let mut cover = Cover::empty();
            for run in &runs {
                cover.add(run.iter().copied());
            }
            let mut all: Vec<Span> = runs.concat();
            all.sort_by_key(|s| s.start);
            for start in 0..40 {
                for end in start..start + 10 {
                    let span = Span::new(start, end);
                    let i = all.partition_point(|s| s.start <= span.start);
                    let held = all[..i].iter().any(|s| s.end >= span.end);
                    assert_eq!(cover.contains(span), held, "{runs:?} {span:?}");
                }
            }
        }
    }

    #[test]
    fn a_walk_through_a_cover_finds_what_a_search_finds() {
        let spans = [Span::new(5, 8), Span::new(20, 30), Span::new(0, 10), Span::new(20, 22)];
        let cover = Cover::new(spans.into_iter());
        for len in 0..4 {
            let mut walk = 0;
            for start in 0..34 {
                let span = Span::new(start, start + len);
                assert_eq!(cover.contains_walking(&mut walk, span), cover.contains(span));
            }
        }
    }
}
