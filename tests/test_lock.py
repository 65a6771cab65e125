"""tools.lock: the uv command that resolves constraints.txt (make lock)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import ROOT, lock


def test_the_settings_are_pyproject_tool_course(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.course]\npythons = ["3.11", "3.12"]\ncolab = ["keras==3.13.2"]\n'
    )
    assert lock.course_settings(tmp_path) == {
        "pythons": ["3.11", "3.12"],
        "colab": ["keras==3.13.2"],
    }
    assert "3.10" in lock.course_settings()["pythons"]  # the repository's own


def test_the_lock_follows_colab_where_told_with_its_markers():
    settings = {
        "colab": ["TensorFlow==2.20.0", "keras==3.13.2", "numpy==2.1.3"],
        "lock-follows-colab": ["tensorflow", "keras; python_version >= '3.11'"],
    }
    assert lock.lock_pins(settings) == [
        "tensorflow==2.20.0",
        "keras==3.13.2; python_version >= '3.11'",
    ]  # numpy is not followed: the lock takes a newer release


def test_one_universal_resolution_from_the_oldest_python():
    command = lock.compile_command(
        Path("out.txt"), Path("colab.txt"), ["3.10", "3.9", "3.13"]
    )
    assert command[1:5] == ["-m", "uv", "pip", "compile"]
    assert command[5] == str(ROOT / "pyproject.toml") and "--universal" in command
    # by version, not as text: "3.9" < "3.10"
    assert command[command.index("--python-version") + 1] == "3.9"
    assert command[command.index("--constraint") + 1] == "colab.txt"
    assert command[command.index("--output-file") + 1] == "out.txt"
    extras = [command[i + 1] for i, word in enumerate(command) if word == "--extra"]
    assert extras == ["test", "lab", "docs"]


def test_make_lock_runs_this_module():
    recipe = (ROOT / "Makefile").read_text().split("\nlock:", 1)[1].split("\n\n")[0]
    assert "$(PY) -m tools.lock" in recipe


def test_help_describes_the_command_without_resolving_anything(capsys):
    with pytest.raises(SystemExit) as exit:
        lock.main(["--help"])
    assert exit.value.code == 0
    assert "constraints.txt" in capsys.readouterr().out
