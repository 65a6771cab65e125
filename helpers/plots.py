"""Figures: digits, training curves, weights and activations, errors and calibration,
and experiment results with their spread.

Every function returns the matplotlib Figure (or Axes) it drew on, so that a learner
can restyle it or save it with ``fig.savefig(...)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from helpers.preprocessing import as_image


def show_digit(
    image: Any,
    title: str | None = None,
    ax: Axes | None = None,
    fontsize: float = 10,
    *,
    cmap: str = "gray",
) -> Axes:
    """Draw one digit without ticks. The colour map decides the colours: with the
    default "gray", 0 (background) is drawn black and the maximum (ink) white; with
    "binary", ink is black on white paper. The numbers are the same.

    Example: ``show_digit(x_train[0], title="label 5", cmap="binary")``
    """
    pixels = as_image(image)
    if ax is None:
        _, ax = plt.subplots(figsize=(2.5, 2.5))
    ax.imshow(pixels, cmap=cmap, vmin=0, vmax=max(float(pixels.max()), 1e-12))
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
    marked: Sequence[bool] | np.ndarray | None = None,
) -> Figure:
    """Draw digits in a grid, each titled with its label (or with ``titles``).

    ``marked`` (one bool per image) draws the marked images' titles in red inside a
    red frame: the mistakes in a grid of predictions, say.

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
    lines = 0 if names is None else max(str(n).count("\n") + 1 for n in names)
    title_room = 0.2 * lines + 0.1 if lines else 0.0
    fig, axes = _image_grid(
        len(images), ncols, size, size + title_room, suptitle=suptitle
    )
    for i, ax in enumerate(axes):
        title = None if names is None else str(names[i])
        show_digit(images[i], title, ax=ax, fontsize=9)
        if marked is not None and marked[i]:
            ax.title.set_color("red")
            for spine in ax.spines.values():
                spine.set(color="red", linewidth=2.5)
    return fig


def pixel_heatmap(
    values: Any,
    *,
    label: str,
    title: str | None = None,
    cmap: str = "viridis",
    zero: str | None = None,
) -> Figure:
    """A 28 x 28 (or any 2-D) array of numbers per pixel position as a heatmap, with
    a colour bar labelled ``label`` saying what the colours mean. ``zero`` names a
    legend entry for cells that are exactly 0, drawn in red, so that they stand out
    from cells that are merely small.

    Example: ``pixel_heatmap((x_train > 0).mean(axis=0), label="share", zero="never")``
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
    shown = ax.imshow(values, cmap=colours)
    ax.set_xlabel("column")
    ax.set_ylabel("row")
    fig.colorbar(shown, ax=ax, label=label)
    if title:
        ax.set_title(title)
    return fig


def plot_history(
    history: Any,
    title: str | None = None,
    *,
    log_loss: bool = False,
    mark_best: bool = False,
) -> Figure:
    """Loss and accuracy per epoch, training and validation (like R's plot(history)).

    Accepts a Keras ``History`` or its ``history`` dict of per-epoch lists;
    ``log_loss`` and ``mark_best`` as in :func:`compare_histories`.

    Example: ``plot_history(model.fit(x, y, validation_split=0.2, epochs=5))``
    """
    return compare_histories(
        {"": history}, title=title, log_loss=log_loss, mark_best=mark_best
    )


def compare_histories(
    histories: Mapping[str, Any],
    metrics: Sequence[str] | None = None,
    title: str | None = None,
    *,
    log_loss: bool = False,
    mark_best: bool = False,
    validation_only: bool = False,
) -> Figure:
    """Overlay several training runs: one panel per metric, one colour per run,
    solid lines for training and dashed lines for validation.

    ``histories`` maps a run's name to its Keras ``History`` (or its dict);
    ``metrics`` defaults to the loss, then every metric of the first run.
    ``log_loss`` draws the loss panels on a logarithmic scale (a rise late in
    training stays visible beside the steep first epochs); ``mark_best`` circles,
    on every validation curve, the epoch with the lowest validation loss;
    ``validation_only`` draws only the validation curves, solid, one per run.

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
        if validation_only:
            missing = [f"val_{m}" for m in metrics if f"val_{m}" not in logs]
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
            if not validation_only:
                ax.plot(
                    epochs, logs[metric], "-", color=colour, label=f"{prefix}training"
                )
            if f"val_{metric}" in logs:
                ax.plot(
                    epochs,
                    logs[f"val_{metric}"],
                    "-" if validation_only else "--",
                    color=colour,
                    label=name or "validation"
                    if validation_only
                    else f"{prefix}validation",
                )
                if mark_best and "val_loss" in logs:
                    best = int(np.argmin(logs["val_loss"]))
                    ax.plot(
                        best + 1,
                        logs[f"val_{metric}"][best],
                        "o",
                        markersize=9,
                        fillstyle="none",
                        color=colour,
                        label=f"{prefix}best epoch ({best + 1})",
                    )
        if log_loss and "loss" in metric:
            ax.set_yscale("log")
            # plain numbers (0.05, not 5 x 10^-2), minor ticks labelled at 2, 3 and 5
            ax.yaxis.set_major_formatter(ticker.FuncFormatter(_plain))
            ax.yaxis.set_minor_formatter(
                ticker.FuncFormatter(
                    lambda v, _: _plain(v) if _leading_digit(v) in (2, 3, 5) else ""
                )
            )
        ax.set_xlabel("epoch")
        ax.set_ylabel(
            metric + (" (log scale)" if log_loss and "loss" in metric else "")
        )
        ax.set_title(
            ("validation " if validation_only else "") + metric.replace("_", " ")
        )
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


def _plain(value: float, _position: Any = None) -> str:
    return f"{value:g}"


def _leading_digit(value: float) -> int:
    return round(value / 10 ** np.floor(np.log10(value))) if value > 0 else 0


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
    label: str = "weight",
) -> Figure:
    """Each column of ``kernel`` (inputs x units) drawn as an image of ``image_shape``,
    in a diverging colour map centred on zero: positive green, negative purple, one
    shared scale (saturating at the 99.5th percentile of |weight|) and a colour bar
    labelled ``label``.

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
    fig.colorbar(shown, ax=fig.axes, shrink=0.8, label=label)
    return fig


def feature_maps(
    maps: Any,
    ncols: int = 16,
    size: float = 0.8,
    suptitle: str | None = None,
    *,
    titles: Sequence[str] | None = None,
    vmax: float | None = None,
) -> Figure:
    """The channels of one layer's output for one image, ``(height, width, channels)``,
    on one shared scale from 0 to ``vmax`` (default: the largest value in ``maps``),
    with a colour bar, so that a weak channel looks weak. Pass the whole layer's
    maximum as ``vmax`` when drawing a few of its channels.

    Example: ``feature_maps(activations[0], suptitle="conv 1: 32 maps of 26 x 26")``
    """
    maps = np.asarray(maps, dtype=float)
    if maps.ndim != 3:
        raise ValueError(f"expected (height, width, channels), got {maps.shape}")
    channels = maps.shape[2]
    if titles is not None and len(titles) != channels:
        raise ValueError(f"{channels} channels but {len(titles)} titles")
    top = float(maps.max()) if vmax is None else float(vmax)
    top = top if top > 0 else 1.0  # an all-zero layer still gets a readable bar
    room = 0.3 if titles is not None else 0.0
    fig, axes = _image_grid(
        channels, ncols, size, size + room, extra_width=1.0, suptitle=suptitle
    )
    for i, ax in enumerate(axes):
        ax.axis("off")
        shown = ax.imshow(maps[:, :, i], cmap="viridis", vmin=0, vmax=top)
        if titles is not None:
            ax.set_title(titles[i], fontsize=8)
    fig.colorbar(shown, ax=fig.axes, shrink=0.8, label="activation")
    return fig


def filter_responses(
    filters: Any,
    responses: Any,
    *,
    titles: Sequence[str] | None = None,
    ncols: int = 8,
    size: float = 1.1,
    suptitle: str | None = None,
) -> Figure:
    """Each filter above its response map: ``filters`` is ``(height, width, n)``
    (drawn green positive, purple negative, one shared scale), ``responses`` is
    ``(height, width, n)`` (one shared diverging scale: a negative response is what
    ReLU would cut). Two colour bars say what each row's colours mean.

    Example: ``filter_responses(kernel[:, :, 0, :], conv_output[0], ncols=8)``
    """
    filters = np.asarray(filters, dtype=float)
    responses = np.asarray(responses, dtype=float)
    if filters.ndim != 3 or responses.ndim != 3:
        raise ValueError(
            "expected filters and responses as (height, width, n), got "
            f"{filters.shape} and {responses.shape}"
        )
    n = filters.shape[2]
    if responses.shape[2] != n:
        raise ValueError(f"{n} filters but {responses.shape[2]} responses")
    if titles is not None and len(titles) != n:
        raise ValueError(f"{n} filters but {len(titles)} titles")
    ncols = max(1, min(ncols, n))
    bands = -(-n // ncols)
    fig, axes = plt.subplots(
        2 * bands,
        ncols,
        figsize=(size * ncols + 1.6, (2 * size + 0.25) * bands + 0.5),
        squeeze=False,
        layout="constrained",
    )
    weight_limit = float(np.abs(filters).max()) or 1.0
    response_limit = float(np.abs(responses).max()) or 1.0
    for ax in axes.flat:
        ax.axis("off")
    for i in range(n):
        band, col = divmod(i, ncols)
        top, bottom = axes[2 * band, col], axes[2 * band + 1, col]
        kernel = top.imshow(
            filters[:, :, i], cmap="PRGn", vmin=-weight_limit, vmax=weight_limit
        )
        response = bottom.imshow(
            responses[:, :, i], cmap="RdBu_r", vmin=-response_limit, vmax=response_limit
        )
        if titles is not None:
            top.set_title(titles[i], fontsize=9)
    # the filters' colour bar on the left, the responses' on the right: with several
    # bands of rows, two bars on one side would overlap
    fig.colorbar(
        kernel,
        ax=axes.ravel().tolist(),
        location="left",
        shrink=0.8,
        label="weight (top rows)",
    )
    fig.colorbar(
        response,
        ax=axes.ravel().tolist(),
        location="right",
        shrink=0.8,
        label="response (bottom rows)",
    )
    if suptitle:
        fig.suptitle(suptitle)
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
    # a log-like scale would hide the diagonal; cap the colours so errors stay
    # visible, and say so on the colour bar (a 974 must not look like an 18)
    off_diagonal = matrix[~np.eye(n, dtype=bool)]
    top = max(float(off_diagonal.max()) * 2, 1e-9)
    capped = bool((matrix > top).any())
    shown = ax.imshow(np.minimum(matrix, top), cmap="Blues", vmin=0, vmax=top)
    for (row, col), value in np.ndenumerate(matrix):
        if value == 0:
            continue  # empty cells read faster than a grid of zeros
        text = f"{value:.0f}" if integers else f"{value:.1f}"
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
    unit = "count" if integers else "% of the row"
    cap = f"{top:.0f}" if integers else f"{top:.1f}%"
    fig.colorbar(
        shown,
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
    return fig


def probability_bars(
    images: Any, probabilities: Any, true: Any = None, title: str | None = None
) -> Figure:
    """Each image beside a bar chart of the model's probability for each digit; the
    predicted digit's bar is orange and the true digit's, if given and different,
    green.

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
        show_digit(
            image, ax=left, title=None if digit is None else f"true digit: {digit}"
        )
        colours = ["tab:blue"] * classes
        if digit is not None and digit != predicted:
            colours[int(digit)] = "tab:green"
        colours[predicted] = "tab:orange"
        right.bar(range(classes), row, color=colours)
        right.set_xticks(range(classes))
        right.set_ylim(0, 1)
        right.set_xlabel("digit")
        right.set_ylabel("probability")
        right.set_title(f"predicted {predicted} ({row[predicted]:.0%})")
    if any(digit is not None for digit in true):
        fig.legend(
            handles=[
                Patch(color="tab:orange", label="predicted digit"),
                Patch(
                    color="tab:green", label="true digit, when the prediction is wrong"
                ),
            ],
            loc="outside lower center",
            ncols=2,
            fontsize="small",
        )
    if title and rows == 1:
        axes[0, 1].set_title(title)
    elif title:
        fig.suptitle(title)
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


def reliability_diagram(
    tables: Mapping[str, Any], *, title: str | None = None
) -> Figure:
    """One panel per model: in each confidence bin, a bar as high as the accuracy
    of the predictions that fell in it, beside the diagonal where accuracy equals
    confidence; the count of predictions is written above each bar (most fall in
    the top bin).

    ``tables`` maps a model's name to a pandas DataFrame with one row per bin and
    columns ``lower``, ``upper`` (the bin's edges), ``count``, ``confidence`` (mean
    confidence in the bin) and ``accuracy``; empty bins are skipped.

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
    axes[0, 0].legend(loc="upper left", fontsize="small")
    if title:
        fig.suptitle(title)
    return fig


def occlusion_maps(
    images: Any,
    maps: Any,
    *,
    titles: Sequence[str] | None = None,
    size: float = 1.6,
    suptitle: str | None = None,
) -> Figure:
    """Each image (top row) above its occlusion map (bottom row): how much covering
    each place lowered the probability of a class (red: covering it lowered the
    probability, so the model relied on it; blue: covering it raised it). One
    shared scale, symmetric around zero, with a colour bar.

    Example: ``occlusion_maps(x[idx], [analysis.occlusion_map(...) for ...])``
    """
    images = [as_image(im) for im in images]
    maps = [np.asarray(m, dtype=float) for m in maps]
    if not images or len(images) != len(maps):
        raise ValueError(f"{len(images)} images but {len(maps)} maps")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"{len(images)} images but {len(titles)} titles")
    n = len(images)
    fig, axes = plt.subplots(
        2,
        n,
        figsize=(size * n + 1.4, 2 * size + 0.8 + (0.5 if suptitle else 0)),
        squeeze=False,
        layout="constrained",
    )
    limit = max(float(max(np.abs(m).max() for m in maps)), 1e-9)
    for i in range(n):
        show_digit(
            images[i],
            None if titles is None else titles[i],
            ax=axes[0, i],
            fontsize=9,
        )
        shown = axes[1, i].imshow(maps[i], cmap="RdBu_r", vmin=-limit, vmax=limit)
        axes[1, i].contour(images[i], levels=[0.5 * images[i].max()], colors="0.3")
        axes[1, i].set_xticks([])
        axes[1, i].set_yticks([])
    fig.colorbar(
        shown,
        ax=axes[1].tolist(),
        shrink=0.9,
        label="drop in probability\nwhen covered",
    )
    if suptitle:
        fig.suptitle(suptitle)
    return fig


def learning_curve(
    frame: Any,
    x: str,
    y: str,
    by: str,
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
) -> Figure:
    """Accuracy (or any score) against the amount of data, one line per method.

    ``frame`` is a pandas DataFrame with one row per run: columns ``x`` (the amount,
    drawn on a log scale and labelled with its values), ``y`` and ``by`` (the method).
    Each method gets a dot per run, a line through the means and a band from the
    smallest to the largest run, so that a gap can be read against the spread.

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
    return fig


def history_panels(
    runs: Mapping[str, Any],
    curves: Mapping[str, str],
    metrics: Sequence[str] = ("loss", "accuracy"),
    *,
    title: str | None = None,
    ylims: Mapping[str, tuple[float, float]] | None = None,
) -> Figure:
    """Small multiples: one column per run, one row per metric, the same scales
    throughout, so that runs are compared panel by panel rather than line by line.

    ``runs`` maps a name to a Keras ``History`` (or its dict), or to a list of them
    (one per seed): then each curve is the mean over the seeds inside a band from
    the smallest to the largest. ``curves`` maps a key pattern to its legend label;
    ``{}`` stands for the metric, so ``{"{}": "training", "val_{}": "validation"}``
    draws ``loss`` and ``val_loss`` in the loss row. ``ylims`` fixes a row's range.

    Example: ``history_panels({"a": h1, "b": h2}, {"{}": "training", "val_{}": "validation"})``
    """
    if not runs or not curves:
        raise ValueError("no runs or no curves to plot")
    seeds = {
        name: [_logs(h) for h in (value if isinstance(value, list) else [value])]
        for name, value in runs.items()
    }
    fig, axes = plt.subplots(
        len(metrics),
        len(runs),
        figsize=(max(2.9 * len(runs) + 0.4, 6.0), 2.5 * len(metrics) + 0.9),
        sharex=True,
        sharey="row",
        squeeze=False,
        layout="constrained",
    )
    for column, (name, logs) in enumerate(seeds.items()):
        for row, metric in enumerate(metrics):
            ax = axes[row, column]
            for colour, (pattern, label) in enumerate(curves.items()):
                key = pattern.format(metric)
                if any(key not in log for log in logs):
                    raise ValueError(f"run {name!r} has no {key!r}")
                values = np.array([log[key] for log in logs], dtype=float)
                epochs = np.arange(1, values.shape[1] + 1)
                if len(values) > 1:
                    ax.fill_between(
                        epochs,
                        values.min(axis=0),
                        values.max(axis=0),
                        color=f"C{colour}",
                        alpha=0.25,
                        linewidth=0,
                    )
                ax.plot(epochs, values.mean(axis=0), color=f"C{colour}", label=label)
            if ylims and metric in ylims:
                ax.set_ylim(*ylims[metric])
            ax.grid(alpha=0.3)
            if row == 0:
                ax.set_title(name)
            if column == 0:
                ax.set_ylabel(metric)
            if row == len(metrics) - 1:
                ax.set_xlabel("epoch")
                ax.xaxis.get_major_locator().set_params(integer=True)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=len(curves) if len(runs) > 2 else 1,
    )
    if title:
        fig.suptitle(title)
    return fig


def learning_rate_curve(
    schedule: Any, steps: int, steps_per_epoch: int, *, title: str | None = None
) -> Figure:
    """The learning rate a Keras schedule gives at every step, against the epoch.

    Example: ``learning_rate_curve(CosineDecay(1e-3, 9380, alpha=0.05), 9380, 469)``
    """
    step = np.unique(np.linspace(0, steps, 201).round().astype(int))  # 201 points
    rates = np.array([float(schedule(int(s))) for s in step])
    fig, ax = plt.subplots(figsize=(5.5, 2.8), layout="constrained")
    ax.plot(step / steps_per_epoch, rates)
    ax.set_xlabel("epoch")
    ax.set_ylabel("learning rate")
    ax.set_ylim(0, rates.max() * 1.05)
    ax.grid(alpha=0.3)
    ax.set_title(title or "learning rate per step")
    return fig


def line(values: Any, *, xlabel: str, ylabel: str, title: str | None = None) -> Figure:
    """One series of numbers as a line against its position, counted from 1: a loss
    per training step, say.

    Example: ``line(losses, xlabel="step", ylabel="loss on the batch")``
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 1 or not len(values):
        raise ValueError(f"expected a non-empty 1-D series, got shape {values.shape}")
    fig, ax = plt.subplots(figsize=(5.5, 3.0), layout="constrained")
    ax.plot(np.arange(1, len(values) + 1), values, "-o", markersize=2.5)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    if title:
        ax.set_title(title)
    return fig


def activation_figure(
    x: Any, relu_values: Any, scores: Any, probabilities: Any
) -> Figure:
    """Two activations in three panels. Left: ReLU's output (``relu_values``)
    against its input ``x``. Middle and right: a vector of ``scores`` and the
    ``probabilities`` softmax turns it into, one bar per class.

    Example: ``activation_figure(x, relu(x), scores, softmax(scores))``
    """
    x, relu_values = np.asarray(x, float), np.asarray(relu_values, float)
    scores, probabilities = np.asarray(scores, float), np.asarray(probabilities, float)
    if x.shape != relu_values.shape or scores.shape != probabilities.shape:
        raise ValueError("x and relu_values, scores and probabilities must match")
    fig, (left, middle, right) = plt.subplots(
        1, 3, figsize=(11, 3.0), layout="constrained"
    )
    left.plot(x, relu_values)
    left.set_xlabel("input")
    left.set_ylabel("relu(input)")
    left.set_title("ReLU: negatives become 0")
    positions = np.arange(len(scores))
    middle.bar(positions, scores, color="tab:blue")
    middle.set_ylabel("score")
    middle.set_title("scores (any real numbers)")
    right.bar(positions, probabilities, color="tab:orange")
    right.set_ylim(0, 1)
    right.set_ylabel("probability")
    right.set_title("softmax(scores): positive, sum 1")
    for ax in (middle, right):
        ax.set_xticks(positions)
        ax.set_xlabel("class")
    for ax in (left, middle, right):
        ax.axhline(0, color="0.5", linewidth=0.8)
        ax.grid(alpha=0.3)
    return fig
