"""Figures, one module per topic; import them all from here (``plots.show_digits``).

- ``digits``: show_digit, show_digits, pixel_heatmap (digits as images);
- ``curves``: training_curves, learning_rate_curve, line (curves of a training);
- ``network``: weight_maps, feature_maps, filter_responses, occlusion_maps,
  activation_figure (inside the network);
- ``errors``: confusion_heatmap, probability_bars, reliability_diagram (errors and
  confidence);
- ``spread``: spread_plot, learning_curve (experiment results and their spread).

One vocabulary throughout: the data come first, as positional arguments; every
option is keyword-only. ``title`` is the figure's title, ``titles`` its panels'
(one per image or map), ``labels`` the digits' labels. A figure function draws its
figure and returns nothing, so a notebook cell shows the figure and prints nothing;
``return_fig=True`` returns the matplotlib Figure, to restyle it or save it with
``fig.savefig(...)``. Importing the package makes Okabe and Ito's colour-blind-safe
palette (``PALETTE``) matplotlib's colour cycle.
"""

from __future__ import annotations

from helpers.plots._common import PALETTE as PALETTE  # the colour cycle
from helpers.plots._common import use_palette
from helpers.plots.curves import learning_rate_curve, line, training_curves
from helpers.plots.digits import pixel_heatmap, show_digit, show_digits
from helpers.plots.errors import (
    confusion_heatmap,
    probability_bars,
    reliability_diagram,
)
from helpers.plots.network import (
    activation_figure,
    feature_maps,
    filter_responses,
    occlusion_maps,
    weight_maps,
)
from helpers.plots.spread import learning_curve, spread_plot

use_palette()  # every figure, the notebooks' own included, cycles through PALETTE

__all__ = [
    "activation_figure",
    "confusion_heatmap",
    "feature_maps",
    "filter_responses",
    "learning_curve",
    "learning_rate_curve",
    "line",
    "occlusion_maps",
    "pixel_heatmap",
    "probability_bars",
    "reliability_diagram",
    "show_digit",
    "show_digits",
    "spread_plot",
    "training_curves",
    "weight_maps",
]
