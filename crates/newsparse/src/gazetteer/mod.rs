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
//! Why not a byte-scanning automaton: a leftmost-longest Aho-Corasick scan over every byte
//! with 50,000 patterns ran at about 84 MB/s and took 0.17 s to build, against a goal of
//! 100 MB/s for the whole pipeline and 20 ms to ready the default extractor. Hash probes at
//! capitalised word starts touch a few percent of the bytes, and building is one hash insert
//! per name; the bench `benches/gazetteer.rs` measures both for 10k, 100k and 1M entries.
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
mod load;
mod scan;

use std::path::Path;

pub(crate) use self::default::default_gazetteer;
pub use self::entry::{Entry, EntryKind};
pub(crate) use self::scan::{Token, title_case, tokens};

pub(crate) use self::hash::FxMap;
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

/// One named entry, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The canonical name.
    pub(crate) name: Box<str>,
    /// What it is.
    pub(crate) kind: EntryKind,
    /// The entry this one may stand for (a capital for its country's government).
    pub(crate) stands_for: Option<Box<str>>,
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
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    records: Vec<Record>,
    /// Every name and alias → its record.
    names: FxMap<Box<str>, u32>,
    /// First word of every name → the most words a name starting with it has.
    firsts: FxMap<Box<str>, u8>,
    /// Titles and roles, lower-cased ("president", "special envoy").
    titles: FxMap<Box<str>, u8>,
    /// Given names → the gender they mostly carry, if any.
    given: FxMap<Box<str>, Option<Gender>>,
    /// Names that another entry stands for (countries, for their capitals).
    stood_for: FxMap<Box<str>, ()>,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'g> {
    span: Span,
    record: &'g Record,
    id: u32,
}

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
        &self.record.name
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
        self.record.kind
    }

    /// The index of the record found.
    pub(crate) fn id(&self) -> u32 {
        self.id
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
        let mut g = Gazetteer::default();
        g.records.reserve(self.entries.len());
        g.names.reserve(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            entry.check().map_err(|message| Error::Gazetteer {
                origin: origin.to_owned(),
                line: i + 1,
                message,
            })?;
            g.insert(entry);
        }
        Ok(g)
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
    /// line when it is malformed.
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
        load::tsv(origin, text)?.build_as(origin)
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
        self.records.len() + self.titles.len() + self.given.len()
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
        let r = &self.records[*self.names.get(name)? as usize];
        let entry = Entry::new(&*r.name, r.kind);
        Some(match &r.stands_for {
            Some(s) => entry.stands_for(&**s),
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
        let mut toks = Vec::new();
        let lines = crate::structure::lines(text);
        lines.flat_map(move |line| {
            toks.clear();
            tokens(text, line, &mut toks);
            let mut out = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                match self.match_at(text, &toks, i, false) {
                    Some((n, m)) => {
                        out.push(m);
                        i += n;
                    }
                    None => i += 1,
                }
            }
            out
        })
    }

    /// Merges `other` into this gazetteer; names already here win.
    pub(crate) fn extend(&mut self, other: &Gazetteer) {
        for r in &other.records {
            let entry = Entry::new(&*r.name, r.kind);
            self.insert(&match &r.stands_for {
                Some(s) => entry.stands_for(&**s),
                None => entry,
            });
        }
        for (alias, id) in &other.names {
            if let Some(&here) = self.names.get(&*other.records[*id as usize].name) {
                self.add_name(alias, here);
            }
        }
        for (t, &w) in &other.titles {
            self.titles.entry(t.clone()).or_insert(w);
        }
        for (g, &s) in &other.given {
            self.given.entry(g.clone()).or_insert(s);
        }
        for name in other.stood_for.keys() {
            self.stood_for.insert(name.clone(), ());
        }
    }

    fn insert(&mut self, entry: &Entry) {
        match entry.kind() {
            EntryKind::Title => {
                for t in std::iter::once(entry.name()).chain(entry.aliases().iter().map(|a| &**a)) {
                    let words = t.split(' ').count().min(255) as u8;
                    self.titles.entry(t.to_lowercase().into()).or_insert(words);
                }
            }
            EntryKind::GivenName => {
                self.given.entry(entry.name().into()).or_insert(entry.gender_hint());
            }
            kind => {
                let id = u32::try_from(self.records.len()).unwrap_or(u32::MAX);
                self.records.push(Record {
                    name: entry.name().into(),
                    kind,
                    stands_for: entry.stands_for_name().map(Into::into),
                });
                if let Some(target) = entry.stands_for_name() {
                    self.stood_for.insert(target.into(), ());
                }
                self.add_name(entry.name(), id);
                for alias in entry.aliases() {
                    self.add_name(alias, id);
                }
            }
        }
    }

    fn add_name(&mut self, name: &str, id: u32) {
        let mut words = name.split(' ');
        let first = words.next().unwrap_or("");
        let n = 1 + words.count().min(254) as u8;
        let slot = self.firsts.entry(first.into()).or_insert(0);
        *slot = (*slot).max(n);
        self.names.entry(name.into()).or_insert(id);
    }

    /// The record with index `id`.
    pub(crate) fn record(&self, id: u32) -> &Record {
        &self.records[id as usize]
    }

    /// True when another entry stands for record `id` (a country, which its capital may
    /// stand for).
    pub(crate) fn is_country(&self, id: u32) -> bool {
        self.stood_for.contains_key(&self.records[id as usize].name)
    }

    /// Marks `name` as a country when it is one (for nations without a capital entry of
    /// their own, such as England or Scotland).
    pub(crate) fn mark_country(&mut self, name: &str) {
        self.stood_for.insert(name.into(), ());
    }

    /// The record named `name` exactly (name or alias).
    pub(crate) fn lookup(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }

    /// The gender a given name mostly carries; `None` when the name is not a known given
    /// name or is used for both.
    pub(crate) fn given_gender(&self, name: &str) -> Option<Option<Gender>> {
        self.given.get(name).copied()
    }

    /// True when `phrase` (any case) is a known title or role.
    pub(crate) fn is_title(&self, phrase: &str) -> bool {
        if self.titles.contains_key(phrase) {
            return true;
        }
        self.titles.contains_key(phrase.to_lowercase().as_str())
    }

    /// The most words a title has.
    pub(crate) fn max_title_words(&self) -> usize {
        self.titles.values().copied().max().unwrap_or(0) as usize
    }
}
