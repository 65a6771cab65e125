"""helpers.tables: the pixel table."""

from __future__ import annotations

import numpy as np

from helpers import tables


def test_pixel_table_holds_the_pixels_and_renders_identically_twice():
    image = np.arange(784).reshape(28, 28) % 256
    styler = tables.pixel_table(image.astype(np.uint8))
    assert np.array_equal(styler.data.to_numpy(), image)
    html = styler.to_html()
    assert html == tables.pixel_table(image.astype(np.uint8)).to_html()
    assert 'id="T_pixels"' in html and "background-color" in html
