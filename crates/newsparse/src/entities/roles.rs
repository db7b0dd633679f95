//! Roles and affiliations of people, read from premodifiers ("French President Emmanuel
//! Macron") and appositives ("Patrick Turner, NATO's senior representative to Ukraine").

use super::names::Candidate;
use crate::document::{Entity, EntityKind};
use crate::gazetteer::Gazetteer;

/// Fills `role` and `affiliation` of person entities from their mentions' contexts, the
/// first mention that tells winning. `owners` gives the entity of each candidate (as
/// [`cluster`](super::cluster::cluster) returns it): candidates are read in text order, as
/// each entity's mentions are.
pub(crate) fn read(
    text: &str,
    gaz: &Gazetteer,
    cands: &[Candidate],
    owners: &[Option<usize>],
    entities: &mut [Entity],
) {
    for (c, owner) in cands.iter().zip(owners) {
        let Some(e) = owner.map(|i| &mut entities[i]) else { continue };
        if e.kind != EntityKind::Person || e.role.is_some() {
            continue;
        }
        if let Some(title) = c.title {
            e.role = Some(title.text(text).to_owned());
            e.affiliation = e.affiliation.take().or_else(|| premodifier(text, cands, c));
        } else if let Some((role, aff)) = appositive(text, gaz, cands, c) {
            e.role = Some(role);
            e.affiliation = e.affiliation.take().or(aff);
        }
    }
}

/// The entity named just before a title ("French" in "French President Emmanuel Macron").
fn premodifier(text: &str, cands: &[Candidate], c: &Candidate) -> Option<String> {
    let title = c.title?;
    let before = &cands[..cands.partition_point(|p| p.span.start < title.start)];
    let before = before.iter().rev().find(|p| p.span.end <= title.start)?;
    let gap = text.get(before.span.end..title.start)?;
    let gap = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")).unwrap_or(gap);
    (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
        .then(|| before.span.text(text).to_owned())
}

/// ", [Org's] role phrase," after a name: the role and the affiliation.
fn appositive(
    text: &str,
    gaz: &Gazetteer,
    cands: &[Candidate],
    c: &Candidate,
) -> Option<(String, Option<String>)> {
    let rest = text.get(c.span.end..)?.strip_prefix(", ")?;
    let end = rest.find([',', '.', ';', '"', '”', '\n', '(']).unwrap_or(rest.len());
    let phrase = rest[..end].trim();
    let start = c.span.end + 2;
    let org = at(cands, start).filter(|o| o.kind != Some(EntityKind::Person));
    let (aff, role) = match org {
        Some(o) => {
            let after = text.get(o.span.end..start + end)?;
            let after = after.trim_start_matches(['\'', '’']).trim_start_matches('s').trim();
            (Some(o.span.text(text).to_owned()), after)
        }
        None => (None, phrase.strip_prefix("the ").or(phrase.strip_prefix("a ")).unwrap_or(phrase)),
    };
    let words: Vec<&str> = role.split_whitespace().collect();
    let head = (1..=words.len().min(3)).rev().find(|&n| gaz.is_title(&words[..n].join(" ")))?;
    (head > 0 && words.len() <= 10).then(|| (role.to_owned(), aff))
}

/// The candidate starting at byte `start` (candidates are in text order).
fn at(cands: &[Candidate], start: usize) -> Option<&Candidate> {
    cands.binary_search_by_key(&start, |c| c.span.start).ok().map(|i| &cands[i])
}
