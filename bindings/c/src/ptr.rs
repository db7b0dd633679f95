//! Null-check-and-cast helpers: the only place that turns C pointers into Rust references,
//! so that each export is a few lines. Each helper is `unsafe`: the caller (an export) passes
//! on its own C caller's guarantee that a non-NULL pointer is valid.

use std::ffi::{CStr, c_char};
use std::path::PathBuf;
use std::ptr::NonNull;

use crate::status::{Failure, newsparse_status};

/// A shared reference to `*ptr`, or a NULL-parameter failure naming `name`.
///
/// # Safety
///
/// `ptr` is NULL or points to a live `T` not mutated for `'a`.
pub(crate) unsafe fn try_ref<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: non-NULL pointers are valid for `'a` by this function's contract.
    unsafe { ptr.as_ref() }.ok_or_else(|| Failure::null(name))
}

/// A unique reference to `*ptr`, or a NULL-parameter failure naming `name`.
///
/// # Safety
///
/// `ptr` is NULL or points to a live `T` nothing else uses for `'a`.
pub(crate) unsafe fn try_mut<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: non-NULL pointers are valid and unaliased for `'a` by this function's contract.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(name))
}

/// `len` bytes at `ptr` as UTF-8 text. NULL is accepted when `len` is 0.
///
/// # Safety
///
/// `ptr` is NULL or points to `len` readable bytes not mutated for `'a`.
pub(crate) unsafe fn try_text<'a>(
    ptr: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a str, Failure> {
    let bytes: &[u8] = match (ptr.is_null(), len) {
        (true, 0) => &[],
        (true, _) => return Err(Failure::null(name)),
        // SAFETY: `ptr` is not NULL and points to `len` readable bytes by the contract.
        (false, _) => unsafe { std::slice::from_raw_parts(ptr, len) },
    };
    std::str::from_utf8(bytes).map_err(|e| {
        let message = format!("`{name}` is not valid UTF-8: {e}");
        Failure::new(newsparse_status::InvalidUtf8, message)
    })
}

/// A NUL-terminated file path at `ptr`: bytes on Unix, UTF-8 elsewhere.
///
/// # Safety
///
/// `ptr` is NULL or points to a NUL-terminated string.
pub(crate) unsafe fn try_path(ptr: *const c_char, name: &str) -> Result<PathBuf, Failure> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    // SAFETY: `ptr` is not NULL and NUL-terminated by the contract.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    #[cfg(unix)]
    return Ok(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes).into());
    #[cfg(not(unix))]
    return std::str::from_utf8(bytes).map(PathBuf::from).map_err(|_| {
        Failure::new(newsparse_status::Io, format!("`{name}` is not a valid UTF-8 path"))
    });
}

/// An out-parameter, checked for NULL before any work so that it is written only on success.
pub(crate) struct Out<T>(NonNull<T>);

impl<T> Out<T> {
    /// The out-parameter `ptr`, or a NULL-parameter failure naming `name`.
    ///
    /// # Safety
    ///
    /// `ptr` is NULL or valid for writing a `T` (it may hold garbage; it is not read).
    pub(crate) unsafe fn new(ptr: *mut T, name: &str) -> Result<Out<T>, Failure> {
        NonNull::new(ptr).map(Out).ok_or_else(|| Failure::null(name))
    }

    /// Writes `value`, without reading or dropping what was there.
    pub(crate) fn write(self, value: T) {
        // SAFETY: `Out::new`'s contract makes the pointer valid for writes.
        unsafe { self.0.as_ptr().write(value) }
    }
}

/// Moves `value` to the heap and hands it to C; `take` gives it back.
pub(crate) fn to_c<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Takes back a value handed out by `to_c`, to drop it; NULL gives `None`.
///
/// # Safety
///
/// `ptr` is NULL or came from `to_c::<T>` and was not taken back before.
pub(crate) unsafe fn take<T>(ptr: *mut T) -> Option<Box<T>> {
    // SAFETY: a non-NULL `ptr` came from `Box::into_raw` and is owned again here.
    (!ptr.is_null()).then(|| unsafe { Box::from_raw(ptr) })
}
