"""Combine corpora: the bundled one and a user's, say."""

from __future__ import annotations

from typing import TypeVar

from ._corpus import Corpus
from ._model import Catalogue, Document, Instrument, Party, Place
from .exceptions import CorpusFormatError, Problem

__all__ = ["combine"]

_T = TypeVar("_T", Instrument, Party, Place)


def _merge(
    groups: list[tuple[str, tuple[_T, ...]]], what: str, problems: list[Problem]
) -> tuple[_T, ...]:
    merged: dict[str, tuple[str, _T]] = {}
    for name, items in groups:
        for item in items:
            if item.id in merged and merged[item.id][1] != item:
                problems.append(
                    Problem(
                        name,
                        f"{what} {item.id!r} differs from the one in {merged[item.id][0]!r}",
                        "catalogue",
                    )
                )
            merged.setdefault(item.id, (name, item))
    return tuple(item for _, item in merged.values())


def combine(*corpora: Corpus) -> Corpus:
    """One corpus holding the documents of all; every clash of ids is an error."""
    problems: list[Problem] = []
    documents: dict[str, tuple[str, Document]] = {}
    for corpus in corpora:
        for doc in corpus:
            if doc.id in documents and documents[doc.id][1] != doc:
                first = documents[doc.id][0]
                problems.append(
                    Problem(
                        corpus.name,
                        f"document id {doc.id!r} is in both {first!r} and {corpus.name!r} with "
                        "different content; rename one of them",
                        "id",
                    )
                )
            documents.setdefault(doc.id, (corpus.name, doc))
    catalogue = Catalogue(
        instruments=tuple(
            sorted(
                _merge(
                    [(c.name, c.catalogue.instruments) for c in corpora], "instrument", problems
                ),
                key=lambda i: (i.date, i.id),
            )
        ),
        parties=_merge([(c.name, c.catalogue.parties) for c in corpora], "actor", problems),
        places=_merge([(c.name, c.catalogue.places) for c in corpora], "place", problems),
    )
    if problems:
        raise CorpusFormatError(problems, " + ".join(c.name for c in corpora))
    names = list(dict.fromkeys(c.name for c in corpora))
    return Corpus(
        [doc for _, doc in documents.values()], catalogue=catalogue, name="+".join(names) or "empty"
    )
