"""scripts.challenge: notebook 07's recipe run by a script, its results as data.

The recipe is notebook 07's own (`helpers.lessons.nb07`); these tests check it on
tiny data and check that each part learns from and is measured on the images it
always was, then run the script's two parts end to end on a few hundred images and
one epoch.
"""

from __future__ import annotations

import keras
import numpy as np
import pytest

from helpers import data, results
from helpers.lessons import nb07
from helpers.preprocessing import scale_and_add_channel
from scripts import challenge


def strokes(n: int = 4) -> np.ndarray:
    images = np.zeros((n, 28, 28, 1), np.float32)
    images[:, 6:22, 12:16] = 1.0  # a thick vertical bar in the middle
    return images


def test_the_half_width_variant_has_under_a_third_of_the_parameters():
    model = nb07.challenge_convnet()
    assert model.output_shape == (None, 10)
    half = nb07.challenge_convnet(width=16)
    assert half.count_params() < model.count_params() / 3
    assert isinstance(nb07.EPOCHS, int) and nb07.EPOCHS > 0


def test_no_distortion_gives_back_the_image():
    images = strokes()
    still = dict(degrees=0.0, shift=0.0, zoom=0.0, shear=0.0)
    np.testing.assert_allclose(nb07.random_affine(images, **still), images)
    np.testing.assert_allclose(
        nb07.random_elastic(images, alpha=0.0, **still), images, atol=1e-5
    )


def test_distortion_fills_with_zeros_and_keeps_the_ink_near():
    ones = np.ones((8, 28, 28, 1), np.float32)
    shifted = np.asarray(
        nb07.random_affine(ones, degrees=0.0, zoom=0.0, shift=4.0, shear=0.0)
    )
    # reflect or nearest fill would keep the image white; zero fill shows black edges
    assert (shifted == 0).any(axis=(1, 2, 3)).mean() > 0.5
    images = strokes(8)
    moved = np.asarray(nb07.random_affine(images))
    assert moved.shape == images.shape and not np.allclose(moved, images)
    np.testing.assert_allclose(
        moved.sum(axis=(1, 2, 3)), images.sum(axis=(1, 2, 3)), rtol=0.3
    )
    warped = np.asarray(nb07.random_elastic(images))
    assert warped.shape == images.shape
    assert 0 <= warped.min() and warped.max() <= 1 + 1e-6  # interpolation rounding


def test_affine_and_elastic_versions_draw_the_same_map():
    images = strokes(6)
    keras.utils.set_random_seed(7)
    affine = np.asarray(nb07.random_affine(images))
    keras.utils.set_random_seed(7)
    elastic = np.asarray(nb07.random_elastic(images, alpha=0.0))
    # two resamplers (affine_transform, map_coordinates) reading the same places
    np.testing.assert_allclose(affine, elastic, atol=1e-4)
    assert not np.allclose(affine, images)


def test_each_part_uses_the_images_it_always_did(mnist_dir, monkeypatch):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    # seeds: all 60,000 training images, then the test set
    (x, y), (x_eval, y_eval) = challenge.study_data("seeds")
    np.testing.assert_array_equal(x, scale_and_add_channel(x_train))
    np.testing.assert_array_equal(y.argmax(axis=1), y_train)
    np.testing.assert_array_equal(x_eval, scale_and_add_channel(x_test))
    np.testing.assert_array_equal(y_eval.argmax(axis=1), y_test)
    # ingredients: the validation_split this script made before scripts.experiments
    # had split: 10,000 images at random, default_rng(0), the rest in that order
    order = np.random.default_rng(0).permutation(60_000)
    (x, y), (x_val, y_val) = challenge.study_data("ingredients")
    np.testing.assert_array_equal(x_val, scale_and_add_channel(x_train[order[:10_000]]))
    np.testing.assert_array_equal(y_val.argmax(axis=1), y_train[order[:10_000]])
    np.testing.assert_array_equal(y.argmax(axis=1), y_train[order[10_000:]])
    np.testing.assert_array_equal(x, scale_and_add_channel(x_train[order[10_000:]]))
    with pytest.raises(ValueError, match="unknown part"):
        challenge.study_data("test")


@pytest.mark.training
def test_the_script_writes_both_files_with_their_header(
    tmp_path, mnist_dir, monkeypatch
):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    runs = []
    train = nb07.train

    def recorded(model, images, labels, epochs, **options):
        runs.append((model.name, len(labels), epochs, options))
        history = train(model, images, labels, epochs, **options)
        assert isinstance(history, keras.callbacks.History)
        return history

    monkeypatch.setattr(nb07, "train", recorded)
    argv = ["seeds", "ingredients", "--seeds", "1", "2", "--ingredient-seeds", "3"]
    argv += ["--epochs", "1", "--limit", "256", "--validation", "128"]
    assert challenge.main([*argv, "--output", str(tmp_path)]) == 0

    seeds = results.read_results(tmp_path / "challenge_seeds.csv")
    assert list(seeds.columns) == ["seed", "test_accuracy", "train_seconds", "epochs"]
    assert seeds["seed"].tolist() == [1, 2] and (seeds["epochs"] == 1).all()
    # 256 test images (the limit): every accuracy is a whole number of them
    np.testing.assert_allclose(
        seeds["test_accuracy"] * 256, (seeds["test_accuracy"] * 256).round(), atol=0.02
    )
    assert (seeds["train_seconds"] > 0).all()

    ingredients = results.read_results(tmp_path / "ingredients.csv")
    assert list(ingredients.columns) == [
        "variant",
        "seed",
        "val_accuracy",
        "train_seconds",
    ]
    names = list(challenge.variants())
    assert ingredients["variant"].tolist() == names and (ingredients["seed"] == 3).all()
    # 128 validation images: every accuracy is a whole number of them
    np.testing.assert_allclose(
        (ingredients["val_accuracy"] * 128),
        (ingredients["val_accuracy"] * 128).round(),
        atol=0.02,
    )
    header = ingredients.attrs["header"]
    assert header[0].startswith("machine: ") and "Keras" in header[1]
    assert header[2] == (
        f"command: python -m scripts.challenge {' '.join(argv)} --output {tmp_path}"
    )
    # every run is the notebook's training call, on the limit's 256 images
    assert [run[1:3] for run in runs] == [(256, 1)] * (2 + len(names))
    assert runs[2 + names.index("no augmentation")][3] == {"augment": None}
    assert runs[2 + names.index("elastic distortion added")][3] == {
        "augment": nb07.random_elastic
    }
