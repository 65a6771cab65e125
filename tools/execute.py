"""Execute the course notebooks, each in a fresh kernel, and summarise the run.

``make run`` and ``make outputs`` call this module::

    python -m tools.execute --output build notebooks/*.ipynb   # copies + HTML
    python -m tools.execute --inplace notebooks/*.ipynb        # refresh outputs

It prints one row per notebook (status, seconds, the checkpoints it passed, how
many claims held) and exits non-zero when a notebook fails, naming the notebook and
the cell.
"""

from __future__ import annotations

import argparse
import html
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import nbformat
import pandas as pd
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbconvert import HTMLExporter

from helpers.checks import CLAIM_LINE, LINE


@dataclass
class Result:
    """How one notebook ran: ``status`` is 'ok' or 'FAILED'."""

    notebook: str
    status: str
    seconds: float
    checkpoints: list[str] = field(default_factory=list)
    failure: str = ""
    claims: int = 0


class Progress:
    """Shows which notebook runs, which code cell out of how many, and the seconds.

    On a terminal the line is rewritten in place every second; elsewhere (a CI log)
    nothing is shown while the notebook runs and `main` prints one line per notebook.

    Example: ``with Progress("00_start_here.ipynb", 14) as progress: ...``
    """

    def __init__(self, name: str, cells: int, stream: TextIO | None = None) -> None:
        self.name, self.cells, self.cell = name, cells, 0
        self.stream = stream or sys.stdout
        self.live = self.stream.isatty()
        self._start = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)

    def line(self) -> str:
        """The status line, e.g. ``02_dense_network.ipynb: cell 7/31, 12 s``."""
        seconds = time.perf_counter() - self._start
        return f"{self.name}: cell {self.cell}/{self.cells}, {seconds:.0f} s"

    def cell_started(self, cell: nbformat.NotebookNode, **_: object) -> None:
        """nbclient's on_cell_start hook (called for every cell): count code cells."""
        if cell.cell_type == "code":
            self.cell += 1
            self._show()

    def _show(self) -> None:
        if self.live:
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            self._show()

    def __enter__(self) -> Progress:
        if self.live:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self.live:
            self._thread.join()
            self.stream.write("\r\033[K")
            self.stream.flush()


def execute_notebook(
    path: str | Path, timeout: int = 1800, progress: Progress | None = None
) -> tuple[nbformat.NotebookNode, Result]:
    """Run a notebook top to bottom in a fresh kernel, in its own folder.

    Returns the executed notebook (partly executed when a cell failed) and a Result.
    ``progress`` hears of each code cell as it starts. The kernel logs errors only,
    so Jupyter's transport warnings stay out of the terminal.

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
        extra_arguments=["--Application.log_level=ERROR"],
        on_cell_start=progress.cell_started if progress else None,
    )
    start = time.perf_counter()
    try:
        client.execute()
        status, failure = "ok", ""
    except (CellExecutionError, CellTimeoutError) as err:
        status, failure = "FAILED", describe_failure(nb, path, err)
    seconds = time.perf_counter() - start
    return nb, Result(
        path.name, status, round(seconds, 1), checkpoints(nb), failure, claims_held(nb)
    )


def printed_lines(nb: nbformat.NotebookNode) -> list[str]:
    """Every line a notebook's code cells printed to stdout, in order.

    Example: ``[line for line in printed_lines(nb) if line.startswith("Claim ")]``
    """
    return [
        line
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stdout"
        for line in output.get("text", "").splitlines()
    ]


def checkpoints(nb: nbformat.NotebookNode) -> list[str]:
    """The ``name=value`` of every checkpoint a notebook's outputs show as passed.

    Example: ``checkpoints(nb) == ["dense_512=0.9801"]``
    """
    matches = (LINE.match(line) for line in printed_lines(nb))
    return [
        f"{m['name']}={m['value']}"
        for m in matches
        if m and float(m["value"]) >= float(m["target"])
    ]


def claims_held(nb: nbformat.NotebookNode) -> int:
    """How many claim lines a notebook's outputs show inside their band.

    Example: ``claims_held(nb) == 12``
    """
    matches = (CLAIM_LINE.match(line) for line in printed_lines(nb))
    return sum(
        1
        for m in matches
        if m and float(m["low"]) <= float(m["value"]) <= float(m["high"])
    )


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
    """One row per notebook: notebook, status, seconds, checkpoints, claims held.

    Example: ``print(summary_table(results).to_string(index=False))``
    """
    return pd.DataFrame(
        {
            "notebook": [r.notebook for r in results],
            "status": [r.status for r in results],
            "seconds": [r.seconds for r in results],
            "checkpoints": [", ".join(r.checkpoints) or "-" for r in results],
            "claims held": [r.claims for r in results],
        }
    )


def title(nb: nbformat.NotebookNode) -> str:
    """A notebook's title: the text of its first ``#`` heading, or "".

    Example: ``title(nb) == "Start here: check your set-up and load MNIST"``
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def html_exporter() -> HTMLExporter:
    """JupyterLab's HTML page with each figure's alternative text (tools/templates)."""
    return HTMLExporter(
        extra_template_basedirs=[str(Path(__file__).parent / "templates")],
        template_name="course",
    )


def index_page(results: Sequence[Result], titles: Sequence[str]) -> str:
    """``build/index.html``: one row per notebook, linking to its HTML copy.

    Example: ``Path("build/index.html").write_text(index_page(results, titles))``
    """
    table = summary_table(results)
    table.insert(1, "title", list(titles))
    table["notebook"] = [
        f'<a href="{html.escape(Path(r.notebook).with_suffix(".html").name)}">'
        f"{html.escape(r.notebook)}</a>"
        for r in results
    ]
    table["title"] = table["title"].map(html.escape)
    table["checkpoints"] = table["checkpoints"].map(html.escape)
    total = sum(r.seconds for r in results)
    failed = sum(r.status != "ok" for r in results)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Deep learning with Keras on MNIST: the course, executed</title>\n"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
        "line-height:1.4}table{border-collapse:collapse}td,th{padding:.3em .8em;"
        "border-bottom:1px solid #ccc;text-align:left}</style>\n</head>\n<body>\n"
        "<h1>Deep learning with Keras on MNIST</h1>\n"
        f"<p>Every notebook executed from a fresh kernel by <code>make run</code>: "
        f"{len(results)} notebooks, {failed} failed, {total:.0f} s in all. "
        "Click a notebook to read it with its outputs.</p>\n"
        + table.to_html(index=False, escape=False, border=0)
        + "\n</body>\n</html>\n"
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

    results, titles = [], []
    for path in sorted(args.notebooks):
        cells = sum(c.cell_type == "code" for c in nbformat.read(path, 4).cells)
        with Progress(path.name, cells) as progress:
            nb, result = execute_notebook(path, timeout=args.timeout, progress=progress)
        results.append(result)
        titles.append(title(nb))
        if args.output:
            args.output.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, args.output / path.name)
            page, _ = html_exporter().from_notebook_node(nb)
            (args.output / path.with_suffix(".html").name).write_text(page)
        elif result.status == "ok":
            nbformat.write(nb, path)
        print(
            f"{path.name}: {result.status} in {result.seconds:.1f} s "
            f"({progress.cell}/{cells} code cells)",
            flush=True,
        )
    if args.output:
        (args.output / "index.html").write_text(index_page(results, titles))

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
