//! Character classes answered without a Unicode table lookup where the answer is known:
//! for ASCII, and for the quotation marks, dashes and guillemets that hostile and ordinary
//! text alike put next to the letters these questions are about.

/// [`char::is_alphabetic`].
pub(crate) fn letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { !is_punctuation(c) && c.is_alphabetic() }
}

/// [`char::is_alphanumeric`].
pub(crate) fn letter_or_digit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_punctuation(c) && c.is_alphanumeric() }
}

/// The General Punctuation block (quotation marks, dashes, spaces of many widths) and the
/// guillemets: no letters or digits there.
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_std() {
        for c in ('\0'..='\u{3000}').chain(['\u{1F600}', '\u{10FFFF}']) {
            assert_eq!(letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(letter('Ж') && letter('ß') && !letter('“') && !letter('«'));
        assert!(letter_or_digit('٣') && !letter('٣'));
    }
}
