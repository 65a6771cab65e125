"""Write constraints.txt: exact versions of everything the project installs.

Resolves the dependencies of pyproject.toml (with the test and lab extras) for each
supported Python version with pip's resolver, then writes one pin per package,
qualified with a python_version marker where the versions differ. COLAB pins the
versions Google Colab preinstalls wherever they support that Python, so that CI
tests what a learner on Colab runs. Run it through ``make lock``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
COLAB = {"tensorflow": "2.20.0", "keras": "3.13.2"}
KERAS_313_PYTHONS = {"3.11", "3.12", "3.13"}  # Keras 3.13 needs Python 3.11+


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    return project["dependencies"] + extras["test"] + extras["lab"]


def resolve(python: str) -> dict[str, str]:
    pins = [f"{n}=={v}" for n, v in COLAB.items()]
    if python not in KERAS_313_PYTHONS:
        pins = [p for p in pins if not p.startswith("keras")]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--quiet",
            "--ignore-installed",
            "--only-binary=:all:",
            "--python-version",
            python,
            "--report",
            "-",
            *requirements(),
            *pins,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    return {
        re.sub(r"[-_.]+", "-", item["metadata"]["name"]).lower(): item["metadata"][
            "version"
        ]
        for item in report["install"]
    }


def main() -> None:
    by_python = {python: resolve(python) for python in PYTHONS}
    names = sorted(set().union(*by_python.values()))
    lines = [
        "# Exact versions for make and CI; written by `make lock` (scripts/lock.py)."
    ]
    for name in names:
        versions = {p: v[name] for p, v in by_python.items() if name in v}
        if len(set(versions.values())) == 1 and len(versions) == len(PYTHONS):
            lines.append(f"{name}=={next(iter(versions.values()))}")
            continue
        for python, version in versions.items():
            lines.append(f'{name}=={version}; python_version == "{python}"')
    (ROOT / "constraints.txt").write_text("\n".join(lines) + "\n")
    print(f"constraints.txt: {len(names)} packages for Python {', '.join(PYTHONS)}")


if __name__ == "__main__":
    main()
