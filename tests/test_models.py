"""helpers.models: both paths of load_or_train."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers.models import load_or_train


def tiny_model() -> keras.Model:
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def test_trains_and_saves_when_absent_then_reuses(tmp_path, capsys):
    path = tmp_path / "sub" / "tiny.keras"
    calls = []

    def train():
        calls.append(1)
        return tiny_model()

    first = load_or_train(path, train)
    assert path.is_file() and calls == [1]
    assert "saved to" in capsys.readouterr().out
    second = load_or_train(path, train)
    assert calls == [1], "the saved file must be reused, not retrained"
    assert "Reusing" in capsys.readouterr().out
    x = np.ones((3, 4), "float32")
    assert np.array_equal(first.predict(x, verbose=0), second.predict(x, verbose=0))


def test_refuses_other_formats_and_non_models(tmp_path):
    with pytest.raises(ValueError, match=".keras"):
        load_or_train(tmp_path / "model.h5", tiny_model)
    with pytest.raises(TypeError, match="Keras model"):
        load_or_train(tmp_path / "x.keras", lambda: "not a model")
