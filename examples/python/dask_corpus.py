"""Who is quoted in a corpus: extract quotes from JSONL with dask.bag on a local cluster.

Usage: python examples/python/dask_corpus.py CORPUS.jsonl SPEAKERS.csv [--workers 2]

Each input line is a JSON object with a "text" (and optionally an "id"). The corpus is read
in blocks, each block is parsed by ``Extractor.parse_many`` on a worker process (the
extractor travels there by pickle), and the quotes are counted per speaker. The table written
has one row per speaker: name, kind, number of quotes and of articles quoting them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator

import dask.bag as db
import pandas as pd
from dask.distributed import Client, LocalCluster

import newsparse


def quote_rows(lines: Iterable[str], extractor: newsparse.Extractor) -> Iterator[dict]:
    """One row per attributed quote in a partition of JSONL lines."""
    records = [json.loads(line) for line in lines if line.strip()]
    docs = extractor.parse_many([r["text"] for r in records], threads=1)
    for n, (record, doc) in enumerate(zip(records, docs)):
        for quote in doc.quotes:
            speaker = quote.speaker
            if speaker is None or not (speaker.name or speaker.mention):
                continue
            name = speaker.name or speaker.mention.text
            yield {"id": record.get("id", n), "speaker": name, "kind": speaker.kind}


def speakers_table(rows: db.Bag) -> pd.DataFrame:
    """Counts quotes and distinct articles per (speaker, kind)."""
    counted = rows.foldby(
        key=lambda r: (r["speaker"], r["kind"]),
        binop=lambda acc, r: (acc[0] + 1, acc[1] | {r["id"]}),
        initial=(0, frozenset()),
        combine=lambda a, b: (a[0] + b[0], a[1] | b[1]),
        combine_initial=(0, frozenset()),
    ).compute()
    table = pd.DataFrame(
        [(name, kind, n, len(ids)) for (name, kind), (n, ids) in counted],
        columns=["speaker", "kind", "quotes", "articles"],
    )
    return table.sort_values(["quotes", "speaker"], ascending=[False, True], ignore_index=True)


def run(corpus: str, output: str, workers: int = 2, blocksize: str = "1MiB") -> pd.DataFrame:
    """Runs the extraction on a local cluster of ``workers`` processes and writes the CSV."""
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        extractor = newsparse.Extractor()
        lines = db.read_text(corpus, blocksize=blocksize)
        rows = lines.map_partitions(quote_rows, extractor)
        table = speakers_table(rows)
    table.to_csv(output, index=False)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSONL file of {'id', 'text'} objects")
    parser.add_argument("output", help="CSV file to write the speakers table to")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    args = parser.parse_args()
    table = run(args.corpus, args.output, args.workers)
    print(table.head(20).to_string(index=False))


if __name__ == "__main__":
    main()
