"""scripts.experiments: the data split, the loop over seeds, results with a header."""

from __future__ import annotations

import importlib.machinery
import sys
import types

import keras
import numpy as np
import pandas as pd
import pytest
import tensorflow as tf

from helpers import data, results
from helpers.preprocessing import flatten_and_scale, scale_and_add_channel
from scripts import experiments


@pytest.fixture
def mnist(mnist_dir, monkeypatch):
    """The raw MNIST arrays, from the folder `split` reads too."""
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    return data.load_mnist()


def labels_of(one_hot: np.ndarray) -> np.ndarray:
    assert one_hot.shape[1:] == (10,) and set(np.unique(one_hot)) <= {0.0, 1.0}
    return one_hot.argmax(axis=1)


def assert_part(part, images, labels, prepare=flatten_and_scale):
    """``part`` is exactly these raw images and labels, prepared and one-hot."""
    x, y = part
    np.testing.assert_array_equal(x, prepare(images))
    np.testing.assert_array_equal(labels_of(y), labels)


def test_split_holds_out_the_last_images_and_learns_from_the_first(mnist):
    (x_train, y_train), _ = mnist
    learn, held = experiments.split(flatten_and_scale, 10_000, learn=6_000)
    assert len(learn[0]) == 6_000 and len(held[0]) == 10_000
    assert_part(learn, x_train[:6_000], y_train[:6_000])
    assert_part(held, x_train[50_000:], y_train[50_000:])
    # without learn, every image not held out is learnt from
    learn, held = experiments.split(scale_and_add_channel, 12_000)
    assert learn[0].shape == (48_000, 28, 28, 1) and held[0].shape[0] == 12_000
    assert_part(learn, x_train[:48_000], y_train[:48_000], scale_and_add_channel)
    assert_part(held, x_train[48_000:], y_train[48_000:], scale_and_add_channel)


def test_limit_keeps_the_first_images_of_each_part_and_nothing_else(mnist):
    (x_train, y_train), _ = mnist
    learn, held = experiments.split(flatten_and_scale, 10_000, learn=6_000, limit=100)
    assert_part(learn, x_train[:100], y_train[:100])
    assert_part(held, x_train[50_000:50_100], y_train[50_000:50_100])
    # a part smaller than the limit is kept whole
    learn, held = experiments.split(flatten_and_scale, 30, limit=100)
    assert_part(learn, x_train[:100], y_train[:100])
    assert_part(held, x_train[-30:], y_train[-30:])
    order = np.random.default_rng(0).permutation(60_000)
    learn, held = experiments.split(flatten_and_scale, 10_000, limit=50, shuffle=0)
    assert_part(held, x_train[order[:50]], y_train[order[:50]])
    assert_part(learn, x_train[order[10_000:10_050]], y_train[order[10_000:10_050]])


def test_shuffle_draws_the_held_out_images_once_as_the_ingredient_study_did(mnist):
    (x_train, y_train), _ = mnist
    # scripts/challenge.py's validation_split, as it stood before split replaced it
    order = np.random.default_rng(0).permutation(len(y_train))
    held_rows, kept_rows = order[:10_000], order[10_000:]
    learn, held = experiments.split(scale_and_add_channel, 10_000, shuffle=0)
    assert_part(held, x_train[held_rows], y_train[held_rows], scale_and_add_channel)
    # the same images in the same order: tf.data's shuffle of their indices then
    # gives each seed the batches it gave before
    assert_part(learn, x_train[kept_rows], y_train[kept_rows], scale_and_add_channel)
    again = experiments.split(flatten_and_scale, 10_000, shuffle=0)[1]
    np.testing.assert_array_equal(labels_of(again[1]), y_train[held_rows])
    other = experiments.split(flatten_and_scale, 10_000, shuffle=1)[1]
    assert not np.array_equal(labels_of(other[1]), y_train[held_rows])


def test_nothing_held_out_learns_from_all_60000(mnist):
    (x_train, y_train), _ = mnist
    learn, held = experiments.split(flatten_and_scale, 0)
    assert_part(learn, x_train, y_train)
    assert held[0].shape == (0, 784) and held[1].shape == (0, 10)


def test_test_set_is_the_test_images_with_the_same_limit(mnist):
    _, (x_test, y_test) = mnist
    assert_part(experiments.test_set(flatten_and_scale), x_test, y_test)
    assert_part(
        experiments.test_set(scale_and_add_channel, limit=100),
        x_test[:100],
        y_test[:100],
        scale_and_add_channel,
    )


@pytest.mark.parametrize(
    "held_out, options",
    [
        (-1, {}),
        (60_000, {}),
        (10_000, {"learn": 0}),
        (10_000, {"learn": 50_001}),
        (10_000, {"limit": 0}),
    ],
)
def test_split_refuses_parts_that_cannot_be(mnist, held_out, options):
    with pytest.raises(ValueError):
        experiments.split(flatten_and_scale, held_out, **options)


def test_written_results_read_back_with_machine_versions_and_command(tmp_path):
    frame = pd.DataFrame({"seed": [1, 2], "test_accuracy": [0.9951, 0.9957]})
    lines = experiments.header("scripts.challenge", ["seeds", "--epochs", "3"])
    path = experiments.write_results(frame, tmp_path / "sub" / "r.csv", lines)
    back = results.read_results(path)
    pd.testing.assert_frame_equal(back, frame)
    header = back.attrs["header"]
    assert header[0].startswith("machine: ") and "cores" in header[0]
    # the versions of the libraries this process imported, looked up by header
    assert header[1] == (
        f"versions: Python {sys.version.split()[0]}, "
        f"TensorFlow {tf.__version__}, Keras {keras.__version__}"
    )
    assert header[2] == "command: python -m scripts.challenge seeds --epochs 3"
    assert header[3].startswith("started: ") and header[3].endswith(" UTC")


def test_header_names_a_script_run_with_python_m_by_its_module(monkeypatch):
    # python -m scripts.convnet_changes runs it as __main__, with this spec
    main = types.ModuleType("__main__")
    main.__spec__ = importlib.machinery.ModuleSpec("scripts.convnet_changes", None)
    monkeypatch.setitem(sys.modules, "__main__", main)
    lines = experiments.header("__main__", ["--seeds", "1", "--output", "a b"])
    assert (
        lines[2]
        == "# command: python -m scripts.convnet_changes --seeds 1 --output 'a b'"
    )
    # run as a file, a script has no module name to give
    main.__spec__ = None
    with pytest.raises(ValueError, match="python -m"):
        experiments.header("__main__", [])


def test_header_lines_must_be_single_comment_lines(tmp_path):
    with pytest.raises(ValueError, match="header line"):
        experiments.write_results(pd.DataFrame({"a": [1]}), tmp_path / "r.csv", ["x"])


def test_over_seeds_runs_seeds_outermost_and_writes_after_every_run(tmp_path):
    written = []
    write = experiments.writer(tmp_path / "runs.csv", ["# machine: test"])

    def run(variant, seed):
        return [{"variant": variant, "seed": seed, "epoch": e} for e in (1, 2)]

    def record(rows):
        written.append(len(rows))
        write(rows)

    rows = experiments.over_seeds([1, 2], ["a", "b"], run, record)
    assert [(r["seed"], r["variant"]) for r in rows[::2]] == [
        (1, "a"),
        (1, "b"),
        (2, "a"),
        (2, "b"),
    ]
    assert written == [2, 4, 6, 8]
    frame = results.read_results(tmp_path / "runs.csv")
    assert len(frame) == 8 and frame.attrs["header"] == ["machine: test"]
