"""The scale-out example: dask.bag on a local cluster of two worker processes."""

import csv
import json
import subprocess
import sys

import pytest

from conftest import NON_ASCII, ROOT

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")


def test_dask_corpus_writes_speakers_table(tmp_path, article):
    corpus = tmp_path / "corpus.jsonl"
    texts = [article, *NON_ASCII, "No quotes at all."] * 5
    with corpus.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    output = tmp_path / "speakers.csv"
    script = ROOT / "examples" / "python" / "dask_corpus.py"
    # Small blocks so that both workers get partitions.
    done = subprocess.run(
        [sys.executable, str(script), str(corpus), str(output), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    with output.open(encoding="utf-8") as f:
        rows = {r["speaker"]: r for r in csv.DictReader(f)}
    assert rows["Patrick Turner"]["kind"] == "person"
    assert rows["Patrick Turner"]["articles"] == "5"
    assert "Zoë Müller" in rows
