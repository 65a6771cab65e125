"""Time to accuracy: how many seconds of training each recipe needs to reach 99.0% and
99.5% test accuracy, on this machine. ``make bench`` runs it.

Three recipes, each trained in its own Python process (one after the other: two at
once would share the cores and distort both timings), each evaluated on the test set
after every epoch:

- keras-io: the Keras website's "Simple MNIST convnet" example (Conv 32, pooling,
  Conv 64, pooling, dropout 0.5, Dense 10: 34,826 parameters; Adam, batch 128,
  15 epochs). It trains with ``validation_split=0.1``, that is on the first 54,000
  training images; here it trains on those same images without the validation pass,
  whose seconds would otherwise count as training;
- notebook 04: the improved convnet of notebook 04 (``nb04.FINAL``, the last row of
  its table of changes), trained by the notebook's own ``nb04.train_change`` on all
  60,000 images for the notebook's epochs;
- notebook 07: the challenge recipe, trained by the notebook's own ``nb07.train``
  on all 60,000 images.

The two notebook recipes come from `helpers.lessons` (``nb04``, ``nb07``), the
notebooks' own code; only keras-io's model, taught nowhere in the course, is here.

The seconds count training only: each epoch is timed before the test evaluation that
follows it. Every process starts with ``helpers.runtime.setup()``, so all three get
the same TensorFlow settings. "Seconds to a target" is the first epoch whose test
accuracy reaches it: one seed, read off a noisy curve, so it flatters a little.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from typing import Any

from scripts import experiments
from tools import ROOT

RECIPES = ("keras-io", "notebook 04", "notebook 07")
TARGETS = (0.990, 0.995)
KERAS_IO_HELD_OUT = 6_000  # what keras-io's validation_split=0.1 holds out


def keras_io_convnet(keras: Any) -> Any:
    """The model of keras.io/examples/vision/mnist_convnet (34,826 parameters)."""
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Flatten(),
            layers.Dropout(0.5),
            layers.Dense(10, activation="softmax"),
        ]
    )


def seconds_to(accuracies: list[float], seconds: list[float], target: float) -> float:
    """Training seconds until the first epoch at or above ``target`` (NaN if none).

    ``accuracies[i]`` is the test accuracy after epoch i, ``seconds[i]`` that
    epoch's training time.

    Example: ``seconds_to([0.98, 0.991], [10.0, 9.0], 0.99) == 19.0``
    """
    total = 0.0
    for accuracy, epoch_seconds in zip(accuracies, seconds, strict=True):
        total += epoch_seconds
        if accuracy >= target:
            return total
    return float("nan")


def worker(recipe: str, seed: int) -> dict[str, Any]:
    """Train one recipe in this process; return its per-epoch accuracies and seconds."""
    if recipe not in RECIPES:
        raise ValueError(f"unknown recipe {recipe!r}; expected one of {RECIPES}")
    from helpers import runtime

    runtime.setup(seed=seed, verbose=False)
    import keras
    import tensorflow as tf

    from helpers.lessons import nb04, nb07
    from helpers.preprocessing import scale_and_add_channel as prepare

    x_test, y_test = experiments.test_set(prepare)
    accuracies: list[float] = []
    seconds: list[float] = []

    class TestEachEpoch(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
            seconds.append(time.perf_counter() - self.start)
            result = self.model.evaluate(x_test, y_test, verbose=0, batch_size=1000)
            accuracies.append(float(result[1]))

    callbacks = [TestEachEpoch()]
    if recipe == "keras-io":
        # validation_split=0.1 trains on the first 54,000 images
        (x_train, y_train), _ = experiments.split(prepare, KERAS_IO_HELD_OUT)
        model = keras_io_convnet(keras)
        model.compile(
            loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"]
        )
        model.fit(
            x_train, y_train, batch_size=128, epochs=15, verbose=0, callbacks=callbacks
        )
    elif recipe == "notebook 04":
        training, _ = experiments.split(prepare, 0)  # all 60,000 images
        model = nb04.train_change(nb04.FINAL, training, seed=seed, callbacks=callbacks)
    else:  # notebook 07, on all 60,000 images, as tensors (see scripts.challenge)
        (x_train, y_train), _ = experiments.split(prepare, 0)
        images, labels = tf.constant(x_train), tf.constant(y_train)
        del x_train, y_train
        model = nb07.challenge_convnet()
        nb07.train(model, images, labels, nb07.EPOCHS, callbacks=callbacks)
    return {
        "parameters": model.count_params(),
        "accuracies": accuracies,
        "seconds": seconds,
    }


def summary_row(recipe: str, run: dict[str, Any]) -> dict[str, Any]:
    """One row of the table: seconds to each target, final accuracy, epochs."""
    row: dict[str, Any] = {"recipe": recipe, "parameters": run["parameters"]}
    for target in TARGETS:
        value = seconds_to(run["accuracies"], run["seconds"], target)
        row[f"s to {target:.1%}"] = "not reached" if value != value else round(value)
    row["final accuracy"] = round(run["accuracies"][-1], 4)
    row["epochs"] = len(run["accuracies"])
    row["s in all"] = round(sum(run["seconds"]))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--recipes", nargs="+", choices=RECIPES, default=RECIPES)
    parser.add_argument("--worker", choices=RECIPES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.seed)))
        return 0

    import pandas as pd

    rows = []
    for recipe in args.recipes:
        result = subprocess.run(
            [sys.executable, "-m", "scripts.bench", "--worker", recipe]
            + ["--seed", str(args.seed)],
            check=True,
            stdout=subprocess.PIPE,  # the worker's errors go to the terminal
            text=True,
            cwd=ROOT,
        )
        run = json.loads(result.stdout.strip().splitlines()[-1])
        rows.append(summary_row(recipe, run))
        print(f"{recipe}: {json.dumps(rows[-1])}", flush=True)
    print()
    print(f"{experiments.machine()}; seed {args.seed}; seconds of training only")
    table = pd.DataFrame(rows).astype(str)
    print("| " + " | ".join(table.columns) + " |")
    print("|" + "---|" * len(table.columns))
    for values in table.itertuples(index=False):
        print("| " + " | ".join(values) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
