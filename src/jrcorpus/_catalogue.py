"""Read the catalogue (instruments, actors, places) of a corpus directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._model import (
    Catalogue,
    DatePrecision,
    Instrument,
    InstrumentKind,
    Office,
    Party,
    PartyKind,
    Place,
    PlaceKind,
)
from ._validate import (
    Field,
    Problems,
    check_object,
    mapping_of,
    nonblank,
    one_of,
    parse_partial_date,
    partial_date,
    safe_id,
    strings,
    suggest,
)

__all__ = ["CATALOGUE_FILES", "build_catalogue"]

CATALOGUE_FILES = ("actors.json", "places.json", "instruments.json")
"""The catalogue files, in reading order (instruments refer to actors)."""

_NOTES = Field("notes", (str, type(None)))
_OFFICE = (
    Field("title", (str,), required=True, check=nonblank),
    Field("start", (str, type(None)), check=partial_date),
    Field("end", (str, type(None)), check=partial_date),
)
_ACTOR = (
    Field("id", (str,), required=True, check=safe_id),
    Field("name", (str,), required=True, check=nonblank),
    Field("kind", (str,), required=True, check=one_of(k.value for k in PartyKind)),
    Field("aliases", (list,), check=strings),
    Field("offices", (list,)),
    Field("successor_of", (str, type(None))),
    _NOTES,
)
_PLACE = (
    Field("id", (str,), required=True, check=safe_id),
    Field("name", (str,), required=True, check=nonblank),
    Field("kind", (str,), required=True, check=one_of(k.value for k in PlaceKind)),
    Field("aliases", (list,), check=strings),
    Field("within", (str, type(None))),
    _NOTES,
)
_INSTRUMENT = (
    Field("id", (str,), required=True, check=safe_id),
    Field("title", (str,), required=True, check=nonblank),
    Field("kind", (str,), required=True, check=one_of(k.value for k in InstrumentKind)),
    Field("date", (str,), required=True, check=partial_date),
    Field("end_date", (str, type(None)), check=partial_date),
    Field("place", (str, type(None))),
    Field("parties", (list,), check=strings),
    Field("aliases", (list,), check=strings),
    Field("short_names", (list,), check=strings),
    Field("document", (str, type(None))),
    _NOTES,
)
_TOP = {"actors.json": "actors", "places.json": "places", "instruments.json": "instruments"}


def _date(value: str | None) -> Any:
    parsed = parse_partial_date(value) if value else None
    return parsed if parsed else (None, None)


def build_catalogue(
    raw: Mapping[str, object], problems: Problems, base: Catalogue | None = None
) -> Catalogue:
    """Build a `Catalogue` from the parsed JSON of its files, on top of ``base``.

    ``raw`` maps a file name (``catalogue/actors.json``...) to its parsed JSON. Every
    problem (bad shape, duplicate id, a party or place id that does not exist) is added to
    ``problems``, naming the file and the entry.
    """
    base = base or Catalogue()
    parties: dict[str, Party] = {p.id: p for p in base.parties}
    places: dict[str, Place] = {p.id: p for p in base.places}
    instruments: dict[str, Instrument] = {i.id: i for i in base.instruments}
    entries: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name, key in _TOP.items():
        file = f"catalogue/{name}"
        if file not in raw:
            continue
        top = check_object(raw[file], [Field(key, (list,), required=True)], file, problems)
        spec = {"actors": _ACTOR, "places": _PLACE, "instruments": _INSTRUMENT}[key]
        for n, item in enumerate(mapping_of(top or {}, key)):
            where = f"{key}[{n}]"
            obj = check_object(item, spec, file, problems, where)
            if obj is None:
                continue
            if obj["id"] in {o["id"] for _, o in entries.get(key, [])}:
                problems.add(file, f"duplicate id {obj['id']!r}", f"{where}.id")
                continue
            entries.setdefault(key, []).append((where, obj))

    def redefines(new: Party | Place | Instrument, old: object, file: str, where: str) -> bool:
        """Whether ``new`` clashes with a base entry (repeating one unchanged is fine)."""
        if old is None or old == new:
            return False
        problems.add(
            file,
            f"id {new.id!r} is already in the catalogue with other data; repeat the entry "
            "unchanged or choose a new id",
            f"{where}.id",
        )
        return True

    for where, obj in entries.get("actors", []):
        offices = []
        for n, office in enumerate(obj.get("offices", [])):
            o = check_object(
                office, _OFFICE, "catalogue/actors.json", problems, f"{where}.offices[{n}]"
            )
            if o is not None:
                start, start_precision = _date(o.get("start"))
                end, end_precision = _date(o.get("end"))
                precision = start_precision or end_precision or DatePrecision.DAY
                offices.append(Office(o["title"], start, end, precision))
        party = Party(
            id=obj["id"],
            name=obj["name"],
            kind=PartyKind(obj["kind"]),
            aliases=tuple(obj.get("aliases", ())),
            offices=tuple(offices),
            successor_of=obj.get("successor_of"),
            notes=obj.get("notes"),
        )
        if not redefines(party, parties.get(party.id), "catalogue/actors.json", where):
            parties[party.id] = party
    for where, obj in entries.get("places", []):
        place = Place(
            id=obj["id"],
            name=obj["name"],
            kind=PlaceKind(obj["kind"]),
            aliases=tuple(obj.get("aliases", ())),
            within=obj.get("within"),
            notes=obj.get("notes"),
        )
        if not redefines(place, places.get(place.id), "catalogue/places.json", where):
            places[place.id] = place
    for where, obj in entries.get("instruments", []):
        date, precision = _date(obj["date"])
        end, _ = _date(obj.get("end_date"))
        missing = [p for p in obj.get("parties", []) if p not in parties]
        for p in missing:
            problems.add(
                "catalogue/instruments.json",
                f"no actor with id {p!r}{suggest(p, parties)}",
                f"{where}.parties",
            )
        instrument = Instrument(
            id=obj["id"],
            title=obj["title"],
            kind=InstrumentKind(obj["kind"]),
            date=date,
            precision=precision,
            end_date=end,
            place=obj.get("place"),
            parties=tuple(parties[p] for p in obj.get("parties", []) if p in parties),
            aliases=tuple(obj.get("aliases", ())),
            short_names=tuple(obj.get("short_names", ())),
            document_id=obj.get("document"),
            notes=obj.get("notes"),
        )
        if not redefines(
            instrument, instruments.get(instrument.id), "catalogue/instruments.json", where
        ):
            instruments[instrument.id] = instrument
    for where, obj in entries.get("actors", []):
        ref = obj.get("successor_of")
        if ref is not None and ref not in parties:
            problems.add(
                "catalogue/actors.json",
                f"no actor with id {ref!r}{suggest(ref, parties)}",
                f"{where}.successor_of",
            )
    for where, obj in entries.get("places", []):
        ref = obj.get("within")
        if ref is not None and ref not in places:
            problems.add(
                "catalogue/places.json",
                f"no place with id {ref!r}{suggest(ref, places)}",
                f"{where}.within",
            )
    return Catalogue(
        instruments=tuple(sorted(instruments.values(), key=lambda i: (i.date, i.id))),
        parties=tuple(parties.values()),
        places=tuple(places.values()),
    )
