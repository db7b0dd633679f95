//! The status enum, the thread-local last-error message and the panic boundary every export
//! runs inside.

use std::any::Any;
use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What a fallible call returns. `NEWSPARSE_STATUS_OK` is 0; every other value is an error,
/// described by `newsparse_status_message` and, in more detail, by `newsparse_last_error`.
/// The numbers are stable: new statuses get new numbers.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum newsparse_status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullParameter = 1,
    /// The text is not valid UTF-8.
    InvalidUtf8 = 2,
    /// The text is longer than the extractor's maximum size.
    TooLarge = 3,
    /// A file could not be read (missing, unreadable, or its path is not valid).
    Io = 4,
    /// A gazetteer file is malformed.
    BadGazetteer = 5,
    /// An index is past the end of what it indexes.
    OutOfRange = 6,
    /// An error this version of the C API does not know how to classify.
    Other = 7,
    /// A Rust panic was caught at the boundary; this is a bug in newsparse.
    Panic = 8,
}

impl newsparse_status {
    /// A static description of the status.
    fn message(self) -> &'static CStr {
        match self {
            newsparse_status::Ok => c"ok",
            newsparse_status::NullParameter => c"a required pointer argument was NULL",
            newsparse_status::InvalidUtf8 => c"the text is not valid UTF-8",
            newsparse_status::TooLarge => c"the text is longer than the extractor accepts",
            newsparse_status::Io => c"a file could not be read",
            newsparse_status::BadGazetteer => c"a gazetteer file is malformed",
            newsparse_status::OutOfRange => c"an index is out of range",
            newsparse_status::Other => c"an unclassified error",
            newsparse_status::Panic => c"a panic was caught inside newsparse (a bug)",
        }
    }

    /// The status with number `n`, if there is one.
    fn from_u32(n: u32) -> Option<newsparse_status> {
        use newsparse_status::*;
        [Ok, NullParameter, InvalidUtf8, TooLarge, Io, BadGazetteer, OutOfRange, Other, Panic]
            .into_iter()
            .find(|s| *s as u32 == n)
    }
}

/// A failed call: its status and a message for `newsparse_last_error`.
#[derive(Debug)]
pub(crate) struct Failure {
    status: newsparse_status,
    message: String,
}

impl Failure {
    /// A failure with `status` and a message.
    pub(crate) fn new(status: newsparse_status, message: impl Into<String>) -> Failure {
        Failure { status, message: message.into() }
    }

    /// A NULL-parameter failure naming the parameter.
    pub(crate) fn null(name: &str) -> Failure {
        Failure::new(newsparse_status::NullParameter, format!("`{name}` is NULL"))
    }
}

impl From<newsparse::Error> for Failure {
    fn from(error: newsparse::Error) -> Failure {
        let status = match &error {
            newsparse::Error::TooLarge { .. } => newsparse_status::TooLarge,
            newsparse::Error::Io { .. } => newsparse_status::Io,
            newsparse::Error::Gazetteer { .. } => newsparse_status::BadGazetteer,
            _ => newsparse_status::Other,
        };
        Failure::new(status, error.to_string())
    }
}

thread_local! {
    /// The message of the last fallible call on this thread, empty after a success.
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// Sets this thread's last-error message (interior NUL bytes are dropped).
fn set_last_error(message: String) {
    let message = CString::new(message.replace('\0', "")).unwrap_or_default();
    // During the thread's teardown the slot is gone; the message is then dropped.
    let _ = LAST_ERROR.try_with(|last| *last.borrow_mut() = message);
}

/// The panic boundary of every fallible export: runs `f`, records its failure (or a caught
/// panic) as this thread's last error, and returns the status. No panic unwinds past it.
pub(crate) fn boundary(f: impl FnOnce() -> Result<(), Failure>) -> newsparse_status {
    set_last_error(String::new());
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => newsparse_status::Ok,
        Ok(Err(failure)) => {
            set_last_error(failure.message);
            failure.status
        }
        Err(payload) => {
            set_last_error(format!("panic: {}", panic_message(&*payload)));
            newsparse_status::Panic
        }
    }
}

/// The panic boundary of exports that cannot fail (counts, frees, static strings): runs `f`
/// and returns `fallback` if it panics.
pub(crate) fn boundary_or<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// The text of a panic payload.
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "unknown panic payload"
    }
}

/// A static, NUL-terminated description of `status` (a `newsparse_status` value); unknown
/// values get "unknown status". The string is owned by the library and lives for the whole
/// program: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_status_message(status: u32) -> *const c_char {
    boundary_or(c"panic".as_ptr(), || match newsparse_status::from_u32(status) {
        Some(status) => status.message().as_ptr(),
        None => c"unknown status".as_ptr(),
    })
}

/// The message of the last fallible call made on this thread: empty ("") when it succeeded,
/// otherwise what went wrong in detail (the file and line of a bad gazetteer, which parameter
/// was NULL …). Never NULL. The string is owned by the library and stays valid until the
/// next fallible newsparse call on this thread or the thread's exit: copy it to keep it.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_last_error() -> *const c_char {
    boundary_or(c"panic".as_ptr(), || LAST_ERROR.with(|last| last.borrow().as_ptr()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_error() -> String {
        // SAFETY: `newsparse_last_error` returns a valid NUL-terminated string.
        unsafe { CStr::from_ptr(newsparse_last_error()) }.to_string_lossy().into_owned()
    }

    #[test]
    fn a_panic_becomes_the_panic_status() {
        assert_eq!(boundary(|| panic!("boom")), newsparse_status::Panic);
        assert_eq!(last_error(), "panic: boom");
        assert_eq!(boundary_or(7, || panic!("boom")), 7);
    }

    #[test]
    fn a_failure_sets_the_message_and_a_success_clears_it() {
        assert_eq!(boundary(|| Err(Failure::null("out"))), newsparse_status::NullParameter);
        assert_eq!(last_error(), "`out` is NULL");
        assert_eq!(boundary(|| Ok(())), newsparse_status::Ok);
        assert_eq!(last_error(), "");
    }

    #[test]
    fn every_status_has_a_message() {
        for n in 0..=8 {
            let status = newsparse_status::from_u32(n).expect("statuses are numbered 0 to 8");
            assert_eq!(status as u32, n);
            assert!(!status.message().is_empty());
        }
        assert_eq!(newsparse_status::from_u32(9), None);
    }

    #[test]
    fn core_errors_map_to_statuses() {
        let error = newsparse::Error::TooLarge { len: 2, max: 1 };
        assert_eq!(Failure::from(error).status, newsparse_status::TooLarge);
    }
}
