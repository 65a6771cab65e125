"""Shared parts of the experiment scripts whose results the notebooks plot.

An experiment too long for a class runs from a script (``make experiments``); its
results go to a CSV file under ``notebooks/results/`` that starts with ``#`` lines
naming the machine, the library versions and the command, so that every figure a
notebook draws from it says where it came from. `helpers.results.read_results`
reads such a file back.

The model, the data feed and the training schedule an experiment runs are defined
once, in the notebook that teaches them: the cells tagged ``recipe`` there.
`recipe_from` executes those cells and hands their functions to the script.
"""

from __future__ import annotations

import linecache
import os
import platform
import shlex
import sys
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

#: The tag that marks a notebook cell as part of a recipe an experiment script runs.
RECIPE_TAG = "recipe"


def recipe_from(notebook: str | os.PathLike[str], **names: Any) -> dict[str, Any]:
    """Run the notebook's cells tagged ``recipe`` and return what they define.

    ``names`` are given to the cells beforehand (the modules they use, such as
    ``keras=keras``), because a recipe cell imports nothing itself.

    Example: ``recipe = recipe_from("notebooks/07_challenge.ipynb", keras=keras)``
    """
    nb = nbformat.read(notebook, as_version=4)
    cells = [c for c in nb.cells if RECIPE_TAG in c.metadata.get("tags", [])]
    if not cells:
        raise ValueError(f"{notebook} has no cell tagged {RECIPE_TAG!r}")
    # a module of its own, as AutoGraph (tf.data) expects of the functions it converts
    module = types.ModuleType(f"recipe_of_{Path(notebook).stem}")
    sys.modules[module.__name__] = module
    namespace: dict[str, Any] = module.__dict__
    namespace.update(names)
    for number, cell in enumerate(cells, start=1):
        name = f"{notebook} (recipe cell {number})"
        # TensorFlow's AutoGraph reads a function's source; linecache serves it
        lines = cell.source.splitlines(keepends=True)
        linecache.cache[name] = (len(cell.source), None, lines, name)
        exec(compile(cell.source, name, "exec"), namespace)
    return {k: v for k, v in namespace.items() if not k.startswith("__")}


def machine() -> str:
    """One line on the processor, its instruction set, cores and the system:
    'AMD EPYC (AVX2), 2 cores, Linux'. The instruction set names the CPU kind
    (`helpers.runtime.cpu_kind`): runs on another kind differ in their last digits.

    Example: ``machine()``
    """
    name = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    from helpers.runtime import cpu_kind

    return f"{name} ({cpu_kind()}), {os.cpu_count()} cores, {platform.system()}"


def header(command: Iterable[str], versions: Mapping[str, str]) -> list[str]:
    """The ``#`` lines that open a results file: machine, versions, command, start time.

    Example: ``header(["python", "-m", "scripts.challenge"], {"Keras": "3.13.0"})``
    """
    libraries = ", ".join(f"{name} {version}" for name, version in versions.items())
    return [
        f"# machine: {machine()}",
        f"# versions: Python {platform.python_version()}, {libraries}",
        f"# command: {shlex.join(command)}",
        f"# started: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
    ]


def write_results(
    frame: pd.DataFrame, path: str | os.PathLike[str], lines: Iterable[str]
) -> Path:
    """Write ``frame`` as CSV after the ``#`` lines of `header`; return the path.

    Example: ``write_results(df, "notebooks/results/x.csv", header(sys.argv, {}))``
    """
    lines = list(lines)
    if not all(line.startswith("# ") and "\n" not in line for line in lines):
        raise ValueError("every header line must start with '# ' and be one line")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as file:
        file.write("\n".join(lines) + "\n")
        frame.to_csv(file, index=False, lineterminator="\n")
    return path


Rows = list[dict[str, Any]]


def writer(
    path: str | os.PathLike[str], lines: Iterable[str]
) -> Callable[[Rows], None]:
    """A function that rewrites ``path`` with the rows so far, after ``lines``
    (see `write_results`): called after every run, so that a stopped experiment
    keeps what it measured.

    Example: ``write = writer("notebooks/results/x.csv", header(sys.argv, {}))``
    """
    lines = list(lines)

    def write(rows: Rows) -> None:
        write_results(pd.DataFrame(rows), path, lines)

    return write


def over_seeds(
    seeds: Sequence[int],
    arms: Iterable[str],
    run: Callable[[str, int], Rows],
    write: Callable[[Rows], None],
) -> Rows:
    """Run every arm of an experiment on every seed and return all the rows.

    Seeds are the outer loop, so that a stopped experiment has every arm on some
    seeds; ``run(arm, seed)`` returns the rows of one run, and ``write`` gets all
    the rows so far after each run.

    Example: ``over_seeds([1, 2, 3], ["a", "b"], run_one, writer(path, lines))``
    """
    arms = list(arms)
    rows: Rows = []
    for seed in seeds:
        for arm in arms:
            rows += run(arm, seed)
            write(rows)
    return rows
