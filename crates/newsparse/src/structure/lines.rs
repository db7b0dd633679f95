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

/// The lines of `text`, split at `\n` (a `\r` before it is dropped), each trimmed of white
/// space; blank lines are yielded with an empty span.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut blank_before = false;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let span = trim(text, Span::new(start, end));
        let line = Line { span, blank_before };
        blank_before = span.is_empty();
        start = end + 1;
        Some(line)
    })
}

/// `span` without leading and trailing white space (Unicode white space included).
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_across_crlf() {
        let text = "a\r\nbc\n\nd";
        let got: Vec<&str> = lines(text).map(|l| l.span.text(text)).collect();
        assert_eq!(got, ["a", "bc", "", "d"]);
        let blank: Vec<bool> = lines(text).map(|l| l.blank_before).collect();
        assert_eq!(blank, [false, false, false, true]);
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
    }
}
