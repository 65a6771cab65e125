"""The seed spread behind notebook 03's comparisons: ``make experiments``.

One seed cannot tell a real difference from luck, so notebook 03's comparisons come
from this script: each runs on several seeds, with the model, data split and
training run the notebook teaches (`helpers.lessons.nb03`), and the notebook plots
the results (it trains one variant and the final networks live). Everything here is
measured on validation images (the last training images); the test set stays out.

- ``variants``: each dropout variant (``nb03.VARIANTS``) on the first ``SMALL``
  training images for ``EPOCHS`` epochs, validated on the last ``VALIDATION``; one
  row per epoch (``dropout_variants.csv``).
- ``optimisers``: the reference variant (network A's rates) with each optimiser,
  same data, for ``OPTIMISER_EPOCHS`` epochs; one row per epoch (``optimisers.csv``).
  The variants study also splits each epoch's validation loss between the images
  the model gets right and those it gets wrong (``nb03.LossByOutcome``).
- ``final``: networks A and B trained as the notebook trains them last
  (``nb03.train_final``) on the first 48,000 training images, validated on the last
  12,000: each for two lengths with the cosine schedule, and A at 15 epochs with a
  constant rate too (``FINAL``); one row per run (``final_networks.csv``).

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

from scripts import experiments
from tools import ROOT

RESULTS = ROOT / "notebooks" / "results"
STUDIES = ("variants", "optimisers", "final")
FILES = {
    "variants": "dropout_variants.csv",
    "optimisers": "optimisers.csv",
    "final": "final_networks.csv",
}
HELD_OUT = 12_000  # the last training images, validation for the final study
FINAL = {  # variant: (network, epochs, cosine decay); the reference's lengths: A 15, B 30
    "A, 15 epochs, constant rate": ("network_a", 15, False),
    "A, 15 epochs": ("network_a", 15, True),
    "A, 20 epochs": ("network_a", 20, True),
    "B, 20 epochs": ("network_b", 20, True),
    "B, 30 epochs": ("network_b", 30, True),
}


def study_data(study: str, limit: int | None = None) -> tuple[Any, Any]:
    """(learn, validation) of one study, flattened and scaled as in notebook 03:
    the first ``nb03.SMALL`` and the last ``nb03.VALIDATION`` training images for
    ``variants`` and ``optimisers``, the first 48,000 and the last 12,000 for
    ``final``; ``limit`` as in `experiments.split`."""
    from helpers.lessons import nb03
    from helpers.preprocessing import flatten_and_scale

    if study == "final":
        return experiments.split(flatten_and_scale, HELD_OUT, limit=limit)
    return experiments.split(
        flatten_and_scale, nb03.VALIDATION, learn=nb03.SMALL, limit=limit
    )


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
    study: str, learn: Any, validation: Any, epochs: int | None = None
) -> tuple[list[str], Callable[[str, int], list[dict[str, Any]]]]:
    """The variants of one study and a function that runs one variant from one seed
    and returns its rows (one per epoch, or one per run for ``final``)."""
    import keras

    from helpers import runtime
    from helpers.lessons import nb03

    def train_variant(name: str, seed: int) -> list[dict[str, Any]]:
        if study == "variants":
            input_rate, hidden_rates = nb03.VARIANTS[name]
            model, optimizer = nb03.variant(hidden_rates, input_rate), "rmsprop"
            length = epochs or nb03.EPOCHS
            callbacks = [nb03.LossByOutcome(*validation)]
        else:  # network A's rates, the reference variant
            input_rate, hidden_rates = nb03.VARIANTS["reference"]
            model = nb03.variant(hidden_rates, input_rate)
            optimizer = nb03.OPTIMISERS[name]()
            length = epochs or nb03.OPTIMISER_EPOCHS
            callbacks = []
        started = time.perf_counter()
        history = nb03.train(
            model,
            learn,
            validation,
            epochs=length,
            optimizer=optimizer,
            callbacks=callbacks,
        )
        seconds = round(time.perf_counter() - started, 1)
        return [
            {**row, "train_seconds": seconds}
            for row in epoch_rows(history, variant=name, seed=seed)
        ]

    def train_length(name: str, seed: int) -> list[dict[str, Any]]:
        network, length, decay = FINAL[name]
        n = epochs or length
        started = time.perf_counter()
        model = nb03.train_final(
            getattr(nb03, network), n, training=learn, seed=seed, decay=decay
        )
        seconds = time.perf_counter() - started
        loss, accuracy = model.evaluate(*validation, batch_size=1000, verbose=0)
        return [
            {
                "variant": name,
                "seed": seed,
                "network": network,
                "epochs": n,
                "decay": decay,
                "val_accuracy": round(float(accuracy), 5),
                "val_loss": round(float(loss), 5),
                "train_seconds": round(seconds, 1),
            }
        ]

    def run(name: str, seed: int) -> list[dict[str, Any]]:
        keras.backend.clear_session()
        runtime.setup(seed=seed, verbose=False)
        rows = (train_length if study == "final" else train_variant)(name, seed)
        last = rows[-1]
        print(
            f"{study} {name:27} seed {seed}: validation accuracy "
            f"{last['val_accuracy']:.4f}, loss {last['val_loss']:.4f}, "
            f"{last['train_seconds']:.0f} s",
            flush=True,
        )
        return rows

    variants = {
        "variants": list(nb03.VARIANTS),
        "optimisers": list(nb03.OPTIMISERS),
        "final": list(FINAL),
    }[study]
    return variants, run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("studies", nargs="*", help=f"any of {', '.join(STUDIES)}")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--epochs", type=int, help="default: the notebook's")
    parser.add_argument(
        "--limit", type=int, help="use only the first N images of each part"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.studies) - set(STUDIES))
    if unknown:
        parser.error(f"unknown studies {unknown}; choose from {', '.join(STUDIES)}")

    from helpers import runtime

    runtime.setup(seed=0, verbose=False)

    lines = experiments.header(__name__, argv)
    for study in args.studies or STUDIES:
        variants, run = runner(study, *study_data(study, args.limit), args.epochs)
        write = experiments.writer(args.output / FILES[study], lines)
        experiments.over_seeds(args.seeds, variants, run, write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
