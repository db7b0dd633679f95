//! Pairing quotation marks inside a paragraph: straight and curly double and single quotes,
//! « », „ “ and ‚ ‘, nested, with apostrophes told apart from single quotes.

use super::{NextHit, Quoted};
use std::sync::LazyLock;

use crate::chars::{Find3, letter, letter_or_digit};
use crate::document::Span;

/// Words that open with an apostrophe (rock 'n' roll, 'em, 'til), lower case.
const ELISIONS: &[&str] = &["n", "em", "til", "tis", "twas", "cause", "bout", "nuff"];

/// The lengths of the shortest and the longest of [`ELISIONS`]: a word of another length is
/// none of them.
const ELISION_LENS: (usize, usize) = {
    let (mut min, mut max) = (usize::MAX, 0);
    let mut i = 0;
    while i < ELISIONS.len() {
        let len = ELISIONS[i].len();
        if len < min {
            min = len;
        }
        if len > max {
            max = len;
        }
        i += 1;
    }
    (min, max)
};

/// The family of a pair of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum QuoteMark {
    /// `"…"`, `“…”`, `''…''`, ` ``…'' `.
    Double,
    /// `'…'`, `‘…’`.
    Single,
    /// `«…»`.
    Guillemet,
    /// `„…“` or `„…”`, and `‚…‘`.
    Low,
}

impl QuoteMark {
    /// The family that the newspaper rule compares: all double-quote styles are one family.
    pub(crate) fn family(self) -> QuoteMark {
        match self {
            QuoteMark::Single => QuoteMark::Single,
            _ => QuoteMark::Double,
        }
    }
}

/// What a mark does at its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Open(QuoteMark),
    Close(QuoteMark),
    Skip,
}

/// A mark found in the text, before it is read as opening or closing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Raw {
    Straight,
    StraightSingle,
    LeftDouble,
    RightDouble,
    LeftSingle,
    RightSingle,
    LowDouble,
    LowSingle,
    OpenGuillemet,
    CloseGuillemet,
}

/// An opening mark waiting for its close.
#[derive(Clone, Copy, Debug)]
struct Open {
    mark: QuoteMark,
    span: Span,
}

/// The open marks, innermost last, with how many of each family are open: whether a family
/// is open costs no scan, however deep the nesting. One stack serves all the paragraphs of a
/// text, so that its list is allocated once rather than for each paragraph, and it keeps
/// where the text's next rare lead byte is (see [`Leads`]).
#[derive(Default)]
pub(super) struct Stack {
    opens: Vec<Open>,
    counts: [usize; 4],
    /// Where the text's next rare lead byte is.
    rare: NextHit,
}

impl Stack {
    /// Empties the stack for the next paragraph, keeping its allocation.
    fn clear(&mut self) {
        self.opens.clear();
        self.counts = [0; 4];
    }

    fn push(&mut self, open: Open) {
        self.counts[open.mark as usize] += 1;
        self.opens.push(open);
    }

    fn has(&self, mark: QuoteMark) -> bool {
        self.counts[mark as usize] > 0
    }

    /// Drops the marks from `depth` up.
    fn truncate(&mut self, depth: usize) {
        for open in self.opens.drain(depth..) {
            self.counts[open.mark as usize] -= 1;
        }
    }
}

/// Pairs the quotation marks of paragraph `para` (index `paragraph`), appending its passages
/// to `out` in text order of their opening marks; `stack` is scratch space, emptied first.
pub(super) fn pair(
    text: &str,
    para: Span,
    paragraph: usize,
    stack: &mut Stack,
    out: &mut Vec<Quoted>,
) {
    let s = para.text(text);
    let first = out.len();
    stack.clear();
    let mut i = 0;
    // most texts hold few rare lead bytes, if any: searched for once in the text
    let rare = stack.rare.in_paragraph(para, |from| {
        memchr::memchr2(b'`', 0xC2, &text.as_bytes()[from..]).map(|r| from + r)
    });
    let mut leads = Leads::new(s.as_bytes(), rare);
    while let Some((at, raw, len)) = next_mark(s.as_bytes(), i, &mut leads) {
        i = at + len;
        let span = Span::new(para.start + at, para.start + at + len);
        match act(s, at, len, raw, stack) {
            Action::Open(mark) => stack.push(Open { mark, span }),
            Action::Close(mark) => close(stack, mark, span, paragraph, out),
            Action::Skip => {}
        }
    }
    for (depth, open) in stack.opens.iter().enumerate().filter(|(_, o)| o.mark != QuoteMark::Single)
    {
        out.push(passage(*open, None, para.end, depth, paragraph));
    }
    // every passage opens at its own mark, so the keys are distinct and an unstable sort,
    // which needs no scratch buffer, gives the one order
    out[first..].sort_unstable_by_key(|q| q.open().start);
}

/// Closes the innermost open passage of `mark`'s kind, dropping passages opened inside it
/// and left unclosed; a close with nothing to close is ignored. A passage with nothing
/// between its marks (`""`) is not kept: it quotes nothing, and no later stage reads it.
fn close(stack: &mut Stack, mark: QuoteMark, span: Span, paragraph: usize, out: &mut Vec<Quoted>) {
    if !stack.has(mark) {
        return;
    }
    let Some(depth) = stack.opens.iter().rposition(|o| o.mark == mark) else { return };
    let open = stack.opens[depth];
    stack.truncate(depth);
    if open.span.end < span.start {
        out.push(passage(open, Some(span), span.start, depth, paragraph));
    }
}

/// The passage of the opening mark `open`, closed by `close` or unclosed (its content then
/// runs to `content_end`).
fn passage(
    open: Open,
    close: Option<Span>,
    content_end: usize,
    depth: usize,
    paragraph: usize,
) -> Quoted {
    Quoted::new(open.span, close, content_end, paragraph, depth, open.mark)
}

/// The bytes a quotation mark starts with, in order: `"`, `'` and the UTF-8 lead byte of
/// “ ” ‘ ’ „ ‚ (0xE2), and the rarer `` ` `` and lead byte of « » (0xC2), each set found by a
/// vectorised memchr and the next of each kept, so that each byte is searched once. Marks
/// often stand together (`"'`, `’”`, `." “`), so the two bytes after a mark are read one by
/// one before a vectorised search is started. The first rare byte is given, found by a
/// search that serves the whole text ([`NextHit`]).
struct Leads<'a> {
    b: &'a [u8],
    common: Option<usize>,
    rare: Option<usize>,
}

/// The search for the common lead bytes (`"`, `'`, 0xE2), made once.
static COMMON: LazyLock<Find3> = LazyLock::new(|| Find3::new(b'"', b'\'', 0xE2));

/// How many bytes are read one by one before a vectorised search.
const NEAR: usize = 2;

impl<'a> Leads<'a> {
    /// The lead bytes of the paragraph `b`, whose first rare one is at `rare`.
    fn new(b: &'a [u8], rare: Option<usize>) -> Leads<'a> {
        Leads { b, common: COMMON.find(b), rare }
    }

    /// The first `"`, `'` or 0xE2 at or after `from`, the end of a mark.
    fn common_from(b: &[u8], from: usize) -> Option<usize> {
        Leads::first(b, from, |c| matches!(c, b'"' | b'\'' | 0xE2), |h| COMMON.find(h))
    }

    /// The first `` ` `` or 0xC2 at or after `from`, the end of a mark.
    fn rare_from(b: &[u8], from: usize) -> Option<usize> {
        Leads::first(b, from, |c| matches!(c, b'`' | 0xC2), |h| memchr::memchr2(b'`', 0xC2, h))
    }

    /// The first byte at or after `from` that `is` accepts: the next [`NEAR`] bytes read one
    /// by one, the rest by `search`.
    fn first(
        b: &[u8],
        from: usize,
        is: impl Fn(u8) -> bool,
        search: impl Fn(&[u8]) -> Option<usize>,
    ) -> Option<usize> {
        let near = b.len().min(from + NEAR);
        if let Some(i) = b.get(from..near)?.iter().position(|&c| is(c)) {
            return Some(from + i);
        }
        search(&b[near..]).map(|i| i + near)
    }

    /// The first lead byte at or after `from`.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let b = self.b;
        if self.common.is_some_and(|c| c < from) {
            self.common = Leads::common_from(b, from);
        }
        if self.rare.is_some_and(|r| r < from) {
            self.rare = Leads::rare_from(b, from);
        }
        match (self.common, self.rare) {
            (Some(c), Some(r)) => Some(c.min(r)),
            (c, r) => c.or(r),
        }
    }
}

/// The next quotation mark at or after byte `from`: its offset, kind and length in bytes.
fn next_mark(b: &[u8], from: usize, leads: &mut Leads<'_>) -> Option<(usize, Raw, usize)> {
    let mut i = from;
    while i < b.len() {
        i = leads.next_from(i)?;
        let found = match b[i] {
            b'"' => Some((Raw::Straight, 1)),
            b'\'' if b.get(i + 1) == Some(&b'\'') => Some((Raw::Straight, 2)),
            b'\'' => Some((Raw::StraightSingle, 1)),
            b'`' if b.get(i + 1) == Some(&b'`') => Some((Raw::LeftDouble, 2)),
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) => Some((Raw::LeftDouble, 3)),
                Some(0x9D) => Some((Raw::RightDouble, 3)),
                Some(0x98) => Some((Raw::LeftSingle, 3)),
                Some(0x99) => Some((Raw::RightSingle, 3)),
                Some(0x9E) => Some((Raw::LowDouble, 3)),
                Some(0x9A) => Some((Raw::LowSingle, 3)),
                _ => None,
            },
            0xC2 => match b.get(i + 1) {
                Some(0xAB) => Some((Raw::OpenGuillemet, 2)),
                Some(0xBB) => Some((Raw::CloseGuillemet, 2)),
                _ => None,
            },
            _ => None,
        };
        if let Some((raw, len)) = found {
            return Some((i, raw, len));
        }
        i += 1;
    }
    None
}

/// Reads the mark `raw` at `s[at..at + len]` as opening, closing or neither, given the open
/// passages `stack`.
fn act(s: &str, at: usize, len: usize, raw: Raw, stack: &Stack) -> Action {
    // the commonest single mark, an apostrophe inside a word ("Trump’s", "don't") between
    // ASCII letters, told from its two bytes before the characters around it are decoded:
    // the arms below come to `is_apostrophe` for it, which finds it inside a word
    let b = s.as_bytes();
    if matches!(raw, Raw::RightSingle | Raw::StraightSingle | Raw::LeftSingle)
        && at > 0
        && b[at - 1].is_ascii_alphanumeric()
        && b.get(at + len).is_some_and(u8::is_ascii_alphabetic)
    {
        return Action::Skip;
    }
    act_decoded(s, at, len, raw, stack)
}

/// [`act`] told from the characters around the mark, decoded.
fn act_decoded(s: &str, at: usize, len: usize, raw: Raw, stack: &Stack) -> Action {
    let prev = s[..at].chars().next_back();
    let next = s[at + len..].chars().next();
    let left = next.is_some_and(|c| !c.is_whitespace()) && prev.is_none_or(opens_before);
    let right = prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_after);
    let has = |m: QuoteMark| stack.has(m);
    use Action::*;
    use QuoteMark::*;
    match raw {
        Raw::Straight if left == right => {
            if has(Double) {
                Close(Double)
            } else {
                Open(Double)
            }
        }
        Raw::Straight => {
            if left {
                Open(Double)
            } else {
                Close(Double)
            }
        }
        Raw::LeftDouble if has(Low) => Close(Low),
        Raw::LeftDouble if right && !left && has(Double) => Close(Double),
        Raw::LeftDouble => Open(Double),
        Raw::RightDouble if has(Double) => Close(Double),
        Raw::RightDouble if has(Low) => Close(Low),
        Raw::RightDouble if left && !right => Open(Double),
        Raw::LowDouble => Open(Low),
        Raw::OpenGuillemet => Open(Guillemet),
        Raw::CloseGuillemet => Close(Guillemet),
        Raw::LowSingle => Open(Single),
        _ if is_apostrophe(s, at, len, prev, next) => Skip,
        Raw::LeftSingle if right && has(Single) => Close(Single),
        Raw::LeftSingle => Open(Single),
        Raw::RightSingle | Raw::StraightSingle if right && has(Single) => Close(Single),
        Raw::RightSingle | Raw::StraightSingle if left && !right => Open(Single),
        _ => Skip,
    }
}

/// A character after which a mark opens a passage: white space, an opening bracket or
/// dash, or another opening mark.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '„' | '«' | '"' | '\''
        )
}

/// A character before which a mark closes a passage: white space or punctuation.
fn closes_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '/'
                | '…'
                | '”'
                | '’'
                | '»'
                | '"'
                | '\''
        )
}

/// True when the single mark at `at` is an apostrophe: inside a word (Kyiv's), before a
/// decade or year ('90s, '16), or opening an elision ('em, rock 'n' roll).
fn is_apostrophe(s: &str, at: usize, len: usize, prev: Option<char>, next: Option<char>) -> bool {
    let inside = prev.is_some_and(letter_or_digit) && next.is_some_and(letter);
    if inside {
        return true;
    }
    if prev.is_some_and(letter_or_digit) {
        return false;
    }
    let after = &s[at + len..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let decade = digits == 2 && !after.as_bytes().get(2).is_some_and(u8::is_ascii_digit);
    if decade {
        return true;
    }
    let word_len = after.find(|c: char| !letter(c)).unwrap_or(after.len());
    let (min, max) = ELISION_LENS;
    (min..=max).contains(&word_len)
        && ELISIONS.iter().any(|e| after[..word_len].eq_ignore_ascii_case(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, u32, bool)> {
        let mut out = Vec::new();
        pair(text, Span::new(0, text.len()), 0, &mut Stack::default(), &mut out);
        out.iter().map(|q| (q.content.text(text), q.depth, q.close().is_some())).collect()
    }

    #[test]
    fn an_apostrophe_inside_a_word_is_told_as_the_characters_tell_it() {
        let marks = [
            (Raw::RightSingle, "’"),
            (Raw::StraightSingle, "'"),
            (Raw::LeftSingle, "‘"),
            (Raw::RightDouble, "”"),
            (Raw::Straight, "\""),
        ];
        let sides = ["", "a", "Z", "7", " ", "é", "\u{a0}", "(", ".", "’", "'", "-", "em", "90s"];
        let mut stacks = vec![Stack::default()];
        for mark in [QuoteMark::Single, QuoteMark::Double, QuoteMark::Low] {
            let mut stack = Stack::default();
            stack.push(Open { mark, span: Span::new(0, 0) });
            stacks.push(stack);
        }
        for (raw, mark) in marks {
            for before in sides {
                for after in sides {
                    let s = format!("{before}{mark}{after}");
                    let (at, len) = (before.len(), mark.len());
                    for stack in &stacks {
                        let want = act_decoded(&s, at, len, raw, stack);
                        assert_eq!(act(&s, at, len, raw, stack), want, "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn straight_and_curly_doubles() {
        assert_eq!(quoted("He said “yes” and \"no\"."), [("yes", 0, true), ("no", 0, true)]);
        assert_eq!(quoted("''Bernie is honest,'' she said."), [("Bernie is honest,", 0, true)]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quoted("Kyiv's allies and the students' union in the '90s").is_empty());
        assert!(quoted("They played rock 'n' roll and O’Malley’s band went on").is_empty());
        assert!(quoted("Let ’em in, it’s the ’16 race").is_empty());
    }

    #[test]
    fn single_quotes_pair_around_apostrophes() {
        assert_eq!(quoted("Trump’s ‘loser’ supporters"), [("loser", 0, true)]);
        assert_eq!(
            quoted("Trump: ‘I’m the Worst Thing That Happened.’"),
            [("I’m the Worst Thing That Happened.", 0, true)]
        );
        assert_eq!(quoted("He called it 'Kyiv's war' twice"), [("Kyiv's war", 0, true)]);
    }

    #[test]
    fn unicode_letters_around_apostrophes() {
        assert!(quoted("Zelenskyy’s and Müller's aides, Erdoğan’s too").is_empty());
        assert_eq!(
            quoted("Il a dit «non» à Zürich’s ‘élite’"),
            [("non", 0, true), ("élite", 0, true)]
        );
    }

    #[test]
    fn nested_quotes_have_depth() {
        assert_eq!(
            quoted("\"He told me 'never again' today,\" she said."),
            [("He told me 'never again' today,", 0, true), ("never again", 1, true)]
        );
        assert_eq!(
            quoted("“She said ‘no’ twice”"),
            [("She said ‘no’ twice", 0, true), ("no", 1, true)]
        );
    }

    #[test]
    fn guillemets_and_low_nine_quotes() {
        assert_eq!(quoted("Er sagte „nein“ und «oui»."), [("nein", 0, true), ("oui", 0, true)]);
    }

    #[test]
    fn unbalanced_marks_never_fail() {
        assert_eq!(quoted("He said \"we will win"), [("we will win", 0, false)]);
        assert!(quoted("a stray” close and a ’ lone mark").is_empty());
        assert!(quoted("\"\"\"").is_empty());
        assert_eq!(quoted("\"\" \""), [("", 0, false)]);
    }

    #[test]
    fn a_stack_shared_by_paragraphs_finds_their_rare_marks() {
        let text = "«a» b\n``c'' d\nplain\ne «f»\n\u{a0}“g”\n``h''";
        let mut paras = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            paras.push(Span::new(start, start + line.len()));
            start += line.len() + 1;
        }
        // in text order, as `segment` goes, then out of it
        let orders = [paras.clone(), paras.iter().rev().copied().collect()];
        for order in orders {
            let mut shared = Stack::default();
            for (i, &para) in order.iter().enumerate() {
                let (mut with_shared, mut with_fresh) = (Vec::new(), Vec::new());
                pair(text, para, i, &mut shared, &mut with_shared);
                pair(text, para, i, &mut Stack::default(), &mut with_fresh);
                assert_eq!(with_shared, with_fresh, "{:?}", para.text(text));
            }
        }
    }

    #[test]
    fn lead_bytes_are_found_in_order_once() {
        let b = "a\"b`c«d'e“f`".as_bytes();
        let mut leads = Leads::new(b, memchr::memchr2(b'`', 0xC2, b));
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(at) = leads.next_from(i) {
            found.push(b[at]);
            i = at + 1;
        }
        assert_eq!(found, [b'"', b'`', 0xC2, b'\'', 0xE2, b'`']);
        assert_eq!(Leads::new(b"plain", None).next_from(0), None);
    }
}
