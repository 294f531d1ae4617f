"""Benchmark: the whole small job in a fresh process, against a by-hand script.

The job: ``import jrcorpus``, ``load()``, a phrase search with keyword-in-context over both
documents. The by-hand script does the same with the standard library and attrs: reads the
two texts with ``open()`` (their paths given to it), makes one frozen attrs object per
paragraph, searches and formats KWIC lines. Both run as fresh processes, interleaved,
``--runs`` times each; the script prints the medians, the ratio (target in issue 2: at most
1.2) and where the library's time goes, phase by phase, in one more fresh process.

    pip install . && python bench/startup.py --runs 40

Measure an installed wheel, as users get it: pip byte-compiles it at install time. An
editable install under PYTHONDONTWRITEBYTECODE recompiles every module on each start.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

JRCORPUS_JOB = """
import jrcorpus
corpus = jrcorpus.load()
lines = [hit.kwic(40) for hit in corpus.search("peace treaty")]
assert len(lines) == 7, lines
"""

BY_HAND_JOB = """
import re
import sys

import attrs

@attrs.frozen
class Para:
    doc: str
    index: int
    start: int
    end: int
    text: str

paras = []
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        text = f.read()
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

PHASES = """
import sys, time
t0 = time.perf_counter()
import attrs, re
t1 = time.perf_counter()
import datetime, json
t2 = time.perf_counter()
import jrcorpus
t3 = time.perf_counter()
from jrcorpus import _load
t4 = time.perf_counter()
corpus = jrcorpus.load()
t5 = time.perf_counter()
lines = [hit.kwic(40) for hit in corpus.search("peace treaty")]
t6 = time.perf_counter()
mods = [m for n, m in list(sys.modules.items()) if n.startswith("jrcorpus")]
models = sum(attrs.has(c) for m in mods for c in vars(m).values()
             if isinstance(c, type) and c.__module__ == m.__name__)
for name, a, b in [("attrs + re (both jobs pay it)", t0, t1),
                   ("datetime + json (stdlib we need)", t1, t2),
                   (f"import jrcorpus ({models} attrs classes)", t2, t3),
                   ("parser, extractor, validator", t3, t4),
                   ("load(): read, parse, annotate", t4, t5), ("search + KWIC", t5, t6)]:
    print(f"    {name:<36} {1000 * (b - a):6.1f} ms")
"""


def run(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True)
    return time.perf_counter() - start


def text_paths() -> list[str]:
    import jrcorpus

    folder = Path(jrcorpus.__file__).parent / "corpus" / "documents"
    return [str(p) for p in sorted(folder.glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    jobs = {"python -c pass": EMPTY_JOB, "by hand": BY_HAND_JOB, "jrcorpus": JRCORPUS_JOB}
    paths = text_paths()
    for code in jobs.values():  # warm the file cache and bytecode caches
        run(code, *paths)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.runs):
        for name, code in jobs.items():
            times[name].append(run(code, *paths))
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    for name, ms in medians.items():
        spread = statistics.quantiles([t * 1000 for t in times[name]], n=4)
        print(f"{name:>16}: median {ms:6.1f} ms  (quartiles {spread[0]:.1f}-{spread[2]:.1f})")
    ratio = medians["jrcorpus"] / medians["by hand"]
    print(f"{'ratio':>16}: {ratio:.2f} x the by-hand script (target <= 1.20), {args.runs} runs")
    print("where the library's time goes (one fresh process):")
    run(PHASES)


if __name__ == "__main__":
    main()
