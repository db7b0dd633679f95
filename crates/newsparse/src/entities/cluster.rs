//! Alias clustering within one article: gazetteer aliases, surname after full name,
//! transliteration variants, acronyms, and capitals standing for their country.

use std::cell::Cell;

use super::names::Candidate;
use crate::document::{Entity, EntityKind, Mention, Region, Span};
use crate::gazetteer::{FxMap, Gazetteer, IdMap, key, key_ascii_lower, key_bytes};
use crate::search::partition_hinted;

/// What a mention is a mention of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A gazetteer record.
    Record(u32),
    /// A name no gazetteer holds: the [`key`] of its [`fold`].
    Name(u64),
}

/// Clusters the candidates of one article into entities, in order of first mention, and
/// says which entity each candidate is a mention of.
pub(crate) fn cluster(
    text: &str,
    gaz: &Gazetteer,
    cands: &[Candidate],
) -> (Vec<Entity>, Vec<Option<usize>>) {
    let people = FullNames::new(text, gaz, cands);
    let records: FxMap<u32, ()> = cands.iter().filter_map(|c| Some((c.record?, ()))).collect();
    let acronyms = acronyms(text, cands);
    let mut index: FxMap<Key, usize> = FxMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut owners = Vec::with_capacity(cands.len());
    for c in cands {
        let mention = &c.span.text(text);
        let Some((key, kind)) = key_of(gaz, c, mention, &people, &records, &acronyms) else {
            owners.push(None);
            continue;
        };
        let named = matches!(key, Key::Name(_));
        let id = match index.get(&key) {
            Some(&id) => id,
            None => {
                entities.push(Entity {
                    id: entities.len(),
                    name: name_of(gaz, key, mention),
                    kind,
                    mentions: Vec::new(),
                    role: None,
                    affiliation: None,
                });
                index.insert(key, entities.len() - 1);
                entities.len() - 1
            }
        };
        let e = &mut entities[id];
        if named && kind == EntityKind::Person && mention.len() > e.name.len() {
            e.name = (*mention).to_owned();
        }
        owners.push(Some(id));
    }
    add_mentions(text, cands, &owners, &mut entities);
    (entities, owners)
}

/// Adds each candidate's mention to the entity it joined (`owners`), in text order, each
/// entity's list allocated once at its size. The lists are filled side by side, 24 bytes
/// each, and handed to their entities at the end: a text of thousands of entities reads a
/// dense array per mention instead of a scattered entity.
fn add_mentions(
    text: &str,
    cands: &[Candidate],
    owners: &[Option<usize>],
    entities: &mut [Entity],
) {
    let mut counts = vec![0usize; entities.len()];
    owners.iter().flatten().for_each(|&id| counts[id] += 1);
    let mut lists: Vec<Vec<Mention>> = counts.into_iter().map(Vec::with_capacity).collect();
    for (c, &owner) in cands.iter().zip(owners) {
        if let Some(id) = owner {
            let mention = c.span.text(text).to_owned();
            lists[id].push(Mention { span: c.span, text: mention, region: c.region });
        }
    }
    for (e, list) in entities.iter_mut().zip(lists) {
        e.mentions = list;
    }
}

fn name_of(gaz: &Gazetteer, key: Key, mention: &str) -> String {
    match key {
        Key::Record(r) => gaz.record(r).name.to_string(),
        Key::Name(_) => mention.to_owned(),
    }
}

/// The key and kind of a candidate, or `None` when it names nothing the article shows.
fn key_of(
    gaz: &Gazetteer,
    c: &Candidate,
    mention: &str,
    people: &FullNames,
    records: &FxMap<u32, ()>,
    acronyms: &IdMap<Key>,
) -> Option<(Key, EntityKind)> {
    let single = !mention.contains(' ');
    let folded = std::cell::OnceCell::new();
    let folded = || *folded.get_or_init(|| fold_key(mention));
    if single && c.kind != Some(EntityKind::Group) {
        if let Some(key) = people.surname_of(folded(), c.span) {
            return Some((key, EntityKind::Person));
        }
    }
    if let Some(r) = c.record {
        let rec = gaz.record(r);
        let kind = c.kind?;
        if Some(kind) != rec.kind.entity_kind() {
            return Some((Key::Name(folded()), kind));
        }
        if let Some(target) = rec.stands_for.and_then(|t| gaz.lookup(t)) {
            if records.contains_key(&target) && !c.after_locative && c.region != Region::Dateline {
                return Some((Key::Record(target), kind));
            }
        }
        return Some((Key::Record(r), kind));
    }
    if single {
        if let Some(&key) = acronyms.get(&key(mention)) {
            return Some((key, EntityKind::Organization));
        }
    }
    let kind = c.kind?;
    Some((Key::Name(folded()), kind))
}

/// Multi-word person names by the [`fold_key`] of their last word, each surname's names in
/// text order with where they start.
struct FullNames {
    names: IdMap<Surname>,
}

/// The full names with one surname, in text order, and where the last search of them ended:
/// asked in text order, as the candidates come, the answer is found a few steps on
/// ([`partition_hinted`]) instead of by a search of a long list.
#[derive(Default)]
struct Surname {
    names: Vec<(usize, Key)>,
    hint: Cell<usize>,
}

impl FullNames {
    fn new(text: &str, gaz: &Gazetteer, cands: &[Candidate]) -> FullNames {
        let mut names: IdMap<Surname> = IdMap::default();
        // candidates are in text order, so each list is too
        for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Person)) {
            let mention = c.span.text(text);
            let name = c.record.map_or(mention, |r| gaz.record(r).name);
            let Some((_, last)) = name.rsplit_once(' ') else { continue };
            let key = c.record.map_or_else(|| Key::Name(fold_key(mention)), Key::Record);
            names.entry(fold_key(last)).or_default().names.push((c.span.start, key));
        }
        FullNames { names }
    }

    /// The person whose surname is the word whose [`fold_key`] is `surname`: the nearest
    /// full name before `at`, else the first after.
    fn surname_of(&self, surname: u64, at: Span) -> Option<Key> {
        let entry = self.names.get(&surname)?;
        let list = &entry.names;
        let before =
            partition_hinted(list, &entry.hint, |&(start, _)| start <= at.start).checked_sub(1);
        before.map_or(list.first(), |i| list.get(i)).map(|&(_, k)| k)
    }
}

/// Multi-word organisation names by their initials ("NTO" is not, "NATO" is: initials of
/// the capitalised words).
fn acronyms(text: &str, cands: &[Candidate]) -> IdMap<Key> {
    let mut map = IdMap::default();
    for c in cands.iter().filter(|c| c.record.is_none() && c.kind == Some(EntityKind::Organization))
    {
        let mention = c.span.text(text);
        // a single word is no multi-word name: its initials are not read
        if !mention.contains(' ') {
            continue;
        }
        let initials: String = mention
            .split([' ', '-'])
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.chars().count() >= 2 {
            map.entry(key(&initials)).or_insert_with(|| Key::Name(fold_key(mention)));
        }
    }
    map
}

/// The [`key`] of [`fold`]`(name)`, without allocating for an ASCII name, and without a
/// copy for one whose ending no transliteration rule changes (nearly every name).
fn fold_key(name: &str) -> u64 {
    if !name.is_ascii() {
        return key(&fold(name));
    }
    let b = name.as_bytes();
    let ending = b.len().checked_sub(2).map(|n| (b[n] | 0x20, b[n + 1] | 0x20));
    if !matches!(ending, Some((b'y' | b'i', b'y') | (b'i', b'i' | b'j'))) {
        return key_ascii_lower(b);
    }
    let mut buf = [0u8; 64];
    if name.len() > buf.len() {
        return key(&fold(name));
    }
    for (to, from) in buf.iter_mut().zip(name.as_bytes()) {
        *to = from.to_ascii_lowercase();
    }
    let mut len = name.len();
    for from in [b"yy", b"iy", b"ii", b"ij"] {
        if buf[..len].ends_with(from) {
            len -= 1;
            buf[len - 1] = b'y';
        }
    }
    key_bytes(&buf[..len])
}

/// A name folded for comparison: lower case, common Latin diacritics dropped, and
/// transliteration endings unified ("Zelenskyy", "Zelenskiy" and "Zelensky" agree).
pub(crate) fn fold(name: &str) -> String {
    let mut s = if name.is_ascii() { name.to_ascii_lowercase() } else { fold_chars(name) };
    for (from, to) in [("yy", "y"), ("iy", "y"), ("ii", "y"), ("ij", "y")] {
        if s.ends_with(from) {
            s.truncate(s.len() - from.len());
            s.push_str(to);
        }
    }
    s
}

/// `name` in lower case with common Latin diacritics dropped.
fn fold_chars(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ş' | 'š' | 'ś' => 's',
            'ğ' => 'g',
            'ž' | 'ź' | 'ż' => 'z',
            'č' | 'ć' => 'c',
            'ł' => 'l',
            '’' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_transliterations() {
        assert_eq!(fold("Zelenskyy"), fold("Zelensky"));
        assert_eq!(fold("Zelenskiy"), fold("Zelensky"));
        assert_eq!(fold("Erdoğan"), fold("Erdogan"));
    }

    #[test]
    fn fold_keys_are_keys_of_folds() {
        for name in [
            "Zelenskyy",
            "Zelenskiy",
            "Zelensky",
            "Erdoğan",
            "Erdogan",
            "Kasparovij",
            "Iiyy",
            "yy",
            "NATO",
        ] {
            assert_eq!(fold_key(name), key(&fold(name)), "{name}");
        }
        assert_eq!(fold_key("Zelenskiyy"), key("zelensky"));
        assert_eq!(fold_key(&"A".repeat(100)), key(&"a".repeat(100)));
    }

    #[test]
    fn a_surname_finds_the_nearest_full_name_before_it() {
        let text = "Donald Trump met Melania Trump. Trump spoke. Lara Smith left. Smith";
        let cands: Vec<Candidate> = ["Donald Trump", "Melania Trump", "Lara Smith"]
            .iter()
            .map(|name| {
                let start = text.find(name).unwrap();
                Candidate {
                    span: Span::new(start, start + name.len()),
                    kind: Some(EntityKind::Person),
                    record: None,
                    region: Region::Body,
                    rule: "name_shape",
                    initial: false,
                    after_locative: false,
                    title: None,
                }
            })
            .collect();
        let gaz = crate::gazetteer::default_gazetteer();
        let people = FullNames::new(text, &gaz, &cands);
        let at = |w: &str| Span::new(text.rfind(w).unwrap(), text.len());
        assert_eq!(
            people.surname_of(fold_key("Trump"), at("Trump")),
            Some(Key::Name(fold_key("Melania Trump")))
        );
        assert_eq!(
            people.surname_of(fold_key("Smith"), Span::new(0, 5)),
            Some(Key::Name(fold_key("Lara Smith")))
        );
        assert_eq!(
            people.surname_of(fold_key("Smith"), at("Smith")),
            Some(Key::Name(fold_key("Lara Smith")))
        );
        assert_eq!(people.surname_of(fold_key("Putin"), at("Smith")), None);
    }
}
