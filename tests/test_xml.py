"""TEI P5 and Akoma Ntoso: parse what was written, and find the exact text and the roles.

Expected texts and dates are copied from the text files by hand; the instrument dates are
the historical ones (the 1956 Joint Declaration was signed on 19 October 1956, the Tokyo
Declaration on 13 October 1993).
"""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jrcorpus
from jrcorpus._extract import annotate
from jrcorpus._parse import Metadata, parse_document

JOINT = "2003-01-10-joint-statement"
OPENING = "2003-01-12-khabarovsk-opening-statement"
TEI = "{http://www.tei-c.org/ns/1.0}"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PACKAGE = Path(jrcorpus.__file__).parent

JOINT_TITLE = (
    "Joint Statement by Prime Minister of Japan Junichiro Koizumi and President of the "
    "Russian Federation Vladimir Putin Concerning the Adoption of a Japan-Russia Action Plan"
)
JOINT_P1 = "The Prime Minister of Japan and the President of the Russian Federation,"
JOINT_P12 = (
    "Adopted of the Japan-Russia Action Plan attached herein, and expressed both countries' "
    "intention to undertake joint work to ensure the steady implementation of the Action Plan."
)


def file_bytes(doc_id: str) -> bytes:
    return (PACKAGE / "corpus" / "documents" / f"{doc_id}.txt").read_bytes()


def export(corpus: jrcorpus.Corpus, fmt: str) -> ET.Element:
    out = io.StringIO()
    jrcorpus.export(corpus, out, fmt)
    text = out.getvalue()
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n")
    return ET.fromstring(text.encode("utf-8"))


def text_of(el: ET.Element) -> str:
    return "".join(el.itertext())


@pytest.fixture(scope="module")
def tei() -> ET.Element:
    return export(jrcorpus.load(), "tei")


@pytest.fixture(scope="module")
def akn() -> ET.Element:
    return export(jrcorpus.load(), "akn")


def tei_doc(tei: ET.Element, doc_id: str) -> ET.Element:
    (doc,) = [el for el in tei.findall(f"{TEI}TEI") if el.get(XML_ID) == f"doc-{doc_id}"]
    return doc


def statement(akn: ET.Element, doc_id: str) -> ET.Element:
    path = f"{AKN}documentCollection/{AKN}collectionBody/{AKN}component"
    (component,) = [c for c in akn.findall(path) if c.get("eId") == f"cmp_{doc_id}"]
    (found,) = component.findall(f"{AKN}statement")
    return found


# -- TEI ---------------------------------------------------------------------------------


def test_tei_corpus_shape(tei: ET.Element) -> None:
    assert tei.tag == f"{TEI}teiCorpus"
    title = tei.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
    assert title is not None
    assert title.text == "Japan-Russia diplomatic record, January 2003"
    ids = [el.get(XML_ID) for el in tei.findall(f"{TEI}TEI")]
    assert ids == [f"doc-{JOINT}", f"doc-{OPENING}"]


def test_tei_paragraphs_carry_the_exact_text_and_roles(
    tei: ET.Element, corpus: jrcorpus.Corpus
) -> None:
    expected = {
        JOINT: ["formula"] + ["recital"] * 10 + ["operative"],
        OPENING: ["speech"] * 8,
    }
    for doc_id, roles in expected.items():
        div = tei_doc(tei, doc_id).find(f"{TEI}text/{TEI}body/{TEI}div")
        assert div is not None
        ps = div.findall(f"{TEI}p")
        assert [p.get("type") for p in ps] == roles
        assert [p.get("n") for p in ps] == [str(n) for n in range(1, len(roles) + 1)]
        texts = [text_of(p) for p in ps]
        assert texts == [p.text for p in corpus[doc_id].paragraphs]
        source = file_bytes(doc_id).decode("utf-8")
        assert all(t in source for t in texts)
    joint = tei_doc(tei, JOINT).find(f"{TEI}text/{TEI}body/{TEI}div")
    assert joint is not None
    assert joint.get("type") == "joint-statement"
    ps = joint.findall(f"{TEI}p")
    assert text_of(ps[0]) == JOINT_P1
    assert text_of(ps[11]) == JOINT_P12
    head = joint.find(f"{TEI}head")
    assert head is not None
    assert text_of(head) == JOINT_TITLE


def test_tei_header(tei: ET.Element) -> None:
    header = tei_doc(tei, JOINT).find(f"{TEI}teiHeader")
    assert header is not None
    bibl = header.find(f"{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl")
    assert bibl is not None
    ref = bibl.find(f"{TEI}ref")
    assert ref is not None
    url = "https://www.mofa.go.jp/region/europe/russia/pmv0301/joint.html"
    assert (ref.get("target"), ref.text) == (url, url)
    sha = bibl.find(f"{TEI}idno[@type='sha256']")
    assert sha is not None
    assert sha.text == hashlib.sha256(file_bytes(JOINT)).hexdigest()
    date = bibl.find(f"{TEI}date")
    assert date is not None
    assert date.get("when") == "2003-01-10"
    place = bibl.find(f"{TEI}pubPlace")
    assert place is not None
    assert place.text == "Moscow"
    note = header.find(f"{TEI}fileDesc/{TEI}notesStmt/{TEI}note[@type='translation']")
    assert note is not None
    assert note.text is not None
    assert note.text.startswith("Provisional translation")
    language = header.find(f"{TEI}profileDesc/{TEI}langUsage/{TEI}language")
    assert language is not None
    assert language.get("ident") == "en"


def test_tei_datelines_and_signatures(tei: ET.Element) -> None:
    joint = tei_doc(tei, JOINT).find(f"{TEI}text/{TEI}body/{TEI}div")
    assert joint is not None
    # In the joint statement the date follows the operative paragraph: in the closer.
    assert joint.find(f"{TEI}opener") is None
    date = joint.find(f"{TEI}closer/{TEI}dateline/{TEI}date")
    assert date is not None
    assert (date.get("when"), text_of(date)) == ("2003-01-10", "10 January 2003")
    signed = joint.findall(f"{TEI}closer/{TEI}signed")
    assert [
        (s.findtext(f"{TEI}persName"), text_of(s.find(f"{TEI}roleName") or ET.Element("x")))
        for s in signed
    ] == [
        ("Junichiro Koizumi", "Prime Minister of Japan"),
        ("Vladimir Vladimirovich Putin", "President of the Russian Federation"),
    ]
    assert [s.find(f"{TEI}persName").get("ref") for s in signed] == [  # type: ignore[union-attr]
        "jrcorpus:junichiro-koizumi",
        "jrcorpus:vladimir-putin",
    ]
    # The name and office lines, with the line break between them, as in the text.
    assert text_of(signed[0]) == "Junichiro Koizumi\nPrime Minister of Japan"
    # In the opening statement the date comes before the speech: in the opener.
    opening = tei_doc(tei, OPENING).find(f"{TEI}text/{TEI}body/{TEI}div")
    assert opening is not None
    date = opening.find(f"{TEI}opener/{TEI}dateline/{TEI}date")
    assert date is not None
    assert (date.get("when"), text_of(date)) == ("2003-01-12", "January 12, 2003")
    assert opening.find(f"{TEI}closer") is None


def test_tei_references_and_mentions(tei: ET.Element) -> None:
    joint = tei_doc(tei, JOINT)
    p7 = joint.findall(f".//{TEI}p")[6]
    refs = p7.findall(f"{TEI}ref")
    assert [text_of(r) for r in refs] == [
        "Joint Declaration of Japan and the USSR",
        "Tokyo Declaration on Japan-Russia Relations",
        "Moscow Declaration on Establishing a Creative Partnership between Japan and the Russian Federation",
        "Statement by the Prime Minister of Japan and the President of the Russian Federation on the Issue of a Peace Treaty",
        "Irkutsk Statement by the Prime Minister of Japan and the President of the Russian Federation on continuation of future negotiations on the issue of a Peace Treaty",
    ]
    declaration_1956, tokyo = refs[0], refs[1]
    assert [(o.text, o.get("ref")) for o in declaration_1956.findall(f"{TEI}orgName")] == [
        ("Japan", "jrcorpus:japan"),
        ("USSR", "jrcorpus:ussr"),
    ]
    assert [pl.text for pl in tokyo.findall(f"{TEI}placeName")] == ["Tokyo"]
    # Every ref points at an entry of the header's list of cited instruments.
    bibls = {
        b.get(XML_ID): b
        for b in joint.findall(f".//{TEI}listBibl[@type='cited-instruments']/{TEI}bibl")
    }
    dates = {}
    for r in joint.findall(f".//{TEI}ref[@type='instrument']"):
        target = r.get("target")
        assert target is not None
        assert target.startswith("#")
        dates[text_of(r)] = bibls[target[1:]].find(f"{TEI}date").get("when")  # type: ignore[union-attr]
    assert dates["Joint Declaration of Japan and the USSR"] == "1956-10-19"
    assert dates["Tokyo Declaration on Japan-Russia Relations"] == "1993-10-13"
    assert dates["Japan-Russia Action Plan"] == "2003-01-10"
    islands = [pl.text for pl in p7.findall(f"{TEI}placeName")]
    assert islands[:4] == ["Etorofu", "Kunashiri", "Shikotan", "Habomai"]
    charter = joint.findall(f".//{TEI}p")[2].find(f"{TEI}ref")
    assert charter is not None
    assert text_of(charter) == "Charter of the United Nations"
    un = charter.find(f"{TEI}orgName")
    assert un is not None
    assert (un.text, un.get("type")) == ("United Nations", "organisation")
    opening = tei_doc(tei, OPENING)
    ishaef = [
        el for el in opening.iter(f"{TEI}persName") if el.get("ref") == "jrcorpus:viktor-ishaev"
    ]
    assert [el.text for el in ishaef] == ["Viktor Ishaef", "Viktor Ishaef"]
    korea = [el for el in opening.iter(f"{TEI}orgName") if el.get("ref") == "jrcorpus:north-korea"]
    assert len(korea) == 10
    npt = [text_of(r) for r in opening.iter(f"{TEI}ref") if r.get("type") == "instrument"]
    assert npt.count("Nuclear Non-Proliferation Treaty (NPT)") == 1


def test_tei_ids_are_unique_across_the_corpus(tei: ET.Element) -> None:
    ids = [el.get(XML_ID) for el in tei.iter() if el.get(XML_ID)]
    assert len(ids) == len(set(ids))
    # Both documents cite the Action Plan; each has its own bibl for it.
    assert sum("action-plan-2003" in (i or "") for i in ids) == 2


# -- Akoma Ntoso -------------------------------------------------------------------------


def test_akn_collection(akn: ET.Element) -> None:
    assert akn.tag == f"{AKN}akomaNtoso"
    collection = akn.find(f"{AKN}documentCollection")
    assert collection is not None
    names = [
        s.get("name")
        for s in collection.findall(f"{AKN}collectionBody/{AKN}component/{AKN}statement")
    ]
    assert names == ["joint-statement", "press-statement"]
    this = collection.find(f"{AKN}meta/{AKN}identification/{AKN}FRBRWork/{AKN}FRBRthis")
    assert this is not None


def test_akn_joint_statement_structure(akn: ET.Element) -> None:
    s = statement(akn, JOINT)
    title = s.find(f"{AKN}preface/{AKN}p/{AKN}docTitle")
    assert title is not None
    assert text_of(title) == JOINT_TITLE
    formula = s.find(f"{AKN}preamble/{AKN}formula/{AKN}p")
    assert formula is not None
    assert text_of(formula) == JOINT_P1
    recitals = s.findall(f"{AKN}preamble/{AKN}recitals/{AKN}recital")
    assert len(recitals) == 10
    assert text_of(recitals[0]).startswith("Sharing the view that in the current situation")
    assert text_of(recitals[-1]) == (
        "Emphasizing the importance of adopting specific measures to secure dynamic and "
        "comprehensive development in Japan-Russian Federation cooperation;"
    )
    body = s.findall(f"{AKN}mainBody/{AKN}paragraph")
    assert [(p.get("eId"), p.get("class")) for p in body] == [("para_12", "operative")]
    assert text_of(body[0]) == JOINT_P12
    date = s.find(f"{AKN}conclusions/{AKN}p/{AKN}date")
    assert date is not None
    assert (date.get("date"), text_of(date)) == ("2003-01-10", "10 January 2003")
    signatures = s.findall(f"{AKN}conclusions/{AKN}p/{AKN}signature")
    assert len(signatures) == 2
    assert [
        (sig.findtext(f"{AKN}person"), text_of(sig.find(f"{AKN}role") or ET.Element("x")))
        for sig in signatures
    ] == [
        ("Junichiro Koizumi", "Prime Minister of Japan"),
        ("Vladimir Vladimirovich Putin", "President of the Russian Federation"),
    ]
    note = s.find(f"{AKN}meta/{AKN}notes/{AKN}note")
    assert note is not None
    assert "Provisional translation" in text_of(note)


def test_akn_opening_statement_structure(akn: ET.Element, corpus: jrcorpus.Corpus) -> None:
    s = statement(akn, OPENING)
    assert s.find(f"{AKN}preamble") is None
    assert s.find(f"{AKN}conclusions") is None
    date = s.find(f"{AKN}preface/{AKN}p/{AKN}docDate")
    assert date is not None
    assert (date.get("date"), text_of(date)) == ("2003-01-12", "January 12, 2003")
    body = s.findall(f"{AKN}mainBody/{AKN}paragraph")
    assert [p.get("class") for p in body] == ["speech"] * 8
    assert [text_of(p) for p in body] == [p.text for p in corpus[OPENING].paragraphs]
    assert text_of(body[-1]).endswith("Spasibo!")


def test_akn_references_and_pointers(akn: ET.Element) -> None:
    s = statement(akn, JOINT)
    refs = {text_of(r): r.get("href") for r in s.iter(f"{AKN}ref")}
    assert (
        refs["Tokyo Declaration on Japan-Russia Relations"]
        == "/akn/jrcorpus/instrument/tokyo-declaration-1993"
    )
    assert refs["Charter of the United Nations"] == "/akn/jrcorpus/instrument/un-charter"
    (declaration_1956,) = [r for r in s.iter(f"{AKN}ref") if r.get("href", "").endswith("1956")]
    assert [o.text for o in declaration_1956.iter(f"{AKN}organization")] == ["Japan", "USSR"]
    locations = [el.text for el in s.iter(f"{AKN}location")]
    assert locations[1:5] == ["Etorofu", "Kunashiri", "Shikotan", "Habomai"]
    # Every refersTo points at an entry of meta/references.
    for doc_id in (JOINT, OPENING):
        st_ = statement(akn, doc_id)
        references = st_.find(f"{AKN}meta/{AKN}references")
        assert references is not None
        eids = {el.get("eId") for el in references}
        pointers = [el.get("refersTo") for el in st_.iter() if el.get("refersTo")]
        assert pointers
        for pointer in pointers:
            assert pointer is not None
            assert pointer[1:] in eids, pointer
    opening = statement(akn, OPENING)
    people = [
        el.text for el in opening.iter(f"{AKN}person") if el.get("refersTo") == "#viktor-ishaev"
    ]
    assert people == ["Viktor Ishaef", "Viktor Ishaef"]


# -- exactness beyond the bundled texts --------------------------------------------------

AWKWARD = (
    "(Provisional Translation)\r\n\r\n"
    'Joint Statement on <Fisheries> & "Quotas"\r\n\r\n'
    "Tokyo, 5 September 2000\r\n\r\n"
    "The Prime Minister of Japan and the President of the Russian Federation,\r\n\r\n"
    "Recalling the Tokyo Declaration on Japan-Russia Relations ]]> & <b>not markup</b>;\r\n"
    "a second line\u2028with U+2028, a tab\there and caf\u00e9.\r\n\r\n"
    "Have agreed to cooperate.\r\n\r\n"
    "Junichiro Koizumi\r\n"
    "Prime Minister of Japan\r\n\r\n"
    "Back to Index"
)


def user_corpus(tmp_path: Path, text: str) -> jrcorpus.Corpus:
    root = tmp_path / "mine"
    (root / "documents").mkdir(parents=True)
    (root / "corpus.json").write_text(json.dumps({"format": 1, "name": "mine"}))
    (root / "documents" / "2000-09-05-fisheries.txt").write_bytes(text.encode("utf-8"))
    (root / "documents" / "2000-09-05-fisheries.json").write_text(
        json.dumps({"id": "2000-09-05-fisheries", "kind": "joint-statement"})
    )
    return jrcorpus.load(root)


def test_crlf_markup_characters_and_line_separators_survive(tmp_path: Path) -> None:
    mine = user_corpus(tmp_path, AWKWARD)
    (doc,) = mine
    assert "\r\n" in doc.paragraphs[1].text
    tei = export(mine, "tei")
    ps = tei.findall(f".//{TEI}p[@type]")
    assert [text_of(p) for p in ps] == [p.text for p in doc.paragraphs]
    head = tei.find(f".//{TEI}body/{TEI}div/{TEI}head")
    assert head is not None
    assert text_of(head) == 'Joint Statement on <Fisheries> & "Quotas"'
    signed = tei.find(f".//{TEI}closer/{TEI}signed")
    assert signed is not None
    assert text_of(signed) == "Junichiro Koizumi\r\nPrime Minister of Japan"
    akn = export(mine, "akn")
    s = akn.find(f".//{AKN}statement")
    assert s is not None
    texts = [text_of(p) for p in s.iter(f"{AKN}p") if p.find(f"{AKN}docTitle") is None]
    for p in doc.paragraphs:
        assert p.text in texts


def test_characters_xml_cannot_carry_raise_corpus_format_error(tmp_path: Path) -> None:
    mine = user_corpus(tmp_path, AWKWARD.replace("a tab", "a bell\x07"))
    for fmt in ("tei", "akn"):
        with pytest.raises(jrcorpus.CorpusFormatError, match="U\\+0007 at offset") as info:
            jrcorpus.export(mine, io.StringIO(), fmt)
        assert info.value.problems[0].file == "2000-09-05-fisheries"


def test_a_control_character_in_the_catalogue_is_refused(tmp_path: Path) -> None:
    import attrs

    mine = user_corpus(tmp_path, AWKWARD)
    (doc,) = mine
    doc = attrs.evolve(doc, publisher="Ministry\x1f")
    with pytest.raises(jrcorpus.CorpusFormatError, match="U\\+001F cannot be written"):
        jrcorpus.export(jrcorpus.Corpus([doc]), io.StringIO(), "tei")


def test_unknown_signatory_and_no_date(tmp_path: Path) -> None:
    text = (
        "Joint Statement on Fisheries\n\n2000-09-05\n\n"
        "The two sides agreed to cooperate.\n\nIvan Ivanovich Petrov\nMinister of Fisheries"
    )
    mine = user_corpus(tmp_path, text)
    (doc,) = mine
    assert [s.party for s in doc.signatories] == [None]
    akn = export(mine, "akn")
    person = akn.find(f".//{AKN}signature/{AKN}person")
    assert person is not None
    assert person.text == "Ivan Ivanovich Petrov"
    tlc = akn.find(f".//{AKN}references/{AKN}TLCPerson[@eId='signatory_1']")
    assert tlc is not None
    assert (person.get("refersTo"), tlc.get("showAs")) == ("#signatory_1", "Ivan Ivanovich Petrov")
    tei = export(mine, "tei")
    pers = tei.find(f".//{TEI}signed/{TEI}persName")
    assert pers is not None
    assert pers.get("ref") is None
    note = tei.find(f".//{TEI}note[@type='translation']")
    assert note is not None
    assert note.text == "Not marked as a provisional translation."
    assert akn.find(f".//{AKN}meta/{AKN}notes") is None


def test_a_document_without_date_line(corpus: jrcorpus.Corpus) -> None:
    import attrs

    doc = attrs.evolve(corpus[OPENING], date_span=None, speaker=None)
    tei = export(jrcorpus.Corpus([doc]), "tei")
    assert tei.find(f".//{TEI}dateline") is None
    akn = export(jrcorpus.Corpus([doc]), "akn")
    assert akn.find(f".//{AKN}docDate") is None
    assert akn.find(f".//{AKN}conclusions") is None


def test_an_empty_corpus() -> None:
    tei = export(jrcorpus.Corpus([], name="empty"), "tei")
    assert tei.findall(f"{TEI}TEI") == []
    akn = export(jrcorpus.Corpus([], name="empty"), "akn")
    this = akn.find(f".//{AKN}FRBRWork/{AKN}FRBRthis")
    assert this is not None
    assert this.get("value") == "/akn/jp/documentCollection/0001-01-01/empty"


lines = st.sampled_from(
    [
        "The Prime Minister of Japan and the President of the Russian Federation,",
        "Recalling the Tokyo Declaration on Japan-Russia Relations;",
        "Noting the Japan-Russia Action Plan adopted in Moscow; and",
        'Recognizing <that> & "cooperation" matters ]]> in the Asia-Pacific region;',
        "Welcoming the Charter of the United Nations\u2028and the USSR;",
        "Have agreed to cooperate.",
        "caf\u00e9 \t tab",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(lines, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_statements_keep_their_text(paragraphs: list[str], newline: str) -> None:
    text = (newline * 2).join(["Joint Statement on Something", "10 January 2003", *paragraphs])
    doc = parse_document(text, Metadata(id="2003-01-10-generated"))
    bundled = jrcorpus.load()
    (annotated,) = annotate([doc], bundled.catalogue)
    mine = jrcorpus.Corpus([annotated], catalogue=bundled.catalogue)
    for fmt, tag in (("tei", f"{TEI}p"), ("akn", f"{AKN}p")):
        root = export(mine, fmt)
        texts = [text_of(p) for p in root.iter(tag)]
        for p in annotated.paragraphs:
            assert p.text in texts
    tei = export(mine, "tei")
    cited = [text_of(r) for r in tei.iter(f"{TEI}ref") if r.get("type") == "instrument"]
    assert cited == [r.text for r in annotated.references]


def test_akn_follows_the_roles(corpus: jrcorpus.Corpus) -> None:
    import attrs

    joint = corpus[JOINT]
    operative = jrcorpus.ParagraphRole.OPERATIVE
    paragraphs = tuple(
        attrs.evolve(p, role=operative) if p.role is jrcorpus.ParagraphRole.RECITAL else p
        for p in joint.paragraphs
    )
    s = export(jrcorpus.Corpus([attrs.evolve(joint, paragraphs=paragraphs)]), "akn")
    assert s.find(f".//{AKN}preamble/{AKN}formula") is not None
    assert s.find(f".//{AKN}preamble/{AKN}recitals") is None
    body = s.findall(f".//{AKN}mainBody/{AKN}paragraph")
    assert [p.get("eId") for p in body] == [f"para_{n}" for n in range(2, 13)]


def test_crossing_annotations_are_left_out_and_the_text_stays_exact(
    corpus: jrcorpus.Corpus,
) -> None:
    import attrs

    joint = corpus[JOINT]
    text = joint.text
    russia = jrcorpus.load().entity("russian-federation")
    # ",\n\nSharing the": from the last character of p1 into p2.
    start = joint.paragraphs[0].end - 1
    across_paragraphs = jrcorpus.Mention(
        text[start : start + 24], start, start + 24, russia, JOINT, f"{JOINT}:p1"
    )
    # "Relations in 1993": from inside the Tokyo Declaration reference to after it.
    start = text.index("Relations in 1993")
    across_reference = jrcorpus.Mention(
        text[start : start + 17], start, start + 17, russia, JOINT, f"{JOINT}:p7"
    )
    assert across_paragraphs.text == ",\n\nSharing the view that"
    doc = attrs.evolve(joint, mentions=(*joint.mentions, across_paragraphs, across_reference))

    def russia_names(root: ET.Element) -> list[str]:
        return [
            text_of(el)
            for el in root.iter()
            if el.get("ref") == "jrcorpus:russian-federation"
            or el.get("refersTo") == "#russian-federation"
        ]

    for fmt, tag in (("tei", f"{TEI}p"), ("akn", f"{AKN}p")):
        root = export(jrcorpus.Corpus([doc]), fmt)
        texts = [text_of(p) for p in root.iter(tag)]
        for p in joint.paragraphs:
            assert p.text in texts
        names = russia_names(root)
        assert across_paragraphs.text not in names
        assert across_reference.text not in names
        # Exactly the mentions of the unaltered document, no more, no fewer.
        assert names == russia_names(export(jrcorpus.Corpus([joint]), fmt))
        assert len(names) > 10
    tei = export(jrcorpus.Corpus([doc]), "tei")
    tokyo = [r for r in tei.iter(f"{TEI}ref") if text_of(r).startswith("Tokyo Declaration")]
    assert [text_of(r) for r in tokyo] == ["Tokyo Declaration on Japan-Russia Relations"]


def test_one_document_as_akoma_ntoso(corpus: jrcorpus.Corpus) -> None:
    from jrcorpus._xml import akoma_ntoso, to_string

    root = ET.fromstring(to_string(akoma_ntoso(corpus[JOINT])).encode("utf-8"))
    assert root.tag == f"{AKN}akomaNtoso"
    (s,) = root.findall(f"{AKN}statement")
    assert len(s.findall(f"{AKN}preamble/{AKN}recitals/{AKN}recital")) == 10
