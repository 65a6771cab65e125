"""helpers.plots.spread: results of several runs per setting, with their spread.

spread_plot on a real results table is tested in tests/test_results.py.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import plots

RUNS = pd.DataFrame(
    {
        "method": ["a"] * 4 + ["b"] * 4,
        "n": [1, 1, 10, 10] * 2,
        "accuracy": [0.5, 0.7, 0.8, 0.9, 0.2, 0.4, 0.6, 0.6],
    }
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_spread_plot_draws_a_row_per_group_and_a_labelled_reference_line():
    fig = plots.spread_plot(
        RUNS,
        "method",
        "accuracy",
        xlabel="accuracy",
        line=0.75,
        line_label="target",
        return_fig=True,
    )
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    means = [line.get_xdata()[0] for line in ax.lines if line.get_marker() == "|"]
    assert means == pytest.approx([0.725, 0.45])
    (reference,) = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert list(reference.get_xdata()) == [0.75, 0.75]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["target"]
    assert ax.get_title() == "accuracy per method: dots are runs, | the mean"
    with pytest.raises(ValueError, match="no rows"):
        plots.spread_plot(RUNS.iloc[:0], "method", "accuracy", xlabel="")


def test_learning_curve_draws_a_mean_line_and_a_range_band_per_method():
    fig = plots.learning_curve(
        RUNS,
        "n",
        "accuracy",
        "method",
        xlabel="per class",
        ylabel="accuracy",
        return_fig=True,
    )
    ax = fig.axes[0]
    means = [line for line in ax.get_lines() if line.get_linestyle() == "-"]
    assert [line.get_label() for line in means] == ["a", "b"]
    np.testing.assert_allclose(means[0].get_ydata(), [0.6, 0.85])
    np.testing.assert_allclose(means[1].get_ydata(), [0.3, 0.6])
    bands = ax.collections
    assert len(bands) == 2
    band = bands[0].get_paths()[0].vertices
    assert band[:, 1].min() == pytest.approx(0.5)
    assert band[:, 1].max() == pytest.approx(0.9)
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "10"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("per class", "accuracy")


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
