//! How a gazetteer is stored: names are slices of their source texts (the embedded data
//! files are never copied; entries built in code are copied once into one text), and every table is keyed by a 64-bit hash of the name, so
//! building is one hash and one insert per name, with no allocation per entry.

use std::sync::Arc;

use super::hash::{key, key_ascii_lower, key_bytes};
use super::keymap::KeyMap;
use super::word::{ENDS_TITLE, STARTS_TITLE, Word, ends_title_of, plain_case, title_forms};
use super::{EntryKind, Gender, Record};

/// A source text: an embedded data file, or text the gazetteer owns.
#[derive(Clone, Debug)]
pub(super) enum Text {
    /// Compiled into the program.
    Static(&'static str),
    /// Loaded or built at run time.
    Shared(Arc<str>),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Text::Static(s) => s,
            Text::Shared(s) => s,
        }
    }
}

/// A slice of one of the store's texts.
#[derive(Clone, Copy, Debug)]
struct Str {
    text: u32,
    start: u32,
    len: u32,
}

#[derive(Clone, Copy, Debug)]
struct Rec {
    name: Str,
    kind: EntryKind,
    stands_for: Option<Str>,
}

/// The tables of a gazetteer.
#[derive(Clone, Debug, Default)]
pub(super) struct Store {
    texts: Vec<Text>,
    recs: Vec<Rec>,
    /// Every name and alias → its record.
    names: KeyMap<u32>,
    /// Words as written → what a word says (see [`Word`]): the first words of names, given
    /// names, and the first and last words of titles.
    words: KeyMap<Word>,
    /// Titles and roles, lower-cased → their number of words.
    titles: KeyMap<u8>,
    /// The number of given names.
    given: usize,
    /// Names that another entry stands for (countries, for their capitals).
    stood_for: KeyMap<()>,
    max_title: u8,
}

impl Store {
    /// Makes room for `n` more names. The word table grows as it goes: names share their
    /// first words, and a table reserved for every name would be mostly empty, its few
    /// entries spread over more memory than the cache holds.
    pub(super) fn reserve(&mut self, n: usize) {
        self.recs.reserve(n);
        self.names.reserve(n);
    }

    /// Makes room for `n` more words in the word table, for data whose count of first
    /// words, given names and title words is known to be near `n`.
    pub(super) fn reserve_words(&mut self, n: usize) {
        self.words.reserve(n);
    }

    pub(super) fn len(&self) -> usize {
        self.recs.len() + self.titles.len() + self.given
    }

    /// Adds a source text; slices of it are then added with [`Store::add`].
    pub(super) fn push_text(&mut self, text: Text) -> u32 {
        self.texts.push(text);
        u32::try_from(self.texts.len() - 1).unwrap_or(0)
    }

    pub(super) fn text(&self, index: u32) -> &str {
        self.texts[index as usize].as_str()
    }

    fn str(&self, s: Str) -> &str {
        let start = s.start as usize;
        &self.text(s.text)[start..start + s.len as usize]
    }

    /// The slice `part` of text `index` (`part` must lie inside it).
    fn slice(&self, index: u32, part: &str) -> Str {
        let base = self.text(index).as_ptr() as usize;
        let start = part.as_ptr() as usize - base;
        Str { text: index, start: to_u32(start), len: to_u32(part.len()) }
    }

    /// Adds an entry whose names are slices of text `index` (borrowed from another owner
    /// of the same text).
    pub(super) fn add(
        &mut self,
        index: u32,
        (name, kind, gender): (&str, EntryKind, Option<Gender>),
        aliases: &mut dyn Iterator<Item = &str>,
        stands_for: Option<&str>,
    ) {
        match kind {
            EntryKind::Title => {
                self.add_title(name);
                aliases.for_each(|a| self.add_title(a));
            }
            EntryKind::GivenName => {
                let added = self.words.get_or_default(key(name)).add_given(gender);
                self.given += usize::from(added);
            }
            kind => {
                let id = to_u32(self.recs.len());
                let name_str = self.slice(index, name);
                let stands_for = stands_for.map(|s| self.slice(index, s));
                self.recs.push(Rec { name: name_str, kind, stands_for });
                if let Some(target) = stands_for {
                    self.stood_for.insert(key(self.str(target)), ());
                }
                self.add_name(name, id);
                aliases.for_each(|a| self.add_name(a, id));
            }
        }
    }

    fn add_title(&mut self, title: &str) {
        let words = u8::try_from(title.split(' ').count()).unwrap_or(u8::MAX);
        self.max_title = self.max_title.max(words);
        let k = if title.chars().any(char::is_uppercase) {
            key(&title.to_lowercase())
        } else {
            key(title)
        };
        self.titles.get_or_insert(k, words);
        let lower = title.to_lowercase();
        let first = lower.split(' ').next().unwrap_or("");
        let last = lower.rsplit(' ').next().unwrap_or("");
        self.add_title_word(first, STARTS_TITLE);
        // each piece a word as the tokenizer reads one, the last with no mark before it that
        // the tokenizer trims: then only as many words as pieces match the title
        let words_of_it =
            lower.split(' ').all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
        let marked = last.starts_with(['"', '\'', '(', '[', '{', '*', '“', '‘', '«']);
        let ends = ends_title_of(lower.split(' ').count(), words_of_it && !marked);
        self.add_title_word(last, ENDS_TITLE | ends);
    }

    /// Marks the lower-case word `lower` (and its title-case and upper-case forms) as
    /// starting or ending a title.
    fn add_title_word(&mut self, lower: &str, bits: u8) {
        self.words.get_or_default(key(lower)).add_title(bits);
        for form in title_forms(lower).iter().flatten() {
            self.words.get_or_default(key(form)).add_title(bits);
        }
    }

    fn add_name(&mut self, name: &str, id: u32) {
        // the words as `split(' ')` gives them, counted and the first found in a loop over
        // the bytes: a search for each space costs more than a name's dozen bytes
        let bytes = name.as_bytes();
        let first = &bytes[..bytes.iter().position(|&b| b == b' ').unwrap_or(bytes.len())];
        let spaces = bytes.iter().filter(|&&b| b == b' ').count();
        let n = u8::try_from(1 + spaces).unwrap_or(u8::MAX);
        let name_key = key(name);
        let winner = *self.names.get_or_insert(name_key, id);
        let first_key = if n == 1 { name_key } else { key_bytes(first) };
        let slot = self.words.get_or_default(first_key);
        slot.add_first(n);
        if n > 1 {
            // `first` ends at the name's first space
            slot.add_second(name.as_bytes().get(first.len() + 1).copied());
        }
        if n == 1 {
            slot.set_alone(winner);
        }
    }

    /// Merges `other` in; names already here win.
    pub(super) fn extend(&mut self, other: &Store) {
        let base = to_u32(self.texts.len());
        self.texts.extend(other.texts.iter().cloned());
        let remap = |s: Str| Str { text: base + s.text, ..s };
        let first = to_u32(self.recs.len());
        for r in &other.recs {
            self.recs.push(Rec {
                name: remap(r.name),
                kind: r.kind,
                stands_for: r.stands_for.map(remap),
            });
        }
        for (k, id) in other.names.iter() {
            self.names.get_or_insert(k, first + id);
        }
        for (k, w) in other.words.iter() {
            let added = self.words.get_or_default(k).merge(w, first);
            self.given += usize::from(added);
        }
        for (k, n) in other.titles.iter() {
            self.titles.get_or_insert(k, n);
        }
        for (k, ()) in other.stood_for.iter() {
            self.stood_for.insert(k, ());
        }
        self.max_title = self.max_title.max(other.max_title);
    }

    pub(super) fn record(&self, id: u32) -> Record<'_> {
        let r = &self.recs[id as usize];
        Record {
            name: self.str(r.name),
            kind: r.kind,
            stands_for: r.stands_for.map(|s| self.str(s)),
        }
    }

    /// The name of record `id`, without slicing the name it stands for.
    #[inline]
    pub(super) fn name(&self, id: u32) -> &str {
        self.str(self.recs[id as usize].name)
    }

    #[inline]
    pub(super) fn kind(&self, id: u32) -> EntryKind {
        self.recs[id as usize].kind
    }

    /// The name record `id` may stand for, without slicing the record's own name.
    pub(super) fn stands_for(&self, id: u32) -> Option<&str> {
        self.recs[id as usize].stands_for.map(|s| self.str(s))
    }

    pub(super) fn lookup(&self, name: &str) -> Option<u32> {
        self.lookup_key(key(name))
    }

    /// The record of the name whose [`key`] is `name_key`.
    pub(super) fn lookup_key(&self, name_key: u64) -> Option<u32> {
        self.names.get(name_key)
    }

    /// What the word table holds under `word` as written (its title bits hold only when
    /// [`plain_case`] says so).
    pub(super) fn exact(&self, word: &str) -> Word {
        self.exact_key(key(word))
    }

    /// [`Store::exact`] of the word whose [`key`] is `word_key`.
    pub(super) fn exact_key(&self, word_key: u64) -> Word {
        self.words.get(word_key).unwrap_or_default()
    }

    /// [`Store::word`] of `word`, whose [`key`] is `word_key`.
    pub(super) fn word_with_key(&self, word: &str, word_key: u64) -> Word {
        let mut w = self.words.get(word_key).unwrap_or_default();
        if !plain_case(word) {
            w.titles_from(self.words.get(key_lower(word)).unwrap_or_default());
        }
        w
    }

    /// What the word table says of `word` as written (titles in any case): one probe, two
    /// for a word in an unusual mix of cases.
    pub(super) fn word(&self, word: &str) -> Word {
        self.word_with_key(word, key(word))
    }

    pub(super) fn is_country(&self, id: u32) -> bool {
        self.stood_for.contains_key(key(self.str(self.recs[id as usize].name)))
    }

    pub(super) fn mark_country(&mut self, name: &str) {
        self.stood_for.insert(key(name), ());
    }

    pub(super) fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains_key(key_lower(phrase))
    }

    pub(super) fn max_title_words(&self) -> usize {
        self.max_title as usize
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The key of `s` in lower case: an ASCII `s` lowered eight bytes at a time as it is hashed
/// ([`key_ascii_lower`]), other text without allocating when it is up to 48 bytes lowered.
fn key_lower(s: &str) -> u64 {
    if let Some(k) = key_ascii_lower(s.as_bytes()) {
        return k;
    }
    let mut buf = [0u8; 48];
    match crate::chars::lower_into(s, &mut buf) {
        Some(n) => key_bytes(&buf[..n]),
        None => key(&s.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Gazetteer, Gender};

    fn gazetteer(tsv: &str) -> Gazetteer {
        Gazetteer::from_tsv("test", tsv).unwrap()
    }

    #[test]
    fn one_probe_reads_names_given_names_and_titles() {
        let g = gazetteer(
            "New York\tplace\nNew York Times\tmedia\nNew\tplace\nPatrick\tgiven:m\n\
             special envoy\ttitle\nżupan\ttitle\n",
        );
        let new = g.word("New");
        assert_eq!(new.most(), 3);
        assert_eq!(new.alone().map(|r| g.record(r).name), Some("New"));
        assert_eq!(g.word("Patrick").given(), Some(Some(Gender::Male)));
        assert_eq!(g.word("patrick").given(), None);
        for w in ["special", "Special", "SPECIAL", "SpEcial"] {
            assert!(g.word(w).starts_title() && !g.word(w).ends_title(), "{w}");
        }
        for w in ["envoy", "Envoy", "ENVOY", "eNVOY"] {
            assert!(g.word(w).ends_title() && !g.word(w).starts_title(), "{w}");
        }
        assert!(g.word("Żupan").starts_title() && g.word("ŻUPAN").ends_title());
        assert!(!g.word("York").starts_title());
        assert_eq!(g.word("Nowhere"), super::Word::default());
    }

    #[test]
    fn merged_gazetteers_keep_the_first_word_entries() {
        let mut first = gazetteer("Kyiv\tplace\nMaria\tgiven:f\n");
        let second = gazetteer("Kyiv Post\tmedia\nMaria\tgiven:m\nJan\tgiven\nenvoy\ttitle\n");
        first.extend(&second);
        let kyiv = first.word("Kyiv");
        assert_eq!((kyiv.most(), kyiv.alone().map(|r| first.record(r).name)), (2, Some("Kyiv")));
        assert_eq!(first.word("Maria").given(), Some(Some(Gender::Female)));
        assert_eq!(first.word("Jan").given(), Some(None));
        assert!(first.word("Envoy").ends_title());
        // two records, one title, two given names
        assert_eq!(first.len(), 5);
    }
}
