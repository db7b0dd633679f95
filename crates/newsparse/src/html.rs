//! HTML rendering: the article with its quotes, speakers, entities and boilerplate marked, as
//! one self-contained piece of HTML (inline CSS, no scripts, no external resources).
//!
//! Every span becomes an element; where spans cross, the outer element is closed and
//! reopened so the markup always nests. Text and attributes are escaped.

use std::fmt::Write as _;

use serde::Serialize;

use crate::document::{Document, Quote, Span};

/// The style sheet, scoped to the `.newsparse` container.
const CSS: &str = include_str!("../data/html.css");

/// Renders `doc`, parsed from `text`, as a self-contained HTML fragment: a `<div>` with its
/// own `<style>`, fit for a notebook cell or a web page. Each quote is highlighted and linked
/// to its speaker's mention, entities are underlined in their kind's colour, boilerplate is
/// greyed out, and a table of who said what follows the article.
///
/// Spans that do not lie on character boundaries of `text` are left unmarked.
///
/// # Examples
///
/// ```
/// let text = "\"We need guarantees,\" said Patrick <Turner>.";
/// let doc = newsparse::parse(text)?;
/// let html = newsparse::to_html(text, &doc);
/// assert!(html.contains("We need guarantees"));
/// assert!(html.contains("&lt;Turner&gt;"));
/// assert!(!html.contains("<Turner>"));
/// # Ok::<(), newsparse::Error>(())
/// ```
pub fn to_html(text: &str, doc: &Document) -> String {
    let prefix = format!("np{:08x}", fnv(text));
    let mut out = String::with_capacity(text.len() * 2 + CSS.len() + 1024);
    out.push_str("<div class=\"newsparse\"><style>");
    out.push_str(CSS);
    out.push_str("</style>");
    summary(&mut out, doc);
    out.push_str("<div class=\"np-article\">");
    Marker::new(text, doc, &prefix).write(&mut out);
    out.push_str("</div>");
    who_said_what(&mut out, text, doc, &prefix);
    entity_list(&mut out, doc);
    out.push_str("</div>");
    out
}

/// Renders `doc`, parsed from `text`, as a whole HTML page around [`to_html`]'s fragment,
/// titled with the headline.
///
/// # Examples
///
/// ```
/// let text = "Talks resume\n\"We are ready,\" she said.";
/// let doc = newsparse::parse(text)?;
/// let page = newsparse::to_html_page(text, &doc);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<meta charset=\"utf-8\">"));
/// # Ok::<(), newsparse::Error>(())
/// ```
pub fn to_html_page(text: &str, doc: &Document) -> String {
    let title = doc.structure.headline.as_ref().map_or("newsparse", |h| h.text.text.as_str());
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title></head>\n<body>{}</body></html>\n",
        escape(title),
        to_html(text, doc)
    )
}

/// One element to wrap around a span.
struct Mark {
    span: Span,
    /// Nesting order: lower layers wrap higher ones.
    layer: u8,
    class: String,
    title: String,
    /// Written on the element's first piece only, so ids stay unique.
    id: Option<String>,
}

/// Writes the article text with every mark and every speaker badge in place.
struct Marker<'a> {
    text: &'a str,
    marks: Vec<Mark>,
    /// HTML to insert at a byte offset, after the marks that end there are closed.
    inserts: Vec<(usize, String)>,
}

impl<'a> Marker<'a> {
    fn new(text: &'a str, doc: &Document, prefix: &str) -> Marker<'a> {
        let mut m = Marker { text, marks: Vec::new(), inserts: Vec::new() };
        m.regions(doc);
        m.quotes(doc, prefix);
        m.entities(doc);
        m.marks.retain(|mark| valid(text, mark.span));
        m.marks.sort_by_key(|mark| mark.span.start);
        m.inserts.retain(|(at, _)| text.is_char_boundary(*at));
        m.inserts.sort_by_key(|(at, _)| *at);
        m
    }

    fn add(&mut self, span: Span, layer: u8, class: String, title: String) {
        self.marks.push(Mark { span, layer, class, title, id: None });
    }

    /// Paragraphs and boilerplate lines are blocks (layer 0); headline, dateline, byline and
    /// subheads are marked inside them (layer 1).
    fn regions(&mut self, doc: &Document) {
        for &p in &doc.paragraphs {
            self.add(p, 0, "np-p".into(), String::new());
        }
        let s = &doc.structure;
        for b in &s.boilerplate {
            self.add(b.span, 0, "np-p np-boiler".into(), format!("boilerplate: {}", name(&b.kind)));
        }
        if let Some(h) = &s.headline {
            self.add(h.span, 1, "np-headline".into(), "headline".into());
            if let Some(source) = &h.source {
                self.add(source.span, 2, "np-source".into(), "source suffix".into());
            }
        }
        if let Some(d) = &s.dateline {
            self.add(d.span, 1, "np-dateline".into(), "dateline".into());
        }
        if let Some(b) = &s.byline {
            self.add(b.span, 1, "np-byline".into(), "byline".into());
        }
        for t in &s.subheads {
            self.add(t.span, 1, "np-subhead".into(), "subhead".into());
        }
    }

    fn quotes(&mut self, doc: &Document, prefix: &str) {
        for (i, q) in doc.quotes.iter().enumerate() {
            let kind = name(&q.kind);
            let title = format!("{kind} quote · {} · rule {}", who(q), q.rule);
            let class = format!("np-q np-q-{kind}");
            let id = Some(format!("{prefix}-q{i}"));
            let mark = Mark { span: q.content, layer: 2, class, title, id };
            self.marks.push(mark);
            if let Some(cue) = q.cue {
                self.add(cue, 3, "np-cue".into(), "cue".into());
            }
            self.speaker(q, i, prefix);
        }
    }

    /// The speaker's mention, and a badge after the quote that links to it.
    fn speaker(&mut self, q: &Quote, i: usize, prefix: &str) {
        let Some(s) = &q.speaker else { return };
        let mention_id = s.mention.map(|m| format!("{prefix}-s{}", m.start));
        if let (Some(m), Some(id)) = (s.mention, &mention_id) {
            let already = self.marks.iter().any(|k| k.layer == 3 && k.id.as_ref() == Some(id));
            if !already {
                let title = format!("speaker: {} ({}) · rule {}", who(q), name(&s.kind), s.rule);
                let (class, id) = ("np-speaker".to_owned(), Some(id.clone()));
                self.marks.push(Mark { span: m, layer: 3, class, title, id });
            }
        }
        let mut badge = String::new();
        let _ = write!(
            badge,
            "<a class=\"np-who np-k-{}\" href=\"#{}\" title=\"quote {i} · {}\">{}</a>",
            name(&s.kind),
            escape(mention_id.as_deref().unwrap_or(&format!("{prefix}-q{i}"))),
            escape(&format!("said by {} ({})", who(q), name(&s.kind))),
            escape(&who(q)),
        );
        self.inserts.push((q.content.end, badge));
    }

    fn entities(&mut self, doc: &Document) {
        for e in &doc.entities {
            let kind = name(&e.kind);
            for m in &e.mentions {
                let title = format!("{kind}: {}", e.name);
                self.add(m.span, 4, format!("np-ent np-e-{kind}"), title);
            }
        }
    }

    /// Writes the text between every pair of boundaries inside the marks active there.
    fn write(&self, out: &mut String) {
        let mut bounds: Vec<usize> = vec![0, self.text.len()];
        bounds.extend(self.marks.iter().flat_map(|m| [m.span.start, m.span.end]));
        bounds.extend(self.inserts.iter().map(|(at, _)| *at));
        bounds.sort_unstable();
        bounds.dedup();
        let (mut stack, mut active): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        let mut opened = vec![false; self.marks.len()];
        let (mut next_mark, mut next_insert) = (0, 0);
        for (k, &at) in bounds.iter().enumerate() {
            active.retain(|&i| self.marks[i].span.end > at);
            while next_mark < self.marks.len() && self.marks[next_mark].span.start <= at {
                active.push(next_mark);
                next_mark += 1;
            }
            active.sort_by_key(|&i| {
                let m = &self.marks[i];
                (m.layer, m.span.start, std::cmp::Reverse(m.span.end), i)
            });
            let keep = stack.iter().zip(&active).take_while(|(a, b)| a == b).count();
            stack[keep..].iter().for_each(|_| out.push_str("</span>"));
            stack.truncate(keep);
            while next_insert < self.inserts.len() && self.inserts[next_insert].0 <= at {
                out.push_str(&self.inserts[next_insert].1);
                next_insert += 1;
            }
            for &i in &active[keep..] {
                self.open(out, i, !opened[i]);
                opened[i] = true;
                stack.push(i);
            }
            if let Some(&end) = bounds.get(k + 1) {
                out.push_str(&escape(&self.text[at..end]));
            }
        }
    }

    fn open(&self, out: &mut String, i: usize, first: bool) {
        let m = &self.marks[i];
        let _ = write!(out, "<span class=\"{}\"", m.class);
        if !m.title.is_empty() {
            let _ = write!(out, " title=\"{}\"", escape(&m.title));
        }
        if let (true, Some(id)) = (first, &m.id) {
            let _ = write!(out, " id=\"{}\"", escape(id));
        }
        out.push('>');
    }
}

/// Counts and the colour legend.
fn summary(out: &mut String, doc: &Document) {
    let _ = write!(
        out,
        "<div class=\"np-summary\"><strong>{}</strong> quotes · <strong>{}</strong> entities · \
         <strong>{}</strong> paragraphs<span class=\"np-legend\">\
         <span class=\"np-q np-q-direct\">quote</span> \
         <span class=\"np-speaker\">speaker</span> \
         <span class=\"np-cue\">cue</span> \
         <span class=\"np-ent np-e-person\">person</span> \
         <span class=\"np-ent np-e-organization\">organization</span> \
         <span class=\"np-ent np-e-place\">place</span> \
         <span class=\"np-ent np-e-media\">media</span> \
         <span class=\"np-ent np-e-group\">group</span> \
         <span class=\"np-boiler\">boilerplate</span></span></div>",
        doc.quotes.len(),
        doc.entities.len(),
        doc.paragraphs.len()
    );
}

/// The table of quotes: speaker, kind, and the quote linked to its place in the article.
fn who_said_what(out: &mut String, text: &str, doc: &Document, prefix: &str) {
    if doc.quotes.is_empty() {
        return;
    }
    out.push_str(
        "<table class=\"np-table\"><thead><tr><th>speaker</th><th>source</th>\
         <th>kind</th><th>quote</th></tr></thead><tbody>",
    );
    for (i, q) in doc.quotes.iter().enumerate() {
        let source = q.speaker.as_ref().map(|s| name(&s.kind)).unwrap_or_default();
        let quote = q.content.text(text);
        let quote = if quote.is_empty() { q.text.as_str() } else { quote };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#{prefix}-q{i}\">{}</a></td></tr>",
            if q.speaker.is_some() {
                escape(&who(q))
            } else {
                "<i class=\"np-none\">unattributed</i>".to_owned()
            },
            escape(&source),
            escape(&name(&q.kind)),
            escape(&shorten(quote, 160)),
        );
    }
    out.push_str("</tbody></table>");
}

/// The entities, most mentioned first, each in its kind's colour with its mention count.
fn entity_list(out: &mut String, doc: &Document) {
    if doc.entities.is_empty() {
        return;
    }
    let mut entities: Vec<_> = doc.entities.iter().collect();
    entities.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    out.push_str("<div class=\"np-entities\">");
    for e in entities {
        let kind = name(&e.kind);
        let _ = write!(
            out,
            "<span class=\"np-ent np-e-{kind}\" title=\"{kind}\">{}&nbsp;<small>×{}</small></span> ",
            escape(&e.name),
            e.mentions.len()
        );
    }
    out.push_str("</div>");
}

/// Who said `q`: the resolved name, else the mention's text, else "?".
fn who(q: &Quote) -> String {
    let s = q.speaker.as_ref();
    s.and_then(|s| s.name.as_deref().or(s.text.as_deref()).or(s.description.as_deref()))
        .unwrap_or("?")
        .to_owned()
}

/// The serde name of a unit enum variant ("person", "read_more").
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "unknown".to_owned(),
    }
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

fn valid(text: &str, span: Span) -> bool {
    span.start < span.end && text.get(span.start..span.end).is_some()
}

/// `s` with the five HTML special characters escaped, for text and attribute values alike.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// FNV-1a: a stable id prefix per text, so several documents on one page keep distinct ids.
fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_spans_nest() {
        let text = "\"We need guarantees,\" said Patrick Turner.";
        let doc = crate::parse(text).unwrap();
        let html = to_html(text, &doc);
        let opens = html.matches("<span").count();
        let closes = html.matches("</span>").count();
        assert_eq!(opens, closes);
        assert!(html.contains("class=\"np-q np-q-direct\""));
        assert!(html.contains("np-who"));
        assert_eq!(html.matches(" id=\"").count(), 2, "one quote id, one speaker id");
    }

    #[test]
    fn escapes_text_and_skips_bad_spans() {
        let text = "a < b & 'c' > d";
        let mut doc = crate::parse(text).unwrap();
        doc.paragraphs.push(Span::new(0, 999));
        let html = to_html(text, &doc);
        assert!(html.contains("a &lt; b &amp; &#39;c&#39; &gt; d"));
    }
}
