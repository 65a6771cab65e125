"""Inside the network: weights drawn as images, feature maps, filters beside their
responses, what covering a place does to a prediction, and two activations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from helpers.plots._common import draw_digit, image_grid, shown
from helpers.preprocessing import as_image


def weight_maps(
    kernel: Any,
    *,
    image_shape: tuple[int, int] = (28, 28),
    titles: Sequence[str] | None = None,
    ncols: int = 10,
    size: float = 1.3,
    colorbar_label: str = "weight",
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """Each column of ``kernel`` (inputs x units) drawn as an image of ``image_shape``,
    in a diverging colour map centred on zero: positive green, negative purple, one
    shared scale (saturating at the 99.5th percentile of |weight|) and a colour bar
    labelled ``colorbar_label``.

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
    fig, axes = image_grid(units, ncols, size, size + 0.3, extra_width=1.0, title=title)
    for i, ax in enumerate(axes):
        ax.axis("off")
        image = ax.imshow(
            kernel[:, i].reshape(image_shape), cmap="PRGn", vmin=-limit, vmax=limit
        )
        if titles is not None:
            ax.set_title(titles[i])
    fig.colorbar(image, ax=fig.axes, shrink=0.8, label=colorbar_label)
    return shown(fig, return_fig)


def feature_maps(
    maps: Any,
    *,
    titles: Sequence[str] | None = None,
    ncols: int = 16,
    size: float = 0.8,
    vmax: float | None = None,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """The channels of one layer's output for one image, ``(height, width, channels)``,
    on one shared scale from 0 to ``vmax`` (default: the largest value in ``maps``),
    with a colour bar, so that a weak channel looks weak. Pass the whole layer's
    maximum as ``vmax`` when drawing a few of its channels.

    Example: ``feature_maps(activations[0], title="conv 1: 32 maps of 26 x 26")``
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
    fig, axes = image_grid(
        channels, ncols, size, size + room, extra_width=1.0, title=title
    )
    for i, ax in enumerate(axes):
        ax.axis("off")
        image = ax.imshow(maps[:, :, i], cmap="viridis", vmin=0, vmax=top)
        if titles is not None:
            ax.set_title(titles[i], fontsize=8)
    fig.colorbar(image, ax=fig.axes, shrink=0.8, label="activation")
    return shown(fig, return_fig)


def filter_responses(
    filters: Any,
    responses: Any,
    *,
    titles: Sequence[str] | None = None,
    ncols: int = 8,
    size: float = 1.1,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
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
    everything = axes.ravel().tolist()
    fig.colorbar(
        kernel, ax=everything, location="left", shrink=0.8, label="weight (top rows)"
    )
    fig.colorbar(
        response,
        ax=everything,
        location="right",
        shrink=0.8,
        label="response (bottom rows)",
    )
    if title:
        fig.suptitle(title)
    return shown(fig, return_fig)


def occlusion_maps(
    images: Any,
    maps: Any,
    *,
    titles: Sequence[str] | None = None,
    size: float = 1.6,
    title: str | None = None,
    colorbar_label: str = "drop in probability\nwhen covered",
    return_fig: bool = False,
) -> Figure | None:
    """Each image (top row) above its occlusion map (bottom row): how much covering
    each place lowered the probability of a class (red: covering it lowered the
    probability, so the model relied on it; blue: covering it raised it). One
    shared scale, symmetric around zero, with a colour bar; ``colorbar_label`` names
    what another kind of map (a gradient, say) holds.

    Example: ``occlusion_maps(x[idx], [nb06.occlusion_map(...) for ...])``
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
        figsize=(size * n + 1.4, 2 * size + 0.8 + (0.5 if title else 0)),
        squeeze=False,
        layout="constrained",
    )
    limit = max(float(max(np.abs(m).max() for m in maps)), 1e-9)
    for i in range(n):
        name = None if titles is None else titles[i]
        draw_digit(axes[0, i], images[i], title=name, fontsize=9)
        image = axes[1, i].imshow(maps[i], cmap="RdBu_r", vmin=-limit, vmax=limit)
        axes[1, i].contour(images[i], levels=[0.5 * images[i].max()], colors="0.3")
        axes[1, i].set_xticks([])
        axes[1, i].set_yticks([])
    fig.colorbar(
        image,
        ax=axes[1].tolist(),
        shrink=0.9,
        label=colorbar_label,
    )
    if title:
        fig.suptitle(title)
    return shown(fig, return_fig)


def activation_figure(
    x: Any,
    relu_values: Any,
    scores: Any,
    probabilities: Any,
    *,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
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
    if title:
        fig.suptitle(title)
    return shown(fig, return_fig)
