//! The parts of a document: spans, mentions, boilerplate lines, quotes, speakers, entities.
//!
//! Each is a frozen view into its document's shared data; getters copy owned values out.
//! Offsets are `str` indices (code points), so `text[s.start:s.end] == s.text`.

use std::sync::Arc;

use pyo3::prelude::*;
use serde::Serialize;

use crate::document::DocData;

/// A stretch of the article: `start` and `end` are `str` indices into the parsed text, and
/// `text` is `text[start:end]`.
#[pyclass(name = "Span", module = "newsparse", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PySpan {
    /// Index of the first character.
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// The spanned text.
    #[pyo3(get)]
    text: String,
}

#[pymethods]
impl PySpan {
    fn __repr__(&self) -> String {
        format!("Span({}, {}, {})", self.start, self.end, py_str(&short(&self.text)))
    }

    fn __len__(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
}

/// One mention of an entity: a span and the region of the article it stands in.
#[pyclass(name = "Mention", module = "newsparse", frozen)]
pub(crate) struct PyMention {
    /// Index of the first character.
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// The mention's text.
    #[pyo3(get)]
    text: String,
    /// Where it stands: "headline", "dateline", "byline", "subhead", "body" or "boilerplate".
    #[pyo3(get)]
    region: String,
}

#[pymethods]
impl PyMention {
    fn __repr__(&self) -> String {
        format!(
            "Mention({}, {}, {}, {})",
            self.start,
            self.end,
            py_str(&self.text),
            py_str(&self.region)
        )
    }
}

/// A line that is not article text: a related-link teaser, a share prompt, a photo credit.
#[pyclass(name = "Boilerplate", module = "newsparse", frozen)]
pub(crate) struct PyBoilerplate {
    /// Index of the first character.
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// The line's text.
    #[pyo3(get)]
    text: String,
    /// "teaser", "read_more", "watch", "photo_credit", "share" or "newsletter".
    #[pyo3(get)]
    kind: String,
}

#[pymethods]
impl PyBoilerplate {
    fn __repr__(&self) -> String {
        format!("Boilerplate(kind={}, text={})", py_str(&self.kind), py_str(&short(&self.text)))
    }
}

/// A quote or attribution: what was said (or believed), by whom, found by which rule.
#[pyclass(name = "Quote", module = "newsparse", frozen)]
pub(crate) struct PyQuote {
    data: Arc<DocData>,
    i: usize,
}

impl PyQuote {
    fn get(&self) -> &newsparse::Quote {
        &self.data.chars.quotes[self.i]
    }
}

#[pymethods]
impl PyQuote {
    /// What was said, without quotation marks.
    #[getter]
    fn content(&self) -> PySpan {
        let i = self.i;
        self.data.span(|d| Some(d.quotes[i].content)).unwrap_or_else(PySpan::empty)
    }

    /// The content's text.
    #[getter]
    fn text(&self) -> String {
        self.get().text.clone()
    }

    /// "direct", "indirect", "mixed", "headline" or "belief".
    #[getter]
    fn kind(&self) -> String {
        name(&self.get().kind)
    }

    /// The cue that introduces the quote ("said", "according to"), if any.
    #[getter]
    fn cue(&self) -> Option<PySpan> {
        let i = self.i;
        self.data.span(|d| d.quotes[i].cue)
    }

    /// Who said it, when newsparse could tell.
    #[getter]
    fn speaker(&self) -> Option<PySpeaker> {
        self.get()
            .speaker
            .as_ref()
            .map(|_| PySpeaker { data: Arc::clone(&self.data), quote: self.i })
    }

    /// Where the quote stands: "headline", "body", "boilerplate", …
    #[getter]
    fn region(&self) -> String {
        name(&self.get().region)
    }

    /// The name of the rule that found it.
    #[getter]
    fn rule(&self) -> String {
        self.get().rule.clone()
    }

    fn __repr__(&self) -> String {
        let q = self.get();
        let who = q.speaker.as_ref().and_then(|s| s.name.as_deref().or(s.text.as_deref()));
        let who = who.map_or_else(|| "None".to_owned(), py_str);
        format!(
            "Quote(kind={}, text={}, speaker={who})",
            py_str(&name(&q.kind)),
            py_str(&short(&q.text))
        )
    }
}

/// Who a quote is attributed to.
#[pyclass(name = "Speaker", module = "newsparse", frozen)]
pub(crate) struct PySpeaker {
    data: Arc<DocData>,
    quote: usize,
}

impl PySpeaker {
    fn get(&self) -> Option<&newsparse::Speaker> {
        self.data.chars.quotes[self.quote].speaker.as_ref()
    }
}

#[pymethods]
impl PySpeaker {
    /// Who the speaker is, resolved ("Patrick Turner" for "he"), if known.
    #[getter]
    fn name(&self) -> Option<String> {
        self.get().and_then(|s| s.name.clone())
    }

    /// "person", "organization", "media", "anonymous", "group" or "unknown".
    #[getter]
    fn kind(&self) -> String {
        self.get().map_or_else(|| "unknown".to_owned(), |s| name(&s.kind))
    }

    /// The mention nearest the quote that names the speaker ("he", "Patrick Turner").
    #[getter]
    fn mention(&self) -> Option<PySpan> {
        let q = self.quote;
        self.data.span(|d| d.quotes[q].speaker.as_ref().and_then(|s| s.mention))
    }

    /// The speaker's index in `Document.entities`, when it is a named entity.
    #[getter]
    fn entity(&self) -> Option<usize> {
        self.get().and_then(|s| s.entity)
    }

    /// For an anonymous source, its description ("senior European government official").
    #[getter]
    fn description(&self) -> Option<String> {
        self.get().and_then(|s| s.description.clone())
    }

    /// Outlets that relay the speaker's words, nearest first.
    #[getter]
    fn relayed_by(&self) -> Vec<String> {
        self.get().map(|s| s.relayed_by.clone()).unwrap_or_default()
    }

    /// The name of the rule that resolved the speaker.
    #[getter]
    fn rule(&self) -> String {
        self.get().map(|s| s.rule.clone()).unwrap_or_default()
    }

    fn __repr__(&self) -> String {
        let name = self.name().or_else(|| self.get().and_then(|s| s.text.clone()));
        let name = name.map_or_else(|| "None".to_owned(), |n| py_str(&n));
        format!("Speaker(name={name}, kind={})", py_str(&self.kind()))
    }
}

/// A person, organisation, place, outlet or group the article names, with all its mentions.
#[pyclass(name = "Entity", module = "newsparse", frozen)]
pub(crate) struct PyEntity {
    data: Arc<DocData>,
    i: usize,
}

impl PyEntity {
    fn get(&self) -> &newsparse::Entity {
        &self.data.chars.entities[self.i]
    }
}

#[pymethods]
impl PyEntity {
    /// The entity's index in `Document.entities`.
    #[getter]
    fn id(&self) -> usize {
        self.get().id
    }

    /// The canonical name ("Donald Trump" for "Trump").
    #[getter]
    fn name(&self) -> String {
        self.get().name.clone()
    }

    /// "person", "organization", "place", "media" or "group".
    #[getter]
    fn kind(&self) -> String {
        name(&self.get().kind)
    }

    /// Every mention, in text order.
    #[getter]
    fn mentions(&self) -> Vec<PyMention> {
        let bytes = &self.data.bytes.entities[self.i].mentions;
        let chars = &self.get().mentions;
        chars
            .iter()
            .zip(bytes)
            .map(|(c, b)| PyMention {
                start: c.span.start,
                end: c.span.end,
                text: b.span.text(&self.data.text).to_owned(),
                region: name(&c.region),
            })
            .collect()
    }

    /// A role read from the article ("senior representative to Ukraine"), if any.
    #[getter]
    fn role(&self) -> Option<String> {
        self.get().role.clone()
    }

    /// An affiliation read from the article ("NATO"), if any.
    #[getter]
    fn affiliation(&self) -> Option<String> {
        self.get().affiliation.clone()
    }

    fn __repr__(&self) -> String {
        let e = self.get();
        let kind = py_str(&name(&e.kind));
        format!("Entity(name={}, kind={kind}, mentions={})", py_str(&e.name), e.mentions.len())
    }
}

impl PySpan {
    pub(crate) fn new(start: usize, end: usize, text: String) -> PySpan {
        PySpan { start, end, text }
    }

    fn empty() -> PySpan {
        PySpan::new(0, 0, String::new())
    }
}

pub(crate) fn quote(data: &Arc<DocData>, i: usize) -> PyQuote {
    PyQuote { data: Arc::clone(data), i }
}

pub(crate) fn entity(data: &Arc<DocData>, i: usize) -> PyEntity {
    PyEntity { data: Arc::clone(data), i }
}

pub(crate) fn boilerplate(data: &DocData, i: usize) -> PyBoilerplate {
    let (b, c) = (&data.bytes.structure.boilerplate[i], &data.chars.structure.boilerplate[i]);
    PyBoilerplate {
        start: c.span.start,
        end: c.span.end,
        text: b.span.text(&data.text).to_owned(),
        kind: name(&c.kind),
    }
}

/// The serde name of a unit enum variant ("person", "read_more").
pub(crate) fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "unknown".to_owned(),
    }
}

/// `s` cut to 60 characters, with an ellipsis when cut.
fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// `s` as Python's `repr` writes a string: single quotes, or double quotes when `s` holds a
/// single quote and no double quote.
pub(crate) fn py_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}
