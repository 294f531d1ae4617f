"""Read a corpus directory: validate everything, then parse, then annotate.

Layout (documented in docs/format.md)::

    corpus.json                 {"format": 1, "name": ...}
    documents/<id>.txt          the verbatim text (UTF-8)
    documents/<id>.json         metadata: what the text does not say
    catalogue/actors.json       optional: actors, places and instruments
    catalogue/places.json
    catalogue/instruments.json

Loading reads files and nothing else: it never executes, imports or unpickles anything
from the directory, never follows a link out of it and never writes to it. Every problem
is collected and raised together as one `CorpusFormatError`; nothing is half-loaded.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from typing import TYPE_CHECKING, Any, cast

from . import _extract
from ._catalogue import CATALOGUE_FILES, build_catalogue
from ._corpus import Corpus
from ._model import Catalogue, Document, DocumentKind
from ._package import BUNDLED_LABEL, bundled_root
from ._parse import Metadata, parse_document
from ._validate import (
    Field,
    Problems,
    check_object,
    iso_date,
    nonblank,
    one_of,
    parse_json,
    safe_id,
)
from .exceptions import CorpusFormatError, CorpusNotFoundError, Problem

__all__ = [
    "FORMAT_VERSION",
    "MAX_METADATA_BYTES",
    "MAX_TEXT_BYTES",
    "load",
    "load_bundled",
    "verify",
]

FORMAT_VERSION = 1
MAX_TEXT_BYTES = 2 * 1024 * 1024
"""The largest text file a corpus may hold (2 MiB)."""
MAX_METADATA_BYTES = 1024 * 1024
"""The largest metadata or catalogue file (1 MiB)."""

_CORPUS_FIELDS = (
    Field(
        "format",
        (int,),
        required=True,
        check=lambda v: (
            None
            if v == FORMAT_VERSION
            else (
                f"unsupported format {v!r}; this version of jrcorpus reads format {FORMAT_VERSION}"
            )
        ),
    ),
    Field("name", (str,), required=True, check=safe_id),
    Field("title", (str,)),
    Field("description", (str,)),
    Field("license", (str,)),
    Field("source", (str,)),
)
_HEX64 = "0123456789abcdef"
_DOCUMENT_FIELDS = (
    Field("id", (str,), required=True, check=safe_id),
    Field("kind", (str,), check=one_of(k.value for k in DocumentKind)),
    Field("title", (str,), check=nonblank),
    Field("date", (str,), check=iso_date),
    Field("place", (str, type(None))),
    Field("source_url", (str, type(None))),
    Field("publisher", (str, type(None))),
    Field("language", (str,)),
    Field(
        "sha256",
        (str,),
        check=lambda v: (
            None
            if len(v) == 64 and set(v) <= set(_HEX64)
            else ("expected 64 lowercase hexadecimal digits")
        ),
    ),
    Field("notes", (str, type(None))),
)


if TYPE_CHECKING:
    from pathlib import Path
    from typing import Protocol

    class _Node(Protocol):
        """What both `pathlib.Path` and an importlib `Traversable` offer."""

        @property
        def name(self) -> str: ...
        def is_dir(self) -> bool: ...
        def is_file(self) -> bool: ...
        def read_bytes(self) -> bytes: ...
        def iterdir(self) -> Any: ...
        def joinpath(self, child: str, /) -> Any: ...


class _Reader:
    """Reads files of one corpus directory, refusing links out of it and oversized files."""

    def __init__(self, root: _Node, label: str, real: Path | None) -> None:
        self.root = root
        self.label = label
        self.real = real.resolve() if real is not None else None
        self.problems = Problems()

    def inside(self, node: _Node, rel: str) -> bool:
        if self.real is None:  # package data: no user paths to escape through
            return True
        from pathlib import Path

        assert isinstance(node, Path)
        try:
            node.resolve().relative_to(self.real)
        except ValueError:
            self.problems.add(rel, "leads outside the corpus directory (a link?); refused")
            return False
        except (OSError, RuntimeError) as e:  # a link loop: RuntimeError up to Python 3.12
            self.problems.add(rel, f"cannot be resolved (a link that loops?): {e}; refused")
            return False
        return True

    def read(self, node: _Node, rel: str, limit: int) -> bytes | None:
        """The file's bytes, or ``None`` after adding a problem (never an OSError)."""
        if not self.inside(node, rel):
            return None
        try:
            if not node.is_file():
                self.problems.add(rel, "not a regular file; expected a file")
                return None
            if self.real is not None:  # a user's directory: check the size before reading
                size = cast("Path", node).stat().st_size
                if size > limit:
                    self.problems.add(rel, f"{size} bytes is over the limit of {limit} bytes")
                    return None
            data = node.read_bytes()
        except OSError as e:
            self.problems.add(rel, f"cannot be read: {e.strerror or e}")
            return None
        if len(data) > limit:
            self.problems.add(rel, f"{len(data)} bytes is over the limit of {limit} bytes")
            return None
        return data


def load(path: str | os.PathLike[str]) -> Corpus:
    """Read the corpus directory at ``path``, on top of the bundled catalogue."""
    from pathlib import Path

    root = Path(path)
    if not root.exists():
        raise CorpusNotFoundError(f"{root}: no such file or directory; expected a corpus directory")
    if not root.is_dir():
        raise CorpusNotFoundError(f"{root}: not a directory; expected a corpus directory")
    if not (root / "corpus.json").exists():
        raise CorpusNotFoundError(
            f"{root}: not a corpus directory; expected a corpus.json file and a documents/ "
            "folder in it (see docs/format.md)"
        )
    base = load_bundled().catalogue
    try:
        return _read(_Reader(root, str(root), root), base)
    except OSError as e:  # a folder that cannot be listed, a file that vanished...
        where = os.path.relpath(e.filename, root) if e.filename else "."
        raise CorpusFormatError(
            [Problem(where, f"cannot be read: {e.strerror or e}")], str(root)
        ) from None


def verify(path: str | os.PathLike[str] | None = None) -> tuple[tuple[str, str], ...]:
    """Re-hash every text and compare it with the sha256 its metadata records."""
    import hashlib

    if path is None:
        reader = _Reader(bundled_root(), BUNDLED_LABEL, None)
    else:
        from pathlib import Path

        root = Path(path)
        if not root.is_dir():
            raise CorpusNotFoundError(f"{root}: not a directory; expected a corpus directory")
        reader = _Reader(root, str(root), root)
    problems = reader.problems
    checked: list[tuple[str, str]] = []
    folder = reader.root.joinpath("documents")
    try:
        names = sorted(n.name for n in folder.iterdir()) if folder.is_dir() else []
    except OSError as e:
        raise CorpusFormatError(
            [Problem("documents", f"cannot be read: {e.strerror or e}")], reader.label
        ) from None
    for name in (n for n in names if n.endswith(".json")):
        stem = name[: -len(".json")]
        meta_rel, text_rel = f"documents/{name}", f"documents/{stem}.txt"
        raw = reader.read(folder.joinpath(name), meta_rel, MAX_METADATA_BYTES)
        meta = parse_json(raw, meta_rel, problems) if raw is not None else None
        recorded = meta.get("sha256") if isinstance(meta, dict) else None
        data = reader.read(folder.joinpath(f"{stem}.txt"), text_rel, MAX_TEXT_BYTES)
        if data is None or meta is None:
            continue
        digest = hashlib.sha256(data).hexdigest()
        if not isinstance(recorded, str):
            problems.add(meta_rel, "no sha256 recorded; expected the text's digest", "sha256")
        elif recorded != digest:
            problems.add(
                meta_rel,
                f"the text's sha256 is {digest}, not the recorded {recorded}; the text was changed",
                "sha256",
            )
        else:
            checked.append((stem, digest))
    if not names:
        problems.add("documents", "no documents to verify")
    if problems:
        raise CorpusFormatError(problems.items, reader.label)
    return tuple(checked)


_lock = threading.Lock()
_bundled: Corpus | None = None


def load_bundled() -> Corpus:
    """The bundled corpus, parsed once per process (thread-safe)."""
    global _bundled
    if _bundled is None:
        with _lock:
            if _bundled is None:
                _bundled = _read(_Reader(bundled_root(), BUNDLED_LABEL, None), None)
    return _bundled


def _read(reader: _Reader, base: Catalogue | None) -> Corpus:
    problems = reader.problems
    root = reader.root
    meta_raw = reader.read(root.joinpath("corpus.json"), "corpus.json", MAX_METADATA_BYTES)
    info = None
    if meta_raw is not None:
        info = check_object(
            parse_json(meta_raw, "corpus.json", problems), _CORPUS_FIELDS, "corpus.json", problems
        )

    raw_catalogue: dict[str, object] = {}
    catalogue_dir = root.joinpath("catalogue")
    if catalogue_dir.is_dir() and reader.inside(catalogue_dir, "catalogue"):
        for name in CATALOGUE_FILES:
            rel = f"catalogue/{name}"
            node = catalogue_dir.joinpath(name)
            if node.is_file():
                data = reader.read(node, rel, MAX_METADATA_BYTES)
                value = parse_json(data, rel, problems) if data is not None else None
                if value is not None:
                    raw_catalogue[rel] = value
        for node in catalogue_dir.iterdir():
            if node.name not in CATALOGUE_FILES:
                problems.add(
                    f"catalogue/{node.name}",
                    "unexpected file; the catalogue holds " + ", ".join(CATALOGUE_FILES),
                )
    catalogue = build_catalogue(raw_catalogue, problems, base)

    documents = _read_documents(reader)
    if problems:
        raise CorpusFormatError(problems.items, reader.label)
    annotated = _extract.annotate(documents, catalogue)
    name = info["name"] if info else "corpus"
    return Corpus(
        annotated,
        catalogue=catalogue,
        name=name,
        title=(info or {}).get("title"),
        description=(info or {}).get("description"),
    )


def _read_documents(reader: _Reader) -> list[Document]:
    problems = reader.problems
    folder = reader.root.joinpath("documents")
    if not folder.is_dir():
        problems.add(
            "documents", "missing folder; expected documents/ with <id>.txt and <id>.json files"
        )
        return []
    if not reader.inside(folder, "documents"):
        return []
    texts: dict[str, _Node] = {}
    metas: dict[str, _Node] = {}
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        stem, dot, ext = node.name.rpartition(".")
        if node.name.startswith(".") and not stem:
            continue
        if dot and ext == "txt":
            texts[stem] = node
        elif dot and ext == "json":
            metas[stem] = node
        else:
            problems.add(
                f"documents/{node.name}",
                "unexpected file; expected only <id>.txt and <id>.json files",
            )
    for stem in sorted(texts.keys() - metas.keys()):
        problems.add(
            f"documents/{stem}.txt",
            f"text without metadata; expected documents/{stem}.json beside it",
        )
    for stem in sorted(metas.keys() - texts.keys()):
        problems.add(
            f"documents/{stem}.json",
            f"metadata without text; expected documents/{stem}.txt beside it",
        )
    if not texts and not metas:
        problems.add("documents", "no documents; expected at least one <id>.txt with <id>.json")
    out: list[Document] = []
    for stem in sorted(texts.keys() & metas.keys()):
        doc = _read_document(reader, stem, texts[stem], metas[stem])
        if doc is not None:
            out.append(doc)
    return out


def _read_document(
    reader: _Reader, stem: str, text_node: _Node, meta_node: _Node
) -> Document | None:
    problems = reader.problems
    meta_rel, text_rel = f"documents/{stem}.json", f"documents/{stem}.txt"
    meta_data = reader.read(meta_node, meta_rel, MAX_METADATA_BYTES)
    raw = parse_json(meta_data, meta_rel, problems) if meta_data is not None else None
    obj = check_object(raw, _DOCUMENT_FIELDS, meta_rel, problems) if raw is not None else None
    if obj is not None and obj["id"] != stem:
        problems.add(
            meta_rel, f"id {obj['id']!r} does not match the file name; expected {stem!r}", "id"
        )
        obj = None
    data = reader.read(text_node, text_rel, MAX_TEXT_BYTES)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.add(text_rel, f"not valid UTF-8 at byte {e.start}; save the text as UTF-8")
        return None
    text = text.removeprefix("\ufeff")
    if obj is None:
        return None
    recorded = obj.get("sha256")
    if reader.real is None and recorded:
        # Bundled package data: its digests are checked by the tests and jrcorpus.verify(),
        # so the common path skips hashing (and importing hashlib).
        digest = recorded
    else:
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
    if recorded not in (None, digest):
        problems.add(
            meta_rel,
            f"the text's sha256 is {digest}, not the recorded "
            f"{obj['sha256']}; the text was changed",
            "sha256",
        )
        return None
    meta = Metadata(
        id=obj["id"],
        kind=DocumentKind(obj["kind"]) if "kind" in obj else None,
        title=obj.get("title"),
        date=_iso(obj.get("date")),
        place=obj.get("place"),
        source_url=obj.get("source_url"),
        publisher=obj.get("publisher"),
        language=obj.get("language", "en"),
        sha256=digest,
        notes=obj.get("notes"),
    )
    try:
        return parse_document(text, meta, text_rel)
    except CorpusFormatError as e:
        problems.items.extend(e.problems)
        return None


def _iso(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
