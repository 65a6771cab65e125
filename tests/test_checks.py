"""helpers.checks: checkpoint and claim lines, strict and lenient handling of a miss."""

from __future__ import annotations

import math

import pytest

from helpers.checks import (
    CLAIM_LINE,
    LINE,
    CheckpointError,
    ClaimError,
    checkpoint,
    claim,
    strict_mode,
)


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


def test_claim_prints_one_parseable_line_with_its_band(capsys):
    claim("convnet_accuracy", 0.99184, near=0.992, within=0.002)
    out = capsys.readouterr().out
    assert out == (
        "Claim convnet_accuracy = 0.9918 (text: about 0.992, band 0.99 to 0.994)\n"
    )
    match = CLAIM_LINE.match(out.strip())
    assert match["name"] == "convnet_accuracy" and match["near"] == "0.992"
    assert (match["low"], match["high"]) == ("0.99", "0.994")


def test_claim_shows_counts_as_whole_numbers(capsys):
    claim("errors", 82, near=85, within=10)
    assert capsys.readouterr().out == (
        "Claim errors = 82 (text: about 85, band 75 to 95)\n"
    )


@pytest.mark.parametrize("value", [0.99, 0.994, 0.992])
def test_claim_band_edges_hold(value, capsys):
    claim("edge", value, near=0.992, within=0.002, strict=True)
    assert capsys.readouterr().out.startswith("Claim edge = ")


@pytest.mark.parametrize("value", [0.9899, 0.9941])
def test_claim_outside_its_band_raises_in_strict_mode(value, capsys):
    with pytest.raises(ClaimError, match="claim edge outside its band"):
        claim("edge", value, near=0.992, within=0.002, strict=True)
    assert capsys.readouterr().out.startswith("Claim edge = ")
    assert issubclass(ClaimError, AssertionError)


def test_claim_outside_its_band_warns_on_a_learners_machine(learner, capsys):
    claim("ece", 0.02, near=0.009, within=0.003)
    lines = capsys.readouterr().out.splitlines()
    assert CLAIM_LINE.match(lines[0]) and len(lines) == 2
    assert lines[1].startswith(
        "Warning: claim ece outside its band: 0.02 is not within 0.009 ± 0.003."
    )


@pytest.mark.parametrize("variable", ["COURSE_STRICT=1", "CI=true"])
def test_claim_strict_environment_raises(learner, monkeypatch, variable):
    key, value = variable.split("=")
    monkeypatch.setenv(key, value)
    with pytest.raises(ClaimError):
        claim("ece", 0.02, near=0.009, within=0.003)


@pytest.mark.parametrize(
    ("name", "value", "near", "within"),
    [
        ("two words", 0.9, 0.9, 0.1),
        ("nan", math.nan, 0.9, 0.1),
        ("negative_band", 0.9, 0.9, -0.1),
        ("inf", 0.9, math.inf, 0.1),
    ],
)
def test_claim_refuses_invalid_arguments(name, value, near, within):
    with pytest.raises(ValueError):
        claim(name, value, near=near, within=within)
