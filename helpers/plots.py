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


def as_image(image: Any) -> np.ndarray:
    """Return a 28x28 array from an image stored as (28, 28), (28, 28, 1) or (784,).

    Example: ``as_image(x_train_flat[0]).shape == (28, 28)``
    """
    array = np.asarray(image)
    if array.shape in {(28, 28), (28, 28, 1), (784,)}:
        return array.reshape(28, 28)
    raise ValueError(
        f"an image must have shape (28, 28), (28, 28, 1) or (784,), got {array.shape}"
    )


def show_digit(image: Any, title: str | None = None, ax: Axes | None = None) -> Axes:
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
        ax.set_title(title)
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
    if ncols < 1:
        raise ValueError(f"ncols must be at least 1, got {ncols}")
    ncols = min(ncols, len(images))
    nrows = -(-len(images) // ncols)
    title_room = 0.35 if names is not None else 0.0
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(size * ncols, (size + title_room) * nrows + (0.5 if suptitle else 0)),
        squeeze=False,
    )
    for i, ax in enumerate(axes.flat):
        if i < len(images):
            show_digit(images[i], None if names is None else str(names[i]), ax=ax)
        else:
            ax.axis("off")
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
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
