"""Where the bundled corpus lives: package data, read without pathlib.

`bundled_root` answers what ``importlib.resources.files("jrcorpus") / "corpus"`` answers,
but for a package installed as files (the usual case) it does so without importing
importlib.resources, pathlib, zipfile and tempfile, which together cost more than loading
the corpus (see bench/startup.py). Hence plain ``os`` calls here, on purpose.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._load import _Node

__all__ = ["BUNDLED_LABEL", "bundled_root"]

BUNDLED_LABEL = "jrcorpus/corpus (bundled)"


class _PackageFile:
    """A file or folder of the installed package, read with plain ``os`` calls.

    The part of `importlib.resources.abc.Traversable` the loader uses, for a package that
    lives in a folder, which is what ``importlib.resources.files()`` returns there too.
    """

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def is_dir(self) -> bool:
        return os.path.isdir(self.path)

    def is_file(self) -> bool:
        return os.path.isfile(self.path)

    def read_bytes(self) -> bytes:
        with open(self.path, "rb") as f:
            return f.read()

    def iterdir(self) -> list[_PackageFile]:
        return [_PackageFile(os.path.join(self.path, n)) for n in os.listdir(self.path)]

    def joinpath(self, child: str, /) -> _PackageFile:
        return _PackageFile(os.path.join(self.path, child))


def bundled_root(via_resources: bool = False) -> _Node:
    """The bundled corpus directory, as package data.

    For a package installed as files (the usual case) this is the folder the import system
    loaded ``jrcorpus`` from, exactly what ``importlib.resources.files()`` answers for such
    a loader (its ``FileReader``), read without importing importlib.resources, pathlib,
    zipfile and tempfile, which cost more than loading the corpus (bench/startup.py). Any
    other loader (a zip file, a custom importer) goes through ``importlib.resources``.
    """
    from importlib.machinery import SourceFileLoader, SourcelessFileLoader

    from . import __spec__ as spec

    loader = spec.loader
    if not via_resources and isinstance(loader, (SourceFileLoader, SourcelessFileLoader)):
        return _PackageFile(os.path.join(os.path.dirname(loader.path), "corpus"))
    if sys.version_info >= (3, 10):
        from importlib.resources import files
    else:  # pragma: no cover - exercised by the Python 3.9 run in .ci/run
        from importlib_resources import files
    node: _Node = files("jrcorpus").joinpath("corpus")
    return node
