"""Write the notebooks' exported cells into the learner package: ``make export``.

A cell tagged ``export`` defines something that later notebooks or the experiment
scripts use (a model, a data feed, a training run). This command copies those cells,
verbatim and in order, into one generated module per notebook,
``helpers/lessons/nbNN.py``, which opens with the imports the cells use (taken from
the notebook's own import statements) and a header saying that it is generated.
Later notebooks then write ``from helpers.lessons import nb04`` instead of retyping
notebook 04's convnet, and the scripts import the same module like any other.

    python -m tools.export            # rewrite helpers/lessons/ (make export)
    python -m tools.export --check    # exit 1 if a module differs from its notebook

The exported cells may use only what they define themselves and what the notebook
imports; anything else (a variable made by an earlier, unexported cell) is an error,
so that a generated module always imports and runs on its own.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import nbformat

from tools import ROOT, execute

#: The tag that marks a notebook cell for export into its lesson module.
EXPORT_TAG = "export"
NOTEBOOKS = ROOT / "notebooks"
LESSONS = ROOT / "helpers" / "lessons"


class ExportError(ValueError):
    """An exported cell uses a name that neither the cells nor the imports define."""


def module_name(notebook: Path) -> str:
    """``nb04`` for ``04_convnet.ipynb``: the lesson module a notebook exports to."""
    number = notebook.name.split("_", 1)[0]
    if not number.isdigit():
        raise ValueError(f"{notebook.name} does not start with its number")
    return f"nb{number}"


def _sections(nb: nbformat.NotebookNode) -> list[str]:
    """The section heading (``## ...``) each cell sits under, '' before the first."""
    heading, under = "", []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("## "):
                    heading = line[3:].strip()
        under.append(heading)
    return under


def _bound_names(tree: ast.AST) -> set[str]:
    """Every name the code binds anywhere: assignments, definitions, parameters,
    imports, loop and comprehension variables."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def _used_names(tree: ast.AST) -> set[str]:
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }


def _imports(nb: nbformat.NotebookNode, used: set[str]) -> list[str]:
    """The notebook's top-level import statements, cut to the names ``used``, in
    the order ruff's isort wants: standard library, third party, then helpers."""
    plain: dict[str, set[str]] = {}  # "import numpy as np" -> {"numpy as np"}
    froms: dict[str, set[str]] = {}  # "from helpers import data" -> {"data"}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # IPython magics: not Python, and never exported
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    bound = (alias.asname or alias.name).split(".")[0]
                    if bound in used:
                        text = alias.name + (
                            f" as {alias.asname}" if alias.asname else ""
                        )
                        plain.setdefault(alias.name, set()).add(text)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if (alias.asname or alias.name) in used:
                        text = alias.name + (
                            f" as {alias.asname}" if alias.asname else ""
                        )
                        froms.setdefault(node.module, set()).add(text)

    def section(module: str) -> int:
        root = module.split(".")[0]
        if root in sys.stdlib_module_names:
            return 0
        return 2 if root == "helpers" else 1

    lines: list[str] = []
    for group in range(3):
        block = [
            f"import {text}"
            for module in sorted(plain, key=str.lower)
            if section(module) == group
            for text in sorted(plain[module])
        ] + [
            f"from {module} import {', '.join(sorted(froms[module], key=str.lower))}"
            for module in sorted(froms, key=str.lower)
            if section(module) == group
        ]
        if block:
            lines += [*block, ""]
    return lines[:-1]


def exported_cells(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(index, source) of the notebook's cells tagged ``export``, in order."""
    return [
        (index, cell.source)
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and EXPORT_TAG in cell.metadata.get("tags", [])
    ]


def lesson_source(notebook: Path) -> str | None:
    """The text of the notebook's lesson module, or None when it exports nothing.

    Raises `ExportError` when the exported cells use a name that they do not define
    and that the notebook does not import.
    """
    nb = nbformat.read(notebook, as_version=4)
    cells = exported_cells(nb)
    if not cells:
        return None
    code = "\n\n".join(source for _, source in cells)
    tree = ast.parse(code)
    used = _used_names(tree)
    imports = _imports(nb, used)
    imported = _bound_names(ast.parse("\n".join(imports)))
    missing = used - _bound_names(tree) - imported - set(dir(builtins))
    if missing:
        raise ExportError(
            f"{notebook.name}: the cells tagged {EXPORT_TAG!r} use "
            f"{', '.join(sorted(missing))}, which they neither define nor import; "
            "define it in an exported cell or import it in the notebook"
        )
    relative = f"notebooks/{notebook.name}"
    title = execute.title(nb)
    sections = _sections(nb)
    opening = (
        f'"""{title}: what later notebooks and the scripts reuse.\n\n'
        f"Generated by ``make export`` from the cells of {relative} tagged\n"
        f"``{EXPORT_TAG}``. Do not edit this file by hand: edit the notebook, then run\n"
        "``make export`` (a test fails while the two disagree).\n"
        '"""'
    )
    parts = [opening + ("\n\n" + "\n".join(imports) if imports else "")]
    for index, source in cells:
        where = f"# Taught in {relative}, cell {index}"
        if sections[index]:
            where += f' (section "{sections[index]}")'
        parts.append(f"{where}\n{source.strip()}")
    return "\n\n\n".join(parts) + "\n"


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The course's notebooks, in order."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def export(paths: Iterable[Path], folder: Path = LESSONS) -> list[Path]:
    """Write the lesson module of each notebook that exports cells into ``folder``
    (with its ``__init__.py``); return the modules written.

    Example: ``export(notebooks(), Path("/tmp/lessons"))``
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    init = folder / "__init__.py"
    names = []
    for notebook in paths:
        text = lesson_source(notebook)
        if text is None:
            continue
        path = folder / f"{module_name(notebook)}.py"
        path.write_text(text)
        written.append(path)
        names.append(f"{path.stem} ({notebook.name})")
    for old in set(folder.glob("nb*.py")) - set(written):
        old.unlink()  # a notebook that no longer exports anything
    init.write_text(
        '"""What later notebooks and the scripts reuse from the notebooks that teach it.\n\n'
        "One module per notebook, generated by ``make export`` from its cells tagged\n"
        f"``{EXPORT_TAG}``: " + ", ".join(names) + ".\n"
        "Each module imports TensorFlow or Keras; import it after ``runtime.setup()``.\n"
        '"""\n'
    )
    return written


def differences(folder: Path, reference: Path = LESSONS) -> list[str]:
    """The file names that differ between two lesson folders (missing files too)."""
    names = {p.name for p in folder.glob("*.py")} | {
        p.name for p in reference.glob("*.py")
    }
    return sorted(
        name
        for name in names
        if not (folder / name).is_file()
        or not (reference / name).is_file()
        or (folder / name).read_text() != (reference / name).read_text()
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if helpers/lessons is not up to date"
    )
    args = parser.parse_args(argv)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            export(notebooks(), Path(tmp))
            stale = differences(Path(tmp), LESSONS)
        if stale:
            print(
                f"helpers/lessons is out of date ({', '.join(stale)}): run make export"
            )
            return 1
        print("helpers/lessons matches the notebooks")
        return 0
    for path in export(notebooks()):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
