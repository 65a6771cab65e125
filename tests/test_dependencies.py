"""pyproject.toml ranges, the constraints.txt lock and environment.yml agree."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tools import ROOT
from tools.lock import colab_versions, lock_pins

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on Python 3.10
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]
COURSE = PYPROJECT["tool"]["course"]  # the one place for Pythons and Colab's stack
PYTHONS = COURSE["pythons"]
COLAB = {canonicalize_name(n): Version(v) for n, v in colab_versions(COURSE).items()}


def direct(extras: tuple[str, ...] = ("test", "lab", "docs")) -> dict[str, Requirement]:
    optional = PROJECT["optional-dependencies"]
    requirements = PROJECT["dependencies"] + [r for e in extras for r in optional[e]]
    return {canonicalize_name(r.name): r for r in map(Requirement, requirements)}


def environment_of(python: str) -> dict[str, str]:
    return default_environment() | {
        "python_version": python,
        "python_full_version": f"{python}.0",
    }


def lock(python: str) -> dict[str, Version]:
    environment = environment_of(python)
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(environment):
                name = canonicalize_name(requirement.name)
                assert name not in pins, f"{name} pinned twice for Python {python}"
                (spec,) = requirement.specifier
                assert spec.operator == "==", line
                pins[name] = Version(spec.version)
    return pins


@pytest.mark.parametrize("python", PYTHONS)
def test_lock_pins_every_dependency_within_its_range(python):
    pins = lock(python)
    for name, requirement in direct().items():
        assert name in pins, f"{name} is not pinned for Python {python}"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]}"


@pytest.mark.parametrize("python", PYTHONS)
def test_the_lock_has_colabs_tensorflow_and_keras_where_their_markers_allow(python):
    followed = [Requirement(pin) for pin in lock_pins(COURSE)]
    assert {canonicalize_name(r.name) for r in followed} >= {"tensorflow", "keras"}
    for requirement in followed:
        marker = requirement.marker
        if marker is None or marker.evaluate(environment_of(python)):
            name = canonicalize_name(requirement.name)
            assert lock(python)[name] == COLAB[name], (name, python)
    if python == COURSE["colab-python"]:
        env = environment_of(python)
        assert all(r.marker is None or r.marker.evaluate(env) for r in followed)


def test_ranges_admit_colab():
    requires_python = Requirement(f"python{PROJECT['requires-python']}").specifier
    for python in PYTHONS:
        assert requires_python.contains(python)
    assert COURSE["colab-python"] in PYTHONS
    admitted = {name: r for name, r in direct().items() if name in COLAB}
    assert {"tensorflow", "keras", "numpy", "ipykernel"} <= set(admitted)
    for name, requirement in admitted.items():
        assert requirement.specifier.contains(COLAB[name]), (name, COLAB[name])


@pytest.mark.parametrize("python", PYTHONS)
def test_lock_has_what_each_python_needs_and_no_more(python):
    # pip's --python-version ignored markers: tomli and exceptiongroup (pytest on
    # 3.10) were missing and overrides (only for Pythons before 3.12) pinned for all.
    pins = lock(python)
    older = Version(python) < Version("3.11")
    assert ("tomli" in pins) == older and ("exceptiongroup" in pins) == older
    assert ("overrides" in pins) == (Version(python) < Version("3.12"))


def test_learner_dependencies_have_lower_bounds_only():
    # An upper bound would let the Colab install cell downgrade what Colab ships.
    for line in PROJECT["dependencies"]:
        specifiers = list(Requirement(line).specifier)
        assert specifiers, f"{line}: give a lower bound"
        assert all(s.operator == ">=" for s in specifiers), (
            f"{line}: lower bounds only; the lock pins exact versions for CI"
        )


def test_environment_yml_has_the_same_packages_and_versions():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    dependencies = environment["dependencies"]
    python = next(
        d for d in dependencies if isinstance(d, str) and d.startswith("python=")
    )
    pip_section = next(d["pip"] for d in dependencies if isinstance(d, dict))
    assert "-e ." in pip_section
    pins = {
        canonicalize_name(r.name): Version(next(iter(r.specifier)).version)
        for r in (Requirement(line) for line in pip_section if line != "-e .")
    }
    assert set(pins) == set(direct(("test", "lab")))  # the site's tools stay out
    locked = lock(python.split("=")[1])
    assert {name: locked[name] for name in pins} == pins


def test_helpers_import_without_the_maintainer_tools_dependencies():
    # A learner on Colab installs helpers with its own dependencies only; nbformat,
    # nbclient and nbconvert belong to the tools package and the test extra.
    code = (
        "import importlib, pkgutil, sys\n"
        "for blocked in ('nbformat', 'nbclient', 'nbconvert', 'tools'):\n"
        "    sys.modules[blocked] = None\n"
        "import helpers\n"
        "for module in pkgutil.iter_modules(helpers.__path__):\n"
        "    importlib.import_module(f'helpers.{module.name}')\n"
    )
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
