"""The value classes of jrcorpus: frozen, slotted attrs classes that hold data only.

Offsets (``start``, ``end``) are Python string indices into `Document.text`, the verbatim
source, so ``doc.text[x.start:x.end] == x.text`` for every annotation ``x``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Union

import attrs

__all__ = [
    "Catalogue",
    "DatePrecision",
    "Document",
    "DocumentKind",
    "Draft",
    "Entity",
    "Instrument",
    "InstrumentKind",
    "Link",
    "Mention",
    "Office",
    "Paragraph",
    "ParagraphRole",
    "Party",
    "PartyKind",
    "Place",
    "PlaceKind",
    "Reference",
    "Signatory",
]


class DocumentKind(str, enum.Enum):
    """What a document is, in the vocabulary of diplomatic records."""

    JOINT_STATEMENT = "joint-statement"
    JOINT_DECLARATION = "joint-declaration"
    DECLARATION = "declaration"
    STATEMENT = "statement"
    PRESS_STATEMENT = "press-statement"
    """A statement read at a press conference (such as an opening statement)."""
    SPEECH = "speech"
    INTERVIEW = "interview"
    TREATY = "treaty"
    AGREEMENT = "agreement"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class ParagraphRole(str, enum.Enum):
    """The role a paragraph plays in the diplomatic form of its document."""

    FORMULA = "formula"
    """The opening formula naming the parties (``The Prime Minister of Japan and ...,``)."""
    RECITAL = "recital"
    """A preambular paragraph (``Recognizing that ...;``)."""
    OPERATIVE = "operative"
    """A paragraph that decides, adopts or agrees, after the recitals."""
    SPEECH = "speech"
    """A paragraph of a speech or a statement read aloud."""
    BODY = "body"
    """Any other paragraph of running text."""

    def __str__(self) -> str:
        return self.value


class DatePrecision(str, enum.Enum):
    """How much of a date the record gives.

    A `datetime.date` of lower precision has its unknown parts set to 1: ``2000-09`` is
    ``date(2000, 9, 1)`` with ``MONTH``.
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    def __str__(self) -> str:
        return self.value


class InstrumentKind(str, enum.Enum):
    """The kind of an agreement or other instrument in the catalogue."""

    TREATY = "treaty"
    DECLARATION = "declaration"
    STATEMENT = "statement"
    PROGRAM = "program"
    CHARTER = "charter"
    AGREEMENT = "agreement"
    PACT = "pact"
    ACTION_PLAN = "action-plan"

    def __str__(self) -> str:
        return self.value


class PartyKind(str, enum.Enum):
    """The kind of an actor."""

    STATE = "state"
    ORGANISATION = "organisation"
    PERSON = "person"

    def __str__(self) -> str:
        return self.value


class PlaceKind(str, enum.Enum):
    """The kind of a place."""

    CITY = "city"
    REGION = "region"
    ISLAND = "island"
    SEA = "sea"
    AREA = "area"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Office:
    """An office a person held, e.g. ``Prime Minister of Japan`` from 2001-04-26."""

    title: str
    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision = DatePrecision.DAY

    def held_on(self, day: dt.date) -> bool:
        """Whether the office was held on ``day`` (bounds inclusive; open ends count)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def __repr__(self) -> str:
        from ._display import office_repr

        return office_repr(self)


@attrs.frozen
class Party:
    """An actor: a state, an organisation or a person, with its aliases and offices."""

    id: str
    name: str
    kind: PartyKind
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    successor_of: str | None = None
    notes: str | None = None

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        from ._display import party_repr

        return party_repr(self)


@attrs.frozen
class Place:
    """A named place: a city, a region, an island, a sea or a wider area."""

    id: str
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...] = ()
    within: str | None = None
    notes: str | None = None

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        from ._display import place_repr

        return place_repr(self)


@attrs.frozen
class Instrument:
    """An agreement, declaration, statement or other instrument, with its date.

    ``date`` is a `datetime.date` of the given ``precision``; ``document_id`` names the
    corpus document that adopts or contains it, if the corpus has it.
    """

    id: str
    title: str
    kind: InstrumentKind
    date: dt.date
    precision: DatePrecision = DatePrecision.DAY
    end_date: dt.date | None = None
    place: str | None = None
    parties: tuple[Party, ...] = ()
    aliases: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    document_id: str | None = None
    notes: str | None = None

    @property
    def date_text(self) -> str:
        """The date as precisely as the record gives it: ``2000-09`` or ``1956-10-19``."""
        if self.precision is DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision is DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def __str__(self) -> str:
        return f"{self.title} ({self.date_text})"

    def __repr__(self) -> str:
        from ._display import instrument_repr

        return instrument_repr(self)


Entity = Union[Party, Place]
"""What a `Mention` can point at."""


@attrs.frozen
class Catalogue:
    """The instruments, actors and places a corpus knows, each in a stable order."""

    instruments: tuple[Instrument, ...] = ()
    parties: tuple[Party, ...] = ()
    places: tuple[Place, ...] = ()

    def __repr__(self) -> str:
        from ._display import catalogue_repr

        return catalogue_repr(self)


@attrs.frozen
class Reference:
    """A span of a document that cites an instrument of the catalogue."""

    text: str
    start: int
    end: int
    instrument: Instrument
    doc_id: str
    paragraph_id: str | None
    """The paragraph holding the span; ``None`` in the title."""

    def __repr__(self) -> str:
        from ._display import reference_repr

        return reference_repr(self)


@attrs.frozen
class Mention:
    """A span of a document that names an actor (`Party`) or a `Place`."""

    text: str
    start: int
    end: int
    entity: Entity
    doc_id: str
    paragraph_id: str | None
    """The paragraph holding the span; ``None`` in the title or a signature block."""

    def __repr__(self) -> str:
        from ._display import mention_repr

        return mention_repr(self)


@attrs.frozen
class Paragraph:
    """A paragraph of a document, with its role and exact span.

    ``id`` is ``<doc-id>:p<index>``; ``index`` counts from 1 as citations do, so
    ``doc.paragraphs[p.index - 1] is p``.
    """

    id: str
    index: int
    role: ParagraphRole
    text: str
    start: int
    end: int
    doc_id: str
    references: tuple[Reference, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def parties(self) -> tuple[Party, ...]:
        """The actors this paragraph names, in order of first mention."""
        return _unique_parties(m.entity for m in self.mentions)

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        """The instruments this paragraph cites, in order of first citation."""
        return tuple(dict.fromkeys(r.instrument for r in self.references))

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        from ._display import paragraph_repr

        return paragraph_repr(self)

    def _repr_html_(self) -> str:
        from ._display import paragraph_html

        return paragraph_html(self)


@attrs.frozen
class Signatory:
    """A person who signs or speaks: a name and an office, each with its span."""

    name: str
    office: str
    name_span: tuple[int, int]
    office_span: tuple[int, int]
    party: Party | None = None
    """The catalogue actor, when the name resolves to one."""

    def __repr__(self) -> str:
        from ._display import signatory_repr

        return signatory_repr(self)


@attrs.frozen
class Link:
    """A navigation line of the source page (``Back to Index``), kept out of paragraphs."""

    text: str
    start: int
    end: int

    def __repr__(self) -> str:
        from ._display import link_repr

        return link_repr(self)


@attrs.frozen
class Document:
    """One document: the verbatim text, its metadata, and the structure parsed from it."""

    id: str
    title: str
    date: dt.date
    kind: DocumentKind
    text: str = attrs.field(repr=False)
    paragraphs: tuple[Paragraph, ...] = attrs.field(repr=False)
    place: str | None = None
    provisional: bool = False
    """Whether the text is a provisional translation (its header says so)."""
    source_url: str | None = None
    publisher: str | None = None
    language: str = "en"
    title_span: tuple[int, int] = (0, 0)
    date_span: tuple[int, int] | None = None
    signatories: tuple[Signatory, ...] = attrs.field(default=(), repr=False)
    speaker: Signatory | None = attrs.field(default=None, repr=False)
    links: tuple[Link, ...] = attrs.field(default=(), repr=False)
    references: tuple[Reference, ...] = attrs.field(default=(), repr=False)
    mentions: tuple[Mention, ...] = attrs.field(default=(), repr=False)
    sha256: str | None = attrs.field(default=None, repr=False)
    """The sha256 of the text file as read (hex)."""
    notes: str | None = attrs.field(default=None, repr=False)

    @property
    def parties(self) -> tuple[Party, ...]:
        """The actors the document names, signatories and speaker included."""
        people = [s.party for s in (*self.signatories, self.speaker) if s and s.party]
        return _unique_parties([*people, *(m.entity for m in self.mentions)])

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        """The instruments the document cites, in order of first citation."""
        return tuple(dict.fromkeys(r.instrument for r in self.references))

    def paragraph(self, index: int) -> Paragraph:
        """The paragraph numbered ``index`` (from 1, as in its id ``<doc-id>:p<index>``)."""
        if not 1 <= index <= len(self.paragraphs):
            raise IndexError(f"{self.id} has paragraphs 1 to {len(self.paragraphs)}, not {index}")
        return self.paragraphs[index - 1]

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        from ._display import document_repr

        return document_repr(self)

    def _repr_html_(self) -> str:
        from ._display import document_html

        return document_html(self)


def _unique_parties(entities: Iterable[object]) -> tuple[Party, ...]:
    seen: dict[Party, None] = {}
    for e in entities:
        if isinstance(e, Party):
            seen.setdefault(e, None)
    return tuple(seen)


@attrs.frozen
class Draft:
    """Metadata drafted from a raw text, with what could not be inferred.

    ``metadata`` is ready to save as ``documents/<id>.json``; ``flags`` says what to check
    or fill in by hand; ``document`` is the text as the library will parse it.
    """

    metadata: Mapping[str, object]
    flags: tuple[str, ...]
    document: Document = attrs.field(repr=False)

    def to_json(self) -> str:
        """The metadata as a JSON document, in the key order of the format."""
        import json

        return json.dumps(dict(self.metadata), indent=2, ensure_ascii=False) + "\n"

    def __repr__(self) -> str:
        from ._display import draft_repr

        return draft_repr(self)
