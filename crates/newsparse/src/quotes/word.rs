//! Words for the phrase rules: a word's bare lower-case form without allocating, look-ups in
//! word tables hashed at compile time, and the words before a cue read backwards only as far
//! as a rule asks.

use std::cell::Cell;

use crate::chars::{graphic_run_start, lower_ascii8, lower_into};
use crate::document::Span;
use crate::gazetteer::padded_le;

/// The longest word a word table may hold: its bytes and its length fill a `u128` key.
const KEY_BYTES: usize = 15;

/// The key of no table word: a real key's last byte, its length, is at most [`KEY_BYTES`].
const NO_KEY: u128 = u128::MAX;

/// A word without the punctuation around it (a full stop stays: "u.s."), in lower case: the
/// form the word tables hold. A word short enough for a table, nearly every word, is lowered
/// on the stack, into its own key.
pub(crate) struct Bare {
    /// The bytes and the length (the last byte) of a word whose lower case fits a key.
    short: [u8; 16],
    /// Any other word, lowered.
    heap: Option<String>,
}

impl Bare {
    /// The bare form of `word`.
    pub(crate) fn new(word: &str) -> Bare {
        match bare_key(word) {
            NO_KEY => Bare { short: [0; 16], heap: Some(core(word).to_lowercase()) },
            key => Bare::short(key),
        }
    }

    /// The bare form whose [`bare_key`] is `key`, a word short enough for a table.
    fn short(key: u128) -> Bare {
        Bare { short: key.to_be_bytes(), heap: None }
    }

    /// The bare form as text.
    pub(crate) fn as_str(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            // ASCII, so always UTF-8
            None => std::str::from_utf8(&self.short[..usize::from(self.short[KEY_BYTES])])
                .unwrap_or_default(),
        }
    }

    /// The bare form's bytes: [`Bare::as_str`] without checking again that they are UTF-8,
    /// for the rules that only compare them with ASCII ends.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.heap {
            Some(s) => s.as_bytes(),
            None => &self.short[..usize::from(self.short[KEY_BYTES])],
        }
    }

    /// True when the bare form is one of the words of `table` (made by [`keys`]).
    pub(crate) fn is_in(&self, table: &[u128]) -> bool {
        let key = match &self.heap {
            None => u128::from_be_bytes(self.short),
            Some(s) => key(s).unwrap_or(NO_KEY),
        };
        contains(table, key)
    }
}

/// The key of the bare form of `word` ([`Bare`]): the bytes of its lower case and their
/// number, [`NO_KEY`] when they are more than [`KEY_BYTES`] (or hold a capital sigma, whose
/// lower case depends on its place in the word). An ASCII word is lowered eight bytes at a
/// time, any other character by character.
pub(crate) fn bare_key(word: &str) -> u128 {
    let core = core(word);
    if let Some(key) = ascii_lower_key(core.as_bytes()) {
        return key;
    }
    let mut short = [0; 16];
    match lower_into(core, &mut short[..KEY_BYTES]) {
        Some(n) => {
            short[KEY_BYTES] = n as u8;
            u128::from_be_bytes(short)
        }
        None => NO_KEY,
    }
}

/// For each byte, whether [`core()`] trims it: an ASCII byte that is neither a letter, a digit
/// nor a full stop.
const TRIMMED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0u8;
    while b < 0x80 {
        t[b as usize] = !(b.is_ascii_alphanumeric() || b == b'.');
        b += 1;
    }
    t
};

/// Where `b` starts and ends without its [`TRIMMED`] bytes at either end (ASCII only: a
/// byte beyond ASCII is never trimmed here).
#[inline(always)]
fn trimmed(b: &[u8]) -> (usize, usize) {
    let mut start = 0;
    while start < b.len() && TRIMMED[usize::from(b[start])] {
        start += 1;
    }
    let mut end = b.len();
    while end > start && TRIMMED[usize::from(b[end - 1])] {
        end -= 1;
    }
    (start, end)
}

/// `word` without the characters around it that are neither letters, digits nor full stops:
/// ASCII ends byte by byte, any other end by its characters. Inline: a few loads and
/// comparisons for most words, for every word the subject reader reads.
#[inline]
fn core(word: &str) -> &str {
    let b = word.as_bytes();
    let (start, end) = trimmed(b);
    if start < end && (!b[start].is_ascii() || !b[end - 1].is_ascii()) {
        return core_beyond_ascii(word, start, end);
    }
    &word[start..end]
}

/// [`core()`] of a word whose ends, ASCII trimmed (`word[start..end]`), are still beyond ASCII:
/// the general punctuation from U+2000 to U+203F (curly quotation marks and apostrophes,
/// dashes, the ellipsis: three bytes from `E2 80`, none of it a letter or a digit) is
/// trimmed on bytes with the ASCII beside it, and only what is left read by characters,
/// where a word that opens with “ was read by characters throughout.
#[inline(never)]
fn core_beyond_ascii(word: &str, mut start: usize, mut end: usize) -> &str {
    let b = word.as_bytes();
    loop {
        let was = (start, end);
        if end - start >= 3 && b[start] == 0xE2 && b[start + 1] == 0x80 {
            start += 3;
        }
        if end - start >= 3 && b[end - 3] == 0xE2 && b[end - 2] == 0x80 {
            end -= 3;
        }
        let (s, e) = trimmed(&b[start..end]);
        (start, end) = (start + s, start + e);
        if (start, end) == was {
            break;
        }
    }
    word[start..end].trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
}

/// The table key of `word`: its bytes and its length in one number, `None` when it is longer
/// than any table word may be.
pub(crate) const fn key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > KEY_BYTES {
        return None;
    }
    let mut k = 0u128;
    let mut i = 0;
    while i < KEY_BYTES {
        let byte = if i < b.len() { b[i] } else { 0 };
        k = k << 8 | byte as u128;
        i += 1;
    }
    Some(k << 8 | b.len() as u128)
}

/// True when the lower-case form of all of `word` (no punctuation trimmed) is one of the
/// words of `table` (made by [`keys`]); an ASCII word is lowered on the stack. Inline, as
/// the rules ask it of a word or two beside each cue: a short ASCII word costs a few loads
/// and a table probe, any other is read out of line.
#[inline]
pub(crate) fn lower_is_in(table: &[u128], word: &str) -> bool {
    match ascii_lower_key(word.as_bytes()) {
        Some(key) => contains(table, key),
        None => lower_is_in_chars(table, word),
    }
}

/// [`lower_is_in`] of a word that is not ASCII or longer than a key, read by characters.
#[inline(never)]
fn lower_is_in_chars(table: &[u128], word: &str) -> bool {
    // not ASCII, or too long: table words are ASCII ([`keys`]), and of the other characters
    // only the Kelvin sign lowers to ASCII (k); a word read to its sixteenth character is
    // longer than any table word
    let mut short = [0; KEY_BYTES];
    let mut n = 0;
    for c in word.chars() {
        let c = if c == '\u{212a}' { 'k' } else { c };
        if !c.is_ascii() || n == KEY_BYTES {
            return false;
        }
        short[n] = c as u8;
        n += 1;
    }
    contains(table, lower_key(&short[..n]))
}

/// The most bytes a word may have whose lower case is one of the words of `table`, so that
/// a longer word need not be looked up ([`lower_is_in`]): the longest word's length, each
/// `k` counted as three bytes, as the Kelvin sign (three bytes) is the one character not
/// ASCII that lowers to an ASCII letter.
pub(crate) const fn most_bytes(table: &[&str]) -> usize {
    let mut most = 0;
    let mut i = 0;
    while i < table.len() {
        let b = table[i].as_bytes();
        let mut n = 0;
        let mut j = 0;
        while j < b.len() {
            n += if b[j] == b'k' { 3 } else { 1 };
            j += 1;
        }
        if n > most {
            most = n;
        }
        i += 1;
    }
    most
}

/// The key of the ASCII `word` (at most [`KEY_BYTES`] long) in lower case, eight bytes
/// lowered at once ([`lower_ascii8`]; the length byte is below `A` and stays as it is).
/// Always inline: the subject reader keys nearly every word it reads here, where a call
/// costs a third of the keying.
#[inline(always)]
fn lower_key(word: &[u8]) -> u128 {
    let (high, low) = key_halves(word);
    u128::from(lower_ascii8(high)) << 64 | u128::from(lower_ascii8(low))
}

/// [`lower_key`] of `word` when it is ASCII and at most [`KEY_BYTES`] long: told from the
/// key's own two halves, so that the bytes are read once. Always inline, as
/// [`lower_is_in`] is: a call costs about as much as the keying.
#[inline(always)]
fn ascii_lower_key(word: &[u8]) -> Option<u128> {
    if word.len() > KEY_BYTES {
        return None;
    }
    let (high, low) = key_halves(word);
    let ascii = (high | low) & u64::from_ne_bytes([0x80; 8]) == 0;
    ascii.then(|| u128::from(lower_ascii8(high)) << 64 | u128::from(lower_ascii8(low)))
}

/// The key of `word` (at most [`KEY_BYTES`] long) not lowered, as its two halves: the bytes
/// as a big-endian number, zero-padded, read in a few loads, then the length.
#[inline]
fn key_halves(word: &[u8]) -> (u64, u64) {
    let (high, low) = match word.split_first_chunk::<8>() {
        Some((high, low)) => (u64::from_be_bytes(*high), padded_le(low).swap_bytes()),
        None => (padded_le(word).swap_bytes(), 0),
    };
    (high, low | word.len() as u64)
}

/// The last word of `text[from..to]`, split at white space as `str::split_whitespace` splits:
/// an ASCII word after an ASCII space (or `from`) is read byte by byte, any other by
/// characters.
#[inline]
pub(crate) fn word_before(text: &str, from: usize, to: usize) -> Option<Span> {
    ascii_word_before(text.as_bytes(), from, to).or_else(|| word_before_chars(text, from, to))
}

/// [`word_before`] when its answer is a run of ASCII graphic bytes after an ASCII space (or
/// `from`), with only ASCII spaces after it: `None` for any other, which
/// [`word_before_chars`] reads. Always inline: the subject reader's loop reads nearly every
/// word here.
#[inline(always)]
fn ascii_word_before(b: &[u8], from: usize, to: usize) -> Option<Span> {
    let mut end = to;
    while end > from && b[end - 1] == b' ' {
        end -= 1;
    }
    let start = graphic_run_start(b, from, end);
    (start < end && (start == from || b[start - 1] == b' ')).then(|| Span::new(start, end))
}

/// [`bare_key`] of a word of ASCII graphic bytes ([`ascii_word_before`]): its core trimmed
/// byte by byte, with no test for other characters, and lowered into a key when short
/// enough ([`NO_KEY`] when not, as [`bare_key`] answers for a long ASCII word).
#[inline(always)]
fn ascii_bare_key(word: &[u8]) -> u128 {
    let (start, end) = trimmed(word);
    let core = &word[start..end];
    if core.len() > KEY_BYTES {
        return NO_KEY;
    }
    lower_key(core)
}

/// [`word_before`] read character by character, each told white space or not by
/// [`space_ending`]: the words [`ascii_word_before`] leaves, which hold or follow a
/// character beyond ASCII (a curly quotation mark, an apostrophe, an accent).
#[inline(never)]
fn word_before_chars(text: &str, from: usize, to: usize) -> Option<Span> {
    let mut end = to;
    while end > from {
        match space_ending(text, end) {
            (true, len) => end -= len,
            (false, _) => break,
        }
    }
    if end == from {
        return None;
    }
    // the runs of ASCII graphic bytes eight at a time, the other characters one by one
    let b = text.as_bytes();
    let mut start = graphic_run_start(b, from, end);
    while start > from {
        match space_ending(text, start) {
            (false, len) => start = graphic_run_start(b, from, start - len),
            (true, _) => break,
        }
    }
    Some(Span::new(start, end))
}

/// Whether the character that ends at byte `at` of `text` is white space (as
/// [`char::is_whitespace`] tells it), and its length in bytes: an ASCII one by its byte, any
/// other found by stepping back over its continuation bytes, and decoded only when its
/// first byte is one that white space beyond ASCII opens with (`C2`: U+0085, U+00A0; `E1`:
/// U+1680; `E2`: U+2000 to U+205F; `E3`: U+3000), which a curly quotation mark (`E2`)
/// still is, but not an accented letter.
#[inline(always)]
fn space_ending(text: &str, at: usize) -> (bool, usize) {
    let b = text.as_bytes();
    let last = b[at - 1];
    if last.is_ascii() {
        return (matches!(last, b'\t'..=b'\r' | b' '), 1);
    }
    let mut start = at - 1;
    while start > 0 && b[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let space = matches!(b[start], 0xC2 | 0xE1 | 0xE2 | 0xE3)
        && text[start..at].chars().next().is_some_and(char::is_whitespace);
    (space, at - start)
}

/// How many slots a table of `n` words has: a power of two at least twice `n`, so that a
/// search ([`contains`]) reads about two slots.
pub(crate) const fn slots(n: usize) -> usize {
    (2 * n).next_power_of_two()
}

/// The keys of the words of `table` as an open-addressed hash table of `S` slots
/// ([`slots`]), for [`Bare::is_in`] and [`has`]: each key in the first free slot from its
/// [`home`], an empty slot 0 (no word's key: a key ends with its length). Evaluated at
/// compile time, where a word too long for a key or not ASCII stops the build.
pub(crate) const fn keys<const S: usize>(table: &[&str]) -> [u128; S] {
    insert([0; S], table)
}

/// The keys of the words of `a` and of `b` in one table of `S` slots, as [`keys`] makes it.
pub(crate) const fn union<const S: usize>(a: &[&str], b: &[&str]) -> [u128; S] {
    insert(insert([0; S], a), b)
}

/// `out` with the keys of the words of `table` added; evaluated at compile time.
const fn insert<const S: usize>(mut out: [u128; S], table: &[&str]) -> [u128; S] {
    assert!(S.is_power_of_two() && S >= 2, "a table has a power of two of slots");
    let mut i = 0;
    while i < table.len() {
        let k = match key(table[i]) {
            Some(k) if table[i].is_ascii() => k,
            Some(_) => panic!("a table word is not ASCII"),
            None => panic!("a table word is longer than a key holds"),
        };
        let mut at = home(k, S);
        while out[at] != 0 && out[at] != k {
            at = (at + 1) % S;
        }
        out[at] = k;
        i += 1;
    }
    // half the slots at least stay empty, so that a search for a missing word ends soon
    let mut used = 0;
    let mut j = 0;
    while j < S {
        used += (out[j] != 0) as usize;
        j += 1;
    }
    assert!(used * 2 <= S, "a table is more than half full");
    out
}

/// The slot where a search for `key` starts in a table of `slots` slots (a power of two):
/// the top bits of the key's two halves folded and multiplied by the golden ratio.
#[inline]
const fn home(key: u128, slots: usize) -> usize {
    let folded = (key >> 64) as u64 ^ (key as u64).rotate_left(32);
    let bits = slots.trailing_zeros();
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// True when `key` is in `table` (made by [`keys`]): the slots from its [`home`] up to the
/// first empty one hold every key that could be it.
#[inline]
fn contains(table: &[u128], key: u128) -> bool {
    let mask = table.len() - 1;
    let mut at = home(key, table.len());
    loop {
        let slot = table[at];
        if slot == key {
            return key != 0;
        }
        if slot == 0 {
            return false;
        }
        at = (at + 1) & mask;
    }
}

/// True when `word`, as it stands, is one of the words of `table` (made by [`keys`]).
pub(crate) fn has(table: &[u128], word: &str) -> bool {
    key(word).is_some_and(|k| contains(table, k))
}

/// The words of `text[from..to]` read backwards from `to` on demand, and kept: word `k` is the
/// `k`-th word before `to` (0 the last), split at white space as `str::split_whitespace`
/// splits. The reading stops at the subject window's start: past the trailing words of the
/// table `aux` (made by [`keys`]) and `limit` words before them. Each word is kept with the
/// key of its bare form, in a list the thread keeps for the next reading ([`WORDS`]).
pub(crate) struct Back<'a> {
    text: &'a str,
    from: usize,
    /// Where the reading goes on, backwards.
    at: usize,
    /// The words read, last first, with the keys of their bare forms ([`bare_key`]).
    words: Vec<(Span, u128)>,
    trailing: bool,
    /// How many of the words read are trailing words of `aux` (the first words, last first):
    /// the word after them, once read, is known to be none, as the reading asked.
    aux_run: usize,
    counted: usize,
    limit: usize,
    aux: &'static [u128],
}

thread_local! {
    /// The list of words of the last [`Back`] dropped on this thread, taken by the next one:
    /// a subject is read for nearly every cue, and a list reused costs neither an allocation
    /// nor the writing of room for the words of a long subject.
    static WORDS: Cell<Vec<(Span, u128)>> = const { Cell::new(Vec::new()) };
}

/// What [`Back::read_ascii`] found before the reading's place.
#[derive(Clone, Copy)]
enum Step {
    /// A word of ASCII graphic bytes, read.
    Read,
    /// Only ASCII spaces, or nothing: the window's start, where the reading ends.
    Start,
    /// A word that holds or follows a character beyond ASCII, left to be read by characters.
    Chars,
}

impl Drop for Back<'_> {
    fn drop(&mut self) {
        let words = std::mem::take(&mut self.words);
        WORDS.with(|w| w.set(words));
    }
}

impl<'a> Back<'a> {
    /// The words of `text[from..to]` back to the window's start.
    pub(crate) fn new(
        text: &'a str,
        from: usize,
        to: usize,
        limit: usize,
        aux: &'static [u128],
    ) -> Back<'a> {
        let from = from.min(to);
        let mut words = WORDS.with(Cell::take);
        words.clear();
        Back { text, from, at: to, words, trailing: true, aux_run: 0, counted: 0, limit, aux }
    }

    /// Word `k` from the end, if the window holds that many.
    ///
    /// Inline: the rules ask again for words already read about as often as for new ones,
    /// and those cost a comparison and a load here; the reading is out of line.
    #[inline]
    pub(crate) fn get(&mut self, k: usize) -> Option<Span> {
        if k >= self.words.len() {
            self.read_to(k);
        }
        self.entry(k).map(|(w, _)| w)
    }

    /// [`Back::get`] for a caller that asks for the words one after another, each the one
    /// after the last read (the subject reader's loop): a word of ASCII graphic bytes after
    /// an ASCII space, nearly every word, is read here, inline, where `get` calls the reading
    /// out of line for each new word; any other is read by characters out of line.
    #[inline]
    pub(crate) fn get_next(&mut self, k: usize) -> Option<Span> {
        if k == self.words.len() && self.counted < self.limit {
            match self.read_ascii() {
                Step::Read => {}
                Step::Start => return None,
                Step::Chars => {
                    self.read_chars();
                }
            }
        }
        self.get(k)
    }

    /// Reads words until word `k` from the end is read or the window ends.
    #[inline(never)]
    fn read_to(&mut self, k: usize) {
        while self.words.len() <= k && self.counted < self.limit {
            let read = match self.read_ascii() {
                Step::Read => true,
                Step::Start => false,
                Step::Chars => self.read_chars(),
            };
            if !read {
                break;
            }
        }
    }

    /// Reads the word before the reading's place when it is a run of ASCII graphic bytes
    /// after an ASCII space (or the window's start), keyed on bytes: nearly every word. Tells
    /// the window's start when only ASCII spaces are left before the place, which hold no
    /// word (where most subjects stop): the reading ends there, and they are not read again
    /// by characters. The caller has checked that the window has room for a word. Always
    /// inline, in its two callers: the subject reader's loop reads a word here for each word
    /// it asks for, and left to the compiler it is called, which costs more than the calls
    /// of `get` it saves.
    #[inline(always)]
    fn read_ascii(&mut self) -> Step {
        let b = self.text.as_bytes();
        let mut end = self.at;
        while end > self.from && b[end - 1] == b' ' {
            end -= 1;
        }
        if end == self.from {
            self.at = self.from;
            return Step::Start;
        }
        let start = graphic_run_start(b, self.from, end);
        if start < end && (start == self.from || b[start - 1] == b' ') {
            self.push(Span::new(start, end), ascii_bare_key(&b[start..end]));
            return Step::Read;
        }
        Step::Chars
    }

    /// Reads the word before the reading's place character by character, the words
    /// [`Back::read_ascii`] leaves: false when there is none, and the reading ends.
    #[inline(never)]
    fn read_chars(&mut self) -> bool {
        match word_before_chars(self.text, self.from, self.at) {
            Some(w) => {
                self.push(w, bare_key(w.text(self.text)));
                true
            }
            None => {
                self.at = self.from;
                false
            }
        }
    }

    /// Keeps the word `w` just read, with its `key`, and goes on before it: a trailing word of
    /// the reader's table is not counted in the window. Always inline, for
    /// [`Back::read_ascii`]: out of line, the call costs as much as the keeping.
    #[inline(always)]
    fn push(&mut self, w: Span, key: u128) {
        self.at = w.start;
        let aux = self.trailing && contains(self.aux, key);
        self.words.push((w, key));
        if aux {
            self.aux_run += 1;
            return;
        }
        self.trailing = false;
        self.counted += 1;
    }

    /// The bare form of word `k` from the end, once [`Back::get`] has read it: made from
    /// its key, or lowered again when longer than a key.
    pub(crate) fn bare(&self, k: usize) -> Option<Bare> {
        let (w, key) = self.entry(k)?;
        Some(if key == NO_KEY { Bare::new(w.text(self.text)) } else { Bare::short(key) })
    }

    /// True when the bare form of word `k` from the end, once [`Back::get`] has read it, is
    /// one of the words of `table` (made by [`keys`]).
    pub(crate) fn is_in(&self, k: usize, table: &[u128]) -> bool {
        self.entry(k).is_some_and(|(_, key)| contains(table, key))
    }

    /// True when the bare form of word `k` from the end, once [`Back::get`] has read it, is
    /// one of the words of the reader's `aux` table: answered without a look-up for the
    /// trailing words and the word before them, which the reading looked up.
    #[inline]
    pub(crate) fn is_aux(&self, k: usize) -> bool {
        if k < self.aux_run {
            return true;
        }
        if k == self.aux_run && !self.trailing {
            return false;
        }
        self.is_in(k, self.aux)
    }

    /// Words `from..to` from the end, once read, last first.
    pub(crate) fn read(
        &self,
        from: usize,
        to: usize,
    ) -> impl ExactSizeIterator<Item = Span> + Clone + '_ {
        let len = self.words.len();
        assert!(from <= to && to <= len, "words {from}..{to} of {len} read");
        (from..to).map(|k| self.entry(k).map_or(Span::new(0, 0), |(w, _)| w))
    }

    /// Every word of the window, in text order.
    pub(crate) fn all(&mut self) -> Vec<Span> {
        // the whole window in one reading, not a call for each word
        self.read_to(usize::MAX);
        self.words.iter().rev().map(|&(w, _)| w).collect()
    }

    /// Word `k` from the end with its key, once read.
    #[inline]
    fn entry(&self, k: usize) -> Option<(Span, u128)> {
        self.words.get(k).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUX: &[u128] = &keys::<4>(&["has", "also"]);

    #[test]
    fn bare_lowers_and_trims_punctuation() {
        assert_eq!(Bare::new("“Reportedly,").as_str(), "reportedly");
        assert_eq!(Bare::new("(U.S.)").as_str(), "u.s.");
        assert_eq!(Bare::new("didn’t").as_str(), "didn’t");
        assert_eq!(Bare::new("ÉLYSÉE").as_str(), "élysée");
        assert_eq!(Bare::new(&"A".repeat(30)).as_str(), "a".repeat(30));
        assert_eq!(Bare::new("Fifteen-Letters").as_str(), "fifteen-letters");
        assert_eq!(Bare::new("--").as_str(), "");
        assert_eq!(Bare::new("\u{a0}Mr.”").as_str(), "mr.");
        assert_eq!(Bare::new("«Oui»").as_str(), "oui");
    }

    #[test]
    fn tables_find_bare_words_by_key() {
        let table: [u128; 8] = keys(&["was", "has", "also"]);
        assert!(Bare::new("Has").is_in(&table));
        assert!(Bare::new("(also,").is_in(&table));
        assert!(!Bare::new("Hasn't").is_in(&table));
        assert!(!Bare::new("ha").is_in(&table));
        assert!(!Bare::new("ALSO-RAN").is_in(&table));
        assert!(Bare::new("“Wa\u{212a}”").is_in(&keys::<2>(&["wak"])));
        assert!(has(&table, "was") && !has(&table, "Was") && !has(&table, "was."));
        assert_ne!(key("a"), key("a\0"));
        assert!(lower_is_in(&table, "HAS") && lower_is_in(&table, "Also"));
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(15) {
            let lowered = chunk.to_ascii_lowercase();
            assert_eq!(lower_key(chunk), key(std::str::from_utf8(&lowered).unwrap()).unwrap());
        }
        assert!(!lower_is_in(&table, "has,") && !lower_is_in(&table, "(also"));
        assert!(lower_is_in(&keys::<2>(&["wak"]), "WA\u{212a}"));
        assert_eq!(key("sixteen letters!"), None);
        assert_eq!(most_bytes(&["was", "has", "also"]), 4);
        assert_eq!(most_bytes(&["wak", "also"]), 5);
        assert!(lower_is_in(&keys::<2>(&["wak"]), "WA\u{212a}") && "WA\u{212a}".len() == 5);
    }

    /// The words of the old sorted tables, searched by halves: the reference for [`contains`].
    fn sorted_keys(words: &[&str]) -> Vec<u128> {
        let mut keys: Vec<u128> = words.iter().map(|w| key(w).unwrap()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    #[test]
    fn a_hashed_table_holds_what_a_sorted_one_holds() {
        let words = [
            "again", "already", "also", "always", "are", "can", "could", "did", "do", "does",
            "earlier", "even", "first", "friday", "further", "had", "has", "have", "is", "just",
            "last", "later", "long", "may", "might", "monday", "month", "morning", "never", "not",
            "u.s.", "a",
        ];
        let full: [u128; 64] = keys(&words);
        let small: [u128; 2] = keys(&["wak"]);
        let both: [u128; 128] = union(&words, &["and", "but", "has"]);
        let queries = [
            "",
            "a",
            "b",
            "ab",
            "also",
            "Also",
            "alsO",
            "u.s",
            "u.s.",
            "us",
            "fifteen-letter!",
            "fifteen-letter",
            "wak",
            "wa",
            "waka",
            "and",
            "but",
            "buts",
            "has",
            "hass",
            "sixteen-letters!",
            "\0",
            "x\0",
            "é",
            "monday",
            "mondays",
            "haS",
        ];
        for q in queries {
            let k = key(q).unwrap_or(NO_KEY);
            let in_words = sorted_keys(&words).binary_search(&k).is_ok();
            assert_eq!(contains(&full, k), in_words, "{q:?}");
            assert_eq!(contains(&small, k), q == "wak", "{q:?}");
            let in_both = in_words || matches!(q, "and" | "but");
            assert_eq!(contains(&both, k), in_both, "{q:?}");
        }
        for w in words {
            assert!(contains(&full, key(w).unwrap()) && contains(&both, key(w).unwrap()), "{w}");
        }
        assert_eq!(full.iter().filter(|&&k| k != 0).count(), words.len());
        assert!(!contains(&full, 0) && !contains(&[0; 4], 0) && !contains(&full, NO_KEY));
        assert_eq!(slots(1), 2);
        assert_eq!(slots(32), 64);
        assert_eq!(slots(33), 128);
    }

    /// Words with every kind of edge: punctuation, curly quotes, non-ASCII letters and
    /// spaces, the Kelvin sign, capital sigma, lengths about a key's.
    const TRICKY: &[&str] = &[
        "",
        ".",
        "--",
        "a",
        "A.",
        "“Reportedly,",
        "(U.S.)",
        "didn’t",
        "DIDN’T",
        "ÉLYSÉE",
        "«Oui»",
        "\u{a0}Mr.”",
        "Fifteen-Letters",
        "Sixteen-Letters!",
        "sixteen-letters-",
        "(fifteen-lettr)",
        "Wa\u{212a}",
        "WA\u{212a}",
        "ΣΊΣΥΦΟΣ",
        "Σ",
        "aΣ",
        "ünal,",
        "İstanbul",
        "—",
        "‘has’",
        "has\u{2009}",
        "x\u{7f}",
        "\u{1f600}said",
        "also,",
        "ALSO",
        "also-ran",
        "ıi",
        "ß",
        "ẞ",
        "responsibilities",
        "nordrhein-westfalen's",
        "\u{feff}was",
        "is.",
        "1990s",
        "n't",
    ];

    /// [`core`] as first written, with a closure: the reference for the table.
    fn old_core(word: &str) -> &str {
        let keep = |b: u8| b.is_ascii_alphanumeric() || b == b'.';
        let b = word.as_bytes();
        let mut start = 0;
        while start < b.len() && b[start].is_ascii() && !keep(b[start]) {
            start += 1;
        }
        let mut end = b.len();
        while end > start && b[end - 1].is_ascii() && !keep(b[end - 1]) {
            end -= 1;
        }
        if start < end && (!b[start].is_ascii() || !b[end - 1].is_ascii()) {
            return word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        }
        &word[start..end]
    }

    /// The key [`Bare::is_in`] looked up as first written: the lowered core's bytes when
    /// ASCII and short, else lowered into a key by characters, else none.
    fn old_key(word: &str) -> u128 {
        let core = old_core(word);
        if core.is_ascii() && core.len() <= KEY_BYTES {
            return lower_key(core.as_bytes());
        }
        let mut short = [0; 16];
        match lower_into(core, &mut short[..KEY_BYTES]) {
            Some(n) => {
                short[KEY_BYTES] = n as u8;
                u128::from_be_bytes(short)
            }
            None => NO_KEY,
        }
    }

    /// [`lower_is_in`] as first written.
    fn old_lower_is_in(table: &[u128], word: &str) -> bool {
        if !word.is_ascii() {
            let mut short = [0; KEY_BYTES];
            let mut n = 0;
            for c in word.chars() {
                let c = if c == '\u{212a}' { 'k' } else { c };
                if !c.is_ascii() || n == KEY_BYTES {
                    return false;
                }
                short[n] = c as u8;
                n += 1;
            }
            return contains(table, lower_key(&short[..n]));
        }
        word.len() <= KEY_BYTES && contains(table, lower_key(word.as_bytes()))
    }

    #[test]
    fn bare_keys_are_the_keys_of_the_first_definition() {
        let table: [u128; 16] = keys(&["has", "also", "wak", "a", "is.", "didn't", "n't", "was"]);
        let mut words: Vec<String> = TRICKY.iter().map(|w| w.to_string()).collect();
        for b in 0u8..0x80 {
            words.push(format!("{}has{}", b as char, b as char));
            words.push(format!("x{}", b as char));
        }
        let marks = ["“", "”", "’", "—", "…", "\u{2000}", "\u{203f}", "\u{2040}", "\u{2071}"];
        let pieces: Vec<&str> = marks.iter().copied().chain(["(", "x", "É", "."]).collect();
        words.extend(crate::chars::strings_of(&pieces, 4));
        for w in &words {
            assert_eq!(core(w), old_core(w), "{w:?}");
            assert_eq!(bare_key(w), old_key(w), "{w:?}");
            assert_eq!(Bare::new(w).as_str(), old_core(w).to_lowercase(), "{w:?}");
            assert_eq!(lower_is_in(&table, w), old_lower_is_in(&table, w), "{w:?}");
            let bytes = w.as_bytes();
            let ascii = (w.is_ascii() && w.len() <= KEY_BYTES).then(|| lower_key(bytes));
            assert_eq!(ascii_lower_key(bytes), ascii, "{w:?}");
            if bytes.iter().all(u8::is_ascii_graphic) {
                assert_eq!(ascii_bare_key(bytes), bare_key(w), "{w:?}");
            }
        }
    }

    #[test]
    fn back_keeps_words_past_its_stack_room() {
        let text = format!("{} Said {}", "word ".repeat(40), "has ".repeat(20));
        let mut back = Back::new(&text, 0, text.len(), 32, AUX);
        let all = back.all();
        let std: Vec<&str> = text.split_whitespace().rev().take(52).collect();
        assert_eq!(all.len(), 52);
        for (k, w) in std.iter().enumerate() {
            assert_eq!(back.get(k).map(|s| s.text(&text)), Some(*w), "{k}");
            assert_eq!(back.bare(k).map(|b| b.as_str().to_owned()), Some(w.to_lowercase()));
            assert_eq!(back.is_in(k, AUX), *w == "has", "{k}");
            assert_eq!(back.is_aux(k), *w == "has", "{k}");
        }
        assert_eq!(back.get(52), None);
        let read: Vec<&str> = back.read(18, 24).map(|s| s.text(&text)).collect();
        assert_eq!(read, std[18..24]);
        let long = "Responsibilities said";
        let mut back = Back::new(long, 0, 16, 32, AUX);
        assert_eq!(back.get(0), Some(Span::new(0, 16)));
        assert_eq!(back.bare(0).map(|b| b.as_str().to_owned()), Some("responsibilities".into()));
    }

    #[test]
    fn back_reads_the_trailing_auxiliaries_and_a_window_before_them() {
        let text = "one two three four has also";
        let mut back = Back::new(text, 0, text.len(), 2, AUX);
        assert_eq!(back.get(0).map(|s| s.text(text)), Some("also"));
        assert_eq!(back.read(0, 1).len(), 1);
        assert_eq!(back.get(3).map(|s| s.text(text)), Some("three"));
        assert_eq!(back.get(4), None);
        let all: Vec<&str> = back.all().iter().map(|s| s.text(text)).collect();
        assert_eq!(all, ["three", "four", "has", "also"]);
        // told from what the reading looked up, or looked up, as the table tells
        for text in ["has also", "x has also", "has x also", "x y", "", "has has x has", "Has"] {
            for limit in [0, 1, 2, 32] {
                let mut back = Back::new(text, 0, text.len(), limit, AUX);
                for k in 0..5 {
                    if back.get(k).is_some() {
                        assert_eq!(back.is_aux(k), back.is_in(k, AUX), "{text:?} {limit} {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn back_splits_at_unicode_white_space_as_split_whitespace_does() {
        let text = " «Oui»\u{a0}dit\u{2009}M.\tMacron — d’abord\u{3000}x ";
        let mut back = Back::new(text, 0, text.len(), 32, AUX);
        let ours: Vec<&str> = back.all().iter().map(|s| s.text(text)).collect();
        let std: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(ours, std);
        let mut empty = Back::new(text, 3, 3, 32, AUX);
        assert_eq!(empty.get(0), None);
        for text in [
            "a  b\tc\nd \u{a0}e  f\u{7f}g h“i” j",
            "  plain ascii words  ",
            "x",
            "\u{2009}Kyiv's\u{2009} NATO\u{85}De",
        ] {
            let mut back = Back::new(text, 0, text.len(), 32, AUX);
            let ours: Vec<&str> = back.all().iter().map(|s| s.text(text)).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn space_ending_tells_white_space_as_chars_do() {
        let mut all: String = ('\0'..='\u{3100}').collect();
        all.extend(['\u{feff}', '\u{1f600}', '\u{205f}', '\u{3000}', '\u{10ffff}']);
        for (at, c) in all.char_indices() {
            let end = at + c.len_utf8();
            assert_eq!(space_ending(&all, end), (c.is_whitespace(), c.len_utf8()), "{c:?}");
            assert_eq!(space_ending(&all, end), crate::chars::space_before(&all, end), "{c:?}");
        }
    }

    #[test]
    fn word_before_skips_white_space_back() {
        let text = "a quick\u{a0}fox \u{2009} ";
        let last = word_before(text, 0, text.len()).map(|s| s.text(text));
        assert_eq!(last, text.split_whitespace().next_back());
        assert_eq!(word_before(text, 2, 7).map(|s| s.text(text)), Some("quick"));
        assert_eq!(word_before(text, 3, 7).map(|s| s.text(text)), Some("uick"));
        assert_eq!(word_before(text, 1, 2), None);
        for text in ["Said NATO  ", " x\ty ", "é said", "a\u{a0}b c", "  ", "", "“Yes,” he"] {
            for to in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for from in (0..=to).filter(|&i| text.is_char_boundary(i)) {
                    let chars = word_before_chars(text, from, to);
                    assert_eq!(word_before(text, from, to), chars, "{text:?} {from} {to}");
                }
            }
        }
        // as split_whitespace splits, over words across the eight-byte loads
        let pieces = ["abcdefgh", "x", " ", "\u{a0}", "“", "é", "\u{7f}", "\t", "\u{3000}"];
        for text in &crate::chars::strings_of(&pieces, 4) {
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[from..];
                let want = s.split_whitespace().next_back().map(|w| {
                    let at = from + (w.as_ptr() as usize - s.as_ptr() as usize);
                    Span::new(at, at + w.len())
                });
                assert_eq!(word_before_chars(text, from, text.len()), want, "{text:?} {from}");
                assert_eq!(word_before(text, from, text.len()), want, "{text:?} {from}");
            }
        }
    }

    #[test]
    fn back_reads_the_same_words_one_by_one_inline_as_on_demand() {
        let texts = [
            "one two three four has also",
            "  has also  x  ",
            "Yet Jane Doe, an aide, has also said",
            " «Oui»\u{a0}dit\u{2009}M.\tMacron — d’abord\u{3000}x has ",
            "“Yes,” he has",
            "a\u{a0}b c\u{2009}has d’x Has",
            "x",
            "",
            "   ",
        ];
        for text in texts {
            let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &from in &cuts {
                for limit in [0, 1, 2, 3, 32] {
                    let mut on_demand = Back::new(text, from, text.len(), limit, AUX);
                    let mut words = Vec::new();
                    while let Some(w) = on_demand.get(words.len()) {
                        words.push(w);
                    }
                    let std: Vec<&str> = text[from..].split_whitespace().rev().collect();
                    let read: Vec<&str> = words.iter().map(|w| w.text(text)).collect();
                    assert_eq!(read, std[..read.len()], "{text:?} {from} {limit}");
                    let mut inline = Back::new(text, from, text.len(), limit, AUX);
                    for (k, &w) in words.iter().enumerate() {
                        assert_eq!(inline.get_next(k), Some(w), "{text:?} {from} {limit} {k}");
                        // asked again, a word read stays as it was read
                        assert_eq!(inline.get_next(k), Some(w), "{text:?} {from} {limit} {k}");
                        let key = bare_key(w.text(text));
                        assert_eq!(inline.entry(k), Some((w, key)), "{text:?} {k}");
                        assert_eq!(on_demand.entry(k), Some((w, key)), "{text:?} {k}");
                        assert_eq!(inline.is_aux(k), on_demand.is_aux(k), "{text:?} {k}");
                    }
                    assert_eq!(inline.get_next(words.len()), None, "{text:?} {from} {limit}");
                    let mut whole = Back::new(text, from, text.len(), limit, AUX);
                    let mut want = words.clone();
                    want.reverse();
                    assert_eq!(whole.all(), want, "{text:?} {from} {limit}");
                    assert_eq!(whole.get(words.len()), None, "{text:?} {from} {limit}");
                }
            }
        }
    }

    #[test]
    fn back_keeps_byte_offsets_of_a_slice() {
        let text = "Ignored. It has said";
        let mut back = Back::new(text, 9, 16, 32, AUX);
        let all: Vec<&str> = back.all().iter().map(|s| s.text(text)).collect();
        assert_eq!(all, ["It", "has"]);
        assert_eq!(back.get(1), Some(Span::new(9, 11)));
    }
}
