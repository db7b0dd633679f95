//! The pipeline's stages one at a time, for the benchmarks in `benches/parse.rs`.
//!
//! Hidden from the documentation and not a stable API: it exists so that a benchmark can
//! time one stage on the intermediate results of the stages before it.

use crate::document::{Entity, Quote, Span, Structure};
use crate::extractor::Extractor;
use crate::quotes::cues::{self, Cue};
use crate::segment::{self, Segments};
use crate::{attribution, entities, quotes, structure};

/// One text with the output of every stage kept, so each stage can run again on its own.
///
/// # Examples
///
/// ```
/// let extractor = newsparse::Extractor::new();
/// let stages = newsparse::Stages::new(&extractor, "\"Yes,\" said Patrick Turner in Kyiv.");
/// assert_eq!(stages.quotes(), 1);
/// assert_eq!(stages.entities(), 2);
/// ```
#[doc(hidden)]
pub struct Stages<'a> {
    extractor: &'a Extractor,
    text: &'a str,
    structure: Structure,
    segments: Segments,
    entities: Vec<Entity>,
    /// The entities' mentions in the order they were found, for attribution.
    found: Vec<(Span, usize)>,
    cues: Vec<Cue>,
    quotes: Vec<Quote>,
}

impl<'a> Stages<'a> {
    /// Runs every stage over `text` once and keeps what each one gives.
    pub fn new(extractor: &'a Extractor, text: &'a str) -> Stages<'a> {
        let structure = structure::analyze(text);
        let segments = segment::segment(text, &structure);
        let lines = structure::non_blank_lines(text);
        let (entities, found) =
            entities::find(text, &lines, &structure, &segments, extractor.gazetteer());
        let cues = cues::scan(text);
        let quotes = quotes::find(text, &structure, &segments, &cues);
        Stages { extractor, text, structure, segments, entities, found, cues, quotes }
    }

    /// Article structure (headline, dateline, boilerplate): the number of boilerplate blocks.
    pub fn structure(&self) -> usize {
        structure::analyze(self.text).boilerplate.len()
    }

    /// Paragraphs and sentences: the number of sentences.
    pub fn segment(&self) -> usize {
        segment::segment(self.text, &self.structure).sentences.len()
    }

    /// Entities (names, clustering, roles): the number of entities.
    pub fn entities(&self) -> usize {
        // (the lines are split here, as the entity stage split them itself before it shared
        // the structure's)
        let lines = structure::non_blank_lines(self.text);
        let gaz = self.extractor.gazetteer();
        let (entities, found) =
            entities::find(self.text, &lines, &self.structure, &self.segments, gaz);
        // given back as attribution gives it back in a parse
        crate::scratch::give(&entities::MENTIONS, found);
        entities.len()
    }

    /// The cue-word scan: the number of cues.
    pub fn cues(&self) -> usize {
        cues::scan(self.text).len()
    }

    /// The quote finders (direct, indirect, headline) on the cues: the number of quotes.
    pub fn quotes(&self) -> usize {
        quotes::find(self.text, &self.structure, &self.segments, &self.cues).len()
    }

    /// Speaker resolution, on a copy of the quotes: the number of quotes with a speaker.
    pub fn attribution(&self) -> usize {
        let mut quotes = self.quotes.clone();
        let gaz = self.extractor.gazetteer();
        let found = self.found.clone();
        attribution::resolve(self.text, gaz, &self.entities, found, &self.cues, &mut quotes);
        quotes.iter().filter(|q| q.speaker.is_some()).count()
    }
}
