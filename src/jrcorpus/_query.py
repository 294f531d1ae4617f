"""Selection of documents and paragraphs, and catalogue look-ups by id, name or alias."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar, Union

from ._model import (
    Catalogue,
    Document,
    DocumentKind,
    Entity,
    Instrument,
    Paragraph,
    ParagraphRole,
    Party,
    Place,
)
from ._search import Query, compile_query
from .exceptions import NotFoundError, QueryError

__all__ = [
    "DateLike",
    "EntityKey",
    "InstrumentKey",
    "find_entity",
    "find_instrument",
    "select_documents",
    "select_paragraphs",
]

DateLike = Union[dt.date, str]
"""A `datetime.date` or an ISO date string such as ``"2003-01-10"``."""
EntityKey = Union[Party, Place, str]
"""An actor or place, or its id, name or alias."""
InstrumentKey = Union[Instrument, str]
"""An instrument, or its id, title or alias."""

_E = TypeVar("_E", bound=enum.Enum)


def _names(item: Party | Place | Instrument) -> tuple[str, ...]:
    if isinstance(item, Instrument):
        return (item.id, item.title, *item.aliases, *item.short_names)
    return (item.id, item.name, *item.aliases)


_T = TypeVar("_T", Party, Place, Instrument)


def _find(items: Sequence[_T], key: str, what: str) -> _T:
    for item in items:
        if item.id == key:
            return item
    folded = key.casefold()
    for item in items:
        if any(folded == name.casefold() for name in _names(item)):
            return item
    raise NotFoundError(key, [n for item in items for n in _names(item)], what)


def find_entity(catalogue: Catalogue, key: EntityKey) -> Entity:
    """The actor or place ``key`` names (id first, then name or alias, case-insensitively)."""
    if isinstance(key, (Party, Place)):
        return key
    try:
        return _find(catalogue.parties, key, "actor")
    except NotFoundError as e:
        try:
            return _find(catalogue.places, key, "place")
        except NotFoundError as e2:
            raise NotFoundError(key, e.suggestions + e2.suggestions, "actor or place") from None


def find_instrument(catalogue: Catalogue, key: InstrumentKey) -> Instrument:
    """The instrument ``key`` names (id first, then title or alias, case-insensitively)."""
    if isinstance(key, Instrument):
        return key
    return _find(catalogue.instruments, key, "instrument")


def _enum(cls: type[_E], value: _E | str, what: str) -> _E:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise QueryError(f"unknown {what} {value!r}; expected one of {choices}") from None


def _date(value: DateLike, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise QueryError(f"{what}={value!r} is not a date; expected YYYY-MM-DD") from None


def select_documents(
    documents: Iterable[Document],
    catalogue: Catalogue,
    predicates: Sequence[Callable[[Document], bool]] = (),
    *,
    kind: DocumentKind | str | None = None,
    since: DateLike | None = None,
    until: DateLike | None = None,
    party: EntityKey | None = None,
    cites: InstrumentKey | None = None,
) -> tuple[Document, ...]:
    """The documents that pass every given condition."""
    tests: list[Callable[[Document], bool]] = list(predicates)
    if kind is not None:
        wanted_kind = _enum(DocumentKind, kind, "document kind")
        tests.append(lambda d: d.kind is wanted_kind)
    if since is not None:
        first = _date(since, "since")
        tests.append(lambda d: d.date >= first)
    if until is not None:
        last = _date(until, "until")
        tests.append(lambda d: d.date <= last)
    if party is not None:
        entity = find_entity(catalogue, party)
        tests.append(lambda d: entity in d.parties or any(m.entity == entity for m in d.mentions))
    if cites is not None:
        instrument = find_instrument(catalogue, cites)
        tests.append(lambda d: instrument in d.instruments)
    return tuple(d for d in documents if all(t(d) for t in tests))


def select_paragraphs(
    documents: Iterable[Document],
    catalogue: Catalogue,
    predicates: Sequence[Callable[[Paragraph], bool]] = (),
    *,
    role: ParagraphRole | str | None = None,
    mentions: EntityKey | None = None,
    cites: InstrumentKey | None = None,
    phrase: str | None = None,
    pattern: str | re.Pattern[str] | None = None,
) -> tuple[Paragraph, ...]:
    """The paragraphs that pass every given condition, in corpus order."""
    tests: list[Callable[[Paragraph], bool]] = list(predicates)
    if role is not None:
        wanted_role = _enum(ParagraphRole, role, "paragraph role")
        tests.append(lambda p: p.role is wanted_role)
    if mentions is not None:
        entity = find_entity(catalogue, mentions)
        tests.append(lambda p: any(m.entity == entity for m in p.mentions))
    if cites is not None:
        instrument = find_instrument(catalogue, cites)
        tests.append(lambda p: instrument in p.instruments)
    for query in (phrase, _pattern(pattern)):
        if query is not None:
            tests.append(_matches(compile_query(query)))
    return tuple(p for d in documents for p in d.paragraphs if all(t(p) for t in tests))


def _matches(regex: re.Pattern[str]) -> Callable[[Paragraph], bool]:
    return lambda p: regex.search(p.text) is not None


def _pattern(pattern: str | re.Pattern[str] | None) -> Query | None:
    if pattern is None or isinstance(pattern, re.Pattern):
        return pattern
    try:
        return re.compile(pattern)
    except re.error as e:
        raise QueryError(f"invalid regular expression {pattern!r}: {e}") from None
