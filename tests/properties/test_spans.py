"""Properties of parsing: spans always slice the text; bad text raises CorpusError only."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import jrcorpus
from jrcorpus._parse import Metadata, parse_document

words = st.text(alphabet="abcdefghij KLMNOP'-", min_size=1, max_size=30).filter(str.strip)
sentence = st.builds(
    lambda w, end: w.strip().capitalize() + end,
    words,
    st.sampled_from([".", ";", ",", "; and", "!"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
newline = st.sampled_from(["\n", "\r\n"])


@st.composite
def mofa_texts(draw: st.DrawFn) -> str:
    """A statement in the MOFA style with random paragraphs, line endings and extras."""
    nl = draw(newline)
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("(Provisional Translation)")
    parts.append("Joint Statement " + draw(words).strip())
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    parts.append(draw(st.sampled_from([day.strftime("%d %B %Y"), day.strftime("%B %d, %Y")])))
    parts += draw(st.lists(paragraph, min_size=1, max_size=8))
    if draw(st.booleans()):
        parts.append("Junichiro Koizumi" + nl + "Prime Minister of Japan")
    if draw(st.booleans()):
        parts.append("Back to Index")
    return (nl * draw(st.integers(1, 3))).join(parts)


def check_spans(doc: jrcorpus.Document) -> None:
    text = doc.text
    assert text[slice(*doc.title_span)].split() == doc.title.split()
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip()
    for s in doc.signatories:
        assert text[slice(*s.name_span)] == s.name
        assert text[slice(*s.office_span)] == s.office
    for link in doc.links:
        assert text[link.start : link.end] == link.text
    if doc.date_span is not None:
        assert text[slice(*doc.date_span)].strip()
    ends = [p.end for p in doc.paragraphs]
    starts = [p.start for p in doc.paragraphs]
    assert all(e <= s for e, s in zip(ends, starts[1:])), "paragraphs overlap"


@settings(max_examples=200, deadline=None)
@given(mofa_texts())
def test_spans_slice_generated_statements(text: str) -> None:
    doc = parse_document(text, Metadata(id="gen"))
    check_spans(doc)
    assert doc.text == text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_parses_or_raises_corpus_error(text: str) -> None:
    try:
        doc = parse_document(text, Metadata(id="any"))
    except jrcorpus.CorpusError:
        return
    check_spans(doc)


def test_bundled_spans(corpus: jrcorpus.Corpus) -> None:
    for doc in corpus:
        check_spans(doc)


mofa_lines = st.sampled_from(
    [
        "(Provisional Translation)",
        "Back to Index",
        "Japaneseother site",
        "Related Information (Japan-Russia Relations)",
        "10 January 2003",
        "January 12, 2003",
        "Moscow, 10 January 2003",
        "February 30, 2003",
        "2003-13-01",
        "Junichiro Koizumi",
        "Prime Minister of Japan",
        "The Prime Minister of Japan and the President of the Russian Federation,",
        "Recognizing that cooperation matters;",
        "Being convinced of friendship; and",
        "Adopted of the Japan-Russia Action Plan.",
        "Spasibo!",
        "",
        " ",
        "\t",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(mofa_lines, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]))
def test_fuzz_mofa_line_soup(lines: list[str], newline: str) -> None:
    """A fuzzing run over the parser's structural paths with MOFA-like lines."""
    text = newline.join(lines)
    try:
        doc = parse_document(text, Metadata(id="soup"))
    except jrcorpus.CorpusError:
        return
    check_spans(doc)
    assert doc.paragraphs
