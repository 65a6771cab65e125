"""Tables: pandas views of the data that read better than raw arrays."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from helpers.plots import as_image


def pixel_table(image: np.ndarray, uid: str = "pixels") -> Styler:
    """The 28x28 grey levels of one image as a table, darker where there is more ink.

    ``uid`` names the table's HTML ids, so the output is identical on every run.

    Example: ``pixel_table(x_train[0])``
    """
    pixels = pd.DataFrame(as_image(image))
    return (
        pixels.style.set_uuid(uid)
        .background_gradient(cmap="Greys", vmin=0, vmax=max(pixels.to_numpy().max(), 1))
        .set_table_styles(
            [{"selector": "td, th", "props": "font-size: 7pt; padding: 1px 2px;"}]
        )
    )
