//! Segmentation of article text into paragraphs, sentences and quoted passages.

use crate::document::{Region, Span, Structure};
use crate::structure::lines;

/// A paragraph of article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The paragraph, without surrounding white space.
    pub(crate) span: Span,
    /// Where it stands.
    pub(crate) region: Region,
}

/// A sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// The sentence, without surrounding white space.
    pub(crate) span: Span,
    /// The index of its paragraph in [`Segments::paragraphs`].
    pub(crate) paragraph: usize,
}

/// A passage between a pair of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The opening mark.
    pub(crate) open: Span,
    /// The closing mark; `None` when the passage runs unclosed to the end of its paragraph.
    pub(crate) close: Option<Span>,
    /// The text between the marks.
    pub(crate) content: Span,
    /// The index of its paragraph in [`Segments::paragraphs`].
    pub(crate) paragraph: usize,
}

/// The segments of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Segments {
    /// Paragraphs of article text, boilerplate left out.
    pub(crate) paragraphs: Vec<Paragraph>,
    /// Sentences, in text order.
    pub(crate) sentences: Vec<Sentence>,
    /// Quoted passages, in text order.
    pub(crate) quoted: Vec<Quoted>,
}

/// Splits `text` into segments, given its structure.
pub(crate) fn segment(text: &str, structure: &Structure) -> Segments {
    let mut segments = Segments::default();
    for line in lines(text) {
        let span = trim(text, line);
        if span.is_empty() {
            continue;
        }
        let region = region_of(structure, span);
        let paragraph = segments.paragraphs.len();
        segments.paragraphs.push(Paragraph { span, region });
        sentences(text, span, paragraph, &mut segments.sentences);
        quoted(text, span, paragraph, &mut segments.quoted);
    }
    segments
}

fn region_of(structure: &Structure, span: Span) -> Region {
    if structure.headline.as_ref().is_some_and(|h| h.span.contains(span)) {
        Region::Headline
    } else if structure.dateline.as_ref().is_some_and(|d| d.span.contains(span)) {
        Region::Dateline
    } else {
        Region::Body
    }
}

/// `span` without leading and trailing white space.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Sgt", "St", "Jr", "Sr",
    "Inc", "Ltd", "Co", "Corp", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "vs", "Prof", "Rev",
];

/// Splits the paragraph `para` into sentences: a sentence ends at `.`, `!` or `?` (and any
/// closing quotation marks) followed by white space, unless the full stop ends an
/// abbreviation or an initial.
fn sentences(text: &str, para: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = para.text(text);
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if !matches!(b, b'.' | b'!' | b'?') || (b == b'.' && is_abbreviation(&s[start..i - 1])) {
            continue;
        }
        let mut end = i;
        while let Some(c) = s[end..].chars().next().filter(|c| is_closing(*c)) {
            end += c.len_utf8();
        }
        if s[end..].starts_with(char::is_whitespace) {
            push_sentence(text, para.start + start, para.start + end, paragraph, out);
            start = end;
            i = end;
        }
    }
    push_sentence(text, para.start + start, para.end, paragraph, out);
}

fn push_sentence(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = trim(text, Span::new(start, end));
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | '»')
}

/// True when `before` (the sentence so far, up to a full stop) ends with an abbreviation or
/// a single-letter initial ("U.S", "J").
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    last.chars().count() == 1 && last.chars().all(char::is_alphabetic)
        || ABBREVIATIONS.contains(&last)
}

/// Pairs double quotation marks (straight `"` and curly “ ”) inside a paragraph. A mark left
/// open runs to the end of the paragraph.
fn quoted(text: &str, para: Span, paragraph: usize, out: &mut Vec<Quoted>) {
    let s = para.text(text);
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let (opens, closes) = match c {
            '"' => (open.is_none(), open.is_some()),
            '“' => (open.is_none(), false),
            '”' => (false, open.is_some()),
            _ => continue,
        };
        if opens {
            open = Some(i);
        } else if closes {
            let o = open.take().unwrap_or(0);
            let at = para.start;
            out.push(Quoted {
                open: Span::new(at + o, at + o + mark_len(s, o)),
                close: Some(Span::new(at + i, at + i + c.len_utf8())),
                content: Span::new(at + o + mark_len(s, o), at + i),
                paragraph,
            });
        }
    }
    if let Some(o) = open {
        let at = para.start;
        out.push(Quoted {
            open: Span::new(at + o, at + o + mark_len(s, o)),
            close: None,
            content: Span::new(at + o + mark_len(s, o), para.end),
            paragraph,
        });
    }
}

fn mark_len(s: &str, at: usize) -> usize {
    s[at..].chars().next().map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        segment(text, &Structure::default()).sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn sentences_survive_abbreviations_and_initials() {
        let text = "Mr. Smith met U.S. envoys. J.K. Rowling wrote. It rained!";
        assert_eq!(
            sentence_texts(text),
            ["Mr. Smith met U.S. envoys.", "J.K. Rowling wrote.", "It rained!"]
        );
    }

    #[test]
    fn sentence_ends_after_closing_quote() {
        let text = "\"It is over.\" He left.";
        assert_eq!(sentence_texts(text), ["\"It is over.\"", "He left."]);
    }

    #[test]
    fn quotes_pair_straight_and_curly_marks() {
        let text = "He said “yes” and \"no\" and \"maybe";
        let seg = segment(text, &Structure::default());
        let got: Vec<&str> = seg.quoted.iter().map(|q| q.content.text(text)).collect();
        assert_eq!(got, ["yes", "no", "maybe"]);
        assert!(seg.quoted[2].close.is_none());
    }
}
