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


def spread_table(
    frame: pd.DataFrame, by: str, value: str, reference: str | None = None
) -> pd.DataFrame:
    """Mean, smallest and largest ``value`` per ``by`` group, against ``reference``.

    ``beyond spread`` is True where the group's range of values and the reference
    group's range do not overlap: with a few seeds per group, the plainest test of
    a difference that the seed-to-seed spread alone does not explain. Without a
    ``reference``, each group is compared with the group above it (in order of
    first appearance): the test for changes made one at a time, each on top of
    the last.

    Example: ``spread_table(ingredients, "variant", "val_errors", "full recipe")``
    """
    stats = frame.groupby(by, sort=False)[value].agg(["count", "mean", "min", "max"])
    if reference is None:
        above = stats.shift(1)
        stats["mean - row above"] = stats["mean"] - above["mean"]
        stats["beyond spread"] = (stats["min"] > above["max"]) | (
            stats["max"] < above["min"]
        )
        return stats.rename(columns={"count": "runs"})
    if reference not in stats.index:
        raise KeyError(f"no rows with {by} == {reference!r}")
    ref = stats.loc[reference]
    stats["mean - reference"] = stats["mean"] - ref["mean"]
    stats["beyond spread"] = (stats["min"] > ref["max"]) | (stats["max"] < ref["min"])
    stats.loc[reference, "beyond spread"] = False
    return stats.rename(columns={"count": "runs"})


def spread_tables(
    frame: pd.DataFrame, by: str, values: list[str], reference: str | None = None
) -> pd.DataFrame:
    """`spread_table` for several values side by side, one group of columns per
    value (mean, min, max, the difference and ``beyond spread``; runs left out).

    Example: ``spread_tables(final, "variant", ["val_accuracy", "val_loss"], "none")``
    """
    return pd.concat(
        {
            value: spread_table(frame, by, value, reference).drop(columns="runs")
            for value in values
        },
        axis=1,
    )


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
