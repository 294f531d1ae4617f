"""Type-checked by mypy, never run: the public API has the types users rely on."""

from __future__ import annotations

import datetime as dt
import re

from typing_extensions import assert_type

import jrcorpus
from jrcorpus import (
    Corpus,
    Document,
    DocumentKind,
    Hit,
    Hits,
    Instrument,
    Mention,
    Paragraph,
    ParagraphRole,
    Party,
    Reference,
    Signatory,
)

corpus = jrcorpus.load()
assert_type(corpus, Corpus)
assert_type(jrcorpus.load("my-corpus"), Corpus)
assert_type(len(corpus), int)
for doc in corpus:
    assert_type(doc, Document)
    assert_type(doc.id, str)
    assert_type(doc.date, dt.date)
    assert_type(doc.kind, DocumentKind)
    assert_type(doc.place, str | None)
    assert_type(doc.provisional, bool)
    assert_type(doc.paragraphs, tuple[Paragraph, ...])
    assert_type(doc.signatories, tuple[Signatory, ...])
    assert_type(doc.speaker, Signatory | None)
    assert_type(doc.references, tuple[Reference, ...])
    assert_type(doc.mentions, tuple[Mention, ...])
    assert_type(doc.parties, tuple[Party, ...])
    assert_type(doc.instruments, tuple[Instrument, ...])
    assert_type(doc.paragraph(1), Paragraph)

doc = corpus["2003-01-10-joint-statement"]
assert_type(doc, Document)
p = doc.paragraphs[0]
assert_type(p.role, ParagraphRole)
assert_type(p.start, int)
assert_type(p.text, str)
assert_type(corpus.paragraph("2003-01-10-joint-statement:p1"), Paragraph)

assert_type(corpus.filter(kind="joint-statement", since=dt.date(2003, 1, 1)), Corpus)
assert_type(corpus.filter(lambda d: d.place == "Moscow"), Corpus)
assert_type(corpus.paragraphs(role=ParagraphRole.RECITAL), tuple[Paragraph, ...])

hits = corpus.search("peace treaty")
assert_type(hits, Hits)
assert_type(corpus.search(re.compile("Ishae[fv]")), Hits)
assert_type(hits[0], Hit)
assert_type(hits[0].paragraph, Paragraph | None)
assert_type(hits[0].kwic(40), str)
assert_type(hits[0].context(), tuple[str, str, str])

ref = corpus.references()[0]
assert_type(ref.instrument, Instrument)
assert_type(ref.instrument.date, dt.date)
assert_type(corpus.timeline(), tuple[Instrument, ...])
assert_type(corpus.citations(), dict[Instrument, tuple[Reference, ...]])

try:
    corpus["nope"]
except jrcorpus.NotFoundError as e:
    assert_type(e.suggestions, tuple[str, ...])
except jrcorpus.CorpusFormatError as e:
    assert_type(e.problems, tuple[jrcorpus.Problem, ...])
