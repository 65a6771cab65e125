"""helpers.results and plots.spread_plot: experiment results read back and drawn."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import plots, results

RUNS = pd.DataFrame(
    {
        "variant": ["full"] * 3 + ["no aug"] * 3 + ["half"] * 2 + ["wide"] * 2,
        "errors": [40, 44, 42, 50, 53, 47, 43, 39, 35, 38],
    }
)


def test_read_results_keeps_the_header_lines_apart_from_the_table(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("# machine: test box\n# command: make x\nseed,acc\n1,0.5\n2,0.75\n")
    frame = results.read_results(path)
    assert frame.attrs["header"] == ["machine: test box", "command: make x"]
    assert list(frame.columns) == ["seed", "acc"]
    assert frame["acc"].tolist() == [0.5, 0.75]


def test_read_results_refuses_a_file_without_rows(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("# machine: test box\nseed,acc\n")
    with pytest.raises(ValueError, match="no results"):
        results.read_results(path)


def test_spread_plot_draws_every_run_and_each_mean():
    fig = plots.spread_plot(
        RUNS, "variant", "errors", xlabel="errors", line=45.0, return_fig=True
    )
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["full", "no aug", "half", "wide"]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert sorted(np.concatenate([d.get_xdata() for d in dots])) == sorted(
        RUNS["errors"]
    )
    means = [line.get_xdata()[0] for line in ax.lines if line.get_marker() == "|"]
    assert means == pytest.approx([42, 50, 41, 36.5])
    assert ax.get_xlabel() == "errors"
    plt.close(fig)


def test_seed_histories_give_one_history_per_seed_in_group_order():
    rows = pd.DataFrame(
        {
            "arm": ["b", "b", "b", "b", "a", "a"],
            "seed": [2, 2, 1, 1, 1, 1],
            "epoch": [1, 2, 1, 2, 1, 2],
            "loss": [0.6, 0.5, 0.4, 0.3, 0.2, 0.1],
        }
    )
    histories = results.seed_histories(rows, "arm")
    assert list(histories) == ["b", "a"]
    assert [h["loss"] for h in histories["b"]] == [[0.4, 0.3], [0.6, 0.5]]
    assert histories["a"][0]["epoch"] == [1, 2]
