"""Checkpoints and claims: what a model must reach, and what the prose says of a run.

A checkpoint is a target a model must meet (``checkpoint``); a claim is a number the
notebook's text quotes from a run, with the band any machine's run stays in
(``claim``). A missed target or a claim outside its band is an error under the
course's own commands (``make run``, ``make test``, ``make outputs``, which set
``COURSE_STRICT=1``) and in CI (``CI=true``). Anywhere else, on a learner's laptop or
on Colab, it prints a warning line and the notebook goes on, so that "Run all" still
reaches the end.
"""

from __future__ import annotations

import math
import os
import re

#: The exact line `checkpoint` prints; tools.execute reads it back from outputs.
LINE = re.compile(
    r"^Checkpoint (?P<name>\S+) = (?P<value>\S+) \(target >= (?P<target>\S+)\)$"
)


#: The exact line `claim` prints; tools.execute and the tests read it back.
CLAIM_LINE = re.compile(
    r"^Claim (?P<name>\S+) = (?P<value>\S+) "
    r"\(text: about (?P<near>\S+), band (?P<low>\S+) to (?P<high>\S+)\)$"
)


class CheckpointError(AssertionError):
    """A model missed the target its notebook promises."""


class ClaimError(AssertionError):
    """A number the notebook's text quotes left the band the text allows."""


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


def _name(name: str) -> None:
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"name must be a word like 'dense_512', got {name!r}")


def _shown(number: float) -> str:
    """A number as a claim line shows it: whole numbers whole, others to 4 digits."""
    if float(number).is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.4g}"


def checkpoint(
    name: str, value: float, at_least: float, *, strict: bool | None = None
) -> None:
    """Print ``Checkpoint <name> = <value> (target >= <target>)``; act if missed.

    A missed target raises `CheckpointError` in strict mode (see `strict_mode`;
    ``strict=True`` or ``False`` overrides it) and otherwise prints a warning line
    after the checkpoint line and returns.

    Example: ``checkpoint("dense_512", test_accuracy, at_least=0.977)``
    """
    _name(name)
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


def claim(
    name: str,
    value: float,
    *,
    near: float,
    within: float,
    strict: bool | None = None,
) -> None:
    """Print ``Claim <name> = <value> (text: about <near>, band <low> to <high>)``.

    ``near`` is the number as the notebook's text quotes it ("about 99.2%" is
    ``near=0.992``) and ``within`` the half-width of the band around it that any
    machine's run stays in, taken from a measured spread (seeds, or another CPU's
    arithmetic). A value outside the band raises `ClaimError` in strict mode (see
    `strict_mode`; ``strict=True`` or ``False`` overrides it) and otherwise prints a
    warning line and returns, exactly like `checkpoint`.

    Example: ``claim("convnet_accuracy", test_accuracy, near=0.992, within=0.002)``
    """
    _name(name)
    value, near, within = float(value), float(near), float(within)
    if not all(math.isfinite(x) for x in (value, near, within)) or within < 0:
        raise ValueError(
            f"value, near and within must be finite and within >= 0, got "
            f"{value}, {near}, {within}"
        )
    low, high = near - within, near + within
    print(
        f"Claim {name} = {_shown(value)} (text: about {_shown(near)}, "
        f"band {_shown(low)} to {_shown(high)})"
    )
    # a hair of slack, so that a band edge written in decimal holds exactly
    slack = 1e-9 * max(1.0, abs(near))
    if low - slack <= value <= high + slack:
        return
    outside = (
        f"claim {name} outside its band: {_shown(value)} is not within "
        f"{_shown(near)} ± {_shown(within)}"
    )
    if strict_mode() if strict is None else strict:
        raise ClaimError(outside)
    print(
        f"Warning: {outside}. The text quotes a number that this run does not bear "
        "out (another library version or a GPU can move a run further than the "
        "machines the course was measured on). The notebook goes on; under "
        "`make test` or in CI this is an error."
    )
