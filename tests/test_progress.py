"""helpers.progress: one line per epoch."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers.progress import EpochLog, format_epoch


def test_format_epoch_pads_the_number_and_shows_every_value():
    line = format_epoch(
        3, 10, {"loss": 0.07901, "val_accuracy": np.float32(0.9722)}, 1.23
    )
    assert line == "epoch  3/10: loss 0.0790, val_accuracy 0.9722 (1.2 s)"


def test_one_line_per_epoch_or_every_nth_and_the_last(capsys):
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.ones((8, 3), "float32"), np.ones((8, 1), "float32")
    model.fit(x, y, epochs=3, verbose=0, callbacks=[EpochLog()])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "epoch 1/3",
        "epoch 2/3",
        "epoch 3/3",
    ]
    model.fit(x, y, epochs=5, verbose=0, callbacks=[EpochLog(every=2)])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "epoch 2/5",
        "epoch 4/5",
        "epoch 5/5",
    ]
    assert "loss" in lines[0]


def test_every_must_be_positive():
    with pytest.raises(ValueError, match="every"):
        EpochLog(every=0)
