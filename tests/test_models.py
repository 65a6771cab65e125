"""helpers.models: both paths of load_or_train, and saved paths keyed by the recipe."""

from __future__ import annotations

from pathlib import Path

import keras
import numpy as np
import pytest

from helpers.models import load_or_train, saved_path


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


RECIPE = """
EPOCHS = 5
OPTIONS = {"dropout": 0.25, "batch_norm": True}


def build():
    return OPTIONS["dropout"]


def train(epochs=EPOCHS):
    return build() * epochs
"""


def recipe_module(tmp_path, name, source):
    """Import ``source`` as a module of its own, as a lesson module is imported."""
    import importlib.util

    path = tmp_path / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_saved_path_follows_the_recipe_source(tmp_path):
    original = recipe_module(tmp_path, "recipe_a", RECIPE)
    same = recipe_module(tmp_path, "recipe_b", RECIPE)  # the same code elsewhere
    path = saved_path("convnet", original.train)
    assert path.parent == Path("saved_models") and path.name.startswith("convnet-")
    assert path.suffix == ".keras"
    assert saved_path("convnet", same.train) == path
    edits = {
        "a used function": (
            'return OPTIONS["dropout"]',
            'return OPTIONS["dropout"] + 0',
        ),
        "a used constant": ("EPOCHS = 5", "EPOCHS = 6"),
        "one value in a dict": ('"batch_norm": True', '"batch_norm": False'),
        "the function itself": (
            "return build() * epochs",
            "return build() * epochs * 1",
        ),
    }
    for number, (what, (old, new)) in enumerate(edits.items()):
        assert old in RECIPE
        edited = recipe_module(tmp_path, f"edited_{number}", RECIPE.replace(old, new))
        assert saved_path("convnet", edited.train) != path, what


def test_a_lesson_module_and_its_notebook_give_one_path():
    """05, 06 and 08 find the file that 03 and 04 saved: the path depends on the
    code, not on the module it is defined in."""
    from helpers.lessons import nb04

    namespace: dict = {"__name__": "__main__"}
    source = Path(nb04.__file__).read_text()
    exec(compile(source, nb04.__file__, "exec"), namespace)  # as a notebook would
    assert namespace["saved_path"]() == nb04.saved_path()
