//! `newsparse.Document`: the parsed text, its document in byte offsets (for the core's HTML
//! renderer) and in `str` indices (for everything Python sees), plus the pandas views.

use std::sync::Arc;

use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::parts::{self, PyBoilerplate, PyEntity, PyQuote, PySpan, name, py_str};

/// What a `Document` holds, shared by the views into it.
#[derive(PartialEq)]
pub(crate) struct DocData {
    pub(crate) text: String,
    /// Spans in UTF-8 bytes, as the core made them.
    pub(crate) bytes: newsparse::Document,
    /// Spans in code points: `str` indices.
    pub(crate) chars: newsparse::Document,
}

impl DocData {
    /// The span `pick` chooses, with `str` indices and its text.
    pub(crate) fn span(
        &self,
        pick: impl Fn(&newsparse::Document) -> Option<newsparse::Span>,
    ) -> Option<PySpan> {
        let (b, c) = (pick(&self.bytes)?, pick(&self.chars)?);
        Some(PySpan::new(c.start, c.end, b.text(&self.text).to_owned()))
    }

    fn spans(&self, pick: impl Fn(&newsparse::Document) -> &[newsparse::Span]) -> Vec<PySpan> {
        let (bytes, chars) = (pick(&self.bytes), pick(&self.chars));
        let text = |b: &newsparse::Span| b.text(&self.text).to_owned();
        chars.iter().zip(bytes).map(|(c, b)| PySpan::new(c.start, c.end, text(b))).collect()
    }
}

/// The serialised form: the text and the document in `str` indices.
#[derive(Serialize)]
struct WireRef<'a> {
    text: &'a str,
    #[serde(flatten)]
    document: &'a newsparse::Document,
}

#[derive(Deserialize)]
struct Wire {
    text: String,
    #[serde(flatten)]
    document: newsparse::Document,
}

/// Everything newsparse found in one article.
///
/// All offsets are `str` indices into `text`. `to_dict()`, `to_json()` and pickles carry the
/// text and use the same indices; `Document.from_json` reads them back.
#[pyclass(name = "Document", module = "newsparse", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyDocument {
    data: Arc<DocData>,
}

impl PyDocument {
    /// Wraps a document the core parsed from `text`, converting its offsets in one pass.
    pub(crate) fn new(text: String, bytes: newsparse::Document) -> PyDocument {
        let chars = bytes.to_char_offsets(&text);
        PyDocument { data: Arc::new(DocData { text, bytes, chars }) }
    }

    fn json(&self, pretty: bool) -> Result<String, Error> {
        let wire = WireRef { text: &self.data.text, document: &self.data.chars };
        let json =
            if pretty { serde_json::to_string_pretty(&wire) } else { serde_json::to_string(&wire) };
        Ok(json?)
    }
}

#[pymethods]
impl PyDocument {
    /// The text the document was parsed from.
    #[getter]
    fn text(&self) -> String {
        self.data.text.clone()
    }

    /// The version of the JSON schema.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.data.chars.schema_version
    }

    /// Every quote and attribution, in text order.
    #[getter]
    fn quotes(&self) -> Vec<PyQuote> {
        (0..self.data.chars.quotes.len()).map(|i| parts::quote(&self.data, i)).collect()
    }

    /// The people, organisations, places, outlets and groups named, one per entity.
    #[getter]
    fn entities(&self) -> Vec<PyEntity> {
        (0..self.data.chars.entities.len()).map(|i| parts::entity(&self.data, i)).collect()
    }

    /// The headline without its source suffix, if the first line reads as one.
    #[getter]
    fn headline(&self) -> Option<PySpan> {
        self.data.span(|d| d.structure.headline.as_ref().map(|h| h.text.span))
    }

    /// The outlet named in the headline's source suffix (" - Bloomberg"), if any.
    #[getter]
    fn headline_source(&self) -> Option<PySpan> {
        self.data.span(|d| d.structure.headline.as_ref()?.source.as_ref().map(|s| s.span))
    }

    /// The dateline ("Kyiv • UNN", "WASHINGTON (Reuters) -"), if any.
    #[getter]
    fn dateline(&self) -> Option<PySpan> {
        self.data.span(|d| d.structure.dateline.as_ref().map(|x| x.span))
    }

    /// The byline ("By Jane Doe"), if any.
    #[getter]
    fn byline(&self) -> Option<PySpan> {
        self.data.span(|d| d.structure.byline.as_ref().map(|x| x.span))
    }

    /// The lede: the first body paragraph, if any.
    #[getter]
    fn lede(&self) -> Option<PySpan> {
        self.data.span(|d| d.structure.lede)
    }

    /// Subheads inside the article.
    #[getter]
    fn subheads(&self) -> Vec<PySpan> {
        let n = self.data.chars.structure.subheads.len();
        (0..n).filter_map(|i| self.data.span(|d| Some(d.structure.subheads[i].span))).collect()
    }

    /// Lines that are not article text (teasers, share prompts, photo credits).
    #[getter]
    fn boilerplate(&self) -> Vec<PyBoilerplate> {
        let n = self.data.chars.structure.boilerplate.len();
        (0..n).map(|i| parts::boilerplate(&self.data, i)).collect()
    }

    /// Paragraphs of article text (boilerplate left out), in text order.
    #[getter]
    fn paragraphs(&self) -> Vec<PySpan> {
        self.data.spans(|d| &d.paragraphs)
    }

    /// Sentences of article text, in text order.
    #[getter]
    fn sentences(&self) -> Vec<PySpan> {
        self.data.spans(|d| &d.sentences)
    }

    /// The document as JSON: the text plus every field, offsets in `str` indices.
    #[pyo3(signature = (*, indent = false))]
    fn to_json(&self, indent: bool) -> Result<String, Error> {
        self.json(indent)
    }

    /// The document as plain dicts and lists, as `to_json` writes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.json(false)?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// Reads a document written by `to_json` (or a pickle).
    ///
    /// Raises `NewsparseError` when the JSON is not a newsparse document.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> Result<Self, Error> {
        let wire: Wire = serde_json::from_str(json)?;
        let bytes = wire.document.to_byte_offsets(&wire.text);
        Ok(PyDocument { data: Arc::new(DocData { text: wire.text, chars: wire.document, bytes }) })
    }

    /// Reads a document from the dict `to_dict` returns.
    ///
    /// Raises `NewsparseError` when the dict is not a newsparse document.
    #[classmethod]
    fn from_dict(cls: &Bound<'_, PyType>, dict: &Bound<'_, PyAny>) -> PyResult<Self> {
        let json: String = cls.py().import("json")?.call_method1("dumps", (dict,))?.extract()?;
        Ok(Self::from_json(cls, &json)?)
    }

    /// The quotes as a pandas DataFrame, one row per quote (needs pandas).
    fn quotes_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = [
            "speaker",
            "speaker_kind",
            "kind",
            "text",
            "start",
            "end",
            "cue",
            "speaker_start",
            "speaker_end",
            "region",
            "rule",
            "speaker_rule",
        ];
        let n = self.data.chars.quotes.len();
        let rows = (0..n).map(|i| quote_row(py, &self.data, i)).collect::<PyResult<Vec<_>>>()?;
        frame(py, "quotes_frame", rows, &columns)
    }

    /// The entities as a pandas DataFrame, one row per entity (needs pandas).
    fn entities_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = ["id", "name", "kind", "mentions", "start", "end", "role", "affiliation"];
        let rows = self.data.chars.entities.iter().map(|e| {
            let d = PyDict::new(py);
            let first = e.mentions.first().map(|m| m.span);
            d.set_item("id", e.id)?;
            d.set_item("name", &e.name)?;
            d.set_item("kind", name(&e.kind))?;
            d.set_item("mentions", e.mentions.len())?;
            d.set_item("start", first.map(|s| s.start))?;
            d.set_item("end", first.map(|s| s.end))?;
            d.set_item("role", &e.role)?;
            d.set_item("affiliation", &e.affiliation)?;
            Ok(d)
        });
        frame(py, "entities_frame", rows.collect::<PyResult<Vec<_>>>()?, &columns)
    }

    /// The article as HTML with quotes, speakers, entities and boilerplate marked.
    fn to_html(&self, py: Python<'_>) -> String {
        py.detach(|| newsparse::to_html(&self.data.text, &self.data.bytes))
    }

    /// The notebook view: the same HTML as `to_html()`.
    fn _repr_html_(&self, py: Python<'_>) -> String {
        self.to_html(py)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = slf.get().json(false)?;
        Ok((slf.get_type().getattr("from_json")?, (json,)))
    }

    fn __repr__(&self) -> String {
        let d = &self.data.chars;
        let headline = d
            .structure
            .headline
            .as_ref()
            .map_or_else(|| "None".to_owned(), |h| py_str(&h.text.text));
        format!(
            "Document(headline={headline}, quotes={}, entities={}, paragraphs={})",
            d.quotes.len(),
            d.entities.len(),
            d.paragraphs.len()
        )
    }
}

/// One row of `quotes_frame`: the quote `i` of `data`.
fn quote_row<'py>(py: Python<'py>, data: &DocData, i: usize) -> PyResult<Bound<'py, PyDict>> {
    let (q, bq) = (&data.chars.quotes[i], &data.bytes.quotes[i]);
    let s = q.speaker.as_ref();
    let mention = s.and_then(|s| s.mention);
    let d = PyDict::new(py);
    d.set_item("speaker", s.and_then(|s| s.name.as_deref().or(s.text.as_deref())))?;
    d.set_item("speaker_kind", s.map(|s| name(&s.kind)))?;
    d.set_item("kind", name(&q.kind))?;
    d.set_item("text", &q.text)?;
    d.set_item("start", q.content.start)?;
    d.set_item("end", q.content.end)?;
    d.set_item("cue", bq.cue.map(|c| c.text(&data.text)))?;
    d.set_item("speaker_start", mention.map(|m| m.start))?;
    d.set_item("speaker_end", mention.map(|m| m.end))?;
    d.set_item("region", name(&q.region))?;
    d.set_item("rule", &q.rule)?;
    d.set_item("speaker_rule", s.map(|s| s.rule.as_str()))?;
    Ok(d)
}

/// `pandas.DataFrame(rows, columns=columns)`, or an `ImportError` that says what to install.
fn frame<'py>(
    py: Python<'py>,
    method: &str,
    rows: Vec<Bound<'py, PyDict>>,
    columns: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas").map_err(|e| {
        PyImportError::new_err(format!(
            "Document.{method}() needs pandas, which is not installed ({e}); \
             install it with `pip install pandas`"
        ))
    })?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", columns.to_vec())?;
    pandas.getattr("DataFrame")?.call((rows,), Some(&kwargs))
}
