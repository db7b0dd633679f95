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


def write_gazetteer(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# test gazetteer\nAcme Widgets\torganization\tAcme\n", encoding="utf-8")
    return path


def test_user_gazetteer(tmp_path):
    path = write_gazetteer(tmp_path)
    extractor = newsparse.Extractor(gazetteers=[path])
    doc = extractor.parse("Acme said it would hire 200 people in Kyiv.")
    names = {e.name: e.kind for e in doc.entities}
    assert names["Acme Widgets"] == "organization"
    assert [m.text for m in doc.entities[0].mentions if m.text == "Acme"]
    assert extractor.gazetteers == [path]
    assert "mine.tsv" in repr(extractor)


def test_only_user_gazetteer(tmp_path):
    path = write_gazetteer(tmp_path)
    bare = newsparse.Extractor(gazetteers=[str(path)], include_default=False)
    assert bare.include_default is False
    doc = bare.parse("Acme flew to Kyiv.")
    assert [e.name for e in doc.entities] == ["Acme Widgets"]


def test_reference_article_entities(article):
    doc = newsparse.parse(article)
    kinds = {e.name: e.kind for e in doc.entities}
    assert kinds.get("Patrick Turner") == "person"
    assert kinds.get("Ukraine") == "place"
    assert kinds.get("Bloomberg") == "media"
    nato = next(e for e in doc.entities if any(m.text == "NATO" for m in e.mentions))
    assert nato.kind == "organization"
