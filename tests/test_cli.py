"""The jrcorpus command line: output, --json, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jrcorpus._cli import main

JOINT = "2003-01-10-joint-statement"
OPENING = "2003-01-12-khabarovsk-opening-statement"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_list() -> None:
    code, out = run("list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [JOINT, OPENING]
    code, out = run("list", "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["date"], r["paragraphs"]) for r in records] == [
        (JOINT, "2003-01-10", 12),
        (OPENING, "2003-01-12", 8),
    ]


def test_search_text_and_json() -> None:
    code, out = run("search", "peace treaty", "--context", "10")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 7
    assert lines[0].startswith(f"{JOINT}:p7")
    assert "[peace treaty]" in lines[0]  # not a terminal: brackets, no ANSI codes
    assert "\x1b[" not in out
    code, out = run("search", "Spasibo", "--json")
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["location"] == f"{OPENING}:p8"
    assert record["text"] == "Spasibo"
    assert record["right"] == "!"


def test_search_regex_and_case() -> None:
    code, out = run("search", "--regex", "Ishae[fv]", "--json")
    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["Ishaef", "Ishaef"]
    assert run("search", "spasibo", "--case-sensitive")[0] == 1


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["search", "zzzz-not-there"], 1),
        (["show", "no-such-document"], 1),
        (["show", f"{JOINT}:p99"], 1),
        (["search", "--regex", "("], 2),
    ],
)
def test_exit_codes(argv: list[str], code: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv)[0] == code
    err = capsys.readouterr().err
    if argv[0] == "show":
        assert "did you mean" in err or "no document" in err or "no paragraph" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_show_document_and_paragraph() -> None:
    code, out = run("show", f"{JOINT}:p12")
    assert code == 0
    assert out.splitlines()[0] == f"[{JOINT}:p12] (operative)"
    code, out = run("show", JOINT, "--json")
    record = json.loads(out)
    assert [p["role"] for p in record["paragraphs"]].count("recital") == 10
    code, out = run("show", OPENING)
    assert "Spasibo!" in out
    assert "provisional translation" in out.splitlines()[1]


def test_refs_and_parties() -> None:
    code, out = run("refs", "--json")
    assert code == 0
    refs = [json.loads(line) for line in out.splitlines()]
    assert len(refs) == 15
    assert refs[2]["instrument"] == "joint-declaration-1956"
    assert refs[2]["date"] == "1956-10-19"
    code, out = run("parties", "--json")
    assert code == 0
    parties = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert parties["north-korea"]["mentions"] == 10
    assert parties["north-korea"]["documents"] == [OPENING]


def test_validate(tmp_path: Path) -> None:
    (tmp_path / "corpus.json").write_text('{"format": 1, "name": "x", "colour": "red"}')
    (tmp_path / "documents").mkdir()
    code, out = run("validate", str(tmp_path), "--json")
    assert code == 1
    problems = [json.loads(line) for line in out.splitlines()]
    assert {"file": "corpus.json", "field": "colour", "message": "unknown key"} in problems
    assert any(p["file"] == "documents" for p in problems)


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jrcorpus", "search", "North Korea", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 10
    assert result.stderr == ""
