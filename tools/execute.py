"""Execute the course notebooks, each in a fresh kernel, and summarise the run.

``make run`` and ``make outputs`` call this module::

    python -m tools.execute --output build notebooks/*.ipynb   # copies + HTML
    python -m tools.execute --inplace notebooks/*.ipynb        # refresh outputs

It prints one row per notebook (status, seconds, the checkpoints it passed) and
exits non-zero when a notebook fails, naming the notebook and the cell.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbconvert import HTMLExporter

from helpers.checks import LINE


@dataclass
class Result:
    """How one notebook ran: ``status`` is 'ok' or 'FAILED'."""

    notebook: str
    status: str
    seconds: float
    checkpoints: list[str] = field(default_factory=list)
    failure: str = ""


def execute_notebook(
    path: str | Path, timeout: int = 1800
) -> tuple[nbformat.NotebookNode, Result]:
    """Run a notebook top to bottom in a fresh kernel, in its own folder.

    Returns the executed notebook (partly executed when a cell failed) and a Result.

    Example: ``nb, result = execute_notebook("notebooks/00_start_here.ipynb")``
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no notebook at {path}")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=timeout,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    start = time.perf_counter()
    try:
        client.execute()
        status, failure = "ok", ""
    except (CellExecutionError, CellTimeoutError) as err:
        status, failure = "FAILED", describe_failure(nb, path, err)
    seconds = time.perf_counter() - start
    return nb, Result(path.name, status, round(seconds, 1), checkpoints(nb), failure)


def checkpoints(nb: nbformat.NotebookNode) -> list[str]:
    """The ``name=value`` of every checkpoint a notebook's outputs show as passed.

    Example: ``checkpoints(nb) == ["dense_512=0.9801"]``
    """
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stdout":
                for line in output.get("text", "").splitlines():
                    match = LINE.match(line)
                    if match and float(match["value"]) >= float(match["target"]):
                        found.append(f"{match['name']}={match['value']}")
    return found


def describe_failure(nb: nbformat.NotebookNode, path: Path, err: Exception) -> str:
    """Name the notebook and the failing cell (its number and first line).

    Example: ``describe_failure(nb, path, err)`` ->
    ``"notebooks/02.ipynb, code cell 7 (model.fit(...)): CheckpointError: ..."``
    """
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        if errors:
            first_line = cell.source.strip().splitlines()[0] if cell.source else ""
            reason = f"{errors[0].get('ename')}: {errors[0].get('evalue')}"
            return f"{path}, code cell {number} ({first_line}): {reason}"
    reason = str(err).strip().splitlines()[-1] if str(err).strip() else type(err)
    return f"{path}: {reason}"


def summary_table(results: Sequence[Result]) -> pd.DataFrame:
    """One row per notebook: notebook, status, seconds, checkpoints.

    Example: ``print(summary_table(results).to_string(index=False))``
    """
    return pd.DataFrame(
        {
            "notebook": [r.notebook for r in results],
            "status": [r.status for r in results],
            "seconds": [r.seconds for r in results],
            "checkpoints": [", ".join(r.checkpoints) or "-" for r in results],
        }
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: execute notebooks, write copies or refresh them, summarise."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--output", type=Path, help="write executed copies and HTML")
    where.add_argument("--inplace", action="store_true", help="refresh stored outputs")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args(argv)

    results = []
    for path in sorted(args.notebooks):
        print(f"Running {path} ...", flush=True)
        nb, result = execute_notebook(path, timeout=args.timeout)
        results.append(result)
        if args.output:
            args.output.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, args.output / path.name)
            html, _ = HTMLExporter().from_notebook_node(nb)
            (args.output / path.with_suffix(".html").name).write_text(html)
        elif result.status == "ok":
            nbformat.write(nb, path)
        print(f"  {result.status} in {result.seconds:.1f} s", flush=True)

    print()
    print(summary_table(results).to_string(index=False))
    failed = [r for r in results if r.status != "ok"]
    for r in failed:
        print(f"\nFAILED {r.failure}", file=sys.stderr)
    if args.inplace and failed:
        print("Stored outputs of failed notebooks were left as they were.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
