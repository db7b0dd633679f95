//! Gazetteers: lists of known names (people, organisations, places, outlets, groups), titles
//! and given names, and the matcher that finds them in text.
//!
//! # Design: probe where a name can start
//!
//! A name in English news starts a word with a capital letter (or is an all-capitals word in
//! a headline), so the matcher never scans every byte. It walks the words of a line and, at
//! each word that starts with an upper-case letter, probes a hash table keyed by each name's
//! first word; that table says how many words the longest name starting there has, and the
//! matcher then probes the table of whole names with that many words down to one, longest
//! first, each word end tried with and without a final full stop, a possessive `'s` and a
//! hyphenated suffix ("Kyiv-based"). The first hit is the leftmost-longest match, and word
//! boundaries hold by construction. Matching is case-sensitive, so the pronoun "us" is never
//! the United States; an all-capitals word ("LONDON", in a headline) is also probed in title
//! case ("London").
//!
//! Storage: a name is a slice of its source text (the embedded data files are never copied,
//! a loaded file is kept whole, entries built in code are copied once into one text), and
//! every table is keyed by a 64-bit hash of the name, so building is one or two hashes and
//! inserts per name and no allocation per entry. One table holds everything a single word
//! says (a `Word`): how long a name starting with it may be, how the second words of those
//! names start, which entry it is alone, whether it is a given name and of which gender,
//! whether it starts or ends a title. So a plain capitalised word costs one hash probe, and
//! longer spans are probed only when the next word may go on a name. Titles match in any case: their words are
//! stored in lower, title and upper case ("president", "President", "PRESIDENT"), and only
//! a word in another mix of cases or with non-ASCII letters is probed a second time, in
//! lower case.
//!
//! Why not a byte-scanning automaton: a leftmost-longest Aho-Corasick scan over every byte
//! with 50,000 patterns ran at about 84 MB/s and took 0.17 s to build, against a goal of
//! 100 MB/s for the whole pipeline and 20 ms to ready the default extractor (≈ 40,000
//! entries); an automaton also needs a whole-word check after every hit and cannot match
//! an all-capitals headline without doubling its states. Probes touch only capitalised
//! words and building scales with the number of names.
//!
//! Measured with `benches/gazetteer.rs` on a shared 2-core machine under a load of about 4
//! (so absolute figures are roughly twice what an idle core gives); synthetic names of one
//! to three words, scanned in about 1 MB of news text into which names are sprinkled (about
//! 40% of its words capitalised, several times the share in news):
//!
//! | entries | build | resident memory | probe scan | Aho-Corasick scan |
//! |---|---|---|---|---|
//! | 10,000 | 9.6 ms | 2 MB | 42 MB/s | 57 MB/s |
//! | 100,000 | 230 ms (100 ms at load 2) | 12 MB | 27 MB/s | 22 MB/s |
//! | 1,000,000 | 1.4 s at load 2.5 (2.0–2.7 s at load 4) | 135 MB | 27 MB/s | (not built) |
//!
//! The default extractor is ready in 23 ms cold under that load (the first
//! `Extractor::new` in a process; later ones share the gazetteer and take nanoseconds).
//! Over real news (PolNeAR, 4.3 MB) the whole pipeline ran at 15 MB/s under that load, the
//! entity stage taking about 60% of it (word splitting 10%, name-word and title look-ups
//! 15%, gazetteer probes 10%, allocation 15%). The entity stage now reads each word once
//! (see `Word`) and keeps the words of a whole text in three vectors; splitting words is
//! still its largest part (about a sixth), then the rules' loops and the table probes (whose
//! cost is mostly cache misses in a table of some 45,000 words).
//!
//! # Examples
//!
//! ```
//! use newsparse::{Entry, EntryKind, Gazetteer};
//!
//! let gazetteer = Gazetteer::builder()
//!     .entry(Entry::new("North Atlantic Treaty Organization", EntryKind::Organization).alias("NATO"))
//!     .entry(Entry::new("Kyiv", EntryKind::Place).alias("Kiev"))
//!     .build()?;
//! let text = "NATO's envoy flew to Kiev.";
//! let found: Vec<&str> = gazetteer.find_iter(text).map(|m| m.name()).collect();
//! assert_eq!(found, ["North Atlantic Treaty Organization", "Kyiv"]);
//! # Ok::<(), newsparse::Error>(())
//! ```

mod default;
mod entry;
mod hash;
mod keymap;
mod load;
mod scan;
mod store;
mod tokens;
mod word;

use std::path::Path;
use std::sync::Arc;

pub(crate) use self::default::default_gazetteer;
pub use self::entry::{Entry, EntryKind};
pub(crate) use self::load::tsv_rows;
pub(crate) use self::scan::title_case;
#[cfg(test)]
pub(crate) use self::tokens::tokens;
pub(crate) use self::tokens::{Token, tokens_and_caps};
pub(crate) use self::word::Word;

pub(crate) use self::hash::{FxMap, IdMap, key, key_ascii_lower, key_bytes, padded_le};
use self::store::{Store, Text};
use crate::document::Span;
use crate::error::Error;

/// A person's gender as far as a given name or an honorific tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// A stored entry, as its users read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Record<'g> {
    /// The canonical name.
    pub(crate) name: &'g str,
    /// What it is.
    pub(crate) kind: EntryKind,
    /// The entry this one may stand for (a capital for its country's government).
    pub(crate) stands_for: Option<&'g str>,
}

/// A set of known names, matched in text where a name can start.
///
/// Build one with [`Gazetteer::builder`], or load one from a file with
/// [`Gazetteer::from_file`]; add it to an extractor with
/// [`ExtractorBuilder::gazetteer`](crate::ExtractorBuilder::gazetteer).
///
/// # Examples
///
/// ```
/// use newsparse::{Entry, EntryKind, Gazetteer};
///
/// let g = Gazetteer::builder().entry(Entry::new("Bloomberg", EntryKind::Media)).build()?;
/// assert_eq!(g.len(), 1);
/// assert_eq!(g.get("Bloomberg").map(|e| e.kind()), Some(EntryKind::Media));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Gazetteer {
    store: Store,
    generation: Generation,
}

/// Which content a gazetteer holds: fresh at each build and each change, shared by clones
/// (which hold the same content). A cache of what a gazetteer says of words is valid for
/// one generation (the entity finder keeps such a cache per thread).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Generation(u64);

impl Generation {
    /// A generation no gazetteer had before.
    fn next() -> Generation {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Generation(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

impl Default for Generation {
    fn default() -> Generation {
        Generation::next()
    }
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("len", &self.len()).finish_non_exhaustive()
    }
}

/// A name found in text by [`Gazetteer::find_iter`].
///
/// # Examples
///
/// ```
/// use newsparse::{Entry, EntryKind, Gazetteer, Span};
///
/// let g = Gazetteer::builder().entry(Entry::new("Kyiv", EntryKind::Place)).build()?;
/// let m = g.find_iter("Kyiv's allies").next().unwrap();
/// assert_eq!((m.span(), m.name(), m.kind()), (Span::new(0, 4), "Kyiv", EntryKind::Place));
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Match<'g> {
    span: Span,
    gazetteer: &'g Gazetteer,
    id: u32,
}

impl PartialEq for Match<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span
            && self.id == other.id
            && std::ptr::eq(self.gazetteer, other.gazetteer)
    }
}

impl Eq for Match<'_> {}

impl<'g> Match<'g> {
    /// Where the name stands in the text.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind, Gazetteer, Span};
    /// let g = Gazetteer::builder().entry(Entry::new("UNN", EntryKind::Media)).build()?;
    /// assert_eq!(g.find_iter("Kyiv • UNN").next().unwrap().span(), Span::new(9, 12));
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }

    /// The canonical name of the entry found.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("Kyiv", EntryKind::Place).alias("Kiev")).build()?;
    /// assert_eq!(g.find_iter("in Kiev").next().unwrap().name(), "Kyiv");
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn name(&self) -> &'g str {
        self.gazetteer.name(self.id)
    }

    /// What the entry is.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("Kyiv", EntryKind::Place)).build()?;
    /// assert_eq!(g.find_iter("Kyiv").next().unwrap().kind(), EntryKind::Place);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn kind(&self) -> EntryKind {
        self.gazetteer.store.kind(self.id)
    }

    /// The index of the record found.
    pub(crate) fn id(&self) -> u32 {
        self.id
    }

    /// The match of record `id` of `gazetteer` at `span`.
    pub(crate) fn new(gazetteer: &'g Gazetteer, span: Span, id: u32) -> Match<'g> {
        Match { span, gazetteer, id }
    }
}

/// Builds a [`Gazetteer`].
///
/// # Examples
///
/// ```
/// use newsparse::{Entry, EntryKind, Gazetteer};
///
/// let mut builder = Gazetteer::builder();
/// builder.entry(Entry::new("Patrick Turner", EntryKind::Person));
/// builder.entry(Entry::new("senior representative", EntryKind::Title));
/// let g = builder.build()?;
/// assert_eq!(g.len(), 2);
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
}

impl GazetteerBuilder {
    /// An empty builder.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = newsparse::GazetteerBuilder::new().build()?;
    /// assert!(g.is_empty());
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds an entry. When two entries share a name or alias, the first added wins.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Entry, EntryKind, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("Georgia", EntryKind::Place))
    ///     .entry(Entry::new("Georgia", EntryKind::Organization))
    ///     .build()?;
    /// assert_eq!(g.get("Georgia").unwrap().kind(), EntryKind::Place);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn entry(&mut self, entry: Entry) -> &mut GazetteerBuilder {
        self.entries.push(entry);
        self
    }

    /// Builds the gazetteer.
    ///
    /// # Errors
    ///
    /// [`Error::Gazetteer`] when an entry's name or an alias is empty or has more than 12
    /// words.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Entry, EntryKind, Gazetteer};
    /// assert!(Gazetteer::builder().entry(Entry::new(" ", EntryKind::Place)).build().is_err());
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        self.build_as("in-memory gazetteer")
    }

    /// Builds the gazetteer, naming `origin` in errors.
    pub(crate) fn build_as(&self, origin: &str) -> Result<Gazetteer, Error> {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            entry.check().map_err(|message| Error::Gazetteer {
                origin: origin.to_owned(),
                line: i + 1,
                message,
            })?;
            let mut put = |s: &str| {
                text.push_str(s);
                text.len() - s.len()..text.len()
            };
            let name = put(entry.name());
            let aliases: Vec<_> = entry.aliases().iter().map(|a| put(a)).collect();
            let stands_for = entry.stands_for_name().map(put);
            ranges.push((name, aliases, stands_for));
        }
        let text: Arc<str> = Arc::from(text);
        let mut store = Store::default();
        store.reserve(self.entries.len());
        let index = store.push_text(Text::Shared(text.clone()));
        for (entry, (name, aliases, stands_for)) in self.entries.iter().zip(ranges) {
            let head = (&text[name], entry.kind(), entry.gender_hint());
            let mut aliases = aliases.into_iter().map(|r| &text[r]);
            store.add(index, head, &mut aliases, stands_for.map(|r| &text[r]));
        }
        Ok(Gazetteer::with_store(store))
    }
}

/// The most words a name may have.
const MAX_WORDS: usize = 12;

impl Gazetteer {
    /// A builder for a gazetteer.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Entry, EntryKind, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("Reuters", EntryKind::Media)).build()?;
    /// assert!(g.get("Reuters").is_some());
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// Loads a gazetteer from a TSV file (`.tsv`, `.txt`) or a JSON file (`.json`).
    ///
    /// A TSV line is `name<TAB>kind[<TAB>alias|alias…[<TAB>stands for]]`; blank lines and
    /// lines starting with `#` are skipped. A JSON file is an array of objects
    /// `{"name": …, "kind": …, "aliases": [...], "stands_for": …}`. Kinds are `person`,
    /// `organization`, `place`, `media`, `group`, `title` and `given`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, [`Error::Gazetteer`] naming the file and
    /// line when it is malformed (text that is not UTF-8 included).
    ///
    /// # Examples
    ///
    /// ```
    /// let err = newsparse::Gazetteer::from_file("no/such/file.tsv").unwrap_err();
    /// assert!(matches!(err, newsparse::Error::Io { .. }));
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        load::from_file(path.as_ref())
    }

    /// Parses a gazetteer in the TSV format of [`from_file`](Gazetteer::from_file);
    /// `origin` names the source in errors.
    ///
    /// # Errors
    ///
    /// [`Error::Gazetteer`] naming `origin` and the line of the first malformed line.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = newsparse::Gazetteer::from_tsv("mine", "Kyiv\tplace\tKiev\n")?;
    /// assert_eq!(g.get("Kiev").unwrap().name(), "Kyiv");
    /// let err = newsparse::Gazetteer::from_tsv("mine", "# ok\nKyiv\tcastle\n").unwrap_err();
    /// assert_eq!(err.to_string(), "bad gazetteer mine, line 2: unknown kind \"castle\"");
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn from_tsv(origin: &str, text: &str) -> Result<Gazetteer, Error> {
        load::tsv(origin, Text::Shared(Arc::from(text)))
    }

    /// Parses a gazetteer in the JSON format of [`from_file`](Gazetteer::from_file);
    /// `origin` names the source in errors.
    ///
    /// # Errors
    ///
    /// [`Error::Gazetteer`] naming `origin` and the line of the problem.
    ///
    /// # Examples
    ///
    /// ```
    /// let json = r#"[{"name": "Bloomberg", "kind": "media", "aliases": ["Bloomberg News"]}]"#;
    /// let g = newsparse::Gazetteer::from_json("mine", json)?;
    /// assert_eq!(g.get("Bloomberg News").unwrap().name(), "Bloomberg");
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn from_json(origin: &str, text: &str) -> Result<Gazetteer, Error> {
        load::json(origin, text)?.build_as(origin)
    }

    /// The number of entries.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(newsparse::Gazetteer::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// True when the gazetteer has no entries.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(newsparse::Gazetteer::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry a name or alias belongs to, as an [`Entry`] (name and kind; aliases are
    /// not kept per entry).
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind, Gazetteer};
    /// let g = Gazetteer::builder().entry(Entry::new("Kyiv", EntryKind::Place).alias("Kiev")).build()?;
    /// assert_eq!(g.get("Kiev").unwrap().name(), "Kyiv");
    /// assert!(g.get("kiev").is_none());
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn get(&self, name: &str) -> Option<Entry> {
        let r = self.record(self.lookup(name)?);
        let entry = Entry::new(r.name, r.kind);
        Some(match r.stands_for {
            Some(s) => entry.stands_for(s),
            None => entry,
        })
    }

    /// The names this gazetteer knows in `text`, leftmost-longest, in text order.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind, Gazetteer};
    /// let g = Gazetteer::builder()
    ///     .entry(Entry::new("New York", EntryKind::Place))
    ///     .entry(Entry::new("New York Times", EntryKind::Media))
    ///     .build()?;
    /// let names: Vec<&str> = g.find_iter("The New York Times, in New York.").map(|m| m.name()).collect();
    /// assert_eq!(names, ["New York Times", "New York"]);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn find_iter<'g, 't>(&'g self, text: &'t str) -> impl Iterator<Item = Match<'g>> + 't
    where
        'g: 't,
    {
        let (mut toks, mut caps, mut firsts) = (Vec::new(), Vec::new(), Vec::new());
        let lines = crate::structure::lines(text);
        lines.flat_map(move |line| {
            toks.clear();
            caps.clear();
            tokens_and_caps(text, line, &mut toks, &mut caps);
            // The word table's entries of the line's capitalised words (only they can start
            // a name), read first in a loop of their own: no look-up waits on another, so a
            // large table's misses to memory overlap.
            firsts.clear();
            firsts.extend(caps.iter().map(|&i| self.store.exact(toks[i as usize].span.text(text))));
            let mut out = Vec::new();
            let mut next = 0;
            for (&i, &first) in caps.iter().zip(&firsts) {
                let i = i as usize;
                if i < next {
                    continue;
                }
                if let Some((n, m)) = self.match_word(text, &toks, i, false, first) {
                    out.push(m);
                    next = i + n;
                }
            }
            out
        })
    }

    /// A gazetteer of the names in `store`.
    fn with_store(store: Store) -> Gazetteer {
        Gazetteer { store, generation: Generation::next() }
    }

    /// Which content this gazetteer holds.
    pub(crate) fn generation(&self) -> Generation {
        self.generation
    }

    /// Merges `other` into this gazetteer; names already here win.
    pub(crate) fn extend(&mut self, other: &Gazetteer) {
        self.store.extend(&other.store);
        self.generation = Generation::next();
    }

    /// The record with index `id`.
    pub(crate) fn record(&self, id: u32) -> Record<'_> {
        self.store.record(id)
    }

    /// The name of record `id`: one slice, where [`Gazetteer::record`] slices the name it
    /// stands for too.
    #[inline]
    pub(crate) fn name(&self, id: u32) -> &str {
        self.store.name(id)
    }

    /// What record `id` is: one field read, where [`Gazetteer::record`] slices its names too.
    #[inline]
    pub(crate) fn kind(&self, id: u32) -> EntryKind {
        self.store.kind(id)
    }

    /// The name of the entry record `id` may stand for (a capital's country), if any.
    pub(crate) fn stands_for(&self, id: u32) -> Option<&str> {
        self.store.stands_for(id)
    }

    /// The record named `name` exactly (name or alias).
    pub(crate) fn lookup(&self, name: &str) -> Option<u32> {
        self.store.lookup(name)
    }

    /// True when another entry stands for record `id` (a country, which its capital may
    /// stand for).
    pub(crate) fn is_country(&self, id: u32) -> bool {
        self.store.is_country(id)
    }

    /// Marks `name` as a country (for nations without a capital entry of their own, such
    /// as England or Scotland).
    pub(crate) fn mark_country(&mut self, name: &str) {
        self.store.mark_country(name);
        self.generation = Generation::next();
    }

    /// What this gazetteer knows of `word` as written, in one probe: the names it may
    /// start, the name it is alone, whether it is a given name, whether it starts or ends a
    /// title (in any case).
    pub(crate) fn word(&self, word: &str) -> Word {
        self.store.word(word)
    }

    /// [`word`](Gazetteer::word), for a caller that has computed the word's [`key`] to
    /// probe its own tables with it too.
    pub(crate) fn word_with_key(&self, word: &str, word_key: u64) -> Word {
        self.store.word_with_key(word, word_key)
    }

    /// The gender a given name mostly carries; `None` when the name is not a known given
    /// name, `Some(None)` when it is used for both.
    pub(crate) fn given_gender(&self, name: &str) -> Option<Option<Gender>> {
        self.word(name).given()
    }

    /// True when `phrase` (any case) is a known title or role.
    pub(crate) fn is_title(&self, phrase: &str) -> bool {
        self.store.is_title(phrase)
    }

    /// The most words a title has.
    pub(crate) fn max_title_words(&self) -> usize {
        self.store.max_title_words()
    }
}
