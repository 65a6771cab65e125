"""helpers.tables: the pixel table."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import tables


def test_pixel_table_holds_the_pixels_and_renders_identically_twice():
    image = np.arange(784).reshape(28, 28) % 256
    styler = tables.pixel_table(image.astype(np.uint8))
    assert np.array_equal(styler.data.to_numpy(), image)
    html = styler.to_html()
    assert html == tables.pixel_table(image.astype(np.uint8)).to_html()
    assert 'id="T_pixels"' in html and "background-color" in html


def test_probability_table_highlights_the_argmax_and_adds_columns():
    probabilities = np.array([[0.1, 0.7, 0.2], [0.6, 0.3, 0.1]])
    styler = tables.probability_table(probabilities, labels=np.array([1, 2]))
    frame = styler.data
    assert frame["predicted"].tolist() == [1, 0] and frame["true"].tolist() == [1, 2]
    assert list(frame.columns[:3]) == [0, 1, 2]
    html = styler.to_html()
    assert html.count("font-weight: bold") == 1  # one CSS rule listing both cells
    assert "#T_probabilities_row0_col1" in html and "#T_probabilities_row1_col0" in html
    assert "0.700" in html


def test_probability_table_checks_its_inputs():
    with pytest.raises(ValueError, match="one row of probabilities"):
        tables.probability_table(np.zeros(10))
    with pytest.raises(ValueError, match="2 rows but 1 labels"):
        tables.probability_table(np.zeros((2, 10)), labels=[3])
