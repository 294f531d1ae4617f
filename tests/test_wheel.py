"""The built wheel carries the texts byte-for-byte and works installed in a fresh venv.

Package data is the classic thing to lose: this builds the wheel (or takes the one named
by $JRCORPUS_WHEEL, as .ci/run does), reads it as a zip, installs it into a new virtual
environment and loads the corpus there from a directory outside the source tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHA256 = {  # corpus-facts.md
    "2003-01-10-joint-statement.txt": "43d8804756cb03b26a82402411ee3a0d26ca328056f5ab9d6c40563dc45824db",
    "2003-01-12-khabarovsk-opening-statement.txt": "7b284eb689bbe5e3236043f435401e91892ab27a22051620dbe9596e21a00582",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("JRCORPUS_WHEEL")
    if given:
        return Path(given)
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("no source tree to build a wheel from")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    return next(out.glob("jrcorpus-*.whl"))


def test_wheel_contents(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert "jrcorpus/py.typed" in names
        assert "jrcorpus/corpus/corpus.json" in names
        for name, digest in SHA256.items():
            data = z.read(f"jrcorpus/corpus/documents/{name}")
            assert hashlib.sha256(data).hexdigest() == digest
            meta = json.loads(z.read(f"jrcorpus/corpus/documents/{name[:-4]}.json"))
            assert meta["sha256"] == digest
        metadata = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [r for r in requires if "extra ==" not in r]
    assert sorted(r.split()[1].split(">")[0].split(";")[0] for r in runtime) == [
        "attrs",
        "importlib-resources",
    ]


def test_installed_wheel_loads_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    script = """
import hashlib, json, jrcorpus
corpus = jrcorpus.load()
print(json.dumps({
    "file": jrcorpus.__file__,
    "ids": list(corpus.ids),
    "paragraphs": [len(d.paragraphs) for d in corpus],
    "sha256": [hashlib.sha256(d.text.encode()).hexdigest() for d in corpus],
    "hits": len(corpus.search("peace treaty")),
}))
"""
    out = subprocess.run(
        [str(python), "-I", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    assert Path(result["file"]).is_relative_to(venv)
    assert result["ids"] == [
        "2003-01-10-joint-statement",
        "2003-01-12-khabarovsk-opening-statement",
    ]
    assert result["paragraphs"] == [12, 8]
    assert result["sha256"] == list(SHA256.values())
    assert result["hits"] == 7


def test_corpus_loads_from_the_zipped_wheel(wheel: Path, tmp_path: Path) -> None:
    # Imported straight from the zip, jrcorpus has a zipimporter, not a file loader: the
    # bundled corpus is then read through importlib.resources, and must be the same.
    script = (
        "import sys, json; sys.path.insert(0, sys.argv[1]); import jrcorpus\n"
        "from jrcorpus import _package\n"
        "root = _package.bundled_root()\n"
        "corpus = jrcorpus.load()\n"
        "print(json.dumps({'loader': type(jrcorpus.__spec__.loader).__name__,\n"
        "    'root': type(root).__name__, 'digests': jrcorpus.verify(),\n"
        "    'paragraphs': [len(d.paragraphs) for d in corpus],\n"
        "    'references': len(corpus.references()), 'hits': len(corpus.search('peace treaty'))}))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", script, str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    report = json.loads(out.stdout)
    assert report["loader"] == "zipimporter"
    assert report["root"] != "_PackageFile"  # the importlib.resources path was taken
    assert dict(report["digests"]) == {name[: -len(".txt")]: d for name, d in SHA256.items()}
    assert report["paragraphs"] == [12, 8]
    assert report["references"] == 15  # 10 in the joint statement, 5 in the opening one
    assert report["hits"] == 7
