"""The seed spread behind notebook 04's table of changes: ``make experiments``.

Notebook 04 improves the reference convnet one change at a time (the ``CHANGES`` of
its cells tagged ``recipe``) and trains each row once. One run cannot tell a real gain
from luck, so this script trains every row on several seeds, each on the first 48,000
training images for the notebook's ``EPOCHS``, measured on the last 12,000 (what
``validation_split=0.2`` holds out; the test set stays out of it). It writes
``notebooks/results/convnet_changes.csv`` (columns change, seed, val_accuracy,
val_loss, train_seconds, epochs), opened by ``#`` lines naming the machine, the
versions and the command, and rewritten after every run.

    python -m scripts.convnet_changes                      # what make experiments runs
    python -m scripts.convnet_changes --seeds 1 --epochs 1 --limit 2000  # a quick try
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tools import ROOT, experiments

NOTEBOOK = ROOT / "notebooks" / "04_convnet.ipynb"
RESULTS = ROOT / "notebooks" / "results"
HELD_OUT = 0.2  # the share of the training images kept for validation, as in 04


def load_recipe() -> dict[str, Any]:
    """The recipe cells of notebook 04, run with the modules they use."""
    import keras
    import numpy as np

    return experiments.recipe_from(NOTEBOOK, keras=keras, np=np)


def load_data(limit: int | None = None) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """(training part, validation part) of MNIST's training set, prepared as in 04:
    images (n, 28, 28, 1) in [0, 1], one-hot labels, the last 20% held out;
    ``limit`` keeps the first images only (for quick tries and tests)."""
    from helpers import data, preprocessing

    (x_train, y_train), _ = data.load_mnist()
    images = preprocessing.scale_and_add_channel(x_train[:limit])
    labels = preprocessing.one_hot(y_train[:limit])
    kept = int(len(labels) * (1 - HELD_OUT))
    return (images[:kept], labels[:kept]), (images[kept:], labels[kept:])


def run_once(
    recipe: dict[str, Any],
    change: str,
    seed: int,
    epochs: int,
    train: tuple[Any, Any],
    validation: tuple[Any, Any],
) -> dict[str, Any]:
    """Train one row of the notebook's CHANGES from ``seed``; return its results row."""
    import keras

    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    model = recipe["build"](change, epochs=epochs, images=len(train[1]))
    start = time.perf_counter()
    model.fit(*train, epochs=epochs, batch_size=128, verbose=0)
    seconds = time.perf_counter() - start
    loss, accuracy = model.evaluate(*validation, verbose=0, batch_size=1000)
    return {
        "change": change,
        "seed": seed,
        "val_accuracy": round(float(accuracy), 4),
        "val_loss": round(float(loss), 4),
        "train_seconds": round(seconds, 1),
        "epochs": epochs,
    }


def run_all(
    recipe: dict[str, Any],
    data: tuple[tuple[Any, Any], tuple[Any, Any]],
    seeds: Sequence[int],
    epochs: int,
    write: Callable[[list[dict[str, Any]]], None],
) -> list[dict[str, Any]]:
    """Every change on every seed (seeds outermost: a stopped run has every change
    on some seeds), writing the rows so far after each run."""

    def one(change: str, seed: int) -> list[dict[str, Any]]:
        row = run_once(recipe, change, seed, epochs, *data)
        print(
            f"{change:28} seed {seed}: validation accuracy "
            f"{row['val_accuracy']:.4f}, loss {row['val_loss']:.4f}, "
            f"{row['train_seconds']:.0f} s",
            flush=True,
        )
        return [row]

    return experiments.over_seeds(seeds, recipe["CHANGES"], one, write)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--epochs", type=int, help="default: the notebook's EPOCHS")
    parser.add_argument("--limit", type=int, help="use only the first N images")
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)

    from helpers import runtime

    runtime.setup(seed=0, verbose=False)
    import keras
    import tensorflow as tf

    recipe = load_recipe()
    lines = experiments.header(
        ["python", "-m", "scripts.convnet_changes", *argv],
        {"TensorFlow": tf.__version__, "Keras": keras.__version__},
    )
    run_all(
        recipe,
        load_data(args.limit),
        args.seeds,
        args.epochs or recipe["EPOCHS"],
        experiments.writer(args.output / "convnet_changes.csv", lines),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
