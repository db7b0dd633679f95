"""newsparse.parse and Extractor.parse: the document model as Python sees it."""

import newsparse


def test_parse_finds_quote_and_speaker():
    doc = newsparse.parse('"We need guarantees," said Patrick Turner.')
    (quote,) = doc.quotes
    assert quote.text == "We need guarantees"
    assert quote.content.text == "We need guarantees"
    assert quote.kind == "direct"
    assert quote.cue.text == "said"
    assert quote.speaker.name == "Patrick Turner"
    assert quote.speaker.mention.text == "Patrick Turner"
    assert quote.rule


def test_reference_article(article):
    doc = newsparse.parse(article)
    assert doc.headline.text.startswith("Europeans push Trump")
    assert doc.dateline.text == "Kyiv • UNN"
    assert len(doc.paragraphs) > 10
    assert len(doc.sentences) >= len(doc.paragraphs)
    names = {q.speaker.name for q in doc.quotes if q.speaker}
    assert "Patrick Turner" in names
    turner = [q for q in doc.quotes if q.speaker and q.speaker.name == "Patrick Turner"]
    assert "credible guarantees" in turner[0].text
    assert turner[0].speaker.kind == "person"


def test_extractor_agrees_with_parse(article):
    extractor = newsparse.Extractor()
    assert extractor.parse(article) == newsparse.parse(article)
    assert extractor.gazetteers == []
    assert extractor.include_default is True


def test_structure_fields_have_types(article):
    doc = newsparse.parse(article)
    assert isinstance(doc.text, str) and doc.text == article
    assert doc.schema_version == newsparse.SCHEMA_VERSION
    assert all(isinstance(s, newsparse.Span) for s in doc.subheads)
    assert all(isinstance(b, newsparse.Boilerplate) for b in doc.boilerplate)
    assert doc.lede is None or isinstance(doc.lede, newsparse.Span)
    assert doc.byline is None or isinstance(doc.byline, newsparse.Span)
    for entity in doc.entities:
        assert entity.name and entity.kind
        assert all(isinstance(m, newsparse.Mention) for m in entity.mentions)


def test_reprs_are_readable():
    doc = newsparse.parse('"It\'s over," said Jane Doe.')
    assert repr(doc).startswith("Document(headline=")
    assert repr(doc.quotes[0]) == "Quote(kind='direct', text=\"It's over\", speaker='Jane Doe')"
    assert repr(doc.quotes[0].speaker) == "Speaker(name='Jane Doe', kind='person')"
    assert repr(doc.quotes[0].content) == 'Span(1, 10, "It\'s over")'
    assert repr(newsparse.Extractor()) == "Extractor(gazetteers=[], include_default=True)"


def test_empty_text():
    doc = newsparse.parse("")
    assert doc.quotes == [] and doc.entities == [] and doc.headline is None


def test_results_are_frozen():
    quote = newsparse.parse('"Yes," she said.').quotes[0]
    try:
        quote.kind = "indirect"
    except AttributeError:
        pass
    else:
        raise AssertionError("Quote should be immutable")
