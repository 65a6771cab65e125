"""tools.colab and Colab's stack: its versions as installed, and a course install that moves none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata

import pytest
from packaging.utils import canonicalize_name

from tools import ROOT, colab
from tools.lock import course_settings

SETTINGS = {
    "colab-python": "3.13",
    "colab": ["tensorflow==2.20.0", "NumPy==2.1.3"],
}


def test_requirements_are_colabs_pins():
    assert colab.requirements(SETTINGS) == ["tensorflow==2.20.0", "numpy==2.1.3"]


def test_constraints_hold_what_is_installed_and_take_the_lock_for_the_rest():
    lock_text = (
        "# header\n"
        "numpy==2.5.5\n"
        "pytest==9.0.1\n"
        "tomli==2.4.0 ; python_full_version < '3.0'\n"  # never this Python
    )
    present = {"numpy": "2.1.3", "tensorflow": "2.20.0"}
    assert colab.constraints(lock_text, present) == [
        "numpy==2.1.3",  # as installed (Colab's), not the lock's 2.5.5
        "tensorflow==2.20.0",
        "pytest==9.0.1",
    ]


def test_installed_knows_this_environment():
    assert colab.installed()["pytest"] == metadata.version("pytest")


def test_differences_name_the_python_and_each_package():
    found = colab.differences(
        {"colab-python": "2.7", "colab": ["pytest==0.0.1", "no-such-package==1.0"]}
    )
    assert found[0].startswith("Python: ")
    assert f"pytest: {metadata.version('pytest')} installed, Colab has 0.0.1" in found
    assert "no-such-package: not installed (Colab has 1.0)" in found


def test_make_test_colab_installs_with_this_module_and_checks():
    recipe = (ROOT / "Makefile").read_text().split("\ntest-colab:\n", 1)[1]
    recipe = recipe.split("\n\n")[0]
    assert "-m tools.colab requirements" in recipe
    assert "-m tools.colab check" in recipe and "--nbval-lax" in recipe


@pytest.mark.skipif(
    os.environ.get("COURSE_STACK") != "colab",
    reason="only in make test-colab, whose environment holds Colab's versions",
)
def test_this_environment_is_colabs():
    assert colab.differences(course_settings()) == []


def test_installing_the_course_upgrades_nothing_installed():
    # What the notebooks' install cell does on Colab: pip install of the course,
    # asked here what it would do (it needs PyPI for the build backend).
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet"]
        + ["--report", "-", str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    changed = []
    for item in report["install"]:
        name, version = item["metadata"]["name"], item["metadata"]["version"]
        if canonicalize_name(name) == "mnist-keras-course":
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # a new package moves nothing
        changed.append(f"{name} {installed} -> {version}")
    assert changed == [], changed
