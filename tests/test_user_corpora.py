"""User corpora: every kind of bad input gets a clear CorpusError, and nothing changes.

Each case builds a small corpus directory, breaks one thing, and checks the exception
type, that the message names the file at fault, and that the directory is byte-identical
afterwards (names, bytes and modification times).
"""

from __future__ import annotations

import errno
import json
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import attrs
import pytest

import jrcorpus
from jrcorpus import _load

GOOD_TEXT = """(Provisional Translation)

Joint Statement on Fisheries

Tokyo, 5 September 2000

The Prime Minister of Japan and the President of the Russian Federation,

Recalling the Tokyo Declaration on Japan-Russia Relations;

Have agreed to cooperate.

Back to Index"""

Snapshot = dict[str, tuple[bytes, int]]


def snapshot(root: Path) -> Snapshot:
    out: Snapshot = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            out[rel] = (str(path.readlink()).encode(), path.lstat().st_mtime_ns)
        elif path.is_file():
            out[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
        else:
            out[rel] = (b"<dir>", path.stat().st_mtime_ns)
    return out


def make_corpus(
    root: Path,
    doc_id: str = "2000-09-05-fisheries",
    text: str = GOOD_TEXT,
    meta: Mapping[str, object] | None = None,
) -> Path:
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "corpus.json").write_text(json.dumps({"format": 1, "name": "mine"}))
    (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
    metadata = {"id": doc_id, "kind": "joint-statement"} if meta is None else meta
    (root / "documents" / f"{doc_id}.json").write_text(json.dumps(metadata))
    return root


def problems_of(root: Path) -> jrcorpus.CorpusFormatError:
    before = snapshot(root)
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.load(root)
    assert snapshot(root) == before, "loading changed the directory"
    assert isinstance(info.value, jrcorpus.CorpusError)
    assert str(root) in str(info.value)
    return info.value


def one_problem(root: Path, file: str, field: str | None, *words: str) -> None:
    err = problems_of(root)
    matching = [p for p in err.problems if p.file == file and p.field == field]
    assert matching, f"no problem for {file} / {field} in:\n{err}"
    for word in words:
        assert word in matching[0].message, matching[0].message
    assert file in str(err)


def test_a_good_corpus_loads(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    before = snapshot(root)
    corpus = jrcorpus.load(root)
    assert snapshot(root) == before
    doc = corpus["2000-09-05-fisheries"]
    assert doc.place == "Tokyo"
    assert [r.instrument.id for r in doc.references] == ["tokyo-declaration-1993"]
    assert corpus.name == "mine"


# -- the directory ------------------------------------------------------------------


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(jrcorpus.CorpusNotFoundError, match="no such file or directory"):
        jrcorpus.load(tmp_path / "nope")


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(jrcorpus.CorpusNotFoundError, match=r"expected a corpus\.json"):
        jrcorpus.load(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_no_documents(tmp_path: Path) -> None:
    (tmp_path / "corpus.json").write_text('{"format": 1, "name": "mine"}')
    one_problem(tmp_path, "documents", None, "missing folder")
    (tmp_path / "documents").mkdir()
    one_problem(tmp_path, "documents", None, "no documents")


def test_text_without_metadata_and_metadata_without_text(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / "orphan.txt").write_text(GOOD_TEXT)
    (root / "documents" / "lonely.json").write_text('{"id": "lonely"}')
    err = problems_of(root)
    files = {p.file: p.message for p in err.problems}
    assert "expected documents/orphan.json" in files["documents/orphan.txt"]
    assert "expected documents/lonely.txt" in files["documents/lonely.json"]


def test_unexpected_files_and_folders(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / "notes.docx").write_bytes(b"PK")
    (root / "documents" / "x.txt").mkdir()
    (root / "documents" / "x.json").write_text('{"id": "x"}')
    err = problems_of(root)
    files = {p.file: p.message for p in err.problems}
    assert "unexpected file" in files["documents/notes.docx"]
    assert "not a regular file" in files["documents/x.txt"]


# -- metadata -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "field", "words"),
    [
        (b"", None, ["empty"]),
        (b'{"id": "2000-09-05-fisheries", "kind": ', "line 1 column 40", ["invalid JSON"]),
        (b"{'id': 'x'}", "line 1 column 2", ["invalid JSON"]),
        (b'["id"]', None, ["expected a JSON object, found an array"]),
        (b"\xff\xfe{}", None, ["not valid UTF-8"]),
    ],
    ids=["empty", "truncated", "invalid", "not-an-object", "not-utf8"],
)
def test_bad_metadata_files(
    tmp_path: Path, content: bytes, field: str | None, words: list[str]
) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / "2000-09-05-fisheries.json").write_bytes(content)
    one_problem(root, "documents/2000-09-05-fisheries.json", field, *words)


def test_wrong_types_unknown_and_missing_keys_all_reported(tmp_path: Path) -> None:
    meta = {"kind": 3, "plcae": "Tokyo", "date": 20000905, "language": ["en"]}
    root = make_corpus(tmp_path, meta=meta)
    err = problems_of(root)
    found = {(p.field, p.message) for p in err.problems}
    assert ("id", "missing required key") in found
    assert ("plcae", "unknown key (did you mean 'place'?)") in found
    assert ("kind", "expected a string, found an integer") in found
    assert ("date", "expected a string, found an integer") in found
    assert ("language", "expected a string, found an array") in found
    assert len(err.problems) == 5


def test_misspelt_kind_is_suggested(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, meta={"id": "2000-09-05-fisheries", "kind": "joint-statment"})
    one_problem(
        root, "documents/2000-09-05-fisheries.json", "kind", "did you mean 'joint-statement'"
    )


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, meta={"id": "fisheries"})
    one_problem(root, "documents/2000-09-05-fisheries.json", "id", "does not match the file name")


@pytest.mark.parametrize(
    "bad_id",
    ["../escape", "a/b", "a\\b", "", "tab\there", "nul\x00", "UPPER", "..", "-x", "x" * 200],
)
def test_unsafe_ids(tmp_path: Path, bad_id: str) -> None:
    root = make_corpus(tmp_path, meta={"id": bad_id})
    one_problem(root, "documents/2000-09-05-fisheries.json", "id", "not a safe id")


def test_impossible_dates(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, meta={"id": "2000-09-05-fisheries", "date": "2003-02-30"})
    one_problem(root, "documents/2000-09-05-fisheries.json", "date", "not a valid date")
    text = GOOD_TEXT.replace("Tokyo, 5 September 2000", "February 30, 2003")
    root2 = make_corpus(tmp_path / "two", text=text)
    one_problem(root2, "documents/2000-09-05-fisheries.txt", "line 3", "impossible date")


def test_deeply_nested_metadata(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    nested = '{"id": "2000-09-05-fisheries", "notes": ' + "[" * 40 + "]" * 40 + "}"
    (root / "documents" / "2000-09-05-fisheries.json").write_text(nested)
    one_problem(root, "documents/2000-09-05-fisheries.json", None, "nested too deeply")
    (root / "documents" / "2000-09-05-fisheries.json").write_text("[" * 100_000)
    one_problem(root, "documents/2000-09-05-fisheries.json", None, "nested too deeply")


def test_bad_corpus_json(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "corpus.json").write_text('{"format": 2, "name": "Mine!"}')
    err = problems_of(root)
    found = {(p.file, p.field) for p in err.problems}
    assert found == {("corpus.json", "format"), ("corpus.json", "name")}
    assert "unsupported format 2" in str(err)


# -- texts ----------------------------------------------------------------------------


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / "2000-09-05-fisheries.txt").write_bytes(
        GOOD_TEXT.encode("cp1252") + b"\x81"
    )
    one_problem(root, "documents/2000-09-05-fisheries.txt", None, "not valid UTF-8 at byte")


def test_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / "2000-09-05-fisheries.txt").write_bytes(
        b"\xef\xbb\xbf" + GOOD_TEXT.encode()
    )
    doc = jrcorpus.load(root)["2000-09-05-fisheries"]
    assert doc.text == GOOD_TEXT
    assert doc.provisional
    assert doc.paragraphs[0].text.startswith("The Prime Minister of Japan")


def test_crlf_text_stays_verbatim_and_parses(tmp_path: Path) -> None:
    crlf = GOOD_TEXT.replace("\n", "\r\n")
    root = make_corpus(tmp_path, text=crlf)
    doc = jrcorpus.load(root)["2000-09-05-fisheries"]
    assert doc.text == crlf
    assert [p.role.value for p in doc.paragraphs] == ["formula", "recital", "operative"]
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    assert [r.text for r in doc.references] == ["Tokyo Declaration on Japan-Russia Relations"]


def test_text_changed_after_its_digest_was_recorded(tmp_path: Path) -> None:
    meta = {"id": "2000-09-05-fisheries", "sha256": "0" * 64}
    root = make_corpus(tmp_path, meta=meta)
    one_problem(root, "documents/2000-09-05-fisheries.json", "sha256", "the text was changed")


def test_files_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_corpus(tmp_path)
    monkeypatch.setattr(_load, "MAX_TEXT_BYTES", 100)
    one_problem(root, "documents/2000-09-05-fisheries.txt", None, "over the limit of 100 bytes")
    monkeypatch.setattr(_load, "MAX_METADATA_BYTES", 10)
    one_problem(root, "documents/2000-09-05-fisheries.json", None, "over the limit of 10 bytes")
    assert _load.MAX_TEXT_BYTES == 100  # the documented defaults are restored after
    monkeypatch.undo()
    assert (_load.MAX_TEXT_BYTES, _load.MAX_METADATA_BYTES) == (2 * 1024 * 1024, 1024 * 1024)


def test_empty_text(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, text="  \n\n")
    one_problem(root, "documents/2000-09-05-fisheries.txt", None, "the text is empty")


# -- links out of the directory ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
@pytest.mark.parametrize("target", ["text", "metadata", "folder"])
def test_links_out_of_the_corpus_are_refused(tmp_path: Path, target: str) -> None:
    outside = make_corpus(tmp_path / "outside")
    root = make_corpus(tmp_path / "corpus")
    docs = root / "documents"
    if target == "text":
        (docs / "2000-09-05-fisheries.txt").unlink()
        (docs / "2000-09-05-fisheries.txt").symlink_to(
            outside / "documents" / "2000-09-05-fisheries.txt"
        )
        rel = "documents/2000-09-05-fisheries.txt"
    elif target == "metadata":
        (docs / "2000-09-05-fisheries.json").unlink()
        (docs / "2000-09-05-fisheries.json").symlink_to(Path("/etc/hostname"))
        rel = "documents/2000-09-05-fisheries.json"
    else:
        for f in docs.iterdir():
            f.unlink()
        docs.rmdir()
        docs.symlink_to(outside / "documents", target_is_directory=True)
        rel = "documents"
    one_problem(root, rel, None, "leads outside the corpus directory")


def test_links_inside_the_corpus_are_fine(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "texts").mkdir()
    (root / "documents" / "2000-09-05-fisheries.txt").rename(root / "texts" / "f.txt")
    (root / "documents" / "2000-09-05-fisheries.txt").symlink_to(root / "texts" / "f.txt")
    assert jrcorpus.load(root)["2000-09-05-fisheries"].text == GOOD_TEXT


# -- the catalogue ----------------------------------------------------------------------


def write_catalogue(root: Path, name: str, content: object) -> None:
    (root / "catalogue").mkdir(exist_ok=True)
    (root / "catalogue" / f"{name}.json").write_text(json.dumps(content))


def test_catalogue_references_to_ids_that_do_not_exist(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    write_catalogue(
        root,
        "instruments",
        {
            "instruments": [
                {
                    "id": "x-2003",
                    "title": "X Accord",
                    "kind": "agreement",
                    "date": "2003",
                    "parties": ["japan", "rusian-federation"],
                }
            ]
        },
    )
    write_catalogue(
        root,
        "places",
        {
            "places": [
                {"id": "kuril", "name": "Kuril Islands", "kind": "island", "within": "sakhalinn"}
            ]
        },
    )
    write_catalogue(
        root,
        "actors",
        {"actors": [{"id": "rsfsr", "name": "RSFSR", "kind": "state", "successor_of": "nowhere"}]},
    )
    err = problems_of(root)
    messages = {(p.file, p.field): p.message for p in err.problems}
    assert (
        "did you mean 'russian-federation'"
        in messages[("catalogue/instruments.json", "instruments[0].parties")]
    )
    assert "did you mean 'sakhalin'" in messages[("catalogue/places.json", "places[0].within")]
    assert (
        "no actor with id 'nowhere'"
        in messages[("catalogue/actors.json", "actors[0].successor_of")]
    )


def test_catalogue_duplicates_and_redefinitions(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    japan = {
        "id": "japan",
        "name": "Japan",
        "kind": "state",
        "aliases": ["Japan", "Japanese"],
        "offices": [],
        "successor_of": None,
        "notes": None,
    }
    twice = {"id": "kuril", "name": "Kurils", "kind": "area"}
    write_catalogue(root, "actors", {"actors": [japan]})
    write_catalogue(root, "places", {"places": [twice, twice]})
    err = problems_of(root)
    assert [(p.file, p.field, p.message) for p in err.problems] == [
        ("catalogue/places.json", "places[1].id", "duplicate id 'kuril'")
    ]  # repeating the bundled Japan unchanged is fine
    write_catalogue(root, "places", {"places": [twice]})
    write_catalogue(root, "actors", {"actors": [{**japan, "name": "Nippon"}]})
    one_problem(
        root, "catalogue/actors.json", "actors[0].id", "already in the catalogue with other data"
    )


def test_bad_catalogue_dates(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    write_catalogue(
        root,
        "instruments",
        {
            "instruments": [
                {"id": "x", "title": "X Accord", "kind": "agreement", "date": "2003-02-30"},
                {"id": "y", "title": "Y Accord", "kind": "accord", "date": "2003-13"},
            ]
        },
    )
    err = problems_of(root)
    fields = {p.field for p in err.problems}
    assert fields == {"instruments[0].date", "instruments[1].kind", "instruments[1].date"}


# -- several problems, combine, verify, concurrency -------------------------------------


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "corpus.json").write_text('{"format": 1, "name": "mine", "titel": "Mine"}')
    (root / "documents" / "b.txt").write_text("Title\n\n2003-02-30\n\nText.")
    (root / "documents" / "b.json").write_text('{"id": "b"}')
    (root / "documents" / "c.json").write_text('{"id": "c"')
    err = problems_of(root)
    files = sorted(p.file for p in err.problems)
    assert files == ["corpus.json", "documents/b.txt", "documents/c.json"]
    assert "(3 problems)" in str(err)


def test_combine(tmp_path: Path) -> None:
    bundled = jrcorpus.load()
    mine = jrcorpus.load(make_corpus(tmp_path / "a"))
    both = jrcorpus.combine(bundled, mine)
    assert list(both.ids) == sorted(both.ids, key=lambda i: both[i].date)
    assert set(both.ids) == {*bundled.ids, "2000-09-05-fisheries"}
    assert both.name == "jrcorpus+mine"
    assert len(jrcorpus.combine(bundled, bundled)) == 2
    other = jrcorpus.load(make_corpus(tmp_path / "b", text=GOOD_TEXT.replace("cooperate", "meet")))
    other = attrs_evolve_name(other, "theirs")
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.combine(mine, other)
    message = str(info.value)
    assert "'2000-09-05-fisheries'" in message
    assert "'mine'" in message
    assert "'theirs'" in message


def attrs_evolve_name(corpus: jrcorpus.Corpus, name: str) -> jrcorpus.Corpus:
    import attrs

    return attrs.evolve(corpus, name=name)


def test_verify(tmp_path: Path) -> None:
    checked = dict(jrcorpus.verify())
    assert checked == {
        "2003-01-10-joint-statement": "43d8804756cb03b26a82402411ee3a0d26ca328056f5ab9d6c40563dc45824db",
        "2003-01-12-khabarovsk-opening-statement": "7b284eb689bbe5e3236043f435401e91892ab27a22051620dbe9596e21a00582",
    }
    import hashlib

    digest = hashlib.sha256(GOOD_TEXT.encode()).hexdigest()
    root = make_corpus(tmp_path, meta={"id": "2000-09-05-fisheries", "sha256": digest})
    assert jrcorpus.verify(root) == (("2000-09-05-fisheries", digest),)
    (root / "documents" / "2000-09-05-fisheries.txt").write_text(GOOD_TEXT + " ")
    before = snapshot(root)
    with pytest.raises(jrcorpus.CorpusFormatError, match="the text was changed"):
        jrcorpus.verify(root)
    assert snapshot(root) == before
    make_corpus(tmp_path / "nodigest")
    with pytest.raises(jrcorpus.CorpusFormatError, match="no sha256 recorded"):
        jrcorpus.verify(tmp_path / "nodigest")


def test_concurrent_loads_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jrcorpus import _load

    cached = jrcorpus.load()
    monkeypatch.setattr(_load, "_bundled", None)  # so the threads race on the first parse
    root = make_corpus(tmp_path)
    results: dict[str, list[jrcorpus.Corpus]] = {"bundled": [], "mine": []}
    errors: list[BaseException] = []
    barrier = threading.Barrier(16)

    def work(kind: str, load: Callable[[], jrcorpus.Corpus]) -> None:
        try:
            barrier.wait()
            results[kind].append(load())
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=("bundled", jrcorpus.load)) for _ in range(8)] + [
        threading.Thread(target=work, args=("mine", lambda: jrcorpus.load(root))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results["bundled"]) == 8
    assert all(c is results["bundled"][0] for c in results["bundled"])  # parsed once, shared
    assert results["bundled"][0] == cached
    assert all(c == results["mine"][0] for c in results["mine"])
    assert len(results["mine"]) == 8


def test_draft_metadata_round_trip(tmp_path: Path) -> None:
    draft = jrcorpus.draft_metadata(GOOD_TEXT.encode())
    assert draft.metadata["id"] == "2000-09-05-joint-statement-fisheries"
    assert draft.metadata["kind"] == "joint-statement"
    assert draft.metadata["place"] == "Tokyo"
    assert any("source_url" in flag for flag in draft.flags)
    assert [p.role.value for p in draft.document.paragraphs] == ["formula", "recital", "operative"]
    root = tmp_path / "mine"
    (root / "documents").mkdir(parents=True)
    (root / "corpus.json").write_text('{"format": 1, "name": "mine"}')
    doc_id = str(draft.metadata["id"])
    (root / "documents" / f"{doc_id}.txt").write_text(GOOD_TEXT)
    (root / "documents" / f"{doc_id}.json").write_text(draft.to_json())
    assert jrcorpus.verify(root) == ((doc_id, draft.metadata["sha256"]),)
    assert jrcorpus.load(root)[doc_id].date.isoformat() == "2000-09-05"


def test_draft_flags_what_it_cannot_infer() -> None:
    draft = jrcorpus.draft_metadata("Minutes of a Meeting\n\nThe sides met.", "minutes")
    assert draft.metadata["id"] == "minutes"
    assert draft.metadata["date"] is None
    flags = " ".join(draft.flags)
    for expected in ("fill in 'date'", "set 'kind'", "fill in 'place'", "taken as final"):
        assert expected in flags
    with pytest.raises(jrcorpus.CorpusFormatError, match="not valid UTF-8"):
        jrcorpus.draft_metadata(b"\xff")


# -- more of the catalogue ----------------------------------------------------------------

BUNDLED_CATALOGUE = Path(jrcorpus.__file__).parent / "corpus" / "catalogue"


@pytest.mark.parametrize(
    ("kind", "entry_id", "key", "changed"),
    [("places", "tokyo", "name", "Tokio"), ("instruments", "npt", "title", "The NPT")],
)
def test_bundled_places_and_instruments_may_be_repeated_but_not_changed(
    tmp_path: Path, kind: str, entry_id: str, key: str, changed: str
) -> None:
    bundled = json.loads((BUNDLED_CATALOGUE / f"{kind}.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in bundled[kind] if e["id"] == entry_id]
    root = make_corpus(tmp_path)
    write_catalogue(root, kind, {kind: [entry]})
    assert entry_id in {e.id for e in getattr(jrcorpus.load(root).catalogue, kind)}
    write_catalogue(root, kind, {kind: [{**entry, key: changed}]})
    one_problem(
        root,
        f"catalogue/{kind}.json",
        f"{kind}[0].id",
        f"id {entry_id!r} is already in the catalogue with other data",
        "choose a new id",
    )


def test_bad_offices_of_an_actor(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    actor = {
        "id": "ivan-ivanov",
        "name": "Ivan Ivanov",
        "kind": "person",
        "offices": [
            "Governor",
            {"title": "Governor of Sakhalin", "start": "1999-13"},
            {"start": "2001"},
            {"title": "Minister", "start": "2003", "end": "2005-06"},
        ],
    }
    write_catalogue(root, "actors", {"actors": [actor]})
    err = problems_of(root)
    assert [(p.file, p.field, p.message) for p in err.problems] == [
        (
            "catalogue/actors.json",
            "actors[0].offices[0]",
            "expected a JSON object, found a string",
        ),
        (
            "catalogue/actors.json",
            "actors[0].offices[1].start",
            "'1999-13' is not a valid date; expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ("catalogue/actors.json", "actors[0].offices[2].title", "missing required key"),
    ]


def test_good_offices_of_an_actor_keep_their_precision(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    actor = {
        "id": "ivan-ivanov",
        "name": "Ivan Ivanov",
        "kind": "person",
        "offices": [{"title": "Minister", "start": "2003", "end": "2005"}, {"title": "Envoy"}],
    }
    write_catalogue(root, "actors", {"actors": [actor]})
    ivanov = jrcorpus.load(root).entity("ivan-ivanov")
    assert isinstance(ivanov, jrcorpus.Party)
    assert [repr(o) for o in ivanov.offices] == [
        "<Office 'Minister', 2003 to 2005>",
        "<Office 'Envoy', dates unknown>",
    ]


@pytest.mark.parametrize("date", ["January 2003", "2003/01", "03", "2003-1-10", ""])
def test_catalogue_dates_in_other_forms(tmp_path: Path, date: str) -> None:
    root = make_corpus(tmp_path)
    instrument = {"id": "x", "title": "X Accord", "kind": "agreement", "date": date}
    write_catalogue(root, "instruments", {"instruments": [instrument]})
    one_problem(
        root,
        "catalogue/instruments.json",
        "instruments[0].date",
        f"{date!r} is not a valid date; expected YYYY, YYYY-MM or YYYY-MM-DD",
    )


@pytest.mark.parametrize("aliases", [[""], ["Kurils", "  "], ["Kurils", 3]])
def test_aliases_must_be_non_empty_strings(tmp_path: Path, aliases: list[object]) -> None:
    root = make_corpus(tmp_path)
    place = {"id": "kurils", "name": "Kuril Islands", "kind": "island", "aliases": aliases}
    write_catalogue(root, "places", {"places": [place]})
    one_problem(
        root, "catalogue/places.json", "places[0].aliases", "expected an array of non-empty strings"
    )


def test_unexpected_file_in_the_catalogue(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    write_catalogue(root, "actors", {"actors": []})
    (root / "catalogue" / "treaties.json").write_text('{"treaties": []}')
    one_problem(
        root,
        "catalogue/treaties.json",
        None,
        "unexpected file; the catalogue holds actors.json, places.json, instruments.json",
    )


def test_hidden_files_beside_the_documents_are_ignored(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "documents" / ".gitkeep").write_text("")
    assert jrcorpus.load(root).ids == ("2000-09-05-fisheries",)


# -- files that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "cannot be read: Permission denied"),
        (OSError("the disk went away"), "cannot be read: the disk went away"),
    ],
    ids=["with-strerror", "without-strerror"],
)
def test_a_file_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    root = make_corpus(tmp_path)
    denied = root / "documents" / "2000-09-05-fisheries.txt"
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == denied:
            raise error
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.load(root)
    assert [(p.file, p.field, p.message) for p in info.value.problems] == [
        ("documents/2000-09-05-fisheries.txt", None, message)
    ]
    assert str(root) in str(info.value)


def refuse_listing(monkeypatch: pytest.MonkeyPatch, denied: Path, with_name: bool = True) -> None:
    """Listing ``denied`` raises PermissionError (as root, chmod would not deny it)."""
    iterdir = Path.iterdir

    def refuse(self: Path) -> Iterator[Path]:
        if self == denied:
            filename = str(self) if with_name else None
            raise PermissionError(errno.EACCES, "Permission denied", filename)
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)


@pytest.mark.parametrize(
    ("with_name", "where"), [(True, "documents"), (False, ".")], ids=["named", "unnamed"]
)
def test_a_folder_that_cannot_be_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_name: bool, where: str
) -> None:
    root = make_corpus(tmp_path)
    refuse_listing(monkeypatch, root / "documents", with_name)
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.load(root)
    assert [(p.file, p.field, p.message) for p in info.value.problems] == [
        (where, None, "cannot be read: Permission denied")
    ]
    assert str(root) in str(info.value)


def test_verify_reports_a_folder_that_cannot_be_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_corpus(tmp_path)
    refuse_listing(monkeypatch, root / "documents")
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.verify(root)
    assert [(p.file, p.message) for p in info.value.problems] == [
        ("documents", "cannot be read: Permission denied")
    ]
    assert str(root) in str(info.value)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_link_that_loops_is_refused(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    looping = root / "documents" / "2000-09-05-fisheries.txt"
    looping.unlink()
    looping.symlink_to(looping.name)  # documents/x.txt -> x.txt
    one_problem(root, "documents/2000-09-05-fisheries.txt", None, "link that loops", "refused")
    with pytest.raises(jrcorpus.CorpusFormatError, match="link that loops"):
        jrcorpus.verify(root)


@pytest.mark.parametrize(
    ("file", "entry", "field"),
    [
        ("actors", {"id": "blank", "name": " ", "kind": "state"}, "actors[0].name"),
        ("places", {"id": "blank", "name": "", "kind": "city"}, "places[0].name"),
        (
            "instruments",
            {"id": "blank", "title": "", "kind": "treaty", "date": "2003"},
            "instruments[0].title",
        ),
        (
            "actors",
            {"id": "p", "name": "P", "kind": "person", "offices": [{"title": ""}]},
            "actors[0].offices[0].title",
        ),
    ],
    ids=["actor", "place", "instrument", "office"],
)
def test_blank_catalogue_names_are_refused(
    tmp_path: Path, file: str, entry: dict[str, object], field: str
) -> None:
    # A blank name could never be matched in a text, and would print as nothing.
    root = make_corpus(tmp_path)
    (root / "catalogue").mkdir()
    (root / "catalogue" / f"{file}.json").write_text(json.dumps({file: [entry]}))
    one_problem(root, f"catalogue/{file}.json", field, "expected some text")


# -- verify -------------------------------------------------------------------------------


def test_verify_a_path_that_is_not_a_directory(tmp_path: Path) -> None:
    for path in (tmp_path / "nowhere", make_corpus(tmp_path) / "corpus.json"):
        with pytest.raises(jrcorpus.CorpusNotFoundError) as info:
            jrcorpus.verify(path)
        assert str(info.value) == f"{path}: not a directory; expected a corpus directory"


def test_verify_with_nothing_to_verify(tmp_path: Path) -> None:
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.verify(tmp_path)
    assert [(p.file, p.message) for p in info.value.problems] == [
        ("documents", "no documents to verify")
    ]
    (tmp_path / "documents").mkdir()
    with pytest.raises(jrcorpus.CorpusFormatError, match="no documents to verify"):
        jrcorpus.verify(tmp_path)


def test_verify_reports_unreadable_metadata_and_missing_texts(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    (root / "documents" / "2000-09-05-fisheries.json").write_text('{"id": ')
    (root / "documents" / "lonely.json").write_text('{"id": "lonely", "sha256": "%s"}' % ("0" * 64))
    before = snapshot(root)
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.verify(root)
    assert snapshot(root) == before
    problems = {p.file: p.message for p in info.value.problems}
    assert problems["documents/2000-09-05-fisheries.json"].startswith("invalid JSON")
    assert problems["documents/lonely.txt"] == "not a regular file; expected a file"
    assert len(info.value.problems) == 2
    assert str(root) in str(info.value)


def test_the_size_limits_hold_for_the_bundled_files_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # Package data is read before its size is known, then refused all the same.
    monkeypatch.setattr(_load, "MAX_TEXT_BYTES", 100)
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.verify()
    assert [p.file for p in info.value.problems] == [
        "documents/2003-01-10-joint-statement.txt",
        "documents/2003-01-12-khabarovsk-opening-statement.txt",
    ]
    assert all(
        p.message.endswith("bytes is over the limit of 100 bytes") for p in info.value.problems
    )
    assert "jrcorpus/corpus (bundled)" in str(info.value)


# -- combine: catalogue clashes ----------------------------------------------------------


@pytest.mark.parametrize("what", ["actor", "place", "instrument"])
def test_combine_refuses_catalogue_entries_that_differ(what: str) -> None:
    bundled = jrcorpus.load()
    if what == "actor":
        japan = bundled.entity("japan")
        assert isinstance(japan, jrcorpus.Party)
        changed = jrcorpus.Catalogue(parties=(attrs.evolve(japan, name="Nippon"),))
        entry_id = "japan"
    elif what == "place":
        tokyo = bundled.entity("tokyo")
        assert isinstance(tokyo, jrcorpus.Place)
        changed = jrcorpus.Catalogue(places=(attrs.evolve(tokyo, name="Edo"),))
        entry_id = "tokyo"
    else:
        npt = bundled.instrument("npt")
        changed = jrcorpus.Catalogue(instruments=(attrs.evolve(npt, notes="changed"),))
        entry_id = "npt"
    theirs = jrcorpus.Corpus([], catalogue=changed, name="theirs")
    with pytest.raises(jrcorpus.CorpusFormatError) as info:
        jrcorpus.combine(bundled, theirs)
    assert [(p.file, p.field, p.message) for p in info.value.problems] == [
        ("theirs", "catalogue", f"{what} {entry_id!r} differs from the one in 'jrcorpus'")
    ]
    assert "jrcorpus + theirs" in str(info.value)
    same = jrcorpus.Corpus([], catalogue=bundled.catalogue, name="same")
    assert jrcorpus.combine(bundled, same).catalogue == bundled.catalogue


# -- draft_metadata -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        ("(Provisional Translation)\n\nBack to Index", "no title line found"),
        ("A Title\n\nFebruary 30, 2003\n\nSome text.", "impossible date 'February 30, 2003'"),
    ],
)
def test_draft_metadata_passes_on_errors_other_than_a_missing_date(text: str, message: str) -> None:
    with pytest.raises(jrcorpus.CorpusFormatError, match=message) as info:
        jrcorpus.draft_metadata(text)
    assert [p.file for p in info.value.problems] == ["<text>"]


def test_draft_flags_an_unsafe_id_given_to_it() -> None:
    draft = jrcorpus.draft_metadata(GOOD_TEXT, "Fisheries 2000")
    assert draft.metadata["id"] == "Fisheries 2000"  # kept, but flagged
    assert "id 'Fisheries 2000' is not a safe id (lowercase letters, digits, . _ -)" in draft.flags
    assert not any("made from the date and title" in flag for flag in draft.flags)
    good = jrcorpus.draft_metadata(GOOD_TEXT, "2000-09-05-fisheries")
    assert not any(flag.startswith("id ") for flag in good.flags)
