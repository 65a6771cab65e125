"""scripts.convnet_changes: notebook 04's table of changes over several seeds.

The model, its options and its training run are notebook 04's own
(`helpers.lessons.nb04`); these tests check that each row of the table changes what
it says and that the study learns from and validates on the images it always did,
then run the script end to end on a few hundred images and one epoch.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import data, results
from helpers.lessons import nb04
from helpers.preprocessing import scale_and_add_channel
from scripts import convnet_changes


def layer_types(model: keras.Model) -> list[str]:
    return [type(layer).__name__ for layer in model.layers]


def test_each_row_adds_one_change_to_the_row_above():
    names = list(nb04.CHANGES)
    assert names[0] == "reference" and names[-1] == nb04.FINAL
    models = [nb04.build(name, images=1_000) for name in names]
    reference, schedule, batch_norm, dropout = models
    assert reference.count_params() == 35_530  # the tutorial's model, unchanged
    assert isinstance(reference.optimizer.learning_rate, keras.Variable)
    assert float(reference.optimizer.learning_rate.numpy()) == pytest.approx(0.001)
    # the schedule: same layers, a decaying rate that starts at 0.003
    assert layer_types(schedule) == layer_types(reference)
    rate = schedule.optimizer._learning_rate
    assert float(rate(0)) == pytest.approx(0.003)
    steps = nb04.EPOCHS * 8  # 1,000 images make 8 batches of 128
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


def test_the_study_learns_the_first_48000_and_validates_on_the_last_12000(
    mnist_dir, monkeypatch
):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    (x_train, y_train), _ = data.load_mnist()
    (x, y), (x_val, y_val) = convnet_changes.study_data()
    assert x.shape == (48_000, 28, 28, 1) and y_val.shape == (12_000, 10)
    np.testing.assert_array_equal(x, scale_and_add_channel(x_train[:48_000]))
    np.testing.assert_array_equal(y.argmax(axis=1), y_train[:48_000])
    np.testing.assert_array_equal(x_val, scale_and_add_channel(x_train[48_000:]))
    np.testing.assert_array_equal(y_val.argmax(axis=1), y_train[48_000:])


@pytest.mark.training
def test_the_script_writes_every_change_on_every_seed(tmp_path, mnist_dir, monkeypatch):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    calls = []
    train_change = nb04.train_change

    def recorded(change, training, validation=None, **options):
        calls.append((change, len(training[1]), validation, options))
        return train_change(change, training, validation, **options)

    monkeypatch.setattr(nb04, "train_change", recorded)
    argv = ["--seeds", "1", "2", "--epochs", "1", "--limit", "300"]
    convnet_changes.main([*argv, "--output", str(tmp_path)])
    frame = results.read_results(tmp_path / "convnet_changes.csv")
    assert frame.attrs["header"][2] == (
        "command: python -m scripts.convnet_changes --seeds 1 2 --epochs 1"
        f" --limit 300 --output {tmp_path}"
    )
    assert list(frame.columns) == [
        "variant",
        "seed",
        "val_accuracy",
        "val_loss",
        "train_seconds",
        "epochs",
    ]
    assert frame["variant"].tolist() == list(nb04.CHANGES) * 2
    assert frame["seed"].tolist() == [1] * 4 + [2] * 4
    assert frame["val_accuracy"].between(0, 1).all() and (frame["val_loss"] > 0).all()
    # 300 validation images: every accuracy is a whole number of them
    errors = frame["val_accuracy"] * 300
    np.testing.assert_allclose(errors, errors.round(), atol=0.02)
    assert (frame["epochs"] == 1).all()
    # each row trained by the notebook's own call, without validation during fit
    assert calls == [
        (change, 300, None, {"seed": seed, "epochs": 1})
        for seed in (1, 2)
        for change in nb04.CHANGES
    ]
