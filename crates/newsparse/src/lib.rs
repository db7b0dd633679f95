/*!
newsparse reads the text of an English news article and says **who said what**: the quotes it
carries, who said each one, the people, organisations, places and outlets it names, and its
structure (headline, dateline, subheads, and the boilerplate that is not article text).

It works by rules and Aho-Corasick gazetteers, with no machine-learning runtime: every result
is deterministic and names the rule that produced it.

# Overview

* [`Extractor`] is the primary type. Build it once with [`Extractor::new`] (the embedded
  default) or [`Extractor::builder`] (options), then call [`Extractor::parse`] on each text.
  It is `Send + Sync`.
* [`parse`] parses one text with a lazily built default extractor.
* [`Document`] is what parsing returns: [`Structure`], paragraph and sentence [`Span`]s,
  [`Entity`]s and [`Quote`]s with their [`Speaker`]s. All of it is serde-serialisable.
* [`Span`]s are UTF-8 byte offsets into the text you passed in; [`CharOffsets`] and
  [`Document::to_char_offsets`] convert them to character (code point) offsets.
* [`Extractor::parse_many`] parses many texts in parallel; [`Extractor::parse_into`] parses
  into a document you keep, reusing its allocations; [`to_html`] renders a document with its
  quotes, speakers and entities marked.
* [`Gazetteer`] holds known names (built in code with [`Gazetteer::builder`] or loaded from
  TSV or JSON); an embedded default covers countries, cities, organisations, outlets,
  titles and given names, and [`ExtractorBuilder::gazetteer_file`] adds your own.

# Example

```
let text = "\"To avoid a renewal of war, we need sufficiently credible guarantees,\" \
            said Patrick Turner, NATO's senior representative to Ukraine.";
let doc = newsparse::parse(text)?;
let quote = &doc.quotes[0];
assert_eq!(quote.content.text(text),
           "To avoid a renewal of war, we need sufficiently credible guarantees");
assert_eq!(quote.speaker.as_ref().unwrap().name.as_deref(), Some("Patrick Turner"));
# Ok::<(), newsparse::Error>(())
```
*/

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod attribution;
mod chars;
mod document;
mod entities;
mod error;
mod extractor;
mod gazetteer;
mod html;
mod offsets;
mod pool;
mod quotes;
mod scratch;
mod search;
mod segment;
mod stages;
mod structure;

use std::sync::OnceLock;

pub use crate::document::{
    Boilerplate, BoilerplateKind, Byline, Dateline, Document, Entity, EntityKind, Headline,
    Mention, Quote, QuoteKind, Region, SCHEMA_VERSION, SourceKind, Span, Speaker, Structure,
    Teaser, Text,
};
pub use crate::error::Error;
pub use crate::extractor::{DEFAULT_MAX_SIZE, Extractor, ExtractorBuilder};
pub use crate::gazetteer::{Entry, EntryKind, Gazetteer, GazetteerBuilder, Match};
pub use crate::html::{to_html, to_html_page};
pub use crate::offsets::CharOffsets;
#[doc(hidden)]
pub use crate::stages::Stages;

/// Parses one article with the default extractor, built on first use and shared after.
///
/// # Errors
///
/// [`Error::TooLarge`] when `text` is longer than [`DEFAULT_MAX_SIZE`].
///
/// # Examples
///
/// ```
/// let doc = newsparse::parse("\"It is over,\" she said.")?;
/// assert_eq!(doc.quotes.len(), 1);
/// # Ok::<(), newsparse::Error>(())
/// ```
pub fn parse(text: &str) -> Result<Document, Error> {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(Extractor::new).parse(text)
}

/// The README's examples, run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
