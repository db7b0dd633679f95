//! Datelines in the common wire forms: "Kyiv • UNN" on its own line, and "WASHINGTON
//! (Reuters) -", "LONDON, Jan 23 (AP) —", "KYIV, Ukraine —", "Aug 27 (Reuters) -" opening the
//! first body paragraph.

use super::lines::{count_words, trim};
use crate::document::{Dateline, Span, Text};

/// Separators between a place and an outlet on a dateline line.
const BULLETS: &[&str] = &[" • ", " · ", " | "];

/// Dashes that end a dateline; spaced hyphens only, so "Winston-Salem" stays whole.
const DASHES: &[&str] = &["—", "―", "–", " - ", " -- "];

/// The first of [`DASHES`] in `s` and where it starts: one pass over the bytes that every
/// dash holds, `-` or the lead byte 0xE2 of the three long dashes (no two dashes start at
/// one byte).
///
/// Each candidate is the hyphen of a spaced dash or the first byte of a long one; a spaced
/// dash starts at the space before its hyphen. The candidates come in the order of the
/// dashes' starts: a spaced dash found at hyphen `j` starts at `j - 1`, which no long dash
/// found before it can (byte `j - 1` is a space, not 0xE2). At the second hyphen of " -- "
/// no dash starts at the byte before (a hyphen), so the dash is found once, at its first.
fn first_dash(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, b).find_map(|i| {
        let start = if b[i] == b'-' { i.checked_sub(1)? } else { i };
        DASHES.iter().find(|d| b[start..].starts_with(d.as_bytes())).map(|d| (start, *d))
    })
}

/// The longest dateline, in bytes, before its dash.
const MAX_PREFIX: usize = 80;

/// Month names and their abbreviations, for the date part of a dateline.
const MONTHS: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// True when the line `span` is, or opens with, a dateline: [`own_line`] or [`prefix`],
/// with the wire dateline that [`own_line`] would look for read once.
pub(super) fn starts(text: &str, span: Span) -> bool {
    prefix(text, span).is_some()
        || between_bullet(text, span).is_some()
        || place_and_date(text, span).is_some()
}

/// A dateline that fills the whole line `span`: "Kyiv • UNN", or a wire dateline with
/// nothing after its dash. A wire dateline is read only on a line that ends with a dash
/// ([`ends_with_dash`]): most lines do not, and reading one for its dash and its parts
/// costs far more than the test.
pub(super) fn own_line(text: &str, span: Span) -> Option<Dateline> {
    between_bullet(text, span)
        .or_else(|| {
            ends_with_dash(span.text(text))
                .then(|| prefix(text, span))
                .flatten()
                .filter(|d| d.span.end == span.end)
        })
        .or_else(|| place_and_date(text, span))
}

/// True when `s` ends with one of [`DASHES`] without its trailing white space: a hyphen or
/// a long dash, as a wire dateline that ends where `s` ends must.
fn ends_with_dash(s: &str) -> bool {
    DASHES.iter().any(|d| s.ends_with(d.trim_end()))
}

/// "Kyiv • UNN": a place and an outlet on either side of one of [`BULLETS`].
fn between_bullet(text: &str, span: Span) -> Option<Dateline> {
    let s = span.text(text);
    // a place and an outlet of at most four words each: a longer line (a paragraph) has none;
    // nor has a line without the last byte of any bullet (`•` ends in 0xA2, `·` in 0xB7)
    let no_bullet = memchr::memchr3(b'|', 0xA2, 0xB7, s.as_bytes()).is_none();
    let bullets =
        if no_bullet || count_words(s, 2 * 4 + 2) > 2 * 4 + 1 { &[][..] } else { BULLETS };
    for bullet in bullets {
        let Some(at) = memchr::memmem::find(s.as_bytes(), bullet.as_bytes()) else { continue };
        let (place, outlet) = (&s[..at], &s[at + bullet.len()..]);
        if is_name(place, 4) && is_name(outlet, 4) {
            let outlet_start = span.start + at + bullet.len();
            return Some(Dateline {
                span,
                place: Some(Text::new(text, Span::new(span.start, span.start + at))),
                outlet: Some(Text::new(text, Span::new(outlet_start, span.end))),
                date: None,
            });
        }
    }
    None
}

/// "LONDON 1996-08-30", "AL-AIN , United Arab Emirates 1996-12-06": a place in capitals
/// (and a region after a comma) followed by an ISO date, the Reuters archive form.
fn place_and_date(text: &str, span: Span) -> Option<Dateline> {
    let s = span.text(text);
    // the date: the ten bytes after the last space, read from the line's end (the date
    // holds no space, so a space just before its ten bytes is the last); the cheap test
    // first: most lines end in a word, not a date
    let b = s.as_bytes();
    let cut = b.len().checked_sub(11)?;
    let d = &b[cut + 1..];
    let iso = b[cut] == b' '
        && d.iter()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !iso {
        return None;
    }
    let head = &s[..cut];
    let place = head.split(',').next()?.trim_end();
    let region_ok = || head.split(',').skip(1).all(|r| is_name(r.trim(), 4));
    if !is_capitals(place) || !is_name(place, 4) || !region_ok() {
        return None;
    }
    let date_start = span.start + head.len() + 1;
    Some(Dateline {
        span,
        place: Some(Text::new(text, Span::new(span.start, span.start + place.len()))),
        outlet: None,
        date: Some(Text::new(text, Span::new(date_start, span.end))),
    })
}

/// A wire dateline opening the line `span`: PLACE[, REGION][, DATE] [(OUTLET)] DASH, with
/// PLACE in capitals unless an outlet is named; or DATE (OUTLET) DASH. The dateline's span
/// runs through the dash.
pub(super) fn prefix(text: &str, span: Span) -> Option<Dateline> {
    let s = span.text(text);
    let window = &s[..floor_char_boundary(s, MAX_PREFIX + 4)];
    let (dash_at, dash) = first_dash(window)?;
    let head = s[..dash_at].trim_end();
    if head.is_empty() || head.len() > MAX_PREFIX {
        return None;
    }
    let (rest, outlet) = split_outlet(head);
    let mut dateline = Dateline {
        span: Span::new(span.start, span.start + dash_at + dash.trim_end().len()),
        place: None,
        outlet: outlet
            .map(|(at, len)| Text::new(text, Span::new(span.start + at, span.start + at + len))),
        date: None,
    };
    let mut offset = 0;
    for (i, part) in rest.split(", ").enumerate() {
        let part_span =
            trim(text, Span::new(span.start + offset, span.start + offset + part.len()));
        offset += part.len() + 2;
        if !is_name(part, 4) && !is_date(part) {
            return None;
        }
        if is_date(part) {
            dateline.date.get_or_insert_with(|| Text::new(text, part_span));
        } else if i == 0 {
            if outlet.is_none() && !is_capitals(part) {
                return None;
            }
            dateline.place = Some(Text::new(text, part_span));
        } else if i > 2 {
            return None;
        }
    }
    (dateline.place.is_some() || dateline.outlet.is_some()).then_some(dateline)
}

/// Splits a trailing "(OUTLET)" off `head`: the rest, and the outlet's offset and length.
fn split_outlet(head: &str) -> (&str, Option<(usize, usize)>) {
    let Some(inner) = head.strip_suffix(')') else { return (head, None) };
    let Some(open) = inner.rfind('(') else { return (head, None) };
    let name = &inner[open + 1..];
    if !is_name(name, 4) {
        return (head, None);
    }
    (head[..open].trim_end(), Some((open + 1, name.len())))
}

/// One to `max` words, each starting with a capital letter ("Kyiv", "NEW YORK", "N.H.").
fn is_name(s: &str, max: usize) -> bool {
    let mut count = 0;
    let ok = s.split_whitespace().all(|w| {
        count += 1;
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphanumeric() || ".'’-&".contains(c))
    });
    ok && (1..=max).contains(&count)
}

/// At least two letters, none of them lower case.
fn is_capitals(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// A month name or abbreviation followed by a day ("Jan 23", "Dec. 11", "January 23").
fn is_date(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(month), Some(day), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    MONTHS.iter().any(|m| month.starts_with(m))
        && day.trim_end_matches(',').bytes().all(|b| b.is_ascii_digit())
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, String, String, String)> {
        let d = prefix(text, Span::new(0, text.len()))?;
        let get = |t: Option<Text>| t.map(|t| t.text).unwrap_or_default();
        Some((d.span.text(text).to_owned(), get(d.place), get(d.outlet), get(d.date)))
    }

    #[test]
    fn a_wire_dateline_filling_its_line_ends_with_a_dash() {
        let lines = [
            "WASHINGTON (Reuters) -",
            "WASHINGTON (Reuters) - ",
            "LONDON, Jan 23 (AP) —",
            "KYIV, Ukraine –",
            "KYIV, Ukraine ―",
            "Aug 27 (Reuters) --",
            "Aug 27 (Reuters) -- x",
            "WASHINGTON - x",
            "WASHINGTON -x",
            "WASHINGTON—",
            "Winston-Salem",
        ];
        for line in lines {
            let whole = prefix(line, Span::new(0, line.len())).filter(|d| d.span.end == line.len());
            assert!(whole.is_none() || ends_with_dash(line), "{line:?}");
        }
        assert!(ends_with_dash("WASHINGTON (Reuters) -") && !ends_with_dash("Winston-Salem"));
    }

    #[test]
    fn a_bullet_dateline_has_few_words() {
        let own =
            |s: &str| own_line(s, Span::new(0, s.len())).and_then(|d| d.outlet).map(|o| o.text);
        assert_eq!(own("Kyiv • UNN").as_deref(), Some("UNN"));
        assert_eq!(
            own("New York City Hall • The New York Times").as_deref(),
            Some("The New York Times")
        );
        assert!(count_words("a b c d e f g h i j", 10) > 9 && count_words("a\u{a0}b c", 3) <= 2);
    }

    #[test]
    fn every_bullet_holds_a_byte_the_bullet_test_looks_for() {
        for bullet in BULLETS {
            assert!(bullet.bytes().any(|b| matches!(b, b'|' | 0xA2 | 0xB7)), "{bullet:?}");
        }
        for text in ["Kyiv • UNN", "Kyiv · UNN", "Kyiv | UNN"] {
            assert!(between_bullet(text, Span::new(0, text.len())).is_some(), "{text}");
        }
    }

    #[test]
    fn every_dash_holds_a_hyphen_or_the_lead_byte_of_a_long_dash() {
        for dash in DASHES {
            assert!(dash.bytes().any(|b| matches!(b, b'-' | 0xE2)), "{dash:?}");
        }
    }

    /// [`first_dash`] as it was first written: every dash tried at every space and every
    /// 0xE2 byte.
    fn first_dash_at_every_start(s: &str) -> Option<(usize, &'static str)> {
        let b = s.as_bytes();
        memchr::memchr2_iter(b' ', 0xE2, b)
            .find_map(|i| DASHES.iter().find(|d| b[i..].starts_with(d.as_bytes())).map(|d| (i, *d)))
    }

    #[test]
    fn the_first_dash_is_the_first_at_any_start() {
        let pieces = ["a", " ", "-", "--", "—", "–", "―", "€"];
        let strings = crate::chars::strings_of(&pieces, 5);
        for s in &strings {
            assert_eq!(first_dash(s), first_dash_at_every_start(s), "{s:?}");
        }
    }

    #[test]
    fn the_first_dash_is_found() {
        assert_eq!(first_dash("KYIV, Ukraine — a - b"), Some((14, "—")));
        assert_eq!(first_dash("LONDON -- x – y"), Some((6, " -- ")));
        assert_eq!(first_dash("Winston-Salem - x"), Some((13, " - ")));
        assert_eq!(first_dash("no dash-here"), None);
        assert_eq!(first_dash("a --- b -- c"), Some((7, " -- ")));
        assert_eq!(first_dash("-- x - y"), Some((4, " - ")));
        assert_eq!(first_dash("a –b"), Some((2, "–")));
    }

    #[test]
    fn wire_datelines_open_the_lede() {
        let cases = [
            (
                "WASHINGTON (Reuters) - The Senate voted.",
                "WASHINGTON (Reuters) -",
                "WASHINGTON",
                "Reuters",
                "",
            ),
            (
                "LONDON, Jan 23 (AP) — Prices rose.",
                "LONDON, Jan 23 (AP) —",
                "LONDON",
                "AP",
                "Jan 23",
            ),
            ("KYIV, Ukraine — Sirens sounded.", "KYIV, Ukraine —", "KYIV", "", ""),
            (
                "CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters",
                "CAMBRIDGE, Mass., Dec. 11 (UPI) —",
                "CAMBRIDGE",
                "UPI",
                "Dec. 11",
            ),
            (
                "Aug 27 (Reuters) - Clinton was briefed.",
                "Aug 27 (Reuters) -",
                "",
                "Reuters",
                "Aug 27",
            ),
            ("BOSTON —Standing in front of a crowd", "BOSTON —", "BOSTON", "", ""),
        ];
        for (text, span, place, outlet, date) in cases {
            let got = parts(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(got, (span.into(), place.into(), outlet.into(), date.into()), "{text}");
        }
    }

    #[test]
    fn body_sentences_with_dashes_are_no_datelines() {
        assert!(parts("The senator — a Democrat — said no.").is_none());
        assert!(parts("Trump - and his allies - push back").is_none());
        assert!(parts("In Winston-Salem, voters lined up.").is_none());
    }

    #[test]
    fn place_and_iso_date_on_their_own_line() {
        for (text, place) in [
            ("LONDON 1996-08-30", "LONDON"),
            ("AL-AIN , United Arab Emirates 1996-12-06", "AL-AIN"),
        ] {
            let d = own_line(text, Span::new(0, text.len())).unwrap();
            assert_eq!(d.place.unwrap().text, place);
            assert_eq!(d.date.unwrap().text.len(), 10);
        }
        assert!(own_line("Results 1996-08-30", Span::new(0, 18)).is_none());
    }

    #[test]
    fn place_and_outlet_on_their_own_line() {
        let text = "Kyiv • UNN";
        let d = own_line(text, Span::new(0, text.len())).unwrap();
        assert_eq!(d.place.unwrap().text, "Kyiv");
        assert_eq!(d.outlet.unwrap().text, "UNN");
    }
}
