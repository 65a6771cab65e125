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


def cpu_kind() -> str:
    """The widest vector instructions this CPU offers TensorFlow, in a few words.

    Two machines of the same kind, with the same library versions and seed, compute
    the same numbers; another kind (or a GPU) computes slightly different ones. Read
    from /proc/cpuinfo on Linux; elsewhere "unknown".

    Example: ``cpu_kind()`` -> ``"AVX-512 with bfloat16"`` or ``"AVX2"``
    """
    cpuinfo = Path("/proc/cpuinfo")
    try:
        text = cpuinfo.read_text()
    except OSError:
        return "unknown"
    flags = set()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            flags = set(line.split(":", 1)[1].split())
            break
    if "avx512f" in flags:
        return "AVX-512 with bfloat16" if "avx512_bf16" in flags else "AVX-512"
    if "avx2" in flags:
        return "AVX2"
    return "other (no AVX2)" if flags else "unknown"


def setup(seed: int = 42, *, verbose: bool = True) -> None:
    """Quiet TensorFlow, enable oneDNN, seed Python, NumPy and Keras, and report.

    The same seed then gives the same numbers on a CPU of the same kind
    (`cpu_kind`) with the same library versions; on a GPU, op determinism is turned
    on so that it does there too (on the same GPU).

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
    _deterministic_on_gpu()
    if verbose:
        info = _facts()
        print(
            f"Python {info['Python']}, TensorFlow {info['TensorFlow']}, "
            f"Keras {info['Keras']}, NumPy {info['NumPy']} | "
            f"{info['CPU cores']} CPU cores ({info['CPU kind']}), GPU: {info['GPU']}, "
            f"oneDNN: {info['oneDNN']} | Colab: {info['Colab']} | seed {seed}"
        )


def _deterministic_on_gpu() -> bool:
    """On a GPU, ask TensorFlow for deterministic kernels; True if it was asked.

    A GPU's fastest kernels add in an order that changes from run to run, so the same
    seed would not repeat its numbers there; with op determinism on it does (on the
    same GPU and versions), at some cost in speed. A CPU's kernels repeat already.
    """
    import tensorflow as tf

    if not tf.config.list_physical_devices("GPU"):
        return False
    tf.config.experimental.enable_op_determinism()
    return True


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
        "CPU kind": cpu_kind(),
        "GPU": ", ".join(g.name for g in gpus) if gpus else "none",
        "oneDNN": {"1": "on", "0": "off"}.get(onednn or "", "TensorFlow's default"),
        "Colab": "yes" if in_colab() else "no",
    }
