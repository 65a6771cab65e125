"""Runtime set-up for a notebook: quiet logs, fast CPU kernels, one seed, a report.

Call `setup()` at the top of a notebook, *before* TensorFlow or Keras is imported:
TensorFlow reads its logging and oneDNN settings once, when it is first imported.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import warnings
from pathlib import Path

import pandas as pd


def tf_environment() -> dict[str, str]:
    """The settings `setup` gives TensorFlow through environment variables.

    TF_CPP_MIN_LOG_LEVEL=2 hides TensorFlow's C++ info and warning lines; on a Linux
    machine without an NVIDIA driver it is 3, which also hides the error line of
    TensorFlow's CUDA probe (it can only fail there). TF_ENABLE_ONEDNN_OPTS=1 turns
    on oneDNN kernels, which TensorFlow enables by default only on some CPUs (it
    decides from the instruction set); with them off, an epoch of notebook 04's
    reference convnet took 8.4-10.9 s on the 2-core test machine, with them on
    6.5-7.8 s (one step per call; timings there vary from run to run).

    Example: ``tf_environment()["TF_ENABLE_ONEDNN_OPTS"] == "1"``
    """
    no_gpu_driver = sys.platform == "linux" and not Path("/proc/driver/nvidia").exists()
    return {
        "TF_CPP_MIN_LOG_LEVEL": "3" if no_gpu_driver else "2",
        "TF_ENABLE_ONEDNN_OPTS": "1",
    }


def in_colab() -> bool:
    """True when running inside Google Colab.

    Example: ``if in_colab(): print("on Colab")``
    """
    return "google.colab" in sys.modules


def setup(seed: int = 42, *, verbose: bool = True) -> None:
    """Quiet TensorFlow, enable oneDNN, seed Python, NumPy and Keras, and report.

    Settings already present in the environment are respected, so a learner can
    still ask for TensorFlow's logs with ``TF_CPP_MIN_LOG_LEVEL=0``.

    Example: ``setup(seed=42)``
    """
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, got {seed!r}")
    settings = tf_environment()
    if "tensorflow" in sys.modules:
        missing = [k for k in settings if k not in os.environ]
        if missing:
            warnings.warn(
                "TensorFlow was imported before helpers.runtime.setup(), so "
                f"{', '.join(missing)} cannot take effect; restart the kernel and "
                "run the set-up cell first.",
                stacklevel=2,
            )
    for key, value in settings.items():
        os.environ.setdefault(key, value)

    import keras

    # TensorFlow's Python logger prints INFO lines (for example when exporting a
    # SavedModel) to stdout and stderr; warnings and errors still show.
    logging.getLogger("tensorflow").setLevel(logging.WARNING)
    keras.utils.set_random_seed(seed)
    if verbose:
        info = _facts()
        print(
            f"Python {info['Python']}, TensorFlow {info['TensorFlow']}, "
            f"Keras {info['Keras']}, NumPy {info['NumPy']} | "
            f"{info['CPU cores']} CPU cores, GPU: {info['GPU']}, "
            f"oneDNN: {info['oneDNN']} | Colab: {info['Colab']} | seed {seed}"
        )


def report() -> pd.DataFrame:
    """Versions of the main libraries and the hardware found, one row each.

    Example: ``report()`` (a table with columns 'item' and 'value')
    """
    facts = _facts()
    return pd.DataFrame({"item": list(facts), "value": list(facts.values())})


def _facts() -> dict[str, str]:
    import keras
    import matplotlib
    import numpy as np
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    onednn = os.environ.get("TF_ENABLE_ONEDNN_OPTS")
    return {
        "Python": platform.python_version(),
        "TensorFlow": tf.__version__,
        "Keras": keras.__version__,
        "NumPy": np.__version__,
        "pandas": pd.__version__,
        "matplotlib": matplotlib.__version__,
        "CPU cores": str(os.cpu_count()),
        "GPU": ", ".join(g.name for g in gpus) if gpus else "none",
        "oneDNN": {"1": "on", "0": "off"}.get(onednn or "", "TensorFlow's default"),
        "Colab": "yes" if in_colab() else "no",
    }
