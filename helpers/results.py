"""Results of the course's longer experiments, committed as CSV under notebooks/results/.

Each file opens with ``#`` lines naming the machine, the versions and the command
that wrote it (see the repository's ``scripts/experiments.py``), then a CSV table.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd


def read_results(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a results file; its ``#`` lines are kept in ``frame.attrs["header"]``.

    Example: ``read_results("results/challenge_seeds.csv").attrs["header"]``
    """
    text = Path(path).read_text()
    lines = text.splitlines()
    header = [line[2:] for line in lines if line.startswith("# ")]
    frame = pd.read_csv(io.StringIO(text), comment="#")
    if frame.empty:
        raise ValueError(f"{path} holds no results")
    frame.attrs["header"] = header
    return frame


def seed_histories(
    frame: pd.DataFrame, by: str, seed: str = "seed"
) -> dict[str, list[dict[str, list]]]:
    """Per-epoch results (one row per epoch) as training histories: for each ``by``
    group, in order of first appearance, one dict of columns per seed, the form a
    Keras ``History.history`` has and `plots.training_curves` draws with bands.

    Example: ``plots.training_curves(seed_histories(runs, "variant"), layout="grid")``
    """
    return {
        name: [rows.to_dict("list") for _, rows in group.groupby(seed)]
        for name, group in frame.groupby(by, sort=False)
    }
