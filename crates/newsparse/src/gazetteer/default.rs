//! The embedded default gazetteer, built once per process from data compiled into the crate.
//! Names stay slices of the embedded files: building hashes each name once and copies none.
//!
//! Sources and licences are in each data file's first lines and in the repository's NOTICE;
//! `scripts/gen_gazetteer.py` generates the large files.

use std::sync::{Arc, OnceLock};

use super::Gazetteer;
use super::load::tsv_into;
use super::store::{Store, Text};

/// The data files, most trusted first: when two entries share a name, the first wins.
pub(super) const FILES: &[(&str, &str)] = &[
    ("data/people.tsv", include_str!("../../data/people.tsv")),
    ("data/organizations.tsv", include_str!("../../data/organizations.tsv")),
    ("data/media.tsv", include_str!("../../data/media.tsv")),
    ("data/countries.tsv", include_str!("../../data/countries.tsv")),
    ("data/groups.tsv", include_str!("../../data/groups.tsv")),
    ("data/titles.tsv", include_str!("../../data/titles.tsv")),
    ("data/places.tsv", include_str!("../../data/places.tsv")),
    ("data/given_names.tsv", include_str!("../../data/given_names.tsv")),
];

/// Nations that are countries in news (and in sports, national sides) though no capital in
/// the data stands for them: the home nations, and countries of the archives.
const NATIONS: &[&str] = &[
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Yugoslavia",
    "Soviet Union",
    "Czechoslovakia",
    "East Germany",
    "West Germany",
];

/// The default gazetteer, shared by every extractor that uses it.
pub(crate) fn default_gazetteer() -> Arc<Gazetteer> {
    static DEFAULT: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    DEFAULT.get_or_init(|| Arc::new(build())).clone()
}

fn build() -> Gazetteer {
    let mut store = Store::default();
    // about one name, and one word, per 20 bytes of the files
    let estimate = FILES.iter().map(|(_, text)| text.len()).sum::<usize>() / 20;
    store.reserve(estimate);
    store.reserve_words(estimate);
    for (origin, text) in FILES {
        // The embedded files are checked by the test below; a bad line cannot ship.
        let _ = tsv_into(&mut store, origin, Text::Static(text));
    }
    let mut g = Gazetteer::with_store(store);
    for nation in NATIONS {
        g.mark_country(nation);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse() {
        for (origin, text) in FILES {
            let shared = Text::Shared(std::sync::Arc::from(*text));
            tsv_into(&mut Store::default(), origin, shared).unwrap();
        }
    }
}
