"""Training speed: the R tutorials' way against this course's way, on this machine.

``make bench`` runs it. Each (model, setup) pair trains in its own Python process, so
that TensorFlow reads its settings fresh:

- naive: what the tutorials' code did: plain ``fit`` on NumPy arrays, batch 128,
  TensorFlow's default settings (oneDNN only where TensorFlow enables it by itself,
  one training step per call into TensorFlow);
- course: the same model, data and batch size with the course's settings:
  ``helpers.runtime.setup()`` (oneDNN on) and ``steps_per_execution=10``;
- bfloat16: the course's settings plus Keras' ``mixed_bfloat16`` policy, a lever the
  notebooks do not pull (see the README): it pays only on CPUs with native bfloat16
  arithmetic, and it changes the numbers a model learns.

After one warm-up epoch on a slice of the data (graph tracing), each process times
full epochs over the 60,000 training images and reports samples per second.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time

MODELS = ("dense_512", "convnet")
SETUPS = ("naive", "course", "bfloat16")


def worker(model_name: str, setup: str, epochs: int) -> dict[str, float]:
    """Train one model with one setup in this process; return samples per second."""
    if setup in ("course", "bfloat16"):
        from helpers import runtime

        runtime.setup(seed=0, verbose=False)
        steps_per_execution = 10
    else:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # quiet, changes no speed
        steps_per_execution = 1
    import keras

    from helpers import data, preprocessing

    keras.utils.set_random_seed(0)
    if setup == "bfloat16":
        keras.mixed_precision.set_global_policy("mixed_bfloat16")
    (x_train, y_train), _ = data.load_mnist()
    layers = keras.layers
    if model_name == "dense_512":
        x = preprocessing.flatten_and_scale(x_train)
        model = keras.Sequential(
            [
                keras.Input(shape=(784,)),
                layers.Dense(512, activation="relu"),
                layers.Dense(10, activation="softmax"),
            ]
        )
    else:
        x = preprocessing.scale_and_add_channel(x_train)
        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, 3, activation="relu"),
                layers.MaxPooling2D(2),
                layers.Conv2D(32, 3, activation="relu"),
                layers.MaxPooling2D(2),
                layers.Flatten(),
                layers.Dense(32, activation="relu"),
                layers.Dense(10, activation="softmax"),
            ]
        )
    y = preprocessing.one_hot(y_train)
    model.compile(
        optimizer="rmsprop",
        loss="categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=steps_per_execution,
    )
    model.fit(x[:6400], y[:6400], epochs=1, batch_size=128, verbose=0)  # warm-up
    start = time.perf_counter()
    model.fit(x, y, epochs=epochs, batch_size=128, verbose=0)
    seconds = time.perf_counter() - start
    return {"samples_per_second": epochs * len(x) / seconds, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=2, help="timed epochs per run")
    parser.add_argument(
        "--worker", nargs=2, metavar=("MODEL", "SETUP"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(*args.worker, epochs=args.epochs)))
        return 0

    import pandas as pd

    rows = []
    for model_name in MODELS:
        speeds = {}
        for setup in SETUPS:
            env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")}
            result = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--epochs",
                    str(args.epochs),
                    "--worker",
                    model_name,
                    setup,
                ],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            speeds[setup] = json.loads(result.stdout.strip().splitlines()[-1])[
                "samples_per_second"
            ]
            print(
                f"{model_name:9} {setup:8} {speeds[setup]:8.0f} samples/s", flush=True
            )
        row = {"model": model_name, "naive samples/s": round(speeds["naive"])}
        for setup in SETUPS[1:]:
            row[f"{setup} samples/s"] = round(speeds[setup])
            row[f"{setup} speed-up"] = round(speeds[setup] / speeds["naive"], 2)
        rows.append(row)
    print()
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, batch 128, {args.epochs} timed epochs of 60,000 images"
    )
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
