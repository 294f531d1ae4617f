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

from ._corpus import Corpus
from ._model import (
    Catalogue,
    DatePrecision,
    Document,
    DocumentKind,
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
    "Entity",
    "Hit",
    "Hits",
    "Instrument",
    "InstrumentKind",
    "Link",
    "Mention",
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
    "load",
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
