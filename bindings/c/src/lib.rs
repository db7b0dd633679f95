//! The C API of newsparse. The header `include/newsparse.h` is generated from these sources
//! by cbindgen; the README's "API conventions" section states the contract every function
//! follows: opaque handles, a status for every fallible call, out-parameters written only on
//! success, borrowed views that live as long as their owner, and no panic crossing the
//! boundary.
//!
//! Layout: `status` (the status enum, last-error message and panic boundary), `ptr` (the
//! null-check-and-cast helpers), `views` (the plain C structs and enums), `extractor` and
//! `document` (the two handles and their functions).

// The C names are the API: `newsparse_document`, not `NewsparseDocument`.
#![allow(non_camel_case_types)]

mod document;
mod extractor;
mod ptr;
mod status;
mod views;

use std::ffi::{CStr, c_char};

pub use crate::document::*;
pub use crate::extractor::*;
pub use crate::status::*;
pub use crate::views::*;

/// This library's version.
const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(version) => version,
        Err(_) => panic!("the version has no NUL byte"),
    };

/// The library's version ("0.1.0"), a static NUL-terminated string: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_version() -> *const c_char {
    VERSION.as_ptr()
}
