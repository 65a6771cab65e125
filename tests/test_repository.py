"""helpers.repository: one repository address, rewritten everywhere for a fork."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from helpers import repository

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
        assert repository.badge(FORK, path.name) in nb.cells[0].source
        assert (
            "colab.research.google.com/github/someone/their-fork/blob/main/notebooks/"
            in (nb.cells[0].source)
        )
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        assert first_code.source == repository.install_cell(FORK)
    assert repository.set_repository(FORK, root=copy_of_the_course) == []


def test_badge_and_install_cell_are_built_from_the_address():
    assert repository.badge(FORK, "00_x.ipynb") == (
        "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        "(https://colab.research.google.com/github/someone/their-fork/blob/main/"
        "notebooks/00_x.ipynb)"
    )
    cell = repository.install_cell(FORK + "/")
    assert 'if "google.colab" in sys.modules:' in cell
    assert cell.endswith(f'%pip install --quiet "mnist-keras-course @ git+{FORK}"')


@pytest.mark.parametrize(
    "url", ["github.com/a/b", "https://gitlab.com/a/b", "https://github.com/a"]
)
def test_other_addresses_are_refused(url):
    with pytest.raises(ValueError, match="GitHub address"):
        repository.badge(url, "00.ipynb")
