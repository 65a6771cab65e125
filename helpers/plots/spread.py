"""Experiment results with their spread: several runs (seeds) per setting, drawn so
that a difference between settings can be read against the spread within them."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import ticker
from matplotlib.figure import Figure

from helpers.plots._common import shown


def spread_plot(
    frame: Any,
    by: str,
    value: str,
    *,
    xlabel: str,
    line: float | None = None,
    line_label: str | None = None,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """One row per group of a results table: a dot per run, a bar from the smallest
    to the largest value and a tick at the mean.

    ``frame`` is a pandas DataFrame with columns ``by`` and ``value``; groups keep
    their order of first appearance. ``line`` draws a dashed vertical reference (a
    target, say) labelled ``line_label``.

    Example: ``spread_plot(df, "variant", "val_errors", xlabel="errors")``
    """
    groups = list(dict.fromkeys(frame[by]))
    if not groups:
        raise ValueError("no rows to plot")
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(groups) + 1.4), layout="constrained")
    for row, group in enumerate(groups):
        runs = np.asarray(frame.loc[frame[by] == group, value], dtype=float)
        ax.hlines(row, runs.min(), runs.max(), color="0.6", linewidth=3, zorder=1)
        ax.plot(runs, np.full(len(runs), row), "o", color="C0", alpha=0.8, zorder=2)
        ax.plot(runs.mean(), row, "|", color="black", markersize=16, zorder=3)
    if line is not None:
        ax.axvline(line, color="C3", linestyle="--", label=line_label)
        if line_label:
            ax.legend(loc="best", fontsize="small")
    ax.set_yticks(range(len(groups)), [str(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title or f"{value} per {by}: dots are runs, | the mean")
    return shown(fig, return_fig)


def learning_curve(
    frame: Any,
    x: str,
    y: str,
    by: str,
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """Accuracy (or any score) against the amount of data, one line per method.

    ``frame`` is a pandas DataFrame with one row per run: columns ``x`` (the amount,
    drawn on a log scale and labelled with its values), ``y`` and ``by`` (the method).
    Each method gets a dot per run, a line through the means and a band from the
    smallest to the largest run.

    Example: ``learning_curve(runs, "per class", "accuracy", "method", xlabel=...,
    ylabel=...)``
    """
    methods = list(dict.fromkeys(frame[by]))
    if not methods:
        raise ValueError("no rows to plot")
    fig, ax = plt.subplots(figsize=(6.5, 3.8), layout="constrained")
    for colour, method in enumerate(methods):
        rows = frame[frame[by] == method]
        grouped = rows.groupby(x)[y]
        sizes = np.asarray(sorted(grouped.groups), dtype=float)
        ax.fill_between(
            sizes,
            grouped.min().loc[sizes],
            grouped.max().loc[sizes],
            color=f"C{colour}",
            alpha=0.2,
            linewidth=0,
        )
        ax.plot(sizes, grouped.mean().loc[sizes], "-", color=f"C{colour}", label=method)
        ax.plot(rows[x], rows[y], "o", color=f"C{colour}", markersize=3.5, alpha=0.8)
    ax.set_xscale("log")
    ticks = sorted(set(frame[x]))
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_locator(ticker.NullLocator())
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize="small")
    ax.set_title(title or f"{ylabel}: lines are means, bands the range of the runs")
    return shown(fig, return_fig)
