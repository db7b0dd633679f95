//! Lines of text with their offsets, found with a byte scan.

use crate::chars::{Find1, HIGH, ONES, zero8};
use crate::document::Span;

/// One line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line without its terminator and surrounding white space; empty for a blank line.
    pub(crate) span: Span,
    /// True when a blank line (or several) stands right before this line.
    pub(crate) blank_before: bool,
}

/// The lines of `text`, split at `\n`, as spans without their terminator (`\n` or `\r\n`),
/// blank lines included, not trimmed of other white space.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    split(text, |rest| memchr::memchr(b'\n', rest))
}

/// [`lines`], each line's end found by a searcher made once for the text ([`Find1`]) rather
/// than by memchr for each line: the split that structure and segmentation share.
fn lines_found(text: &str) -> impl Iterator<Item = Span> + '_ {
    let newline = Find1::new(b'\n');
    split(text, move |rest| newline.find(rest))
}

/// The lines of `text` as [`lines`] has them, the first `\n` of the rest found by `newline`.
fn split<'t>(
    text: &'t str,
    newline: impl Fn(&[u8]) -> Option<usize> + 't,
) -> impl Iterator<Item = Span> + 't {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = newline(&bytes[start..]).map_or(bytes.len(), |i| start + i);
        let body = if end > start && bytes[end - 1] == b'\r' { end - 1 } else { end };
        let span = Span::new(start, body);
        start = end + 1;
        Some(span)
    })
}

/// The lines of `text` trimmed of white space, each marked when a blank line stands before
/// it; blank lines are yielded with an empty span.
pub(crate) fn trimmed_lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let mut blank_before = false;
    lines_found(text).map(move |raw| {
        let span = trim(text, raw);
        let line = Line { span, blank_before };
        blank_before = span.is_empty();
        line
    })
}

/// The non-blank lines of `text` trimmed of white space, each marked when a blank line
/// stands before it: what structure and segmentation both read, split and trimmed once.
pub(crate) fn non_blank_lines(text: &str) -> Vec<Line> {
    let mut all = Vec::new();
    non_blank_lines_into(text, &mut all);
    all
}

/// [`non_blank_lines`], appended to `all` (a list the pipeline keeps between parses).
pub(crate) fn non_blank_lines_into(text: &str, all: &mut Vec<Line>) {
    // about one line in 128 bytes of news text, reserved at once rather than grown
    all.reserve(text.len() / 128 + 1);
    all.extend(trimmed_lines(text).filter(|l| !l.span.is_empty()));
}

/// `span` without leading and trailing white space (Unicode white space included, as
/// [`str::trim`] has it). On bytes: a character is decoded only at a non-ASCII byte.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    let mut start = span.start;
    while start < span.end {
        let b = bytes[start];
        if b < 0x80 {
            if !is_ascii_space(b) {
                break;
            }
            start += 1;
        } else {
            match text[start..span.end].chars().next() {
                Some(c) if c.is_whitespace() => start += c.len_utf8(),
                _ => break,
            }
        }
    }
    let mut end = span.end;
    while end > start {
        let b = bytes[end - 1];
        if b < 0x80 {
            if !is_ascii_space(b) {
                break;
            }
            end -= 1;
        } else {
            match text[start..end].chars().next_back() {
                Some(c) if c.is_whitespace() => end -= c.len_utf8(),
                _ => break,
            }
        }
    }
    Span::new(start, end)
}

/// Whether the ASCII byte `b` is white space as [`char::is_whitespace`] has it: `\t` to `\r`
/// (`\x0b` included) and the space.
#[inline]
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// True when the line `next` goes on with the paragraph `prev` that a hard line break cut:
/// `prev` has no final punctuation and `next` starts in lower case ("… defend the Ashes in
/// ⏎ a six-test series …").
pub(crate) fn wraps(text: &str, prev: Span, next: Span) -> bool {
    // most lines start with a capital or a mark: the cheaper test first
    next.text(text).starts_with(char::is_lowercase)
        && !prev.text(text).ends_with(['.', '!', '?', ':', ';', '…', '"', '\'', '”', '’', ')'])
}

/// The number of words of `s` split at ASCII white space (as [`u8::is_ascii_whitespace`]
/// tells it), counted up to `max`.
///
/// Thirty-two bytes at a time, as four words of eight: a word starts at each byte that is
/// not white space and follows white space or the start of `s`; the starts of the four are
/// added up with one multiplication, and the count stops at the first block that reaches
/// `max`, so that a long paragraph is read no further than its first `max` words (and the
/// block they end in).
pub(super) fn count_words(s: &str, max: usize) -> usize {
    let mut words = 0;
    // the high bit of the low byte set when the byte before a chunk is white space (the
    // start of `s` counts as such)
    let mut space_before = 0x80;
    let mut blocks = s.as_bytes().chunks_exact(32);
    for block in &mut blocks {
        let mut starts = 0;
        for chunk in block.chunks_exact(8) {
            let chunk = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
            // each start is one high bit, moved to the low bit: at most 4 in a byte here
            starts += word_start_bits8(chunk, &mut space_before) >> 7;
        }
        words += sum_bytes(starts);
        if words >= max {
            return max;
        }
    }
    let mut chunks = blocks.remainder().chunks_exact(8);
    for chunk in &mut chunks {
        let chunk = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        words += sum_bytes(word_start_bits8(chunk, &mut space_before) >> 7);
    }
    // the bytes after the last full chunk, padded with spaces (which start no word)
    let rest = chunks.remainder();
    let mut last = [b' '; 8];
    last[..rest.len()].copy_from_slice(rest);
    words += sum_bytes(word_start_bits8(u64::from_le_bytes(last), &mut space_before) >> 7);
    words.min(max)
}

/// The sum of the bytes of `x`, which must be below 256: the product with `ONES` adds them
/// all up in its top byte.
#[inline]
fn sum_bytes(x: u64) -> usize {
    (x.wrapping_mul(ONES) >> 56) as usize
}

/// The high bit of each byte of the eight bytes `x` (in text order from the low byte) that
/// starts a word: a byte that is not white space after one that is; `space_before` tells
/// whether the byte before `x` is, and is set to whether the last byte of `x` is.
#[inline]
fn word_start_bits8(x: u64, space_before: &mut u64) -> u64 {
    let space = ascii_space8(x);
    let starts = !space & (space << 8 | *space_before);
    *space_before = space >> 56;
    starts
}

/// The high bit of each byte of `x` that is ASCII white space (`\t`, `\n`, `\x0c`, `\r`,
/// space; not `\x0b`, as [`u8::is_ascii_whitespace`] has it), every other bit clear.
#[inline]
fn ascii_space8(x: u64) -> u64 {
    // no sum here carries from one byte into the next: each adds at most 0x77 to a byte of
    // at most 0x7f
    let low = x & !HIGH;
    let below_space = !(low.wrapping_add(ONES * 0x60) | x) & HIGH;
    let spaces = zero8(x ^ (ONES * u64::from(b' ')));
    if below_space == 0 {
        // text without control characters: only the space is white space
        return spaces;
    }
    // 0x09 to 0x0d: at least 0x09, below 0x0e and below 0x80; but not 0x0b
    let tab_to_cr = low.wrapping_add(ONES * 0x77) & !low.wrapping_add(ONES * 0x72) & !x & HIGH;
    spaces | tab_to_cr & !zero8(x ^ (ONES * 0x0b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_across_crlf() {
        let text = "a\r\nbc\n\nd";
        let got: Vec<&str> = lines(text).map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "bc", "", "d"]);
        let blank: Vec<bool> = trimmed_lines(text).map(|l| l.blank_before).collect();
        assert_eq!(blank, [false, false, false, true]);
    }

    #[test]
    fn words_are_counted_as_split_ascii_whitespace_counts_them() {
        let pieces =
            ["a", "bc", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\u{a0}", "é", "\0", "\x7f"];
        // every string of up to four pieces, shifted across the eight-byte chunks
        let strings = crate::chars::strings_of(&pieces, 4);
        for s in &strings {
            // leads that put the pieces across the 32-byte blocks too
            let leads = ["", "x", "x y z ", "abcdefg", "a b c d e f g h i j k l m n o ", "x\ty\nz"];
            for lead in leads.iter().flat_map(|l| [l.to_string(), format!("{l}{}", "w".repeat(29))])
            {
                let s = format!("{lead}{s}");
                let want = s.split_ascii_whitespace().count();
                for max in [1, 2, 3, 9, 26] {
                    assert_eq!(count_words(&s, max), want.min(max), "{s:?} {max}");
                }
            }
        }
        let long = "word ".repeat(40);
        assert_eq!(count_words(&long, 26), 26);
        assert_eq!(count_words(&long[..24 * 5 - 1], 26), 24);
    }

    #[test]
    fn trim_trims_as_str_trim_does() {
        let pieces =
            ["a", " ", "\t", "\x0b", "\r", "\x1c", "\u{85}", "\u{a0}", "\u{2003}", "é", "\u{3000}"];
        let strings = crate::chars::strings_of(&pieces, 4);
        for s in &strings {
            let text = format!("x{s}y");
            let span = trim(&text, Span::new(1, text.len() - 1));
            assert_eq!(span.text(&text), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
    }
}
