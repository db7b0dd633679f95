//! Lines of text with their offsets, found with a byte scan.

use crate::document::Span;

/// One line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line without its terminator and surrounding white space; empty for a blank line.
    pub(crate) span: Span,
    /// True when a blank line (or several) stands right before this line.
    pub(crate) blank_before: bool,
}

/// The lines of `text`, split at `\n`, as spans without their terminator (`\n` or `\r\n`),
/// blank lines included, not trimmed of other white space.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let body = if end > start && bytes[end - 1] == b'\r' { end - 1 } else { end };
        let span = Span::new(start, body);
        start = end + 1;
        Some(span)
    })
}

/// The lines of `text` trimmed of white space, each marked when a blank line stands before
/// it; blank lines are yielded with an empty span.
pub(crate) fn trimmed_lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let mut blank_before = false;
    lines(text).map(move |raw| {
        let span = trim(text, raw);
        let line = Line { span, blank_before };
        blank_before = span.is_empty();
        line
    })
}

/// `span` without leading and trailing white space (Unicode white space included).
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// True when the line `next` goes on with the paragraph `prev` that a hard line break cut:
/// `prev` has no final punctuation and `next` starts in lower case ("… defend the Ashes in
/// ⏎ a six-test series …").
pub(crate) fn wraps(text: &str, prev: Span, next: Span) -> bool {
    // most lines start with a capital or a mark: the cheaper test first
    next.text(text).starts_with(char::is_lowercase)
        && !prev.text(text).ends_with(['.', '!', '?', ':', ';', '…', '"', '\'', '”', '’', ')'])
}

/// The number of words of `s` split at ASCII white space, counted up to `max`.
pub(super) fn count_words(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    let (mut words, mut i) = (0, 0);
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == b.len() {
            return words;
        }
        words += 1;
        if words >= max {
            return max;
        }
        // the word, skipped in a tight loop
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_across_crlf() {
        let text = "a\r\nbc\n\nd";
        let got: Vec<&str> = lines(text).map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "bc", "", "d"]);
        let blank: Vec<bool> = trimmed_lines(text).map(|l| l.blank_before).collect();
        assert_eq!(blank, [false, false, false, true]);
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
    }
}
