//! The document handle: a parsed article that owns every string its accessors lend out.

use std::ffi::{CString, c_char};

use newsparse::{Document, Entity, Error, Extractor, Quote};

use crate::ptr::{Out, take, try_ref};
use crate::status::{Failure, boundary, boundary_or, newsparse_status};
use crate::views::{
    NEWSPARSE_NO_ENTITY, newsparse_entity, newsparse_mention, newsparse_quote,
    newsparse_source_kind, newsparse_str,
};

/// Where one string stands in a document's arena.
#[derive(Clone, Copy, Debug)]
struct Slot {
    start: usize,
    len: usize,
}

/// The strings of one quote.
#[derive(Debug)]
struct QuoteSlots {
    content: Slot,
    cue: Option<Slot>,
    speaker_text: Option<Slot>,
    speaker_name: Option<Slot>,
    speaker_description: Option<Slot>,
    rule: Slot,
}

/// The strings of one entity.
#[derive(Debug)]
struct EntitySlots {
    name: Slot,
    role: Option<Slot>,
    affiliation: Option<Slot>,
    mentions: Vec<Slot>,
}

/// A parsed article (opaque). Made by `newsparse_extractor_parse`, freed with
/// `newsparse_document_free`. It owns a copy of the text and NUL-terminated copies of every
/// string its accessors return, so those views live as long as the document, or until
/// `newsparse_extractor_parse_into` parses another text into it. Nothing else modifies a
/// document: several threads may read one at once.
#[derive(Debug)]
pub struct newsparse_document {
    document: Document,
    /// Every string, each followed by a NUL byte. Changed only when another text is parsed
    /// into the document, so pointers into it stay valid until then.
    arena: Vec<u8>,
    text: Slot,
    quotes: Vec<QuoteSlots>,
    entities: Vec<EntitySlots>,
}

/// Collects strings, each NUL-terminated, into one buffer.
#[derive(Default)]
struct Arena(Vec<u8>);

impl Arena {
    fn push(&mut self, s: &str) -> Slot {
        let slot = Slot { start: self.0.len(), len: s.len() };
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(0);
        slot
    }

    fn push_opt(&mut self, s: Option<&str>) -> Option<Slot> {
        s.map(|s| self.push(s))
    }
}

impl QuoteSlots {
    fn new(arena: &mut Arena, text: &str, quote: &Quote) -> QuoteSlots {
        let speaker = quote.speaker.as_ref();
        QuoteSlots {
            content: arena.push(&quote.text),
            cue: arena.push_opt(quote.cue.map(|c| c.text(text))),
            speaker_text: arena.push_opt(speaker.and_then(|s| mention_text(s, text))),
            speaker_name: arena.push_opt(speaker.and_then(|s| s.name.as_deref())),
            speaker_description: arena.push_opt(speaker.and_then(|s| s.description.as_deref())),
            rule: arena.push(&quote.rule),
        }
    }
}

/// The text of the mention naming `speaker`, if any.
fn mention_text<'a>(speaker: &'a newsparse::Speaker, text: &'a str) -> Option<&'a str> {
    speaker.text.as_deref().or_else(|| speaker.mention.map(|m| m.text(text)))
}

impl EntitySlots {
    fn new(arena: &mut Arena, entity: &Entity) -> EntitySlots {
        EntitySlots {
            name: arena.push(&entity.name),
            role: arena.push_opt(entity.role.as_deref()),
            affiliation: arena.push_opt(entity.affiliation.as_deref()),
            mentions: entity.mentions.iter().map(|m| arena.push(&m.text)).collect(),
        }
    }

    /// The slots of `entity`, in these slots' list of mentions.
    fn refill(&mut self, arena: &mut Arena, entity: &Entity) {
        self.name = arena.push(&entity.name);
        self.role = arena.push_opt(entity.role.as_deref());
        self.affiliation = arena.push_opt(entity.affiliation.as_deref());
        self.mentions.clear();
        self.mentions.extend(entity.mentions.iter().map(|m| arena.push(&m.text)));
    }
}

impl newsparse_document {
    /// The handle for `document`, parsed from `text`.
    pub(crate) fn new(text: &str, document: Document) -> newsparse_document {
        let text_slot = Slot { start: 0, len: 0 };
        let (quotes, entities) = (Vec::new(), Vec::new());
        let mut handle =
            newsparse_document { document, arena: Vec::new(), text: text_slot, quotes, entities };
        handle.fill(text);
        handle
    }

    /// Parses `text` into this document with `extractor`, reusing its allocations (the
    /// document's and the arena's); on failure the document is left as it was.
    pub(crate) fn reparse(&mut self, extractor: &Extractor, text: &str) -> Result<(), Error> {
        extractor.parse_into(text, &mut self.document)?;
        self.fill(text);
        Ok(())
    }

    /// Copies `text` and the document's strings into the arena, emptied first, and notes
    /// where each stands; the lists of slots are refilled in place.
    fn fill(&mut self, text: &str) {
        let mut arena = Arena(std::mem::take(&mut self.arena));
        arena.0.clear();
        self.text = arena.push(text);
        let doc = &self.document;
        self.quotes.clear();
        self.quotes.extend(doc.quotes.iter().map(|q| QuoteSlots::new(&mut arena, text, q)));
        // an entity's slots keep their list of mentions for the next entity in their place
        self.entities.truncate(doc.entities.len());
        for (i, e) in doc.entities.iter().enumerate() {
            match self.entities.get_mut(i) {
                Some(slots) => slots.refill(&mut arena, e),
                None => self.entities.push(EntitySlots::new(&mut arena, e)),
            }
        }
        self.arena = arena.0;
    }

    /// The view of `slot`.
    fn str(&self, slot: Slot) -> newsparse_str {
        newsparse_str { data: self.arena[slot.start..].as_ptr().cast(), len: slot.len }
    }

    /// The view of `slot`, or the absent view.
    fn opt(&self, slot: Option<Slot>) -> newsparse_str {
        slot.map_or(newsparse_str::NONE, |slot| self.str(slot))
    }

    /// The view of quote `index`.
    fn quote(&self, index: usize) -> Result<newsparse_quote, Failure> {
        let quote = self.document.quotes.get(index).ok_or_else(|| out_of_range("quote", index))?;
        let slots = &self.quotes[index];
        let speaker = quote.speaker.as_ref();
        Ok(newsparse_quote {
            kind: quote.kind.into(),
            region: quote.region.into(),
            content: quote.content.into(),
            content_text: self.str(slots.content),
            cue: quote.cue.map(Into::into).unwrap_or_default(),
            cue_text: self.opt(slots.cue),
            has_speaker: speaker.is_some(),
            speaker_kind: speaker.map_or(newsparse_source_kind::Unknown, |s| s.kind.into()),
            speaker_mention: speaker.and_then(|s| s.mention).map(Into::into).unwrap_or_default(),
            speaker_text: self.opt(slots.speaker_text),
            speaker_name: self.opt(slots.speaker_name),
            speaker_description: self.opt(slots.speaker_description),
            speaker_entity: speaker.and_then(|s| s.entity).unwrap_or(NEWSPARSE_NO_ENTITY),
            rule: self.str(slots.rule),
        })
    }

    /// The view of entity `index`.
    fn entity(&self, index: usize) -> Result<newsparse_entity, Failure> {
        let entity =
            self.document.entities.get(index).ok_or_else(|| out_of_range("entity", index))?;
        let slots = &self.entities[index];
        Ok(newsparse_entity {
            kind: entity.kind.into(),
            name: self.str(slots.name),
            role: self.opt(slots.role),
            affiliation: self.opt(slots.affiliation),
            mention_count: entity.mentions.len(),
        })
    }

    /// The view of mention `mention` of entity `entity`.
    fn mention(&self, entity: usize, mention: usize) -> Result<newsparse_mention, Failure> {
        let e = self.document.entities.get(entity).ok_or_else(|| out_of_range("entity", entity))?;
        let m = e.mentions.get(mention).ok_or_else(|| out_of_range("mention", mention))?;
        let text = self.str(self.entities[entity].mentions[mention]);
        Ok(newsparse_mention { span: m.span.into(), text, region: m.region.into() })
    }
}

/// The failure for an index past the end.
fn out_of_range(what: &str, index: usize) -> Failure {
    Failure::new(newsparse_status::OutOfRange, format!("there is no {what} {index}"))
}

/// Writes to `*out` a view of the whole parsed text (a copy the document owns). The view is
/// valid until `document` is freed. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER`.
///
/// # Safety
///
/// `document` is NULL or a live document; `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_text(
    document: *const newsparse_document,
    out: *mut newsparse_str,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (doc, out) = unsafe { (try_ref(document, "document")?, Out::new(out, "out")?) };
        out.write(doc.str(doc.text));
        Ok(())
    })
}

/// The number of quotes in `document`, 0 when `document` is NULL.
///
/// # Safety
///
/// `document` is NULL or a live document.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_quote_count(
    document: *const newsparse_document,
) -> usize {
    // SAFETY: `document` is NULL or a live document by this function's contract.
    boundary_or(0, || unsafe { document.as_ref() }.map_or(0, |d| d.document.quotes.len()))
}

/// Writes quote `index` (counting from 0, in text order) of `document` to `*out`. Its strings
/// are owned by the document and valid until the document is freed. Fails with
/// `NEWSPARSE_STATUS_NULL_PARAMETER` or `NEWSPARSE_STATUS_OUT_OF_RANGE`; `*out` is written only
/// on success.
///
/// # Safety
///
/// `document` is NULL or a live document; `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_quote(
    document: *const newsparse_document,
    index: usize,
    out: *mut newsparse_quote,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (doc, out) = unsafe { (try_ref(document, "document")?, Out::new(out, "out")?) };
        out.write(doc.quote(index)?);
        Ok(())
    })
}

/// The number of entities in `document`, 0 when `document` is NULL.
///
/// # Safety
///
/// `document` is NULL or a live document.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_entity_count(
    document: *const newsparse_document,
) -> usize {
    // SAFETY: `document` is NULL or a live document by this function's contract.
    boundary_or(0, || unsafe { document.as_ref() }.map_or(0, |d| d.document.entities.len()))
}

/// Writes entity `index` (counting from 0; a quote's `speaker_entity` is such an index) of
/// `document` to `*out`. Its strings are owned by the document and valid until the document
/// is freed. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER` or `NEWSPARSE_STATUS_OUT_OF_RANGE`;
/// `*out` is written only on success.
///
/// # Safety
///
/// `document` is NULL or a live document; `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_entity(
    document: *const newsparse_document,
    index: usize,
    out: *mut newsparse_entity,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (doc, out) = unsafe { (try_ref(document, "document")?, Out::new(out, "out")?) };
        out.write(doc.entity(index)?);
        Ok(())
    })
}

/// Writes mention `mention` (counting from 0, in text order; fewer than the entity's
/// `mention_count`) of entity `entity` to `*out`. Its string is owned by the document and
/// valid until the document is freed. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER` or
/// `NEWSPARSE_STATUS_OUT_OF_RANGE`; `*out` is written only on success.
///
/// # Safety
///
/// `document` is NULL or a live document; `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_entity_mention(
    document: *const newsparse_document,
    entity: usize,
    mention: usize,
    out: *mut newsparse_mention,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (doc, out) = unsafe { (try_ref(document, "document")?, Out::new(out, "out")?) };
        out.write(doc.mention(entity, mention)?);
        Ok(())
    })
}

/// Writes the whole document as a NUL-terminated JSON string (the schema of the Rust crate's
/// `Document`, with `schema_version`) to `*out_json`. The caller owns the string and frees it
/// with `newsparse_string_free`; it does not depend on the document, which may be freed first.
/// Fails with `NEWSPARSE_STATUS_NULL_PARAMETER`; `*out_json` is written only on success.
///
/// # Safety
///
/// `document` is NULL or a live document; `out_json` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_to_json(
    document: *const newsparse_document,
    out_json: *mut *mut c_char,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (doc, out) =
            unsafe { (try_ref(document, "document")?, Out::new(out_json, "out_json")?) };
        let json = serde_json::to_string(&doc.document)
            .map_err(|e| Failure::new(newsparse_status::Other, e.to_string()))?;
        let json =
            CString::new(json).map_err(|e| Failure::new(newsparse_status::Other, e.to_string()))?;
        out.write(json.into_raw());
        Ok(())
    })
}

/// Frees a document and every view borrowed from it. NULL is accepted and ignored.
///
/// # Safety
///
/// `document` is NULL or a document from `newsparse_extractor_parse` not freed before; no
/// view borrowed from it is used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_document_free(document: *mut newsparse_document) {
    // SAFETY: `document` is NULL or came from `to_c` and is not used again, by the contract.
    boundary_or((), || drop(unsafe { take(document) }));
}

/// Frees a string returned by newsparse (`newsparse_document_to_json`). NULL is accepted and
/// ignored.
///
/// # Safety
///
/// `s` is NULL or a string returned by newsparse that was not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: `s` came from `CString::into_raw` in this library and was not freed before,
        // by the contract.
        boundary_or((), || drop(unsafe { CString::from_raw(s) }));
    }
}
