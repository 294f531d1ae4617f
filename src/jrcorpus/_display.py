"""Plain and HTML reprs: one terminal line per object, and small tables for notebooks.

Imported lazily, by the ``__repr__`` and ``_repr_html_`` methods of the model classes, so
``import jrcorpus`` never pays for it (nor for `html`). Every piece of corpus text that goes
into HTML is escaped; the HTML is inline-styled, with no JavaScript.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._corpus import Corpus
    from ._model import (
        Catalogue,
        DatePrecision,
        Document,
        Draft,
        Instrument,
        Link,
        Mention,
        Office,
        Paragraph,
        Party,
        Place,
        Reference,
        Signatory,
    )
    from ._search import Hit, Hits

WIDTH = 120
"""The longest plain repr, in characters (bar ids longer than a line)."""
KWIC_WIDTH = 40
"""Characters of context on each side of a hit in the HTML KWIC table."""
MAX_ROWS = 500
"""Rows shown in an HTML table before the rest are summarised in a note."""

# ---------------------------------------------------------------------------- plain reprs


def _clip(text: str, room: int) -> str:
    """``repr(text)``, cut with an ellipsis so that it is at most ``room`` characters."""
    shown = repr(text)
    if len(shown) <= room:
        return shown
    keep = max(room - 3, 0)
    while keep > 0 and len(repr(text[:keep].rstrip() + "…")) > room:
        keep -= 1
    return repr(text[:keep].rstrip() + "…")


def _line(name: str, fields: Sequence[tuple[str, str | None]], text: str = "") -> str:
    """``name(key=value, ...)``; the one field whose value is ``None`` shows ``text`` clipped."""
    fixed = len(name) + 2 + sum(len(k) + 1 + len(v or "") + 2 for k, v in fields) - 2
    parts = [f"{k}={_clip(text, WIDTH - fixed) if v is None else v}" for k, v in fields]
    return f"{name}({', '.join(parts)})"


def _enum(member: enum.Enum) -> str:
    return f"{type(member).__name__}.{member.name}"


def _pointer(obj: Instrument | Party | Place | None) -> str:
    """A catalogue object by id: ``<Party 'japan'>``."""
    return "None" if obj is None else f"<{type(obj).__name__} {obj.id!r}>"


def _plural(n: int, word: str, words: str = "") -> str:
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def corpus_repr(corpus: Corpus) -> str:
    docs = corpus.documents
    summary = f"{_plural(len(docs), 'document')}, "
    summary += _plural(sum(len(d.paragraphs) for d in docs), "paragraph")
    if docs:
        summary += f", {docs[0].date.isoformat()} to {docs[-1].date.isoformat()}"
    room = WIDTH - len("<Corpus : >") - len(summary)
    return f"<Corpus {_clip(corpus.name, room)}: {summary}>"


def catalogue_repr(catalogue: Catalogue) -> str:
    return (
        f"<Catalogue: {_plural(len(catalogue.instruments), 'instrument')}, "
        f"{_plural(len(catalogue.parties), 'party', 'parties')}, "
        f"{_plural(len(catalogue.places), 'place')}>"
    )


def document_repr(doc: Document) -> str:
    return _line(
        "Document", [("id", repr(doc.id)), ("kind", _enum(doc.kind)), ("title", None)], doc.title
    )


def paragraph_repr(p: Paragraph) -> str:
    return _line("Paragraph", [("id", repr(p.id)), ("role", _enum(p.role)), ("text", None)], p.text)


def hit_repr(hit: Hit) -> str:
    fields = [("location", repr(hit.location)), ("start", str(hit.start)), ("end", str(hit.end))]
    return _line("Hit", [*fields, ("text", None)], hit.text)


def hits_repr(hits: Hits) -> str:
    summary = f"{_plural(len(hits), 'hit')} in {_plural(len(hits.documents), 'document')}"
    room = WIDTH - len("<Hits : >") - len(summary)
    return f"<Hits {_clip(hits.query, room)}: {summary}>"


def reference_repr(ref: Reference) -> str:
    fields = [("start", str(ref.start)), ("end", str(ref.end))]
    fields.append(("instrument", _pointer(ref.instrument)))
    return _line("Reference", [("text", None), *fields], ref.text)


def mention_repr(mention: Mention) -> str:
    fields = [("start", str(mention.start)), ("end", str(mention.end))]
    fields.append(("entity", _pointer(mention.entity)))
    return _line("Mention", [("text", None), *fields], mention.text)


def party_repr(party: Party) -> str:
    return _line(
        "Party", [("id", repr(party.id)), ("name", None), ("kind", _enum(party.kind))], party.name
    )


def place_repr(place: Place) -> str:
    fields = [("id", repr(place.id)), ("name", None), ("kind", _enum(place.kind))]
    return _line("Place", [*fields, ("within", repr(place.within))], place.name)


def instrument_repr(inst: Instrument) -> str:
    fields = [("id", repr(inst.id)), ("date_text", repr(inst.date_text)), ("title", None)]
    return _line("Instrument", fields, inst.title)


def _date_text(day: dt.date, precision: DatePrecision) -> str:
    return day.isoformat()[: {"year": 4, "month": 7}.get(precision.value, 10)]


def office_repr(office: Office) -> str:
    """``<Office 'title', 2001-04-26 to 2006-09-26>``, dates as precise as the record."""
    start, end = (
        None if d is None else _date_text(d, office.precision) for d in (office.start, office.end)
    )
    if start and end:
        span = f"{start} to {end}"
    elif start or end:
        span = f"from {start}" if start else f"until {end}"
    else:
        span = "dates unknown"
    room = WIDTH - len("<Office , >") - len(span)
    return f"<Office {_clip(office.title, room)}, {span}>"


def signatory_repr(sig: Signatory) -> str:
    fields = [("name", repr(sig.name)), ("office", None), ("party", _pointer(sig.party))]
    return _line("Signatory", fields, sig.office)


def link_repr(link: Link) -> str:
    fields = [("text", None), ("start", str(link.start)), ("end", str(link.end))]
    return _line("Link", fields, link.text)


def draft_repr(draft: Draft) -> str:
    summary = _plural(len(draft.flags), "flag")
    room = WIDTH - len("<Draft : >") - len(summary)
    doc_id = draft.metadata.get("id")
    shown = doc_id if isinstance(doc_id, str) else draft.document.id
    return f"<Draft {_clip(shown, room)}: {summary}>"


# ---------------------------------------------------------------------------------- HTML

_LEFT = ' style="text-align:left"'
_TOP = ' style="text-align:left;vertical-align:top"'
_TOP_NOWRAP = ' style="text-align:left;vertical-align:top;white-space:nowrap"'
_RIGHT = ' style="text-align:right;white-space:nowrap"'
_NOWRAP = ' style="text-align:left;white-space:nowrap"'
_BADGE = (
    ' style="background:#fff3cd;border:1px solid #e0c36a;border-radius:3px;'
    'padding:0 4px;font-size:smaller"'
)
_MENTION = ' style="border-bottom:1px dotted"'


def _e(text: str) -> str:
    return escape(text, quote=True)


def _table(head: Sequence[tuple[str, str]], rows: Iterable[str], total: int, noun: str) -> str:
    """A table: ``head`` is ``(label, style)`` pairs; ``rows`` are ``<tr>`` strings."""
    cells = "".join(f"<th{style}>{_e(label)}</th>" for label, style in head)
    body = "".join(row for _, row in zip(range(MAX_ROWS), rows))
    out = f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
    if total > MAX_ROWS:
        out += f"<p>… and {total - MAX_ROWS} more {noun} (the first {MAX_ROWS} are shown)</p>"
    return out


def _div(kind: str, body: str) -> str:
    return f'<div class="jrcorpus jrcorpus-{kind}">{body}</div>'


def corpus_html(corpus: Corpus) -> str:
    docs = corpus.documents
    cat = corpus.catalogue
    name = f"<strong>{_e(corpus.title or corpus.name)}</strong>"
    if corpus.title:
        name += f" (<code>{_e(corpus.name)}</code>)"
    summary = (
        f"<p>{name}: {_plural(len(docs), 'document')}, "
        f"{_plural(sum(len(d.paragraphs) for d in docs), 'paragraph')}; catalogue of "
        f"{_plural(len(cat.instruments), 'instrument')}, {_plural(len(cat.parties), 'actor')} and "
        f"{_plural(len(cat.places), 'place')}</p>"
    )
    if corpus.description:
        summary += f"<p>{_e(corpus.description)}</p>"
    head = [
        ("id", _LEFT),
        ("date", _NOWRAP),
        ("kind", _NOWRAP),
        ("place", _LEFT),
        ("paragraphs", ""),
        ("title", _LEFT),
    ]
    rows = (
        f"<tr><td{_NOWRAP}><code>{_e(d.id)}</code></td>"
        f"<td{_NOWRAP}>{d.date.isoformat()}</td><td{_NOWRAP}>{_e(d.kind.value)}</td>"
        f"<td{_LEFT}>{_e(d.place or '')}</td><td>{len(d.paragraphs)}</td>"
        f"<td{_LEFT}>{_e(d.title)}</td></tr>"
        for d in docs
    )
    table = _table(head, rows, len(docs), "documents") if docs else ""
    return _div("corpus", summary + table)


def _source(url: str) -> str:
    """A link for an http(s) URL; any other scheme is shown as text, never linked."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}">{_e(url)}</a>'
    return _e(url)


def _signatory(sig: Signatory) -> str:
    return f"{_e(sig.name)}, {_e(sig.office)}" if sig.office else _e(sig.name)


def document_html(doc: Document) -> str:
    facts = [f"<code>{_e(doc.id)}</code>", doc.date.isoformat()]
    facts += [_e(doc.place)] if doc.place else []
    facts.append(_e(doc.kind.value))
    if doc.provisional:
        facts.append(f"<span{_BADGE}>provisional translation</span>")
    out = f"<p><strong>{_e(doc.title)}</strong></p><p>{' · '.join(facts)}</p>"
    if doc.source_url or doc.publisher:
        source = [_source(doc.source_url)] if doc.source_url else []
        source += [_e(doc.publisher)] if doc.publisher else []
        out += f"<p>Source: {', '.join(source)}</p>"
    head = [("id", _TOP), ("role", _TOP), ("text", _TOP)]
    rows = (
        f"<tr><td{_TOP_NOWRAP}><code>{_e(p.id)}</code></td><td{_TOP}>{_e(p.role.value)}</td>"
        f"<td{_TOP}>{_annotated(p)}</td></tr>"
        for p in doc.paragraphs
    )
    out += _table(head, rows, len(doc.paragraphs), "paragraphs") if doc.paragraphs else ""
    if doc.signatories:
        out += f"<p>Signed: {'; '.join(_signatory(s) for s in doc.signatories)}</p>"
    if doc.speaker is not None:
        out += f"<p>Speaker: {_signatory(doc.speaker)}</p>"
    return _div("document", out)


def _entity_label(entity: Party | Place) -> str:
    return f"{entity.name} ({entity.kind.value})"


_Span = tuple[int, int, int, str, str]
"""``(start, end, rank, open tag, close tag)``; at equal spans the lower rank is outside."""


def _nest(text: str, spans: Iterable[_Span]) -> str:
    """``text`` escaped, with each span wrapped in its tags, always well nested.

    Spans that share a start open longest first; a span that crosses the end of an
    enclosing one is closed there and reopened after it, so the tags always balance.
    """
    items = sorted((s for s in spans if s[0] < s[1]), key=lambda s: (s[0], -s[1], s[2]))
    points = sorted({0, len(text), *(s[0] for s in items), *(s[1] for s in items)})
    out: list[str] = []
    stack: list[_Span] = []
    pos = i = 0
    for point in points:
        out.append(_e(text[pos:point]))
        pos = point
        reopen: list[_Span] = []
        while any(s[1] == point for s in stack):
            span = stack.pop()
            out.append(span[4])
            if span[1] != point:
                reopen.append(span)
        for span in reversed(reopen):
            out.append(span[3])
            stack.append(span)
        while i < len(items) and items[i][0] == point:
            out.append(items[i][3])
            stack.append(items[i])
            i += 1
    return "".join(out)


def _annotated(p: Paragraph) -> str:
    """The paragraph text, references in ``<mark>``, mentions underlined, with tooltips."""
    size = len(p.text)

    def span(start: int, end: int, rank: int, tag: str, close: str) -> _Span:
        return (max(start - p.start, 0), min(end - p.start, size), rank, tag, close)

    spans: list[_Span] = []
    for r in p.references:
        title = _e(f"cites {r.instrument}")
        spans.append(span(r.start, r.end, 0, f'<mark title="{title}">', "</mark>"))
    for m in p.mentions:
        title = _e(f"names {_entity_label(m.entity)}")
        spans.append(span(m.start, m.end, 1, f'<span title="{title}"{_MENTION}>', "</span>"))
    return _nest(p.text, spans)


def paragraph_html(p: Paragraph) -> str:
    out = f"<p><code>{_e(p.id)}</code> · {_e(p.role.value)}</p>"
    out += f'<p style="white-space:pre-wrap">{_annotated(p)}</p>'
    if p.references:
        cited = "; ".join(_e(str(i)) for i in p.instruments)
        out += f"<p>Cites: {cited}</p>"
    if p.mentions:
        named = dict.fromkeys(_entity_label(m.entity) for m in p.mentions)
        out += f"<p>Names: {_e(', '.join(named))}</p>"
    return _div("paragraph", out)


def _kwic_row(hit: Hit) -> str:
    left, match, right = hit.context(KWIC_WIDTH)
    return (
        f"<tr><td{_NOWRAP}><code>{_e(hit.location)}</code></td><td{_RIGHT}>{_e(left)}</td>"
        f"<td{_NOWRAP}><mark>{_e(match)}</mark></td><td{_NOWRAP}>{_e(right)}</td></tr>"
    )


_KWIC_HEAD = [("location", _LEFT), ("left", _RIGHT), ("hit", _LEFT), ("right", _LEFT)]


def hits_html(hits: Hits) -> str:
    n_docs = len(hits.documents)
    summary = (
        f"<p>{_plural(len(hits), 'hit')} for <code>{_e(hits.query)}</code>"
        f" in {_plural(n_docs, 'document')}</p>"
    )
    table = _table(_KWIC_HEAD, map(_kwic_row, hits), len(hits), "hits") if hits else ""
    return _div("hits", summary + table)


def hit_html(hit: Hit) -> str:
    return _div("hits", _table(_KWIC_HEAD, [_kwic_row(hit)], 1, "hits"))
