//! Segmentation of article text into paragraphs, sentences and quoted passages.
//!
//! [`segment`] reads the text line by line, given its [`Structure`], and returns
//! [`Segments`]. Every span is a byte range into the original text, trimmed of white space,
//! on character boundaries. The guarantees later stages rely on:
//!
//! * [`Segments::paragraphs`] — article text only, in text order, non-empty. Each non-blank
//!   line is one paragraph, except that boilerplate lines (everything in
//!   [`Structure::boilerplate`]) are left out entirely, and a line that opens with a dateline
//!   ("WASHINGTON (Reuters) - The Senate …") is split into a [`Region::Dateline`] paragraph
//!   (the dateline through its dash) and a [`Region::Body`] paragraph (the rest).
//!   [`Paragraph::region`] says where each stands: `Headline` (the headline line and its deck),
//!   `Dateline`, `Byline`, `Subhead` or `Body`. Never `Boilerplate`.
//! * [`Segments::sentences`] — in text order; each lies inside its paragraph
//!   ([`Sentence::paragraph`] indexes `paragraphs`), and together they cover all of its
//!   non-space text. A sentence ends at `.`, `!`, `?` or `…` (with any closing quotation marks
//!   and brackets after it) before white space, unless the next word starts in lower case, or
//!   the full stop ends an abbreviation (Mr., Sen., No. 10, U.S., J.K., Inc. — see
//!   `data/abbreviations.tsv`). A sentence may begin or end inside a quoted passage: quoted
//!   passages are paired independently of sentences.
//! * [`Segments::quoted`] — passages between paired quotation marks, in text order of their
//!   opening marks (an outer passage before the passages nested in it). Each lies inside one
//!   paragraph ([`Quoted::paragraph`]). Fields and methods:
//!   - `open()`: the opening mark (1 to 3 bytes; `''` and ` `` ` count as one mark).
//!   - `close()`: the closing mark, or `None` when the passage is unclosed: it then runs to
//!     the end of its paragraph. Unclosed single quotes are dropped (they are mostly apostrophes);
//!     unclosed double quotes, guillemets and low-9 quotes are kept.
//!   - `content`: the text between the marks (or to the paragraph's end), untrimmed; empty
//!     only when unclosed: a closed passage with nothing between its marks (`""`) is left out,
//!     as it quotes nothing (no later stage reads it).
//!   - `paragraph`: index into `paragraphs`.
//!   - `depth`: 0 for an outermost passage, 1 for a passage inside it, and so on.
//!   - `mark`: the [`QuoteMark`] family: straight or curly double, single, guillemet, low-9.
//!   - `continues_next`: unclosed at its paragraph's end while the next paragraph opens with
//!     a mark of the same family: by the newspaper rule the quote goes on there.
//!   - `continues_prev`: this passage opens its paragraph and carries on a passage whose
//!     `continues_next` is set (the previous entry of that family).
//!
//!   Apostrophes are never marks: a `'`/`’` between letters or digits (Kyiv's, O’Malley),
//!   before a decade ('90s), in elisions ('em, rock 'n' roll), and a trailing `’` with no
//!   single quote open (students’) are skipped. An unbalanced mark never fails: a stray
//!   closing mark is ignored, a stray opening mark leaves its passage unclosed.

mod quotemarks;
mod sentences;

use std::cell::Cell;
use std::iter::Peekable;

use crate::document::{Region, Span, Structure};
use crate::scratch;
use crate::search::partition_hinted;
use crate::structure::{Line, non_blank_lines, trim, wraps};

pub(crate) use quotemarks::QuoteMark;

/// A paragraph of article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The paragraph, without surrounding white space.
    pub(crate) span: Span,
    /// Where it stands.
    pub(crate) region: Region,
}

/// A sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// The sentence, without surrounding white space.
    pub(crate) span: Span,
    /// The index of its paragraph in [`Segments::paragraphs`].
    pub(crate) paragraph: usize,
}

/// A passage between a pair of quotation marks (see the module documentation).
///
/// The marks are kept as their lengths beside the content they enclose (the opening mark
/// ends where the content starts, the closing mark starts where it ends), both in one byte,
/// and the depth in 32 bits: 32 bytes a passage instead of 80, which text dense with
/// quotation marks fills by the hundred thousand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The text between the marks.
    pub(crate) content: Span,
    /// The index of its paragraph in [`Segments::paragraphs`].
    pub(crate) paragraph: usize,
    /// How many passages it is nested in: 0 for an outermost passage (past `u32::MAX` it
    /// stays there, still telling an outermost passage from the others).
    pub(crate) depth: u32,
    /// The family of its marks.
    pub(crate) mark: QuoteMark,
    /// The length in bytes of the opening mark (1 to 3) in the low four bits, of the closing
    /// mark in the high four (0 when the passage is unclosed).
    mark_lens: u8,
    /// Unclosed, and the next paragraph opens with a mark of the same family (newspaper rule).
    pub(crate) continues_next: bool,
    /// Opens its paragraph and carries on the previous paragraph's unclosed passage.
    pub(crate) continues_prev: bool,
}

impl Quoted {
    /// A passage opened by the mark `open` and closed by the mark `close` (`None`: unclosed,
    /// running to `content_end`, the end of its paragraph).
    fn new(
        open: Span,
        close: Option<Span>,
        content_end: usize,
        paragraph: usize,
        depth: usize,
        mark: QuoteMark,
    ) -> Quoted {
        // a mark is 1 to 3 bytes, and a closing mark starts where the content ends
        let len = |s: Span| u8::try_from(s.len()).unwrap_or(u8::MAX) & 0x0f;
        Quoted {
            content: Span::new(open.end, content_end.max(open.end)),
            paragraph,
            depth: u32::try_from(depth).unwrap_or(u32::MAX),
            mark,
            mark_lens: len(open) | close.map_or(0, len) << 4,
            continues_next: false,
            continues_prev: false,
        }
    }

    /// The opening mark.
    pub(crate) fn open(&self) -> Span {
        let len = usize::from(self.mark_lens & 0x0f);
        Span::new(self.content.start - len, self.content.start)
    }

    /// The closing mark; `None` when the passage runs unclosed to the end of its paragraph.
    pub(crate) fn close(&self) -> Option<Span> {
        let len = usize::from(self.mark_lens >> 4);
        (len > 0).then_some(Span::new(self.content.end, self.content.end + len))
    }
}

/// The segments of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Segments {
    /// Paragraphs of article text, boilerplate left out.
    pub(crate) paragraphs: Vec<Paragraph>,
    /// Sentences, in text order.
    pub(crate) sentences: Vec<Sentence>,
    /// Quoted passages, in text order.
    pub(crate) quoted: Vec<Quoted>,
}

thread_local! {
    /// The paragraphs' list of the thread's last segments, emptied, for its next ones.
    static PARAGRAPHS: Cell<Vec<Paragraph>> = const { Cell::new(Vec::new()) };
    /// The sentences' list of the thread's last segments, emptied, for its next ones.
    static SENTENCES: Cell<Vec<Sentence>> = const { Cell::new(Vec::new()) };
    /// The passages' list of the thread's last segments, emptied, for its next ones.
    static QUOTED: Cell<Vec<Quoted>> = const { Cell::new(Vec::new()) };
}

impl Segments {
    /// Empty segments in the lists the thread kept from its last ([`Segments::keep`]):
    /// segments are the pipeline's own, built and dropped with every text.
    fn kept() -> Segments {
        Segments {
            paragraphs: scratch::take(&PARAGRAPHS),
            sentences: scratch::take(&SENTENCES),
            quoted: scratch::take(&QUOTED),
        }
    }

    /// Keeps the lists of these segments for the thread's next ([`Segments::kept`]).
    pub(crate) fn keep(self) {
        scratch::give(&PARAGRAPHS, self.paragraphs);
        scratch::give(&SENTENCES, self.sentences);
        scratch::give(&QUOTED, self.quoted);
    }

    /// Where `span` (a mention, a quote) stands: the region of the paragraph that holds its
    /// start, [`Region::Boilerplate`] inside a line of `structure.boilerplate`, else
    /// [`Region::Body`]. Finer than a line: in "WASHINGTON (Reuters) - The Senate …" the
    /// place is in the dateline and "Senate" in the body. For a reader going through the
    /// text in order: each search starts where the last one with `hint` ended.
    pub(crate) fn region_near(
        &self,
        structure: &Structure,
        span: Span,
        hint: &RegionHint,
    ) -> Region {
        let paras = &self.paragraphs;
        let p = partition_hinted(paras, &hint.paragraph, |p| p.span.end <= span.start);
        if paras.get(p).is_some_and(|p| p.span.start <= span.start) {
            return paras[p].region;
        }
        let boiler = &structure.boilerplate;
        let b = partition_hinted(boiler, &hint.boilerplate, |b| b.span.end <= span.start);
        if boiler.get(b).is_some_and(|b| b.span.start <= span.start) {
            return Region::Boilerplate;
        }
        Region::Body
    }
}

/// Where the last searches of [`Segments::region_near`] ended, in the paragraphs and in the
/// boilerplate.
#[derive(Debug, Default)]
pub(crate) struct RegionHint {
    paragraph: Cell<usize>,
    boilerplate: Cell<usize>,
}

/// The first hit of a search of the text at or after a paragraph's start, kept for the
/// paragraphs after it: for bytes that most texts hold few of (the rare lead bytes of
/// quotation marks, the last byte of "…"), so that the text is searched for them once rather
/// than once a paragraph.
#[derive(Debug, Default)]
pub(super) struct NextHit {
    /// Where the last search started, and the offset in the text of its first hit (`None`:
    /// none from there to the end).
    last: Option<(usize, Option<usize>)>,
}

impl NextHit {
    /// The offset in `para` of the first hit inside it. `search` gives the first hit at or
    /// after an offset in the text; it runs only when the last search does not answer.
    pub(super) fn in_paragraph(
        &mut self,
        para: Span,
        search: impl FnOnce(usize) -> Option<usize>,
    ) -> Option<usize> {
        let hit = match self.last {
            Some((from, hit)) if from <= para.start && hit.is_none_or(|h| h >= para.start) => hit,
            _ => {
                let hit = search(para.start);
                self.last = Some((para.start, hit));
                hit
            }
        };
        hit.filter(|&h| h < para.end).map(|h| h - para.start)
    }
}

/// What the splitter and the pairing keep from paragraph to paragraph of one text.
#[derive(Default)]
struct Scratch {
    /// The pairing's stack.
    stack: quotemarks::Stack,
    /// Where the next "…" is.
    ellipsis: NextHit,
}

/// Splits `text` into segments, given its structure.
pub(crate) fn segment(text: &str, structure: &Structure) -> Segments {
    segment_lines(text, &non_blank_lines(text), structure)
}

/// Splits `text` into segments, given its non-blank lines (as [`non_blank_lines`] gives
/// them) and its structure: the pipeline splits the text into lines once for this and the
/// structure.
pub(crate) fn segment_lines(text: &str, lines: &[Line], structure: &Structure) -> Segments {
    // room for ordinary news text (a paragraph in 86 bytes and a sentence in 86 in the CoNLL++
    // articles, 180 and 117 in PolNeAR's; a passage in some 400), reserved at once rather
    // than grown a doubling at a time; a power of two, so that a list that must still grow
    // (text dense with quotation marks) grows through the sizes it would from empty
    let room = |bytes_each: usize| (text.len() / bytes_each).next_power_of_two();
    let mut segments = Segments::kept();
    segments.paragraphs.reserve(room(128));
    segments.sentences.reserve(room(96));
    segments.quoted.reserve(room(512));
    let mut boilerplate = structure.boilerplate.iter().map(|b| b.span).peekable();
    let mut subheads = structure.subheads.iter().map(|t| t.span).peekable();
    let mut pending: Option<Paragraph> = None;
    let mut scratch = Scratch::default();
    for line in lines {
        let span = line.span;
        // a blank line before, or a boilerplate line, ends the paragraph that waits
        let boiler = skip_to(&mut boilerplate, span).is_some_and(|b| b.overlaps(span));
        if line.blank_before || boiler {
            if let Some(p) = pending.take() {
                push_paragraph(text, &mut segments, &mut scratch, p);
            }
        }
        if boiler {
            continue;
        }
        let is_subhead = skip_to(&mut subheads, span) == Some(span);
        for (span, region) in split_line(text, structure, span, is_subhead).into_iter().flatten() {
            match pending.as_mut() {
                Some(p)
                    if region == Region::Body
                        && p.region == Region::Body
                        && wraps(text, p.span, span) =>
                {
                    p.span.end = span.end;
                }
                _ => {
                    if let Some(p) = pending.replace(Paragraph { span, region }) {
                        push_paragraph(text, &mut segments, &mut scratch, p);
                    }
                }
            }
        }
    }
    if let Some(p) = pending {
        push_paragraph(text, &mut segments, &mut scratch, p);
    }
    segments
}

/// Advances `spans` (sorted) past those ending before `line`; the next one, if any.
fn skip_to(spans: &mut Peekable<impl Iterator<Item = Span>>, line: Span) -> Option<Span> {
    while spans.next_if(|s| s.end <= line.start).is_some() {}
    spans.peek().copied()
}

/// The paragraphs of the article line `line`: one, or two when it opens with a dateline.
fn split_line(
    text: &str,
    structure: &Structure,
    line: Span,
    is_subhead: bool,
) -> [Option<(Span, Region)>; 2] {
    let in_headline = structure.headline.as_ref().is_some_and(|h| {
        h.span.contains(line) || h.deck.as_ref().is_some_and(|d| d.span.contains(line))
    });
    if in_headline {
        return [Some((line, Region::Headline)), None];
    }
    if structure.byline.as_ref().is_some_and(|b| b.span.contains(line)) {
        return [Some((line, Region::Byline)), None];
    }
    if let Some(d) = structure.dateline.as_ref().filter(|d| line.contains(d.span)) {
        let rest = trim(text, Span::new(d.span.end, line.end));
        let rest = (!rest.is_empty()).then_some((rest, Region::Body));
        return [Some((d.span, Region::Dateline)), rest];
    }
    let region = if is_subhead { Region::Subhead } else { Region::Body };
    [Some((line, region)), None]
}

/// Adds a paragraph with its sentences and quoted passages, and links a quote carried over
/// from the previous paragraph by the newspaper rule; `scratch` is kept from the paragraphs
/// before.
fn push_paragraph(
    text: &str,
    segments: &mut Segments,
    scratch: &mut Scratch,
    paragraph: Paragraph,
) {
    let index = segments.paragraphs.len();
    segments.paragraphs.push(paragraph);
    if paragraph.region == Region::Dateline {
        segments.sentences.push(Sentence { span: paragraph.span, paragraph: index });
    } else {
        sentences::split(
            text,
            paragraph.span,
            index,
            &mut scratch.ellipsis,
            &mut segments.sentences,
        );
    }
    let first_new = segments.quoted.len();
    quotemarks::pair(text, paragraph.span, index, &mut scratch.stack, &mut segments.quoted);
    let (before, new) = segments.quoted.split_at_mut(first_new);
    let Some(opener) = new.first_mut().filter(|q| q.open().start == paragraph.span.start) else {
        return;
    };
    let carried =
        before.iter_mut().rev().take_while(|q| q.paragraph + 1 == index).find(|q| {
            q.close().is_none() && q.depth == 0 && q.mark.family() == opener.mark.family()
        });
    if let Some(carried) = carried {
        carried.continues_next = true;
        opener.continues_prev = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::analyze;

    fn regions(text: &str) -> Vec<(&str, Region)> {
        let seg = segment(text, &analyze(text));
        seg.paragraphs.iter().map(|p| (p.span.text(text), p.region)).collect()
    }

    #[test]
    fn a_dateline_prefix_is_its_own_paragraph() {
        let text = "Senate passes the bill\n\nWASHINGTON (Reuters) - The Senate voted.\n\nMore.";
        assert_eq!(
            regions(text),
            [
                ("Senate passes the bill", Region::Headline),
                ("WASHINGTON (Reuters) -", Region::Dateline),
                ("The Senate voted.", Region::Body),
                ("More.", Region::Body),
            ]
        );
    }

    #[test]
    fn boilerplate_is_left_out_and_subheads_marked() {
        let text = "Allies push Trump - Bloomberg\nKyiv • UNN\nAllies agree.\nDetails\n\
                    Zelensky: US must help forces23.01.25, 08:26 • 117907 views\nThey said so.";
        assert_eq!(
            regions(text),
            [
                ("Allies push Trump - Bloomberg", Region::Headline),
                ("Kyiv • UNN", Region::Dateline),
                ("Allies agree.", Region::Body),
                ("Details", Region::Subhead),
                ("They said so.", Region::Body),
            ]
        );
    }

    #[test]
    fn region_tells_dateline_from_body_on_one_line() {
        let text = "Senate passes the bill\n\nWASHINGTON (Reuters) - The Senate voted.\nRead more: Senate braces";
        let structure = analyze(text);
        let seg = segment(text, &structure);
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            seg.region_near(
                &structure,
                Span::new(start, start + word.len()),
                &RegionHint::default(),
            )
        };
        assert_eq!(at("WASHINGTON"), Region::Dateline);
        assert_eq!(at("The Senate"), Region::Body);
        assert_eq!(at("braces"), Region::Boilerplate);
        assert_eq!(at("passes"), Region::Headline);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let text = "Australia will defend the Ashes in\na six-test series against England.\nNext.";
        assert_eq!(
            regions(text),
            [
                (
                    "Australia will defend the Ashes in\na six-test series against England.",
                    Region::Body
                ),
                ("Next.", Region::Body),
            ]
        );
        let seg = segment(text, &analyze(text));
        assert_eq!(seg.sentences.len(), 2);
    }

    #[test]
    fn a_passage_takes_32_bytes() {
        assert_eq!(std::mem::size_of::<Quoted>(), 32);
    }

    #[test]
    fn newspaper_rule_links_paragraphs() {
        let text = "\"We will stay.\n\n\"We will fight,\" he said.";
        let seg = segment(text, &Structure::default());
        assert_eq!(seg.quoted.len(), 2);
        assert!(seg.quoted[0].close().is_none() && seg.quoted[0].continues_next);
        assert!(seg.quoted[1].continues_prev && !seg.quoted[1].continues_next);
        assert_eq!(seg.quoted[1].content.text(text), "We will fight,");
    }
}
