//! Python bindings for newsparse: `import newsparse`.
//!
//! The classes here only convert types: the core crate parses, converts offsets to `str`
//! indices ([`newsparse::CharOffsets`]) and renders HTML ([`newsparse::to_html`]); the
//! bindings copy its owned results out to Python and release the GIL while the core works.

mod document;
mod error;
mod extractor;
mod parts;

use pyo3::prelude::*;

use crate::document::PyDocument;
use crate::error::Error;

/// Parses one article with the embedded default extractor and returns its `Document`.
///
/// The GIL is released while the text is parsed. Offsets in the result are `str` indices:
/// `text[span.start:span.end] == span.text`.
///
/// Raises `NewsparseError` when the text is larger than the default maximum (16 MiB).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn parse(py: Python<'_>, text: String) -> Result<PyDocument, Error> {
    py.detach(|| {
        let doc = newsparse::parse(&text)?;
        Ok(PyDocument::new(text, doc))
    })
}

/// Who said what in English news: quotes, speakers, entities and article structure.
#[pymodule(gil_used = false)]
fn _newsparse(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_class::<extractor::PyExtractor>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<parts::PySpan>()?;
    m.add_class::<parts::PyMention>()?;
    m.add_class::<parts::PyBoilerplate>()?;
    m.add_class::<parts::PyQuote>()?;
    m.add_class::<parts::PySpeaker>()?;
    m.add_class::<parts::PyEntity>()?;
    m.add("NewsparseError", m.py().get_type::<error::NewsparseError>())?;
    m.add("SCHEMA_VERSION", newsparse::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
