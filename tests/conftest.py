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


#: What ``--quick`` (``make check``) leaves out: the slow tiers.
SLOW_MARKERS = ("training", "browser", "lock_install")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="only the tests that need no training, browser or notebook run "
        f"(deselects the markers {', '.join(SLOW_MARKERS)} and the notebooks): "
        "make check",
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if not config.getoption("--quick"):
        return
    kept, dropped = [], []
    for item in items:
        slow = any(item.get_closest_marker(name) for name in SLOW_MARKERS)
        notebook = item.path.suffix == ".ipynb"
        (dropped if slow or notebook else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


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
