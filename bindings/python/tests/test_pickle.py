"""Documents and extractors travel through pickle (and JSON) to other processes."""

import pickle

import newsparse

from conftest import NON_ASCII


def test_document_round_trips(article):
    for text in [article, *NON_ASCII]:
        doc = newsparse.parse(text)
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc
        assert back.to_dict() == doc.to_dict()
        assert back.to_html() == doc.to_html()
        assert [q.content.text for q in back.quotes] == [q.content.text for q in doc.quotes]


def test_document_json_round_trips():
    doc = newsparse.parse(NON_ASCII[1])
    assert newsparse.Document.from_json(doc.to_json()) == doc
    assert newsparse.Document.from_json(doc.to_json(indent=True)) == doc
    assert newsparse.Document.from_dict(doc.to_dict()) == doc


def test_extractor_round_trips(article):
    extractor = newsparse.Extractor()
    back = pickle.loads(pickle.dumps(extractor))
    assert isinstance(back, newsparse.Extractor)
    assert back.include_default is True
    assert back.parse(article) == extractor.parse(article)


def test_extractor_with_gazetteer_round_trips(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("Acme Widgets\torganization\tAcme\n", encoding="utf-8")
    extractor = newsparse.Extractor(gazetteers=[path], include_default=False)
    back = pickle.loads(pickle.dumps(extractor))
    assert back.gazetteers == [path] and back.include_default is False
    text = "Acme said so."
    assert back.parse(text) == extractor.parse(text)
