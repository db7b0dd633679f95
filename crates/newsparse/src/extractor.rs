//! The extractor: configuration, and the pipeline that turns text into a [`Document`].

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::document::{Document, SCHEMA_VERSION, Span};
use crate::error::Error;
use crate::gazetteer::{Gazetteer, default_gazetteer};
use crate::quotes::cues::Cue;
use crate::structure::Line;
use crate::{attribution, entities, pool, quotes, scratch, segment, structure};

thread_local! {
    /// The list of the lines of the thread's last text, emptied, for its next one.
    static LINES: Cell<Vec<Line>> = const { Cell::new(Vec::new()) };
    /// The list of the cue words of the thread's last text, emptied, for its next one.
    static CUES: Cell<Vec<Cue>> = const { Cell::new(Vec::new()) };
}

/// The default maximum text size: 16 MiB, far above any news article.
pub const DEFAULT_MAX_SIZE: usize = 16 << 20;

/// Reads news articles and says who said what.
///
/// Build one once and share it: parsing takes `&self`, and an `Extractor` is `Send + Sync`,
/// so one extractor serves any number of threads.
///
/// # Examples
///
/// ```
/// let extractor = newsparse::Extractor::new();
/// let text = "\"We need credible guarantees,\" said Patrick Turner.";
/// let doc = extractor.parse(text)?;
/// assert_eq!(doc.quotes[0].text, "We need credible guarantees");
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    max_size: usize,
    gazetteer: Arc<Gazetteer>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded default configuration.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::Extractor::new();
    /// assert!(extractor.parse("").unwrap().quotes.is_empty());
    /// ```
    pub fn new() -> Extractor {
        Extractor { max_size: DEFAULT_MAX_SIZE, gazetteer: default_gazetteer() }
    }

    /// A builder for an extractor with options.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::Extractor::builder().max_size(1 << 20).build()?;
    /// assert_eq!(extractor.max_size(), 1 << 20);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The largest text, in bytes, that [`parse`](Extractor::parse) accepts.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(newsparse::Extractor::new().max_size(), newsparse::DEFAULT_MAX_SIZE);
    /// ```
    pub fn max_size(&self) -> usize {
        self.max_size
    }

    /// The gazetteer this extractor reads names with.
    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Parses one article.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when `text` is longer than [`max_size`](Extractor::max_size).
    /// Any other text, however malformed, gives a document.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = newsparse::Extractor::new().parse("Kyiv • UNN\nIt rained, he said.")?;
    /// assert_eq!(doc.paragraphs.len(), 2);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn parse(&self, text: &str) -> Result<Document, Error> {
        self.check_size(text)?;
        Ok(self.run(text, Vec::new(), Vec::new()))
    }

    /// Parses one article into `doc`, replacing what it held, and reuses its allocations:
    /// the strings and lists of the document parsed before (mention texts, entity names,
    /// quote texts and rules, the lists of mentions, entities, quotes, paragraphs and
    /// sentences) are filled again rather than freed and allocated anew. Over many articles
    /// this saves 5–8% of the work of [`parse`](Extractor::parse) and dropping its result;
    /// the result is the same document.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] when `text` is longer than [`max_size`](Extractor::max_size);
    /// `doc` is then left as it was.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::Extractor::new();
    /// let mut doc = newsparse::Document::default();
    /// let mut quoted = 0;
    /// for text in ["\"Yes,\" she said.", "No quotes here.", "\"It works,\" he said."] {
    ///     extractor.parse_into(text, &mut doc)?;
    ///     assert_eq!(doc, extractor.parse(text)?);
    ///     quoted += doc.quotes.len();
    /// }
    /// assert_eq!(quoted, 2);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn parse_into(&self, text: &str, doc: &mut Document) -> Result<(), Error> {
        self.check_size(text)?;
        pool::lend(doc, |doc| {
            let (paragraphs, sentences) =
                (std::mem::take(&mut doc.paragraphs), std::mem::take(&mut doc.sentences));
            *doc = self.run(text, paragraphs, sentences);
        });
        Ok(())
    }

    /// [`Error::TooLarge`] when `text` is longer than [`max_size`](Extractor::max_size).
    fn check_size(&self, text: &str) -> Result<(), Error> {
        if text.len() > self.max_size {
            return Err(Error::TooLarge { len: text.len(), max: self.max_size });
        }
        Ok(())
    }

    /// Runs the pipeline on `text`, whose size is checked, filling the emptied lists
    /// `paragraphs` and `sentences`.
    fn run(&self, text: &str, mut paragraphs: Vec<Span>, mut sentences: Vec<Span>) -> Document {
        // split and trimmed once, for the structure and the segmentation both
        // (the lists of lines, segments and cues are the parse's own: the thread keeps them
        // for its next parse)
        let mut lines = scratch::take(&LINES);
        structure::non_blank_lines_into(text, &mut lines);
        let mut structure = structure::analyze_lines(text, &lines);
        let segments = segment::segment_lines(text, &lines, &structure);
        let (entities, found) =
            entities::find(text, &lines, &structure, &segments, &self.gazetteer);
        scratch::give(&LINES, lines);
        let mut cues = scratch::take(&CUES);
        quotes::cues::scan_into(text, &mut cues);
        let mut quotes = quotes::find(text, &structure, &segments, &cues);
        attribution::resolve(text, &self.gazetteer, &entities, found, &cues, &mut quotes);
        scratch::give(&CUES, cues);
        quotes::link_teasers(&mut structure, &quotes);
        paragraphs.extend(segments.paragraphs.iter().map(|p| p.span));
        sentences.extend(segments.sentences.iter().map(|s| s.span));
        segments.keep();
        Document {
            schema_version: SCHEMA_VERSION,
            paragraphs,
            sentences,
            structure,
            entities,
            quotes,
        }
    }

    /// Parses many articles in parallel on `threads` threads (rayon's global pool, one
    /// thread per core, when `None` or `Some(0)`; `Some(1)` parses on the calling thread). The results
    /// stand in the order of `texts`; a text that fails gives its error in its place.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::Extractor::new();
    /// let texts = ["\"Yes,\" she said.", "No quotes here."];
    /// let docs = extractor.parse_many(&texts, Some(2));
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[0].as_ref().unwrap(), &extractor.parse(texts[0])?);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn parse_many<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: Option<usize>,
    ) -> Vec<Result<Document, Error>> {
        use rayon::prelude::*;
        let run = || texts.par_iter().map(|t| self.parse(t.as_ref())).collect();
        match threads {
            Some(1) => texts.iter().map(|t| self.parse(t.as_ref())).collect(),
            Some(n) if n > 1 => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
                Ok(pool) => pool.install(run),
                Err(_) => run(),
            },
            _ => run(),
        }
    }
}

/// Options for an [`Extractor`].
///
/// # Examples
///
/// ```
/// let mut builder = newsparse::ExtractorBuilder::new();
/// builder.max_size(4096);
/// let extractor = builder.build()?;
/// assert!(extractor.parse(&"x".repeat(5000)).is_err());
/// # Ok::<(), newsparse::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    max_size: usize,
    default_gazetteer: bool,
    files: Vec<PathBuf>,
    gazetteers: Vec<Gazetteer>,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the default options.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::ExtractorBuilder::new().build()?;
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            max_size: DEFAULT_MAX_SIZE,
            default_gazetteer: true,
            files: Vec::new(),
            gazetteers: Vec::new(),
        }
    }

    /// Sets the largest text, in bytes, that the extractor accepts
    /// (default [`DEFAULT_MAX_SIZE`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::Extractor::builder().max_size(10).build()?;
    /// assert!(extractor.parse("short").is_ok());
    /// assert!(extractor.parse("far too long").is_err());
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn max_size(&mut self, bytes: usize) -> &mut ExtractorBuilder {
        self.max_size = bytes;
        self
    }

    /// Adds a gazetteer file, TSV or JSON by its extension (see [`Gazetteer::from_file`]
    /// for the formats). It is read by [`build`](ExtractorBuilder::build); call this as often
    /// as you like. Names in your gazetteers win over the same names in the default one.
    ///
    /// # Examples
    ///
    /// ```
    /// let path = std::env::temp_dir().join("newsparse-doc-gazetteer.tsv");
    /// std::fs::write(&path, "Acme Widgets\torganization\tAcme\n").unwrap();
    /// let extractor = newsparse::Extractor::builder().gazetteer_file(&path).build()?;
    /// let doc = extractor.parse("Acme said it would hire.")?;
    /// assert_eq!(doc.entities[0].name, "Acme Widgets");
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn gazetteer_file(&mut self, path: impl AsRef<Path>) -> &mut ExtractorBuilder {
        self.files.push(path.as_ref().to_owned());
        self
    }

    /// Adds a gazetteer built in code. Names in your gazetteers win over the same names in
    /// the default one.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{EntityKind, Entry, EntryKind, Extractor, Gazetteer};
    /// let mine = Gazetteer::builder().entry(Entry::new("Zorya", EntryKind::Media)).build()?;
    /// let extractor = Extractor::builder().gazetteer(mine).build()?;
    /// let doc = extractor.parse("The report, Zorya said, was late.")?;
    /// assert_eq!(doc.entities[0].kind, EntityKind::Media);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Whether the embedded default gazetteer is used (default `true`). With `false`, only
    /// your gazetteers are: they replace the default.
    ///
    /// # Examples
    ///
    /// ```
    /// let bare = newsparse::Extractor::builder().default_gazetteer(false).build()?;
    /// assert!(bare.parse("He flew to Kyiv.")?.entities.is_empty());
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn default_gazetteer(&mut self, include: bool) -> &mut ExtractorBuilder {
        self.default_gazetteer = include;
        self
    }

    /// The gazetteer the options describe: every file loaded, or an error and nothing.
    fn build_gazetteer(&self) -> Result<Arc<Gazetteer>, Error> {
        if self.files.is_empty() && self.gazetteers.is_empty() {
            return Ok(if self.default_gazetteer {
                default_gazetteer()
            } else {
                Arc::new(Gazetteer::default())
            });
        }
        let mut merged = Gazetteer::default();
        for path in &self.files {
            merged.extend(&Gazetteer::from_file(path)?);
        }
        for g in &self.gazetteers {
            merged.extend(g);
        }
        if self.default_gazetteer {
            merged.extend(&default_gazetteer());
        }
        Ok(Arc::new(merged))
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a gazetteer file cannot be read, [`Error::Gazetteer`] naming the
    /// file and line when one is malformed; nothing is half-loaded.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = newsparse::Extractor::builder().build()?;
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn build(&self) -> Result<Extractor, Error> {
        Ok(Extractor { max_size: self.max_size, gazetteer: self.build_gazetteer()? })
    }
}
