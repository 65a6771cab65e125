"""Checkpoints: a notebook states what a model must reach, and CI holds it to that."""

from __future__ import annotations

import math
import re

#: The exact line `checkpoint` prints; helpers.execute reads it back from outputs.
LINE = re.compile(
    r"^Checkpoint (?P<name>\S+) = (?P<value>\S+) \(target >= (?P<target>\S+)\)$"
)


class CheckpointError(AssertionError):
    """A model missed the target its notebook promises."""


def checkpoint(name: str, value: float, at_least: float) -> None:
    """Print ``Checkpoint <name> = <value> (target >= <target>)``; raise if missed.

    Example: ``checkpoint("dense_512", test_accuracy, at_least=0.977)``
    """
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"name must be a word like 'dense_512', got {name!r}")
    value, at_least = float(value), float(at_least)
    if not math.isfinite(value) or not math.isfinite(at_least):
        raise ValueError(f"value and target must be finite, got {value}, {at_least}")
    print(f"Checkpoint {name} = {value:.4f} (target >= {at_least:g})")
    if value < at_least:
        raise CheckpointError(
            f"checkpoint {name} missed: {value:.4f} is below the target {at_least:g}"
        )
