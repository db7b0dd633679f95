//! Article structure: headline and its source suffix, dateline, byline, subheads, lede and
//! boilerplate, found line by line before anything else reads the text.
//!
//! The text is read as lines. Boilerplate lines (related-link teasers, "Read more:", photo
//! credits, share and newsletter prompts …) are found first and set aside; the remaining lines
//! are article text. Of those, the first may be a headline (with a deck on the next line when
//! it ends in `;`), the next few a byline or a dateline, and when no dateline stands on its own
//! line, one of the first three body lines may open with one ("WASHINGTON (Reuters) - …"):
//! that line is the lede. Short lines without final punctuation between paragraphs are
//! subheads, unless the next line goes on in lower case (a hard-wrapped line).
//!
//! Rule names, as [`Boilerplate::rule`](crate::Boilerplate::rule) reports them:
//! `boilerplate.teaser.timestamp_views`, `boilerplate.<how>.<kind>` for a row of
//! `data/boilerplate.tsv`, `boilerplate.watch_colon`, `boilerplate.shape.separator`,
//! `boilerplate.shape.handle`, `boilerplate.shape.caption_credit`, `boilerplate.shape.markup`.
//! Each part keeps its span into the original text; nothing is normalised.

mod boilerplate;
mod dateline;
mod headline;
mod lines;

use std::cell::Cell;

use crate::chars::more_words_than8;
use crate::document::{Byline, Span, Structure, Text};
use crate::scratch;

pub(crate) use lines::{Line, lines, non_blank_lines, non_blank_lines_into, trim, wraps};

/// How many article lines after the headline may hold a byline or a dateline.
const FRONT_MATTER_LINES: usize = 3;
/// How many body lines may come before the one a dateline opens (an introduction or a
/// second deck line).
const DATELINE_LINES: usize = 3;

/// Finds the structure of `text`.
pub(crate) fn analyze(text: &str) -> Structure {
    analyze_lines(text, &non_blank_lines(text))
}

/// Finds the structure of `text`, whose non-blank lines (as [`non_blank_lines`] gives them)
/// are `all`: the pipeline splits the text into lines once for this and segmentation.
pub(crate) fn analyze_lines(text: &str, all: &[Line]) -> Structure {
    let mut structure = Structure::default();
    // the article's lines: a list the thread keeps from text to text
    let mut article = scratch::take(&ARTICLE);
    article.reserve(all.len());
    for (i, &line) in all.iter().enumerate() {
        match boilerplate::classify(text, line.span) {
            Some(b) => {
                // sized once for the worst case at the first (growing would copy every entry
                // found so far), then trimmed to what was found; a text with none (most
                // news) allocates nothing
                if structure.boilerplate.capacity() == 0 {
                    structure.boilerplate.reserve_exact(all.len() - i);
                }
                structure.boilerplate.push(b);
            }
            None => article.push(line),
        }
    }
    structure.boilerplate.shrink_to_fit();
    let mut at = front_matter(text, &article, &mut structure);
    let mut lede_at = at;
    if structure.dateline.is_none() {
        let mut window = article.iter().enumerate().skip(at).take(DATELINE_LINES);
        if let Some((i, d)) = window.find_map(|(i, l)| Some((i, dateline::prefix(text, l.span)?))) {
            structure.dateline = Some(d);
            lede_at = i;
        }
    }
    let body_start = at;
    while at + 1 < article.len() {
        let span = article[at].span;
        let wrapped = wraps(text, span, article[at + 1].span);
        if at > body_start && at != lede_at && !wrapped && is_subhead(span.text(text)) {
            structure.subheads.push(Text::new(text, span));
        }
        at += 1;
    }
    structure.lede = lede(text, &article[lede_at.min(article.len())..], &structure);
    scratch::give(&ARTICLE, article);
    structure
}

thread_local! {
    /// The list of the article lines (boilerplate left out) of the thread's last text,
    /// emptied, for its next one.
    static ARTICLE: Cell<Vec<Line>> = const { Cell::new(Vec::new()) };
}

/// Finds the headline, byline and a dateline on its own line; returns the index in `article`
/// of the first line after them.
fn front_matter(text: &str, article: &[Line], structure: &mut Structure) -> usize {
    let mut at = 0;
    if article.len() < 2 {
        return at;
    }
    if dateline::own_line(text, article[0].span).is_none() {
        structure.headline = headline::find(text, article);
        at = structure.headline.as_ref().map_or(0, |h| if h.deck.is_some() { 2 } else { 1 });
    }
    let end = (at + FRONT_MATTER_LINES).min(article.len().saturating_sub(1));
    while at < end {
        let span = article[at].span;
        let before_dateline =
            article.get(at + 1).is_some_and(|l| dateline::own_line(text, l.span).is_some());
        let found_byline =
            structure.byline.is_none().then(|| byline(text, span)).flatten().or_else(|| {
                (structure.byline.is_none() && before_dateline && is_bare_byline(span.text(text)))
                    .then(|| Byline { span, authors: vec![Text::new(text, span)] })
            });
        let found_dateline = (found_byline.is_none() && structure.dateline.is_none())
            .then(|| dateline::own_line(text, span))
            .flatten();
        if found_byline.is_none() && found_dateline.is_none() {
            break;
        }
        structure.byline = structure.byline.take().or(found_byline);
        structure.dateline = structure.dateline.take().or(found_dateline);
        at += 1;
    }
    at
}

/// The lede: the first body line that is not a subhead, without a dateline that opens it.
fn lede(text: &str, body: &[Line], structure: &Structure) -> Option<Span> {
    let line = body.iter().find(|l| !structure.subheads.iter().any(|s| s.span == l.span))?;
    let mut span = line.span;
    if let Some(d) = structure.dateline.as_ref().filter(|d| span.contains(d.span)) {
        span = lines::trim(text, Span::new(d.span.end, span.end));
    }
    Some(span).filter(|s| !s.is_empty())
}

/// A subhead: a short line that starts with a capital letter or a digit and has no final
/// punctuation ("Details"), a short line in capitals ("GOING BROKE FOR RUBIO."), or a
/// clock time heading a live-blog entry ("6:01 p.m.").
fn is_subhead(s: &str) -> bool {
    // the cheap tests first: the length, then the first letter
    let starts_well = s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if s.len() > 90 || !starts_well || more_words_than8(s, 10) {
        return false;
    }
    let ends_open =
        !s.ends_with(['.', ',', ';', ':', '!', '?', '"', '\'', '”', '’', ')', '…', ']']);
    ends_open || is_capitals(s) || is_clock_time(s)
}

/// At least three letters, none of them lower case. The lower-case test first: it stops at
/// the first lower-case letter, most often the line's second character, where the count
/// reads the whole line.
fn is_capitals(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// "6:01 p.m.", "10:45 a.m.:", "11 p.m."
fn is_clock_time(s: &str) -> bool {
    let s = s.trim_end_matches([':', '.']);
    let Some(rest) = s.strip_suffix("p.m").or_else(|| s.strip_suffix("a.m")) else {
        return false;
    };
    let rest = rest.trim_end();
    !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b':') && rest.len() <= 5
}

/// An author's name alone on a line, as wire copy puts it between headline and dateline
/// ("Larry Fine"): two to four capitalised words and nothing else.
pub(super) fn is_bare_byline(s: &str) -> bool {
    let mut words = 0;
    let names = s.split_whitespace().all(|w| {
        words += 1;
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
            && w.chars().any(char::is_lowercase)
    });
    names && (2..=4).contains(&words)
}

/// A byline: "By Jane Doe", "By JANE DOE and JOHN ROE", "BYLINE: Amber Phillips".
fn byline(text: &str, line: Span) -> Option<Byline> {
    let s = line.text(text);
    let skip = ["By ", "BY ", "BYLINE: ", "Byline: "].iter().find(|p| s.starts_with(**p))?.len();
    let names = s[skip..].trim_end_matches('.');
    let words: Vec<&str> = names.split_whitespace().collect();
    let name_like = |w: &&str| {
        matches!(*w, "and" | "&" | "AND")
            || w.chars().next().is_some_and(char::is_uppercase)
            || w.starts_with("de") && w.len() <= 3
    };
    if words.is_empty() || words.len() > 10 || !words.iter().all(name_like) {
        return None;
    }
    let base = line.start + skip;
    let mut authors = Vec::new();
    let mut from = 0;
    for piece in names.split([',', '&']).flat_map(|p| p.split(" and ")) {
        let at = names[from..].find(piece).map_or(from, |i| from + i);
        from = at + piece.len();
        let span = lines::trim(text, Span::new(base + at, base + from));
        if !span.is_empty() {
            authors.push(Text::new(text, span));
        }
    }
    Some(Byline { span: line, authors })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_with_source_and_dateline() {
        let text = "Europeans push Trump to act - Bloomberg\nKyiv • UNN\nBody text here.";
        let s = analyze(text);
        let h = s.headline.unwrap();
        assert_eq!(h.text.text, "Europeans push Trump to act");
        assert_eq!(h.source.unwrap().text, "Bloomberg");
        let d = s.dateline.unwrap();
        assert_eq!(d.place.unwrap().text, "Kyiv");
        assert_eq!(d.outlet.unwrap().text, "UNN");
    }

    #[test]
    fn a_sentence_is_no_headline() {
        let s = analyze("It rained all day in Kyiv.\nThen it stopped.");
        assert!(s.headline.is_none());
    }

    #[test]
    fn subheads_are_short_open_lines() {
        assert!(is_subhead("Details"));
        assert!(is_subhead("GOING BROKE FOR RUBIO."));
        assert!(is_subhead("6:01 p.m."));
        assert!(!is_subhead("Close call."));
        assert!(!is_subhead("the rest of it"));
    }

    #[test]
    fn wire_author_line_between_headline_and_dateline() {
        let text = "Tajik troops now control town .\nYuri Kushko\nTAVILDARA , Tajikistan 1996-08-30\nTroops moved in .";
        let s = analyze(text);
        assert_eq!(s.headline.unwrap().text.text, "Tajik troops now control town .");
        assert_eq!(s.byline.unwrap().authors[0].text, "Yuri Kushko");
        assert_eq!(s.dateline.unwrap().place.unwrap().text, "TAVILDARA");
        assert_eq!(s.lede.unwrap().text(text), "Troops moved in .");
    }

    #[test]
    fn bylines_name_their_authors() {
        let text = "By Jane Doe and John Roe";
        let b = byline(text, Span::new(0, text.len())).unwrap();
        let names: Vec<&str> = b.authors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, ["Jane Doe", "John Roe"]);
        assert!(byline("By Wednesday afternoon, the deal was done", Span::new(0, 40)).is_none());
    }
}
