"""The experiments behind notebook 07, too long for a class: ``make experiments``.

Two parts, each writing a CSV file under notebooks/results/ that opens with ``#`` lines
naming the machine, the versions and the command:

- ``seeds``: the notebook's recipe trained on all 60,000 training images once per seed
  and evaluated on the test set once, at the end: ``challenge_seeds.csv`` with columns
  seed, test_accuracy, train_seconds, epochs;
- ``ingredients``: the recipe with one ingredient changed at a time (`variants`), each
  on several seeds, trained on 50,000 training images and measured on the other
  10,000, drawn at random once (a validation split; the test set stays out of it):
  ``ingredients.csv`` with columns variant, seed, val_accuracy, train_seconds.

The model, the data feed and the schedule are the notebook's own, imported from
`helpers.lessons.nb07` (``make export`` writes it from the notebook's cells tagged
``export``), so the script measures exactly what the notebook teaches. Runs go one
after the other in this one process (the machine has 2 cores; two trainings at once
would distort every timing). The file is rewritten after every run, so an interrupted
run keeps its rows.

    python -m scripts.challenge seeds ingredients       # what make experiments runs
    python -m scripts.challenge seeds --seeds 1 2 --epochs 1 --limit 2000  # a quick try
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from scripts import experiments
from tools import ROOT

RESULTS = ROOT / "notebooks" / "results"
VALIDATION = 10_000  # images held out of training for the ingredient study
SHUFFLE = 0  # the seed that draws them: the same images for every variant and seed
FULL = "full recipe"


def variants() -> dict[str, dict[str, dict[str, Any]]]:
    """One ingredient changed at a time: arguments for nb07's model and training."""
    from helpers.lessons import nb07

    return {
        FULL: {},
        "no batch normalisation": {"model": {"batch_norm": False}},
        "no augmentation": {"train": {"augment": None}},
        "no dropout": {"model": {"dropout": False}},
        "constant learning rate": {"train": {"schedule": False}},
        "half width": {"model": {"width": 16}},
        "elastic distortion added": {"train": {"augment": nb07.random_elastic}},
    }


def study_data(
    part: str, limit: int | None = None, validation: int = VALIDATION
) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """(learn, evaluate on) of one part, prepared as in notebook 07: all 60,000
    training images and the test set for ``seeds``; for ``ingredients``,
    ``validation`` training images drawn at random once (seed ``SHUFFLE``) and the
    others. ``limit`` as in `experiments.split`."""
    from helpers.preprocessing import scale_and_add_channel as prepare

    if part == "seeds":
        learn, _ = experiments.split(prepare, 0, limit=limit)
        return learn, experiments.test_set(prepare, limit=limit)
    if part == "ingredients":
        return experiments.split(prepare, validation, limit=limit, shuffle=SHUFFLE)
    raise ValueError(f"unknown part {part!r}; expected seeds or ingredients")


def run_once(
    seed: int,
    epochs: int,
    learn: tuple[Any, Any],
    evaluate_on: tuple[Any, Any],
    change: dict[str, dict[str, Any]] | None = None,
) -> tuple[float, float]:
    """Train the recipe (with ``change``) from ``seed``; return (accuracy, seconds)."""
    import keras
    import tensorflow as tf

    from helpers.lessons import nb07

    change = change or {}
    keras.backend.clear_session()
    keras.utils.set_random_seed(seed)
    model = nb07.challenge_convnet(**change.get("model", {}))
    # tensors, as in the notebook: a NumPy array gathered from inside tf.data's
    # pipeline is copied into it, which made an epoch about twice as slow
    images, labels = (tf.constant(array) for array in learn)
    start = time.perf_counter()
    nb07.train(model, images, labels, epochs, **change.get("train", {}))
    seconds = time.perf_counter() - start
    accuracy = model.evaluate(*evaluate_on, verbose=0, batch_size=1000)[1]
    return float(accuracy), float(seconds)


def run_seeds(
    learn: tuple[Any, Any],
    test: tuple[Any, Any],
    seeds: Sequence[int],
    epochs: int,
    write: Callable[[list[dict[str, Any]]], None],
) -> list[dict[str, Any]]:
    """The full recipe on every seed, trained on ``learn``, tested once on ``test``."""

    def one(name: str, seed: int) -> list[dict[str, Any]]:
        accuracy, seconds = run_once(seed, epochs, learn, test, variants()[name])
        print(f"seed {seed}: test accuracy {accuracy:.4f}, {seconds:.0f} s", flush=True)
        return [
            {
                "seed": seed,
                "test_accuracy": round(accuracy, 4),
                "train_seconds": round(seconds, 1),
                "epochs": epochs,
            }
        ]

    return experiments.over_seeds(seeds, [FULL], one, write)


def run_ingredients(
    learn: tuple[Any, Any],
    validation: tuple[Any, Any],
    seeds: Sequence[int],
    epochs: int,
    write: Callable[[list[dict[str, Any]]], None],
) -> list[dict[str, Any]]:
    """Every variant on every seed, trained on ``learn``, measured on ``validation``."""
    changes = variants()

    def one(name: str, seed: int) -> list[dict[str, Any]]:
        accuracy, seconds = run_once(seed, epochs, learn, validation, changes[name])
        errors = round((1 - accuracy) * len(validation[1]))
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

    return experiments.over_seeds(seeds, changes, one, write)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="+", choices=["seeds", "ingredients"])
    parser.add_argument("--seeds", type=int, nargs="+", help="default: 1 to 5")
    parser.add_argument(
        "--ingredient-seeds", type=int, nargs="+", help="default: 1 to 3"
    )
    parser.add_argument("--epochs", type=int, help="default: the notebook's EPOCHS")
    parser.add_argument(
        "--limit", type=int, help="use only the first N images of each part"
    )
    parser.add_argument("--validation", type=int, default=VALIDATION)
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)

    from helpers import runtime

    runtime.setup(seed=0, verbose=False)
    from helpers.lessons import nb07

    epochs = args.epochs or nb07.EPOCHS
    lines = experiments.header(__name__, argv)
    if "seeds" in args.parts:
        run_seeds(
            *study_data("seeds", args.limit),
            args.seeds or [1, 2, 3, 4, 5],
            epochs,
            experiments.writer(args.output / "challenge_seeds.csv", lines),
        )
    if "ingredients" in args.parts:
        run_ingredients(
            *study_data("ingredients", args.limit, args.validation),
            args.ingredient_seeds or [1, 2, 3],
            epochs,
            experiments.writer(args.output / "ingredients.csv", lines),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
