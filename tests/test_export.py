"""Records, pandas, JSON Lines, CSV and Parquet.

Expected values are taken from the texts by hand (src/jrcorpus/corpus/documents/*.txt):
12 paragraphs in the joint statement (1 formula, 10 recitals, 1 operative), 8 in the
opening statement, 15 citations of instruments, and the record's own slips kept verbatim.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jrcorpus
from jrcorpus._export import FORMATS
from jrcorpus._jsonl import read_jsonl
from jrcorpus._records import COLUMNS, LEVELS, Level

JOINT = "2003-01-10-joint-statement"
OPENING = "2003-01-12-khabarovsk-opening-statement"
PACKAGE = Path(jrcorpus.__file__).parent
DOCS = Path(__file__).resolve().parents[1] / "docs"

# The documented keys of every level (docs/records.md), in column order.
KEYS = {
    "documents": [
        "id",
        "title",
        "date",
        "kind",
        "place",
        "provisional",
        "source_url",
        "publisher",
        "language",
        "paragraphs",
        "speaker",
        "signatories",
        "sha256",
        "text",
    ],
    "paragraphs": ["id", "doc_id", "index", "role", "start", "end", "text"],
    "references": [
        "doc_id",
        "paragraph_id",
        "start",
        "end",
        "text",
        "instrument_id",
        "instrument_title",
        "instrument_kind",
        "instrument_date",
        "instrument_precision",
    ],
    "mentions": [
        "doc_id",
        "paragraph_id",
        "start",
        "end",
        "text",
        "entity_id",
        "entity_name",
        "entity_type",
        "entity_kind",
    ],
}
COUNTS = {"documents": 2, "paragraphs": 20, "references": 15}

# Copied from the text files by hand.
JOINT_P12 = (
    "Adopted of the Japan-Russia Action Plan attached herein, and expressed both countries' "
    "intention to undertake joint work to ensure the steady implementation of the Action Plan."
)
ROLES = {
    JOINT: ["formula"] + ["recital"] * 10 + ["operative"],
    OPENING: ["speech"] * 8,
}

GOOD_TEXT = (
    "(Provisional Translation)\r\n\r\n"
    "Joint Statement on Fisheries\r\n\r\n"
    "Tokyo, 5 September 2000\r\n\r\n"
    "The Prime Minister of Japan and the President of the Russian Federation,\r\n\r\n"
    "Recalling the Tokyo Declaration on Japan-Russia\u2028Relations and the\x85"
    "Moscow Declaration;\r\nsecond line of it\r\n\r\n"
    "Have agreed to cooperate.\r\n\r\n"
    "Back to Index"
)


def file_text(doc_id: str) -> str:
    path = PACKAGE / "corpus" / "documents" / f"{doc_id}.txt"
    return path.read_bytes().decode("utf-8")


def make_corpus(root: Path, text: str = GOOD_TEXT) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "corpus.json").write_text(json.dumps({"format": 1, "name": "mine"}))
    (root / "documents" / "2000-09-05-fisheries.txt").write_bytes(text.encode("utf-8"))
    (root / "documents" / "2000-09-05-fisheries.json").write_text(
        json.dumps({"id": "2000-09-05-fisheries", "kind": "joint-statement"})
    )
    return root


def jsonl_of(corpus: jrcorpus.Corpus) -> str:
    out = io.StringIO()
    jrcorpus.export(corpus, out, "jsonl")
    return out.getvalue()


# -- records -----------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_record_keys_are_the_documented_ones(corpus: jrcorpus.Corpus, level: str) -> None:
    rows = corpus.to_records(level)
    assert rows
    for row in rows:
        assert list(row) == KEYS[level]
    # The column table that CSV, Parquet and pandas use names the same keys.
    assert [name for name, _ in COLUMNS[Level(level)]] == KEYS[level]


@pytest.mark.parametrize("level", LEVELS)
def test_records_are_json_safe(corpus: jrcorpus.Corpus, level: str) -> None:
    rows = corpus.to_records(level)
    # Equal after a JSON round trip: only str, int, bool, None and lists of those.
    assert json.loads(json.dumps(rows)) == rows


def test_docs_list_the_keys_of_every_level() -> None:
    page = (DOCS / "records.md").read_text(encoding="utf-8")
    for level, keys in KEYS.items():
        section = page.split(f"### `{level}`", 1)[1].split("###", 1)[0]
        documented = re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.MULTILINE)
        assert documented == keys, level


@pytest.mark.parametrize(("level", "count"), COUNTS.items())
def test_record_counts(corpus: jrcorpus.Corpus, level: str, count: int) -> None:
    assert len(corpus.to_records(level)) == count


def test_document_records(corpus: jrcorpus.Corpus) -> None:
    joint, opening = corpus.to_records("documents")
    assert joint["id"] == JOINT
    assert joint["date"] == "2003-01-10"
    assert joint["kind"] == "joint-statement"
    assert joint["place"] == "Moscow"
    assert joint["provisional"] is True
    assert joint["source_url"] == "https://www.mofa.go.jp/region/europe/russia/pmv0301/joint.html"
    assert joint["paragraphs"] == 12
    assert joint["speaker"] is None
    assert joint["signatories"] == ["Junichiro Koizumi", "Vladimir Vladimirovich Putin"]
    assert joint["text"] == file_text(JOINT)
    assert joint["sha256"] == hashlib.sha256(file_text(JOINT).encode("utf-8")).hexdigest()
    assert opening["id"] == OPENING
    assert (opening["date"], opening["kind"], opening["place"]) == (
        "2003-01-12",
        "press-statement",
        "Khabarovsk",
    )
    assert opening["paragraphs"] == 8
    assert opening["speaker"] == "Junichiro Koizumi"
    assert opening["signatories"] == []
    assert opening["title"].startswith("Opening Statement by Prime Minister Junichiro Koizumi")


def test_paragraph_records(corpus: jrcorpus.Corpus) -> None:
    rows = corpus.to_records("paragraphs")
    for doc_id, roles in ROLES.items():
        mine = [r for r in rows if r["doc_id"] == doc_id]
        assert [r["role"] for r in mine] == roles
        assert [r["index"] for r in mine] == list(range(1, len(roles) + 1))
        assert [r["id"] for r in mine] == [f"{doc_id}:p{n}" for n in range(1, len(roles) + 1)]
        text = file_text(doc_id)
        for r in mine:
            assert text[r["start"] : r["end"]] == r["text"]
    assert rows[11]["text"] == JOINT_P12
    assert "It is in that sprit that I am able" in rows[12 + 6]["text"]


def test_reference_records(corpus: jrcorpus.Corpus) -> None:
    rows = corpus.to_records("references")
    title = rows[0]
    assert (title["paragraph_id"], title["text"]) == (None, "Japan-Russia Action Plan")
    by_text = {r["text"]: r for r in rows}
    tokyo = by_text["Tokyo Declaration on Japan-Russia Relations"]
    assert tokyo["paragraph_id"] == f"{JOINT}:p7"
    assert (tokyo["instrument_id"], tokyo["instrument_date"]) == (
        "tokyo-declaration-1993",
        "1993-10-13",
    )
    assert tokyo["instrument_kind"] == "declaration"
    assert tokyo["instrument_precision"] == "day"
    # "signed in September 2000": the record gives the month only.
    program = by_text[
        "Program to Stimulate the Basic Direction of Cooperation in Trade and Economic Areas"
    ]
    assert (program["instrument_date"], program["instrument_precision"]) == ("2000-09-01", "month")
    npt = [r for r in rows if r["doc_id"] == OPENING and r["instrument_id"] == "npt"]
    assert [r["text"] for r in npt] == ["Nuclear Non-Proliferation Treaty (NPT)"]
    assert [r["paragraph_id"] for r in npt] == [f"{OPENING}:p6"]


def test_mention_records(corpus: jrcorpus.Corpus) -> None:
    rows = corpus.to_records("mentions")
    opening = file_text(OPENING)
    north_korea = [r for r in rows if r["entity_id"] == "north-korea"]
    # Eleven in the text, the last in a navigation line ("Related Information (Japan-North
    # Korea Relations)"), which is not annotated.
    speech = opening.split("\n\nRelated Information")[0]
    assert len(north_korea) == speech.count("North Korea") == 10
    islands = [r for r in rows if r["entity_kind"] == "island" and r["doc_id"] == JOINT]
    assert [r["text"] for r in islands] == ["Etorofu", "Kunashiri", "Shikotan", "Habomai"]
    assert {r["entity_type"] for r in islands} == {"place"}
    ishaev = [r for r in rows if r["entity_id"] == "viktor-ishaev"]
    assert [(r["text"], r["entity_name"], r["entity_type"]) for r in ishaev] == [
        ("Viktor Ishaef", "Viktor Ishaev", "party")
    ] * 2
    # Outside paragraphs: 6 in the joint title, 4 in its signature blocks, 2 in the
    # opening statement's title.
    assert sum(r["paragraph_id"] is None for r in rows) == 12


def test_unknown_level_is_a_query_error(corpus: jrcorpus.Corpus) -> None:
    with pytest.raises(jrcorpus.QueryError, match="unknown level 'sentences'"):
        corpus.to_records("sentences")
    with pytest.raises(jrcorpus.QueryError):
        corpus.to_pandas("sentences")


def test_level_and_format_names_match_the_cli() -> None:
    from jrcorpus._cli import EXPORT_FORMATS, EXPORT_LEVELS

    assert EXPORT_FORMATS == FORMATS == ("jsonl", "csv", "parquet", "tei", "akn")
    assert EXPORT_LEVELS == LEVELS == tuple(KEYS)


# -- pandas ------------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_to_pandas_columns_and_rows(corpus: jrcorpus.Corpus, level: str) -> None:
    frame = corpus.to_pandas(level)
    assert list(frame.columns) == KEYS[level]
    assert len(frame) == len(corpus.to_records(level))


def test_to_pandas_types(corpus: jrcorpus.Corpus) -> None:
    import pandas as pd

    docs = corpus.to_pandas("documents")
    assert pd.api.types.is_datetime64_any_dtype(docs["date"])
    assert list(docs["date"]) == [pd.Timestamp(2003, 1, 10), pd.Timestamp(2003, 1, 12)]
    assert pd.api.types.is_string_dtype(docs["kind"])
    assert list(docs["kind"]) == ["joint-statement", "press-statement"]
    assert all(type(v) is str for v in docs["kind"])
    assert docs["paragraphs"].dtype.kind == "i"
    assert docs["provisional"].dtype == bool
    refs = corpus.to_pandas("references")
    assert pd.api.types.is_datetime64_any_dtype(refs["instrument_date"])
    assert pd.Timestamp(1956, 10, 19) in set(refs["instrument_date"])
    assert all(type(v) is str for v in refs["instrument_precision"])
    paragraphs = corpus.to_pandas("paragraphs")
    assert paragraphs["start"].dtype.kind == "i"
    assert list(paragraphs["role"]).count("recital") == 10


def test_to_pandas_of_an_empty_level() -> None:
    bare = jrcorpus.Corpus([])
    frame = bare.to_pandas("references")
    assert list(frame.columns) == KEYS["references"]
    assert len(frame) == 0


def test_missing_pandas_names_the_extra(
    corpus: jrcorpus.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(jrcorpus.MissingExtraError, match=re.escape("jrcorpus[pandas]")) as info:
        corpus.to_pandas("paragraphs")
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, jrcorpus.CorpusError)


def test_missing_pyarrow_names_the_extra(
    corpus: jrcorpus.Corpus, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    target = tmp_path / "p.parquet"
    with pytest.raises(jrcorpus.MissingExtraError, match=re.escape("jrcorpus[parquet]")):
        jrcorpus.export(corpus, target, "parquet", level="paragraphs")
    assert not target.exists()


# -- JSON Lines --------------------------------------------------------------------------


def test_jsonl_round_trip_of_the_bundled_corpus(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    jrcorpus.export(corpus, path, "jsonl")
    again = jrcorpus.read_jsonl(path)
    assert again == corpus
    assert again is not corpus
    assert again[JOINT].paragraph(7).references[1].instrument.id == "tokyo-declaration-1993"
    assert again.references() == corpus.references()
    assert again.mentions("Ishaef") == corpus.mentions("Ishaef")


def test_jsonl_layout(corpus: jrcorpus.Corpus) -> None:
    lines = jsonl_of(corpus).split("\n")
    assert lines[-1] == ""  # every line ends with a newline
    head, joint, opening = (json.loads(line) for line in lines[:-1])
    assert (head["type"], head["format"], head["name"]) == ("corpus", 1, "jrcorpus")
    assert set(head["catalogue"]) == {"actors", "places", "instruments"}
    assert [d["type"] for d in (joint, opening)] == ["document", "document"]
    assert [d["id"] for d in (joint, opening)] == [JOINT, OPENING]
    assert joint["text"] == file_text(JOINT)
    assert len(joint["paragraphs"]) == 12
    assert len(joint["references"]) + len(opening["references"]) == 15


def test_jsonl_round_trip_of_user_corpora(tmp_path: Path) -> None:
    example = jrcorpus.load(DOCS / "example-corpus")
    path = tmp_path / "example.jsonl"
    jrcorpus.export(example, path, "jsonl")
    assert jrcorpus.read_jsonl(path) == example
    # CRLF, U+2028 and U+0085 inside a paragraph: only "\n" may end a JSON Lines line.
    mine = jrcorpus.load(make_corpus(tmp_path / "mine"))
    (doc,) = mine
    assert "\u2028" in doc.paragraphs[1].text
    assert "\r\n" in doc.paragraphs[1].text
    path = tmp_path / "mine.jsonl"
    jrcorpus.export(mine, path, "jsonl")
    assert jrcorpus.read_jsonl(path) == mine


def test_jsonl_round_trip_of_a_combined_corpus(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    both = jrcorpus.combine(corpus, jrcorpus.load(DOCS / "example-corpus"))
    path = tmp_path / "both.jsonl"
    jrcorpus.export(both, path, "jsonl")
    assert jrcorpus.read_jsonl(path) == both


def test_jsonl_accepts_a_bom_and_crlf(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl_of(corpus).replace("\n", "\r\n").encode("utf-8"))
    assert jrcorpus.read_jsonl(path) == corpus


def write_lines(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def bundled_lines(corpus: jrcorpus.Corpus) -> list[Any]:
    return [json.loads(line) for line in jsonl_of(corpus).splitlines()]


def problems(path: Path) -> list[jrcorpus.Problem]:
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        read_jsonl(path)
    assert str(path) in str(info.value)
    assert all(p.file == str(path) for p in info.value.problems)
    return list(info.value.problems)


def test_broken_line_names_file_and_line(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    lines = bundled_lines(corpus)
    lines[2] = '{"type": "document", "id": '
    (problem,) = problems(write_lines(tmp_path / "c.jsonl", lines))
    assert problem.field == "line 3"
    assert "invalid JSON" in problem.message


def test_wrong_first_line(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    lines = bundled_lines(corpus)
    (problem,) = problems(write_lines(tmp_path / "c.jsonl", lines[1:]))
    assert problem.field == "line 1"
    assert "expected the corpus line first" in problem.message
    (problem,) = problems(write_lines(tmp_path / "c.jsonl", [[1, 2], *lines[1:]]))
    assert (problem.field, problem.message) == ("line 1", "expected a JSON object")
    head = dict(lines[0], format=2)
    (problem,) = problems(write_lines(tmp_path / "c.jsonl", [head, *lines[1:]]))
    assert problem.field == "line 1: format"
    assert "unsupported format 2" in problem.message


def test_empty_and_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    (problem,) = problems(empty)
    assert "empty" in problem.message
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"name": "caf\xe9"}\n')
    (problem,) = problems(latin)
    assert "not valid UTF-8 at byte 13" in problem.message
    with pytest.raises(jrcorpus.CorpusNotFoundError, match="no such file"):
        read_jsonl(tmp_path / "missing.jsonl")
    with pytest.raises(jrcorpus.CorpusNotFoundError):
        read_jsonl(tmp_path)


def test_a_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(jrcorpus.CorpusFormatError, match="cannot be read: Permission denied"):
        read_jsonl(tmp_path / "c.jsonl")


Mutation = Callable[[list[Any]], None]


def _set(line: int, *path: Any, value: Any) -> Mutation:
    def mutate(lines: list[Any]) -> None:
        target = lines[line]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _shift_reference(lines: list[Any]) -> None:
    ref = lines[1]["references"][2]
    ref["start"] += 1
    ref["end"] += 1


def _swap_paragraphs(lines: list[Any]) -> None:
    p = lines[1]["paragraphs"]
    p[0], p[1] = p[1], p[0]


def _overlap(lines: list[Any]) -> None:
    second = lines[1]["paragraphs"][1]
    text = lines[1]["text"]
    second["start"] = lines[1]["paragraphs"][0]["start"]
    second["text"] = text[second["start"] : second["end"]]


def _change_text(lines: list[Any]) -> None:
    # "Adopted of" corrected: the spans after it shift, and the digest no longer matches.
    lines[1]["text"] = lines[1]["text"].replace("Adopted of", "Adopted")


def _duplicate(lines: list[Any]) -> None:
    lines.append(lines[1])


@pytest.mark.parametrize(
    ("mutate", "field", "words"),
    [
        (_shift_reference, "line 2: references[2]", "does not slice 'Joint Declaration"),
        (
            _set(1, "references", 2, "instrument", value="nope"),
            "line 2: references[2].instrument",
            "no instrument 'nope'",
        ),
        (
            _set(1, "mentions", 0, "entity", value="atlantis"),
            "line 2: mentions[0].entity",
            "no entity 'atlantis'",
        ),
        (
            _set(1, "references", 2, "paragraph_id", value=f"{JOINT}:p99"),
            "line 2: references[2].paragraph_id",
            "no paragraph",
        ),
        (
            _set(1, "references", 2, "paragraph_id", value=f"{JOINT}:p1"),
            "line 2: references[2]",
            "not inside paragraph",
        ),
        (
            _set(1, "references", 2, "start", value="2455"),
            "line 2: references[2].start",
            "expected an integer",
        ),
        (
            _set(1, "references", 2, "start", value=True),
            "line 2: references[2].start",
            "expected an integer",
        ),
        (
            _set(1, "references", 2, "end", value=10**6),
            "line 2: references[2]",
            "not within the text",
        ),
        (
            _set(1, "paragraphs", 0, "role", value="preamble"),
            "line 2: paragraphs[0].role",
            "not allowed",
        ),
        (
            _set(1, "paragraphs", 0, "id", value=f"{JOINT}:p0"),
            "line 2: paragraphs[0]",
            "expected index 1",
        ),
        (_swap_paragraphs, "line 2: paragraphs[0]", "expected index 1"),
        (_overlap, "line 2: paragraphs[1]", "overlaps"),
        (
            _set(1, "paragraphs", 0, "colour", value="red"),
            "line 2: paragraphs[0].colour",
            "unknown key",
        ),
        (_set(1, "title_span", value=[1]), "line 2: title_span", "two integers"),
        (_set(1, "date_span", value=[-1, 3]), "line 2: date_span", "not within the text"),
        (
            _set(1, "signatories", 0, "name", value="Koizumi"),
            "line 2: signatories[0]",
            "name_span does not slice",
        ),
        (
            _set(1, "signatories", 0, value={"name": "Junichiro Koizumi"}),
            "line 2: signatories[0].office",
            "missing required key",
        ),
        (
            _set(1, "signatories", 0, "party", value="nobody"),
            "line 2: signatories[0].party",
            "no actor 'nobody'",
        ),
        (
            _set(1, "signatories", 1, "office_span", value=["a", "b"]),
            "line 2: signatories[1].office_span",
            "two integers",
        ),
        (
            _set(2, "speaker", "office_span", value=[0, 1]),
            "line 3: speaker",
            "office_span does not slice",
        ),
        (
            _set(2, "links", 0, "text", value="English"),
            "line 3: links[0]",
            "does not slice 'English'",
        ),
        (_set(1, "date", value="2003-02-30"), "line 2: date", "not a valid date"),
        (_set(1, "kind", value="communique"), "line 2: kind", "not allowed"),
        (_set(1, "id", value="../etc"), "line 2: id", "not a safe id"),
        (_set(1, "provisional", value="yes"), "line 2: provisional", "expected true or false"),
        (_set(1, "type", value="corpus"), "line 2: type", "expected 'document'"),
        (_change_text, "line 2: sha256", "the text was changed"),
        (_duplicate, "line 4: id", "duplicate document id"),
        (_set(0, "name", value=None), "line 1: name", "expected a string"),
        (
            _set(0, "catalogue", "colours", value=[]),
            "line 1: catalogue.colours",
            "unknown catalogue key",
        ),
        (
            _set(0, "catalogue", "actors", 0, "kind", value="planet"),
            "line 1: catalogue.actors[0].kind",
            "not allowed",
        ),
        (_set(0, "catalogue", "places", value={}), "line 1: catalogue.places", "expected an array"),
        (_set(1, "text", value=5), "line 2: text", "expected a string"),
        (_set(1, "speaker", value=[]), "line 2: speaker", "expected an object or null"),
    ],
)
def test_tampered_lines_raise_corpus_format_error(
    corpus: jrcorpus.Corpus, tmp_path: Path, mutate: Mutation, field: str, words: str
) -> None:
    lines = bundled_lines(corpus)
    mutate(lines)
    found = problems(write_lines(tmp_path / "c.jsonl", lines))
    matching = [p for p in found if p.field == field]
    assert matching, "\n".join(map(str, found))
    assert words in matching[0].message, matching[0].message


def test_lone_surrogates_and_deep_nesting(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    lines = jsonl_of(corpus).splitlines()
    lines[2] = lines[2].replace("Spasibo", "Spasibo\\ud800", 1)
    lines.append("[" * 100_000 + "]" * 100_000)
    found = problems(write_lines(tmp_path / "c.jsonl", lines))
    assert [p.field for p in found] == ["line 3", "line 4"]
    assert "lone surrogate" in found[0].message
    assert "nested too deeply" in found[1].message


def test_problems_are_collected_across_lines(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    lines = bundled_lines(corpus)
    _shift_reference(lines)
    lines[2]["paragraphs"][7]["text"] = "Spasibo."
    found = problems(write_lines(tmp_path / "c.jsonl", lines))
    assert {p.field for p in found} == {"line 2: references[2]", "line 3: paragraphs[7]"}


# -- the property: a mutated export reads back valid, or raises CorpusFormatError ---------


def check_valid(result: jrcorpus.Corpus, path: Path) -> None:
    """Whatever read_jsonl returns is a consistent corpus that round-trips again."""
    for doc in result:
        text = doc.text
        ids = {p.id: p for p in doc.paragraphs}
        for n, p in enumerate(doc.paragraphs, start=1):
            assert (p.index, p.id) == (n, f"{doc.id}:p{n}")
            assert text[p.start : p.end] == p.text
        annotations: list[jrcorpus.Reference | jrcorpus.Mention] = [
            *doc.references,
            *doc.mentions,
        ]
        for x in annotations:
            assert text[x.start : x.end] == x.text
            if x.paragraph_id is not None:
                assert ids[x.paragraph_id].start <= x.start <= x.end <= ids[x.paragraph_id].end
        for s in (*doc.signatories, *([doc.speaker] if doc.speaker else [])):
            assert text[slice(*s.name_span)] == s.name
            assert text[slice(*s.office_span)] == s.office
    jrcorpus.export(result, path, "jsonl")
    assert read_jsonl(path) == result


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10_000) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def export_lines() -> list[Any]:
    return bundled_lines(jrcorpus.load())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_structural_mutations_never_leak(
    export_lines: list[Any], tmp_path: Path, data: st.DataObject
) -> None:
    lines = json.loads(json.dumps(export_lines))  # a deep copy
    parent: Any = lines
    key: Any = data.draw(st.integers(0, len(lines) - 1))
    depth = data.draw(st.integers(0, 6), label="depth")
    while isinstance(parent[key], (dict, list)) and parent[key] and depth > 0:
        depth -= 1
        parent = parent[key]
        keys = list(parent) if isinstance(parent, dict) else list(range(len(parent)))
        key = data.draw(st.sampled_from(keys))
    if isinstance(parent, dict) and data.draw(st.booleans()):
        del parent[key]
    else:
        parent[key] = data.draw(json_values)
    path = write_lines(tmp_path / "mutated.jsonl", lines)
    try:
        result = read_jsonl(path)
    except jrcorpus.CorpusFormatError:
        return
    check_valid(result, tmp_path / "again.jsonl")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_textual_mutations_never_leak(
    corpus: jrcorpus.Corpus, tmp_path: Path, data: st.DataObject
) -> None:
    raw = jsonl_of(corpus)
    at = data.draw(st.integers(0, len(raw)))
    cut = data.draw(st.integers(0, 20))
    insert = data.draw(st.text(alphabet='{}[]",:0123456789 \n\\ut', max_size=6))
    path = tmp_path / "mutated.jsonl"
    path.write_text(raw[:at] + insert + raw[at + cut :], encoding="utf-8")
    try:
        result = read_jsonl(path)
    except jrcorpus.CorpusFormatError:
        return
    check_valid(result, tmp_path / "again.jsonl")


# -- CSV ---------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def csv_of(corpus: jrcorpus.Corpus, level: str) -> str:
    out = io.StringIO()
    jrcorpus.export(corpus, out, "csv", level=level)
    return out.getvalue()


def test_csv_paragraphs_are_exact(corpus: jrcorpus.Corpus) -> None:
    text = csv_of(corpus, "paragraphs")
    assert text.splitlines()[0] == ",".join(KEYS["paragraphs"])
    rows = read_csv(text)
    assert len(rows) == 20
    assert [r["text"] for r in rows] == [p.text for d in corpus for p in d.paragraphs]
    assert rows[11]["text"] == JOINT_P12
    assert rows[11]["role"] == "operative"
    assert "It is in that sprit that" in rows[18]["text"]
    assert rows[19]["text"].endswith("the warm welcome they have extended us. Spasibo!")
    assert [r["index"] for r in rows[:3]] == ["1", "2", "3"]


def test_csv_documents(corpus: jrcorpus.Corpus) -> None:
    joint, opening = read_csv(csv_of(corpus, "documents"))
    assert joint["text"] == file_text(JOINT)  # multi-line, quoted, exact
    assert opening["text"] == file_text(OPENING)
    assert joint["signatories"] == "Junichiro Koizumi; Vladimir Vladimirovich Putin"
    assert joint["speaker"] == ""  # None is an empty cell
    assert (joint["date"], joint["provisional"]) == ("2003-01-10", "True")


def test_csv_to_a_path_equals_the_stream(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "refs.csv"
    jrcorpus.export(corpus, path, "csv", level="references")
    assert path.read_bytes().decode("utf-8") == csv_of(corpus, "references")
    rows = read_csv(path.read_text(encoding="utf-8"))
    assert len(rows) == 15
    assert rows[0]["paragraph_id"] == ""


def test_csv_keeps_crlf_inside_cells(tmp_path: Path) -> None:
    mine = jrcorpus.load(make_corpus(tmp_path / "mine"))
    path = tmp_path / "p.csv"
    jrcorpus.export(mine, path, "csv", level="paragraphs")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["text"] for r in rows] == [p.text for p in mine.documents[0].paragraphs]


def test_csv_of_an_empty_level() -> None:
    assert csv_of(jrcorpus.Corpus([]), "mentions") == ",".join(KEYS["mentions"]) + "\n"


# -- Parquet -----------------------------------------------------------------------------


def test_parquet_schema_and_values(corpus: jrcorpus.Corpus, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = {}
    for level in LEVELS:
        path = tmp_path / f"{level}.parquet"
        jrcorpus.export(corpus, path, "parquet", level=level)
        tables[level] = pq.read_table(path)
        assert tables[level].column_names == KEYS[level]
        assert tables[level].num_rows == len(corpus.to_records(level))
    docs = tables["documents"].schema
    assert docs.field("date").type == pa.date32()
    assert docs.field("signatories").type == pa.list_(pa.string())
    assert docs.field("paragraphs").type == pa.int64()
    assert docs.field("provisional").type == pa.bool_()
    assert docs.field("kind").type == pa.string()
    paragraphs = tables["paragraphs"]
    assert paragraphs.schema.field("start").type == pa.int64()
    assert paragraphs.schema.field("end").type == pa.int64()
    assert tables["references"].schema.field("instrument_date").type == pa.date32()
    assert tables["documents"].column("date").to_pylist() == [
        dt.date(2003, 1, 10),
        dt.date(2003, 1, 12),
    ]
    assert tables["documents"].column("signatories").to_pylist() == [
        ["Junichiro Koizumi", "Vladimir Vladimirovich Putin"],
        [],
    ]
    texts = paragraphs.column("text").to_pylist()
    assert texts == [p.text for d in corpus for p in d.paragraphs]
    assert texts[11] == JOINT_P12
    assert tables["documents"].column("text").to_pylist()[0] == file_text(JOINT)
    assert tables["mentions"].num_rows == len(corpus.mentions())


# -- export arguments --------------------------------------------------------------------


def test_unknown_format_or_level_is_a_query_error(corpus: jrcorpus.Corpus) -> None:
    with pytest.raises(jrcorpus.QueryError, match="unknown format 'xlsx'"):
        jrcorpus.export(corpus, io.StringIO(), "xlsx")
    with pytest.raises(jrcorpus.QueryError, match="unknown level 'words'"):
        jrcorpus.export(corpus, io.StringIO(), "csv", level="words")


def test_parquet_to_a_stream_is_a_query_error(corpus: jrcorpus.Corpus) -> None:
    with pytest.raises(jrcorpus.QueryError, match="path, not a stream"):
        jrcorpus.export(corpus, io.BytesIO(), "parquet")  # type: ignore[arg-type]


def test_a_failed_export_leaves_the_target_alone(tmp_path: Path) -> None:
    bad = jrcorpus.load(make_corpus(tmp_path / "bad", GOOD_TEXT.replace("second", "sec\x01ond")))
    target = tmp_path / "out.xml"
    target.write_text("before")
    with pytest.raises(jrcorpus.CorpusFormatError, match="U\\+0001"):
        jrcorpus.export(bad, target, "tei")
    assert target.read_text() == "before"


def test_level_names() -> None:
    from jrcorpus._records import Level

    assert str(Level.PARAGRAPHS) == "paragraphs"
    assert [str(level) for level in Level] == list(LEVELS)


def test_jsonl_round_trip_without_date_line_or_digest(
    corpus: jrcorpus.Corpus, tmp_path: Path
) -> None:
    import attrs

    bare = jrcorpus.Corpus(
        [attrs.evolve(d, date_span=None, sha256=None) for d in corpus], catalogue=corpus.catalogue
    )
    path = tmp_path / "bare.jsonl"
    jrcorpus.export(bare, path, "jsonl")
    assert jrcorpus.read_jsonl(path) == bare
    assert [json.loads(line)["date_span"] for line in path.read_text().splitlines()[1:]] == [
        None,
        None,
    ]


def test_jsonl_round_trip_of_a_user_catalogue(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "mine")
    (root / "catalogue").mkdir()
    actors = {
        "actors": [
            {
                "id": "fisheries-minister",
                "name": "Ivan Petrov",
                "kind": "person",
                "aliases": ["Petrov"],
                "offices": [
                    {"title": "Minister of Fisheries", "start": "1999", "end": "2004"},
                    {"title": "Ambassador to Japan", "start": "2004-05", "end": None},
                ],
            }
        ]
    }
    places = {"places": [{"id": "kuril-waters", "name": "Kuril waters", "kind": "sea"}]}
    instruments = {
        "instruments": [
            {
                "id": "fisheries-agreement-1998",
                "title": "Fisheries Agreement",
                "kind": "agreement",
                "date": "1998-02",
                "end_date": "2008-02-21",
                "parties": ["japan", "fisheries-minister"],
            }
        ]
    }
    for name, value in (("actors", actors), ("places", places), ("instruments", instruments)):
        (root / "catalogue" / f"{name}.json").write_text(json.dumps(value))
    mine = jrcorpus.load(root)
    petrov = mine.entity("fisheries-minister")
    assert isinstance(petrov, jrcorpus.Party)
    assert petrov.offices[0].precision is jrcorpus.DatePrecision.YEAR
    path = tmp_path / "mine.jsonl"
    jrcorpus.export(mine, path, "jsonl")
    head = json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0])
    offices = next(a for a in head["catalogue"]["actors"] if a["id"] == "fisheries-minister")[
        "offices"
    ]
    assert offices == [
        {"title": "Minister of Fisheries", "start": "1999", "end": "2004"},
        {"title": "Ambassador to Japan", "start": "2004-05", "end": None},
    ]
    assert jrcorpus.read_jsonl(path) == mine
