"""A drawing pad for notebook 08: draw a digit with the mouse (or a finger), press
"Read it", and a function of the notebook's reads it.

The pad is an anywidget (its JavaScript is ``drawing_pad.js`` beside this file), so it
works in JupyterLab, Jupyter Notebook, VS Code and Google Colab. It only carries the
drawing: the notebook hands it a ``read`` function that turns the drawing into the
28 x 28 image the model sees and the model's ten probabilities, and the pad shows
both. Without a front-end (a notebook run by nbval or ``make run``), nobody can draw:
call ``pad.answer(image)`` with an image drawn by code instead, which takes the same
path as a drawing.
"""

from __future__ import annotations

import base64
import io
import sys
from collections.abc import Callable
from pathlib import Path

import anywidget
import numpy as np
import traitlets
from PIL import Image

Reader = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


def decode_png(data_url: str) -> np.ndarray:
    """The grey levels of a PNG ``data:`` URL as floats in [0, 1] (colour averaged,
    transparency ignored).

    Example: ``decode_png(canvas_url).shape`` -> ``(280, 280)``
    """
    prefix = "data:image/png;base64,"
    if not data_url.startswith(prefix):
        raise ValueError("expected a data:image/png;base64 URL")
    with Image.open(io.BytesIO(base64.b64decode(data_url[len(prefix) :]))) as image:
        grey = image.convert("L")
        return np.asarray(grey, dtype="float32") / 255.0


def encode_png(image: np.ndarray) -> str:
    """A 2-D image with values in [0, 1] as a PNG ``data:`` URL (white ink on black).

    Example: ``encode_png(np.zeros((28, 28)))`` -> ``"data:image/png;base64,..."``
    """
    array = np.asarray(image, dtype="float64")
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D image, got shape {array.shape}")
    grey = (np.clip(array, 0.0, 1.0) * 255).round().astype("uint8")
    buffer = io.BytesIO()
    Image.fromarray(grey, mode="L").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


class DrawingPad(anywidget.AnyWidget):
    """A square canvas (white ink on black, like MNIST) with "Read it" and "Clear".

    ``read(drawing)`` gets the drawing as a ``size x size`` float array in [0, 1]
    and returns ``(image, probabilities)``: the 28 x 28 image the model saw and its
    ten probabilities. The pad shows the digit read, that image and the bars.

    Example: ``pad = DrawingPad(read_my_digit); pad`` (the last line displays it)
    """

    _esm = Path(__file__).with_name("drawing_pad.js")
    size = traitlets.Int(280).tag(sync=True)
    pen = traitlets.Float(22.0).tag(sync=True)
    status = traitlets.Unicode("Draw a digit, then press Read it.").tag(sync=True)
    seen = traitlets.Unicode("").tag(sync=True)
    probabilities = traitlets.List(traitlets.Float()).tag(sync=True)

    def __init__(self, read: Reader, **kwargs: object) -> None:
        if "google.colab" in sys.modules:  # Colab draws third-party widgets only then
            from google.colab import output  # type: ignore[import-not-found]

            output.enable_custom_widget_manager()
        super().__init__(**kwargs)
        self._read = read
        self.on_msg(self._on_message)

    def _on_message(self, _widget: object, content: dict, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("kind") == "read":
            try:
                self.answer(decode_png(content["image"]))
            except Exception as error:  # show it in the pad, where the learner looks
                self.status = f"Could not read the drawing: {error}"

    def answer(self, drawing: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """Read ``drawing`` (a 2-D array in [0, 1], ink high) as the button does, show
        the answer in the pad and return ``(image, probabilities)``; ``None`` and a
        message when the drawing is empty.
        """
        drawing = np.asarray(drawing, dtype="float32")
        if drawing.ndim != 2:
            raise ValueError(f"expected a 2-D drawing, got shape {drawing.shape}")
        if not drawing.any():
            self.status, self.seen, self.probabilities = "The pad is empty.", "", []
            return None
        image, probabilities = self._read(drawing)
        probabilities = np.asarray(probabilities, dtype="float64").ravel()
        if probabilities.shape != (10,):
            raise ValueError(
                f"read() must return 10 probabilities, got {probabilities}"
            )
        digit = int(probabilities.argmax())
        self.seen = encode_png(np.asarray(image).reshape(28, 28))
        self.probabilities = [float(p) for p in probabilities]
        self.status = f"I read a {digit} ({probabilities[digit]:.0%} sure)."
        return image, probabilities
