//! Roles and affiliations of people, read from premodifiers ("French President Emmanuel
//! Macron") and appositives ("Patrick Turner, NATO's senior representative to Ukraine").

use super::names::Candidate;
use crate::chars::more_words_than;
use crate::document::{Entity, EntityKind};
use crate::gazetteer::Gazetteer;
use crate::pool;

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
            e.role = Some(pool::string(title.text(text)));
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
        .then(|| pool::string(before.span.text(text)))
}

/// ", [Org's] role phrase," after a name: the role and the affiliation.
fn appositive(
    text: &str,
    gaz: &Gazetteer,
    cands: &[Candidate],
    c: &Candidate,
) -> Option<(String, Option<String>)> {
    let rest = text.get(c.span.end..)?.strip_prefix(", ")?;
    let end = phrase_end(rest);
    let phrase = rest[..end].trim();
    let start = c.span.end + 2;
    let org = at(cands, start).filter(|o| o.kind != Some(EntityKind::Person));
    let (aff, role) = match org {
        Some(o) => {
            let after = text.get(o.span.end..start + end)?;
            let after = after.trim_start_matches(['\'', '’']).trim_start_matches('s').trim();
            (Some(pool::string(o.span.text(text))), after)
        }
        None => (None, phrase.strip_prefix("the ").or(phrase.strip_prefix("a ")).unwrap_or(phrase)),
    };
    is_role(gaz, role).then(|| (pool::string(role), aff))
}

/// Where an appositive phrase at the start of `rest` ends: at its first `,` `.` `;` `"` `”`
/// `(` or line break, or the end of `rest`. Found on bytes: UTF-8 puts no character's bytes
/// inside another's, and all but `”` are one byte.
fn phrase_end(rest: &str) -> usize {
    let b = rest.as_bytes();
    (0..b.len())
        .find(|&i| match b[i] {
            b',' | b'.' | b';' | b'"' | b'\n' | b'(' => true,
            0xe2 => b[i..].starts_with("”".as_bytes()),
            _ => false,
        })
        .unwrap_or(b.len())
}

/// Whether `role` names a role: at most ten words (counted no further than the eleventh),
/// of which the first one, two or three, joined by single spaces, make a title.
fn is_role(gaz: &Gazetteer, role: &str) -> bool {
    if more_words_than(role, 10) {
        return false;
    }
    let mut first = [""; 3];
    let mut n = 0;
    for (slot, word) in first.iter_mut().zip(role.split_whitespace()) {
        *slot = word;
        n += 1;
    }
    (1..=n).rev().any(|n| is_title_words(gaz, role, &first[..n]))
}

/// Whether `words`, the first words of `role`, joined by single spaces, make a title: read
/// from `role` itself where single spaces already join them, so that most look-ups copy
/// nothing.
fn is_title_words(gaz: &Gazetteer, role: &str, words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let at = |w: &str| w.as_ptr() as usize - role.as_ptr() as usize;
    let (start, end) = (at(first), at(last) + last.len());
    let joined = &role[start..end];
    // one space between each word and the next (the words hold no white space)
    let single = words.windows(2).all(|pair| {
        let gap = at(pair[0]) + pair[0].len();
        at(pair[1]) == gap + 1 && role.as_bytes()[gap] == b' '
    });
    if single { gaz.is_title(joined) } else { gaz.is_title(&words.join(" ")) }
}

/// The candidate starting at byte `start` (candidates are in text order).
fn at(cands: &[Candidate], start: usize) -> Option<&Candidate> {
    cands.binary_search_by_key(&start, |c| c.span.start).ok().map(|i| &cands[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role test of [`appositive`] as first written, with a list of all the words and a
    /// joined copy per look-up: the reference for [`is_role`].
    fn is_role_by_list(gaz: &Gazetteer, role: &str) -> bool {
        let words: Vec<&str> = role.split_whitespace().collect();
        let head = (1..=words.len().min(3)).rev().find(|&n| gaz.is_title(&words[..n].join(" ")));
        head.is_some_and(|head| head > 0) && words.len() <= 10
    }

    #[test]
    fn roles_are_read_as_the_word_list_read_them() {
        let gaz = crate::gazetteer::default_gazetteer();
        let roles = [
            "",
            "president",
            "President of France",
            "senior  adviser to the mayor",
            "special\u{a0}envoy",
            "secretary of state",
            "Secretary\tof State",
            "spokesman for the ministry of foreign affairs and trade of the republic",
            "chief executive officer",
            "prime minister",
            "prime  minister",
            "prime minister of a b c d e f g h",
            "prime minister of a b c d e f g h i",
            "Élysée spokeswoman",
            "  attorney general ",
        ];
        for role in roles {
            assert_eq!(is_role(&gaz, role), is_role_by_list(&gaz, role), "{role:?}");
        }
        // titles found both ways: from the text as it stands and from a joined copy
        assert!(is_role(&gaz, "prime minister") && is_role(&gaz, "prime  minister"));
    }

    #[test]
    fn a_phrase_ends_where_a_search_for_its_stops_finds() {
        let texts = ["a, b", "the “chief” of", "x\ny", "aide (left)", "Zürich’s mayor", "", "a”"];
        for rest in texts {
            let want = rest.find([',', '.', ';', '"', '”', '\n', '(']).unwrap_or(rest.len());
            assert_eq!(phrase_end(rest), want, "{rest:?}");
        }
    }
}
