import newsparse


def test_parse_finds_quote_and_speaker():
    doc = newsparse.parse('"We need guarantees," said Patrick Turner.')
    quote = doc["quotes"][0]
    assert quote["text"] == "We need guarantees"
    assert quote["speaker"]["name"] == "Patrick Turner"
