"""The experiments' shared layer: their data, their loop over seeds, their results.

An experiment too long for a class runs from a script in this package (``make
experiments``); its results go to a CSV file under ``notebooks/results/`` that starts
with ``#`` lines naming the machine, the library versions and the command, so that
every figure a notebook draws from it says where it came from.
`helpers.results.read_results` reads such a file back.

What an experiment trains (a model, its data feed, its schedule, its training run)
is taught in a notebook and imported from the module ``make export`` generates from
it (``from helpers.lessons import nb04``), like any other module; a script only
varies it, repeats it over seeds and writes down what it measured. This module
holds what every script does alike:

- `split` and `test_set`: the data, with one meaning of ``limit`` everywhere;
- `over_seeds`: every variant on every seed, seeds outermost;
- `header`, `writer` and `write_results`: the results file and its ``#`` lines.
"""

from __future__ import annotations

import os
import platform
import shlex
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from helpers import data, preprocessing

#: Images and one-hot labels: one part of a split.
Part = tuple[np.ndarray, np.ndarray]
#: The rows of a results file, one dict per row.
Rows = list[dict[str, Any]]


def split(
    prepare: Callable[[np.ndarray], np.ndarray],
    held_out: int,
    *,
    learn: int | None = None,
    limit: int | None = None,
    shuffle: int | None = None,
) -> tuple[Part, Part]:
    """MNIST's 60,000 training images in two parts, ``((x_learn, y_learn), (x_held,
    y_held))``: images prepared by ``prepare`` (a notebook's preprocessing, such as
    `helpers.preprocessing.flatten_and_scale`), labels one-hot.

    The last ``held_out`` images are held out, for validation; with ``shuffle=seed``,
    ``held_out`` images drawn at random instead, once (the first ``held_out`` of
    ``numpy.random.default_rng(seed)``'s permutation, the others in its order). The
    first ``learn`` of the others are learnt from (default: all of them). ``limit``
    keeps only the first ``limit`` images of each part, for quick tries and tests.

    Example: ``split(flatten_and_scale, 10_000, learn=6_000)``: the first 6,000
    images to learn from, the last 10,000 to validate on
    """
    (images, labels), _ = data.load_mnist()
    total = len(labels)
    if not 0 <= held_out < total:
        raise ValueError(f"held_out must be from 0 to {total - 1}, got {held_out}")
    if learn is not None and not 0 < learn <= total - held_out:
        raise ValueError(
            f"learn must be from 1 to {total - held_out} (the images not held out),"
            f" got {learn}"
        )
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if shuffle is None:
        rest, held = np.arange(total - held_out), np.arange(total - held_out, total)
    else:
        order = np.random.default_rng(shuffle).permutation(total)
        held, rest = order[:held_out], order[held_out:]
    rest, held = rest[:learn][:limit], held[:limit]
    # one call of prepare (which may refuse an empty part), then the two parts
    x, y = _prepared(prepare, images[np.r_[rest, held]], labels[np.r_[rest, held]])
    return (x[: len(rest)], y[: len(rest)]), (x[len(rest) :], y[len(rest) :])


def test_set(
    prepare: Callable[[np.ndarray], np.ndarray], limit: int | None = None
) -> Part:
    """MNIST's 10,000 test images prepared by ``prepare``, labels one-hot; ``limit``
    keeps only the first ``limit``, as in `split`.

    Example: ``x_test, y_test = test_set(scale_and_add_channel)``
    """
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    _, (images, labels) = data.load_mnist()
    return _prepared(prepare, images[:limit], labels[:limit])


def _prepared(prepare: Callable[[np.ndarray], np.ndarray], images, labels) -> Part:
    return prepare(images), preprocessing.one_hot(labels)


def over_seeds(
    seeds: Sequence[int],
    variants: Iterable[str],
    run: Callable[[str, int], Rows],
    write: Callable[[Rows], None],
) -> Rows:
    """Run every variant of an experiment on every seed and return all the rows.

    Seeds are the outer loop, so that a stopped experiment has every variant on some
    seeds; ``run(variant, seed)`` returns the rows of one run (each naming its
    variant in a column ``variant``, where the file has one), and ``write`` gets all
    the rows so far after each run.

    Example: ``over_seeds([1, 2, 3], ["a", "b"], run_one, writer(path, lines))``
    """
    variants = list(variants)
    rows: Rows = []
    for seed in seeds:
        for variant in variants:
            rows += run(variant, seed)
            write(rows)
    return rows


def machine() -> str:
    """One line on the processor, its instruction set, cores and the system:
    'AMD EPYC (AVX2), 2 cores, Linux'. The instruction set names the CPU kind
    (`helpers.runtime.cpu_kind`): runs on another kind differ in their last digits.

    Example: ``machine()``
    """
    name = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    from helpers.runtime import cpu_kind

    return f"{name} ({cpu_kind()}), {os.cpu_count()} cores, {platform.system()}"


def versions() -> dict[str, str]:
    """The installed TensorFlow and Keras, read without importing them (so that a
    header can be made before `helpers.runtime.setup`).

    Example: ``versions()["Keras"]``
    """
    return {"TensorFlow": version("tensorflow"), "Keras": version("keras")}


def command(module: str, argv: Iterable[str]) -> str:
    """The command that runs ``module`` with ``argv``: ``python -m scripts.x ...``.

    ``module`` is the script's ``__name__``; ``"__main__"`` (a script run with
    ``python -m``) is resolved to the name it was run by.

    Example: ``command(__name__, sys.argv[1:])``
    """
    if module == "__main__":
        spec = getattr(sys.modules["__main__"], "__spec__", None)
        if spec is None:
            raise ValueError("run the script as a module: python -m scripts.<name>")
        module = spec.name
    return shlex.join(["python", "-m", module, *argv])


def header(module: str, argv: Iterable[str]) -> list[str]:
    """The ``#`` lines that open a results file: machine, versions, command, start
    time. ``module`` is the script's ``__name__`` (see `command`), ``argv`` its
    arguments.

    Example: ``header(__name__, ["seeds", "--epochs", "3"])``
    """
    libraries = ", ".join(f"{name} {number}" for name, number in versions().items())
    return [
        f"# machine: {machine()}",
        f"# versions: Python {platform.python_version()}, {libraries}",
        f"# command: {command(module, argv)}",
        f"# started: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
    ]


def write_results(
    frame: pd.DataFrame, path: str | os.PathLike[str], lines: Iterable[str]
) -> Path:
    """Write ``frame`` as CSV after the ``#`` lines of `header`; return the path.

    Example: ``write_results(df, "notebooks/results/x.csv", header(__name__, argv))``
    """
    lines = list(lines)
    if not all(line.startswith("# ") and "\n" not in line for line in lines):
        raise ValueError("every header line must start with '# ' and be one line")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as file:
        file.write("\n".join(lines) + "\n")
        frame.to_csv(file, index=False, lineterminator="\n")
    return path


def writer(
    path: str | os.PathLike[str], lines: Iterable[str]
) -> Callable[[Rows], None]:
    """A function that rewrites ``path`` with the rows so far, after ``lines``
    (see `write_results`): called after every run, so that a stopped experiment
    keeps what it measured.

    Example: ``write = writer("notebooks/results/x.csv", header(__name__, argv))``
    """
    lines = list(lines)

    def write(rows: Rows) -> None:
        write_results(pd.DataFrame(rows), path, lines)

    return write
