"""Errors and confidence: a confusion matrix, a model's probabilities for a few
images, and a reliability diagram."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from helpers.plots._common import PALETTE, draw_digit, shown

KINDS = ("counts", "shares")


def confusion_heatmap(
    confusion: Any,
    *,
    kind: str,
    cap: float | None = None,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """A confusion matrix (rows true, columns predicted) as a heatmap with each non-zero
    cell's value written in it. ``kind`` says what the matrix holds: "counts"
    (written as integers) or "shares" (each row summing to 1, written as %).

    The colours stop at ``cap`` (a count, or a percentage for shares), by default
    twice the largest off-diagonal cell, so that mistakes stay visible beside the
    diagonal; pass the same ``cap`` to two heatmaps to compare their colours.

    Example: ``confusion_heatmap(analysis.confusion_matrix(y, p), kind="counts")``
    """
    if kind not in KINDS:
        raise ValueError(f'kind must be "counts" or "shares", got {kind!r}')
    integers = kind == "counts"
    matrix = np.asarray(confusion, dtype=float)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"expected a square matrix, got shape {matrix.shape}")
    if not integers:
        matrix = matrix * 100  # shares of a row, shown in percent
    n = len(matrix)
    fig, ax = plt.subplots(figsize=(0.55 * n + 2, 0.5 * n + 1.2), layout="constrained")
    # a log-like scale would hide the diagonal; cap the colours so errors stay
    # visible, and say so on the colour bar (a 974 must not look like an 18)
    off_diagonal = matrix[~np.eye(n, dtype=bool)]
    if cap is not None and cap <= 0:
        raise ValueError(f"cap must be positive, got {cap}")
    top = float(cap) if cap is not None else max(float(off_diagonal.max()) * 2, 1e-9)
    capped = bool((matrix > top).any())
    image = ax.imshow(np.minimum(matrix, top), cmap="Blues", vmin=0, vmax=top)
    for (row, col), value in np.ndenumerate(matrix):
        if value == 0:
            continue  # empty cells read faster than a grid of zeros
        ax.text(
            col,
            row,
            f"{value:.0f}" if integers else f"{value:.1f}",
            ha="center",
            va="center",
            fontsize=8,
            color="white" if min(value, top) > top / 2 else "black",
        )
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    unit = "count" if integers else "% of the row"
    cap = f"{top:.0f}" if integers else f"{top:.1f}%"
    fig.colorbar(
        image,
        ax=ax,
        shrink=0.8,
        extend="max" if capped else "neither",
        label=f"{unit} (colours capped at {cap}; cells above it are\n"
        "as dark as the cap: read their numbers)"
        if capped
        else unit,
    )
    if title:
        ax.set_title(title)
    return shown(fig, return_fig)


def probability_bars(
    images: Any,
    probabilities: Any,
    *,
    true: Any = None,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """Each image beside a bar chart of the model's probability for each digit; the
    predicted digit's bar is blue, the true digit's (if given and different) orange
    and hatched, the others grey: told apart by hatching as well as by colour.

    One image with a vector of probabilities draws one row; several images with a
    ``(n, classes)`` array (and ``true`` as a sequence) draw one row each, on the
    same probability scale.

    Example: ``probability_bars(x_test[i], probs[i], true=y_test[i])``
    """
    probabilities = np.asarray(probabilities, dtype=float)
    if probabilities.ndim == 1:
        images, probabilities, true = [images], probabilities[None], [true]
    elif probabilities.ndim != 2:
        raise ValueError(
            f"expected one probability per class, got {probabilities.shape}"
        )
    true = [None] * len(probabilities) if true is None else list(true)
    if not len(images) == len(probabilities) == len(true):
        raise ValueError(
            f"{len(images)} images, {len(probabilities)} rows of probabilities "
            f"and {len(true)} true digits"
        )
    rows = len(probabilities)
    fig, axes = plt.subplots(
        rows,
        2,
        figsize=(6.5, 2.3 * rows + 0.3),
        width_ratios=[1, 2],
        squeeze=False,
        layout="constrained",
    )
    classes = probabilities.shape[1]
    for (left, right), image, row, digit in zip(
        axes, images, probabilities, true, strict=True
    ):
        predicted = int(row.argmax())
        label = None if digit is None else f"true digit: {digit}"
        draw_digit(left, image, title=label)
        colours, hatches = ["0.7"] * classes, [""] * classes
        if digit is not None and digit != predicted:
            colours[int(digit)], hatches[int(digit)] = PALETTE[1], "//"
        colours[predicted] = PALETTE[0]
        right.bar(range(classes), row, color=colours, hatch=hatches, edgecolor="black")
        right.set_xticks(range(classes))
        right.set_ylim(0, 1)
        right.set_xlabel("digit")
        right.set_ylabel("probability")
        right.set_title(f"predicted {predicted} ({row[predicted]:.0%})")
    if any(digit is not None for digit in true):
        fig.legend(
            handles=[
                Patch(facecolor=PALETTE[0], edgecolor="black", label="predicted digit"),
                Patch(
                    facecolor=PALETTE[1],
                    edgecolor="black",
                    hatch="//",
                    label="true digit, when the prediction is wrong",
                ),
            ],
            loc="outside lower center",
            ncols=2,
            fontsize="small",
        )
    if title:
        fig.suptitle(title)
    return shown(fig, return_fig)


def reliability_diagram(
    tables: Mapping[str, Any],
    *,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """One panel per model: in each confidence bin, a bar as high as the accuracy
    of the predictions that fell in it, beside the diagonal where accuracy equals
    confidence; the count of predictions is written above each bar (most fall in
    the top bin).

    ``tables`` maps a model's name (its panel's title) to a pandas DataFrame with one
    row per bin and columns ``lower``, ``upper`` (the bin's edges), ``count``,
    ``confidence`` (mean confidence in the bin) and ``accuracy``; empty bins are
    skipped. Optional columns ``low`` and ``high`` (an interval for the accuracy,
    such as a Wilson interval) are drawn as a vertical line through each bin's
    point. The legend sits below the panels, clear of the bars and their counts.

    Example: ``reliability_diagram({"convnet": bins}, title="Reliability")``
    """
    if not tables:
        raise ValueError("no models to draw")
    needed = {"lower", "upper", "count", "confidence", "accuracy"}
    for name, table in tables.items():
        missing = needed - set(table.columns)
        if missing:
            raise ValueError(f"table {name!r} has no {', '.join(sorted(missing))}")
    fig, axes = plt.subplots(
        1,
        len(tables),
        figsize=(4.2 * len(tables), 4.0),
        squeeze=False,
        sharey=True,
        layout="constrained",
    )
    for ax, (name, table) in zip(axes[0], tables.items(), strict=True):
        used = table[table["count"] > 0]
        lows = used["lower"].to_numpy(dtype=float)
        widths = used["upper"].to_numpy(dtype=float) - lows
        ax.bar(
            lows,
            used["accuracy"],
            width=widths,
            align="edge",
            color="C0",
            edgecolor="white",
            label="accuracy in the bin",
        )
        ax.plot(
            used["confidence"],
            used["accuracy"],
            "o",
            color="C1",
            markersize=4,
            label="(mean confidence, accuracy)",
        )
        if {"low", "high"} <= set(used.columns):
            ax.vlines(
                used["confidence"],
                used["low"],
                used["high"],
                color="black",
                linewidth=1.2,
                label="interval for the accuracy",
            )
        ax.plot([0, 1], [0, 1], "--", color="0.4", label="perfectly calibrated")
        for low, width, acc, count in zip(
            lows, widths, used["accuracy"], used["count"], strict=True
        ):
            ax.text(low + width / 2, acc + 0.02, f"{count:,}", ha="center", fontsize=7)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.08)
        ax.set_xlabel("confidence (top probability)")
        ax.set_title(name)
        ax.grid(alpha=0.3)
    axes[0, 0].set_ylabel("accuracy")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize="small")
    if title:
        fig.suptitle(title)
    return shown(fig, return_fig)
