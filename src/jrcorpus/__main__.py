"""``python -m jrcorpus``: the command line."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the ``jrcorpus`` command."""
    from ._cli import main as run

    sys.exit(run())


if __name__ == "__main__":
    main()
