//! Alias clustering within one article: gazetteer aliases, surname after full name,
//! transliteration variants, acronyms, and capitals standing for their country.

use super::names::Candidate;
use crate::document::{Entity, EntityKind, Mention, Region, Span};
use crate::gazetteer::{FxMap, Gazetteer};

/// What a mention is a mention of.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A gazetteer record.
    Record(u32),
    /// A name no gazetteer holds, folded.
    Name(String),
}

/// Clusters the candidates of one article into entities, in order of first mention.
pub(crate) fn cluster(text: &str, gaz: &Gazetteer, cands: &[Candidate]) -> Vec<Entity> {
    let people = full_names(text, gaz, cands);
    let records: FxMap<u32, ()> = cands.iter().filter_map(|c| Some((c.record?, ()))).collect();
    let acronyms = acronyms(text, cands);
    let mut index: FxMap<Key, usize> = FxMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    for c in cands {
        let mention = &c.span.text(text);
        let Some((key, kind)) = key_of(gaz, c, mention, &people, &records, &acronyms) else {
            continue;
        };
        let named = matches!(key, Key::Name(_));
        let id = match index.get(&key) {
            Some(&id) => id,
            None => {
                entities.push(Entity {
                    id: entities.len(),
                    name: name_of(gaz, &key, mention),
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
        e.mentions.push(Mention { span: c.span, text: (*mention).to_owned(), region: c.region });
    }
    entities
}

fn name_of(gaz: &Gazetteer, key: &Key, mention: &str) -> String {
    match key {
        Key::Record(r) => gaz.record(*r).name.to_string(),
        Key::Name(_) => mention.to_owned(),
    }
}

/// The key and kind of a candidate, or `None` when it names nothing the article shows.
fn key_of(
    gaz: &Gazetteer,
    c: &Candidate,
    mention: &str,
    people: &FxMap<String, Vec<(usize, Key)>>,
    records: &FxMap<u32, ()>,
    acronyms: &FxMap<String, Key>,
) -> Option<(Key, EntityKind)> {
    let single = !mention.contains(' ');
    if single && c.kind != Some(EntityKind::Group) {
        if let Some(key) = surname_of(people, mention, c.span) {
            return Some((key, EntityKind::Person));
        }
    }
    if let Some(r) = c.record {
        let rec = gaz.record(r);
        let kind = c.kind?;
        if Some(kind) != rec.kind.entity_kind() {
            return Some((Key::Name(fold(mention)), kind));
        }
        if let Some(target) = rec.stands_for.and_then(|t| gaz.lookup(t)) {
            if records.contains_key(&target) && !c.after_locative && c.region != Region::Dateline {
                return Some((Key::Record(target), kind));
            }
        }
        return Some((Key::Record(r), kind));
    }
    if single {
        if let Some(key) = acronyms.get(mention) {
            return Some((key.clone(), EntityKind::Organization));
        }
    }
    let kind = c.kind?;
    Some((Key::Name(fold(mention)), kind))
}

/// The person whose surname `word` is: the nearest full name before `at`, else the first after.
fn surname_of(people: &FxMap<String, Vec<(usize, Key)>>, word: &str, at: Span) -> Option<Key> {
    let list = people.get(&fold(word))?;
    let before = list.partition_point(|(start, _)| *start <= at.start).checked_sub(1);
    before.map_or(list.first(), |i| list.get(i)).map(|(_, k)| k.clone())
}

/// Multi-word person names by their folded last word, with where each stands.
fn full_names(
    text: &str,
    gaz: &Gazetteer,
    cands: &[Candidate],
) -> FxMap<String, Vec<(usize, Key)>> {
    let mut map: FxMap<String, Vec<(usize, Key)>> = FxMap::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityKind::Person)) {
        let mention = c.span.text(text);
        let name = c.record.map_or(mention, |r| gaz.record(r).name);
        let Some((_, last)) = name.rsplit_once(' ') else { continue };
        let key = c.record.map_or_else(|| Key::Name(fold(mention)), Key::Record);
        map.entry(fold(last)).or_default().push((c.span.start, key));
    }
    // in text order already (candidates come line by line): `surname_of` searches by position
    map.values_mut().for_each(|list| list.sort_by_key(|&(start, _)| start));
    map
}

/// Multi-word organisation names by their initials ("NTO" is not, "NATO" is: initials of
/// the capitalised words).
fn acronyms(text: &str, cands: &[Candidate]) -> FxMap<String, Key> {
    let mut map = FxMap::default();
    for c in cands.iter().filter(|c| c.record.is_none() && c.kind == Some(EntityKind::Organization))
    {
        let mention = c.span.text(text);
        let initials: String = mention
            .split([' ', '-'])
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.chars().count() >= 2 && mention.contains(' ') {
            map.entry(initials).or_insert_with(|| Key::Name(fold(mention)));
        }
    }
    map
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
}
