"""Tables: pandas views of the data that read better than raw arrays."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from helpers.preprocessing import as_image


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


def probability_table(
    probabilities: np.ndarray,
    labels: np.ndarray | None = None,
    decimals: int = 3,
) -> Styler:
    """One row per image, one column per digit, each row's largest probability
    highlighted; columns 'predicted' (the argmax) and, given ``labels``, 'true'.

    Example: ``probability_table(model.predict(x_test[:8]), y_test[:8])``
    """
    probabilities = np.asarray(probabilities)
    if probabilities.ndim != 2:
        raise ValueError(
            f"expected one row of probabilities per image, got shape {probabilities.shape}"
        )
    if labels is not None and len(labels) != len(probabilities):
        raise ValueError(f"{len(probabilities)} rows but {len(labels)} labels")
    table = pd.DataFrame(probabilities, columns=range(probabilities.shape[1]))
    digits = list(table.columns)
    table.index.name = "image"
    table["predicted"] = probabilities.argmax(axis=1)
    if labels is not None:
        table["true"] = np.asarray(labels)
    return (
        table.style.set_uuid("probabilities")
        .format(precision=decimals, subset=digits)
        .highlight_max(
            axis=1, subset=digits, props="font-weight: bold; background-color: #c6e2c6"
        )
    )
