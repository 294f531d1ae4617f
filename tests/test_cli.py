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


# -- export ------------------------------------------------------------------------------


def test_export_jsonl_to_a_file(tmp_path: Path) -> None:
    import jrcorpus

    path = tmp_path / "corpus.jsonl"
    code, out = run("export", "--format", "jsonl", "-o", str(path))
    assert code == 0
    assert out == f"wrote 2 documents as jsonl to {path}\n"
    assert jrcorpus.read_jsonl(path) == jrcorpus.load()


def test_export_csv_to_a_file(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "paragraphs.csv"
    code, out = run("export", "--format", "csv", "--level", "paragraphs", "-o", str(path))
    assert code == 0
    assert out == f"wrote 20 paragraphs as csv to {path}\n"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 20
    assert [r["role"] for r in rows[:12]] == ["formula"] + ["recital"] * 10 + ["operative"]
    assert rows[11]["text"].startswith("Adopted of the Japan-Russia Action Plan")


def test_export_parquet_to_a_file(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "refs.parquet"
    code, out = run(
        "export", "--format", "parquet", "--level", "references", "-o", str(path), "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "path": str(path),
        "format": "parquet",
        "level": "references",
        "documents": 2,
        "rows": 15,
    }
    table = pq.read_table(path)
    assert table.num_rows == 15
    assert "Tokyo Declaration on Japan-Russia Relations" in table.column("text").to_pylist()


@pytest.mark.parametrize(("fmt", "tag", "count"), [("tei", "p", 20), ("akn", "recital", 10)])
def test_export_xml_to_a_file(tmp_path: Path, fmt: str, tag: str, count: int) -> None:
    import xml.etree.ElementTree as ET

    path = tmp_path / f"corpus.{fmt}.xml"
    code, out = run("export", "--format", fmt, "-o", str(path), "--json")
    assert code == 0
    assert json.loads(out)["documents"] == 2
    root = ET.parse(path).getroot()
    # Paragraphs of the text (TEI p with a role in @type), or AKN recitals.
    found = [
        el
        for el in root.iter()
        if el.tag.rpartition("}")[2] == tag and (fmt == "akn" or el.get("type"))
    ]
    assert len(found) == count


def test_export_to_stdout() -> None:
    import xml.etree.ElementTree as ET

    code, out = run("export", "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["type"] for line in lines] == ["corpus", "document", "document"]
    code, out = run("export", "--format", "csv", "--level", "mentions")
    assert out.splitlines()[0].startswith("doc_id,paragraph_id,start,end,text,entity_id")
    code, out = run("export", "--format", "tei")
    assert ET.fromstring(out.encode("utf-8")).tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"


def test_export_to_a_non_utf8_stdout_writes_utf8(tmp_path: Path) -> None:
    root = tmp_path / "cafe"
    (root / "documents").mkdir(parents=True)
    (root / "corpus.json").write_text('{"format": 1, "name": "cafe"}')
    text = "Statement on the Caf\u00e9\n\n2000-09-05\n\nThe two sides met at the caf\u00e9."
    (root / "documents" / "2000-09-05-cafe.txt").write_bytes(text.encode("utf-8"))
    (root / "documents" / "2000-09-05-cafe.json").write_text('{"id": "2000-09-05-cafe"}')
    for fmt in ("jsonl", "tei"):
        buffer = io.BytesIO()
        out = io.TextIOWrapper(buffer, encoding="ascii")
        assert main(["export", "--format", fmt, "--corpus", str(root)], out) == 0
        out.flush()
        written = buffer.getvalue().decode("utf-8")  # UTF-8, as the XML declaration says
        assert "met at the caf\u00e9." in written


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "--format", "parquet"], "give a file with -o"),
        (
            ["export", "--format", "tei", "--level", "paragraphs"],
            "--level applies to csv and parquet",
        ),
        (["export", "--format", "csv", "--json"], "--json describes the file written with -o"),
        (
            ["export", "--format", "jsonl", "-o", "/nonexistent-dir/x.jsonl"],
            "cannot write /nonexistent-dir/x.jsonl",
        ),
    ],
)
def test_export_usage_errors(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*argv) == (2, "")
    assert words in capsys.readouterr().err


def test_export_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    path = tmp_path / "d.parquet"
    assert run("export", "--format", "parquet", "-o", str(path)) == (2, "")
    assert "pip install 'jrcorpus[parquet]'" in capsys.readouterr().err
    assert not path.exists()


def test_export_argument_choices(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["export", "--format", "xlsx"], ["export", "--format", "csv", "--level", "words"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        assert "invalid choice" in capsys.readouterr().err


def test_help_texts_have_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "--help"])
    assert info.value.code == 0
    help_text = capsys.readouterr().out
    assert "jrcorpus export --format parquet --level mentions -o mentions.parquet" in help_text
    assert "missing optional extra" in help_text
    assert "{jsonl,csv,parquet,tei,akn}" in help_text


# -- every command's --json, exit codes, terminal output ---------------------------------


EXAMPLE = str(Path(__file__).resolve().parents[1] / "docs" / "example-corpus")


@pytest.mark.parametrize(
    ("argv", "count"),
    [
        (["list"], 2),
        (["show", JOINT], 1),
        (["show", f"{JOINT}:p7"], 1),
        (["search", "peace treaty"], 7),
        (["refs"], 15),
        (["parties", "--corpus", EXAMPLE], None),
        (["validate", EXAMPLE], 1),
        (["verify"], 2),
        (["verify", "--corpus", EXAMPLE], 1),
        (["list", "--corpus", EXAMPLE], 1),
    ],
)
def test_json_output_parses_line_by_line(argv: list[str], count: int | None) -> None:
    code, out = run(*argv, "--json")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert all(isinstance(r, dict) for r in records)
    if count is not None:
        assert len(records) == count
    else:
        assert records


def test_verify_and_validate_outputs(tmp_path: Path) -> None:
    code, out = run("verify")
    assert code == 0
    assert (
        out.splitlines()[0]
        == f"ok  43d8804756cb03b26a82402411ee3a0d26ca328056f5ab9d6c40563dc45824db  {JOINT}"
    )
    code, out = run("validate", EXAMPLE)
    assert (code, out) == (0, "valid: 1 documents, 5 paragraphs\n")
    code, out = run("validate", EXAMPLE, "--json")
    assert json.loads(out) == {"valid": True, "documents": 1, "paragraphs": 5}


def test_verify_a_changed_text(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root)
    text = root / "documents" / "2003-03-14-example-statement.txt"
    text.write_bytes(text.read_bytes().replace(b"meet again", b"meet once more"))
    code, out = run("verify", "--corpus", str(root), "--json")
    assert code == 1
    (problem,) = [json.loads(line) for line in out.splitlines()]
    assert problem["field"] == "sha256"
    assert "the text was changed" in problem["message"]
    code, out = run("verify", "--corpus", str(root))
    assert code == 1
    assert "the text was changed" in out


def test_nothing_found_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "plain"
    (root / "documents").mkdir(parents=True)
    (root / "corpus.json").write_text('{"format": 1, "name": "plain"}')
    (root / "documents" / "2000-09-05-plain.txt").write_text(
        "Statement on Fisheries\n\n2000-09-05\n\nThe two sides agreed to cooperate."
    )
    (root / "documents" / "2000-09-05-plain.json").write_text('{"id": "2000-09-05-plain"}')
    assert run("refs", "--corpus", str(root)) == (1, "")
    assert run("parties", "--corpus", str(root)) == (1, "")
    assert run("list", "--corpus", str(tmp_path / "nowhere"))[0] == 1
    assert "nowhere" in capsys.readouterr().err


def test_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "statement.txt"
    text.write_text(
        "(Provisional Translation)\n\nJoint Statement on Fisheries\n\n"
        "Tokyo, 5 September 2000\n\nThe two sides agreed."
    )
    code, out = run("draft", str(text))
    assert code == 0
    metadata = json.loads(out)
    assert (metadata["id"], metadata["kind"], metadata["place"]) == (
        "2000-09-05-joint-statement-fisheries",
        "joint-statement",
        "Tokyo",
    )
    capsys.readouterr()
    assert run("draft", str(tmp_path / "missing.txt")) == (2, "")
    assert "missing.txt" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_search_highlights_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = Terminal()
    assert main(["search", "Spasibo"], out) == 0
    assert "\x1b[1mSpasibo\x1b[0m!" in out.getvalue()
    assert "[Spasibo]" not in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    assert main(["search", "Spasibo"], out) == 0
    assert "[Spasibo]!" in out.getvalue()
    assert "\x1b[" not in out.getvalue()
    out = Terminal()
    monkeypatch.delenv("NO_COLOR")
    assert main(["search", "Spasibo", "--json"], out) == 0
    assert "\x1b[" not in out.getvalue()


class ClosedPipe(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError


def test_a_closed_pipe_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with (tmp_path / "stdout").open("w") as fake_stdout:
        monkeypatch.setattr(sys, "stdout", fake_stdout)
        assert main(["refs"], ClosedPipe()) == 0


@pytest.mark.slow
def test_python_dash_m_export_to_an_ascii_stdout(tmp_path: Path) -> None:
    import os

    result = subprocess.run(
        [sys.executable, "-m", "jrcorpus", "export", "--format", "jsonl"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert [json.loads(line)["type"] for line in lines] == ["corpus", "document", "document"]


# -- the console script's entry point, in-process ------------------------------------------


def test_entry_point_exits_with_the_command_s_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import jrcorpus.__main__ as entry

    monkeypatch.setattr(sys, "argv", ["jrcorpus", "list"])
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 0
    captured = capsys.readouterr()
    assert [line.split()[0] for line in captured.out.splitlines()] == [JOINT, OPENING]
    assert captured.err == ""

    monkeypatch.setattr(sys, "argv", ["jrcorpus", "show", "2003-01-10-joint-statment"])
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"jrcorpus: no document '2003-01-10-joint-statment'; did you mean '{JOINT}'?\n"
    )

    monkeypatch.setattr(sys, "argv", ["jrcorpus", "search", "--regex", "("])
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 2
    assert "invalid regular expression" in capsys.readouterr().err


def test_python_dash_m_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # What `python -m jrcorpus search Spasibo` runs, seen by coverage (no subprocess).
    import runpy

    monkeypatch.delitem(sys.modules, "jrcorpus.__main__", raising=False)  # a fresh __main__
    monkeypatch.setattr(sys, "argv", ["jrcorpus", "search", "Spasibo"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("jrcorpus", run_name="__main__")
    assert info.value.code == 0
    # The location column is 44 wide; then 40 characters of left context, right-aligned.
    location = f"{OPENING}:p8"
    assert capsys.readouterr().out == (
        f"{location:<44} the warm welcome they have extended us. [Spasibo]!\n"
    )
