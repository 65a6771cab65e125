"""Curves of a training: loss and accuracy per epoch, a learning-rate schedule, and
any series of numbers (a loss per step, say)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.plots._common import MARKERS, shown

LAYOUTS = ("overlay", "grid")
#: The default curves: training, and validation where the run recorded it.
CURVES = {"{}": "training", "val_{}": "validation"}
VALIDATION = "val_{}"
STYLES = ("-", "--", ":", "-.")  # one per curve in the overlay layout

Logs = Mapping[str, Sequence[float]]


def training_curves(
    histories: Any,
    *,
    layout: str = "overlay",
    metrics: Sequence[str] | None = None,
    curves: Mapping[str, str] | None = None,
    log_loss: bool = False,
    mark_best: bool = False,
    ylims: Mapping[str, tuple[float, float]] | None = None,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
    """Loss and accuracy per epoch, of one training run or of several.

    ``histories`` is one run (a Keras ``History`` or its ``history`` dict of
    per-epoch lists) or a dict mapping each run's name to one, or to a list of them
    (one per seed: the curve is then their mean, inside a band from the smallest to
    the largest). ``layout`` chooses the panels:

    - ``"overlay"``: one panel per metric holding every run, one colour per run,
      training solid and validation dashed (one run: R's ``plot(history)``);
    - ``"grid"``: one column per run and one row per metric on shared scales, one
      colour per curve, so that runs are compared panel by panel.

    ``metrics`` defaults to the loss, then the other metrics the first run has a
    ``val_`` value for (every metric, if it has none). ``curves`` maps a key pattern to its legend
    label, ``{}`` standing for the metric: ``{"val_{}": "validation"}`` draws the
    validation curves only. By default training and validation are drawn,
    validation where a run recorded it; curves given explicitly must be recorded.
    ``log_loss`` draws the loss panels on a logarithmic scale (a rise late in
    training stays visible beside the steep first epochs); ``mark_best`` circles,
    on every validation curve, the epoch with the lowest validation loss;
    ``ylims`` fixes a metric's range, as in ``{"accuracy": (0.9, 1)}``.

    Example: ``training_curves({"no dropout": h1, "dropout 0.5": h2}, log_loss=True)``
    """
    if layout not in LAYOUTS:
        raise ValueError(f'layout must be "overlay" or "grid", got {layout!r}')
    runs = _runs(histories)
    optional = {VALIDATION} if curves is None else set()
    curves = dict(CURVES if curves is None else curves)
    if not curves:
        raise ValueError("no curves to draw")
    if mark_best and VALIDATION not in curves:
        raise ValueError('mark_best marks the validation curve: curves has no "val_{}"')
    first = next(iter(runs.values()))[0]
    metrics = list(_default_metrics(first) if metrics is None else metrics)
    if not metrics:
        raise ValueError("no metrics to draw")
    unknown = sorted(set(ylims or ()) - set(metrics))
    if unknown:
        raise ValueError(f"ylims for metrics not drawn: {', '.join(unknown)}")
    drawn = {  # run -> metric -> [(pattern, label, values as seeds x epochs)]
        name: {m: _curves(name, logs, m, curves, optional) for m in metrics}
        for name, logs in runs.items()
    }
    best = {
        name: int(np.argmin(_values(name, logs, "val_loss").mean(axis=0)))
        if mark_best and all("val_loss" in log for log in logs)
        else None
        for name, logs in runs.items()
    }
    draw = _overlay if layout == "overlay" else _grid
    fig = draw(drawn, best, metrics, curves, log_loss=log_loss, ylims=ylims or {})
    if title:
        fig.suptitle(title)
    return shown(fig, return_fig)


def _overlay(
    drawn: Mapping[str, Mapping[str, list]],
    best: Mapping[str, int | None],
    metrics: list[str],
    curves: Mapping[str, str],
    *,
    log_loss: bool,
    ylims: Mapping[str, tuple[float, float]],
) -> Figure:
    """One panel per metric, every run in it: a colour and a marker per run, a line
    style per curve."""
    width = 4.8 * len(metrics) + (0 if len(drawn) == 1 else 2.2)
    fig, axes = plt.subplots(
        1, len(metrics), figsize=(width, 3.6), squeeze=False, layout="constrained"
    )
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    styles = {p: STYLES[i % len(STYLES)] for i, p in enumerate(curves)}
    alone = len(curves) == 1
    for ax, metric in zip(axes[0], metrics, strict=True):
        for i, (name, per_metric) in enumerate(drawn.items()):
            colour = colours[i % len(colours)]
            marker = MARKERS[i % len(MARKERS)] if len(drawn) > 1 else None
            prefix = f"{name}: " if name else ""
            for pattern, label, values in per_metric[metric]:
                legend = (name or label) if alone else prefix + label
                _band_and_mean(
                    ax, values, styles[pattern], colour, legend, marker=marker
                )
                if pattern == VALIDATION and best[name] is not None:
                    _mark(ax, values, best[name], colour, f"{prefix}best epoch")
        _style(ax, metric, log_loss=log_loss, ylims=ylims)
        ax.set_xlabel("epoch")
        only = f"{next(iter(curves.values()))} " if alone else ""
        ax.set_title(only + metric.replace("_", " "))
    if len(drawn) == 1:
        axes[0, 0].legend()
    else:
        handles, labels = axes[0, 0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside right center", fontsize="small")
    return fig


def _grid(
    drawn: Mapping[str, Mapping[str, list]],
    best: Mapping[str, int | None],
    metrics: list[str],
    curves: Mapping[str, str],
    *,
    log_loss: bool,
    ylims: Mapping[str, tuple[float, float]],
) -> Figure:
    """One column per run, one row per metric, shared scales: a colour per curve."""
    fig, axes = plt.subplots(
        len(metrics),
        len(drawn),
        figsize=(max(2.9 * len(drawn) + 0.4, 6.0), 2.5 * len(metrics) + 0.9),
        sharex=True,
        sharey="row",
        squeeze=False,
        layout="constrained",
    )
    colours = {pattern: f"C{i}" for i, pattern in enumerate(curves)}
    for column, (name, per_metric) in enumerate(drawn.items()):
        for row, metric in enumerate(metrics):
            ax = axes[row, column]
            for pattern, label, values in per_metric[metric]:
                _band_and_mean(ax, values, "-", colours[pattern], label)
                if pattern == VALIDATION and best[name] is not None:
                    _mark(ax, values, best[name], colours[pattern], "best epoch")
            _style(ax, metric, log_loss=log_loss, ylims=ylims)
            if row == 0:
                ax.set_title(name)
            if column > 0:
                ax.set_ylabel("")
            if row == len(metrics) - 1:
                ax.set_xlabel("epoch")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=len(handles) if len(drawn) > 2 else 1,
    )
    return fig


def _band_and_mean(
    ax: Axes,
    values: np.ndarray,
    style: str,
    colour: str,
    label: str,
    *,
    marker: str | None = None,
) -> None:
    """The mean over the seeds (rows of ``values``), inside their range if several;
    ``marker`` on every few epochs tells runs apart without their colour."""
    epochs = np.arange(1, values.shape[1] + 1)
    if len(values) > 1:
        ax.fill_between(
            epochs,
            values.min(axis=0),
            values.max(axis=0),
            color=colour,
            alpha=0.25,
            linewidth=0,
        )
    ax.plot(
        epochs,
        values.mean(axis=0),
        style,
        color=colour,
        label=label,
        marker=marker,
        markersize=4,
        markevery=max(1, len(epochs) // 6),
    )


def _mark(ax: Axes, values: np.ndarray, best: int, colour: str, label: str) -> None:
    """A circle on the curve at the epoch with the lowest validation loss."""
    ax.plot(
        best + 1,
        values.mean(axis=0)[best],
        "o",
        markersize=9,
        fillstyle="none",
        color=colour,
        label=f"{label} ({best + 1})",
    )


def _style(
    ax: Axes,
    metric: str,
    *,
    log_loss: bool,
    ylims: Mapping[str, tuple[float, float]],
) -> None:
    """The axis of one metric: its scale, range, label, grid and whole epochs."""
    log = log_loss and "loss" in metric
    if log:
        ax.set_yscale("log")
        # plain numbers (0.05, not 5 x 10^-2), minor ticks labelled at 2, 3 and 5
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(_plain))
        ax.yaxis.set_minor_formatter(
            ticker.FuncFormatter(
                lambda v, _: _plain(v) if _leading_digit(v) in (2, 3, 5) else ""
            )
        )
    if metric in ylims:
        ax.set_ylim(*ylims[metric])
    ax.set_ylabel(metric + (" (log scale)" if log else ""))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(alpha=0.3)


def _plain(value: float, _position: Any = None) -> str:
    return f"{value:g}"


def _leading_digit(value: float) -> int:
    return round(value / 10 ** np.floor(np.log10(value))) if value > 0 else 0


def _is_history(value: Any) -> bool:
    """A Keras History, or a dict of per-epoch lists with a loss (not a dict of runs)."""
    if hasattr(value, "history"):
        return True
    if not isinstance(value, Mapping) or "loss" not in value:
        return False
    loss = value["loss"]
    inner = loss[0] if isinstance(loss, (list, tuple)) and loss else loss
    return not (isinstance(inner, Mapping) or hasattr(inner, "history"))


def _runs(histories: Any) -> dict[str, list[Logs]]:
    """Each run's name and its histories (one per seed)."""
    if _is_history(histories):
        histories = {"": histories}
    if not isinstance(histories, Mapping) or not histories:
        raise ValueError("no histories to plot")
    runs = {}
    for name, value in histories.items():
        seeds = list(value) if isinstance(value, (list, tuple)) else [value]
        if not seeds or not all(_is_history(h) for h in seeds):
            raise ValueError(
                f"run {name!r}: expected a Keras History or a dict with at least "
                "'loss', or a list of them"
            )
        runs[name] = [getattr(h, "history", h) for h in seeds]
    return runs


def _default_metrics(logs: Logs) -> list[str]:
    """The loss first (as R's plot(history) draws), then the validated metrics."""
    keys = [k for k in logs if not k.startswith("val_")]
    validated = [k for k in keys if f"val_{k}" in logs]
    return sorted(validated or keys, key="loss".__ne__)


def _curves(
    name: str,
    logs: list[Logs],
    metric: str,
    curves: Mapping[str, str],
    optional: set[str],
) -> list[tuple[str, str, np.ndarray]]:
    """The curves of one run's metric: (pattern, label, values as seeds x epochs)."""
    found = []
    for pattern, label in curves.items():
        key = pattern.format(metric)
        if pattern in optional and not all(key in log for log in logs):
            continue
        found.append((pattern, label, _values(name, logs, key)))
    return found


def _values(name: str, logs: list[Logs], key: str) -> np.ndarray:
    """One key's values in every seed of a run, as an array seeds x epochs."""
    missing = [i for i, log in enumerate(logs) if key not in log]
    if missing:
        raise ValueError(f"run {name!r} has no {key!r}")
    if len({len(log[key]) for log in logs}) > 1:
        raise ValueError(f"the seeds of run {name!r} differ in length ({key!r})")
    return np.array([log[key] for log in logs], dtype=float)


def learning_rate_curve(
    schedule: Any,
    steps: int,
    steps_per_epoch: int,
    *,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
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
    return shown(fig, return_fig)


def line(
    values: Any,
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
    return_fig: bool = False,
) -> Figure | None:
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
    return shown(fig, return_fig)
