//! Character classes answered without a Unicode table lookup where the answer is known:
//! for ASCII, and for the quotation marks, dashes and guillemets that hostile and ordinary
//! text alike put next to the letters these questions are about.

/// [`char::is_alphabetic`].
pub(crate) fn letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { !is_punctuation(c) && c.is_alphabetic() }
}

/// [`char::is_alphanumeric`].
pub(crate) fn letter_or_digit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_punctuation(c) && c.is_alphanumeric() }
}

/// The General Punctuation block (quotation marks, dashes, spaces of many widths) and the
/// guillemets: no letters or digits there.
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '«' | '»')
}

/// Whether `b` is a byte of a word as the cue scan and the sports-copy test read words: an
/// ASCII letter or digit, or a hyphen. One table load.
#[inline]
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// The bytes [`is_word_byte`] is true of.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 128 {
        table[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'-';
        c += 1;
    }
    table
};

/// `s` in lower case, as [`str::to_lowercase`] gives it, written into `buf` without
/// allocating: the length written, or `None` when it does not fit or `s` holds a capital
/// sigma (whose lower case depends on its place in the word, which `str::to_lowercase`
/// looks at and a character-by-character lowering cannot).
pub(crate) fn lower_into(s: &str, buf: &mut [u8]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        if c.is_ascii() {
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        for lower in c.to_lowercase() {
            let end = n + lower.len_utf8();
            lower.encode_utf8(buf.get_mut(n..end)?);
            n = end;
        }
    }
    Some(n)
}

/// 1 for the bytes a word loop must look at: ASCII white space, and the first byte of every
/// non-ASCII character (which may be a no-break or thin space).
pub(crate) const STOP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b >= 0x80 || matches!(b as u8, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) as u8;
        b += 1;
    }
    t
};

/// Whether the character at byte `i` of `s` is white space (as [`char::is_whitespace`]), and
/// its length in bytes; decodes a character only at a non-ASCII byte.
#[inline]
pub(crate) fn space_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (STOP[usize::from(b)] != 0, 1);
    }
    match s[i..].chars().next() {
        Some(c) => (c.is_whitespace(), c.len_utf8()),
        None => (false, 1),
    }
}

/// True when `s` has more than `n` words, split at white space as [`str::split_whitespace`]
/// splits (`s.split_whitespace().nth(n).is_some()`): reads no further than word `n + 1`.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    after_words(s, n) < s.len()
}

/// Where word `n + 1` of `s` starts (split at white space as [`str::split_whitespace`]
/// splits), or the end of `s` when it has at most `n` words: reads no further.
pub(crate) fn after_words(s: &str, n: usize) -> usize {
    let mut i = skip_space(s, 0);
    for _ in 0..n {
        if i == s.len() {
            break;
        }
        i = skip_space(s, skip_whole_word(s, i));
    }
    i
}

/// [`more_words_than`], read by [`after_words8`]: eight bytes at a time while they are ASCII.
pub(crate) fn more_words_than8(s: &str, n: usize) -> bool {
    after_words8(s, n) < s.len()
}

/// [`after_words`] read eight bytes at a time while they are ASCII: where word `n + 1` of
/// `s` starts (split at white space as [`str::split_whitespace`] splits), or the end of `s`
/// when it has at most `n` words.
///
/// The words that start in eight ASCII bytes are counted at once (a byte that is no white
/// space after one that is, or after the start of `s`); from the first eight bytes that
/// hold a non-ASCII byte, or the last few bytes, the words are read one at a time as
/// [`after_words`] reads them.
pub(crate) fn after_words8(s: &str, n: usize) -> usize {
    let b = s.as_bytes();
    // words started before byte `i`
    let mut count = 0;
    // the high bit of the low byte set when the byte before `i` is white space (the start
    // of `s` counts as such)
    let mut before = 0x80;
    let mut i = 0;
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        if x & HIGH != 0 {
            break;
        }
        let space = ascii_white8(x);
        let mut starts = !space & (space << 8 | before) & HIGH;
        let here = count_high8(starts);
        if count + here > n {
            // word `n + 1` starts in these eight bytes: the start after `n - count` others
            for _ in 0..n - count {
                starts &= starts - 1;
            }
            return i + (starts.trailing_zeros() / 8) as usize;
        }
        count += here;
        before = space >> 56;
        i += 8;
    }
    if before == 0 {
        // the word under way at `i` (counted) goes on to its end
        i = skip_whole_word(s, i);
    }
    i = skip_space(s, i);
    while count < n && i < b.len() {
        count += 1;
        i = skip_space(s, skip_whole_word(s, i));
    }
    i
}

/// The high bit of each byte of the eight ASCII bytes `x` that is white space as
/// [`char::is_whitespace`] tells it (`\t` to `\r` and the space), every other bit clear.
#[inline]
pub(crate) fn ascii_white8(x: u64) -> u64 {
    // no sum carries from one byte into the next: the bytes are below 0x80, and each adds
    // at most 0x7f
    let spaces = !(x ^ (ONES * u64::from(b' '))).wrapping_add(ONES * 0x7f) & HIGH;
    let tab_to_cr = x.wrapping_add(ONES * (0x80 - 0x09)) & !x.wrapping_add(ONES * (0x7f - 0x0d));
    spaces | (tab_to_cr & HIGH)
}

/// Eight ASCII bytes with `A` to `Z` lowered: a byte from `A` to `Z` is the one that adding
/// 0x3f carries into bit 7 and adding 0x25 does not, and it gains 0x20. (No byte below 0x80
/// carries into the next.)
#[inline]
pub(crate) fn lower_ascii8(x: u64) -> u64 {
    let upper = x.wrapping_add(ONES * 0x3f) & !x.wrapping_add(ONES * 0x25) & HIGH;
    x | upper >> 2
}

/// Where the run of ASCII graphic bytes (`!` to `~`) that ends at byte `end` of `b` starts,
/// not before `from`: eight bytes at a time while all are graphic, so that a word costs
/// about one load rather than a loop turn per byte.
#[inline]
pub(crate) fn graphic_run_start(b: &[u8], from: usize, end: usize) -> usize {
    let mut start = end;
    while start >= from + 8 {
        let Ok(chunk) = <[u8; 8]>::try_from(&b[start - 8..start]) else { break };
        let x = u64::from_le_bytes(chunk);
        // per byte, without carries between bytes (the top bit is cleared first): 0x21 or
        // more, less than 0x7f, and below 0x80
        let low = x & !HIGH;
        let graphic = low.wrapping_add(ONES * 0x5f) & !low.wrapping_add(ONES) & !x & HIGH;
        let others = !graphic & HIGH;
        if others != 0 {
            // the last byte, b[start - 1], is the top one
            return start - (others.leading_zeros() / 8) as usize;
        }
        start -= 8;
    }
    while start > from && b[start - 1].is_ascii_graphic() {
        start -= 1;
    }
    start
}

/// The low bit of each byte of a `u64`: eight bytes read at once, the first in the low byte.
pub(crate) const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The high bit of each byte of a `u64`.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// The high bit of each zero byte of `x`, every other bit clear.
#[inline]
pub(crate) fn zero8(x: u64) -> u64 {
    !((x & !HIGH).wrapping_add(!HIGH) | x) & HIGH
}

/// The high bit of each byte of `t` (all below 0x80) that is from `lo` to `hi`, `lo` at least
/// 1; the other bits are not meaningful. A byte is at least `lo` when adding `0x80 - lo` sets
/// its high bit, and at most `hi` when adding `0x7f - hi` leaves it clear; neither sum
/// reaches 0x100, so that no carry crosses into the next byte.
#[inline]
pub(crate) fn in_range8(t: u64, lo: u8, hi: u8) -> u64 {
    t.wrapping_add(ONES * u64::from(0x80 - lo)) & !t.wrapping_add(ONES * u64::from(0x7f - hi))
}

/// How many high bits `x` has, which has no other bit set: each moved to the low bit of its
/// byte, the product with [`ONES`] adds them all up in its top byte.
#[inline]
pub(crate) fn count_high8(x: u64) -> usize {
    ((x >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The end of the white space that starts at byte `i` of `s` (`i` when none does), as
/// [`char::is_whitespace`] tells it.
#[inline]
pub(crate) fn skip_space(s: &str, mut i: usize) -> usize {
    while i < s.len() {
        let (space, len) = space_at(s, i);
        if !space {
            break;
        }
        i += len;
    }
    i
}

/// The end of the word (the run of characters that are not white space) that starts at
/// byte `i` of `s`: an ASCII byte costs one table look-up, only a non-ASCII one is decoded.
/// For the end of a word already partly read, a byte or two; [`skip_whole_word`] reads a
/// whole one faster.
#[inline]
pub(crate) fn skip_word(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        if STOP[usize::from(b[i])] == 0 {
            i += 1;
            continue;
        }
        let (space, len) = space_at(s, i);
        if space {
            break;
        }
        i += len;
    }
    i
}

/// [`skip_word`] for a word read from its start: the run of plain ASCII bytes read eight at a
/// time ([`plain_run_end`]), then what is left byte by byte. A whole word mostly ends within
/// one load; the rest of one, a byte or two, does not pay.
#[inline]
pub(crate) fn skip_whole_word(s: &str, i: usize) -> usize {
    skip_word(s, plain_run_end(s.as_bytes(), i))
}

/// The end of the run of plain ASCII bytes (above space, below 0x80) starting at `i`, or a
/// little before it: eight bytes at a time, as far as eight bytes remain. The bytes that can
/// end a word (white space, non-ASCII characters) are all outside the range.
pub(crate) fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&chunk) = bytes.get(i..).and_then(|b| b.first_chunk::<8>()) {
        let x = u64::from_le_bytes(chunk);
        // bytes ≥ 0x80, and bytes below 0x21 (the lowest one flagged is always a true one)
        let stop = (x | (x.wrapping_sub(ONES * 0x21) & !x)) & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// [`space_at`] for the character ending at byte `at` of `s`.
#[inline]
pub(crate) fn space_before(s: &str, at: usize) -> (bool, usize) {
    let b = s.as_bytes()[at - 1];
    if b.is_ascii() {
        return (matches!(b, b' ' | b'\t'..=b'\r'), 1);
    }
    let c = s[..at].chars().next_back().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

/// A search for the first of three bytes, as `memchr::memchr3` searches, with its
/// vectorised searcher made once: `memchr3` makes one for each call (after a dispatch through
/// a function pointer), which costs about half of a search over the few dozen bytes between
/// the quotation marks or the full stops of news. Where AVX2 is not there (or on another
/// architecture) the search is `memchr3`'s.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Find3 {
    /// The searcher, when the processor has AVX2.
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
    /// The bytes searched for.
    bytes: [u8; 3],
}

impl Find3 {
    /// The search for `a`, `b` and `c`.
    pub(crate) fn new(a: u8, b: u8, c: u8) -> Find3 {
        Find3 {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(a, b, c),
            bytes: [a, b, c],
        }
    }

    /// The offset of the first of the three bytes in `haystack`.
    #[inline]
    pub(crate) fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(three) = &self.avx2 {
            return three.find(haystack);
        }
        let [a, b, c] = self.bytes;
        memchr::memchr3(a, b, c, haystack)
    }
}

/// A search for a byte, as `memchr::memchr` searches, with its vectorised searcher made
/// once, as [`Find3`] keeps its own: for the line split, which searches for each line's end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Find1 {
    /// The searcher, when the processor has AVX2.
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::One>,
    /// The byte searched for.
    byte: u8,
}

impl Find1 {
    /// The search for `byte`.
    pub(crate) fn new(byte: u8) -> Find1 {
        Find1 {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::One::new(byte),
            byte,
        }
    }

    /// The offset of the first `byte` in `haystack`.
    #[inline]
    pub(crate) fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(one) = &self.avx2 {
            return one.find(haystack);
        }
        memchr::memchr(self.byte, haystack)
    }
}

/// Where `", "` first stands in `s`, as `s.find(", ")` says, found by a byte search for the
/// comma: a two-byte needle needs no two-way searcher, which costs more to set up than most
/// clauses take to read.
pub(crate) fn find_comma_space(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b',', &b[from..]) {
        let at = from + i;
        if b.get(at + 1) == Some(&b' ') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// For tests: every string of up to `most` of `pieces` joined in any order (with repeats;
/// some strings come more than once),
/// the empty string first, shortest first.
#[cfg(test)]
pub(crate) fn strings_of(pieces: &[&str], most: usize) -> Vec<String> {
    let mut strings = vec![String::new()];
    for _ in 0..most {
        let longer: Vec<String> =
            strings.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
        strings.extend(longer);
    }
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comma_search_finds_what_str_find_finds() {
        for s in &strings_of(&[",", " ", ", ", "a", "é", ",,", "  "], 5) {
            assert_eq!(find_comma_space(s), s.find(", "), "{s:?}");
        }
    }

    #[test]
    fn find1_and_find3_find_what_memchr_finds() {
        let find = Find3::new(b'"', b'\'', 0xE2);
        let newline = Find1::new(b'\n');
        let pieces = ["a", "\"", "'", "’", "bcdefghijklmnopq", " ", "\n"];
        for s in &strings_of(&pieces, 4) {
            let b = s.as_bytes();
            for from in 0..=b.len() {
                let want = memchr::memchr3(b'"', b'\'', 0xE2, &b[from..]);
                assert_eq!(find.find(&b[from..]), want, "{s:?} {from}");
                let want = memchr::memchr(b'\n', &b[from..]);
                assert_eq!(newline.find(&b[from..]), want, "{s:?} {from}");
            }
        }
    }

    #[test]
    fn plain_runs_stop_at_spaces_controls_and_non_ascii() {
        let at = |s: &str, i: usize| plain_run_end(s.as_bytes(), i);
        assert_eq!(at("Zelenskyy's allies", 0), 11);
        assert_eq!(at("abcdefghijklmnopqrstuvwxyz", 0), 24);
        assert_eq!(at("short", 0), 0);
        assert_eq!(at("abcdefgh\u{a0}ijklmnop", 0), 8);
        assert_eq!(at("abc\tdefghijkl", 0), 3);
        assert_eq!(at("abcdefg\0hijklmn", 0), 7);
        assert_eq!(at("a!~\x7f#$%&'()*+,-./0123456789", 2), 26);
        assert_eq!(at("        x", 0), 0);
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let texts =
            ["", " ", "a", " a b ", "a\u{a0}b\u{2003}c", "é è\u{85}ê", "a\x0bb\x1cc", "«a» — b"];
        for s in texts {
            for n in 0..5 {
                assert_eq!(
                    more_words_than(s, n),
                    s.split_whitespace().nth(n).is_some(),
                    "{s:?} {n}"
                );
            }
        }
    }

    #[test]
    fn words_end_eight_bytes_at_a_time_where_they_end_one_at_a_time() {
        let pieces =
            ["a", "bc", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\u{a0}", "é", "\u{2003}"];
        let strings = strings_of(&pieces, 4);
        for s in &strings {
            for lead in ["", "x", "x y z ", "abcdefg", "abcdefgh ij", "a b c d e f g h i "] {
                let s = format!("{lead}{s}");
                for n in 0..12 {
                    assert_eq!(after_words8(&s, n), after_words(&s, n), "{s:?} {n}");
                    assert_eq!(more_words_than8(&s, n), more_words_than(&s, n), "{s:?} {n}");
                }
            }
        }
    }

    #[test]
    fn words_end_where_split_whitespace_ends_them() {
        let texts = [
            "abcdefghijklmnopq rstuvwxyz0123456789 x",
            "abcdefg\u{a0}hijklmno\u{2009}pqrstuvw\u{3000}xy",
            "Zürich’s “long-winded” quotation—marks\u{85}end",
            "a\x01b\x1fc\x7fdefghij\tk\x0bl\x0cm\rn\no",
            "twelve-bytes|seventeen-bytes!!|«guillemets»\u{feff}z",
        ];
        for s in texts {
            let words: Vec<(usize, usize)> = s
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w.len()))
                .collect();
            for &(start, len) in &words {
                for i in (start..start + len).filter(|&i| s.is_char_boundary(i)) {
                    assert_eq!(skip_word(s, i), start + len, "{s:?} {i}");
                    assert_eq!(skip_whole_word(s, i), start + len, "{s:?} {i}");
                }
            }
            for n in 0..words.len() + 2 {
                let want = words.get(n).map_or(s.len(), |&(start, _)| start);
                assert_eq!(after_words(s, n), want, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn graphic_runs_start_where_the_byte_loop_stops() {
        let mut b: Vec<u8> = (0..=u8::MAX).collect();
        b.extend(b"a-long-run_of~graphic!bytes x\tyz\x7f0123456789abcdef ");
        b.extend("Zürich’s “quote”".as_bytes());
        for end in 0..=b.len() {
            for from in end.saturating_sub(40)..=end {
                let mut want = end;
                while want > from && b[want - 1].is_ascii_graphic() {
                    want -= 1;
                }
                assert_eq!(graphic_run_start(&b, from, end), want, "{from}..{end}");
            }
        }
    }

    #[test]
    fn lowering_into_a_buffer_agrees_with_std() {
        let mut buf = [0u8; 48];
        let words = ["ÉLYSÉE", "WA\u{212a}", "İstanbul", "ẞTRASSE", "Kyiv's", "“Said”", "", "ǅ"];
        let all: Vec<char> = ('\0'..='\u{3000}').filter(|&c| c != 'Σ').collect();
        let runs = all.chunks(12).map(|c| c.iter().collect::<String>());
        for w in words.iter().map(|w| w.to_string()).chain(runs) {
            let n = lower_into(&w, &mut buf).unwrap();
            assert_eq!(std::str::from_utf8(&buf[..n]).unwrap(), w.to_lowercase(), "{w}");
        }
        assert_eq!(lower_into("ΟΔΟΣ", &mut buf), None, "a final sigma");
        assert_eq!(lower_into("KYIV", &mut buf[..3]), None, "too long");
        assert_eq!(lower_into("İ", &mut buf[..2]), None, "longer once lowered");
        assert_eq!(lower_into("\u{212a}", &mut buf[..1]), Some(1), "shorter once lowered");
    }

    #[test]
    fn classes_agree_with_std() {
        for c in ('\0'..='\u{3000}').chain(['\u{1F600}', '\u{10FFFF}']) {
            assert_eq!(letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(letter('Ж') && letter('ß') && !letter('“') && !letter('«'));
        assert!(letter_or_digit('٣') && !letter('٣'));
    }
}
