"""Draft the metadata of a new document from its raw text in the MOFA style."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from ._model import DocumentKind, Draft
from ._parse import Metadata, parse_document
from ._validate import SAFE_ID
from .exceptions import CorpusFormatError, Problem

__all__ = ["draft_metadata", "slug"]

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "in",
        "of",
        "on",
        "the",
        "to",
        "with",
        "his",
        "her",
        "their",
        "its",
    ]
)


def slug(title: str, words: int = 6) -> str:
    """A short lowercase id part made of a title's first meaningful words.

    Examples:
        >>> slug("Opening Statement by Prime Minister Junichiro Koizumi at the Press ...")
        'opening-statement-prime-minister-junichiro-koizumi'
    """
    tokens = [t for t in re.findall(r"[a-z0-9]+", title.lower()) if t not in _STOP]
    return "-".join(tokens[:words])[:80].strip("-") or "document"


def draft_metadata(text: str | bytes, doc_id: str | None = None) -> Draft:
    """Infer id, kind, date, place, translation status and structure from a raw text.

    Give the file's bytes to have ``sha256`` recorded for exactly those bytes.
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        raise CorpusFormatError([Problem("<text>", f"not valid UTF-8 at byte {e.start}")]) from None
    flags: list[str] = []
    try:
        doc = parse_document(text, Metadata(doc_id or "draft"), "<text>")
        dated = True
    except CorpusFormatError as e:
        if not any(p.field == "date" for p in e.problems):
            raise
        flags.append("no date line found: fill in 'date' (YYYY-MM-DD)")
        doc = parse_document(text, Metadata(doc_id or "draft", date=dt.date(1, 1, 1)), "<text>")
        dated = False
    if doc_id is None:
        prefix = doc.date.isoformat() if dated else "undated"
        doc_id = f"{prefix}-{slug(doc.title)}"
        flags.append(f"id {doc_id!r} made from the date and title: change it if you like")
    elif not SAFE_ID.fullmatch(doc_id):
        flags.append(f"id {doc_id!r} is not a safe id (lowercase letters, digits, . _ -)")
    if doc.kind is DocumentKind.OTHER:
        flags.append("the title names no document kind: set 'kind'")
    if doc.place is None:
        flags.append("no place on the date line: fill in 'place'")
    flags.append("no source: fill in 'source_url' and 'publisher'")
    if not doc.provisional:
        flags.append("no '(Provisional Translation)' header: the text is taken as final")
    metadata: dict[str, object] = {"id": doc_id, "kind": doc.kind.value}
    if not dated:
        metadata["date"] = None
    metadata.update(
        {
            "place": doc.place,
            "source_url": None,
            "publisher": None,
            "language": "en",
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    )
    return Draft(metadata, tuple(flags), doc)
