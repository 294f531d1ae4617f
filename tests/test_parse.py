"""The parser on statements other than the two seeds: it reads the form, not two files."""

from __future__ import annotations

import datetime as dt

import pytest

import jrcorpus
from jrcorpus import DocumentKind, ParagraphRole
from jrcorpus._parse import Metadata, infer_kind, parse_date_line, parse_document

# A statement in the form of the 2000 Tokyo statement, written for this test: the date line
# carries the place, the recitals end with ";", two operative paragraphs follow.
TOKYO_2000 = """(Provisional Translation)

Statement by the Prime Minister of Japan and the President of the Russian Federation on the Issue of a Peace Treaty

Tokyo, 5 September 2000

The Prime Minister of Japan and the President of the Russian Federation,

Recalling the Tokyo Declaration on Japan-Russia Relations of 1993;

Noting the Moscow Declaration of 1998; and

Confirming that the two countries will continue negotiations;

Have agreed to continue negotiations on a peace treaty.

Have instructed their ministers to report on progress.

Yoshiro Mori
Prime Minister of Japan

Vladimir Putin
President of the Russian Federation

Back to Index"""

# A speech whose paragraphs are hard-wrapped and whose date is month-first and abbreviated.
SPEECH = """Address by Minister for Foreign Affairs Yoriko Kawaguchi at the Diplomatic Academy

Sept. 3, 2003

Ladies and gentlemen,
it is an honour to speak here today.

Japan and Russia are neighbours.
Our relations matter.

Back to Top"""


def meta(**kwargs: object) -> Metadata:
    return Metadata(id=str(kwargs.pop("id", "doc")), **kwargs)  # type: ignore[arg-type]


def test_statement_with_place_on_the_date_line() -> None:
    doc = parse_document(TOKYO_2000, meta(id="tokyo"))
    assert doc.provisional
    assert doc.kind is DocumentKind.STATEMENT
    assert doc.date == dt.date(2000, 9, 5)
    assert doc.place == "Tokyo"
    assert [p.role for p in doc.paragraphs] == [
        ParagraphRole.FORMULA,
        ParagraphRole.RECITAL,
        ParagraphRole.RECITAL,
        ParagraphRole.RECITAL,
        ParagraphRole.OPERATIVE,
        ParagraphRole.OPERATIVE,
    ]
    assert [(s.name, s.office) for s in doc.signatories] == [
        ("Yoshiro Mori", "Prime Minister of Japan"),
        ("Vladimir Putin", "President of the Russian Federation"),
    ]
    assert doc.paragraphs[0].id == "tokyo:p1"
    assert [link.text for link in doc.links] == ["Back to Index"]


def test_speech_with_wrapped_paragraphs() -> None:
    doc = parse_document(SPEECH, meta())
    assert not doc.provisional
    assert doc.kind is DocumentKind.SPEECH
    assert doc.date == dt.date(2003, 9, 3)
    assert [p.text for p in doc.paragraphs] == [
        "Ladies and gentlemen,\nit is an honour to speak here today.",
        "Japan and Russia are neighbours.\nOur relations matter.",
    ]
    assert all(p.role is ParagraphRole.SPEECH for p in doc.paragraphs)
    assert doc.speaker is not None
    assert doc.speaker.name == "Yoriko Kawaguchi"
    assert doc.speaker.office == "Minister for Foreign Affairs"
    assert doc.signatories == ()


def test_crlf_text_stays_verbatim() -> None:
    crlf = TOKYO_2000.replace("\n", "\r\n")
    doc = parse_document(crlf, meta())
    plain = parse_document(TOKYO_2000, meta())
    assert doc.text == crlf
    assert [p.role for p in doc.paragraphs] == [p.role for p in plain.paragraphs]
    assert [p.text for p in doc.paragraphs] == [p.text for p in plain.paragraphs]
    for p in doc.paragraphs:
        assert crlf[p.start : p.end] == p.text
        assert "\r" not in p.text


def test_metadata_fills_what_the_text_lacks() -> None:
    text = "A Note on Fisheries\n\nThe two sides met and talked."
    doc = parse_document(text, meta(date=dt.date(2003, 1, 11), kind=DocumentKind.OTHER))
    assert doc.date == dt.date(2003, 1, 11)
    assert doc.date_span is None
    assert doc.title == "A Note on Fisheries"
    assert [p.role for p in doc.paragraphs] == [ParagraphRole.BODY]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10 January 2003", (dt.date(2003, 1, 10), None)),
        ("January 12, 2003", (dt.date(2003, 1, 12), None)),
        ("12th January 2003", (dt.date(2003, 1, 12), None)),
        ("Jan. 12, 2003", (dt.date(2003, 1, 12), None)),
        ("2003-01-12", (dt.date(2003, 1, 12), None)),
        ("Moscow, 10 January 2003", (dt.date(2003, 1, 10), "Moscow")),
        ("  January 12, 2003  ", (dt.date(2003, 1, 12), None)),
        ("Back to Index", None),
        ("In January 12, 2003 we met", None),
        ("12 Smarch 2003", None),
    ],
)
def test_date_lines(line: str, expected: object) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty"),
        (" \n\n\t\n", "the text is empty"),
        ("(Provisional Translation)\n\nBack to Index", "no title line"),
        ("A Title\n\nJanuary 12, 2003", "no paragraphs"),
        ("A Title\n\nSome text.", "no date line found"),
        ("A Title\n\nFebruary 30, 2003\n\nSome text.", "impossible date"),
    ],
)
def test_bad_texts_raise_corpus_format_error(text: str, message: str) -> None:
    with pytest.raises(jrcorpus.CorpusFormatError, match=message) as info:
        parse_document(text, meta(), "documents/x.txt")
    assert isinstance(info.value, jrcorpus.CorpusError)
    assert info.value.problems[0].file == "documents/x.txt"
    assert "documents/x.txt" in str(info.value)


def test_metadata_date_must_agree_with_the_text() -> None:
    with pytest.raises(jrcorpus.CorpusFormatError, match="contradicts the date line") as info:
        parse_document(SPEECH, meta(date=dt.date(2003, 9, 4)), "documents/s.txt")
    assert info.value.problems[0].field == "date"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Joint Statement on Cooperation", DocumentKind.JOINT_STATEMENT),
        ("Japan-Russia Joint Declaration", DocumentKind.JOINT_DECLARATION),
        ("Opening Statement at the Press Conference", DocumentKind.PRESS_STATEMENT),
        ("Speech by the Prime Minister", DocumentKind.SPEECH),
        ("Statement by the Press Secretary", DocumentKind.STATEMENT),
        ("Treaty of Shimoda", DocumentKind.TREATY),
        ("Minutes of a Meeting", None),
    ],
)
def test_infer_kind(title: str, kind: DocumentKind | None) -> None:
    assert infer_kind(title) is kind


def test_a_name_line_over_a_long_line_is_a_paragraph_not_a_signature() -> None:
    # After the paragraphs, a two-line block of a capitalised short line and an office-like
    # line is a signature; when the second line runs on like a sentence, it is a paragraph.
    text = TOKYO_2000.replace(
        "Yoshiro Mori\nPrime Minister of Japan",
        "Economic Cooperation\n"
        "The two sides will expand trade and investment in the energy sector and in the "
        "Russian Far East",
    )
    doc = parse_document(text, meta(id="tokyo"))
    assert [(s.name, s.office) for s in doc.signatories] == [
        ("Vladimir Putin", "President of the Russian Federation")
    ]
    last = doc.paragraphs[-1]
    assert last.text.startswith("Economic Cooperation\nThe two sides will expand trade")
    assert last.text.endswith("Russian Far East")
    assert len(doc.paragraphs) == 7
