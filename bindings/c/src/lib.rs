//! The C API of newsparse. See `include/newsparse.h` for the generated header.

use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Status codes returned by every fallible function.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsparseStatus {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullParameter = 1,
    /// The text is not valid UTF-8.
    InvalidUtf8 = 2,
    /// The text is longer than the extractor accepts.
    TooLarge = 3,
    /// A Rust panic was caught at the boundary; this is a bug in newsparse.
    Panic = 4,
}

/// Parses `len` bytes of UTF-8 text at `text` with the default extractor and writes the
/// document as a NUL-terminated JSON string to `*out_json`. The caller owns the string and
/// frees it with `newsparse_string_free`. `*out_json` is written only on success.
///
/// # Safety
///
/// `text` must point to `len` readable bytes (or be NULL with `len == 0`); `out_json` must be
/// a valid pointer to write a `char *` to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_parse_json(
    text: *const u8,
    len: usize,
    out_json: *mut *mut c_char,
) -> NewsparseStatus {
    catch_unwind(AssertUnwindSafe(|| {
        if out_json.is_null() || (text.is_null() && len != 0) {
            return NewsparseStatus::NullParameter;
        }
        let bytes: &[u8] = if len == 0 {
            &[]
        } else {
            // SAFETY: the caller guarantees `text` points to `len` readable bytes, and it is
            // not NULL (checked above).
            unsafe { std::slice::from_raw_parts(text, len) }
        };
        let Ok(text) = std::str::from_utf8(bytes) else { return NewsparseStatus::InvalidUtf8 };
        let Ok(doc) = newsparse::parse(text) else { return NewsparseStatus::TooLarge };
        let json = serde_json::to_string(&doc).expect("documents always serialise");
        let json = CString::new(json).expect("JSON escapes NUL bytes");
        // SAFETY: `out_json` is not NULL (checked above) and the caller guarantees it is valid
        // for writes.
        unsafe { *out_json = json.into_raw() };
        NewsparseStatus::Ok
    }))
    .unwrap_or(NewsparseStatus::Panic)
}

/// Frees a string returned by newsparse. NULL is accepted and ignored.
///
/// # Safety
///
/// `s` must be NULL or a string returned by newsparse that was not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: the caller guarantees `s` came from `CString::into_raw` in this library and
        // was not freed before.
        drop(unsafe { CString::from_raw(s) });
    }
}
