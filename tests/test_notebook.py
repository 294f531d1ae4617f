"""docs/tutorial.ipynb: stored without outputs, and runs top to bottom in a fresh kernel.

The kernel is this test's own interpreter (``sys.executable``), through a kernelspec
written to a temporary directory, so no other installed ``python3`` kernel can stand in.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).parents[1] / "docs" / "tutorial.ipynb"


def test_tutorial_is_stored_without_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert len(code) >= 15
    for cell in code:
        assert cell["outputs"] == [], cell["id"]
        assert cell["execution_count"] is None, cell["id"]


def _text(cell: Any) -> str:
    """All the stdout and text/plain output of a cell."""
    out = []
    for output in cell.outputs:
        assert output.output_type != "error", f"{cell.id}: {output.get('evalue')}"
        if output.output_type == "stream":
            out.append(output.text)
        elif "data" in output:
            out.append(output.data.get("text/plain", ""))
    return "".join(out)


def _html(cell: Any) -> str:
    return "".join(o.data.get("text/html", "") for o in cell.outputs if "data" in o)


@pytest.mark.slow
def test_tutorial_runs_in_a_clean_kernel(tmp_path: Path) -> None:
    nbclient = pytest.importorskip("nbclient")  # the `notebooks` dependency group
    # nbclient's own dependencies, as modules: mypy needs none of them installed.
    nbformat = importlib.import_module("nbformat")
    kernelspec = importlib.import_module("jupyter_client.kernelspec")
    manager = importlib.import_module("jupyter_client.manager")

    spec = tmp_path / "kernels" / "jrcorpus-tests"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "jrcorpus tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    specs = kernelspec.KernelSpecManager(kernel_dirs=[str(spec.parent)], ensure_native_kernel=False)
    km = manager.KernelManager(kernel_name="jrcorpus-tests", kernel_spec_manager=specs)
    assert km.kernel_spec.argv[0] == sys.executable

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        km=km,
        timeout=300,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    # raises CellExecutionError on the first cell that raises; shuts the kernel down after
    client.execute(cleanup_kc=True)

    cells = {cell.id: cell for cell in nb.cells if cell.cell_type == "code"}
    for cell in cells.values():
        assert cell.execution_count is not None, cell.id
        _text(cell)  # no error outputs
    assert "2 documents, 20 paragraphs" in _text(cells["load"])
    assert '<div class="jrcorpus jrcorpus-corpus">' in _html(cells["load"])
    assert "12 paragraphs;" in _text(cells["docs"])
    kwic = _html(cells["kwic"])
    assert kwic.count("<mark>") == 7
    assert "<mark>peace treaty</mark>" in kwic
    assert "<mark>Peace Treaty</mark>" in kwic
    filters = _text(cells["filters"])
    assert "name North Korea: ('2003-01-12-khabarovsk-opening-statement',)" in filters
    assert "cite the Tokyo Declaration: ('2003-01-10-joint-statement',)" in filters
    assert "2000-09    month" in _text(cells["timeline"])
    assert "'Viktor Ishaef' -> Viktor Ishaev" in _text(cells["ishaef"])
    assert "recital" in _text(cells["pandas"])
    assert "read back equal: True" in _text(cells["export"])
