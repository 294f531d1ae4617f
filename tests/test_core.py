"""The bundled corpus, checked against the texts by hand.

Every expected value here was read off the seed texts in ../shared/seeds/ and the facts in
../shared/corpus-facts.md, not copied from the library's output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
import threading

import pytest

import jrcorpus
from jrcorpus import DocumentKind, ParagraphRole

JOINT = "2003-01-10-joint-statement"
OPENING = "2003-01-12-khabarovsk-opening-statement"

# From corpus-facts.md: the sha256 of the seed files as published.
SHA256 = {
    JOINT: "43d8804756cb03b26a82402411ee3a0d26ca328056f5ab9d6c40563dc45824db",
    OPENING: "7b284eb689bbe5e3236043f435401e91892ab27a22051620dbe9596e21a00582",
}


def test_two_documents_in_date_order(corpus: jrcorpus.Corpus) -> None:
    assert len(corpus) == 2
    assert [d.id for d in corpus] == [JOINT, OPENING]
    assert corpus.ids == (JOINT, OPENING)
    assert [d.date for d in corpus] == [dt.date(2003, 1, 10), dt.date(2003, 1, 12)]


@pytest.mark.parametrize("doc_id", [JOINT, OPENING])
def test_texts_are_byte_exact(corpus: jrcorpus.Corpus, doc_id: str) -> None:
    doc = corpus[doc_id]
    assert hashlib.sha256(doc.text.encode("utf-8")).hexdigest() == SHA256[doc_id]
    assert doc.sha256 == SHA256[doc_id]
    # The record's own slips are kept.
    assert not doc.text.endswith("\n")


def test_source_slips_are_kept(joint: jrcorpus.Document, opening: jrcorpus.Document) -> None:
    assert "Adopted of the Japan-Russia Action Plan" in joint.text
    for slip in ("Ishaef", "sprit", "abduction., President", "co-ordinated"):
        assert slip in opening.text


def test_joint_statement_metadata(joint: jrcorpus.Document) -> None:
    assert joint.title == (
        "Joint Statement by Prime Minister of Japan Junichiro Koizumi and President of the "
        "Russian Federation Vladimir Putin Concerning the Adoption of a Japan-Russia Action Plan"
    )
    assert joint.kind is DocumentKind.JOINT_STATEMENT
    assert joint.date == dt.date(2003, 1, 10)
    assert joint.place == "Moscow"
    assert joint.provisional is True
    assert joint.source_url == "https://www.mofa.go.jp/region/europe/russia/pmv0301/joint.html"
    assert joint.text[slice(*joint.title_span)] == joint.title
    assert joint.date_span is not None
    assert joint.text[slice(*joint.date_span)] == "10 January 2003"


def test_joint_statement_structure(joint: jrcorpus.Document) -> None:
    roles = [p.role for p in joint.paragraphs]
    assert roles == [ParagraphRole.FORMULA] + [ParagraphRole.RECITAL] * 10 + [
        ParagraphRole.OPERATIVE
    ]
    formula, *recitals, operative = joint.paragraphs
    assert (
        formula.text == "The Prime Minister of Japan and the President of the Russian Federation,"
    )
    openings = [r.text.split()[0] for r in recitals]
    assert openings == [
        "Sharing", "Understanding", "Standing", "Confirming", "Recognizing",
        "Aspiring", "Indicating", "Indicating", "Being", "Emphasizing",
    ]  # fmt: skip
    assert all(r.text.endswith(";") for r in recitals[:8])
    assert recitals[8].text.endswith("; and")
    assert recitals[9].text.endswith(";")
    assert operative.text.startswith("Adopted of the Japan-Russia Action Plan attached herein")
    assert operative.text.endswith("the steady implementation of the Action Plan.")


def test_joint_statement_signatories(joint: jrcorpus.Document) -> None:
    names = [(s.name, s.office) for s in joint.signatories]
    assert names == [
        ("Junichiro Koizumi", "Prime Minister of Japan"),
        ("Vladimir Vladimirovich Putin", "President of the Russian Federation"),
    ]
    for s in joint.signatories:
        assert joint.text[slice(*s.name_span)] == s.name
        assert joint.text[slice(*s.office_span)] == s.office
    assert joint.speaker is None
    assert [link.text for link in joint.links] == ["Back to Index"]


def test_opening_statement(opening: jrcorpus.Document) -> None:
    assert opening.title == (
        "Opening Statement by Prime Minister Junichiro Koizumi at the Press Conference on the "
        "Occasion of His Visit to the Russian Federation"
    )
    assert opening.kind is DocumentKind.PRESS_STATEMENT
    assert opening.date == dt.date(2003, 1, 12)
    assert opening.place == "Khabarovsk"
    assert opening.provisional is True
    assert opening.date_span is not None
    assert opening.text[slice(*opening.date_span)] == "January 12, 2003"
    assert [p.role for p in opening.paragraphs] == [ParagraphRole.SPEECH] * 8
    assert opening.paragraphs[0].text.startswith("Following on from my visit to Moscow")
    assert opening.paragraphs[-1].text.endswith("Spasibo!")
    assert opening.signatories == ()
    assert opening.speaker is not None
    assert (opening.speaker.name, opening.speaker.office) == ("Junichiro Koizumi", "Prime Minister")
    assert opening.text[slice(*opening.speaker.name_span)] == "Junichiro Koizumi"


def test_navigation_lines_are_links_not_paragraphs(opening: jrcorpus.Document) -> None:
    assert [link.text for link in opening.links] == [
        "Japanese",
        "other site",
        "Related Information (Japan-Russia Relations)",
        "Related Information (Japan-North Korea Relations)",
        "Back to Index",
    ]
    for link in opening.links:
        assert opening.text[link.start : link.end] == link.text
        assert not any(p.start <= link.start < p.end for p in opening.paragraphs)


@pytest.mark.parametrize("doc_id", [JOINT, OPENING])
def test_paragraph_ids_and_spans(corpus: jrcorpus.Corpus, doc_id: str) -> None:
    doc = corpus[doc_id]
    for n, p in enumerate(doc.paragraphs, start=1):
        assert p.id == f"{doc_id}:p{n}"
        assert p.index == n
        assert p.doc_id == doc_id
        assert doc.text[p.start : p.end] == p.text
        assert doc.paragraph(n) is p
        assert corpus.paragraph(p.id) is p
    assert [p.start for p in doc.paragraphs] == sorted(p.start for p in doc.paragraphs)


def test_paragraph_lookup_errors(corpus: jrcorpus.Corpus, joint: jrcorpus.Document) -> None:
    with pytest.raises(IndexError, match="paragraphs 1 to 12"):
        joint.paragraph(13)
    with pytest.raises(jrcorpus.NotFoundError, match="did you mean"):
        corpus.paragraph(f"{JOINT}:p13")


def test_missing_document_suggests_close_ids(corpus: jrcorpus.Corpus) -> None:
    with pytest.raises(KeyError) as info:
        corpus["2003-01-10-joint-statment"]
    err = info.value
    assert isinstance(err, jrcorpus.NotFoundError)
    assert isinstance(err, jrcorpus.CorpusError)
    assert err.suggestions == (JOINT,)  # the Khabarovsk id is far behind: not suggested
    assert "2003-01-10-joint-statment" in str(err)
    assert JOINT in str(err)
    assert "x" not in corpus
    assert JOINT in corpus
    assert corpus[JOINT] in corpus


def test_filter_by_kind_and_dates(corpus: jrcorpus.Corpus) -> None:
    assert corpus.filter(kind=DocumentKind.JOINT_STATEMENT).ids == (JOINT,)
    assert corpus.filter(kind="press-statement").ids == (OPENING,)
    assert corpus.filter(since="2003-01-10", until="2003-01-10").ids == (JOINT,)
    assert corpus.filter(since=dt.date(2003, 1, 11)).ids == (OPENING,)
    assert corpus.filter(until=dt.date(2003, 1, 9)).ids == ()
    assert corpus.filter(lambda d: d.place == "Khabarovsk").ids == (OPENING,)
    chained = corpus.filter(since="2003-01-01").filter(kind="joint-statement")
    assert isinstance(chained, jrcorpus.Corpus)
    assert chained.ids == (JOINT,)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "communique"}, "unknown document kind 'communique'"),
        ({"since": "10 January 2003"}, "not a date"),
        ({"until": "2003-02-30"}, "not a date"),
    ],
)
def test_filter_rejects_bad_arguments(
    corpus: jrcorpus.Corpus, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(jrcorpus.QueryError, match=message):
        corpus.filter(**kwargs)


def test_paragraphs_by_role_phrase_and_pattern(corpus: jrcorpus.Corpus) -> None:
    assert len(corpus.paragraphs(role="recital")) == 10
    assert [p.id for p in corpus.paragraphs(role=ParagraphRole.OPERATIVE)] == [f"{JOINT}:p12"]
    assert len(corpus.paragraphs(role="speech")) == 8
    # "Sakhalin Project" is in the fifth paragraph of the Opening Statement only.
    assert [p.id for p in corpus.paragraphs(phrase="sakhalin project")] == [f"{OPENING}:p5"]
    # Recitals opening with "Indicating": the seventh and eighth recital (p8, p9).
    found = corpus.paragraphs(pattern=r"^Indicating\b", role="recital")
    assert [p.id for p in found] == [f"{JOINT}:p8", f"{JOINT}:p9"]
    with pytest.raises(jrcorpus.QueryError, match="paragraph role"):
        corpus.paragraphs(role="preamble")
    with pytest.raises(jrcorpus.QueryError, match="invalid regular expression"):
        corpus.paragraphs(pattern="(")


def test_search_phrase(corpus: jrcorpus.Corpus) -> None:
    hits = corpus.search("peace treaty")
    # 3 in the Joint Statement (one lower case, two in the 2000/2001 titles), 4 in Khabarovsk.
    assert len(hits) == 7
    assert [h.doc_id for h in hits] == [JOINT] * 3 + [OPENING] * 4
    assert [h.text for h in hits][:3] == ["peace treaty", "Peace Treaty", "Peace Treaty"]
    for h in hits:
        assert h.document.text[h.start : h.end] == h.text
        assert h.paragraph is not None
        assert h.paragraph.start <= h.start < h.end <= h.paragraph.end
    assert [h.paragraph.index for h in hits if h.paragraph] == [7, 7, 7, 3, 4, 7, 7]
    assert hits.documents == tuple(corpus)


def test_search_skips_navigation_and_finds_title(corpus: jrcorpus.Corpus) -> None:
    # 11 occurrences of "North Korea" in the file; one is the "Related Information" link.
    assert len(corpus.search("North Korea")) == 10
    action = corpus.search("Action Plan")
    assert len(action) == 7
    assert action[0].paragraph is None
    assert action[0].location == f"{JOINT}:title"
    assert corpus.search("January 2003")[0].location == f"{JOINT}:date"
    assert corpus.search("Vladimirovich")[0].location == f"{JOINT}:signatures"


def test_search_whole_words_case_and_regex(corpus: jrcorpus.Corpus) -> None:
    # Whole words: "Russia" does not match inside "Russian".
    assert all(h.text == "Russia" for h in corpus.search("Russia"))
    assert len(corpus.search("spasibo")) == 1
    assert len(corpus.search("spasibo", case_sensitive=True)) == 0
    hits = corpus.search(re.compile(r"Ishae[fv]"))
    assert [h.text for h in hits] == ["Ishaef", "Ishaef"]
    with pytest.raises(jrcorpus.QueryError, match="empty"):
        corpus.search("  ")


def test_kwic(corpus: jrcorpus.Corpus) -> None:
    hit = corpus.search("Spasibo")[0]
    assert hit.context(12) == ("xtended us. ", "Spasibo", "!")  # the gap counts
    assert hit.kwic(20) == "y have extended us. [Spasibo]!"
    line = corpus.search("Sakhalin")[0].kwic(10)
    assert line == "ns in the [Sakhalin] Project."
    table = corpus.search("Spasibo").kwic(10)
    assert table == f"{OPENING}:p8  ended us. [Spasibo]!"


def test_bundled_corpus_is_cached_and_thread_safe() -> None:
    results: list[jrcorpus.Corpus] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        results.append(jrcorpus.load())

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8
    assert all(r is results[0] for r in results)


def test_nothing_parsed_at_import() -> None:
    code = (
        "import sys, jrcorpus; "
        "print(sorted(m for m in ('jrcorpus._load', 'jrcorpus._parse', 'json', 'hashlib') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_loading_the_bundled_corpus_imports_nothing_heavy() -> None:
    # Not a timing: the modules bench/startup.py found to cost more than the load itself.
    heavy = ("importlib.resources", "pathlib", "tempfile", "zipfile", "html", "csv")
    code = (
        "import sys, jrcorpus; jrcorpus.load().search('peace treaty')[0].kwic(); "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path_kind", ["missing", "file", "not-a-corpus"])
def test_load_bad_paths(tmp_path: object, path_kind: str) -> None:
    import pathlib

    assert isinstance(tmp_path, pathlib.Path)
    target = tmp_path / "corpus"
    if path_kind == "file":
        target.write_text("hello")
    elif path_kind == "not-a-corpus":
        target.mkdir()
    with pytest.raises(jrcorpus.CorpusNotFoundError) as info:
        jrcorpus.load(target)
    assert str(target) in str(info.value)
    assert "expected" in str(info.value)


def test_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", jrcorpus.__version__)


def test_the_bundled_folder_is_what_importlib_resources_names(corpus: jrcorpus.Corpus) -> None:
    # load() reads package data from the folder the import system loaded jrcorpus from,
    # without importing importlib.resources; through importlib.resources it is the same.
    import importlib.resources
    from pathlib import Path

    from jrcorpus import _load, _package

    fast = _package.bundled_root()
    assert isinstance(fast, _package._PackageFile)
    assert Path(fast.path).samefile(str(importlib.resources.files("jrcorpus") / "corpus"))
    via = _package.bundled_root(via_resources=True)
    assert not isinstance(via, _package._PackageFile)
    again = _load._read(_load._Reader(via, _package.BUNDLED_LABEL, None), None)
    assert again == corpus


# -- str() of the model: the text a reader would write -----------------------------------


def test_enums_print_as_their_values(
    corpus: jrcorpus.Corpus, joint: jrcorpus.Document, opening: jrcorpus.Document
) -> None:
    program = corpus.instrument("trade-economic-program-2000")  # "2000-09" in the catalogue
    putin = corpus.entity("Putin")
    etorofu = corpus.entity("Iturup")
    assert isinstance(putin, jrcorpus.Party)
    assert isinstance(etorofu, jrcorpus.Place)
    printed = [
        str(joint.kind),
        str(opening.kind),
        str(joint.paragraphs[0].role),
        str(opening.paragraphs[0].role),
        str(program.precision),
        str(program.kind),
        str(corpus.instrument("action-plan-2003").kind),
        str(putin.kind),
        str(etorofu.kind),
    ]
    assert printed == [
        "joint-statement",
        "press-statement",
        "formula",
        "speech",
        "month",
        "program",
        "action-plan",
        "person",
        "island",
    ]
    assert f"{joint.kind} of {joint.date}" == "joint-statement of 2003-01-10"


def test_catalogue_entries_print_as_their_names(corpus: jrcorpus.Corpus) -> None:
    assert str(corpus.entity("Putin")) == "Vladimir Vladimirovich Putin"
    assert str(corpus.entity("Iturup")) == "Etorofu"
    assert str(corpus.entity("DPRK")) == "Democratic People's Republic of Korea"
    # An instrument prints with its date as precise as the record: day, or month only.
    assert str(corpus.instrument("npt")) == (
        "Treaty on the Non-Proliferation of Nuclear Weapons (1968-07-01)"
    )
    assert str(corpus.instrument("trade-economic-program-2000")) == (
        "Program to Stimulate the Basic Direction of Cooperation in Trade and Economic Areas "
        "(2000-09)"
    )


def test_documents_and_paragraphs_print_as_their_verbatim_text(
    joint: jrcorpus.Document, opening: jrcorpus.Document
) -> None:
    for doc in (joint, opening):
        assert hashlib.sha256(str(doc).encode("utf-8")).hexdigest() == SHA256[doc.id]
    assert str(joint).startswith("(Provisional Translation)\n")
    assert str(joint.paragraph(1)) == (
        "The Prime Minister of Japan and the President of the Russian Federation,"
    )
    assert str(opening.paragraph(8)).endswith("the warm welcome they have extended us. Spasibo!")


def test_paragraph_parties_are_actors_in_order_of_first_mention(
    opening: jrcorpus.Document,
) -> None:
    # p1: "... visit to Moscow, I visited the Far Eastern Region of the Russian Federation,
    # the first Japanese Prime Minister ... Governor Viktor Ishaef of the Khabarovsk Region
    # ... Konstantin Pulikovsky ... between Japan and this region ... the Sea of Japan."
    # Places (Moscow, Far Eastern Region, Khabarovsk Region, ...) are not actors; Japan
    # (first as "Japanese") is listed once.
    assert [p.id for p in opening.paragraph(1).parties] == [
        "russian-federation",
        "japan",
        "viktor-ishaev",
        "konstantin-pulikovsky",
    ]
    # p2 names the Khabarovsk Peace Memorial Park, "the Japanese" and Siberia: one actor.
    assert [p.id for p in opening.paragraph(2).parties] == ["japan"]


# -- search: the KWIC table as text, empty matches, undated documents ---------------------


def test_hits_print_as_a_kwic_table(corpus: jrcorpus.Corpus) -> None:
    # The 40 characters before "Spasibo" in p8: "the warm welcome they have extended us. "
    assert str(corpus.search("Spasibo")) == (
        f"{OPENING}:p8  the warm welcome they have extended us. [Spasibo]!"
    )
    assert str(corpus.search("zzzz")) == ""


def test_empty_matches_of_a_pattern_are_not_hits(corpus: jrcorpus.Corpus) -> None:
    # The empty alternative matches (with zero width) everywhere; only "Spasibo" is a hit.
    hits = corpus.search(re.compile(r"Spasibo|"))
    assert [(h.location, h.text) for h in hits] == [(f"{OPENING}:p8", "Spasibo")]
    assert len(corpus.search(re.compile(r"(?=Spasibo)"))) == 0


def test_search_in_a_document_without_a_date_line() -> None:
    from jrcorpus._parse import Metadata, parse_document

    text = "A Note on Fisheries\n\nThe two sides met in January and talked about fisheries."
    doc = parse_document(text, Metadata("note", date=dt.date(2003, 1, 11)))
    assert doc.date_span is None
    hits = jrcorpus.Corpus([doc]).search("fisheries")
    assert [(h.location, h.start, h.text) for h in hits] == [
        ("note:title", 10, "Fisheries"),
        ("note:p1", 67, "fisheries"),  # 21 + len("The two sides met in January and talked about ")
    ]
    assert [h.text for h in jrcorpus.Corpus([doc]).search("January")] == ["January"]
