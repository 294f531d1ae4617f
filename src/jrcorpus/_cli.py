"""The ``jrcorpus`` command line (standard library argparse only)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable, TextIO

from ._corpus import Corpus
from ._model import Document
from .exceptions import CorpusError, CorpusFormatError, MissingExtraError, NotFoundError

__all__ = ["main"]

EXIT_OK, EXIT_EMPTY, EXIT_USAGE = 0, 1, 2

# The same as _export.FORMATS and _records.LEVELS (a test checks), spelt out here so that
# building the parser imports neither.
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "tei", "akn")
EXPORT_LEVELS = ("documents", "paragraphs", "references", "mentions")

EPILOG = """\
examples:
  jrcorpus list
  jrcorpus show 2003-01-10-joint-statement:p7
  jrcorpus search "peace treaty" --context 50
  jrcorpus search --regex "Ishae[fv]"
  jrcorpus refs --json | head -3
  jrcorpus parties
  jrcorpus validate path/to/my-corpus
  jrcorpus verify
  jrcorpus draft statement.txt > my-corpus/documents/<id>.json
  jrcorpus export --format jsonl -o corpus.jsonl
  jrcorpus export --format csv --level paragraphs > paragraphs.csv
  jrcorpus export --format parquet --level mentions -o mentions.parquet
  jrcorpus export --format tei -o corpus.tei.xml

exit codes: 0 success; 1 no hits, nothing found or an invalid corpus; 2 usage error,
including an output file that cannot be written and a missing optional extra (parquet
needs 'pip install jrcorpus[parquet]').
Add --corpus PATH to use your own corpus directory instead of the bundled one.
"""


def _load(args: argparse.Namespace) -> Corpus:
    from . import load

    return load(args.corpus)


def _emit(
    args: argparse.Namespace, out: TextIO, records: list[dict[str, Any]], lines: list[str]
) -> None:
    if args.json:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        for line in lines:
            out.write(line + "\n")


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _load(args)
    records = [
        {
            "id": d.id,
            "date": d.date.isoformat(),
            "kind": d.kind.value,
            "place": d.place,
            "paragraphs": len(d.paragraphs),
            "title": d.title,
        }
        for d in corpus
    ]
    lines = [
        f"{d.id:<42} {d.date}  {d.kind.value:<16} {len(d.paragraphs):>3} ¶  {d.title[:60]}"
        for d in corpus
    ]
    _emit(args, out, records, lines)
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from ._records import paragraph_record

    corpus = _load(args)
    if ":p" in args.id:
        p = corpus.paragraph(args.id)
        _emit(args, out, [paragraph_record(p)], [f"[{p.id}] ({p.role.value})", p.text])
        return EXIT_OK
    doc: Document = corpus[args.id]
    record = {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date.isoformat(),
        "kind": doc.kind.value,
        "place": doc.place,
        "provisional": doc.provisional,
        "source_url": doc.source_url,
        "paragraphs": [paragraph_record(p) for p in doc.paragraphs],
    }
    lines = [
        doc.title,
        f"{doc.date} · {doc.place or 'place unknown'} · {doc.kind.value}"
        + (" · provisional translation" if doc.provisional else ""),
        doc.source_url or "",
        "",
    ]
    for p in doc.paragraphs:
        lines += [f"[{p.index}] ({p.role.value}) {p.text}", ""]
    lines += [f"    {s.name}, {s.office}" for s in doc.signatories]
    _emit(args, out, [record], lines)
    return EXIT_OK


def _cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _load(args)
    if args.regex:
        try:
            query: str | re.Pattern[str] = re.compile(
                args.query, 0 if args.case_sensitive else re.IGNORECASE
            )
        except re.error as e:
            raise _UsageError(f"invalid regular expression {args.query!r}: {e}") from None
    else:
        query = args.query
    hits = corpus.search(query, case_sensitive=args.case_sensitive)
    bold = out.isatty() and "NO_COLOR" not in os.environ and not args.json
    records, lines = [], []
    for hit in hits:
        left, match, right = hit.context(args.context)
        records.append(
            {
                "doc_id": hit.doc_id,
                "location": hit.location,
                "start": hit.start,
                "end": hit.end,
                "text": hit.text,
                "left": left,
                "right": right,
            }
        )
        shown = f"\x1b[1m{match}\x1b[0m" if bold else f"[{match}]"
        lines.append(f"{hit.location:<44} {left:>{args.context}}{shown}{right}")
    _emit(args, out, records, lines)
    return EXIT_OK if hits else EXIT_EMPTY


def _cmd_refs(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _load(args)
    refs = corpus.references()
    records = [
        {
            "doc_id": r.doc_id,
            "paragraph_id": r.paragraph_id,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "instrument": r.instrument.id,
            "date": r.instrument.date_text,
        }
        for r in refs
    ]
    lines = [
        f"{(r.paragraph_id or r.doc_id + ':title'):<44} {r.instrument.date_text:<10} "
        f"{r.instrument.id:<30} {r.text[:60]}"
        for r in refs
    ]
    _emit(args, out, records, lines)
    return EXIT_OK if refs else EXIT_EMPTY


def _cmd_parties(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _load(args)
    grouped = corpus.mentioned()
    records, lines = [], []
    for entity, mentions in grouped.items():
        docs = sorted({m.doc_id for m in mentions})
        kind = entity.kind.value
        records.append(
            {
                "id": entity.id,
                "name": entity.name,
                "kind": kind,
                "mentions": len(mentions),
                "documents": docs,
            }
        )
        lines.append(f"{entity.id:<30} {kind:<13} {len(mentions):>3}  {entity.name}")
    _emit(args, out, records, lines)
    return EXIT_OK if grouped else EXIT_EMPTY


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from . import load

    try:
        corpus = load(args.path)
    except CorpusFormatError as e:
        records = [{"file": p.file, "field": p.field, "message": p.message} for p in e.problems]
        _emit(args, out, records, [str(e)])
        return EXIT_EMPTY
    paragraphs = sum(len(d.paragraphs) for d in corpus)
    _emit(
        args,
        out,
        [{"valid": True, "documents": len(corpus), "paragraphs": paragraphs}],
        [f"valid: {len(corpus)} documents, {paragraphs} paragraphs"],
    )
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    from . import verify

    try:
        checked = verify(args.corpus)
    except CorpusFormatError as e:
        records = [{"file": p.file, "field": p.field, "message": p.message} for p in e.problems]
        _emit(args, out, records, [str(e)])
        return EXIT_EMPTY
    _emit(
        args,
        out,
        [{"id": i, "sha256": d, "ok": True} for i, d in checked],
        [f"ok  {d}  {i}" for i, d in checked],
    )
    return EXIT_OK


def _cmd_draft(args: argparse.Namespace, out: TextIO) -> int:
    from . import draft_metadata

    try:
        data = Path(args.text).read_bytes()
    except OSError as e:
        raise _UsageError(f"{args.text}: {e.strerror or e}") from None
    draft = draft_metadata(data, args.id)
    for flag in draft.flags:
        print(f"jrcorpus: note: {flag}", file=sys.stderr)
    out.write(draft.to_json())
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from ._export import export
    from ._records import records

    tabular = args.format in ("csv", "parquet")
    if args.level is not None and not tabular:
        raise _UsageError(f"--level applies to csv and parquet; {args.format} holds every level")
    if args.output is None and args.format == "parquet":
        raise _UsageError("parquet is binary: give a file with -o FILE")
    if args.output is None and args.json:
        raise _UsageError(
            "--json describes the file written with -o; without -o, stdout holds the export itself"
        )
    level = args.level or "documents"
    corpus = _load(args)
    if args.output is None:
        reconfigure = getattr(out, "reconfigure", None)
        if reconfigure is not None and (out.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")  # JSON, CSV and XML are UTF-8 files
        export(corpus, out, args.format, level)
        return EXIT_OK
    try:
        export(corpus, args.output, args.format, level)
    except OSError as e:
        raise _UsageError(f"cannot write {args.output}: {e.strerror or e}") from None
    summary: dict[str, Any] = {
        "path": args.output,
        "format": args.format,
        "level": level if tabular else None,
        "documents": len(corpus),
        "rows": len(records(corpus, level)) if tabular else None,
    }
    what = f"{summary['rows']} {level}" if tabular else f"{len(corpus)} documents"
    _emit(args, out, [summary], [f"wrote {what} as {args.format} to {args.output}"])
    return EXIT_OK


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="one JSON object per line")
    common.add_argument("--corpus", metavar="PATH", help="a corpus directory (default: bundled)")
    parser = argparse.ArgumentParser(
        prog="jrcorpus",
        description="The Japan-Russia diplomatic record of January 2003, from the shell.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from ._version import __version__

    parser.add_argument("--version", action="version", version=f"jrcorpus {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace, TextIO], int], text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            parents=[common],
            help=text,
            description=text,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(func=func)
        return p

    add("list", _cmd_list, "list the documents")
    add("show", _cmd_show, "show a document or a paragraph (<doc-id>:p<n>)").add_argument("id")
    search = add("search", _cmd_search, "keyword-in-context search over the running text")
    search.add_argument(
        "query", help="a phrase (whole words, any case) or, with --regex, a pattern"
    )
    search.add_argument("--regex", action="store_true", help="treat QUERY as a regular expression")
    search.add_argument(
        "--context",
        type=int,
        default=40,
        metavar="N",
        help="characters of context on each side (default 40)",
    )
    search.add_argument("--case-sensitive", action="store_true")
    add("refs", _cmd_refs, "every reference to an instrument, in text order")
    add("parties", _cmd_parties, "every actor and place mentioned, with counts")
    add("validate", _cmd_validate, "check a corpus directory; list every problem").add_argument(
        "path"
    )
    add("verify", _cmd_verify, "check the texts against their recorded sha256 digests")
    draft = add("draft", _cmd_draft, "draft documents/<id>.json for a raw text (JSON on stdout)")
    draft.add_argument("text", help="a UTF-8 text file in the MOFA style")
    draft.add_argument("--id", help="the document id (default: <date>-<title words>)")
    export = add(
        "export",
        _cmd_export,
        "write the corpus as JSON Lines, CSV, Parquet, TEI P5 or Akoma Ntoso",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        help="jsonl, tei and akn hold everything; csv and parquet hold one --level",
    )
    export.add_argument(
        "--level",
        choices=EXPORT_LEVELS,
        help="the table for csv and parquet (default: documents)",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write (default: stdout; parquet needs a file)",
    )
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args, out)
        out.flush()
    except (_UsageError, MissingExtraError) as e:
        print(f"jrcorpus: {e}", file=sys.stderr)
        return EXIT_USAGE
    except NotFoundError as e:
        print(f"jrcorpus: {e}", file=sys.stderr)
        return EXIT_EMPTY
    except CorpusError as e:
        print(f"jrcorpus: {e}", file=sys.stderr)
        return EXIT_EMPTY
    except BrokenPipeError:
        # The reader (head, less) went away: not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code
