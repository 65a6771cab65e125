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
    logs = getattr(history, "history", history)
    if not isinstance(logs, Mapping) or "loss" not in logs:
        raise ValueError("expected a Keras History or a dict with at least 'loss'")
    metrics = [k for k in logs if not k.startswith("val_")]
    fig, axes = plt.subplots(1, len(metrics), figsize=(4.5 * len(metrics), 3.4))
    for ax, metric in zip(np.atleast_1d(axes), metrics, strict=True):
        epochs = np.arange(1, len(logs[metric]) + 1)
        ax.plot(epochs, logs[metric], "o-", label="training")
        if f"val_{metric}" in logs:
            ax.plot(epochs, logs[f"val_{metric}"], "s--", label="validation")
        ax.set_xlabel("epoch")
        ax.set_ylabel(metric)
        ax.set_title(metric.replace("_", " "))
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
