//! The extractor handle, its builder, and parsing.

use std::ffi::c_char;

use newsparse::{Extractor, ExtractorBuilder};

use crate::document::newsparse_document;
use crate::ptr::{Out, take, to_c, try_mut, try_path, try_ref, try_text};
use crate::status::{boundary, boundary_or, newsparse_status};

/// A configured extractor (opaque). Made by `newsparse_extractor_new` or
/// `newsparse_extractor_builder_build`, freed with `newsparse_extractor_free`. It is never
/// modified after it is made: any number of threads may parse with one extractor at once.
#[derive(Debug)]
pub struct newsparse_extractor {
    inner: Extractor,
}

/// Options for an extractor (opaque). Made by `newsparse_extractor_builder_new`, freed with
/// `newsparse_extractor_builder_free`. A builder is not thread-safe: use it from one thread
/// at a time.
#[derive(Debug)]
pub struct newsparse_extractor_builder {
    inner: ExtractorBuilder,
}

/// Makes an extractor with the embedded default configuration and writes it to `*out`. The
/// caller owns it and frees it with `newsparse_extractor_free`. Fails with
/// `NEWSPARSE_STATUS_NULL_PARAMETER`; `*out` is written only on success.
///
/// # Safety
///
/// `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_new(
    out: *mut *mut newsparse_extractor,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: `out` is NULL or valid for writing by this function's contract.
        let out = unsafe { Out::new(out, "out")? };
        out.write(to_c(newsparse_extractor { inner: Extractor::new() }));
        Ok(())
    })
}

/// Parses `len` bytes of UTF-8 text at `text` into a document written to `*out`. `text` may
/// be NULL when `len` is 0; the empty text gives an empty document. The document copies what
/// it needs: `text` may be freed as soon as this returns. The caller owns the document and
/// frees it with `newsparse_document_free`. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER`,
/// `NEWSPARSE_STATUS_INVALID_UTF8` or `NEWSPARSE_STATUS_TOO_LARGE`; `*out` is written only on
/// success. Safe to call from several threads at once with the same extractor.
///
/// # Safety
///
/// `extractor` is NULL or a live extractor; `text` is NULL or points to `len` readable
/// bytes; `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_parse(
    extractor: *const newsparse_extractor,
    text: *const u8,
    len: usize,
    out: *mut *mut newsparse_document,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: every pointer is NULL or valid by this function's contract.
        let (extractor, out) = unsafe { (try_ref(extractor, "extractor")?, Out::new(out, "out")?) };
        // SAFETY: `text` is NULL or points to `len` readable bytes by the contract.
        let text = unsafe { try_text(text, len, "text")? };
        let document = extractor.inner.parse(text)?;
        out.write(to_c(newsparse_document::new(text, document)));
        Ok(())
    })
}

/// Parses `len` bytes of UTF-8 text at `text` into `document`, a document made by
/// `newsparse_extractor_parse`, replacing what it held: its allocations are reused (5–8% of
/// the work of parsing into a new document, over many articles with one document kept). `text`
/// may be NULL when `len` is 0, and may be freed as soon as this returns. On success every
/// view taken from `document` before the call is invalid; on failure `document` is left as it
/// was, its views valid. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER`,
/// `NEWSPARSE_STATUS_INVALID_UTF8` or `NEWSPARSE_STATUS_TOO_LARGE`. Safe to call from several
/// threads at once with the same extractor and different documents.
///
/// # Safety
///
/// `extractor` is NULL or a live extractor; `text` is NULL or points to `len` readable
/// bytes; `document` is NULL or a live document that no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_parse_into(
    extractor: *const newsparse_extractor,
    text: *const u8,
    len: usize,
    document: *mut newsparse_document,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid, the document unshared, by the contract.
        let (extractor, document) =
            unsafe { (try_ref(extractor, "extractor")?, try_mut(document, "document")?) };
        // SAFETY: `text` is NULL or points to `len` readable bytes by the contract.
        let text = unsafe { try_text(text, len, "text")? };
        document.reparse(&extractor.inner, text)?;
        Ok(())
    })
}

/// Frees an extractor. NULL is accepted and ignored. Documents parsed with it stay valid.
///
/// # Safety
///
/// `extractor` is NULL or an extractor not freed before, which no other thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_free(extractor: *mut newsparse_extractor) {
    // SAFETY: `extractor` is NULL or came from `to_c` and is not used again, by the contract.
    boundary_or((), || drop(unsafe { take(extractor) }));
}

/// Makes a builder with the default options (embedded default gazetteer, no gazetteer
/// files, 16 MiB maximum text size) and writes it to `*out`. The caller owns it and frees it
/// with `newsparse_extractor_builder_free`. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER`;
/// `*out` is written only on success.
///
/// # Safety
///
/// `out` is NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_builder_new(
    out: *mut *mut newsparse_extractor_builder,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: `out` is NULL or valid for writing by this function's contract.
        let out = unsafe { Out::new(out, "out")? };
        out.write(to_c(newsparse_extractor_builder { inner: ExtractorBuilder::new() }));
        Ok(())
    })
}

/// Sets the largest text, in bytes, that extractors built by `builder` accept; longer texts
/// fail with `NEWSPARSE_STATUS_TOO_LARGE`. Fails with `NEWSPARSE_STATUS_NULL_PARAMETER`.
///
/// # Safety
///
/// `builder` is NULL or a live builder no other thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_builder_max_size(
    builder: *mut newsparse_extractor_builder,
    bytes: usize,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: `builder` is NULL or a live, unshared builder by this function's contract.
        unsafe { try_mut(builder, "builder")? }.inner.max_size(bytes);
        Ok(())
    })
}

/// Adds a gazetteer file (NUL-terminated path; TSV `name<TAB>kind[<TAB>alias|alias…]` or a
/// JSON array, by extension) to `builder`. The file is read by
/// `newsparse_extractor_builder_build`, not now. Names in your gazetteers win over the same
/// names in the default one. `path` is copied: it may be freed as soon as this returns. Fails
/// with `NEWSPARSE_STATUS_NULL_PARAMETER`.
///
/// # Safety
///
/// `builder` is NULL or a live builder no other thread is using; `path` is NULL or a
/// NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_builder_gazetteer_file(
    builder: *mut newsparse_extractor_builder,
    path: *const c_char,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (builder, path) = unsafe { (try_mut(builder, "builder")?, try_path(path, "path")?) };
        builder.inner.gazetteer_file(path);
        Ok(())
    })
}

/// Whether extractors built by `builder` use the embedded default gazetteer (the default
/// is `true`). With `false`, only the gazetteer files added are used. Fails with
/// `NEWSPARSE_STATUS_NULL_PARAMETER`.
///
/// # Safety
///
/// `builder` is NULL or a live builder no other thread is using.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_builder_default_gazetteer(
    builder: *mut newsparse_extractor_builder,
    include: bool,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: `builder` is NULL or a live, unshared builder by this function's contract.
        unsafe { try_mut(builder, "builder")? }.inner.default_gazetteer(include);
        Ok(())
    })
}

/// Builds an extractor from the builder's options and writes it to `*out`; the builder is
/// left as it was and may build again. Gazetteer files are read now. The caller owns the
/// extractor and frees it with `newsparse_extractor_free`. Fails with
/// `NEWSPARSE_STATUS_NULL_PARAMETER`, `NEWSPARSE_STATUS_IO` (a gazetteer file cannot be read)
/// or `NEWSPARSE_STATUS_BAD_GAZETTEER` (one is malformed or not UTF-8; `newsparse_last_error` names the
/// file and line); `*out` is written only on success.
///
/// # Safety
///
/// `builder` is NULL or a live builder no other thread is modifying; `out` is NULL or valid
/// for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_builder_build(
    builder: *const newsparse_extractor_builder,
    out: *mut *mut newsparse_extractor,
) -> newsparse_status {
    boundary(|| {
        // SAFETY: both pointers are NULL or valid by this function's contract.
        let (builder, out) = unsafe { (try_ref(builder, "builder")?, Out::new(out, "out")?) };
        let inner = builder.inner.build()?;
        out.write(to_c(newsparse_extractor { inner }));
        Ok(())
    })
}

/// Frees a builder. NULL is accepted and ignored. Extractors built with it stay valid.
///
/// # Safety
///
/// `builder` is NULL or a builder not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newsparse_extractor_builder_free(
    builder: *mut newsparse_extractor_builder,
) {
    // SAFETY: `builder` is NULL or came from `to_c` and is not used again, by the contract.
    boundary_or((), || drop(unsafe { take(builder) }));
}
