"""Find references to instruments and mentions of actors and places, and resolve them.

Extraction is a separate step from parsing (as in eyecite): it takes parsed documents and
a catalogue and returns the documents with their annotations filled in. It is driven by
the catalogue alone: every title, name and alias there is a surface form, so adding an
entry makes it recognisable in any document, with no code change.

The rules (docs/annotation-guidelines.md):

- Surface forms are matched on word tokens, so line breaks and runs of spaces inside a
  name do not matter. Forms of three words or more match in any case (titles are cited
  with varying capitals); shorter ones match case-sensitively (``Japan``, ``WTO``).
- References and mentions are two layers. Within a layer, leftmost then longest wins and
  spans never overlap; across layers they may nest: ``USSR`` in ``Joint Declaration of
  Japan and the USSR`` is a mention inside a reference. An actor beats a place of the
  same name.
- A name followed by its own abbreviation in brackets is one span: ``... Treaty (NPT)``.
- An instrument's short names (``Action Plan``) resolve only after one of its full names
  has appeared earlier in the same document.
- A form shared by several instruments resolves by a following year (``in 2000``,
  ``which was signed in September 2000``), or not at all. A year that contradicts the
  only candidate also leaves the form unresolved.
- Navigation lines are not annotated, and a document's own title is not a reference to
  the instrument the document is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Union

import attrs

from ._model import Catalogue, Document, Instrument, Mention, Party, PartyKind, Place, Reference

__all__ = ["annotate"]

_Target = Union[Instrument, Party, Place]
_TOKEN = re.compile(r"\w+|[^\w\s]")
_YEAR_CUE = re.compile(
    r"\s*(?:,\s*which\s+was\s+(?:signed|adopted|issued|concluded)\s+)?"
    r"(?:in|of)\s+(?:[A-Z][a-z]+\s+)?([0-9]{4})\b"
)
_RANK = {Instrument: 0, Party: 1, Place: 2}


@attrs.frozen
class _Form:
    """One surface form of a catalogue entry, as tokens."""

    tokens: tuple[str, ...]
    targets: tuple[_Target, ...]
    short: bool
    """An instrument's short name: resolves only after a full mention."""


def _form_tokens(form: str) -> tuple[str, ...]:
    return _fold(tuple(_TOKEN.findall(form)))


def _fold(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens) if len(tokens) >= 3 else tokens


class _Matcher:
    """Surface forms indexed by their first token (folded for long forms)."""

    def __init__(self, catalogue: Catalogue) -> None:
        raw: dict[tuple[tuple[str, ...], bool], list[_Target]] = {}

        def add(form: str, target: _Target, short: bool = False) -> None:
            toks = _form_tokens(form)
            if toks:
                targets = raw.setdefault((toks, short), [])
                if target not in targets:
                    targets.append(target)

        for instrument in catalogue.instruments:
            for form in (instrument.title, *instrument.aliases):
                add(form, instrument)
            for form in instrument.short_names:
                add(form, instrument, short=True)
        entities: list[Party | Place] = [*catalogue.parties, *catalogue.places]
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                add(form, entity)
        # Two layers (instruments; actors and places), each indexed by first token.
        self.layers: dict[bool, dict[str, list[_Form]]] = {True: {}, False: {}}
        for (toks, short), targets in raw.items():
            ranked = sorted(targets, key=lambda t: _RANK[type(t)])
            for is_instrument in (True, False):
                layer = tuple(t for t in ranked if isinstance(t, Instrument) is is_instrument)
                if layer:
                    index = self.layers[is_instrument]
                    index.setdefault(toks[0], []).append(_Form(toks, layer, short))
        for index in self.layers.values():
            for forms in index.values():
                forms.sort(key=lambda f: -len(f.tokens))

    def candidates(
        self, words: list[str], folded: list[str], i: int, instruments: bool
    ) -> list[_Form]:
        """The forms of one layer that match the tokens from ``i`` on, longest first."""
        index = self.layers[instruments]
        forms = index.get(words[i], [])
        if folded[i] != words[i]:
            forms = forms + index.get(folded[i], [])
        found = [
            form
            for form in forms
            if tuple((folded if len(form.tokens) >= 3 else words)[i : i + len(form.tokens)])
            == form.tokens
        ]
        return sorted(found, key=lambda f: -len(f.tokens))

    def starts(self, words: list[str], folded: list[str], instruments: bool) -> list[int]:
        """The token positions where some form of the layer may start."""
        index = self.layers[instruments]
        return [i for i, (w, f) in enumerate(zip(words, folded)) if w in index or f in index]


def _year_after(text: str, end: int) -> int | None:
    m = _YEAR_CUE.match(text, end)
    return int(m.group(1)) if m else None


def _choose(form: _Form, text: str, end: int) -> _Target | None:
    """The target a matched form stands for here, using a following year for instruments."""
    year = _year_after(text, end)
    instruments = [t for t in form.targets if isinstance(t, Instrument)]
    if instruments:
        if year is not None:
            dated = [i for i in instruments if i.date.year == year]
            return dated[0] if len(dated) == 1 else None
        return instruments[0] if len(instruments) == 1 else None
    others = [t for t in form.targets if not isinstance(t, Instrument)]
    if len(others) == 1:
        return others[0]
    # An actor and a place with one name: the actor. Two actors or two places: ambiguous.
    return others[0] if _RANK[type(others[0])] < _RANK[type(others[1])] else None


def _abbreviation_end(
    tokens: list[re.Match[str]], words: list[str], j: int, target: _Target
) -> int | None:
    """The end of ``(ABBR)`` right after a name, if ABBR is the same entry's alias."""
    if (
        j + 2 < len(words)
        and (words[j], words[j + 2]) == ("(", ")")
        and (words[j + 1] in target.aliases)
    ):
        return tokens[j + 2].end()
    return None


def _annotate_one(doc: Document, matcher: _Matcher, people: dict[str, Party]) -> Document:
    tokens = list(_TOKEN.finditer(doc.text))
    words = _TOKEN.findall(doc.text)
    folded = _TOKEN.findall(doc.text.lower())
    if len(folded) != len(words):  # lower() changed the tokens (rare non-ASCII case)
        folded = [w.lower() for w in words]
    found = _scan(doc, tokens, words, folded, matcher, instruments=True)
    found += _scan(doc, tokens, words, folded, matcher, instruments=False)
    return _attach(doc, sorted(found, key=lambda f: (f[0], f[1])), people)


def _scan(
    doc: Document,
    tokens: list[re.Match[str]],
    words: list[str],
    folded: list[str],
    matcher: _Matcher,
    instruments: bool,
) -> list[tuple[int, int, _Target]]:
    """One layer's matches: leftmost, then longest, never overlapping."""
    text = doc.text
    blocked = [(link.start, link.end) for link in doc.links]
    seen: set[str] = set()
    found: list[tuple[int, int, _Target]] = []
    done = 0  # tokens before this index are covered by an earlier match
    for i in matcher.starts(words, folded, instruments):
        start = tokens[i].start()
        if i < done or any(s <= start < e for s, e in blocked):
            continue
        chosen = None
        for form in matcher.candidates(words, folded, i, instruments):
            j = i + len(form.tokens)
            end = tokens[j - 1].end()
            target = _choose(form, text, end)
            if target is None:
                continue
            if isinstance(target, Instrument):
                if form.short and target.id not in seen:
                    continue
                if (start, end) == doc.title_span:  # the document's own title
                    continue
            chosen = (j, _abbreviation_end(tokens, words, j, target) or end, target)
            break
        if chosen is None:
            continue
        done, end, target = chosen
        if isinstance(target, Instrument):
            seen.add(target.id)
        found.append((start, end, target))
        while done < len(tokens) and tokens[done].start() < end:
            done += 1
    return found


def _attach(
    doc: Document, found: list[tuple[int, int, _Target]], people: dict[str, Party]
) -> Document:
    def paragraph_of(start: int) -> str | None:
        for p in doc.paragraphs:
            if p.start <= start < p.end:
                return p.id
        return None

    refs: list[Reference] = []
    mentions: list[Mention] = []
    for start, end, target in found:
        pid = paragraph_of(start)
        if isinstance(target, Instrument):
            refs.append(Reference(doc.text[start:end], start, end, target, doc.id, pid))
        else:
            mentions.append(Mention(doc.text[start:end], start, end, target, doc.id, pid))
    paragraphs = tuple(
        attrs.evolve(
            p,
            references=tuple(r for r in refs if r.paragraph_id == p.id),
            mentions=tuple(m for m in mentions if m.paragraph_id == p.id),
        )
        for p in doc.paragraphs
    )
    signatories = tuple(attrs.evolve(s, party=people.get(s.name)) for s in doc.signatories)
    speaker = doc.speaker and attrs.evolve(doc.speaker, party=people.get(doc.speaker.name))
    return attrs.evolve(
        doc,
        paragraphs=paragraphs,
        references=tuple(refs),
        mentions=tuple(mentions),
        signatories=signatories,
        speaker=speaker,
    )


def annotate(documents: Sequence[Document], catalogue: Catalogue) -> list[Document]:
    """The documents with references and mentions resolved against ``catalogue``."""
    if not (catalogue.instruments or catalogue.parties or catalogue.places):
        return list(documents)
    matcher = _Matcher(catalogue)
    people = {
        name: party
        for party in catalogue.parties
        if party.kind is PartyKind.PERSON
        for name in (party.name, *party.aliases)
    }
    return [_annotate_one(doc, matcher, people) for doc in documents]
