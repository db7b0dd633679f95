//! Python bindings for newsparse: `import newsparse`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Parses one article with the default extractor and returns the document as a JSON string.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn parse_json(py: Python<'_>, text: &str) -> PyResult<String> {
    let doc =
        py.detach(|| newsparse::parse(text)).map_err(|e| PyValueError::new_err(e.to_string()))?;
    serde_json::to_string(&doc).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The native part of the `newsparse` package.
#[pymodule(gil_used = false)]
fn _newsparse(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    Ok(())
}
