"""Benchmark: the whole small job in a fresh process, against a by-hand script.

The job: ``import jrcorpus``, ``load()``, a phrase search with keyword-in-context over both
documents. The by-hand script does the same with the standard library and attrs: reads the
two texts, makes one frozen attrs object per paragraph, searches and formats KWIC lines.
Both run as fresh processes, interleaved, ``--runs`` times each; the script prints the
medians and the ratio (target: at most 1.2).

    python bench/startup.py --runs 40
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

JRCORPUS_JOB = """
import jrcorpus
corpus = jrcorpus.load()
lines = [hit.kwic(40) for hit in corpus.search("peace treaty")]
assert len(lines) == 7, lines
"""

BY_HAND_JOB = """
import re
from importlib.resources import files

import attrs

@attrs.frozen
class Para:
    doc: str
    index: int
    start: int
    end: int
    text: str

folder = files("jrcorpus").joinpath("corpus", "documents")
paras = []
for name in ("2003-01-10-joint-statement.txt", "2003-01-12-khabarovsk-opening-statement.txt"):
    text = folder.joinpath(name).read_bytes().decode("utf-8")
    for i, m in enumerate(re.finditer(r"[^\\n]+(?:\\n[^\\n]+)*", text), start=1):
        paras.append(Para(name, i, m.start(), m.end(), m.group()))
pattern = re.compile(r"(?<!\\w)peace\\s+treaty(?!\\w)", re.IGNORECASE)
lines = []
for p in paras:
    for m in pattern.finditer(p.text):
        left = " ".join(p.text[: m.start()].split())[-40:]
        right = " ".join(p.text[m.end() :].split())[:40]
        lines.append(f"{left:>40} [{m.group()}] {right}")
assert len(lines) == 7, lines
"""

EMPTY_JOB = "pass"


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    jobs = {"python -c pass": EMPTY_JOB, "by hand": BY_HAND_JOB, "jrcorpus": JRCORPUS_JOB}
    for code in jobs.values():  # warm the file cache and bytecode caches
        run(code)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.runs):
        for name, code in jobs.items():
            times[name].append(run(code))
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    for name, ms in medians.items():
        spread = statistics.quantiles([t * 1000 for t in times[name]], n=4)
        print(f"{name:>16}: median {ms:6.1f} ms  (quartiles {spread[0]:.1f}-{spread[2]:.1f})")
    ratio = medians["jrcorpus"] / medians["by hand"]
    print(f"{'ratio':>16}: {ratio:.2f} x the by-hand script (target <= 1.20), {args.runs} runs")


if __name__ == "__main__":
    main()
