//! `newsparse.Extractor`: options in, the core extractor inside, documents out.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyType;
use serde::{Deserialize, Serialize};

use crate::document::PyDocument;
use crate::error::Error;
use crate::parts::py_str;

/// The options an `Extractor` was built with: what pickles carry to other processes.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Options {
    gazetteers: Vec<PathBuf>,
    include_default: bool,
}

impl Options {
    fn build(&self) -> Result<newsparse::Extractor, Error> {
        let mut builder = newsparse::Extractor::builder();
        for path in &self.gazetteers {
            builder.gazetteer_file(path);
        }
        Ok(builder.default_gazetteer(self.include_default).build()?)
    }
}

/// Reads news articles and says who said what.
///
/// Build one once and reuse it; it is safe to share between threads. `gazetteers` lists
/// gazetteer files to add to the embedded default one: TSV lines
/// `name<TAB>kind[<TAB>alias|alias…]` (kinds `person`, `organization`, `place`, `media`,
/// `group`), or a `.json` array of `{"name", "kind", "aliases"}` objects. Names in your files
/// win over the default's; `include_default=False` uses only your files.
///
/// Extractors pickle by their options, so the gazetteer files must be readable where the
/// pickle is loaded (as on the workers of a local Dask cluster).
///
/// Raises `NewsparseError` when a gazetteer cannot be read or is malformed.
#[pyclass(name = "Extractor", module = "newsparse", frozen)]
pub(crate) struct PyExtractor {
    inner: newsparse::Extractor,
    options: Options,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (gazetteers = None, *, include_default = true))]
    fn new(gazetteers: Option<Vec<PathBuf>>, include_default: bool) -> Result<Self, Error> {
        let options = Options { gazetteers: gazetteers.unwrap_or_default(), include_default };
        Ok(PyExtractor { inner: options.build()?, options })
    }

    /// Parses one article and returns its `Document`, with the GIL released.
    ///
    /// Raises `NewsparseError` when the text is larger than the maximum (16 MiB).
    #[pyo3(signature = (text, /))]
    fn parse(&self, py: Python<'_>, text: String) -> Result<PyDocument, Error> {
        py.detach(|| {
            let doc = self.inner.parse(&text)?;
            Ok(PyDocument::new(text, doc))
        })
    }

    /// Parses many articles in parallel in Rust, with the GIL released, and returns their
    /// documents in order. `texts` is any iterable of `str`; `threads` is the number of
    /// threads (one per core when `None` or 0).
    ///
    /// Raises `NewsparseError` naming the first text that fails.
    #[pyo3(signature = (texts, /, threads = None))]
    fn parse_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyDocument>> {
        let texts =
            texts.try_iter()?.map(|t| t?.extract::<String>()).collect::<PyResult<Vec<_>>>()?;
        let docs = py.detach(|| {
            let results = self.inner.parse_many(&texts, threads);
            let mut docs = Vec::with_capacity(results.len());
            for (i, (text, result)) in texts.into_iter().zip(results).enumerate() {
                docs.push(PyDocument::new(text, result.map_err(|e| Error::Item(i, e))?));
            }
            Ok::<_, Error>(docs)
        })?;
        Ok(docs)
    }

    /// The gazetteer files this extractor was built with.
    #[getter]
    fn gazetteers(&self) -> Vec<PathBuf> {
        self.options.gazetteers.clone()
    }

    /// Whether the embedded default gazetteers are included.
    #[getter]
    fn include_default(&self) -> bool {
        self.options.include_default
    }

    /// Builds an extractor from the JSON options a pickle carries.
    #[classmethod]
    fn _from_options(_cls: &Bound<'_, PyType>, options: &str) -> Result<Self, Error> {
        let options: Options = serde_json::from_str(options)?;
        Ok(PyExtractor { inner: options.build()?, options })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Result<(Bound<'py, PyAny>, (String,)), PyErr> {
        let options = serde_json::to_string(&slf.get().options).map_err(Error::from)?;
        Ok((slf.get_type().getattr("_from_options")?, (options,)))
    }

    fn __repr__(&self) -> String {
        let o = &self.options;
        let paths: Vec<String> =
            o.gazetteers.iter().map(|p| py_str(&p.to_string_lossy())).collect();
        let default = if o.include_default { "True" } else { "False" };
        format!("Extractor(gazetteers=[{}], include_default={default})", paths.join(", "))
    }
}
