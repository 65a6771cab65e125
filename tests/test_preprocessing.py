"""helpers.preprocessing: the transformations taught in notebook 01."""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers import preprocessing

IMAGES = np.arange(2 * 28 * 28).reshape(2, 28, 28).astype(np.uint8)


def test_flatten_and_scale_is_row_major_and_in_unit_range():
    flat = preprocessing.flatten_and_scale(IMAGES)
    assert flat.shape == (2, 784) and flat.dtype == np.float32
    assert flat[1, 28 * 3 + 5] == pytest.approx(IMAGES[1, 3, 5] / 255)
    assert flat.min() >= 0 and flat.max() == pytest.approx(1.0)


def test_scale_and_add_channel():
    images = preprocessing.scale_and_add_channel(IMAGES)
    assert images.shape == (2, 28, 28, 1) and images.dtype == np.float32
    assert np.array_equal(images[..., 0], IMAGES / np.float32(255))


def test_one_hot_matches_labels():
    encoded = preprocessing.one_hot(np.array([3, 0, 9], np.uint8))
    assert encoded.shape == (3, 10) and encoded.dtype == np.float32
    assert encoded.argmax(axis=1).tolist() == [3, 0, 9]
    assert encoded.sum(axis=1).tolist() == [1, 1, 1]


@pytest.mark.parametrize(
    ("images", "message"),
    [
        (IMAGES.astype("float32") / 255, "already scaled"),
        (IMAGES.reshape(2, 784), "already flattened"),
        (IMAGES[..., np.newaxis], r"shape \(N, 28, 28\)"),
        (IMAGES.astype(np.int64), "uint8"),
        (IMAGES.tolist(), "NumPy array"),
    ],
)
def test_wrong_images_are_refused(images, message):
    for function in (
        preprocessing.flatten_and_scale,
        preprocessing.scale_and_add_channel,
    ):
        with pytest.raises(ValueError, match=message):
            function(images)


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (np.array([0, 10]), r"0\.\.9"),
        (np.array([-1, 2]), r"0\.\.9"),
        (np.eye(10)[:2], "one-dimensional"),
        (np.array([0.0, 1.0]), "integers"),
    ],
)
def test_wrong_labels_are_refused(labels, message):
    with pytest.raises(ValueError, match=message):
        preprocessing.one_hot(labels)


@pytest.mark.parametrize("shape", [(28, 28), (28, 28, 1), (784,)])
def test_as_image_accepts_the_three_layouts(shape):
    image = preprocessing.as_image(np.arange(784).reshape(shape))
    assert image.shape == (28, 28) and image[1, 0] == 28


def test_as_image_keeps_the_size_of_other_collections():
    assert preprocessing.as_image(np.zeros((8, 8))).shape == (8, 8)
    assert preprocessing.as_image(np.zeros((32, 20, 1))).shape == (32, 20)


@pytest.mark.parametrize("shape", [(783,), (28, 28, 3), (2, 28, 28, 1)])
def test_as_image_refuses_other_shapes(shape):
    with pytest.raises(ValueError, match="got " + re.escape(str(shape))):
        preprocessing.as_image(np.zeros(shape))


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (np.array([[1, 2]]), "one-dimensional"),
        (np.array([0.0, 1.0]), "must be integers"),
        (np.array([0, 10]), r"must lie in 0..9, got values from 0 to 10"),
    ],
)
def test_check_labels_names_the_problem(labels, message):
    with pytest.raises(ValueError, match=message):
        preprocessing.check_labels(labels)
    assert preprocessing.check_labels([3, 1]).tolist() == [3, 1]
