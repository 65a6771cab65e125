"""helpers.checks: the checkpoint line, strict and lenient handling of a miss."""

from __future__ import annotations

import math

import pytest

from helpers.checks import LINE, CheckpointError, checkpoint, strict_mode


@pytest.fixture
def learner(monkeypatch):
    """A learner's machine: neither COURSE_STRICT nor CI set."""
    monkeypatch.delenv("COURSE_STRICT", raising=False)
    monkeypatch.delenv("CI", raising=False)


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
        checkpoint("convnet", 0.98, at_least=0.99, strict=True)
    assert capsys.readouterr().out.startswith("Checkpoint convnet = 0.9800")
    assert issubclass(CheckpointError, AssertionError)


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, False),
        ({"COURSE_STRICT": "1"}, True),
        ({"COURSE_STRICT": "0"}, False),
        ({"CI": "true"}, True),
        ({"CI": "TRUE"}, True),
        ({"CI": "false"}, False),
    ],
)
def test_strict_mode_follows_the_environment(learner, monkeypatch, variables, expected):
    for key, value in variables.items():
        monkeypatch.setenv(key, value)
    assert strict_mode() is expected


def test_learner_miss_warns_and_goes_on(learner, capsys):
    checkpoint("convnet", 0.98, at_least=0.99)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Checkpoint convnet = 0.9800 (target >= 0.99)"
    assert LINE.match(lines[0])
    assert lines[1].startswith(
        "Warning: checkpoint convnet missed: 0.9800 is below the target 0.99."
    )
    assert "goes on" in lines[1] and len(lines) == 2


@pytest.mark.parametrize("variable", ["COURSE_STRICT=1", "CI=true"])
def test_strict_environment_raises(learner, monkeypatch, variable):
    key, value = variable.split("=")
    monkeypatch.setenv(key, value)
    with pytest.raises(CheckpointError):
        checkpoint("convnet", 0.98, at_least=0.99)


def test_explicit_argument_overrides_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_STRICT", "1")
    checkpoint("convnet", 0.98, at_least=0.99, strict=False)
    assert "Warning: checkpoint convnet missed" in capsys.readouterr().out


def test_the_test_run_itself_is_strict():
    # conftest.py turns strict mode on, so nbval's kernels fail on a missed target.
    assert strict_mode()


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
