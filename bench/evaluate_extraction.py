"""Precision and recall of reference and mention extraction against the hand-made truth.

The ground truth (tests/data/ground_truth.json) was annotated by reading the texts, span by
span, independently of the extractor. A prediction counts as correct only if its span
(start, end) AND its resolved catalogue id are exactly those of a truth item.

    python bench/evaluate_extraction.py [--truth tests/data/ground_truth.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import jrcorpus

Item = tuple[int, int, str]


def score(predicted: set[Item], truth: set[Item]) -> tuple[float, float, int, int, int]:
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall, hits, len(predicted), len(truth)


def main() -> int:
    default = Path(__file__).resolve().parent.parent / "tests" / "data" / "ground_truth.json"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--truth", type=Path, default=default)
    parser.add_argument("--show", action="store_true", help="list every miss and false hit")
    args = parser.parse_args()
    truth_docs = json.loads(args.truth.read_text(encoding="utf-8"))["documents"]
    corpus = jrcorpus.load()
    perfect = True
    print(f"{'document':<42} {'layer':<11} {'precision':>9} {'recall':>7}  (hits/pred/truth)")
    for doc_id, truth in truth_docs.items():
        doc = corpus[doc_id]
        layers = {
            "references": (
                {(r.start, r.end, r.instrument.id) for r in doc.references},
                {(t["start"], t["end"], t["instrument"]) for t in truth["references"]},
            ),
            "mentions": (
                {(m.start, m.end, m.entity.id) for m in doc.mentions},
                {(t["start"], t["end"], t["entity"]) for t in truth["mentions"]},
            ),
        }
        for layer, (predicted, expected) in layers.items():
            p, r, hits, n_pred, n_truth = score(predicted, expected)
            perfect &= p == r == 1.0
            print(f"{doc_id:<42} {layer:<11} {p:>9.1%} {r:>7.1%}  ({hits}/{n_pred}/{n_truth})")
            if args.show:
                for s, e, i in sorted(expected - predicted):
                    print(f"    missed     {s:>5}-{e:<5} {doc.text[s:e]!r} -> {i}")
                for s, e, i in sorted(predicted - expected):
                    print(f"    false hit  {s:>5}-{e:<5} {doc.text[s:e]!r} -> {i}")
    return 0 if perfect else 1


if __name__ == "__main__":
    raise SystemExit(main())
