"""helpers.plots.curves: training curves in both layouts, a schedule, a series."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plots

HISTORY = {  # Keras 3 lists metrics alphabetically; the loss is drawn first
    "accuracy": [0.8, 0.9, 0.95],
    "loss": [0.5, 0.2, 0.1],
    "val_loss": [0.4, 0.1, 0.3],
    "val_accuracy": [0.85, 0.95, 0.9],
}
THREE = {  # training, inference mode on the training images, validation
    "{}": "training",
    "eval_{}": "inference mode",
    "val_{}": "validation",
}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def curves(histories, **options):
    return plots.training_curves(histories, return_fig=True, **options)


def labels(ax) -> list[str]:
    return [line.get_label() for line in ax.get_lines()]


def shifted(history, by):
    return {key: [v + by for v in values] for key, values in history.items()}


# one run, layout "overlay": R's plot(history)


def test_one_run_draws_training_and_validation_per_metric_loss_first():
    fig = curves(HISTORY, title="run")
    assert [ax.get_title() for ax in fig.axes] == ["loss", "accuracy"]
    assert labels(fig.axes[1]) == ["training", "validation"]
    training, validation = fig.axes[1].get_lines()
    assert training.get_linestyle() == "-" and validation.get_linestyle() == "--"
    assert validation.get_xdata().tolist() == [1, 2, 3]
    assert validation.get_ydata().tolist() == HISTORY["val_accuracy"]
    assert fig.axes[0].get_legend() is not None and not fig.legends
    assert fig._suptitle.get_text() == "run"
    assert tuple(fig.get_size_inches()) == (9.6, 3.6)


def test_a_keras_history_like_object_and_a_run_without_validation():
    class History:
        history = {"loss": [1.0, 0.5], "accuracy": [0.5, 0.7]}

    fig = curves(History())
    assert [ax.get_title() for ax in fig.axes] == ["loss", "accuracy"]
    assert labels(fig.axes[0]) == ["training"]


def test_default_metrics_are_the_validated_ones():
    # a results table read back per seed has other columns, and eval_ curves
    history = {**HISTORY, "eval_loss": [0.4] * 3, "epoch": [1, 2, 3], "arm": ["a"] * 3}
    fig = curves(history)
    assert [ax.get_ylabel() for ax in fig.axes] == ["loss", "accuracy"]
    only_accuracy = curves(history, metrics=["accuracy"])
    assert [ax.get_title() for ax in only_accuracy.axes] == ["accuracy"]


def test_log_loss_scale_and_the_best_epoch_marked_on_validation():
    fig = curves(HISTORY, log_loss=True, mark_best=True)
    loss_ax, accuracy_ax = fig.axes
    assert loss_ax.get_yscale() == "log" and accuracy_ax.get_yscale() == "linear"
    assert loss_ax.get_ylabel() == "loss (log scale)"
    for ax, value in ((loss_ax, 0.1), (accuracy_ax, 0.95)):
        marks = [line for line in ax.lines if line.get_label() == "best epoch (2)"]
        assert len(marks) == 1
        assert list(marks[0].get_xdata()) == [2]
        assert list(marks[0].get_ydata()) == [value]
    plain = curves(HISTORY)
    assert plain.axes[0].get_yscale() == "linear"
    assert not any("best" in label for label in labels(plain.axes[0]))


# several runs, layout "overlay"


def test_several_runs_overlaid_one_colour_each_legend_beside():
    runs = {
        "no dropout": {"loss": [0.3, 0.1], "val_loss": [0.3, 0.4]},
        "dropout": {"loss": [0.5, 0.3], "val_loss": [0.4, 0.3]},
    }
    fig = curves(runs, title="variants")
    (ax,) = fig.axes
    assert labels(ax) == [
        "no dropout: training",
        "no dropout: validation",
        "dropout: training",
        "dropout: validation",
    ]
    lines = ax.get_lines()
    assert lines[0].get_color() == lines[1].get_color() != lines[2].get_color()
    assert lines[1].get_linestyle() == "--" and lines[0].get_linestyle() == "-"
    assert lines[3].get_ydata().tolist() == [0.4, 0.3]
    assert len(fig.legends) == 1 and ax.get_legend() is None
    assert tuple(fig.get_size_inches()) == (4.8 + 2.2, 3.6)


def test_validation_curves_only_are_solid_and_named_by_run():
    runs = {
        "a": {"loss": [0.5, 0.3], "val_loss": [0.4, 0.35]},
        "b": {"loss": [0.6, 0.2], "val_loss": [0.5, 0.3]},
    }
    fig = curves(runs, curves={"val_{}": "validation"}, ylims={"loss": (0.2, 0.6)})
    (ax,) = fig.axes
    assert labels(ax) == ["a", "b"]
    assert {line.get_linestyle() for line in ax.lines} == {"-"}
    assert list(ax.lines[1].get_ydata()) == [0.5, 0.3]
    assert ax.get_title() == "validation loss" and ax.get_ylim() == (0.2, 0.6)


def test_explicit_curves_and_metrics_must_be_recorded():
    with pytest.raises(ValueError, match="run 'a' has no 'val_loss'"):
        curves({"a": {"loss": [0.5]}}, curves={"val_{}": "validation"})
    with pytest.raises(ValueError, match="run 'b' has no 'accuracy'"):
        curves({"a": {"loss": [1], "accuracy": [0.5]}, "b": {"loss": [1]}})


# layout "grid": small multiples, seeds as bands


def test_grid_draws_one_column_per_run_and_bands_for_seeds():
    one = {**HISTORY, "eval_loss": [0.5, 0.3, 0.2], "eval_accuracy": [0.8, 0.9, 1.0]}
    fig = curves(
        {"a": one, "b": [one, shifted(one, 0.1)]},
        layout="grid",
        curves=THREE,
        ylims={"accuracy": (0, 1)},
        title="runs",
    )
    axes = fig.axes
    assert len(axes) == 4 and [axes[0].get_title(), axes[1].get_title()] == ["a", "b"]
    assert [ax.get_ylabel() for ax in axes] == ["loss", "", "accuracy", ""]
    assert [ax.get_xlabel() for ax in axes] == ["", "", "epoch", "epoch"]
    assert axes[2].get_ylim() == axes[3].get_ylim() == (0, 1)
    # one colour per curve, the same in every panel
    assert [line.get_color() for line in axes[3].lines] == ["C0", "C1", "C2"]
    # run "b" has two seeds: its lines are their mean, with a band between them
    np.testing.assert_allclose(axes[1].lines[0].get_ydata(), [0.55, 0.25, 0.15])
    assert len(axes[1].collections) == 3 and not axes[0].collections
    band = axes[1].collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(0.1) and band.max() == pytest.approx(0.6)
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == list(THREE.values())
    assert fig._suptitle.get_text() == "runs"


def test_grid_sizes_and_legend_follow_the_number_of_runs():
    two = curves({"a": HISTORY, "b": HISTORY}, layout="grid")
    assert tuple(two.get_size_inches()) == (6.2, 5.9)
    assert two.legends[0]._ncols == 1
    four = curves({k: HISTORY for k in "abcd"}, layout="grid")
    assert tuple(four.get_size_inches()) == pytest.approx((12.0, 5.9))
    assert four.legends[0]._ncols == 2  # training and validation side by side


def test_grid_refuses_a_missing_curve_and_seeds_of_different_lengths():
    with pytest.raises(ValueError, match="has no 'eval_loss'"):
        curves({"a": HISTORY}, layout="grid", curves={"eval_{}": "inference mode"})
    short = {key: values[:2] for key, values in HISTORY.items()}
    with pytest.raises(ValueError, match="differ in length"):
        curves({"a": [HISTORY, short]}, layout="grid")


@pytest.mark.parametrize(
    ("histories", "options", "message"),
    [
        ({"accuracy": [0.9]}, {}, "History"),
        ({}, {}, "no histories"),
        (HISTORY, {"layout": "side by side"}, "layout"),
        (HISTORY, {"curves": {}}, "no curves"),
        (HISTORY, {"curves": {"{}": "training"}, "mark_best": True}, "val_"),
        (HISTORY, {"ylims": {"acc": (0, 1)}}, "ylims for metrics not drawn: acc"),
        (HISTORY, {"metrics": []}, "no metrics"),
    ],
)
def test_training_curves_refuse_what_they_cannot_draw(histories, options, message):
    with pytest.raises(ValueError, match=message):
        plots.training_curves(histories, **options)


def test_learning_rate_curve_draws_the_schedule_against_epochs():
    def schedule(step):
        return 1.0 - step / 100

    fig = plots.learning_rate_curve(schedule, 100, 10, return_fig=True)
    x, y = fig.axes[0].lines[0].get_data()
    assert x[0] == 0 and x[-1] == 10 and y[0] == 1.0 and y[-1] == 0.0
    assert fig.axes[0].get_title() == "learning rate per step"


def test_line_draws_a_series_from_position_1():
    fig = plots.line(
        [3.0, 2.0, 1.5], xlabel="step", ylabel="loss", title="t", return_fig=True
    )
    ax = fig.axes[0]
    assert list(ax.lines[0].get_xdata()) == [1, 2, 3]
    assert list(ax.lines[0].get_ydata()) == [3.0, 2.0, 1.5]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("step", "loss", "t")
    assert ax.get_ylim()[0] == 0
    with pytest.raises(ValueError, match="non-empty 1-D"):
        plots.line([], xlabel="step", ylabel="loss")
