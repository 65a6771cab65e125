"""helpers.plots.errors: confusion matrices, probabilities per image, calibration."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import plots

DIGITS = np.random.default_rng(0).integers(0, 256, (5, 28, 28), dtype=np.uint8)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(ax) -> list[str]:
    return sorted(t.get_text() for t in ax.texts)


def test_confusion_heatmap_writes_each_value_and_caps_the_colours():
    counts = np.array([[50, 2], [3, 40]])
    fig = plots.confusion_heatmap(counts, kind="counts", title="c", return_fig=True)
    assert texts(fig.axes[0]) == ["2", "3", "40", "50"]
    assert fig.axes[0].get_title() == "c"
    # colours stop at twice the largest mistake, and the colour bar says so
    assert fig.axes[0].images[0].get_clim() == (0, 6)
    assert fig.axes[1].get_ylabel().startswith("count (colours capped at 6;")
    shares = np.array([[0.96, 0.04], [0.0, 1.0]])
    fig = plots.confusion_heatmap(shares, kind="shares", return_fig=True)
    assert texts(fig.axes[0]) == ["100.0", "4.0", "96.0"]
    assert "capped at 8.0%" in fig.axes[1].get_ylabel()
    uncapped = plots.confusion_heatmap(
        np.array([[1, 1], [1, 1]]), kind="counts", return_fig=True
    )
    assert uncapped.axes[1].get_ylabel() == "count"
    # a cap given by the caller, shared by two heatmaps so their colours compare
    shared = plots.confusion_heatmap(counts, kind="counts", cap=10, return_fig=True)
    assert shared.axes[0].images[0].get_clim() == (0, 10)
    assert "capped at 10;" in shared.axes[1].get_ylabel()
    with pytest.raises(ValueError, match="cap must be positive"):
        plots.confusion_heatmap(counts, kind="counts", cap=0)


def test_confusion_heatmap_takes_what_it_is_told_not_a_guess():
    # A matrix of small counts (all 0 or 1) once passed for shares; no longer.
    ones = np.array([[1, 0], [1, 1]])
    fig = plots.confusion_heatmap(ones, kind="counts", return_fig=True)
    assert texts(fig.axes[0]) == ["1", "1", "1"]
    with pytest.raises(ValueError, match='"counts" or "shares"'):
        plots.confusion_heatmap(ones, kind="percent")
    with pytest.raises(TypeError):
        plots.confusion_heatmap(ones)  # no default: the caller says which
    with pytest.raises(ValueError, match="square"):
        plots.confusion_heatmap(np.ones((2, 3)), kind="counts")


def test_probability_bars_colour_prediction_and_truth():
    probabilities = np.array([0.1, 0.7, 0.2])
    fig = plots.probability_bars(DIGITS[0], probabilities, true=2, return_fig=True)
    bars = fig.axes[1].patches
    assert len(bars) == 3 and fig.axes[1].get_title() == "predicted 1 (70%)"
    assert fig.axes[0].get_title() == "true digit: 2"
    assert bars[1].get_facecolor() != bars[2].get_facecolor() != bars[0].get_facecolor()
    # the true digit is told apart by its hatching too, not by its colour alone
    assert [b.get_hatch() or "" for b in bars] == ["", "", "//"]
    assert len(fig.legends) == 1
    unknown = plots.probability_bars(DIGITS[0], probabilities, return_fig=True)
    assert not unknown.legends and not unknown.axes[0].get_title()


def test_probability_bars_draw_one_row_per_image_on_one_scale():
    probabilities = np.array([[0.5, 0.4, 0.1], [0.2, 0.3, 0.5]])
    fig = plots.probability_bars(
        DIGITS[:2], probabilities, true=[1, 2], title="unsure", return_fig=True
    )
    assert len(fig.axes) == 4 and fig._suptitle.get_text() == "unsure"
    assert [fig.axes[i].get_title() for i in (1, 3)] == [
        "predicted 0 (50%)",
        "predicted 2 (50%)",
    ]
    assert fig.axes[1].get_ylim() == fig.axes[3].get_ylim() == (0, 1)
    with pytest.raises(ValueError, match="2 images, 2 rows of probabilities and 1"):
        plots.probability_bars(DIGITS[:2], probabilities, true=[1])


def test_reliability_diagram_draws_each_bin_with_its_count():
    bins = pd.DataFrame(
        {
            "lower": [0.0, 0.5, 0.9],
            "upper": [0.5, 0.9, 1.0],
            "count": [0, 30, 970],
            "confidence": [np.nan, 0.7, 0.99],
            "accuracy": [np.nan, 0.6, 0.995],
        }
    )
    fig = plots.reliability_diagram(
        {"a": bins, "b": bins}, title="calibration", return_fig=True
    )
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    bars = fig.axes[0].patches
    assert [round(b.get_height(), 3) for b in bars] == [0.6, 0.995]  # empty bin skipped
    assert [round(b.get_width(), 3) for b in bars] == [0.4, 0.1]
    assert texts(fig.axes[0]) == ["30", "970"]
    assert not fig.axes[0].collections  # no intervals given, none drawn
    fig.canvas.draw()  # the legend lies below the panels, not over a bar
    legend_top = fig.legends[0].get_window_extent().y1
    assert legend_top <= min(ax.get_window_extent().y0 for ax in fig.axes)
    with_intervals = bins.assign(low=[np.nan, 0.42, 0.988], high=[np.nan, 0.75, 0.998])
    fig = plots.reliability_diagram({"a": with_intervals}, return_fig=True)
    (lines,) = fig.axes[0].collections
    segments = [segment.round(3).tolist() for segment in lines.get_segments()]
    assert segments == [[[0.7, 0.42], [0.7, 0.75]], [[0.99, 0.988], [0.99, 0.998]]]
    with pytest.raises(ValueError, match="has no accuracy"):
        plots.reliability_diagram({"a": bins.drop(columns="accuracy")})
    with pytest.raises(ValueError, match="no models"):
        plots.reliability_diagram({})
