"""scripts.challenge: notebook 07's recipe run by a script, its results as data.

The recipe's functions come from the notebook's cells tagged ``recipe``; these tests
check them on tiny data, then the script's two parts end to end on a few hundred
images and one epoch.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import results
from scripts import challenge


@pytest.fixture(scope="module")
def recipe():
    return challenge.load_recipe()


def strokes(n: int = 4) -> np.ndarray:
    images = np.zeros((n, 28, 28, 1), np.float32)
    images[:, 6:22, 12:16] = 1.0  # a thick vertical bar in the middle
    return images


def test_the_recipe_cells_define_the_model_feed_and_training(recipe):
    for name in ("random_affine", "random_elastic", "training_batches"):
        assert callable(recipe[name])
    model = recipe["challenge_convnet"]()
    assert model.output_shape == (None, 10)
    half = recipe["challenge_convnet"](width=16)
    assert half.count_params() < model.count_params() / 3
    assert isinstance(recipe["EPOCHS"], int) and recipe["EPOCHS"] > 0


def test_no_distortion_gives_back_the_image(recipe):
    images = strokes()
    still = dict(degrees=0.0, shift=0.0, zoom=0.0, shear=0.0)
    np.testing.assert_allclose(recipe["random_affine"](images, **still), images)
    np.testing.assert_allclose(
        recipe["random_elastic"](images, alpha=0.0, **still), images, atol=1e-5
    )


def test_distortion_fills_with_zeros_and_keeps_the_ink_near(recipe):
    ones = np.ones((8, 28, 28, 1), np.float32)
    shifted = np.asarray(
        recipe["random_affine"](ones, degrees=0.0, zoom=0.0, shift=4.0, shear=0.0)
    )
    # reflect or nearest fill would keep the image white; zero fill shows black edges
    assert (shifted == 0).any(axis=(1, 2, 3)).mean() > 0.5
    images = strokes(8)
    moved = np.asarray(recipe["random_affine"](images))
    assert moved.shape == images.shape and not np.allclose(moved, images)
    np.testing.assert_allclose(
        moved.sum(axis=(1, 2, 3)), images.sum(axis=(1, 2, 3)), rtol=0.3
    )
    warped = np.asarray(recipe["random_elastic"](images))
    assert warped.shape == images.shape
    assert 0 <= warped.min() and warped.max() <= 1 + 1e-6  # interpolation rounding


def test_affine_and_elastic_versions_draw_the_same_map(recipe):
    import keras

    images = strokes(6)
    keras.utils.set_random_seed(7)
    affine = np.asarray(recipe["random_affine"](images))
    keras.utils.set_random_seed(7)
    elastic = np.asarray(recipe["random_elastic"](images, alpha=0.0))
    # two resamplers (affine_transform, map_coordinates) reading the same places
    np.testing.assert_allclose(affine, elastic, atol=1e-4)
    assert not np.allclose(affine, images)


def test_validation_split_is_disjoint_and_the_same_every_time():
    images = np.arange(100)[:, None]
    labels = np.arange(100)
    (train_x, train_y), (held_x, held_y) = challenge.validation_split(
        images, labels, 20
    )
    assert len(held_y) == 20 and len(train_y) == 80
    assert not set(train_y) & set(held_y)
    assert (train_x[:, 0] == train_y).all() and (held_x[:, 0] == held_y).all()
    again = challenge.validation_split(images, labels, 20)[1][1]
    np.testing.assert_array_equal(held_y, again)
    with pytest.raises(ValueError):
        challenge.validation_split(images, labels, 100)


def test_the_script_writes_both_files_with_their_header(
    tmp_path, mnist_dir, monkeypatch
):
    monkeypatch.setenv("MNIST_DATA_DIR", str(mnist_dir))
    argv = ["seeds", "ingredients", "--seeds", "1", "2", "--ingredient-seeds", "3"]
    argv += ["--epochs", "1", "--limit", "640", "--validation", "128"]
    assert challenge.main([*argv, "--output", str(tmp_path)]) == 0

    seeds = results.read_results(tmp_path / "challenge_seeds.csv")
    assert list(seeds.columns) == ["seed", "test_accuracy", "train_seconds", "epochs"]
    assert seeds["seed"].tolist() == [1, 2] and (seeds["epochs"] == 1).all()
    assert seeds["test_accuracy"].between(0, 1).all()
    assert (seeds["train_seconds"] > 0).all()

    ingredients = results.read_results(tmp_path / "ingredients.csv")
    assert list(ingredients.columns) == [
        "variant",
        "seed",
        "val_accuracy",
        "train_seconds",
    ]
    names = list(challenge.variants(challenge.load_recipe()))
    assert ingredients["variant"].tolist() == names and (ingredients["seed"] == 3).all()
    # 128 validation images: every accuracy is a whole number of them
    np.testing.assert_allclose(
        (ingredients["val_accuracy"] * 128),
        (ingredients["val_accuracy"] * 128).round(),
        atol=0.02,
    )
    header = ingredients.attrs["header"]
    assert header[0].startswith("machine: ") and "Keras" in header[1]
    assert "scripts.challenge seeds ingredients" in header[2]
