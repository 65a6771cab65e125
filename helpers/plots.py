"""Figures: one digit, a labelled grid of digits, and training-history curves.

Every function returns the matplotlib Figure (or Axes) it drew on, so that a learner
can restyle it or save it with ``fig.savefig(...)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.preprocessing import as_image


def show_digit(
    image: Any, title: str | None = None, ax: Axes | None = None, fontsize: float = 10
) -> Axes:
    """Draw one digit in grey levels (0 black, the maximum white), without ticks.

    Example: ``show_digit(x_train[0], title="label 5")``
    """
    pixels = as_image(image)
    if ax is None:
        _, ax = plt.subplots(figsize=(2.5, 2.5))
    ax.imshow(pixels, cmap="gray", vmin=0, vmax=max(float(pixels.max()), 1e-12))
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(title, fontsize=fontsize)
    return ax


def show_digits(
    images: Any,
    labels: Sequence[Any] | np.ndarray | None = None,
    *,
    titles: Sequence[str] | None = None,
    ncols: int = 6,
    size: float = 1.3,
    suptitle: str | None = None,
) -> Figure:
    """Draw digits in a grid, each titled with its label (or with ``titles``).

    Example: ``show_digits(x_train[:18], y_train[:18], suptitle="First 18")``
    """
    images = [as_image(im) for im in images]
    if not images:
        raise ValueError("no images to show")
    if labels is not None and titles is not None:
        raise ValueError("give labels or titles, not both")
    names = titles if titles is not None else labels
    if names is not None and len(names) != len(images):
        raise ValueError(f"{len(images)} images but {len(names)} labels or titles")
    lines = 0 if names is None else max(str(n).count("\n") + 1 for n in names)
    title_room = 0.2 * lines + 0.1 if lines else 0.0
    fig, axes = _image_grid(
        len(images), ncols, size, size + title_room, suptitle=suptitle
    )
    for i, ax in enumerate(axes):
        title = None if names is None else str(names[i])
        show_digit(images[i], title, ax=ax, fontsize=9)
    return fig


def plot_history(history: Any, title: str | None = None) -> Figure:
    """Loss and accuracy per epoch, training and validation (like R's plot(history)).

    Accepts a Keras ``History`` or its ``history`` dict of per-epoch lists.

    Example: ``plot_history(model.fit(x, y, validation_split=0.2, epochs=5))``
    """
    return compare_histories({"": history}, title=title)


def compare_histories(
    histories: Mapping[str, Any],
    metrics: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Overlay several training runs: one panel per metric, one colour per run,
    solid lines for training and dashed lines for validation.

    ``histories`` maps a run's name to its Keras ``History`` (or its dict);
    ``metrics`` defaults to the loss, then every metric of the first run.

    Example: ``compare_histories({"no dropout": h1, "dropout 0.5": h2})``
    """
    runs = {name: _logs(history) for name, history in histories.items()}
    if not runs:
        raise ValueError("no histories to plot")
    first = next(iter(runs.values()))
    if metrics is None:  # loss first, then the metrics, as R's plot(history) draws
        metrics = sorted(
            (k for k in first if not k.startswith("val_")), key="loss".__ne__
        )
    metrics = list(metrics)
    for name, logs in runs.items():
        missing = [m for m in metrics if m not in logs]
        if missing:
            raise ValueError(f"run {name!r} has no {', '.join(missing)}")
    width = 4.8 * len(metrics) + (0 if len(runs) == 1 else 2.2)
    fig, axes = plt.subplots(
        1, len(metrics), figsize=(width, 3.6), squeeze=False, layout="constrained"
    )
    axes = axes[0]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for ax, metric in zip(axes, metrics, strict=True):
        for i, (name, logs) in enumerate(runs.items()):
            colour = colours[i % len(colours)]
            epochs = np.arange(1, len(logs[metric]) + 1)
            prefix = f"{name}: " if name else ""
            ax.plot(epochs, logs[metric], "-", color=colour, label=f"{prefix}training")
            if f"val_{metric}" in logs:
                ax.plot(
                    epochs,
                    logs[f"val_{metric}"],
                    "--",
                    color=colour,
                    label=f"{prefix}validation",
                )
        ax.set_xlabel("epoch")
        ax.set_ylabel(metric)
        ax.set_title(metric.replace("_", " "))
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.3)
    if len(runs) == 1:
        axes[0].legend()
    else:
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside right center", fontsize="small")
    if title:
        fig.suptitle(title)
    return fig


def _logs(history: Any) -> Mapping[str, Sequence[float]]:
    logs = getattr(history, "history", history)
    if not isinstance(logs, Mapping) or "loss" not in logs:
        raise ValueError("expected a Keras History or a dict with at least 'loss'")
    return logs


def weight_maps(
    kernel: Any,
    image_shape: tuple[int, int] = (28, 28),
    titles: Sequence[str] | None = None,
    ncols: int = 10,
    size: float = 1.3,
    suptitle: str | None = None,
) -> Figure:
    """Each column of ``kernel`` (inputs x units) drawn as an image of ``image_shape``,
    in a diverging colour map centred on zero: positive green, negative purple, one
    shared scale (saturating at the 99.5th percentile of |weight|) and a colour bar.

    Example: ``weight_maps(model.layers[0].get_weights()[0], titles=list("0123456789"))``
    """
    kernel = np.asarray(kernel)
    if kernel.ndim != 2 or kernel.shape[0] != image_shape[0] * image_shape[1]:
        raise ValueError(
            f"kernel must be ({image_shape[0] * image_shape[1]}, units), got {kernel.shape}"
        )
    units = kernel.shape[1]
    if titles is not None and len(titles) != units:
        raise ValueError(f"{units} maps but {len(titles)} titles")
    # saturate at the 99.5th percentile, so that a few extreme weights do not wash
    # out every other map
    limit = float(np.percentile(np.abs(kernel), 99.5)) or 1.0
    fig, axes = _image_grid(
        units, ncols, size, size + 0.3, extra_width=1.0, suptitle=suptitle
    )
    for i, ax in enumerate(axes):
        ax.axis("off")
        shown = ax.imshow(
            kernel[:, i].reshape(image_shape), cmap="PRGn", vmin=-limit, vmax=limit
        )
        if titles is not None:
            ax.set_title(titles[i])
    fig.colorbar(shown, ax=fig.axes, shrink=0.8, label="weight")
    return fig


def feature_maps(
    maps: Any, ncols: int = 16, size: float = 0.8, suptitle: str | None = None
) -> Figure:
    """The channels of one layer's output for one image, ``(height, width, channels)``,
    each on its own scale (bright = strong response).

    Example: ``feature_maps(activations[0], suptitle="conv 1: 32 maps of 26 x 26")``
    """
    maps = np.asarray(maps)
    if maps.ndim != 3:
        raise ValueError(f"expected (height, width, channels), got {maps.shape}")
    channels = maps.shape[2]
    fig, axes = _image_grid(channels, ncols, size, size, suptitle=suptitle)
    for i, ax in enumerate(axes):
        ax.axis("off")
        ax.imshow(maps[:, :, i], cmap="viridis")
    return fig


def _image_grid(
    count: int,
    ncols: int,
    width: float,
    height: float,
    *,
    extra_width: float = 0.0,
    suptitle: str | None = None,
) -> tuple[Figure, list[Axes]]:
    """The one grid layout behind show_digits, weight_maps and feature_maps.

    A figure of ``count`` cells (``width`` x ``height`` inches each, plus
    ``extra_width`` for a colour bar and 0.5 inch for a suptitle) in rows of at most
    ``ncols``, laid out by matplotlib's constrained layout. Returns the figure and the
    first ``count`` axes; the spare cells of the last row are hidden.
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
        figsize=(
            width * ncols + extra_width,
            height * nrows + (0.5 if suptitle else 0),
        ),
        squeeze=False,
        layout="constrained",
    )
    for ax in axes.flat[count:]:
        ax.axis("off")
    if suptitle:
        fig.suptitle(suptitle)
    return fig, list(axes.flat[:count])


def confusion_heatmap(
    confusion: Any, *, values: str, title: str | None = None
) -> Figure:
    """A confusion matrix (rows true, columns predicted) as a heatmap with each non-zero
    cell's value written in it. ``values`` says what the matrix holds: "counts"
    (written as integers) or "shares" (each row summing to 1, written as %).

    Example: ``confusion_heatmap(analysis.confusion_matrix(y, p), values="counts")``
    """
    if values not in ("counts", "shares"):
        raise ValueError(f'values must be "counts" or "shares", got {values!r}')
    integers = values == "counts"
    matrix = np.asarray(confusion, dtype=float)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"expected a square matrix, got shape {matrix.shape}")
    if not integers:
        matrix = matrix * 100  # shares of a row, shown in percent
    n = len(matrix)
    fig, ax = plt.subplots(figsize=(0.55 * n + 2, 0.5 * n + 1.2), layout="constrained")
    # a log-like scale would hide the diagonal; cap the colours so errors stay visible
    off_diagonal = matrix[~np.eye(n, dtype=bool)]
    top = max(float(off_diagonal.max()) * 2, 1e-9)
    shown = ax.imshow(np.minimum(matrix, top), cmap="Blues", vmin=0, vmax=top)
    for (row, col), value in np.ndenumerate(matrix):
        if value == 0:
            continue  # empty cells read faster than a grid of zeros
        text = f"{value:.0f}" if integers or value >= 10 else f"{value:.1f}"
        ax.text(
            col,
            row,
            text,
            ha="center",
            va="center",
            fontsize=8,
            color="white" if min(value, top) > top / 2 else "black",
        )
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    fig.colorbar(
        shown, ax=ax, shrink=0.8, label="count" if integers else "% of the row"
    )
    if title:
        ax.set_title(title)
    return fig


def probability_bars(
    image: Any, probabilities: Any, true: int | None = None, title: str | None = None
) -> Figure:
    """An image beside a bar chart of the model's probability for each digit; the
    predicted digit's bar is orange and the true digit's, if given and different, green.

    Example: ``probability_bars(x_test[i], probs[i], true=y_test[i])``
    """
    probabilities = np.asarray(probabilities, dtype=float)
    if probabilities.ndim != 1:
        raise ValueError(
            f"expected one probability per class, got {probabilities.shape}"
        )
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(6.5, 2.6), width_ratios=[1, 2], layout="constrained"
    )
    predicted = int(probabilities.argmax())
    show_digit(image, ax=left, title=None if true is None else f"true digit: {true}")
    colours = ["tab:blue"] * len(probabilities)
    if true is not None and true != predicted:
        colours[true] = "tab:green"
    colours[predicted] = "tab:orange"
    right.bar(range(len(probabilities)), probabilities, color=colours)
    right.set_xticks(range(len(probabilities)))
    right.set_ylim(0, 1)
    right.set_xlabel("digit")
    right.set_ylabel("probability")
    right.set_title(title or f"predicted {predicted} ({probabilities[predicted]:.0%})")
    return fig


def spread_plot(
    frame: Any,
    by: str,
    value: str,
    *,
    xlabel: str,
    title: str | None = None,
    line: float | None = None,
    line_label: str | None = None,
) -> Figure:
    """One row per group of a results table: a dot per run, a bar from the smallest
    to the largest value and a tick at the mean, so that a difference between groups
    can be read against the spread within them.

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
        values = np.asarray(frame.loc[frame[by] == group, value], dtype=float)
        ax.hlines(row, values.min(), values.max(), color="0.6", linewidth=3, zorder=1)
        ax.plot(values, np.full(len(values), row), "o", color="C0", alpha=0.8, zorder=2)
        ax.plot(values.mean(), row, "|", color="black", markersize=16, zorder=3)
    if line is not None:
        ax.axvline(line, color="C3", linestyle="--", label=line_label)
        if line_label:
            ax.legend(loc="best", fontsize="small")
    ax.set_yticks(range(len(groups)), [str(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title or f"{value} per {by}: dots are runs, | the mean")
    return fig
