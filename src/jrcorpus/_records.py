"""Plain, JSON-safe records of a corpus at four levels, and of its catalogue.

The keys of each level are documented in docs/records.md and are stable: new keys may be
added, none are renamed or removed within a major version.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from ._model import (
    Catalogue,
    DatePrecision,
    Document,
    Instrument,
    Office,
    Paragraph,
    Party,
    Place,
)
from .exceptions import QueryError

__all__ = ["COLUMNS", "LEVELS", "Level", "catalogue_record", "paragraph_record", "records"]


class Level(str, enum.Enum):
    """The levels of `Corpus.to_records`: one record per document, paragraph, etc."""

    DOCUMENTS = "documents"
    PARAGRAPHS = "paragraphs"
    REFERENCES = "references"
    MENTIONS = "mentions"

    def __str__(self) -> str:
        return self.value


LEVELS = tuple(level.value for level in Level)

_SPAN = (("doc_id", "str"), ("paragraph_id", "str"), ("start", "int"), ("end", "int"))
COLUMNS: dict[Level, tuple[tuple[str, str], ...]] = {
    Level.DOCUMENTS: (
        ("id", "str"),
        ("title", "str"),
        ("date", "date"),
        ("kind", "str"),
        ("place", "str"),
        ("provisional", "bool"),
        ("source_url", "str"),
        ("publisher", "str"),
        ("language", "str"),
        ("paragraphs", "int"),
        ("speaker", "str"),
        ("signatories", "list"),
        ("sha256", "str"),
        ("text", "str"),
    ),
    Level.PARAGRAPHS: (
        ("id", "str"),
        ("doc_id", "str"),
        ("index", "int"),
        ("role", "str"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
    ),
    Level.REFERENCES: (
        *_SPAN,
        ("text", "str"),
        ("instrument_id", "str"),
        ("instrument_title", "str"),
        ("instrument_kind", "str"),
        ("instrument_date", "date"),
        ("instrument_precision", "str"),
    ),
    Level.MENTIONS: (
        *_SPAN,
        ("text", "str"),
        ("entity_id", "str"),
        ("entity_name", "str"),
        ("entity_type", "str"),
        ("entity_kind", "str"),
    ),
}
"""The columns of every level, in order, with their type: ``str``, ``int``, ``bool``,
``date`` (an ISO string in records) or ``list`` (of strings). `records` gives these keys."""


def level_of(level: Level | str) -> Level:
    try:
        return Level(level)
    except ValueError:
        raise QueryError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}") from None


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "date": d.date.isoformat(),
        "kind": d.kind.value,
        "place": d.place,
        "provisional": d.provisional,
        "source_url": d.source_url,
        "publisher": d.publisher,
        "language": d.language,
        "paragraphs": len(d.paragraphs),
        "speaker": d.speaker.name if d.speaker else None,
        "signatories": [s.name for s in d.signatories],
        "sha256": d.sha256,
        "text": d.text,
    }


def paragraph_record(p: Paragraph) -> dict[str, Any]:
    """The record of one paragraph, as in the ``paragraphs`` level."""
    return {
        "id": p.id,
        "doc_id": p.doc_id,
        "index": p.index,
        "role": p.role.value,
        "start": p.start,
        "end": p.end,
        "text": p.text,
    }


def records(documents: Iterable[Document], level: Level | str) -> list[dict[str, Any]]:
    """One plain dict per item of ``level`` (dates as ISO strings, enums as strings)."""
    level = level_of(level)
    docs = list(documents)
    if level is Level.DOCUMENTS:
        return [_document(d) for d in docs]
    if level is Level.PARAGRAPHS:
        return [paragraph_record(p) for d in docs for p in d.paragraphs]
    if level is Level.REFERENCES:
        return [
            {
                "doc_id": r.doc_id,
                "paragraph_id": r.paragraph_id,
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "instrument_id": r.instrument.id,
                "instrument_title": r.instrument.title,
                "instrument_kind": r.instrument.kind.value,
                "instrument_date": r.instrument.date.isoformat(),
                "instrument_precision": r.instrument.precision.value,
            }
            for d in docs
            for r in d.references
        ]
    return [
        {
            "doc_id": m.doc_id,
            "paragraph_id": m.paragraph_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "entity_id": m.entity.id,
            "entity_name": m.entity.name,
            "entity_type": "party" if isinstance(m.entity, Party) else "place",
            "entity_kind": m.entity.kind.value,
        }
        for d in docs
        for m in d.mentions
    ]


def _partial(date: Any, precision: DatePrecision) -> str | None:
    if date is None:
        return None
    if precision is DatePrecision.YEAR:
        return f"{date.year:04d}"
    if precision is DatePrecision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return str(date.isoformat())


def _office(o: Office) -> dict[str, Any]:
    return {
        "title": o.title,
        "start": _partial(o.start, o.precision),
        "end": _partial(o.end, o.precision),
    }


def _party(p: Party) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind.value,
        "aliases": list(p.aliases),
        "offices": [_office(o) for o in p.offices],
        "successor_of": p.successor_of,
        "notes": p.notes,
    }


def _place(p: Place) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind.value,
        "aliases": list(p.aliases),
        "within": p.within,
        "notes": p.notes,
    }


def _instrument(i: Instrument) -> dict[str, Any]:
    return {
        "id": i.id,
        "title": i.title,
        "kind": i.kind.value,
        "date": i.date_text,
        "end_date": _partial(i.end_date, DatePrecision.DAY),
        "place": i.place,
        "parties": [p.id for p in i.parties],
        "aliases": list(i.aliases),
        "short_names": list(i.short_names),
        "document": i.document_id,
        "notes": i.notes,
    }


def catalogue_record(catalogue: Catalogue) -> dict[str, list[dict[str, Any]]]:
    """The catalogue in the shape of the catalogue files (actors, places, instruments)."""
    return {
        "actors": [_party(p) for p in catalogue.parties],
        "places": [_place(p) for p in catalogue.places],
        "instruments": [_instrument(i) for i in catalogue.instruments],
    }
