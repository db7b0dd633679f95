//! The output types: what [`Extractor::parse`](crate::Extractor::parse) returns.
//!
//! Every span is a pair of UTF-8 byte offsets into the caller's original text, never into a
//! normalised copy, so `&text[span.start..span.end]` is always the spanned text. All types
//! serialise with serde; spans serialise as `{"start": s, "end": e}` objects.

use serde::{Deserialize, Serialize};

/// The version of the JSON schema written by this crate. It is bumped whenever a field is
/// renamed, removed or changes meaning; adding a field does not bump it.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open range of UTF-8 byte offsets into the parsed text.
///
/// # Examples
///
/// ```
/// use newsparse::Span;
///
/// let text = "Kyiv • UNN";
/// let span = Span::new(9, 12);
/// assert_eq!(span.text(text), "UNN");
/// assert_eq!(span.len(), 3);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Examples
    ///
    /// ```
    /// let span = newsparse::Span::new(3, 8);
    /// assert_eq!((span.start, span.end), (3, 8));
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The number of bytes spanned.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(newsparse::Span::new(3, 8).len(), 5);
    /// ```
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(newsparse::Span::new(4, 4).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The spanned slice of `text`, or `""` when the span does not lie on character boundaries
    /// of `text` (as when it was made for another text).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(newsparse::Span::new(0, 4).text("Kyiv's allies"), "Kyiv");
    /// ```
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies wholly inside this span.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 10)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::Span;
    /// assert!(Span::new(0, 10).overlaps(Span::new(9, 12)));
    /// assert!(!Span::new(0, 10).overlaps(Span::new(10, 12)));
    /// ```
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// A span together with the text it covers, for parts of the article that users read as
/// strings (a headline, a subhead, a teaser's headline).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Where the text stands.
    #[serde(flatten)]
    pub span: Span,
    /// The text itself, as it stands in the input.
    pub text: String,
}

impl Text {
    /// The span `span` of `source` with its text copied out.
    ///
    /// # Examples
    ///
    /// ```
    /// use newsparse::{Span, Text};
    /// let t = Text::new("Kyiv • UNN", Span::new(0, 4));
    /// assert_eq!(t.text, "Kyiv");
    /// ```
    pub fn new(source: &str, span: Span) -> Text {
        Text { span, text: crate::pool::string(span.text(source)) }
    }
}

/// Where in the article a piece of text stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Region {
    /// The headline.
    Headline,
    /// The dateline ("Kyiv • UNN", "WASHINGTON (Reuters) -").
    Dateline,
    /// The byline ("By Jane Doe").
    Byline,
    /// A subhead inside the article ("Details").
    Subhead,
    /// Article body text.
    #[default]
    Body,
    /// Text that is not article text: related-link teasers, share and newsletter prompts,
    /// photo credits.
    Boilerplate,
}

/// Everything newsparse found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The JSON schema version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Headline, dateline, byline, subheads and boilerplate.
    pub structure: Structure,
    /// Paragraphs of article text (headline, dateline and body; boilerplate is left out), in
    /// text order.
    pub paragraphs: Vec<Span>,
    /// Sentences of article text, in text order; each lies inside one paragraph.
    pub sentences: Vec<Span>,
    /// The people, organisations, places, outlets and groups named, one entry per entity with
    /// all its mentions.
    pub entities: Vec<Entity>,
    /// Every quote and attribution, in text order of their content.
    pub quotes: Vec<Quote>,
}

/// The article's structure: the parts that are not body paragraphs, and the boilerplate that
/// is not article text at all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Structure {
    /// The headline, when the first line reads as one.
    pub headline: Option<Headline>,
    /// The dateline, when there is one.
    pub dateline: Option<Dateline>,
    /// The byline ("By Jane Doe"), when there is one.
    pub byline: Option<Byline>,
    /// Subheads inside the article.
    pub subheads: Vec<Text>,
    /// The lede: the first body paragraph.
    pub lede: Option<Span>,
    /// Lines that are not article text, in text order.
    pub boilerplate: Vec<Boilerplate>,
}

/// An article's headline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    /// The whole headline line, source suffix included.
    pub span: Span,
    /// The headline without its source suffix.
    pub text: Text,
    /// The outlet named in a source suffix (" - Bloomberg", " | Reuters").
    pub source: Option<Text>,
    /// A second headline line (a deck or subtitle) joined to the first by a trailing `;`
    /// ("Jobs report gives Democrats a lift; ⏎ Solid upturn … could blunt Republican claims.").
    pub deck: Option<Text>,
}

/// An article's dateline ("Kyiv • UNN", "WASHINGTON (Reuters) -", "LONDON, Jan 23 (AP) —").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline.
    pub span: Span,
    /// The place it names.
    pub place: Option<Text>,
    /// The outlet it names.
    pub outlet: Option<Text>,
    /// The date it gives, as written.
    pub date: Option<Text>,
}

/// An article's byline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// The whole byline.
    pub span: Span,
    /// The authors it names.
    pub authors: Vec<Text>,
}

/// What kind of boilerplate a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// A related-link teaser: a headline with a timestamp or view count.
    Teaser,
    /// A "Read more:", "Related:" or "See also:" line.
    ReadMore,
    /// A "Watch …:" line.
    Watch,
    /// A photo or image credit ("Photo: Reuters", "John Moore/Getty Images").
    PhotoCredit,
    /// A prompt to share the article.
    Share,
    /// A prompt to subscribe to a newsletter or podcast.
    Newsletter,
    /// A prompt to follow someone on social media ("Follow Pam Key on Twitter @pamkeyNEN").
    Social,
    /// An advertisement marker ("Advertisement", "Story continues below advertisement").
    Advertisement,
    /// Markup or an embed left in the text (`<tweet …>`, CSS rules).
    Embed,
    /// A separator line with no letters or digits ("___", "* * *").
    Separator,
    /// A section label of a news database export ("ABSTRACT.", "FULL TEXT.").
    Label,
    /// A contributor or correction note ("(Reporting by …; Editing by …)").
    Credit,
}

/// A line that is not article text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// The whole line.
    pub span: Span,
    /// The line's text.
    pub text: String,
    /// What kind of line it is.
    pub kind: BoilerplateKind,
    /// For a related-link teaser (and a "Read more: …" line naming a headline), its parts.
    pub teaser: Option<Teaser>,
    /// The name of the rule that found it.
    pub rule: String,
}

/// The parts of a related-link teaser ("Zelensky: US must …23.01.25, 08:26 • 117907 views").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teaser {
    /// The teaser's headline.
    pub headline: Text,
    /// When the linked article was published, as written.
    pub published: Option<Text>,
    /// The view count shown.
    pub views: Option<u64>,
    /// The index in [`Document::quotes`] of the headline quote the teaser carries, if any.
    pub quote: Option<usize>,
}

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation: a company, a government body, an international organisation, a party.
    Organization,
    /// A place: a country, region or city.
    Place,
    /// A news outlet or agency.
    Media,
    /// A group named by nationality or affiliation ("Ukrainian", "Europeans", "Western").
    Group,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where the mention stands.
    #[serde(flatten)]
    pub span: Span,
    /// The mention's text.
    pub text: String,
    /// Where in the article the mention stands.
    pub region: Region,
}

/// A person, organisation, place, outlet or group the article names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The entity's index in [`Document::entities`].
    pub id: usize,
    /// The canonical name ("Donald Trump" for "Trump", "United States" for "U.S.").
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// A role read from the article ("senior representative to Ukraine", "President").
    pub role: Option<String>,
    /// An affiliation read from the article ("NATO", "French").
    pub affiliation: Option<String>,
}

/// What kind of quote or attribution a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// Reported speech without quotation marks ("she said that …", "according to …").
    Indirect,
    /// Reported speech with a quoted fragment inside.
    Mixed,
    /// A headline quote ("Zelensky: US must …").
    Headline,
    /// An attribution of belief, intention or knowledge rather than speech ("X believes
    /// that …", "X wants to …", "The Post has learned that …").
    Belief,
}

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SourceKind {
    /// A named person.
    Person,
    /// A named organisation.
    Organization,
    /// A news outlet or agency.
    Media,
    /// An unnamed source ("a senior official", "people familiar with the matter").
    Anonymous,
    /// A group ("European allies", "Democrats").
    Group,
    /// A source newsparse could not type.
    #[default]
    Unknown,
}

/// Who a quote is attributed to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention nearest the quote that names the speaker ("he", "the newspaper",
    /// "Patrick Turner"), if the text has one.
    pub mention: Option<Span>,
    /// The mention's text.
    pub text: Option<String>,
    /// Who the speaker is, resolved ("Patrick Turner" for "he").
    pub name: Option<String>,
    /// The speaker's index in [`Document::entities`], when it is a named entity.
    pub entity: Option<usize>,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// For an anonymous source, its description ("senior European government official").
    pub description: Option<String>,
    /// Outlets that relay the speaker's words, nearest first ("UNN" in "Bloomberg reports,
    /// UNN writes").
    pub relayed_by: Vec<String>,
    /// The name of the rule that resolved the speaker.
    pub rule: String,
}

/// A quote or attribution: what was said (or believed), by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said, without quotation marks.
    pub content: Span,
    /// The content's text.
    pub text: String,
    /// What kind of quote it is.
    pub kind: QuoteKind,
    /// The cue that introduces it: a reporting verb ("said", "according to") or a headline
    /// colon.
    pub cue: Option<Span>,
    /// Who said it, when newsparse could tell.
    pub speaker: Option<Speaker>,
    /// Where in the article it stands.
    pub region: Region,
    /// The name of the rule that found it.
    pub rule: String,
}
