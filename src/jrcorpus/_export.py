"""Files and tables: JSON Lines (round-trips), CSV, Parquet and pandas.

JSON Lines is self-contained: the first line is the corpus with its catalogue, then one
line per document with its text, metadata, structure and annotations. Reading it back
rebuilds an equal `Corpus` without re-parsing, checking every span against the text.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from ._catalogue import build_catalogue
from ._corpus import Corpus
from ._model import (
    Catalogue,
    Document,
    DocumentKind,
    Link,
    Mention,
    Paragraph,
    ParagraphRole,
    Reference,
    Signatory,
)
from ._records import Level, catalogue_record, level_of, records
from ._validate import Problems
from .exceptions import CorpusFormatError, MissingExtraError

__all__ = [
    "FORMATS",
    "export",
    "read_jsonl",
    "to_pandas",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

JSONL_FORMAT = 1


def _signatory(s: Signatory | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "name": s.name,
        "office": s.office,
        "name_span": list(s.name_span),
        "office_span": list(s.office_span),
        "party": s.party.id if s.party else None,
    }


def _document_line(d: Document) -> dict[str, Any]:
    return {
        "type": "document",
        "id": d.id,
        "title": d.title,
        "date": d.date.isoformat(),
        "kind": d.kind.value,
        "place": d.place,
        "provisional": d.provisional,
        "source_url": d.source_url,
        "publisher": d.publisher,
        "language": d.language,
        "sha256": d.sha256,
        "notes": d.notes,
        "text": d.text,
        "title_span": list(d.title_span),
        "date_span": list(d.date_span) if d.date_span else None,
        "paragraphs": [
            {
                "id": p.id,
                "index": p.index,
                "role": p.role.value,
                "start": p.start,
                "end": p.end,
                "text": p.text,
            }
            for p in d.paragraphs
        ],
        "signatories": [_signatory(s) for s in d.signatories],
        "speaker": _signatory(d.speaker),
        "links": [{"text": x.text, "start": x.start, "end": x.end} for x in d.links],
        "references": [
            {
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "instrument": r.instrument.id,
                "paragraph_id": r.paragraph_id,
            }
            for r in d.references
        ],
        "mentions": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "entity": m.entity.id,
                "paragraph_id": m.paragraph_id,
            }
            for m in d.mentions
        ],
    }


def write_jsonl(corpus: Corpus, out: IO[str]) -> None:
    """Write the whole corpus, catalogue included, as JSON Lines."""
    head = {
        "type": "corpus",
        "format": JSONL_FORMAT,
        "name": corpus.name,
        "title": corpus.title,
        "description": corpus.description,
        "catalogue": catalogue_record(corpus.catalogue),
    }
    out.write(json.dumps(head, ensure_ascii=False) + "\n")
    for doc in corpus:
        out.write(json.dumps(_document_line(doc), ensure_ascii=False) + "\n")


def read_jsonl(path: str | os.PathLike[str]) -> Corpus:
    """Read a corpus written by `write_jsonl` (``jrcorpus export --format jsonl``)."""
    file = str(path)
    problems = Problems()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise CorpusFormatError([_problem(file, f"cannot be read: {e}")]) from None
    values: list[dict[str, Any]] = []
    for n, line in enumerate(lines, start=1):
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as e:
            problems.add(file, f"invalid JSON: {e}", f"line {n}")
            continue
        if not isinstance(value, dict):
            problems.add(file, "expected a JSON object", f"line {n}")
            continue
        values.append(value)
    if problems:
        raise CorpusFormatError(problems.items, file)
    if not values or values[0].get("type") != "corpus" or values[0].get("format") != JSONL_FORMAT:
        raise CorpusFormatError(
            [
                _problem(
                    file,
                    f"expected a first line of type 'corpus' and format {JSONL_FORMAT}",
                    "line 1",
                )
            ]
        )
    head = values[0]
    raw = {f"catalogue/{k}.json": {k: v} for k, v in head.get("catalogue", {}).items()}
    catalogue = build_catalogue(raw, problems)
    docs = []
    for n, value in enumerate(values[1:], start=2):
        try:
            docs.append(_read_document(value, catalogue))
        except (KeyError, TypeError, ValueError, IndexError) as e:
            problems.add(file, f"not a document record ({type(e).__name__}: {e})", f"line {n}")
    if problems:
        raise CorpusFormatError(problems.items, file)
    return Corpus(
        docs,
        catalogue=catalogue,
        name=head["name"],
        title=head.get("title"),
        description=head.get("description"),
    )


def _problem(file: str, message: str, field: str | None = None) -> Any:
    from .exceptions import Problem

    return Problem(file, message, field)


def _span(text: str, item: Mapping[str, Any]) -> tuple[int, int]:
    start, end = int(item["start"]), int(item["end"])
    if text[start:end] != item["text"] or not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} does not slice {item['text']!r} from the text")
    return start, end


def _read_signatory(value: Any, catalogue: Catalogue) -> Signatory | None:
    if value is None:
        return None
    parties = {p.id: p for p in catalogue.parties}
    return Signatory(
        value["name"],
        value["office"],
        tuple(value["name_span"]),
        tuple(value["office_span"]),
        parties[value["party"]] if value["party"] else None,
    )


def _read_document(v: Mapping[str, Any], catalogue: Catalogue) -> Document:
    text: str = v["text"]
    instruments = {i.id: i for i in catalogue.instruments}
    entities: dict[str, Any] = {p.id: p for p in catalogue.places}
    entities.update({p.id: p for p in catalogue.parties})
    refs = tuple(
        Reference(
            r["text"], *_span(text, r), instruments[r["instrument"]], v["id"], r["paragraph_id"]
        )
        for r in v["references"]
    )
    mentions = tuple(
        Mention(m["text"], *_span(text, m), entities[m["entity"]], v["id"], m["paragraph_id"])
        for m in v["mentions"]
    )
    paragraphs = tuple(
        Paragraph(
            p["id"],
            p["index"],
            ParagraphRole(p["role"]),
            p["text"],
            *_span(text, p),
            v["id"],
            tuple(r for r in refs if r.paragraph_id == p["id"]),
            tuple(m for m in mentions if m.paragraph_id == p["id"]),
        )
        for p in v["paragraphs"]
    )
    return Document(
        id=v["id"],
        title=v["title"],
        date=dt.date.fromisoformat(v["date"]),
        kind=DocumentKind(v["kind"]),
        text=text,
        paragraphs=paragraphs,
        place=v["place"],
        provisional=bool(v["provisional"]),
        source_url=v["source_url"],
        publisher=v["publisher"],
        language=v["language"],
        title_span=tuple(v["title_span"]),
        date_span=tuple(v["date_span"]) if v["date_span"] else None,
        signatories=tuple(
            s for s in (_read_signatory(x, catalogue) for x in v["signatories"]) if s
        ),
        speaker=_read_signatory(v["speaker"], catalogue),
        links=tuple(Link(x["text"], *_span(text, x)) for x in v["links"]),
        references=refs,
        mentions=mentions,
        sha256=v["sha256"],
        notes=v["notes"],
    )


def write_csv(corpus: Corpus, level: Level | str, out: IO[str]) -> None:
    """Write one level as CSV (lists joined with ``; ``), header first."""
    rows = records(corpus, level)
    fields = list(rows[0]) if rows else _FIELDS[level_of(level)]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{module} is needed for this; install it with: pip install 'jrcorpus[{extra}]'"
        ) from None


def to_pandas(corpus: Corpus, level: Level | str) -> Any:
    """One level as a pandas DataFrame; date columns as ``datetime64``, enums as strings."""
    pd = _require("pandas", "pandas")
    level = level_of(level)
    frame = pd.DataFrame(records(corpus, level), columns=_FIELDS[level])
    for column in ("date", "instrument_date"):
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def _arrow_schema(level: Level) -> Any:
    pa = _require("pyarrow", "parquet")
    s, i, b = pa.string(), pa.int64(), pa.bool_()
    columns = {
        Level.DOCUMENTS: [
            ("id", s),
            ("title", s),
            ("date", pa.date32()),
            ("kind", s),
            ("place", s),
            ("provisional", b),
            ("source_url", s),
            ("publisher", s),
            ("language", s),
            ("paragraphs", i),
            ("speaker", s),
            ("signatories", pa.list_(s)),
            ("sha256", s),
            ("text", s),
        ],
        Level.PARAGRAPHS: [
            ("id", s),
            ("doc_id", s),
            ("index", i),
            ("role", s),
            ("start", i),
            ("end", i),
            ("text", s),
        ],
        Level.REFERENCES: [
            ("doc_id", s),
            ("paragraph_id", s),
            ("start", i),
            ("end", i),
            ("text", s),
            ("instrument_id", s),
            ("instrument_title", s),
            ("instrument_kind", s),
            ("instrument_date", pa.date32()),
            ("instrument_precision", s),
        ],
        Level.MENTIONS: [
            ("doc_id", s),
            ("paragraph_id", s),
            ("start", i),
            ("end", i),
            ("text", s),
            ("entity_id", s),
            ("entity_name", s),
            ("entity_type", s),
            ("entity_kind", s),
        ],
    }[level]
    return pa.schema(columns)


def write_parquet(corpus: Corpus, level: Level | str, path: str | os.PathLike[str]) -> None:
    """Write one level as Parquet with an explicit schema (readable by DuckDB, Spark...)."""
    level = level_of(level)
    pa = _require("pyarrow", "parquet")
    pq = _require("pyarrow.parquet", "parquet")
    rows = records(corpus, level)
    for row in rows:
        for column in ("date", "instrument_date"):
            if column in row:
                row[column] = dt.date.fromisoformat(row[column])
    table = pa.Table.from_pylist(rows, schema=_arrow_schema(level))
    pq.write_table(table, str(path))


_FIELDS: dict[Level, list[str]] = {
    Level.DOCUMENTS: [
        "id",
        "title",
        "date",
        "kind",
        "place",
        "provisional",
        "source_url",
        "publisher",
        "language",
        "paragraphs",
        "speaker",
        "signatories",
        "sha256",
        "text",
    ],
    Level.PARAGRAPHS: ["id", "doc_id", "index", "role", "start", "end", "text"],
    Level.REFERENCES: [
        "doc_id",
        "paragraph_id",
        "start",
        "end",
        "text",
        "instrument_id",
        "instrument_title",
        "instrument_kind",
        "instrument_date",
        "instrument_precision",
    ],
    Level.MENTIONS: [
        "doc_id",
        "paragraph_id",
        "start",
        "end",
        "text",
        "entity_id",
        "entity_name",
        "entity_type",
        "entity_kind",
    ],
}


FORMATS = ("jsonl", "csv", "parquet", "tei", "akn")


def export(
    corpus: Corpus,
    target: str | os.PathLike[str] | IO[str],
    fmt: str = "jsonl",
    level: Level | str = "documents",
) -> None:
    """Write ``corpus`` to a path or text stream in one of `FORMATS`.

    ``level`` applies to CSV and Parquet; JSON Lines, TEI and Akoma Ntoso hold everything.
    Parquet needs a path.
    """
    from .exceptions import QueryError

    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    level_of(level)
    if fmt == "parquet":
        if not isinstance(target, (str, os.PathLike)):
            raise QueryError("parquet is written to a path, not a stream")
        write_parquet(corpus, level, target)
        return
    if isinstance(target, (str, os.PathLike)):
        with Path(target).open("w", encoding="utf-8", newline="") as out:
            _write_text(corpus, out, fmt, level)
    else:
        _write_text(corpus, target, fmt, level)


def _write_text(corpus: Corpus, out: IO[str], fmt: str, level: Level | str) -> None:
    if fmt == "jsonl":
        write_jsonl(corpus, out)
    elif fmt == "csv":
        write_csv(corpus, level, out)
    else:
        from ._xml import corpus_xml

        out.write(corpus_xml(corpus, fmt))
