"""helpers.plots as a whole: one vocabulary, and what a figure function returns.

Each module's drawings are tested in tests/test_plots_<module>.py.
"""

from __future__ import annotations

import inspect

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import plots

DIGITS = np.random.default_rng(0).integers(0, 256, (3, 28, 28), dtype=np.uint8)
HISTORY = {"loss": [0.5, 0.3], "val_loss": [0.6, 0.4]}
RUNS = pd.DataFrame({"m": ["a", "a", "b"], "n": [1, 10, 1], "v": [0.5, 0.7, 0.4]})
BINS = pd.DataFrame(
    {"lower": [0.0], "upper": [1.0], "count": [5], "confidence": [0.9], "accuracy": [1]}
)

#: The smallest call of each public function: its data, positional.
CALLS = {
    "show_digit": (DIGITS[0],),
    "show_digits": (DIGITS,),
    "pixel_heatmap": (np.ones((3, 3)),),
    "training_curves": (HISTORY,),
    "learning_rate_curve": (lambda step: 0.1, 10, 5),
    "line": ([1.0, 2.0],),
    "weight_maps": (np.ones((784, 2)),),
    "feature_maps": (np.ones((4, 4, 2)),),
    "filter_responses": (np.ones((3, 3, 2)), np.ones((5, 5, 2))),
    "occlusion_maps": (DIGITS[:1], [np.ones((28, 28))]),
    "activation_figure": ([0.0, 1.0], [0.0, 1.0], [1.0, 2.0], [0.3, 0.7]),
    "confusion_heatmap": (np.array([[5, 1], [2, 4]]),),
    "probability_bars": (DIGITS[0], [0.2, 0.8]),
    "reliability_diagram": ({"model": BINS},),
    "spread_plot": (RUNS, "m", "v"),
    "learning_curve": (RUNS, "n", "v", "m"),
}
#: The options each function cannot do without.
REQUIRED = {
    "pixel_heatmap": {"colorbar_label": "share"},
    "line": {"xlabel": "step", "ylabel": "loss"},
    "confusion_heatmap": {"kind": "counts"},
    "spread_plot": {"xlabel": "v"},
    "learning_curve": {"xlabel": "n", "ylabel": "v"},
}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def draw(name: str, **options):
    return getattr(plots, name)(*CALLS[name], **REQUIRED.get(name, {}), **options)


def test_every_public_function_is_listed_exported_and_called_here():
    assert sorted(CALLS) == sorted(plots.__all__)
    for name in plots.__all__:
        assert f"{name}" in plots.__doc__, f"{name} missing from the module list"
        function = getattr(plots, name)
        assert function.__module__.startswith("helpers.plots."), name
        assert function.__doc__ and "Example: ``" in function.__doc__, name


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_figure_function_leaves_its_figure_open_and_returns_nothing(name):
    before = set(plt.get_fignums())
    assert draw(name) is None
    # the one new figure stays open: the inline backend shows it at the cell's end
    assert len(set(plt.get_fignums()) - before) == 1


@pytest.mark.parametrize("name", sorted(CALLS))
def test_return_fig_returns_the_figure_it_drew(name):
    fig = draw(name, return_fig=True)
    assert isinstance(fig, Figure) and fig.number in plt.get_fignums()
    assert fig.axes


@pytest.mark.parametrize("name", sorted(CALLS))
def test_title_is_the_figures_title(name):
    fig = draw(name, title="The title", return_fig=True)
    suptitle = fig._suptitle.get_text() if fig._suptitle else ""
    if len([ax for ax in fig.axes if ax.get_label() != "<colorbar>"]) == 1:
        assert "The title" in (fig.axes[0].get_title(), suptitle)
    else:
        assert suptitle == "The title"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_data_are_positional_and_every_option_keyword_only(name):
    parameters = inspect.signature(getattr(plots, name)).parameters.values()
    positional = [p for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert [p.name for p in positional] == list(
        inspect.signature(getattr(plots, name)).parameters
    )[: len(CALLS[name])]
    assert all(p.default is p.empty for p in positional), "an option is positional"
    options = {p.name for p in parameters if p.kind is p.KEYWORD_ONLY}
    assert {"title", "return_fig"} <= options
    # one meaning per name: no suptitle, and labels are digits' labels only
    assert not options & {"suptitle", "label", "values"}
    assert "labels" not in options or name == "show_digits"


def test_importing_the_plots_makes_the_colour_blind_safe_palette_the_cycle():
    import matplotlib as mpl
    from matplotlib.colors import to_hex

    from helpers.plots._common import PALETTE, use_palette

    mpl.rcParams["axes.prop_cycle"] = mpl.rcParamsDefault["axes.prop_cycle"]
    use_palette()
    cycle = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
    assert [to_hex(c) for c in cycle] == [c.lower() for c in PALETTE]
    assert plots.PALETTE == PALETTE
    assert "#2ca02c" not in cycle  # matplotlib's default green is gone
