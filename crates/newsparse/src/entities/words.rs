//! The word classes the name rules read, from `data/name_words.tsv`, and what the tables
//! say of one word ([`Lexeme`]): its classes and its gazetteer entry, from one hash of the
//! word and two probes.

use std::cell::Cell;
use std::sync::LazyLock;

use crate::document::Span;
use crate::gazetteer::{Gazetteer, Generation, IdMap, Word, key, key_bytes, tsv_rows};

/// An organisation suffix or head word ("Inc", "Ministry", "Party", "University").
pub(crate) const ORG: u16 = 1;
/// An outlet suffix ("News", "Times", "Post").
pub(crate) const MEDIA: u16 = 1 << 1;
/// A lower-case connector inside a person's name ("de", "van", "bin").
pub(crate) const CONNECTOR: u16 = 1 << 2;
/// A word that may join the parts of an organisation's name ("of", "for", "and").
pub(crate) const INNER: u16 = 1 << 3;
/// A capitalised word that never starts a name ("The", "However", "Monday").
pub(crate) const NOT_NAME: u16 = 1 << 4;
/// A preposition before which a bare name reads as a place ("in", "near").
pub(crate) const PLACE_CUE: u16 = 1 << 5;
/// A preposition that makes a place name a location, not an actor ("in Washington").
pub(crate) const LOCATIVE: u16 = 1 << 6;

/// A one-word place that takes "the" ("the Hague", "the Gulf").
pub(crate) const THE_PLACE: u16 = 1 << 7;

/// A sports section name that heads a wire headline ("SOCCER - …").
pub(crate) const SPORT: u16 = 1 << 8;
/// A word that reads as sports copy ("beat", "innings", "striker").
pub(crate) const SPORT_CUE: u16 = 1 << 9;

/// A word that names a sports side ("County", "Rangers", "Thistle").
pub(crate) const TEAM: u16 = 1 << 10;

/// The words of `data/name_words.tsv` with their class bits, read in one pass over its bytes
/// ([`tsv_rows`]; the file's comment lines have no tab, so that `str::lines` and
/// `split_once` read the same rows).
fn entries() -> impl Iterator<Item = (&'static str, u16)> {
    tsv_rows(include_str!("../../data/name_words.tsv")).into_iter().filter_map(|(word, class)| {
        let bit = match class {
            "org" => ORG,
            "media" => MEDIA,
            "connector" => CONNECTOR,
            "inner" => INNER,
            "not_name" => NOT_NAME,
            "place_cue" => PLACE_CUE,
            "locative" => LOCATIVE,
            "the_place" => THE_PLACE,
            "sport" => SPORT,
            "sport_cue" => SPORT_CUE,
            "team" => TEAM,
            _ => return None,
        };
        Some((word, bit))
    })
}

/// The words of class `class` (one class bit), as `data/name_words.tsv` lists them: from
/// the list [`CLASSES`] read, so that the file is read once a process.
pub(crate) fn of_class(class: u16) -> impl Iterator<Item = &'static str> {
    CLASSES.entries.iter().filter(move |&&(_, bit)| bit == class).map(|&(word, _)| word)
}

/// The tables of `data/name_words.tsv`, built in one pass over it.
struct Classes {
    /// The classes by the [`key`] of the word.
    words: IdMap<u16>,
    /// The [`Ends`] of each class, by bit position.
    ends: [Ends; 16],
    /// The words with their class bits, in the file's order ([`of_class`]).
    entries: Vec<(&'static str, u16)>,
}

/// The tables of `data/name_words.tsv`.
static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let entries: Vec<(&'static str, u16)> = entries().collect();
    // sized once, for a word a row (a few words have two classes)
    let mut words = IdMap::with_capacity_and_hasher(entries.len(), <_>::default());
    let mut ends = [Ends { shortest: usize::MAX, shapes: [0; 4] }; 16];
    for &(word, bit) in &entries {
        *words.entry(key(word)).or_insert(0) |= bit;
        ends[bit.trailing_zeros() as usize].add(word.as_bytes());
    }
    Classes { words, ends, entries }
});

/// What the words of one class have at their ends: a word that is shorter than all of them,
/// or whose length, first and last bytes together ([`shape`]) are none of theirs, is not of
/// the class, which a few instructions tell before any hashing.
#[derive(Clone, Copy, Debug)]
struct Ends {
    /// The length in bytes of the shortest word.
    shortest: usize,
    /// The [`shape`]s of the words, a bit each.
    shapes: [u64; 4],
}

/// A byte standing for the length and the first and last bytes of a word: the words of a
/// class take few of the 256, and most other words miss them.
#[inline]
fn shape(len: usize, first: u8, last: u8) -> u8 {
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    let mixed = len.wrapping_mul(0x9E37_79B9)
        ^ u32::from(first).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(last).wrapping_mul(0xC2B2_AE35);
    mixed.to_le_bytes()[3]
}

impl Ends {
    /// Notes the word `word` of the class.
    fn add(&mut self, word: &[u8]) {
        self.shortest = self.shortest.min(word.len());
        if let (Some(&first), Some(&last)) = (word.first(), word.last()) {
            let b = shape(word.len(), first, last);
            self.shapes[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }

    /// False when no word of the class is `word`.
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        match word {
            [] => self.shortest == 0,
            [first, .., last] | [first @ last] => {
                let b = shape(word.len(), *first, *last);
                word.len() >= self.shortest && self.shapes[usize::from(b >> 6)] >> (b & 63) & 1 != 0
            }
        }
    }
}

/// The length in bytes of the shortest word of class `class` (one class bit): a shorter
/// word is not of it.
#[cfg(test)]
pub(crate) fn shortest(class: u16) -> usize {
    CLASSES.ends[class.trailing_zeros() as usize % 16].shortest
}

/// True when `word` is of class `class`.
pub(crate) fn is(word: &str, class: u16) -> bool {
    is_bytes(word.as_bytes(), class)
}

/// [`is`] for a word given as its UTF-8 bytes. A word asked about one class is first
/// tested against the ends of that class's words ([`Ends`]): most words are told no there.
pub(crate) fn is_bytes(word: &[u8], class: u16) -> bool {
    let classes = &*CLASSES;
    if class.count_ones() == 1 && !classes.ends[class.trailing_zeros() as usize].may_hold(word) {
        return false;
    }
    classes.words.get(&key_bytes(word)).is_some_and(|c| c & class != 0)
}

/// What the tables say of one word as written. All zeros is [`Lexeme::unread`], so that
/// place holders are made zero-filled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lexeme {
    /// Its classes (bits of [`ORG`], [`MEDIA`] …), and [`READ`] once read: 32 bits, which
    /// leave the lexeme no padding, so that a zero-filled run of them is one fill of memory.
    class: u32,
    /// Its entry in the gazetteer's word table.
    pub(crate) gaz: Word,
}

/// The class bit of every read [`Lexeme`] (not of [`Lexeme::unread`]), of no class of
/// `data/name_words.tsv`.
const READ: u32 = 1 << 31;

impl Lexeme {
    /// Reads `word` in the class table and in `gaz`'s word table, hashing it once.
    #[cfg(test)]
    pub(crate) fn of(gaz: &Gazetteer, word: &str) -> Lexeme {
        Lexeme::with_key(gaz, word, key(word))
    }

    /// Reads `word`, whose [`key`] is `k`, in the class table and in `gaz`'s word table.
    fn with_key(gaz: &Gazetteer, word: &str, k: u64) -> Lexeme {
        let class = u32::from(CLASSES.words.get(&k).copied().unwrap_or(0)) | READ;
        Lexeme { class, gaz: gaz.word_with_key(word, k) }
    }

    /// A word not read yet: a place holder 12 bytes long, as `Option<Lexeme>` is not, and all
    /// zeros.
    pub(crate) fn unread() -> Lexeme {
        Lexeme { class: 0, gaz: Word::default() }
    }

    /// False for [`Lexeme::unread`].
    pub(crate) fn is_read(self) -> bool {
        self.class & READ != 0
    }

    /// True when the word is of one of the classes in `class`.
    pub(crate) fn is(self, class: u16) -> bool {
        self.class & u32::from(class) != 0
    }
}

/// The number of words [`Memo`] keeps: 96 KiB, within a core's second-level cache.
const MEMO: usize = 4096;

/// The words read last, by their [`key`] (a word's key stands for the word in every table):
/// news repeats its words ("the", "said", "President", the names of the day), and a word read
/// again costs one probe of this table instead of two of large ones, whose slots are rarely
/// in cache.
///
/// One memo serves all the texts a thread parses ([`Memo::take`], [`Memo::put_back`]): a
/// memo begun afresh for each article would miss on every word the article says first.
/// It holds what one gazetteer [generation](Generation) says, and starts over for another.
pub(crate) struct Memo {
    /// Each word at the slot of its key, with what the tables say of it.
    slots: Box<[(u64, Lexeme)]>,
    /// The gazetteer content the slots were read in.
    generation: Option<Generation>,
}

thread_local! {
    /// The memo of the thread's last parse, while no parse is using it.
    static MEMO_OF_THREAD: Cell<Option<Memo>> = const { Cell::new(None) };
}

impl Memo {
    /// An empty memo.
    pub(crate) fn new() -> Memo {
        Memo { slots: vec![(0, Lexeme::unread()); MEMO].into_boxed_slice(), generation: None }
    }

    /// The thread's memo, for reading words in `gaz` (emptied when it was read in another
    /// gazetteer), or a new one when the thread has none or another parse holds it.
    pub(crate) fn take(gaz: &Gazetteer) -> Memo {
        // (a thread whose locals are being destroyed gets a new one)
        let mut memo = MEMO_OF_THREAD.try_with(Cell::take).ok().flatten().unwrap_or_else(Memo::new);
        if memo.generation != Some(gaz.generation()) {
            memo.slots.fill((0, Lexeme::unread()));
            memo.generation = Some(gaz.generation());
        }
        memo
    }

    /// Gives the memo back to the thread, for its next parse.
    pub(crate) fn put_back(self) {
        // a thread whose locals are being destroyed drops it instead
        let _ = MEMO_OF_THREAD.try_with(|cell| cell.set(Some(self)));
    }

    /// A memo that holds nothing and reads nothing, left in place of one given back: it
    /// allocates nothing, and [`Memo::of_span`] must not be called on it.
    pub(crate) fn none() -> Memo {
        Memo { slots: Box::new([]), generation: None }
    }

    /// [`Lexeme::with_key`] of `word`, from the memo when the word was read lately.
    #[cfg(test)]
    pub(crate) fn of(&mut self, gaz: &Gazetteer, word: &str) -> Lexeme {
        self.of_span(gaz, word, Span::new(0, word.len()))
    }

    /// [`Lexeme::with_key`] of the word at `span` of `text` (a token's, on character boundaries), from
    /// the memo when the word was read lately: the word is hashed from its bytes, and sliced
    /// as text only when the memo misses, so that a word read again costs no
    /// character-boundary checks.
    #[inline(always)]
    pub(crate) fn of_span(&mut self, gaz: &Gazetteer, text: &str, span: Span) -> Lexeme {
        debug_assert_eq!(self.generation, Some(gaz.generation()));
        debug_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let k = key_bytes(text.as_bytes().get(span.start..span.end).unwrap_or_default());
        let slot = &mut self.slots[(k % MEMO as u64) as usize];
        if slot.0 != k || !slot.1.is_read() {
            *slot = (k, Lexeme::with_key(gaz, span.text(text), k));
        }
        slot.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_load() {
        assert!(is("Ministry", ORG));
        assert!(is("News", MEDIA));
        assert!(is("bin", CONNECTOR));
        assert!(is("However", NOT_NAME));
        assert!(is("in", PLACE_CUE | LOCATIVE));
        assert!(!is("Kyiv", ORG));
        assert_eq!(shortest(SPORT_CUE), 4, "beat");
        assert_eq!(shortest(CONNECTOR), 1);
        // every word of every class passes its class's ends
        for (word, bit) in entries() {
            assert!(is(word, bit), "{word}");
        }
        assert!(!is("Kyiv", SPORT_CUE) && !is("", SPORT_CUE) && !is("b", CONNECTOR));
    }

    #[test]
    fn a_lexeme_holds_classes_and_the_gazetteer_entry() {
        let gaz = crate::gazetteer::default_gazetteer();
        let party = Lexeme::of(&gaz, "Party");
        assert!(party.is(ORG) && !party.is(MEDIA));
        let patrick = Lexeme::of(&gaz, "Patrick");
        assert_eq!(patrick.class, READ);
        assert_eq!(patrick.gaz.given(), Some(Some(crate::gazetteer::Gender::Male)));
        assert!(Lexeme::of(&gaz, "President").gaz.starts_title());
        assert!(Lexeme::of(&gaz, "envoy").gaz.ends_title());
        assert!(Lexeme::of(&gaz, "ENVOY").gaz.ends_title());
        let new = Lexeme::of(&gaz, "New");
        assert!(new.gaz.most() >= 2, "New York");
        let kyiv = Lexeme::of(&gaz, "Kyiv");
        assert_eq!(kyiv.gaz.alone().map(|r| gaz.record(r).name), Some("Kyiv"));
        assert!(Lexeme::of(&gaz, "in").is(PLACE_CUE | LOCATIVE));
        let unknown = Lexeme::of(&gaz, "zzyzx");
        assert_eq!((unknown.class, unknown.gaz), (READ, Word::default()));
        assert_eq!(Lexeme::unread(), Lexeme::default());
        assert!(!Lexeme::unread().is_read() && Lexeme::of(&gaz, "Kyiv").is_read());
        assert!(CLASSES.words.values().all(|&c| u32::from(c) & READ == 0));
        assert_eq!(std::mem::size_of::<Lexeme>(), 12);
    }

    #[test]
    fn the_memo_reads_as_the_tables_do() {
        let gaz = crate::gazetteer::default_gazetteer();
        let mut memo = Memo::take(&gaz);
        let words = ["Party", "Patrick", "President", "envoy", "ENVOY", "New", "Kyiv", "in"];
        for w in words.iter().chain(&words).chain(&["zzyzx", "Party"]) {
            assert_eq!(memo.of(&gaz, w), Lexeme::of(&gaz, w), "{w}");
        }
        memo.put_back();
        // the thread's memo, given back, answers for the same gazetteer, and starts over for
        // another one that reads the same word otherwise
        let mut again = Memo::take(&gaz);
        assert!(again.slots.iter().any(|s| s.1.is_read()));
        assert_eq!(again.of(&gaz, "Kyiv"), Lexeme::of(&gaz, "Kyiv"));
        again.put_back();
        let other = crate::Gazetteer::builder()
            .entry(crate::Entry::new("Kyiv", crate::EntryKind::Organization))
            .build()
            .unwrap();
        let mut fresh = Memo::take(&other);
        assert!(fresh.slots.iter().all(|s| !s.1.is_read()));
        assert_eq!(fresh.of(&other, "Kyiv"), Lexeme::of(&other, "Kyiv"));
        assert_ne!(Lexeme::of(&other, "Kyiv"), Lexeme::of(&gaz, "Kyiv"));
        fresh.put_back();
    }
}
