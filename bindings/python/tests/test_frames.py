"""pandas views of a document; pandas is optional."""

import sys

import pytest

import newsparse

pd = pytest.importorskip("pandas")


def test_quotes_frame(article):
    doc = newsparse.parse(article)
    frame = doc.quotes_frame()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(doc.quotes)
    assert {"speaker", "speaker_kind", "kind", "text", "start", "end", "rule"} <= set(frame.columns)
    assert "Patrick Turner" in set(frame["speaker"].dropna())
    row = frame.iloc[0]
    assert article[row["start"] : row["end"]] == row["text"]


def test_entities_frame_has_columns_even_when_empty():
    frame = newsparse.parse("").entities_frame()
    assert list(frame.columns) == [
        "id",
        "name",
        "kind",
        "mentions",
        "start",
        "end",
        "role",
        "affiliation",
    ]
    assert len(frame) == 0


def test_clear_import_error_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        newsparse.parse("").quotes_frame()
