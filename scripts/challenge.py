"""The experiments behind notebook 07, too long for a class: ``make experiments``.

Two parts, each writing a CSV file under notebooks/results/ that opens with ``#`` lines
naming the machine, the versions and the command:

- ``seeds``: the notebook's recipe trained on all 60,000 training images once per seed
  and evaluated on the test set once, at the end: ``challenge_seeds.csv`` with columns
  seed, test_accuracy, train_seconds, epochs;
- ``ingredients``: the recipe with one ingredient changed at a time (`variants`), each
  on several seeds, trained on 50,000 training images and measured on the other
  10,000 (a validation split; the test set stays out of it): ``ingredients.csv`` with
  columns variant, seed, val_accuracy, train_seconds.

The model, the data feed and the schedule are the cells tagged ``recipe`` in
notebook 07, run as they stand there (see tools.experiments.recipe_from), so the
script measures exactly what the notebook teaches. Runs go one after the other in this
one process (the machine has 2 cores; two trainings at once would distort every
timing). The file is rewritten after every run, so an interrupted run keeps its rows.

    python -m scripts.challenge seeds ingredients       # what make experiments runs
    python -m scripts.challenge seeds --seeds 1 2 --epochs 1 --limit 2000  # a quick try
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tools import ROOT, experiments

NOTEBOOK = ROOT / "notebooks" / "07_challenge.ipynb"
RESULTS = ROOT / "notebooks" / "results"
VALIDATION = 10_000  # images held out of training for the ingredient study


def variants(recipe: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """One ingredient changed at a time: arguments for the recipe's model and training."""
    return {
        "full recipe": {},
        "no batch normalisation": {"model": {"batch_norm": False}},
        "no augmentation": {"train": {"augment": None}},
        "no dropout": {"model": {"dropout": False}},
        "constant learning rate": {"train": {"schedule": False}},
        "half width": {"model": {"width": 16}},
        "elastic distortion added": {"train": {"augment": recipe["random_elastic"]}},
    }


def load_recipe() -> dict[str, Any]:
    """The recipe cells of notebook 07, run with the modules they use."""
    import time

    import keras
    import numpy as np
    import tensorflow as tf

    return experiments.recipe_from(NOTEBOOK, keras=keras, np=np, tf=tf, time=time)


def load_data(limit: int | None = None) -> tuple[Any, Any, Any, Any]:
    """MNIST as the notebook prepares it: images (n, 28, 28, 1) in [0, 1], one-hot
    labels; ``limit`` keeps the first images of each set (for quick tries and tests).
    """
    from helpers import data, preprocessing

    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    x_train, y_train = x_train[:limit], y_train[:limit]
    x_test, y_test = x_test[:limit], y_test[:limit]
    return (
        preprocessing.scale_and_add_channel(x_train),
        preprocessing.one_hot(y_train),
        preprocessing.scale_and_add_channel(x_test),
        preprocessing.one_hot(y_test),
    )


def validation_split(
    images: Any, labels: Any, size: int
) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """The same ``size`` images for every variant and seed, picked at random once."""
    import numpy as np

    if not 0 < size < len(labels):
        raise ValueError(f"validation size {size} out of range for {len(labels)}")
    order = np.random.default_rng(0).permutation(len(labels))
    held, kept = order[:size], order[size:]
    return (images[kept], labels[kept]), (images[held], labels[held])


def run_once(
    recipe: dict[str, Any],
    seed: int,
    epochs: int,
    train: tuple[Any, Any],
    evaluate_on: tuple[Any, Any],
    change: dict[str, dict[str, Any]] | None = None,
) -> tuple[float, float]:
    """Train the recipe (with ``change``) from ``seed``; return (accuracy, seconds)."""
    import keras
    import tensorflow as tf

    change = change or {}
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    model = recipe["challenge_convnet"](**change.get("model", {}))
    # tensors, as in the notebook: a NumPy array gathered from inside tf.data's
    # pipeline is copied into it, which made an epoch about twice as slow
    images, labels = (tf.constant(array) for array in train)
    seconds = recipe["train"](model, images, labels, epochs, **change.get("train", {}))
    accuracy = model.evaluate(*evaluate_on, verbose=0, batch_size=1000)[1]
    return float(accuracy), float(seconds)


def run_seeds(
    recipe: dict[str, Any],
    data: tuple[Any, Any, Any, Any],
    seeds: Sequence[int],
    epochs: int,
    write: Callable[[list[dict[str, Any]]], None],
) -> list[dict[str, Any]]:
    """The full recipe on every seed, trained on all training images, tested once."""
    x_train, y_train, x_test, y_test = data
    rows: list[dict[str, Any]] = []
    for seed in seeds:
        accuracy, seconds = run_once(
            recipe, seed, epochs, (x_train, y_train), (x_test, y_test)
        )
        rows.append(
            {
                "seed": seed,
                "test_accuracy": round(accuracy, 4),
                "train_seconds": round(seconds, 1),
                "epochs": epochs,
            }
        )
        print(f"seed {seed}: test accuracy {accuracy:.4f}, {seconds:.0f} s", flush=True)
        write(rows)
    return rows


def run_ingredients(
    recipe: dict[str, Any],
    data: tuple[Any, Any, Any, Any],
    variants: dict[str, dict[str, dict[str, Any]]],
    seeds: Sequence[int],
    epochs: int,
    validation: int,
    write: Callable[[list[dict[str, Any]]], None],
) -> list[dict[str, Any]]:
    """Every variant on every seed, measured on a validation split of the training set."""
    x_train, y_train, _, _ = data
    train, held_out = validation_split(x_train, y_train, validation)

    def one(name: str, seed: int) -> list[dict[str, Any]]:
        accuracy, seconds = run_once(
            recipe, seed, epochs, train, held_out, variants[name]
        )
        errors = round((1 - accuracy) * validation)
        print(
            f"{name:26} seed {seed}: {errors} validation errors, {seconds:.0f} s",
            flush=True,
        )
        return [
            {
                "variant": name,
                "seed": seed,
                "val_accuracy": round(accuracy, 4),
                "train_seconds": round(seconds, 1),
            }
        ]

    return experiments.over_seeds(seeds, variants, one, write)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="+", choices=["seeds", "ingredients"])
    parser.add_argument("--seeds", type=int, nargs="+", help="default: 1 to 5")
    parser.add_argument(
        "--ingredient-seeds", type=int, nargs="+", help="default: 1 to 3"
    )
    parser.add_argument("--epochs", type=int, help="default: the notebook's EPOCHS")
    parser.add_argument("--limit", type=int, help="use only the first N images")
    parser.add_argument("--validation", type=int, default=VALIDATION)
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)

    from helpers import runtime

    runtime.setup(seed=0, verbose=False)
    import keras
    import tensorflow as tf

    recipe = load_recipe()
    epochs = args.epochs or recipe["EPOCHS"]
    data = load_data(args.limit)
    versions = {"TensorFlow": tf.__version__, "Keras": keras.__version__}
    lines = experiments.header(["python", "-m", "scripts.challenge", *argv], versions)
    if "seeds" in args.parts:
        run_seeds(
            recipe,
            data,
            args.seeds or [1, 2, 3, 4, 5],
            epochs,
            experiments.writer(args.output / "challenge_seeds.csv", lines),
        )
    if "ingredients" in args.parts:
        run_ingredients(
            recipe,
            data,
            variants(recipe),
            args.ingredient_seeds or [1, 2, 3],
            epochs,
            args.validation,
            experiments.writer(args.output / "ingredients.csv", lines),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
