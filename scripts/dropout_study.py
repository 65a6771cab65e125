"""The seed spread behind notebook 03's comparisons: ``make experiments``.

One seed cannot tell a real difference from luck, so notebook 03's comparisons come
from this script: each runs on several seeds, with the model, data split and
training loop of the notebook's cells tagged ``recipe``, and the notebook plots the
results (it trains one variant and the final networks live). Everything here is
measured on validation images (the last training images); the test set stays out.

- ``variants``: each dropout variant on the first ``SMALL`` training images for
  ``EPOCHS`` epochs, validated on the last ``VALIDATION``; one row per epoch
  (``dropout_variants.csv``).
- ``optimisers``: network A's rates with each optimiser, same data, for
  ``OPTIMISER_EPOCHS`` epochs; one row per epoch (``optimisers.csv``).
- ``epochs``: network A with the cosine schedule on the first 48,000 training
  images for 15 and for 20 epochs, validated on the last 12,000; one row per run
  (``network_a_epochs.csv``).

Each file opens with ``#`` lines naming the machine, the versions and the command,
and is rewritten after every run.

    python -m scripts.dropout_study                       # what make experiments runs
    python -m scripts.dropout_study variants --seeds 1 --epochs 2 --limit 3000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tools import ROOT, experiments

NOTEBOOK = ROOT / "notebooks" / "03_dropout_variants.ipynb"
RESULTS = ROOT / "notebooks" / "results"
STUDIES = ("variants", "optimisers", "epochs")
FILES = {
    "variants": "dropout_variants.csv",
    "optimisers": "optimisers.csv",
    "epochs": "network_a_epochs.csv",
}
HELD_OUT = 12_000  # the last training images, validation for the epochs study
EPOCH_CHOICES = (15, 20)  # the reference's length for network A, and ours


def load_recipe() -> dict[str, Any]:
    """The recipe cells of notebook 03, run with the names they use."""
    import keras

    from helpers.progress import EvaluateEachEpoch

    return experiments.recipe_from(
        NOTEBOOK, keras=keras, EvaluateEachEpoch=EvaluateEachEpoch
    )


def load_data(limit: int | None = None) -> tuple[Any, Any]:
    """MNIST's training images flattened and scaled, labels one-hot, as in 03;
    ``limit`` keeps the first and last ``limit // 2`` images (for quick tries)."""
    import numpy as np

    from helpers import data, preprocessing

    (x_train, y_train), _ = data.load_mnist()
    if limit:
        keep = np.r_[: limit // 2, len(y_train) - limit // 2 : len(y_train)]
        x_train, y_train = x_train[keep], y_train[keep]
    return preprocessing.flatten_and_scale(x_train), preprocessing.one_hot(y_train)


def epoch_rows(history: Any, **fields: Any) -> list[dict[str, Any]]:
    """One row per epoch of a Keras History, after the given fields."""
    logs = history.history
    return [
        {
            **fields,
            "epoch": epoch + 1,
            **{key: round(float(values[epoch]), 5) for key, values in logs.items()},
        }
        for epoch in range(len(logs["loss"]))
    ]


def runner(
    study: str, recipe: dict[str, Any], x: Any, y: Any, epochs: int | None
) -> tuple[list[str], Callable[[str, int], list[dict[str, Any]]]]:
    """The arms of one study and a function that runs one arm from one seed and
    returns its rows (one per epoch, or one per run for ``epochs``)."""
    import keras

    from helpers import runtime

    small = max(1, min(recipe["SMALL"], len(y) // 2))
    validation = max(1, min(recipe["VALIDATION"], len(y) // 2))
    held_out = max(1, min(HELD_OUT, len(y) // 5))
    small_data = (x[:small], y[:small])
    validation_data = (x[-validation:], y[-validation:])

    lengths = {f"{n} epochs": n for n in EPOCH_CHOICES}

    def train_arm(name: str, seed: int) -> list[dict[str, Any]]:
        if study == "variants":
            input_rate, hidden_rates = recipe["VARIANTS"][name]
            model, optimizer = recipe["variant"](hidden_rates, input_rate), "rmsprop"
            length = epochs or recipe["EPOCHS"]
        else:
            model = recipe["variant"]([0.4, 0.3, 0.3])
            optimizer = recipe["OPTIMISERS"][name]()
            length = epochs or recipe["OPTIMISER_EPOCHS"]
        started = time.perf_counter()
        history = recipe["train"](
            model, small_data, validation_data, epochs=length, optimizer=optimizer
        )
        seconds = round(time.perf_counter() - started, 1)
        return [
            {**row, "train_seconds": seconds}
            for row in epoch_rows(history, arm=name, seed=seed)
        ]

    def train_length(name: str, seed: int) -> list[dict[str, Any]]:
        n = epochs or lengths[name]
        train = (x[:-held_out], y[:-held_out])
        model = recipe["compile_final"](recipe["network_a"](), n, len(train[1]))
        started = time.perf_counter()
        model.fit(*train, epochs=n, batch_size=128, verbose=0)
        seconds = time.perf_counter() - started
        loss, accuracy = model.evaluate(
            x[-held_out:], y[-held_out:], batch_size=1000, verbose=0
        )
        return [
            {
                "arm": name,
                "seed": seed,
                "epochs": n,
                "val_accuracy": round(float(accuracy), 5),
                "val_loss": round(float(loss), 5),
                "train_seconds": round(seconds, 1),
            }
        ]

    def run(name: str, seed: int) -> list[dict[str, Any]]:
        keras.backend.clear_session()
        runtime.setup(seed=seed, verbose=False)
        rows = (train_length if study == "epochs" else train_arm)(name, seed)
        last = rows[-1]
        print(
            f"{study} {name:16} seed {seed}: validation accuracy "
            f"{last['val_accuracy']:.4f}, loss {last['val_loss']:.4f}, "
            f"{last['train_seconds']:.0f} s",
            flush=True,
        )
        return rows

    arms = {
        "variants": list(recipe["VARIANTS"]),
        "optimisers": list(recipe["OPTIMISERS"]),
        "epochs": list(lengths),
    }[study]
    return arms, run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("studies", nargs="*", help=f"any of {', '.join(STUDIES)}")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--epochs", type=int, help="default: the notebook's")
    parser.add_argument("--limit", type=int, help="use only 2 x N/2 images")
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.studies) - set(STUDIES))
    if unknown:
        parser.error(f"unknown studies {unknown}; choose from {', '.join(STUDIES)}")

    from helpers import runtime

    runtime.setup(seed=0, verbose=False)
    import keras
    import tensorflow as tf

    recipe = load_recipe()
    x, y = load_data(args.limit)
    lines = experiments.header(
        ["python", "-m", "scripts.dropout_study", *argv],
        {"TensorFlow": tf.__version__, "Keras": keras.__version__},
    )
    for study in args.studies or STUDIES:
        arms, run = runner(study, recipe, x, y, args.epochs)
        write = experiments.writer(args.output / FILES[study], lines)
        experiments.over_seeds(args.seeds, arms, run, write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
