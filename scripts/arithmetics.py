"""The claims and checkpoints of notebooks under each CPU arithmetic this machine has.

The same seed and library versions give the same numbers on CPUs of the same kind; a
CPU of another kind runs other kernels, whose float32 round-off differs, and training
then follows a slightly different path. This script makes that difference visible on
one machine: it executes notebooks (each in a fresh kernel, in a scratch copy of
``notebooks/`` so that no saved model is shared) once per arithmetic available here,

- ``oneDNN``: TensorFlow's oneDNN kernels, as the notebooks' set-up selects;
- ``Eigen``: ``TF_ENABLE_ONEDNN_OPTS=0``, TensorFlow's Eigen kernels;
- ``oneDNN, AVX2 code``: on an AVX-512 machine, oneDNN held to AVX2 instructions
  (``ONEDNN_MAX_CPU_ISA=AVX2``), the arithmetic of the AVX2 kind;

and writes every claim and checkpoint line the notebooks print to
``notebooks/results/arithmetics.csv``, one row each. Rows measured on another CPU
kind are kept, so that runs on both kinds add up in one file. The claims' bands
are chosen to cover what this file holds.

    python -m scripts.arithmetics notebooks/00_start_here.ipynb
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.checks import CLAIM_LINE, LINE
from helpers.runtime import cpu_kind
from scripts import experiments
from tools import ROOT
from tools.execute import execute_notebook, printed_lines

RESULTS = ROOT / "notebooks" / "results" / "arithmetics.csv"
COLUMNS = ["cpu_kind", "arithmetic", "notebook", "line", "name", "value"]


def arithmetics(kind: str) -> dict[str, dict[str, str]]:
    """The arithmetics a CPU of ``kind`` can run, as environment settings."""
    found = {
        "oneDNN": {"TF_ENABLE_ONEDNN_OPTS": "1"},
        "Eigen": {"TF_ENABLE_ONEDNN_OPTS": "0"},
    }
    if kind.startswith("AVX-512"):
        found["oneDNN, AVX2 code"] = {
            "TF_ENABLE_ONEDNN_OPTS": "1",
            "ONEDNN_MAX_CPU_ISA": "AVX2",
        }
    return found


def claim_and_checkpoint_rows(nb) -> list[dict[str, str]]:
    """The claim and checkpoint lines of an executed notebook's outputs."""
    rows = []
    for line in printed_lines(nb):
        for kind, pattern in (("claim", CLAIM_LINE), ("checkpoint", LINE)):
            if match := pattern.match(line):
                rows.append(
                    {"line": kind, "name": match["name"], "value": match["value"]}
                )
    return rows


def run(notebook: Path, arithmetic: str, settings: dict[str, str]) -> list[dict]:
    """Execute one notebook under one arithmetic; its claim and checkpoint rows."""
    saved = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / "notebooks"
            shutil.copytree(
                notebook.parent, copy, ignore=shutil.ignore_patterns("saved_models")
            )
            nb, result = execute_notebook(copy / notebook.name)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if result.status != "ok":
        raise RuntimeError(f"{notebook.name} under {arithmetic}: {result.failure}")
    print(f"{notebook.name} under {arithmetic}: {result.seconds:.0f} s", flush=True)
    return [
        {"arithmetic": arithmetic, "notebook": notebook.name, **row}
        for row in claim_and_checkpoint_rows(nb)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)

    kind = cpu_kind()
    rows = [
        {"cpu_kind": kind, **row}
        for notebook in args.notebooks
        for arithmetic, settings in arithmetics(kind).items()
        for row in run(notebook.resolve(), arithmetic, settings)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if args.output.exists():  # keep what other CPU kinds and notebooks measured
        from helpers.results import read_results

        before = read_results(args.output)
        names = {n.name for n in args.notebooks}
        keep = (before["cpu_kind"] != kind) | ~before["notebook"].isin(names)
        frame = pd.concat([before[keep], frame], ignore_index=True)
    lines = experiments.header(__name__, argv)
    lines.insert(1, "# rows of other CPU kinds were measured there by the same command")
    experiments.write_results(frame, args.output, lines)
    print(frame.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
