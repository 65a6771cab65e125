"""scripts.bench: time to accuracy, read from per-epoch test accuracies."""

from __future__ import annotations

import math

import keras
import numpy as np

from scripts import bench
from tools import ROOT, experiments


def test_seconds_to_counts_training_time_until_the_first_epoch_on_target():
    accuracies, seconds = [0.985, 0.991, 0.989, 0.996], [10.0, 9.0, 9.5, 8.0]
    assert bench.seconds_to(accuracies, seconds, 0.990) == 19.0
    assert bench.seconds_to(accuracies, seconds, 0.995) == 36.5
    assert math.isnan(bench.seconds_to(accuracies, seconds, 0.999))


def test_summary_row_says_not_reached_and_reports_the_last_epoch():
    run = {"parameters": 5, "accuracies": [0.98, 0.992], "seconds": [4.2, 4.4]}
    row = bench.summary_row("x", run)
    assert row["s to 99.0%"] == 9 and row["s to 99.5%"] == "not reached"
    assert row["final accuracy"] == 0.992 and row["epochs"] == 2
    assert row["s in all"] == 9


def test_the_keras_io_model_has_its_published_size():
    assert bench.keras_io_convnet(keras).count_params() == 34_826


def test_notebook_04_cells_build_its_compiled_convnet():
    cells = experiments.recipe_from(
        ROOT / "notebooks" / "04_convnet.ipynb", keras=keras, np=np
    )
    model = cells["build"](list(cells["CHANGES"])[-1], images=60_000)
    assert model.optimizer is not None and cells["EPOCHS"] >= 1
    assert model.output_shape == (None, 10)
    assert model.count_params() <= 100_000  # the notebook's budget
