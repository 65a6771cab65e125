"""helpers.progress: one line per epoch."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers.progress import EpochLog, EvaluateEachEpoch, format_epoch


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


def test_evaluate_each_epoch_records_the_data_in_inference_mode():
    # dropout 0.9 on a model whose output is its input: in training mode the
    # running loss is far from 0, in inference mode it is exactly 0
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dropout(0.9)])
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    x = np.arange(1, 41, dtype="float32").reshape(10, 4)
    history = model.fit(
        x, x, epochs=2, verbose=0, callbacks=[EvaluateEachEpoch(x, x, prefix="clean_")]
    )
    assert history.history["clean_loss"] == [0.0, 0.0]
    assert history.history["clean_mae"] == [0.0, 0.0]
    assert min(history.history["loss"]) > 1.0
