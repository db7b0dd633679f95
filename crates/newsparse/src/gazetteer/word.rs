//! The word table's entries: what a gazetteer knows of one word as written, read in one
//! probe (the names it may start and how their second words start, the name it is alone,
//! whether it is a given name, whether it starts or ends a title).
//!
//! Titles match in any case, names as written. So that a title's words need no second,
//! lower-cased probe, an ASCII title word is stored under its lower-case, title-case and
//! upper-case forms ("president", "President", "PRESIDENT"); only a word written in another
//! mix of cases ("PreSident") or with non-ASCII letters is looked up again in lower case.

use super::Gender;
use crate::chars::{HIGH, in_range8};

/// What the word table holds for one word as written. All zeros is the entry of a word the
/// table does not hold, so that a vector of entries (or of records holding one) can be made
/// zero-filled, without a loop that writes each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Word {
    /// The most words a name starting with the word has, 0 when none does.
    most: u8,
    /// Given name: 0 not one, 1 of either gender, 2 mostly male, 3 mostly female.
    given: u8,
    /// Bits of [`STARTS_TITLE`] when the word (in any case) starts a title, [`ENDS_TITLE`]
    /// when it ends one, and [`ends_title_of`] the lengths in words of the titles it ends.
    title: u8,
    /// The first bytes of the second words of the names this word starts, as a set of the
    /// eight classes of [`SECOND`] (in the byte that would pad the entry anyway).
    seconds: u8,
    /// The complement of the record the word names alone (`!id`), or 0 when it names none
    /// (so record `u32::MAX` cannot be named).
    alone: u32,
}

/// [`Word::title`]: the word starts a title.
pub(super) const STARTS_TITLE: u8 = 1;
/// [`Word::title`]: the word ends a title.
pub(super) const ENDS_TITLE: u8 = 2;

/// [`Word::title`]: the word ends a title of another shape than [`ends_title_of`] tells,
/// whose length in words is not told.
const ENDS_OTHER_TITLE: u8 = 1 << 7;

/// The most words of a title whose length [`Word::title`] tells.
const MOST_TOLD: usize = 5;

/// The bits of [`Word::title`] for a title of `n` pieces between single spaces ending with
/// the word: one bit for each length from 1 to [`MOST_TOLD`], when `simple` (each piece is
/// a word as the tokenizer reads one: not empty, no white space, and the last opens with no
/// mark the tokenizer trims), so that the title matches only `n` words whose last is this
/// one; [`ENDS_OTHER_TITLE`] for another title, which any number of words may match.
pub(super) fn ends_title_of(n: usize, simple: bool) -> u8 {
    match n {
        1..=MOST_TOLD if simple => 1 << (1 + n),
        _ => ENDS_OTHER_TITLE,
    }
}

/// The class of the byte that starts the second word of a name, as a bit of
/// [`Word::seconds`]: an ASCII capital by its value modulo 7, any other byte the eighth bit
/// (most words after a capitalised word are in lower case, and few names go on so).
static SECOND: [u8; 256] = {
    let mut table = [1 << 7; 256];
    let mut b = b'A';
    while b <= b'Z' {
        table[b as usize] = 1 << (b % 7);
        b += 1;
    }
    table
};

impl Word {
    /// False when no name starting with this word has a second word that starts with the
    /// byte `b` (checked by its class, so true is only a maybe).
    #[inline]
    pub(crate) fn may_go_on_with(self, b: u8) -> bool {
        self.seconds & SECOND[usize::from(b)] != 0
    }

    /// The most words a name starting with this word has, 0 when none does.
    pub(crate) fn most(self) -> usize {
        usize::from(self.most)
    }

    /// The record this word names alone, if any.
    pub(crate) fn alone(self) -> Option<u32> {
        (self.alone != 0).then_some(!self.alone)
    }

    /// The gender a given name mostly carries: `None` when the word is no given name,
    /// `Some(None)` when it is used for both.
    pub(crate) fn given(self) -> Option<Option<Gender>> {
        match self.given {
            0 => None,
            1 => Some(None),
            2 => Some(Some(Gender::Male)),
            _ => Some(Some(Gender::Female)),
        }
    }

    /// True when the word (in any case) is the first word of some title.
    pub(crate) fn starts_title(self) -> bool {
        self.title & STARTS_TITLE != 0
    }

    /// True when the word (in any case) is the last word of some title.
    pub(crate) fn ends_title(self) -> bool {
        self.title & ENDS_TITLE != 0
    }

    /// False when no title of `n` words, read as the tokenizer splits words, ends with this
    /// word (true is only a maybe): a title of `n` words whose last is this one ends it with
    /// the bit of `n`, unless it is of another shape, whose bit answers for every `n`.
    pub(crate) fn may_end_title_of(self, n: usize) -> bool {
        let told = if (1..=MOST_TOLD).contains(&n) { 1 << (1 + n) } else { 0 };
        self.title & (told | ENDS_OTHER_TITLE) != 0
    }

    /// Notes that a name of `n` words starts with this word.
    pub(super) fn add_first(&mut self, n: u8) {
        self.most = self.most.max(n);
    }

    /// Notes that a name's second word, after this word and a space, starts with the byte
    /// `b`; `None` for a name that ends with that space, which no span can match and so
    /// vouches for any byte.
    pub(super) fn add_second(&mut self, b: Option<u8>) {
        self.seconds |= b.map_or(u8::MAX, |b| SECOND[usize::from(b)]);
    }

    /// Notes the record this word names alone.
    pub(super) fn set_alone(&mut self, id: u32) {
        self.alone = !id;
    }

    /// Notes a given name's gender, unless the word is one already; true when it was not.
    pub(super) fn add_given(&mut self, gender: Option<Gender>) -> bool {
        if self.given != 0 {
            return false;
        }
        self.given = match gender {
            None => 1,
            Some(Gender::Male) => 2,
            Some(Gender::Female) => 3,
        };
        true
    }

    /// Adds title bits ([`STARTS_TITLE`], [`ENDS_TITLE`], [`ends_title_of`]).
    pub(super) fn add_title(&mut self, bits: u8) {
        self.title |= bits;
    }

    /// Takes the title bits of `lower`, the entry of this word in lower case.
    pub(super) fn titles_from(&mut self, lower: Word) {
        self.title = lower.title;
    }

    /// Merges `other` (of a later gazetteer: what this one says first wins), its record
    /// indexes moved by `base`; true when `other` made this word a given name.
    pub(super) fn merge(&mut self, other: Word, base: u32) -> bool {
        self.most = self.most.max(other.most);
        self.title |= other.title;
        self.seconds |= other.seconds;
        if self.alone == 0 && other.alone != 0 {
            self.alone = !(base + !other.alone);
        }
        self.given == 0 && other.given != 0 && {
            self.given = other.given;
            true
        }
    }
}

/// True when the word table answers for `word` as written in every respect, titles
/// included: `word` is ASCII and in lower case, title case or upper case (its title bits
/// are stored under those three forms).
///
/// Read eight bytes at a time: whether any byte is beyond ASCII, and whether any after the
/// first is a capital or a lower-case letter, told for all eight at once.
pub(super) fn plain_case(word: &str) -> bool {
    let b = word.as_bytes();
    let Some((&first, rest)) = b.split_first() else { return true };
    // the high bits of the bytes beyond ASCII, of capitals and of lower-case letters
    let (mut beyond, mut upper, mut lower) = (u64::from(first), 0, 0);
    let mut add = |x: u64| {
        // (the top bits cleared, so that no sum carries into the next byte)
        let low = x & !HIGH;
        beyond |= x;
        upper |= in_range8(low, b'A', b'Z');
        lower |= in_range8(low, b'a', b'z');
    };
    let mut chunks = rest.chunks_exact(8);
    for c in &mut chunks {
        add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    add(super::padded_le(chunks.remainder()));
    if beyond & HIGH != 0 {
        return false;
    }
    upper & HIGH == 0 || lower & HIGH == 0 && !first.is_ascii_lowercase()
}

/// The forms an ASCII lower-case title word is stored under besides itself: title case and
/// upper case ("president" → "President", "PRESIDENT"); none for a word with other letters.
pub(super) fn title_forms(lower: &str) -> Option<[String; 2]> {
    if !lower.is_ascii() {
        return None;
    }
    let mut title = lower.to_owned();
    if let Some(first) = title.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    Some([title, lower.to_ascii_uppercase()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cases_are_told_as_by_two_scans_of_the_rest() {
        fn by_scans(word: &str) -> bool {
            let b = word.as_bytes();
            let Some((&first, rest)) = b.split_first() else { return true };
            if !word.is_ascii() {
                return false;
            }
            let upper_rest = rest.iter().any(u8::is_ascii_uppercase);
            let lower_rest = rest.iter().any(u8::is_ascii_lowercase);
            !upper_rest || !lower_rest && !first.is_ascii_lowercase()
        }
        // every byte class at the edges of the letter ranges, and words across loads
        let pieces = ["a", "z", "A", "Z", "@", "[", "`", "{", "0", ".", "é", "\u{7f}", "Ab"];
        for s in crate::chars::strings_of(&pieces, 4) {
            for w in [s.clone(), format!("Abcdefgh{s}"), format!("{s}ABCDEFGHIJ"), format!("x{s}")]
            {
                assert_eq!(plain_case(&w), by_scans(&w), "{w:?}");
            }
        }
    }

    #[test]
    fn plain_cases_are_lower_title_and_upper() {
        for w in ["president", "President", "PRESIDENT", "U.S.", "1996", "", "A", "a", "o'neill"] {
            assert!(plain_case(w), "{w}");
        }
        for w in ["PreSident", "McCain", "iPhone", "PRESIDENt", "Żukowski", "élysée"] {
            assert!(!plain_case(w), "{w}");
        }
    }

    #[test]
    fn title_forms_of_ascii_words() {
        assert_eq!(title_forms("president-elect").unwrap(), ["President-elect", "PRESIDENT-ELECT"]);
        assert_eq!(title_forms("żupan"), None);
    }

    #[test]
    fn second_words_are_kept_by_their_first_byte() {
        let mut w = Word::default();
        assert!((0..=255).all(|b| !w.may_go_on_with(b)));
        w.add_second(Some(b'Y'));
        assert!(w.may_go_on_with(b'Y') && !w.may_go_on_with(b'y') && !w.may_go_on_with(b'Z'));
        // seven bits share the capitals, one holds every other byte
        assert!(w.may_go_on_with(b'Y' - 7));
        w.add_second(Some(b'o'));
        assert!(w.may_go_on_with(b's') && w.may_go_on_with(b'(') && w.may_go_on_with(0xC5));
        let mut other = Word::default();
        other.add_second(Some(b'Z'));
        w.merge(other, 0);
        assert!(w.may_go_on_with(b'Z'));
        let mut open = Word::default();
        open.add_second(None);
        assert!((0..=255).all(|b| open.may_go_on_with(b)));
        assert_eq!(std::mem::size_of::<Word>(), 8);
    }

    #[test]
    fn a_word_keeps_what_was_said_first() {
        let mut w = Word::default();
        assert_eq!((w.most(), w.alone(), w.given(), w.starts_title()), (0, None, None, false));
        w.add_first(2);
        w.add_first(1);
        w.set_alone(7);
        assert!(w.add_given(Some(Gender::Female)));
        assert!(!w.add_given(Some(Gender::Male)));
        w.add_title(ENDS_TITLE | ends_title_of(2, true));
        assert!(w.may_end_title_of(2) && !w.may_end_title_of(1) && !w.may_end_title_of(7));
        assert_eq!(w.most(), 2);
        assert_eq!(w.alone(), Some(7));
        assert_eq!(w.given(), Some(Some(Gender::Female)));
        assert!(w.ends_title() && !w.starts_title());

        let mut later = Word::default();
        later.add_first(3);
        later.set_alone(1);
        later.add_given(None);
        later.add_title(STARTS_TITLE);
        assert!(!w.merge(later, 100));
        assert_eq!((w.most(), w.alone(), w.given()), (3, Some(7), Some(Some(Gender::Female))));
        assert!(w.starts_title() && w.ends_title());
        let mut other = Word::default();
        other.add_title(ENDS_TITLE | ends_title_of(6, true));
        assert!((0..20).all(|n| other.may_end_title_of(n)));
        assert_eq!(ends_title_of(3, false), ends_title_of(6, true));

        let mut empty = Word::default();
        assert!(empty.merge(later, 100));
        assert_eq!((empty.alone(), empty.given()), (Some(101), Some(None)));
    }
}
