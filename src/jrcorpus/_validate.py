"""Shape checks for metadata read from JSON, collecting every problem found."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Optional

from ._model import DatePrecision
from .exceptions import Problem

__all__ = ["MAX_DEPTH", "Field", "Problems", "check_object", "parse_json", "parse_partial_date"]

MAX_DEPTH = 16
"""How deeply metadata may nest (objects and arrays) before it is rejected."""

SAFE_ID = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?")
"""Ids are lowercase ASCII slugs: safe as file names and in URLs, no ``..``."""

_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

Check = Callable[[Any], Optional[str]]


class Problems:
    """A growing list of `Problem`s for one corpus directory."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, message: str, field: str | None = None) -> None:
        self.items.append(Problem(file, message, field))

    def __bool__(self) -> bool:
        return bool(self.items)


class Field:
    """One key of a JSON object: its JSON types, whether it is required, a value check."""

    __slots__ = ("check", "name", "required", "types")

    def __init__(
        self, name: str, types: tuple[type, ...], required: bool = False, check: Check | None = None
    ) -> None:
        self.name = name
        self.types = types
        self.required = required
        self.check = check


def _type_names(types: Iterable[type]) -> str:
    names = {
        str: "a string",
        int: "an integer",
        bool: "true or false",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }
    return " or ".join(names.get(t, t.__name__) for t in types)


def _json_type(value: object) -> str:
    return _type_names([type(value)])


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for a close match among ``choices``, else ``''``."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def parse_json(data: bytes, file: str, problems: Problems) -> object | None:
    """Decode UTF-8 JSON (a leading BOM is allowed); ``None`` after adding a problem."""
    if not data.strip():
        problems.add(file, "the file is empty; expected a JSON object")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        problems.add(file, f"not valid UTF-8 at byte {e.start}; save the file as UTF-8")
        return None
    try:
        value = json.loads(text)
    except RecursionError:
        problems.add(file, f"nested too deeply; at most {MAX_DEPTH} levels are allowed")
        return None
    except ValueError as e:
        # json.JSONDecodeError carries the line and column of the fault.
        where = f"line {e.lineno} column {e.colno}" if isinstance(e, json.JSONDecodeError) else None
        problems.add(file, f"invalid JSON: {getattr(e, 'msg', e)}", where)
        return None
    if _depth(value) > MAX_DEPTH:
        problems.add(file, f"nested too deeply; at most {MAX_DEPTH} levels are allowed")
        return None
    result: object = value
    return result


def check_object(
    value: object, fields: Iterable[Field], file: str, problems: Problems, where: str = ""
) -> dict[str, Any] | None:
    """Check a JSON object against ``fields``; the object if it passed, else ``None``.

    Reports every unknown key (with a close-match suggestion), missing required key,
    wrong type and failed value check, each naming ``file`` and the key.
    """
    prefix = f"{where}." if where else ""
    if not isinstance(value, dict):
        problems.add(file, f"expected a JSON object, found {_json_type(value)}", where or None)
        return None
    spec = {f.name: f for f in fields}
    before = len(problems.items)
    for key in value:
        if key not in spec:
            problems.add(file, f"unknown key{suggest(key, spec)}", f"{prefix}{key}")
    for f in spec.values():
        if f.name not in value:
            if f.required:
                problems.add(file, "missing required key", f"{prefix}{f.name}")
            continue
        item = value[f.name]
        # bool is an int subclass in Python, never in JSON.
        if not isinstance(item, f.types) or (isinstance(item, bool) and bool not in f.types):
            problems.add(
                file,
                f"expected {_type_names(f.types)}, found {_json_type(item)}",
                f"{prefix}{f.name}",
            )
            continue
        if f.check is not None and item is not None:
            message = f.check(item)
            if message:
                problems.add(file, message, f"{prefix}{f.name}")
    return value if len(problems.items) == before else None


def safe_id(value: str) -> str | None:
    """A check: ``value`` is a safe id."""
    if SAFE_ID.fullmatch(value):
        return None
    return (
        (
            f"{value!r} is not a safe id; expected lowercase letters, digits, '.', '_' or '-', "
            "starting and ending with a letter or digit (no path separators, no '..')"
        )
        if ".." not in value
        else f"{value!r} is not a safe id; '..' is not allowed"
    )


def iso_date(value: str) -> str | None:
    """A check: ``value`` is a real calendar day in ISO form."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not a valid date; expected YYYY-MM-DD, a real calendar day"
    return None


def partial_date(value: str) -> str | None:
    """A check: ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real date."""
    return (
        None
        if parse_partial_date(value)
        else (f"{value!r} is not a valid date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    )


def parse_partial_date(value: str) -> tuple[dt.date, DatePrecision] | None:
    """``"2000-09"`` → ``(date(2000, 9, 1), MONTH)``; ``None`` if not a valid date."""
    m = _PARTIAL_DATE.fullmatch(value)
    if m is None:
        return None
    year, month, day = m.groups()
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    try:
        return dt.date(int(year), int(month or 1), int(day or 1)), precision
    except ValueError:
        return None


def one_of(choices: Iterable[str]) -> Check:
    """A check: the value is one of ``choices`` (suggesting a close one)."""
    allowed = tuple(choices)

    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        return f"{value!r} is not allowed{suggest(str(value), allowed)}; expected one of " + (
            ", ".join(allowed)
        )

    return check


def nonblank(value: str) -> str | None:
    """A check: the string has some text, not only white space."""
    return None if value.strip() else "expected some text, found an empty string"


def strings(value: Any) -> str | None:
    """A check: the value is an array of non-empty strings."""
    if all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "expected an array of non-empty strings"


def mapping_of(value: Mapping[str, Any], key: str) -> list[Any]:
    """The array under ``key``, or an empty list."""
    items = value.get(key, [])
    return items if isinstance(items, list) else []
