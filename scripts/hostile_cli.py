#!/usr/bin/env python3
"""Times the newsparse CLI on hostile inputs beside real news: CPU seconds per MB of text.

    cargo build --release --example newsparse
    cargo run --release --example hostile_inputs -- /tmp/hostile
    python3 scripts/hostile_cli.py target/release/examples/newsparse \\
        ../shared/eval/polnear-dev.jsonl /tmp/hostile/*.jsonl

The first corpus is the reference (real news). Every round runs each corpus once through
`newsparse --jsonl` (output discarded), reference first, so that the ratios compare runs made
minutes apart at most; CPU time is user plus system time of the child, page faults included.
Reports per corpus the median over the rounds of its seconds per MB, of its ratio to the
reference's seconds per MB in the same round (with the range), and its peak resident memory
(which reads no less than this script's own, about 10 MB).
ROUNDS (environment, default 9) sets the number of rounds.
"""

import os
import statistics
import subprocess
import sys


def text_mb(path):
    """The MB of text in a corpus, counted in a child process: a child's peak memory is no
    less than its parent's at the fork, so this process stays small."""
    count = (
        "import json, sys\n"
        "with open(sys.argv[1], encoding='utf-8') as f:\n"
        "    print(sum(len(json.loads(l)['text'].encode()) for l in f if l.strip()))\n"
    )
    out = subprocess.run([sys.executable, "-c", count, path], capture_output=True, check=True)
    return int(out.stdout) / 1e6


def run(binary, path):
    with open(path, "rb") as fin, open(os.devnull, "wb") as fout:
        child = subprocess.Popen([binary, "--jsonl"], stdin=fin, stdout=fout)
        _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"{binary} failed on {path} (status {status})")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, corpora = sys.argv[1], sys.argv[2:]
    rounds = int(os.environ.get("ROUNDS", "9"))
    mb = {c: text_mb(c) for c in corpora}
    per_mb = {c: [] for c in corpora}
    rss = dict.fromkeys(corpora, 0.0)
    for _ in range(rounds):
        for c in corpora:
            seconds, peak = run(binary, c)
            per_mb[c].append(seconds / mb[c])
            rss[c] = max(rss[c], peak)
    ref = corpora[0]
    print(f"{'corpus':24} {'s/MB':>7} {'x ref':>6}  range        peak RSS")
    for c in corpora:
        ratios = sorted(x / r for x, r in zip(per_mb[c], per_mb[ref]))
        name = os.path.basename(c).removesuffix(".jsonl")
        print(
            f"{name:24} {statistics.median(per_mb[c]):7.4f} {statistics.median(ratios):5.2f}x"
            f"  {ratios[0]:.2f}-{ratios[-1]:.2f}  {rss[c]:6.0f} MB"
        )


if __name__ == "__main__":
    main()
