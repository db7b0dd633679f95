//! The plain C types the accessors fill in: borrowed string views, spans, enums for kinds,
//! and one struct per quote, entity and mention.

use std::ffi::c_char;

use newsparse::{EntityKind, QuoteKind, Region, SourceKind, Span};

/// A borrowed view of UTF-8 text: `len` bytes at `data`, followed by a NUL byte at
/// `data[len]` so that it can also be used as a C string (the text itself may contain NUL
/// bytes if the input did). `data` is NULL, and `len` 0, when the value is absent. The bytes
/// are owned by the document they came from and valid until it is freed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct newsparse_str {
    /// The first byte, or NULL when absent.
    pub data: *const c_char,
    /// The number of bytes, not counting the terminating NUL.
    pub len: usize,
}

impl newsparse_str {
    /// The absent value.
    pub(crate) const NONE: newsparse_str = newsparse_str { data: std::ptr::null(), len: 0 };
}

/// A half-open range `[start, end)` of UTF-8 byte offsets into the parsed text. `{0, 0}` when
/// the value it belongs to is absent.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct newsparse_span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl From<Span> for newsparse_span {
    fn from(span: Span) -> newsparse_span {
        newsparse_span { start: span.start, end: span.end }
    }
}

/// The `speaker_entity` of a quote whose speaker is not a known entity; the header defines
/// it as `SIZE_MAX` (cbindgen.toml's `after_includes`).
pub(crate) const NEWSPARSE_NO_ENTITY: usize = usize::MAX;

/// What kind of quote or attribution a quote is.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum newsparse_quote_kind {
    /// Words in quotation marks.
    Direct = 0,
    /// Reported speech without quotation marks ("she said that …").
    Indirect = 1,
    /// Reported speech with a quoted fragment inside.
    Mixed = 2,
    /// A headline quote ("Zelensky: US must …").
    Headline = 3,
    /// An attribution of belief, intention or knowledge rather than speech.
    Belief = 4,
    /// A kind newer than this header.
    Other = 255,
}

impl From<QuoteKind> for newsparse_quote_kind {
    fn from(kind: QuoteKind) -> newsparse_quote_kind {
        match kind {
            QuoteKind::Direct => newsparse_quote_kind::Direct,
            QuoteKind::Indirect => newsparse_quote_kind::Indirect,
            QuoteKind::Mixed => newsparse_quote_kind::Mixed,
            QuoteKind::Headline => newsparse_quote_kind::Headline,
            QuoteKind::Belief => newsparse_quote_kind::Belief,
            _ => newsparse_quote_kind::Other,
        }
    }
}

/// What kind of thing an entity is.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum newsparse_entity_kind {
    /// A person.
    Person = 0,
    /// An organisation: a company, government body, international organisation or party.
    Organization = 1,
    /// A place: a country, region or city.
    Place = 2,
    /// A news outlet or agency.
    Media = 3,
    /// A group named by nationality or affiliation ("Europeans").
    Group = 4,
    /// A kind newer than this header.
    Other = 255,
}

impl From<EntityKind> for newsparse_entity_kind {
    fn from(kind: EntityKind) -> newsparse_entity_kind {
        match kind {
            EntityKind::Person => newsparse_entity_kind::Person,
            EntityKind::Organization => newsparse_entity_kind::Organization,
            EntityKind::Place => newsparse_entity_kind::Place,
            EntityKind::Media => newsparse_entity_kind::Media,
            EntityKind::Group => newsparse_entity_kind::Group,
            _ => newsparse_entity_kind::Other,
        }
    }
}

/// What kind of source a speaker is.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum newsparse_source_kind {
    /// A named person.
    Person = 0,
    /// A named organisation.
    Organization = 1,
    /// A news outlet or agency.
    Media = 2,
    /// An unnamed source ("a senior official").
    Anonymous = 3,
    /// A group ("European allies").
    Group = 4,
    /// A source newsparse could not type, or a kind newer than this header.
    Unknown = 5,
}

impl From<SourceKind> for newsparse_source_kind {
    fn from(kind: SourceKind) -> newsparse_source_kind {
        match kind {
            SourceKind::Person => newsparse_source_kind::Person,
            SourceKind::Organization => newsparse_source_kind::Organization,
            SourceKind::Media => newsparse_source_kind::Media,
            SourceKind::Anonymous => newsparse_source_kind::Anonymous,
            SourceKind::Group => newsparse_source_kind::Group,
            _ => newsparse_source_kind::Unknown,
        }
    }
}

/// Where in the article a piece of text stands.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum newsparse_region {
    /// The headline.
    Headline = 0,
    /// The dateline.
    Dateline = 1,
    /// The byline.
    Byline = 2,
    /// A subhead inside the article.
    Subhead = 3,
    /// Article body text.
    Body = 4,
    /// Text that is not article text (teasers, share prompts, photo credits).
    Boilerplate = 5,
    /// A region newer than this header.
    Other = 255,
}

impl From<Region> for newsparse_region {
    fn from(region: Region) -> newsparse_region {
        match region {
            Region::Headline => newsparse_region::Headline,
            Region::Dateline => newsparse_region::Dateline,
            Region::Byline => newsparse_region::Byline,
            Region::Subhead => newsparse_region::Subhead,
            Region::Body => newsparse_region::Body,
            Region::Boilerplate => newsparse_region::Boilerplate,
            _ => newsparse_region::Other,
        }
    }
}

/// One quote or attribution, as filled in by `newsparse_document_quote`. Every string and
/// span in it is borrowed from the document and valid until the document is freed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct newsparse_quote {
    /// What kind of quote it is.
    pub kind: newsparse_quote_kind,
    /// Where in the article it stands.
    pub region: newsparse_region,
    /// What was said, without quotation marks.
    pub content: newsparse_span,
    /// The content's text.
    pub content_text: newsparse_str,
    /// The cue that introduces it ("said", "according to", a headline colon).
    pub cue: newsparse_span,
    /// The cue's text; `data` is NULL when there is no cue.
    pub cue_text: newsparse_str,
    /// Whether newsparse found a speaker. When false, the `speaker_*` fields are absent:
    /// NULL strings, `{0, 0}` spans, `NEWSPARSE_SOURCE_KIND_UNKNOWN`, `NEWSPARSE_NO_ENTITY`.
    pub has_speaker: bool,
    /// What kind of source the speaker is.
    pub speaker_kind: newsparse_source_kind,
    /// The mention nearest the quote that names the speaker ("he", "Patrick Turner").
    pub speaker_mention: newsparse_span,
    /// The mention's text; `data` is NULL when the text has no mention.
    pub speaker_text: newsparse_str,
    /// Who the speaker is, resolved ("Patrick Turner" for "he"); NULL when unresolved.
    pub speaker_name: newsparse_str,
    /// For an anonymous source, its description ("senior European government official").
    pub speaker_description: newsparse_str,
    /// The speaker's index among the document's entities, or `NEWSPARSE_NO_ENTITY`.
    pub speaker_entity: usize,
    /// The name of the rule that found the quote.
    pub rule: newsparse_str,
}

/// A person, organisation, place, outlet or group, as filled in by `newsparse_document_entity`.
/// Its strings are borrowed from the document and valid until the document is freed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct newsparse_entity {
    /// What kind of thing it is.
    pub kind: newsparse_entity_kind,
    /// The canonical name ("Donald Trump" for "Trump").
    pub name: newsparse_str,
    /// A role read from the article ("President"); NULL when none.
    pub role: newsparse_str,
    /// An affiliation read from the article ("NATO"); NULL when none.
    pub affiliation: newsparse_str,
    /// How many mentions it has; read them with `newsparse_document_entity_mention`.
    pub mention_count: usize,
}

/// One mention of an entity, as filled in by `newsparse_document_entity_mention`. Its string
/// is borrowed from the document and valid until the document is freed.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct newsparse_mention {
    /// Where the mention stands.
    pub span: newsparse_span,
    /// The mention's text.
    pub text: newsparse_str,
    /// Where in the article it stands.
    pub region: newsparse_region,
}
