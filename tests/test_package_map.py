"""The package map stays true: every module is named where the layout is described
(helpers' and tools' docstrings, scripts' docstring, the README, docs/maintaining.md)."""

from __future__ import annotations

import re

import helpers
import scripts
import tools
from tools import ROOT


def modules(folder: str) -> list[str]:
    """The public modules and subpackages of a folder of the repository."""
    path = ROOT / folder
    names = [p.stem for p in path.glob("*.py") if not p.name.startswith("_")]
    names += [p.name for p in path.iterdir() if (p / "__init__.py").is_file()]
    return sorted(names)


def test_helpers_docstring_the_readme_and_the_maintainers_page_name_every_module():
    readme = (ROOT / "README.md").read_text()
    layout = re.search(r"\nhelpers/(.*?)\ntests/", readme, re.DOTALL).group(1)
    maintaining = (ROOT / "docs" / "maintaining.md").read_text()
    for name in modules("helpers"):
        assert re.search(rf"\b{name}\b", helpers.__doc__), name
        assert re.search(rf"\b{name}\b", layout), name
        assert f"| `{name}` |" in maintaining, name
    assert {"lessons", "plots", "drawing"} <= set(modules("helpers"))


def test_tools_and_scripts_docstrings_and_pages_name_every_module():
    readme = (ROOT / "README.md").read_text()
    maintaining = (ROOT / "docs" / "maintaining.md").read_text()
    for package, folder in ((tools, "tools"), (scripts, "scripts")):
        for name in modules(folder):
            assert re.search(rf"\b{name}\b", package.__doc__), (folder, name)
            assert re.search(rf"\b{name}\b", readme), (folder, name)
            assert f"`{folder}/{name}`" in maintaining or f"`{name}`" in maintaining, (
                name
            )


def test_the_plots_package_lists_its_modules():
    from helpers import plots

    for name in modules("helpers/plots"):
        assert re.search(rf"\b{name}\b", plots.__doc__), name


def test_the_installed_package_carries_every_subpackage():
    """A learner on Colab installs the course with pip: plots and lessons are
    packages of their own, and setuptools must be told to take them."""
    import sys

    from setuptools import find_packages

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pytest brings tomli on Python 3.10
        import tomli as tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    packaged = set(find_packages(where=str(ROOT), include=include))
    wanted = {"helpers"} | {f"helpers.{name}" for name in ("lessons", "plots")}
    assert wanted <= packaged
    assert not {"tools", "scripts", "tests"} & packaged
