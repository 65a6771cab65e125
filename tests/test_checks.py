"""helpers.checks: the checkpoint line and its failure."""

from __future__ import annotations

import math

import pytest

from helpers.checks import LINE, CheckpointError, checkpoint


def test_prints_exactly_one_parseable_line(capsys):
    checkpoint("dense_512", 0.98123, at_least=0.977)
    out = capsys.readouterr().out
    assert out == "Checkpoint dense_512 = 0.9812 (target >= 0.977)\n"
    match = LINE.match(out.strip())
    assert match and match["name"] == "dense_512" and match["target"] == "0.977"


def test_target_met_exactly_passes(capsys):
    checkpoint("edge", 0.99, at_least=0.99)
    assert "Checkpoint edge = 0.9900" in capsys.readouterr().out


def test_missed_target_raises_after_printing(capsys):
    with pytest.raises(
        CheckpointError, match="convnet missed: 0.9800 is below the target 0.99"
    ):
        checkpoint("convnet", 0.98, at_least=0.99)
    assert capsys.readouterr().out.startswith("Checkpoint convnet = 0.9800")
    assert issubclass(CheckpointError, AssertionError)


@pytest.mark.parametrize(
    ("name", "value", "target"),
    [
        ("two words", 0.9, 0.5),
        ("", 0.9, 0.5),
        ("nan", math.nan, 0.5),
        ("inf", 0.9, math.inf),
    ],
)
def test_invalid_arguments_are_refused(name, value, target):
    with pytest.raises(ValueError):
        checkpoint(name, value, at_least=target)
