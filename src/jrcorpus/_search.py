"""Phrase and pattern search with keyword-in-context views."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Union, overload

import attrs

from ._model import Document, Paragraph

__all__ = ["Hit", "Hits", "Query", "compile_query", "search_documents"]

Query = Union[str, "re.Pattern[str]"]
"""A phrase (matched as whole words, case-insensitively, any whitespace between words)
or a compiled regular expression (used as it is)."""


def _squash(s: str) -> str:
    return " ".join(s.split())


@attrs.frozen
class Hit:
    """One match of a search: where it is and what surrounds it.

    ``start`` and ``end`` are offsets into ``document.text``; ``paragraph`` is ``None``
    for a match in the title, the date line or a signature block.
    """

    document: Document = attrs.field(repr=False)
    paragraph: Paragraph | None = attrs.field(repr=False)
    start: int
    end: int
    context_start: int = attrs.field(repr=False)
    context_end: int = attrs.field(repr=False)

    @property
    def text(self) -> str:
        """The matched text, verbatim."""
        return self.document.text[self.start : self.end]

    @property
    def doc_id(self) -> str:
        """The id of the document the hit is in."""
        return self.document.id

    @property
    def location(self) -> str:
        """The citable place of the hit: a paragraph id, or ``<doc-id>:title`` and the like."""
        if self.paragraph is not None:
            return self.paragraph.id
        doc = self.document
        if doc.title_span[0] <= self.start < doc.title_span[1]:
            return f"{doc.id}:title"
        if doc.date_span is not None and doc.date_span[0] <= self.start < doc.date_span[1]:
            return f"{doc.id}:date"
        return f"{doc.id}:signatures"

    def context(self, width: int = 40) -> tuple[str, str, str]:
        """``(left, match, right)``, whitespace folded to single spaces.

        Each context is at most ``width`` characters of the hit's own paragraph (or line).
        """
        text = self.document.text
        left = _squash(text[self.context_start : self.start])
        if text[self.start - 1 : self.start].isspace() and left:
            left += " "
        right = _squash(text[self.end : self.context_end])
        if text[self.end : self.end + 1].isspace() and right:
            right = " " + right
        left = left[-width:].lstrip() if width > 0 else ""
        right = right[:width].rstrip() if width > 0 else ""
        return left, _squash(self.text), right

    def kwic(self, width: int = 40) -> str:
        """One keyword-in-context line, the match in brackets at a fixed column.

        Examples:
            >>> import jrcorpus
            >>> print(jrcorpus.load().search("Spasibo")[0].kwic(20))
            y have extended us. [Spasibo]!
        """
        left, match, right = self.context(width)
        return f"{left:>{width}}[{match}]{right}"

    def __repr__(self) -> str:
        from ._display import hit_repr

        return hit_repr(self)

    def _repr_html_(self) -> str:
        from ._display import hit_html

        return hit_html(self)


@attrs.frozen
class Hits(Sequence[Hit]):
    """The matches of a search, in corpus order; a sequence of `Hit`."""

    query: str
    hits: tuple[Hit, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Hit]: ...
    def __getitem__(self, index: int | slice) -> Hit | Sequence[Hit]:
        return self.hits[index]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents with at least one hit, in corpus order."""
        return tuple(dict.fromkeys(h.document for h in self.hits))

    def kwic(self, width: int = 40) -> str:
        """A keyword-in-context table: one line per hit, prefixed by its location."""
        rows = [(h.location, h.kwic(width)) for h in self.hits]
        pad = max((len(loc) for loc, _ in rows), default=0)
        return "\n".join(f"{loc:<{pad}}  {line}" for loc, line in rows)

    def __str__(self) -> str:
        return self.kwic()

    def __repr__(self) -> str:
        from ._display import hits_repr

        return hits_repr(self)

    def _repr_html_(self) -> str:
        from ._display import hits_html

        return hits_html(self)


def compile_query(query: Query, case_sensitive: bool = False) -> re.Pattern[str]:
    """The regular expression a query stands for."""
    if isinstance(query, re.Pattern):
        return query
    words = query.split()
    if not words:
        from .exceptions import QueryError

        raise QueryError("the search phrase is empty")
    body = r"\s+".join(re.escape(w) for w in words)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _segments(doc: Document) -> list[tuple[int, int, Paragraph | None]]:
    """The spans of running text a hit may fall in: title, date, paragraphs, signatures."""
    segs: list[tuple[int, int, Paragraph | None]] = [(*doc.title_span, None)]
    if doc.date_span is not None:
        segs.append((*doc.date_span, None))
    segs += [(p.start, p.end, p) for p in doc.paragraphs]
    for s in doc.signatories:
        segs.append((s.name_span[0], s.office_span[1], None))
    return sorted(segs, key=lambda s: s[0])


def search_documents(
    documents: Iterable[Document], query: Query, case_sensitive: bool = False
) -> Hits:
    """Every match of ``query`` inside the running text of ``documents``."""
    pattern = compile_query(query, case_sensitive)
    hits: list[Hit] = []
    for doc in documents:
        segments = _segments(doc)
        for m in pattern.finditer(doc.text):
            if m.end() == m.start():
                continue
            for start, end, para in segments:
                if start <= m.start() and m.end() <= end:
                    hits.append(Hit(doc, para, m.start(), m.end(), start, end))
                    break
    label = query if isinstance(query, str) else query.pattern
    return Hits(label, tuple(hits))
