"""tools.execute: runs notebooks in fresh kernels, reports checkpoints and failures."""

from __future__ import annotations

import io
from pathlib import Path

import nbformat
import pytest

from tools import execute


def make_notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("notebooks")
    passing = make_notebook(
        folder / "01_pass.ipynb",
        "from helpers.checks import checkpoint",
        "checkpoint('model_a', 0.95, at_least=0.9)\n"
        "try:\n    checkpoint('shown_miss', 0.1, at_least=0.9)\nexcept AssertionError:\n    pass",
        "from pathlib import Path\nprint(Path.cwd().name)",
        "from helpers.checks import claim\n"
        "claim('held', 0.95, near=0.95, within=0.01)\n"
        "claim('outside', 0.5, near=0.95, within=0.01, strict=False)",
    )
    failing = make_notebook(
        folder / "02_fail.ipynb",
        "x = 1",
        "from helpers.checks import checkpoint\ncheckpoint('model_b', 0.5, at_least=0.9)",
        "print('never reached')",
    )
    return {"pass": passing, "fail": failing}


def test_a_passing_notebook_reports_the_checkpoints_it_passed(notebooks):
    nb, result = execute.execute_notebook(notebooks["pass"])
    assert result.status == "ok" and result.seconds > 0
    assert result.checkpoints == ["model_a=0.9500"]
    assert result.claims == 1  # the claim outside its band is not counted
    assert [c.execution_count for c in nb.cells] == [1, 2, 3, 4]
    assert nb.cells[2].outputs[0].text.strip() == notebooks["pass"].parent.name


def test_a_failing_notebook_names_the_notebook_and_the_cell(notebooks):
    nb, result = execute.execute_notebook(notebooks["fail"])
    assert result.status == "FAILED"
    assert str(notebooks["fail"]) in result.failure
    assert "code cell 2 (from helpers.checks import checkpoint)" in result.failure
    assert "CheckpointError" in result.failure
    assert nb.cells[2].outputs == []


def test_main_writes_copies_html_and_a_summary(notebooks, tmp_path, capsys):
    status = execute.main(["--output", str(tmp_path), *map(str, notebooks.values())])
    assert status == 1
    assert (tmp_path / "01_pass.ipynb").is_file() and (
        tmp_path / "02_fail.html"
    ).is_file()
    assert "model_a" in (tmp_path / "01_pass.html").read_text()
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    header = next(line for line in lines if line.split()[:2] == ["notebook", "status"])
    assert header.split() == [
        "notebook",
        "status",
        "seconds",
        "checkpoints",
        "claims",
        "held",
    ]
    assert any(line.split()[:2] == ["01_pass.ipynb", "ok"] for line in lines)
    assert any(line.split()[:2] == ["02_fail.ipynb", "FAILED"] for line in lines)
    assert "FAILED" in captured.err and "02_fail.ipynb, code cell 2" in captured.err


def test_inplace_keeps_a_failed_notebook_as_it_was(notebooks):
    before = notebooks["fail"].read_text()
    assert execute.main(["--inplace", str(notebooks["fail"])]) == 1
    assert notebooks["fail"].read_text() == before


def test_missing_notebook_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no notebook"):
        execute.execute_notebook(tmp_path / "absent.ipynb")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_code_cells_and_stays_quiet_off_a_terminal(notebooks):
    log = io.StringIO()
    with execute.Progress("01_pass.ipynb", 4, stream=log) as progress:
        execute.execute_notebook(notebooks["pass"], progress=progress)
    assert progress.cell == 4
    assert progress.line().startswith("01_pass.ipynb: cell 4/4, ")
    assert log.getvalue() == ""  # a CI log gets main's one line per notebook only


def test_progress_rewrites_one_line_on_a_terminal():
    terminal = FakeTerminal()
    with execute.Progress("x.ipynb", 2, stream=terminal) as progress:
        progress.cell_started(cell=nbformat.v4.new_markdown_cell("# not counted"))
        progress.cell_started(cell=nbformat.v4.new_code_cell("1"))
    shown = terminal.getvalue()
    assert "\rx.ipynb: cell 1/2, 0 s" in shown.replace("\x1b[K", "")
    assert "\n" not in shown and shown.endswith("\r\x1b[K")


def test_main_prints_one_line_per_notebook_without_transport_warnings(
    notebooks, tmp_path, capfd
):
    execute.main(["--output", str(tmp_path), str(notebooks["pass"])])
    captured = capfd.readouterr()
    assert (
        "01_pass.ipynb: ok in " in captured.out and "(4/4 code cells)" in captured.out
    )
    assert "without encryption" not in captured.out + captured.err


def test_index_page_lists_each_notebook_with_title_status_and_link(notebooks, tmp_path):
    execute.main(["--output", str(tmp_path), *map(str, notebooks.values())])
    page = (tmp_path / "index.html").read_text()
    assert '<a href="01_pass.html">01_pass.ipynb</a>' in page
    assert '<a href="02_fail.html">02_fail.ipynb</a>' in page
    assert (
        "model_a=0.9500" in page
        and "FAILED" in page
        and "2 notebooks, 1 failed" in page
    )


def test_title_is_the_first_level_one_heading():
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("Intro\n# The title\n## Not this")]
    )
    assert execute.title(nb) == "The title"
