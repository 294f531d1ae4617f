"""Find references to instruments and mentions of actors and places, and resolve them.

Extraction is a separate step from parsing: it takes parsed documents and a catalogue and
returns the documents with their annotations filled in.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._model import Catalogue, Document

__all__ = ["annotate"]


def annotate(documents: Sequence[Document], catalogue: Catalogue) -> list[Document]:
    """The documents with references and mentions resolved against ``catalogue``."""
    return list(documents)
