"""Digits as images: one digit, a grid of them, and a number per pixel position."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from helpers.plots._common import PALETTE, draw_digit, image_grid, shown
from helpers.preprocessing import as_image


def show_digit(
    image: Any,
    *,
    title: str | None = None,
    cmap: str = "gray",
    ax: Axes | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """Draw one digit without ticks. The colour map decides the colours: with the
    default "gray", 0 (background) is drawn black and the maximum (ink) white; with
    "binary", ink is black on white paper. The numbers are the same.

    ``ax`` draws on an existing axis instead of a new figure.

    Example: ``show_digit(x_train[0], title="label 5", cmap="binary")``
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(2.5, 2.5))
    draw_digit(ax, image, title=title, cmap=cmap)
    return shown(ax.figure, return_fig)


def show_digits(
    images: Any,
    *,
    labels: Sequence[Any] | np.ndarray | None = None,
    titles: Sequence[str] | None = None,
    marked: Sequence[bool] | np.ndarray | None = None,
    boxes: Sequence[tuple[int, int, int, int]] | None = None,
    ncols: int = 6,
    size: float = 1.3,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """Draw digits in a grid, each titled with its label (or with ``titles``).

    ``marked`` (one bool per image) draws the marked images' titles in vermilion inside a
    thick vermilion frame: the mistakes in a grid of predictions, say. ``boxes`` (one per image:
    top row, left column, height, width, in pixels) outlines a window of each image
    in orange: what one unit of a network sees, say. ``size`` is each cell's width in
    inches; ``title`` is the figure's.

    Example: ``show_digits(x_test[:18], titles=t, marked=predicted != y_test[:18])``
    """
    images = [as_image(im) for im in images]
    if not images:
        raise ValueError("no images to show")
    if labels is not None and titles is not None:
        raise ValueError("give labels or titles, not both")
    names = titles if titles is not None else labels
    if names is not None and len(names) != len(images):
        raise ValueError(f"{len(images)} images but {len(names)} labels or titles")
    if marked is not None and len(marked) != len(images):
        raise ValueError(f"{len(images)} images but {len(marked)} marks")
    if boxes is not None and len(boxes) != len(images):
        raise ValueError(f"{len(images)} images but {len(boxes)} boxes")
    lines = 0 if names is None else max(str(n).count("\n") + 1 for n in names)
    title_room = 0.2 * lines + 0.1 if lines else 0.0
    fig, axes = image_grid(len(images), ncols, size, size + title_room, title=title)
    for i, ax in enumerate(axes):
        name = None if names is None else str(names[i])
        draw_digit(ax, images[i], title=name, fontsize=9)
        if marked is not None and marked[i]:
            ax.title.set_color(PALETTE[3])
            for spine in ax.spines.values():
                spine.set(color=PALETTE[3], linewidth=2.5)
        if boxes is not None:
            top, left, height, width = boxes[i]
            ax.add_patch(
                Rectangle(
                    (left - 0.5, top - 0.5),
                    width,
                    height,
                    fill=False,
                    edgecolor="C1",
                    linewidth=2,
                )
            )
    return shown(fig, return_fig)


def pixel_heatmap(
    values: Any,
    *,
    colorbar_label: str,
    title: str | None = None,
    cmap: str = "viridis",
    zero: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """A 28 x 28 (or any 2-D) array of numbers per pixel position as a heatmap, with
    a colour bar labelled ``colorbar_label`` saying what the colours mean. ``zero``
    names a legend entry for cells that are exactly 0, drawn in red, so that they
    stand out from cells that are merely small.

    Example: ``pixel_heatmap((x > 0).mean(axis=0), colorbar_label="share", zero="never")``
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 2:
        raise ValueError(f"expected a 2-D array, got shape {values.shape}")
    fig, ax = plt.subplots(figsize=(4.6, 3.6), layout="constrained")
    colours = plt.get_cmap(cmap)
    if zero is not None:
        values = np.ma.masked_equal(values, 0.0)
        colours = colours.with_extremes(bad="red")
        fig.legend(
            handles=[Patch(color="red", label=f"exactly 0: {zero}")],
            loc="outside lower center",
            fontsize="small",
        )
    image = ax.imshow(values, cmap=colours)
    ax.set_xlabel("column")
    ax.set_ylabel("row")
    fig.colorbar(image, ax=ax, label=colorbar_label)
    if title:
        ax.set_title(title)
    return shown(fig, return_fig)
