"""The repository address, and the launch badges and install cell built from it.

The address is written in one place: ``Repository`` under ``[project.urls]`` in
pyproject.toml. Every notebook carries "Open in Colab" and "Open in Kaggle" badges
and a first code cell that installs the helpers package from that address when it
runs on Colab or Kaggle. After
forking the course, point everything at the fork with::

    python -m tools.repository https://github.com/you/your-fork

tests/test_notebooks.py checks that the badges and install cells agree with it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat

from tools import ROOT

URL_LINE = re.compile(r'^Repository = "(?P<url>[^"]+)"$', re.MULTILINE)
GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)/?$")
#: The Colab badge, and the Kaggle badge after it where a notebook has one already.
BADGES = re.compile(
    r"\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)"
    r"(?: \[!\[Open In Kaggle\]\([^)]*\)\]\([^)]*\))?"
)
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
KAGGLE_IMAGE = "https://kaggle.com/static/images/open-in-kaggle.svg"
#: The address the course was written with, before it has a real home.
PLACEHOLDER = "https://github.com/mnist-course/keras-mnist-course"


def repository_url(root: Path = ROOT) -> str:
    """The repository address declared in ``root``/pyproject.toml.

    Example: ``repository_url()`` -> ``"https://github.com/owner/name"``
    """
    match = URL_LINE.search((root / "pyproject.toml").read_text())
    if match is None:
        raise ValueError(f"{root / 'pyproject.toml'} declares no Repository URL")
    return _check(match["url"])


def badge(url: str, notebook: str) -> str:
    """Markdown for the "Open in Colab" badge of one notebook of the repository.

    Example: ``badge("https://github.com/o/r", "00_start_here.ipynb")``
    """
    found = GITHUB.match(_check(url))
    assert found is not None
    link = (
        "https://colab.research.google.com/github/"
        f"{found['owner']}/{found['name']}/blob/main/notebooks/{notebook}"
    )
    return f"[![Open In Colab]({BADGE_IMAGE})]({link})"


def kaggle_url(url: str, notebook: str) -> str:
    """Kaggle's import page for one notebook of the repository, given its address on
    GitHub.

    Example: ``kaggle_url("https://github.com/o/r", "00_start_here.ipynb")``
    """
    found = GITHUB.match(_check(url))
    assert found is not None
    source = (
        f"https://github.com/{found['owner']}/{found['name']}"
        f"/blob/main/notebooks/{notebook}"
    )
    return f"https://kaggle.com/kernels/welcome?src={source}"


def kaggle_badge(url: str, notebook: str) -> str:
    """Markdown for the "Open in Kaggle" badge of one notebook of the repository:
    Kaggle's import page (``kaggle_url``).

    Example: ``kaggle_badge("https://github.com/o/r", "00_start_here.ipynb")``
    """
    return f"[![Open In Kaggle]({KAGGLE_IMAGE})]({kaggle_url(url, notebook)})"


def badges(url: str, notebook: str) -> str:
    """Both launch badges of one notebook, Colab's then Kaggle's, on one line.

    Example: ``badges("https://github.com/o/r", "00_start_here.ipynb")``
    """
    return f"{badge(url, notebook)} {kaggle_badge(url, notebook)}"


def install_cell(url: str) -> str:
    """Source of each notebook's first code cell: install the helpers where hosted.

    On Google Colab or Kaggle (whose kernels have ``kaggle_secrets``) it installs the
    course from ``url``. IPython's ``%pip`` never raises, so the cell then imports
    ``helpers`` and stops with a message naming ``url`` when that fails (a fork not
    yet published, a mistyped address). Elsewhere it does nothing.

    Example: ``install_cell("https://github.com/o/r").startswith("# Set-up")``
    """
    url = _check(url)
    return (
        "# Set-up (plumbing): on Google Colab or Kaggle, install this course's helpers\n"
        "# package. Elsewhere it is installed already (see the README).\n"
        "import importlib\n"
        "import importlib.util\n"
        "import sys\n"
        "\n"
        'COURSE = "' + url + '"\n'
        'if "google.colab" in sys.modules or importlib.util.find_spec("kaggle_secrets"):\n'
        '    %pip install --quiet "mnist-keras-course @ git+{COURSE}"\n'
        "    importlib.invalidate_caches()\n"
        "    try:\n"
        '        importlib.import_module("helpers")\n'
        "    except ModuleNotFoundError:\n"
        "        raise RuntimeError(\n"
        "            f\"Could not install the course's helpers from {COURSE} (pip's \"\n"
        '            "message is above). Is the address right and the repository "\n'
        "            \"public? For a fork, see 'A fork' in the README.\"\n"
        "        ) from None"
    )


def check_published(root: Path = ROOT) -> str:
    """The repository address, or a ValueError while it is still the placeholder.

    A release must point the notebooks' badges and install cells at a real
    repository (``python -m tools.repository URL``). ``make release-check`` runs it.

    Example: ``check_published()`` -> ``"https://github.com/owner/name"``
    """
    url = repository_url(root)
    if url == PLACEHOLDER:
        raise ValueError(
            f"the repository address is still the placeholder {PLACEHOLDER}; run "
            "python -m tools.repository https://github.com/OWNER/NAME first"
        )
    return url


def set_repository(url: str, root: Path = ROOT) -> list[Path]:
    """Write ``url`` into pyproject.toml and every notebook's badge and install cell.

    Returns the files changed. Example: ``set_repository("https://github.com/o/r")``
    """
    url = _check(url)
    changed = []
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text()
    if URL_LINE.search(text) is None:
        raise ValueError(f"{pyproject} declares no Repository URL")
    new_text = URL_LINE.sub(f'Repository = "{url}"', text)
    if new_text != text:
        pyproject.write_text(new_text)
        changed.append(pyproject)
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        before = nbformat.writes(nb)
        markdown = next(c for c in nb.cells if c.cell_type == "markdown")
        markdown.source = BADGES.sub(badges(url, path.name), markdown.source)
        code = next(c for c in nb.cells if c.cell_type == "code")
        code.source = install_cell(url)
        if nbformat.writes(nb) != before:
            nbformat.write(nb, path)
            changed.append(path)
    return changed


def _check(url: str) -> str:
    if not GITHUB.match(url):
        raise ValueError(
            f"expected a GitHub address like https://github.com/owner/name, got {url!r}"
        )
    return url.rstrip("/")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: point pyproject.toml and the notebooks at a repository, or
    check (``--check``) that they no longer point at the placeholder."""
    parser = argparse.ArgumentParser(description="Point the course at a repository.")
    parser.add_argument("url", nargs="?", help="https://github.com/owner/name")
    parser.add_argument(
        "--check",
        action="store_true",
        help="fail while the address is still the placeholder (for a release)",
    )
    args = parser.parse_args(argv)
    if args.check:
        try:
            print(f"repository: {check_published()}")
        except ValueError as err:
            print(f"release check failed: {err}", file=sys.stderr)
            return 1
        return 0
    if args.url is None:
        parser.error("give the repository's address, or --check")
    for path in set_repository(args.url):
        print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
