"""Parse a statement in the MOFA style into a `Document`.

The structure comes from the text alone: a ``(Provisional Translation)`` header, the
title, a date line in either order (``10 January 2003``, ``January 12, 2003``),
paragraphs separated by blank lines, signature blocks (name line, office line) and the
navigation lines of the source page. Metadata supplies what the text does not say.
"""

from __future__ import annotations

import datetime as dt
import re

from ._model import Document, DocumentKind, Link, Paragraph, ParagraphRole, Signatory
from .exceptions import CorpusFormatError, Problem

__all__ = ["Metadata", "infer_kind", "parse_date_line", "parse_document"]


class Metadata:
    """What a document's metadata file says; ``None`` fields are taken from the text.

    A plain class rather than an attrs one: it is internal, and attrs' code generation
    is a measurable part of the start-up cost (see bench/startup.py).
    """

    __slots__ = (
        "date",
        "id",
        "kind",
        "language",
        "notes",
        "place",
        "publisher",
        "sha256",
        "source_url",
        "title",
    )

    def __init__(
        self,
        id: str,
        *,
        kind: DocumentKind | None = None,
        title: str | None = None,
        date: dt.date | None = None,
        place: str | None = None,
        source_url: str | None = None,
        publisher: str | None = None,
        language: str = "en",
        sha256: str | None = None,
        notes: str | None = None,
    ) -> None:
        self.id, self.kind, self.title, self.date, self.place = id, kind, title, date, place
        self.source_url, self.publisher, self.language = source_url, publisher, language
        self.sha256, self.notes = sha256, notes


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_DATE_LINE = re.compile(
    r"""(?:(?P<place>[A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,3}),[ \t]*)?
    (?:(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?[ \t]+(?P<m1>[A-Za-z]{3,9})\.?,?[ \t]+(?P<y1>[0-9]{4})
      |(?P<m2>[A-Za-z]{3,9})\.?[ \t]+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<y2>[0-9]{4})
      |(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}))""",
    re.VERBOSE,
)
_HEADER = re.compile(
    r"\((?:Provisional|Tentative|Unofficial|Informal)[ \t]+(?:English[ \t]+)?Translation\)",
    re.IGNORECASE,
)
_NAV_TOKEN = (
    r"Back[ \t]to[ \t](?:Index|Top|Contents)|Page[ \t]Top|Japanese|English|other[ \t]site"
    r"|Related[ \t]Information[ \t]*\([^()\n]*\)"
)
_NAV_LINE = re.compile(f"(?:{_NAV_TOKEN})+")
_NAV_PART = re.compile(_NAV_TOKEN)
_NAME_LINE = re.compile(r"[A-Z][A-Za-z'.-]*(?:[ ][A-Z][A-Za-z'.-]*){1,4}")
_OFFICE_LINE = re.compile(r"[A-Z][^.;:!?\n]{2,120}")
_SPEAKER = (
    r"\bby\s+(?P<office>(?:(?:Prime|Deputy|Vice|Foreign|Chief\s+Cabinet|Press)\s+)*"
    r"(?:Minister|President|Secretary|Ambassador|Governor|Chancellor)"
    r"(?:\s+(?:for|of)\s+[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|the|and))*?)?)"
    r"\s+(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){%s})"
    r"(?=\s+(?:at|on|in|to|before|during|for|concerning|regarding)\b|\s*$)"
)
# Names in titles are mostly two words: try those first, so that in "Minister for Foreign
# Affairs Yoriko Kawaguchi" the office keeps "Affairs"; then allow three or four words.
_SPEAKERS = (re.compile(_SPEAKER % "1"), re.compile(_SPEAKER % "2,3"))
_SPEECH_KINDS = frozenset(
    {DocumentKind.PRESS_STATEMENT, DocumentKind.SPEECH, DocumentKind.INTERVIEW}
)
_KIND_CUES = (
    ("joint statement", DocumentKind.JOINT_STATEMENT),
    ("joint declaration", DocumentKind.JOINT_DECLARATION),
    ("press conference", DocumentKind.PRESS_STATEMENT),
    ("interview", DocumentKind.INTERVIEW),
    ("speech", DocumentKind.SPEECH),
    ("address", DocumentKind.SPEECH),
    ("remarks", DocumentKind.SPEECH),
    ("declaration", DocumentKind.DECLARATION),
    ("statement", DocumentKind.STATEMENT),
    ("treaty", DocumentKind.TREATY),
    ("agreement", DocumentKind.AGREEMENT),
)


def infer_kind(title: str) -> DocumentKind | None:
    """The document kind a title announces, or ``None`` if it names none.

    Examples:
        >>> infer_kind("Joint Statement by the Prime Minister of Japan and ...")
        <DocumentKind.JOINT_STATEMENT: 'joint-statement'>
    """
    lowered = title.lower()
    for cue, kind in _KIND_CUES:
        if cue in lowered:
            return kind
    return None


def parse_date_line(line: str) -> tuple[dt.date, str | None] | None:
    """The date (and place, if it leads) of a date line; ``None`` if it is no date line.

    Raises `ValueError` for a date line naming an impossible day.

    Examples:
        >>> parse_date_line("January 12, 2003")
        (datetime.date(2003, 1, 12), None)
        >>> parse_date_line("Moscow, 10 January 2003")
        (datetime.date(2003, 1, 10), 'Moscow')
    """
    m = _DATE_LINE.fullmatch(line.strip())
    if m is None:
        return None
    if m["iso"]:
        return dt.date.fromisoformat(m["iso"]), m["place"]
    day, month, year = (m["d1"], m["m1"], m["y1"]) if m["d1"] else (m["d2"], m["m2"], m["y2"])
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    return dt.date(int(year), number, int(day)), m["place"]


class _Line:
    """A line: the span of its stripped content, its block and its number in the text."""

    __slots__ = ("blank", "block", "end", "number", "start", "text")

    def __init__(self, start: int, end: int, text: str, blank: bool, block: int, number: int):
        self.start, self.end, self.text = start, end, text
        self.blank, self.block, self.number = blank, block, number


def _lines(text: str) -> list[_Line]:
    """Every line with the span of its stripped content and the block it belongs to."""
    out: list[_Line] = []
    pos = 0
    block = 0
    for number, raw in enumerate(text.splitlines(keepends=True)):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        lead = len(content) - len(content.lstrip())
        start = pos + lead
        if not stripped:
            if out and not out[-1].blank:
                block += 1
            out.append(_Line(pos, pos, "", True, block, number))
        else:
            out.append(_Line(start, start + len(stripped), stripped, False, block, number))
        pos += len(raw)
    return out


def _fail(source: str, message: str, field: str | None = None) -> CorpusFormatError:
    return CorpusFormatError([Problem(source, message, field)])


def parse_document(text: str, meta: Metadata, source: str = "<text>") -> Document:
    """Parse ``text`` into a `Document`, taking from ``meta`` what the text does not say.

    Raises `CorpusFormatError` (naming ``source``) when the text has no title, no date, no
    paragraph, an impossible date, or a date that contradicts the metadata.
    """
    lines = [ln for ln in _lines(text) if not ln.blank]
    if not lines:
        raise _fail(source, "the text is empty; expected a title line and paragraphs")
    provisional = False
    links: list[Link] = []
    date: dt.date | None = None
    date_span: tuple[int, int] | None = None
    place: str | None = None
    content: list[_Line] = []
    for line_no, ln in enumerate(lines):
        if not content and not provisional and _HEADER.fullmatch(ln.text):
            provisional = True
            continue
        if _NAV_LINE.fullmatch(ln.text):
            links += [
                Link(p[0], ln.start + p.start(), ln.start + p.end())
                for p in _NAV_PART.finditer(ln.text)
            ]
            continue
        try:
            dated = parse_date_line(ln.text)
        except ValueError:
            raise _fail(source, f"impossible date {ln.text!r}", f"line {line_no + 1}") from None
        if dated is not None:
            if date is None:
                date, place = dated
                date_span = (ln.start, ln.end)
            continue
        content.append(ln)
    if not content:
        raise _fail(source, "no title line found; expected the title before the paragraphs")
    title_line, body = content[0], content[1:]
    title_end, last = title_line.end, title_line.number
    # The title goes on over the next lines of its block, up to a date or navigation line.
    while body and body[0].block == title_line.block and body[0].number == last + 1:
        title_end, last = body[0].end, body[0].number
        body = body[1:]
    title_text = meta.title or " ".join(text[title_line.start : title_end].split())
    date = _check_date(meta, date, source)
    kind = meta.kind or infer_kind(title_text) or DocumentKind.OTHER

    groups = _group(body)
    signatories: list[Signatory] = []
    paragraphs_spans: list[tuple[int, int]] = []
    for group in groups:
        signature = _signature(group) if paragraphs_spans else None
        if signature is not None:
            signatories.append(signature)
        else:
            paragraphs_spans.append((group[0].start, group[-1].end))
    if not paragraphs_spans:
        raise _fail(source, "no paragraphs found; expected paragraphs after the title")
    texts = [text[s:e] for s, e in paragraphs_spans]
    roles = _roles(texts, kind)
    paragraphs = tuple(
        Paragraph(f"{meta.id}:p{i}", i, role, t, s, e, meta.id)
        for i, ((s, e), t, role) in enumerate(zip(paragraphs_spans, texts, roles), start=1)
    )
    raw_title = text[title_line.start : title_end]
    speaker = _speaker(raw_title, title_line.start) if kind in _SPEECH_KINDS else None
    return Document(
        id=meta.id,
        title=title_text,
        date=date,
        kind=kind,
        text=text,
        paragraphs=paragraphs,
        place=meta.place or place,
        provisional=provisional,
        source_url=meta.source_url,
        publisher=meta.publisher,
        language=meta.language,
        title_span=(title_line.start, title_end),
        date_span=date_span,
        signatories=tuple(signatories),
        speaker=speaker,
        links=tuple(links),
        sha256=meta.sha256,
        notes=meta.notes,
    )


def _check_date(meta: Metadata, parsed: dt.date | None, source: str) -> dt.date:
    if meta.date is not None and parsed is not None and meta.date != parsed:
        raise _fail(
            source,
            f"the metadata date {meta.date} contradicts the date line ({parsed})",
            "date",
        )
    date = meta.date or parsed
    if date is None:
        raise _fail(
            source,
            "no date line found (expected e.g. '10 January 2003' or 'January 12, 2003'); "
            "give 'date' in the metadata",
            "date",
        )
    return date


def _group(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of consecutive content lines of one block: one paragraph or signature each."""
    groups: list[list[_Line]] = []
    for ln in lines:
        if groups and groups[-1][-1].block == ln.block:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def _signature(group: list[_Line]) -> Signatory | None:
    """A two-line block of a name and an office, as under a joint statement."""
    if len(group) != 2:
        return None
    name, office = group
    if not (_NAME_LINE.fullmatch(name.text) and _OFFICE_LINE.fullmatch(office.text)):
        return None
    if len(office.text.split()) > 12:
        return None
    return Signatory(name.text, office.text, (name.start, name.end), (office.start, office.end))


def _is_recital(paragraph: str) -> bool:
    return re.search(r"[;,](?:[ \t]+and)?\Z", paragraph.rstrip()) is not None


def _roles(texts: list[str], kind: DocumentKind) -> list[ParagraphRole]:
    """Formula, recitals and operative paragraphs where the text has that form."""
    if len(texts) >= 3 and texts[0].rstrip().endswith(",") and _is_recital(texts[1]):
        roles = [ParagraphRole.FORMULA]
        i = 1
        while i < len(texts) - 1 and _is_recital(texts[i]):
            roles.append(ParagraphRole.RECITAL)
            i += 1
        return roles + [ParagraphRole.OPERATIVE] * (len(texts) - i)
    default = ParagraphRole.SPEECH if kind in _SPEECH_KINDS else ParagraphRole.BODY
    return [default] * len(texts)


def _speaker(title: str, offset: int) -> Signatory | None:
    """The speaker a title names: ``Opening Statement by Prime Minister Junichiro Koizumi``."""
    m = _SPEAKERS[0].search(title) or _SPEAKERS[1].search(title)
    if m is None:
        return None
    return Signatory(
        m["name"],
        m["office"],
        (offset + m.start("name"), offset + m.end("name")),
        (offset + m.start("office"), offset + m.end("office")),
    )
