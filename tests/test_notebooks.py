"""The conventions every course notebook follows (see the README)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tools import ROOT, repository, site, traceability

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ALLOWED_TAGS = {"nbval-ignore-output", "export"}  # export: see tools.export


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def headings(nb, level: str) -> list[str]:
    return [
        line[len(level) + 1 :].strip()
        for c in nb.cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith(level + " ")
    ]


def test_the_course_notebooks_are_there_in_order():
    names = [p.name for p in NOTEBOOKS]
    assert names[:2] == ["00_start_here.ipynb", "01_data_exploration.ipynb"]
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in names)
    assert names == sorted(names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opening_cell_has_title_badge_goals_prerequisites_and_run_time(path):
    intro = load(path).cells[0]
    assert intro.cell_type == "markdown"
    assert intro.source.startswith("# ")
    assert repository.badges(repository.repository_url(), path.name) in intro.source
    goals = intro.source.split("**What you will learn**")[1].split(
        "**Prerequisites:**"
    )[0]
    assert 3 <= len(re.findall(r"^- ", goals, re.MULTILINE)) <= 5
    assert re.search(
        r"\*\*Expected run time:\*\* (about \d+|[\d.]+ to [\d.]+) (seconds|minutes?)"
        r" on a 2-core CPU",
        intro.source,
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_installs_the_helpers_on_colab_or_kaggle_only(path):
    cells = code_cells(load(path))
    assert cells[0].source == repository.install_cell(repository.repository_url())
    assert cells[0].outputs == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_runtime_setup_comes_before_tensorflow(path):
    cells = code_cells(load(path))
    assert "runtime.setup(" in cells[1].source
    before = cells[1].source.split("runtime.setup(")[0]
    assert not re.search(
        r"^\s*(import|from)\s+(keras|tensorflow)", before, re.MULTILINE
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_closes_with_recap_exercises_then_solutions(path):
    nb = load(path)
    sections = headings(nb, "##")
    assert sections[-3:] == ["Recap", "Exercises", "Solutions"]
    exercises = next(c.source for c in nb.cells if "## Exercises" in c.source)
    exercises = exercises.split("## Exercises")[1].split("## Solutions")[0]
    assert 2 <= len(re.findall(r"^\d\. ", exercises, re.MULTILINE)) <= 4
    assert exercises.count("*Hint:*") >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_come_from_one_clean_run(path):
    cells = code_cells(load(path))
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error", cell.source
            assert not (output.output_type == "stream" and output.name == "stderr"), (
                f"stderr in stored output: {output.text[:200]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_test_markers_are_tags_and_only_where_output_exists(path):
    for cell in code_cells(load(path)):
        tags = set(cell.metadata.get("tags", []))
        assert tags <= ALLOWED_TAGS, tags
        assert "NBVAL" not in cell.source.upper()
        if "nbval-ignore-output" in tags:
            assert cell.outputs, f"tagged but has no output: {cell.source[:60]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_has_alternative_text(path):
    # metadata.mystnb.image.alt: what the figure shows and what to notice, for a
    # screen reader on the site and in make run's HTML copies (see the README)
    missing, short = [], []
    for index, cell in enumerate(load(path).cells):
        images = sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
        if cell.cell_type != "code" or not images:
            continue
        alt = site.figure_alt(cell)
        if not alt:
            missing.append(index)
        elif len(alt.split()) < 10 * min(images, 2) or '"' in alt:
            short.append(index)  # a sentence or more per figure; no quote marks
    assert missing == [] and short == [], (
        f"cells {missing} have none, {short} too short"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_deprecated_or_noisy_keras_usage(path):
    for cell in code_cells(load(path)):
        assert "input_shape=" not in cell.source, "use keras.Input(shape=...)"
        assert "predict_classes" not in cell.source
        assert not cell.source.rstrip().endswith(";"), "nbval ignores a closing ';'"
        if re.search(r"\.fit\(", cell.source):
            # Keras 3 prints two lines per epoch even with verbose=2; EpochLog prints one
            assert re.search(r"verbose\s*=\s*0", cell.source), (
                "one line per epoch at most"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_unfinished_text(path):
    for cell in load(path).cells:
        for marker in ("PLACEHOLDER", "TODO", "FIXME", "XXX"):
            assert marker not in cell.source, f"{marker} in: {cell.source[:80]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_sections_are_numbered_in_order(path):
    numbers = [
        int(m.group(1))
        for title in headings(load(path), "##")
        if (m := re.match(r"(\d+)\. ", title))
    ]
    assert numbers == list(range(1, len(numbers) + 1)), numbers


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_number_in_the_prose_traces_to_something_checked(path):
    # an output nbval compares, a claim, the code, or notebooks/facts.csv: see
    # tools/traceability.py for what counts as a number and as a match
    missing = traceability.untraced(load(path), traceability.read_facts())
    assert not missing, f"prose numbers that trace to nothing checked: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_claims_sit_in_cells_whose_output_may_vary(path):
    # a claim prints this machine's value: nbval must not compare it, the band does
    for cell in code_cells(load(path)):
        tags = cell.metadata.get("tags", [])
        if re.search(r"\bclaim\(", cell.source):
            assert "nbval-ignore-output" in tags, cell.source[:80]


def test_every_fact_is_quoted_somewhere():
    facts = traceability.read_facts()
    assert facts, "the facts table is empty"
    quoted = [
        n
        for path in NOTEBOOKS
        for cell in load(path).cells
        if cell.cell_type == "markdown"
        for n in traceability.numbers(cell.source)
    ]
    unused = [f for f in facts if not any(traceability.traces(n, [f]) for n in quoted)]
    assert not unused, f"facts that no notebook quotes: {unused}"
