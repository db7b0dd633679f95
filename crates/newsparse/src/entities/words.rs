//! The word classes the name rules read, from `data/name_words.tsv`.

use std::sync::LazyLock;

use crate::gazetteer::FxMap;

/// An organisation suffix or head word ("Inc", "Ministry", "Party", "University").
pub(crate) const ORG: u16 = 1;
/// An outlet suffix ("News", "Times", "Post").
pub(crate) const MEDIA: u16 = 1 << 1;
/// A lower-case connector inside a person's name ("de", "van", "bin").
pub(crate) const CONNECTOR: u16 = 1 << 2;
/// A word that may join the parts of an organisation's name ("of", "for", "and").
pub(crate) const INNER: u16 = 1 << 3;
/// A capitalised word that never starts a name ("The", "However", "Monday").
pub(crate) const NOT_NAME: u16 = 1 << 4;
/// A preposition before which a bare name reads as a place ("in", "near").
pub(crate) const PLACE_CUE: u16 = 1 << 5;
/// A preposition that makes a place name a location, not an actor ("in Washington").
pub(crate) const LOCATIVE: u16 = 1 << 6;

/// A one-word place that takes "the" ("the Hague", "the Gulf").
pub(crate) const THE_PLACE: u16 = 1 << 7;

/// A sports section name that heads a wire headline ("SOCCER - …").
pub(crate) const SPORT: u16 = 1 << 8;
/// A word that reads as sports copy ("beat", "innings", "striker").
pub(crate) const SPORT_CUE: u16 = 1 << 9;

/// A word that names a sports side ("County", "Rangers", "Thistle").
pub(crate) const TEAM: u16 = 1 << 10;

static WORDS: LazyLock<FxMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map = FxMap::default();
    for line in include_str!("../../data/name_words.tsv").lines() {
        let Some((word, class)) = line.split_once('\t') else { continue };
        let bit = match class {
            "org" => ORG,
            "media" => MEDIA,
            "connector" => CONNECTOR,
            "inner" => INNER,
            "not_name" => NOT_NAME,
            "place_cue" => PLACE_CUE,
            "locative" => LOCATIVE,
            "the_place" => THE_PLACE,
            "sport" => SPORT,
            "sport_cue" => SPORT_CUE,
            "team" => TEAM,
            _ => continue,
        };
        *map.entry(word).or_insert(0) |= bit;
    }
    map
});

/// True when `word` is of class `class`.
pub(crate) fn is(word: &str, class: u16) -> bool {
    WORDS.get(word).is_some_and(|c| c & class != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_load() {
        assert!(is("Ministry", ORG));
        assert!(is("News", MEDIA));
        assert!(is("bin", CONNECTOR));
        assert!(is("However", NOT_NAME));
        assert!(is("in", PLACE_CUE | LOCATIVE));
        assert!(!is("Kyiv", ORG));
    }
}
