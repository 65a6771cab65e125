"""Student copies of the notebooks: no outputs, no solutions.

``make student`` calls it::

    python -m tools.student --output build/student notebooks/*.ipynb

Each copy is the notebook with every output and execution count cleared, and
everything from its "## Solutions" heading on replaced by one markdown cell saying
where the solutions are. The rest is unchanged, so a class works through the same
cells as the course. Each copy is validated with nbformat before it is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat

from tools.repository import repository_url

HEADING = "## Solutions"


def student_copy(
    nb: nbformat.NotebookNode, name: str, url: str
) -> nbformat.NotebookNode:
    """A copy of ``nb`` without outputs and without its solutions.

    Raises ValueError when the notebook has no "## Solutions" heading.

    Example: ``student_copy(nbformat.read(path, 4), path.name, repository_url())``
    """
    copy = nbformat.from_dict(nb)  # a deep copy: the original stays as it is
    cut = next(
        (
            i
            for i, c in enumerate(copy.cells)
            if c.cell_type == "markdown" and _heading_at(c.source) is not None
        ),
        None,
    )
    if cut is None:
        raise ValueError(f"{name} has no '{HEADING}' heading")
    before = copy.cells[cut].source[: _heading_at(copy.cells[cut].source)].rstrip()
    cells = copy.cells[:cut]
    if before:
        copy.cells[cut].source = before
        cells.append(copy.cells[cut])
    cells.append(
        nbformat.v4.new_markdown_cell(
            f"{HEADING}\n\nThe solutions are not part of this copy. They are at the end "
            f"of the full notebook, `notebooks/{name}` in the course repository "
            f"({url}), with their outputs."
        )
    )
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    copy.cells = cells
    nbformat.validate(copy)
    return copy


def _heading_at(source: str) -> int | None:
    """Where the Solutions heading starts in a markdown source, or None."""
    offset = 0
    for line in source.splitlines(keepends=True):
        if line.rstrip() == HEADING:
            return offset
        offset += len(line)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write a student copy of each notebook into ``--output``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, default=Path("build/student"))
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    url = repository_url()
    for path in args.notebooks:
        copy = student_copy(nbformat.read(path, as_version=4), path.name, url)
        nbformat.write(copy, args.output / path.name)
        print(f"{args.output / path.name}: {len(copy.cells)} cells, no solutions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
