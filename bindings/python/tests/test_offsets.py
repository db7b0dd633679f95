"""Offsets are str indices: text[s.start:s.end] == s.text, accented or not."""

import json

import pytest

import newsparse

from conftest import NON_ASCII


def all_spans(doc):
    """Every (start, end, text) the document exposes."""
    spans = list(doc.paragraphs) + list(doc.sentences) + list(doc.subheads)
    spans += [
        s for s in (doc.headline, doc.headline_source, doc.dateline, doc.byline, doc.lede) if s
    ]
    spans += list(doc.boilerplate)
    for q in doc.quotes:
        spans.append(q.content)
        spans += [s for s in (q.cue, q.speaker and q.speaker.mention) if s]
    for e in doc.entities:
        spans += e.mentions
    return spans


@pytest.mark.parametrize("text", NON_ASCII)
def test_spans_slice_the_str(text):
    doc = newsparse.parse(text)
    assert doc.quotes, "each sample has a quote"
    for span in all_spans(doc):
        assert text[span.start : span.end] == span.text
    for q in doc.quotes:
        assert text[q.content.start : q.content.end] == q.text


def test_french_guillemets_and_curly_quotes():
    text = NON_ASCII[0]
    doc = newsparse.parse(text)
    quotes = {q.text for q in doc.quotes}
    assert "We are ready" in quotes
    ready = next(q for q in doc.quotes if q.text == "We are ready")
    assert text[ready.content.start - 1] == "“"
    assert ready.speaker.name == "Zoë Müller"
    # The mention keeps its appositive; the offsets must cross the accented letters in it.
    mention = text[ready.speaker.mention.start : ready.speaker.mention.end]
    assert mention == "Zoë Müller, the minister for Île-de-France"


def test_reference_article_spans(article):
    doc = newsparse.parse(article)
    for span in all_spans(doc):
        assert article[span.start : span.end] == span.text


@pytest.mark.parametrize("text", NON_ASCII)
def test_to_dict_uses_the_same_indices(text):
    doc = newsparse.parse(text)
    d = doc.to_dict()
    assert d["text"] == text
    for q, dq in zip(doc.quotes, d["quotes"]):
        assert (dq["content"]["start"], dq["content"]["end"]) == (q.content.start, q.content.end)
        assert text[dq["content"]["start"] : dq["content"]["end"]] == dq["text"]
    assert json.loads(doc.to_json()) == d
