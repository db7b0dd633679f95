//! The C API's parse on arbitrary bytes, through the exported functions as a C caller uses
//! them: a status for every input (OK exactly when the bytes are UTF-8 and short enough,
//! never PANIC), and every view of the document in bounds and equal to its span's text; the
//! same bytes parsed into the document the run before left give the same JSON.
#![no_main]

use std::cell::Cell;
use std::ffi::CStr;
use std::ptr;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsparse::*;

/// The longest text the small extractor accepts.
const SMALL: usize = 64;

fuzz_target!(|bytes: &[u8]| {
    let (full, small) = extractors();
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let expected = if !utf8 {
        newsparse_status::InvalidUtf8
    } else if bytes.len() > SMALL {
        newsparse_status::TooLarge
    } else {
        newsparse_status::Ok
    };
    let (status, doc) = parse(small.0, bytes);
    assert_eq!(status, expected, "small extractor");
    // SAFETY: `doc` is NULL or a document parse returned and nothing else holds.
    unsafe { newsparse_document_free(doc) };
    let (status, doc) = parse(full.0, bytes);
    let expected = if utf8 { newsparse_status::Ok } else { newsparse_status::InvalidUtf8 };
    assert_eq!(status, expected, "default extractor");
    let reused = REUSED.with(Cell::get);
    // SAFETY: `full` is live, `bytes` readable for its length, `reused` a live document only
    // this thread holds.
    let status =
        unsafe { newsparse_extractor_parse_into(full.0, bytes.as_ptr(), bytes.len(), reused) };
    assert_eq!(status, expected, "parse into a reused document");
    if !doc.is_null() {
        check(doc, bytes);
        check(reused, bytes);
        assert_eq!(json(reused), json(doc), "a reused document is a new one");
        // SAFETY: `doc` is a live document that nothing else holds.
        unsafe { newsparse_document_free(doc) };
    }
});

thread_local! {
    /// A document parsed into by every run on this thread, never freed.
    static REUSED: Cell<*mut newsparse_document> = Cell::new(parse(extractors().0.0, b"").1);
}

/// The JSON of `doc`.
fn json(doc: *const newsparse_document) -> String {
    let mut json = ptr::null_mut();
    // SAFETY: `doc` is live and `json` a valid local.
    assert_eq!(unsafe { newsparse_document_to_json(doc, &mut json) }, newsparse_status::Ok);
    // SAFETY: on success `json` is a NUL-terminated string we own and free once.
    unsafe {
        let s = CStr::from_ptr(json).to_str().expect("the JSON is UTF-8").to_owned();
        newsparse_string_free(json);
        s
    }
}

/// An extractor handle shared by every run.
struct Handle(*mut newsparse_extractor);

// SAFETY: the C API allows parsing with one extractor from several threads at once, and the
// handle is never freed.
unsafe impl Send for Handle {}
// SAFETY: as above; only `newsparse_extractor_parse`, which takes a const pointer, uses it.
unsafe impl Sync for Handle {}

/// The default extractor and one whose maximum size is `SMALL`.
fn extractors() -> &'static (Handle, Handle) {
    static EXTRACTORS: OnceLock<(Handle, Handle)> = OnceLock::new();
    EXTRACTORS.get_or_init(|| {
        let mut full = ptr::null_mut();
        let mut builder = ptr::null_mut();
        let mut small = ptr::null_mut();
        // SAFETY: every out-pointer is a valid local; the builder is live until freed here.
        unsafe {
            assert_eq!(newsparse_extractor_new(&mut full), newsparse_status::Ok);
            assert_eq!(newsparse_extractor_builder_new(&mut builder), newsparse_status::Ok);
            assert_eq!(newsparse_extractor_builder_max_size(builder, SMALL), newsparse_status::Ok);
            assert_eq!(
                newsparse_extractor_builder_build(builder, &mut small),
                newsparse_status::Ok
            );
            newsparse_extractor_builder_free(builder);
        }
        (Handle(full), Handle(small))
    })
}

/// Parses `bytes`; the document is NULL unless the status is OK.
fn parse(
    extractor: *mut newsparse_extractor,
    bytes: &[u8],
) -> (newsparse_status, *mut newsparse_document) {
    let mut doc = ptr::null_mut();
    // SAFETY: `extractor` is live, `bytes` is readable for its length, `doc` a valid local.
    let status =
        unsafe { newsparse_extractor_parse(extractor, bytes.as_ptr(), bytes.len(), &mut doc) };
    assert_eq!(status == newsparse_status::Ok, !doc.is_null(), "out written only on success");
    (status, doc)
}

/// Reads every quote, entity and mention of `doc` and the JSON, checking each view.
fn check(doc: *const newsparse_document, bytes: &[u8]) {
    let mut text = newsparse_str { data: ptr::null(), len: 0 };
    // SAFETY: `doc` is live and `text` a valid local.
    assert_eq!(unsafe { newsparse_document_text(doc, &mut text) }, newsparse_status::Ok);
    assert_eq!(view(text), Some(bytes), "the document's text is the input");
    // SAFETY: `doc` is live.
    let quotes = unsafe { newsparse_document_quote_count(doc) };
    for i in 0..quotes {
        let mut q = std::mem::MaybeUninit::uninit();
        // SAFETY: `doc` is live and `q` valid for writing.
        assert_eq!(
            unsafe { newsparse_document_quote(doc, i, q.as_mut_ptr()) },
            newsparse_status::Ok
        );
        // SAFETY: written on success, checked just above.
        let q = unsafe { q.assume_init() };
        span_text(bytes, q.content, q.content_text);
        if !q.cue_text.data.is_null() {
            span_text(bytes, q.cue, q.cue_text);
        }
    }
    let mut q = std::mem::MaybeUninit::uninit();
    // SAFETY: as above; past the end, which must fail without writing.
    assert_eq!(
        unsafe { newsparse_document_quote(doc, quotes, q.as_mut_ptr()) },
        newsparse_status::OutOfRange
    );
    // SAFETY: `doc` is live.
    let entities = unsafe { newsparse_document_entity_count(doc) };
    for i in 0..entities {
        check_entity(doc, i, bytes);
    }
    let mut json = ptr::null_mut();
    // SAFETY: `doc` is live and `json` a valid local.
    assert_eq!(unsafe { newsparse_document_to_json(doc, &mut json) }, newsparse_status::Ok);
    // SAFETY: on success `json` is a NUL-terminated string we own and free once.
    unsafe {
        assert!(CStr::from_ptr(json).to_str().is_ok(), "the JSON is UTF-8");
        newsparse_string_free(json);
    }
}

/// Checks entity `i` and each of its mentions.
fn check_entity(doc: *const newsparse_document, i: usize, bytes: &[u8]) {
    let mut e = std::mem::MaybeUninit::uninit();
    // SAFETY: `doc` is live and `e` valid for writing.
    assert_eq!(unsafe { newsparse_document_entity(doc, i, e.as_mut_ptr()) }, newsparse_status::Ok);
    // SAFETY: written on success, checked just above.
    let e = unsafe { e.assume_init() };
    assert!(view(e.name).is_some_and(|n| std::str::from_utf8(n).is_ok()), "entity name");
    for m in 0..e.mention_count {
        let mut mention = std::mem::MaybeUninit::uninit();
        // SAFETY: `doc` is live and `mention` valid for writing.
        let status = unsafe { newsparse_document_entity_mention(doc, i, m, mention.as_mut_ptr()) };
        assert_eq!(status, newsparse_status::Ok);
        // SAFETY: written on success, checked just above.
        let mention = unsafe { mention.assume_init() };
        span_text(bytes, mention.span, mention.text);
    }
}

/// Asserts that `view` holds the text of `span` in `bytes`.
fn span_text(bytes: &[u8], span: newsparse_span, view_of: newsparse_str) {
    let expected = bytes.get(span.start..span.end).expect("span inside the text");
    assert!(std::str::from_utf8(expected).is_ok(), "span on character boundaries");
    assert_eq!(view(view_of), Some(expected), "a view is its span's text");
}

/// The bytes of a string view, `None` when absent; checks the NUL after them.
fn view(s: newsparse_str) -> Option<&'static [u8]> {
    if s.data.is_null() {
        return None;
    }
    // SAFETY: a non-NULL view points to `len` bytes and a NUL, valid while its document lives;
    // the 'static lifetime never escapes the checks of one run.
    let bytes = unsafe { std::slice::from_raw_parts(s.data.cast::<u8>(), s.len + 1) };
    assert_eq!(bytes[s.len], 0, "views are NUL-terminated");
    Some(&bytes[..s.len])
}
