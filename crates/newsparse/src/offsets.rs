//! Offsets in code points: converting a [`Document`]'s UTF-8 byte spans to the character
//! (Unicode scalar value) indices that Python's `str`, Java's code-point APIs and most
//! annotation tools count in, and back.
//!
//! [`CharOffsets`] indexes a text once, in one pass, and then answers each conversion in
//! constant time: it records how many characters precede every 64-byte block, so a lookup
//! counts characters in at most one block. Pure-ASCII text needs no table at all.

use crate::document::{
    Boilerplate, Byline, Dateline, Document, Entity, Headline, Mention, Quote, Span, Speaker,
    Structure, Teaser, Text,
};

/// Bytes per block of the index.
const BLOCK: usize = 64;

/// A one-pass index of a text that converts between UTF-8 byte offsets and character
/// (code point) offsets.
///
/// Byte offsets that fall inside a multi-byte character count as that character's start;
/// offsets past the end count as the end.
///
/// # Examples
///
/// ```
/// use newsparse::CharOffsets;
///
/// let text = "« Kyiv » said Zelensky";
/// let offsets = CharOffsets::new(text);
/// let byte = text.find("Kyiv").unwrap();
/// assert_eq!(byte, 3);
/// assert_eq!(offsets.to_char(byte), 2);
/// assert_eq!(offsets.to_byte(2), 3);
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// Characters before each block; empty for ASCII text, where offsets coincide.
    before: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    /// Indexes `text` in one pass.
    ///
    /// # Examples
    ///
    /// ```
    /// let offsets = newsparse::CharOffsets::new("café");
    /// assert_eq!(offsets.char_len(), 4);
    /// ```
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        if text.is_ascii() {
            return CharOffsets { text, before: Vec::new() };
        }
        let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            before.push(count);
            count += char_starts(block);
        }
        CharOffsets { text, before }
    }

    /// The number of characters in the text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(newsparse::CharOffsets::new("“Yes”").char_len(), 5);
    /// ```
    pub fn char_len(&self) -> usize {
        self.to_char(self.text.len())
    }

    /// The character offset of byte offset `byte`.
    ///
    /// # Examples
    ///
    /// ```
    /// let offsets = newsparse::CharOffsets::new("Zoë said");
    /// assert_eq!(offsets.to_char(5), 4); // the space after "Zoë"
    /// ```
    pub fn to_char(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let byte = byte.min(bytes.len());
        if self.before.is_empty() {
            return byte;
        }
        // The end of a text whose length is a multiple of BLOCK falls in the last block.
        let block = (byte / BLOCK).min(self.before.len() - 1);
        self.before[block] + char_starts(&bytes[block * BLOCK..byte])
    }

    /// The byte offset of character offset `ch`.
    ///
    /// # Examples
    ///
    /// ```
    /// let offsets = newsparse::CharOffsets::new("Zoë said");
    /// assert_eq!(offsets.to_byte(4), 5);
    /// assert_eq!(offsets.to_byte(99), 9);
    /// ```
    pub fn to_byte(&self, ch: usize) -> usize {
        if self.before.is_empty() {
            return ch.min(self.text.len());
        }
        let block = self.before.partition_point(|&n| n <= ch).saturating_sub(1);
        let mut left = ch - self.before[block];
        let rest = &self.text.as_bytes()[block * BLOCK..];
        for (i, &b) in rest.iter().enumerate() {
            if is_char_start(b) {
                if left == 0 {
                    return block * BLOCK + i;
                }
                left -= 1;
            }
        }
        self.text.len()
    }

    /// `span` with its byte offsets converted to character offsets.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{CharOffsets, Span};
    /// let offsets = CharOffsets::new("« Oui »");
    /// assert_eq!(offsets.span_to_chars(Span::new(3, 6)), Span::new(2, 5));
    /// ```
    pub fn span_to_chars(&self, span: Span) -> Span {
        Span::new(self.to_char(span.start), self.to_char(span.end))
    }

    /// `span` with its character offsets converted to byte offsets.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{CharOffsets, Span};
    /// let offsets = CharOffsets::new("« Oui »");
    /// assert_eq!(offsets.span_to_bytes(Span::new(2, 5)), Span::new(3, 6));
    /// ```
    pub fn span_to_bytes(&self, span: Span) -> Span {
        Span::new(self.to_byte(span.start), self.to_byte(span.end))
    }
}

fn is_char_start(b: u8) -> bool {
    // Continuation bytes are 0b10xx_xxxx.
    (b as i8) >= -0x40
}

fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

impl Document {
    /// A copy of this document, parsed from `text`, with every span counted in characters
    /// (code points) instead of bytes: the offsets Python's `str` indexes by.
    ///
    /// The copy's spans no longer index `text` as bytes, so [`Span::text`] does not apply to
    /// it; its `text` fields are unchanged. [`to_byte_offsets`](Document::to_byte_offsets)
    /// converts back.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "« Nous sommes prêts », a déclaré Zoë. \"We are ready,\" said Zoë.";
    /// let doc = newsparse::parse(text)?;
    /// let chars = doc.to_char_offsets(text);
    /// let q = &chars.quotes[0];
    /// let content: String =
    ///     text.chars().skip(q.content.start).take(q.content.len()).collect();
    /// assert_eq!(content, q.text);
    /// assert_eq!(chars.to_byte_offsets(text), doc);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn to_char_offsets(&self, text: &str) -> Document {
        let offsets = CharOffsets::new(text);
        let mut doc = self.clone();
        map_document(&mut doc, &mut |s| offsets.span_to_chars(s));
        doc
    }

    /// A copy of this document, whose spans count characters in `text`, with every span
    /// counted in UTF-8 bytes again: the inverse of
    /// [`to_char_offsets`](Document::to_char_offsets).
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "“Ready,” said Zoë.";
    /// let doc = newsparse::parse(text)?;
    /// assert_eq!(doc.to_char_offsets(text).to_byte_offsets(text), doc);
    /// # Ok::<(), newsparse::Error>(())
    /// ```
    pub fn to_byte_offsets(&self, text: &str) -> Document {
        let offsets = CharOffsets::new(text);
        let mut doc = self.clone();
        map_document(&mut doc, &mut |s| offsets.span_to_bytes(s));
        doc
    }
}

/// Applies `f` to every span of `doc`. The destructuring lists every field, so a field added
/// to the document model fails to compile here until it is mapped.
fn map_document(doc: &mut Document, f: &mut impl FnMut(Span) -> Span) {
    let Document { schema_version: _, structure, paragraphs, sentences, entities, quotes } = doc;
    map_structure(structure, f);
    paragraphs.iter_mut().chain(sentences.iter_mut()).for_each(|s| *s = f(*s));
    for Entity { id: _, name: _, kind: _, mentions, role: _, affiliation: _ } in entities {
        for Mention { span, text: _, region: _ } in mentions {
            *span = f(*span);
        }
    }
    for Quote { content, text: _, kind: _, cue, speaker, region: _, rule: _ } in quotes {
        *content = f(*content);
        map_opt(cue, f);
        if let Some(speaker) = speaker {
            let Speaker { mention, .. } = speaker;
            map_opt(mention, f);
        }
    }
}

fn map_structure(structure: &mut Structure, f: &mut impl FnMut(Span) -> Span) {
    let Structure { headline, dateline, byline, subheads, lede, boilerplate } = structure;
    if let Some(Headline { span, text, source, deck }) = headline {
        *span = f(*span);
        map_text(text, f);
        source.iter_mut().chain(deck).for_each(|t| map_text(t, f));
    }
    if let Some(Dateline { span, place, outlet, date }) = dateline {
        *span = f(*span);
        [place, outlet, date].into_iter().flatten().for_each(|t| map_text(t, f));
    }
    if let Some(Byline { span, authors }) = byline {
        *span = f(*span);
        authors.iter_mut().for_each(|t| map_text(t, f));
    }
    subheads.iter_mut().for_each(|t| map_text(t, f));
    map_opt(lede, f);
    for Boilerplate { span, text: _, kind: _, teaser, rule: _ } in boilerplate {
        *span = f(*span);
        if let Some(Teaser { headline, published, views: _, quote: _ }) = teaser {
            map_text(headline, f);
            published.iter_mut().for_each(|t| map_text(t, f));
        }
    }
}

fn map_text(text: &mut Text, f: &mut impl FnMut(Span) -> Span) {
    text.span = f(text.span);
}

fn map_opt(span: &mut Option<Span>, f: &mut impl FnMut(Span) -> Span) {
    if let Some(s) = span {
        *s = f(*s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character offset of every byte offset, the slow way.
    fn naive(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(i, _)| i < byte).count()
    }

    #[test]
    fn agrees_with_char_indices_across_blocks() {
        let text = "« Guarantees », said Zoë — “we need them” 🇺🇦. ".repeat(9);
        let offsets = CharOffsets::new(&text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.to_char(byte), ch, "byte {byte}");
            assert_eq!(offsets.to_byte(ch), byte, "char {ch}");
        }
        assert_eq!(offsets.char_len(), text.chars().count());
        assert_eq!(offsets.to_byte(offsets.char_len()), text.len());
    }

    #[test]
    fn byte_inside_a_character_counts_as_its_start() {
        let text = "é".repeat(40);
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.to_char(3), naive(&text, 3));
        assert_eq!(offsets.to_char(1000), 40);
    }

    #[test]
    fn end_of_a_text_of_whole_blocks() {
        let text = "é".repeat(BLOCK); // two blocks exactly
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.char_len(), BLOCK);
        assert_eq!(offsets.to_byte(BLOCK), text.len());
    }

    #[test]
    fn empty_and_ascii_texts() {
        assert_eq!(CharOffsets::new("").to_char(5), 0);
        assert_eq!(CharOffsets::new("").to_byte(5), 0);
        assert_eq!(CharOffsets::new("abc").to_byte(2), 2);
    }

    #[test]
    fn every_span_of_a_document_is_mapped() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/ukraine-guarantees.txt"
        ))
        .unwrap();
        let doc = crate::parse(&text).unwrap();
        let chars = doc.to_char_offsets(&text);
        let offsets = CharOffsets::new(&text);
        for (b, c) in doc.sentences.iter().zip(&chars.sentences) {
            assert_eq!(offsets.span_to_chars(*b), *c);
        }
        assert_eq!(chars.to_byte_offsets(&text), doc);
    }
}
