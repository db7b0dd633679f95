"""newsparse: who said what in English news.

>>> import newsparse
>>> doc = newsparse.parse('"We need guarantees," said Patrick Turner.')
>>> doc.quotes[0].speaker.name
'Patrick Turner'

``parse`` uses the embedded default extractor; build an ``Extractor`` for options and use
``Extractor.parse_many`` to parse many texts in parallel. Every offset is a ``str`` index,
so ``text[span.start:span.end] == span.text``.
"""

from newsparse._newsparse import (
    SCHEMA_VERSION,
    Boilerplate,
    Document,
    Entity,
    Extractor,
    Mention,
    NewsparseError,
    Quote,
    Span,
    Speaker,
    __version__,
    parse,
)

__all__ = [
    "SCHEMA_VERSION",
    "Boilerplate",
    "Document",
    "Entity",
    "Extractor",
    "Mention",
    "NewsparseError",
    "Quote",
    "Span",
    "Speaker",
    "__version__",
    "parse",
]
