"""`Corpus`: the documents of a corpus in date order, with its catalogue."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._model import (
    Catalogue,
    Document,
    DocumentKind,
    Entity,
    Instrument,
    Mention,
    Paragraph,
    ParagraphRole,
    Reference,
)
from ._search import Hits, Query, search_documents
from .exceptions import NotFoundError

if TYPE_CHECKING:
    from ._query import DateLike, EntityKey, InstrumentKey

__all__ = ["Corpus"]


def _chronological(documents: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(sorted(documents, key=lambda d: (d.date, d.id)))


@attrs.frozen
class Corpus:
    """Documents in date order (then by id), with the catalogue they are annotated from.

    Examples:
        >>> import jrcorpus
        >>> corpus = jrcorpus.load()
        >>> len(corpus)
        2
        >>> [doc.kind.value for doc in corpus]
        ['joint-statement', 'press-statement']
        >>> corpus["2003-01-10-joint-statement"].date
        datetime.date(2003, 1, 10)
    """

    documents: tuple[Document, ...] = attrs.field(converter=_chronological)
    catalogue: Catalogue = attrs.field(factory=Catalogue, repr=False)
    name: str = "corpus"
    title: str | None = attrs.field(default=None, repr=False)
    description: str | None = attrs.field(default=None, repr=False)
    _by_id: dict[str, Document] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {d.id: d for d in self.documents})

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise NotFoundError(doc_id, self._by_id) from None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Document):
            return self._by_id.get(item.id) == item
        return item in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        """The document ids, in corpus order."""
        return tuple(self._by_id)

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """The paragraph with id ``<doc-id>:p<n>``."""
        doc_id, _, number = paragraph_id.rpartition(":p")
        doc = self._by_id.get(doc_id)
        if doc is not None and number.isdigit() and 1 <= int(number) <= len(doc.paragraphs):
            return doc.paragraphs[int(number) - 1]
        ids = [p.id for d in self.documents for p in d.paragraphs]
        raise NotFoundError(paragraph_id, ids, "paragraph")

    def filter(
        self,
        *predicates: Callable[[Document], bool],
        kind: DocumentKind | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        party: EntityKey | None = None,
        cites: InstrumentKey | None = None,
    ) -> Corpus:
        """The documents that pass every condition, as a new `Corpus` (so it chains).

        ``since`` and ``until`` are inclusive; ``party`` and ``cites`` take a catalogue
        object, its id, or a name or alias.

        Examples:
            >>> import jrcorpus
            >>> jrcorpus.load().filter(kind="press-statement", since="2003-01-11").ids
            ('2003-01-12-khabarovsk-opening-statement',)
        """
        from ._query import select_documents

        docs = select_documents(
            self.documents,
            self.catalogue,
            predicates,
            kind=kind,
            since=since,
            until=until,
            party=party,
            cites=cites,
        )
        return attrs.evolve(self, documents=docs)

    def paragraphs(
        self,
        *predicates: Callable[[Paragraph], bool],
        role: ParagraphRole | str | None = None,
        mentions: EntityKey | None = None,
        cites: InstrumentKey | None = None,
        phrase: str | None = None,
        pattern: str | re.Pattern[str] | None = None,
    ) -> tuple[Paragraph, ...]:
        """The paragraphs that pass every condition, in corpus order.

        ``phrase`` matches whole words, case-insensitively; ``pattern`` is a regular
        expression.

        Examples:
            >>> import jrcorpus
            >>> len(jrcorpus.load().paragraphs(role="recital"))
            10
        """
        from ._query import select_paragraphs

        return select_paragraphs(
            self.documents,
            self.catalogue,
            predicates,
            role=role,
            mentions=mentions,
            cites=cites,
            phrase=phrase,
            pattern=pattern,
        )

    def search(self, query: Query, *, case_sensitive: bool = False) -> Hits:
        """Every match of a phrase or a compiled regular expression, with KWIC views.

        A phrase matches whole words, in any case, with any spacing between them.

        Examples:
            >>> import jrcorpus
            >>> hits = jrcorpus.load().search("peace treaty")
            >>> hits[0].paragraph.id
            '2003-01-10-joint-statement:p7'
        """
        return search_documents(self.documents, query, case_sensitive)

    def references(self, instrument: InstrumentKey | None = None) -> tuple[Reference, ...]:
        """Every reference to an instrument (to ``instrument`` only, if given)."""
        refs = (r for d in self.documents for r in d.references)
        if instrument is None:
            return tuple(refs)
        from ._query import find_instrument

        wanted = find_instrument(self.catalogue, instrument)
        return tuple(r for r in refs if r.instrument == wanted)

    def mentions(self, entity: EntityKey | None = None) -> tuple[Mention, ...]:
        """Every mention of an actor or place (of ``entity`` only, if given)."""
        found = (m for d in self.documents for m in d.mentions)
        if entity is None:
            return tuple(found)
        from ._query import find_entity

        wanted = find_entity(self.catalogue, entity)
        return tuple(m for m in found if m.entity == wanted)

    def citations(self) -> dict[Instrument, tuple[Reference, ...]]:
        """Which instrument is cited where: references grouped by instrument, in date order."""
        out: dict[Instrument, list[Reference]] = {}
        for ref in sorted(self.references(), key=lambda r: (r.instrument.date, r.instrument.id)):
            out.setdefault(ref.instrument, []).append(ref)
        return {k: tuple(v) for k, v in out.items()}

    def mentioned(self) -> dict[Entity, tuple[Mention, ...]]:
        """Who and what is mentioned where: mentions grouped by actor or place."""
        out: dict[Entity, list[Mention]] = {}
        for m in self.mentions():
            out.setdefault(m.entity, []).append(m)
        return {k: tuple(v) for k, v in out.items()}

    def timeline(self) -> tuple[Instrument, ...]:
        """The instruments the corpus cites, in date order."""
        return tuple(self.citations())

    def to_records(self, level: str = "documents") -> list[dict[str, Any]]:
        """Plain, JSON-safe dicts, one per document, paragraph, reference or mention.

        ``level`` is ``"documents"``, ``"paragraphs"``, ``"references"`` or
        ``"mentions"``; the keys of each are listed in docs/records.md.

        Examples:
            >>> import jrcorpus
            >>> row = jrcorpus.load().to_records("references")[0]
            >>> row["instrument_id"], row["instrument_date"], row["paragraph_id"]
            ('action-plan-2003', '2003-01-10', None)
        """
        from ._records import records

        return records(self.documents, level)

    def to_pandas(self, level: str = "documents") -> Any:
        """One level as a pandas ``DataFrame`` (needs ``pip install 'jrcorpus[pandas]'``).

        Date columns are ``datetime64``, enums are strings; the columns are the keys of
        `to_records`.
        """
        from ._export import to_pandas

        return to_pandas(self, level)

    def instrument(self, key: str) -> Instrument:
        """The catalogue instrument with this id, title or alias."""
        from ._query import find_instrument

        return find_instrument(self.catalogue, key)

    def entity(self, key: str) -> Entity:
        """The catalogue actor or place with this id, name or alias."""
        from ._query import find_entity

        return find_entity(self.catalogue, key)

    def __repr__(self) -> str:
        from ._display import corpus_repr

        return corpus_repr(self)

    def _repr_html_(self) -> str:
        from ._display import corpus_html

        return corpus_html(self)
