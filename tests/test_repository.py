"""tools.repository: one repository address, rewritten everywhere for a fork."""

from __future__ import annotations

import importlib.machinery
import shutil
import sys
import types

import nbformat
import pytest

from tools import repository

FORK = "https://github.com/someone/their-fork"


@pytest.fixture
def copy_of_the_course(tmp_path):
    shutil.copy(repository.ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "notebooks").mkdir()
    for path in sorted((repository.ROOT / "notebooks").glob("*.ipynb"))[:2]:
        shutil.copy(path, tmp_path / "notebooks" / path.name)
    return tmp_path


def test_set_repository_rewrites_pyproject_badges_and_install_cells(copy_of_the_course):
    changed = repository.set_repository(FORK, root=copy_of_the_course)
    assert len(changed) == 3
    assert repository.repository_url(copy_of_the_course) == FORK
    for path in (copy_of_the_course / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert repository.badges(FORK, path.name) in nb.cells[0].source
        assert (
            "colab.research.google.com/github/someone/their-fork/blob/main/notebooks/"
            in (nb.cells[0].source)
        )
        assert nb.cells[0].source.count("Open In Kaggle") == 1  # replaced, not added
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        assert first_code.source == repository.install_cell(FORK)
    assert repository.set_repository(FORK, root=copy_of_the_course) == []


def test_badge_and_install_cell_are_built_from_the_address():
    assert repository.badge(FORK, "00_x.ipynb") == (
        "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        "(https://colab.research.google.com/github/someone/their-fork/blob/main/"
        "notebooks/00_x.ipynb)"
    )
    assert repository.kaggle_badge(FORK, "00_x.ipynb") == (
        "[![Open In Kaggle](https://kaggle.com/static/images/open-in-kaggle.svg)]"
        "(https://kaggle.com/kernels/welcome?src=https://github.com/someone/their-fork/"
        "blob/main/notebooks/00_x.ipynb)"
    )
    assert repository.badges(FORK, "00_x.ipynb") == (
        repository.badge(FORK, "00_x.ipynb")
        + " "
        + repository.kaggle_badge(FORK, "00_x.ipynb")
    )
    cell = repository.install_cell(FORK + "/")
    assert f'COURSE = "{FORK}"' in cell
    assert '%pip install --quiet "mnist-keras-course @ git+{COURSE}"' in cell


@pytest.mark.parametrize(
    "url", ["github.com/a/b", "https://gitlab.com/a/b", "https://github.com/a"]
)
def test_other_addresses_are_refused(url):
    with pytest.raises(ValueError, match="GitHub address"):
        repository.badge(url, "00.ipynb")


def run_install_cell(url: str) -> list[str]:
    """Run the install cell in a real IPython shell whose %pip only records its line.

    Returns the recorded lines; an exception the cell raises is raised again.
    """
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    lines: list[str] = []
    shell.register_magic_function(lines.append, magic_kind="line", magic_name="pip")
    result = shell.run_cell(repository.install_cell(url), silent=True)
    if result.error_before_exec or result.error_in_exec:
        raise result.error_before_exec or result.error_in_exec
    return lines


def fake_module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    return module


def test_install_cell_does_nothing_off_colab_and_kaggle(monkeypatch):
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert run_install_cell(FORK) == []


@pytest.mark.parametrize("host", ["google.colab", "kaggle_secrets"])
def test_install_cell_installs_from_the_address_on_colab_and_kaggle(monkeypatch, host):
    monkeypatch.setitem(sys.modules, host, fake_module(host))
    lines = run_install_cell(FORK)
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("install --quiet")
    assert f"mnist-keras-course @ git+{FORK}" in line  # {COURSE} was expanded


def test_install_cell_stops_loudly_when_the_install_failed(monkeypatch):
    monkeypatch.setitem(sys.modules, "google.colab", fake_module("google.colab"))
    monkeypatch.setitem(
        sys.modules, "helpers", None
    )  # import fails, as after a bad URL
    with pytest.raises(RuntimeError, match="their-fork.*'A fork' in the README"):
        run_install_cell(FORK)


def test_release_check_fails_on_the_placeholder_and_passes_for_a_fork(
    copy_of_the_course, capsys
):
    repository.set_repository(repository.PLACEHOLDER, root=copy_of_the_course)
    with pytest.raises(ValueError, match="still the placeholder"):
        repository.check_published(copy_of_the_course)
    repository.set_repository(FORK, root=copy_of_the_course)
    assert repository.check_published(copy_of_the_course) == FORK


def test_release_check_command_reports_the_placeholder(monkeypatch, capsys):
    monkeypatch.setattr(
        repository, "repository_url", lambda root: repository.PLACEHOLDER
    )
    assert repository.main(["--check"]) == 1
    assert "still the placeholder" in capsys.readouterr().err
    monkeypatch.setattr(repository, "repository_url", lambda root: FORK)
    assert repository.main(["--check"]) == 0
