//! The words of a text as the name rules read them: split once, each capitalised word and
//! the word before it read once in the tables, the gazetteer probed once at each capitalised
//! word, all kept in two vectors for the whole text and read line by line as [`Line`]s.

use std::cell::Cell;
use std::num::NonZeroUsize;

use super::names::Located;
use super::words::{LOCATIVE, Lexeme, Memo};
use crate::document::{Region, Span};
use crate::gazetteer::{Gazetteer, Match, Token, tokens_and_caps};

/// The words of every line of a text, with what the tables say of them and the
/// gazetteer's matches: two vectors for the whole text, read line by line as [`Line`]s.
pub(crate) struct Words<'g> {
    /// Where each line's words stand, in text order.
    lines: Vec<LineWords>,
    toks: Vec<Token>,
    /// What is known of each token, at the same index.
    slots: Vec<Slot>,
    /// Where the capitalised words are: each line's, in order, by their index in the line.
    caps: Vec<u32>,
    /// The gazetteer whose matches `slots` hold.
    gaz: &'g Gazetteer,
    /// The words read last.
    memo: Memo,
    /// The gazetteer records matched after a preposition of place ("in Chechnya").
    located: Located,
}

/// What is known of one word: what the tables say of it and the gazetteer's match there,
/// side by side in 20 bytes, so that one vector grows for both and one index reads both.
/// All zeros (the default) is a word not read and no match: a line's slots are added
/// zero-filled, as one fill of memory.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// What the tables say of the word when it is capitalised or before a capitalised word;
    /// [`Lexeme::unread`] elsewhere (read when asked).
    lex: Lexeme,
    /// The gazetteer's longest match at the word when it is capitalised.
    found: Found,
}

/// The gazetteer's longest match at a word, in 8 bytes: its record, its length in words (0
/// when there is none) and which of its last word's ends it stops at (the gazetteer tries
/// the word's end, its end before a full stop and its end before a hyphen: [`End`]).
#[derive(Clone, Copy, Debug, Default)]
struct Found {
    id: u32,
    words: u16,
    end: End,
}

/// Which end of the last word of a gazetteer match the match stops at: two bytes, which
/// leave [`Found`] no padding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u16)]
enum End {
    /// The word's end ("Kyiv").
    #[default]
    Word,
    /// Before the word's final full stop ("Corp." read as "Corp").
    Dot,
    /// Before the hyphen ("Kyiv-based" read as "Kyiv").
    Hyphen,
}

impl Found {
    /// The match `m` of `n` words starting at word `i` of `toks`.
    fn of(toks: &[Token], i: usize, (n, m): (usize, Match<'_>)) -> Found {
        let last = &toks[i + n - 1];
        let end = m.span().end;
        let end = if end == last.span.end {
            End::Word
        } else if last.dot() && end + 1 == last.span.end {
            End::Dot
        } else {
            debug_assert_eq!(last.hyphen.map(NonZeroUsize::get), Some(end));
            End::Hyphen
        };
        // a name has at most a dozen words
        Found { id: m.id(), words: u16::try_from(n).unwrap_or(u16::MAX), end }
    }

    /// Where the match stops, `last` being its last word.
    fn end(self, last: &Token) -> usize {
        match self.end {
            End::Word => last.span.end,
            End::Dot => last.span.end - 1,
            End::Hyphen => last.hyphen.map_or(last.span.end, NonZeroUsize::get),
        }
    }
}

impl Drop for Words<'_> {
    /// Gives the memo and the vectors back to the thread, for its next text.
    fn drop(&mut self) {
        std::mem::replace(&mut self.memo, Memo::none()).put_back();
        // the vectors of a long text (or of many blank lines) are let go rather than held
        // for the next
        if self.toks.capacity() <= KEPT_WORDS
            && self.lines.capacity() <= KEPT_WORDS
            && self.located.capacity() <= KEPT_LOCATED
        {
            let vectors = (
                std::mem::take(&mut self.lines),
                std::mem::take(&mut self.toks),
                std::mem::take(&mut self.slots),
                std::mem::take(&mut self.caps),
                std::mem::take(&mut self.located),
            );
            let _ = VECTORS_OF_THREAD.try_with(|cell| cell.set(Some(vectors)));
        }
    }
}

/// Empties `v` and gives it room for `n` items: a new vector when it has less, as growing
/// it would copy what it held.
fn room<T>(v: &mut Vec<T>, n: usize) {
    v.clear();
    if v.capacity() < n {
        *v = Vec::with_capacity(n);
    }
}

/// The most words (and lines) whose vectors a thread keeps for its next text: 64 Ki words,
/// some 4 MiB, the words of a text of about 300 KB (news articles are a few KB).
const KEPT_WORDS: usize = 1 << 16;

/// The most records of [`Words::located`] a thread keeps room for (a few KiB; an article
/// locates a few dozen).
const KEPT_LOCATED: usize = 1 << 10;

/// The vectors of [`Words`] a thread's last parse gave back, emptied, for its next one: the
/// vectors of every text allocated afresh cost more than a small text's word splitting (the
/// list of lines, of unknown length, grew by doubling four or five times a text, and the
/// located records' table as often).
type Vectors = (Vec<LineWords>, Vec<Token>, Vec<Slot>, Vec<u32>, Located);

thread_local! {
    /// The vectors of the thread's last parse, while no parse is using them.
    static VECTORS_OF_THREAD: Cell<Option<Vectors>> = const { Cell::new(None) };
}

/// Where the words of one line stand in [`Words`], and how the line reads.
struct LineWords {
    start: usize,
    end: usize,
    /// Where the line's capitalised words are listed in [`Words::caps`].
    caps: (usize, usize),
    region: Region,
    shouting: bool,
    titled: bool,
}

impl<'g> Words<'g> {
    /// Room for the words of a text of `len` bytes, to be read with `gaz`.
    pub(crate) fn with_capacity(len: usize, gaz: &'g Gazetteer) -> Words<'g> {
        let n = len / 5 + 1;
        // the thread's vectors, when a parse gave them back (a thread whose locals are being
        // destroyed gets new ones)
        let (mut lines, mut toks, mut slots, mut caps, mut located) =
            VECTORS_OF_THREAD.try_with(Cell::take).ok().flatten().unwrap_or_default();
        // (the lines' list and the located records grow as they must: how many a text has is
        // not known here)
        lines.clear();
        located.clear();
        // emptied, and made anew where too small (growing one would copy what it held)
        room(&mut toks, n);
        room(&mut slots, n);
        // a capitalised word has a space and a few letters before the next one
        room(&mut caps, len / 8 + 1);
        Words { lines, toks, slots, caps, gaz, memo: Memo::take(gaz), located }
    }

    /// The number of capitalised words (at most one name candidate each).
    pub(crate) fn capitalised(&self) -> usize {
        self.caps.len()
    }

    /// The gazetteer records the text uses as locations: matched right after a preposition of
    /// place ([`LOCATIVE`]) somewhere in the lines pushed.
    pub(crate) fn located(&self) -> &Located {
        &self.located
    }

    /// Adds the words of `line`: each capitalised word and each word before one is read in
    /// the tables once, and the gazetteer is probed at each capitalised word; a match after a
    /// preposition of place is noted as [located](Words::located). Lines must come in text
    /// order, each once.
    pub(crate) fn push(&mut self, text: &str, line: Span, region: Region) {
        let start = self.toks.len();
        let caps_start = self.caps.len();
        tokens_and_caps(text, line, &mut self.toks, &mut self.caps);
        let gaz = self.gaz;
        let toks = &self.toks[start..];
        // most words are lower case with a lower-case word after them: their place holders
        // go in first, in bulk, and only the words near a capital are read
        self.slots.resize(self.slots.len() + toks.len(), Slot::default());
        let slots = &mut self.slots[start..];
        let cased = &self.caps[caps_start..];
        let mut caps = 0;
        for &i in cased {
            let i = i as usize;
            let t = &toks[i];
            // the word before is a preposition of place: read here when it is in lower case,
            // already when it is capitalised
            let after_locative = i > 0 && {
                let before = &mut slots[i - 1];
                if !toks[i - 1].cap() {
                    before.lex = self.memo.of_span(gaz, text, toks[i - 1].span);
                }
                before.lex.is(LOCATIVE)
            };
            caps += usize::from(t.caps());
            let slot = &mut slots[i];
            slot.lex = self.memo.of_span(gaz, text, t.span);
            if let Some(f) = gaz.match_word(text, toks, i, true, slot.lex.gaz) {
                slot.found = Found::of(toks, i, f);
                if after_locative {
                    self.located.insert(slot.found.id, ());
                }
            }
        }
        let cased = cased.len();
        let shouting = cased >= 3 && caps * 4 >= cased * 3;
        let plain = matches!(region, Region::Body | Region::Subhead);
        let region = if plain && is_dateline(text, toks) { Region::Dateline } else { region };
        let titled = region == Region::Headline && is_title_case(text, toks);
        let caps = (caps_start, self.caps.len());
        let end = self.toks.len();
        self.lines.push(LineWords { start, end, caps, region, shouting, titled });
    }

    /// The lines pushed, in text order: each line's view is made when read (a few loads),
    /// not kept for the whole text.
    pub(crate) fn lines<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Line<'a>> {
        self.lines.iter().map(move |words| self.line(text, words))
    }

    /// The line whose words `words` places.
    fn line<'a>(&'a self, text: &'a str, words: &LineWords) -> Line<'a> {
        let range = words.start..words.end;
        Line {
            text,
            toks: &self.toks[range.clone()],
            slots: &self.slots[range],
            caps: &self.caps[words.caps.0..words.caps.1],
            gaz: self.gaz,
            region: words.region,
            shouting: words.shouting,
            titled: words.titled,
        }
    }
}

/// The words of one line and what the rules need to read them.
pub(crate) struct Line<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    /// What is known of each word: what the tables say of it ([`Lexeme::unread`] where
    /// not read ahead) and the gazetteer's longest match there.
    slots: &'a [Slot],
    /// Where the capitalised words are, by index, in order.
    pub(super) caps: &'a [u32],
    gaz: &'a Gazetteer,
    pub(super) region: Region,
    /// All capitals (a wire headline): only the gazetteer is trusted, in title case.
    pub(super) shouting: bool,
    /// Title case ("Populist Anger Appeals to Bad Angels"): capitals say little, so only the
    /// gazetteer, given names and title cues are trusted.
    pub(super) titled: bool,
}

impl<'a> Line<'a> {
    /// The gazetteer's longest match at word `i`: its length in words, and the match.
    #[inline]
    pub(super) fn found(&self, i: usize) -> Option<(usize, Match<'a>)> {
        let f = self.slots[i].found;
        let n = usize::from(f.words);
        (n > 0).then(|| {
            let span = Span::new(self.toks[i].span.start, f.end(&self.toks[i + n - 1]));
            (n, Match::new(self.gaz, span, f.id))
        })
    }

    /// True when the gazetteer matched at word `i`.
    pub(super) fn has_found(&self, i: usize) -> bool {
        self.slots[i].found.words > 0
    }

    /// What the tables say of word `i`, a capitalised word or the word before one: read
    /// when the line's words were pushed ([`Words::push`]), so this is a load.
    ///
    /// The rules ask only of such words: of a capitalised word, of the word before it (a
    /// title, a preposition, a cue), and of a word inside a capitalised run, which is
    /// capitalised or a connector before a capitalised word; the last word of a run and of a
    /// title before a capitalised word is one before a capital too. Of another word this
    /// says nothing is known ([`Lexeme::unread`]).
    #[inline]
    pub(super) fn lex(&self, i: usize) -> Lexeme {
        let lex = self.slots[i].lex;
        debug_assert!(lex.is_read(), "word {i} was not read ahead");
        lex
    }

    /// True when word `i` is of one of the classes in `class` ([`ORG`](super::words::ORG) …).
    #[inline]
    pub(super) fn is(&self, i: usize, class: u16) -> bool {
        self.lex(i).is(class)
    }

    /// The text of word `i`: sliced here, inline, as [`Span::text`] (in another module) is a
    /// call at every word the rules read.
    #[inline]
    pub(super) fn word(&self, i: usize) -> &'a str {
        let span = self.toks[i].span;
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The bytes of word `i`: sliced with a bounds check alone, where [`Line::word`] checks
    /// the character boundaries at both ends too.
    #[inline]
    pub(super) fn bytes(&self, i: usize) -> &'a [u8] {
        let span = self.toks[i].span;
        self.text.as_bytes().get(span.start..span.end).unwrap_or_default()
    }

    /// True when word `i` is an ampersand ("Johnson & Johnson"), told from its bytes.
    #[inline]
    pub(super) fn is_ampersand(&self, i: usize) -> bool {
        let span = self.toks[i].span;
        span.len() == 1 && self.text.as_bytes()[span.start] == b'&'
    }

    /// The words of token `i` as written before the next token ("Kyiv's", "said,").
    pub(super) fn raw(&self, i: usize) -> &'a str {
        Span::new(self.toks[i].span.start, self.toks[i].raw_end).text(self.text)
    }

    /// True when a full stop, question or exclamation mark after token `k` ends a sentence
    /// (not the stop of an initial or an abbreviation such as "U.S." or "Mr.").
    #[inline]
    pub(super) fn ends_sentence(&self, k: usize) -> bool {
        // a word that ends where it is written has no mark after it: only its own full stop
        // can end a sentence
        !self.toks[k].ends_bare() && self.marks_after(k, b".!?") || self.stop_ends_word(k)
    }

    /// True when token `i` starts a sentence.
    #[inline]
    pub(super) fn initial(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else { return true };
        let t = &self.toks[prev];
        // most words before a capital are plain words that end where they are written (no
        // full stop, no punctuation, no possessive after them): their flags and first byte
        // say they end no sentence
        if t.ends_bare() && !t.dot() && self.text.as_bytes()[t.span.start].is_ascii_alphanumeric() {
            return false;
        }
        self.after_marked(prev)
    }

    /// [`Line::initial`] after token `prev`, which may end a sentence: out of line, so that
    /// the common case inlines without saving the registers this one uses.
    #[inline(never)]
    fn after_marked(&self, prev: usize) -> bool {
        let t = &self.toks[prev];
        // on bytes: no character boundaries to check, and no characters to decode unless
        // the word has no ASCII letter or digit
        let raw = &self.text.as_bytes()[t.span.start..t.raw_end];
        let alphanumeric = raw.iter().any(u8::is_ascii_alphanumeric)
            || !raw.is_ascii() && self.raw(prev).chars().any(char::is_alphanumeric);
        !alphanumeric || self.marks_after(prev, b".!?:") || self.stop_ends_word(prev)
    }

    /// True when the punctuation written after token `k` holds one of the ASCII `marks`.
    fn marks_after(&self, k: usize, marks: &[u8]) -> bool {
        let t = &self.toks[k];
        self.text.as_bytes()[t.span.end..t.raw_end].iter().any(|b| marks.contains(b))
    }

    /// True when token `k` ends with a full stop that reads as a sentence's: the word has more
    /// than four bytes and no other full stop ("Ukraine." does, "U.S." and "Mr." do not).
    #[inline]
    fn stop_ends_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.dot() && t.span.len() > 4 && self.one_stop(k)
    }

    /// True when word `k`, which ends with a full stop, has no other one: out of line, as
    /// most words [`Line::stop_ends_word`] is asked about have no full stop at all.
    #[inline(never)]
    fn one_stop(&self, k: usize) -> bool {
        !self.word(k).trim_end_matches('.').contains('.')
    }
}

/// True when most longer words of a line are capitalised, as in a title-case headline.
fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let long = || {
        toks.iter()
            .filter(|t| t.span.len() >= 4 && t.span.text(text).starts_with(char::is_alphabetic))
    };
    let (all, cap) = (long().count(), long().filter(|t| t.cap()).count());
    all >= 4 && cap * 10 >= all * 7
}

/// A wire dateline line: a place in capitals, then a date ("LONDON 1996-08-30",
/// "NICE , France 1996-08-30").
fn is_dateline(text: &str, toks: &[Token]) -> bool {
    let date = |t: &Token| {
        let s = t.span.text(text);
        s.len() >= 6
            && s.starts_with(|c: char| c.is_ascii_digit())
            && s.contains(['-', '/', '.'])
            && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
    };
    toks.len() <= 8 && toks.first().is_some_and(|t| t.caps()) && toks.last().is_some_and(date)
}
