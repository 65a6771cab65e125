"""helpers.runtime: environment settings, seeding and the report."""

from __future__ import annotations

import os
import random
import sys

import numpy as np
import pytest

from helpers import runtime


@pytest.fixture(autouse=True)
def settings_in_place(monkeypatch):
    """Other tests import TensorFlow first; give setup() the environment it expects."""
    for key, value in runtime.tf_environment().items():
        monkeypatch.setenv(key, value)


def test_tf_environment_turns_on_onednn_and_quiets_logs():
    settings = runtime.tf_environment()
    assert settings["TF_ENABLE_ONEDNN_OPTS"] == "1"
    assert settings["TF_CPP_MIN_LOG_LEVEL"] in {"2", "3"}


def test_setup_keeps_a_learners_own_settings(monkeypatch):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "0")
    runtime.setup(seed=1, verbose=False)
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "0"


def test_same_seed_same_numbers_everywhere():
    import keras

    def draw():
        return (
            random.random(),
            np.random.rand(),  # noqa: NPY002 - the legacy global state is seeded too
            float(keras.random.uniform((1,), seed=None)[0]),
        )

    runtime.setup(seed=7, verbose=False)
    first = draw()
    runtime.setup(seed=7, verbose=False)
    assert draw() == first
    runtime.setup(seed=8, verbose=False)
    assert draw() != first


def test_setup_prints_one_short_report_line(capsys):
    runtime.setup(seed=3)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "TensorFlow" in out and "seed 3" in out


@pytest.mark.parametrize("seed", [-1, 1.5, "42", True])
def test_bad_seed_is_refused(seed):
    with pytest.raises(ValueError, match="seed"):
        runtime.setup(seed=seed, verbose=False)


def test_warns_when_tensorflow_came_first(monkeypatch):
    import tensorflow  # noqa: F401

    monkeypatch.delenv("TF_ENABLE_ONEDNN_OPTS", raising=False)
    with pytest.warns(UserWarning, match="TF_ENABLE_ONEDNN_OPTS cannot take effect"):
        runtime.setup(seed=1, verbose=False)


def test_report_lists_versions_and_hardware():
    table = runtime.report()
    assert list(table.columns) == ["item", "value"]
    facts = dict(zip(table["item"], table["value"], strict=True))
    assert facts["Python"] == ".".join(map(str, sys.version_info[:3]))
    assert facts["Colab"] == "no" and facts["CPU cores"].isdigit()


def test_in_colab_follows_the_colab_module(monkeypatch):
    assert not runtime.in_colab()
    monkeypatch.setitem(sys.modules, "google.colab", object())
    assert runtime.in_colab()


@pytest.mark.parametrize(
    ("flags", "kind"),
    [
        ("fpu sse2 avx avx2 fma avx512f avx512bw avx512_bf16", "AVX-512 with bfloat16"),
        ("fpu sse2 avx avx2 fma avx512f avx512bw", "AVX-512"),
        ("fpu sse2 avx avx2 fma", "AVX2"),
        ("fpu sse2 avx", "other (no AVX2)"),
    ],
)
def test_cpu_kind_reads_the_instruction_set(monkeypatch, tmp_path, flags, kind):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(f"processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: {flags}\n")
    real_path = runtime.Path
    monkeypatch.setattr(
        runtime, "Path", lambda p: cpuinfo if p == "/proc/cpuinfo" else real_path(p)
    )
    assert runtime.cpu_kind() == kind


def test_cpu_kind_is_in_the_report():
    facts = dict(zip(*runtime.report().T.values, strict=True))
    assert facts["CPU kind"] == runtime.cpu_kind()


def test_op_determinism_is_asked_for_on_a_gpu_only(monkeypatch):
    import tensorflow as tf

    asked = []
    monkeypatch.setattr(
        tf.config.experimental, "enable_op_determinism", lambda: asked.append(True)
    )
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda kind: [])
    assert runtime._deterministic_on_gpu() is False and asked == []
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda kind: ["GPU:0"])
    assert runtime._deterministic_on_gpu() is True and asked == [True]
