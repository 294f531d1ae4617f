"""Files and tables: CSV, Parquet and pandas for one level; the `export` dispatcher.

JSON Lines lives in `_jsonl`, TEI and Akoma Ntoso in `_xml`; the columns of every level,
with their types, in `_records.COLUMNS`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path
from typing import IO, Any

from ._corpus import Corpus
from ._records import COLUMNS, Level, level_of, records
from .exceptions import MissingExtraError, QueryError

__all__ = ["FORMATS", "export", "to_pandas", "write_csv", "write_parquet"]


def write_csv(corpus: Corpus, level: Level | str, out: IO[str]) -> None:
    """Write one level as CSV (lists joined with ``; ``, ``None`` as empty), header first."""
    level = level_of(level)
    rows = records(corpus, level)
    writer = csv.DictWriter(out, fieldnames=_names(level), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})


def _names(level: Level) -> list[str]:
    return [name for name, _ in COLUMNS[level]]


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
    frame = pd.DataFrame(records(corpus, level), columns=_names(level))
    for name, kind in COLUMNS[level]:
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name])
    return frame


def _arrow_schema(level: Level) -> Any:
    pa = _require("pyarrow", "parquet")
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[level]])


def write_parquet(corpus: Corpus, level: Level | str, path: str | os.PathLike[str]) -> None:
    """Write one level as Parquet with an explicit schema (readable by DuckDB, Spark...)."""
    level = level_of(level)
    pa = _require("pyarrow", "parquet")
    pq = _require("pyarrow.parquet", "parquet")
    rows = records(corpus, level)
    dates = [name for name, kind in COLUMNS[level] if kind == "date"]
    for row in rows:
        for name in dates:
            row[name] = dt.date.fromisoformat(row[name])
    table = pa.Table.from_pylist(rows, schema=_arrow_schema(level))
    pq.write_table(table, str(path))


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
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    level_of(level)
    if fmt == "parquet":
        if not isinstance(target, (str, os.PathLike)):
            raise QueryError("parquet is written to a path, not a stream")
        write_parquet(corpus, level, target)
        return
    if isinstance(target, (str, os.PathLike)):
        # Rendered first, written once: a failure leaves an existing file untouched.
        buffer = io.StringIO()
        _write_text(corpus, buffer, fmt, level)
        with Path(target).open("w", encoding="utf-8", newline="") as out:
            out.write(buffer.getvalue())
    else:
        _write_text(corpus, target, fmt, level)


def _write_text(corpus: Corpus, out: IO[str], fmt: str, level: Level | str) -> None:
    if fmt == "jsonl":
        from ._jsonl import write_jsonl

        write_jsonl(corpus, out)
    elif fmt == "csv":
        write_csv(corpus, level, out)
    else:
        from ._xml import corpus_xml

        out.write(corpus_xml(corpus, fmt))
