//! The one place where core errors become Python exceptions.

use pyo3::PyErr;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;

create_exception!(
    newsparse,
    NewsparseError,
    PyValueError,
    "Raised when newsparse cannot build an extractor or parse a text (a `ValueError`)."
);

/// Everything the bindings can fail with, turned into a [`NewsparseError`] with the core's
/// message.
pub(crate) enum Error {
    /// An error from the core crate.
    Core(newsparse::Error),
    /// A document's JSON (from `Document.from_json` or a pickle) does not read.
    Json(serde_json::Error),
    /// One text of `parse_many` failed.
    Item(usize, newsparse::Error),
}

impl From<newsparse::Error> for Error {
    fn from(e: newsparse::Error) -> Error {
        Error::Core(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::Json(e)
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        let message = match e {
            Error::Core(e) => e.to_string(),
            Error::Json(e) => format!("not a newsparse document: {e}"),
            Error::Item(i, e) => format!("text {i}: {e}"),
        };
        NewsparseError::new_err(message)
    }
}
