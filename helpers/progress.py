"""Training progress: one line per epoch (Keras' own log prints two).

Import it after ``runtime.setup()``, like Keras itself.
"""

from __future__ import annotations

import time
from typing import Any

import keras


class EpochLog(keras.callbacks.Callback):
    """Print one line per epoch: its number, each loss and metric, and its seconds.

    Use it with ``verbose=0``; ``every=n`` prints every n-th epoch (and the last).

    Example: ``model.fit(x, y, epochs=5, verbose=0, callbacks=[EpochLog()])``
    """

    def __init__(self, every: int = 1) -> None:
        super().__init__()
        if not isinstance(every, int) or every < 1:
            raise ValueError(f"every must be a positive int, got {every!r}")
        self.every = every
        self._start = 0.0

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        number, total = epoch + 1, self.params.get("epochs", epoch + 1)
        if number % self.every and number != total:
            return
        seconds = time.perf_counter() - self._start
        print(format_epoch(number, total, logs or {}, seconds))


def format_epoch(number: int, total: int, logs: dict[str, Any], seconds: float) -> str:
    """The line EpochLog prints, e.g. ``epoch  3/10: loss 0.0790, accuracy 0.9773 (1.2 s)``.

    Example: ``format_epoch(1, 5, {"loss": 0.3}, 2.0)``
    """
    width = len(str(total))
    values = ", ".join(f"{name} {float(value):.4f}" for name, value in logs.items())
    return f"epoch {number:>{width}}/{total}: {values} ({seconds:.1f} s)"
