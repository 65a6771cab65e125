"""Shared fixtures: the real MNIST folder, and a headless matplotlib."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

from helpers import runtime
from tools import ROOT

# Headless figures for this process only: an MPLBACKEND variable would also reach the
# kernels nbval starts, and they must draw inline figures like a learner's.
matplotlib.use("Agg")

# Checkpoints are errors in every test run, with or without make: nbval's kernels
# inherit this variable, so a notebook whose model misses its target fails.
os.environ["COURSE_STRICT"] = "1"

# TensorFlow reads its settings when first imported, which may happen while pytest
# collects a test module: put them in place before any test module is imported.
for _key, _value in runtime.tf_environment().items():
    os.environ.setdefault(_key, _value)


@pytest.fixture(scope="session", autouse=True)
def course_runtime() -> None:
    """The notebooks' set-up, once per test session: quiet logs and seed 0."""
    runtime.setup(seed=0, verbose=False)


@pytest.fixture(scope="session")
def mnist_dir() -> Path:
    """The folder with the four genuine MNIST IDX files (MNIST_DATA_DIR, or the
    shared folder beside the repository). Missing in CI is a failure, not a skip."""
    for candidate in (
        os.environ.get("MNIST_DATA_DIR"),
        ROOT.parent / "shared/data/mnist",
    ):
        if candidate and (Path(candidate) / "t10k-labels-idx1-ubyte.gz").is_file():
            return Path(candidate)
    if os.environ.get("CI"):
        pytest.fail("CI must provide the MNIST files through MNIST_DATA_DIR")
    pytest.skip("no local copy of MNIST (set MNIST_DATA_DIR)")
