"""The lock installs as it is, with nothing missing, on each supported Python.

Slow (it downloads TensorFlow for each Python), so `make test` leaves it out;
`make lock-check` runs it after `make lock`. A Python that is not on the machine
(as ``pythonX.Y`` on PATH or under pyenv) is skipped with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_dependencies import PYTHONS, ROOT

pytestmark = pytest.mark.lock_install


def interpreter(python: str) -> str | None:
    """A working ``pythonX.Y``: pyenv's own copy, else one on PATH (a pyenv shim on
    PATH exists for every version but fails for those not selected)."""
    candidates = [
        *map(str, sorted(Path.home().glob(f".pyenv/versions/{python}.*/bin/python"))),
        shutil.which(f"python{python}"),
    ]
    for candidate in filter(None, candidates):
        works = subprocess.run([candidate, "-c", ""], capture_output=True, check=False)
        if works.returncode == 0:
            return candidate
    return None


@pytest.mark.parametrize("python", PYTHONS)
def test_fresh_environment_installs_from_the_lock_and_passes_pip_check(
    python, tmp_path
):
    executable = interpreter(python)
    if executable is None:
        pytest.skip(f"no Python {python} on this machine (PATH or pyenv)")
    venv = tmp_path / "venv"
    subprocess.run([executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*pip, *args], capture_output=True, text=True, cwd=ROOT, check=False
        )

    # Every package the lock names for this Python, and the course itself, with no
    # resolver: whatever the lock forgot, pip check reports as missing.
    installed = run("install", "--quiet", "--no-deps", "-r", "constraints.txt", ".")
    assert installed.returncode == 0, installed.stderr[-3000:]
    checked = run("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
