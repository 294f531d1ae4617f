"""Generated corpus directories: valid ones load with what was written; broken ones raise
CorpusError and nothing else, and are never changed."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import jrcorpus

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}[a-z0-9]", fullmatch=True).filter(
    lambda s: ".." not in s
)
kinds = st.sampled_from([k.value for k in jrcorpus.DocumentKind])
places = st.none() | st.sampled_from(["Moscow", "Tokyo", "Khabarovsk", "Irkutsk"])
dates = st.dates(min_value=dt.date(1850, 1, 1), max_value=dt.date(2100, 12, 31))
words = st.text(alphabet="abcdefghijklmnop ", min_size=3, max_size=40).map(str.strip).filter(bool)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, object]:
    day = draw(dates)
    paragraphs = draw(st.lists(words.map(lambda w: w.capitalize() + "."), min_size=1, max_size=5))
    text = "\n\n".join(["Statement on " + draw(words), day.strftime("%d %B %Y"), *paragraphs])
    return {
        "meta": {"id": draw(ids), "kind": draw(kinds), "place": draw(places)},
        "text": text,
        "date": day,
        "paragraphs": paragraphs,
    }


def write(root: Path, docs: list[dict[str, object]]) -> None:
    (root / "documents").mkdir(parents=True)
    (root / "corpus.json").write_text(json.dumps({"format": 1, "name": "gen"}))
    for doc in docs:
        meta = doc["meta"]
        assert isinstance(meta, dict)
        (root / "documents" / f"{meta['id']}.json").write_text(json.dumps(meta))
        (root / "documents" / f"{meta['id']}.txt").write_text(str(doc["text"]))


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@settings(max_examples=40, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d["meta"]["id"]))  # type: ignore[index]
def test_valid_directories_load_what_was_written(docs: list[dict[str, object]]) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        write(root, docs)
        corpus = jrcorpus.load(root)
        assert len(corpus) == len(docs)
        for doc in docs:
            meta = doc["meta"]
            assert isinstance(meta, dict)
            loaded = corpus[meta["id"]]
            assert loaded.text == doc["text"]
            assert loaded.date == doc["date"]
            assert loaded.kind.value == meta["kind"]
            assert loaded.place == meta["place"]
            assert [p.text for p in loaded.paragraphs] == doc["paragraphs"]
    finally:
        shutil.rmtree(root)


junk = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(str.encode),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=10,
    ).map(lambda v: json.dumps(v).encode()),
)


@settings(max_examples=150, deadline=None)
@given(
    documents(),
    st.sampled_from(
        [
            "corpus.json",
            "meta",
            "text",
            "catalogue/actors.json",
            "catalogue/instruments.json",
            "catalogue/places.json",
        ]
    ),
    junk,
)
def test_broken_directories_raise_corpus_error_only(
    doc: dict[str, object], target: str, content: bytes
) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        write(root, [doc])
        meta = doc["meta"]
        assert isinstance(meta, dict)
        path = {
            "meta": root / "documents" / f"{meta['id']}.json",
            "text": root / "documents" / f"{meta['id']}.txt",
        }.get(target, root / target)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        before = files(root)
        try:
            jrcorpus.load(root)
            outcome = "loaded"  # junk can still be valid (a text that parses, say)
        except jrcorpus.CorpusError as e:
            outcome = str(e)  # anything else propagates and fails the test
        assert outcome
        assert files(root) == before
    finally:
        shutil.rmtree(root)
