//! Words of a line: split at white space, their surrounding punctuation and possessive
//! trimmed on bytes, with what the gazetteer probe and the name rules need to know of them.

use std::num::NonZeroUsize;

use crate::chars::{HIGH, in_range8, plain_run_end, skip_space, skip_word};
use crate::document::Span;

/// A word of a line, its surrounding punctuation trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// The word, without leading and trailing punctuation and without a possessive `'s`.
    pub(crate) span: Span,
    /// The end of the word as written, trailing punctuation included.
    pub(crate) raw_end: usize,
    /// The end of the part before a hyphen followed by a lower-case letter ("Kyiv-based")
    /// or before digits glued to letters.
    pub(crate) hyphen: Option<NonZeroUsize>,
    /// What else is known of the word: bits [`DOT`], [`POSSESSIVE`] … in one byte, which a
    /// word's token writes in one store (the commonest word has none).
    flags: u8,
}

/// [`Token::dot`].
const DOT: u8 = 1;
/// [`Token::possessive`].
const POSSESSIVE: u8 = 1 << 1;
/// [`Token::punct_after`].
const PUNCT_AFTER: u8 = 1 << 2;
/// Punctuation precedes the word (an opening quotation mark or parenthesis); kept for the
/// tests, as no rule reads it.
const PUNCT_BEFORE: u8 = 1 << 3;
/// [`Token::cap`].
const CAP: u8 = 1 << 4;
/// [`Token::caps`].
const CAPS: u8 = 1 << 5;

impl Token {
    /// The word ends with a full stop kept in `span` ("U.S.", "Inc.").
    #[inline]
    pub(crate) fn dot(&self) -> bool {
        self.flags & DOT != 0
    }

    /// The word had a possessive `'s` ("Kyiv's").
    #[inline]
    pub(crate) fn possessive(&self) -> bool {
        self.flags & POSSESSIVE != 0
    }

    /// Punctuation (other than a full stop) follows the word.
    #[inline]
    pub(crate) fn punct_after(&self) -> bool {
        self.flags & PUNCT_AFTER != 0
    }

    /// Punctuation precedes the word (an opening quotation mark or parenthesis).
    #[cfg(test)]
    fn punct_before(&self) -> bool {
        self.flags & PUNCT_BEFORE != 0
    }

    /// Nothing is written between the word's end and the next word's start: no punctuation
    /// (a trimmed full stop is kept in the word) and no possessive, so `span.end` is
    /// `raw_end`.
    #[inline]
    pub(crate) fn ends_bare(&self) -> bool {
        self.flags & (PUNCT_AFTER | POSSESSIVE) == 0
    }

    /// The word starts with an upper-case letter.
    #[inline]
    pub(crate) fn cap(&self) -> bool {
        self.flags & CAP != 0
    }

    /// The word has two or more letters, all upper-case.
    #[inline]
    pub(crate) fn caps(&self) -> bool {
        self.flags & CAPS != 0
    }
}

/// `bit` when `on`, else no bit.
#[inline]
fn bit(on: bool, bit: u8) -> u8 {
    if on { bit } else { 0 }
}

/// The punctuation trimmed from the start of a word: `"`, `“`, `‘`, `'`, `(`, `[`, `{`, `«`,
/// `*`. Returns the length in bytes of the run of them that `word` starts with.
fn leading(word: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&b) = word.get(i) {
        i += match b {
            b'"' | b'\'' | b'(' | b'[' | b'{' | b'*' => 1,
            0xE2 if matches!(word.get(i + 1..i + 3), Some([0x80, 0x9C | 0x98])) => 3,
            0xC2 if word.get(i + 1) == Some(&0xAB) => 2,
            _ => break,
        };
    }
    i
}

/// The punctuation trimmed from the end of a word: `"`, `”`, `’`, `'`, `)`, `]`, `}`, `»`,
/// `,`, `;`, `:`, `!`, `?`, `*`. Returns where `word` ends without the run of them it ends
/// with.
fn trailing(word: &[u8]) -> usize {
    let mut end = word.len();
    while end > 0 {
        end -= match word[end - 1] {
            b'"' | b'\'' | b')' | b']' | b'}' | b',' | b';' | b':' | b'!' | b'?' | b'*' => 1,
            0x9D | 0x99 if end >= 3 && word[end - 3..end - 1] == [0xE2, 0x80] => 3,
            0xBB if end >= 2 && word[end - 2] == 0xC2 => 2,
            _ => break,
        };
    }
    end
}

/// Appends the words of `line` to `out`, as [`tokens_and_caps`] reads them.
#[cfg(test)]
pub(crate) fn tokens(text: &str, line: Span, out: &mut Vec<Token>) {
    tokens_and_caps(text, line, out, &mut Vec::new());
}

/// Appends the words of `line` to `out`: one loop over the line's bytes that finds each
/// word's end eight bytes at a time ([`plain_run_end`]), decodes a character only at a
/// non-ASCII byte, and reads most words (lower case, nothing to trim) from three bytes. Notes
/// in `caps` where each capitalised word of the line is (its index among the line's words),
/// in the same loop: the probe and the name rules visit only those.
pub(crate) fn tokens_and_caps(text: &str, line: Span, out: &mut Vec<Token>, caps: &mut Vec<u32>) {
    let s = line.text(text);
    let bytes = s.as_bytes();
    out.reserve(bytes.len() / 5 + 1);
    let first = out.len();
    let mut i = skip_space(s, 0);
    while i < bytes.len() {
        // the commonest words of all, ASCII letters in lower case after the first and a space,
        // read from a load or two (punctuation and digits are told apart by the first byte)
        let capital = bytes[i].is_ascii_uppercase();
        let plain = capital || bytes[i].is_ascii_lowercase();
        if let Some((body, end, flags)) = plain.then(|| plain_word(bytes, i, capital)).flatten() {
            let at = line.start + i;
            push_read(out, caps, first, at, capital, (body, end, flags));
            i = after_read(s, i + end);
            continue;
        }
        // a word after an opening quotation mark, read the same way
        if let Some((lead, capital, (body, end, flags))) =
            (!plain).then(|| quoted_word(bytes, i)).flatten()
        {
            let at = line.start + i + lead;
            push_read(out, caps, first, at, capital, (body, end, flags));
            i = after_read(s, i + lead + end);
            continue;
        }
        let start = i;
        let run = plain_run_end(bytes, i);
        // a plain run that stops at a space is the whole word
        let end = if bytes.get(run) == Some(&b' ') { run } else { skip_word(s, run) };
        match token(s, start, end, line.start) {
            Some(t) => push(out, caps, first, t),
            // Punctuation standing alone ("Essex , Derbyshire") parts names like attached
            // punctuation does.
            None => {
                if let Some(prev) = out.last_mut() {
                    prev.flags |= PUNCT_AFTER;
                }
            }
        }
        // one space before a plain ASCII byte, the commonest gap between words, needs no
        // closer look
        let one_space = bytes.get(end) == Some(&b' ')
            && bytes.get(end + 1).is_some_and(|&b| b > b' ' && b.is_ascii());
        i = if one_space { end + 1 } else { skip_space(s, end) };
    }
}

/// Pushes `t` onto a line's tokens `out`, whose first is at `first`, noting its index among
/// the line's words in `caps` when it is capitalised.
#[inline(always)]
fn push(out: &mut Vec<Token>, caps: &mut Vec<u32>, first: usize, t: Token) {
    if t.cap() {
        // a line has far fewer than 2^32 words
        caps.push(u32::try_from(out.len() - first).unwrap_or(u32::MAX));
    }
    out.push(t);
}

/// Pushes the token of a word read by [`plain_word`] or [`quoted_word`] whose body starts at
/// byte `at` of the text (with its body's and written lengths and its flags) as [`push`]
/// does, [`CAP`] added for a `capital`: the capital is known here, so it is not asked again.
#[inline(always)]
fn push_read(
    out: &mut Vec<Token>,
    caps: &mut Vec<u32>,
    first: usize,
    at: usize,
    capital: bool,
    (body, end, flags): (usize, usize, u8),
) {
    let t = Token { span: Span::new(at, at + body), raw_end: at + end, hyphen: None, flags };
    if capital {
        // a line has far fewer than 2^32 words
        caps.push(u32::try_from(out.len() - first).unwrap_or(u32::MAX));
        out.push(Token { flags: flags | CAP, ..t });
    } else {
        out.push(t);
    }
}

/// Where the next word of line `s` starts after a word read by [`plain_word`] or
/// [`quoted_word`] that ends at byte `end` (at a space or the end of the line): one byte on
/// when one space comes before a plain ASCII byte, the commonest gap between words.
#[inline(always)]
fn after_read(s: &str, end: usize) -> usize {
    let one_space = s.as_bytes().get(end + 1).is_some_and(|&b| b > b' ' && b.is_ascii());
    if one_space { end + 1 } else { skip_space(s, end) }
}

/// The word at byte `i` of `b` when it is one to fifteen ASCII letters, in lower case after
/// the first (in lower case too unless `capital`), then a space or the end of the line, or a
/// full stop, comma, semicolon, colon, exclamation or question mark or closing parenthesis
/// and a space or the end, or another rest that [`punctuated`] reads (a possessive, closing
/// quotation marks): the length of its body, where it ends as written, and its flags but
/// [`CAP`] (`None` when the word is another).
///
/// Such a word has no cut ([`cut`]), is not in capitals ([`is_caps`]) and has no punctuation
/// before it; a full stop stays in its body, another mark is trimmed ([`trim`]). So
/// [`token`] makes it as this says, with [`CAP`] for a capital.
#[inline(always)]
fn plain_word(b: &[u8], i: usize, capital: bool) -> Option<(usize, usize, u8)> {
    let (len, after) = letters(b, i, capital)?;
    // a space or the end of the line at byte `k`
    let ends = |k: usize| b.get(k).is_none_or(|&c| c == b' ');
    match after {
        b' ' => Some((len, len, 0)),
        // the zeros that pad the line's last bytes
        0 if i + len == b.len() => Some((len, len, 0)),
        b'.' if ends(i + len + 1) => Some((len + 1, len + 1, DOT)),
        b',' | b';' | b':' | b'!' | b'?' | b')' if ends(i + len + 1) => {
            Some((len, len + 1, PUNCT_AFTER))
        }
        _ => punctuated(b, i + len).map(|(body, end, flags)| (len + body, len + end, flags)),
    }
}

/// [`plain_word`] for a word at byte `i` of `b` that opens with a quotation mark or a
/// parenthesis (`“`, `‘`, `"`, `'`, `(`) followed by an ASCII letter: the length of the mark,
/// whether the letter is a capital, and the rest as [`plain_word`] reads it, with
/// [`PUNCT_BEFORE`] (`None` for another word). [`leading`] trims just that mark, as a letter
/// follows it.
#[inline(never)]
fn quoted_word(b: &[u8], i: usize) -> Option<(usize, bool, (usize, usize, u8))> {
    let lead = match b.get(i..)? {
        [0xE2, 0x80, 0x9C | 0x98, ..] => 3,
        [b'"' | b'\'' | b'(', ..] => 1,
        _ => return None,
    };
    let c = *b.get(i + lead)?;
    let capital = c.is_ascii_uppercase();
    if !capital && !c.is_ascii_lowercase() {
        return None;
    }
    let (body, end, flags) = plain_word(b, i + lead, capital)?;
    Some((lead, capital, (body, end, flags | PUNCT_BEFORE)))
}

/// The rest of a word whose letters end at byte `k` of `b`, when it is a possessive `’s` or
/// `'s`, or a full stop, then closing punctuation (`”`, `’`, `,` … as [`trailing`] trims),
/// then a space or the end of the line ("Trump’s", "said.”", "Kyiv,”", "Jones’"): how much
/// of it the body keeps (the full stop), its length, and the word's flags but [`CAP`]
/// (`None` for another rest, read by the general loop).
///
/// Such a word's token is as [`token`] makes it: [`trim`] takes the closing run off, stops at
/// the full stop or the `s` of the possessive, and takes the possessive off the letters; the
/// body, letters and perhaps a full stop, has no cut and is not in capitals.
#[inline(never)]
fn punctuated(b: &[u8], k: usize) -> Option<(usize, usize, u8)> {
    let at = |j: usize| b.get(j).copied();
    let (mut j, body, mut flags) = match at(k) {
        Some(b'\'') if at(k + 1) == Some(b's') => (k + 2, 0, POSSESSIVE),
        Some(0xE2)
            if at(k + 1) == Some(0x80) && at(k + 2) == Some(0x99) && at(k + 3) == Some(b's') =>
        {
            (k + 4, 0, POSSESSIVE)
        }
        Some(b'.') => (k + 1, 1, DOT),
        _ => (k, 0, 0),
    };
    let closing = j;
    while let Some(c) = at(j) {
        j += match c {
            b' ' => break,
            b'"' | b'\'' | b')' | b']' | b'}' | b',' | b';' | b':' | b'!' | b'?' | b'*' => 1,
            0xE2 if at(j + 1) == Some(0x80) && matches!(at(j + 2), Some(0x9D | 0x99)) => 3,
            0xC2 if at(j + 1) == Some(0xBB) => 2,
            _ => return None,
        };
    }
    if j > closing {
        flags |= PUNCT_AFTER;
    }
    Some((body, j - k, flags))
}

/// The number of ASCII letters at byte `i` of `b` (up to fifteen), in lower case after the
/// first (in lower case too unless `capital`), and the byte after them (0 at the end of
/// `b`), read eight bytes at a time: `None` when more letters follow.
#[inline(always)]
fn letters(b: &[u8], i: usize, capital: bool) -> Option<(usize, u8)> {
    // a capital `A` to `Z` read as `a` to `z` (no other byte becomes a letter so)
    let (len, after) = lower_run(b, i, if capital { 0x20 } else { 0 });
    match after {
        Some(after) => Some((len, after)),
        // a longer word: its next eight bytes
        None => {
            let (more, after) = lower_run(b, i + 8, 0);
            Some((8 + more, after?))
        }
    }
}

/// How many of the eight bytes at `i` of `b` (the first ORed with `fold`; zeros past the
/// end of `b`) are lower-case ASCII letters before the first that is not, and that byte
/// (`None` when all eight are letters).
#[inline(always)]
fn lower_run(b: &[u8], i: usize, fold: u64) -> (usize, Option<u8>) {
    let rest = b.get(i..).unwrap_or_default();
    let x = match rest.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => super::padded_le(rest),
    } | fold;
    // per byte, its top bit set for `a` to `z`; no carry crosses bytes, whose top bits are
    // cleared before adding
    let low = x & !HIGH;
    let letters = in_range8(low, b'a', b'z') & !x & HIGH;
    let len = (!letters & HIGH).trailing_zeros() / 8;
    let after = (len < 8).then(|| (x >> (8 * len)).to_le_bytes()[0]);
    (len as usize, after)
}

/// The token of the word `s[from..to]`, a run of non-space characters of a line `s` that
/// starts at byte `offset` of the text; `None` when it is all punctuation.
#[inline]
fn token(s: &str, from: usize, to: usize, offset: usize) -> Option<Token> {
    let b = &s.as_bytes()[from..to];
    let start = offset + from;
    let Trim { lead, end, possessive, punct_after } = if !is_bare(b) {
        trim(b)?
    } else if b[0].is_ascii_lowercase() {
        // the commonest word of all: nothing more to read of it
        return Some(Token::lower(start, start + b.len()));
    } else {
        Trim::bare(b.len())
    };
    // `lead` and `end` fall between characters: only whole characters are trimmed
    let body = &s[from + lead..from + end];
    let first = b[lead];
    let cap = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        body.chars().next().is_some_and(char::is_uppercase)
    };
    // Only a capitalised word can start a name: the rest need no closer look.
    let (hyphen, caps) = if cap { (cut(body), is_caps(body)) } else { (None, false) };
    let at = start + lead;
    Some(Token {
        span: Span::new(at, at + body.len()),
        raw_end: start + b.len(),
        // a cut is never at a word's first byte, so never at offset 0
        hyphen: hyphen.and_then(|h| NonZeroUsize::new(at + h)),
        flags: bit(b[end - 1] == b'.', DOT)
            | bit(possessive, POSSESSIVE)
            | bit(punct_after, PUNCT_AFTER)
            | bit(lead > 0, PUNCT_BEFORE)
            | bit(cap, CAP)
            | bit(caps, CAPS),
    })
}

/// Where a word's body stands once its punctuation and possessive are trimmed.
struct Trim {
    /// The length of the punctuation before the body.
    lead: usize,
    /// The end of the body.
    end: usize,
    /// A possessive `'s` was trimmed.
    possessive: bool,
    /// Punctuation (other than a full stop) follows the body.
    punct_after: bool,
}

impl Trim {
    /// A word of `len` bytes with nothing to trim.
    #[inline]
    fn bare(len: usize) -> Trim {
        Trim { lead: 0, end: len, possessive: false, punct_after: false }
    }
}

/// True for a word with nothing to trim, known from three bytes: it starts with an ASCII
/// letter or digit and ends with two (or is one byte long), so it has no punctuation around
/// it and no possessive. Most words of news are such words.
#[inline]
fn is_bare(b: &[u8]) -> bool {
    let [first, .., last] = b else { return b.first().is_some_and(u8::is_ascii_alphanumeric) };
    let alnum = |c: u8| ALNUM[usize::from(c)];
    // one branch for the three bytes, each one load
    alnum(*first) & alnum(*last) & alnum(b[b.len() - 2])
}

/// True at the ASCII letters and digits: one load where [`u8::is_ascii_alphanumeric`]
/// compares against three ranges.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 128 {
        table[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    table
};

/// The body of `word` without its punctuation and possessive; `None` when nothing is left.
fn trim(b: &[u8]) -> Option<Trim> {
    let lead = if b[0].is_ascii_alphanumeric() { 0 } else { leading(b) };
    let mut end =
        if b[b.len() - 1].is_ascii_alphanumeric() { b.len() } else { lead + trailing(&b[lead..]) };
    let punct_after = end < b.len();
    let apostrophe = match &b[lead..end] {
        [.., b'\'', b's'] => 2,
        [.., 0xE2, 0x80, 0x99, b's'] => 4,
        _ => 0,
    };
    let possessive = apostrophe > 0;
    if possessive {
        end = lead + trailing(&b[lead..end - apostrophe]);
    }
    (end > lead).then_some(Trim { lead, end, possessive, punct_after })
}

impl Token {
    /// The token of a bare word ([`is_bare`]) starting with a lower-case ASCII letter,
    /// spanning `start..end`.
    #[inline]
    fn lower(start: usize, end: usize) -> Token {
        Token { span: Span::new(start, end), raw_end: end, hyphen: None, flags: 0 }
    }
}

/// Two or more letters, none lower-case ("NATO", "U.S.").
fn is_caps(body: &str) -> bool {
    // most capitalised words go on in lower case ("Kyiv"): their second byte says so
    if body.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    if body.is_ascii() {
        let b = body.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
    }
    let mut letters = 0;
    for c in body.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

/// Where a word may be cut: before a hyphen followed by a lower-case letter or digit
/// ("Kyiv-based"), or where letters run into digits ("Ukraine23.01.25").
fn cut(body: &str) -> Option<usize> {
    // most words are ASCII with neither a hyphen nor a digit: one scan says so
    if !body.bytes().any(|c| c == b'-' || c.is_ascii_digit() || !c.is_ascii()) {
        return None;
    }
    if body.is_ascii() {
        return cut_ascii(body.as_bytes());
    }
    let hyphen = body.find('-').filter(|&h| {
        h > 0 && body[h + 1..].chars().next().is_some_and(|c| c.is_lowercase() || c.is_numeric())
    });
    let digits = body
        .find(|c: char| c.is_ascii_digit())
        .filter(|&d| d > 1 && body[..d].chars().last().is_some_and(char::is_alphabetic));
    match (hyphen, digits) {
        (Some(h), Some(d)) => Some(h.min(d)),
        (h, d) => h.or(d),
    }
}

/// [`cut`] for an ASCII word, on bytes.
fn cut_ascii(b: &[u8]) -> Option<usize> {
    // most words have neither a hyphen nor a digit: one scan says so
    let first = b.iter().position(|&c| c == b'-' || c.is_ascii_digit())?;
    let after = |found: Option<usize>| found.map(|k| first + k);
    let hyphen = after(b[first..].iter().position(|&c| c == b'-')).filter(|&h| {
        h > 0 && b.get(h + 1).is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    });
    let digits = after(b[first..].iter().position(u8::is_ascii_digit))
        .filter(|&d| d > 1 && b[d - 1].is_ascii_alphabetic());
    match (hyphen, digits) {
        (Some(h), Some(d)) => Some(h.min(d)),
        (h, d) => h.or(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokens(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn words_lose_punctuation_and_possessives() {
        assert_eq!(
            words("“Kyiv's allies,” (Reuters) U.S. Zelensky:"),
            ["Kyiv", "allies", "Reuters", "U.S.", "Zelensky"]
        );
    }

    #[test]
    fn bare_words_have_nothing_to_trim() {
        let words = ["said", "a", "x9", "Kyiv", "NATO", "Kyiv-based", "Ukraine23", "naïve"];
        for w in words {
            let b = w.as_bytes();
            assert!(is_bare(b), "{w}");
            let t = trim(b).expect(w);
            assert!(t.lead == 0 && t.end == b.len() && !t.possessive && !t.punct_after, "{w}");
        }
        for w in ["Kyiv's", "said,", "\"Yes", "U.S.", "’s", "a’s", "-", "ü"] {
            assert!(!is_bare(w.as_bytes()), "{w}");
        }
        assert_eq!(token("a said", 2, 6, 5), Some(Token::lower(7, 11)));
    }

    #[test]
    fn words_are_those_of_split_whitespace() {
        // words with nothing to trim, as written
        fn bounds(s: &str) -> Vec<&str> {
            let mut out = Vec::new();
            tokens(s, Span::new(0, s.len()), &mut out);
            out.iter().map(|t| &s[t.span.start..t.raw_end]).collect()
        }
        let long = "abcdefgh ".repeat(20);
        for s in [
            "",
            " ",
            "a",
            " a ",
            "Zelenskyy's allies",
            long.as_str(),
            &long[1..],
            &"x".repeat(64),
            &"x".repeat(65),
            &format!("{}\u{3000}y", "x".repeat(62)),
            &format!("{}\u{3000}y", "x".repeat(63)),
            &format!("{} \u{2019}y", "x".repeat(61)),
            "a\tb\x0bc\x1cd\0e\u{85}f\u{1680}g\u{200b}h\u{202f}i\u{205f}j",
        ] {
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(bounds(s), std, "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        #[test]
        fn words_of_any_text_are_those_of_split_whitespace(
            text in proptest::prelude::any::<String>()
        ) {
            // every word as written, from its first byte (punctuation included)
            let mut out = Vec::new();
            tokens(&text, Span::new(0, text.len()), &mut out);
            for t in &out {
                let before = text[..t.span.start].trim_end_matches(|c: char| !c.is_whitespace());
                let raw = &text[before.len()..t.raw_end];
                proptest::prop_assert!(text.split_whitespace().any(|w| w == raw), "{:?}", raw);
            }
        }
    }

    #[test]
    fn plain_words_are_read_from_a_load_or_two() {
        let len = |text: &str, capital| plain_word(text.as_bytes(), 0, capital).map(|w| w.0);
        for (text, want) in [
            ("said the", Some(4)),
            ("a bcdefgh", Some(1)),
            ("abcdefg h", Some(7)),
            ("abcdefgh ijklmno", Some(8)),
            ("abcdefghijklmno p", Some(15)),
            ("abcdefghijklmnop q", None),
            ("abcdefghijk, lmno", Some(11)),
            ("abcdefghijk lmn", Some(11)),
            ("abcdefghijk", Some(11)),
            ("abcdefgh", Some(8)),
            ("abcdefghijklmnop", None),
            ("said.", Some(5)),
            ("said,", Some(4)),
            ("said.x", None),
            ("said\0 x", None),
            ("said. The", Some(5)),
            ("said, the", Some(4)),
            ("said,the", None),
            ("said,\" the", Some(4)),
            ("said.\" the", Some(5)),
            ("said’s the", Some(4)),
            ("said’s. the", None),
            ("Said the", None),
            ("sa1d the", None),
            ("naïve it", None),
            ("said", Some(4)),
            ("said\tthe", None),
            ("{|}~`@[ ", None),
        ] {
            assert_eq!(len(text, false), want, "{text:?}");
        }
        for (text, want) in [
            ("Said the", Some(4)),
            ("A bcdefgh", Some(1)),
            ("A. Smith", Some(2)),
            ("Abcdefghijklmno p", Some(15)),
            ("Kyiv) and", Some(4)),
            ("SAid the", None),
            ("@bcdefg h", None),
            ("[bcdefg h", None),
        ] {
            assert_eq!(len(text, true), want, "{text:?}");
        }
        // the tokens read so are those of the general loop
        for text in [
            "Said the Kyiv A man I saw, then. A. Smith: Kyiv) yes! no? ok; x",
            "A Bcdefghijklmno said I x. Y, z",
            "Zelensky Q a",
            "end.",
            "Abcdefgh",
            "a b, c\0 d",
        ] {
            for padded in [text.to_owned(), format!("{text}        ")] {
                let mut fast = Vec::new();
                tokens(&padded, Span::new(0, padded.len()), &mut fast);
                assert_eq!(fast.len(), padded.split_whitespace().count());
                for t in &fast {
                    let start = padded[..t.span.start].rfind(' ').map_or(0, |k| k + 1);
                    let want = token(&padded, start, t.raw_end, 0);
                    assert_eq!(Some(*t), want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn quoted_and_possessive_words_are_read_as_the_general_loop_reads_them() {
        let leads = ["", "“", "‘", "\"", "'", "(", "“(", "«", "*"];
        let bodies =
            ["said", "Trump", "A", "s", "abcdefghijklmno", "Abcdefghijklmnop", "U.S", "x9"];
        let tails = [
            "", "’s", "'s", ".", ",", "”", ".”", ",”", "’", "’s,”", "’s.", "'", ")", "?”", "»",
            "’s’", "'s\"", "..", "’x", "’s”)", "'sx", "’", "\0", ".’", "!”", ":", "’S",
        ];
        let mut checked = 0;
        for lead in leads {
            for body in bodies {
                for tail in tails {
                    let word = format!("{lead}{body}{tail}");
                    for text in [word.clone(), format!("{word} x"), format!("x {word}  y")] {
                        let mut fast = Vec::new();
                        tokens(&text, Span::new(0, text.len()), &mut fast);
                        let mut want = Vec::new();
                        let mut at = 0;
                        for w in text.split(' ') {
                            if !w.is_empty() {
                                want.extend(token(&text, at, at + w.len(), 0));
                            }
                            at += w.len() + 1;
                        }
                        if want.len() == fast.len() {
                            assert_eq!(fast, want, "{text:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1500, "{checked}");
    }

    #[test]
    fn a_word_ends_with_a_full_stop_when_its_flags_say_so() {
        // (the name rules read the flag instead of the word's last byte)
        let pieces = ["U", "s", ".", "’s", "'", "”", ",", " ", "é", "-", "9", "Abcdefgh"];
        for text in crate::chars::strings_of(&pieces, 4) {
            let mut out = Vec::new();
            tokens(&text, Span::new(0, text.len()), &mut out);
            for t in &out {
                assert_eq!(t.dot(), t.span.text(&text).ends_with('.'), "{text:?}");
            }
        }
    }

    #[test]
    fn offsets_survive_wide_spaces() {
        let text = "the\u{a0}Republican\u{2009}party";
        let mut out = Vec::new();
        tokens(text, Span::new(0, text.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(got, ["the", "Republican", "party"]);
    }

    #[test]
    fn words_split_at_unicode_whitespace() {
        let text = "\u{2009}a\u{a0}b\u{2009}\u{2009}c\x0bd  é\u{3000}";
        let mut out = Vec::new();
        tokens(text, Span::new(0, text.len()), &mut out);
        let got: Vec<(usize, &str)> =
            out.iter().map(|t| (t.span.start, t.span.text(text))).collect();
        assert_eq!(got, [(3, "a"), (6, "b"), (13, "c"), (15, "d"), (18, "é")]);
        let std: Vec<&str> = text.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
        assert_eq!(got.iter().map(|w| w.1).collect::<Vec<_>>(), std);
    }

    #[test]
    fn punctuation_is_trimmed_on_bytes() {
        assert_eq!(leading("“‘(«*\"'[{word".as_bytes()), "“‘(«*\"'[{".len());
        assert_eq!(leading("word".as_bytes()), 0);
        assert_eq!(leading("”word".as_bytes()), 0);
        let w = "word”’»\"')]},;:!?*";
        assert_eq!(trailing(w.as_bytes()), 4);
        assert_eq!(trailing("word.".as_bytes()), 5);
        assert_eq!(trailing("“".as_bytes()), 3);
        assert_eq!(words("“Zelensky’s”, O’Brien's («Kyiv») ’s"), ["Zelensky", "O’Brien", "Kyiv"]);
        let text = "(Reuters) Smith’s, «ONE»";
        let mut out = Vec::new();
        tokens(text, Span::new(0, text.len()), &mut out);
        let flags: Vec<_> = out
            .iter()
            .map(|t| (t.punct_before(), t.punct_after(), t.possessive(), t.cap(), t.caps()))
            .collect();
        assert_eq!(
            flags,
            [
                (true, true, false, true, false),
                (false, true, true, true, false),
                (true, true, false, true, true)
            ]
        );
    }

    #[test]
    fn words_are_cut_before_lower_case_after_a_hyphen_or_digits() {
        for (word, at) in [
            ("Kyiv-based", Some(4)),
            ("Al-Zor", None),
            ("Ukraine23.01.25", Some(7)),
            ("U2", None),
            ("-based", None),
            ("F-16", Some(1)),
            ("Kyiv-based2", Some(4)),
            ("Ab12-x", Some(2)),
            ("Łódź-based", Some(7)),
            ("Łódź23", Some(7)),
        ] {
            assert_eq!(cut(word), at, "{word}");
        }
        assert!(is_caps("NATO") && is_caps("U.S.") && is_caps("ŁÓDŹ"));
        assert!(!is_caps("A.") && !is_caps("Nato") && !is_caps("Łódź"));
    }
}
