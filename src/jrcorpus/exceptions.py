"""The exceptions jrcorpus raises. Every one of them is a `CorpusError`.

Examples:
    >>> import jrcorpus
    >>> try:
    ...     jrcorpus.load("/nonexistent/corpus")
    ... except jrcorpus.CorpusError as e:
    ...     print(type(e).__name__)
    CorpusNotFoundError
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "CorpusError",
    "CorpusFormatError",
    "CorpusNotFoundError",
    "MissingExtraError",
    "NotFoundError",
    "Problem",
    "QueryError",
]


class CorpusError(Exception):
    """Base class of every error jrcorpus raises for bad input or bad data."""


class CorpusNotFoundError(CorpusError):
    """A path given to `jrcorpus.load` does not exist or is not a corpus directory."""


@attrs.frozen
class Problem:
    """One thing wrong with a corpus directory: where it is, and what was expected.

    ``file`` is relative to the corpus directory; ``field`` names the metadata key, line or
    span at fault (``None`` when the whole file is at fault).
    """

    file: str
    message: str
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class CorpusFormatError(CorpusError):
    """A corpus directory or document is malformed.

    Carries every problem found, not only the first, in ``problems``; the message lists
    them all, each naming the file, the field and what was expected.
    """

    def __init__(self, problems: Sequence[Problem], root: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.root = root
        head = f"invalid corpus at {root}" if root else "invalid corpus data"
        n = len(self.problems)
        lines = [f"{head} ({n} problem{'s' if n != 1 else ''}):"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class NotFoundError(CorpusError, KeyError):
    """No document, paragraph or catalogue entry with the requested key; suggests close ones.

    A `KeyError`, so ``corpus[doc_id]`` behaves like a mapping lookup.

    Examples:
        >>> import jrcorpus
        >>> jrcorpus.load()["2003-01-10-joint-statment"]  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        jrcorpus.exceptions.NotFoundError: ...did you mean '2003-01-10-joint-statement'?
    """

    def __init__(self, key: str, candidates: Iterable[str] = (), what: str = "document") -> None:
        import difflib  # only needed on a failed lookup

        self.key = key
        self.what = what
        scored = sorted(
            ((difflib.SequenceMatcher(None, key, c).ratio(), c) for c in set(candidates)),
            reverse=True,
        )
        best = scored[0][0] if scored else 0.0
        # Only the close ones: at least 0.6 alike, and not far behind the best match.
        self.suggestions: tuple[str, ...] = tuple(
            c for ratio, c in scored[:3] if ratio >= max(0.6, best - 0.1)
        )
        super().__init__(key)

    def __str__(self) -> str:
        msg = f"no {self.what} {self.key!r}"
        if self.suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        return msg


class MissingExtraError(CorpusError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


class QueryError(CorpusError, ValueError):
    """A query argument is not one the library understands (an unknown kind or role, say)."""
