"""helpers.plots: figures return their Figure/Axes and show what they say."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import plots

DIGITS = np.random.default_rng(0).integers(0, 256, (5, 28, 28), dtype=np.uint8)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_show_digit_draws_the_pixels_without_ticks():
    ax = plots.show_digit(DIGITS[0], title="a digit")
    assert ax.get_title() == "a digit" and not ax.get_xticks().size
    assert np.array_equal(ax.images[0].get_array(), DIGITS[0])


def test_show_digits_titles_each_image_and_hides_spare_axes():
    fig = plots.show_digits(DIGITS, [3, 1, 4, 1, 5], ncols=3, suptitle="five")
    assert isinstance(fig, Figure) and len(fig.axes) == 6
    assert [ax.get_title() for ax in fig.axes[:5]] == ["3", "1", "4", "1", "5"]
    assert not fig.axes[5].axison and fig._suptitle.get_text() == "five"
    assert np.array_equal(fig.axes[4].images[0].get_array(), DIGITS[4])


def test_show_digits_accepts_labels_as_a_numpy_array():
    fig = plots.show_digits(DIGITS[:3], np.array([7, 2, 1], np.uint8))
    assert [ax.get_title() for ax in fig.axes] == ["7", "2", "1"]


def test_two_line_titles_get_more_room():
    one = plots.show_digits(DIGITS[:2], titles=["a", "b"]).get_size_inches()[1]
    two = plots.show_digits(DIGITS[:2], titles=["a\nx", "b"]).get_size_inches()[1]
    assert two > one


def test_show_digits_with_titles():
    fig = plots.show_digits(DIGITS[:2], titles=["left", "right"])
    assert [ax.get_title() for ax in fig.axes] == ["left", "right"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labels": [1, 2]}, "5 images but 2"),
        ({"labels": [1] * 5, "titles": ["a"] * 5}, "not both"),
        ({"ncols": 0}, "ncols"),
    ],
)
def test_show_digits_refuses_inconsistent_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.show_digits(DIGITS, **kwargs)


def test_plot_history_draws_training_and_validation_per_metric():
    history = {  # Keras 3 lists metrics alphabetically; the loss is drawn first
        "accuracy": [0.8, 0.9, 0.95],
        "loss": [0.5, 0.3, 0.2],
        "val_loss": [0.4, 0.35, 0.36],
        "val_accuracy": [0.85, 0.9, 0.91],
    }
    fig = plots.plot_history(history, title="run")
    assert [ax.get_title() for ax in fig.axes] == ["loss", "accuracy"]
    lines = fig.axes[1].get_lines()
    assert [line.get_label() for line in lines] == ["training", "validation"]
    assert lines[1].get_xdata().tolist() == [1, 2, 3]
    assert lines[1].get_ydata().tolist() == history["val_accuracy"]


def test_plot_history_accepts_a_keras_history_like_object():
    class History:
        history = {"loss": [1.0, 0.5]}

    fig = plots.plot_history(History())
    assert len(fig.axes) == 1 and len(fig.axes[0].get_lines()) == 1


def test_plot_history_refuses_other_things():
    with pytest.raises(ValueError, match="History"):
        plots.plot_history({"accuracy": [0.9]})


def test_compare_histories_overlays_runs_in_one_colour_each():
    runs = {
        "no dropout": {"loss": [0.3, 0.1], "val_loss": [0.3, 0.4]},
        "dropout": {"loss": [0.5, 0.3], "val_loss": [0.4, 0.3]},
    }
    fig = plots.compare_histories(runs, title="variants")
    (ax,) = fig.axes
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == [
        "no dropout: training",
        "no dropout: validation",
        "dropout: training",
        "dropout: validation",
    ]
    assert lines[0].get_color() == lines[1].get_color() != lines[2].get_color()
    assert lines[1].get_linestyle() == "--" and lines[0].get_linestyle() == "-"
    assert lines[3].get_ydata().tolist() == [0.4, 0.3]
    assert len(fig.legends) == 1


def test_compare_histories_refuses_a_run_without_the_metric():
    with pytest.raises(ValueError, match="'b' has no accuracy"):
        plots.compare_histories(
            {"a": {"loss": [1], "accuracy": [0.5]}, "b": {"loss": [1]}}
        )


def test_weight_maps_share_one_symmetric_diverging_scale():
    kernel = np.linspace(-2, 1, 784 * 3).reshape(784, 3)
    fig = plots.weight_maps(kernel, titles=["a", "b", "c"])
    images = [ax.images[0] for ax in fig.axes if ax.images]
    assert len(images) == 3 and images[0].get_cmap().name == "PRGn"
    low, high = images[1].get_clim()
    assert low == -high and high == pytest.approx(np.percentile(np.abs(kernel), 99.5))
    assert any(ax.get_label() == "<colorbar>" for ax in fig.axes)
    with pytest.raises(ValueError, match="kernel must be"):
        plots.weight_maps(np.zeros((10, 3)))


def test_feature_maps_share_one_scale_per_layer_with_a_colour_bar():
    maps = np.random.default_rng(0).random((5, 5, 6))
    maps[:, :, 2] *= 0.01  # a weak channel must look weak, not rescaled to bright
    fig = plots.feature_maps(maps, ncols=4)
    images = [
        ax.images[0] for ax in fig.axes if ax.images and ax.get_label() != "<colorbar>"
    ]
    assert len(images) == 6
    assert {im.get_clim() for im in images} == {(0.0, maps.max())}
    assert any(ax.get_label() == "<colorbar>" for ax in fig.axes)
    few = plots.feature_maps(maps[:, :, :1], vmax=5.0, titles=["channel 0"])
    assert few.axes[0].images[0].get_clim() == (0.0, 5.0)
    assert few.axes[0].get_title() == "channel 0"
    with pytest.raises(ValueError, match="titles"):
        plots.feature_maps(maps, titles=["one"])


def test_filter_responses_pair_each_filter_with_its_response():
    filters = np.random.default_rng(1).normal(size=(3, 3, 5))
    responses = np.random.default_rng(2).normal(size=(8, 8, 5))
    fig = plots.filter_responses(filters, responses, ncols=3, titles=list("abcde"))
    drawn = [ax for ax in fig.axes if ax.images and ax.get_label() != "<colorbar>"]
    shapes = [ax.images[0].get_array().shape for ax in drawn]
    assert shapes.count((3, 3)) == 5 and shapes.count((8, 8)) == 5
    # the filter drawn above each response is its own: same column, band above
    for ax in drawn:
        if ax.images[0].get_array().shape == (3, 3):
            index = "abcde".index(ax.get_title())
            assert np.array_equal(ax.images[0].get_array(), filters[:, :, index])
    clims = {ax.images[0].get_clim() for ax in drawn}
    limit = np.abs(responses).max()
    assert (-limit, limit) in clims and len(clims) == 2
    assert sum(ax.get_label() == "<colorbar>" for ax in fig.axes) == 2
    with pytest.raises(ValueError, match="5 filters but 4 responses"):
        plots.filter_responses(filters, responses[:, :, :4])


def test_confusion_heatmap_writes_each_value():
    counts = np.array([[50, 2], [3, 40]])
    fig = plots.confusion_heatmap(counts, values="counts", title="counts")
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["2", "3", "40", "50"]
    # colours stop at twice the largest mistake, and the colour bar says so
    assert fig.axes[0].images[0].get_clim() == (0, 6)
    assert fig.axes[1].get_ylabel().startswith("count (colours capped at 6;")
    shares = np.array([[0.96, 0.04], [0.0, 1.0]])
    fig = plots.confusion_heatmap(shares, values="shares")
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["100.0", "4.0", "96.0"]
    assert "capped at 8.0%" in fig.axes[1].get_ylabel()
    uncapped = plots.confusion_heatmap(np.array([[1, 1], [1, 1]]), values="counts")
    assert uncapped.axes[1].get_ylabel() == "count"


def test_confusion_heatmap_takes_what_it_is_told_not_a_guess():
    # A matrix of small counts (all 0 or 1) once passed for shares; no longer.
    ones = np.array([[1, 0], [1, 1]])
    fig = plots.confusion_heatmap(ones, values="counts")
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["1", "1", "1"]
    with pytest.raises(ValueError, match='"counts" or "shares"'):
        plots.confusion_heatmap(ones, values="percent")


def test_probability_bars_colour_prediction_and_truth():
    probabilities = np.array([0.1, 0.7, 0.2])
    fig = plots.probability_bars(DIGITS[0], probabilities, true=2)
    bars = fig.axes[1].patches
    assert len(bars) == 3 and fig.axes[1].get_title() == "predicted 1 (70%)"
    assert bars[1].get_facecolor() != bars[2].get_facecolor() != bars[0].get_facecolor()


def test_history_plots_can_use_a_log_loss_scale_and_mark_the_best_epoch():
    history = {
        "loss": [0.5, 0.2, 0.1],
        "val_loss": [0.4, 0.1, 0.3],
        "accuracy": [0.8, 0.9, 0.95],
        "val_accuracy": [0.85, 0.95, 0.9],
    }
    fig = plots.plot_history(history, log_loss=True, mark_best=True)
    loss_ax, accuracy_ax = fig.axes
    assert loss_ax.get_yscale() == "log" and accuracy_ax.get_yscale() == "linear"
    for ax, value in ((loss_ax, 0.1), (accuracy_ax, 0.95)):
        marks = [line for line in ax.lines if line.get_label() == "best epoch (2)"]
        assert len(marks) == 1
        assert list(marks[0].get_xdata()) == [2] and list(marks[0].get_ydata()) == [
            value
        ]
    plain = plots.plot_history(history)
    assert plain.axes[0].get_yscale() == "linear"
    assert not any("best" in line.get_label() for line in plain.axes[0].lines)


def test_reliability_diagram_draws_each_bin_with_its_count():
    import pandas as pd

    bins = pd.DataFrame(
        {
            "lower": [0.0, 0.5, 0.9],
            "upper": [0.5, 0.9, 1.0],
            "count": [0, 30, 970],
            "confidence": [np.nan, 0.7, 0.99],
            "accuracy": [np.nan, 0.6, 0.995],
        }
    )
    fig = plots.reliability_diagram({"a": bins, "b": bins}, title="calibration")
    assert len(fig.axes) == 2
    bars = fig.axes[0].patches
    assert [round(b.get_height(), 3) for b in bars] == [0.6, 0.995]  # empty bin skipped
    assert [round(b.get_width(), 3) for b in bars] == [0.4, 0.1]
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["30", "970"]
    with pytest.raises(ValueError, match="has no accuracy"):
        plots.reliability_diagram({"a": bins.drop(columns="accuracy")})


def test_occlusion_maps_share_one_symmetric_scale():
    maps = [np.full((28, 28), 0.2), np.full((28, 28), -0.5)]
    fig = plots.occlusion_maps(DIGITS[:2], maps, titles=["x", "y"])
    shown = [
        ax.images[0] for ax in fig.axes if ax.images and ax.get_label() != "<colorbar>"
    ]
    maps_drawn = [im for im in shown if im.get_cmap().name == "RdBu_r"]
    assert len(maps_drawn) == 2
    assert {im.get_clim() for im in maps_drawn} == {(-0.5, 0.5)}
    with pytest.raises(ValueError, match="2 images but 1 maps"):
        plots.occlusion_maps(DIGITS[:2], maps[:1])


def test_compare_histories_can_draw_validation_curves_only():
    runs = {
        "a": {"loss": [0.5, 0.3], "val_loss": [0.4, 0.35]},
        "b": {"loss": [0.6, 0.2], "val_loss": [0.5, 0.3]},
    }
    fig = plots.compare_histories(runs, validation_only=True)
    lines = fig.axes[0].lines
    assert [line.get_label() for line in lines] == ["a", "b"]
    assert list(lines[1].get_ydata()) == [0.5, 0.3]
    assert fig.axes[0].get_title() == "validation loss"
    with pytest.raises(ValueError, match="val_loss"):
        plots.compare_histories({"a": {"loss": [0.5]}}, validation_only=True)


def test_learning_curve_draws_a_mean_line_and_a_range_band_per_method():
    runs = pd.DataFrame(
        {
            "method": ["a"] * 4 + ["b"] * 4,
            "n": [1, 1, 10, 10] * 2,
            "accuracy": [0.5, 0.7, 0.8, 0.9, 0.2, 0.4, 0.6, 0.6],
        }
    )
    fig = plots.learning_curve(
        runs, "n", "accuracy", "method", xlabel="per class", ylabel="accuracy"
    )
    ax = fig.axes[0]
    means = [line for line in ax.get_lines() if line.get_linestyle() == "-"]
    assert [line.get_label() for line in means] == ["a", "b"]
    np.testing.assert_allclose(means[0].get_ydata(), [0.6, 0.85])
    np.testing.assert_allclose(means[1].get_ydata(), [0.3, 0.6])
    bands = ax.collections
    assert len(bands) == 2
    band = bands[0].get_paths()[0].vertices
    assert band[:, 1].min() == pytest.approx(0.5) and band[:, 1].max() == pytest.approx(
        0.9
    )
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "10"]
    plt.close(fig)


def test_learning_curve_refuses_an_empty_table():
    with pytest.raises(ValueError, match="no rows"):
        plots.learning_curve(
            pd.DataFrame({"m": [], "n": [], "a": []}),
            "n",
            "a",
            "m",
            xlabel="",
            ylabel="",
        )


def test_show_digit_colour_map_is_a_choice_of_drawing_not_of_data():
    gray = plots.show_digit(DIGITS[0])
    binary = plots.show_digit(DIGITS[0], cmap="binary")
    assert gray.images[0].get_cmap().name == "gray"
    assert binary.images[0].get_cmap().name == "binary"
    assert np.array_equal(binary.images[0].get_array(), gray.images[0].get_array())


def test_show_digits_marks_the_chosen_images_in_red():
    fig = plots.show_digits(
        DIGITS[:3], titles=["a", "b", "c"], marked=[False, True, False]
    )
    colours = [ax.title.get_color() for ax in fig.axes]
    assert colours[1] == "red" and "red" not in (colours[0], colours[2])
    assert (
        fig.axes[1].spines["top"].get_edgecolor()
        != fig.axes[0].spines["top"].get_edgecolor()
    )
    with pytest.raises(ValueError, match="3 images but 2 marks"):
        plots.show_digits(DIGITS[:3], marked=[True, False])


def test_pixel_heatmap_has_a_labelled_colour_bar_and_shows_zeros_apart():
    values = np.linspace(0, 1, 28 * 28).reshape(28, 28)
    fig = plots.pixel_heatmap(values, label="share", title="t", zero="never")
    image_ax, bar_ax = fig.axes
    assert bar_ax.get_ylabel() == "share" and image_ax.get_title() == "t"
    shown = image_ax.images[0].get_array()
    assert np.ma.is_masked(shown) and shown.mask.sum() == 1  # only the one 0
    assert fig.legends[0].get_texts()[0].get_text() == "exactly 0: never"
    with pytest.raises(ValueError, match="2-D"):
        plots.pixel_heatmap(values.ravel(), label="share")


def test_probability_bars_draw_one_row_per_image_on_one_scale():
    probabilities = np.array([[0.5, 0.4, 0.1], [0.2, 0.3, 0.5]])
    fig = plots.probability_bars(DIGITS[:2], probabilities, true=[1, 2], title="unsure")
    assert len(fig.axes) == 4 and fig._suptitle.get_text() == "unsure"
    assert [fig.axes[i].get_title() for i in (1, 3)] == [
        "predicted 0 (50%)",
        "predicted 2 (50%)",
    ]
    assert fig.axes[1].get_ylim() == fig.axes[3].get_ylim() == (0, 1)
    with pytest.raises(ValueError, match="2 images, 2 rows of probabilities and 1"):
        plots.probability_bars(DIGITS[:2], probabilities, true=[1])


def test_history_panels_draw_one_column_per_run_and_bands_for_seeds():
    one = {
        "loss": [0.5, 0.3],
        "val_loss": [0.6, 0.4],
        "accuracy": [0.8, 0.9],
        "val_accuracy": [0.7, 0.8],
    }
    other = {k: [v + 0.1 for v in values] for k, values in one.items()}
    fig = plots.history_panels(
        {"a": one, "b": [one, other]},
        {"{}": "training", "val_{}": "validation"},
        ylims={"accuracy": (0, 1)},
        title="runs",
    )
    axes = fig.axes
    assert len(axes) == 4 and [axes[0].get_title(), axes[1].get_title()] == ["a", "b"]
    assert axes[0].get_ylabel() == "loss" and axes[2].get_ylabel() == "accuracy"
    assert axes[2].get_ylim() == axes[3].get_ylim() == (0, 1)
    # run "b" has two seeds: its lines are their mean, with a band between them
    assert np.allclose(axes[1].lines[0].get_ydata(), [0.55, 0.35])
    assert len(axes[1].collections) == 2 and not axes[0].collections
    with pytest.raises(ValueError, match="has no 'eval_loss'"):
        plots.history_panels({"a": one}, {"eval_{}": "inference mode"})


def test_learning_rate_curve_draws_the_schedule_against_epochs():
    def schedule(step):
        return 1.0 - step / 100

    fig = plots.learning_rate_curve(schedule, steps=100, steps_per_epoch=10)
    x, y = fig.axes[0].lines[0].get_data()
    assert x[0] == 0 and x[-1] == 10 and y[0] == 1.0 and y[-1] == 0.0


def test_line_and_activation_figure_draw_what_they_are_given():
    fig = plots.line([3.0, 2.0, 1.5], xlabel="step", ylabel="loss")
    assert list(fig.axes[0].lines[0].get_xdata()) == [1, 2, 3]
    x = np.linspace(-1, 1, 5)
    fig = plots.activation_figure(x, np.maximum(0, x), [1.0, 2.0], [0.27, 0.73])
    left, middle, right = fig.axes
    assert np.array_equal(left.lines[0].get_ydata(), [0, 0, 0, 0.5, 1])
    assert [bar.get_height() for bar in right.patches] == [0.27, 0.73]
    with pytest.raises(ValueError, match="must match"):
        plots.activation_figure(x, x[:2], [1.0], [1.0])
