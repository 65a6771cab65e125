"""tools.experiments: recipe cells run from a notebook, results written with a header."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from helpers import results
from tools import experiments


def notebook_with(path, cells):
    nb = nbformat.v4.new_notebook()
    for source, tags in cells:
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = tags
        nb.cells.append(cell)
    nbformat.write(nb, path)
    return path


def test_recipe_from_runs_only_the_tagged_cells_with_the_names_given(tmp_path):
    path = notebook_with(
        tmp_path / "n.ipynb",
        [
            ("def double(x):\n    return factor * x", ["recipe"]),
            ("raise RuntimeError('not part of the recipe')", []),
            ("WIDTH = double(16)", ["recipe", "nbval-ignore-output"]),
        ],
    )
    recipe = experiments.recipe_from(path, factor=2)
    assert recipe["WIDTH"] == 32 and recipe["double"](5) == 10


def test_recipe_from_refuses_a_notebook_without_recipe_cells(tmp_path):
    path = notebook_with(tmp_path / "n.ipynb", [("x = 1", [])])
    with pytest.raises(ValueError, match="no cell tagged 'recipe'"):
        experiments.recipe_from(path)


def test_written_results_read_back_with_machine_versions_and_command(tmp_path):
    frame = pd.DataFrame({"seed": [1, 2], "test_accuracy": [0.9951, 0.9957]})
    lines = experiments.header(
        ["python", "-m", "scripts.challenge", "seeds", "--epochs", "3"],
        {"Keras": "3.13.0"},
    )
    path = experiments.write_results(frame, tmp_path / "sub" / "r.csv", lines)
    back = results.read_results(path)
    pd.testing.assert_frame_equal(back, frame)
    header = back.attrs["header"]
    assert header[0].startswith("machine: ") and "cores" in header[0]
    assert header[1].startswith("versions: Python ") and "Keras 3.13.0" in header[1]
    assert header[2] == "command: python -m scripts.challenge seeds --epochs 3"


def test_header_lines_must_be_single_comment_lines(tmp_path):
    with pytest.raises(ValueError, match="header line"):
        experiments.write_results(pd.DataFrame({"a": [1]}), tmp_path / "r.csv", ["x"])


def test_over_seeds_runs_seeds_outermost_and_writes_after_every_run(tmp_path):
    written = []
    write = experiments.writer(tmp_path / "runs.csv", ["# machine: test"])

    def run(arm, seed):
        return [{"arm": arm, "seed": seed, "epoch": e} for e in (1, 2)]

    def record(rows):
        written.append(len(rows))
        write(rows)

    rows = experiments.over_seeds([1, 2], ["a", "b"], run, record)
    assert [(r["seed"], r["arm"]) for r in rows[::2]] == [
        (1, "a"),
        (1, "b"),
        (2, "a"),
        (2, "b"),
    ]
    assert written == [2, 4, 6, 8]
    frame = results.read_results(tmp_path / "runs.csv")
    assert len(frame) == 8 and frame.attrs["header"] == ["machine: test"]
