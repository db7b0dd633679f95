"""parse_many runs in parallel in Rust; parse can be called from many Python threads."""

from concurrent.futures import ThreadPoolExecutor

import pytest

import newsparse

from conftest import NON_ASCII


@pytest.fixture(scope="module")
def texts(article):
    return [article, *NON_ASCII] * 3


@pytest.mark.parametrize("threads", [None, 1, 2])
def test_parse_many_equals_parse(texts, threads):
    docs = newsparse.Extractor().parse_many(texts, threads=threads)
    assert docs == [newsparse.parse(t) for t in texts]


def test_parse_many_takes_any_iterable(texts):
    extractor = newsparse.Extractor()
    assert extractor.parse_many(t for t in texts[:3]) == extractor.parse_many(texts[:3])
    assert extractor.parse_many([]) == []


def test_parse_from_python_threads(texts):
    extractor = newsparse.Extractor()
    expected = [extractor.parse(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(extractor.parse, texts))
        got_default = list(pool.map(newsparse.parse, texts))
    assert got == expected
    assert got_default == expected
