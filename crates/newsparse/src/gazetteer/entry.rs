//! Gazetteer entries.

use super::{Gender, MAX_WORDS};
use crate::document::EntityKind;

/// What a gazetteer entry names.
///
/// # Examples
///
/// ```
/// use newsparse::{EntityKind, EntryKind};
/// assert_eq!("media".parse::<EntryKind>(), Ok(EntryKind::Media));
/// assert_eq!(EntryKind::Media.entity_kind(), Some(EntityKind::Media));
/// assert_eq!(EntryKind::Title.entity_kind(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    /// A person ("Donald Trump").
    Person,
    /// An organisation ("North Atlantic Treaty Organization").
    Organization,
    /// A place ("Kyiv").
    Place,
    /// A news outlet or agency ("Bloomberg").
    Media,
    /// A nationality or group ("Ukrainian", "Europeans").
    Group,
    /// A title or role ("President", "special envoy"): not an entity, a cue for one.
    Title,
    /// A given name ("Patrick"): not an entity, a cue that a capitalised span is a person.
    GivenName,
}

impl EntryKind {
    /// The kind of entity an entry of this kind is, `None` for titles and given names.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{EntityKind, EntryKind};
    /// assert_eq!(EntryKind::Place.entity_kind(), Some(EntityKind::Place));
    /// ```
    pub fn entity_kind(self) -> Option<EntityKind> {
        Some(match self {
            EntryKind::Person => EntityKind::Person,
            EntryKind::Organization => EntityKind::Organization,
            EntryKind::Place => EntityKind::Place,
            EntryKind::Media => EntityKind::Media,
            EntryKind::Group => EntityKind::Group,
            EntryKind::Title | EntryKind::GivenName => return None,
        })
    }
}

impl std::str::FromStr for EntryKind {
    type Err = String;

    fn from_str(s: &str) -> Result<EntryKind, String> {
        Ok(match s {
            "person" => EntryKind::Person,
            "organization" | "organisation" | "org" => EntryKind::Organization,
            "place" => EntryKind::Place,
            "media" => EntryKind::Media,
            "group" => EntryKind::Group,
            "title" => EntryKind::Title,
            "given" | "given:m" | "given:f" => EntryKind::GivenName,
            _ => return Err(format!("unknown kind {s:?}")),
        })
    }
}

/// A gazetteer entry: a canonical name, its kind and its aliases.
///
/// # Examples
///
/// ```
/// use newsparse::{Entry, EntryKind};
/// let e = Entry::new("United States", EntryKind::Place).alias("U.S.").alias("US");
/// assert_eq!(e.name(), "United States");
/// assert_eq!(e.aliases(), ["U.S.", "US"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    name: String,
    kind: EntryKind,
    aliases: Vec<String>,
    stands_for: Option<String>,
    gender: Option<Gender>,
}

impl Entry {
    /// An entry named `name` of kind `kind`, without aliases.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Entry, EntryKind};
    /// assert_eq!(Entry::new("Reuters", EntryKind::Media).kind(), EntryKind::Media);
    /// ```
    pub fn new(name: impl Into<String>, kind: EntryKind) -> Entry {
        Entry { name: name.into(), kind, aliases: Vec::new(), stands_for: None, gender: None }
    }

    /// Adds an alias: another name of the same entity ("NATO", "Kiev", "U.S.").
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Entry, EntryKind};
    /// let e = Entry::new("Kyiv", EntryKind::Place).alias("Kiev");
    /// assert_eq!(e.aliases(), ["Kiev"]);
    /// ```
    pub fn alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Says that a mention of this entry may stand for another entry: a capital for its
    /// country's government ("Washington" for "United States"). Such a mention keeps its own
    /// kind but joins the other entity when the article names it and does not use the
    /// mention as a location ("in Washington").
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Entry, EntryKind};
    /// let e = Entry::new("Washington", EntryKind::Place).stands_for("United States");
    /// assert_eq!(e.stands_for_name(), Some("United States"));
    /// ```
    pub fn stands_for(mut self, name: impl Into<String>) -> Entry {
        self.stands_for = Some(name.into());
        self
    }

    /// The canonical name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind};
    /// assert_eq!(Entry::new("UNN", EntryKind::Media).name(), "UNN");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the entry names.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind};
    /// assert_eq!(Entry::new("UNN", EntryKind::Media).kind(), EntryKind::Media);
    /// ```
    pub fn kind(&self) -> EntryKind {
        self.kind
    }

    /// The aliases, in the order added.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind};
    /// assert!(Entry::new("UNN", EntryKind::Media).aliases().is_empty());
    /// ```
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The name of the entry this one may stand for, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use newsparse::{Entry, EntryKind};
    /// assert_eq!(Entry::new("Kyiv", EntryKind::Place).stands_for_name(), None);
    /// ```
    pub fn stands_for_name(&self) -> Option<&str> {
        self.stands_for.as_deref()
    }

    pub(crate) fn with_gender(mut self, gender: Option<Gender>) -> Entry {
        self.gender = gender;
        self
    }

    pub(crate) fn gender_hint(&self) -> Option<Gender> {
        self.gender
    }

    /// Checks the names: none empty, none padded, none of more than [`MAX_WORDS`] words.
    pub(crate) fn check(&self) -> Result<(), String> {
        std::iter::once(&self.name).chain(&self.aliases).try_for_each(|n| check_name(n))
    }
}

/// Checks one name: not empty, not padded, no doubled spaces or tabs, at most
/// [`MAX_WORDS`] words.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("empty name".to_owned());
    }
    if name.trim() != name || name.contains("  ") || name.contains('\t') {
        return Err(format!("name {name:?} has stray white space"));
    }
    if name.split(' ').count() > MAX_WORDS {
        return Err(format!("name {name:?} has more than {MAX_WORDS} words"));
    }
    Ok(())
}
