//! The error type.

use std::path::PathBuf;

/// Why newsparse could not build an extractor or parse a text.
///
/// Parsing fails only on limits; building fails on bad configuration such as an unreadable
/// or malformed gazetteer file. Each case carries what a user needs to fix the input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is longer than the extractor's configured maximum
    /// ([`ExtractorBuilder::max_size`](crate::ExtractorBuilder::max_size)).
    #[error("text of {len} bytes exceeds the maximum of {max} bytes")]
    TooLarge {
        /// The text's length in bytes.
        len: usize,
        /// The configured maximum.
        max: usize,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A gazetteer is malformed. `line` is 1-based and 0 when the problem is not on one line.
    #[error("bad gazetteer {origin}, line {line}: {message}")]
    Gazetteer {
        /// The file's path, or a description of an in-memory source.
        origin: String,
        /// The 1-based line, or 0.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
