"""The JSON Schemas in docs/schemas describe what the loader accepts, and the bundled
corpus and the example corpus satisfy them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jrcorpus import _catalogue, _load

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "schemas"
BUNDLED = ROOT / "src" / "jrcorpus" / "corpus"
EXAMPLE = ROOT / "docs" / "example-corpus"

pytestmark = pytest.mark.skipif(not SCHEMAS.is_dir(), reason="needs the source tree")


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def validate(instance_path: Path, name: str) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = list(validator.iter_errors(json.loads(instance_path.read_text())))
    assert errors == [], f"{instance_path}: {errors[0].message}"


@pytest.mark.parametrize("root", [BUNDLED, EXAMPLE], ids=["bundled", "example"])
def test_corpus_files_satisfy_the_schemas(root: Path) -> None:
    validate(root / "corpus.json", "corpus")
    metas = sorted((root / "documents").glob("*.json"))
    assert metas
    for meta in metas:
        validate(meta, "document")
    for name in ("actors", "places", "instruments"):
        path = root / "catalogue" / f"{name}.json"
        if path.exists():
            validate(path, name)


def keys(fields: tuple[Any, ...]) -> tuple[set[str], set[str]]:
    return {f.name for f in fields}, {f.name for f in fields if f.required}


def item_schema(name: str) -> dict[str, Any]:
    top = schema(name)
    item: dict[str, Any] = top["properties"][name]["items"]
    return item


@pytest.mark.parametrize(
    ("fields", "get"),
    [
        (_load._CORPUS_FIELDS, lambda: schema("corpus")),
        (_load._DOCUMENT_FIELDS, lambda: schema("document")),
        (_catalogue._ACTOR, lambda: item_schema("actors")),
        (_catalogue._PLACE, lambda: item_schema("places")),
        (_catalogue._INSTRUMENT, lambda: item_schema("instruments")),
        (_catalogue._OFFICE, lambda: item_schema("actors")["properties"]["offices"]["items"]),
    ],
    ids=["corpus", "document", "actor", "place", "instrument", "office"],
)
def test_schemas_agree_with_the_loader(fields: tuple[Any, ...], get: Any) -> None:
    s = get()
    allowed, required = keys(fields)
    assert set(s["properties"]) == allowed
    assert set(s.get("required", [])) == required
    assert s["additionalProperties"] is False


def test_a_bad_document_fails_both(tmp_path: Path) -> None:
    bad = {"id": "Bad/Id", "kind": "speach", "date": "2003-02-30", "colour": "red"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    validator = jsonschema.Draft202012Validator(
        schema("document"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    paths = sorted(str(list(e.path) or e.validator) for e in validator.iter_errors(bad))
    assert paths == ["['date']", "['id']", "['kind']", "additionalProperties"]
