"""Errors are NewsparseError (a ValueError) or TypeError, never a crash."""

import pytest

import newsparse


def test_error_is_a_value_error():
    assert issubclass(newsparse.NewsparseError, ValueError)


def test_too_large_text():
    text = "x" * (16 * 1024 * 1024 + 1)
    with pytest.raises(newsparse.NewsparseError, match="exceeds the maximum"):
        newsparse.parse(text)
    with pytest.raises(newsparse.NewsparseError, match=r"text 1: .*exceeds"):
        newsparse.Extractor().parse_many(["fine", text])


def test_wrong_types():
    with pytest.raises(TypeError):
        newsparse.parse(None)
    with pytest.raises(TypeError):
        newsparse.Extractor().parse_many(["ok", 3])
    with pytest.raises(TypeError):
        newsparse.Extractor(gazetteers="not-a-list.tsv")


def test_bad_json():
    with pytest.raises(newsparse.NewsparseError, match="not a newsparse document"):
        newsparse.Document.from_json('{"text": 1}')
    with pytest.raises(ValueError):
        newsparse.Document.from_json("not json")


def test_missing_gazetteer(tmp_path):
    with pytest.raises(newsparse.NewsparseError, match=r"missing\.tsv"):
        newsparse.Extractor(gazetteers=[tmp_path / "missing.tsv"])


def test_malformed_gazetteer(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Acme\tno-such-kind\n", encoding="utf-8")
    with pytest.raises(newsparse.NewsparseError, match="line 1"):
        newsparse.Extractor(gazetteers=[path])


def test_gazetteer_not_in_utf8(tmp_path):
    path = tmp_path / "latin1.tsv"
    path.write_bytes(b"Acme\torganization\nCaf\xe9\tplace\n")
    with pytest.raises(newsparse.NewsparseError, match="line 2: not UTF-8"):
        newsparse.Extractor(gazetteers=[path])


def test_lone_surrogate_is_an_error_not_a_crash():
    with pytest.raises(UnicodeEncodeError):
        newsparse.parse("\ud800 said")
