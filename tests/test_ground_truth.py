"""The extractor against the hand-made ground truth, span by span (issue 3).

tests/data/ground_truth.json was annotated by reading the texts (see its "about" and
docs/annotation-guidelines.md). These tests check the truth itself against the verbatim
texts and the catalogue, then require the extractor's references and mentions to equal it
exactly: precision and recall 100 % on both seeds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import jrcorpus

TRUTH_PATH = Path(__file__).parent / "data" / "ground_truth.json"
TRUTH: dict[str, dict[str, list[dict[str, Any]]]] = json.loads(
    TRUTH_PATH.read_text(encoding="utf-8")
)["documents"]
DOC_IDS = sorted(TRUTH)
# layer -> the key of the catalogue id in a truth item
LAYERS = {"references": "instrument", "mentions": "entity"}

Item = tuple[int, int, str]


def truth_items(doc_id: str, layer: str) -> set[Item]:
    key = LAYERS[layer]
    return {(t["start"], t["end"], t[key]) for t in TRUTH[doc_id][layer]}


def predicted_items(doc: jrcorpus.Document, layer: str) -> set[Item]:
    if layer == "references":
        return {(r.start, r.end, r.instrument.id) for r in doc.references}
    return {(m.start, m.end, m.entity.id) for m in doc.mentions}


def score(predicted: set[Item], truth: set[Item]) -> tuple[float, float]:
    """Precision and recall as bench/evaluate_extraction.py computes them."""
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall


def diff(doc: jrcorpus.Document, predicted: set[Item], truth: set[Item]) -> str:
    lines = [f"{doc.id}: extractor differs from the ground truth"]
    lines += [
        f"  missed    {s}-{e} {doc.text[s:e]!r} -> {i}" for s, e, i in sorted(truth - predicted)
    ]
    lines += [
        f"  false hit {s}-{e} {doc.text[s:e]!r} -> {i}" for s, e, i in sorted(predicted - truth)
    ]
    return "\n".join(lines)


def test_truth_covers_every_document(corpus: jrcorpus.Corpus) -> None:
    assert set(TRUTH) == set(corpus.ids)


@pytest.mark.parametrize("layer", sorted(LAYERS))
@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_truth_spans_are_the_text(corpus: jrcorpus.Corpus, doc_id: str, layer: str) -> None:
    doc = corpus[doc_id]
    items = TRUTH[doc_id][layer]
    assert items, f"{doc_id} has no {layer} in the ground truth"
    starts = [t["start"] for t in items]
    assert starts == sorted(starts), f"{doc_id} {layer} not sorted by start"
    for t in items:
        assert 0 <= t["start"] < t["end"] <= len(doc.text), t
        assert doc.text[t["start"] : t["end"]] == t["text"], t
    for a, b in zip(items, items[1:]):
        assert a["end"] <= b["start"], f"overlapping {layer} within a layer: {a} / {b}"
    assert len(truth_items(doc_id, layer)) == len(items), f"duplicate {layer} in {doc_id}"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_truth_ids_are_in_the_catalogue(corpus: jrcorpus.Corpus, doc_id: str) -> None:
    catalogue = corpus.catalogue
    instruments = {i.id for i in catalogue.instruments}
    entities = {p.id for p in catalogue.parties} | {p.id for p in catalogue.places}
    unknown_refs = {t["instrument"] for t in TRUTH[doc_id]["references"]} - instruments
    unknown_ents = {t["entity"] for t in TRUTH[doc_id]["mentions"]} - entities
    assert not unknown_refs, f"unknown instruments in {doc_id}: {sorted(unknown_refs)}"
    assert not unknown_ents, f"unknown entities in {doc_id}: {sorted(unknown_ents)}"


@pytest.mark.parametrize("layer", sorted(LAYERS))
@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_extractor_equals_truth(corpus: jrcorpus.Corpus, doc_id: str, layer: str) -> None:
    doc = corpus[doc_id]
    predicted = predicted_items(doc, layer)
    truth = truth_items(doc_id, layer)
    assert predicted == truth, diff(doc, predicted, truth)


def test_precision_and_recall_are_perfect(corpus: jrcorpus.Corpus) -> None:
    scores = {
        (doc_id, layer): score(predicted_items(corpus[doc_id], layer), truth_items(doc_id, layer))
        for doc_id in DOC_IDS
        for layer in LAYERS
    }
    imperfect = {k: v for k, v in scores.items() if v != (1.0, 1.0)}
    assert not imperfect, f"(precision, recall) below 100 %: {imperfect}"


def test_score_detects_a_miss_and_a_false_hit() -> None:
    truth: set[Item] = {(0, 5, "japan"), (10, 16, "russian-federation")}
    assert score(truth, truth) == (1.0, 1.0)
    assert score({(0, 5, "japan")}, truth) == (1.0, 0.5)
    assert score(truth | {(20, 25, "japan")}, truth) == (2 / 3, 1.0)
    assert score({(0, 5, "ussr"), (10, 16, "russian-federation")}, truth) == (0.5, 0.5)
