"""Python throughput on a JSONL corpus, to compare with `cargo run --example throughput`.

Usage: python examples/python/throughput.py CORPUS.jsonl [ROUNDS]

Times ``newsparse.parse`` in a loop and ``Extractor.parse_many`` on one and two threads; each
figure is the best of ROUNDS (3) and counts the conversion to Python objects.
"""

from __future__ import annotations

import json
import sys
import time

import newsparse


def best(rounds: int, run) -> float:
    """The shortest wall time of ``rounds`` calls of ``run``."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extractor = newsparse.Extractor()
    print(f"corpus: {path}: {len(texts)} articles, {mb:.2f} MB")
    runs = {
        "parse loop": lambda: [newsparse.parse(t) for t in texts],
        "parse_many, 1 thread": lambda: extractor.parse_many(texts, threads=1),
        "parse_many, 2 threads": lambda: extractor.parse_many(texts, threads=2),
        "parse + to_dict": lambda: [newsparse.parse(t).to_dict() for t in texts],
    }
    for name, run in runs.items():
        seconds = best(rounds, run)
        print(f"{name:<24} {mb / seconds:8.2f} MB/s {len(texts) / seconds:10.0f} articles/s")


if __name__ == "__main__":
    main()
