"""scripts.convnet_changes: notebook 04's table of changes over several seeds.

The model and its options come from the notebook's cells tagged ``recipe``; these
tests check that each row of the table changes what it says, then run the script end
to end on a few hundred images and one epoch.
"""

from __future__ import annotations

import keras
import pytest

from helpers import results
from scripts import convnet_changes


@pytest.fixture(scope="module")
def recipe():
    return convnet_changes.load_recipe()


def layer_types(model: keras.Model) -> list[str]:
    return [type(layer).__name__ for layer in model.layers]


def test_each_row_adds_one_change_to_the_row_above(recipe):
    names = list(recipe["CHANGES"])
    assert names[0] == "reference"
    models = [recipe["build"](name, images=1_000) for name in names]
    reference, schedule, batch_norm, dropout = models
    assert reference.count_params() == 35_530  # the tutorial's model, unchanged
    assert isinstance(reference.optimizer.learning_rate, keras.Variable)
    assert float(reference.optimizer.learning_rate.numpy()) == pytest.approx(0.001)
    # the schedule: same layers, a decaying rate that starts at 0.003
    assert layer_types(schedule) == layer_types(reference)
    rate = schedule.optimizer._learning_rate
    assert float(rate(0)) == pytest.approx(0.003)
    steps = recipe["EPOCHS"] * 8  # 1,000 images make 8 batches of 128
    assert float(rate(steps)) == pytest.approx(0.003 * 0.05)
    assert "BatchNormalization" in layer_types(batch_norm)
    assert "BatchNormalization" not in layer_types(schedule)
    assert batch_norm.count_params() == 35_530 - 64 + 4 * 64  # biases out, BN in
    assert layer_types(dropout) == [
        *layer_types(batch_norm)[:-2],
        "Dropout",
        *layer_types(batch_norm)[-2:],
    ]
    assert all(model.count_params() <= 100_000 for model in models)


def test_the_script_writes_every_change_on_every_seed(tmp_path):
    convnet_changes.main(
        [
            "--seeds",
            "1",
            "2",
            "--epochs",
            "1",
            "--limit",
            "500",
            "--output",
            str(tmp_path),
        ]
    )
    frame = results.read_results(tmp_path / "convnet_changes.csv")
    assert frame.attrs["header"][2].startswith(
        "command: python -m scripts.convnet_changes --seeds 1 2"
    )
    assert len(frame) == 2 * 4 and set(frame["seed"]) == {1, 2}
    assert frame["change"].tolist()[:4] == list(
        convnet_changes.load_recipe()["CHANGES"]
    )
    assert frame["val_accuracy"].between(0, 1).all() and (frame["val_loss"] > 0).all()
    assert (frame["epochs"] == 1).all()


def test_the_validation_part_is_the_last_fifth():
    (x_fit, y_fit), (x_val, y_val) = convnet_changes.load_data(limit=500)
    assert len(x_fit) == 400 and len(x_val) == 100
    assert x_fit.shape[1:] == (28, 28, 1) and y_val.shape == (100, 10)
