"""JSON Lines: the whole corpus, catalogue included, in a file that reads back equal.

The first line is the corpus with its catalogue, then one line per document with its
text, metadata, structure and annotations. Reading it back rebuilds an equal `Corpus`
without re-parsing, checking every value (every span against its text) first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping
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
    Party,
    Place,
    Reference,
    Signatory,
)
from ._records import catalogue_record
from ._validate import Field, Problems, check_object, iso_date, one_of, safe_id
from .exceptions import CorpusFormatError, CorpusNotFoundError, Problem

__all__ = ["JSONL_FORMAT", "read_jsonl", "write_jsonl"]

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
    """Read a corpus written by `write_jsonl` (``jrcorpus export --format jsonl``).

    Every value is checked before anything is built: types, ids, that every span slices
    its text from the document's text, paragraph numbering, catalogue references and the
    recorded sha256. All problems are raised together as one `CorpusFormatError`, each
    naming the file and the line; a missing file raises `CorpusNotFoundError`.
    """
    file = str(path)
    try:
        data = Path(path).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise CorpusNotFoundError(f"{file}: no such file; expected a JSON Lines export") from None
    except OSError as e:
        raise CorpusFormatError([Problem(file, f"cannot be read: {e.strerror or e}")]) from None
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CorpusFormatError(
            [Problem(file, f"not valid UTF-8 at byte {e.start}; expected a UTF-8 file")]
        ) from None
    reader = _JsonlReader(file)
    # Only "\n" ends a line: JSON never holds a raw newline, but a text may hold U+2028,
    # U+0085... which str.splitlines() would wrongly split on.
    values: list[tuple[int, dict[str, Any]]] = []
    for n, line in enumerate(content.split("\n"), start=1):
        parsed = reader.parse(n, line) if line.strip() else None
        if parsed is not None:
            values.append((n, parsed))
    if not values and not reader.problems:
        reader.add(1, f"the file is empty; {_HEAD_EXPECTED}")
    reader.raise_problems()
    first, value = values[0]
    if value.get("type") != "corpus":
        reader.add(first, _HEAD_EXPECTED)
        reader.raise_problems()
    head = reader.check(first, value, _HEAD_FIELDS)
    if head is None:
        raise CorpusFormatError(reader.problems.items, file)
    catalogue = reader.catalogue(first, head["catalogue"])
    reader.raise_problems()  # documents are not checked against a broken catalogue
    docs: list[Document] = []
    seen: dict[str, int] = {}
    for n, value in values[1:]:
        doc = reader.document(n, value, catalogue)
        if doc is None:
            continue
        if doc.id in seen:
            reader.add(n, f"duplicate document id {doc.id!r} (first on line {seen[doc.id]})", "id")
            continue
        seen[doc.id] = n
        docs.append(doc)
    reader.raise_problems()
    return Corpus(
        docs,
        catalogue=catalogue,
        name=head["name"],
        title=head["title"],
        description=head["description"],
    )


_HEAD_EXPECTED = (
    f"expected the corpus line first: an object with type 'corpus' and format {JSONL_FORMAT}"
)


def _is(expected: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value == expected else f"expected {expected!r}, found {value!r}"

    return check


def _format(value: Any) -> str | None:
    if value == JSONL_FORMAT:
        return None
    return f"unsupported format {value!r}; this version of jrcorpus reads format {JSONL_FORMAT}"


_STR, _OPT = (str,), (str, type(None))
_HEAD_FIELDS = (
    Field("type", _STR, required=True, check=_is("corpus")),
    Field("format", (int,), required=True, check=_format),
    Field("name", _STR, required=True),
    Field("title", _OPT, required=True),
    Field("description", _OPT, required=True),
    Field("catalogue", (dict,), required=True),
)
_SPAN_FIELDS = (
    Field("start", (int,), required=True),
    Field("end", (int,), required=True),
    Field("text", _STR, required=True),
)
_PARAGRAPH_FIELDS = (
    Field("id", _STR, required=True),
    Field("index", (int,), required=True),
    Field("role", _STR, required=True, check=one_of(r.value for r in ParagraphRole)),
    *_SPAN_FIELDS,
)
_REFERENCE_FIELDS = (
    *_SPAN_FIELDS,
    Field("instrument", _STR, required=True),
    Field("paragraph_id", _OPT, required=True),
)
_MENTION_FIELDS = (
    *_SPAN_FIELDS,
    Field("entity", _STR, required=True),
    Field("paragraph_id", _OPT, required=True),
)
_SIGNATORY_FIELDS = (
    Field("name", _STR, required=True),
    Field("office", _STR, required=True),
    Field("name_span", (list,), required=True),
    Field("office_span", (list,), required=True),
    Field("party", _OPT, required=True),
)
_DOCUMENT_FIELDS = (
    Field("type", _STR, required=True, check=_is("document")),
    Field("id", _STR, required=True, check=safe_id),
    Field("title", _STR, required=True),
    Field("date", _STR, required=True, check=iso_date),
    Field("kind", _STR, required=True, check=one_of(k.value for k in DocumentKind)),
    Field("place", _OPT, required=True),
    Field("provisional", (bool,), required=True),
    Field("source_url", _OPT, required=True),
    Field("publisher", _OPT, required=True),
    Field("language", _STR, required=True),
    Field("sha256", _OPT, required=True),
    Field("notes", _OPT, required=True),
    Field("text", _STR, required=True),
    Field("title_span", (list,), required=True),
    Field("date_span", (list, type(None)), required=True),
    Field("paragraphs", (list,), required=True),
    Field("signatories", (list,), required=True),
    Field("speaker", (dict, type(None)), required=True),
    Field("links", (list,), required=True),
    Field("references", (list,), required=True),
    Field("mentions", (list,), required=True),
)


class _JsonlReader:
    """Checks the lines of one JSON Lines file, collecting problems as ``line N: field``."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems = Problems()

    def add(self, n: int, message: str, field: str | None = None) -> None:
        self.problems.add(self.file, message, f"line {n}: {field}" if field else f"line {n}")

    def raise_problems(self) -> None:
        if self.problems:
            raise CorpusFormatError(self.problems.items, self.file)

    def parse(self, n: int, line: str) -> dict[str, Any] | None:
        try:
            value = json.loads(line)
            # "\ud800" is valid JSON but not text: it could never be written out again.
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except RecursionError:
            self.add(n, "nested too deeply")
            return None
        except UnicodeEncodeError:
            self.add(n, "holds a lone surrogate escape (\\ud800-\\udfff); not valid text")
            return None
        except ValueError as e:
            self.add(n, f"invalid JSON: {e}")
            return None
        if not isinstance(value, dict):
            self.add(n, "expected a JSON object")
            return None
        return value

    def check(
        self, n: int, value: object, fields: Iterable[Field], where: str = ""
    ) -> dict[str, Any] | None:
        local = Problems()
        obj = check_object(value, fields, self.file, local, where)
        for p in local.items:
            self.add(n, p.message, p.field)
        return obj

    def catalogue(self, n: int, value: dict[str, Any]) -> Catalogue:
        raw: dict[str, object] = {}
        for key, item in value.items():
            if key in ("actors", "places", "instruments"):
                raw[f"catalogue/{key}.json"] = {key: item}
            else:
                message = "unknown catalogue key; expected actors, places or instruments"
                self.add(n, message, f"catalogue.{key}")
        local = Problems()
        catalogue = build_catalogue(raw, local)
        for p in local.items:
            self.add(n, p.message, f"catalogue.{p.field}" if p.field else "catalogue")
        return catalogue

    def pair(self, n: int, value: Any, text: str, where: str) -> tuple[int, int] | None:
        if not (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        ):
            self.add(n, "expected [start, end], two integers", where)
            return None
        start, end = value
        if not 0 <= start <= end <= len(text):
            self.add(n, f"span {start}-{end} is not within the text (0-{len(text)})", where)
            return None
        return start, end

    def span(self, n: int, item: dict[str, Any], text: str, where: str) -> bool:
        if self.pair(n, [item["start"], item["end"]], text, where) is None:
            return False
        if text[item["start"] : item["end"]] != item["text"]:
            self.add(
                n,
                f"span {item['start']}-{item['end']} does not slice {item['text']!r} from the text",
                where,
            )
            return False
        return True

    def items(
        self, n: int, values: list[Any], fields: Iterable[Field], text: str, where: str
    ) -> list[tuple[int, dict[str, Any]]]:
        """The objects of ``values`` that pass ``fields`` and slice their span, by position."""
        out: list[tuple[int, dict[str, Any]]] = []
        for k, value in enumerate(values):
            at = f"{where}[{k}]"
            item = self.check(n, value, fields, at)
            if item is not None and self.span(n, item, text, at):
                out.append((k, item))
        return out

    def signatory(
        self, n: int, value: Any, text: str, parties: Mapping[str, Party], where: str
    ) -> Signatory | None:
        obj = self.check(n, value, _SIGNATORY_FIELDS, where)
        if obj is None:
            return None
        name_span = self.pair(n, obj["name_span"], text, f"{where}.name_span")
        office_span = self.pair(n, obj["office_span"], text, f"{where}.office_span")
        ok = name_span is not None and office_span is not None
        for key, found in (("name", name_span), ("office", office_span)):
            if found is not None and text[found[0] : found[1]] != obj[key]:
                self.add(n, f"{key}_span does not slice {obj[key]!r} from the text", where)
                ok = False
        party = obj["party"]
        if party is not None and party not in parties:
            self.add(n, f"no actor {party!r} in the catalogue", f"{where}.party")
            ok = False
        if not ok or name_span is None or office_span is None:
            return None
        return Signatory(
            obj["name"], obj["office"], name_span, office_span, parties.get(party or "")
        )

    def document(self, n: int, value: dict[str, Any], catalogue: Catalogue) -> Document | None:
        v = self.check(n, value, _DOCUMENT_FIELDS)
        if v is None:
            return None
        before = len(self.problems.items)
        doc_id: str = v["id"]
        text: str = v["text"]
        _check_digest(self, n, text, v["sha256"])
        title_span = self.pair(n, v["title_span"], text, "title_span")
        date_span = None
        if v["date_span"] is not None:
            date_span = self.pair(n, v["date_span"], text, "date_span")
        checked = self.items(n, v["paragraphs"], _PARAGRAPH_FIELDS, text, "paragraphs")
        previous_end = 0
        for k, p in checked:
            at = f"paragraphs[{k}]"
            if p["index"] != k + 1 or p["id"] != f"{doc_id}:p{k + 1}":
                self.add(n, f"expected index {k + 1} and id '{doc_id}:p{k + 1}'", at)
            if p["start"] < previous_end:
                self.add(n, "overlaps the paragraph before it", at)
            previous_end = p["end"]
        paragraphs = [p for _, p in checked]
        spans = {p["id"]: (p["start"], p["end"]) for p in paragraphs}
        # Ids of paragraphs that failed their own checks are not reported again below.
        listed = {
            p["id"] for p in v["paragraphs"] if isinstance(p, dict) and isinstance(p.get("id"), str)
        }
        instruments = {i.id: i for i in catalogue.instruments}
        parties = {p.id: p for p in catalogue.parties}
        entities: dict[str, Party | Place] = {p.id: p for p in catalogue.places}
        entities.update(parties)
        annotations = []
        for key, fields, targets, what in (
            ("references", _REFERENCE_FIELDS, instruments, "instrument"),
            ("mentions", _MENTION_FIELDS, entities, "entity"),
        ):
            found = self.items(n, v[key], fields, text, key)
            for k, item in found:
                at = f"{key}[{k}]"
                if item[what] not in targets:
                    self.add(n, f"no {what} {item[what]!r} in the catalogue", f"{at}.{what}")
                within = item["paragraph_id"]
                if within is not None and within not in listed:
                    self.add(n, f"no paragraph {within!r} in this document", f"{at}.paragraph_id")
                elif within in spans and not (
                    spans[within][0] <= item["start"] <= item["end"] <= spans[within][1]
                ):
                    self.add(n, f"the span is not inside paragraph {within!r}", at)
            annotations.append([item for _, item in found])
        signatories = [
            self.signatory(n, s, text, parties, f"signatories[{k}]")
            for k, s in enumerate(v["signatories"])
        ]
        speaker = None
        if v["speaker"] is not None:
            speaker = self.signatory(n, v["speaker"], text, parties, "speaker")
        links = [x for _, x in self.items(n, v["links"], _SPAN_FIELDS, text, "links")]
        if len(self.problems.items) != before or title_span is None:
            return None

        refs = tuple(
            Reference(
                r["text"],
                r["start"],
                r["end"],
                instruments[r["instrument"]],
                doc_id,
                r["paragraph_id"],
            )
            for r in annotations[0]
        )
        mentions = tuple(
            Mention(
                m["text"], m["start"], m["end"], entities[m["entity"]], doc_id, m["paragraph_id"]
            )
            for m in annotations[1]
        )
        return Document(
            id=doc_id,
            title=v["title"],
            date=dt.date.fromisoformat(v["date"]),
            kind=DocumentKind(v["kind"]),
            text=text,
            paragraphs=tuple(
                Paragraph(
                    p["id"],
                    p["index"],
                    ParagraphRole(p["role"]),
                    p["text"],
                    p["start"],
                    p["end"],
                    doc_id,
                    tuple(r for r in refs if r.paragraph_id == p["id"]),
                    tuple(m for m in mentions if m.paragraph_id == p["id"]),
                )
                for p in paragraphs
            ),
            place=v["place"],
            provisional=v["provisional"],
            source_url=v["source_url"],
            publisher=v["publisher"],
            language=v["language"],
            title_span=title_span,
            date_span=date_span,
            signatories=tuple(s for s in signatories if s is not None),
            speaker=speaker,
            links=tuple(Link(x["text"], x["start"], x["end"]) for x in links),
            references=refs,
            mentions=mentions,
            sha256=v["sha256"],
            notes=v["notes"],
        )


def _check_digest(reader: _JsonlReader, n: int, text: str, recorded: str | None) -> None:
    """The recorded sha256 is that of the text file: UTF-8, perhaps with a byte order mark."""
    if recorded is None:
        return
    import hashlib

    data = text.encode("utf-8")
    digests = (hashlib.sha256(data).hexdigest(), hashlib.sha256(b"\xef\xbb\xbf" + data).hexdigest())
    if recorded not in digests:
        reader.add(
            n,
            f"the text's sha256 is {digests[0]}, not the recorded {recorded}; the text was changed",
            "sha256",
        )
