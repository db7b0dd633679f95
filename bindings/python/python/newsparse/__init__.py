"""newsparse: who said what in English news."""

import json

from newsparse._newsparse import parse_json

__all__ = ["parse"]


def parse(text: str) -> dict:
    """Parse one article with the default extractor; returns the document as a dict."""
    return json.loads(parse_json(text))
