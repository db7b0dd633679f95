"""The notebook view: the core's HTML renderer through Document._repr_html_."""

import re

import newsparse


def test_repr_html_marks_quotes_and_speakers(article):
    doc = newsparse.parse(article)
    html = doc._repr_html_()
    assert html == doc.to_html()
    assert html.startswith('<div class="newsparse"><style>')
    quote_ids = re.findall(r'class="np-q [^"]*" title="[^"]*" id="np[0-9a-f]{8}-q\d+"', html)
    assert len(quote_ids) == len(doc.quotes)
    assert 'class="np-speaker"' in html
    assert 'class="np-who' in html and "Patrick Turner" in html
    assert 'class="np-headline"' in html
    assert html.count("<span") == html.count("</span>")


def test_html_is_escaped():
    doc = newsparse.parse('"<script>alert(1)</script> & more," said Jane <b>Doe</b>.')
    html = doc._repr_html_()
    assert "<script>" not in html and "<b>Doe" not in html
    assert "&lt;script&gt;" in html and "&amp; more" in html


def test_html_of_non_ascii_text():
    doc = newsparse.parse("« Oui », dit-il. “Ready,” said Zoë.")
    assert "Zoë" in doc._repr_html_()
