"""tools.traceability: which prose numbers count, and what they trace to."""

from __future__ import annotations

import nbformat
import pytest

from tools import traceability


def written(text):
    return [n.text for n in traceability.prose_numbers(text)]


def test_numbers_of_three_significant_digits_count():
    text = "about 99.2% of 10,000 images; 35,722 parameters; loss 0.0796, 0.13 points"
    assert written(text) == ["99.2%", "35,722", "0.0796"]


@pytest.mark.parametrize(
    "text",
    [
        "60,000 images",  # trailing zeros of a whole number are not significant
        "0.0085",  # two significant digits
        "Byerly et al. 2021",  # a year
        "Keras 3.13.2",  # a version string
        "an AVX-512 machine",
        "[a link](https://example.org/paper/1512.03385)",
        "98% and 0.13",
    ],
)
def test_what_does_not_count(text):
    assert written(text) == []


def test_decimals_and_percent_are_read_as_written():
    (number,) = traceability.prose_numbers("reached 97.99% on test")
    assert (number.value, number.decimals, number.percent) == (97.99, 2, True)
    (small,) = traceability.numbers("a difference of 4.8e-07")
    assert small.value == pytest.approx(4.8e-07) and small.decimals == 8


@pytest.mark.parametrize(
    ("prose", "candidate", "expected"),
    [
        ("99.2%", 0.99184, True),  # a fraction rounds to the percentage
        ("0.992", 99.18, True),  # and a percentage to the fraction
        ("99.2%", 0.9926, False),  # 99.26 rounds to 99.3
        ("35,722", 35722, True),
        ("35,722", 35723, False),
        ("0.0796", -0.0796, True),  # a difference quoted without its sign
    ],
)
def test_a_number_traces_to_its_stated_rounding(prose, candidate, expected):
    (number,) = traceability.prose_numbers(f"value {prose} here")
    assert traceability.traces(number, [candidate]) is expected


def notebook(cells):
    nb = nbformat.v4.new_notebook()
    for kind, source, tags, text in cells:
        if kind == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
            continue
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = tags
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
        nb.cells.append(cell)
    return nb


def test_ignored_outputs_count_only_through_their_claim_lines():
    nb = notebook(
        [
            ("code", "fit()", ["nbval-ignore-output"], "accuracy 0.9871\n"),
            (
                "code",
                "claim('acc', accuracy, near=acc_near, within=0.002)",
                ["nbval-ignore-output"],
                "Claim acc = 0.9869 (text: about 0.987, band 0.985 to 0.989)\n",
            ),
            ("code", "print(model.count_params())", [], "35722\n"),
            (
                "markdown",
                "It reaches 0.9871, about 98.7%, with 35,722 weights.",
                [],
                "",
            ),
        ]
    )
    assert traceability.untraced(nb, facts=[]) == ["[3] 0.9871"]
    assert traceability.untraced(nb, facts=[0.9871]) == []


def test_the_facts_table_needs_a_source(tmp_path):
    table = tmp_path / "facts.csv"
    table.write_text("number,what,source\n0.17,a record,\n")
    with pytest.raises(ValueError, match="what and source"):
        traceability.read_facts(table)
    table.write_text('number,what,source\n"1,797",UCI digits,scikit-learn docs\n')
    assert traceability.read_facts(table) == [1797.0]
