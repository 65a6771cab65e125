"""Checkpoints: a notebook states what a model must reach, and CI holds it to that.

A missed target is an error under the course's own commands (``make run``,
``make test``, ``make outputs``, which set ``COURSE_STRICT=1``) and in CI (``CI=true``).
Anywhere else, on a learner's laptop or on Colab, it prints a warning line and the
notebook goes on, so that "Run all" still reaches the end.
"""

from __future__ import annotations

import math
import os
import re

#: The exact line `checkpoint` prints; tools.execute reads it back from outputs.
LINE = re.compile(
    r"^Checkpoint (?P<name>\S+) = (?P<value>\S+) \(target >= (?P<target>\S+)\)$"
)


class CheckpointError(AssertionError):
    """A model missed the target its notebook promises."""


def strict_mode() -> bool:
    """True when a missed checkpoint must stop the notebook.

    That is when ``COURSE_STRICT=1`` (the Makefile's run, test and outputs targets
    set it) or ``CI=true`` (set by CI services).

    Example: ``strict_mode()`` is False in a plain Colab session.
    """
    return (
        os.environ.get("COURSE_STRICT") == "1"
        or os.environ.get("CI", "").lower() == "true"
    )


def checkpoint(
    name: str, value: float, at_least: float, *, strict: bool | None = None
) -> None:
    """Print ``Checkpoint <name> = <value> (target >= <target>)``; act if missed.

    A missed target raises `CheckpointError` in strict mode (see `strict_mode`;
    ``strict=True`` or ``False`` overrides it) and otherwise prints a warning line
    after the checkpoint line and returns.

    Example: ``checkpoint("dense_512", test_accuracy, at_least=0.977)``
    """
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"name must be a word like 'dense_512', got {name!r}")
    value, at_least = float(value), float(at_least)
    if not math.isfinite(value) or not math.isfinite(at_least):
        raise ValueError(f"value and target must be finite, got {value}, {at_least}")
    print(f"Checkpoint {name} = {value:.4f} (target >= {at_least:g})")
    if value >= at_least:
        return
    missed = f"checkpoint {name} missed: {value:.4f} is below the target {at_least:g}"
    if strict_mode() if strict is None else strict:
        raise CheckpointError(missed)
    print(
        f"Warning: {missed}. This run's model fell short of what the course reached "
        "on its test machine (another seed, library version or processor changes "
        "the last digits). The notebook goes on; under `make test` or in CI this "
        "is an error."
    )
