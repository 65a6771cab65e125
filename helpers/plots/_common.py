"""What several plot modules share: the colour-blind-safe palette, one digit on an
axis, a grid of image cells, and the rule for what a figure function returns."""

from __future__ import annotations

from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.preprocessing import as_image

#: Okabe and Ito's palette ("Color Universal Design", 2008), whose colours stay
#: apart for the common kinds of colour blindness: blue, orange, bluish green,
#: vermilion, reddish purple, sky blue, black, yellow. Every figure cycles through it
#: ("C0" is the blue, "C1" the orange, ...), so no two series differ only as red and
#: green or orange and green.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
    "#F0E442",
)
#: One marker per series where lines must be told apart without colour.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def use_palette() -> None:
    """Make PALETTE matplotlib's colour cycle (done when helpers.plots is imported)."""
    mpl.rcParams["axes.prop_cycle"] = cycler(color=PALETTE)


def draw_digit(
    ax: Axes,
    image: Any,
    *,
    title: str | None = None,
    fontsize: float = 10,
    cmap: str = "gray",
) -> None:
    """Draw one digit on ``ax`` without ticks, from 0 to its largest value.

    Example: ``draw_digit(ax, x_train[0], title="label 5")``
    """
    pixels = as_image(image)
    ax.imshow(pixels, cmap=cmap, vmin=0, vmax=max(float(pixels.max()), 1e-12))
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(title, fontsize=fontsize)


def image_grid(
    count: int,
    ncols: int,
    width: float,
    height: float,
    *,
    extra_width: float = 0.0,
    title: str | None = None,
) -> tuple[Figure, list[Axes]]:
    """The one grid layout behind show_digits, weight_maps and feature_maps.

    A figure of ``count`` cells (``width`` x ``height`` inches each, plus
    ``extra_width`` for a colour bar and 0.5 inch for a title) in rows of at most
    ``ncols``, laid out by matplotlib's constrained layout. Returns the figure and the
    first ``count`` axes; the spare cells of the last row are hidden.

    Example: ``fig, axes = image_grid(18, 9, 1.3, 1.6, title="18 digits")``
    """
    if count < 1:
        raise ValueError("nothing to draw")
    if ncols < 1:
        raise ValueError(f"ncols must be at least 1, got {ncols}")
    ncols = min(ncols, count)
    nrows = -(-count // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(width * ncols + extra_width, height * nrows + (0.5 if title else 0)),
        squeeze=False,
        layout="constrained",
    )
    for ax in axes.flat[count:]:
        ax.axis("off")
    if title:
        fig.suptitle(title)
    return fig, list(axes.flat[:count])


def shown(fig: Figure, return_fig: bool) -> Figure | None:
    """What every figure function returns: nothing, or the Figure if asked for.

    The figure stays open in pyplot either way, so that a notebook shows it at the
    end of the cell (the inline backend draws and closes every open figure).

    Example: ``return shown(fig, return_fig)``
    """
    return fig if return_fig else None
