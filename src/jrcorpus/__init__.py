"""jrcorpus: the Japan-Russia diplomatic record of January 2003, typed and offline.

Examples:
    >>> import jrcorpus
    >>> corpus = jrcorpus.load()
    >>> for doc in corpus:
    ...     print(doc.date, doc.kind.value, len(doc.paragraphs))
    2003-01-10 joint-statement 12
    2003-01-12 press-statement 8
"""

from __future__ import annotations

import os
from typing import IO

from ._corpus import Corpus
from ._model import (
    Catalogue,
    DatePrecision,
    Document,
    DocumentKind,
    Draft,
    Entity,
    Instrument,
    InstrumentKind,
    Link,
    Mention,
    Office,
    Paragraph,
    ParagraphRole,
    Party,
    PartyKind,
    Place,
    PlaceKind,
    Reference,
    Signatory,
)
from ._search import Hit, Hits
from ._version import __version__
from .exceptions import (
    CorpusError,
    CorpusFormatError,
    CorpusNotFoundError,
    MissingExtraError,
    NotFoundError,
    Problem,
    QueryError,
)

__all__ = [
    "Catalogue",
    "Corpus",
    "CorpusError",
    "CorpusFormatError",
    "CorpusNotFoundError",
    "DatePrecision",
    "Document",
    "DocumentKind",
    "Draft",
    "Entity",
    "Hit",
    "Hits",
    "Instrument",
    "InstrumentKind",
    "Link",
    "Mention",
    "MissingExtraError",
    "NotFoundError",
    "Office",
    "Paragraph",
    "ParagraphRole",
    "Party",
    "PartyKind",
    "Place",
    "PlaceKind",
    "Problem",
    "QueryError",
    "Reference",
    "Signatory",
    "__version__",
    "combine",
    "draft_metadata",
    "export",
    "load",
    "read_jsonl",
    "verify",
]


def load(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Load a corpus: the bundled one when ``path`` is ``None``, else the directory at ``path``.

    The bundled corpus is read from package data (no download, ever), parsed once per
    process and shared between threads. A directory is validated as a whole; any problem
    raises one `CorpusFormatError` listing them all, and a missing path or a directory
    that is not a corpus raises `CorpusNotFoundError`.

    Examples:
        >>> import jrcorpus
        >>> jrcorpus.load()["2003-01-12-khabarovsk-opening-statement"].place
        'Khabarovsk'
    """
    from . import _load  # parsing machinery is imported on first use, not on import

    if path is None:
        return _load.load_bundled()
    return _load.load(path)


def export(
    corpus: Corpus,
    target: str | os.PathLike[str] | IO[str],
    fmt: str = "jsonl",
    level: str = "documents",
) -> None:
    """Write a corpus as ``jsonl``, ``csv``, ``parquet``, ``tei`` or ``akn``.

    ``target`` is a path or a text stream (Parquet needs a path and the ``parquet``
    extra); ``level`` (``documents``, ``paragraphs``, ``references``, ``mentions``) picks
    the table for CSV and Parquet. JSON Lines, TEI and Akoma Ntoso hold everything.

    Examples:
        >>> import io, jrcorpus
        >>> out = io.StringIO()
        >>> jrcorpus.export(jrcorpus.load(), out, "csv", level="paragraphs")
        >>> out.getvalue().splitlines()[0]
        'id,doc_id,index,role,start,end,text'
    """
    from ._export import export as _export

    _export(corpus, target, fmt, level)


def read_jsonl(path: str | os.PathLike[str]) -> Corpus:
    """Read a corpus exported as JSON Lines (``jrcorpus export --format jsonl``).

    The file carries the catalogue and every annotation, so what comes back equals what
    was exported; every span is checked against its text.

    Examples:
        >>> import jrcorpus, tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
        >>> jrcorpus.export(jrcorpus.load(), path, "jsonl")
        >>> jrcorpus.read_jsonl(path) == jrcorpus.load()
        True
    """
    from ._jsonl import read_jsonl as _read

    return _read(path)


def verify(path: str | os.PathLike[str] | None = None) -> tuple[tuple[str, str], ...]:
    """Check every text against the sha256 its metadata records.

    Checks the bundled corpus when ``path`` is ``None``. Returns ``(doc_id, sha256)``
    pairs; raises `CorpusFormatError` on a mismatch or a missing digest.

    Examples:
        >>> import jrcorpus
        >>> [doc_id for doc_id, _ in jrcorpus.verify()]
        ['2003-01-10-joint-statement', '2003-01-12-khabarovsk-opening-statement']
    """
    from . import _load

    return _load.verify(path)


def combine(*corpora: Corpus) -> Corpus:
    """One corpus with the documents and catalogues of all.

    A document id or catalogue id that two corpora give different content raises
    `CorpusFormatError` naming both corpora; identical repeats are kept once.

    Examples:
        >>> import jrcorpus
        >>> bundled = jrcorpus.load()
        >>> len(jrcorpus.combine(bundled, bundled))
        2
    """
    from ._combine import combine as _combine

    return _combine(*corpora)


def draft_metadata(text: str | bytes, doc_id: str | None = None) -> Draft:
    r"""Draft ``documents/<id>.json`` for a raw text in the MOFA style.

    Infers the id (``<date>-<title words>``), kind, date, place, translation status and
    structure from the text, and lists in ``Draft.flags`` what it could not infer.

    Examples:
        >>> import jrcorpus
        >>> text = "(Provisional Translation)\n\nJoint Statement on Fisheries\n\n" + (
        ...     "Tokyo, 5 September 2000\n\nThe two sides agreed.")
        >>> draft = jrcorpus.draft_metadata(text)
        >>> draft.metadata["id"], draft.metadata["kind"], draft.metadata["place"]
        ('2000-09-05-joint-statement-fisheries', 'joint-statement', 'Tokyo')
    """
    from ._draft import draft_metadata as _draft

    return _draft(text, doc_id)
