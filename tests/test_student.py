"""tools.student: copies for a class, without outputs or solutions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools import ROOT, student

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
URL = "https://github.com/someone/their-fork"


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("student")
    assert student.main(["--output", str(folder), *map(str, NOTEBOOKS)]) == 0
    return folder


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_copy_keeps_everything_before_the_solutions_and_drops_outputs(copies, path):
    original = nbformat.read(path, as_version=4)
    copy = nbformat.read(copies / path.name, as_version=4)
    nbformat.validate(copy)
    assert not any(c.get("outputs") for c in copy.cells if c.cell_type == "code")
    assert all(c.execution_count is None for c in copy.cells if c.cell_type == "code")
    text = "\n".join(c.source for c in copy.cells)
    assert text.count("## Solutions") == 1
    assert "are not part of this copy" in copy.cells[-1].source
    # Every cell before the one holding the Solutions heading is unchanged.
    cut = next(i for i, c in enumerate(original.cells) if "## Solutions" in c.source)
    assert [c.source for c in copy.cells[:cut]] == [
        c.source for c in original.cells[:cut]
    ]
    # The exercises stay; the solutions' own cells are gone.
    assert "## Exercises" in text
    solutions = original.cells[cut].source.split("## Solutions", 1)[1]
    assert solutions.strip() and solutions.strip() not in text
    assert len(copy.cells) < len(original.cells) + 1


def test_copies_pass_ruff(copies):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--config",
            "lint.per-file-ignores = {'*.ipynb' = ['E402']}",
            str(copies),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_notebook_without_solutions_is_refused():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title")])
    with pytest.raises(ValueError, match="no '## Solutions' heading"):
        student.student_copy(nb, "x.ipynb", URL)


def test_heading_inside_a_cell_is_cut_there_and_the_original_is_untouched():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("x = 1", execution_count=1),
            nbformat.v4.new_markdown_cell(
                "## Exercises\n\n1. Try.\n\n## Solutions\n\n**1.** Done."
            ),
            nbformat.v4.new_code_cell("print(x)"),
        ]
    )
    copy = student.student_copy(nb, "x.ipynb", URL)
    assert [c.source for c in copy.cells[:2]] == ["x = 1", "## Exercises\n\n1. Try."]
    assert copy.cells[0].execution_count is None
    assert URL in copy.cells[2].source and len(copy.cells) == 3
    assert nb.cells[0].execution_count == 1 and "Done" in nb.cells[1].source
