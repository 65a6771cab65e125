"""Every number the prose quotes traces to an output, a claim, the code or a fact.

A number of three or more significant digits in a notebook's markdown ("99.2%",
"35,722", "0.9918") must appear, to the rounding the text states, in an output that
the tests check: the output of a cell nbval compares, or a claim line
(`helpers.checks.claim`) anywhere; or in the notebook's code (where a claim's ``near``
is written); or in the facts table `FACTS` (dataset sizes, published results and the
reference tutorials' figures, each with its source). The output of a cell tagged
``nbval-ignore-output`` differs from machine to machine, so the text may not quote it
but through a claim. Trailing zeros of whole numbers are not significant ("60,000"
has two significant digits), four-digit years (1900-2099) are not counted, and neither
are parts of version strings ("3.13.2"), of web addresses or of "AVX-512".

A percentage matches its fraction and the other way round ("99.2%" matches 0.9918).
``tests/test_notebooks.py`` runs `untraced` on every notebook; a maintainer can list
what does not trace with::

    python -m tools.traceability notebooks/*.ipynb
"""

from __future__ import annotations

import csv
import html
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers.checks import CLAIM_LINE
from tools import ROOT

#: The facts table: numbers the prose may quote that no notebook computes.
FACTS = ROOT / "notebooks" / "facts.csv"

_NUMBER = re.compile(
    r"(?<![\w.])(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fraction>\d+))?"
    r"(?:[eE](?P<exponent>[-+]?\d+))?(?![\w]|\.\d)"
)
_ADDRESS = re.compile(
    r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+|!\[[^\]]*\]|AVX-?512\w*"
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Number:
    """A number as written: its text, its value and the rounding it states."""

    text: str
    value: float
    decimals: int
    percent: bool

    @property
    def significant(self) -> int:
        """Significant digits: leading zeros and a whole number's trailing zeros
        do not count ("0.0085" has 2, "60,000" has 2, "35,722" has 5)."""
        mantissa = self.text.lower().split("e")[0].replace(",", "").rstrip("%")
        whole, _, fraction = mantissa.partition(".")
        digits = (whole + fraction).lstrip("0")
        if not fraction:
            digits = digits.rstrip("0")
        return len(digits)


def numbers(text: str) -> list[Number]:
    """The numbers in a text, with the decimals each is written to.

    Example: ``numbers("about 99.2% of 10,000")`` gives 99.2 (percent, one decimal)
    and 10000.
    """
    found = []
    for match in _NUMBER.finditer(text):
        whole, fraction = match["whole"], match["fraction"] or ""
        exponent = int(match["exponent"] or 0)
        value = float(f"{whole.replace(',', '')}.{fraction or 0}") * 10.0**exponent
        percent = text[match.end() : match.end() + 2].lstrip().startswith("%")
        written = match.group(0) + ("%" if percent else "")
        found.append(Number(written, value, len(fraction) - exponent, percent))
    return found


def prose_numbers(markdown: str) -> list[Number]:
    """The numbers of a markdown text that must trace: three or more significant
    digits, web addresses, years and version strings left out."""
    text = _ADDRESS.sub(" ", markdown)
    text = re.sub(r"\d+(?:\.\d+){2,}", " ", text)  # version strings: 3.13.2
    return [
        n
        for n in numbers(text)
        if n.significant >= 3
        and not (re.fullmatch(r"(19|20)\d\d", n.text) and not n.percent)
    ]


def read_facts(path: Path = FACTS) -> list[float]:
    """The values of the facts table (a CSV with columns number, what, source)."""
    with path.open(newline="") as file:
        rows = list(csv.DictReader(row for row in file if not row.startswith("#")))
    for row in rows:
        if not row["what"].strip() or not row["source"].strip():
            raise ValueError(f"{path}: every fact needs what and source: {row}")
    return [n.value for row in rows for n in numbers(row["number"])]


IGNORED = "nbval-ignore-output"


def output_texts(cell: nbformat.NotebookNode) -> list[str]:
    """The text of a code cell's outputs: streams, plain text and HTML (untagged)."""
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append(output.get("text", ""))
        data = output.get("data", {})
        texts.append(data.get("text/plain", ""))
        texts.append(html.unescape(_TAG.sub(" ", data.get("text/html", ""))))
    return texts


def sources(nb: nbformat.NotebookNode) -> list[float]:
    """Every number a notebook shows in a checked place: its code, the outputs of
    the cells nbval compares, and the claim lines of all cells."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts.append(cell.source)
        outputs = output_texts(cell)
        if IGNORED in cell.metadata.get("tags", []):
            outputs = [
                line
                for text in outputs
                for line in text.splitlines()
                if CLAIM_LINE.match(line.strip())
            ]
        texts += outputs
    return [n.value for text in texts for n in numbers(text)]


def traces(number: Number, candidates: Iterable[float]) -> bool:
    """True when a candidate rounds to the number as written, directly or as a
    percentage of it (a fraction against a percentage, either way round)."""
    tolerance = 0.5 * 10.0 ** (-number.decimals) * (1 + 1e-9) + 1e-12
    for candidate in candidates:
        for scaled in (candidate, candidate * 100, candidate / 100):
            if abs(abs(scaled) - number.value) <= tolerance:
                return True
    return False


def untraced(nb: nbformat.NotebookNode, facts: Sequence[float]) -> list[str]:
    """The prose numbers of a notebook that trace to nothing, as
    ``"[cell index] number"`` strings (the index counts every cell, from 0)."""
    candidates = [*sources(nb), *facts]
    return [
        f"[{index}] {number.text}"
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for number in prose_numbers(cell.source)
        if not traces(number, candidates)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: list each notebook's untraced numbers; exit 1 if any."""
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    facts = read_facts()
    missing = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        found = untraced(nb, facts)
        total = sum(
            len(prose_numbers(c.source)) for c in nb.cells if c.cell_type == "markdown"
        )
        missing += len(found)
        print(f"{path.name}: {total} numbers, {len(found)} untraced")
        for item in found:
            print("   ", item)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
