"""Write constraints.txt: exact versions of everything the project installs.

One universal resolution with uv (``uv pip compile --universal``) of pyproject.toml's
dependencies with the test and lab extras, for every Python in ``[tool.course]
pythons``: where a version or a package differs between Pythons, the line carries
an environment marker, and packages that only some Pythons need (tomli and
exceptiongroup on 3.10) appear only for them. pip's ``--python-version``, used before,
ignores markers (pip issues 13296 and 11010). ``[tool.course] lock-follows-colab``
names the packages pinned at the versions Google Colab preinstalls (``colab``), so
that CI's strict tests run the TensorFlow and Keras a learner on Colab runs.
Versions already in constraints.txt are kept where they still fit (uv reads the
output file as preferences); delete it to take the newest. Run it through
``make lock``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on Python 3.10
    import tomli as tomllib

HEADER = "# Exact versions for make and CI; written by `make lock` (tools/lock.py).\n"


def course_settings(root: Path = ROOT) -> dict:
    """The ``[tool.course]`` table of pyproject.toml: pythons, colab, ..."""
    return tomllib.loads((root / "pyproject.toml").read_text())["tool"]["course"]


def colab_versions(settings: dict) -> dict[str, str]:
    """Colab's version of each package in ``colab``, by lower-case name."""
    versions = {}
    for line in settings["colab"]:
        name, version = line.split("==")
        versions[name.strip().lower()] = version.strip()
    return versions


def lock_pins(settings: dict) -> list[str]:
    """The constraints that hold the lock at Colab's versions (lock-follows-colab).

    ``"keras; python_version >= '3.11'"`` becomes
    ``"keras==3.13.2; python_version >= '3.11'"``.
    """
    versions = colab_versions(settings)
    pins = []
    for entry in settings["lock-follows-colab"]:
        name, _, marker = entry.partition(";")
        pin = f"{name.strip()}=={versions[name.strip().lower()]}"
        pins.append(f"{pin}; {marker.strip()}" if marker.strip() else pin)
    return pins


def compile_command(output: Path, colab: Path, pythons: list[str]) -> list[str]:
    """The uv command that resolves the lock for the oldest Python and all later."""
    return [
        sys.executable,
        "-m",
        "uv",
        "pip",
        "compile",
        str(ROOT / "pyproject.toml"),
        "--extra",
        "test",
        "--extra",
        "lab",
        "--extra",
        "docs",
        "--universal",
        "--python-version",
        min(pythons, key=lambda v: tuple(map(int, v.split(".")))),
        "--constraint",
        str(colab),
        "--no-header",
        "--no-annotate",
        "--quiet",
        "--output-file",
        str(output),
    ]


def main(argv: list[str] | None = None) -> None:
    # no options; --help says what the command does instead of running it
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    settings = course_settings()
    target = ROOT / "constraints.txt"
    with tempfile.TemporaryDirectory() as tmp:
        colab, output = Path(tmp, "colab.txt"), Path(tmp, "lock.txt")
        colab.write_text("\n".join(lock_pins(settings)) + "\n")
        if target.exists():
            output.write_text(target.read_text())  # preferences: keep what fits
        subprocess.run(
            compile_command(output, colab, settings["pythons"]), check=True, cwd=ROOT
        )
        lines = [line for line in output.read_text().splitlines() if line.strip()]
    target.write_text(HEADER + "\n".join(lines) + "\n")
    print(
        f"constraints.txt: {len(lines)} pins for Python {', '.join(settings['pythons'])}"
    )


if __name__ == "__main__":
    main()
