"""The seed spread behind notebook 04's table of changes: ``make experiments``.

Notebook 04 improves the reference convnet one change at a time (the ``CHANGES`` of
`helpers.lessons.nb04`) and trains each row once. One run cannot tell a real gain
from luck, so this script trains every row on several seeds with the notebook's own
``nb04.train_change``, each on the first 48,000 training images for the notebook's
``EPOCHS``, measured on the last 12,000 (what ``validation_split=0.2`` holds out; the
test set stays out of it). It writes ``notebooks/results/convnet_changes.csv``
(columns variant, seed, val_accuracy, val_loss, train_seconds, epochs), opened by
``#`` lines naming the machine, the versions and the command, and rewritten after
every run.

    python -m scripts.convnet_changes                      # what make experiments runs
    python -m scripts.convnet_changes --seeds 1 --epochs 1 --limit 2000  # a quick try
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scripts import experiments
from tools import ROOT

RESULTS = ROOT / "notebooks" / "results"
HELD_OUT = 12_000  # the last fifth of the training images, validation as in 04


def study_data(limit: int | None = None) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """(learn, validation): the first 48,000 and the last 12,000 training images,
    prepared as in notebook 04; ``limit`` as in `experiments.split`."""
    from helpers.preprocessing import scale_and_add_channel

    return experiments.split(scale_and_add_channel, HELD_OUT, limit=limit)


def run_once(
    change: str,
    seed: int,
    epochs: int,
    learn: tuple[Any, Any],
    validation: tuple[Any, Any],
) -> dict[str, Any]:
    """Train one row of the notebook's CHANGES from ``seed``; return its results row."""
    import keras

    from helpers.lessons import nb04

    keras.backend.clear_session()
    start = time.perf_counter()
    model = nb04.train_change(change, learn, seed=seed, epochs=epochs)
    seconds = time.perf_counter() - start
    loss, accuracy = model.evaluate(*validation, verbose=0, batch_size=1000)
    return {
        "variant": change,
        "seed": seed,
        "val_accuracy": round(float(accuracy), 4),
        "val_loss": round(float(loss), 4),
        "train_seconds": round(seconds, 1),
        "epochs": epochs,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--epochs", type=int, help="default: the notebook's EPOCHS")
    parser.add_argument(
        "--limit", type=int, help="use only the first N images of each part"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)

    from helpers import runtime

    runtime.setup(seed=0, verbose=False)
    from helpers.lessons import nb04

    learn, validation = study_data(args.limit)
    epochs = args.epochs or nb04.EPOCHS

    def one(change: str, seed: int) -> list[dict[str, Any]]:
        row = run_once(change, seed, epochs, learn, validation)
        print(
            f"{change:28} seed {seed}: validation accuracy "
            f"{row['val_accuracy']:.4f}, loss {row['val_loss']:.4f}, "
            f"{row['train_seconds']:.0f} s",
            flush=True,
        )
        return [row]

    write = experiments.writer(
        args.output / "convnet_changes.csv", experiments.header(__name__, argv)
    )
    experiments.over_seeds(args.seeds, nb04.CHANGES, one, write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
