"""``make site``: the course as a web site in build/site/, from the stored outputs.

Sphinx with myst-nb and sphinx-book-theme (settings in docs/site/conf.py) renders
the notebooks as committed, running nothing and fetching nothing. This module
assembles the source folder (build/site-src/): a copy of the notebooks and a start
page made from the README (its opening, its "Teaching with this course" section and
the notebooks in course order). If ``make run`` has left its status table
(build/index.html, with the executed HTML copies beside it), the site carries it as
run/index.html and the start page links to it. The module is also the Sphinx
extension (``setup``) that adds "Kaggle" beside "Colab" in each notebook page's
launch menu, with the address tools.repository makes for the notebooks' badges.

Example: ``python -m tools.site`` (then open build/site/index.html).
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path
from typing import Any

from tools import ROOT

CONF = ROOT / "docs" / "site"
SECTION = "## Teaching with this course"


def figure_alt(cell: Any) -> str | None:
    """A cell's alternative text for its figures: ``metadata.mystnb.image.alt``, the
    key myst-nb gives each image of the cell (nbconvert's page reads it too, through
    tools/templates/course)."""
    return cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")


def readme_parts(readme: str) -> tuple[str, str]:
    """The README's title and opening paragraphs, and its teaching section."""
    opening = readme.split("\n## ", 1)[0]
    start = readme.index(SECTION)
    end = readme.index("\n## ", start + len(SECTION))
    return opening.strip(), readme[start:end].strip()


def start_page(readme: str, notebooks: list[str], status: bool) -> str:
    """The site's index.md: the README's opening and teaching section, the notebooks.

    ``notebooks`` are the pages in course order (``"notebooks/00_start_here"``);
    ``status`` says whether make run's status table is part of the site.
    """
    opening, teaching = readme_parts(readme)
    opening = re.sub(r"\(notebooks/([\w.-]+)\.ipynb\)", r"(notebooks/\1)", opening)
    lines = [opening, ""]
    if status:
        lines += [
            "Every notebook as `make run` last executed it, with its status, seconds"
            ' and checkpoints: <a href="run/index.html">the run\'s status table</a>.',
            "",
        ]
    lines += [
        "```{toctree}",
        ":caption: The notebooks",
        ":maxdepth: 1",
        "",
        *notebooks,
        "```",
        "",
        teaching,
        "",
    ]
    return "\n".join(lines)


def assemble(source: Path, root: Path = ROOT) -> list[str]:
    """Fill ``source`` with the notebooks and the start page; return the pages."""
    if source.exists():
        shutil.rmtree(source)
    (source / "notebooks").mkdir(parents=True)
    pages = []
    for notebook in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        shutil.copy2(notebook, source / "notebooks" / notebook.name)
        pages.append(f"notebooks/{notebook.stem}")
    status = (root / "build" / "index.html").is_file()
    readme = (root / "README.md").read_text()
    (source / "index.md").write_text(start_page(readme, pages, status))
    return pages


def copy_status(build: Path, output: Path) -> bool:
    """Copy make run's status table and its executed HTML copies to output/run/."""
    index = build / "index.html"
    if not index.is_file():
        return False
    run = output / "run"
    run.mkdir(parents=True, exist_ok=True)
    shutil.copy2(index, run / "index.html")
    for page in build.glob("[0-9][0-9]_*.html"):
        shutil.copy2(page, run / page.name)
    return True


def kaggle_link(repository: str, pagename: str) -> str:
    """Kaggle's import page for one notebook page (``"notebooks/02_dense_network"``)."""
    from tools.repository import kaggle_url

    return kaggle_url(repository, Path(pagename).name + ".ipynb")


def add_kaggle_button(app: Any, pagename: str, templatename: str, context, doctree):
    """html-page-context: Kaggle beside Colab in a notebook page's launch menu."""
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            repository = app.config.html_theme_options["repository_url"]
            group["buttons"].append(
                {
                    "type": "link",
                    "text": "Kaggle",
                    "tooltip": "Launch on Kaggle",
                    "icon": "fab fa-kaggle",
                    "url": kaggle_link(repository, pagename),
                }
            )


def setup(app: Any) -> dict[str, Any]:
    """The Sphinx extension: after the theme has made its launch menu (501)."""
    app.connect("html-page-context", add_kaggle_button, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def build(output: Path, root: Path = ROOT, quiet: bool = True) -> list[str]:
    """Assemble the source, run Sphinx into ``output``; return Sphinx's warnings."""
    from sphinx.cmd.build import build_main

    source = output.parent / (output.name + "-src")
    assemble(source, root)
    warnings = output.parent / (output.name + "-warnings.txt")
    arguments = ["-b", "html", "-c", str(CONF), "-w", str(warnings), "-E"]
    if quiet:
        arguments.append("-q")
    code = build_main([*arguments, str(source), str(output)])
    if code != 0:
        raise RuntimeError(f"Sphinx failed (exit {code}); see {warnings}")
    copy_status(root / "build", output)
    return [line for line in warnings.read_text().splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args(argv)
    warnings = build(args.output)
    for line in warnings:
        print(line)
    print(f"{args.output / 'index.html'}: {len(warnings)} warnings")


if __name__ == "__main__":
    main()
