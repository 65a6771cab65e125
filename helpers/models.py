"""Reuse a model saved by an earlier notebook, or train it here.

Each notebook runs on its own: one that needs, say, the convnet of notebook 04 defines
the model and its training in plain sight, and hands that function to `load_or_train`,
which reuses the saved file when it exists and otherwise trains and saves.
Import it after ``runtime.setup()``, like Keras itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import keras


def load_or_train(path: str | Path, train: Callable[[], keras.Model]) -> keras.Model:
    """Load the ``.keras`` file at ``path`` if present; otherwise call ``train()``,
    save its model there and return it. Says which happened, in one line.

    Example: ``convnet = load_or_train("saved_models/convnet.keras", train_convnet)``
    """
    path = Path(path)
    if path.suffix != ".keras":
        raise ValueError(f"expected a .keras file, got {path}")
    if path.is_file():
        model = keras.models.load_model(path)
        print(f"Reusing {path} (saved earlier); delete it to train afresh.")
        return model
    start = time.perf_counter()
    model = train()
    if not isinstance(model, keras.Model):
        raise TypeError(
            f"train() must return a Keras model, got {type(model).__name__}"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    print(f"Trained in {time.perf_counter() - start:.0f} s and saved to {path}.")
    return model
